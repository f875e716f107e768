"""`chronicle` command line: extract, evaluate (and later diff, schedule, review, summary)."""
from __future__ import annotations

import argparse
import sys

from .errors import ChronicleError

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2


def cmd_extract(args) -> int:
    from .settings import configure_prefect_env
    configure_prefect_env()
    from .documents import discover
    discover(args.raw_dir)        # a missing raw folder is a clear error before Prefect starts
    from flows.extract import extract
    summary = extract(raw_dir=args.raw_dir, out_dir=args.out)
    n_fail = len(summary["failures"])
    print(f"extracted {summary['documents']} document(s) into {args.out}: " +
          ", ".join(f"{k} {v}" for k, v in summary["rows"].items()))
    for f in summary["failures"]:
        print(f"failed: {f['source']}: {f['error']}", file=sys.stderr)
    return EXIT_PARTIAL if n_fail else EXIT_OK


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report
    report = evaluate(args.gold_dir, args.extracted)
    print(format_report(report))
    if args.show_errors:
        for table, res in report.items():
            for g, p in res.get("_errors", []):
                print(f"[{table} value] gold {g.get('text')!r} {g.get('value', g.get('value_low'))} "
                      f"{g.get('start_date', '')}..{g.get('end_date', g.get('value_high', ''))} | "
                      f"got {p.get('text')!r} {p.get('value', p.get('value_low'))} "
                      f"{p.get('start_date', '')}..{p.get('end_date', p.get('value_high', ''))}")
            for g in res.get("_missed", []):
                print(f"[{table} missed] {g.get('text', g.get('quote', ''))[:100]!r} {g.get('start')}")
            for p in res.get("_spurious", []):
                print(f"[{table} spurious] {p.get('text')!r} {p.get('start')} {p.get('rule')}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="chronicle", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract tables from RAW_DIR into --out (Prefect flow)")
    p.add_argument("raw_dir")
    p.add_argument("--out", default="extracted")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("evaluate", help="score extracted tables against hand-made gold")
    p.add_argument("gold_dir")
    p.add_argument("--extracted", default="extracted")
    p.add_argument("--show-errors", action="store_true", help="list value errors, misses, spurious rows")
    p.set_defaults(func=cmd_evaluate)
    return ap


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ChronicleError as e:
        print(f"chronicle: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("chronicle: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
