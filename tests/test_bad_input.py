"""A bad-input corpus through the real `chronicle extract`: good documents extracted, bad ones named in
failures.csv with a clear reason, exit status 2, and the shared contract check passes."""
import csv
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED

GOOD = "On 19 September 2023, Azerbaijan launched an offensive; 200 soldiers were killed. [54]\n"


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("badinput")
    raw = base / "raw"
    (raw / "sub dir").mkdir(parents=True)
    w = lambda name, data: (raw / name).write_bytes(data)
    w("good.txt", GOOD.encode())
    w("same content.txt", GOOD.encode())                                   # two names, one sha256
    w("empty.txt", b"")
    w("blank.txt", b"   \n\t\n")
    w("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    w("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + b"\x00" * 100)
    w("archive.txt", b"PK\x03\x04" + bytes(200))
    w("latin1.txt", "Caf\u00e9 talks in M\u00fcnchen on 5 May 1994 \u2013 fine.\n".encode("cp1252"))
    w("utf16.txt", "In 1994 a ceasefire was signed.\r\n".encode("utf-16"))
    w("bom.txt", "\ufeffIn 1994 a ceasefire was signed.\n".encode("utf-8"))
    w("crlf.txt", b"On 9 May 1992 Shusha fell.\r\nIn 1994 a ceasefire.\rOn 12 May 2021 troops crossed.\r\n")
    w("longline.txt", b"x" * 1_000_000 + b" In 1994 a ceasefire.")
    w("nul.txt", b"In 1994\x00 a ceasefire was signed.\n")
    w("scripts.txt", "\u05d1\u05e9\u05e0\u05ea 1994 e\u0301 \U0001F600\u200d\U0001F4A5 On 3 May 2020 [1] clashes.\n".encode())
    w("page.txt", b"<html><body><script>alert(1)</script><p>On 3 May 2020 clashes.</p></body></html>\n# Title\n")
    w("sub dir/\u00fcn\u00efcode name ...txt", GOOD.encode())
    w("big.txt", b"In 1994 a ceasefire was signed. " * 70_000)         # ~2.2 MB, over the limit set below
    outside = base / "outside.txt"
    outside.write_bytes(GOOD.encode())
    os.symlink(outside, raw / "link.txt")
    out = base / "extracted"
    env = dict(os.environ, CHRONICLE_MAX_BYTES=str(2_000_000))
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(raw), "--out", str(out)],
                       capture_output=True, text=True, env=env, timeout=600)
    failures = {row["source"]: row["error"] for row in csv.DictReader(open(out / "failures.csv", encoding="utf-8"))}
    docs = {row["source"]: row for row in csv.DictReader(open(out / "documents.csv", encoding="utf-8"))}
    return raw, out, r, failures, docs


def test_exit_status_two_and_failures_named(bad_corpus):
    raw, out, r, failures, docs = bad_corpus
    assert r.returncode == 2, r.stderr
    assert set(failures) == {"empty.txt", "image.txt", "report.txt", "archive.txt", "big.txt", "link.txt"}
    assert "empty file" in failures["empty.txt"]
    assert "binary" in failures["image.txt"] and "binary" in failures["report.txt"]
    assert "over the limit" in failures["big.txt"]
    assert "outside the raw folder" in failures["link.txt"]
    for source in failures:
        assert source in r.stderr


def test_good_and_odd_documents_are_extracted(bad_corpus):
    raw, out, r, failures, docs = bad_corpus
    for source in ("good.txt", "same content.txt", "blank.txt", "latin1.txt", "utf16.txt", "bom.txt",
                   "crlf.txt", "longline.txt", "nul.txt", "scripts.txt", "page.txt",
                   "sub dir/\u00fcn\u00efcode name ...txt"):
        assert source in docs, source
    assert docs["good.txt"]["sha256"] == docs["same content.txt"]["sha256"]
    assert docs["good.txt"]["doc_id"] != docs["same content.txt"]["doc_id"]
    assert docs["latin1.txt"]["encoding"] == "cp1252" and docs["latin1.txt"]["warnings"]
    assert docs["utf16.txt"]["encoding"] == "utf-16"
    assert "/" not in docs["sub dir/\u00fcn\u00efcode name ...txt"]["doc_id"]
    dates = list(csv.DictReader(open(out / "dates.csv", encoding="utf-8")))
    by_doc = {}
    for d in dates:
        by_doc.setdefault(d["doc_id"], []).append(d["text"])
    assert by_doc[docs["crlf.txt"]["doc_id"]] == ["9 May 1992", "1994", "12 May 2021"]
    assert "1994" in by_doc[docs["utf16.txt"]["doc_id"]]
    assert "1994" in by_doc[docs["longline.txt"]["doc_id"]]


def test_contract_check_passes_on_the_bad_corpus(bad_corpus):
    raw, out, r, failures, docs = bad_corpus
    c = subprocess.run([sys.executable, str(SHARED / "tools" / "check_tables.py"), str(out), "--raw", str(raw)],
                       capture_output=True, text=True)
    assert c.returncode == 0, c.stdout
