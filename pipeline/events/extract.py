"""Triggers -> events.csv rows: type, governing date, actors, locations, quantities, confidence."""
from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..entities.linking import alias_table, norm
from ..parse import Parsed
from .chronicle import clean_summary

TYPES_FILE = Path(__file__).with_name("types.json")


@lru_cache(maxsize=1)
def types() -> dict:
    return json.loads(TYPES_FILE.read_text(encoding="utf-8"))


def _clause_distance(text: str, a: int, b: int) -> int:
    lo, hi = min(a, b), max(a, b)
    between = text[lo:hi]
    return (hi - lo) + 400 * between.count(";") + 150 * len(re.findall(r",\s+(?:while|but|and|whereas|which)\b", between))


def _location_words(text: str, start: int) -> str:
    before = text[max(0, start - 25):start].split()
    return before[-1].lower() if before else ""


def extract_events(parsed: Parsed, tables: dict, entity_info: dict) -> list[dict]:
    cfg = types()
    priority = {t: i for i, t in enumerate(cfg["priority"])}
    doc_id = parsed.document.doc_id
    text = parsed.text
    dates_by_sent = defaultdict(list)
    for d in tables.get("dates", []):
        if d["start_date"] and d["kind"] in ("date", "range", "relative"):
            dates_by_sent[d["sentence_id"]].append(d)
    all_dates = sorted((d for d in tables.get("dates", []) if d["start_date"] and d["kind"] in ("date", "range", "relative")),
                       key=lambda d: d["start"])
    mentions_by_sent = defaultdict(list)
    for m in tables.get("mentions", []):
        mentions_by_sent[m["sentence_id"]].append(m)
    quantities_by_sent = defaultdict(list)
    for q in tables.get("quantities", []):
        quantities_by_sent[q["sentence_id"]].append(q)
    entity_labels = {eid: info["label"] for eid, info in entity_info.items()}

    triggers_by_sent = defaultdict(list)
    for seg, doc in parsed.segment_docs():
        for span in doc.spans.get("event_triggers", []):
            s = seg.start + span.start_char
            e = seg.start + span.end_char
            sent = parsed.sentence_at(s)
            if sent is not None and sent.start <= s < sent.end + 1:
                triggers_by_sent[sent.sentence_id].append((s, e, span.label_, span.id_))
    weak = set(cfg.get("weak_rules", []))

    rows = []
    date_pos = [d["start"] for d in all_dates]

    def dist(t_start, d):
        return _clause_distance(text, t_start, d["start"] if d["start"] > t_start else d["end"])

    for sent in parsed.sentences:
        if sent.segment.kind == "cell":
            continue
        trig = sorted(triggers_by_sent.get(sent.sentence_id, []))
        sent_dates = dates_by_sent.get(sent.sentence_id, [])
        if not trig and not sent_dates:
            continue
        # strong typed triggers first, then "other" verbs, then weak nouns ("war", "conflict")
        typed = ([t for t in trig if t[2] != "other" and t[3] not in weak] or
                 [t for t in trig if t[2] == "other"] or trig)
        pairs = []          # (trigger or None, date, confidence)
        used_types = set()
        # every dated expression states something: type it by the trigger that governs it
        for d in sent_dates:
            if typed:
                best = min(typed, key=lambda t: (dist(t[0], d), priority.get(t[2], 99)))
                conf = 0.9 if dist(best[0], d) < 80 else 0.7
                pairs.append((best, d, conf))
                used_types.add(best[2])
            else:
                pairs.append((None, d, 0.5))
        # trigger types no date claimed: the nearest date in the sentence, else the narrative's date
        for t in typed:
            if t[2] in used_types:
                continue
            used_types.add(t[2])
            if sent_dates:
                d = min(sent_dates, key=lambda d: dist(t[0], d))
                pairs.append((t, d, 0.75 if dist(t[0], d) < 80 else 0.6))
            elif t[2] != "other":
                i = bisect.bisect_left(date_pos, sent.start) - 1
                if i >= 0:
                    pairs.append((t, all_dates[i], 0.45))
        seen = set()
        for t, date, confidence in pairs:
            label = t[2] if t else "other"
            key = (label, date["date_id"])
            if key in seen:
                continue
            seen.add(key)
            s, e = (t[0], t[1]) if t else (date["start"], date["end"])
            actors, locations = [], []
            for m in sorted(mentions_by_sent.get(sent.sentence_id, []), key=lambda m: m["start"]):
                eid = m["entity_id"]
                elabel = entity_labels.get(eid, m["label"])
                prep = _location_words(text, m["start"])
                if m["label"] in cfg["location_labels"] and prep in cfg["location_prepositions"]:
                    if eid not in locations:
                        locations.append(eid)
                elif m["label"] in cfg["actor_labels"] or elabel in cfg["actor_labels"]:
                    if eid not in actors:
                        actors.append(eid)
            cats = set(cfg["quantity_categories"].get(label, []))
            qids = [q["quantity_id"] for q in quantities_by_sent.get(sent.sentence_id, []) if q["category"] in cats]
            if actors:
                confidence += 0.05
            rows.append({"doc_id": doc_id, "event_id": f"{doc_id}:e{sent.start}-{sent.end}-{s}-{date['start']}-{label}",
                         "sentence_id": sent.sentence_id, "start": sent.start, "end": sent.end,
                         "event_type": label, "trigger": text[s:e] if t else "", "date_id": date["date_id"],
                         "start_date": date["start_date"], "end_date": date["end_date"],
                         "actors": ";".join(actors[:6]), "locations": ";".join(locations[:6]),
                         "quantity_ids": ";".join(qids), "confidence": round(min(confidence, 1.0), 2),
                         "text": text[sent.start:sent.end], "summary": clean_summary(text[sent.start:sent.end])})
    rows.extend(table_row_events(parsed, tables))
    return rows


def table_row_events(parsed: Parsed, tables: dict) -> list[dict]:
    """A casualty-table row (Year | Armenia | Azerbaijan | Total) is one casualties event for its year."""
    doc_id = parsed.document.doc_id
    text = parsed.text
    dates = {d["date_id"]: d for d in tables.get("dates", [])}
    by_row = defaultdict(list)
    for q in tables.get("quantities", []):
        if q.get("date_id") and q["category"] == "casualties":
            by_row[q["date_id"]].append(q)
    aliases = alias_table()
    cells = {(seg.table, seg.row, seg.col): seg for seg in parsed.segments if seg.kind == "cell"}
    rows = []
    for date_id, qs in by_row.items():
        d = dates.get(date_id)
        if d is None:
            continue
        first = parsed.sentence_at(d["start"])
        seg = first.segment
        row_cells = [c for k, c in cells.items() if k[0] == seg.table and k[1] == seg.row]
        start, end = min(c.start for c in row_cells), max(c.end for c in row_cells)
        actors = []
        for q in qs:
            qseg = parsed.sentence_at(q["start"]).segment
            eid = aliases.get(norm(qseg.header)) if qseg.header else None
            if eid and eid not in actors:
                actors.append(eid)
        rows.append({"doc_id": doc_id, "event_id": f"{doc_id}:e{start}-{end}-{d['start']}",
                     "sentence_id": first.sentence_id, "start": start, "end": end,
                     "event_type": types()["casualty_table_type"], "trigger": "casualty table row",
                     "date_id": date_id, "start_date": d["start_date"], "end_date": d["end_date"],
                     "actors": ";".join(actors), "locations": "",
                     "quantity_ids": ";".join(q["quantity_id"] for q in qs), "confidence": 0.8,
                     "text": text[start:end], "summary": clean_summary(text[start:end])})
    return rows
