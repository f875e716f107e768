"""Citation and note markers such as [54], [a], [ page needed ]: found, masked, never extracted."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

NOTES_FILE = Path(__file__).with_name("note_markers.txt")


@dataclass(frozen=True)
class Marker:
    start: int
    end: int
    label: str   # the marker's content without brackets and spaces: "54", "a", "page needed"


@lru_cache(maxsize=1)
def _marker_re() -> re.Pattern:
    notes = [ln.strip() for ln in NOTES_FILE.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    note_alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(notes, key=len, reverse=True))
    # Not preceded by a letter/digit (so "[p]ossibly" inside a word is not a marker) and not
    # followed by one; bounded repetition keeps matching linear on hostile input.
    return re.compile(
        r"(?<![\w\[])\[\s{0,3}(?P<label>\d{1,4}|[a-z]{1,2}|(?:note|nb|n)\s?\d{1,3}|" + note_alt +
        r")\s{0,3}\](?![\w\]])", re.IGNORECASE)


# "since December [2022]": a year in brackets right after a month is an editor's clarification, not a note
_MONTH_BEFORE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                           r"November|December)\s?$")


def find_markers(text: str) -> list[Marker]:
    out = []
    for m in _marker_re().finditer(text):
        label = re.sub(r"\s+", " ", m.group("label").strip())
        if len(label) == 4 and label.isdigit() and _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        # a lone upper-case letter in brackets is usually editorial ("[A]rmenians"); lowercase notes only
        if label.isalpha() and len(label) <= 2 and not label.islower():
            continue
        out.append(Marker(m.start(), m.end(), label))
    return out


def mask_markers(text: str, markers: list[Marker]) -> str:
    """Replace each marker by spaces of the same length, so offsets are unchanged."""
    if not markers:
        return text
    parts, pos = [], 0
    for mk in markers:
        parts.append(text[pos:mk.start])
        parts.append(" " * (mk.end - mk.start))
        pos = mk.end
    parts.append(text[pos:])
    return "".join(parts)


LONG_RUN = re.compile(r"\S{200,}")


def break_long_runs(text: str, every: int = 100) -> str:
    """Put a space every `every` characters into runs of 200+ non-space characters (same length).

    spaCy's tokenizer strips prefixes and suffixes one at a time, which is quadratic on a 100,000-
    character "word" such as "[[[[..." or "1-1-1-..."; real words are never that long.
    """
    if not LONG_RUN.search(text):
        return text
    def cut(m):
        chars = list(m.group(0))
        for i in range(every - 1, len(chars), every):
            chars[i] = " "
        return "".join(chars)
    out = LONG_RUN.sub(cut, text)
    assert len(out) == len(text)
    return out


# What a copied wiki page keeps of its citation templates: "{{cite news}}", ": CS1 maint: DOI inactive as
# of November 2024 (link)". Their dates are the page's bookkeeping, never the story's.
RENDER_RESIDUE = re.compile(r"\{\{[^{}\n]{1,80}\}\}|:?[ \t]?CS1 maint:[^\n()]{0,120}\(link\)")


def render_residue(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in RENDER_RESIDUE.finditer(text)]
