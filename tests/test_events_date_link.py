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


@pytest.mark.parametrize("text,first,second", [
    # the parser reads "the next day X killed" as a relative clause of "day", hung on the first verb
    ("On 19 March 1994 gunmen attacked the airport, and the next day suicide bombers killed forty worshippers.",
     ("attacked", "1994-03-19"), ("killed", "1994-03-20")),
    ("On 4 June 1921 rebels raided the depot, and the next day gunmen killed twelve policemen.",
     ("raided", "1921-06-04"), ("killed", "1921-06-05")),
])
def test_a_date_after_a_comma_and_opening_a_clause_times_that_clause(nlp, text, first, second):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    for word, day in (first, second):
        rows = ev[ev.trigger == word]
        assert len(rows) and set(rows.start_date) == {day}, ev[["trigger", "start_date"]].values.tolist()


def test_a_sentence_opening_date_the_parser_hangs_on_the_subject_times_the_verb(nlp):
    # "On 3 May British troops led by X captured": "3 May" read as a modifier of "troops", the participle "led" its act
    ev = extract_text("On 3 May 1777 British troops led by General Howe captured the town.", doc_id="ex", nlp=nlp)["events"]
    took = ev[(ev.trigger == "captured") & (ev.start_date == "1777-05-03")]
    assert len(took) and took.confidence.max() >= 0.75, ev[["trigger", "start_date", "confidence"]].values.tolist()


@pytest.mark.parametrize("text,etype,day", [
    # the parser hangs the day on the last noun of the act noun's phrases; a thing has no day of its own
    ("In May 1962 the talks resumed. The three factions reached agreement on the composition of the new cabinet on "
     "June 12, 1962.", "agreement", "1962-06-12"),
    ("In March 1921 the fighting stopped. The two governments signed a treaty on the future of the border region on "
     "16 March 1921.", "agreement", "1921-03-16"),
])
def test_a_day_on_a_noun_inside_an_act_nouns_phrases_times_that_act(nlp, text, etype, day):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    hits = ev[(ev.event_type == etype) & (ev.start_date == day)]
    assert len(hits) and hits.confidence.max() >= 0.75, ev[["event_type", "start_date", "confidence"]].values.tolist()
