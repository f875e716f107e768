"""Dated-event gold of the WikiWars dev narratives (tests/gold_events) and the one-to-one chronicle scorer."""
import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from pipeline.events.scoring import agrees, gold_as_items, match, read_event_gold, score

GOLD = ROOT / "tests" / "gold_events"
CORPUS = SHARED / "corpora" / "wikiwars-dev" / "raw"
TYPES = json.loads((ROOT / "pipeline" / "events" / "types.json").read_text(encoding="utf-8"))["priority"]


def gold_files():
    return sorted(GOLD.glob("annotator*/*.csv")) + sorted(GOLD.glob("adjudicated/*.csv"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="WikiWars dev corpus not present")
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_rows_quote_the_text_and_follow_the_contract(path):
    text = (CORPUS / f"{path.stem}.txt").read_text(encoding="utf-8")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) >= 50, "exhaustive gold of a war narrative has dozens of dated events"
    for r in rows:
        assert text[int(r["start"]):int(r["end"])] == r["quote"]
        assert r["event_type"] in TYPES
        assert dt.date.fromisoformat(r["start_date"]) <= dt.date.fromisoformat(r["end_date"])


def _item(doc, s, e, a, b, etype="offensive", actors=""):
    return {"event_type": etype, "interval": (dt.date.fromisoformat(a), dt.date.fromisoformat(b)),
            "spans": [(doc, s, e)], "actors": actors, "summary": ""}


def _gold(doc, s, e, a, b, etype="offensive", actors=""):
    return {"doc": doc, "start": s, "end": e, "event_type": etype, "actors": actors,
            "interval": (dt.date.fromisoformat(a), dt.date.fromisoformat(b))}


def test_rows_and_gold_pair_one_to_one_with_a_day_of_slack():
    gold = [_gold("d", 0, 50, "1940-05-10", "1940-05-10", actors="Germany")]
    rows = [_item("d", 10, 60, "1940-05-11", "1940-05-11", actors="German;France"),   # a day late: agrees
            _item("d", 10, 60, "1940-05-10", "1940-05-10", "clash")]                # a second row for it
    res = score(rows, gold)
    assert res["recall"] == 1.0 and res["precision"] == 0.5          # one gold event never counts two rows
    assert res["typed_recall"] == 1.0 and res["typed_precision"] == 0.5
    assert res["actors_recall"] == 1.0 and res["actors_precision"] == 0.5   # "German" is Germany; France is not
    assert not agrees(_item("d", 10, 60, "1940-05-12", "1940-05-12"), gold[0], False)   # two days: no
    assert not agrees(_item("d", 60, 90, "1940-05-10", "1940-05-10"), gold[0], False)   # no overlap: no
    assert not agrees(_item("d", 10, 60, "1940-01-01", "1940-12-31"), gold[0], False)   # wider than gold: no


def test_matching_is_maximal_not_greedy():
    gold = [_gold("d", 0, 100, "1940-01-01", "1940-12-31"), _gold("d", 0, 40, "1940-05-01", "1940-05-31")]
    # the first row fits both gold events, the second only the first: a greedy pairing would lose one
    rows = [_item("d", 0, 40, "1940-05-02", "1940-05-02"), _item("d", 50, 90, "1940-06-01", "1940-06-01")]
    assert len(match(rows, gold, typed=False)) == 2


def test_two_annotators_agree_well_above_chance():
    """Where two annotators worked independently, each finds most of the other's events: the ceiling."""
    first, second = read_event_gold(str(GOLD), "annotator1"), read_event_gold(str(GOLD), "annotator2")
    both = {g["doc"] for g in second}
    assert both, "annotator2 covers at least one document"
    res = score(gold_as_items([g for g in second if g["doc"] in both]), [g for g in first if g["doc"] in both])
    assert res["recall"] > 0.6 and res["precision"] > 0.6
