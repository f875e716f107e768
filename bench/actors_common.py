"""Actor agreement of two runs judged on the same gold events: a change's effect on actors, apart from its effect
on which events are matched.

    .venv/bin/python bench/actors_common.py BASE NEW      # two bench/splits.py output folders

The actor ratios `bench/splits.py` prints (actors P/R) are taken over the events each run matches. A change that
matches more events moves them even when no row's actors changed, because the new matches bring their own actors:
a recall gain with imperfect actors "lowers" the ratios. This prints, per split (aggregate figures only, so kept-aside
splits can be read), the loose-match actor counts and ratios:
- common: the gold events both runs match, under BASE's rows and under NEW's rows (did any row's actors change?);
- gained / lost: the events only NEW / only BASE matches;
- all: every match, with the count of right actor names found (ours that match a gold actor), which only rises
  when more right actors are found.
The session merge rule (tests/gold_events/SPLIT.md) reads the common line: actors there must not fall.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from splits import SPLITS, Split, actor_counts  # noqa: E402

SHOWN = ("KA", "FKA8", "FKA2", "DEV", "FDEV", "FDEV2", "FDEV3", "FDEV4", "FDEV5")


def _ratios(pairs, items, gold) -> str:
    hp, n_p, hg, n_g = actor_counts(pairs, items, gold)
    return f"{len(pairs):>4} events  P={hp / max(1, n_p):.3f} ({hp}/{n_p})  R={hg / max(1, n_g):.3f} ({hg}/{n_g})"


def compare(base_dir: Path, new_dir: Path, name: str) -> list[str]:
    for folder in (base_dir, new_dir):
        if not (folder / SPLITS[name][1] / "chronicle.csv").exists():
            sys.exit(f"{folder}: no {SPLITS[name][1]}/chronicle.csv for split {name} (run bench/splits.py {folder})")
    base, new = Split(base_dir, name), Split(new_dir, name)
    by_gold_base = {gi: ii for ii, gi in base.pairs}
    by_gold_new = {gi: ii for ii, gi in new.pairs}
    common = sorted(set(by_gold_base) & set(by_gold_new))
    gained = sorted(set(by_gold_new) - set(by_gold_base))
    lost = sorted(set(by_gold_base) - set(by_gold_new))
    return [
        f"{name:<6} common base {_ratios([(by_gold_base[g], g) for g in common], base.items, base.gold)}",
        f"{'':<6} common new  {_ratios([(by_gold_new[g], g) for g in common], new.items, new.gold)}",
        f"{'':<6} gained      {_ratios([(by_gold_new[g], g) for g in gained], new.items, new.gold)}",
        f"{'':<6} lost        {_ratios([(by_gold_base[g], g) for g in lost], base.items, base.gold)}",
        f"{'':<6} all base    {_ratios(base.pairs, base.items, base.gold)}",
        f"{'':<6} all new     {_ratios(new.pairs, new.items, new.gold)}",
    ]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("base", type=Path)
    ap.add_argument("new", type=Path)
    ap.add_argument("--splits", default=",".join(SHOWN))
    args = ap.parse_args(argv)
    for name in args.splits.split(","):
        if name not in SPLITS:
            sys.exit(f"unknown split {name!r}: one of {', '.join(SPLITS)}")
        print("\n".join(compare(args.base, args.new, name)))


if __name__ == "__main__":
    main()
