"""Load lexicon.json and rules.jsonl; expand {PLACEHOLDERS} into compiled regexes."""
from __future__ import annotations

import json
import re
from functools import lru_cache

from pathlib import Path

from ..regex_rules import Rule, load_rules, word_alternation

HERE = Path(__file__).parent
LEXICON_FILE = HERE / "lexicon.json"
RULES_FILE = HERE / "rules.jsonl"


_alt = word_alternation


@lru_cache(maxsize=4)
def lexicon(path: str | None = None) -> dict:
    return json.loads(Path(path or LEXICON_FILE).read_text(encoding="utf-8"))


def day_ordinals(lex: dict) -> dict[str, int]:
    """"first" .. "thirty-first" (also "twenty second", "twenty-second") -> 1..31."""
    ords = {w: n for w, n in lex["ordinals"].items() if n <= 19}
    out = dict(ords)
    out["twentieth"], out["thirtieth"] = 20, 30
    for tens, base in (("twenty", 20), ("thirty", 30)):
        for w, n in ords.items():
            if n <= 9 and base + n <= 31:
                out[f"{tens}-{w}"] = out[f"{tens} {w}"] = base + n
    return out


def day_words(lex: dict, least: int = 1) -> str:
    words = sorted((w for w, n in day_ordinals(lex).items() if n >= least), key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")(?![\w-])"


def placeholders(lex: dict) -> dict[str, str]:
    months = sorted(lex["months"], key=len, reverse=True)
    full = [m for m in months if len(m) > 4 or m in ("May", "June", "July")]
    abbr = [m for m in months if m not in full]
    number_words = list(lex["numbers"]) + lex["vague_numbers"]
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    units_ = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    compound = [f"{t}-{u}" for t in tens for u in units_]
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    # lower-case month names only where they cannot be words ("may", "march")
    lower = [m.lower() for m in months if m.lower() not in ("may", "march", "mar", "jun", "sun", "dec")]
    return {
        "MONTH_FULL": r"(?<![A-Za-z])" + _alt(full, both_cases=False) + r"(?![a-z])",
        "MONTH_NAME": r"(?<![A-Za-z])(?:" + _alt(full, both_cases=False)[3:-1] + "|" +
                      "|".join(re.escape(a) + r"\.?" for a in abbr) + r")(?![a-z])",
        "MONTH": r"(?<![A-Za-z])(?:" + _alt(full, both_cases=False)[3:-1] + "|" +
                 "|".join(re.escape(a) + r"\.?" for a in sorted(abbr + [x for x in lower if len(x) <= 4], key=len, reverse=True)) +
                 "|" + "|".join(sorted((x for x in lower if len(x) > 4), key=len, reverse=True)) + r")(?![a-z])",
        "DAY": r"(?:(?<![\d.,/$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])|" + day_words(lex) + ")",
        # a day of the month said alone, as an ordinal ("on the 13th", "the twenty-third")
        # (in words only from the thirteenth: "after the first encounter", "the eleventh hour" count other things)
        "DAY_ORD": r"(?:(?<![\d.,$])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w])|" + day_words(lex, 13) + ")",
        "DAY_WORD": day_words(lex),
        "ORD_NOUN": r"(?i:" + "|".join(re.escape(w) for w in sorted(lex["ordinal_nouns"]["nouns"], key=len, reverse=True)) + r")(?![\w])",
        "YEAR": r"(?<![\d.,/$€£#])(?:1[5-9]\d\d|20\d\d)(?![\d])",
        "SEASON": _alt(lex["seasons"]),
        "MODWORD": _alt([m for m in lex["modifiers"]]),
        "ORDINAL": r"(?:\d{1,2}(?:st|nd|rd|th)|" + _alt(lex["ordinals"])[3:-1] + ")",
        "NUM": r"(?:" + digits + "|" + _alt(compound + number_words)[3:-1] + r")(?![\w])",
        "NUM_COMPACT": r"(?:\d+|" + _alt(compound + [w for w in lex["numbers"] if " " not in w and len(w) > 2])[3:-1] + ")",
        "UNIT": r"(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|hours?|minutes?|seconds|hrs?|mins?|secs?)(?![\w-])",
        # short forms ("Sun", "Sat") only as abbreviations: a full stop, or a comma or a day number after
        # them ("Sun Yat-sen" is a name)
        "WEEKDAY": r"(?<![A-Za-z])(?:" + _alt([w for w in lex["weekdays"] if len(w) > 4] +
                                              [w.lower() for w in lex["weekdays"] if len(w) > 4], both_cases=True)[3:-1] + "|" +
                   _alt([w for w in lex["weekdays"] if len(w) <= 4], both_cases=False)[3:-1] +
                   r"(?=\.|,|\s+\d))(?![a-z])\.?",
        "NAMED_DAY": _alt(list(lex["named_days"]), both_cases=False).replace(r"\ ", r"\s+"),
        "QUARTER": _alt(lex["quarters"]),
        "APPROX": _alt([a for a in lex["approx"] if a != "c."]),
        "ERA_BC": r"(?:" + "|".join(re.escape(e).replace(r"\ ", r"\s?") for e in sorted(lex["eras_bc"], key=len, reverse=True))
                  + r")(?![A-Za-z])",
        "YEAR_BC": r"(?<![\d.,/$€£#])(?:[1-9]\d{0,3})(?![\d])",
    }


@lru_cache(maxsize=4)
def rules(path: str | None = None, lexicon_path: str | None = None) -> tuple[Rule, ...]:
    return load_rules(path or RULES_FILE, placeholders(lexicon(lexicon_path)))
