"""The event re-ranker (pipeline/events/rerank.py, reranker.json): trained on development documents only, it only
decides which side of the chronicle floor a rule candidate is on, and a "promote" model only lifts candidates the
rules left under the floor."""
import re

import pytest

from pipeline.events import rerank
from pipeline.events.extract import types

DEV = {"01-ww2", "02-ww1", "04-amrevwar", "05-vietnamwar", "06-koreanwar", "08-frenchrev", "10-punicwars",
       "n2-war1812campaign1813", "n7-fallofcommunismeasterneurope1989",
       "n10-arabisraeliwar1973", "n12-hornofafrica1977-1980"}
FEATURE = re.compile(r"^[a-z_]+(=[A-Za-z0-9_<>=.|\-:]+)?$")


def test_floor_is_the_chronicle_floor():
    assert rerank.FLOOR == types()["chronicle_min_confidence"]


def test_promote_model_never_lowers_a_kept_candidate():
    m = {"mode": "promote", "floor": 0.35}
    assert rerank.decided(0.9, 0.01, m) == 0.9
    assert rerank.decided(0.5, 0.01, m) == 0.5
    assert rerank.decided(0.45, 0.6, m) == 0.5          # lifted to the floor, no higher: grouping reads the rule's
    assert rerank.decided(0.3, 0.2, m) == 0.3
    # a model deciding both ways keeps the rule confidence on the side it chose
    both = {"floor": 0.5}
    assert rerank.decided(0.9, 0.2, both) == 0.49
    assert rerank.decided(0.95, 0.7, both) == 0.95


def test_demote_side_pushes_under_only_kept_candidates_the_rules_are_not_sure_of():
    d = {"floor": 0.3, "below": 0.75, "bias": -5.0, "weights": {}}          # scores every candidate ~0.007
    m = {"mode": "promote", "floor": 0.35, "demote": d}
    f = {"date_elsewhere": 1.0}
    assert rerank.decided(0.55, 0.01, m, 0.5, f) == 0.49     # dated by the narrative, scored low: pushed under
    assert rerank.decided(0.7, 0.01, m, 0.5, f) == 0.49
    assert rerank.decided(0.75, 0.01, m, 0.5, f) == 0.75     # dated by its own words: never demoted
    assert rerank.decided(0.9, 0.01, m, 0.5, f) == 0.9
    assert rerank.decided(0.45, 0.6, m, 0.5, f) == 0.5       # the promote side still lifts
    assert rerank.decided(0.55, 0.01, dict(m, demote=dict(d, bias=5.0)), 0.5, f) == 0.55   # scored high: kept
    only_elsewhere = dict(m, demote=dict(d, elsewhere_only=True))
    assert rerank.decided(0.55, 0.01, only_elsewhere, 0.5, {"date_in_sentence": 1.0}) == 0.55
    assert rerank.decided(0.55, 0.01, only_elsewhere, 0.5, f) == 0.49
    assert rerank.decided(0.55, 0.01, {"mode": "promote", "floor": 0.35}, 0.5, f) == 0.55  # no demote side


def test_shipped_model_is_trained_on_development_documents_over_classes_only():
    m = rerank.model()
    if m is None:
        pytest.skip("no model shipped")
    assert set(m["trained_on"]) <= DEV
    assert 0 < m["floor"] < 1 and m["mode"] in ("promote", "decide")
    bad = [k for k in m["weights"] if not FEATURE.match(k)]
    assert not bad, bad
    # its training metadata: chosen leave-one-document-out, and no worse there than the rules alone
    assert m["lodo"]["f1"] >= m["rules_alone"]["f1"] and m["lodo"]["typed_f1"] >= m["rules_alone"]["typed_f1"]
    if "demote" in m:
        d = m["demote"]
        assert set(d["trained_on"]) <= DEV and 0 < d["floor"] < 1 and d["below"] <= rerank.SURE
        assert not [k for k in d["weights"] if not FEATURE.match(k)]


LIFT = [
    # an act of the narrative's own voice, told by its doer, dated only by the sentence before: lifted
    ("The new government took office in May 1955. President Ward pledged his continued support to the regime.", "pledged", True),
    # a pronoun's act after a dated sentence: a strict xfail in session 7 (under floor 0.4), lifted again by the
    # session-8 model (trained with N10 and N12, same operating point)
    ("In March 1776 the rebels took the fort. After that action they also raided the trading post on the river.",
     "raided", True),
    ("In June 1791 the king was caught at the border. Danton fled to England; the other leaders went into hiding.", "fled", True),
    # a light verb's phrase, a statement with what it says: left under the floor
    ("In June 1791 the king was caught at the border. Danton fled to England; the other leaders went into hiding.", "went", False),
    ("In March 1778 the fleet sailed from Brest. The ministers took a different view of the war.", "took", False),
    ("In May 1776 the finance minister was dismissed. Necker argued that the country could not be taxed higher.", "argued", False),
]


@pytest.mark.parametrize("text,trigger,lifted", LIFT, ids=[(c.values if hasattr(c, "values") else c)[1] + ("+" if (c.values if hasattr(c, "values") else c)[2] else "-") for c in LIFT])
def test_promote_model_lifts_acts_the_rules_left_under_the_floor(text, trigger, lifted, nlp):
    if rerank.model() is None:
        pytest.skip("no model shipped")
    from pipeline import extract_text
    events = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    rows = events[events.trigger == trigger]
    floor = types()["chronicle_min_confidence"]
    assert len(rows), events[["event_type", "trigger", "confidence"]].values.tolist()
    assert (rows.confidence.max() >= floor) == lifted, events[["event_type", "trigger", "confidence"]].values.tolist()


ATTACH = [
    ("In May 1805 the army took the town.", "took", "own"),
    ("The army took the town, and the navy sailed home in May 1805.", "sailed", "own"),
    ("In May 1805 the army took the town and the navy sailed home.", "sailed", "governing"),
    ("The army that had fallen back in May 1805 took the town.", "took", "below"),
    ("The army took the town, and the navy sailed home in May 1805.", "took", "below"),
]


@pytest.mark.parametrize("text,trigger,where", ATTACH)
def test_date_attachment_feature_says_which_predicate_the_date_hangs_on(text, trigger, where, nlp):
    """The re-ranker's date_attach feature (rerank.date_attachment): the parse's first predicate above the date,
    relative to the candidate's trigger; a class of the parse, never a word."""
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    date = next(e for e in doc.ents if "1805" in e.text) if any("1805" in e.text for e in doc.ents) else \
        doc[[t.text for t in doc].index("May"):[t.text for t in doc].index("1805") + 1]
    f = rerank.date_attachment(tok, date.root)
    assert f.get(f"date_attach={where}") == 1.0, f
    assert all(FEATURE.match(k) for k in f)
