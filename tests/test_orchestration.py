"""Orchestration: the Prefect corpus flow, its cache, failures, run manifests and diffs, the
output lock, a served schedule on a real Prefect server, and Dask / process-pool runners.

Real Prefect (one session harness, tests/conftest.py) and the real spaCy model, on tiny
documents so that the whole file stays well under a few minutes.
"""
from __future__ import annotations

import io
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import runs
from pipeline.errors import OutputLockedError
from pipeline.output import lock_path, output_lock

ROOT = Path(__file__).resolve().parents[1]
DOCS = {
    "ceasefire.txt": "On 10 November 2020 a ceasefire ended the war in Nagorno-Karabakh. "
                     "About 6,500 people were killed.\n",
    "bishkek.txt": "In May 1994 Armenia and Azerbaijan signed the Bishkek Protocol.\n",
}
BAD_BYTES = bytes(range(256)) * 8        # not UTF-8, NUL bytes: binary


def make_raw(root: Path, docs: dict[str, str | bytes] = DOCS) -> Path:
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for name, content in docs.items():
        p = raw / name
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return raw


def tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def manifests(out: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in runs.run_files(out)]


def csv_doc_ids(path: Path) -> set[str]:
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        return {row["doc_id"] for row in csv.DictReader(f)}


# ---------------------------------------------------------------- the flow (Prefect harness)

def test_unchanged_documents_come_from_the_cache(prefect_harness, tmp_path):
    from flows.extract import extract
    raw, out = make_raw(tmp_path), tmp_path / "out"
    first = extract(raw_dir=str(raw), out_dir=str(out))
    assert first["counts"] == {"extracted": 2, "cached": 0, "failed": 0}
    before = tables(out)
    assert csv_doc_ids(out / "documents.csv") == {"ceasefire", "bishkek"}
    cache = runs.cache_dir_for(out)
    assert cache == tmp_path / ".out.cache" and len([p for p in cache.iterdir() if p.is_file()]) == 2

    second = extract(raw_dir=str(raw), out_dir=str(out))
    assert second["counts"] == {"extracted": 0, "cached": 2, "failed": 0}
    assert tables(out) == before                      # byte-identical
    m1, m2 = manifests(out)
    assert m2["previous_run"] == m1["run_id"]
    assert {d["status"] for d in m2["documents"].values()} == {"cached"}
    assert all(d["added"] == d["removed"] == d["changed"] == 0 for d in m2["diff"].values())

    # a changed document is extracted again, the other one still comes from the cache
    (raw / "bishkek.txt").write_text("In May 1994 Armenia, Azerbaijan and Artsakh signed the Bishkek "
                                     "Protocol in Bishkek.\n", encoding="utf-8")
    third = extract(raw_dir=str(raw), out_dir=str(out))
    assert third["counts"] == {"extracted": 1, "cached": 1, "failed": 0}
    m3 = manifests(out)[-1]
    assert m3["documents"]["bishkek"]["status"] == "extracted"
    assert m3["documents"]["ceasefire"]["status"] == "cached"
    assert set(m3["diff"]["sentences"]["by_document"]) == {"bishkek"}

    # a removed document disappears from every table, and the diff says so
    (raw / "ceasefire.txt").unlink()
    extract(raw_dir=str(raw), out_dir=str(out))
    for name in ("documents", "sentences", "mentions", "dates"):
        assert "ceasefire" not in csv_doc_ids(out / f"{name}.csv"), name
    m4 = manifests(out)[-1]
    assert m4["diff"]["documents"]["removed"] == 1
    assert m4["diff"]["sentences"]["by_document"]["ceasefire"]["removed"] >= 1
    assert len([p for p in cache.iterdir() if p.is_file()]) == 1   # its cache entry was pruned


def test_bad_document_does_not_stop_the_others(prefect_harness, tmp_path, capsys):
    from pipeline.cli import main
    raw = make_raw(tmp_path, {**DOCS, "broken.txt": BAD_BYTES})
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert "failed: broken.txt" in captured.err
    assert csv_doc_ids(out / "documents.csv") == {"ceasefire", "bishkek"}
    assert len((out / "sentences.csv").read_text().splitlines()) > 2
    failures = (out / "failures.csv").read_text().splitlines()
    assert failures[0] == "doc_id,source,error" and len(failures) == 2
    assert failures[1].startswith("broken,broken.txt,")
    manifest = manifests(out)[-1]
    assert manifest["documents"]["broken"]["status"] == "failed"
    assert manifest["counts"] == {"extracted": 2, "cached": 0, "failed": 1}
    assert manifest["rows"]["documents"] == 2

    assert main(["diff", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "first run" in printed and "documents" in printed and "bishkek" in printed


def test_process_pool_gives_the_same_tables(prefect_harness, tmp_path):
    from flows.extract import extract
    raw = make_raw(tmp_path)
    a, b = tmp_path / "a", tmp_path / "b"
    extract(raw_dir=str(raw), out_dir=str(a))
    summary = extract(raw_dir=str(raw), out_dir=str(b), workers=2)       # auto -> process pool
    assert summary["counts"]["extracted"] == 2
    assert manifests(b)[-1]["runner"]["kind"] == "process"
    assert manifests(b)[-1]["parse_cache"]["entries"] == 2      # written by the worker processes
    assert tables(a) == tables(b)


def test_dask_local_cluster(prefect_harness, tmp_path):
    distributed = pytest.importorskip("distributed")
    from flows.extract import extract
    raw, out = make_raw(tmp_path), tmp_path / "out"
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        summary = extract(raw_dir=str(raw), out_dir=str(out), runner="dask",
                          address=cluster.scheduler_address)
        first = tables(out)
        for p in runs.cache_dir_for(out).iterdir():        # results gone (as after a rules change):
            if p.is_file():                                 # the workers read the shared parse cache
                p.unlink()
        again = extract(raw_dir=str(raw), out_dir=str(out), runner="dask", address=cluster.scheduler_address)
    finally:
        cluster.close(timeout=20)
    assert summary["counts"] == {"extracted": 2, "cached": 0, "failed": 0}
    assert again["counts"] == {"extracted": 2, "cached": 0, "failed": 0}
    assert manifests(out)[-1]["parse_cache"]["documents"] == {"hit": 2}
    assert tables(out) == first
    assert manifests(out)[-1]["runner"] == {"kind": "dask", "workers": 1,
                                            "address": cluster.scheduler_address}
    assert csv_doc_ids(out / "documents.csv") == {"ceasefire", "bishkek"}


# ---------------------------------------------------------------- lock, diff, progress (no Prefect)

def test_lock_held_by_a_live_run_is_refused_with_one_line(tmp_path, capsys):
    from pipeline.cli import main
    raw, out = make_raw(tmp_path), tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path(out).write_text(json.dumps({"pid": holder.pid, "host": socket.gethostname(),
                                              "since": time.time()}))
        t0 = time.monotonic()
        assert main(["extract", str(raw), "--out", str(out)]) == 1
        assert time.monotonic() - t0 < 5                  # refused before Prefect starts
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1
        assert err[0].startswith("chronicle: error: ") and "locked by another run" in err[0]
        assert f"pid {holder.pid}" in err[0]
        assert not out.exists()
    finally:
        holder.kill()
        holder.wait()


def test_stale_lock_from_a_killed_run_is_taken_over(tmp_path):
    out = tmp_path / "out"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock_path(out).write_text(json.dumps({"pid": dead.pid, "host": socket.gethostname()}))
    with output_lock(out):
        with output_lock(out):                            # re-entrant in one process (CLI + flow)
            assert json.loads(lock_path(out).read_text())["pid"] == os.getpid()
        assert lock_path(out).exists()
    assert not lock_path(out).exists()
    lock_path(out).write_text("")                         # killed between create and write
    os.utime(lock_path(out), (time.time() - 3600,) * 2)
    with output_lock(out):
        pass
    # another host cannot be checked: refused
    lock_path(out).write_text(json.dumps({"pid": 1, "host": "elsewhere.example"}))
    with pytest.raises(OutputLockedError, match="elsewhere.example"):
        with output_lock(out):
            pass


def test_diff_by_row_ids():
    old = ("doc_id,sentence_id,start,end,citations\n"
           "a,a:s0,0,5,\na,a:s6,6,9,1\nb,b:s0,0,4,\n")
    new = ("doc_id,sentence_id,start,end,citations\n"
           "a,a:s0,0,5,\na,a:s6,6,9,2\nc,c:s0,0,3,\n")
    d = runs.diff_table(old, new, "sentences")
    assert (d["added"], d["removed"], d["changed"]) == (1, 1, 1)
    assert d["by_document"] == {"a": {"added": 0, "removed": 0, "changed": 1},
                                "b": {"added": 0, "removed": 1, "changed": 0},
                                "c": {"added": 1, "removed": 0, "changed": 0}}
    assert d["ids"] == {"added": ["c:s0"], "removed": ["b:s0"], "changed": ["a:s6"]}


def test_progress_bar_only_on_a_terminal():
    class Tty(io.StringIO):
        def isatty(self):
            return True
    tty, pipe = Tty(), io.StringIO()
    for stream in (tty, pipe):
        bar = runs.Progress(3, stream=stream)
        for status in ("cached", "extracted", "failed"):
            bar.update(status)
        bar.close()
    assert pipe.getvalue() == ""
    last = tty.getvalue().rstrip("\n").split("\r")[-1]
    assert "3/3 docs" in last and "doc/s" in last and "ETA" in last and "1 cached" in last


def test_cache_key_follows_bytes_rules_and_sidecar(tmp_path):
    from pipeline.documents import discover
    raw = make_raw(tmp_path)
    fp = {"rules": "r1", "code": "c1"}
    key = lambda: {e.doc_id: runs.document_key(e, fp)[0] for e in discover(raw)}
    k1 = key()
    assert k1 == key() and len(set(k1.values())) == 2
    (raw / "bishkek.meta.json").write_text('{"reference_date": "1994-05-05"}')
    k2 = key()
    assert k2["bishkek"] != k1["bishkek"] and k2["ceasefire"] == k1["ceasefire"]
    fp["rules"] = "r2"
    assert all(key()[d] != k2[d] for d in k2)
    # the rules hash covers every non-.py file of the package, not caches
    pkg = tmp_path / "pkg"
    (pkg / "sub" / "__pycache__").mkdir(parents=True)
    (pkg / "a.py").write_text("x = 1\n")
    (pkg / "sub" / "lexicon.json").write_text("{}")
    (pkg / "sub" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"junk")
    f1 = runs.fingerprint(pkg)
    (pkg / "sub" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"other junk")
    runs.fingerprint.cache_clear()
    assert runs.fingerprint(pkg) == f1
    (pkg / "sub" / "lexicon.json").write_text('{"x": 1}')
    runs.fingerprint.cache_clear()
    f2 = runs.fingerprint(pkg)
    assert f2["rules"] != f1["rules"] and f2["code"] == f1["code"]
    runs.fingerprint.cache_clear()


# ---------------------------------------------------------------- a served schedule on a real server

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(predicate, timeout: float, what: str, procs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"{what}: process {p.args[:3]} exited with {p.returncode}")
        try:
            value = predicate()
            if value:
                return value
        except Exception:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)


def test_schedule_serves_a_cron_deployment_on_a_real_server(tmp_path):
    import httpx
    from prefect.deployments import run_deployment
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, temporary_settings

    raw = make_raw(tmp_path, {"ceasefire.txt": DOCS["ceasefire.txt"]})
    out = tmp_path / "out"
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_UI_ENABLED="false", PREFECT_LOGGING_LEVEL="WARNING", DO_NOT_TRACK="1")
    logs = tmp_path / "logs"
    logs.mkdir()
    procs = []
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=open(logs / "server.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(server)
        _wait(lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200, 300, "the Prefect server",
              procs)
        serve = subprocess.Popen(
            [sys.executable, "-m", "pipeline.cli", "schedule", "--cron", "0 3 * * *",
             "--raw", str(raw), "--out", str(out)],
            env={**env, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}, cwd=str(tmp_path),
            stdout=open(logs / "serve.log", "w"), stderr=subprocess.STDOUT, start_new_session=True)
        procs.append(serve)
        with temporary_settings(updates={PREFECT_API_URL: api}):
            def deployment():
                with get_client(sync_client=True) as client:
                    return client.read_deployment_by_name("chronicle-extract/chronicle")
            dep = _wait(deployment, 180, "the served deployment", procs)
            assert [s.schedule.cron for s in dep.schedules] == ["0 3 * * *"]
            assert dep.parameters["out_dir"] == str(out)
            run = run_deployment("chronicle-extract/chronicle", timeout=120)
            assert run.state.is_completed(), (run.state, (logs / "serve.log").read_text()[-3000:])
        assert csv_doc_ids(out / "documents.csv") == {"ceasefire"}
        assert manifests(out)[-1]["flow_run_id"] == str(run.id)
    finally:
        for p in reversed(procs):
            _stop(p)
