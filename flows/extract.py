"""Prefect flow `chronicle-extract`: raw folder -> one cached task per document -> merged corpus tables.

Tasks only call library functions in `pipeline/`; everything here is orchestration.

- One task per document (`extract-document`), cached by Prefect on the document's key
  (pipeline/runs.py: bytes sha256 + sidecar + doc_id + pipeline version + rules/code
  fingerprint) with results persisted in the cache folder (`.<out>.cache` beside the
  output folder, or CHRONICLE_CACHE_DIR). Unchanged documents come back as `Cached`.
- Documents already in the cache run on a small thread pool (loading a result is I/O);
  the others on the chosen runner: `thread` (default, one at a time), `process`
  (ProcessPoolTaskRunner, spaCy loaded once per worker process) or `dask`
  (prefect-dask's DaskTaskRunner: a LocalCluster of `workers` processes, or the cluster
  at `address`; raw files and the cache folder must then be readable at the same paths
  on the Dask workers).
- Each document's model analysis is kept in the parse cache (`<cache folder>/parses/`,
  pipeline/parsecache.py): when the rules change, every document is a result-cache miss but
  only our components and the extractors run again. `--refresh` reads neither cache.
- A document that fails never stops the others; the merge step (`write-tables`) writes
  the good documents' tables, failures.csv, and the run manifest runs/<run-id>.json
  with the diff against the tables it replaces.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from pipeline.settings import configure_prefect_env

configure_prefect_env()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.context import FlowRunContext  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402
from prefect.utilities.annotations import quote  # noqa: E402

from pipeline import parsecache, runs  # noqa: E402
from pipeline.corpus import assemble, discover, failure_row, failures_csv, process_entry  # noqa: E402
from pipeline.documents import DEFAULT_MAX_BYTES, RawEntry  # noqa: E402
from pipeline.errors import ChronicleError  # noqa: E402
from pipeline.output import output_lock, render_tables, write_tables  # noqa: E402
from pipeline.review.decisions import apply_decisions, decisions_path  # noqa: E402

RUNNERS = ("auto", "thread", "process", "dask")
CACHE_READERS = 8                   # threads that load cached results
_NLP_LOCK = threading.Lock()        # one spaCy pipeline per process: never two documents at once in threads


def _document_cache_key(context, parameters) -> str | None:
    return parameters.get("key")


def _extract_document(entry: RawEntry, key: str | None, max_bytes: int = DEFAULT_MAX_BYTES,
                      parse_dir: str | None = None, refresh: bool = False) -> dict:
    """One document -> {"ok": rows} or {"failure": row}; `key` is only the cache key."""
    with _NLP_LOCK:
        return process_entry(entry, max_bytes, parse_dir, refresh)


extract_document_task = task(_extract_document, name="extract-document",
                             task_run_name="extract {entry.source}",
                             cache_key_fn=_document_cache_key, persist_result=True)
# a file that cannot be read has no key: its (failure) result is not cached
extract_uncached_task = task(_extract_document, name="extract-document",
                             task_run_name="extract {entry.source}",
                             cache_policy=NO_CACHE, persist_result=False)


@task(name="write-tables", cache_policy=NO_CACHE, persist_result=False)
def write_tables_task(out_dir: str, results: list[dict], statuses: dict[str, dict], meta: dict) -> dict:
    """Merge step: corpus tables + failures.csv + runs/<run-id>.json, swapped in at once."""
    tables, failures = assemble(results)
    # review decisions survive re-extraction: applied to every run's rows, stale ones reported
    tables, stale = apply_decisions(tables, decisions_path(out_dir))
    rendered = render_tables(tables)
    previous = runs.read_tables(out_dir)
    prev_manifest = runs.latest_manifest(out_dir)
    diff = runs.diff_tables(previous, rendered)
    rows = {name: len(rows) for name, rows in tables.items()}
    manifest = runs.build_manifest(
        **meta, out_dir=out_dir, documents=statuses, rows=rows, diff=diff,
        previous_run=prev_manifest["run_id"] if prev_manifest else None,
        had_previous=previous is not None)
    manifest["stale_decisions"] = stale
    write_tables(out_dir, rendered, {
        "failures.csv": failures_csv(failures),
        f"{runs.RUNS_DIR}/{meta['run_id']}.json": runs.manifest_json(manifest)})
    return {"documents": rows["documents"], "failures": failures, "rows": rows,
            "run_id": meta["run_id"], "counts": manifest["counts"], "stale_decisions": stale,
            "manifest": str(Path(out_dir).absolute() / runs.RUNS_DIR / f"{meta['run_id']}.json"),
            "diff": {t: {k: d[k] for k in ("added", "removed", "changed")} for t, d in diff.items()}}


def _warm_worker() -> None:
    """Process-pool initializer: load the spaCy pipeline once per worker, before its first document."""
    configure_prefect_env()
    try:
        from pipeline.nlp import get_nlp
        get_nlp()
    except Exception:       # a missing model is reported by the task itself, with its clear message
        pass


def resolve_runner(runner: str, workers: int, address: str | None) -> str:
    if runner not in RUNNERS:
        raise ChronicleError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")
    if runner == "auto":
        return "dask" if address else ("process" if workers > 1 else "thread")
    if address and runner != "dask":
        raise ChronicleError("--address is the address of a Dask scheduler: use it with --runner dask")
    return runner


def make_task_runner(kind: str, workers: int, address: str | None):
    workers = max(1, int(workers))
    if kind == "thread":
        return ThreadPoolTaskRunner(max_workers=1)
    if kind == "process":
        try:
            from prefect.task_runners import ProcessPoolTaskRunner
        except ImportError:         # Prefect < 3.5: the same through a local Dask cluster
            return make_task_runner("dask", workers, None)
        try:
            return ProcessPoolTaskRunner(max_workers=workers, initializer=_warm_worker)
        except TypeError:           # no initializer yet: the model loads with the first document
            return ProcessPoolTaskRunner(max_workers=workers)
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")      # for the worker processes
    for name, level in (("distributed", logging.WARNING), ("distributed.nanny", logging.ERROR)):
        logging.getLogger(name).setLevel(level)    # "worker still alive after 4 s, killing" at shutdown
    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise ChronicleError("the dask runner needs prefect-dask: pip install 'prefect-dask>=0.3,<0.4'")
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_class="distributed.LocalCluster",
                          cluster_kwargs={"n_workers": workers, "threads_per_worker": 1,
                                          "processes": True, "dashboard_address": None})


@flow(name="chronicle-extract", task_runner=ThreadPoolTaskRunner(max_workers=CACHE_READERS))
def extract(raw_dir: str = "raw", out_dir: str = "extracted", workers: int = 1, runner: str = "auto",
            address: str | None = None, refresh: bool = False, progress: bool | None = None,
            max_bytes: int = DEFAULT_MAX_BYTES) -> dict:
    """Extract every *.txt under raw_dir into the corpus tables in out_dir."""
    started = time.time()
    kind = resolve_runner(runner, workers, address)
    with output_lock(out_dir):
        entries = discover(raw_dir)
        fp = dict(runs.fingerprint())
        cache_dir = runs.cache_dir_for(out_dir)
        cache_dir.mkdir(parents=True, exist_ok=True)
        parse_dir = str(cache_dir / parsecache.SUBDIR)
        cached_task = extract_document_task.with_options(result_storage=cache_dir, refresh_cache=refresh)
        planned = []        # (entry, key, sha256, in cache?)
        for e in entries:
            key, sha = runs.document_key(e, fp, max_bytes)
            planned.append((e, key, sha, bool(key) and not refresh and (cache_dir / key).is_file()))

        bar = runs.Progress(len(planned), enabled=progress)
        outcome: dict[str, tuple[dict, str]] = {}
        pending = {}

        def collect(futures):
            for fut in as_completed(list(futures)):
                entry = pending.pop(fut.task_run_id)
                try:
                    res = fut.result()
                    status = "cached" if fut.state.name == "Cached" else "extracted"
                except ChronicleError:
                    raise                      # environment problem (model missing ...): stop the run
                except Exception as e:         # a crashed worker, an unpicklable result ...: this document only
                    res = {"failure": failure_row(entry, f"task failed: {type(e).__name__}: {e}")}
                    status = "failed"
                if "failure" in res:
                    status = "failed"
                outcome[entry.doc_id] = (res, status)
                bar.update(status)

        try:
            hit_futures = []
            for e, key, _, hit in planned:
                if hit:
                    f = cached_task.submit(e, key, max_bytes, parse_dir, refresh)
                    pending[f.task_run_id] = e
                    hit_futures.append(f)
            misses = [(e, key) for e, key, _, hit in planned if not hit]
            if misses:
                with make_task_runner(kind, workers, address) as pool:
                    miss_futures = []
                    for e, key in misses:
                        t = cached_task if key else extract_uncached_task
                        f = pool.submit(t, {"entry": e, "key": key, "max_bytes": max_bytes,
                                            "parse_dir": parse_dir, "refresh": refresh})
                        pending[f.task_run_id] = e
                        miss_futures.append(f)
                    collect(hit_futures + miss_futures)
            else:
                collect(hit_futures)
        finally:
            bar.close()

        results, statuses = [], {}
        timing: dict[str, float] = {}
        parse_counts: dict[str, int] = {}
        parse_keys = set()
        for e, key, sha, _ in planned:
            res, status = outcome[e.doc_id]
            results.append(res)
            info = {"source": e.source, "sha256": sha, "status": status, "cache_key": key,
                    **({"error": res["failure"]["error"]} if status == "failed" else {})}
            parse = (res.get("ok") or {}).get("parse") or {}
            if parse.get("key"):
                parse_keys.add(parse["key"])
            if status == "extracted":
                info["parse"] = parse.get("status")
                pkind = (parse.get("status") or "off").split(":")[0]
                parse_counts[pkind] = parse_counts.get(pkind, 0) + 1
                for k, v in (res["ok"].get("timing") or {}).items():
                    timing[k] = round(timing.get(k, 0.0) + v, 3)
            statuses[e.doc_id] = info
        if cache_dir == runs.default_cache_dir(out_dir):     # a shared CHRONICLE_CACHE_DIR is never pruned
            parsecache.prune(parse_dir, parse_keys)
        parse_stats = {**parsecache.cache_stats(parse_dir), "documents": dict(sorted(parse_counts.items()))}
        ctx = FlowRunContext.get()
        flow_run_id = str(ctx.flow_run.id) if ctx and ctx.flow_run else None
        meta = {"run_id": runs.new_run_id((flow_run_id or "").replace("-", "")),
                "flow_run_id": flow_run_id, "started": started, "raw_dir": raw_dir,
                "cache_dir": str(cache_dir), "fp": fp, "parse_cache": parse_stats, "timing": timing,
                "runner": {"kind": kind, "workers": int(workers), "address": address}}
        summary = write_tables_task(out_dir, quote(results), statuses, meta)
        summary["parse_cache"] = parse_stats
        summary["parse_warnings"] = [f"{info['source']}: parse-cache entry {info['parse']}"
                                     for info in statuses.values() if (info.get("parse") or "").startswith("rebuilt")]
        if cache_dir == runs.default_cache_dir(out_dir):     # a shared CHRONICLE_CACHE_DIR is never pruned
            runs.prune_cache(cache_dir, {key for _, key, _, _ in planned if key})
        return summary
