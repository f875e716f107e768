"""Grouping errors of the development documents: duplicate rows and multi-mention rows with wrong actors.

    .venv/bin/python bench/group_errors.py OUT [--dup] [--actors] [--docs DOC,DOC]

Reads what bench/splits.py extracted into OUT and prints, for the DEVELOPMENT splits only (DEV, FDEV):
- --dup: unmatched rows whose trigger lies inside the quote of a gold event another row matched (a second row for one
  event), with both rows' triggers, types, dates and sentences;
- --actors: rows of more than one mention paired with a gold event (trigger-paired) whose actors include a name the
  gold does not give, with each mention (trigger, type, date, actors, sentence) and which is the representative.
Kept-aside splits are never read (tests/gold_events/SPLIT.md).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from splits import Split  # noqa: E402
from pipeline.events.chronicle import representative  # noqa: E402
from pipeline.events.scoring import _names, doc_key  # noqa: E402


def mention_line(m, rep=False) -> str:
    return (f"    {'*' if rep else ' '} {m['event_type']:<11} {m['start_date']}..{m['end_date']} conf={m['confidence']:<5}"
            f" trig={m['trigger']!r} act={m['actors']!r} loc={m['locations']!r}\n        {m['text'][:230]!r}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--dup", action="store_true")
    ap.add_argument("--actors", action="store_true")
    ap.add_argument("--docs", default="")
    args = ap.parse_args(argv)
    only = {doc_key(d) for d in args.docs.split(",") if d}
    n_dup = n_act = 0
    for name in ("DEV", "FDEV", "FDEV2", "FDEV3", "FDEV4", "FDEV5", "FDEV6"):
        split = Split(args.out, name)
        assert not split.kept
        events = {e["event_id"]: e for e in split.events}
        mentions = [[events[x] for x in row["event_ids"].split(";") if x in events] for row in split.rows]
        row_gold = dict(split.pairs)
        gold_row = {g: i for i, g in row_gold.items()}
        if args.dup:
            for i, ms in enumerate(mentions):
                if i in row_gold or not ms or (only and doc_key(ms[0]["doc_id"]) not in only):
                    continue
                for m in ms:
                    if not m.get("trigger_start"):
                        continue
                    t, d = int(m["trigger_start"]), doc_key(m["doc_id"])
                    hit = [g for g, gg in enumerate(split.gold) if gg["doc"] == d and gg["start"] <= t < gg["end"]
                           and g in gold_row]
                    if hit:
                        g = split.gold[hit[0]]
                        o = split.rows[gold_row[hit[0]]]
                        om = mentions[gold_row[hit[0]]]
                        n_dup += 1
                        print(f"== DUP {d} gold {g['event_type']} {g['start_date']}..{g['end_date']} {g['quote'][:150]!r}")
                        print(f"  this row {split.rows[i]['event_type']} {split.rows[i]['start_date']}..{split.rows[i]['end_date']}"
                              f" ({len(ms)} mentions)")
                        rep = representative(ms)
                        for x in ms:
                            print(mention_line(x, x is rep))
                        print(f"  taker row {o['event_type']} {o['start_date']}..{o['end_date']} ({len(om)} mentions)")
                        rep = representative(om) if om else None
                        for x in om:
                            print(mention_line(x, x is rep))
                        break
        if args.actors:
            for i, gi in split.trigger_paired():
                ms = mentions[i]
                if len(ms) < 2 or (only and doc_key(ms[0]["doc_id"]) not in only):
                    continue
                g = split.gold[gi]
                ours, theirs = _names(split.items[i]["actors"]), _names(g.get("actors", ""))
                wrong = {a for a in ours if not any(a in t or t in a for t in theirs)}
                if not wrong:
                    continue
                n_act += 1
                rep = representative(ms)
                print(f"== ACT {g['doc']} gold {g['event_type']} {g['start_date']} actors={g.get('actors')!r} "
                      f"row actors={split.items[i]['actors']!r} {g['quote'][:140]!r}")
                for x in ms:
                    print(mention_line(x, x is rep))
    print(f"# duplicate rows {n_dup}, multi-mention rows with a wrong actor {n_act}")


if __name__ == "__main__":
    main()
