"""Shared fixtures: one spaCy pipeline per session, the seed extracted once, one Prefect harness."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.settings import configure_prefect_env

if os.environ.get("PYTEST_XDIST_WORKER"):
    # `make test` runs two pytest workers: each gets a Prefect home (database) of its own, so two ephemeral
    # servers never write one SQLite file at once; kept between runs, so its migrations run once per machine
    os.environ["PREFECT_HOME"] = str(Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()
                                     / f"pytest-{os.environ['PYTEST_XDIST_WORKER']}")
configure_prefect_env()

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "nagorno-karabakh-conflict.txt"
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"


def extract_corpus(raw: Path, out: Path, timeout: int) -> subprocess.CompletedProcess:
    """`chronicle extract` of a folder in a subprocess, with a parse cache of its own beside `out`, two documents at
    a time (the process pool; its tables are the same as one worker's, tests/test_orchestration.py)."""
    env = dict(os.environ, CHRONICLE_CACHE_DIR=str(out.parent / "cache"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(raw), "--out", str(out), "--no-progress",
                           "--workers", "2"], capture_output=True, text=True, env=env, timeout=timeout)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.nlp import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def seed_tables(nlp):
    """Corpus tables (lists of dicts) for the seed, extracted once without Prefect."""
    from pipeline.documents import discover, load_document
    from pipeline.extract import combine, extract_document
    entry = next(e for e in discover(ROOT / "raw") if e.source == SEED.name)
    doc = load_document(entry.path, entry.root, doc_id=entry.doc_id)
    return combine([extract_document(doc, nlp)])


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test harness (temporary database) for every orchestration test of the session."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=int(os.environ.get(
            "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))):
        yield
