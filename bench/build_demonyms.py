"""Build pipeline/entities/demonyms_wordnet.tsv at development time from WordNet 3.0's noun and adjective databases.

Source: WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet/data.noun, data.adj). WordNet 3.0 License,
Copyright 2006 Princeton University (permissive: use, copy, modify and distribute with the copyright notice, kept at
the head of the output). Nothing is read at run time but the generated TSV.

    python bench/build_demonyms.py [/usr/share/wordnet]

Which states: every noun synset that is an instance of a kind of country (its instance hypernym reaches WordNet's
"country, state, land" or "state, nation" through hypernyms). Its demonyms: the capitalised adjectives whose
pertainym is that synset ("Ugandan" -> Uganda, "Chadian" -> Chad) and the capitalised nouns that are its members
("a native or inhabitant of Uganda", with their plural in -s). The state's name is the first name of its synset, or
the name demonyms.tsv already writes it under when one of its names is there. Names two states share, and the
demonyms of a state whose name another state shares ("Congolese": two republics are the Congo), are left out, and so are names demonyms.tsv already has: demonyms.tsv (hand-written) wins over this table.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pipeline" / "entities" / "demonyms_wordnet.tsv"
HAND = ROOT / "pipeline" / "entities" / "demonyms.tsv"
COUNTRY_ROOTS = {"08544813", "08168978"}     # country, state, land; state, nation, country, land, commonwealth ...
# names WordNet ties to a state that name a people, a language, an ancient or colonial polity or a nickname rather
# than today's state (checked one by one): they stay out
EXCLUDE = {"afrikaans", "afrikaner", "anglo-indian", "annamese", "aramaean", "aramean", "aussie", "etruscan",
           "etruscans", "fleming", "flemish", "gallic", "grecian", "grecians", "hellene", "hellenic", "israelite",
           "kiwi", "kiwis", "lusitanian", "magyar", "maroc", "nipponese", "norse", "norseman", "punic", "rhodesian",
           "scotch", "scotchman", "tai", "tais", "tibetan", "walloon", "sabine"}


def read(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str]], str]]:
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        body, _, gloss = line.partition(" | ")
        body = body.split()
        off, w_cnt = body[0], int(body[3], 16)
        words = [body[4 + 2 * i] for i in range(w_cnt)]
        k = 4 + 2 * w_cnt
        p_cnt = int(body[k])
        ptrs = [(body[k + 1 + 4 * i], body[k + 2 + 4 * i]) for i in range(p_cnt) if body[k + 3 + 4 * i] == "n"]
        out[off] = (words, ptrs, gloss)
    return out


def main() -> None:
    wn = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    nouns, adjs = read(wn / "data.noun"), read(wn / "data.adj")

    def is_country(off: str) -> bool:
        kinds = [t for p, t in nouns[off][1] if p == "@i"]
        seen, stack = set(), list(kinds)
        while stack:
            o = stack.pop()
            if o in COUNTRY_ROOTS:
                return True
            if o in seen or o not in nouns:
                continue
            seen.add(o)
            stack.extend(t for p, t in nouns[o][1] if p in ("@", "@i"))
        return False

    hand = {}
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            k, v = line.split("\t")
            hand[k.strip().lower()] = v.strip()
    hand_values = {v.lower(): v for v in hand.values()}
    countries = {off for off in nouns if is_country(off)}

    def state_name(off: str) -> str:
        names = [w.replace("_", " ") for w in nouns[off][0]]
        for n in names:
            if n.lower() in hand_values:
                return hand_values[n.lower()]
            if n.lower() in hand:
                return hand[n.lower()]
        return names[0]

    # a state whose name another state shares ("Congo": two republics) gives its demonyms to neither
    by_name: dict[str, set[str]] = {}
    for off in countries:
        for n in nouns[off][0]:
            by_name.setdefault(n.lower(), set()).add(off)
    shared = {off for offs in by_name.values() if len(offs) > 1 for off in offs}
    pairs: dict[str, set[str]] = {}

    def add(name: str, state: str) -> None:
        if re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
            pairs.setdefault(name.lower(), set()).add(state)

    for words, ptrs, gloss in adjs.values():
        for p, t in ptrs:
            # "Chadian: of or relating to ... the Republic of Chad or its people": the gloss names the state
            if p == "\\" and t in countries and t not in shared and any(n.replace("_", " ") in gloss for n in nouns[t][0]):
                for w in words:
                    add(re.sub(r"\(.*\)$", "", w), state_name(t))
    for off in countries - shared:
        for p, t in nouns[off][1]:
            # "Ugandan: a native or inhabitant of Uganda" (not a people living there, "Luba", "Xhosa")
            if p == "%m" and t in nouns and re.match(r"a (?:native|citizen)\b", nouns[t][2]):
                for w in nouns[t][0]:
                    add(w, state_name(off))
                    if re.search(r"(?<!m)an$|i$", w):
                        add(w + "s", state_name(off))
    rows = sorted((k, next(iter(v))) for k, v in pairs.items() if len(v) == 1 and k not in hand and k not in hand_values and k not in EXCLUDE)
    head = ("# demonym (lowercase)\tstate: generated by bench/build_demonyms.py from WordNet 3.0 (pertainyms and member\n"
            "# nouns of country instances); demonyms.tsv wins where both name a word. WordNet 3.0 License: Copyright 2006 by\n"
            "# Princeton University. All rights reserved. Permission to use, copy, modify and distribute this software and\n"
            "# database and its documentation for any purpose and without fee or royalty is hereby granted, provided that\n"
            "# you agree to comply with the following copyright notice and statements, including the disclaimer, and that\n"
            "# the same appear on ALL copies of the software, database and documentation. THIS SOFTWARE AND DATABASE IS\n"
            "# PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED.\n")
    OUT.write_text(head + "".join(f"{k}\t{v}\n" for k, v in rows), encoding="utf-8")
    print(f"{len(rows)} demonyms -> {OUT}")


if __name__ == "__main__":
    main()
