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
