"""Text Chronicle was not written on: the WikiWars development narratives (../shared/corpora/wikiwars-dev)
go through `chronicle extract` as a whole: no document fails, the tables pass the contract check, and the
dates score against the TIMEX2 gold stays above a floor (bench/peers_wikiwars.py has the full figures)."""
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, extract_corpus

CORPUS = SHARED / "corpora" / "wikiwars-dev"
pytestmark = pytest.mark.skipif(not (CORPUS / "raw").is_dir(), reason="WikiWars dev corpus not present")

sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("wikiwars") / "extracted"
    r = extract_corpus(CORPUS / "raw", out, timeout=900)
    return r, out


def read(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_no_dev_document_fails(dev_run):
    r, out = dev_run
    assert r.returncode == 0, r.stdout + r.stderr
    assert read(out / "failures.csv") == []
    assert len(read(out / "documents.csv")) == len(list((CORPUS / "raw").glob("*.txt")))


def test_dev_tables_pass_the_contract_check(dev_run):
    r, out = dev_run
    c = subprocess.run([sys.executable, str(SHARED / "tools" / "check_tables.py"), str(out), "--raw",
                        str(CORPUS / "raw")], capture_output=True, text=True)
    assert c.returncode == 0, c.stdout


def test_dev_dates_against_timex2_gold(dev_run):
    """A floor under today's figures: a change that loses dates on unseen narratives fails here."""
    import peers_wikiwars as ww
    r, out = dev_run
    gold, valueless = ww.load_gold(CORPUS)
    preds = ww.chronicle_preds(read(out / "dates.csv"), read(out / "documents.csv"))
    res = ww.score(gold, valueless, preds)
    assert res["span"]["f1"] >= 0.96, res["span"]
    assert res["value"]["f1"] >= 0.92, res["value"]


def test_dev_chronicle_against_exhaustive_event_gold(dev_run):
    """The chronicle on unseen narratives, one-to-one against tests/gold_events: it beats the naive baseline
    (every dated sentence one offensive) on typed recall and typed precision, with floors under today's figures."""
    from pipeline.events.scoring import evaluate_chronicle
    r, out = dev_run
    report = evaluate_chronicle(str(ROOT / "tests" / "gold_events"), str(out))
    ours, naive = report["all"]["chronicle"], report["all"]["naive_baseline"]
    assert ours["typed_recall"] > naive["typed_recall"] + 0.1
    assert ours["typed_precision"] > naive["typed_precision"] + 0.05
    assert ours["recall"] >= 0.66 and ours["precision"] >= 0.76, ours
    assert ours["typed_recall"] >= 0.55 and ours["typed_precision"] >= 0.635, ours
    assert ours["actors_precision"] >= 0.51 and ours["actors_recall"] >= 0.45, ours


def test_evaluate_restricted_to_the_development_split_shows_differences(dev_run):
    """`chronicle evaluate --docs ... --show-errors`: only those documents are scored, and matched events whose
    type or actors differ from the gold are listed, so rules can be studied on dev documents alone."""
    r, out = dev_run
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    c = subprocess.run([sys.executable, "-m", "pipeline.cli", "evaluate", str(ROOT / "tests" / "gold_events"),
                        "--extracted", str(out), "--docs", "01_WW2,04_AmRevWar", "--show-errors"],
                       capture_output=True, text=True, env=env)
    assert c.returncode == 0, c.stderr
    table = [ln for ln in c.stdout.splitlines() if " chronicle " in ln and not ln.startswith("[")]
    assert {ln.split()[0] for ln in table} == {"all", "01-ww2", "04-amrevwar"}, table
    err = [ln for ln in c.stdout.splitlines() if ln.startswith("[chronicle ")]
    assert any(ln.startswith("[chronicle type] gold ") for ln in err)
    assert any(ln.startswith("[chronicle actors] gold ") for ln in err)
    kept = ("11_ChineseCivWar", "13_RussianCivWar", "15_MexicanRev", "17_AlgerianWar")
    assert not [ln for ln in err if any(k in ln for k in kept)], "a kept-aside document leaked into the errors"
    # a chronicle row may group mentions of several documents: an unmatched row shows a mention of a scored one
    unmatched = [ln.split() for ln in err if ln.startswith("[chronicle unmatched] ")]
    assert unmatched and all(parts[2] in ("01-ww2", "04-amrevwar") for parts in unmatched), unmatched[:3]


def test_split_tool_gives_every_miss_one_cause_and_refuses_to_list_kept_aside_text(dev_run, tmp_path):
    """bench/splits.py: each missed development gold event gets exactly one cause, and --list will not print the
    misses (gold quotes) of a kept-aside document."""
    import splits
    r, out = dev_run
    (tmp_path / "ev").symlink_to(out, target_is_directory=True)
    dev = splits.Split(tmp_path, "DEV")
    causes = dev.causes()
    assert len(causes) == len(dev.gold) - len(dev.pairs) > 0
    assert {c for c, _ in causes} <= {"no_candidate_in_sentence", "no_candidate", "wrong_date", "under_floor",
                                      "rides_under_floor", "overgrouped", "taken_in_sentence", "kept_unmatched"}
    # the trigger-first pairing is a maximum matching too: as many pairs as the scorer's
    assert len(dev.trigger_paired()) == len(dev.pairs)
    with pytest.raises(SystemExit, match="refused"):
        splits.main([str(tmp_path), "--no-extract", "--list", "01_WW2,17_AlgerianWar"])
