"""Property tests over the extractors: arbitrary text never breaks the invariants of the tables."""
import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline import extract_text

WORDS = ["In", "1994", "between", "1", "and", "5", "April", "2016", "[54]", "killed", "3,000", "–", "-", "late",
         "the", "1990s", "$3", "billion", "|", "\n", "Armenia", "ceasefire", "signed", "one-third", "%", "(", ")",
         "two", "decades", "later", "following", "month", "Resolution", "62/243", ",", ".", "\r\n", "\u200d", "é"]
texty = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
anything = st.text(max_size=300)


def check_invariants(text, tables):
    for name in ("sentences", "mentions", "dates", "quantities", "events"):
        for r in tables[name].itertuples():
            assert 0 <= r.start < r.end <= len(text)
            if hasattr(r, "text") and name != "events":
                assert text[r.start:r.end] == r.text
    for r in tables["dates"].itertuples():
        if r.start_date:
            assert dt.date.fromisoformat(r.start_date) <= dt.date.fromisoformat(r.end_date)
    for r in tables["quantities"].itertuples():
        assert r.value_low <= r.value_high


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(texty, anything))
def test_arbitrary_text_keeps_the_invariants(nlp, text):
    check_invariants(text, extract_text(text, doc_id="prop", nlp=nlp))
