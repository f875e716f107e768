"""Event arguments from the dependency parse: actors in the trigger's subject/agent/object roles,
locations among the places the clause names.

"Azerbaijani forces seized control of Qubadlı": the subject "Azerbaijani forces" holds the actor
(the demonym links to Azerbaijan); Qubadlı is a place, so a location, whatever its role.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..entities.linking import alias_table, known_entities, norm

SUBJECT = {"nsubj", "nsubjpass", "csubj"}
OBJECT = {"dobj", "dative", "iobj", "attr", "oprd"}
ROLE_PREPS = {"by", "between", "against", "with", "from", "on", "upon"}
NOUN_PREPS = ROLE_PREPS | {"of"}
TITLE_GAP = re.compile(r"(?:\s+(?:[A-Z][\w.-]*|of|the))*\s+")
ANAPHORIC_SUBJECTS = {"he", "she", "they", "it", "we", "his", "her", "their", "its"}
CLAUSE_CUT = {"advcl", "conj", "cc", "parataxis", "relcl", "ccomp", "mark", "preconj"}
# parts of a noun phrase that say something else than who it is
CUT = {"relcl", "acl", "advcl", "appos", "punct", "cc", "prep", "parataxis", "ccomp"}


def _title_gap(gap: str) -> bool:
    """ "U.S. President Roosevelt", "East German leader Erich Honecker": the words between a state and a person are
    his title (capitalised words, of/the, title words of sides.json)."""
    from .sides import lexicon
    if TITLE_GAP.fullmatch(gap):
        return True
    lex = lexicon()
    words = gap.split()
    return bool(words) and len(words) <= 4 and gap[:1].isspace() and gap[-1:].isspace() and all(
        w[:1].isupper() or w in ("of", "the") or w in lex["titles"] or w in lex["office_nouns"] or w in lex["title_gap_words"]
        for w in words)


def _phrase(tok: Token, cut: frozenset | set = CUT) -> tuple[int, int]:
    """Character extent of the noun phrase headed by tok, without its relative clauses and appositions;
    "of"-phrases stay ("the forces of Armenia")."""
    lo, hi = tok.idx, tok.idx + len(tok)
    stack = list(tok.children)
    while stack:
        c = stack.pop()
        if c.dep_ in cut and not (c.dep_ == "prep" and (c.lower_ == "of" or _allegiance(c))) and not (
                c.dep_ == "acl" and _allegiance_word(c)):
            continue
        lo, hi = min(lo, c.idx), max(hi, c.idx + len(c))
        stack.extend(c.children)
    return lo, hi


def _allegiance(prep: Token) -> bool:
    """ "forces loyal to Saleh", "militias allied with the government": the phrase names whose side the force is
    (sides.json "allegiance_adjectives")."""
    return prep.lower_ in ("to", "with") and prep.head.dep_ in ("amod", "acl") and _allegiance_word(prep.head)


def _allegiance_word(t: Token) -> bool:
    from .sides import lexicon
    return t.pos_ in ("ADJ", "VERB") and (t.lower_ in lexicon()["allegiance_adjectives"]
                                         or t.lemma_.lower() in lexicon()["allegiance_adjectives"])


def _with_conjuncts(tok: Token, lists: bool = False) -> list[Token]:
    out = [tok]
    for c in tok.conjuncts:
        if c not in out:
            out.append(c)
    if not lists:
        return out
    # "the Soviet Union, Egypt, and Israel rejected": the parser hangs a list's second name on the first as its
    # apposition and the rest on that; a state in apposition to a state, itself coordinated with states, is a list member
    for a in tok.children:
        if (a.dep_ == "appos" and any(c.dep_ == "cc" for c in a.children) and a.conjuncts
                and all(x.pos_ == "PROPN" and x.ent_type_ in ("GPE", "NORP") for x in (tok, a, *a.conjuncts))):
            out.extend(x for x in (a, *a.conjuncts) if x not in out)
    return out


def _pobjs(prep: Token) -> list[Token]:
    return [t for c in prep.children if c.dep_ == "pobj" for t in _with_conjuncts(c)]


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in verb.children)


def _lost_to(verb: Token) -> bool:
    """ "Spain lost Minorca to the British", "Gibraltar, which it had lost to the British": a named place lost to a
    named side (sides.json "loss_lemmas"): the 'to' phrase names the taker, who acts; the loser undergoes."""
    from .sides import lexicon
    if verb.lemma_.lower() not in lexicon()["loss_lemmas"]:
        return False
    to = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for t in _pobjs(c)]
    if not to or not all(t.ent_type_ in ("GPE", "NORP", "ORG") or _faction(t) for t in to):
        return False
    lost = [t for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for t in _with_conjuncts(c)]
    if not lost and verb.dep_ == "relcl":
        lost = [verb.head]
    # "the fortress was lost to the rebels": the passive's subject is what was lost
    passive = not lost and any(c.dep_ == "auxpass" for c in verb.children)
    if passive:
        lost = [t for c in verb.children if c.dep_ == "nsubjpass" for t in _with_conjuncts(c)]
    from .predicates import lexicon as predicate_lexicon
    return bool(lost) and all(t.ent_type_ in ("GPE", "LOC", "FAC") or _town(t) or (t.pos_ == "PROPN" and t.ent_type_ not in (
        "PERSON", "NORP")) or (passive and t.lemma_.lower() in predicate_lexicon()["_arg"]["place"]) for t in lost)


def _navy_ship(name: str) -> bool:
    from .sides import ship_polity
    return ship_polity(re.sub(r"^the\s+", "", name)) is not None


def _town(t: Token) -> bool:
    """A town, not a state: a place by its entity label or the towns the text or the gazetteer names
    (predicates.mark_towns), whose name is no state or people of the demonym table."""
    from .predicates import _ent_type
    if _ent_type(t) not in ("GPE", "LOC", "FAC"):
        return False
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return not _is_polity(ent.text if ent is not None else t.text)     # "the Ottoman Empire capitulated": a state


def _town_yielded(verb: Token) -> str | None:
    """ "Ioannina surrendered to the Greeks" ('subject'), "they surrendered York" ('object'): a town given up (sides.json
    yield_lemmas) is the taker's act; the town, or the side that gave it up, undergoes it. A force or a state that
    surrenders stays the actor of its surrender."""
    from .sides import lexicon
    if verb.lemma_.lower() not in lexicon()["yield_lemmas"]:
        return None
    subj = [t for c in verb.children if c.dep_ == "nsubj" for t in _with_conjuncts(c)]
    if subj and all(_town(t) for t in subj):
        return "subject"
    obj = [t for c in verb.children if c.dep_ == "dobj" for t in _with_conjuncts(c)]
    if any(_town(t) for t in obj):
        return "object"
    return None


def _stranded_subject(verb: Token) -> Token | None:
    """The name the parse hangs on the clause before as a conjunct though it is this verb's subject: "Armenia
    returned the land around Karabakh and Azerbaijan retained a third": "Azerbaijan" joined to "Karabakh", and
    "retained" left without a subject. Only a name right before a joined verb with no subject of its own, after "and"."""
    if verb.dep_ != "conj" or verb.i < 2 or any(c.dep_ in SUBJECT for c in verb.children):
        return None
    name, cc = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if name.pos_ == "PROPN" and name.dep_ == "conj" and name.head.i < name.i and cc.dep_ == "cc" \
            and not name.head.is_ancestor(verb) and name.head.head.i != verb.head.i:
        return name
    return None


def _verb_roles(verb: Token) -> list[tuple[str, Token]]:
    """(role, token): "subject" the agent (active subject, by-agent of a passive), "patient" the subject of
    a passive ("Finland was invaded by the Soviet Union": Finland), "object" objects and role phrases, "office"
    the complement of a personal act ("became commander", "was named premier of X"), which no actor role takes."""
    from .sides import lexicon
    roles = []
    # "the city fell to the insurgents": the "to" phrase names the taker, who acts; the place undergoes the act
    taker = verb.lemma_.lower() in lexicon()["taker_lemmas"] and any(
        c.dep_ == "prep" and c.lower_ == "to" and _pobjs(c) for c in verb.children)
    taker = taker or _lost_to(verb) or _town_yielded(verb) is not None
    # "Hasdrubal became Carthaginian commander", "X was named premier of Y": what happens to a person as such
    # (personal_lemmas) has his office as its complement; the state or body of that office does not act
    office = verb.lemma_.lower() in lexicon()["personal_lemmas"]
    for c in verb.children:
        if c.tag_ in ("WDT", "WP"):
            continue              # "forces, which attacked": the noun is the subject (below)
        if taker and c.dep_ in SUBJECT:
            roles += [("patient", t) for t in _with_conjuncts(c)]
            continue
        if taker and c.dep_ == "prep" and c.lower_ == "to":
            roles += [("taker", t) for t in _pobjs(c)]
            continue
        if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and c.lemma_.lower() in lexicon()["collapsed_defence_nouns"]
                                        and verb.lemma_.lower() in lexicon()["collapse_lemmas"]):
            # (a defence that collapsed undergoes the fall: "Ottoman resistance in Macedonia collapsed")
            roles += [("patient", _named_relation(t)) for t in _with_conjuncts(c)]
        elif c.dep_ in SUBJECT:
            roles += [("subject", x) for t in _with_conjuncts(c, lists=True) for x in (_led_by(t) or [_named_relation(t)])]
        elif c.dep_ == "agent":
            roles += [("subject", t) for t in _pobjs(c)]
        elif c.dep_ in ("attr", "oprd") and office:
            roles += [("office", t) for t in _with_conjuncts(c)]
        elif c.dep_ in OBJECT:
            roles += [("object", t) for t in _with_conjuncts(c)]
        elif c.dep_ == "prep" and (c.lower_ in ROLE_PREPS or (c.lower_ == "to" and _sets_fire(verb))):
            roles += [("object", t) for t in _pobjs(c)]
    stranded = _stranded_subject(verb) if verb.pos_ in ("VERB", "AUX") else None
    if stranded is not None and not any(r in ("subject", "patient") for r, _ in roles):
        roles.append(("patient" if _passive(verb) else "subject", stranded))
    if not any(r in ("subject", "patient") for r, _ in roles):
        # "Azerbaijan launched ... and captured": shared subject; "forces, which attacked": the noun;
        # "British troops were forced to evacuate": the controller's subject acts in the active verb
        # "..., capturing Fort St. Jean": a participle's subject is its main verb's
        # ("the Japanese were having greater successes, having captured Changsha": a perfect participle too)
        if (verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or (verb.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lower_ == "having" for c in verb.children))))) and verb.head.pos_ in ("VERB", "AUX"):
            # ("Diem was overthrown and executed", "the town was besieged and taken": a participle joined to a passive
            # verb, with no auxiliary of its own, is passive too; its shared subject undergoes it)
            own = "patient" if _passive(verb) or (
                verb.dep_ == "conj" and verb.tag_ == "VBN" and _passive(verb.head)
                and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in verb.children)) else "subject"
            roles += [(own if r == "patient" else r, t) for r, t in _verb_roles(verb.head) if r in ("subject", "patient")]
        elif verb.dep_ in ("relcl", "acl"):
            roles.append(("subject" if verb.dep_ == "relcl" else ("patient" if verb.tag_ == "VBN" else "object"), verb.head))
            owner = _force_owner(verb.head) if verb.dep_ == "relcl" else None
            if owner is not None:
                # "Britain dispatched a task force, which sailed on 5 April": the side that sent the force acts
                roles += [(r, t) for r, t in _verb_roles(owner) if r == "subject"]
    return roles


def _named_relation(noun: Token) -> Token:
    """ "Birendra's brother Gyanendra was crowned": a person named by his tie to another is the name in apposition."""
    from .sides import lexicon
    if noun.lemma_.lower() in lexicon()["relation_nouns"]:
        named = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            return named
    return noun


def _led_by(noun: Token) -> list[Token]:
    """ "a coalition of nine Arab states led by Saudi Arabia": the leader a grouping is named with acts for it
    (sides.json "led_groupings", "lead_verbs"); its members in the of-phrase do not."""
    from .sides import lexicon
    lex = lexicon()
    if noun.lemma_.lower() not in lex["led_groupings"] and noun.lower_ not in lex["led_groupings"]:
        return []
    if noun.ent_type_ in ("ORG", "NORP") or noun.pos_ == "PROPN" and noun.text[:1].isupper():
        # "The Union of Forces for Democracy and Development, led by X, advanced": a body with a name of its own
        # acts under that name, whoever leads it
        return []
    # (the parser may hang the participle on the members: "a coalition of [nine Arab states led by X]")
    members = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in _pobjs(c)]
    for c in [c for n in [noun] + members for c in n.children]:
        if c.dep_ == "acl" and c.tag_ == "VBN" and (c.lower_ in lex["lead_verbs"] or c.lemma_.lower() in lex["lead_verbs"]):
            return [t for a in c.children if a.dep_ == "agent" for t in _pobjs(a)]
    return []


def _sets_fire(verb: Token) -> bool:
    """ "set fire to the party's headquarters", "put fire to the town": the to-phrase is what the act is done to."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "torch", "flame", "flames") for c in verb.children)


def _force_owner(noun: Token) -> Token | None:
    """The verb by which a side sent, raised or led a force the text names by its common noun alone ("dispatched a
    task force", "raised an army"; sides.json "owner_verbs", "force_nouns"), when the noun phrase names no side of its
    own (no capitalised word, no possessive): whoever does that verb owns the force."""
    from .sides import lexicon
    lex = lexicon()
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB" or noun.head.lemma_.lower() not in lex["owner_verbs"]:
        return None
    if noun.lemma_.lower() not in lex["force_nouns"] and noun.lower_ not in lex["force_nouns"]:
        return None
    lo, hi = _phrase(noun)
    inside = [t for t in noun.doc if lo <= t.idx < hi and t.i != noun.i]
    if any(t.text[:1].isupper() or t.dep_ == "poss" or t.ent_type_ for t in inside):
        return None
    return noun.head


def _noun_roles(noun: Token) -> list[tuple[str, Token]]:
    roles = []
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.pos_ in ("PROPN", "ADJ", "NOUN"):
            roles.append(("subject", c))
        elif c.dep_ == "prep" and c.lower_ == "by":
            # "a final assault by the British and French", "the invasion by X": the act's agent, as with a passive verb
            roles += [("subject", t) for t in _pobjs(c)]
        elif c.dep_ == "prep" and c.lower_ in NOUN_PREPS:
            roles += [("object", t) for t in _pobjs(c)]
    # "Azerbaijan launched an offensive": the noun's governing verb holds the actors
    if noun.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
        roles += _verb_roles(noun.head)
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        # (an act told before, "three days after the massacre, NATO issued": the clause's subject is "told", a role
        # that acts only in a two-sided act, "after the first encounter the Indians began to leave")
        role = "told" if told_act(noun) else "subject"
        roles += [(role, t) for r, t in _verb_roles(noun.head.head) if r == "subject"]
    elif (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in ("dobj", "nsubjpass")
          and noun.head.head.head.pos_ in ("VERB", "AUX")):
        # "the Allies launched a series of attacks": the quantity noun's verb holds the actors
        roles += [(r, t) for r, t in _verb_roles(noun.head.head.head) if r == "subject"]
    return roles


def _force_side(tok: Token) -> list[Token]:
    """ "White forces", "Nationalist troops": a force the text names by its side's capitalised adjective."""
    from .sides import _polity_in, lexicon
    lex = lexicon()
    # ("Houthi fighters", "Biafran soldiers": a side's members are its force)
    forces = lex["force_nouns"] | lex["faction_members"]
    if tok.lemma_.lower() not in forces and tok.lower_ not in forces:
        return []
    # the adjective of a side ("White forces"), or a state's short name no entity was found for ("UN Command")
    return [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.i > c.sent.start
            and c.text[:1].isupper() and c.ent_type_ == "" and c.lower_ not in lex["unit_words"]
            and c.lower_ not in lex["force_nouns"] and (c.pos_ == "ADJ" or _polity_in([c.lower_]) or (
                # "Biafran forces": a people's adjective the models tag neither as one nor as a name
                c.pos_ == "PROPN" and DEMONYM_ENDING.search(c.text) is not None))]


DEMONYM_ENDING = re.compile(r"[a-z](?:an|ese|i)$")
ROMAN_NUMERAL = re.compile(r"^[IVX]{1,4}$")


def _bare_force_noun(name: str) -> bool:
    """ "Army", "the Corps": a mention that is a force noun alone (sides.json force_nouns), no name of its own."""
    from .sides import lexicon
    return re.sub(r"^the\s+", "", name.strip().lower()) in lexicon()["force_nouns"]


def _numbered_unit(tok: Token) -> Token | None:
    """ "the 7th Cavalry Regiment", "I Corps", "the 5th Marine Regiment": a numbered unit's capitalised name, which the
    entity model often leaves untagged (or tags its number alone as an ordinal). Returns the name's first word (its
    number or the word before it), so that the unit's side is read from the name as for a tagged one (sides.py:
    the state in the name, the state the text names the unit with elsewhere, the one army whose numbered units the
    text names with their state); None when the head is no force noun or the name has no number."""
    from .sides import ORDINAL_WORD, lexicon
    if not tok.text[:1].isupper() or (tok.lower_ not in lexicon()["force_nouns"] and tok.lemma_.lower() not in lexicon()["force_nouns"]):
        return None
    name = [t for t in tok.doc[tok.left_edge.i:tok.i] if t.dep_ in ("compound", "amod", "nummod")]
    # (the words of the name run up to the head without a gap: "the 21st Infantry Regiment")
    while name and name[0].i + len(name) != tok.i:
        name = name[1:]
    number = next((t for t in name if ORDINAL_WORD.match(t.lower_) and (t.text[:1].isupper() or t.text[:1].isdigit())
                   or ROMAN_NUMERAL.match(t.text)), None)
    if number is None or not all(t.text[:1].isupper() or t.text[:1].isdigit() for t in name):
        return None
    return name[0]


def _opens_sentence(tok: Token) -> bool:
    """The first word of its sentence, after a paragraph's number or a list marker ("5. Negotiations opened", "(b)
    Talks resumed"): capitalised as a sentence's first word, not as a name."""
    return all(not t.is_alpha or len(t) == 1 for t in tok.sent[:tok.i - tok.sent.start]) and all(
        t.is_punct or t.like_num or len(t) == 1 for t in tok.sent[:tok.i - tok.sent.start])


def _group_name(tok: Token) -> bool:
    """ "the Allies", "the Patriots", "the Nationalists": a side the text names by a capitalised plural
    that no entity stands for."""
    # "the Bolsheviks" tagged a singular proper noun: a capitalised plural after "the" that no entity stands for
    plural = tok.tag_ in ("NNPS", "NNS") or (tok.tag_ == "NNP" and re.fullmatch(r"[A-Z][a-z-]+[^s's]s", tok.text) is not None
                                             and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))
    return (plural and tok.text[:1].isupper() and not _opens_sentence(tok)
            and tok.ent_type_ == "" and all(c.text[:1].isupper() and c.ent_type_ == "" and c.i == tok.i - 1
                                             for c in tok.children if c.dep_ == "compound"))


def _body_name(tok: Token) -> bool:
    """ "the Convention voted", "the Assembly declared", "the Committee reacted": a body the text names by its
    capitalised class noun alone (sides.json "body_nouns") and no entity stands for is a side under that name."""
    from .sides import lexicon
    return (tok.tag_ == "NNP" and tok.text[:1].isupper() and not _opens_sentence(tok) and tok.ent_type_ == ""
            and tok.lower_ in lexicon()["body_nouns"]
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not any(c.dep_ in ("compound", "amod") for c in tok.children))


def _faction(tok: Token) -> str | None:
    """ "the rebels", "Italian partisans", "the mercenary troops", "the local resistance": a group named by what
    it is in the conflict (sides.json "faction_nouns") is a side of its own, whatever state its demonym names."""
    from .sides import lexicon
    lex = lexicon()
    factions = lex["faction_nouns"]
    if tok.lower_ in factions and tok.pos_ in ("NOUN", "PROPN"):
        if tok.lower_ == "resistance":
            # "the local resistance", "the French Resistance" is a group; "meeting resistance", "after moderate
            # resistance", "overcame all resistance" is fighting back
            group = tok.text[0].isupper() or any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            return factions[tok.lower_] if group and tok.dep_ in ("nsubj", "nsubjpass", "pobj") else None
        if tok.lower_ == "opposition":
            # "the opposition boycotted the elections": the opposing parties as one side; "French opposition to the
            # treaty", "any political opposition" is a stance, not a group that acts
            group = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not any(c.dep_ == "prep" for c in tok.children)
            return factions[tok.lower_] if group and tok.dep_ in ("nsubj", "nsubjpass") else None
        if tok.tag_ in ("NNS", "NNPS") or tok.lower_ != tok.lemma_.lower() or factions[tok.lower_].lower() == tok.lower_:
            # (a plural the tagger takes for a singular, "the mujahideen", "the fedayeen": the key is the side's name)
            for c in tok.children:
                # "Communist guerrillas", "Nationalist insurgents": the fighters of the faction the capitalised word
                # names (GUIDELINES' canonical "Communists", "Nationalists"); "rebel guerrillas" stay guerrillas
                if (c.dep_ in ("amod", "compound") and c.i == tok.i - 1 and c.text[:1].isupper() and c.lower_ in factions
                        and c.lower_ not in lex["faction_role_words"] and factions[c.lower_] != factions[tok.lower_]):
                    return factions[c.lower_]
            return factions[tok.lower_]
        return None
    bodies = (lex["force_nouns"] | lex["faction_bodies"]) - lex["state_organs"]
    if (tok.lemma_.lower() in bodies or tok.lower_ in bodies) and not (tok.ent_type_ == "ORG" and tok.text[:1].isupper()
                                                                       and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "ORG"
                                                                       and tok.doc[tok.i + 1].ent_iob_ == "I"):
        # (a named organisation whose name runs on past the noun, "the Revolutionary Armed Forces of X", is the
        # organisation itself: sides.py names it)
        # "the mercenary troops", "rebel forces", "resistance forces": the force of a faction (a "revolutionary
        # government" is a state's)
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in factions and c.i < tok.i:
                return factions[c.lower_]
    if (tok.lower_ in lex["faction_members"] and tok.ent_type_ != "PERSON"
            and not any(c.ent_type_ == "PERSON" for c in tok.children)):
        # "rebel soldiers", "the guerrilla bands", "the rebel leaders", "mutinous sailors", "the Communist cadres": the
        # members of a faction act for it ("a communist leader" in lower case may say what he believes: only the
        # faction words that name a side whatever their case, sides.json "faction_role_words")
        for c in tok.children:
            if (c.dep_ in ("amod", "compound") and c.lower_ in factions and c.i < tok.i
                    and (c.text[:1].isupper() or c.lower_ in lex["faction_role_words"])):
                return factions[c.lower_]
    return None


def _seat_of_government(tok: Token) -> str | None:
    """ "Hanoi authorized the creation of ...", "London sent troops", "Washington decided to ...": a capital that
    is the agent of a transitive act stands for its state's government (entities/capitals.tsv); a capital that
    only undergoes ("Seoul fell") or is a place ("in Paris") stays a place."""
    from ..entities.demonyms import capital_table
    if tok.ent_type_ != "GPE":
        return None
    first = min([c for c in tok.children if c.dep_ == "compound"] + [tok], key=lambda t: t.i)
    name = tok.doc.text[first.idx:tok.idx + len(tok)]
    state = capital_table().get(name.lower())
    if state is None or _is_polity(name):
        return None            # "Rome declared war": a city that is itself the polity (a city-state) acts as it is
        return None
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head         # "Seoul and Pyongyang traded accusations"
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return state           # "authorized by Washington"
    if tok.dep_ == "nsubj" and any(c.dep_ in ("dobj", "xcomp", "ccomp", "dative") for c in tok.head.children):
        return state
    return None


def _collective(tok: Token) -> bool:
    """ "the countries", "both sides", "the two powers": the states the text has just named."""
    from .sides import lexicon
    if tok.lower_ not in lexicon()["collective_nouns"] or tok.tag_ != "NNS":
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "both") or c.lower_ in ("both", "two") for c in tok.children)


def role_spans(doc: Doc, start: int, end: int) -> list[tuple[str, int, int]]:
    """(role, start, end) character extents (doc-local) of the trigger's arguments."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    head = span.root
    roles = _verb_roles(head) if head.pos_ in ("VERB", "AUX") else _noun_roles(head)
    out = []
    for role, tok in roles:
        named = [a for a in tok.children if a.dep_ == "appos" and a.pos_ == "PROPN" and a.ent_type_ == "PERSON"]
        if tok.pos_ == "NOUN" and named and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            # "deposed by his prime minister Lon Nol", "succeeded by his deputy X": the man named, not whose he is
            tok = named[0]
        lo, hi = _phrase(tok)
        side = _force_side(tok)
        faction = _faction(tok) or (_seat_of_government(tok) if role == "subject" else None)
        if faction:
            # the faction's own words: "the Ugandan rebels and Tanzanian troops" leaves the troops their state
            f_lo, f_hi = _phrase(tok, CUT | {"conj"})
            out.append((role, f_lo, f_hi, "for:" + faction))
        elif side:
            out.append((role, side[0].idx, side[0].idx + len(side[0]), "side:" + side[0].text))
        elif _body_name(tok):
            out.append((role, tok.idx, tok.idx + len(tok), "side:" + tok.text))
        elif _group_name(tok):
            first = min([c for c in tok.children if c.dep_ == "compound"] + [tok], key=lambda t: t.i)
            out.append((role, first.idx, tok.idx + len(tok), "side:" + tok.doc.text[first.idx:tok.idx + len(tok)]))
        elif (first := _numbered_unit(tok)) is not None:
            out.append((role, first.idx, tok.idx + len(tok), "side:" + tok.doc.text[first.idx:tok.idx + len(tok)]))
        if role == "subject" and _collective(tok):
            role = "collective"   # "the wars waged by the countries", "the two powers signed": named before
        if role == "subject" and tok.pos_ == "PRON" and tok.lower_ in ANAPHORIC_SUBJECTS:
            role = "pronoun"      # "they attacked Quebec City": who acts is said before
            # "Azerbaijan retained the towns it had captured": the sentence's subject before it
            before = [t for t in tok.sent if t.i < tok.i and t.pos_ in ("PROPN", "NOUN") and (
                t.dep_ == "nsubj" or (t.i + 1 < len(t.doc) and _stranded_subject(t.doc[t.i + 1]) == t))]
            if before:
                a_lo, a_hi = _phrase(before[-1])
                out.append(("subject", a_lo, a_hi))
        out.append((role, lo, hi))
    if head.pos_ in ("VERB", "AUX"):
        # "troops landed in Aden and drove the rebels out": what a verb sharing the act's subject is done to is no
        # one acting in it (a role no actor role takes, so the sentence fallback passes it over too)
        for v in _shared_subject_verbs(head):
            for c in v.children:
                if c.dep_ == "dobj":
                    out += [("target",) + _phrase(t) for t in _with_conjuncts(c)]
        # "after moderate KPA resistance, the regiment captured the city", "arrived before Sackett's Harbour, the force
        # attacked": a phrase of time, place or concession on the act names what came before or around it, not who did
        # it (sides.json "adverbial_prepositions"); the sentence fallback takes no one acting from it
        from .sides import lexicon
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in lexicon()["adverbial_prepositions"]:
                out += [("aside",) + _phrase(t) for t in _pobjs(c)]
    return out


def _shared_subject_verbs(verb: Token) -> list[Token]:
    """The verbs conjoined with `verb` that take its subject (neither has one of its own)."""
    own = lambda v: any(c.dep_ in SUBJECT for c in v.children)
    out = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not own(c)]
    # "destroyed the airbase, killing 1,700 soldiers": the victims a participle counts are no side acting
    out += [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > verb.i and not own(c)
            and any(o.dep_ == "dobj" and any(n.like_num for n in o.subtree) for o in c.children)]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not own(verb):
        out.append(verb.head)
    return out


def _prep_conjunct(before: str, preps) -> bool:
    """Whether a name follows another name of a prepositional phrase and a conjunction ("ambitions in Manchuria and
    Korea"): a conjunct of that phrase, in its role (a place), not a side that joins the act."""
    hit = re.search(r"(\w+)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,?\s+(?:and|or)\s+(?:the\s+)?$", before)
    return hit is not None and hit.group(1).lower() in preps


def _is_polity(name: str) -> bool:
    """A state or people by name or demonym (demonyms.tsv), as opposed to a town that is a GPE too."""
    from ..entities.demonyms import demonym_table, state_names
    n = name.strip().lower()
    n = n[4:] if n.startswith("the ") else n
    # "the Empire of Japan", "the Kingdom of Italy": a state's title before its name
    n = STATE_TITLE.sub("", n) if STATE_TITLE.match(n) and STATE_TITLE.sub("", n) in state_names() else n
    return n in demonym_table() or n in state_names()


# a state's title before its name ("the Republic of Armenia", "the Empire of Japan")
STATE_TITLE = re.compile(r"^(?:the\s+)?(?:republic|kingdom|state|empire|emirate|sultanate|principality|grand duchy|duchy|"
                         r"commonwealth|federation|confederation|union|khanate|caliphate)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def clause_extent(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character extent (doc-local) of the clause that states the trigger: its verb with its own
    arguments, without coordinated, adverbial or relative clauses that state other acts."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in ("ROOT", "relcl", "advcl", "conj") and head.head is not head:
        head = head.head
    lo, hi = min(head.idx, span[0].idx), max(head.idx + len(head), span[-1].idx + len(span[-1]))
    stack = [c for c in head.children if c.dep_ not in CLAUSE_CUT or any(t in span for t in c.subtree)]
    while stack:
        c = stack.pop()
        lo, hi = min(lo, c.idx), max(hi, c.idx + len(c))
        stack.extend(c.children)
    return lo, hi


@lru_cache(maxsize=1)
def _anchor_words() -> tuple[re.Pattern, frozenset]:
    from .anchoring import anchors
    lex = anchors()
    words = sorted(set(lex.get("after", []) + lex.get("before", [])), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")$"), frozenset(lex.get("determiners", ()))


def told_act(tok: Token) -> bool:
    """ "Three days after the massacre, NATO issued an ultimatum", "before the invasion, X met Y": an act noun that a
    before/after phrase names with a definite or possessive determiner (anchors.json "after", "before",
    "determiners"; not "after a three-day battle") is a time reference to an act told before, not an act of the
    clause around it: that clause's subject did not do it."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj":
        return False
    rx, dets = _anchor_words()
    prep = tok.head
    if not rx.search(tok.doc.text[prep.sent.start_char:prep.idx + len(prep)].lower()):
        return False
    return any(c.dep_ in ("det", "poss") and c.lower_ in dets for c in tok.children)


def _in_regional_compound(m: dict, text: str) -> bool:
    """A name that is part of a region's adjective or name (sides.json "regional_compounds": "Latin American",
    "Central American"): the entity model tags "Latin" and "American" peoples, but neither is a side."""
    if m["label"] not in ("NORP", "GPE"):
        return False
    from .sides import lexicon
    words = lexicon()["regional_compounds"]
    before = re.search(r"([\w-]+)\s+$", text[max(0, m["start"] - 20):m["start"]])
    after = re.match(r"^\s+([\w-]+)", text[m["end"]:m["end"] + 20])
    name = m["text"].strip().lower()
    return ((before is not None and before.group(1).lower() + " " + name in words)
            or (after is not None and name + " " + after.group(1).lower() in words))


def told_act_extent(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The extent of an act noun told before (told_act): its own noun phrase, not the clause around it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not told_act(span.root):
        return None
    return _phrase(span.root, CUT | {"conj"})


def event_arguments(mentions: list[dict], roles: list[tuple[str, int, int]], offset: int, text: str,
                    cfg: dict, entity_kind: dict, entity_label: dict,
                    two_sided: bool = True, actor_roles: frozenset = frozenset({"subject", "object", "patient", "taker"}),
                    clause: tuple[int, int] | None = None, personal: bool = False,
                    towns: bool = False, joins: bool = True, parties_only: bool = False) -> tuple[list[str], list[str], bool]:
    """actors, locations, and whether the actors came from the parse (False: the sentence fallback).

    Only mentions in `actor_roles` act: a one-sided act's agent ("Germany invaded Denmark": Germany), both
    sides of a clash. `clause` (absolute offsets) bounds the other sides and the fallback: the clause
    that states the act, not the whole sentence. `towns`: towns the clause names beside the act count too
    (who takes part at all, for grouping mentions); as actors they do not. `parties_only`: an act whose sides are its
    parties ("formed an alliance against Germany"): a side named right after "against" is what the act is aimed at, no
    party (types.json party_acts; not "on", which may say where: "violations of the ceasefire on the X-Y border")."""
    in_clause = (lambda m: clause[0] <= m["start"] and m["end"] <= clause[1]) if clause else (lambda m: True)
    actor_labels = set(cfg["actor_labels"])
    location_labels = set(cfg["location_labels"])
    preps = set(cfg["location_prepositions"])
    actors, locations = [], []

    def add(lst, eid):
        if eid not in lst:
            lst.append(eid)

    side_words = [r for r in roles if len(r) == 4 and r[3].startswith("side:")]
    # "most Latin American governments": a region's adjective made of a people's word names no state
    mentions = [m for m in mentions if not _in_regional_compound(m, text)]
    factions = [r for r in roles if len(r) == 4 and r[3].startswith("for:")]
    aside = [r[1:3] for r in roles if len(r) == 3 and r[0] == "aside"]
    # (a target of a verb sharing the act's subject bars no one from a two-sided act: it may be the other side)
    roles = [r[:3] for r in roles if len(r) == 3 and r[0] != "aside" and not (two_sided and r[0] == "target")]

    def in_faction(m):
        # "Chinese communists launched": the demonym says where the faction is; the faction acts
        return any(lo + offset <= m["start"] and m["end"] <= hi + offset for _, lo, hi, _ in factions)

    def own_phrase(m):
        # the role's phrase is the name itself ("Saguntum attacked"), not a longer one it stands in
        return any(re.sub(r"^the\s+", "", text[lo + offset:hi + offset].strip()) == m["text"] for _, lo, hi in roles)

    def list_member(m):
        # "Tanzania, Gabon, Ivory Coast and Zambia recognised Biafra": a name that is a whole member of a list of
        # names in the act's subject, each of them a state-or-place name (GPE) and one at least a state the demonym
        # tables name ("Chauncey and Dearborn appeared", men the model tags GPE, are no list of states), is the subject
        # as a lone name is
        for role, lo, hi in roles:
            if role != "subject" or not (lo + offset <= m["start"] and m["end"] <= hi + offset):
                continue
            pieces = [p for p in LIST_SPLIT.split(re.sub(r"^the\s+", "", text[lo + offset:hi + offset].strip())) if p]
            names = {x["text"] for x in mentions if x["label"] == "GPE" and lo + offset <= x["start"] and x["end"] <= hi + offset}
            if (len(pieces) > 1 and m["text"] in pieces and all(re.sub(r"^the\s+", "", p) in names for p in pieces)
                    and any(_state_name(p) for p in pieces)):
                return True
        return False

    def role_of(m):
        for role, lo, hi in roles:
            if lo + offset <= m["start"] and m["end"] <= hi + offset:
                return role
        return None

    # "U.S. President Roosevelt died": in a personal act, the state in a person's title is his
    # affiliation, not an actor beside him (in other acts the person is written as that side)
    titled = {id(m) for m, p in zip(mentions, mentions[1:]) if personal and p["label"] == "PERSON"
              and m["label"] in ("GPE", "NORP") and _title_gap(text[m["end"]:p["start"]])}
    # "the Council of the European Union approved": a body named by its class noun alone and the "of"-phrase of the
    # state or organisation it belongs to (sides.json body_nouns) is that one's organ; the owner acts, as with "the
    # European Union's Council"
    organs_of = {id(m) for m, p in zip(mentions, mentions[1:]) if m["label"] in ("ORG", "NORP")
                 and p["label"] in ("ORG", "GPE", "NORP") and _body_word(m["text"])
                 and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[m["end"]:p["start"]])}
    with_role = agent_named = False
    for role, lo, hi, side in factions:
        if role in actor_roles:
            # "FLN guerrillas", "Hezbollah fighters": the organisation the text names is the group that acts
            # (a state's demonym the model tags ORG, "Ugandan rebels", "Angolan guerrillas", names no organisation:
            # it says where the faction is, as a NORP-tagged one does)
            named_org = [m for m in mentions if lo + offset <= m["start"] and m["end"] <= hi + offset
                         and entity_label.get(m["entity_id"], m["label"]) == "ORG" == m["label"]
                         and not _is_polity(m["text"])]
            for m in named_org[:1]:
                add(actors, m["entity_id"])
            if not named_org:
                add(actors, "side:" + side.split(":", 1)[1])
            with_role = agent_named = True
    for m in mentions:
        if id(m) in titled or id(m) in organs_of or in_faction(m):
            continue
        if m["label"] in ("NORP", "GPE") and re.match(r"-born\b", text[m["end"]:m["end"] + 6]):
            continue        # "Louis' Austrian-born queen": where a person was born, not a side or a place of the act
        eid, label = m["entity_id"], m["label"]
        known_kind = entity_kind.get(eid, "")
        role = role_of(m)
        # a warship by its navy's prefix acts for that navy whatever its label ("the USS Vincennes shot down", PRODUCT)
        is_actor_label = (label in actor_labels or entity_label.get(eid, label) in actor_labels
                          or _navy_ship(m["text"]))
        named = role is not None and is_actor_label
        agent_named = agent_named or (named and role in ("subject", "patient", "taker"))
        before = text[max(0, m["start"] - 25):m["start"]].split()
        after_prep = bool(before) and before[-1].lower() in preps
        if entity_label.get(eid) in ("LOC", "FAC") and label != "GPE":
            label = entity_label[eid]       # a place the model tags unevenly ("Kaesong" as ORG once): a place
        if known_kind == "place" or (label in location_labels and role is None and (after_prep or label != "GPE")):
            if label in location_labels or known_kind == "place":
                add(locations, eid)
            # "Nagorno-Karabakh declared independence": the place stands for the polity that acts there
            if role is not None and role in actor_roles and cfg["place_actors"].get(eid) in entity_label:
                add(actors, cfg["place_actors"][eid])
                with_role = True
            continue
        if role is not None and is_actor_label:
            if (label == "GPE" and not known_kind and (role == "object" or role == "patient" and role not in actor_roles)
                    and (after_prep or not _is_polity(m["text"]))):
                add(locations, eid)       # "advanced into Qubadlı", "the Battles of Lexington and Concord": a place
            elif (label == "GPE" and not known_kind and not towns and not _is_polity(m["text"]) and not own_phrase(m)
                  and not list_member(m)
                  and not (before and (before[-1].lower() == "of"
                                       or (before[-1].lower() == "the" and len(before) > 1 and before[-2].lower() == "of")))):
                # "General Hamilton, the British commander at Detroit, retook ...": a town inside the phrase of
                # who acts is where, not who (a town that is the whole role, "Saguntum attacked", or whose the
                # acting office or force is, "the president of Ruritania", may act)
                add(locations, eid)
                with_role = True
            else:
                with_role = True          # an entity in one of the act's roles, acting or not
                if role in actor_roles and not (parties_only and role == "object" and _after_against(before)):
                    add(actors, eid)
        elif label in location_labels and after_prep:
            add(locations, eid)
    # "White forces advanced": a side the text names by an adjective no entity stands for
    for role, lo, hi, side in side_words:
        # (a mention of the force noun alone, "Third [Army]", is a piece of the name the entity model split off)
        if role in actor_roles and not any(lo + offset <= m["start"] < hi + offset and not _bare_force_noun(m["text"])
                                           for m in mentions):
            add(actors, side)
    # "a Franco-British force landed", "the Israeli-Egyptian peace treaty": a compound of two peoples in the act's
    # agent names both sides, though the entity model tags one part or none
    for role, lo, hi in roles:
        if role == "subject" and role in actor_roles:
            for pair in _two_peoples(text[lo + offset:hi + offset]):
                for side in pair:
                    add(actors, "side:" + side)
                with_role = True
    # "the blockade of Nagorno-Karabakh" is one named mention, but it names a place too
    for m in mentions:
        if m["label"] == "EVENT":
            for place in places_named_in(m["text"]):
                if place != m["entity_id"] and place in entity_label:      # an entity of this document
                    add(locations, place)
    # the parse gave the trigger its arguments (the actors, or another side in a role)
    from_parse = bool(actors) or with_role
    if actors and two_sided and joins:
        # the other states and peoples the clause names take part too ("signed a truce with Armenia"); not in an
        # act done to the other side (`joins` False: "closed its border with Armenia", types.json target_side_acts)
        for m in mentions:
            eid = m["entity_id"]
            if eid in actors or eid in locations or entity_kind.get(eid) == "place" or not in_clause(m) or in_faction(m):
                continue
            before = text[max(0, m["start"] - 25):m["start"]].split()
            if m["label"] == "GPE" and not towns and not _is_polity(m["text"]):
                continue              # "Japan launched its first attack against Changsha": a town is where, not who
            if parties_only and _after_against(before):
                continue              # "formed a military alliance against Germany": whom the alliance is aimed at
            # ("defeated the Japanese in northern Burma": a place preposition and a word of direction say where; who
            # takes part at all, `towns`, is left as it was)
            if m["label"] in ("NORP", "GPE") and not (before and (before[-1].lower() in preps or (
                    not towns and len(before) > 1 and before[-1].lower() in _direction_words()
                    and before[-2].lower() in preps))) and not _prep_conjunct(
                    text[max(0, m["start"] - 60):m["start"]], preps):
                add(actors, eid)
    elif not actors and not agent_named and not any(r == "pronoun" for r, _, _ in roles):
        # the parse names no one acting: every state, group or person the sentence names (the clause,
        # for a one-sided act, outside its objects: its target is no actor)
        for m in mentions:
            eid, label = m["entity_id"], m["label"]
            if entity_label.get(eid) in ("LOC", "FAC") and label != "GPE":
                label = entity_label[eid]
            if (entity_kind.get(eid) == "place" or eid in locations or not (two_sided or in_clause(m))
                    or (role_of(m) is not None and role_of(m) not in actor_roles)):
                continue
            if any(lo + offset <= m["start"] and m["end"] <= hi + offset for lo, hi in aside):
                continue          # named in the act's phrase of time or concession ("after X's resistance")
            before = text[max(0, m["start"] - 25):m["start"]].split()
            if label in location_labels and before and before[-1].lower() in preps:
                add(locations, eid)
            elif not towns and label not in ("NORP", "PERSON") and _after_place_prep(before, preps):
                # "marched to the Hôtel de Ville", "spread throughout France", "advancing toward central Ukraine": where
                # the act goes, not who does it (a people or a man may be whom it is done for or with)
                if label in location_labels:
                    add(locations, eid)
            elif not two_sided and _after_target_prep(before, cfg):
                continue              # "preparations for an attack on the Soviet Union": its target, not who acts
            elif label == "NORP" and _after_place_prep(before, preps) and _place_word_after(text, m["end"]):
                continue              # "100 kilometres inside Libyan territory": whose ground the act is on, not who acts
            elif label == "GPE" and not towns and not _is_polity(m["text"]) and role_of(m) is None:
                add(locations, eid)   # a town the sentence names beside the act, in no role of it
            elif label in actor_labels or entity_label.get(eid, label) in actor_labels:
                add(actors, eid)
    if not towns and cfg.get("mediator_words"):
        found = brokers(mentions, text, cfg["mediator_words"])
        actors = [a for a in actors if a not in found]
    return actors, locations, from_parse


@lru_cache(maxsize=1)
def _state_names_all() -> frozenset:
    from ..entities.demonyms import demonym_table
    return frozenset(v.lower() for v in demonym_table().values())


def _state_name(name: str) -> bool:
    """A state by name in the demonym tables, the WordNet ones too ("Gabon", "Zambia")."""
    return _is_polity(name) or re.sub(r"^the\s+", "", name.strip().lower()) in _state_names_all()


def _body_word(name: str) -> bool:
    """The name is a body's class noun alone ("Council", "the Assembly"; sides.json body_nouns)."""
    from .sides import lexicon
    return re.sub(r"^the\s+", "", name.strip().lower()) in lexicon()["body_nouns"]


LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
TWO_PEOPLES = re.compile(r"(?<![\w-])([A-Z][a-z]+)-([A-Z][a-z]+)(?![\w-])")


def _two_peoples(phrase: str) -> list[tuple[str, str]]:
    """The two polities of each compound of two peoples in the phrase ("Franco-British", "Soviet-Japanese"; sides.json
    "combining_forms"); not a compound that is one polity's demonym ("Austro-Hungarian")."""
    from ..entities.demonyms import polity_of
    from .sides import lexicon
    forms = lexicon().get("combining_forms", {})
    out = []
    for m in TWO_PEOPLES.finditer(phrase):
        if polity_of(m.group(0)) or polity_of(re.sub(r"s$", "", m.group(0))):
            continue
        a = polity_of(forms.get(m.group(1).lower(), m.group(1)))
        b = polity_of(m.group(2))
        if a and b and a != b:
            out.append((a, b))
    return out


def _after_place_prep(before: list[str], preps) -> bool:
    """The words before a name are a place preposition (types.json "location_prepositions", sides.json
    "place_prepositions_extra"), perhaps with "the" or a word of direction ("place_direction_words") after it ("to the",
    "toward central", "throughout")."""
    from .sides import lexicon
    lex = lexicon()
    words = [w.lower() for w in before[-3:]]
    if words and words[-1] in lex["place_direction_words"]:
        words = words[:-1]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and (words[-1] in preps or words[-1] in lex["place_prepositions_extra"])


def brokers(mentions: list[dict], text: str, words: list[str]) -> set[str]:
    """The entities named as brokers of an act ("a Ruritanian-brokered truce", "talks mediated by the League",
    "mediated by Ethiopia and the African Union": both): no party to it (types.json mediator_words)."""
    alt = "|".join(map(re.escape, words))
    after = re.compile(rf"^\s*-\s*(?:{alt})\b", re.I)
    before = re.compile(rf"\b(?:{alt})\s+by\s+(?:the\s+)?$", re.I)
    found, last_end = set(), None
    for m in sorted(mentions, key=lambda m: m["start"]):
        if after.match(text[m["end"]:m["end"] + 20]) or before.search(text[max(0, m["start"] - 30):m["start"]]) or (
                last_end is not None and LIST_GAP.fullmatch(text[last_end:m["start"]])):
            found.add(m["entity_id"])
            last_end = m["end"]
        else:
            last_end = None
    return found


LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)


def _place_word_after(text: str, end: int) -> bool:
    """The word after a people's name is a word for ground ("Libyan territory", "the Chadian border")."""
    from .predicates import lexicon
    after = re.match(r"\s+([a-z]+)", text[end:end + 30])
    return bool(after) and after.group(1) in lexicon()["_arg"]["place"]


def _direction_words() -> frozenset:
    from .sides import lexicon
    return lexicon()["place_direction_words"]


def _after_against(before: list[str]) -> bool:
    """The words before a name end with "against", perhaps with "the" ("an alliance against the Soviet Union")."""
    words = [w.lower() for w in before[-2:]]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] == "against"


def _after_target_prep(before: list[str], cfg: dict) -> bool:
    """The words before a name end with a preposition of an act's target (types.json "target_prepositions"),
    perhaps with "the" ("on the Soviet Union", "against Carthage")."""
    words = [w.lower() for w in before[-2:]]
    if words and words[-1] == "the":
        words = words[:-1]
    return bool(words) and words[-1] in cfg.get("target_prepositions", ())


def clause_text(doc: Doc, start: int, end: int, limit: int = 240) -> str:
    """The clause that states the trigger ("Turkey closed its border with Armenia in April 1993" of
    "... after Armenian forces captured Kalbajar"), from the parse; "" when the parse gives no clean one."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    head = span.root
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in ("ROOT", "relcl", "advcl", "conj") and head.head is not head:
        head = head.head
    keep = {head.i}
    stack = [c for c in head.children if c.dep_ not in CLAUSE_CUT or any(t in span for t in c.subtree)]
    while stack:
        c = stack.pop()
        keep.add(c.i)
        stack.extend(c.children)
    keep |= {t.i for t in span}
    toks = [doc[i] for i in sorted(keep)]
    while toks and (toks[-1].is_punct or toks[-1].dep_ in ("cc", "mark")):
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "mark", "prep") and toks[0].i == head.i - 1):
        toks.pop(0)
    # a clause is contiguous text and names its subject; otherwise the sentence speaks for itself
    if (not toks or toks[-1].i - toks[0].i + 1 != len(toks) or toks[0].tag_ in ("WDT", "WP", "WRB", "TO", "IN", "VBG", "VBN")
            or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.tag_ not in ("WDT", "WP") for c in head.children)):
        return ""
    text = "".join(t.text_with_ws for t in toks).strip()
    if len(toks) < 4 or len(text) > limit or text.count("(") != text.count(")"):
        return ""
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


@lru_cache(maxsize=1)
def _place_aliases() -> list[tuple[re.Pattern, str]]:
    kinds = {eid: k.kind for eid, k in known_entities().items()}
    return [(re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])"), eid)
            for alias, eid in alias_table().items() if kinds.get(eid) == "place"]


@lru_cache(maxsize=256)
def places_named_in(text: str) -> tuple[str, ...]:
    """Place entities whose alias occurs inside a longer name ("blockade of the Lachin corridor")."""
    t = norm(text)
    return tuple(eid for rx, eid in _place_aliases() if rx.search(t))
