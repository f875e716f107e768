"""A capture the text names no taker of is the act of the one side whose advance the paragraph told last."""
from pipeline import extract_text


def fall_actors(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[(ev.event_type == "offensive") & (ev.trigger == "fell")].actors.tolist()


def test_fallen_town_takes_the_one_attacker_of_the_paragraph(nlp):
    assert fall_actors("In March 1975 North Vietnamese forces attacked Ban Me Thuot. Hue fell on 25 March 1975.", nlp) \
        == ["north-vietnam"]


def test_no_taker_when_two_sides_attacked_or_another_paragraph(nlp):
    assert fall_actors("In March 1975 North Vietnamese and Chinese forces attacked the town. Hue fell on 25 March 1975.",
                       nlp) == [""]
    assert fall_actors("In March 1975 North Vietnamese forces attacked Ban Me Thuot.\nAfter a long battle, Hue fell on 25 March 1975.",
                       nlp) == [""]
