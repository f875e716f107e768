"""Load lexicon.json and rules.jsonl; expand {PLACEHOLDERS} into compiled regexes."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from pathlib import Path

from ..regex_rules import Rule, load_rules, word_alternation

HERE = Path(__file__).parent


_alt = word_alternation


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict:
    return json.loads(Path(path or HERE / "lexicon.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def counted_lexicon(path: str | None = None) -> dict:
    return json.loads(Path(path or HERE / "counted.json").read_text(encoding="utf-8"))


def placeholders(lex: dict) -> dict[str, str]:
    units = list(lex["units_words"])
    tens = list(lex["tens_words"])
    atom = _alt([f"{t}-{u}" for t in tens for u in units[1:10]] + [f"{t} {u}" for t in tens for u in units[1:10]]
                + tens + units)
    word_num = (rf"{atom}(?:\s+hundred(?:\s+(?:and\s+)?{atom})?)?(?:\s+(?:thousand|million|billion)"
                rf"(?:\s+(?:and\s+)?{atom})?)?")
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\d)"
    return {
        "NUM": rf"(?:{digits}|(?<![\w-]){word_num}(?![\w]))",
        "B": r"(?<![\w./,\-–—])",
        "SCALE": r"(?:million|billion|trillion|thousand|bn|mln)\b",
        "QUAL": _alt(lex["qualifiers"]),
        "CURPRE": "(?:" + "|".join(re.escape(c) for c in sorted(lex["currency_prefix"], key=len, reverse=True)) + ")",
        "CURSUF": _alt(lex["currency_suffix"], both_cases=False),
        "MUNIT": _alt(lex["measure_units"], both_cases=False) + r"(?![\w])",
        "CONVERSION": r"(?:\s*\((?P<conv>[^()]{1,25}?)\))?",
        "FRACTION": _alt(list(lex["fractions"]) + fraction_words(lex)),
        "SCALE_SHORT": r"(?:bn|bln|mn|mln|mil|[kKmMbB])(?![\w])",
        "VAGUE": _alt(lex["vague"]),
        "END": r"(?![\w/]|\.\d|-(?!worth|strong)\w|(?:st|nd|rd|th)\b|\s?(?:[ap]\.?m\.?|GMT|UTC)\b)",
    }


def fraction_words(lex: dict) -> list[str]:
    """"three fifths", "two-thirds", "one eighth" ... from numerator and denominator words."""
    out = []
    for num in lex["fraction_numerators"]:
        for den in lex["fraction_denominators"]:
            if den in ("half", "halves") and num not in ("one", "a"):
                continue
            out += [f"{num} {den}", f"{num}-{den}"]
    return out


def fraction_value(lex: dict, text: str) -> float | None:
    words = re.split(r"[\s-]+", text.lower())
    if len(words) == 2 and words[0] in lex["fraction_numerators"] and words[1] in lex["fraction_denominators"]:
        return round(lex["fraction_numerators"][words[0]] / lex["fraction_denominators"][words[1]], 4)
    return None


def word_atoms(lex: dict) -> dict[str, int]:
    out = dict(lex["units_words"])
    out.update(lex["tens_words"])
    return out


@lru_cache(maxsize=4)
def rules(path: str | None = None, lexicon_path: str | None = None) -> tuple[Rule, ...]:
    return load_rules(path or HERE / "rules.jsonl", placeholders(lexicon(lexicon_path)))
