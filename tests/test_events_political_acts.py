"""Political acts dated only by their sentence or the narrative: an act stated as done in the narrative's own voice
(predicates.py political_act, predicates.json political_act_verbs) reaches the chronicle; what someone said, an idiom
and a relative clause describing a thing stay in events.csv only."""
import pytest

from pipeline import extract_text
from pipeline.events.extract import types

CASES = [
    ("In May 1776 the finance minister was dismissed. The King appointed Necker to the post.", "appointed", True),
    ("In June 1791 the royal family was arrested at Varennes. Danton fled to England.", "fled", True),
    ("In June 1791 the royal family fled Paris. The Assembly provisionally suspended the King.", "suspended", True),
    ("In May 1776 the finance minister was dismissed. Necker argued that the country could not be taxed higher.", "argued", False),
    ("In June 1791 the royal family was arrested at Varennes. The crowd met fierce resistance from the guards.", "met", False),
    # an announcement a named doer makes in the main clause is an act (EVENTS.md: a statement is `other`); an unnamed
    # one's, or one a clause reports, is not
    ("In March 1983 the envoy returned to Beirut. Shultz announced that the talks would resume.", "announced", True),
    ("In March 1983 the envoy returned to Beirut. The spokesman announced that the talks would resume.", "announced", False),
    ("In March 1983 the envoy returned to Beirut. Shultz would announce that the talks would resume.", "announce", False),
]


@pytest.mark.parametrize("text,trigger,sure", CASES, ids=[c[1] for c in CASES])
def test_political_act_confidence(text, trigger, sure, nlp):
    events = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    rows = events[events.trigger == trigger]
    floor = types()["chronicle_min_confidence"]
    if sure:
        assert len(rows) and rows.confidence.max() >= floor, events[["event_type", "trigger", "confidence"]].values.tolist()
    else:
        assert not len(rows) or rows.confidence.max() < floor, events[["event_type", "trigger", "confidence"]].values.tolist()
