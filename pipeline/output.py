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


def _process_start(pid: int) -> str | None:
    """Start time of a process (clock ticks since boot, Linux), to tell a live holder from a reused pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat[stat.rindex(")") + 2:].split()[19]
    except (OSError, ValueError, IndexError):
        return None


def lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


_HELD: dict[Path, int] = {}          # locks this process holds -> nesting depth (the CLI and the flow both take it)
_EMPTY_LOCK_GRACE_S = 30             # a lock file left empty (killed between create and write) is stale after this


def _lock_is_stale(path: Path, other: dict, me: dict) -> bool:
    if not other:
        try:
            return time.time() - path.stat().st_mtime > _EMPTY_LOCK_GRACE_S
        except OSError:
            return True
    if other.get("host") != me["host"] or not other.get("pid"):
        return False                 # another machine: we cannot tell, the user must decide
    pid = int(other["pid"])
    if not _pid_alive(pid):
        return True
    started = other.get("start")
    return bool(started) and _process_start(pid) not in (None, started)   # the pid was reused


@contextmanager
def output_lock(out_dir: str | os.PathLike):
    """Exclusive lock beside the output folder (`.<name>.lock`); re-entrant within one process.

    A lock left by a killed run (its process is gone, or its pid now belongs to another
    process) is taken over; a lock held by a live run raises OutputLockedError.
    """
    out_dir = Path(out_dir).absolute()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ChronicleError(f"cannot create output folder {out_dir}: {e.strerror or e}")
    path = lock_path(out_dir)
    if _HELD.get(path):
        _HELD[path] += 1
        try:
            yield
        finally:
            _HELD[path] -= 1
        return
    me = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time(),
          "start": _process_start(os.getpid())}
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                other = json.loads(path.read_text() or "{}")
            except (OSError, ValueError):
                other = {}
            if _lock_is_stale(path, other, me):
                path.unlink(missing_ok=True)      # stale lock from a killed run
                continue
            since = other.get("since")
            when = time.strftime(" since %H:%M:%S", time.localtime(since)) if since else ""
            raise OutputLockedError(
                f"{out_dir} is locked by another run (pid {other.get('pid', '?')} on "
                f"{other.get('host', '?')}{when}); wait for it to finish, or delete {path} if that run is gone")
        except PermissionError:
            raise ChronicleError(f"output folder {out_dir.parent} is not writable (cannot create {path.name})")
        with os.fdopen(fd, "w") as f:
            json.dump(me, f)
        break
    else:
        raise OutputLockedError(f"could not take the lock {path}")
    _HELD[path] = 1
    try:
        yield
    finally:
        _HELD.pop(path, None)
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


def render_tables(tables: dict[str, list[dict] | str]) -> dict[str, str]:
    """Every table as its CSV text (a table given as a string is taken as already rendered)."""
    return {name: (tables[name] if isinstance(tables.get(name), str) else to_csv(name, tables.get(name) or []))
            for name in TABLE_NAMES}


def _copy_kept(item: Path, target: Path) -> None:
    """Carry a file or folder we do not own into the new set; history folders are merged (hard links)."""
    if item.is_dir():
        def link_or_copy(src, dst):
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)
        for src in item.rglob("*"):
            dst = target / src.relative_to(item)
            if src.is_dir():
                dst.mkdir(parents=True, exist_ok=True)
            elif not dst.exists():
                dst.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(src, dst)
    elif not target.exists():
        shutil.copy2(item, target)


def write_tables(out_dir: str | os.PathLike, tables: dict[str, list[dict] | str],
                 extra_files: dict[str, str] | None = None) -> Path:
    """Write every table into a staging folder, then swap it in for out_dir in one step.

    `tables` maps a table name to its rows, or to its CSV text already rendered
    (render_tables). `extra_files` are relative paths -> text (failures.csv,
    runs/<run-id>.json); files already in out_dir that we do not write (review pages,
    notes, the run history in runs/) are kept. A run killed at any moment leaves either
    the previous complete set or the new one.
    """
    out_dir = Path(out_dir).absolute()
    recover(out_dir)
    rendered = render_tables(tables)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    except OSError as e:
        raise ChronicleError(f"cannot write into {out_dir.parent}: {e.strerror or e}")
    try:
        for name, text in rendered.items():
            (staging / f"{name}.csv").write_text(text, encoding="utf-8", newline="")
        for rel, content in (extra_files or {}).items():
            p = staging / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(content, encoding="utf-8", newline="")
        if out_dir.exists():
            # keep files we do not own (review pages, run history, notes) across the swap
            for item in out_dir.iterdir():
                target = staging / item.name
                if item.name.startswith("."):
                    continue
                if target.exists() and not (item.is_dir() and item.name in KEPT_SUBFOLDERS):
                    continue
                _copy_kept(item, target)
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
