"""Argument roles of a trigger (pipeline/events/arguments.role_spans)."""
from pipeline.events.arguments import role_spans


def _roles(nlp, text, trigger):
    doc = nlp(text)
    at = text.index(trigger)
    return {(r[0], text[r[1]:r[2]]) for r in role_spans(doc, at, at + len(trigger))}


def test_a_participle_joined_to_a_passive_verb_is_passive(nlp):
    # "was overthrown and executed": Diem undergoes the execution, he does not do it
    roles = _roles(nlp, "President Diem was overthrown and executed, along with his brother, on 2 November 1963.", "executed")
    assert any(r == "patient" and "Diem" in s for r, s in roles), roles
    assert not any(r == "subject" and "Diem" in s for r, s in roles), roles


def test_an_active_verb_joined_to_a_passive_verb_keeps_its_subject(nlp):
    roles = _roles(nlp, "On 4 May 1944 the French army was defeated and retreated to the river.", "retreated")
    assert any(r == "subject" and "army" in s for r, s in roles), roles
