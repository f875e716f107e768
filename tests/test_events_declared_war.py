"""A war declared by the name the text dates it by is declared when it begins: its first year (month, day), not its span."""
from pipeline import extract_text

DATED = "The Third Punic War (149 BC - 146 BC) was the last war between Rome and Carthage. "


def _declarations(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[ev.event_type == "declaration"][["start_date", "end_date"]].values.tolist()


def test_declared_war_takes_its_first_year(nlp):
    got = _declarations(DATED + "When the Carthaginians refused the last demand, Rome declared the Third Punic War.", nlp)
    assert ["-0149-01-01", "-0149-12-31"] in got and ["-0149-01-01", "-0146-12-31"] not in got


def test_declaration_set_in_the_war_keeps_its_span(nlp):
    got = _declarations(DATED + "During the Third Punic War, Utica declared its independence from Carthage.", nlp)
    assert got == [["-0149-01-01", "-0146-12-31"]]
