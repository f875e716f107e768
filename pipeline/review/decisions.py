"""Reviewer decisions: accept, reject or fix single rows, and carry them across runs.

The decisions file (by convention `review/decisions.csv` in the project) has the columns
DECISION_COLUMNS. A decision names a row by its stable id (date_id, quantity_id,
mention_id, event_id, sentence_id) and by the sha1 of the row's `text`, so a decision
made on one run is applied to the same row of a later run, and is reported as stale
once that row is gone or its text changed. The review page exports this format.
"""
from __future__ import annotations

import csv
import io
import os
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ChronicleError
from ..tables import INJECT, NUMERIC
from .data import ID_COLUMNS, parse_number, text_sha1, unguard

DECISION_COLUMNS = ["table", "row_id", "text_sha1", "decision", "field", "new_value", "note", "decided_at"]
DECISIONS = ("accept", "reject", "fix")
REVIEWABLE = ("sentences", "mentions", "dates", "quantities", "events")
DEFAULT_DECISIONS_PATH = Path("review") / "decisions.csv"
STATUS = {"accept": "accepted", "reject": "rejected", "fix": "fixed"}
# a fix may not rewrite what identifies the row
FROZEN_FIELDS = {"doc_id"} | set(ID_COLUMNS.values())


def read_decisions(path: str | os.PathLike | None) -> list[dict]:
    """The decisions in file order; [] when PATH is None or absent."""
    if path is None or not Path(path).is_file():
        return []
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in ("table", "row_id", "decision") if c not in (reader.fieldnames or [])]
            if missing:
                raise ChronicleError(f"{path} is not a decisions file: no column {', '.join(missing)} "
                                     f"(expected {','.join(DECISION_COLUMNS)})")
            rows = []
            for r in reader:
                d = {c: unguard((r.get(c) or "")) if c in ("new_value", "note") else (r.get(c) or "").strip()
                     for c in DECISION_COLUMNS}
                d["decision"] = d["decision"].lower()
                d["line"] = reader.line_num
                rows.append(d)
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ChronicleError(f"cannot read decisions file {path}: {e}")


def decisions_csv(decisions: list[dict]) -> str:
    """CSV text for DECISIONS (the page's export format)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(DECISION_COLUMNS)
    for d in decisions:
        cells = []
        for c in DECISION_COLUMNS:
            v = d.get(c)
            v = "" if v is None else str(v)
            numeric_value = c == "new_value" and d.get("field") in NUMERIC
            if c in ("new_value", "note") and not numeric_value and v.startswith(INJECT):
                v = "'" + v
            cells.append(v)
        w.writerow(cells)
    return buf.getvalue()


def write_decisions(path: str | os.PathLike, decisions: list[dict]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(decisions_csv(decisions), encoding="utf-8", newline="")
    os.replace(tmp, path)
    return path


def import_decisions(exported: str | os.PathLike, decisions_path: str | os.PathLike = DEFAULT_DECISIONS_PATH,
                     replace: bool = True) -> int:
    """Take a decisions.csv downloaded from the review page into DECISIONS_PATH.

    The page exports every decision it knows (those it was given plus the new ones), so by
    default the export replaces the file; replace=False appends the decisions that are not
    there yet. Returns how many decisions the file holds afterwards.
    """
    new = read_decisions(exported)
    if replace:
        merged = new
    else:
        merged = read_decisions(decisions_path)
        seen = {tuple(d[c] for c in DECISION_COLUMNS) for d in merged}
        merged += [d for d in new if tuple(d[c] for c in DECISION_COLUMNS) not in seen]
    write_decisions(decisions_path, merged)
    return len(merged)


def make_decision(table: str, row: dict, decision: str, field: str = "", new_value="", note: str = "",
                  decided_at: str | None = None) -> dict:
    """A decision for ROW (a row dict of TABLE), keyed the way apply_decisions expects."""
    return {"table": table, "row_id": str(row[ID_COLUMNS[table]]), "text_sha1": text_sha1(row),
            "decision": decision, "field": field, "new_value": "" if new_value is None else str(new_value),
            "note": note,
            "decided_at": decided_at or datetime.now(timezone.utc).isoformat(timespec="seconds")}


def coerce(field: str, value: str):
    """A fixed value as the python value the table holds (numbers for numeric columns)."""
    if field in NUMERIC:
        value = value.strip()
        return None if value == "" else parse_number(value)
    return value


def _stale(d: dict, reason: str) -> dict:
    out = {k: v for k, v in d.items()}
    out["reason"] = reason
    return out


def apply_decisions(tables: dict[str, list[dict]], decisions_path) -> tuple[dict[str, list[dict]], list[dict]]:
    """Apply the decisions file to TABLES; returns (new tables, stale decisions).

    - accept -> review_status "accepted"; reject -> review_status "rejected" (the row stays);
      fix -> row[field] = new_value (numbers for numeric columns), the old value kept in
      row["original_<field>"] (the first original, however many fixes follow); a row with
      fixes but no accept/reject gets review_status "fixed".
    - Decisions apply in order of decided_at (then file order); the last accept/reject wins.
    - A decision whose row id is gone, or whose text_sha1 differs from the sha1 of the row's
      `text`, is not applied and is returned in `stale` with a "reason" (as are decisions
      that cannot be applied at all: unknown table or decision, a fix without field).
      An empty text_sha1 (hand-written decision) matches on the id alone.

    TABLES is not modified: decided rows are copied. DECISIONS_PATH may be None or absent.
    """
    decisions = decisions_path if isinstance(decisions_path, list) else read_decisions(decisions_path)
    out = {name: list(rows) for name, rows in tables.items()}
    stale: list[dict] = []
    if not decisions:
        return out, stale
    index: dict[str, dict[str, int]] = {}
    copied: set[tuple[str, int]] = set()
    status: dict[tuple[str, int], str] = {}
    order = sorted(range(len(decisions)), key=lambda i: (decisions[i].get("decided_at") or "", i))
    for i in order:
        d = decisions[i]
        table, row_id, kind = d.get("table", ""), str(d.get("row_id", "")), (d.get("decision") or "").lower()
        if table not in ID_COLUMNS or table not in out:
            stale.append(_stale(d, f"unknown table {table!r}"))
            continue
        if kind not in DECISIONS:
            stale.append(_stale(d, f"unknown decision {kind!r} (accept, reject or fix)"))
            continue
        field = (d.get("field") or "").strip()
        if kind == "fix" and not field:
            stale.append(_stale(d, "fix without a field"))
            continue
        if kind == "fix" and field in FROZEN_FIELDS:
            stale.append(_stale(d, f"field {field!r} identifies the row and cannot be fixed"))
            continue
        if table not in index:
            id_col = ID_COLUMNS[table]
            index[table] = {str(r.get(id_col)): n for n, r in enumerate(out[table])}
        n = index[table].get(row_id)
        if n is None:
            stale.append(_stale(d, f"row {row_id} no longer exists in {table}"))
            continue
        row = out[table][n]
        want = (d.get("text_sha1") or "").strip().lower()
        if want and want != text_sha1(tables[table][n]):       # the text as extracted, before any fix
            stale.append(_stale(d, f"text of {row_id} changed since the decision (sha1 differs)"))
            continue
        if (table, n) not in copied:
            row = dict(row)
            out[table][n] = row
            copied.add((table, n))
        if kind == "fix":
            orig = "original_" + field
            if orig not in row:
                row[orig] = row.get(field)
            row[field] = coerce(field, d.get("new_value") or "")
            status.setdefault((table, n), "fixed")
        else:
            status[(table, n)] = STATUS[kind]
    for (table, n), st in status.items():
        out[table][n]["review_status"] = st
    return out, stale


def decisions_path(out_dir) -> Path:
    """Where a run reads review decisions: CHRONICLE_DECISIONS, else review/decisions.csv beside OUT_DIR."""
    import os
    env = os.environ.get("CHRONICLE_DECISIONS")
    return Path(env) if env else Path(out_dir).absolute().parent / DEFAULT_DECISIONS_PATH
