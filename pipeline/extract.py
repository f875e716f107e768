"""One way through: Document -> Parsed (spaCy) -> dimension extractors -> rows -> tables."""
from __future__ import annotations

import datetime as dt
import time

from .documents import Document
from .entities.extract import extract_mentions
from .nlp import batch_size, get_nlp
from .parse import Parsed, parse
from .parsecache import ParseCache
from .tables import merge_entities, to_frames
from .version import MODEL_PACKAGE, PIPELINE_VERSION


def document_row(document: Document, parsed: Parsed) -> dict:
    return {"doc_id": document.doc_id, "source": document.source, "sha256": document.sha256,
            "n_chars": len(document.text), "n_sentences": len(parsed.sentences),
            "pipeline_version": PIPELINE_VERSION, "model": MODEL_PACKAGE,
            "encoding": document.encoding, "title": document.title or "",
            "reference_date": document.reference_date.isoformat() if document.reference_date else "",
            "warnings": "; ".join(document.warnings)}


def sentence_rows(parsed: Parsed) -> list[dict]:
    doc_id = parsed.document.doc_id
    return [{"doc_id": doc_id, "sentence_id": s.sentence_id, "start": s.start, "end": s.end,
             "citations": ";".join(s.citations), "kind": s.segment.kind,
             "table_index": s.segment.table if s.segment.kind == "cell" else None,
             "row": s.segment.row if s.segment.kind == "cell" else None,
             "col": s.segment.col if s.segment.kind == "cell" else None,
             "text": parsed.text[s.start:s.end]} for s in parsed.sentences]


def extract_document(document: Document, nlp=None, parse_cache: ParseCache | None = None) -> dict:
    """All rows for one document: {"tables": {name: rows}, "entities": {entity_id: info},
    "parse": {"key", "status"}, "timing": seconds spent in the model, our components, cache I/O, extractors}."""
    nlp = nlp or get_nlp()
    parsed = parse(document, nlp, batch_size(), parse_cache)
    t0 = time.perf_counter()
    doc_id = document.doc_id
    mentions, entity_info = extract_mentions(parsed)
    mention_rows = [{"doc_id": doc_id, "mention_id": f"{doc_id}:m{m.start}-{m.end}",
                     "sentence_id": m.sentence_id, "start": m.start, "end": m.end, "text": m.text,
                     "label": m.label, "entity_id": m.entity_id, "source": m.source,
                     "canonical": entity_info[m.entity_id]["canonical"]} for m in mentions]
    tables = {"documents": [document_row(document, parsed)], "sentences": sentence_rows(parsed),
              "mentions": mention_rows, "dates": [], "quantities": [], "events": []}
    for name, extractor in dimension_extractors():
        tables[name] = extractor(parsed, tables, entity_info)
    timing = {k: round(v, 4) for k, v in parsed.analysis["timing"].items()}
    timing["extract"] = round(time.perf_counter() - t0, 4)
    return {"tables": tables, "entities": entity_info, "timing": timing,
            "parse": {"key": parsed.analysis["key"], "status": parsed.analysis["status"]}}


def dimension_extractors():
    """(table name, function) in dependency order; each reads Parsed and the rows made so far."""
    from .events.extract import extract_events
    from .numbers.extract import extract_quantities
    from .time.extract import extract_dates
    return [("dates", extract_dates), ("quantities", extract_quantities), ("events", extract_events)]


def combine(results: list[dict]) -> dict[str, list[dict]]:
    """Per-document results -> corpus tables (entities merged across documents)."""
    tables = {name: [] for name in ("documents", "sentences", "mentions", "dates", "quantities", "events")}
    doc_entities = {}
    for res in results:
        for name, rows in res["tables"].items():
            tables[name].extend(rows)
        doc_entities[res["tables"]["documents"][0]["doc_id"]] = res["entities"]
    tables["entities"] = merge_entities(doc_entities, tables["mentions"])
    from .events.chronicle import assign_event_keys, chronicle_rows
    assign_event_keys(tables["events"])
    names = {e["entity_id"]: e["canonical"] for e in tables["entities"]}
    tables["chronicle"] = chronicle_rows(tables["events"], names)
    return tables


def extract_text(text: str, doc_id: str = "text", reference_date: dt.date | str | None = None,
                 nlp=None) -> dict:
    """Tables (pandas DataFrames) for one text, without Prefect: for notebooks and tests."""
    if isinstance(reference_date, str):
        reference_date = dt.date.fromisoformat(reference_date)
    import hashlib
    document = Document(doc_id=doc_id, source=f"{doc_id}.txt",
                        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), text=text,
                        reference_date=reference_date)
    return to_frames(combine([extract_document(document, nlp)]))
