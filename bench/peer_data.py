"""The benchmark files: cases (docs), gold spans and values, and which predictions each file scores.

Every benchmark is scored on its own; nothing is merged across files."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from peer_norm import duration_seconds, plus_days, timex_interval
from pipeline.evaluate import coverage, date_value_ok, in_coverage, quantity_value_ok, read_gold

REPO = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO / "tests" / "gold"
SHARED = (REPO.parent / "shared" / "benchmarks") if (REPO.parent / "shared").exists() else Path("/work/shared/benchmarks")
SEED_DOC = "nagorno-karabakh-conflict"
SEED_PATH = REPO / "raw" / f"{SEED_DOC}.txt"
REC = SHARED / "recognizers-text"
QUANTULUM = SHARED / "quantulum3"


@dataclass
class Bench:
    key: str
    title: str
    task: str                      # dates | numbers
    docs: list                     # [{"id", "text", "ref"}]
    gold: list                     # [{"doc_id", "start", "end", "text", ...}]
    keep: set | None = None        # prediction types/classes scored here (None = all); untyped always kept
    keep_pred: Callable | None = None  # extra filter on a prediction (coverage, out-of-scope gold)
    value_ok: Callable | None = None   # (gold, pred) -> True | False | None (not comparable)
    value_label: str = ""
    note: str = ""
    n_cases_total: int = 0
    concat: bool = True            # HeidelTime may join these cases into one document


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def sample(cases: list, max_cases: int | None):
    """Deterministic, evenly spread sample (the same every run)."""
    if not max_cases or len(cases) <= max_cases:
        return list(enumerate(cases))
    idx = sorted({int(i * len(cases) / max_cases) for i in range(max_cases)})
    return [(i, cases[i]) for i in idx]


def _ref(case) -> str | None:
    return ((case.get("Context") or {}).get("ReferenceDateTime")) or None


def _span(inp: str, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Check a gold span against the input (case-insensitively); re-locate it if it is off."""
    if inp[start:end].lower() == text.lower():
        return start, end
    i = inp.lower().find(text.lower())
    return (i, i + len(text)) if i >= 0 else None


# ---------------------------------------------------------------- seed gold

def seed_text() -> str:
    # the gold offsets were computed on open(path, encoding="utf-8").read(); the seed has no CR and no
    # BOM, so this is also raw_bytes.decode("utf-8") as Chronicle reads it
    raw = SEED_PATH.read_bytes().decode("utf-8")
    text = SEED_PATH.read_text(encoding="utf-8")
    if raw != text:
        raise SystemExit("seed text differs between raw decode and text-mode read (CR or BOM?)")
    return text


def seed_benches(task: str) -> list[Bench]:
    cov = coverage(str(GOLD_DIR))
    docs = [{"id": SEED_DOC, "text": seed_text(), "ref": None}]
    (a, b), = cov[SEED_DOC]
    first_line = docs[0]["text"][:a].count("\n") + 1
    keep_pred = (lambda p: in_coverage(p, cov))
    if task == "dates":
        gold = [g for g in read_gold(str(GOLD_DIR), "dates") if g["doc_id"] == SEED_DOC]
        return [Bench("seed-dates", f"Seed gold — dates ({SEED_DOC}, lines {first_line}–end)", "dates", docs, gold,
                      None, keep_pred, date_value_ok, "interval (dated) / TIMEX value (durations, sets)",
                      "tests/gold/dates*.csv; predictions restricted to coverage.csv; all kinds scored",
                      1, concat=False)]
    gold = [g for g in read_gold(str(GOLD_DIR), "quantities") if g["doc_id"] == SEED_DOC]
    return [Bench("seed-quantities", f"Seed gold — quantities ({SEED_DOC}, lines {first_line}–end)", "numbers",
                  docs, gold, None, keep_pred, quantity_value_ok, "value_low/value_high",
                  "tests/gold/quantities*.csv; predictions restricted to coverage.csv; all classes scored",
                  1, concat=False)]


# ---------------------------------------------------------------- Recognizers DateTime

DATE_TYPES_IN_SCOPE = {"datetimeV2.date": "date", "datetimeV2.daterange": "daterange",
                       "datetimeV2.duration": "duration"}


def rec_extractor(name: str, keep: set, max_cases) -> Bench:
    path = REC / "DateTime" / "English" / f"{name}.json"
    cases = _load(path)
    docs, gold = [], []
    for i, c in sample(cases, max_cases):
        doc_id = f"c{i}"
        docs.append({"id": doc_id, "text": c["Input"], "ref": _ref(c)})
        for r in c["Results"]:
            sp = _span(c["Input"], r["Start"], r["Start"] + r["Length"], r["Text"])
            if sp:
                gold.append({"doc_id": doc_id, "start": sp[0], "end": sp[1], "text": r["Text"]})
    kinds = "/".join(sorted(keep))
    return Bench(f"rec-{name}", f"Recognizers-Text DateTime/English/{name}.json", "dates", docs, gold, keep,
                 note=f"span only; predictions typed {kinds} (or untyped) are scored", n_cases_total=len(cases))


def _rec_candidates(result) -> list[dict]:
    out = []
    for v in (result.get("Resolution") or {}).get("values") or []:
        out.append({k.lower(): val for k, val in v.items()})
    return out


def rec_date_value_ok(g, p):
    """Our start_date/end_date vs their resolution start/end or value; ISO duration vs their timex.
    True/False, or None when no alternative of the gold result is comparable (open-ended 'since X',
    unresolved timex such as SY2019). Their daterange end is exclusive ("1990s" ends 2000-01-01) except
    for stated day ranges, so an end matches as our end_date or the day after it. Any of the listed
    alternatives (past/future readings) counts."""
    verdicts = []
    for c in g.get("values") or []:
        typ = (c.get("type") or "").lower()
        timex = c.get("timex") or ""
        mod = (c.get("mod") or "").lower()
        if typ == "duration" or g.get("type") == "duration":
            if not timex.startswith("P"):
                continue
            pv = (p.get("value") or "").upper()
            ok = pv == timex.upper()
            if not ok and duration_seconds(pv) is not None and duration_seconds(timex) is not None:
                ok = abs(duration_seconds(pv) - duration_seconds(timex)) < 1e-6
            verdicts.append(ok and not p.get("start_date"))
            continue
        value = c.get("value") or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            verdicts.append(p.get("start_date") == value and p.get("end_date") == value)
            continue
        s, e = (c.get("start") or "")[:10], (c.get("end") or "")[:10]
        if s and e and mod not in ("before", "after", "since", "until"):
            pe = p.get("end_date") or ""
            verdicts.append(p.get("start_date") == s and bool(pe) and (pe == e or plus_days(pe, 1) == e))
            continue
        if value == "not resolved" and timex_interval(timex):
            verdicts.append((p.get("value") or "").upper() == timex.upper())
    if not verdicts:
        return None
    return any(verdicts)


def rec_datetime_model(max_cases) -> Bench:
    path = REC / "DateTime" / "English" / "DateTimeModel.json"
    cases = _load(path)
    docs, gold, excluded = [], [], {}
    for i, c in sample(cases, max_cases):
        doc_id = f"c{i}"
        docs.append({"id": doc_id, "text": c["Input"], "ref": _ref(c)})
        for r in c["Results"]:
            tn = r.get("TypeName") or r.get("Typename") or ""
            sp = _span(c["Input"], r["Start"], r["End"] + 1, r["Text"])
            if not sp:
                continue
            if tn in DATE_TYPES_IN_SCOPE:
                gold.append({"doc_id": doc_id, "start": sp[0], "end": sp[1], "text": r["Text"],
                             "type": DATE_TYPES_IN_SCOPE[tn], "values": _rec_candidates(r)})
            else:
                excluded.setdefault(doc_id, []).append(sp)

    def keep_pred(p):
        return not any(p["start"] < e and s < p["end"] for s, e in excluded.get(p["doc_id"], []))
    return Bench("rec-DateTimeModel", "Recognizers-Text DateTime/English/DateTimeModel.json "
                 "(datetimeV2.date/daterange/duration only)", "dates", docs, gold,
                 {"date", "daterange", "duration"}, keep_pred, rec_date_value_ok,
                 "start/end vs resolution; ISO duration vs timex",
                 "gold: date/daterange/duration results; predictions typed date/daterange/duration (or "
                 "untyped) that do not overlap an out-of-scope result (time, datetime, set, ...) are scored",
                 len(cases))


# ---------------------------------------------------------------- Recognizers numbers

def _num_value(result, kind):
    v = (result.get("Resolution") or {}).get("value")
    if v is None:
        return None
    try:
        return float(str(v).strip().rstrip("%").replace(",", ""))
    except ValueError:
        return None


def value_or_none(g, p):
    if g.get("value_low") in (None, "") or g.get("value_high") in (None, ""):
        return None
    return quantity_value_ok(g, p)


def rec_number_file(rel: str, cls: str, max_cases) -> Bench:
    path = REC / rel
    cases = _load(path)
    docs, gold = [], []
    for i, c in sample(cases, max_cases):
        doc_id = f"c{i}"
        docs.append({"id": doc_id, "text": c["Input"], "ref": None})
        for r in c["Results"]:
            sp = _span(c["Input"], r["Start"], r["End"] + 1, r["Text"])
            if sp:
                v = _num_value(r, cls)
                gold.append({"doc_id": doc_id, "start": sp[0], "end": sp[1], "text": r["Text"],
                             "value_low": v, "value_high": v})
    return Bench(f"rec-{Path(rel).stem}", f"Recognizers-Text {rel}", "numbers", docs, gold, {cls}, None,
                 value_or_none, "resolution value (unit not compared)",
                 f"predictions of class {cls} (or unclassed) are scored", len(cases))


# ---------------------------------------------------------------- quantulum3

def quantulum_file(max_cases) -> Bench:
    path = QUANTULUM / "quantities.json"
    cases = _load(path)
    docs, gold = [], []
    for i, c in sample(cases, max_cases):
        doc_id = f"c{i}"
        text = c["req"]
        docs.append({"id": doc_id, "text": text, "ref": None})
        used = set()
        for q in c["res"]:
            s = text.find(q["surface"])
            while s >= 0 and s in used:  # two equal surfaces: the next occurrence
                s = text.find(q["surface"], s + 1)
            if s < 0:
                continue
            used.add(s)
            v, unc = float(q["value"]), q.get("uncertainty") or 0
            gold.append({"doc_id": doc_id, "start": s, "end": s + len(q["surface"]), "text": q["surface"],
                         "value_low": v - unc, "value_high": v + unc})
    return Bench("quantulum3-quantities", "quantulum3 quantities.json", "numbers", docs, gold, None, None,
                 value_or_none, "value (± uncertainty as low/high; unit not compared)",
                 "spans located at the first (unused) occurrence of the surface; all classes scored", len(cases))


def benches(only: str | None, max_cases: int | None) -> list[Bench]:
    out = []
    if only in (None, "dates"):
        out += seed_benches("dates")
        out.append(rec_extractor("DateExtractor", {"date"}, max_cases))
        out.append(rec_extractor("DatePeriodExtractor", {"daterange"}, max_cases))
        out.append(rec_extractor("DurationExtractor", {"duration"}, max_cases))
        out.append(rec_datetime_model(max_cases))
    if only in (None, "numbers"):
        out += seed_benches("numbers")
        out.append(rec_number_file("Number/English/NumberModel.json", "number", max_cases))
        out.append(rec_number_file("Number/English/PercentModel.json", "percent", max_cases))
        out.append(rec_number_file("NumberWithUnit/English/CurrencyModel.json", "money", max_cases))
        out.append(rec_number_file("NumberWithUnit/English/DimensionModel.json", "dimension", max_cases))
        out.append(quantulum_file(max_cases))
    return out
