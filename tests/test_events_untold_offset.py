"""A vague offset forward ("the next day", "days later") that its own sentence tells after an act of another clause
counts from that act, which the text gives no date of its own: the act it dates is dated as the narrative carries a
date (under the 0.75 of an act dated by its own words), not at an own date's confidence. An offset opening its
sentence, or counted from a date of its own sentence, keeps it."""
from pipeline import extract_text

SURE = 0.75


def _conf(nlp, text, etype, start):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    hits = ev[(ev.event_type == etype) & (ev.start_date == start)]
    assert len(hits), ev[["event_type", "trigger", "start_date", "confidence"]].values.tolist()
    return float(hits.confidence.max())


def test_offset_after_an_undated_act_is_carried(nlp):
    text = ("On 15 September 1776 the British landed at Kips Bay. "
            "The Americans withdrew to Harlem Heights, where they skirmished the next day but held their ground.")
    assert _conf(nlp, text, "clash", "1776-09-16") < SURE
    text = ("On 2 March 1917 the rebels crossed the river. "
            "The rebels lost a battle at the ford but days later they defeated the garrison at the bridge.")
    assert _conf(nlp, text, "clash", "1917-03-04") < SURE


def test_offset_opening_its_sentence_or_counted_in_it_is_own(nlp):
    # from the act the sentence before dated
    assert _conf(nlp, "On 2 March 1917 the rebels crossed the river. Two days later the rebels captured the bridge.",
                 "offensive", "1917-03-04") >= SURE
    # from a date of its own sentence
    assert _conf(nlp, "On 2 March 1917 the rebels crossed the river and two days later they captured the bridge.",
                 "offensive", "1917-03-04") >= SURE
    # the only act before the offset is the one it dates ("A second attack was reported two days later")
    assert _conf(nlp, "On 2 August 1964 a destroyer was attacked. A second attack was reported two days later near the coast.",
                 "other", "1964-08-04") >= SURE
