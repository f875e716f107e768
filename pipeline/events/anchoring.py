"""Dates given relative to another event of the text.

"Three weeks after the siege of Boston began", "the day after the battle", "following the coup": the act of
the sentence is dated from the event the phrase names, found in another sentence of the text that states
the same event (the event noun or the verb it nominalises, with the same name after "of") and gives it a
date of its own. Earlier sentences are searched first, nearest first, then later ones. The prepositions and
the event nouns are data (anchors.json).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..time.calendar import add_months, hist_key, last_day
from ..time.normalize import number, unit_code

ANCHORS_FILE = Path(__file__).with_name("anchors.json")


@lru_cache(maxsize=1)
def anchors() -> dict:
    return json.loads(ANCHORS_FILE.read_text(encoding="utf-8"))


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _phrase() -> re.Pattern:
    a = anchors()
    units = r"days?|weeks?|months?|years?"
    return re.compile(
        r"(?:(?P<q>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
        r"\s+(?P<u>" + units + r")\s+|(?P<theday>[Tt]he\s+day)\s+|(?P<vague>(?:" + _alt(a["vague_modifiers"]) + r"))\s+)?"
        r"\b(?P<dir>" + _alt(a["after"] + a["before"] + list(a["day_of"])) + r")\s+"
        r"(?:" + _alt(a["determiners"]) + r")\s+"
        r"(?P<pre>(?:[\w'’.-]+\s+){0,3}?)"
        r"(?P<noun>" + _alt(a["event_nouns"]) + r")\b"
        r"(?:\s+(?:of|at|in|on)\s+(?:the\s+)?(?P<arg>(?-i:[A-Z][\w'’-]+)))?"
        r"(?P<edge>\s+(?:had\s+|has\s+)?(?:" + _alt(a["edges"]) + r")\b)?",
        re.IGNORECASE)


@lru_cache(maxsize=1)
def _clause() -> re.Pattern:
    """ "two days after the KPA invaded", "a week before Germany surrendered": a count from an act told as a clause
    with a named doer."""
    a = anchors()
    verbs = {f for forms in a["event_nouns"].values() for f in forms if f not in a["event_nouns"]}
    return re.compile(
        r"(?:(?P<q>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
        r"\s+(?P<u>days?|weeks?|months?|years?)|(?P<theday>[Tt]he\s+day))\s+"
        r"(?P<dir>after|before)\s+(?:the\s+)?"
        r"(?P<subj>(?-i:[A-Z][\w.'’-]+)(?:\s+(?-i:[A-Z][\w.'’-]+)){0,2})\s+(?:had\s+)?"
        r"(?P<verb>" + _alt(verbs) + r")\b", re.IGNORECASE)


@dataclass
class Phrase:
    start: int
    end: int
    count: int | None        # None: no count ("after the battle")
    unit: str                # D W M Y
    direction: int           # +1 after, -1 before
    noun: str
    arg: str | None
    edge: str                # which end of the anchor the count runs from: start / end / "" (by direction)


def find_phrases(text: str, lo: int, hi: int) -> list[Phrase]:
    a = anchors()
    out = []
    for m in _phrase().finditer(text, lo, hi):
        word = re.sub(r"\s+", " ", m.group("dir").lower())
        direction = 1 if word in a["after"] else -1
        pre = m.group("pre") or ""
        if re.search(r"[,;:()]", pre):
            continue
        count, unit = None, "D"
        if word in a["day_of"]:
            if m.group("q") or m.group("theday") or m.group("vague"):
                continue
            # "on the day of the signing", "on the eve of the election": that day, the day before
            count, direction = abs(a["day_of"][word]), (-1 if a["day_of"][word] < 0 else 1)
        elif m.group("q"):
            q = m.group("q").lower()
            count = 1 if q in ("a", "an") else number(q)
            unit = unit_code(m.group("u"))
            if count is None or not float(count).is_integer():
                continue
            count = int(count)
        elif m.group("theday"):
            count, unit = 1, "D"
        elif direction < 0 or word not in a["vague_after"]:
            continue              # "before the war": an upper bound only
        edge = ""
        if m.group("edge"):
            key = re.sub(r"\s+", " ", re.sub(r"^(?:had|has)\s+", "", m.group("edge").strip().lower()))
            edge = a["edges"].get(key, "")
        out.append(Phrase(m.start(), m.end(), count, unit, direction, m.group("noun").lower(), m.group("arg"), edge))
    for m in _clause().finditer(text, lo, hi):
        if any(p.start <= m.start() < p.end for p in out):
            continue
        count, unit = (1, "D") if m.group("theday") else (number(m.group("q").lower()) if m.group("q").lower() not in ("a", "an") else 1,
                                                          unit_code(m.group("u")))
        if count is None or not float(count).is_integer():
            continue
        direction = 1 if m.group("dir").lower() == "after" else -1
        out.append(Phrase(m.start(), m.end(), int(count), unit, direction, m.group("verb").lower(),
                          m.group("subj").split()[-1], ""))
    return out


def _forms(word: str) -> re.Pattern:
    """The words that state the event: the forms of every event noun the word is, or is a form of."""
    forms = {word} | {f for key, fs in anchors()["event_nouns"].items() if word == key or word in fs for f in fs}
    return re.compile(r"\b(?:" + _alt(forms) + r")\b", re.IGNORECASE)


def find_anchor(text: str, phrase: Phrase, sentences: list[tuple[int, int, list[dict]]], here: tuple[int, int],
                linked: dict) -> dict | None:
    """The date of the event the phrase names: the nearest other sentence (earlier first, then later) stating
    that event with a date of its own: the date an act of that word was given there, else (a named event)
    the date nearest the word. An unnamed event ("the battle") is the one last told in the same paragraph.
    None when no sentence does."""
    forms = _forms(phrase.noun)
    arg = re.compile(r"\b" + re.escape(phrase.arg) + r"\b") if phrase.arg else None
    earlier = [s for s in sentences if s[1] <= here[0]]
    # a later statement of the event only when the phrase names it ("after the fall of X"): "after the
    # armistice" looks back to the armistice the text has told, not to one of several it tells later
    later = [s for s in sentences if s[0] >= here[1]] if arg is not None else []
    for group, back in ((reversed(earlier), True), (later, False)):
        for s, e, dates in group:
            if arg is None and "\n" in text[e:here[0]]:
                break         # "the battle", "the coup": the one told in the same paragraph
            seg = text[s:e]
            hits = [m for m in forms.finditer(seg) if not _in_relative(seg, m.start())]
            if not hits or (arg is not None and not arg.search(seg)):
                continue
            if not dates:
                if arg is None:
                    return None       # "the battle" is the one last told, which the text gives no date of its own
                continue
            if back:
                # an earlier sentence: the date the act stating the event was given there
                own = [d for t0, t1, d in linked.get(s, []) if any(t0 < s + h.end() and s + h.start() < t1 for h in hits)]
                if own:
                    return min(own, key=lambda d: abs(d["start"] - (s + hits[0].start())))
                if arg is None:
                    # "The coup took place on 11 March": a sentence with one date dates the event it states
                    return dates[0] if len({(d["start_date"], d["end_date"]) for d in dates}) == 1 else None
            at = s + hits[0].start()
            if arg is not None:
                a_at = s + arg.search(seg).start()
                at = min((s + h.start() for h in hits), key=lambda x: abs(x - a_at))
            return min(dates, key=lambda d: abs(d["start"] - at))
    return None


def _in_relative(seg: str, pos: int) -> bool:
    """The event word sits in a relative phrase itself ("after the battle"): that sentence dates another act."""
    return re.search(r"\b(?:after|before|following|since|until)\s+(?:\w+\s+){0,3}$", seg[max(0, pos - 40):pos],
                     re.IGNORECASE) is not None


def _day(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None           # BC dates: no arithmetic here


def _plus_months(d: dt.date, n: int) -> dt.date:
    y, m = add_months(d.year, d.month, n)
    return dt.date(y, m, min(d.day, last_day(y, m)))


def offset(anchor: dict, phrase: Phrase) -> tuple[str, str, str] | None:
    """(start, end, granularity) of the phrase's time counted from the anchor's interval: day precision from
    a day; a count of days from a wider anchor shifts its whole interval. With no count, "after X" is the day
    after X ends (a day) or X's own interval (wider): the lower bound the text gives."""
    a, b = _day(anchor["start_date"]), _day(anchor["end_date"])
    gran = anchor.get("granularity") or ("day" if anchor["start_date"] == anchor["end_date"] else "")
    if a is None or b is None:
        if phrase.count is None:
            return anchor["start_date"], anchor["end_date"], gran
        return None
    if phrase.count is None:
        if a == b or gran == "day":
            d = b + dt.timedelta(days=1)      # after a day or a span of days: from the day after it ends
            return d.isoformat(), d.isoformat(), "day"
        return a.isoformat(), b.isoformat(), gran
    n = phrase.count * phrase.direction
    ref = (a if phrase.edge == "start" else b) if phrase.direction > 0 else (b if phrase.edge == "end" else a)
    try:
        if phrase.unit in ("D", "W"):
            days = n * (7 if phrase.unit == "W" else 1)
            if a == b or phrase.edge:
                d = ref + dt.timedelta(days=days)
                return d.isoformat(), d.isoformat(), "day"
            return (a + dt.timedelta(days=days)).isoformat(), (b + dt.timedelta(days=days)).isoformat(), gran
        if phrase.unit in ("M", "Y"):
            months = n * (12 if phrase.unit == "Y" else 1)
            if a == b or phrase.edge:
                d = _plus_months(ref, months)
                return d.isoformat(), d.isoformat(), "day"
            s, e = _plus_months(a, months), _plus_months(b, months)
            if b.day == last_day(b.year, b.month):
                e = dt.date(e.year, e.month, last_day(e.year, e.month))
            return s.isoformat(), e.isoformat(), gran
    except (ValueError, OverflowError):
        return None
    return None


def anchored_date(text: str, phrase: Phrase, sentences, here, linked=None) -> dict | None:
    anchor = find_anchor(text, phrase, sentences, here, linked or {})
    if anchor is None:
        return None
    got = offset(anchor, phrase)
    if got is None:
        return None
    s, e, gran = got
    if hist_key(e) < hist_key(s):
        return None
    return {"start_date": s, "end_date": e, "granularity": gran, "anchor_id": anchor.get("date_id", "")}


@lru_cache(maxsize=1)
def _clause_phrase() -> tuple[re.Pattern, re.Pattern]:
    a = anchors()
    prep = re.compile(r"\b(?P<prep>" + _alt(a["clause_phrase_preps"]) + r")\s+[^,;:.()]*$", re.IGNORECASE)
    lead = re.compile(r"\b(?P<short>" + _alt(a["clause_phrase_same_day"]) + r")\s+$", re.IGNORECASE)
    return prep, lead


def clause_phrase_date(text: str, sent_start: int, act_at: int, dates: list[dict]) -> dict | None:
    """ "Salonika was taken on 8 November, only hours before a Bulgarian division arrived": the act of a before/after
    phrase in a clause the sentence dates by a day is timed from that day, not from the story's date before it: a
    time shorter than a day ("hours before", "shortly after") is that day, and a bare "before" or "until" gives the
    day as the act's lower bound. A bare "after" (earlier, by how much the text does not say) and a count of days
    (a date expression of its own, which the time rules resolve) are left to the other rules. None when the act is
    in no such phrase or the sentence has no day outside it."""
    prep_re, lead_re = _clause_phrase()
    lo = max(text.rfind(",", sent_start, act_at), text.rfind(";", sent_start, act_at), sent_start - 1) + 1
    m = prep_re.search(text, lo, act_at)
    if m is None:
        return None
    ends = [i for i in (text.find(c, act_at) for c in ",;.\n") if i >= 0]
    p0, p1 = m.start(), min(ends) if ends else len(text)
    direction = anchors()["clause_phrase_preps"][re.sub(r"\s+", " ", m.group("prep").lower())]
    lead = lead_re.search(text, max(sent_start, p0 - 30), p0)
    if lead is None and (direction < 0 or re.search(r"\b(?:days?|weeks?|months?|years?)\s+$", text[max(sent_start, p0 - 30):p0])):
        return None
    if lead is not None:
        p0 = lead.start()
    days = [d for d in dates if d.get("granularity") == "day" and d.get("start_date")
            and d["start_date"] == d["end_date"] and not p0 <= d["start"] < p1]
    # the day of the clause the phrase belongs to: before the phrase in its clause, else right after it
    before = [d for d in days if d["start"] < p0 and ";" not in text[d["end"]:p0]]
    return before[-1] if before else next((d for d in days if d["start"] >= p1), None)
