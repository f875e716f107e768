"""The time examples corpus (pipeline/time/examples.jsonl) as parametrized tests against the real pipeline."""
import json
from pathlib import Path

import pytest

from pipeline import extract_text

EXAMPLES = Path(__file__).resolve().parents[1] / "pipeline" / "time" / "examples.jsonl"
CASES = [json.loads(ln) for ln in EXAMPLES.read_text(encoding="utf-8").splitlines()
         if ln.strip() and not ln.startswith("//")]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_time_example(case, nlp):
    dates = extract_text(case["text"], doc_id="ex", reference_date=case.get("reference_date"), nlp=nlp)["dates"]
    got = [[r.text, r.kind, r.value, r.start_date, r.end_date, r.mod] for r in dates.itertuples()]
    want = [e + [""] * (6 - len(e)) for e in case["expect"]]
    assert got == want
    for r in dates.itertuples():
        assert case["text"][r.start:r.end] == r.text
