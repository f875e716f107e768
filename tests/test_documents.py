"""Documents: ids, hashes, encodings, offsets; bad input gets a named, clear error."""
import hashlib
import subprocess
import sys

import pytest

from pipeline.documents import discover, document_from_bytes, load_document, slugify
from pipeline.errors import DocumentError


def test_doc_id_is_a_safe_slug_of_the_relative_path(tmp_path):
    (tmp_path / "news" / "Sep 2023").mkdir(parents=True)
    (tmp_path / "news" / "Sep 2023" / "Ceasefire Report.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("y", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("z", encoding="utf-8")
    entries = discover(tmp_path)
    assert [e.doc_id for e in entries] == ["a", "news-sep-2023-ceasefire-report"]
    assert [e.source for e in entries] == ["a.txt", "news/Sep 2023/Ceasefire Report.txt"]
    assert slugify("../x/Ünïcode file.txt") == "x-unicode-file"


def test_bom_and_crlf_keep_offsets_into_the_decoded_text():
    data = "\ufeffIn 1994 a ceasefire.\r\nOn 9 May.".encode("utf-8")
    doc = document_from_bytes(data, "bom.txt")
    assert doc.text[0] == "\ufeff" and doc.text.index("1994") == 4 and "\r\n" in doc.text
    assert doc.sha256 == hashlib.sha256(data).hexdigest()


def test_sidecar_reference_date_and_title(tmp_path):
    (tmp_path / "n.txt").write_text("Talks resumed yesterday.", encoding="utf-8")
    (tmp_path / "n.meta.json").write_text('{"reference_date": "2023-09-21", "title": "Talks"}', encoding="utf-8")
    doc = load_document(tmp_path / "n.txt", tmp_path)
    assert str(doc.reference_date) == "2023-09-21" and doc.title == "Talks"
    (tmp_path / "n.meta.json").write_text('{"reference_date": "21/09/2023"}', encoding="utf-8")
    with pytest.raises(DocumentError, match=r"n.txt: sidecar n.meta.json: reference_date"):
        load_document(tmp_path / "n.txt", tmp_path)


@pytest.mark.parametrize("data, problem", [
    (b"", "empty file"),
    (b"%PDF-1.7\n\x00\x01binary", "binary file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    (bytes(range(256)) * 4, "not a text file"),
])
def test_bad_bytes_get_a_named_error(data, problem):
    with pytest.raises(DocumentError) as e:
        document_from_bytes(data, "bad/file.txt")
    assert str(e.value).startswith("bad/file.txt: ") and problem in str(e.value)


def test_windows_1252_is_decoded_with_a_declared_fallback():
    doc = document_from_bytes("Caf\u00e9 talks \u2013 1994".encode("cp1252"), "legacy.txt")
    assert doc.encoding == "cp1252" and doc.text == "Caf\u00e9 talks \u2013 1994" and doc.warnings


def test_cli_missing_raw_folder_is_one_clear_line(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", "extract", str(tmp_path / "nope"),
                        "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [f"chronicle: error: raw folder {tmp_path / 'nope'} does not exist"]
