"""Faults: a run killed with SIGKILL at any moment leaves the previous complete, consistent tables;
environment problems are one-line errors that name the fix."""
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SHARED

DOC = "On {d} May 2021, Azerbaijani soldiers crossed into Armenia; {n} soldiers were killed. [{d}]\n" * 40


def chronicle(*args, env=None, timeout=600):
    return subprocess.run([sys.executable, "-m", "pipeline.cli", *args], capture_output=True, text=True,
                          env=env or os.environ.copy(), timeout=timeout)


def contract_ok(out: Path, raw: Path) -> bool:
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "check_tables.py"), str(out), "--raw", str(raw)],
                       capture_output=True, text=True)
    return r.returncode == 0


def snapshot(out: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.csv"))}


def test_sigkill_mid_run_leaves_the_previous_complete_tables(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "extracted"
    raw.mkdir()
    for i in range(3):
        (raw / f"doc{i}.txt").write_text(DOC.format(d=i + 1, n=10 + i), encoding="utf-8")
    first = chronicle("extract", str(raw), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    for i in range(3, 9):
        (raw / f"doc{i}.txt").write_text(DOC.format(d=i + 1, n=10 + i), encoding="utf-8")
    for delay in (1.0, 4.0, 8.0, 12.0):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", "extract", str(raw), "--out", str(out)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        now = snapshot(out)
        assert now == before or contract_ok(out, raw), f"inconsistent tables after SIGKILL at {delay}s"
        assert set(now) == set(before)
        if now != before:
            before = now            # the run had already swapped in its complete table set
    final = chronicle("extract", str(raw), "--out", str(out))       # recovers the lock and any staging left
    assert final.returncode == 0, final.stderr
    assert contract_ok(out, raw)
    assert not list(tmp_path.glob(".extracted.staging-*")) and not list(tmp_path.glob(".extracted.old-*"))


def test_output_folder_not_writable_is_one_line(tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits: make the parent a file instead, which nobody can write into
        parent = tmp_path / "afile"
        parent.write_text("x")
        out = parent / "extracted"
    else:
        parent = tmp_path / "ro"
        parent.mkdir()
        parent.chmod(0o500)
        out = parent / "extracted"
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("In 1994 a ceasefire.", encoding="utf-8")
    r = chronicle("extract", str(raw), "--out", str(out))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("chronicle: error:") and str(parent) in lines[0]


def test_prefect_home_not_writable_is_one_line(tmp_path):
    home = tmp_path / "prefect-home-file"
    home.write_text("not a folder")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("In 1994 a ceasefire.", encoding="utf-8")
    env = dict(os.environ, PREFECT_HOME=str(home))
    r = chronicle("extract", str(raw), "--out", str(tmp_path / "out"), env=env)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "PREFECT_HOME" in lines[0], r.stderr


def test_path_too_long_is_one_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("In 1994 a ceasefire.", encoding="utf-8")
    out = tmp_path / ("x" * 300) / "extracted"
    r = chronicle("extract", str(raw), "--out", str(out))
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("chronicle: error:"), r.stderr
