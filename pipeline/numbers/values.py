"""Surface numbers -> values: digits, number words, scales, vague amounts, fractions, qualifiers, units."""
from __future__ import annotations

import re

from .patterns import fraction_value, lexicon, word_atoms


def parse_number(s: str) -> float | None:
    t = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"[\d,]+(\.\d+)?", t):
        return float(t.replace(",", ""))
    lex = lexicon()
    atoms = word_atoms(lex)
    total, current = 0.0, 0.0
    for w in re.split(r"[\s-]+", t):
        if w == "and":
            continue
        if w in atoms:
            current += atoms[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion"):
            total += (current or 1) * lex["scales"][w]
            current = 0
        else:
            return None
    return total + current


def scale_of(s: str | None) -> float:
    if not s:
        return 1.0
    scales = lexicon()["scales"]
    return float(scales.get(s, scales.get(s.lower(), 1)))


def qualifier_of(s: str | None) -> str:
    if not s:
        return ""
    return lexicon()["qualifiers"].get(re.sub(r"\s+", " ", s.lower()), "")


def unit_of(groups: dict) -> str:
    lex = lexicon()
    if groups.get("cur"):
        return lex["currency_prefix"].get(re.sub(r"\s+", " ", groups["cur"]), "USD")
    if groups.get("cursuf"):
        return lex["currency_suffix"].get(groups["cursuf"], lex["currency_suffix"].get(groups["cursuf"].lower(), "USD"))
    if groups.get("pct"):
        return "percent"
    if groups.get("munit"):
        return lex["measure_units"].get(re.sub(r"\s+", " ", groups["munit"]), groups["munit"])
    if groups.get("frac"):
        return "fraction"
    return "count"


def values_of(groups: dict) -> tuple[float, float, str] | None:
    """(low, high, qualifier) for a rule match's named groups; None when it is not a number."""
    lex = lexicon()
    qual = qualifier_of(groups.get("qual"))
    if groups.get("frac"):
        key = re.sub(r"\s+", " ", groups["frac"].lower())
        v = lex["fractions"].get(key)
        if v is None:
            v = fraction_value(lex, key)
        if v is None:
            return None
        return v, v, qual
    if groups.get("vague"):
        lo, hi = lex["vague"][re.sub(r"\s+", " ", groups["vague"].lower())]
        return float(lo), float(hi), qual or "approximately"
    n1 = parse_number(groups["n1"]) if groups.get("n1") else None
    if n1 is None:
        return None
    sc2 = scale_of(groups.get("sc2"))
    sc1 = (scale_of(groups.get("sc1") or groups.get("sc1s")) if (groups.get("sc1") or groups.get("sc1s"))
           else (sc2 if groups.get("n2") else 1.0))
    low = n1 * sc1
    high = low
    if groups.get("n2"):
        n2 = parse_number(groups["n2"])
        if n2 is None:
            return None
        high = n2 * sc2
        if high < low:
            return None
    if groups.get("plus") and not qual:
        qual = "at_least"
    return low, high, qual
