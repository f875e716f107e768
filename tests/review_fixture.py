"""A tiny, hand-made output folder (raw text + CSV tables consistent with it) for the review tests."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.tables import TABLE_NAMES, to_csv

DOC = "border-war"
# a BOM, a CRLF and a character outside the BMP: offsets are code points of the decoded text
TEXT = ("\ufeffBorder war \U0001F525\r\n"
        "The war began on 27 September 2020 when Azerbaijan launched an offensive. "
        "<script>window.__pwned=1</script> "
        "A ceasefire was signed on 10 November 2020 in Moscow. "
        "At least 6,500 soldiers were killed by 10 November 2020. "
        "Talks continued later.\n")


def span(s: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(s, start + 1)
    return start, start + len(s)


def _sentences():
    out = []
    for piece in ["Border war \U0001F525",
                  "The war began on 27 September 2020 when Azerbaijan launched an offensive.",
                  "<script>window.__pwned=1</script>",
                  "A ceasefire was signed on 10 November 2020 in Moscow.",
                  "At least 6,500 soldiers were killed by 10 November 2020.",
                  "Talks continued later."]:
        s, e = span(piece)
        out.append({"doc_id": DOC, "sentence_id": f"{DOC}:s{s}", "start": s, "end": e, "citations": "",
                    "kind": "text", "text": piece})
    return out


def sentence_of(sentences, s):
    return next(x["sentence_id"] for x in sentences if x["start"] <= s < x["end"])


def build_tables() -> dict[str, list[dict]]:
    sents = _sentences()
    t = {name: [] for name in TABLE_NAMES}
    t["documents"] = [{"doc_id": DOC, "source": f"{DOC}.txt",
                       "sha256": hashlib.sha256(TEXT.encode("utf-8")).hexdigest(), "n_chars": len(TEXT),
                       "n_sentences": len(sents), "pipeline_version": "test", "model": "none",
                       "encoding": "utf-8", "title": "Border war", "reference_date": "", "warnings": ""}]
    t["sentences"] = sents
    for surface, label, eid, canonical in [("Azerbaijan", "GPE", "azerbaijan", "Azerbaijan"),
                                           ("Moscow", "GPE", "moscow", "Moscow"),
                                           ("<script>window.__pwned=1</script>", "WORK_OF_ART", "script-x",
                                            "<img src=x onerror=window.__pwned=2>")]:
        s, e = span(surface)
        t["mentions"].append({"doc_id": DOC, "mention_id": f"{DOC}:m{s}-{e}", "sentence_id": sentence_of(sents, s),
                              "start": s, "end": e, "text": surface, "label": label, "entity_id": eid,
                              "source": "gazetteer", "canonical": canonical})
    t["entities"] = [{"entity_id": "azerbaijan", "canonical": "Azerbaijan", "label": "GPE", "aliases": "Azerbaijan",
                      "n_mentions": 1, "n_docs": 1},
                     {"entity_id": "moscow", "canonical": "Moscow", "label": "GPE", "aliases": "Moscow",
                      "n_mentions": 1, "n_docs": 1},
                     {"entity_id": "script-x", "canonical": "<img src=x onerror=window.__pwned=2>",
                      "label": "WORK_OF_ART", "aliases": "<script>window.__pwned=1</script>", "n_mentions": 1,
                      "n_docs": 1}]
    for surface, nth, value in [("27 September 2020", 0, "2020-09-27"), ("10 November 2020", 0, "2020-11-10"),
                                ("10 November 2020", 1, "2020-11-10")]:
        s, e = span(surface, nth)
        t["dates"].append({"doc_id": DOC, "date_id": f"{DOC}:d{s}-{e}", "sentence_id": sentence_of(sents, s),
                           "start": s, "end": e, "text": surface, "kind": "date", "value": value,
                           "start_date": value, "end_date": value, "granularity": "day", "mod": "",
                           "rule": "date_dmy", "anchor_id": ""})
    s, e = span("At least 6,500")
    t["quantities"].append({"doc_id": DOC, "quantity_id": f"{DOC}:q{s}-{e}", "sentence_id": sentence_of(sents, s),
                            "start": s, "end": e, "text": "At least 6,500", "value_low": 6500, "value_high": 6500,
                            "unit": "count", "qualifier": "at_least", "counted": "soldiers killed",
                            "category": "casualties", "rule": "count", "claimed_by": "", "date_id": ""})
    q_id = t["quantities"][0]["quantity_id"]
    for evidence, etype, trigger, sd, ed, qids in [
            ("The war began on 27 September 2020", "war_start", "began", "2020-09-27", "2020-09-27", ""),
            ("A ceasefire was signed on 10 November 2020 in Moscow", "ceasefire", "ceasefire", "2020-11-10",
             "2020-11-10", ""),
            ("At least 6,500 soldiers were killed by 10 November 2020", "casualties", "killed", "2020-09-27",
             "2020-11-10", q_id),
            ("Talks continued later", "other", "talks", "", "", "")]:
        s, e = span(evidence)
        t["events"].append({"doc_id": DOC, "event_id": f"{DOC}:e{s}-{e}-{etype}", "sentence_id": sentence_of(sents, s),
                            "start": s, "end": e, "event_type": etype, "trigger": trigger, "date_id": "",
                            "start_date": sd, "end_date": ed, "actors": "azerbaijan" if etype == "war_start" else "",
                            "locations": "moscow" if etype == "ceasefire" else "", "quantity_ids": qids,
                            "confidence": 0.8, "event_key": f"{etype}:{sd}", "text": evidence, "summary": ""})
    return t


def build_output(root: Path, with_diff: bool = True) -> tuple[Path, dict[str, list[dict]]]:
    """root/raw/border-war.txt and root/extracted/*.csv (+ runs/ with a diff); returns (out_dir, tables)."""
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    (raw / f"{DOC}.txt").write_bytes(TEXT.encode("utf-8"))
    out = root / "extracted"
    out.mkdir(parents=True, exist_ok=True)
    tables = build_tables()
    for name in TABLE_NAMES:
        (out / f"{name}.csv").write_text(to_csv(name, tables[name]), encoding="utf-8", newline="")
    if with_diff:
        ev = tables["events"]
        runs = out / "runs"
        runs.mkdir(exist_ok=True)
        (runs / "20240101T000000Z.json").write_text(json.dumps({"diff": {}}), encoding="utf-8")
        # the shape pipeline.runs writes: counts per table and kind, ids listed under "ids"
        (runs / "20250101T000000.000000Z-abc.json").write_text(json.dumps({
            "run_id": "20250101T000000.000000Z-abc", "finished": "2025-01-01T00:00:00+00:00",
            "diff": {"events": {"added": 1, "removed": 1, "changed": 1,
                                "by_document": {DOC: {"added": 1, "removed": 1, "changed": 1}},
                                "ids": {"added": [ev[1]["event_id"]], "changed": [ev[0]["event_id"]],
                                        "removed": [f"{DOC}:e999-1000-<b>gone</b>"]}},
                     "dates": {"added": 0, "removed": 0, "changed": 0, "by_document": {}, "ids": {}},
                     "entities": {"added": 5, "removed": 0, "changed": 0, "by_document": {}, "ids": {}}}}),
            encoding="utf-8")
    return out, tables
