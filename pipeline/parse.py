"""Document -> Parsed: segments, citation markers, spaCy Docs per segment, sentences with exact spans."""
from __future__ import annotations

import bisect
import os
import time
from dataclasses import dataclass, field

from .errors import DocumentError

from .documents import Document
from .parsecache import ParseCache, analyse
from .structure import Marker, Segment, break_long_runs, find_markers, mask_markers, segment_text, soften_capital_names


@dataclass
class Sentence:
    sentence_id: str
    start: int
    end: int
    segment: Segment
    citations: list[str] = field(default_factory=list)


@dataclass
class Parsed:
    document: Document
    text: str                      # the document text, exactly as decoded
    masked: str                    # the text as the parser reads it (same length): markers blanked, capitals softened
    markers: list[Marker]
    segments: list[Segment]
    docs: list                     # spaCy Doc per segment (doc.text == masked[seg.start:seg.end])
    sentences: list[Sentence]
    analysis: dict = field(default_factory=dict)   # parse-cache key, status and timings
    _starts: list[int] = field(default_factory=list)

    def __post_init__(self):
        self._starts = [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset < max(self.sentences[i].end, self.sentences[i].start + 1):
            return self.sentences[i]
        # offsets between sentences (e.g. a marker) belong to the sentence before
        return self.sentences[i] if i >= 0 else (self.sentences[0] if self.sentences else None)

    def segment_docs(self):
        return zip(self.segments, self.docs)


def sentence_id(doc_id: str, start: int) -> str:
    return f"{doc_id}:s{start}"


def prepare(text: str) -> tuple[list[Marker], str, list[Segment]]:
    """Citation markers, the masked text (same length: markers blanked, names in capitals in title case) and the
    segments: what spaCy is given is masked[seg.start:seg.end] for each segment."""
    markers = find_markers(text)
    return markers, break_long_runs(soften_capital_names(mask_markers(text, markers))), segment_text(text)


def parse(document: Document, nlp, batch_size: int = 64, cache: ParseCache | None = None) -> Parsed:
    """The document through spaCy; with a parse cache, the model's analysis is loaded when the
    segment texts and the model are unchanged, and only our components run (parsecache.py)."""
    text = document.text
    markers, masked, segments = prepare(text)
    budget = float(os.environ.get("CHRONICLE_DOC_TIME_BUDGET", "900"))
    started = time.monotonic()

    def check():
        if time.monotonic() - started > budget:
            raise DocumentError(document.source, f"processing exceeded the per-document time budget of "
                                                 f"{budget:g} s (raise CHRONICLE_DOC_TIME_BUDGET, or split the file)")
    analysis = analyse(nlp, [masked[s.start:s.end] for s in segments], batch_size, cache, check)
    docs = analysis.docs
    sentences: list[Sentence] = []
    for seg, doc in zip(segments, docs):
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            chunk = doc.text[a:b]
            a += len(chunk) - len(chunk.lstrip())
            b -= len(chunk) - len(chunk.rstrip())
            if b <= a:
                continue
            s, e = seg.start + a, seg.start + b
            if sentences and sentences[-1].segment is seg and _too_short(text[s:e]):
                prev = sentences[-1]          # a stray fragment (e.g. a lone quote mark) joins the sentence before
                prev.end = e
                continue
            sentences.append(Sentence(sentence_id(document.doc_id, s), s, e, seg))
    parsed = Parsed(document, text, masked, markers, segments, docs, sentences,
                    {"key": analysis.key, "status": analysis.status, "timing": analysis.timing,
                     "bytes_written": analysis.entry_bytes})
    for mk in markers:
        sent = parsed.sentence_at(mk.start)
        if sent is not None:
            sent.citations.append(mk.label)
    return parsed


def _too_short(s: str) -> bool:
    return len(s) <= 2 and not any(ch.isalnum() for ch in s)
