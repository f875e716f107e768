"""Candidates from `chronicle_time_rules` -> dates.csv rows, resolved in document order."""
from __future__ import annotations

from ..parse import Parsed
from .normalize import Anchor, Context, normalize
from .patterns import rules


def extract_dates(parsed: Parsed, tables: dict, entity_info: dict) -> list[dict]:
    kinds = {r.name: r.kind for r in rules()}
    ctx = Context(parsed.document.reference_date)
    doc_id = parsed.document.doc_id
    text = parsed.text
    rows = []
    for seg, doc in parsed.segment_docs():
        for m in doc._.time_matches or ():
            s, e = seg.start + m["start"], seg.start + m["end"]
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            t = normalize(m["rule"], m["groups"], ctx)
            kind = t.kind if t.kind else kinds[m["rule"]]
            date_id = f"{doc_id}:d{s}-{e}"
            rows.append({
                "doc_id": doc_id, "date_id": date_id, "sentence_id": sent.sentence_id, "start": s,
                "end": e, "text": text[s:e], "kind": kind, "value": t.value,
                "start_date": t.start.isoformat() if t.start else "",
                "end_date": t.end.isoformat() if t.end else "", "granularity": t.granularity,
                "mod": t.mod, "rule": m["rule"],
                "anchor_id": ctx.anchor.date_id if (t.anchor_used and ctx.anchor) else ""})
            if t.start is not None and kind in ("date", "range", "relative"):
                ctx.anchor = Anchor(t.start, t.end, t.granularity, date_id)
    return rows
