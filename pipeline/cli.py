"""`chronicle` command line: extract, diff, schedule, evaluate (and later review, summary)."""
from __future__ import annotations

import argparse
import sys

from .documents import DEFAULT_MAX_BYTES
from .errors import ChronicleError

EXIT_OK, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2


def cmd_extract(args) -> int:
    from .settings import configure_prefect_env
    configure_prefect_env()
    from .documents import discover
    from .output import output_lock
    if args.address and args.runner not in ("auto", "dask"):
        raise ChronicleError("--address is the address of a Dask scheduler: use it with --runner dask")
    if args.workers < 1:
        raise ChronicleError("--workers must be at least 1")
    discover(args.raw_dir)        # a missing raw folder is a clear error before Prefect starts
    with output_lock(args.out):   # so is a second run on the same output folder
        from flows.runtime import PrefectSession, check_prefect_home
        check_prefect_home()
        with PrefectSession() as prefect:         # the API server starts while the flow is imported
            from flows.extract import extract
            summary = prefect.call(extract, raw_dir=args.raw_dir, out_dir=args.out, workers=args.workers,
                                   runner=args.runner, address=args.address, refresh=args.refresh,
                                   progress=False if args.no_progress else None, max_bytes=args.max_bytes,
                                   while_waiting=_load_model if _in_process(args) else None)
    c = summary["counts"]
    print(f"extracted {summary['documents']} document(s) into {args.out} "
          f"({c['extracted']} extracted, {c['cached']} cached, {c['failed']} failed): " +
          ", ".join(f"{k} {v}" for k, v in summary["rows"].items()))
    changes = ", ".join(f"{t} +{d['added']} -{d['removed']} ~{d['changed']}"
                        for t, d in summary["diff"].items() if d["added"] or d["removed"] or d["changed"])
    print(f"run {summary['run_id']}: {changes or 'no row changed'} (details: chronicle diff {args.out})")
    for f in summary["failures"]:
        print(f"failed: {f['source']}: {f['error']}", file=sys.stderr)
    for w in summary.get("parse_warnings", []):
        print(f"warning: {w}", file=sys.stderr)
    for d in summary.get("stale_decisions", []):
        print(f"stale review decision: {d.get('table')} {d.get('row_id')}: {d.get('reason')}", file=sys.stderr)
    return EXIT_PARTIAL if summary["failures"] else EXIT_OK


def cmd_review(args) -> int:
    from .review.decisions import import_decisions
    from .review.page import write_review
    if args.import_decisions:          # a decisions.csv downloaded from the page
        import_decisions(args.import_decisions, args.decisions or "review/decisions.csv")
    path = write_review(args.out_dir, raw_dir=args.raw_dir, manifest=args.manifest, decisions_path=args.decisions)
    print(f"review page: {path}")
    return EXIT_OK


def cmd_summary(args) -> int:
    from .review.summary import summary_text
    print(summary_text(args.out_dir), end="")
    return EXIT_OK


def _in_process(args) -> bool:
    return args.runner in ("auto", "thread") and args.workers == 1 and not args.address


def _load_model() -> None:
    """Load spaCy while the Prefect server starts (documents are extracted in this process)."""
    try:
        from .nlp import get_nlp
        get_nlp()
    except ChronicleError:
        pass                      # reported by the flow, with the document it stopped


def cmd_diff(args) -> int:
    import json
    from .runs import format_diff, latest_manifest
    manifest = latest_manifest(args.out_dir)
    if manifest is None:
        raise ChronicleError(f"no run recorded in {args.out_dir}/runs: run `chronicle extract` first")
    if args.json:
        print(json.dumps({k: manifest.get(k) for k in ("run_id", "previous_run", "counts", "rows", "diff")},
                         indent=1))
    else:
        print(format_diff(manifest, per_document=not args.tables_only))
    return EXIT_OK


def cmd_cache(args) -> int:
    import os
    from . import parsecache
    from .runs import cache_dir_for
    cache_dir = cache_dir_for(args.out)
    parse_dir = cache_dir / parsecache.SUBDIR
    if args.action == "info":
        st = parsecache.cache_stats(parse_dir)
        n_results = sum(1 for p in cache_dir.iterdir() if p.is_file() and len(p.name) == 64) \
            if cache_dir.is_dir() else 0
        print(f"result cache: {cache_dir} ({n_results} entries)")
        print(f"parse cache:  {parse_dir} ({st['entries']} entries, {st['bytes'] / 1e6:.1f} MB)")
        return EXIT_OK
    from .corpus import prune_caches
    from .documents import discover
    from .output import output_lock
    raw = args.raw_dir or os.path.join(os.path.dirname(os.path.abspath(args.out)), "raw")
    discover(raw)                 # a missing raw folder is a clear error before the model loads
    with output_lock(args.out):   # never while a run writes the same caches
        res = prune_caches(raw, cache_dir, args.max_bytes, dry_run=args.dry_run)
    verb = "would remove" if res["dry_run"] else "removed"
    print(f"{verb} {res['results']} cached result(s) and {res['parses']} parse-cache entr"
          f"{'y' if res['parses'] == 1 else 'ies'} ({res['parse_bytes'] / 1e6:.1f} MB) not belonging to a "
          f"document in {raw}; {res['kept']} document analyses kept in {parse_dir}")
    return EXIT_OK


def cmd_schedule(args) -> int:
    import os
    from .settings import configure_prefect_env
    configure_prefect_env()
    from .documents import discover
    from prefect.settings import PREFECT_API_URL
    if not PREFECT_API_URL.value():
        raise ChronicleError("a schedule needs a running Prefect server: start one (`prefect server start`) "
                             "and set PREFECT_API_URL, e.g. http://127.0.0.1:4200/api")
    import httpx
    try:
        httpx.get(f"{PREFECT_API_URL.value().rstrip('/')}/health", timeout=10).raise_for_status()
    except httpx.HTTPError as e:
        raise ChronicleError(f"the Prefect server at PREFECT_API_URL={PREFECT_API_URL.value()} does not answer "
                             f"({type(e).__name__}): start it with `prefect server start`")
    discover(args.raw)
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron
    try:
        schedule = Cron(args.cron, timezone=args.timezone)
    except (ValueError, TypeError) as e:
        raise ChronicleError(f"--cron {args.cron!r} is not a valid cron expression: {e}")
    from flows.extract import extract
    params = {"raw_dir": os.path.abspath(args.raw), "out_dir": os.path.abspath(args.out),
              "workers": args.workers, "runner": args.runner}
    print(f"serving deployment chronicle-extract/{args.name} ({args.cron}"
          f"{' ' + args.timezone if args.timezone else ' UTC'}) on {PREFECT_API_URL.value()}; "
          "Ctrl-C stops it", file=sys.stderr)
    extract.serve(name=args.name, schedules=[schedule], parameters=params,
                  entrypoint_type=EntrypointType.MODULE_PATH, print_starting_message=False,
                  limit=1)
    return EXIT_OK


def cmd_evaluate(args) -> int:
    from .evaluate import evaluate, format_report
    from .events.scoring import evaluate_chronicle, format_chronicle_report
    report = evaluate(args.gold_dir, args.extracted)
    print(format_report(report))
    chron = evaluate_chronicle(args.gold_dir, args.extracted,
                               set(args.docs.split(",")) if args.docs else None)
    if chron:
        print("chronicle (one-to-one against exhaustive dated-event gold):")
        print(format_chronicle_report(chron))
        if args.show_errors:
            res = chron["all"]["chronicle"]
            for g in res["_missed"]:
                print(f"[chronicle missed] {g['doc_id']} {g['event_type']} {g['start_date']}..{g['end_date']} "
                      f"{g['quote'][:100]!r}")
            scored = {d for d in chron if d not in ("all", "agreement")}
            for it in res["_unmatched_rows"]:
                # a chronicle row may group mentions of several documents: show only a mention of a scored one,
                # so that --docs <dev split> never prints text of a kept-aside document
                doc, said = next(((d, s) for d, s in it.get("mentions", []) if d in scored), ("", ""))
                print(f"[chronicle unmatched] {doc} {it['event_type']} {it['interval'][0]}..{it['interval'][1]} "
                      f"{said[:100]!r}")
            for it, g in res["_pairs"]:
                if it["event_type"] != g["event_type"]:
                    print(f"[chronicle type] gold {g['event_type']} got {it['event_type']} {g['doc_id']} "
                          f"{g['quote'][:100]!r}")
            for it, g in res["_pairs"]:
                if it["actors"] != g.get("actors", ""):
                    print(f"[chronicle actors] gold {g.get('actors', '')!r} got {it['actors']!r} {g['doc_id']} "
                          f"{g['quote'][:80]!r}")
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
    p.add_argument("--workers", type=int, default=1,
                   help="documents extracted in parallel (worker processes; default 1)")
    p.add_argument("--runner", choices=("auto", "thread", "process", "dask"), default="auto",
                   help="auto: thread for 1 worker, process pool for more, dask with --address")
    p.add_argument("--address", help="Dask scheduler address (tcp://host:port) for --runner dask")
    p.add_argument("--refresh", action="store_true", help="ignore the cache: re-extract every document")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help="largest raw file accepted (default %(default)s, or CHRONICLE_MAX_BYTES)")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("diff", help="what the latest run changed in the tables (rows added/removed/changed)")
    p.add_argument("out_dir", nargs="?", default="extracted")
    p.add_argument("--json", action="store_true", help="the diff as JSON")
    p.add_argument("--tables-only", action="store_true", help="per table only, not per document")
    p.set_defaults(func=cmd_diff)
    p = sub.add_parser("cache", help="the result and parse caches: `info` (size), `prune` (entries of "
                                      "documents no longer in the raw folder, or of an older model/rules)")
    p.add_argument("action", choices=("info", "prune"))
    p.add_argument("raw_dir", nargs="?", default=None, help="raw folder (default: raw/ beside --out)")
    p.add_argument("--out", default="extracted", help="output folder whose cache it is (default %(default)s; "
                                                       "CHRONICLE_CACHE_DIR wins, as for extract: prune "
                                                       "then keeps only RAW_DIR's documents)")
    p.add_argument("--dry-run", action="store_true", help="count, remove nothing")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.set_defaults(func=cmd_cache)
    p = sub.add_parser("schedule", help="serve the extract flow as a Prefect deployment on a cron schedule")
    p.add_argument("--cron", required=True, help='cron expression, e.g. "0 3 * * *"')
    p.add_argument("--timezone", default=None, help="IANA time zone of the cron expression (default UTC)")
    p.add_argument("--raw", default="raw")
    p.add_argument("--out", default="extracted")
    p.add_argument("--name", default="chronicle", help="deployment name (default %(default)s)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--runner", choices=("auto", "thread", "process", "dask"), default="auto")
    p.set_defaults(func=cmd_schedule)
    p = sub.add_parser("review", help="write OUT_DIR/review.html: every extraction in its context")
    p.add_argument("out_dir", nargs="?", default="extracted")
    p.add_argument("--raw-dir", default=None, help="raw folder (default: raw/ beside OUT_DIR)")
    p.add_argument("--manifest", default=None, help="run manifest whose diff is marked (default: the latest)")
    p.add_argument("--decisions", default=None, help="review decisions file (default review/decisions.csv)")
    p.add_argument("--import-decisions", default=None, help="merge a decisions.csv exported from the page")
    p.set_defaults(func=cmd_review)
    p = sub.add_parser("summary", help="per-document counts, top entities, events by year, largest casualty figures")
    p.add_argument("out_dir", nargs="?", default="extracted")
    p.set_defaults(func=cmd_summary)
    p = sub.add_parser("evaluate", help="score extracted tables against hand-made gold")
    p.add_argument("gold_dir")
    p.add_argument("--extracted", default="extracted")
    p.add_argument("--show-errors", action="store_true",
                   help="list value errors, misses, spurious rows, and type/actor differences of matched events")
    p.add_argument("--docs", default=None,
                   help="comma-separated gold documents to score (e.g. the development split 01_WW2,04_AmRevWar)")
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
