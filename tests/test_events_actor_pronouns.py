"""A plural pronoun ("they demanded") stands for a group, never for the one man who acted last: with no side named
before, the act has no actor rather than his name; "it" still stands for the side that acted last."""
from pipeline import extract_text


def actors_of(text, trigger, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[ev.trigger == trigger].actors.tolist()


def test_they_is_not_the_man_who_acted_last(nlp):
    assert actors_of("In June 1793, Robespierre denounced the Girondins. Two days later, they demanded the arrest of "
                     "the deputies.", "demanded", nlp) == [""]


def test_it_is_still_the_side_that_acted_last(nlp):
    assert actors_of("On 10 October 1973, Egypt attacked the Israeli lines. On 12 October 1973, it proposed a ceasefire "
                     "to the Americans.", "proposed", nlp) == ["egypt"]
