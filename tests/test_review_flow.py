"""Review decisions survive re-extraction through the real Prefect flow; stale ones are reported."""
import csv
import hashlib
import json

from pipeline import runs
from pipeline.review.decisions import DECISION_COLUMNS

TEXT = "On 10 November 2020 a ceasefire ended the war. About 6,500 people were killed.\n"


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_decisions(path, decisions):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=DECISION_COLUMNS)
        w.writeheader()
        for d in decisions:
            w.writerow({c: d.get(c, "") for c in DECISION_COLUMNS})


def test_reject_and_fix_survive_and_edits_make_decisions_stale(prefect_harness, tmp_path):
    from flows.extract import extract
    raw, out = tmp_path / "raw", tmp_path / "extracted"
    raw.mkdir()
    (raw / "note.txt").write_text(TEXT, encoding="utf-8")
    extract(raw_dir=str(raw), out_dir=str(out))
    qty = next(r for r in rows(out / "quantities.csv") if r["text"] == "About 6,500")
    date = next(r for r in rows(out / "dates.csv") if r["text"] == "10 November 2020")
    sha = lambda t: hashlib.sha1(t.encode("utf-8")).hexdigest()
    write_decisions(tmp_path / "review" / "decisions.csv", [
        {"table": "dates", "row_id": date["date_id"], "text_sha1": sha(date["text"]), "decision": "reject",
         "note": "not the ceasefire date", "decided_at": "2026-11-25T10:00:00"},
        {"table": "quantities", "row_id": qty["quantity_id"], "text_sha1": sha(qty["text"]), "decision": "fix",
         "field": "counted", "new_value": "people killed in the war", "decided_at": "2026-11-25T10:01:00"}])

    extract(raw_dir=str(raw), out_dir=str(out))             # re-extraction: decisions applied
    again_date = next(r for r in rows(out / "dates.csv") if r["date_id"] == date["date_id"])
    assert again_date["review_status"] == "rejected"         # flagged, not deleted
    again_qty = next(r for r in rows(out / "quantities.csv") if r["quantity_id"] == qty["quantity_id"])
    assert again_qty["counted"] == "people killed in the war"
    assert again_qty["original_counted"] == qty["counted"]
    assert runs.latest_manifest(out)["stale_decisions"] == []

    # the raw text under the decided spans changes: both decisions are now stale, and the manifest says so
    (raw / "note.txt").write_text(TEXT.replace("10 November 2020", "11 November 2020").replace("6,500", "7,500"),
                                  encoding="utf-8")
    extract(raw_dir=str(raw), out_dir=str(out))
    stale = runs.latest_manifest(out)["stale_decisions"]
    assert {s["row_id"] for s in stale} == {date["date_id"], qty["quantity_id"]}
    assert all(s["reason"] for s in stale)
    assert not any(r.get("review_status") == "rejected" for r in rows(out / "dates.csv"))
