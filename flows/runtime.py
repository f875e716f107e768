"""Prefect start-up for one command-line run, with fewer fixed seconds (measured in bench/corpus.py).

Without PREFECT_API_URL, Prefect starts a temporary API server (a uvicorn subprocess on
the PREFECT_HOME database) the first time the flow needs it, and waits ~3-5 s for it.
`PrefectSession` starts that same server as soon as the command begins, so its start-up
overlaps with importing the flow, the pipeline and discovering/hashing the documents,
and the parent does not import Prefect's server modules (~2 s) only to launch it. It
also turns off the flow-run heartbeat for that temporary server (no service reads it
there; its thread costs up to 1 s at the end of every run). The server stops when the
command exits (also if the command is killed: PR_SET_PDEATHSIG on Linux).

With PREFECT_API_URL set (a real server, the test harness) nothing changes.
Set CHRONICLE_FAST_PREFECT=0 to get Prefect's own behaviour.
"""
from __future__ import annotations

import atexit
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path


def _die_with_parent() -> None:          # runs in the child between fork and exec
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)   # PR_SET_PDEATHSIG
    except Exception:
        pass


def check_prefect_home() -> Path:
    """PREFECT_HOME (default ~/.prefect) must be a folder we can write: its database is there."""
    home = Path(os.path.expanduser(os.environ.get("PREFECT_HOME") or "~/.prefect"))
    try:
        home.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=home, prefix=".chronicle-probe-"):
            pass
    except OSError as e:
        from pipeline.errors import ChronicleError
        raise ChronicleError(f"PREFECT_HOME {home} is not a writable folder ({e.strerror or e}): "
                             "set PREFECT_HOME to a folder you can write, e.g. export PREFECT_HOME=$HOME/.prefect")
    return home


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrefectSession:
    """`with PrefectSession() as s: ... s.call(flow_fn, **params)`."""

    def __init__(self, startup_timeout: float | None = None):
        self.process: subprocess.Popen | None = None
        self.url: str | None = None
        self.startup_timeout = startup_timeout
        self._ready = False

    def __enter__(self) -> "PrefectSession":
        if os.environ.get("CHRONICLE_FAST_PREFECT", "1") == "0":
            return self
        from prefect.settings import get_current_settings
        settings = get_current_settings()
        if settings.api.url or not settings.server.ephemeral.enabled:
            return self
        if self.startup_timeout is None:
            self.startup_timeout = float(settings.server.ephemeral.startup_timeout_seconds)
        self._env = {**os.environ, **settings.to_environment_variables(exclude_unset=True),
                     "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        self._log = tempfile.TemporaryFile()
        self._launch()
        atexit.register(self.stop)
        return self

    def _launch(self) -> None:
        port = _free_port()
        app_dir = str(Path(find_spec("prefect").origin).parent.parent)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", app_dir, "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env=self._env, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        self.url = f"http://127.0.0.1:{port}/api"

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        try:            # flush Prefect's event and log queues to the server before it stops
            from prefect.events.worker import EventsWorker
            from prefect.logging.handlers import APILogWorker
            for worker in (APILogWorker, EventsWorker):
                worker.drain_all(timeout=5)
        except Exception:
            pass
        if os.environ.get("PREFECT_API_URL") == self.url:
            self._set_global_api_url(None)
        self.stop()

    def wait_ready(self) -> None:
        if self.process is None or self._ready:
            return
        import httpx
        deadline = time.monotonic() + (self.startup_timeout or 120)
        relaunches = 0
        with httpx.Client() as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    if self.process.returncode == 3 and relaunches < 3:    # uvicorn: the port was taken meanwhile
                        relaunches += 1
                        self._launch()
                        continue
                    raise self._failed(f"exited with code {self.process.returncode}")
                try:
                    if client.get(f"{self.url}/health", timeout=2).status_code == 200:
                        self._ready = True
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.05)
        raise self._failed(f"did not answer within {self.startup_timeout:.0f} s "
                           "(raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS)")

    def _failed(self, what: str):
        from pipeline.errors import ChronicleError
        reason = ""
        try:
            self._log.seek(0)
            lines = [ln.strip() for ln in self._log.read().decode("utf-8", "replace").splitlines() if ln.strip()]
            errors = [ln for ln in lines if "Error" in ln or "error" in ln]
            reason = (errors or lines or [""])[-1][:300]
        except (OSError, AttributeError):
            pass
        self.stop()
        return ChronicleError(f"the temporary Prefect server {what}" + (f": {reason}" if reason else "") +
                              " (or set PREFECT_API_URL to a running Prefect server)")

    def is_ready(self) -> bool:
        if self.process is None or self._ready:
            return True
        import httpx
        try:
            self._ready = httpx.get(f"{self.url}/health", timeout=1).status_code == 200
        except httpx.HTTPError:
            pass
        return self._ready

    def call(self, fn, *args, while_waiting=None, **kwargs):
        """fn(*args, **kwargs) against the server; `while_waiting()` runs first if the server is not up yet."""
        if self.process is None:
            return fn(*args, **kwargs)
        if while_waiting is not None and not self.is_ready():
            while_waiting()
        self.wait_ready()
        # for every thread (Prefect's own threads do not copy our context) and every worker process
        self._set_global_api_url(self.url)
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
        with temporary_settings(updates={PREFECT_API_URL: self.url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            return fn(*args, **kwargs)

    def _set_global_api_url(self, url: str | None) -> None:
        if url:
            self._saved_url = os.environ.get("PREFECT_API_URL")
            os.environ["PREFECT_API_URL"] = url
        elif getattr(self, "_saved_url", None) is not None:
            os.environ["PREFECT_API_URL"] = self._saved_url
        else:
            os.environ.pop("PREFECT_API_URL", None)
        try:
            import prefect.context
            prefect.context.refresh_global_settings_context()
        except (ImportError, AttributeError):
            pass

    def stop(self) -> None:
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
