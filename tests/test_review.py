"""Review decisions, the review page's data (no browser) and the terminal summary."""
from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.review.data import diff_counts, normalize_diff, read_tables, text_sha1
from pipeline.review.decisions import (DECISION_COLUMNS, apply_decisions, import_decisions,
                                       make_decision, read_decisions, write_decisions)
from pipeline.review.page import build_payload, span_tree, write_review
from pipeline.review.summary import summary_text
from review_fixture import TEXT, build_output

REPO = Path(__file__).resolve().parents[1]


def sha1(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def small_tables():
    return {
        "quantities": [
            {"doc_id": "d", "quantity_id": "d:q10-15", "start": 10, "end": 15, "text": "6,500",
             "value_low": 6500, "value_high": 6500, "unit": "count", "category": "casualties"},
            {"doc_id": "d", "quantity_id": "d:q30-33", "start": 30, "end": 33, "text": "90%",
             "value_low": 90, "value_high": 90, "unit": "percent", "category": "percent"},
        ],
        "dates": [
            {"doc_id": "d", "date_id": "d:d0-4", "start": 0, "end": 4, "text": "1988", "value": "1988",
             "start_date": "1988-01-01", "end_date": "1988-12-31"},
        ],
        "events": [
            {"doc_id": "d", "event_id": "d:e0-40-war_start", "start": 0, "end": 40, "event_type": "war_start",
             "text": "In 1988 the war began", "start_date": "1988-01-01"},
        ],
        "mentions": [
            {"doc_id": "d", "mention_id": "d:m20-27", "start": 20, "end": 27, "text": "Armenia",
             "entity_id": "armenia", "label": "GPE"},
        ],
        "sentences": [],
    }


def write(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=DECISION_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in DECISION_COLUMNS})
    return path


def dec(table, row_id, text, decision, field="", new_value="", note="", at="2025-01-01T00:00:00Z"):
    return {"table": table, "row_id": row_id, "text_sha1": sha1(text) if text is not None else "",
            "decision": decision, "field": field, "new_value": new_value, "note": note, "decided_at": at}


# ------------------------------------------------------------------ apply_decisions

def test_reject_keeps_the_row_and_marks_it(tmp_path):
    tables = small_tables()
    path = write(tmp_path / "decisions.csv", [dec("quantities", "d:q30-33", "90%", "reject", note="not a figure")])
    out, stale = apply_decisions(tables, path)
    assert stale == []
    assert len(out["quantities"]) == 2                      # rejected rows are not deleted
    row = next(r for r in out["quantities"] if r["quantity_id"] == "d:q30-33")
    assert row["review_status"] == "rejected"
    assert "review_status" not in out["quantities"][0]
    assert "review_status" not in tables["quantities"][1]   # the input tables are not modified


def test_accept_marks_accepted(tmp_path):
    path = write(tmp_path / "d.csv", [dec("events", "d:e0-40-war_start", "In 1988 the war began", "accept")])
    out, stale = apply_decisions(small_tables(), path)
    assert stale == [] and out["events"][0]["review_status"] == "accepted"


def test_fix_overrides_value_and_keeps_original(tmp_path):
    path = write(tmp_path / "d.csv", [
        dec("quantities", "d:q10-15", "6,500", "fix", "value_high", "7000", "source says 7,000", at="2025-01-01"),
        dec("quantities", "d:q10-15", "6,500", "fix", "value_high", "7500", "", at="2025-01-02"),
        dec("dates", "d:d0-4", "1988", "fix", "end_date", "1988-06-30", ""),
    ])
    out, stale = apply_decisions(small_tables(), path)
    assert stale == []
    q = out["quantities"][0]
    assert q["value_high"] == 7500 and isinstance(q["value_high"], int)   # numbers stay numbers
    assert q["original_value_high"] == 6500                               # the extracted value, not the 1st fix
    assert q["value_low"] == 6500 and q["review_status"] == "fixed"
    d = out["dates"][0]
    assert d["end_date"] == "1988-06-30" and d["original_end_date"] == "1988-12-31"


def test_last_accept_or_reject_wins_and_fix_does_not_hide_it(tmp_path):
    path = write(tmp_path / "d.csv", [
        dec("mentions", "d:m20-27", "Armenia", "reject", at="2025-01-03"),
        dec("mentions", "d:m20-27", "Armenia", "accept", at="2025-01-01"),
        dec("mentions", "d:m20-27", "Armenia", "fix", "label", "ORG", at="2025-01-04"),
    ])
    out, stale = apply_decisions(small_tables(), path)
    m = out["mentions"][0]
    assert stale == [] and m["review_status"] == "rejected" and m["label"] == "ORG" and m["original_label"] == "GPE"


def test_stale_when_text_changes(tmp_path):
    path = write(tmp_path / "d.csv", [dec("quantities", "d:q10-15", "6,600", "reject")])
    tables = small_tables()
    out, stale = apply_decisions(tables, path)
    assert len(stale) == 1 and "changed" in stale[0]["reason"] and stale[0]["row_id"] == "d:q10-15"
    assert "review_status" not in out["quantities"][0]


def test_stale_when_row_disappears(tmp_path):
    path = write(tmp_path / "d.csv", [dec("dates", "d:d99-103", "1994", "accept"),
                                      dec("events", "d:e0-40-war_start", "In 1988 the war began", "accept")])
    out, stale = apply_decisions(small_tables(), path)
    assert [s["row_id"] for s in stale] == ["d:d99-103"]
    assert "no longer exists" in stale[0]["reason"]
    assert out["events"][0]["review_status"] == "accepted"


def test_events_are_keyed_by_their_text_column(tmp_path):
    path = write(tmp_path / "d.csv", [dec("events", "d:e0-40-war_start", "In 1989 the war began", "accept")])
    _, stale = apply_decisions(small_tables(), path)
    assert len(stale) == 1


def test_unusable_decisions_are_reported(tmp_path):
    path = write(tmp_path / "d.csv", [dec("people", "x", "x", "accept"), dec("dates", "d:d0-4", "1988", "maybe"),
                                      dec("dates", "d:d0-4", "1988", "fix"),
                                      dec("dates", "d:d0-4", "1988", "fix", "date_id", "d:d1-5")])
    out, stale = apply_decisions(small_tables(), path)
    assert len(stale) == 4 and all(s["reason"] for s in stale)
    assert out["dates"][0]["date_id"] == "d:d0-4"


def test_no_decisions_file_changes_nothing(tmp_path):
    tables = small_tables()
    out, stale = apply_decisions(tables, tmp_path / "missing.csv")
    assert stale == [] and out == tables
    out, stale = apply_decisions(tables, None)
    assert stale == [] and out == tables


def test_a_file_that_is_not_a_decisions_file_is_a_clear_error(tmp_path):
    from pipeline.errors import ChronicleError
    bad = tmp_path / "d.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ChronicleError, match="not a decisions file"):
        apply_decisions(small_tables(), bad)


def test_empty_hash_matches_on_id_alone(tmp_path):
    path = write(tmp_path / "d.csv", [dec("dates", "d:d0-4", None, "accept")])
    out, stale = apply_decisions(small_tables(), path)
    assert stale == [] and out["dates"][0]["review_status"] == "accepted"


def test_decisions_file_round_trip_and_spreadsheet_guard(tmp_path):
    rows = small_tables()
    d1 = make_decision("quantities", rows["quantities"][0], "fix", "value_low", -5, note="=HYPERLINK(x)")
    d2 = make_decision("mentions", rows["mentions"][0], "fix", "label", "@ORG", note="+1")
    path = write_decisions(tmp_path / "review" / "decisions.csv", [d1, d2])
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == ",".join(DECISION_COLUMNS)
    assert "'=HYPERLINK" in text and ",-5," in text and "'@ORG" in text   # numbers are not guarded
    back = read_decisions(path)
    assert back[0]["note"] == "=HYPERLINK(x)" and back[0]["new_value"] == "-5" and back[1]["new_value"] == "@ORG"
    out, stale = apply_decisions(rows, path)
    assert stale == [] and out["quantities"][0]["value_low"] == -5 and out["mentions"][0]["label"] == "@ORG"
    # a text written with the CSV guard quote hashes like the text itself
    assert text_sha1({"text": "'=x"}) == text_sha1({"text": "=x"}) == sha1("=x")


def test_import_decisions_replaces_or_appends(tmp_path):
    rows = small_tables()
    target = tmp_path / "review" / "decisions.csv"
    a = write_decisions(tmp_path / "a.csv", [make_decision("dates", rows["dates"][0], "accept", decided_at="1")])
    b = write_decisions(tmp_path / "b.csv", [make_decision("mentions", rows["mentions"][0], "reject", decided_at="2")])
    assert import_decisions(a, target) == 1
    assert import_decisions(b, target, replace=False) == 2
    assert import_decisions(b, target, replace=False) == 2
    assert import_decisions(b, target) == 1


# ------------------------------------------------------------------ page data

def test_span_tree_nests_and_splits_crossing_spans():
    spans = [(4, 8, 0, 0),      # mention
             (4, 8, 1, 0),      # date with the same span: nested, not lost
             (0, 20, 3, 0),     # event containing both
             (6, 12, 2, 0),     # quantity crossing the mention: split at 8
             (15, 30, 4, 0)]    # sentence crossing the event's end: split at 20
    tree = span_tree(40, spans)

    def flat(nodes, depth=0):
        for n in nodes:
            yield (n[0], n[1], n[2], n[4], depth)
            yield from flat(n[5] if len(n) > 5 else [], depth + 1)
    got = sorted(flat(tree))
    assert (0, 20, 3, 0, 0) in got                                  # event whole, outermost
    assert (4, 8, 0, 0, 1) in got and (4, 8, 1, 0, 2) in got        # identical spans nest
    assert (6, 8, 2, 1, 3) in got and (8, 12, 2, 1, 1) in got       # crossing quantity split in two fragments
    assert (15, 20, 4, 1, 1) in got and (20, 30, 4, 1, 0) in got


def test_span_tree_drops_spans_outside_the_text():
    assert span_tree(5, [(3, 9, 0, 0), (2, 2, 0, 1), (-1, 2, 0, 2)]) == []


def test_normalize_diff_shapes():
    a = normalize_diff({"events": {"added": ["e1"], "changed": [{"event_id": "e2", "fields": {"x": [1, 2]}}],
                                   "removed": [{"event_id": "e3", "text": "t"}]}})
    assert a["events"]["added"] == {"e1": ""} and "x: 1 → 2" in a["events"]["changed"]["e2"]
    assert a["events"]["removed"]["e3"]["text"] == "t"
    b = normalize_diff({"added": {"dates": [{"date_id": "d1"}]}, "removed": {"dates": ["d2"]}})
    assert set(b["dates"]["added"]) == {"d1"} and set(b["dates"]["removed"]) == {"d2"}
    c = normalize_diff({"mentions": [{"status": "changed", "id": "m1", "before": {"label": "GPE"},
                                      "after": {"label": "ORG"}}]})
    assert "label: GPE → ORG" in c["mentions"]["changed"]["m1"]
    d = normalize_diff({"events": {"added": 1, "removed": 0, "changed": 2, "by_document": {"x": {"added": 1}},
                                   "ids": {"added": ["e1"], "changed": ["e2", "e3"]}}})     # pipeline.runs
    assert set(d["events"]["added"]) == {"e1"} and set(d["events"]["changed"]) == {"e2", "e3"}
    assert diff_counts({"events": {"added": 1, "removed": 0, "changed": 2, "ids": {"added": ["e1"]}}})["events"] \
        == {"added": 1, "removed": 0, "changed": 2}
    assert normalize_diff(None) == {} and normalize_diff({"events": {"added": 3}}) == {}
    assert diff_counts({"events": {"added": 3, "removed": ["x"]}})["events"] == {"added": 3, "removed": 1, "changed": 0}
    assert diff_counts({"added": {"dates": ["a", "b"]}})["dates"]["added"] == 2
    assert diff_counts(None) == {}


def test_payload_marks_diff_and_escapes_everything(tmp_path):
    out, tables = build_output(tmp_path)
    path = write_review(out)
    assert path == out / "review.html"
    html = path.read_text(encoding="utf-8")
    # one JSON data block and one script; no document string is ever markup
    assert html.count("<script") == 2
    assert "<script>window.__pwned" not in html and "<img src=x" not in html and "<b>gone" not in html
    assert "\\u003cscript>" not in html and "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e" in html
    # self-contained: nothing fetched from the network
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "connect-src 'none'" in html
    data = json.loads(re.search(r'<script type="application/json" id="review-data">(.*?)</script>', html, re.S)
                      .group(1))
    assert data["docs"][0]["text"] == TEXT
    ev = data["tables"]["events"]
    ids = [r[ev["columns"].index("event_id")] for r in ev["rows"]]
    status = dict(zip(ids, ev["diff"]))
    assert status[tables["events"][1]["event_id"]] == "added"
    assert status[tables["events"][0]["event_id"]] == "changed"
    assert [r["id"] for r in ev["removed"]] == ["border-war:e999-1000-<b>gone</b>"]
    assert data["run"]["counts"]["events"] == {"added": 1, "removed": 1, "changed": 1}
    assert all(b == "" for t in data["tables"].values() for b in t["bad"])
    # the sha1 the page exports is the one apply_decisions checks
    q = data["tables"]["quantities"]
    assert q["sha1"][0] == text_sha1(tables["quantities"][0])


def test_review_tolerates_empty_tables_no_runs_and_missing_raw(tmp_path):
    out, _ = build_output(tmp_path, with_diff=False)
    for name in ("events", "quantities"):
        (out / f"{name}.csv").write_text("doc_id\n", encoding="utf-8")
    (out / "entities.csv").unlink()
    path = write_review(out)
    data = build_payload(out)
    assert path.is_file() and data["run"] is None
    assert data["tables"]["events"]["rows"] == [] and data["tables"]["quantities"]["rows"] == []
    (tmp_path / "raw" / "border-war.txt").unlink()
    data = build_payload(out)
    assert data["docs"][0]["text"] is None and "cannot read" in data["docs"][0]["warnings"][0]
    write_review(out)


def test_review_of_a_missing_folder_is_a_clear_error(tmp_path):
    from pipeline.errors import ChronicleError
    with pytest.raises(ChronicleError, match="chronicle extract"):
        write_review(tmp_path / "nope")


def test_review_uses_encoding_and_raw_dir(tmp_path):
    out, tables = build_output(tmp_path, with_diff=False)
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "border-war.txt").write_bytes(TEXT.encode("utf-16"))
    docs = (out / "documents.csv").read_text(encoding="utf-8").replace(",utf-8,", ",utf-16,")
    (out / "documents.csv").write_text(docs, encoding="utf-8")
    data = build_payload(out, raw_dir=other)
    assert data["docs"][0]["text"] == TEXT
    assert any("sha256 differs" in w for w in data["docs"][0]["warnings"])


def test_page_starts_from_existing_decisions_and_reports_stale(tmp_path):
    out, tables = build_output(tmp_path, with_diff=False)
    q = tables["quantities"][0]
    write_decisions(tmp_path / "review" / "decisions.csv", [
        make_decision("quantities", q, "accept"),
        dict(make_decision("dates", tables["dates"][0], "reject"), text_sha1=sha1("another text"))])
    data = build_payload(out)          # review/decisions.csv beside the output folder
    assert len(data["decisions"]) == 2
    assert data["decisions"][0]["stale"] == "" and "changed" in data["decisions"][1]["stale"]


def test_real_output_folder_renders(tmp_path):
    src = REPO / "extracted"
    assert (src / "documents.csv").is_file(), "the repository's extracted/ folder is missing"
    out = tmp_path / "extracted"
    shutil.copytree(src, out, ignore=shutil.ignore_patterns("review.html", ".*"))
    path = write_review(out, raw_dir=REPO / "raw")
    data = build_payload(out, raw_dir=REPO / "raw")
    assert path.stat().st_size > 0
    n_rows = sum(len(t["rows"]) for t in data["tables"].values())
    assert n_rows == sum(len(v) for k, v in read_tables(out).items() if k in data["tables"])
    assert all(d["text"] is not None for d in data["docs"])


# ------------------------------------------------------------------ summary

def test_summary_text(tmp_path):
    out, _ = build_output(tmp_path)
    text = summary_text(out)
    assert "border-war" in text and "Top entities" in text
    assert re.search(r"border-war\s+6\s+3\s+3\s+1\s+4", text)          # sentences mentions dates quantities events
    assert re.search(r"2020\s+3\s+#+", text) and "undated: 1" in text
    assert "6,500" in text and "soldiers killed" in text


def test_summary_of_empty_folder(tmp_path):
    assert "no tables" in summary_text(tmp_path)
    out, _ = build_output(tmp_path, with_diff=False)
    for name in ("events", "quantities"):
        (out / f"{name}.csv").write_text("doc_id\n", encoding="utf-8")
    text = summary_text(out)
    assert "(no dated events)" in text and "(no casualty figures)" in text
