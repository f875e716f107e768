"""Build pipeline/events/cameo_verbs.json at development time from the CAMEO 2.0 verb dictionary of petrarch2.

Source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (MIT License, Copyright (c) 2015 Open
Event Data Alliance). Nothing is fetched at run time: the pipeline reads only the generated JSON.

    python bench/build_cameo_lexicon.py path/to/CAMEO.2.0.txt

Each verb of a CAMEO verb block takes the block's code (or its own code when its line gives one); the code's root
(and for a few roots the sub-code) maps to one of EVENTS.md's types (ROOT_TYPES below; None = no act: statements,
threats, intentions). A verb filed under a root's unspecified default code (040 consult, 060 cooperate, 190 fight
...) is one of the broad WordNet synonyms CAMEO gathers there (tolerate, affect, serve, hammer) and is left out;
only a block's own head verb and verbs filed under a specific act code are kept. A verb is kept only when it is a single word, all of its CAMEO codes map to one type (a verb
listed under two types is ambiguous without its arguments), and no hand-made predicate class, light, stative,
saying, intention, order or decision verb list of predicates.json already names it: the lexicon is a low-priority
fallback for wording no hand class covers. The verb patterns (verb + object) are not used.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent / "pipeline" / "events"

# CAMEO code prefix -> EVENTS.md type; longest prefix wins; None: not an event
ROOT_TYPES = {
    "01": None,            # make public statement: saying verbs
    "02": "other",         # appeal
    "03": None,            # express intent to cooperate: plans
    "04": "other",         # consult, meet
    "05": "other",         # diplomatic cooperation
    "051": None,           # praise or endorse: statements
    "050": None,           # diplomatic cooperation, unspecified: a stance ("supported", "influenced"), no dated act
    "057": "agreement",    # sign formal agreement
    "06": "other",         # material cooperation
    "060": None,           # material cooperation, unspecified: "facilitated", "allocated", "linked"
    "07": "other",         # provide aid
    "08": "other",         # yield
    "0871": "ceasefire",   # declare truce, ceasefire
    "0873": "withdrawal",  # demobilize armed forces
    "0874": "withdrawal",  # retreat or surrender militarily
    "09": "other",         # investigate
    "10": None,            # demand: a wish, not an act
    "11": None,            # disapprove, criticize, accuse: statements
    "12": "other",         # reject
    "13": None,            # threaten
    "14": "other",         # protest, demonstrate
    "15": "deployment",    # exhibit military posture, mobilize
    "16": "other",         # reduce relations
    "17": "other",         # coerce: seize, arrest, ban, impose curfew
    "1712": "attack",      # destroy property
    "174": "displacement", # expel, deport
    "175": "attack",       # violent repression
    "18": "attack",        # assault
    "19": "clash",         # fight
    "191": "blockade",     # impose blockade, restrict movement
    "192": None,           # occupy territory: its synonyms (inhabit, reside) are states; occupy has a hand class
    "194": "attack",       # fight with artillery and tanks
    "195": "attack",       # aerial weapons
    "20": "attack",        # unconventional mass violence
}


def type_of(code: str):
    for n in range(len(code), 1, -1):
        if code[:n] in ROOT_TYPES:
            return ROOT_TYPES[code[:n]]
    return None


def parse(text: str) -> dict:
    verbs: dict[str, set] = {}
    in_verbs = False
    block = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not in_verbs or not line.strip():
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            block = m.group(2).strip()
            head = m.group(1).lower()
            continue
        if line.startswith("-") or line.startswith("&") or block is None:
            continue
        m = re.match(r"^([A-Z][A-Z_\-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", line.strip())
        if not m:
            continue
        word = m.group(1)
        if "_" in word or "-" in word:
            continue
        code = (m.group(4) or block).strip().split(":")[0]
        if not code or code.startswith("-") or (len(code) == 3 and code.endswith("0") and word.lower() != head):
            continue       # a root's unspecified default (040, 060, 190 ...) gathers broad synonyms: no act of its own
        verbs.setdefault(word.lower(), set()).add(code)
    return verbs


def covered() -> set:
    lex = json.loads((HERE / "predicates.json").read_text(encoding="utf-8"))
    out = set()
    for cls in lex["classes"]:
        out |= {w.lower() for w in cls["lemmas"]}
    for key in ("light_verbs", "stative_verbs", "saying_verbs", "non_factual_heads", "order_verbs", "decision_verbs",
                "purpose_carriers", "political_act_verbs"):
        out |= {w.lower() for w in lex.get(key, ())}
    return out


def main(path: str) -> None:
    verbs = parse(Path(path).read_text(encoding="utf-8", errors="replace"))
    skip = covered()
    out = {}
    for word, codes in sorted(verbs.items()):
        types = {type_of(c) for c in codes}
        if len(types) != 1 or None in types or word in skip or len(word) < 3:
            continue
        out[word] = [sorted(codes)[0], types.pop()]
    data = {
        "_licence": "Derived from the CAMEO 2.0 verb dictionary of openeventdata/petrarch2 "
                    "(petrarch2/data/dictionaries/CAMEO.2.0.txt). The MIT License (MIT), Copyright (c) 2015 Open Event "
                    "Data Alliance. Permission is hereby granted, free of charge, to any person obtaining a copy of this "
                    "software and associated documentation files (the \"Software\"), to deal in the Software without "
                    "restriction, including without limitation the rights to use, copy, modify, merge, publish, "
                    "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
                    "Software is furnished to do so, subject to the following conditions: The above copyright notice "
                    "and this permission notice shall be included in all copies or substantial portions of the "
                    "Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.",
        "_doc": "Generated by bench/build_cameo_lexicon.py (do not edit by hand): verb lemma -> [CAMEO code, EVENTS.md "
                "type], for verbs no hand class of predicates.json covers; read by predicates.lexicon() as "
                "low-priority classes tried after every hand class.",
        "verbs": out,
    }
    (HERE / "cameo_verbs.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from collections import Counter
    print(len(out), Counter(t for _, t in out.values()))


if __name__ == "__main__":
    main(sys.argv[1])
