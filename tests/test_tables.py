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


def _date_row(start, text, value, a, b):
    return {"doc_id": "d", "date_id": f"d:d{start}-{start + len(text)}", "sentence_id": "d:s0", "start": start,
            "end": start + len(text), "text": text, "kind": "date", "value": value, "start_date": a,
            "end_date": b, "granularity": "year", "mod": "", "rule": "year_bc"}


def test_bc_date_cells_are_data_not_formulas():
    """A validated BC date ("-0218-01-01", "-0264/-0241") keeps its minus sign; anything else that begins
    with "-" in the same columns, or BC-looking text in a text column, is still neutralised."""
    rows = [_date_row(0, "218 BC", "-0218", "-0218-01-01", "-0218-12-31"),
            _date_row(10, "264–241 BC", "-0264/-0241", "-0264-01-01", "-0241-12-31"),
            _date_row(30, "-0218", "-0218", "-0218-01-01", "-0218-12-31"),
            _date_row(40, "x", "-1+2", "-0218-01-01", "-0218-12-31")]
    out = list(csv.DictReader(io.StringIO(to_csv("dates", rows))))
    assert [(r["value"], r["start_date"], r["end_date"]) for r in out[:2]] == [
        ("-0218", "-0218-01-01", "-0218-12-31"), ("-0264/-0241", "-0264-01-01", "-0241-12-31")]
    assert out[2]["text"] == "'-0218"                  # the text column is text: guarded as before
    assert out[3]["value"] == "'-1+2"                   # not a date: guarded


def test_chronicle_orders_bc_dates_before_ad_and_by_year():
    rows = [{"event_key": k, "start_date": a, "end_date": a, "event_type": "battle", "actors": "",
             "locations": "", "summary": "", "n_mentions": 1, "doc_ids": "d", "event_ids": "", "confidence": 0.5}
            for k, a in (("ad", "0010-01-01"), ("late", "-0241-01-01"), ("early", "-0264-01-01"), ("none", ""))]
    out = list(csv.DictReader(io.StringIO(to_csv("chronicle", rows))))
    assert [r["event_key"] for r in out] == ["early", "late", "ad", "none"]
