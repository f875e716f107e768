"""Run bookkeeping without Prefect: cache keys, run manifests, table diffs, the progress bar.

- Cache key of a document: its bytes (sha256), its sidecar, its doc_id/source, the size
  limit, the pipeline version, the model and spaCy versions, and the fingerprint of the
  pipeline package (one hash of the rule/lexicon data files = every non-.py file under
  pipeline/, one of the .py code). Same key -> the cached per-document result is reused.
- Cache folder: CHRONICLE_CACHE_DIR if set, else `.<out-name>.cache` beside the output
  folder (e.g. `.extracted.cache/` next to `extracted/`), one file per key (Prefect result
  records, pickled). Entries the latest run did not use are pruned (not in a shared
  CHRONICLE_CACHE_DIR). Deleting the folder only costs a full re-extraction; so does
  `chronicle extract --refresh`.
- Manifest: OUT_DIR/runs/<run-id>.json after each run (what ran, per-document status,
  row counts, and the diff against the tables the run replaced).
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sys
import time
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .documents import DEFAULT_MAX_BYTES, RawEntry
from .tables import TABLE_NAMES
from .version import MODEL_PACKAGE, PIPELINE_VERSION

PACKAGE_DIR = Path(__file__).resolve().parent
KEY_SCHEMA = 1                      # bump when the meaning of a cached result changes
ID_COLUMNS = {"documents": "doc_id", "sentences": "sentence_id", "mentions": "mention_id",
              "dates": "date_id", "quantities": "quantity_id", "events": "event_id",
              "entities": "entity_id", "chronicle": "event_key"}
RUNS_DIR = "runs"
MAX_IDS_LISTED = 200                # per table and kind in a manifest's diff (counts are always complete)


# ---------------------------------------------------------------- fingerprints and cache keys

def _package_files(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                continue
            yield Path(dirpath) / name


@lru_cache(maxsize=4)
def fingerprint(root: str | os.PathLike | None = None) -> dict[str, str]:
    """{"rules": hash of the data files (non-.py), "code": hash of the .py files} under pipeline/.

    Computed once per process, like the code and rules the process has loaded (a scheduled
    run is a new process); `fingerprint.cache_clear()` forces a new look.
    """
    root = Path(root) if root else PACKAGE_DIR
    rules, code = hashlib.sha256(), hashlib.sha256()
    for path in _package_files(root):
        h = code if path.suffix == ".py" else rules
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        h.update(hashlib.sha256(data).digest())
    return {"rules": rules.hexdigest()[:16], "code": code.hexdigest()[:16]}


@lru_cache(maxsize=1)
def _library_versions() -> tuple[str, str]:
    out = []
    for dist in ("spacy", MODEL_PACKAGE):
        try:
            out.append(metadata.version(dist))
        except metadata.PackageNotFoundError:
            out.append("?")
    return tuple(out)


def sidecar_path(entry: RawEntry) -> Path:
    return entry.path.with_name(entry.path.name[:-4] + ".meta.json")


def document_key(entry: RawEntry, fp: dict[str, str], max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> tuple[str | None, str | None]:
    """(cache key, sha256 of the bytes); (None, None) when the file cannot be read (then it is not cached)."""
    if entry.problem:
        return None, None
    try:
        if entry.path.stat().st_size > max_bytes:
            return None, None
        data = entry.path.read_bytes()
    except OSError:
        return None, None
    sha = hashlib.sha256(data).hexdigest()
    try:
        sidecar = hashlib.sha256(sidecar_path(entry).read_bytes()).hexdigest()
    except OSError:
        sidecar = ""
    parts = [KEY_SCHEMA, sha, sidecar, entry.doc_id, entry.source, max_bytes, PIPELINE_VERSION,
             MODEL_PACKAGE, *_library_versions(), fp["rules"], fp["code"]]
    return hashlib.sha256(json.dumps(parts).encode("utf-8")).hexdigest(), sha


def default_cache_dir(out_dir: str | os.PathLike) -> Path:
    out = Path(out_dir).absolute()
    return out.parent / f".{out.name}.cache"


def cache_dir_for(out_dir: str | os.PathLike) -> Path:
    """CHRONICLE_CACHE_DIR (may be shared by several output folders; never pruned), else `.<out>.cache`."""
    env = os.environ.get("CHRONICLE_CACHE_DIR")
    return Path(env).absolute() if env else default_cache_dir(out_dir)


def prune_cache(cache_dir: Path, keep: set[str]) -> int:
    """Delete cached results whose key the latest run did not use; returns how many."""
    removed = 0
    if not cache_dir.is_dir():
        return 0
    for f in cache_dir.iterdir():
        if f.is_file() and len(f.name) == 64 and f.name not in keep:
            try:
                f.unlink()
                removed += 1
            except OSError:
                pass
    return removed


# ---------------------------------------------------------------- diffs

def _rows(csv_text: str | None, table: str) -> dict[str, tuple[str, dict]]:
    """id -> (doc_id, row) from a CSV text; a repeated id gets '#2', '#3' ..."""
    out: dict[str, tuple[str, dict]] = {}
    if not csv_text:
        return out
    id_col = ID_COLUMNS.get(table, "id")
    for row in csv.DictReader(io.StringIO(csv_text)):
        rid = row.get(id_col) or ""
        key, n = rid, 1
        while key in out:
            n += 1
            key = f"{rid}#{n}"
        out[key] = (row.get("doc_id") or "", row)
    return out


def _same(a: dict, b: dict) -> bool:
    return all((a.get(c) or "") == (b.get(c) or "") for c in set(a) | set(b))


def diff_table(old_csv: str | None, new_csv: str, table: str) -> dict:
    if old_csv == new_csv:              # the usual re-run: nothing to parse
        return {"added": 0, "removed": 0, "changed": 0, "by_document": {}, "ids": {}}
    old, new = _rows(old_csv, table), _rows(new_csv, table)
    kinds = {"added": [k for k in new if k not in old],
             "removed": [k for k in old if k not in new],
             "changed": [k for k in new if k in old and not _same(old[k][1], new[k][1])]}
    by_doc: dict[str, dict[str, int]] = {}
    for kind, keys in kinds.items():
        for k in keys:
            doc = (new.get(k) or old.get(k))[0]
            if doc:                         # tables without a doc_id column (entities, chronicle) have none
                d = by_doc.setdefault(doc, {"added": 0, "removed": 0, "changed": 0})
                d[kind] += 1
    out = {kind: len(keys) for kind, keys in kinds.items()}
    out["by_document"] = dict(sorted(by_doc.items()))
    out["ids"] = {kind: sorted(keys)[:MAX_IDS_LISTED] for kind, keys in kinds.items() if keys}
    return out


def read_tables(out_dir: str | os.PathLike) -> dict[str, str] | None:
    """The CSV texts of the tables currently in out_dir (None when there is no previous set)."""
    out = Path(out_dir)
    if not (out / "documents.csv").is_file():
        return None
    texts = {}
    for name in TABLE_NAMES:
        try:
            texts[name] = (out / f"{name}.csv").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            texts[name] = ""
    return texts


def diff_tables(old: dict[str, str] | None, new: dict[str, str]) -> dict:
    return {name: diff_table((old or {}).get(name), new[name], name) for name in TABLE_NAMES}


# ---------------------------------------------------------------- manifests

def new_run_id(suffix: str = "") -> str:
    now = dt.datetime.now(dt.timezone.utc)
    rid = now.strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{rid}-{suffix[:8]}" if suffix else rid


def run_files(out_dir: str | os.PathLike) -> list[Path]:
    folder = Path(out_dir) / RUNS_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))


def latest_manifest(out_dir: str | os.PathLike) -> dict | None:
    files = run_files(out_dir)
    if not files:
        return None
    return json.loads(files[-1].read_text(encoding="utf-8"))


def build_manifest(*, run_id: str, flow_run_id: str | None, started: float, raw_dir, out_dir,
                   cache_dir, runner: dict, fp: dict, documents: dict[str, dict],
                   rows: dict[str, int], diff: dict, previous_run: str | None,
                   had_previous: bool, parse_cache: dict | None = None, timing: dict | None = None) -> dict:
    counts = {"extracted": 0, "cached": 0, "failed": 0}
    for d in documents.values():
        counts[d["status"]] += 1
    finished = time.time()
    iso = lambda t: dt.datetime.fromtimestamp(t, dt.timezone.utc).isoformat(timespec="seconds")
    return {"run_id": run_id, "flow_run_id": flow_run_id, "started": iso(started),
            "finished": iso(finished), "seconds": round(finished - started, 3),
            "pipeline_version": PIPELINE_VERSION, "model": MODEL_PACKAGE,
            "rules_hash": fp["rules"], "code_hash": fp["code"],
            "raw_dir": str(Path(raw_dir).absolute()), "out_dir": str(Path(out_dir).absolute()),
            "cache_dir": str(cache_dir), "parse_cache": parse_cache or {}, "runner": runner,
            # seconds summed over the extracted documents: model, our components, cache I/O, extractors
            "timing": timing or {}, "counts": counts, "rows": rows,
            "documents": dict(sorted(documents.items())), "previous_run": previous_run,
            "had_previous": had_previous, "diff": diff}


def manifest_json(manifest: dict) -> str:
    return json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"


def format_diff(manifest: dict, per_document: bool = True) -> str:
    """The diff of one run as text for `chronicle diff`."""
    prev = manifest.get("previous_run")
    c = manifest.get("counts", {})
    lines = [f"run {manifest['run_id']} ({manifest.get('finished', '?')}) vs "
             f"{'run ' + prev if prev else 'the tables before it' if manifest.get('had_previous') else 'nothing (first run)'}",
             f"documents: {c.get('extracted', 0)} extracted, {c.get('cached', 0)} cached, "
             f"{c.get('failed', 0)} failed"]
    diff = manifest.get("diff", {})
    width = max((len(t) for t in diff), default=8)
    lines.append(f"{'table':<{width}}  {'rows':>7}  {'added':>7}  {'removed':>7}  {'changed':>7}")
    for table, d in diff.items():
        lines.append(f"{table:<{width}}  {manifest.get('rows', {}).get(table, 0):>7}  {d['added']:>7}  "
                     f"{d['removed']:>7}  {d['changed']:>7}")
    if per_document:
        docs: dict[str, dict[str, list[str]]] = {}
        for table, d in diff.items():
            for doc, k in d.get("by_document", {}).items():
                parts = [f"+{k['added']}" if k["added"] else "", f"-{k['removed']}" if k["removed"] else "",
                         f"~{k['changed']}" if k["changed"] else ""]
                docs.setdefault(doc, {})[table] = [p for p in parts if p]
        if docs:
            lines.append("by document:")
            for doc, tables in sorted(docs.items()):
                status = manifest.get("documents", {}).get(doc, {}).get("status", "removed")
                lines.append(f"  {doc} [{status}]: " +
                             ", ".join(f"{t} {' '.join(p)}" for t, p in tables.items()))
        elif prev or manifest.get("had_previous"):
            lines.append("no row changed")
    return "\n".join(lines)


# ---------------------------------------------------------------- progress

class Progress:
    """documents done/total, rate and ETA on one stderr line; silent unless the stream is a TTY."""

    def __init__(self, total: int, enabled: bool | None = None, stream=None, label: str = "extract"):
        self.stream = stream or sys.stderr
        self.enabled = (self.stream.isatty() if enabled is None else enabled) and total > 0
        self.total, self.label = total, label
        self.done = self.cached = self.failed = 0
        self.t0 = time.monotonic()
        self._last = 0.0
        self._width = 0
        if self.enabled:
            self._draw()

    def update(self, status: str) -> None:
        self.done += 1
        self.cached += status == "cached"
        self.failed += status == "failed"
        if self.enabled and (time.monotonic() - self._last > 0.1 or self.done == self.total):
            self._draw()

    def _draw(self) -> None:
        self._last = now = time.monotonic()
        elapsed = now - self.t0
        work = self.done - self.cached
        rate = work / elapsed if elapsed > 0 and work else 0.0
        left = self.total - self.done
        eta = f"{int(left / rate // 60)}m{int(left / rate % 60):02d}s" if rate and left else "--"
        frac = self.done / self.total
        bar = "#" * int(frac * 24)
        extra = ", ".join(x for x in (f"{self.cached} cached" if self.cached else "",
                                      f"{self.failed} failed" if self.failed else "") if x)
        line = (f"{self.label} [{bar:<24}] {self.done}/{self.total} docs  {rate:.2f} doc/s  "
                f"{int(elapsed // 60)}m{int(elapsed % 60):02d}s elapsed  ETA {eta}"
                + (f"  ({extra})" if extra else ""))
        pad = max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + " " * pad)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\n")
            self.stream.flush()
