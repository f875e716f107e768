"""`chronicle_time_rules`: finds temporal expression candidates in each Doc (doc._.time_matches)."""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from .patterns import lexicon, rules

if not Doc.has_extension("time_matches"):
    Doc.set_extension("time_matches", default=None)


@Language.factory("chronicle_time_rules", default_config={"rules_path": None, "lexicon_path": None})
def make_time_rules(nlp: Language, name: str, rules_path: str | None, lexicon_path: str | None):
    return TimeRules(rules_path, lexicon_path)


class TimeRules:
    def __init__(self, rules_path=None, lexicon_path=None):
        self.rules = rules(rules_path, lexicon_path)
        lex = lexicon(lexicon_path)
        self.blockers = set(lex["year_blockers_before"])
        self.qualifiers = set(lex["count_qualifiers"])
        self.year_preps = set(lex["year_prepositions"])

    def __call__(self, doc: Doc) -> Doc:
        doc._.time_matches = find_matches(doc, self)
        return doc


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return text[i:j]


def year_is_count(doc: Doc, text: str, s: int, e: int, tr: TimeRules, starts: list[int]) -> bool:
    """A bare 4-digit number that is a count ("about 2000 soldiers") or an identifier, not a year."""
    prev = _prev_word(text, s)
    if prev in tr.blockers or prev[-1:] in ("$", "€", "£", "#", "№"):
        return True
    if prev in tr.qualifiers:
        return True
    i = bisect.bisect_left(starts, e)
    nxt = doc[i] if i < len(doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and prev not in tr.year_preps:
        return True
    if (nxt is not None and i + 1 < len(doc) and nxt.tag_ in ("JJ", "NNP") and doc[i + 1].tag_ == "NNS"
            and prev not in tr.year_preps):
        return True
    return False


def consecutive_days(g: dict) -> bool:
    """ "December 1 and 2, 2004", "1 and 2 December": two days in a row of one named month are one
    period (a two-day election), not a list."""
    if not (g.get("d1") and g.get("d2")) or (g.get("m1") and g.get("m2")):
        return False
    d1, d2 = (re.sub(r"\D", "", g[k]) for k in ("d1", "d2"))
    return bool(d1 and d2) and int(d2) == int(d1) + 1


def find_matches(doc: Doc, tr: TimeRules) -> list[dict]:
    text = doc.text
    cands = []
    for rule in tr.rules:
        for m in rule.regex.finditer(text):
            s, e = m.span("x") if "x" in rule.regex.groupindex and m.group("x") else m.span()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1] in " ,":
                e -= 1
            if e <= s:
                continue
            conn = m.groupdict().get("conn")
            if conn == "and" and (m.groupdict().get("conn0") or "").lower() != "between" and rule.kind == "range" \
                    and rule.name != "century_range" and not consecutive_days(m.groupdict()):
                continue          # "in 1992 and 1993" lists two dates; only "between A and B" is a range
            cands.append((s, e, rule, m))
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2].order, c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    starts: list[int] = []
    for s, e, rule, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if rule.name == "year" and not starts:
            starts = [t.idx for t in doc]
        if rule.name == "year" and year_is_count(doc, text, s, e, tr, starts):
            continue
        taken.append((s, e))
        groups = {k: v for k, v in m.groupdict().items() if v is not None}
        out.append({"start": s, "end": e, "rule": rule.name, "kind": rule.kind, "groups": groups})
    out.sort(key=lambda d: (d["start"], d["end"]))
    return merge_composite_durations(text, out)


UNIT_SIZE = {"centur": 0, "decade": 1, "year": 2, "month": 3, "week": 4, "day": 5, "hour": 6, "hr": 6,
             "minute": 7, "min": 7, "second": 8, "sec": 8}


def _size(unit: str) -> int:
    u = unit.lower()
    return next((v for k, v in UNIT_SIZE.items() if u.startswith(k)), 9)


def merge_composite_durations(text: str, found: list[dict]) -> list[dict]:
    """"2 years 1 month and 21 days" is one duration, not three (units must get smaller)."""
    out: list[dict] = []
    for m in found:
        prev = out[-1] if out else None
        if (prev is not None and m["rule"] == "duration" and prev["rule"] in ("duration", "duration_composite")
                and text[prev["end"]:m["start"]].strip(" ,") in ("", "and")
                and (m["groups"].get("q") or "").lower() not in ("a", "an")
                and _size(m["groups"]["u"]) > _size((prev["groups"].get("parts") or [(None, prev["groups"]["u"])])[-1][1])):
            parts = prev["groups"].get("parts") or [(prev["groups"].get("q"), prev["groups"]["u"])]
            parts = parts + [(m["groups"].get("q"), m["groups"]["u"])]
            out[-1] = {"start": prev["start"], "end": m["end"], "rule": "duration_composite", "kind": "duration",
                       "groups": {"parts": parts}}
            continue
        out.append(m)
    return out
