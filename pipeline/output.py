"""Writing the tables: the whole set is replaced at once, and one run at a time per output folder."""
from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import ChronicleError, OutputLockedError
from .tables import TABLE_NAMES, to_csv

KEPT_SUBFOLDERS = ("runs",)         # history that survives the swap of the table set


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


@contextmanager
def output_lock(out_dir: str | os.PathLike):
    """Exclusive lock beside the output folder; a lock left by a killed run is taken over."""
    out_dir = Path(out_dir).absolute()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ChronicleError(f"cannot create output folder {out_dir}: {e.strerror or e}")
    path = lock_path(out_dir)
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                other = json.loads(path.read_text() or "{}")
            except (OSError, ValueError):
                other = {}
            if other.get("host") == me["host"] and other.get("pid") and not _pid_alive(int(other["pid"])):
                path.unlink(missing_ok=True)      # stale lock from a killed run
                continue
            raise OutputLockedError(
                f"another run (pid {other.get('pid', '?')} on {other.get('host', '?')}) is writing {out_dir}; "
                f"wait for it, or remove {path} if that run is gone")
        except PermissionError:
            raise ChronicleError(f"output folder {out_dir.parent} is not writable (cannot create {path.name})")
        with os.fdopen(fd, "w") as f:
            json.dump(me, f)
        break
    else:
        raise OutputLockedError(f"could not take the lock {path}")
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def recover(out_dir: Path) -> None:
    """Finish or undo a swap that a killed run left half done."""
    parent = out_dir.parent
    olds = sorted(parent.glob(f".{out_dir.name}.old-*"))
    for old in olds:
        if not out_dir.exists():
            os.replace(old, out_dir)
            continue
        _carry_history(old, out_dir)
        shutil.rmtree(old, ignore_errors=True)
    for staging in parent.glob(f".{out_dir.name}.staging-*"):
        shutil.rmtree(staging, ignore_errors=True)


def _carry_history(old: Path, new: Path) -> None:
    for sub in KEPT_SUBFOLDERS:
        src = old / sub
        if not src.is_dir():
            continue
        dst = new / sub
        dst.mkdir(exist_ok=True)
        for f in src.iterdir():
            if not (dst / f.name).exists():
                os.replace(f, dst / f.name)


def write_tables(out_dir: str | os.PathLike, tables: dict[str, list[dict]],
                 extra_files: dict[str, str] | None = None) -> Path:
    """Write every table into a staging folder, then swap it in for out_dir in one step.

    A run killed at any moment leaves either the previous complete set or the new one.
    """
    out_dir = Path(out_dir).absolute()
    recover(out_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    except OSError as e:
        raise ChronicleError(f"cannot write into {out_dir.parent}: {e.strerror or e}")
    try:
        for name in TABLE_NAMES:
            (staging / f"{name}.csv").write_text(to_csv(name, tables.get(name, [])), encoding="utf-8",
                                                 newline="")
        for rel, content in (extra_files or {}).items():
            p = staging / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(content, encoding="utf-8", newline="")
        if out_dir.exists():
            # keep files we do not own (review pages, run history, notes) across the swap
            for item in out_dir.iterdir():
                target = staging / item.name
                if target.exists() or item.name.startswith("."):
                    continue
                if item.is_dir():
                    shutil.copytree(item, target)
                else:
                    shutil.copy2(item, target)
        os.chmod(staging, 0o755)
        for f in staging.rglob("*"):
            if f.is_file():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
        if out_dir.exists():
            old = out_dir.parent / f".{out_dir.name}.old-{os.getpid()}"
            os.replace(out_dir, old)
            os.replace(staging, out_dir)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out_dir)
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise ChronicleError(f"cannot write tables to {out_dir}: {e.strerror or e}")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir
