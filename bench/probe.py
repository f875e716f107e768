"""Print the chronicle (and with --events every candidate) Chronicle makes of one text, for reading by eye.

    .venv/bin/python bench/probe.py bench/probes/chaco-war.txt [--events]
    printf '%s' "Skopje fell to the Serbs on 26 October 1912." | .venv/bin/python bench/probe.py -

bench/probes/ holds short texts written for development (see its README): unseen wording of other wars and crises,
to find error classes by reading the output; they have no gold and no figure is computed from them.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", help="a text file, or - for standard input")
    ap.add_argument("--events", action="store_true", help="also every event candidate, with its confidence")
    args = ap.parse_args()
    from pipeline import extract_text
    from pipeline.nlp import get_nlp
    text = sys.stdin.read() if args.text == "-" else Path(args.text).read_text(encoding="utf-8")
    tables = extract_text(text, doc_id="probe", nlp=get_nlp())
    if args.events:
        for e in tables["events"].to_dict("records"):
            print(f"  {e['event_type']:<12} {e['start_date']}..{e['end_date']} {float(e['confidence']):.2f} "
                  f"{e['trigger']!r:<16} actors={e['actors']}")
        print()
    for r in tables["chronicle"].to_dict("records"):
        print(f"{r['event_type']:<12} {r['start_date']}..{r['end_date']} {r['actors'] or '-':<28} | {r['summary'][:100]}")


if __name__ == "__main__":
    main()
