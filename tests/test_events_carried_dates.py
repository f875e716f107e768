"""Dates carried to an act from elsewhere in its sentence or the narrative (session 19, issue #13)."""
from pipeline import extract_text


def test_until_date_of_an_effect_dates_no_act(nlp):
    """ "declared a national emergency on 16 December 1950, effective until 14 September 1978": the end of the
    declaration's effect is no second date of the declaration."""
    ev = extract_text("Fighting spread through the hills in 1961. On 3 May 1962 the council declared a state of siege, "
                      "effective until 30 June 1964.", doc_id="ex", nlp=nlp)["events"]
    decl = ev[ev.event_type == "declaration"]
    assert set(zip(decl.start_date, decl.end_date)) == {("1962-05-03", "1962-05-03")}
    # a plain until-date of an act stays its date ("the siege lasted until 30 June 1964")
    ev = extract_text("In 1962 the rebels besieged the port. The siege lasted until 30 June 1964.", doc_id="ex",
                      nlp=nlp)["events"]
    assert any("1964" in str(d) for d in ev.end_date)


def test_past_span_dates_the_act_before_the_story_day(nlp):
    """ "Over the previous two months the navy had shelled the coast": from two months before the story's day up to
    it, not the story's day itself."""
    ev = extract_text("On 3 March 1962 the rebels seized the port. Over the previous two months the navy had shelled "
                      "the coast.", doc_id="ex", nlp=nlp)["events"]
    att = ev[ev.event_type == "attack"]
    assert set(zip(att.start_date, att.end_date)) == {("1962-01-03", "1962-03-03")}
    ev = extract_text("The northern army crossed the river at dawn on 25 June 1962. In the past year, both armies had "
                      "continually harassed each other with skirmishes along the border.", doc_id="ex", nlp=nlp)["events"]
    assert ("1961-06-25", "1962-06-25") in set(zip(ev[ev.event_type == "clash"].start_date, ev[ev.event_type == "clash"].end_date))


def test_present_perfect_span_counts_from_the_writing_not_the_story(nlp):
    """ "Incidents of shooting have become common over the past two years": a present perfect counts back from the
    time of writing, so the stretch is not set before the story's date."""
    ev = extract_text("On 3 March 1962 the rebels seized the port. Incidents of shooting have become common over the past "
                      "two years.", doc_id="ex", nlp=nlp)["events"]
    assert "1960-03-03" not in set(ev.start_date)
