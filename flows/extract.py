"""Prefect flow `extract`: raw folder -> one task per document -> merged corpus tables.

Tasks only call library functions in `pipeline/`; everything here is orchestration.
"""
from __future__ import annotations

from pipeline.settings import configure_prefect_env

configure_prefect_env()

from prefect import flow, task  # noqa: E402

from pipeline.corpus import assemble, discover, failures_csv, process_entry  # noqa: E402
from pipeline.output import output_lock, write_tables  # noqa: E402


@task(name="discover")
def discover_task(raw_dir: str):
    return discover(raw_dir)


@task(name="extract-document", task_run_name="extract {entry.source}")
def extract_document_task(entry):
    return process_entry(entry)


@task(name="write-tables")
def write_task(out_dir: str, results: list[dict]) -> dict:
    tables, failures = assemble(results)
    write_tables(out_dir, tables, {"failures.csv": failures_csv(failures)})
    return {"documents": len(tables["documents"]), "failures": failures,
            "rows": {name: len(rows) for name, rows in tables.items()}}


@flow(name="extract", log_prints=True)
def extract(raw_dir: str = "raw", out_dir: str = "extracted") -> dict:
    with output_lock(out_dir):
        entries = discover_task(raw_dir)
        futures = [extract_document_task.submit(e) for e in entries]
        results = [f.result() for f in futures]
        return write_task(out_dir, results)
