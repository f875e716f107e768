"""Gold actors the rows miss, on DEVELOPMENT documents only, and why (a diagnostic for rule writers).

    .venv/bin/python bench/actor_misses.py OUT [--show BUCKET[,BUCKET]] [--docs DOC,DOC]

OUT is a folder bench/splits.py extracted into. For each trigger-paired matched gold event of the development
splits (WikiWars dev, fresh dev; Split.trigger_paired), every gold actor the row lacks (the scorer's loose name
match) is put in one bucket:
- a_carried: the actor's name is nowhere in the sentence (who acts is carried from the context);
  a_force when the clause names the side by a common noun only ("the rebels", "government troops", "the army");
- b_no_entity: a form of the name (the gold name, a demonym of the polity, a name the document links to it) is in the
  sentence, but no entity mention stands there (the entity model missed it);
- c_no_role: an entity of the sentence stands for the actor, but the row does not have it (object side of a clash,
  "between X and Y", "against X", the by-agent of a passive, a possessor ...); the words before it are printed;
- d_granularity: the row has another actor the gold does not, a person where the gold names a side or the reverse,
  or an entity of the sentence is linked to another name than the gold's at the place the name is written (alias);
- e_other: the row has another actor the gold does not (no person/side swap): a wrong side.
- g_row_not_mention (checked first): the mention whose trigger is in the gold quote has the actor (events.csv), the
  chronicle row does not: the row took its actors from another mention of its group (chronicle.representative).
Kept-aside documents are never read (the splits with `kept` are skipped).
"""
from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline.events.scoring import _read, doc_key, loose_equal, name_key  # noqa: E402
from pipeline.entities.demonyms import demonym_table  # noqa: E402
from splits import Split, dev_listing_choice, dev_listing_parser  # noqa: E402

BUCKETS = ("g_row_not_mention", "a_carried", "a_force", "b_no_entity", "c_no_role", "d_granularity", "e_other")


def _force_words() -> set[str]:
    lex = json.loads((ROOT / "pipeline" / "events" / "sides.json").read_text())
    out = set()
    for k in ("force_nouns", "faction_members", "state_organs", "organ_subjects", "collective_nouns"):
        v = lex.get(k, [])
        out |= set(v if isinstance(v, list) else v.keys())
    out |= set(k for k in lex.get("faction_nouns", {}) if not k.startswith("_"))
    return {w.lower() for w in out}


def _variants(key: str, doc_mentions: list[dict]) -> set[str]:
    """Forms a polity or side is written in: its name, the demonyms of the table, the names the document links to it."""
    out = {key}
    out |= {k for k, v in demonym_table().items() if v.lower() == key}
    out |= {m["text"].lower() for m in doc_mentions if loose_equal(name_key(m["canonical"]), key)}
    out |= {re.sub(r"s$", "", key)} if len(key) > 5 else set()
    return {re.sub(r"^the\s+", "", v) for v in out if len(v) > 2}


_NLP = []


def _path(sent: str, a: int, b: int, ta: int, tb: int) -> str:
    """The dependency path from the name's head up to the trigger (or their common head): 'dep>dep^...'."""
    if not _NLP:
        from pipeline.nlp import get_nlp
        _NLP.append(get_nlp())
    doc = _NLP[0](sent)
    ns, ts = doc.char_span(a, b, alignment_mode="expand"), doc.char_span(ta, tb, alignment_mode="expand")
    if ns is None or ts is None or not len(ns) or not len(ts):
        return "?"
    n, t = ns.root, ts.root
    up_t = [t] + list(t.ancestors)
    steps, x = [], n
    while x not in up_t and x.head is not x:
        steps.append(f"{x.dep_}({x.head.lower_ if x.dep_ in ('prep', 'pobj', 'agent') else x.head.pos_})")
        x = x.head
    if x not in up_t:
        return "unrelated"
    down = up_t.index(x)
    return ">".join(steps) + (f" ^{down}:" + ">".join(f"{y.dep_}" for y in up_t[:down]) if down else "") + f" [{t.pos_}]"


def main(argv=None) -> None:
    ap = dev_listing_parser(__doc__.split("\n")[0], "buckets whose misses to print (all: 'all')")
    ap.add_argument("--parse", action="store_true", help="c_no_role: print the parse path from the name to the trigger")
    args = ap.parse_args(argv)
    show, only = dev_listing_choice(args, BUCKETS)
    forces = _force_words()
    entity_label = {}
    totals = collections.Counter()
    per_split = {}
    n_missing = n_gold_actors = 0
    paths = collections.Counter()
    for name in ("DEV", "FDEV", "FDEV2", "FDEV3", "FDEV4", "FDEV5", "FDEV6"):
        split = Split(args.out, name)
        if split.kept:
            continue
        mentions = collections.defaultdict(list)
        for m in _read(str(split.ext / "mentions.csv")):
            if doc_key(m["doc_id"]) in split.docs:
                mentions[doc_key(m["doc_id"])].append(dict(m, start=int(m["start"]), end=int(m["end"])))
        canon = {}
        for e in _read(str(split.ext / "entities.csv")):
            entity_label.setdefault(e["canonical"].lower(), e["label"])
            canon[e["entity_id"]] = e["canonical"]
        events = {e["event_id"]: e for e in split.events}
        counts = collections.Counter()
        for ii, gi in sorted(split.trigger_paired(), key=lambda p: (split.gold[p[1]]["doc"], split.gold[p[1]]["start"])):
            g, item, row = split.gold[gi], split.items[ii], split.rows[ii]
            if only and g["doc"] not in only:
                continue
            gold_names = [x.strip() for x in g.get("actors", "").split(";") if x.strip()]
            ours = [x.strip() for x in item["actors"].split(";") if x.strip()]
            our_keys = [name_key(x) for x in ours]
            n_gold_actors += len(gold_names)
            missing = [x for x in gold_names if not any(loose_equal(a, name_key(x)) for a in our_keys)]
            if not missing:
                continue
            extra = [x for x, k in zip(ours, our_keys) if not any(loose_equal(k, name_key(b)) for b in gold_names)]
            ms = [events[x] for x in row["event_ids"].split(";") if x in events]
            own = [m for m in ms if doc_key(m["doc_id"]) == g["doc"] and m.get("trigger_start")
                   and g["start"] <= int(m["trigger_start"]) < g["end"]]
            own = own or [m for m in ms if doc_key(m["doc_id"]) == g["doc"] and int(m["start"]) < g["end"] and int(m["end"]) > g["start"]]
            if not own:
                continue
            m0 = own[0]
            s0, s1, sent = int(m0["start"]), int(m0["end"]), m0["text"]
            doc_m = mentions[g["doc"]]
            in_sent = [m for m in doc_m if s0 <= m["start"] and m["end"] <= s1]
            for gname in missing:
                n_missing += 1
                key = name_key(gname)
                hit = [m for m in in_sent if loose_equal(name_key(m["canonical"]), key) or loose_equal(name_key(m["text"]), key)]
                variants = _variants(key, doc_m)
                low = sent.lower()
                written = [(mm.start() + s0, mm.end() + s0) for v in variants
                           for mm in re.finditer(r"(?<![\w-])" + re.escape(v) + r"(?![\w-])", low)]
                person_swap = any((entity_label.get(x.lower()) == "PERSON") != (entity_label.get(gname.lower()) == "PERSON")
                                  for x in extra)
                detail = ""
                own_names = [name_key(canon.get(x, x)) for m in own for x in m["actors"].split(";") if x]
                if any(loose_equal(a, key) for a in own_names):
                    bucket = "g_row_not_mention"
                    detail = f"mentions {len(ms)}, own trigger {m0['trigger']!r} conf {m0['confidence']} actors {m0['actors']!r}"
                elif hit:
                    bucket = "c_no_role"
                    m = hit[0]
                    detail = f"{m['text']!r}[{m['label']}] after {sent[max(0, m['start'] - s0 - 30):m['start'] - s0]!r}"
                    if args.parse:
                        path = _path(sent, m["start"] - s0, m["end"] - s0, int(m0["trigger_start"]) - s0,
                                     int(m0["trigger_end"]) - s0) if m0.get("trigger_start") else "?"
                        detail += f" path={path}"
                        counts["c:" + path.split(" ")[0]] += 0
                        paths[path] += 1
                elif written:
                    linked = [m for m in in_sent for a, b in written if m["start"] < b and a < m["end"]]
                    if linked:
                        bucket = "d_granularity"
                        detail = "alias: " + ", ".join(f"{m['text']!r}->{m['canonical']}" for m in linked[:3])
                    else:
                        bucket = "b_no_entity"
                        detail = "written: " + ", ".join(repr(sent[a - s0:b - s0]) for a, b in written[:3])
                elif extra and person_swap:
                    bucket = "d_granularity"
                    detail = "ours: " + ";".join(extra)
                elif extra:
                    bucket = "e_other"
                    detail = "ours: " + ";".join(extra)
                else:
                    words = set(re.findall(r"[a-z]+", low))
                    fw = sorted(words & forces)
                    bucket = "a_force" if fw else "a_carried"
                    detail = ",".join(fw)
                counts[bucket] += 1
                if bucket in show:
                    print(f"{bucket:<13} {g['doc']:<28} {g['event_type']:<11} [{item['event_type']} {m0['trigger']!r}] gold={g.get('actors', '')!r} ours={item['actors']!r} "
                          f"missing={gname!r} {detail}\n              {sent.strip()[:300]!r}")
        per_split[name] = counts
        totals += counts
    for name, counts in per_split.items():
        print(f"{name:<5} " + " ".join(f"{b}={counts[b]}" for b in BUCKETS))
    if args.parse:
        for p, n in paths.most_common(60):
            print(f"  {n:>3} {p}")
    print(f"ALL   " + " ".join(f"{b}={totals[b]}" for b in BUCKETS) + f"  (missing {n_missing} of {n_gold_actors} gold actors)")


if __name__ == "__main__":
    main()
