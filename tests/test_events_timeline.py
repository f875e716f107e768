"""A chronology's entries ("18 March – Security forces open fire ...") tell their acts in the historical present, each
dated by the date that opens its line; a since-date in an entry is when a state began, not the story's date
(pipeline/events/predicates.timeline_entry, pipeline/time/extract.py SINCE)."""
from pipeline import extract_text

TIMELINE = """Timeline of the uprising

2011
18 March – Security forces open fire on protesters in Daraa.
21 April – The president lifts the state of emergency in force since 1963.
25 April – The army besieges Daraa with tanks.

2012
1 March – Rebels withdraw from Baba Amr.
19 July – Rebels launch an offensive on Aleppo.
"""


def _rows(text, nlp):
    chron = extract_text(text, doc_id="tl", nlp=nlp)["chronicle"]
    return chron[["event_type", "start_date", "end_date"]].values.tolist()


def test_timeline_entries_in_the_present_are_acts_of_their_line_dates(nlp):
    rows = _rows(TIMELINE, nlp)
    for expected in (["attack", "2011-03-18", "2011-03-18"], ["offensive", "2011-04-25", "2011-04-25"],
                     ["withdrawal", "2012-03-01", "2012-03-01"], ["offensive", "2012-07-19", "2012-07-19"]):
        assert expected in rows, rows


def test_a_since_date_neither_dates_the_entry_nor_moves_the_story(nlp):
    rows = _rows(TIMELINE, nlp)
    assert not any(start.startswith("1963") for _, start, _ in rows), rows
    assert ["other", "2011-04-21", "2011-04-21"] in rows


def test_the_writers_present_outside_a_chronology_is_no_act(nlp):
    rows = _rows("In 1968 the army took the city. The historian Smith argues that the army attacks the city.", nlp)
    assert ["offensive", "1968-01-01", "1968-12-31"] in rows
    assert not any(t == "attack" for t, _, _ in rows), rows
