"""Mentions -> entities: gazetteer ids, alias table, text-defined acronyms, short forms of names."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .component import load_patterns

ENTITIES_FILE = Path(__file__).with_name("entities.tsv")
KEEP_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
               "LAW", "LANGUAGE"}
TRAILING_WORD = re.compile(r"\s(?:of|and|or|the|in|for|to|on|at|by|with)$")
LEADING = re.compile(r"^(?:the|The|THE|['’]s)\s+")     # ("President’s Ronald Reagan’s speech": a possessive before the name)
TRAILING = re.compile(r"(?:['’]s|['’])$")
ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9&.-]{1,9})\)")
ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'’-]*|of|and|for|the|in|on|de|du|la)(?:\s+(?:[A-Z][\w'’-]*|of|and|for|the|in|on|de|du|la|-))*\s+[A-Z][\w'’-]*)\s+\(([A-Z][A-Za-z0-9&.-]{1,9})\)")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str
    source: str          # ner | gazetteer | rule
    sentence_id: str
    entity_id: str = ""
    gazetteer_id: str = ""


@dataclass
class KnownEntity:
    entity_id: str
    label: str
    canonical: str
    kind: str = ""          # "place": a town, region or road (never an actor)


@lru_cache(maxsize=1)
def known_entities() -> dict[str, KnownEntity]:
    out = {}
    for ln in ENTITIES_FILE.read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        eid, label, canonical, kind = (ln.split("\t") + [""])[:4]
        out[eid] = KnownEntity(eid, label, canonical, kind.strip())
    return out


def norm(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).replace("’", "'")
    t = LEADING.sub("", t.strip())
    return re.sub(r"\s+", " ", t).casefold()


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    table = {}
    for p in load_patterns():
        if isinstance(p.get("pattern"), str) and p.get("id"):
            table.setdefault(norm(p["pattern"]), p["id"])
    return table


def slug(text: str) -> str:
    a = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", a.lower()).strip("-")
    if not s or len(s) < len(text) // 2:   # mostly non-Latin: keep it distinct with a hash
        import hashlib
        s = (s[:40] + "-" if s else "u-") + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return s[:80]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    s = text[start:end]
    m = LEADING.match(s)
    if m:
        start += m.end()
    s = text[start:end]
    m = TRAILING.search(s)
    if m and m.start() > 0:
        end = start + m.start()
    while end > start and text[end - 1] in " ,;:-–(":
        end -= 1
    if end > start and text[end - 1] == "." and "." not in text[start:end - 1]:
        end -= 1
    while start < end and text[start] in " ,.;:-–)\"'“”":
        start += 1
    # a name does not end in a function word ("Armed Forces of", "2020 war or")
    m = TRAILING_WORD.search(text, start, end)
    while m and m.end() == end and m.start() > start:
        end = m.start()
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        m = TRAILING_WORD.search(text, start, end)
    return start, end


def defined_acronyms(text: str) -> dict[str, str]:
    """'Some Long Organization (SLO)' -> {'slo': 'some long organization'} when initials agree."""
    return {norm(raw): long for raw, long in acronym_definitions(text)}


def acronym_definitions(text: str) -> list[tuple[str, str]]:
    """[(acronym as written, normalised long form)] for every definition the text makes."""
    out = {}
    for paren in ACRONYM_PAREN.finditer(text):
        window_start = max(0, paren.start() - 150)
        m = ACRONYM_DEF.search(text, window_start, paren.end())
        while m is not None and m.end() != paren.end():
            m = ACRONYM_DEF.search(text, m.start() + 1, paren.end())
        if m is None:
            continue
        long_words, acro = m.group(1).split(), m.group(2).replace(".", "")
        caps = [w for w in long_words if w[:1].isupper()]
        initials = "".join(w[0] for w in caps).upper()
        letters = "".join(ch for ch in acro if ch.isupper())
        # the acronym's letters must be the initials of the last len(letters) capitalised words
        for k in range(len(caps), 0, -1):
            if "".join(w[0] for w in caps[-k:]).upper() == letters:
                first = caps[-k]
                idx = max(i for i, w in enumerate(long_words) if w == first)
                out[m.group(2)] = norm(" ".join(long_words[idx:]))
                break
        else:
            if initials and letters and initials.startswith(letters[:2]) and len(letters) >= 2:
                out.setdefault(m.group(2), norm(" ".join(long_words)))
    return list(out.items())


def _surname_parts(n: str) -> list[str]:
    """The words of a normalised person name without a generation suffix ("john smith jr." -> john, smith)."""
    parts = n.split(" ")
    while len(parts) > 1 and re.fullmatch(r"jr\.?|sr\.?", parts[-1]):
        parts = parts[:-1]
    return parts


SURNAME_PARTICLES = ("de", "van", "von", "al", "el", "ter")


@lru_cache(maxsize=1)
def _not_first_names() -> frozenset[str]:
    """Words before a surname that are no first name: titles ("General", "Sir"), surname particles, and adverbs the
    entity model took into a name ("Simultaneously Nixon")."""
    from ..events.sides import lexicon
    lex = lexicon()
    return (lex["titles"] | lex["sovereign_titles"] | frozenset(SURNAME_PARTICLES)
            | {"sir", "lord", "lady", "mr.", "mr", "mrs.", "mrs", "dr.", "president", "king", "queen", "prince",
               "meanwhile", "then", "later", "thus", "also", "when", "while"})


def _same_given_names(new: list[str], old: list[str]) -> bool:
    """Two full names with one surname are one man unless both give first names and none agree: "Ulysses S. Grant" and
    "Ulysses Grant", "H. Gates" and "Horatio Gates" are one; "Jean-Baptiste Ouédraogo" and "Gérard Kango Ouédraogo",
    "Raúl Castro" and "Fidel Castro" are two."""
    skip = _not_first_names()
    new, old = ([w for w in ws if w not in skip and not w.endswith("ly")] for ws in (new, old))
    if not new or not old:
        return True

    def agree(a: str, b: str) -> bool:
        a, b = a.rstrip("."), b.rstrip(".")
        return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
    return any(agree(a, b) for a in new for b in old)


def _regnal(n: str) -> bool:
    """ "leopold ii", "frederick william ii": a ruler's name and numeral has no surname to be called by."""
    parts = n.split(" ")
    return len(parts) >= 2 and re.fullmatch(r"[ivx]{1,5}", parts[-1]) is not None


@lru_cache(maxsize=1)
def _collective_heads() -> frozenset[str]:
    """Nouns that end a coalition's or a polity's name ("the Entente Powers", "the Central Powers", "the Roman
    Republic"): no man's surname (events/sides.json "collective_nouns", "polity_nouns")."""
    from ..events.sides import lexicon
    lex = lexicon()
    return frozenset(w for w in lex["collective_nouns"] | lex["polity_nouns"] if " " not in w)


def link_mentions(text: str, mentions: list[Mention]) -> dict[str, dict]:
    """Set entity_id on every mention; return {entity_id: {"canonical", "label"}} for this document."""
    aliases = alias_table()
    known = known_entities()
    acronyms = defined_acronyms(text)
    key_of: dict[str, str] = {}       # normalised surface -> entity_id
    persons: dict[str, str] = {}      # surname (normalised) -> entity_id of a full name seen earlier
    given: dict[str, list[str]] = {}  # entity_id of a full name -> the words before its surname
    surfaces: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        n = norm(m.text)
        eid = m.gazetteer_id or aliases.get(n) or key_of.get(n)
        if not eid and n in acronyms:
            long_n = acronyms[n]
            eid = aliases.get(long_n) or key_of.get(long_n) or slug(long_n)
        if not eid and " " not in n and n in _collective_heads():
            # "the Central Powers" where the entity model took "Powers" alone: the name the text gives with the
            # capitalised word before it, never another name ending in the same noun ("the Entente Powers")
            before = re.findall(r"([A-Z][\w'’-]*)\s+$", text[max(0, m.start - 30):m.start])
            full = norm(before[-1] + " " + m.text) if before else None
            eid = (aliases.get(full) or key_of.get(full) or slug(full)) if full else slug(n)
        if not eid and m.label == "PERSON" and " " not in n and n in persons:
            eid = persons[n]
        if not eid and m.label == "PERSON":
            parts = _surname_parts(n)
            if len(parts) >= 2:
                tail = " ".join(parts[-2:]) if parts[-2] in SURNAME_PARTICLES else parts[-1]
                if tail in persons and _same_given_names(parts[:-len(tail.split(" "))], given[persons[tail]]):
                    eid = persons[tail]
        if not eid:
            long_for_acro = next((a for a, l in acronyms.items() if l == n), None)
            eid = slug(n)
            if long_for_acro and long_for_acro in key_of:
                eid = key_of[long_for_acro]
        m.entity_id = eid
        key_of.setdefault(n, eid)
        if m.label == "PERSON" and not _regnal(n) and n.split(" ")[-1] not in _collective_heads():
            parts = _surname_parts(n)
            if len(parts) >= 2:
                persons.setdefault(parts[-1], eid)
                given.setdefault(eid, parts[:-1])
                if parts[-2] in SURNAME_PARTICLES:
                    persons.setdefault(" ".join(parts[-2:]), eid)
        surfaces[eid][m.text] += 1
        labels[eid][m.label] += 1
    info = {}
    for eid, counts in surfaces.items():
        if eid in known:
            info[eid] = {"canonical": known[eid].canonical, "label": known[eid].label}
        else:
            canonical = max(counts, key=lambda s: (len(s.split()), counts[s], len(s), s))
            label = max(labels[eid], key=lambda l: (labels[eid][l], l))
            info[eid] = {"canonical": canonical, "label": label}
    return info
