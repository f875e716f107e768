"""The parse cache (pipeline/parsecache.py): tables extracted through it are byte-identical to a fresh
run; a rules change re-runs only our components (NER only when the gazetteer's output changes); a
corrupted, truncated or foreign entry is detected, ignored and rebuilt with a warning; prune keeps
exactly the entries of the documents in the raw folder; the Prefect flow reports the cache.

Real spaCy model, real rules files (copies with one line added for the rules-change cases).
"""
from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEED, SHARED
from pipeline import parsecache
from pipeline.documents import discover, document_from_bytes, load_document
from pipeline.extract import combine, extract_document
from pipeline.output import render_tables
from pipeline.parsecache import ParseCache

DEV = SHARED / "corpora" / "wikiwars-dev" / "raw"
DEV_DOCS = ("10_PunicWars.txt", "11_ChineseCivWar.txt", "13_RussianCivWar.txt")
SMALL = ("On 10 November 2020 a ceasefire ended the war in Nagorno-Karabakh. About 6,500 people were "
         "killed. [12]\n\nIn May 1994 Armenia and Azerbaijan signed the Bishkek Protocol.\n")


def rendered(result: dict) -> dict[str, str]:
    return render_tables(combine([result]))


def load_dev() -> list:
    if not DEV.is_dir():
        pytest.fail(f"the dev corpus is missing: {DEV} (shared/corpora/wikiwars-dev/raw beside the repository)")
    entries = {e.source: e for e in discover(DEV)}
    return [load_document(entries[n].path, entries[n].root, doc_id=entries[n].doc_id) for n in DEV_DOCS]


@pytest.fixture(scope="module")
def dev_docs():
    return load_dev()


@pytest.fixture(scope="module")
def dev_fresh(nlp, dev_docs):
    """Tables of each dev document without any cache (the reference)."""
    return [rendered(extract_document(d, nlp)) for d in dev_docs]


@pytest.fixture(scope="module")
def warm_cache(nlp, dev_docs, tmp_path_factory):
    """A parse cache filled by the current pipeline from the dev documents."""
    folder = tmp_path_factory.mktemp("parses")
    cache = ParseCache(folder)
    results = [extract_document(d, nlp, cache) for d in dev_docs]
    return folder, results


def assert_same(got: dict[str, str], want: dict[str, str], what: str) -> None:
    assert got.keys() == want.keys()
    for name in want:
        assert got[name] == want[name], f"{what}: table {name} differs from a fresh run"


def small_document():
    return document_from_bytes(SMALL.encode("utf-8"), "small.txt")


# ---------------------------------------------------------------- the same tables

def test_seed_and_dev_documents_through_the_cache_are_byte_identical(nlp, seed_tables, dev_docs, dev_fresh,
                                                                    warm_cache, tmp_path):
    folder, first = warm_cache
    assert [r["parse"]["status"] for r in first] == ["miss"] * len(dev_docs)
    cache = ParseCache(folder)
    again = [extract_document(d, nlp, cache) for d in dev_docs]
    assert [r["parse"]["status"] for r in again] == ["hit"] * len(dev_docs)   # no model pipe ran
    assert all(r["timing"]["model"] == 0 for r in again)
    for d, fresh, r1, r2 in zip(dev_docs, dev_fresh, first, again):
        assert_same(rendered(r1), fresh, f"{d.source} (writing the cache)")
        assert_same(rendered(r2), fresh, f"{d.source} (from the cache)")
    assert len(list(folder.glob("*.parse"))) == len(dev_docs)

    entry = next(e for e in discover(ROOT / "raw") if e.source == SEED.name)
    seed = load_document(entry.path, entry.root, doc_id=entry.doc_id)
    seed_cache = ParseCache(tmp_path)
    fresh = render_tables(seed_tables)
    for status in ("miss", "hit"):
        res = extract_document(seed, nlp, seed_cache)
        assert res["parse"]["status"] == status
        assert_same(rendered(res), fresh, f"seed ({status})")


# ---------------------------------------------------------------- rules changed: only the rules run

def nlp_with(tmp_path: Path, component: str, key: str, source: Path, extra_line: str):
    """The pipeline with one rules file replaced by a copy plus one line (the repository is not touched)."""
    from pipeline.nlp import build_nlp, load_config
    copy = tmp_path / source.name
    copy.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n" + extra_line + "\n", encoding="utf-8")
    config = load_config()
    for comp in config["components"]:
        if comp["factory"] == component:
            comp["config"] = {**(comp.get("config") or {}), key: str(copy)}
    return build_nlp(config)


def test_a_new_trigger_reruns_the_rules_only(nlp, dev_docs, dev_fresh, warm_cache, tmp_path):
    from pipeline.events.component import TRIGGERS_FILE
    nlp2 = nlp_with(tmp_path, "chronicle_event_triggers", "triggers_path", TRIGGERS_FILE,
                    json.dumps({"label": "clash", "id": "test-peace", "pattern": [{"LEMMA": "peace"}]}))
    assert parsecache.model_key(nlp2, 64) == parsecache.model_key(nlp, 64)
    folder, _ = warm_cache
    cache = ParseCache(folder)
    changed = 0
    for d, before in zip(dev_docs, dev_fresh):
        fresh = rendered(extract_document(d, nlp2))
        res = extract_document(d, nlp2, cache)
        assert res["parse"]["status"] == "hit" and res["timing"]["model"] == 0
        assert_same(rendered(res), fresh, f"{d.source} with a new trigger")
        changed += fresh["events"] != before["events"]
    assert changed, "the new trigger should change the events of one dev document"


def test_a_gazetteer_change_reruns_ner_where_its_entities_change(nlp, dev_docs, dev_fresh, warm_cache, tmp_path):
    from pipeline.entities.component import PATTERNS_FILE
    nlp3 = nlp_with(tmp_path, "chronicle_gazetteer", "patterns_path", PATTERNS_FILE,
                    json.dumps({"label": "GPE", "pattern": "Carthage", "id": "carthage"}))
    folder, _ = warm_cache
    cache = ParseCache(folder)
    statuses = {}
    for d, before in zip(dev_docs, dev_fresh):
        fresh = rendered(extract_document(d, nlp3))
        res = extract_document(d, nlp3, cache)
        statuses[d.source] = res["parse"]["status"]
        assert_same(rendered(res), fresh, f"{d.source} with a new gazetteer line")
        if d.source == "10_PunicWars.txt":
            assert fresh["mentions"] != before["mentions"]
    # only the document that names Carthage had new NER input; the others kept their stored entities
    assert statuses == {"10_PunicWars.txt": "hit+rerun:ner", "11_ChineseCivWar.txt": "hit",
                        "13_RussianCivWar.txt": "hit"}
    # the entry now holds NER for the new gazetteer: the next run restores it
    assert extract_document(dev_docs[0], nlp3, cache)["parse"]["status"] == "hit"


# ---------------------------------------------------------------- a damaged store

def corruptions(data: bytes, other: bytes) -> dict[str, bytes]:
    payload = data[len(parsecache.MAGIC) + 32:]
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    return {"truncated": data[: len(data) // 2], "empty": b"", "bit flip": bytes(flipped),
            "not an entry": b"hello world\n" * 10, "header only": data[:len(parsecache.MAGIC) + 10],
            "another document's entry": other, "payload without header": payload}


def test_a_corrupted_entry_is_ignored_rebuilt_and_warned_about(nlp, tmp_path, caplog):
    doc = small_document()
    fresh = rendered(extract_document(doc, nlp))
    cache = ParseCache(tmp_path)
    res = extract_document(doc, nlp, cache)
    key = res["parse"]["key"]
    path = cache.path(key)
    good = path.read_bytes()
    other = document_from_bytes(b"The Second World War ended in 1945.\n", "other.txt")
    other_key = extract_document(other, nlp, cache)["parse"]["key"]
    other_bytes = cache.path(other_key).read_bytes()
    for what, bad in corruptions(good, other_bytes).items():
        path.write_bytes(bad)
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="chronicle.parsecache"):
            res = extract_document(doc, nlp, cache)
        assert res["parse"]["status"].startswith("rebuilt"), what
        assert any(str(path) in r.getMessage() for r in caplog.records), f"{what}: no warning naming the file"
        assert_same(rendered(res), fresh, what)
        assert extract_document(doc, nlp, cache)["parse"]["status"] == "hit", f"{what}: not rebuilt"
        assert path.read_bytes() == good, what


def test_stored_entities_that_do_not_fit_are_rebuilt(nlp, tmp_path, caplog):
    """A well-formed entry (valid checksum) whose stored NER output does not fit its Docs."""
    doc = small_document()
    fresh = rendered(extract_document(doc, nlp))
    cache = ParseCache(tmp_path)
    key = extract_document(doc, nlp, cache)["parse"]["key"]
    entry = cache.load(key)
    assert entry.late and entry.late[0]["attrs"] == ["ENT_IOB", "ENT_TYPE"]
    import zlib
    entry.late[0] = {**entry.late[0], "data": zlib.compress(b"\0" * 32)}       # 2 tokens, not the Docs' count
    cache.store(entry)
    with caplog.at_level(logging.WARNING, logger="chronicle.parsecache"):
        res = extract_document(doc, nlp, cache)
    assert res["parse"]["status"].startswith("rebuilt") and "do not fit" in res["parse"]["status"]
    assert_same(rendered(res), fresh, "bad stored entities")


def test_a_half_written_file_is_never_an_entry_and_is_pruned(nlp, tmp_path):
    """Entries are written to a temporary name and renamed: what a killed writer leaves is not read."""
    doc = small_document()
    cache = ParseCache(tmp_path)
    key = extract_document(doc, nlp, ParseCache(tmp_path, write=False))["parse"]["key"]
    assert not list(tmp_path.iterdir())
    tmp = tmp_path / f"{parsecache.TMP_PREFIX}abc{parsecache.SUFFIX}"
    tmp.write_bytes(parsecache.MAGIC + b"\0" * 40)                  # a writer killed mid-write
    assert extract_document(doc, nlp, cache)["parse"]["status"] == "miss"
    assert parsecache.cache_stats(tmp_path)["entries"] == 1
    parsecache.prune(tmp_path, {key})
    assert tmp.exists()                                            # may still be being written
    old = time.time() - 7200
    os.utime(tmp, (old, old))
    assert parsecache.prune(tmp_path, {key})["removed"] == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"{key}{parsecache.SUFFIX}"]


# ---------------------------------------------------------------- prune and the flow

def test_prune_keeps_the_entries_of_documents_in_the_raw_folder(nlp, tmp_path):
    from pipeline.corpus import prune_caches
    raw, cache_dir = tmp_path / "raw", tmp_path / "cache"
    raw.mkdir()
    (raw / "a.txt").write_text(SMALL, encoding="utf-8")
    (raw / "b.txt").write_text("In May 1994 Armenia and Azerbaijan signed the Bishkek Protocol.\n", encoding="utf-8")
    cache = ParseCache(cache_dir / parsecache.SUBDIR)
    keys = {}
    for e in discover(raw):
        keys[e.source] = extract_document(load_document(e.path, e.root, doc_id=e.doc_id), nlp, cache)["parse"]["key"]
    stale_model = cache.path("0" * 64)                # an entry of an older model: another key
    stale_model.write_bytes(cache.path(keys["a.txt"]).read_bytes())
    (raw / "b.txt").unlink()
    dry = prune_caches(raw, cache_dir, dry_run=True, nlp=nlp)
    assert dry["parses"] == 2 and stale_model.exists()
    res = prune_caches(raw, cache_dir, nlp=nlp)
    assert res["parses"] == 2 and res["kept"] == 1
    assert [p.name for p in cache.root.iterdir()] == [f"{keys['a.txt']}{parsecache.SUFFIX}"]


def test_the_flow_reports_and_uses_the_parse_cache(prefect_harness, tmp_path):
    from flows.extract import extract
    from pipeline import runs
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text(SMALL, encoding="utf-8")
    (raw / "b.txt").write_text("In May 1994 Armenia and Azerbaijan signed the Bishkek Protocol.\n", encoding="utf-8")
    extract(raw_dir=str(raw), out_dir=str(out))
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    m = runs.latest_manifest(out)
    assert m["parse_cache"]["entries"] == 2 and m["parse_cache"]["bytes"] > 0
    assert m["parse_cache"]["documents"] == {"miss": 2}
    assert {d["parse"] for d in m["documents"].values()} == {"miss"}
    assert m["timing"]["model"] > 0 and m["timing"]["ours"] > 0
    # new rules or code make every cached result a miss: simulated by deleting the results
    cache_dir = runs.cache_dir_for(out)
    for p in cache_dir.iterdir():
        if p.is_file():
            p.unlink()
    extract(raw_dir=str(raw), out_dir=str(out))
    m = runs.latest_manifest(out)
    assert m["counts"]["extracted"] == 2 and m["parse_cache"]["documents"] == {"hit": 2}
    assert m["timing"]["model"] == 0
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    # a truncated entry (a disk problem, a copy cut short): rebuilt, reported, same tables
    entries = sorted((cache_dir / parsecache.SUBDIR).glob("*.parse"))
    entries[0].write_bytes(entries[0].read_bytes()[:1000])
    for p in cache_dir.iterdir():
        if p.is_file():
            p.unlink()
    summary = extract(raw_dir=str(raw), out_dir=str(out))
    m = runs.latest_manifest(out)
    assert m["parse_cache"]["documents"] == {"hit": 1, "rebuilt": 1}
    assert len(summary["parse_warnings"]) == 1 and "checksum" in summary["parse_warnings"][0]
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    # --refresh reads neither cache
    extract(raw_dir=str(raw), out_dir=str(out), refresh=True)
    m = runs.latest_manifest(out)
    assert m["counts"]["extracted"] == 2 and m["parse_cache"]["documents"] == {"refresh": 2}
    # a removed document's entry is pruned with its result
    (raw / "b.txt").unlink()
    extract(raw_dir=str(raw), out_dir=str(out))
    assert runs.latest_manifest(out)["parse_cache"]["entries"] == 1
