"""The committed extracted/ tables are what a fresh run over raw/ produces, and pass the shared contract check."""
import subprocess
import sys

from pipeline.corpus import assemble, process_entry
from pipeline.documents import discover
from pipeline.tables import TABLE_NAMES, to_csv

from conftest import ROOT, SHARED


def test_committed_tables_match_a_fresh_run(nlp):
    tables, failures = assemble([process_entry(e) for e in discover(ROOT / "raw")])
    assert failures == []
    stale = [name for name in TABLE_NAMES
             if (ROOT / "extracted" / f"{name}.csv").read_text(encoding="utf-8") != to_csv(name, tables[name])]
    assert not stale, f"extracted/ is stale for {stale}: run `make run` and commit extracted/"


def test_committed_tables_pass_the_contract_check():
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "check_tables.py"), str(ROOT / "extracted"),
                        "--raw", str(ROOT / "raw")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "contract check passed" in r.stdout
