"""Number candidates -> quantities.csv rows: ids, sentences, claimants, table context (row year, column side)."""
from __future__ import annotations

from ..parse import Parsed
from .patterns import lexicon

CASUALTY_TABLE_NOUNS = {"soldiers", "civilians", "servicemen", "soldier", "civilian", "troops"}


def _mention_entity(mentions: list[dict], s: int, e: int) -> str:
    inside = [m for m in mentions if s <= m["start"] and m["end"] <= e]
    if inside:
        return max(inside, key=lambda m: m["end"] - m["start"])["entity_id"]
    return ""


def extract_quantities(parsed: Parsed, tables: dict, entity_info: dict) -> list[dict]:
    doc_id = parsed.document.doc_id
    text = parsed.text
    demonyms = lexicon()["demonyms"]
    mentions = tables.get("mentions", [])
    dates = tables.get("dates", [])
    first_cells = {(seg.table, seg.row): seg for seg in parsed.segments if seg.kind == "cell" and seg.col == 0}
    table_headers = {}
    for seg in parsed.segments:
        if seg.kind == "cell" and seg.col == 0 and seg.header:
            table_headers[seg.table] = seg.header
    rows = []
    for seg, doc in parsed.segment_docs():
        for s, e, message in doc._.number_warnings or ():
            from ..time.extract import warn
            warn(tables, message.replace(" left out", f" at {seg.start + s}-{seg.start + e} left out", 1))
        for m in doc._.number_matches or ():
            s, e = seg.start + m["start"], seg.start + m["end"]
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            counted, category, date_id = m["counted"], m["category"], ""
            if seg.kind == "cell":
                side = demonyms.get(seg.header, "")
                noun = counted.split(" ")[-1] if counted else ""
                is_casualty_table = table_headers.get(seg.table, "").strip().lower() == "year" and (
                    noun in CASUALTY_TABLE_NOUNS or (counted.split(" ")[0] if counted else "") in CASUALTY_TABLE_NOUNS)
                if side and counted and not counted.startswith(side):
                    counted = f"{side} {counted}"
                if is_casualty_table:
                    if not m["state"]:
                        counted = f"{counted} killed".strip()
                    category = "casualties"
                    label_cell = first_cells.get((seg.table, seg.row))
                    if label_cell is not None:
                        hit = [d for d in dates if label_cell.start <= d["start"] and d["end"] <= label_cell.end]
                        date_id = hit[0]["date_id"] if hit else ""
            claimed_by = ""
            if m["claim"]:
                cs, ce = seg.start + m["claim"][0], seg.start + m["claim"][1]
                claimed_by = _mention_entity(mentions, cs, ce) or text[cs:ce]
            rows.append({"doc_id": doc_id, "quantity_id": f"{doc_id}:q{s}-{e}", "sentence_id": sent.sentence_id,
                         "start": s, "end": e, "text": text[s:e], "value_low": m["value_low"],
                         "value_high": m["value_high"], "unit": m["unit"], "qualifier": m["qualifier"],
                         "counted": counted, "category": category, "rule": m["rule"],
                         "claimed_by": claimed_by, "date_id": date_id})
    return rows
