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


def test_a_relative_clause_on_a_force_a_side_sent_is_that_sides_act(nlp):
    # "Britain dispatched a task force, which sailed ...": the force names no side; the one that sent it acts
    roles = _roles(nlp, "On 5 April 1970 Britain dispatched a task force, which sailed to the islands on 9 April.", "sailed")
    assert ("subject", "Britain") in roles, roles
    # a force a side fought is the enemy's: its relative clause is not the attacker's act
    roles = _roles(nlp, "On 5 April 1970 Britain attacked a force which retreated to the islands on 9 April.", "retreated")
    assert ("subject", "Britain") not in roles, roles
    # a force named with its own side keeps it
    roles = _roles(nlp, "On 5 April 1970 Britain dispatched a French force, which sailed to the islands on 9 April.", "sailed")
    assert ("subject", "Britain") not in roles, roles


def test_a_grouping_led_by_a_state_acts_as_that_state(nlp):
    # "a coalition of nine Arab states led by X": the leader, not the members' adjective
    roles = _roles(nlp, "On 25 March 2015 a coalition of nine Arab states led by Saudi Arabia began air strikes.", "strikes")
    subjects = {s for r, s in roles if r == "subject"}
    assert "Saudi Arabia" in subjects and not any("Arab states" in s for s in subjects), roles


def test_forces_loyal_to_a_side_are_named_with_it(nlp):
    roles = _roles(nlp, "On 19 March 2015, troops loyal to the government attacked the airport.", "attacked")
    assert ("subject", "troops loyal to the government") in roles, roles


def test_the_object_of_a_verb_sharing_the_subject_is_a_target(nlp):
    # "landed ... and drove the rebels out": the rebels are no one acting in the landing
    roles = _roles(nlp, "In July 1915 troops landed in the port and drove the rebels out of the city.", "landed")
    assert ("target", "the rebels") in roles, roles


def test_a_name_the_parse_joins_to_the_clause_before_is_the_next_verbs_subject(nlp):
    # the parse hangs "Lithuania" on "Vilnius" as a conjunct and leaves "retained" without a subject
    text = ("In 1921 Poland returned all territory it had occupied around Vilnius and Lithuania retained control "
            "over one-third of the region proper that it captured.")
    assert ("subject", "Lithuania") in _roles(nlp, text, "retained")
    roles = _roles(nlp, text, "captured")       # "it": the subject of the clause it hangs in, not the first
    assert ("subject", "Lithuania") in roles and ("subject", "Poland") not in roles, roles
