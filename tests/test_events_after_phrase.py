"""An act an "after"/"following" phrase introduces with an indefinite article is an act of its own, the earlier of
the two (GUIDELINES: "after X, Y" -> two rows); "after the battle" names an act told before (predicates.py
_introduced_after, extract.py before_acts)."""


def test_after_an_act_gives_two_rows(nlp):
    from pipeline import extract_text
    ev = extract_text("In October 1903 soldiers arrested hundreds of students in the capital after an unsanctioned "
                      "demonstration.", doc_id="ex", nlp=nlp)["events"]
    assert sorted(ev.trigger) == ["arrested", "demonstration"]
    assert ev.event_key.nunique() == 2 and set(ev.start_date) == {"1903-10-01"}


def test_after_the_act_is_a_time_reference(nlp):
    from pipeline import extract_text
    ev = extract_text("In October 1903 soldiers arrested hundreds of students in the capital after the "
                      "demonstration.", doc_id="ex", nlp=nlp)["events"]
    assert list(ev.trigger) == ["arrested"]


def test_a_day_does_not_hold_the_act_before_it(nlp):
    from pipeline import extract_text
    ev = extract_text("On 14 May 1897 the army entered the town after a brief battle.", doc_id="ex", nlp=nlp)["events"]
    assert list(ev.trigger) == ["entered"]


def test_after_a_series_of_acts(nlp):
    """ "following a series of strikes", "after a wave of arrests": the partitive introduces the acts of its of-phrase."""
    from pipeline import extract_text
    ev = extract_text("In May 1926 the cabinet resigned after a wave of arrests.", doc_id="ex", nlp=nlp)["events"]
    assert sorted(ev.trigger) == ["arrests", "resigned"] and ev.event_key.nunique() == 2
    ev = extract_text("In May 1926 the cabinet resigned after the wave of arrests.", doc_id="ex", nlp=nlp)["events"]
    assert list(ev.trigger) == ["resigned"]


def test_an_act_told_before_keeps_its_own_doers(nlp):
    """ "Three days after the massacre, NATO issued an ultimatum": the side of the clause around an act told before
    (arguments.told_act) did not do it; a two-sided act told before keeps the clause's subject as a side ("after the
    first encounter the Indians began to leave")."""
    from pipeline import extract_text
    tables = extract_text("On 5 February 1994 a shell killed 68 people at the market. Three days after the massacre, "
                          "NATO issued an ultimatum.", doc_id="ex", nlp=nlp)
    ev = tables["events"]
    assert "nato" not in ";".join(ev[ev.event_type == "attack"].actors).split(";")
    assert list(ev[ev.event_type == "declaration"].actors) == ["nato"]
    chron = tables["chronicle"]
    assert "NATO" not in ";".join(chron[chron.event_type == "attack"].actors)
    ev = extract_text("On 3 June 1813 the Americans fought the British at Stoney Creek. After the battle, the British "
                      "withdrew to Burlington.", doc_id="ex", nlp=nlp)["events"]
    assert ev[ev.event_type == "clash"].actors.str.contains("britain").all()
