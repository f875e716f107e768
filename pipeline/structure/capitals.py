"""Personal names written in capitals ("Mahinda RAJAPAKSA", "King GYANENDRA", "al-BASHIR", "HEO JEONG"), as some
sources print family names: the entity model reads a word in capitals as an acronym or a place, so such names are given
to the parser in title case ("Rajapaksa"), at the same length. Only what the parser reads changes; every surface is cut
from the original text.

A word in capitals is read as a name when the document shows it as one: written after a capitalised word ("Paul
KAGAME") or a short particle and hyphen ("al-BASHIR"), or beside another such word in a running line ("HEO JEONG"); and
never as an acronym: never in parentheses ("(RPF)"), never without a vowel ("CPN"), never a Roman numeral ("George
III"), and less often after an article ("the LTTE") than as a name ("the RAJAPAKSA administration" after "Mahinda
RAJAPAKSA" twice). One such name proves nothing (a stray "Allied NATO"); a document that writes two or
more names so writes its names so.
"""
from __future__ import annotations

import re

WORD = re.compile(r"(?<![\w'’])[A-Z][A-Z'’]*[A-Z](?![\w])(?!['’][A-Z])")
VOWEL = re.compile(r"[AEIOUY]")
ROMAN = re.compile(r"[IVXLCDM]+")
CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’]* $")
PARTICLE = re.compile(r"(?<![\w'’-])[a-z]{1,3}-$")
ARTICLE = re.compile(r"(?<![\w'’-])(?:[Tt]he|[Aa]n?) $")
MIN_NAMES = 2


def _running_line(line: str) -> bool:
    """A line of prose, not a heading in capitals: most of its letters are lower case."""
    letters = [ch for ch in line if ch.isalpha()]
    return bool(letters) and sum(ch.islower() for ch in letters) > len(letters) / 2


def _words(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        if _running_line(line):
            for m in WORD.finditer(line):
                yield pos + m.start(), pos + m.end(), m.group(0)
        pos += len(line)


def capital_names(text: str) -> set[str]:
    """The words in capitals this document writes as names (empty unless it writes at least MIN_NAMES so)."""
    evidence: dict[str, int] = {}
    barred: dict[str, int] = {}      # uses after an article: a name is so written less often than as a name
    never = set()                    # no vowel, a Roman numeral, an acronym defined in parentheses
    hits = list(_words(text))
    starts = {s: w for s, _, w in hits}
    ends = {e: w for _, e, w in hits}
    for s, e, w in hits:
        before = text[max(0, s - 40):s]
        if not VOWEL.search(w) or ROMAN.fullmatch(w) or (text[s - 1:s] == "(" and text[e:e + 1] in "),"):
            never.add(w)
            continue
        if ARTICLE.search(before):
            barred[w] = barred.get(w, 0) + 1
            continue
        # words in capitals joined by a hyphen are pairs of acronyms ("USA-KPA fight"), not names
        joined = (ends.get(s - 1) is not None and text[s - 1] == " ") or (
            starts.get(e + 1) is not None and text[e:e + 1] == " ")
        if len(w) >= 3 and (CAPITALISED.search(before) or PARTICLE.search(before) or joined):
            evidence[w] = evidence.get(w, 0) + 1
    names = {w for w, n in evidence.items() if n > barred.get(w, 0) and w not in never}
    return names if len(names) >= MIN_NAMES else set()


def soften_capital_names(text: str) -> str:
    """The text with the document's names in capitals in title case (same length, same offsets)."""
    names = capital_names(text)
    if not names:
        return text
    out = WORD.sub(lambda m: m.group(0)[0] + m.group(0)[1:].lower() if m.group(0) in names else m.group(0), text)
    assert len(out) == len(text)
    return out
