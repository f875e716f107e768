"""What an agreement, a promise or a statement says would happen is no event (EVENTS.md: reported-future predicates),
nor does its date time another act; "would" of the main line is the narrative's future in the past and stays an act."""
from pipeline import extract_text


def dated(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return set(zip(ev.event_type, ev.start_date, ev.end_date))


def test_what_was_agreed_or_promised_to_happen_is_no_event(nlp):
    got = dated("In November 1943 the Allied leaders met in Tehran and agreed that the Western Allies would invade "
                "France in 1944.", nlp)
    assert ("agreement", "1943-11-01", "1943-11-30") in got
    assert not any(start.startswith("1944") for _, start, _ in got), got
    got = dated("On 3 May 1975 the president promised that the troops would withdraw by June.", nlp)
    assert got == {("other", "1975-05-03", "1975-05-03")}, got


def test_the_agreements_own_date_is_not_taken_by_the_noun(nlp):
    got = dated("The latter included agreement that the Western Allies would invade Europe in 1944.", nlp)
    assert not any(start.startswith("1944") for _, start, _ in got), got


def test_would_of_the_main_line_is_an_act(nlp):
    got = dated("Marie Antoinette would follow him to the guillotine on 16 October 1793.", nlp)
    assert ("attack", "1793-10-16", "1793-10-16") in got
    got = dated("The army would capture the city on 5 May 1944.", nlp)
    assert ("offensive", "1944-05-05", "1944-05-05") in got
