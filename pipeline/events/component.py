"""`chronicle_event_triggers`: trigger patterns from triggers.jsonl -> doc.spans["event_triggers"].

Patterns are spaCy Matcher token patterns (JSONL). They are evaluated by anchoring on the first token's
lemma and walking the rest with bounded gaps: the same language as spaCy's Matcher for the subset used
here (LEMMA/LOWER/ORTH/POS with IN, OP "?", "*" (= up to 3), "{0,n}"), at a fraction of the cost on
long documents, and with case-insensitive lemmas ("Resolution" as a PROPN lemma still matches).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

TRIGGERS_FILE = Path(__file__).with_name("triggers.jsonl")


def load_triggers(path: str | Path | None = None) -> list[dict]:
    lines = Path(path or TRIGGERS_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith("//")]


def _values(v) -> frozenset | None:
    if v is None:
        return None
    if isinstance(v, dict):
        return frozenset(x.lower() if isinstance(x, str) else x for x in v.get("IN", []))
    return frozenset([v.lower() if isinstance(v, str) else v])


class TokenSpec:
    __slots__ = ("lemma", "lower", "orth", "pos", "min", "max", "not_lower")

    def __init__(self, spec: dict):
        self.lemma = _values(spec.get("LEMMA"))
        lower = spec.get("LOWER")
        self.not_lower = (frozenset(w.lower() for w in lower["NOT_IN"])
                          if isinstance(lower, dict) and "NOT_IN" in lower else None)
        self.lower = _values(lower) if not (isinstance(lower, dict) and "NOT_IN" in lower) else None
        self.orth = _values(spec.get("ORTH"))
        pos = spec.get("POS")
        self.pos = frozenset(pos["IN"]) if isinstance(pos, dict) else (frozenset([pos]) if pos else None)
        op = spec.get("OP")
        self.min, self.max = 1, 1
        if op == "?":
            self.min, self.max = 0, 1
        elif op in ("*", "+"):
            self.min, self.max = (0 if op == "*" else 1), 3
        elif op and (m := re.fullmatch(r"\{(\d*),(\d*)\}", op)):
            self.min, self.max = int(m.group(1) or 0), int(m.group(2) or 3)

    def ok(self, t: Token) -> bool:
        if self.lemma is not None and t.lemma_.lower() not in self.lemma:
            return False
        if self.lower is not None and t.lower_ not in self.lower:
            return False
        if self.not_lower is not None and t.lower_ in self.not_lower:
            return False
        if self.orth is not None and t.text.lower() not in self.orth:
            return False
        if self.pos is not None and t.pos_ not in self.pos:
            return False
        return True


class Pattern:
    def __init__(self, label: str, rule: str, specs: list[dict]):
        self.label, self.rule = label, rule
        self.specs = [TokenSpec(s) for s in specs]

    def anchors(self) -> frozenset:
        first = self.specs[0]
        return first.lemma or first.lower or first.orth or frozenset()

    def match_at(self, doc: Doc, i: int) -> int | None:
        """End token index of the longest match starting at token i, or None."""
        def walk(k: int, j: int) -> int | None:
            if k == len(self.specs):
                return j
            spec = self.specs[k]
            best = None
            n = 0
            # try the fewest repetitions first, keep the longest complete match
            while True:
                if n >= spec.min:
                    end = walk(k + 1, j + n)
                    if end is not None and (best is None or end > best):
                        best = end
                if n >= spec.max or j + n >= len(doc) or not spec.ok(doc[j + n]):
                    break
                n += 1
            return best
        return walk(0, i)


@Language.factory("chronicle_event_triggers", default_config={"triggers_path": None})
def make_event_triggers(nlp: Language, name: str, triggers_path: str | None):
    return EventTriggers(triggers_path)


class EventTriggers:
    def __init__(self, triggers_path=None):
        self.by_anchor: dict[str, list[Pattern]] = {}
        for i, spec in enumerate(load_triggers(triggers_path)):
            p = Pattern(spec["label"], spec.get("id", str(i)), spec["pattern"])
            for a in p.anchors():
                self.by_anchor.setdefault(a, []).append(p)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for tok in doc:
            cands = self.by_anchor.get(tok.lemma_.lower()) or self.by_anchor.get(tok.lower_)
            if not cands:
                continue
            for p in cands:
                end = p.match_at(doc, tok.i)
                if end is not None and end > tok.i:
                    span = Span(doc, tok.i, end, label=p.label)
                    span.id_ = p.rule
                    spans.append(span)
        doc.spans["event_triggers"] = sorted(spans, key=lambda s: (s.start, s.end, s.label_))
        return doc

    def to_disk(self, path, *, exclude=()):
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()):
        return self
