"""Chronicle grouping: two acts of one sentence never become one row through a finer mention they both nest."""
from pipeline import extract_text


def test_two_acts_of_a_sentence_nested_in_one_finer_mention_stay_two_rows(nlp):
    text = ("On 23 October 1989 parliament adopted a new constitution. The economic collapse led many workers to seek "
            "work abroad. In October 1989 the leader resigned, while thousands of students marched in protest.")
    tables = extract_text(text, doc_id="ex", nlp=nlp)
    events = tables["events"]
    keys = {r.trigger: r.event_key for r in events.itertuples()}
    assert {"resigned", "marched"} <= set(keys)
    assert keys["resigned"] != keys["marched"]
    assert (tables["chronicle"].event_type == "other").sum() == 2
