"""Same event, several mentions: event_key groups; the chronicle is one row per event_key."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from collections import defaultdict

from ..structure import find_markers

MAX_GROUP_SPAN_DAYS = 366      # a containing interval longer than this is too vague to merge on


def _interval(e: dict):
    try:
        return dt.date.fromisoformat(e["start_date"]), dt.date.fromisoformat(e["end_date"])
    except (TypeError, ValueError):
        return None


def _compatible(a: dict, b: dict, ia=None, ib=None) -> bool:
    ia = ia if ia is not None else _interval(a)
    ib = ib if ib is not None else _interval(b)
    if ia is None or ib is None:
        return False
    if ia == ib:
        pass
    else:
        outer, inner = (ia, ib) if ia[0] <= ib[0] and ib[1] <= ia[1] else (ib, ia)
        if not (outer[0] <= inner[0] and inner[1] <= outer[1]):
            return False
        if (outer[1] - outer[0]).days > MAX_GROUP_SPAN_DAYS:
            return False
    actors_a = a.get("_actors") or set(filter(None, a.get("actors", "").split(";")))
    actors_b = b.get("_actors") or set(filter(None, b.get("actors", "").split(";")))
    return not actors_a or not actors_b or bool(actors_a & actors_b)


def assign_event_keys(events: list[dict]) -> None:
    parent = list(range(len(events)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    intervals = [_interval(e) for e in events]       # parsed once: corpora have tens of thousands
    by_type = defaultdict(list)
    for i, e in enumerate(events):
        if intervals[i] is not None:
            by_type[e["event_type"]].append(i)
    for idx in by_type.values():
        idx.sort(key=lambda i: intervals[i])
        for a_pos, i in enumerate(idx):
            a_start, a_end = intervals[i]
            # a partner starts inside i's interval; a long interval only merges with the very same one
            long_one = (a_end - a_start).days > MAX_GROUP_SPAN_DAYS
            for j in idx[a_pos + 1:]:
                if intervals[j][0] > a_end or (long_one and intervals[j] != intervals[i]):
                    break
                if _compatible(events[i], events[j], intervals[i], intervals[j]):
                    parent[find(j)] = find(i)
    groups = defaultdict(list)
    for i in range(len(events)):
        groups[find(i)].append(events[i])
    for members in groups.values():
        rep = representative(members)
        actor = (rep.get("actors") or "-").split(";")[0]
        key = f"{rep['event_type']}:{rep['start_date']}:{rep['end_date']}:{actor}"
        for m in members:
            m["event_key"] = key


def representative(members: list[dict]) -> dict:
    def width(e):
        iv = _interval(e)
        return (iv[1] - iv[0]).days if iv else 10 ** 6
    return min(members, key=lambda e: (width(e), -float(e.get("confidence") or 0), e["start_date"], e["event_id"]))


def clean_summary(text: str, limit: int = 240) -> str:
    marks = find_markers(text)
    for m in reversed(marks):
        text = text[:m.start] + text[m.end:]
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def _min_confidence() -> float:
    types_file = Path(__file__).with_name("types.json")
    return float(json.loads(types_file.read_text(encoding="utf-8")).get("chronicle_min_confidence", 0.0))


def chronicle_rows(events: list[dict], entity_names: dict[str, str]) -> list[dict]:
    """One row per event_key. Keys whose every mention is a weak guess (e.g. dated only from another
    paragraph) stay in events.csv for review but are not in the briefing view."""
    floor = _min_confidence()
    groups = defaultdict(list)
    for e in events:
        groups[e["event_key"]].append(e)
    groups = {k: ms for k, ms in groups.items() if max(float(m.get("confidence") or 0) for m in ms) >= floor}
    rows = []
    for key, members in groups.items():
        rep = representative(members)
        names = lambda ids: ";".join(entity_names.get(i, i) for i in filter(None, ids.split(";")))
        actors = []
        for m in members:
            for a in filter(None, m["actors"].split(";")):
                if a not in actors:
                    actors.append(a)
        rows.append({"event_key": key, "start_date": rep["start_date"], "end_date": rep["end_date"],
                     "event_type": rep["event_type"], "actors": names(";".join(actors[:6])),
                     "locations": names(rep["locations"]), "summary": clean_summary(rep.get("text", "")),
                     "n_mentions": len(members), "doc_ids": ";".join(sorted({m["doc_id"] for m in members})),
                     "event_ids": ";".join(sorted(m["event_id"] for m in members)),
                     "confidence": max(float(m.get("confidence") or 0) for m in members)})
    return rows
