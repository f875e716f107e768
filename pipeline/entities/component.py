"""`chronicle_gazetteer`: domain names from gazetteer.jsonl (spaCy JSONL patterns) set as entities before NER."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

PATTERNS_FILE = Path(__file__).with_name("gazetteer.jsonl")


def load_patterns(path: str | Path | None = None) -> list[dict]:
    lines = Path(path or PATTERNS_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith("//")]


@Language.factory("chronicle_gazetteer", default_config={"patterns_path": None, "overwrite_ents": True})
def make_gazetteer(nlp: Language, name: str, patterns_path: str | None, overwrite_ents: bool):
    return Gazetteer(nlp, patterns_path, overwrite_ents)


class Gazetteer:
    """Like spaCy's EntityRuler with phrase patterns, but built with the tokenizer alone (so it loads
    inside spacy.load before the model weights) and on a PhraseMatcher (fast on long documents)."""

    def __init__(self, nlp: Language, patterns_path=None, overwrite_ents=True):
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.overwrite = overwrite_ents
        self.meta = {}
        for i, p in enumerate(load_patterns(patterns_path)):
            key = f"{p['label']}|{p.get('id', '')}"
            self.matcher.add(key, [nlp.make_doc(p["pattern"])])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, ent_id = doc.vocab.strings[match_id].split("|", 1)
            spans.append(Span(doc, start, end, label=label, span_id=ent_id))
        if not spans:
            return doc
        spans = filter_spans(spans)
        taken = {i for s in spans for i in range(s.start, s.end)}
        keep = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))] if self.overwrite else list(doc.ents)
        if not self.overwrite:
            busy = {i for e in keep for i in range(e.start, e.end)}
            spans = [s for s in spans if not any(i in busy for i in range(s.start, s.end))]
        doc.ents = sorted(keep + spans, key=lambda s: s.start)
        return doc

    # patterns live in the data file named by the config, so there is no state to serialise
    def to_disk(self, path, *, exclude=()):
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path, *, exclude=()):
        return self
