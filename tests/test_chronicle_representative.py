"""Chronicle rows: which mention represents a row (lends its date, type and actors)."""
from pipeline.events.chronicle import chronicle_rows, representative


def _m(eid, start, conf, actors, sd="1776-10-01", ed="1776-10-31", typ="withdrawal"):
    return {"event_id": eid, "doc_id": "ex", "start": start, "confidence": conf, "actors": actors,
            "start_date": sd, "end_date": ed, "event_type": typ, "locations": "", "text": eid, "event_key": "k"}


def test_narrowest_then_surest_wins_whatever_it_names():
    wide = _m("ex:e1", 10, 0.95, "britain", sd="1776-01-01", ed="1776-12-31")
    fine = _m("ex:e2", 200, 0.5, "")
    assert representative([wide, fine]) is fine
    sure = _m("ex:e3", 300, 0.7, "")
    assert representative([fine, sure]) is sure


def test_a_tie_goes_to_the_mention_that_names_who_acted_then_to_the_first_told():
    # "The withdrawal went on" (no actor) and "the Americans fell back" (an actor): equal width and confidence
    bare = _m("ex:e1", 10, 0.5, "")
    named = _m("ex:e2", 400, 0.5, "united-states")
    assert representative([bare, named]) is named
    assert representative([named, bare]) is named
    # two that name actors: the first told, not the one whose id sorts first
    later = _m("ex:e10", 900, 0.5, "britain")
    earlier = _m("ex:e9", 95, 0.5, "united-states")
    assert representative([later, earlier]) is earlier


def test_the_row_takes_the_representatives_actors():
    rows = chronicle_rows([_m("ex:e1", 10, 0.5, ""), _m("ex:e2", 400, 0.5, "united-states")],
                          {"united-states": "United States"})
    assert len(rows) == 1 and rows[0]["actors"] == "United States"


def test_lent_actors_stop_at_three_names():
    # a representative that names nobody takes the others' actors, but not every name a long group gathered
    ms = [_m("ex:e1", 10, 0.5, ""), _m("ex:e2", 400, 0.35, "assembly;clergy"), _m("ex:e3", 900, 0.3, "napoleon;church")]
    rows = chronicle_rows(ms, {})
    assert rows[0]["actors"].split(";") == ["assembly", "clergy", "napoleon"]
    # a representative's own names are all kept
    ms = [_m("ex:e1", 10, 0.9, "france;spain;netherlands;britain"), _m("ex:e2", 400, 0.35, "prussia")]
    assert chronicle_rows(ms, {})[0]["actors"] == "france;spain;netherlands;britain"
