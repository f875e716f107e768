"""Chronicle rows scored one-to-one against exhaustive dated-event gold.

A chronicle row and a gold event agree when one of the row's mentions (events.csv rows sharing its
event_key) overlaps the gold quote and the row's interval lies within the gold's, a day of slack on
each side; typed, when the types are equal too. Rows and gold events are paired one-to-one (a maximum
bipartite matching), so one gold event never counts two rows. Recall = matched gold / gold;
precision = matched rows / rows.
"""
from __future__ import annotations

import csv
import datetime as dt
import glob
import os
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..time.calendar import day_number

SLACK = 1          # day


def doc_key(doc_id: str) -> str:
    """Gold files name documents as their file stem ("04_AmRevWar"); tables use the slug ("04-amrevwar")."""
    return re.sub(r"[^a-z0-9]+", "-", doc_id.lower()).strip("-")


def _read(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _date(s: str):
    """An ISO date as a day number, BC dates included ("-0218-01-01" is 1 January 218 BC, historical
    numbering as in our tables); None when not a date."""
    return day_number(s)


def _day(x) -> int | None:
    return x.toordinal() if isinstance(x, dt.date) else x


def read_event_gold(gold_dir: str, annotator: str | None = None) -> list[dict]:
    """Gold events of a folder laid out as tests/gold_events/: `adjudicated/` where present, else
    `annotator1/`, per document; or one annotator's files when `annotator` is given. A flat folder of
    `events*.csv` files (tests/gold) is read as it is."""
    rows = []
    sub = [d for d in ("adjudicated", "annotator1") if os.path.isdir(os.path.join(gold_dir, d))]
    if annotator:
        paths = sorted(glob.glob(os.path.join(gold_dir, annotator, "*.csv")))
    elif sub:
        chosen = {}
        for d in reversed(sub):                     # adjudicated overrides annotator1
            for p in glob.glob(os.path.join(gold_dir, d, "*.csv")):
                chosen[Path(p).stem] = p
        paths = sorted(chosen.values())
    else:
        paths = sorted(glob.glob(os.path.join(gold_dir, "events*.csv")))
    for p in paths:
        for r in _read(p):
            r = dict(r, start=int(r["start"]), end=int(r["end"]), doc=doc_key(r["doc_id"]))
            r["interval"] = (_date(r.get("start_date")), _date(r.get("end_date")))
            if r["interval"][0] is not None and r["interval"][1] is not None:
                rows.append(r)
    return rows


def chronicle_items(extracted_dir: str) -> list[dict]:
    """Chronicle rows with their mentions' spans (from events.csv)."""
    events = {e["event_id"]: e for e in _read(os.path.join(extracted_dir, "events.csv"))}
    items = []
    for c in _read(os.path.join(extracted_dir, "chronicle.csv")):
        spans, mentions = [], []
        for eid in filter(None, c["event_ids"].split(";")):
            e = events.get(eid)
            if e is not None:
                spans.append((doc_key(e["doc_id"]), int(e["start"]), int(e["end"])))
                mentions.append((doc_key(e["doc_id"]), e.get("summary") or e.get("text", "")))
        items.append({"event_type": c["event_type"], "interval": (_date(c["start_date"]), _date(c["end_date"])),
                      "spans": spans, "actors": c.get("actors", ""), "summary": c.get("summary", ""),
                      "mentions": mentions})
    return items


def gold_as_items(gold: list[dict]) -> list[dict]:
    """Another annotator's gold scored as if it were a system: each event its own row."""
    return [{"event_type": g["event_type"], "interval": g["interval"], "spans": [(g["doc"], g["start"], g["end"])],
             "actors": g.get("actors", ""), "summary": g.get("quote", "")} for g in gold]


def naive_items(extracted_dir: str, docs: set[str]) -> list[dict]:
    """The naive baseline: every sentence with a resolved date is one offensive on its first date."""
    first = {}
    for d in sorted(_read(os.path.join(extracted_dir, "dates.csv")), key=lambda d: int(d["start"])):
        if d["start_date"] and d["kind"] in ("date", "range", "relative"):
            first.setdefault(d["sentence_id"], d)
    out = []
    for s in _read(os.path.join(extracted_dir, "sentences.csv")):
        d = first.get(s["sentence_id"])
        if d is not None and doc_key(s["doc_id"]) in docs:
            out.append({"event_type": "offensive", "interval": (_date(d["start_date"]), _date(d["end_date"])),
                        "spans": [(doc_key(s["doc_id"]), int(s["start"]), int(s["end"]))], "actors": "", "summary": ""})
    return out


def agrees(item: dict, g: dict, typed: bool) -> bool:
    if typed and item["event_type"] != g["event_type"]:
        return False
    a, b = map(_day, item["interval"])
    lo, hi = map(_day, g["interval"])
    if a is None or b is None or not (lo - SLACK <= a and b <= hi + SLACK):
        return False
    return any(doc == g["doc"] and s < g["end"] and g["start"] < e for doc, s, e in item["spans"])


def match(items: list[dict], gold: list[dict], typed: bool) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (augmenting paths) of items to gold events."""
    by_doc = defaultdict(list)
    for gi, g in enumerate(gold):
        by_doc[g["doc"]].append(gi)
    edges = []
    for ii, it in enumerate(items):
        cands = {gi for doc in {s[0] for s in it["spans"]} for gi in by_doc.get(doc, [])}
        edges.append(sorted(gi for gi in cands if agrees(it, gold[gi], typed)))
    owner: dict[int, int] = {}

    def augment(ii: int, seen: set) -> bool:
        for gi in edges[ii]:
            if gi in seen:
                continue
            seen.add(gi)
            if gi not in owner or augment(owner[gi], seen):
                owner[gi] = ii
                return True
        return False

    for ii in range(len(items)):
        if edges[ii]:
            augment(ii, set())
    return [(ii, gi) for gi, ii in owner.items()]


@lru_cache(maxsize=1)
def _polity_names() -> dict[str, str]:
    """Demonyms and alternative names -> one comparable name (entities/demonyms.tsv)."""
    from ..entities.demonyms import demonym_table
    return {k: v.lower() for k, v in demonym_table().items()}


def name_key(name: str) -> str:
    n = re.sub(r"^(the)\s+", "", name.strip().lower())
    n = re.sub(r"\s+(forces|troops|army|armies|government|navy|fleet)$", "", n)
    return _polity_names().get(n, n)


def _names(s: str) -> set[str]:
    return {name_key(x) for x in (s or "").split(";") if x.strip()}


def loose_equal(a: str, b: str) -> bool:
    return a == b or (len(a) > 3 and len(b) > 3 and (a in b or b in a))


def actor_counts(pairs, items, gold) -> tuple[int, int, int]:
    """(ours that match a gold actor, ours, gold actors) over matched pairs, loose name match."""
    hit_p = n_p = hit_g = n_g = 0
    for ii, gi in pairs:
        ours, theirs = _names(items[ii]["actors"]), _names(gold[gi].get("actors", ""))
        n_p += len(ours)
        n_g += len(theirs)
        hit_p += sum(any(loose_equal(a, b) for b in theirs) for a in ours)
        hit_g += sum(any(loose_equal(a, b) for a in ours) for b in theirs)
    return hit_p, n_p, hit_g, n_g


def score(items: list[dict], gold: list[dict]) -> dict:
    docs = {g["doc"] for g in gold}
    items = [it for it in items if any(s[0] in docs for s in it["spans"])]
    out = {"gold": len(gold), "rows": len(items)}
    for typed in (False, True):
        pairs = match(items, gold, typed)
        tag = "typed_" if typed else ""
        out[tag + "recall"] = round(len(pairs) / len(gold), 4) if gold else 0.0
        out[tag + "precision"] = round(len(pairs) / len(items), 4) if items else 0.0
        if not typed:
            hp, n_p, hg, n_g = actor_counts(pairs, items, gold)
            out["actors_precision"] = round(hp / n_p, 4) if n_p else 0.0
            out["actors_recall"] = round(hg / n_g, 4) if n_g else 0.0
            matched_items = {ii for ii, _ in pairs}
            matched_gold = {gi for _, gi in pairs}
            out["_unmatched_rows"] = [items[i] for i in range(len(items)) if i not in matched_items]
            out["_pairs"] = [(items[ii], gold[gi]) for ii, gi in pairs]
            out["_missed"] = [gold[i] for i in range(len(gold)) if i not in matched_gold]
    return out


def evaluate_chronicle(gold_dir: str, extracted_dir: str, docs: set[str] | None = None) -> dict:
    """Per document and overall: ours, the naive baseline, and (where two annotators worked) their agreement.
    `docs` (gold file stems or slugs) restricts everything to those documents, e.g. the development split."""
    gold = read_event_gold(gold_dir)
    if docs:
        keep = {doc_key(d) for d in docs}
        gold = [g for g in gold if g["doc"] in keep]
    if not gold or not os.path.exists(os.path.join(extracted_dir, "chronicle.csv")):
        return {}
    items = chronicle_items(extracted_dir)
    docs = sorted({g["doc"] for g in gold})
    report = {"all": {"chronicle": score(items, gold),
                      "naive_baseline": score(naive_items(extracted_dir, set(docs)), gold)}}
    for d in docs:
        g = [x for x in gold if x["doc"] == d]
        report[d] = {"chronicle": score(items, g)}
    second = read_event_gold(gold_dir, "annotator2") if os.path.isdir(os.path.join(gold_dir, "annotator2")) else []
    second = [g for g in second if g["doc"] in docs]
    if second:
        first = read_event_gold(gold_dir, "annotator1")
        both = sorted({g["doc"] for g in second} & {g["doc"] for g in first})
        g1 = [x for x in first if x["doc"] in both]
        g2 = [x for x in second if x["doc"] in both]
        report["agreement"] = {"annotator2_vs_annotator1": score(gold_as_items(g2), g1),
                               "chronicle_on_same_docs": score(items, [x for x in gold if x["doc"] in both])}
    return report


def format_chronicle_report(report: dict) -> str:
    keys = ("recall", "typed_recall", "precision", "typed_precision", "actors_precision", "actors_recall")
    lines = [f"{'':34s} {'gold':>5s} {'rows':>5s} " + " ".join(f"{k[:12]:>12s}" for k in keys)]
    for section, res in report.items():
        for name, r in res.items():
            lines.append(f"{section + ' ' + name:34s} {r['gold']:5d} {r['rows']:5d} "
                         + " ".join(f"{r[k]:12.3f}" for k in keys))
    return "\n".join(lines)
