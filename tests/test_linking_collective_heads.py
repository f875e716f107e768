"""A coalition's head noun the entity model takes alone ("Powers" of "the Central Powers") is not a surname of
another name ending in it ("the Entente Powers"): it links to the name the text gives with the word before it."""
from pipeline.entities.linking import Mention, link_mentions


def _m(text, doc, word, label, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc.index(word, start + 1)
    return Mention(start, start + len(word), word, label, "ner", "s1")


def test_head_noun_alone_links_to_its_own_coalition():
    doc = ("When the Entente Powers promised Romania land, it joined them. The Central Powers attacked Serbia. "
           "In May the Central Powers achieved a breakthrough.")
    ms = [_m("Entente Powers", doc, "Entente Powers", "PERSON"), _m("Central Powers", doc, "Central Powers", "ORG"),
          Mention(doc.rindex("Powers"), doc.rindex("Powers") + 6, "Powers", "PERSON", "ner", "s3")]
    link_mentions(doc, ms)
    assert ms[2].entity_id == ms[1].entity_id == "central-powers"
    assert ms[0].entity_id != ms[2].entity_id


def test_surnames_still_link():
    doc = "General Horatio Gates marched north. Gates won at Saratoga."
    ms = [_m("Horatio Gates", doc, "Horatio Gates", "PERSON"), Mention(doc.rindex("Gates"), doc.rindex("Gates") + 5, "Gates", "PERSON", "ner", "s2")]
    link_mentions(doc, ms)
    assert ms[0].entity_id == ms[1].entity_id
