"""The events figures of every split, and why gold events are missed: the one command a rule writer measures with.

    .venv/bin/python bench/splits.py OUT [--no-extract] [--causes] [--list DOC,DOC] [--confusion]

Extracts the eleven WikiWars narratives (`../shared/corpora/wikiwars-dev/raw`) into OUT/ev, the sixteen fresh
texts (`tests/gold_fresh/raw`) into OUT/fr, the four kept aside in session 24 (`tests/gold_fresh2/raw`, split FKA2)
into OUT/fr2, four more dev ones (`tests/gold_fresh3/raw`, split FDEV3) into OUT/fr3 and four dev country
backgrounds of another genre (`tests/gold_fresh4/raw`, split FDEV4) into OUT/fr4, four Wikipedia war sections
(`tests/gold_fresh5/raw`, split FDEV5) into OUT/fr5 and four more (`tests/gold_fresh6/raw`, FDEV6) into OUT/fr6, with
this tree's code
(each corpus together, as the session figures are taken; the parse cache beside OUT makes a second run fast),
then prints one line per split (tests/gold_events/SPLIT.md): gold, rows, recall, typed recall, precision, typed
precision, actors P, actors R.

`--causes` adds, per split, why each missed gold event was missed (aggregate counts), judged on the candidates
(events.csv) whose trigger lies inside the gold quote (a mention spans its sentence, so a sentence's other act
would otherwise count):
- no_candidate_in_sentence: the sentence yields no candidate at all (no predicate, no date reaches it);
- no_candidate: candidates in the sentence, none with its trigger in the quote;
- wrong_date: a candidate for it, none with a date inside the gold interval (a day of slack);
- under_floor: right-dated candidates, none kept in the chronicle;
- rides_under_floor: a right-dated candidate under the chronicle floor rides in a row another gold event took;
- overgrouped: a right-dated candidate at or above the floor was joined into a row another gold event took;
- taken_in_sentence: a right-dated candidate's row took another gold event of the same sentence.
- kept_unmatched: a right-dated candidate is in a row that no gold event took (the row's interval, from its other
  mentions, is not the gold's).
`--confusion` prints gold type -> row type counts of matched events per split (aggregate).
`--list` prints the missed events of the named DEVELOPMENT documents with their cause and quote; it refuses a
kept-aside document (their text, gold and rows are never read by rule writers: SPLIT.md).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.events.scoring import (_date, _day, _read, _names, actor_counts, agrees, chronicle_items,  # noqa: E402
                                     doc_key, match, read_event_gold, score)

WIKIWARS = ROOT.parent / "shared" / "corpora" / "wikiwars-dev" / "raw"
FRESH = ROOT / "tests" / "gold_fresh" / "raw"
FRESH2 = ROOT / "tests" / "gold_fresh2" / "raw"    # kept aside since session 24, extracted as a corpus of its own
FRESH3 = ROOT / "tests" / "gold_fresh3" / "raw"    # dev since session 24, a corpus of its own too
FRESH4 = ROOT / "tests" / "gold_fresh4" / "raw"    # dev since session 25, another genre, a corpus of its own
FRESH5 = ROOT / "tests" / "gold_fresh5" / "raw"    # session 26: Wikipedia war sections, a corpus of its own
FRESH6 = ROOT / "tests" / "gold_fresh6" / "raw"    # session 27: four more Wikipedia sections, a corpus of its own
# the split of tests/gold_events/SPLIT.md, kept in one place (the re-ranker trains on the same development documents)
from train_reranker import (DEV as WW_DEV, FRESH_DEV as FR_DEV, FRESH_DEV2 as FR_DEV2, FRESH_KEPT as FR_KEPT,  # noqa: E402
                           FRESH_KEPT2 as FR_KEPT2, FRESH_DEV3 as FR_DEV3, FRESH_DEV4 as FR_DEV4,
                           FRESH_DEV5 as FR_DEV5, FRESH_DEV6 as FR_DEV6,
                           KEPT as WW_KEPT)

# name -> (gold folder, extracted subfolder, documents, kept aside)
SPLITS = {
    "KA": ("gold_events", "ev", WW_KEPT, True),
    "DEV": ("gold_events", "ev", WW_DEV, False),
    "FKA8": ("gold_fresh", "fr", FR_KEPT, True),
    "N9N11": ("gold_fresh", "fr", FR_KEPT[-2:], True),
    "FKA2": ("gold_fresh2", "fr2", FR_KEPT2, True),
    "FDEV": ("gold_fresh", "fr", FR_DEV, False),
    "N2": ("gold_fresh", "fr", FR_DEV[:1], False),
    "N7": ("gold_fresh", "fr", FR_DEV[1:2], False),
    "N10N12": ("gold_fresh", "fr", FR_DEV[2:], False),
    "FDEV2": ("gold_fresh", "fr", FR_DEV2, False),
    "FDEV3": ("gold_fresh3", "fr3", FR_DEV3, False),
    "FDEV4": ("gold_fresh4", "fr4", FR_DEV4, False),
    "FDEV5": ("gold_fresh5", "fr5", FR_DEV5, False),
    "FDEV6": ("gold_fresh6", "fr6", FR_DEV6, False),
}
KEPT = {doc_key(d) for d in WW_KEPT + FR_KEPT + FR_KEPT2}
CAUSES_SHOWN = ("KA", "DEV", "FKA8", "FKA2", "FDEV", "FDEV2", "FDEV3", "FDEV4", "FDEV5", "FDEV6")


def extract(out: Path) -> None:
    chronicle = ROOT / ".venv" / "bin" / "chronicle"
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    jobs = [subprocess.Popen([str(chronicle), "extract", str(src), "--out", str(out / sub), "--no-progress"],
                             env=env, stdout=subprocess.DEVNULL, stderr=open(out / f"{sub}.log", "w"))
            for src, sub in ((WIKIWARS, "ev"), (FRESH, "fr"), (FRESH2, "fr2"), (FRESH3, "fr3"), (FRESH4, "fr4"),
                                     (FRESH5, "fr5"), (FRESH6, "fr6"))]
    for j in jobs:
        if j.wait():
            sys.exit(f"extraction failed: see {out}/*.log")


def strict_actor_counts(pairs, items, gold) -> tuple[int, int, int, int]:
    """actor_counts with names equal after normalisation (name_key) instead of the scorer's loose match, which
    counts a name inside another as the same ("Vietnam" = "South Vietnam", "State" = "United States"): a diagnostic
    of how much the loose match flatters the actor figures."""
    hit_p = n_p = hit_g = n_g = 0
    for ii, gi in pairs:
        ours, theirs = _names(items[ii]["actors"]), _names(gold[gi].get("actors", ""))
        hit_p += len(ours & theirs)
        hit_g += len(ours & theirs)
        n_p += len(ours)
        n_g += len(theirs)
    return hit_p, n_p, hit_g, n_g


class Split:
    """One split's gold, the chronicle rows and their one-to-one matching, and the candidates (events.csv)."""

    def __init__(self, out: Path, name: str):
        gold_dir, sub, docs, self.kept = SPLITS[name]
        self.name, self.docs = name, {doc_key(d) for d in docs}
        self.gold = [g for g in read_event_gold(str(ROOT / "tests" / gold_dir)) if g["doc"] in self.docs]
        self.ext = out / sub
        # the chronicle rows with a mention in the split: the scorer's items and their CSV rows, read once
        both = [(it, row) for it, row in zip(chronicle_items(str(self.ext)), _read(str(self.ext / "chronicle.csv")))
                if any(sp[0] in self.docs for sp in it["spans"])]
        self.items, self.rows = [it for it, _ in both], [row for _, row in both]
        self.events = [e for e in _read(str(self.ext / "events.csv")) if doc_key(e["doc_id"]) in self.docs]
        self.pairs = match(self.items, self.gold, typed=False)

    def figures(self) -> str:
        r = score(self.items, self.gold)
        keys = ("recall", "typed_recall", "precision", "typed_precision", "actors_precision", "actors_recall")
        return (f"{self.name:<7} {r['gold']:>5} {r['rows']:>5}  " + " ".join(
            f"{k}={r[k]:.3f}" for k in ("recall", "typed_recall", "precision", "typed_precision")) +
            f" actorsP={r[keys[4]]:.3f} actorsR={r[keys[5]]:.3f}")

    def causes(self) -> list[tuple[str, dict]]:
        """(cause, gold event) for every missed gold event."""
        floor = json.loads((ROOT / "pipeline" / "events" / "types.json").read_text())["chronicle_min_confidence"]
        events = self.events
        kept_ids = {}                    # mention -> index of its row in self.items
        for i, c in enumerate(self.rows):
            for eid in filter(None, c["event_ids"].split(";")):
                kept_ids[eid] = i
        row_gold = dict(self.pairs)
        matched = set(row_gold.values())

        def inside(e, g):
            a, b = _day(_date(e["start_date"])), _day(_date(e["end_date"]))
            ga, gb = _day(g["interval"][0]), _day(g["interval"][1])
            return a is not None and b is not None and a >= ga - 1 and b <= gb + 1

        def overlaps(e, g):
            return doc_key(e["doc_id"]) == g["doc"] and int(e["start"]) < g["end"] and int(e["end"]) > g["start"]

        out = []
        for j, g in enumerate(self.gold):
            if j in matched:
                continue
            in_sentence = [e for e in events if overlaps(e, g)]
            own = [e for e in in_sentence if not e.get("trigger_start") or g["start"] <= int(e["trigger_start"]) < g["end"]]
            right = [e for e in own if inside(e, g)]
            if not in_sentence:
                cause = "no_candidate_in_sentence"
            elif not own:
                cause = "no_candidate"
            elif not right:
                cause = "wrong_date"
            elif not any(e["event_id"] in kept_ids for e in right):
                cause = "under_floor"
            else:
                cause = "kept_unmatched"         # in a row the matching left unpaired (its interval is not the gold's)
                for e in right:
                    i = kept_ids.get(e["event_id"])
                    if i is None or i not in row_gold:
                        continue
                    other = self.gold[row_gold[i]]
                    if any(overlaps(m, other) for m in events if kept_ids.get(m["event_id"]) == i and m is not e) \
                            and not overlaps(e, other):
                        cause = "overgrouped" if float(e["confidence"] or 0) >= floor else "rides_under_floor"
                    else:
                        cause = "taken_in_sentence"
                    break
            out.append((cause, g))
        return out

    def trigger_paired(self) -> list[tuple[int, int]]:
        """A maximum one-to-one matching that first pairs each row with a gold event whose quote holds the trigger of
        one of its mentions, then fills up as the scorer does: the scorer's matching is maximum but picks among equal
        matchings arbitrarily, so a row can stand for another act of the sentence; this one reads the actors and
        types of the rows with the events they tell (a diagnostic; the reported figures use the scorer's)."""
        events = {e["event_id"]: e for e in self.events}
        rows = self.rows
        by_doc = collections.defaultdict(list)
        for gi, g in enumerate(self.gold):
            by_doc[g["doc"]].append(gi)
        strong, weak = [], []
        for ii, (it, row) in enumerate(zip(self.items, rows)):
            ms = [events[x] for x in row["event_ids"].split(";") if x in events]
            cands = [gi for doc in {sp[0] for sp in it["spans"]} for gi in by_doc.get(doc, [])
                     if agrees(it, self.gold[gi], False)]
            own = [gi for gi in cands if any(m.get("trigger_start") and doc_key(m["doc_id"]) == self.gold[gi]["doc"]
                                              and self.gold[gi]["start"] <= int(m["trigger_start"]) < self.gold[gi]["end"]
                                              for m in ms)]
            strong.append(own)
            weak.append(own + [gi for gi in cands if gi not in own])
        owner: dict[int, int] = {}

        def augment(ii, edges, seen):
            for gi in edges[ii]:
                if gi not in seen:
                    seen.add(gi)
                    if gi not in owner or augment(owner[gi], edges, seen):
                        owner[gi] = ii
                        return True
            return False

        for edges in (strong, weak):
            for ii in range(len(self.items)):
                if edges[ii] and ii not in owner.values():
                    augment(ii, edges, set())
        return [(ii, gi) for gi, ii in owner.items()]

    def confusion(self) -> collections.Counter:
        return collections.Counter((self.gold[j]["event_type"], self.items[i]["event_type"]) for i, j in self.pairs)


def dev_listing_parser(description: str, show_help: str) -> argparse.ArgumentParser:
    """The arguments the dev-only diagnostics share: a folder this script extracted into, buckets to print, documents."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("out", type=Path)
    ap.add_argument("--show", default="", help=show_help)
    ap.add_argument("--docs", default="", help="development documents to list (default: all dev)")
    return ap


def dev_listing_choice(args, buckets) -> tuple[set, set]:
    """(buckets to print, documents to list) from dev_listing_parser's arguments."""
    show = set(buckets) if args.show == "all" else {b for b in args.show.split(",") if b}
    return show, {doc_key(d) for d in args.docs.split(",") if d}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-extract", action="store_true", help="score what OUT holds")
    ap.add_argument("--causes", action="store_true")
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--list", default="", help="development documents whose misses to print")
    args = ap.parse_args(argv)
    listed = {doc_key(d) for d in args.list.split(",") if d}
    if listed & KEPT:
        sys.exit("refused: --list names a kept-aside document (tests/gold_events/SPLIT.md)")
    args.out.mkdir(parents=True, exist_ok=True)
    if not args.no_extract:
        extract(args.out)
    for name in SPLITS:
        split = Split(args.out, name)
        print(split.figures())
        if args.causes and name in CAUSES_SHOWN:
            counts = collections.Counter(c for c, _ in split.causes())
            print("        misses:", ", ".join(f"{k} {v}" for k, v in counts.most_common()))
            pairs = split.trigger_paired()
            hp, n_p, hg, n_g = actor_counts(pairs, split.items, split.gold)
            typed = sum(split.items[i]["event_type"] == split.gold[j]["event_type"] for i, j in pairs)
            sp, sn_p, sg, sn_g = strict_actor_counts(pairs, split.items, split.gold)
            print(f"        trigger-paired matches {len(pairs)}: typed {typed / max(1, len(pairs)):.3f}, "
                  f"actorsP={hp / max(1, n_p):.3f} actorsR={hg / max(1, n_g):.3f} "
                  f"(exact names: P={sp / max(1, sn_p):.3f} R={sg / max(1, sn_g):.3f})")
        if args.confusion and name in CAUSES_SHOWN:
            wrong = [(k, v) for k, v in split.confusion().most_common() if k[0] != k[1]]
            print("        mistyped (gold>row):", ", ".join(f"{g}>{r} {v}" for (g, r), v in wrong[:12]))
        if listed and not split.kept and name in CAUSES_SHOWN:
            for cause, g in sorted(split.causes(), key=lambda x: (x[0], x[1]["doc"], x[1]["start"])):
                if g["doc"] in listed:
                    print(f"  {cause:<24} {g['doc']} {g['start_date']}..{g['end_date']} {g['event_type']:<11} "
                          f"{g['quote'][:110]!r}")


if __name__ == "__main__":
    main()
