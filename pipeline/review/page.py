"""The review page: one self-contained HTML file (inline CSS/JS, no network) per output folder.

Every span of the tables is highlighted in its document, one colour per table, nested
where spans overlap; a sortable, filterable panel per table; an events timeline; the last
run's diff; and accept / reject / fix decisions exported as decisions.csv.

Document strings never become markup: all data travels as JSON inside
<script type="application/json"> (with < > & escaped) and the page's script builds the DOM
with textContent / Text nodes only.
"""
from __future__ import annotations

import hashlib
import json
import os
from bisect import bisect_right
from datetime import datetime, timezone
from pathlib import Path

from ..errors import ChronicleError
from . import assets
from .data import (ID_COLUMNS, columns_of, default_raw_dir, diff_counts, load_manifest, load_text, normalize_diff,
                   read_tables, text_sha1)
from .decisions import DEFAULT_DECISIONS_PATH, FROZEN_FIELDS, apply_decisions, read_decisions

# nesting priority: tables inserted first stay whole, later ones are split where they cross
TREE_TABLES = ("mentions", "dates", "quantities", "events", "sentences")
PANEL_TABLES = ("events", "dates", "quantities", "mentions", "sentences")
DISPLAY = {
    "events": ["start_date", "end_date", "event_type", "trigger", "text", "actors", "locations",
               "quantity_ids", "confidence", "start"],
    "dates": ["text", "kind", "value", "start_date", "end_date", "granularity", "mod", "rule", "start"],
    "quantities": ["text", "value_low", "value_high", "unit", "qualifier", "counted", "category", "rule",
                   "start"],
    "mentions": ["text", "label", "canonical", "entity_id", "source", "start"],
    "sentences": ["start", "end", "text", "citations", "kind"],
}
EVENT_TYPES = ["war_start", "war_end", "ceasefire", "agreement", "offensive", "clash", "attack", "blockade",
               "referendum", "declaration", "resolution", "casualties", "displacement", "withdrawal",
               "election", "deployment", "dissolution", "other"]


# ---------------------------------------------------------------- nesting spans into a tree

class _Node:
    __slots__ = ("s", "e", "t", "i", "f", "kids")

    def __init__(self, s, e, t, i, f):
        self.s, self.e, self.t, self.i, self.f, self.kids = s, e, t, i, f, []

    def dump(self):
        out = [self.s, self.e, self.t, self.i, self.f]
        if self.kids:
            out.append([k.dump() for k in self.kids])
        return out


def _insert(kids: list[_Node], s: int, e: int, t: int, i: int, f: int) -> None:
    """Insert [s, e) among non-overlapping sorted siblings; a span crossing one is split there."""
    while s < e:
        j = bisect_right(kids, s, key=lambda k: k.e)          # first sibling ending after s
        m = j
        while m < len(kids) and kids[m].s < e:
            m += 1
        if m == j:                                             # overlaps nothing
            kids.insert(j, _Node(s, e, t, i, f))
            return
        first, last = kids[j], kids[m - 1]
        if first.s <= s and e <= first.e:                      # inside a sibling
            kids = first.kids
            continue
        if first.s < s:                                        # crosses a sibling on the left
            _insert(first.kids, s, first.e, t, i, 1)
            s, f = first.e, 1
            continue
        if last.e > e:                                         # crosses a sibling on the right
            _insert(kids, s, last.s, t, i, 1)
            s, f = last.s, 1
            continue
        node = _Node(s, e, t, i, f)                           # wraps the siblings it covers
        node.kids = kids[j:m]
        kids[j:m] = [node]
        return


def utf16_offsets(text: str) -> list[int] | None:
    """code point index -> UTF-16 index (len(text)+1 entries); None when they are the same."""
    if not any(ord(c) > 0xFFFF for c in text):
        return None
    out, n = [0] * (len(text) + 1), 0
    for k, c in enumerate(text):
        out[k] = n
        n += 2 if ord(c) > 0xFFFF else 1
    out[len(text)] = n
    return out


def span_tree(text_len: int, spans: list[tuple[int, int, int, int]]) -> list:
    """Nested, JSON-ready tree [start, end, table_code, row_index, fragment, [children]] of SPANS.

    SPANS are (start, end, table_code, row_index) in insertion (priority) order.
    """
    root: list[_Node] = []
    for s, e, t, i in spans:
        if 0 <= s < e <= text_len:
            _insert(root, s, e, t, i, 0)
    return [n.dump() for n in root]


# ---------------------------------------------------------------- payload

def _json_value(v):
    if isinstance(v, float) and v != v:
        return None
    return v


def _script_json(obj) -> str:
    """JSON safe inside <script type="application/json">: no </script>, no <!--, no stray & or >."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _doc_title(doc: dict) -> str:
    return (doc.get("title") or "").strip() or str(doc.get("doc_id") or doc.get("source") or "")


def build_payload(out_dir, raw_dir=None, manifest=None, decisions_path=None) -> dict:
    out_dir = Path(out_dir)
    raw_dir = Path(raw_dir) if raw_dir is not None else default_raw_dir(out_dir)
    tables = read_tables(out_dir)
    warnings: list[str] = []
    if not (out_dir / "documents.csv").is_file():
        warnings.append(f"{out_dir} has no documents.csv: is it an extraction output folder?")

    # documents and their texts
    docs, doc_index = [], {}
    for d in tables["documents"]:
        text, w = load_text(d, raw_dir)
        doc_index[str(d.get("doc_id"))] = len(docs)
        docs.append({"doc_id": str(d.get("doc_id")), "source": d.get("source") or "", "title": _doc_title(d),
                     "text": text, "warnings": w, "tree": []})
    # rows of documents missing from documents.csv still show in the panels
    for name in TREE_TABLES:
        for r in tables[name]:
            did = str(r.get("doc_id"))
            if did not in doc_index:
                doc_index[did] = len(docs)
                docs.append({"doc_id": did, "source": "", "title": did, "text": None, "tree": [],
                             "warnings": [f"{did} is not in documents.csv: no text to show"]})

    # the last run's diff
    run, run_path, w = load_manifest(out_dir, manifest)
    warnings += w
    raw_diff = run.get("diff") if isinstance(run, dict) else None
    diff = normalize_diff(raw_diff)
    counts = {t: c for t, c in diff_counts(raw_diff).items() if any(c.values())}

    # decisions already made (the page starts from them and exports them again)
    if decisions_path is None:
        guess = out_dir.absolute().parent / DEFAULT_DECISIONS_PATH
        decisions_path = guess if guess.is_file() else None
    decisions = read_decisions(decisions_path)
    stale_reason = {}
    if decisions:
        _, stale = apply_decisions(tables, decisions)
        stale_reason = {s["line"]: s["reason"] for s in stale if "line" in s}

    payload_tables = {}
    spans_by_doc: dict[int, list] = {}
    n_bad = 0
    for code, name in enumerate(TREE_TABLES):
        rows = tables[name]
        cols = columns_of(name, rows)
        id_col = ID_COLUMNS[name]
        tdiff = diff.get(name, {})
        added, changed = tdiff.get("added", {}), tdiff.get("changed", {})
        keys_of = (lambda r: {str(r.get(id_col)), str(r.get("event_key"))}) if name == "events" else \
            (lambda r: {str(r.get(id_col))})
        t = {"columns": cols, "idCol": id_col, "rows": [], "sha1": [], "doc": [], "diff": [], "diffDetail": [],
             "bad": [], "display": [c for c in DISPLAY[name] if c in cols],
             "editable": [c for c in cols if c not in FROZEN_FIELDS]}
        present = set()
        for i, r in enumerate(rows):
            di = doc_index.get(str(r.get("doc_id")), -1)
            t["rows"].append([_json_value(r.get(c)) for c in cols])
            t["sha1"].append(text_sha1(r))
            t["doc"].append(di)
            keys = keys_of(r)
            present |= keys
            status, detail = "", ""
            for k in keys:
                if k in added:
                    status, detail = "added", added[k] or ""
                elif k in changed and not status:
                    status, detail = "changed", changed[k] or ""
            t["diff"].append(status)
            t["diffDetail"].append(detail)
            bad = ""
            s, e = r.get("start"), r.get("end")
            text = docs[di]["text"] if di >= 0 else None
            if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s <= e):
                bad = "no valid start/end"
            elif text is not None:
                if e > len(text):
                    bad = f"span {s}-{e} beyond the end of the text ({len(text)} characters)"
                else:
                    row_text = r.get("text")
                    if row_text not in (None, "") and text[s:e] != row_text:
                        bad = "text differs from the document at start:end"
                    spans_by_doc.setdefault(di, []).append((s, e, code, i))
            if bad:
                n_bad += 1
            t["bad"].append(bad)
        t["removed"] = []
        for rid, row in tdiff.get("removed", {}).items():
            if rid in present:
                continue
            row = row if isinstance(row, dict) else {}
            doc_id = str(row.get("doc_id") or "")
            if not doc_id and rid.split(":", 1)[0] in doc_index:      # ids are "<doc_id>:..."
                doc_id = rid.split(":", 1)[0]
            t["removed"].append({"id": rid, "doc_id": doc_id,
                                 "row": [_json_value(row.get(c)) if not isinstance(row.get(c), (dict, list))
                                         else json.dumps(row.get(c)) for c in cols]})
        payload_tables[name] = t
    if n_bad:
        warnings.append(f"{n_bad} row(s) whose span does not match the document (marked ⚠ in the panels)")

    for di, spans in spans_by_doc.items():
        text = docs[di]["text"]
        to16 = utf16_offsets(text)
        if to16 is not None:        # the page's JS indexes UTF-16 code units, the tables code points
            spans = [(to16[s], to16[e], t, i) for s, e, t, i in spans]
        docs[di]["tree"] = span_tree(to16[-1] if to16 is not None else len(text), spans)
    for d in docs:
        d["nChars"] = len(d["text"]) if d["text"] is not None else None

    entities = {str(e.get("entity_id")): [e.get("canonical") or "", e.get("label") or "",
                                          e.get("n_mentions")] for e in tables["entities"]}
    present_types = sorted({str(r.get("event_type") or "") for r in tables["events"]} - set(EVENT_TYPES) - {""})
    key_src = "|".join(f"{d['doc_id']}:{d.get('source')}" for d in docs) + "|" + str(out_dir.absolute())
    return {
        "generated": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "outDir": out_dir.absolute().name,
        "storageKey": hashlib.sha1(key_src.encode("utf-8")).hexdigest()[:16],
        "pipelineVersion": next((d.get("pipeline_version") for d in tables["documents"]
                                 if d.get("pipeline_version")), ""),
        "run": {"file": run_path.name if run_path else "", "hasDiff": bool(counts), "counts": counts,
                "started": str((run or {}).get("finished") or (run or {}).get("started") or
                               (run or {}).get("started_at") or "")} if run is not None else None,
        "treeTables": list(TREE_TABLES),
        "panelTables": list(PANEL_TABLES),
        "eventTypes": EVENT_TYPES + present_types,
        "tables": payload_tables,
        "docs": docs,
        "entities": entities,
        "decisions": [dict({c: d.get(c, "") for c in ("table", "row_id", "text_sha1", "decision", "field",
                                                       "new_value", "note", "decided_at")},
                           stale=stale_reason.get(d.get("line"), "")) for d in decisions],
        "decisionsFile": str(decisions_path) if decisions_path else "",
        "warnings": warnings,
    }


def render_html(payload: dict) -> str:
    return (assets.HTML_HEAD + "<style>" + assets.CSS + "</style>\n</head>\n" + assets.HTML_BODY +
            '<script type="application/json" id="review-data">' + _script_json(payload) + "</script>\n"
            "<script>" + assets.JS + "</script>\n</body>\n</html>\n")


def write_review(out_dir: str | os.PathLike, raw_dir: str | os.PathLike | None = None, manifest=None,
                 decisions_path: str | os.PathLike | None = None) -> Path:
    """Write OUT_DIR/review.html and return its path.

    raw_dir: where documents.csv `source` paths point (default: the `raw` folder beside OUT_DIR).
    manifest: the run record whose "diff" is marked, as a dict or a JSON path (default: the
    newest OUT_DIR/runs/*.json, if any). decisions_path: earlier decisions the page starts
    from (default: review/decisions.csv beside OUT_DIR, if it exists).
    """
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ChronicleError(f"{out_dir} is not a folder of extracted tables: run `chronicle extract` first")
    payload = build_payload(out_dir, raw_dir, manifest, decisions_path)
    html = render_html(payload)
    path = out_dir / "review.html"
    tmp = path.with_name(".review.html.tmp")
    try:
        tmp.write_text(html, encoding="utf-8", newline="\n")
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise ChronicleError(f"cannot write {path}: {e.strerror or e}")
    return path


__all__ = ["write_review", "build_payload", "render_html", "span_tree"]
