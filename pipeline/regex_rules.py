"""Shared by the time and number dimensions: rule files (JSONL regexes with {PLACEHOLDERS}) and
word alternations from lexicon lists."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .trie_regex import trie_alternation


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    regex: re.Pattern
    order: int


def word_alternation(words, both_cases: bool = True) -> str:
    """A regex matching any of the words (and their capitalised forms), factored as a trie."""
    forms = set()
    for w in words:
        forms.add(w)
        if both_cases and w[:1].isalpha():
            forms.add(w[:1].upper() + w[1:])
    return trie_alternation(forms)


def load_rules(path: str | Path, placeholders: dict[str, str]) -> tuple[Rule, ...]:
    """rules.jsonl -> compiled rules in file order ("//" lines are comments)."""
    out = []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln or ln.startswith("//"):
            continue
        spec = json.loads(ln)
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: placeholders[m.group(1)], spec["pattern"])
        out.append(Rule(spec["rule"], spec.get("kind", ""), re.compile(pattern), len(out)))
    return tuple(out)
