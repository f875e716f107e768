"""A date the parser hangs on a clause's subject, written between the subject and its verb ("the general on
4 June 1944 crossed the river"), is the verb's own date: the act gets the confidence an own date gives."""
import pytest

from pipeline.extract import extract_text


@pytest.mark.parametrize("text,etype,day", [
    ("The general on 4 June 1944 crossed the river with his army.", "offensive", "1944-06-04"),
    ("The prime minister on 9 May 1945 announced the ceasefire to parliament.", "other", "1945-05-09"),
    ("The Security Council on 27 June 1950 adopted a resolution calling for assistance.", "resolution", "1950-06-27"),
])
def test_date_between_subject_and_verb_is_the_verbs(nlp, text, etype, day):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    hits = ev[(ev.event_type == etype) & (ev.start_date == day)]
    assert len(hits) and hits.confidence.max() >= 0.75, ev[["event_type", "start_date", "confidence"]].values.tolist()
