"""Table writing: contract columns, stable order, OWASP neutralisation of formula-like text cells."""
import csv
import io

from pipeline.tables import COLUMNS, CONTRACT, to_csv


def test_formula_like_text_cells_get_one_quote_and_numbers_stay_numbers():
    rows = [{"doc_id": "d", "quantity_id": "d:q0-2", "sentence_id": "d:s0", "start": 0, "end": 2,
             "text": "-5", "value_low": -5.0, "value_high": -5.0, "unit": "count", "qualifier": "",
             "counted": "=HYPERLINK(\"http://x\")", "category": "other", "rule": "number"},
            {"doc_id": "d", "quantity_id": "d:q3-5", "sentence_id": "d:s0", "start": 3, "end": 5,
             "text": "@5", "value_low": 5, "value_high": 5, "unit": "count", "qualifier": "",
             "counted": "+cmd|' /C calc'!A0", "category": "other", "rule": "number"}]
    out = list(csv.DictReader(io.StringIO(to_csv("quantities", rows))))
    assert [r["text"] for r in out] == ["'-5", "'@5"]
    assert out[0]["counted"].startswith("'=") and out[1]["counted"].startswith("'+")
    assert out[0]["value_low"] == "-5" and out[1]["value_high"] == "5"


def test_contract_columns_come_first_and_rows_are_sorted():
    for name, cols in CONTRACT.items():
        assert COLUMNS[name][:len(cols.split())] == cols.split()
    rows = [{"doc_id": "b", "sentence_id": "b:s5", "start": 5, "end": 9, "citations": ""},
            {"doc_id": "a", "sentence_id": "a:s9", "start": 9, "end": 12, "citations": "54;55"},
            {"doc_id": "a", "sentence_id": "a:s0", "start": 0, "end": 4, "citations": ""}]
    out = list(csv.DictReader(io.StringIO(to_csv("sentences", rows))))
    assert [r["sentence_id"] for r in out] == ["a:s0", "a:s9", "b:s5"]
