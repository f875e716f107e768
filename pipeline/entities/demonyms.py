"""Demonyms and short names -> the polity they stand for (demonyms.tsv): "British troops" act for Britain."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DEMONYMS_FILE = Path(__file__).with_name("demonyms.tsv")


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    table = {}
    for n, line in enumerate(DEMONYMS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{DEMONYMS_FILE}:{n}: expected 'name<TAB>polity', got {line!r}")
        table[parts[0].strip().lower()] = parts[1].strip()
    return table


def polity_of(name: str) -> str | None:
    """The polity a demonym or short name stands for, or None."""
    return demonym_table().get(name.strip().lower())


CAPITALS_FILE = Path(__file__).with_name("capitals.tsv")


@lru_cache(maxsize=1)
def capital_table() -> dict[str, str]:
    """Capitals -> the state whose government they stand for (capitals.tsv): "Hanoi authorized" -> Vietnam."""
    table = {}
    for n, line in enumerate(CAPITALS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{CAPITALS_FILE}:{n}: expected 'capital<TAB>state', got {line!r}")
        table[parts[0].strip().lower()] = parts[1].strip()
    return table
