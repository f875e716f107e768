"""Score extracted tables against hand-made gold: span P/R/F1 (strict, relaxed) and value F1."""
from __future__ import annotations

import csv
import glob
import os
import re
from collections import defaultdict


def read_csv(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_gold(gold_dir: str, table: str) -> list[dict]:
    rows = []
    for path in sorted(glob.glob(os.path.join(gold_dir, f"{table}*.csv"))):
        rows.extend(read_csv(path))
    for r in rows:
        r["start"], r["end"] = int(r["start"]), int(r["end"])
        r["doc_id"] = doc_slug(r["doc_id"])     # gold may name a document by its file stem ("04_AmRevWar")
    return rows


def doc_slug(doc_id: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", doc_id.lower()).strip("-")


def coverage(gold_dir: str) -> dict[str, list[tuple[int, int]]]:
    path = os.path.join(gold_dir, "coverage.csv")
    cov = defaultdict(list)
    if os.path.exists(path):
        for r in read_csv(path):
            cov[r["doc_id"]].append((int(r["start"]), int(r["end"])))
    return cov


def in_coverage(row, cov) -> bool:
    if not cov:
        return True
    return any(a <= int(row["start"]) and int(row["end"]) <= b for a, b in cov.get(row["doc_id"], []))


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def align(gold: list[dict], pred: list[dict], strict: bool) -> list[tuple[dict, dict]]:
    """One-to-one matching: exact spans, or (relaxed) overlapping spans with the largest overlap."""
    by_doc = defaultdict(list)
    for p in pred:
        by_doc[p["doc_id"]].append(p)
    pairs, used = [], set()
    for g in gold:
        best, best_ov = None, 0
        for p in by_doc.get(g["doc_id"], []):
            if id(p) in used:
                continue
            ps, pe = int(p["start"]), int(p["end"])
            if strict:
                if (ps, pe) == (g["start"], g["end"]):
                    best, best_ov = p, 1
                    break
            else:
                ov = min(pe, g["end"]) - max(ps, g["start"])
                if ov > best_ov:
                    best, best_ov = p, ov
        if best is not None:
            used.add(id(best))
            pairs.append((g, best))
    return pairs


def num(x):
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


def date_value_ok(g, p) -> bool:
    if g.get("start_date") or g.get("end_date"):
        return (g.get("start_date"), g.get("end_date")) == (p.get("start_date"), p.get("end_date"))
    return (g.get("value") or "").upper() == (p.get("value") or "").upper() and not p.get("start_date")


def quantity_value_ok(g, p) -> bool:
    for col in ("value_low", "value_high"):
        a, b = num(g.get(col)), num(p.get(col))
        if a is None or b is None or abs(a - b) > max(1e-3, 1e-3 * abs(a)):
            return False
    return True


PREPOSITIONS = {"in", "of", "to", "for", "around", "on", "from", "with", "at", "by", "and"}


def head_noun(counted: str) -> str:
    """The head of a counted phrase: its last word before a preposition, states left out."""
    words = re.findall(r"[a-z]+", (counted or "").lower())
    for i, w in enumerate(words):
        if w in PREPOSITIONS and i > 0:
            words = words[:i]
            break
    states = {"killed", "wounded", "missing", "captured", "displaced", "released", "dead", "injured"}
    nouns = [w for w in words if w not in states]
    if not nouns:
        return ""
    w = nouns[-1]
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def counted_ok(g, p) -> bool:
    hg, hp = head_noun(g.get("counted", "")), head_noun(p.get("counted", ""))
    if not hg:
        return not hp
    if not hp:
        return False
    stem = lambda w: w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    gold_words = {stem(w) for w in re.findall(r"[a-z]+", (g.get("counted") or "").lower())}
    pred_words = {stem(w) for w in re.findall(r"[a-z]+", (p.get("counted") or "").lower())}
    return hg == hp or hg in pred_words or hp in gold_words


def score_spans(gold, pred, value_ok=None) -> dict:
    out = {"gold": len(gold), "predicted": len(pred)}
    strict = align(gold, pred, strict=True)
    relaxed = align(gold, pred, strict=False)
    out["span_strict"] = prf(len(strict), len(pred), len(strict), len(gold))
    out["span_relaxed"] = prf(len(relaxed), len(pred), len(relaxed), len(gold))
    if value_ok:
        good = [(g, p) for g, p in relaxed if value_ok(g, p)]
        out["value"] = prf(len(good), len(pred), len(good), len(gold))
        out["value_accuracy_on_matched"] = round(len(good) / len(relaxed), 4) if relaxed else 0.0
        out["_errors"] = [(g, p) for g, p in relaxed if not value_ok(g, p)]
        matched = {id(g) for g, _ in relaxed}
        out["_missed"] = [g for g in gold if id(g) not in matched]
        matched_p = {id(p) for _, p in relaxed}
        out["_spurious"] = [p for p in pred if id(p) not in matched_p]
    return out


def score_events(gold, pred) -> dict:
    by_doc = defaultdict(list)
    for p in pred:
        by_doc[p["doc_id"]].append(p)
    found_date = found_type = 0
    missed = []
    for g in gold:
        cands = [p for p in by_doc.get(g["doc_id"], [])
                 if int(p["start"]) < g["end"] and g["start"] < int(p["end"])]
        dated = [p for p in cands if (p.get("start_date"), p.get("end_date")) ==
                 (g.get("start_date"), g.get("end_date"))]
        if dated:
            found_date += 1
            if any(p.get("event_type") == g.get("event_type") for p in dated):
                found_type += 1
        else:
            missed.append(g)
    n = len(gold)
    return {"gold": n, "predicted": len(pred),
            "found_with_date": round(found_date / n, 4) if n else 0.0,
            "found_with_date_and_type": round(found_type / n, 4) if n else 0.0, "_missed": missed}


def evaluate(gold_dir: str, extracted_dir: str) -> dict:
    cov = coverage(gold_dir)
    report = {}
    specs = {"dates": date_value_ok, "quantities": quantity_value_ok}
    for table, value_ok in specs.items():
        gold = read_gold(gold_dir, table)
        path = os.path.join(extracted_dir, f"{table}.csv")
        if not gold or not os.path.exists(path):
            continue
        docs = {g["doc_id"] for g in gold}
        pred = [r for r in read_csv(path) if r["doc_id"] in docs and in_coverage(r, cov)
                and r.get("review_status", "") != "rejected"]
        res = score_spans(gold, pred, value_ok)
        if table == "quantities":
            pairs = align(gold, pred, strict=False)
            res["counted_agreement"] = round(sum(counted_ok(g, p) for g, p in pairs) / len(pairs), 4) if pairs else 0.0
        report[table] = res
    gold = read_gold(gold_dir, "events")
    path = os.path.join(extracted_dir, "events.csv")
    if gold and os.path.exists(path):
        docs = {g["doc_id"] for g in gold}
        pred = [r for r in read_csv(path) if r["doc_id"] in docs and in_coverage(r, cov)
                and r.get("review_status", "") != "rejected"]
        res = score_events(gold, pred)
        names = _entity_names(extracted_dir)
        res.update(score_arguments(gold, pred, names))
        baseline = dated_sentence_baseline(extracted_dir, docs, cov)
        if baseline is not None:
            res["baseline_found_with_date"] = score_events(gold, baseline)["found_with_date"]
        report["events"] = res
    return report


def _entity_names(extracted_dir: str) -> dict[str, str]:
    path = os.path.join(extracted_dir, "entities.csv")
    return {r["entity_id"]: r["canonical"] for r in read_csv(path)} if os.path.exists(path) else {}


def score_arguments(gold, pred, names: dict[str, str]) -> dict:
    """Actor and location precision/recall over the gold events found with the right date (gold lists
    canonical names; ours are entity ids, compared through their canonical names)."""
    counts = {"actors": [0, 0, 0], "locations": [0, 0, 0]}
    for g in gold:
        dated = [p for p in pred if p["doc_id"] == g["doc_id"] and int(p["start"]) < g["end"] and g["start"] < int(p["end"])
                 and (p.get("start_date"), p.get("end_date")) == (g.get("start_date"), g.get("end_date"))]
        if not dated:
            continue
        p = max(dated, key=lambda p: (p.get("event_type") == g.get("event_type"), float(p.get("confidence") or 0)))
        for col, c in counts.items():
            want = {x.strip().lower() for x in (g.get(col) or "").split(";") if x.strip()}
            got = {names.get(x, x).lower() for x in (p.get(col) or "").split(";") if x}
            c[0] += len(want & got)
            c[1] += len(got - want)
            c[2] += len(want - got)
    out = {}
    for col, (tp, fp, fn) in counts.items():
        out[f"{col}_precision"] = round(tp / (tp + fp), 4) if tp + fp else 0.0
        out[f"{col}_recall"] = round(tp / (tp + fn), 4) if tp + fn else 0.0
    return out


def dated_sentence_baseline(extracted_dir: str, docs: set, cov) -> list[dict] | None:
    """The naive baseline: every sentence with a resolved date is an event dated by its first date."""
    spath, dpath = os.path.join(extracted_dir, "sentences.csv"), os.path.join(extracted_dir, "dates.csv")
    if not (os.path.exists(spath) and os.path.exists(dpath)):
        return None
    first = {}
    for d in sorted(read_csv(dpath), key=lambda d: int(d["start"])):
        if d["start_date"] and d["kind"] in ("date", "range", "relative"):
            first.setdefault(d["sentence_id"], d)
    return [{"doc_id": s["doc_id"], "start": s["start"], "end": s["end"], "event_type": "other",
             "start_date": first[s["sentence_id"]]["start_date"], "end_date": first[s["sentence_id"]]["end_date"]}
            for s in read_csv(spath) if s["sentence_id"] in first and s["doc_id"] in docs and in_coverage(s, cov)]


def format_report(report: dict, verbose: bool = False) -> str:
    lines = []
    for table, res in report.items():
        lines.append(f"{table}: gold {res['gold']}, predicted {res['predicted']}")
        for key in ("span_strict", "span_relaxed", "value"):
            if key in res:
                m = res[key]
                lines.append(f"  {key:13s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
        for key in ("value_accuracy_on_matched", "counted_agreement", "found_with_date",
                    "found_with_date_and_type", "baseline_found_with_date", "actors_precision",
                    "actors_recall", "locations_precision", "locations_recall"):
            if key in res:
                lines.append(f"  {key}: {res[key]:.3f}")
    return "\n".join(lines)
