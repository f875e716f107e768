"""Reading an output folder back: typed rows, document texts and the last run's diff."""
from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

from ..tables import COLUMNS, INJECT, NUMERIC, TABLE_NAMES

# the stable row id of each table (what decisions and run diffs are keyed by)
ID_COLUMNS = {"documents": "doc_id", "sentences": "sentence_id", "mentions": "mention_id",
              "entities": "entity_id", "dates": "date_id", "quantities": "quantity_id",
              "events": "event_id"}
SPAN_TABLES = ("mentions", "dates", "quantities", "events")       # highlighted in the text
DIFF_KINDS = ("added", "removed", "changed")


def unguard(s: str) -> str:
    """Undo the spreadsheet-injection guard of pipeline.tables.format_cell (one leading ')."""
    if len(s) > 1 and s[0] == "'" and s[1:].startswith(INJECT):
        return s[1:]
    return s


def parse_number(s: str):
    try:
        return int(s)
    except ValueError:
        pass
    try:
        f = float(s)
    except ValueError:
        return s                  # not a number after all: keep what the file says
    return int(f) if f.is_integer() and abs(f) < 1e18 and "e" not in s.lower() and "." not in s else f


def parse_cell(col: str, s: str | None):
    if s is None:
        return None
    if col in NUMERIC:
        s = s.strip()
        return None if s == "" else parse_number(s)
    return unguard(s)


def read_table(out_dir: str | os.PathLike, name: str) -> list[dict]:
    """Rows of OUT_DIR/NAME.csv as dicts of python values; [] when the file is absent or empty."""
    path = Path(out_dir) / f"{name}.csv"
    if not path.is_file():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return [{k: parse_cell(k, v) for k, v in row.items() if k is not None} for row in reader]


def read_tables(out_dir: str | os.PathLike) -> dict[str, list[dict]]:
    return {name: read_table(out_dir, name) for name in TABLE_NAMES}


def columns_of(name: str, rows: list[dict]) -> list[str]:
    """The table's known columns first, then any extra ones the rows carry."""
    cols = list(COLUMNS.get(name, []))
    seen = set(cols)
    for r in rows:
        for k in r:
            if k not in seen:
                seen.add(k)
                cols.append(k)
    return cols


def text_sha1(row: dict) -> str:
    """sha1 (hex) of the row's `text` (UTF-8), the guard quote of the CSV form removed."""
    text = row.get("text")
    text = "" if text is None else unguard(str(text))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def default_raw_dir(out_dir: str | os.PathLike) -> Path:
    return Path(out_dir).absolute().parent / "raw"


def load_text(doc: dict, raw_dir: str | os.PathLike) -> tuple[str | None, list[str]]:
    """The document's text exactly as the offsets index it, plus warnings."""
    warnings: list[str] = []
    source = doc.get("source") or ""
    raw_dir = Path(raw_dir).absolute()
    path = (raw_dir / source).resolve()
    if not source or (raw_dir.resolve() not in path.parents and path != raw_dir.resolve()):
        return None, [f"source {source!r} is not a file inside {raw_dir}"]
    try:
        data = path.read_bytes()
    except OSError as e:
        return None, [f"cannot read {path}: {e.strerror or e}"]
    sha = doc.get("sha256") or ""
    if sha and hashlib.sha256(data).hexdigest() != sha:
        warnings.append(f"{source} changed since extraction (sha256 differs): spans may be off")
    encoding = (doc.get("encoding") or "utf-8").strip() or "utf-8"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError) as e:
        warnings.append(f"cannot decode {source} as {encoding}: {e}; shown with replacement characters")
        text = data.decode("utf-8", errors="replace")
    return text, warnings


# ---------------------------------------------------------------- run manifests and their diff

def latest_manifest_path(out_dir: str | os.PathLike) -> Path | None:
    """The newest run record OUT_DIR/runs/<run-id>.json (run ids sort by time)."""
    runs = Path(out_dir) / "runs"
    if not runs.is_dir():
        return None
    files = [p for p in runs.glob("*.json") if p.is_file() and not p.name.startswith(".")]
    if not files:
        return None
    return max(files, key=lambda p: p.name)       # run ids start with a UTC timestamp (pipeline.runs)


def load_manifest(out_dir: str | os.PathLike, manifest=None) -> tuple[dict | None, Path | None, list[str]]:
    """The run record: MANIFEST (a dict or a path) or else the newest OUT_DIR/runs/*.json."""
    if isinstance(manifest, dict):
        return manifest, None, []
    path = Path(manifest) if manifest is not None else latest_manifest_path(out_dir)
    if path is None:
        return None, None, []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return None, path, [f"cannot read run record {path.name}: {e}"]
    if not isinstance(data, dict):
        return None, path, [f"run record {path.name} is not a JSON object"]
    return data, path, []


def _item_id(table: str, item, key_cols) -> str | None:
    if isinstance(item, (str, int)):
        return str(item)
    if not isinstance(item, dict):
        return None
    for k in (*key_cols, "row_id", "id", "key"):
        if item.get(k) not in (None, ""):
            return str(item[k])
    for sub in ("after", "new", "row", "before", "old"):
        if isinstance(item.get(sub), dict):
            found = _item_id(table, item[sub], key_cols)
            if found:
                return found
    return None


def _item_detail(item) -> str:
    """A short human description of what changed, from whatever the diff item carries."""
    if not isinstance(item, dict):
        return ""
    for k in ("fields", "changes", "changed"):
        v = item.get(k)
        if isinstance(v, dict):
            parts = []
            for col, change in v.items():
                if isinstance(change, (list, tuple)) and len(change) == 2:
                    parts.append(f"{col}: {change[0]!s} → {change[1]!s}")
                elif isinstance(change, dict) and ({"old", "new"} <= set(change) or {"before", "after"} <= set(change)):
                    old = change.get("old", change.get("before"))
                    new = change.get("new", change.get("after"))
                    parts.append(f"{col}: {old!s} → {new!s}")
                else:
                    parts.append(f"{col}: {change!s}")
            return "; ".join(parts)
        if isinstance(v, (list, tuple)):
            return "changed: " + ", ".join(map(str, v))
    before = item.get("before", item.get("old"))
    after = item.get("after", item.get("new"))
    if isinstance(before, dict) and isinstance(after, dict):
        return "; ".join(f"{k}: {before.get(k)!s} → {after.get(k)!s}"
                         for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k))
    return ""


def _removed_row(item) -> dict | None:
    if not isinstance(item, dict):
        return None
    for sub in ("before", "old", "row"):
        if isinstance(item.get(sub), dict):
            return item[sub]
    return item


def normalize_diff(diff) -> dict[str, dict[str, dict[str, object]]]:
    """{table: {"added": {id: detail}, "changed": {id: detail}, "removed": {id: row|None}}}.

    Tolerates the shapes a diff can reasonably take: {table: {kind: [items]}},
    {kind: {table: [items]}} or {table: [items with "status"/"change"]}; items are row ids,
    rows, or {"id"/"key", "before", "after", "fields"}. Counts-only diffs give no marks.
    """
    out: dict[str, dict[str, dict]] = {}
    if not isinstance(diff, dict):
        return out

    def add(table, kind, items):
        if kind not in DIFF_KINDS or not isinstance(items, (list, tuple, dict)):
            return
        if isinstance(items, dict):            # {id: detail}
            items = [dict(v, id=k) if isinstance(v, dict) else k for k, v in items.items()]
        key_cols = (ID_COLUMNS.get(table, "id"), "event_key")
        bucket = out.setdefault(table, {k: {} for k in DIFF_KINDS})[kind]
        for item in items:
            rid = _item_id(table, item, key_cols)
            if rid is None:
                continue
            bucket[rid] = _removed_row(item) if kind == "removed" else _item_detail(item)

    if any(k in diff for k in DIFF_KINDS) and all(isinstance(diff.get(k), dict) for k in DIFF_KINDS if k in diff):
        for kind in DIFF_KINDS:
            for table, items in (diff.get(kind) or {}).items():
                add(table, kind, items)
        return out
    for table, spec in diff.items():
        if isinstance(spec, dict):
            ids = spec.get("ids") if isinstance(spec.get("ids"), dict) else {}
            for kind in DIFF_KINDS:
                add(table, kind, spec.get(kind))
                add(table, kind, ids.get(kind))          # pipeline.runs: counts + {"ids": {kind: [ids]}}
        elif isinstance(spec, list):
            for item in spec:
                if isinstance(item, dict):
                    kind = item.get("status") or item.get("change") or item.get("kind") or item.get("op")
                    add(table, kind, [item])
    return out


def diff_counts(diff) -> dict[str, dict[str, int]]:
    """{table: {kind: n}} from a diff, whether it lists rows or only counts them."""
    out: dict[str, dict[str, int]] = {}
    if not isinstance(diff, dict):
        return out
    by_kind = any(k in diff for k in DIFF_KINDS) and all(isinstance(diff.get(k), dict) for k in DIFF_KINDS if k in diff)
    pairs = ([(t, k, v) for k in DIFF_KINDS for t, v in (diff.get(k) or {}).items()] if by_kind else
             [(t, k, spec.get(k)) for t, spec in diff.items() if isinstance(spec, dict) for k in DIFF_KINDS])
    for table, kind, v in pairs:
        n = v if isinstance(v, int) and not isinstance(v, bool) else len(v) if isinstance(v, (list, dict)) else 0
        out.setdefault(table, {k: 0 for k in DIFF_KINDS})[kind] += n
    for table, rows in normalize_diff(diff).items():        # {table: [items with "status"]}
        if table not in out:
            out[table] = {k: len(v) for k, v in rows.items()}
    return out
