"""Names of towns and cities of the world (towns.txt, built by bench/build_towns.py from GeoNames), for reading a town
the entity model left untagged or tagged an organisation or a people as the place it is."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TOWNS_FILE = Path(__file__).with_name("towns.txt")


@lru_cache(maxsize=1)
def town_names() -> frozenset[str]:
    return frozenset(line.strip() for line in TOWNS_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def is_town_name(name: str) -> bool:
    return name in town_names()
