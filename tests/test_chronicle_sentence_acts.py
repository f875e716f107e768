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


def test_a_verb_typed_by_its_own_act_word_is_one_row_with_it(nlp):
    # the date hangs on the noun ("a ceasefire on 15 December"), the verb takes its type from that noun
    for text, kind in (("Lt Gen Niazi agreed to a ceasefire on 15 December 1971.", "ceasefire"),
                       ("The rebels agreed to an armistice on 2 May 1920.", "ceasefire")):
        chronicle = extract_text(text, doc_id="ex", nlp=nlp)["chronicle"]
        assert (chronicle.event_type == kind).sum() == 1, chronicle[["event_type", "start_date"]].values.tolist()
