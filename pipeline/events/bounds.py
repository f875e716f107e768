"""Bounds the story puts on an act's date.

"By 1961 Laos was fragmented ... He rejected the military option ... Kennedy opened his press conference on March 23,
1961": an act the text dates only by the story's coarse time (a year, a season, a month carried from an earlier
sentence) and tells before a finer date that moves the story on in the same paragraph happened before that date
(GUIDELINES, Dates: a later dated act sets the upper bound when the text orders the two).
"""
from __future__ import annotations

import bisect

from ..time.calendar import hist_key


def story_movers(all_dates: list[dict], narrative_state: list[dict]) -> list[dict]:
    """The dates that moved the story forward to themselves (not a heading's span, not a flashback's date, not one
    the story's time already held)."""
    return [d for d, cur in zip(all_dates, narrative_state)
            if cur is d and not d.get("_heading") and not d.get("flashback") and d.get("kind") == "date"]


def bound_by_next_story_date(rows: list[dict], movers: list[dict], text: str, date_by_id: dict) -> None:
    """Ends a carried coarse date at the next finer story date of the paragraph, told in a later sentence."""
    starts = [d["start"] for d in movers]
    for r in rows:
        own = date_by_id.get(r.get("date_id"))
        if own is None or own.get("sentence_id") == r["sentence_id"] or r.get("date_part") not in ("whole", "course"):
            continue          # a date of the act's own sentence is its own time
        if not r.get("start_date") or not r.get("end_date"):
            continue
        i = bisect.bisect_left(starts, r["end"])
        if i >= len(movers):
            continue
        nxt = movers[i]
        if "\n" in text[r["end"]:nxt["start"]]:
            continue          # the paragraph ended before the story moved on
        lo, hi = hist_key(r["start_date"]), hist_key(r["end_date"])
        if lo <= hist_key(nxt["start_date"]) and hist_key(nxt["end_date"]) < hi:
            r["end_date"] = nxt["end_date"]
            r["date_part"] = "before"
