"""`chronicle_event_triggers`: spaCy Matcher over triggers.jsonl -> doc.spans["event_triggers"]."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

TRIGGERS_FILE = Path(__file__).with_name("triggers.jsonl")


def load_triggers(path: str | Path | None = None) -> list[dict]:
    lines = Path(path or TRIGGERS_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith("//")]


def _capitalised(pattern: list[dict]) -> list[dict]:
    """The same pattern for capitalised lemmas (spaCy keeps "Resolution", "Ceasefire" as PROPN lemmas)."""
    out = []
    for tok in pattern:
        tok = dict(tok)
        lemma = tok.get("LEMMA")
        if isinstance(lemma, dict) and "IN" in lemma:
            tok["LEMMA"] = {"IN": [w[:1].upper() + w[1:] for w in lemma["IN"]]}
        elif isinstance(lemma, str):
            tok["LEMMA"] = lemma[:1].upper() + lemma[1:]
        out.append(tok)
    return out


@Language.factory("chronicle_event_triggers", default_config={"triggers_path": None})
def make_event_triggers(nlp: Language, name: str, triggers_path: str | None):
    return EventTriggers(nlp, triggers_path)


class EventTriggers:
    def __init__(self, nlp: Language, triggers_path=None):
        self.matcher = Matcher(nlp.vocab)
        self.rule_label = {}
        for i, spec in enumerate(load_triggers(triggers_path)):
            key = f"{spec['label']}|{spec.get('id', i)}"
            self.matcher.add(key, [spec["pattern"], _capitalised(spec["pattern"])])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            label, rule = key.split("|", 1)
            span = Span(doc, start, end, label=label)
            span.id_ = rule
            spans.append(span)
        # shortest trigger for a start wins ("launched ... offensive" keeps its full reach separately)
        doc.spans["event_triggers"] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc
