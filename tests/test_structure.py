"""Citation markers, pipe tables and sentence spans on real seed lines."""
from pipeline.structure import find_markers, mask_markers, segment_text
from pipeline.parse import parse
from pipeline.documents import document_from_bytes


def test_markers_found_and_masked_without_moving_offsets():
    text = 'Armenia [c] fought. [54] Most fled, [70] [153] [154] [155] and "[p]ossibly" [ page needed ] ok.'
    labels = [m.label for m in find_markers(text)]
    assert labels == ["c", "54", "70", "153", "154", "155", "page needed"]
    masked = mask_markers(text, find_markers(text))
    assert len(masked) == len(text) and "[p]ossibly" in masked and "[" not in masked.replace("[p]", "")


def test_pipe_table_rows_become_cells_with_headers():
    text = ("Intro line.\nYear | Armenia | Azerbaijan | Total |\n---|---|---|---|\n"
            "2010 | 7 soldiers [282] | 18 soldiers | 25 soldiers [101] |\nAfter.")
    segs = segment_text(text)
    cells = [s for s in segs if s.kind == "cell" and s.row == 1]
    assert [text[s.start:s.end] for s in cells] == ["2010", "7 soldiers [282]", "18 soldiers", "25 soldiers [101]"]
    assert [s.header for s in cells] == ["Year", "Armenia", "Azerbaijan", "Total"]
    assert [text[s.start:s.end] for s in segs if s.kind == "prose"] == ["Intro line.", "After."]


def test_sentences_are_exact_and_carry_their_citations(nlp):
    text = "The war ended in 1994. [54] [55] Talks began.\r\nNew line here. [a]"
    parsed = parse(document_from_bytes(text.encode(), "t.txt"), nlp)
    spans = [text[s.start:s.end] for s in parsed.sentences]
    assert spans == ["The war ended in 1994.", "Talks began.", "New line here."]
    assert [s.citations for s in parsed.sentences] == [["54", "55"], [], ["a"]]


def test_seed_infobox_is_not_one_giant_sentence(seed_tables):
    sentences = seed_tables["sentences"]
    assert max(s["end"] - s["start"] for s in sentences) < 1500
    assert any(s["kind"] == "cell" for s in sentences)
    assert sum(1 for s in sentences if s["citations"]) > 200


def test_citation_template_residue_dates_time_no_event(nlp):
    from pipeline import extract_text
    text = (": CS1 maint: DOI inactive as of November 2024 (link)On 24th November 2020 the highway "
            "was closed; the only route is now the Lachin corridor.")
    t = extract_text(text, doc_id="ex", nlp=nlp)
    assert "2024-11-01" in set(t["dates"].start_date)          # still a date expression of the text
    assert "2024-11-01" not in set(t["events"].start_date)      # but no event is dated by it
    assert "2020-11-24" in set(t["events"].start_date)
    assert "CS1" not in " ".join(t["chronicle"].summary)
