"""Rows -> tables: the contract's columns (../shared/TABLES.md) plus our own, sorted, CSV-safe."""
from __future__ import annotations

import csv
import io
import math
import re

CONTRACT = {
    "documents": "doc_id source sha256 n_chars n_sentences pipeline_version model",
    "sentences": "doc_id sentence_id start end citations",
    "mentions": "doc_id mention_id sentence_id start end text label entity_id source",
    "entities": "entity_id canonical label aliases n_mentions n_docs",
    "dates": "doc_id date_id sentence_id start end text kind value start_date end_date granularity mod rule",
    "quantities": ("doc_id quantity_id sentence_id start end text value_low value_high unit qualifier "
                   "counted category rule"),
    "events": ("doc_id event_id sentence_id start end event_type trigger date_id start_date end_date "
               "actors locations quantity_ids confidence"),
}
EXTRA = {
    "documents": "encoding title reference_date warnings",
    "sentences": "kind table_index row col text",
    "mentions": "canonical review_status",
    "entities": "",
    "dates": "anchor_id review_status",
    "quantities": "claimed_by date_id review_status",
    "events": "event_key trigger_start trigger_end date_part period_id text summary review_status",
}
COLUMNS = {name: (CONTRACT[name] + " " + EXTRA[name]).split() for name in CONTRACT}
# Our own views beside the contract's tables.
COLUMNS["chronicle"] = ("event_key start_date end_date event_type actors locations summary n_mentions "
                        "doc_ids event_ids confidence").split()
TABLE_NAMES = list(CONTRACT) + ["chronicle"]
NUMERIC = {"start", "end", "n_chars", "n_sentences", "n_mentions", "n_docs", "value_low",
           "value_high", "confidence", "table_index", "row", "col"}
INJECT = ("=", "+", "-", "@", "\t", "\r")
# A date before the common era begins with "-" ("-0218" = 218 BC, historical numbering): in a date
# column, a cell that is entirely such a validated date or range is data, not a formula, and keeps it.
DATE_COLUMNS = {"start_date", "end_date", "value"}
_HIST = r"-?\d{2,4}(?:-\d{2}(?:-\d{2})?)?"
HIST_DATE_CELL = re.compile(rf"{_HIST}(?:/{_HIST})?")


def date_order(iso: str) -> tuple:
    """ISO dates ordered with BC years before AD ones ("-0264-.." < "-0241-.." < "0001-.."); "" last."""
    from .time.calendar import hist_key
    return hist_key(iso or "")


def sort_key(name: str):
    if name == "documents":
        return lambda r: r["doc_id"]
    if name == "entities":
        return lambda r: r["entity_id"]
    if name == "chronicle":
        return lambda r: (date_order(r["start_date"]), date_order(r["end_date"]), r["event_type"], r["event_key"])
    id_col = {"sentences": "sentence_id", "mentions": "mention_id", "dates": "date_id",
              "quantities": "quantity_id", "events": "event_id"}[name]
    return lambda r: (r["doc_id"], r["start"], r["end"], r[id_col])


def sort_rows(name: str, rows: list[dict]) -> list[dict]:
    return sorted(rows, key=sort_key(name))


def format_cell(col: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(round(value, 6))
    if isinstance(value, int):
        return str(value)
    s = str(value)
    if col in DATE_COLUMNS and s.startswith("-") and HIST_DATE_CELL.fullmatch(s):
        return s             # a BC date ("-0218-01-01"), validated above: data, not a formula
    if col not in NUMERIC and s.startswith(INJECT):
        return "'" + s       # OWASP: a spreadsheet must not read the cell as a formula
    return s


def to_csv(name: str, rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    cols = list(COLUMNS[name])
    # review fixes keep the extracted value beside the reviewer's: original_<field> columns, when present
    cols += sorted({k for r in rows for k in r if k.startswith("original_") and k not in cols})
    w.writerow(cols)
    for r in sort_rows(name, rows):
        w.writerow([format_cell(c, r.get(c)) for c in cols])
    return buf.getvalue()


def to_frames(tables: dict[str, list[dict]]):
    import pandas as pd
    return {name: pd.DataFrame(sort_rows(name, tables.get(name, [])), columns=COLUMNS[name])
            for name in TABLE_NAMES}


def merge_entities(doc_entities: dict[str, dict[str, dict]], mentions: list[dict]) -> list[dict]:
    """Corpus entities from per-document entity info and all mentions."""
    from collections import Counter, defaultdict
    n_mentions = Counter()
    docs = defaultdict(set)
    aliases = defaultdict(set)
    for m in mentions:
        n_mentions[m["entity_id"]] += 1
        docs[m["entity_id"]].add(m["doc_id"])
        aliases[m["entity_id"]].add(m["text"])
    info: dict[str, dict] = {}
    for doc_id in sorted(doc_entities):
        for eid, d in doc_entities[doc_id].items():
            info.setdefault(eid, d)
    rows = []
    for eid in sorted(set(info) | set(n_mentions)):
        d = info.get(eid, {"canonical": eid, "label": ""})
        rows.append({"entity_id": eid, "canonical": d["canonical"], "label": d["label"],
                     "aliases": ";".join(sorted(aliases[eid] | {d["canonical"]})),
                     "n_mentions": n_mentions[eid], "n_docs": len(docs[eid])})
    return rows
