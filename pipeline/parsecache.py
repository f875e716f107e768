"""The parse cache: each document's statistical analysis (spaCy DocBin), so re-extraction runs only the rules.

What is cached, and what always runs
- The pipeline is split into runs of the *model's* pipes (tok2vec, tagger, parser, attribute_ruler,
  lemmatizer, ner: whatever the model package brings) and runs of *our* pipes (every component
  added from pipeline.json: gazetteer, time/number rules, event triggers, and any added later).
- The first run of model pipes (everything before our first component) is stored as a DocBin:
  tokens, tags, POS, morphology, lemmas, dependency parse, sentence starts. Its key is the exact
  text given to spaCy for every segment (after marker masking and table splitting) and the model key.
- A later run of model pipes (here `ner`, which sees the gazetteer's entities) is cached by a hash of
  its *input*: every token attribute of every segment Doc after our components before it. On a
  load, our components run first, the hash is recomputed, and only when it is unchanged are the
  stored token attributes that run wrote (entity IOB/type) put back; otherwise it runs again.
  So a changed gazetteer re-runs NER, and any other rule change re-runs no model pipe at all.
- Our components always run on the loaded Docs: nothing they store (extensions, user_data,
  doc.spans, rule-made entities) is ever read from the cache. DocBin keeps neither doc.tensor nor
  user_data; nothing downstream of the model reads them.

Model key: spaCy's and thinc's versions, the model package name and version, a hash of every file
of the installed model, the config of the model's pipes, the pipe order and the batch size.

Store: one file per key, `<cache_dir>/parses/<key>.parse`: a magic line, the sha256 of the payload,
then the payload (msgpack). Written to a temporary file in the same folder, fsynced, and renamed
over the entry, so a killed run never leaves a half-written entry under a key; an entry that fails
its checksum or does not decode to the expected texts is reported (a warning naming the file),
ignored and rebuilt. Entries can be shared by processes and hosts (--workers, Dask): two writers
of one key write the same content and the rename is atomic.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy

log = logging.getLogger("chronicle.parsecache")

SCHEMA = 1                           # bump when the meaning or layout of an entry changes
MAGIC = b"chronicle-parse\n"
SUFFIX = ".parse"
SUBDIR = "parses"
TMP_PREFIX = ".tmp-"
# every token attribute a DocBin keeps, and SPACY: the state a model pipe reads and writes
STATE_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
               "LEMMA", "MORPH", "POS", "SENT_START", "SPACY")


class CacheEntryError(Exception):
    """A parse-cache entry that cannot be trusted (the message says why)."""


# ---------------------------------------------------------------- the pipeline, split

def model_pipe_names(nlp) -> list[str]:
    """The model package's own pipes (recorded by nlp.build_nlp; else: not a chronicle_* factory)."""
    names = nlp.meta.get("chronicle_model_pipes")
    if names is not None:
        return [n for n in nlp.pipe_names if n in names]
    return [n for n in nlp.pipe_names if not nlp.get_pipe_meta(n).factory.startswith("chronicle_")]


def pipe_groups(nlp) -> list[tuple[str, list[tuple[str, object]]]]:
    """[("model" | "ours", [(name, component), ...]), ...]: consecutive pipes of one kind."""
    model = set(model_pipe_names(nlp))
    groups: list[tuple[str, list]] = []
    for name, proc in nlp.pipeline:
        kind = "model" if name in model else "ours"
        if groups and groups[-1][0] == kind:
            groups[-1][1].append((name, proc))
        else:
            groups.append((kind, [(name, proc)]))
    return groups


def _model_dir(nlp) -> Path | None:
    path = getattr(nlp, "_path", None)
    if path:
        return Path(path)
    try:
        import importlib
        mod = importlib.import_module(f"{nlp.meta['lang']}_{nlp.meta['name']}")
        return Path(mod.__file__).parent
    except (ImportError, KeyError, TypeError):
        return None


@lru_cache(maxsize=4)
def _files_hash(folder: str) -> str:
    h = hashlib.sha256()
    root = Path(folder)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".pyc", ".pyo")):
                continue
            p = Path(dirpath) / name
            h.update(p.relative_to(root).as_posix().encode("utf-8") + b"\0")
            with open(p, "rb") as f:
                h.update(hashlib.file_digest(f, "sha256").digest())
    return h.hexdigest()


_MODEL_KEYS: dict[int, tuple[object, str]] = {}


def model_key(nlp, batch_size: int) -> str:
    """What the statistical analysis depends on besides the text (one hash, computed once per pipeline)."""
    hit = _MODEL_KEYS.get(id(nlp))
    if hit is not None and hit[0] is nlp and hit[1][0] == batch_size:
        return hit[1][1]
    import spacy
    import thinc
    folder = _model_dir(nlp)
    structure = [[n for n, _ in procs] if kind == "model" else "*" for kind, procs in pipe_groups(nlp)]
    config = {n: nlp.config["components"].get(n) for n in model_pipe_names(nlp)}
    parts = {"schema": SCHEMA, "spacy": spacy.__version__, "thinc": thinc.__version__,
             "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}", "version": nlp.meta.get("version"),
             "files": _files_hash(str(folder)) if folder and folder.is_dir() else None,
             "structure": structure, "config": config, "batch_size": batch_size}
    key = hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    _MODEL_KEYS[id(nlp)] = (nlp, (batch_size, key))
    return key


def parse_key(nlp, texts: list[str], batch_size: int) -> str:
    """The cache key of one document's analysis: the model key and the exact segment texts."""
    h = hashlib.sha256(model_key(nlp, batch_size).encode("ascii"))
    for t in texts:
        b = t.encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


# ---------------------------------------------------------------- the store

@dataclass
class Entry:
    key: str
    docbin: bytes                                   # DocBin of the Docs after the first model run
    late: list = field(default_factory=list)        # per later model run: {"input", "attrs", "data"} or None
    n_tokens: int = 0


class ParseCache:
    """`<root>/<key>.parse` files; read=False (refresh) still writes fresh entries."""

    def __init__(self, root: str | os.PathLike, read: bool = True, write: bool = True):
        self.root = Path(root)
        self.read, self.write = read, write

    def path(self, key: str) -> Path:
        return self.root / f"{key}{SUFFIX}"

    def load(self, key: str) -> Entry | None:
        """The entry for key, None when absent; raises CacheEntryError when present but not trustworthy."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as e:
            raise CacheEntryError(f"cannot read it ({e.strerror or e})")
        return decode_entry(data, key)

    def store(self, entry: Entry) -> int:
        data = encode_entry(entry)
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX, suffix=SUFFIX, dir=self.root)
        try:
            os.fchmod(fd, 0o644)            # readable by every worker of a shared cache (mkstemp makes 0600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path(entry.key))
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        return len(data)


def encode_entry(entry: Entry) -> bytes:
    import srsly
    payload = srsly.msgpack_dumps({"schema": SCHEMA, "key": entry.key, "docbin": entry.docbin,
                                   "late": entry.late, "n_tokens": entry.n_tokens})
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode_entry(data: bytes, key: str) -> Entry:
    import srsly
    if not data.startswith(MAGIC):
        raise CacheEntryError("not a parse-cache entry (bad header)" if data else "empty file")
    digest, payload = data[len(MAGIC):len(MAGIC) + 32], data[len(MAGIC) + 32:]
    if len(digest) < 32 or hashlib.sha256(payload).digest() != digest:
        raise CacheEntryError("checksum mismatch (truncated or corrupted)")
    try:
        msg = srsly.msgpack_loads(payload)
    except Exception as e:
        raise CacheEntryError(f"undecodable payload ({type(e).__name__})")
    if not isinstance(msg, dict) or msg.get("schema") != SCHEMA:
        raise CacheEntryError(f"written by another cache schema ({msg.get('schema') if isinstance(msg, dict) else '?'})")
    if msg.get("key") != key:
        raise CacheEntryError("holds another key")
    return Entry(key, msg["docbin"], list(msg.get("late") or []), int(msg.get("n_tokens") or 0))


def cache_stats(root: str | os.PathLike) -> dict:
    """{"dir", "entries", "bytes"} of a parse-cache folder (temporary files not counted)."""
    root = Path(root)
    n = size = 0
    if root.is_dir():
        for p in root.iterdir():
            if p.name.endswith(SUFFIX) and not p.name.startswith(TMP_PREFIX):
                try:
                    size += p.stat().st_size
                    n += 1
                except OSError:
                    pass
    return {"dir": str(root), "entries": n, "bytes": size}


def prune(root: str | os.PathLike, keep: set[str], tmp_age: float = 3600.0) -> dict:
    """Delete entries whose key is not in keep, and temporary files older than tmp_age seconds."""
    root = Path(root)
    removed = freed = 0
    if not root.is_dir():
        return {"removed": 0, "bytes": 0}
    now = time.time()
    for p in root.iterdir():
        name = p.name
        try:
            if name.startswith(TMP_PREFIX):
                if now - p.stat().st_mtime < tmp_age:
                    continue                # maybe being written by a running worker
            elif not name.endswith(SUFFIX) or name[:-len(SUFFIX)] in keep:
                continue
            size = p.stat().st_size
            p.unlink()
            removed += 1
            freed += size
        except OSError:
            pass
    return {"removed": removed, "bytes": freed}


# ---------------------------------------------------------------- running the pipeline through the cache

def _state(doc) -> numpy.ndarray:
    return doc.to_array(list(STATE_ATTRS))


def _state_hash(docs) -> str:
    h = hashlib.sha256()
    for d in docs:
        a = numpy.ascontiguousarray(_state(d))
        h.update(len(d).to_bytes(8, "little"))
        h.update(a.tobytes())
    return h.hexdigest()


def _side_state(doc) -> tuple:
    """What a pipe may write outside the token attributes (then its output cannot be restored)."""
    return (tuple(sorted(doc.spans.keys())), len(doc.user_data), tuple(sorted(doc.cats.items())))


def run_pipes(docs: list, procs, batch_size: int, check=None) -> list:
    """Each component over all Docs in batches of batch_size: what nlp.pipe does, one component at a time."""
    for _name, proc in procs:
        if hasattr(proc, "pipe"):
            out = []
            for d in proc.pipe(docs, batch_size=batch_size):
                out.append(d)
                if check is not None and len(out) % batch_size == 0:
                    check()
            docs = out
        else:
            docs = [proc(d) for d in docs]
        if check is not None:
            check()
    return docs


@dataclass
class Analysis:
    docs: list
    key: str | None = None
    status: str = "off"              # off | miss | hit | hit+rerun:<pipes> | rebuilt: <why>
    timing: dict = field(default_factory=lambda: {"model": 0.0, "ours": 0.0, "cache_io": 0.0})
    entry_bytes: int = 0


def analyse(nlp, texts: list[str], batch_size: int, cache: ParseCache | None = None, check=None) -> Analysis:
    """The spaCy Docs of the segment texts after the whole pipeline, through the parse cache when given."""
    if cache is None:
        timing = _timing()
        docs = _run_groups(nlp, [nlp.make_doc(t) for t in texts], pipe_groups(nlp), batch_size, check, timing)
        return Analysis(docs, None, "off", timing)
    key = parse_key(nlp, texts, batch_size)
    if cache.read:
        timing = _timing()
        try:
            res = _analyse_cached(nlp, texts, key, batch_size, cache, check, timing)
            if res is not None:
                return res
            status = "miss"
        except CacheEntryError as e:
            status = f"rebuilt: {e}"
            log.warning("parse cache: ignoring entry %s: %s; parsing the document again", cache.path(key), e)
    else:
        status = "refresh"
    timing = _timing()
    groups = pipe_groups(nlp)
    first = groups[0][1] if groups and groups[0][0] == "model" else []
    rest = groups[1:] if first else groups
    t = time.perf_counter()
    docs = run_pipes([nlp.make_doc(x) for x in texts], first, batch_size, check)
    timing["model"] += time.perf_counter() - t
    t = time.perf_counter()
    from spacy.tokens import DocBin
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    entry = Entry(key, db.to_bytes(), [], sum(len(d) for d in docs))
    timing["cache_io"] += time.perf_counter() - t
    docs = _run_groups(nlp, docs, rest, batch_size, check, timing, entry)
    return Analysis(docs, key, status, timing, _store(cache, entry, timing))


def _timing() -> dict:
    return {"model": 0.0, "ours": 0.0, "cache_io": 0.0}


def _analyse_cached(nlp, texts, key, batch_size, cache, check, timing) -> Analysis | None:
    """Through a stored entry: None when there is none; CacheEntryError when it cannot be trusted."""
    from spacy.tokens import DocBin
    t = time.perf_counter()
    entry = cache.load(key)
    if entry is None:
        return None
    try:
        docs = list(DocBin(store_user_data=False).from_bytes(entry.docbin).get_docs(nlp.vocab))
    except Exception as e:
        raise CacheEntryError(f"undecodable DocBin ({type(e).__name__}: {e})")
    if len(docs) != len(texts) or any(d.text != x for d, x in zip(docs, texts)):
        raise CacheEntryError("its Docs do not match the document's text")
    timing["cache_io"] += time.perf_counter() - t
    groups = pipe_groups(nlp)
    rest = groups[1:] if groups and groups[0][0] == "model" else groups
    late_before = [dict(x) if x else x for x in entry.late]
    reran: list[str] = []
    docs = _run_groups(nlp, docs, rest, batch_size, check, timing, entry, reran)
    status = "hit" + (f"+rerun:{','.join(reran)}" if reran else "")
    size = _store(cache, entry, timing) if entry.late != late_before else 0
    return Analysis(docs, key, status, timing, size)


def _run_groups(nlp, docs, groups, batch_size, check, timing, entry: Entry | None = None,
                reran: list | None = None) -> list:
    """Our pipes always run; a model run after ours is restored from entry.late when its input is unchanged."""
    late_i = 0
    for kind, procs in groups:
        t = time.perf_counter()
        if kind == "ours":
            docs = run_pipes(docs, procs, batch_size, check)
            timing["ours"] += time.perf_counter() - t
            continue
        if entry is None:
            docs = run_pipes(docs, procs, batch_size, check)
            timing["model"] += time.perf_counter() - t
            continue
        stored = entry.late[late_i] if late_i < len(entry.late) else None
        h = _state_hash(docs)
        if stored and stored.get("input") == h and stored.get("attrs") is not None:
            _restore(docs, stored)              # raises CacheEntryError before changing anything
            timing["cache_io"] += time.perf_counter() - t
        else:
            before = [_state(d) for d in docs]
            side = [_side_state(d) for d in docs]
            docs = run_pipes(docs, procs, batch_size, check)
            timing["model"] += time.perf_counter() - t
            t = time.perf_counter()
            record = _record(docs, before, side, h)
            entry.late[late_i:late_i + 1] = [record]
            timing["cache_io"] += time.perf_counter() - t
            if reran is not None:
                reran += [n for n, _ in procs]
        late_i += 1
    return docs


def _store(cache: ParseCache, entry: Entry, timing: dict) -> int:
    if not cache.write:
        return 0
    t = time.perf_counter()
    try:
        return cache.store(entry)
    except OSError as e:             # a full disk or a read-only cache costs speed, never the document
        log.warning("parse cache: cannot write %s: %s", cache.path(entry.key), e.strerror or e)
        return 0
    finally:
        timing["cache_io"] += time.perf_counter() - t


def _record(docs, before, side, input_hash: str) -> dict:
    """The token attributes a later model run changed, for every Doc (or a note that it cannot be restored)."""
    if any(_side_state(d) != s for d, s in zip(docs, side)):
        return {"input": input_hash, "attrs": None}      # it wrote more than token attributes: always run it
    after = [_state(d) for d in docs]
    changed = [j for j, _ in enumerate(STATE_ATTRS)
               if any(not numpy.array_equal(a[:, j], b[:, j]) for a, b in zip(before, after))]
    changed = [j for j in changed if STATE_ATTRS[j] not in ("ORTH", "SPACY")]
    if len(changed) == 0:
        data = b""
    else:
        data = zlib.compress(numpy.ascontiguousarray(
            numpy.concatenate([a[:, changed] for a in after]) if after
            else numpy.zeros((0, len(changed)), dtype="uint64")).astype("uint64").tobytes(), 6)
    strings = sorted({d.vocab.strings[int(v)] for d, a in zip(docs, after) for v in numpy.unique(a[:, changed])
                      if int(v) in d.vocab.strings}) if changed else []
    return {"input": input_hash, "attrs": [STATE_ATTRS[j] for j in changed], "data": data, "strings": strings}


def _restore(docs, stored: dict) -> None:
    attrs = stored["attrs"]
    if not attrs:
        return
    try:
        arr = numpy.frombuffer(zlib.decompress(stored["data"]), dtype="uint64").reshape(-1, len(attrs))
    except (ValueError, TypeError, KeyError, zlib.error) as e:
        raise CacheEntryError(f"undecodable stored annotations ({e})")
    if arr.shape[0] != sum(len(d) for d in docs) or any(a not in STATE_ATTRS for a in attrs):
        raise CacheEntryError("stored annotations do not fit the Docs")
    for s in stored.get("strings") or ():
        if docs:
            docs[0].vocab.strings.add(s)
    i = 0
    for d in docs:
        n = len(d)
        if n:
            d.from_array(list(attrs), numpy.ascontiguousarray(arr[i:i + n]))
        i += n
