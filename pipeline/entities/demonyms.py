"""Demonyms and short names -> the polity they stand for (demonyms.tsv): "British troops" act for Britain."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DEMONYMS_FILE = Path(__file__).with_name("demonyms.tsv")


def _pairs(path: Path, what: str) -> dict[str, str]:
    """A two-column TSV (name<TAB>value, '#' comments) as a lower-cased lookup; a malformed line names the file."""
    table = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ValueError(f"{path}:{n}: expected '{what}', got {line!r}")
        table[parts[0].strip().lower()] = parts[1].strip()
    return table


@lru_cache(maxsize=1)
def demonym_table() -> dict[str, str]:
    return _pairs(DEMONYMS_FILE, "name<TAB>polity")


def polity_of(name: str) -> str | None:
    """The polity a demonym or short name stands for, or None."""
    return demonym_table().get(name.strip().lower())


CAPITALS_FILE = Path(__file__).with_name("capitals.tsv")


@lru_cache(maxsize=1)
def capital_table() -> dict[str, str]:
    """Capitals -> the state whose government they stand for (capitals.tsv): "Hanoi authorized" -> Vietnam."""
    return _pairs(CAPITALS_FILE, "capital<TAB>state")


PREDECESSORS_FILE = Path(__file__).with_name("predecessor_states.tsv")


@lru_cache(maxsize=1)
def predecessor_table() -> dict[str, list[tuple[str, str, str]]]:
    """state (lowercase) -> [(the state it was part of, from, to)] (predecessor_states.tsv); a malformed line names
    the file."""
    table: dict[str, list[tuple[str, str, str]]] = {}
    for n, line in enumerate(PREDECESSORS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [x.strip() for x in line.split("\t")]
        if len(parts) != 4:
            raise ValueError(f"{PREDECESSORS_FILE}:{n}: expected 'state<TAB>part of<TAB>from<TAB>to', got {line!r}")
        table.setdefault(parts[0].lower(), []).append((parts[1], parts[2], parts[3]))
    return table
