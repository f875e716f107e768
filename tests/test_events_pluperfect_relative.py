"""A relative clause in the past perfect describes who or what acts by what had happened before: it does not take
the date of the act it stands in (pipeline/events/extract.py, _pluperfect_relative)."""
from pipeline import extract_text


def test_a_pluperfect_relative_clause_is_no_act_at_its_sentence_date(nlp):
    text = "Legislators who had escaped arrest formed a committee on 16 April 2021."
    chron = extract_text(text, doc_id="ex", nlp=nlp)["chronicle"]
    rows = chron[["event_type", "start_date"]].values.tolist()
    assert ["other", "2021-04-16"] in rows
    assert not any(t == "withdrawal" for t, _ in rows), rows


def test_a_simple_past_relative_clause_with_its_own_date_stays_an_act(nlp):
    text = "The garrison, which withdrew on 3 May 1915, had held the fort for a year."
    chron = extract_text(text, doc_id="ex", nlp=nlp)["chronicle"]
    assert ["withdrawal", "1915-05-03"] in chron[["event_type", "start_date"]].values.tolist()
