"""Train and check the event re-ranker (pipeline/events/rerank.py) on the hand-made event gold.

    .venv/bin/python bench/train_reranker.py                 # report: rules alone, leave-one-document-out, dev -> kept aside
    .venv/bin/python bench/train_reranker.py --write         # also write pipeline/events/reranker.json (trained on --train)

Labels: a candidate is positive when it is the one paired with a gold event (one-to-one, typed pairs first,
then untyped) — a second candidate for the same gold event is not. The shipped model is trained on the
development documents only (tests/gold_events/SPLIT.md), so the kept-aside figures stay unseen.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.corpus import process_entry  # noqa: E402
from pipeline.documents import discover  # noqa: E402
from pipeline.events import rerank  # noqa: E402
from pipeline.events.scoring import agrees, doc_key, match, read_event_gold, score, _date  # noqa: E402
from pipeline.extract import combine  # noqa: E402

DEV = ["01_WW2", "02_WW1", "04_AmRevWar", "05_VietnamWar", "06_KoreanWar", "08_FrenchRev", "10_PunicWars"]
KEPT = ["11_ChineseCivWar", "13_RussianCivWar", "15_MexicanRev", "17_AlgerianWar"]
CORPUS = ROOT.parent / "shared" / "corpora" / "wikiwars-dev" / "raw"


def load(docs: list[str], cache: str) -> dict[str, dict]:
    wanted = {doc_key(d) for d in docs}
    out = {}
    for entry in discover(CORPUS):
        if doc_key(entry.doc_id) in wanted:
            res = process_entry(entry, parse_dir=cache)
            if "ok" not in res:
                raise SystemExit(f"{entry.source}: {res['failure']}")
            out[doc_key(entry.doc_id)] = res["ok"]
    return out


def item(e: dict) -> dict:
    return {"event_type": e["event_type"], "interval": (_date(e["start_date"]), _date(e["end_date"])),
            "spans": [(doc_key(e["doc_id"]), int(e["start"]), int(e["end"]))], "actors": e.get("actors", "")}


def labels(events: list[dict], gold: list[dict]) -> list[int]:
    """1 for the candidate paired with a gold event: typed pairs first, then the remaining ones untyped."""
    items = [item(e) for e in events]
    y = [0] * len(events)
    typed = match(items, gold, typed=True)
    for ii, _ in typed:
        y[ii] = 1
    used_g = {gi for _, gi in typed}
    rest_i = [i for i in range(len(items)) if not y[i]]
    rest_g = [g for gi, g in enumerate(gold) if gi not in used_g]
    for ii, _ in match([items[i] for i in rest_i], rest_g, typed=False):
        y[rest_i[ii]] = 1
    return y


def featured(res: dict) -> list[dict]:
    return [e for e in res["tables"]["events"] if "_features" in e]


def fit(X: np.ndarray, y: np.ndarray, l2: float, iters: int = 300) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (small, dense, exact)."""
    n, k = X.shape
    Xb = np.hstack([X, np.ones((n, 1))])
    w = np.zeros(k + 1)
    reg = np.full(k + 1, l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(Xb @ w, -30, 30)))
        g = Xb.T @ (p - y) + reg * w
        H = (Xb * (p * (1 - p))[:, None]).T @ Xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w[:-1], float(w[-1])


def train(results: dict, gold: list[dict], docs: list[str], l2: float, min_count: int = 3) -> dict:
    rows, ys = [], []
    for d in docs:
        evs = featured(results[d])
        rows += [e["_features"] for e in evs]
        ys += labels(evs, [g for g in gold if g["doc"] == d])
    counts = {}
    for f in rows:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    vocab = sorted(k for k, c in counts.items() if c >= min_count)
    index = {k: i for i, k in enumerate(vocab)}
    X = np.zeros((len(rows), len(vocab)))
    for r, f in enumerate(rows):
        for k, v in f.items():
            if k in index:
                X[r, index[k]] = v
    w, b = fit(X, np.array(ys, dtype=float), l2)
    return {"bias": round(b, 5), "weights": {k: round(float(w[i]), 5) for k, i in index.items()},
            "trained_on": docs, "l2": l2, "positives": int(sum(ys)), "candidates": len(ys)}


def chronicle_scores(results: dict, gold: list[dict], docs: list[str], model: dict | None,
                     floors: list[float]) -> dict[float, dict]:
    """Chronicle figures of `docs` with candidates' confidence from `model` (None: the rules'), per floor."""
    originals = []
    for d in docs:
        for e in featured(results[d]):
            originals.append((e, e["confidence"]))
            e["confidence"] = round(rerank.probability(e["_features"], model), 2) if model else e["_rule_confidence"]
    tables = combine([results[d] for d in docs])
    for e, c in originals:
        e["confidence"] = c
    events = {e["event_id"]: e for e in tables["events"]}
    g = [x for x in gold if x["doc"] in docs]
    out = {}
    for floor in floors:
        items = []
        for c in tables["chronicle"]:
            if float(c["confidence"]) < floor:
                continue
            spans = [(doc_key(events[i]["doc_id"]), int(events[i]["start"]), int(events[i]["end"]))
                     for i in c["event_ids"].split(";") if i in events]
            items.append({"event_type": c["event_type"], "interval": (_date(c["start_date"]), _date(c["end_date"])),
                          "spans": spans, "actors": c.get("actors", ""), "summary": c.get("summary", "")})
        s = score(items, g)
        out[floor] = {k: v for k, v in s.items() if not k.startswith("_")}
    return out


def f1(s: dict, typed: bool = False) -> float:
    p, r = (s["typed_precision"], s["typed_recall"]) if typed else (s["precision"], s["recall"])
    return 2 * p * r / (p + r) if p + r else 0.0


def pooled(parts: list[dict]) -> dict:
    """Figures of several held-out documents pooled (counts, not averages)."""
    gold = sum(p["gold"] for p in parts)
    rows = sum(p["rows"] for p in parts)
    out = {"gold": gold, "rows": rows}
    for k in ("recall", "typed_recall"):
        out[k] = round(sum(p[k] * p["gold"] for p in parts) / gold, 4)
    for k in ("precision", "typed_precision"):
        out[k] = round(sum(p[k] * p["rows"] for p in parts) / rows, 4) if rows else 0.0
    return out


def line(name: str, s: dict) -> str:
    return (f"{name:44s} gold {s['gold']:4d} rows {s['rows']:4d}  R {s['recall']:.3f} tR {s['typed_recall']:.3f} "
            f"P {s['precision']:.3f} tP {s['typed_precision']:.3f}  F1 {f1(s):.3f} tF1 {f1(s, True):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", default=",".join(DEV))
    ap.add_argument("--cache", default="/tmp/chronicle-rerank-cache/parses")
    ap.add_argument("--l2", type=float, default=None, help="fix the regularisation (default: chosen by LODO on --train)")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    train_docs = [doc_key(d) for d in args.train.split(",")]
    rerank.COLLECT = True
    from pipeline.events.extract import types
    types()["chronicle_min_confidence"] = 0.0       # floors are applied here, per candidate floor
    gold = read_event_gold(str(ROOT / "tests" / "gold_events"))
    all_docs = sorted({g["doc"] for g in gold})
    results = load(all_docs, args.cache)
    floors = [round(x, 2) for x in np.arange(0.2, 0.71, 0.05)]
    rule_floor = 0.5

    print("rules alone (chronicle floor 0.5):")
    for name, docs in (("  dev", train_docs), ("  kept aside", [d for d in all_docs if d not in train_docs]),
                       ("  all", all_docs)):
        print(line(name, chronicle_scores(results, gold, docs, None, [rule_floor])[rule_floor]))

    # regularisation and floor chosen by leave-one-document-out within the training documents
    best = None
    for l2 in ([args.l2] if args.l2 is not None else [1.0, 3.0, 10.0, 30.0]):
        per_floor = {f: [] for f in floors}
        for held in train_docs:
            m = train(results, gold, [d for d in train_docs if d != held], l2)
            for f, s in chronicle_scores(results, gold, [held], m, floors).items():
                per_floor[f].append(s)
        for f in floors:
            s = pooled(per_floor[f])
            key = (f1(s) + f1(s, True)) / 2
            if best is None or key > best[0]:
                best = (key, l2, f, s)
    _, l2, floor, s = best
    print(f"chosen by LODO on {train_docs}: l2={l2} floor={floor}")
    print(line("  LODO within training docs", s))

    model = train(results, gold, train_docs, l2)
    model["floor"] = floor
    rest = [d for d in all_docs if d not in train_docs]
    if rest:
        print(line("  trained on training docs -> the others", chronicle_scores(results, gold, rest, model, [floor])[floor]))
        for d in rest:
            print(line(f"    {d}", chronicle_scores(results, gold, [d], model, [floor])[floor]))
    parts = []
    for held in all_docs:
        m = train(results, gold, [d for d in all_docs if d != held], l2)
        parts.append(chronicle_scores(results, gold, [held], m, [floor])[floor])
    print(line("  LODO over all gold documents", pooled(parts)))
    if args.write:
        rerank.MODEL_FILE.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {rerank.MODEL_FILE} ({len(model['weights'])} weights, floor {floor})")
    top = sorted(model["weights"].items(), key=lambda kv: -abs(kv[1]))[:25]
    print("largest weights:", ", ".join(f"{k} {v:+.2f}" for k, v in top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
