"""Shared fixtures: one spaCy pipeline per session, the seed extracted once, one Prefect harness."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.settings import configure_prefect_env

configure_prefect_env()

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "nagorno-karabakh-conflict.txt"
SHARED = ROOT.parent / "shared"
GOLD = ROOT / "tests" / "gold"


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
