"""Chronicle grouping: an overview that tells an act again later (a chapter's summary of the year, a lead, an
introduction) is one row with the finer telling when both name one place and one act family (chronicle._join_retold)."""
from pipeline import extract_text

OVERVIEW = ("The campaign of 1854 was long and costly for both sides.\n\n"
            "In March the allies attacked the garrison at Fort Alder, on the northern coast.\n\n"
            "The garrison of the fort had been reinforced during the winter by fresh troops from the capital.\n\n")
LATER = ("On 12 March 1854 the allied fleet attacked the garrison at Fort Alder at dawn. The garrison held out for a week."
         "\n\nOn 25 March the allied army attacked again, farther inland.")


def _attacks(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[ev.trigger == "attacked"].sort_values("start")


def test_an_overview_month_joins_the_day_told_later_at_the_same_place(nlp):
    rows = _attacks(OVERVIEW + LATER, nlp)
    assert len(rows) == 3
    overview, day, other = rows.event_key.tolist()
    assert overview == day != other
    assert overview.split(":")[1] == "1854-03-12"


def test_a_date_that_is_only_a_bound_is_no_overview(nlp):
    rows = _attacks(OVERVIEW.replace("In March the allies", "By March the allies had") + LATER, nlp)
    assert rows.event_key.nunique() == 3


def test_another_place_is_not_the_act_told_again(nlp):
    rows = _attacks(OVERVIEW + LATER.replace("Fort Alder", "Port Hollin"), nlp)
    overview, day, _ = rows.event_key.tolist()
    assert overview != day


def test_the_same_paragraph_tells_two_acts(nlp):
    text = OVERVIEW.replace("northern coast.\n\n", "northern coast. ") + LATER
    rows = _attacks(text.replace("In March the allies attacked the garrison at Fort Alder, on the northern coast. "
                                 "The garrison of the fort had been reinforced during the winter by fresh troops from "
                                 "the capital.\n\nOn 12 March",
                                 "In March the allies attacked the garrison at Fort Alder, on the northern coast. "
                                 "On 12 March"), nlp)
    assert rows.event_key.nunique() == 3
