"""Raw files -> Document: bytes, sha256, decoded text, doc_id and optional sidecar metadata."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DocumentError, RawFolderError

DEFAULT_MAX_BYTES = int(os.environ.get("CHRONICLE_MAX_BYTES", 20 * 1024 * 1024))
# Magic numbers of formats that are never plain text (image, PDF, archives, office files).
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
                b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"Rar!", b"\x7fELF")


@dataclass(frozen=True)
class Document:
    doc_id: str
    source: str            # path relative to the raw folder, '/'-separated
    sha256: str
    text: str
    encoding: str = "utf-8"
    reference_date: dt.date | None = None
    title: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)


def slugify(relative_path: str) -> str:
    stem = relative_path[:-4] if relative_path.lower().endswith(".txt") else relative_path
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug or "doc"


def decode_bytes(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """Return (text, encoding, warnings). Refuse what is not text with a clear reason."""
    if not data:
        raise DocumentError(source, "empty file (0 bytes): nothing to extract")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as e:
            raise DocumentError(source, f"UTF-16 byte-order mark but invalid UTF-16 at byte {e.start}")
    if data.startswith(BINARY_MAGIC):
        raise DocumentError(source, "binary file (image, PDF or archive), not text")
    head = data[:65536]
    if head.count(b"\x00") > max(8, len(head) // 100):
        raise DocumentError(source, "binary content (many NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as e:
        utf8_error = f"not valid UTF-8 at byte {e.start}"
    # Declared fallback: legacy Windows-1252 text (a superset of printable Latin-1).
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DocumentError(source, f"{utf8_error} and not Windows-1252 either: not a text file")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise DocumentError(source, f"{utf8_error}; looks binary, not text")
    return text, "cp1252", (f"{utf8_error}; decoded as Windows-1252",)


def read_sidecar(txt_path: Path, source: str) -> tuple[dt.date | None, str | None]:
    meta = txt_path.with_name(txt_path.name[:-4] + ".meta.json") if txt_path.name.lower().endswith(".txt") else None
    if meta is None or not meta.is_file():
        return None, None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DocumentError(source, f"sidecar {meta.name} is not valid JSON: {e}")
    if not isinstance(data, dict):
        raise DocumentError(source, f"sidecar {meta.name} must hold a JSON object")
    ref = data.get("reference_date")
    ref_date = None
    if ref:
        try:
            ref_date = dt.date.fromisoformat(str(ref)[:10])
        except ValueError:
            raise DocumentError(source, f"sidecar {meta.name}: reference_date {ref!r} is not YYYY-MM-DD")
    title = data.get("title")
    return ref_date, (str(title) if title is not None else None)


def document_from_bytes(data: bytes, source: str, doc_id: str | None = None,
                        reference_date: dt.date | None = None, title: str | None = None,
                        max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        raise DocumentError(source, f"file is {len(data):,} bytes, over the limit of {max_bytes:,} "
                                    f"(raise it with --max-bytes or CHRONICLE_MAX_BYTES)")
    text, encoding, warnings = decode_bytes(data, source)
    return Document(doc_id=doc_id or slugify(source), source=source,
                    sha256=hashlib.sha256(data).hexdigest(), text=text, encoding=encoding,
                    reference_date=reference_date, title=title, warnings=warnings)


def load_document(path: Path, root: Path, doc_id: str | None = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    source = path.relative_to(root).as_posix()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(source, f"file is {size:,} bytes, over the limit of {max_bytes:,} "
                                        f"(raise it with --max-bytes or CHRONICLE_MAX_BYTES)")
        data = path.read_bytes()
    except OSError as e:
        raise DocumentError(source, f"cannot read file: {e.strerror or e}")
    ref_date, title = read_sidecar(path, source)
    return document_from_bytes(data, source, doc_id=doc_id, reference_date=ref_date, title=title,
                               max_bytes=max_bytes)


@dataclass(frozen=True)
class RawEntry:
    path: Path
    source: str
    doc_id: str
    root: Path
    problem: str | None = None   # set when the entry is refused before reading (e.g. symlink outside)


def discover(raw_dir: str | os.PathLike) -> list[RawEntry]:
    """Every *.txt under raw_dir (recursive), with stable doc_ids; symlinks out of the folder refused."""
    root = Path(raw_dir)
    if not root.exists():
        raise RawFolderError(f"raw folder {root} does not exist")
    if not root.is_dir():
        raise RawFolderError(f"raw folder {root} is not a folder")
    root_real = root.resolve()
    found: list[tuple[Path, str, str | None]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.lower().endswith(".txt"):
                continue
            path = Path(dirpath) / name
            source = path.relative_to(root).as_posix()
            problem = None
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root_real):
                    problem = f"symlink to {target} points outside the raw folder; not followed"
                elif not target.is_file():
                    problem = "symlink to something that is not a file"
            found.append((path, source, problem))
    slugs: dict[str, list[str]] = {}
    for _, source, _ in found:
        slugs.setdefault(slugify(source), []).append(source)
    entries = []
    for path, source, problem in found:
        slug = slugify(source)
        if len(slugs[slug]) > 1:  # two paths, one slug: disambiguate by a hash of the path
            slug = f"{slug}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:8]}"
        entries.append(RawEntry(path, source, slug, root, problem))
    return sorted(entries, key=lambda e: e.doc_id)
