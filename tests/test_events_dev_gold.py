"""Dated-event gold of the WikiWars dev narratives (tests/gold_events) and the one-to-one chronicle scorer."""
import csv
import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED
from pipeline.events.scoring import _date, agrees, gold_as_items, match, read_event_gold, score

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
        assert _date(r["start_date"]) is not None and _date(r["start_date"]) <= _date(r["end_date"])


def _item(doc, s, e, a, b, etype="offensive", actors=""):
    return {"event_type": etype, "interval": (dt.date.fromisoformat(a), dt.date.fromisoformat(b)),
            "spans": [(doc, s, e)], "actors": actors, "summary": ""}


def _gold(doc, s, e, a, b, etype="offensive", actors=""):
    return {"doc": doc, "start": s, "end": e, "event_type": etype, "actors": actors,
            "interval": (_date(a), _date(b))}


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


def test_bc_dates_are_scored_like_any_other():
    """"-0218-..." is 218 BC (historical numbering): intervals compare across the era and a day of slack holds."""
    g = _gold("punic", 0, 50, "-0218-01-01", "-0218-12-31")
    assert agrees(_item_days("punic", 10, 20, "-0218-06-01", "-0218-06-30"), g, typed=False)
    assert agrees(_item_days("punic", 10, 20, "-0219-12-31", "-0218-01-05"), g, typed=False)       # one day early
    assert not agrees(_item_days("punic", 10, 20, "-0217-01-01", "-0217-01-31"), g, typed=False)   # 217 BC is later
    assert _date("-0001-12-31") + 1 == _date("0001-01-01")          # no year 0
    assert _date("1 BC") is None


def _item_days(doc, s, e, a, b, etype="offensive"):
    return {"event_type": etype, "interval": (_date(a), _date(b)), "spans": [(doc, s, e)], "actors": "", "summary": ""}
