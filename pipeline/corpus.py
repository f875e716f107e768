"""A raw folder -> per-document results -> corpus tables, failures and a run manifest (no Prefect here)."""
from __future__ import annotations

import csv
import io
import traceback

from .documents import DEFAULT_MAX_BYTES, RawEntry, discover, load_document
from .errors import ChronicleError, DocumentError
from .extract import combine, extract_document
from .parsecache import ParseCache


def process_entry(entry: RawEntry, max_bytes: int = DEFAULT_MAX_BYTES, parse_dir: str | None = None,
                  refresh: bool = False) -> dict:
    """One document -> {"ok": result} or {"failure": {...}}; never raises for a bad document.

    parse_dir: the parse cache folder (parsecache.py); refresh: do not read it (fresh entries are written).
    """
    if entry.problem:
        return {"failure": failure_row(entry, entry.problem)}
    try:
        document = load_document(entry.path, entry.root,
                                 doc_id=entry.doc_id, max_bytes=max_bytes)
        cache = ParseCache(parse_dir, read=not refresh) if parse_dir else None
        return {"ok": extract_document(document, parse_cache=cache)}
    except DocumentError as e:
        return {"failure": failure_row(entry, e.problem)}
    except ChronicleError:
        raise                       # environment problems (model missing ...) stop the run
    except Exception as e:          # a bug on one document must not stop the others
        last = traceback.extract_tb(e.__traceback__)[-1]
        return {"failure": failure_row(entry, f"internal error {type(e).__name__}: {e} "
                                              f"(at {last.filename.rsplit('/', 1)[-1]}:{last.lineno})")}


def prune_caches(raw_dir, cache_dir, max_bytes: int = DEFAULT_MAX_BYTES, dry_run: bool = False,
                 nlp=None) -> dict:
    """Remove cached results and parse-cache entries that belong to no document now in raw_dir
    (with the current rules, code and model): {"results": n, "parses": n, "parse_bytes": n, "kept": n}."""
    from pathlib import Path
    from . import parsecache, runs
    from .nlp import batch_size, get_nlp
    from .parse import prepare
    cache_dir = Path(cache_dir)
    nlp = nlp or get_nlp()
    fp = runs.fingerprint()
    result_keys, parse_keys = set(), set()
    for entry in discover(raw_dir):
        key, _ = runs.document_key(entry, fp, max_bytes)
        if key is None:
            continue
        result_keys.add(key)
        try:
            document = load_document(entry.path, entry.root, doc_id=entry.doc_id, max_bytes=max_bytes)
        except DocumentError:
            continue
        _, masked, segments = prepare(document.text)
        parse_keys.add(parsecache.parse_key(nlp, [masked[s.start:s.end] for s in segments], batch_size()))
    parse_dir = cache_dir / parsecache.SUBDIR
    if dry_run:
        stale = [p for p in parse_dir.glob(f"*{parsecache.SUFFIX}")
                 if p.name[:-len(parsecache.SUFFIX)] not in parse_keys] if parse_dir.is_dir() else []
        old = [p for p in cache_dir.iterdir() if p.is_file() and len(p.name) == 64 and p.name not in result_keys] \
            if cache_dir.is_dir() else []
        return {"results": len(old), "parses": len(stale), "parse_bytes": sum(p.stat().st_size for p in stale),
                "kept": len(parse_keys), "dry_run": True}
    pruned = parsecache.prune(parse_dir, parse_keys)
    return {"results": runs.prune_cache(cache_dir, result_keys), "parses": pruned["removed"],
            "parse_bytes": pruned["bytes"], "kept": len(parse_keys), "dry_run": False}


def failure_row(entry: RawEntry, problem: str) -> dict:
    return {"doc_id": entry.doc_id, "source": entry.source, "error": problem}


def failures_csv(failures: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["doc_id", "source", "error"])
    for f in sorted(failures, key=lambda f: f["doc_id"]):
        w.writerow([f["doc_id"], f["source"], f["error"]])
    return buf.getvalue()


def assemble(results: list[dict]) -> tuple[dict[str, list[dict]], list[dict]]:
    good = [r["ok"] for r in results if "ok" in r]
    failures = [r["failure"] for r in results if "failure" in r]
    return combine(good), failures


__all__ = ["discover", "process_entry", "assemble", "failures_csv"]
