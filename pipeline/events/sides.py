"""The side a named actor stands for (sides.json): forces and organs of a state named with its name or
demonym act for it ("the German Army High Command", "the US Eighth Army" -> Germany, United States), an
acronym the text defines stands for its long form ("the North Korean People's Army (KPA)"), a name
that is a place by its head word ("Fort Ticonderoga", "the Karelian Isthmus") or a regional adjective
("Western", "European") is no side."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from ..entities.demonyms import demonym_table, hand_table

SIDES_FILE = Path(__file__).with_name("sides.json")
# "US Eighth Army", "ROK 1st Division", "Eighth US Army": a state's short name or demonym and a numbered unit
NUMBERED_UNIT = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3}|[A-Z][\w]*)?\s*\b((?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
                           r"Eighth|Ninth|Tenth|Eleventh|Twelfth|[IVX]{1,4}))\s+(?:((?:[A-Z]\.){2,3}|[A-Z][\w]*)\s+)?"
                           r"((?:[A-Z][a-z]+\s+){0,2}(?:Army|Corps|Division|Fleet|Brigade|Regiment|Battalion|Air Force))\b")
ACRONYM = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,7})\(([A-Z]{2,8}s?)(?:\s+[A-Z][a-z]+)?\)")
# the capitalised words and an "in"/"on" phrase just before a long form: "International Support Mission in [the Central
# African Republic]", "Organization for Security and Co-operation in [Europe]"
LONG_FORM_HEAD = re.compile(r"((?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,7})(?:in|on)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """sides.json, its word lists as frozensets (they are looked up on every actor, never iterated)."""
    data = json.loads(SIDES_FILE.read_text(encoding="utf-8"))
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in data.items()}


def _words(name: str) -> list[str]:
    return re.findall(r"[\w'’.]+", re.sub(r"^the\s+", "", name.strip().lower()))


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "the North Korean People's Army (KPA)" -> {"kpa": "North Korean People's Army"}."""
    out = {}
    for m in ACRONYM.finditer(text):
        out.setdefault(m.group(2).lower(), _long_form(text, m.start(1), m.group(1).strip(), m.group(2)))
    return out


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.findall(r"[\w'’.-]+", phrase) if w[:1].isupper()).upper()


def _long_form(text: str, start: int, long_form: str, acro: str) -> str:
    """The long form with the "in"/"on" phrase a body's name holds ("the International Support Mission in the
    Central African Republic (MISCA)", "the Organization for Security and Co-operation in Europe (OSCE)"): the
    words before the phrase belong to the name when they end in a body noun ("Mission", "Force", "Office") or when
    their initials with the phrase's spell the acronym; a place the acronym spells on its own ("fighting in the
    Central African Republic (CAR)") or words before it that are no body ("Fighting in the ...") are not taken."""
    letters = "".join(ch for ch in acro if ch.isupper())
    if _initials(long_form) == letters:
        return long_form
    heads = lexicon()["long_form_heads"]
    for _ in range(2):
        m = LONG_FORM_HEAD.search(text, max(0, start - 200), start)
        if not m:
            break
        words = m.group(1).lower().split()       # (whole words: "Co-operation" is no "operation")
        extended = text[m.start(1):start] + long_form
        # (a name whose words before the phrase only spell the acronym, "Organization for Security and Co-operation
        # in Europe (OSCE)", keeps the short form the text goes on to use: the gold and readers name it "OSCE")
        if not (words and words[-1] in heads):
            break
        long_form, start = extended, m.start(1)
    return long_form


@lru_cache(maxsize=1)
def _polity_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Names and demonyms -> polity (demonyms.tsv and sides.json "short_names"), and each polity's own name lowercased."""
    table = dict(demonym_table(), **{k: v for k, v in lexicon()["short_names"].items() if not k.startswith("_")})
    names = dict(hand_table(), **{k: v for k, v in lexicon()["short_names"].items() if not k.startswith("_")})
    return table, {p.lower(): p for p in names.values()}


def _polity_in(words: list[str]) -> str | None:
    """The polity a run of the name's words names ("north korean", "us", "german"), longest first."""
    table, polities = _polity_tables()
    community = ethnic_community(words)
    if community:
        return community
    for n in (5, 4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            run = " ".join(words[i:i + n])
            hit = table.get(run) or polities.get(run)
            if hit:
                return hit
    return None


def ethnic_community(words: list[str]) -> str | None:
    """Two demonyms of different states side by side ("greek cypriot", "bosnian serb", "kosovo albanian") name a
    people of the one living in the other, a side of its own, not the first state: "the Bosnian Serb Army" is no army
    of Bosnia. Returns the community by its singular name ("Greek Cypriot")."""
    table, polities = _polity_tables()
    for a, b in zip(words, words[1:]):
        pa, pb = table.get(a), table.get(b)
        if pa and pb and pa != pb and b not in polities and b not in lexicon()["short_names"]:
            return f"{a.title()} {re.sub(r's$', '', b).title()}"
    return None


def unit_sides(mentions: list[dict], text: str) -> dict[str, str]:
    """Numbered units the text names once with their state ("the US Eighth Army", "Eighth US Army", "the ROK 1st
    Division") act for it when named without it ("the Eighth Army attacked"): {"unit:eighth army": "United States"}."""
    out = {}
    units = lexicon()["unit_words"]
    lex_force = lexicon()["force_nouns"]
    for m in mentions:
        if m["label"] not in ("ORG", "NORP", "GPE"):
            continue
        w = _words(m["text"])
        if not _has_force_noun(w):
            continue
        rest = [x for x in w if _polity_in([x]) is None]
        if not any(x in units or x[:1].isdigit() for x in rest):
            # a named force the text gives once with its state ("the Chinese People's Volunteer Army") is that
            # state's when named without it ("the People's Volunteer Army (PVA)"); "the Army", "Special Forces"
            # name no one force
            proper = all(x[:1].isupper() for x in re.findall(r"[\w'’.]+", m["text"]) if x.lower() not in ("of", "the"))
            named = proper and len(rest) >= 2 and " ".join(rest) not in lex_force and any(x not in lex_force and x not in lexicon()["not_sides"] for x in rest)
            polity = _polity_in(w) if named and len(rest) < len(w) else None
            if named and not polity:
                before = re.findall(r"[\w'’.]+", text[max(0, int(m["start"]) - 12):int(m["start"])])
                polity = _polity_in([before[-1].lower()]) if before and before[-1][:1].isupper() else None
            if named and not polity:
                # the text names the force with its state elsewhere, where the entity model split or missed it
                # ("the Chinese People's Volunteer Army" once, "the People's Volunteer Army (PVA)" later)
                core = re.sub(r"^the\s+", "", m["text"].strip(), flags=re.IGNORECASE)
                for hit in re.finditer(r"([A-Z][\w.]*)\s+" + re.escape(core) + r"\b", text):
                    polity = _polity_in([hit.group(1).lower()])
                    if polity:
                        break
            if polity:
                out.setdefault("unit:" + " ".join(rest), polity)
            continue
        polity = _polity_in([x for x in w if x not in units])
        if not polity:
            # the state's short name or demonym just before the unit's name ("US Eighth Army")
            before = re.findall(r"[\w'’.]+", text[max(0, int(m["start"]) - 12):int(m["start"])])
            polity = _polity_in([before[-1].lower()]) if before else None
        if polity and rest:
            out.setdefault("unit:" + " ".join(rest), polity)
    # the same in the text, where the entity model split the state from the unit ("the US Eighth Army")
    for m in NUMBERED_UNIT.finditer(text):
        polity = _polity_in([(m.group(1) or "").lower()]) or _polity_in([(m.group(3) or "").lower()])
        if polity:
            out.setdefault("unit:" + " ".join(_words(m.group(2) + " " + m.group(4))), polity)
    return out


ORDINAL_WORD = re.compile(r"^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                          r"eleventh|twelfth|[ivx]{1,4})$")


def _numbered(words: list[str]) -> bool:
    return any(ORDINAL_WORD.match(x) for x in words)


def numbered_units_side(units: dict[str, str]) -> str | None:
    """The one state every numbered unit the text gives a state belongs to ("the US 2nd Division", "X Corps (US)",
    "the US Eighth Army"), when it names two or more: the army whose units the text numbers; None when they are of
    several states."""
    found = {k: v for k, v in units.items() if k.startswith("unit:") and _numbered(k[5:].split())}
    return next(iter(set(found.values()))) if len(found) >= 2 and len(set(found.values())) == 1 else None


def _proper(name: str) -> bool:
    """Every word of the name but "of" and "the" is capitalised: a proper name, not a description ("Syrian troops")."""
    words = [x for x in re.findall(r"[\w'’.]+", name) if x.lower() not in ("of", "the")]
    return len(words) >= 2 and all(x[:1].isupper() for x in words)


def _has_force_noun(words: list[str]) -> bool:
    nouns = lexicon()["force_nouns"]
    return any(" ".join(words[i:i + n]) in nouns for n in (1, 2, 3) for i in range(len(words) - n + 1))


def is_place_name(name: str) -> bool:
    w = _words(name)
    lex = lexicon()
    return len(w) > 1 and (w[0] in lex["place_first_words"] or w[-1] in lex["place_last_words"])


def _text_defined(words: list[str], defined: dict[str, str] | None) -> bool:
    """The name is an organisation the text introduces with an acronym ("the National Liberation Front (FLN)",
    "the People's Liberation Army (PLA)"), or that acronym, alone or before a force noun ("PLA forces"): a body
    with a name of its own, never a place or a nameless unit."""
    if not defined or not words:
        return False
    nouns = lexicon()["force_nouns"]
    core = words[:-1] if len(words) == 2 and words[-1] in nouns else words
    if len(core) == 1 and core[0] in defined and not core[0].startswith(("unit:", "people:")):
        return True
    joined = " ".join(words)
    return any(not k.startswith(("unit:", "people:")) and (" ".join(_words(v)) == joined and (len(words) >= 2 or k[:1] == joined[:1])
                                                            or len(words) >= 2 and (" ".join(_words(v)) + " ").endswith(" " + joined + " "))
               for k, v in defined.items())


def org_name(name: str, defined: dict[str, str] | None) -> str | None:
    """The name an organisation the text introduces with an acronym acts under: its long form and the acronym
    in parentheses, whichever of the two the sentence uses ("FLN", "the National Liberation Front" -> "National
    Liberation Front (FLN)")."""
    w = _words(name)
    if not _text_defined(w, defined):
        return None
    core = w[:-1] if len(w) == 2 and w[-1] in lexicon()["force_nouns"] else w
    joined = " ".join(w)
    hits = [(k, v) for k, v in defined.items() if not k.startswith(("unit:", "people:"))
            and (k == core[0] and len(core) == 1 or " " + joined + " " in " " + " ".join(_words(v)) + " "
                 and (" ".join(_words(v)) + " ").endswith(joined + " "))]
    if not hits:
        return None
    acro, long_form = hits[0]
    long_form = re.sub(r"^(?:the|The)\s+", "", re.split(r"[.;:]\s+", long_form)[-1].strip())
    if len(long_form.split()) < 2 and long_form[:1].lower() != acro[:1]:
        return None             # "the Kuomintang (KMT)" is one body; a word and a stray capital in brackets are not
    return f"{long_form} ({acro.upper()})"


def _forces_in_name_only(name: str, words: list[str]) -> bool:
    """A proper name whose head is a movement's, party's or grouping's noun (sides.json "forces_body_heads") and whose
    force noun stands only in the of- or for-phrase after it ("the Rally of Forces for Change", "the Alliance of
    Democratic Forces for the Liberation of Congo"), with no state's name or demonym before that phrase."""
    caps = [x for x in re.findall(r"[\w'’.]+", name) if x.lower() not in ("of", "the", "for", "and")]
    if len(caps) < 2 or not all(x[:1].isupper() for x in caps) or "of" not in words[1:3] and "for" not in words[1:3]:
        return False
    cut = next(i for i, x in enumerate(words) if x in ("of", "for"))
    head = words[:cut]
    return (bool(head) and head[-1] in lexicon()["forces_body_heads"] and not _has_force_noun(head)
            and _polity_in(head) is None)


def side_of(name: str, label: str, defined: dict[str, str] | None = None, _depth: int = 0) -> tuple[str, str | None]:
    """("polity", P): the name acts for polity P; ("drop", None): no acting side (a place, a unit no
    polity is given for, a regional adjective); ("person", surname): a person named by his title;
    ("keep", None): the name is a side as it is."""
    lex = lexicon()
    w = _words(name)
    if not w:
        return "drop", None
    joined = " ".join(w)
    if label in ("NORP", "ORG", "GPE", "") and joined in lex["coalitions"]:
        return "polity", lex["coalitions"][joined]
    if label in ("NORP", "ORG", "GPE", "") and joined in lex["national_offices"]:
        return "drop", None         # "National Security Advisor": an office, not a side
    if label in ("NORP", "ORG", "") and len(w) > 1 and (w[0] in lex["titles"] or " ".join(w[:2]) in lex["titles"]):
        return "person", w[-1]      # "General Gage" tagged as an organisation: a person, by his title
    if label in ("NORP", "ORG", "LAW", "EVENT", "PERSON", "") and len(w) > 1 and (w[0] in lex["act_heads"] or w[-1] in lex["act_heads"]):
        return "drop", None         # "the Treaty of Alliance", "Operation Roundup": an act, not an actor
    named_org = label in ("NORP", "ORG") and _text_defined(w, defined)
    if label in ("NORP", "ORG") and (joined in lex["not_sides"] or is_place_name(name)) and not named_org:
        return "drop", None
    if label in ("NORP", "ORG") and defined and _depth == 0:
        long_form = defined.get(w[0]) if len(w) <= 3 else None
        if long_form and long_form.lower() != joined:
            kind, polity = side_of(long_form + " " + " ".join(w[1:]), label, defined, 1)
            if kind == "polity":
                return kind, polity
    if label in ("NORP", "ORG") and len(w) > 1 and w[-1] in lex["faction_bodies"]:
        faction = next((lex["faction_nouns"][x] for x in w[:-1] if x in lex["faction_nouns"]), None)
        if faction:
            return "polity", faction   # "the Chinese Communist Party", "Nationalist Army": the faction
    if label in ("NORP", "ORG") and len(w) > 1 and not named_org:
        # "the Chinese Politburo", "the U.S. Congress", "the Soviet Foreign Ministry": a state's body named with the
        # state's name or demonym acts for the state; a body the name gives no state for ("Continental Congress") is
        # a side of its own
        k = next((n for n in (3, 2, 1) if len(w) > n and " ".join(w[-n:]) in lex["state_bodies"]), 0)
        polity = _polity_in(w[:-k]) if k else None
        if polity:
            return "polity", polity
    if label in ("NORP", "ORG") and _has_force_noun(w) and _forces_in_name_only(name, w):
        return "keep", None          # "the Union of Forces for Democracy and Development": a movement, not a unit
    if label in ("NORP", "ORG") and _has_force_noun(w):
        stripped = [x for x in w if x not in lex["unit_words"]]
        polity = _polity_in(stripped) or (defined or {}).get("unit:" + joined) or (
            (defined or {}).get("unit:*") if _numbered(w) else None)
        if named_org and (not polity or any(x in lex["faction_nouns"] or x in lex["organisation_words"] for x in w)):
            return "keep", None      # "the People's Liberation Army (PLA)"; "the Revolutionary Armed Forces of X (ACRO)"
        if polity and _proper(name) and any(x in lex["movement_words"] for x in w):
            return "keep", None      # "the Free Syrian Army", "the Kosovo Liberation Army": a movement named after the
                                     # country it fights in, not that state's army
        if polity:
            return "polity", polity
        rest = " ".join(stripped)
        for c, side in lex["coalitions"].items():
            if rest.startswith(c + " "):
                return "polity", side
        if len(stripped) == len(w) >= 3 and w[-1] == "forces" and _proper(name):
            return "keep", None      # "the Rapid Support Forces", "the Popular Mobilization Forces": an armed body of its own
        return "drop", None          # "the 1st Cavalry Division", "X Corps": a unit the name gives no side for
    return "keep", None


def ship_polity(name: str) -> str | None:
    """The navy a warship's prefix names ("HMS Furious" -> Britain, "USS Missouri" -> United States; sides.json
    ship_prefixes): the ship acts for that state. A prefix two navies shared ("SMS") or a merchant one names none."""
    w = name.split()
    return lexicon()["ship_prefixes"].get(w[0].replace(".", "")) if len(w) > 1 else None


def short_name(name: str) -> str | None:
    """A body's short name the lexicon spells out ("UN" -> United Nations)."""
    return {k: v for k, v in lexicon()["short_names"].items() if not k.startswith("_")}.get(name.strip().lower())
