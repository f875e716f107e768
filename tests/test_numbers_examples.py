"""The numbers examples corpus (pipeline/numbers/examples.jsonl) as parametrized tests against the real pipeline."""
import json
from pathlib import Path

import pytest

from pipeline import extract_text

EXAMPLES = Path(__file__).resolve().parents[1] / "pipeline" / "numbers" / "examples.jsonl"
CASES = [json.loads(ln) for ln in EXAMPLES.read_text(encoding="utf-8").splitlines()
         if ln.strip() and not ln.startswith("//")]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_number_example(case, nlp):
    q = extract_text(case["text"], doc_id="ex", nlp=nlp)["quantities"]
    got = list(q.itertuples())
    assert [r.text for r in got] == [e[0] for e in case["expect"]]
    for r, e in zip(got, case["expect"]):
        assert case["text"][r.start:r.end] == r.text
        assert r.value_low == pytest.approx(e[1], rel=1e-3) and r.value_high == pytest.approx(e[2], rel=1e-3)
        assert (r.unit, r.qualifier or "") == (e[3], e[4])
        if len(e) > 5:
            if e[5]:
                assert r.counted == e[5]
            assert r.category == e[6]
