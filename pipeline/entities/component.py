"""`chronicle_gazetteer`: spaCy's EntityRuler fed from gazetteer.jsonl (spaCy JSONL patterns)."""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.pipeline import EntityRuler

PATTERNS_FILE = Path(__file__).with_name("gazetteer.jsonl")


def load_patterns(path: str | Path | None = None) -> list[dict]:
    lines = Path(path or PATTERNS_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith("//")]


@Language.factory("chronicle_gazetteer",
                  default_config={"patterns_path": None, "overwrite_ents": True})
def make_gazetteer(nlp: Language, name: str, patterns_path: str | None, overwrite_ents: bool):
    ruler = EntityRuler(nlp, name=name, overwrite_ents=overwrite_ents)
    # Phrase patterns become token patterns through the tokenizer alone: EntityRuler would otherwise run
    # the whole (not yet loaded) pipeline over them while spacy.load is still building it.
    patterns = []
    for p in load_patterns(patterns_path):
        if isinstance(p["pattern"], str):
            p = dict(p, pattern=[{"ORTH": t.text} for t in nlp.tokenizer(p["pattern"])])
        patterns.append(p)
    ruler.add_patterns(patterns)
    return ruler
