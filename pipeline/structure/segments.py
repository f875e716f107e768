"""Lines -> segments: prose paragraphs, and pipe-table rows split into cells.

A segment is the unit handed to spaCy: a paragraph, or one table cell. Offsets are into the
document text; nothing is re-joined, so every span maps back exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_SEGMENT_CHARS = 20_000          # longer paragraphs are cut at whitespace (spaCy cost is per doc)
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
SEPARATOR_ROW = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    kind: str            # "prose" | "cell"
    block: int           # index of the line (paragraph / table row) in the document
    table: int = -1      # index of the table this cell belongs to, -1 for prose
    row: int = -1        # row number inside the table (header row = 0)
    col: int = -1
    header: str = ""     # the column header text for a cell, "" when unknown
    row_label: str = ""  # text of the first cell of the row


def _lines(text: str):
    pos = 0
    n = len(text)
    while pos < n:
        m = LINE_RE.match(text, pos)
        body = m.group(0).rstrip("\r\n")
        yield pos, pos + len(body)
        if m.end() == pos:   # defensive: never loop forever
            break
        pos = m.end()


def is_table_line(line: str) -> bool:
    s = line.strip()
    if not s or "|" not in s:
        return False
    return s.endswith("|") or " | " in s or SEPARATOR_ROW.match(s) is not None


def _cells(text: str, start: int, end: int):
    """Cell spans of a table line, trimmed of whitespace; empty cells keep their column index."""
    col, pos = 0, start
    line = text[start:end]
    for piece in line.split("|"):
        s = pos
        e = pos + len(piece)
        pos = e + 1
        ts = s + (len(piece) - len(piece.lstrip()))
        te = e - (len(piece) - len(piece.rstrip()))
        yield col, ts, te
        col += 1


def _split_long(text: str, start: int, end: int):
    while end - start > MAX_SEGMENT_CHARS:
        cut = text.rfind(" ", start + MAX_SEGMENT_CHARS // 2, start + MAX_SEGMENT_CHARS)
        if cut <= start:
            cut = start + MAX_SEGMENT_CHARS
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def segment_text(text: str) -> list[Segment]:
    segments: list[Segment] = []
    table = -1
    row = -1
    header: dict[int, str] = {}
    prev_table_line = False
    pending_header: list[tuple[int, int, int]] = []
    for block, (ls, le) in enumerate(_lines(text)):
        line = text[ls:le]
        if is_table_line(line):
            if not prev_table_line:
                table += 1
                row = -1
                header = {}
            prev_table_line = True
            if SEPARATOR_ROW.match(line.strip()):
                # the row just before a separator is the header row
                header = {c: text[s:e] for c, s, e in pending_header if e > s}
                continue
            row += 1
            cells = [(c, s, e) for c, s, e in _cells(text, ls, le)]
            pending_header = cells
            row_label = next((text[s:e] for c, s, e in cells if e > s), "")
            for c, s, e in cells:
                if e <= s:
                    continue
                for cs, ce in _split_long(text, s, e):
                    segments.append(Segment(cs, ce, "cell", block, table, row, c,
                                            header.get(c, ""), row_label))
            continue
        prev_table_line = False
        s = ls + (len(line) - len(line.lstrip()))
        e = le - (len(line) - len(line.rstrip()))
        if e > s:
            for cs, ce in _split_long(text, s, e):
                segments.append(Segment(cs, ce, "prose", block))
    return segments
