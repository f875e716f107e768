"""Event predicates from the parse: which tokens state an act, of which type, and which date governs them.

Link first, then type: a date is attached to the predicate it modifies in the dependency parse (climbing
through light verbs such as "launched", "took place", "carried out" to the event noun); each predicate is
typed from its class in predicates.json (lemma, part of speech, voice, particle, and the classes of its
subject and object: a place, a force, a person, a state, a document...). Negated, modal, planned and
conditional predicates state no event.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

PREDICATES_FILE = Path(__file__).with_name("predicates.json")
CAMEO_FILE = Path(__file__).with_name("cameo_verbs.json")
WORDNET_PHRASAL_FILE = Path(__file__).with_name("wordnet_phrasal.json")

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "obj", "attr", "oprd", "dative"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
FORCE_LABELS = {"NORP", "ORG"}
NUMBER_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
BACKGROUND_PREPS = {"after", "before", "following", "since", "until", "till", "despite", "like", "unlike",
                    "preceding", "prior"}
AIM_NOUNS = {"plan", "plans", "aim", "aims", "objective", "objectives", "goal", "goals", "intention", "purpose",
             "task", "mission", "strategy", "idea", "hope", "proposal", "target"}
ATTEMPT_VERBS = {"try", "attempt", "fail", "seek", "endeavor", "endeavour", "struggle"}
INFINITIVE_OK_HEADS = {"try", "attempt", "fail", "begin", "start", "continue", "manage", "proceed", "go", "come", "succeed", "move",
                       "resume", "be", "have", "used", "use", "get",
                       # "were forced to evacuate", "caused the British to invade", "allowing the divisions to retreat"
                       "force", "compel", "oblige", "cause", "allow", "enable", "permit"}
# nouns of events in the force list ("attack", "offensive"): an argument, but no force that moves or is sent
EVENT_FORCE_NOUNS = {"attempt", "attempts", "assault", "attack", "offensive", "invasion"}
# a strike from the air or the sea, or a surprise strike, is an attack even on a place
STRIKE_MODIFIERS = {"air", "aerial", "naval", "missile", "drone", "rocket", "artillery", "carrier", "bombing", "bomber", "terrorist",
                    "suicide", "chemical", "nuclear", "surprise", "submarine", "torpedo", "gas", "mortar", "sniper", "guerrilla"}
# the prepositions that name what a strike hits: "an attack on / against / upon / into ..."
STRIKE_PREPS = frozenset({"on", "against", "upon", "into"})


@dataclass
class Predicate:
    token: Token
    type: str
    rule: str

    @property
    def start(self) -> int:
        return self.token.idx

    @property
    def end(self) -> int:
        return self.token.idx + len(self.token)


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(PREDICATES_FILE.read_text(encoding="utf-8"))
    data["classes"] = data["classes"] + _cameo_classes() + _wordnet_phrasal_classes()
    data["_by_lemma"] = {}
    for i, cls in enumerate(data["classes"]):
        for lemma in cls["lemmas"]:
            data["_by_lemma"].setdefault(lemma.lower(), []).append(i)
    data["_arg"] = {name: frozenset(words) for name, words in data["arg_classes"].items()}
    for key in ("light_verbs", "stative_verbs", "non_factual_heads", "non_factual_aux", "saying_verbs", "purpose_carriers", "failure_adverbs", "failure_modifiers",
                "non_force_joins", "assembly_nouns", "object_not_act_verbs", "order_verbs", "decision_verbs", "modifier_heads", "not_happened_modifiers", "not_happened_adverbs",
                "military_titles", "quantity_partitives", "figurative_modifiers", "possibility_nouns",
                "light_object_partitives", "sending_verbs", "ruling_modifiers", "opening_verbs", "political_act_verbs",
                "political_act_not_objects", "none_determiners", "counterfactual_aux", "passive_states",
                "telling_relatives", "content_clause_deps", "bound_marks", "content_deadline_preps", "civil_campaign_modifiers",
                "force_measure_nouns", "request_for_verbs", "call_to_arms_nouns", "proposal_nouns", "matter_nouns", "matter_preps", "provision_verbs", "document_nouns",
                "object_control_verbs",
                "happening_verbs", "opportunity_nouns", "opportunity_verbs", "reported_future_heads", "gerund_only_light_verbs",
                "outcome_statement_verbs", "response_verbs", "onset_participles", "aim_preps", "stance_prefixes", "own_possessives"):
        data[key] = frozenset(data.get(key, ()))
    # verbs whose clausal complement is what they say or intend, not an act they time
    data["_reporting"] = data["saying_verbs"] | data["non_factual_heads"]
    # ... and the heads whose "would" clause is what was to happen (_reported_future)
    data["_reported_future"] = data["_reporting"] | data["reported_future_heads"]
    return data


def _cameo_classes() -> list[dict]:
    """Low-priority verb classes from the CAMEO verb dictionary (cameo_verbs.json, built by
    bench/build_cameo_lexicon.py): one class per type, tried after every hand class, for verbs no hand class names.
    A verb known only from this broad lexicon makes an act only in the form of an act the narrative states as done
    (`stated_done`: a past verb of a main, coordinated or adverbial clause with its own subject, or a past passive;
    not a participle, an infinitive, a pluperfect flashback or what someone said)."""
    if not CAMEO_FILE.exists():
        return []
    by_type: dict[str, list[str]] = {}
    for lemma, (_code, typ) in json.loads(CAMEO_FILE.read_text(encoding="utf-8"))["verbs"].items():
        by_type.setdefault(typ, []).append(lemma)
    return [{"id": "cameo-" + typ, "type": typ, "pos": ["VERB"], "lemmas": sorted(lemmas), "stated_done": True}
            for typ, lemmas in sorted(by_type.items())]


def _wordnet_phrasal_classes() -> list[dict]:
    """Low-priority classes of multiword verbs from WordNet 3.0 (wordnet_phrasal.json, built by
    bench/build_wordnet_phrasal.py): 'drew back', 'hemmed in', 'sealed off', 'mowed down', 'stepped down', 'opened
    fire', 'put to death'. The verb alone names no act, so each class needs its particle (or preposition) and its
    object noun; tried after every hand class and CAMEO class, only for an act the narrative states as done
    (`stated_done`), as the CAMEO classes."""
    if not WORDNET_PHRASAL_FILE.exists():
        return []
    out = []
    for words, e in json.loads(WORDNET_PHRASAL_FILE.read_text(encoding="utf-8"))["verbs"].items():
        cls = {"id": "wn-" + words.replace(" ", "-"), "type": e["type"], "pos": ["VERB"], "lemmas": [e["verb"]],
               "stated_done": True}
        if "particle" in e:
            cls["particle"] = [e["particle"]]
        if "object" in e:
            cls["object_lemma"] = [e["object"]]
        if "object_classes" in e:
            cls["object"] = e["object_classes"]
        out.append(cls)
    return out


@lru_cache(maxsize=1)
def trigger_types() -> dict:
    from .extract import types
    return {k: v for k, v in types().get("trigger_types", {}).items() if not k.startswith("_")}


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


TOWNS_KEY = "chronicle_towns"
# the entity labels a town the text names as a place may carry by the model's mistake
TOWN_MISLABELS = {"PERSON", "ORG", "NORP", ""}


def mark_towns(seg_docs, spans) -> None:
    """Marks the tokens of the names a document writes mostly as places ("at Hue", "the battle of Hue", "captured
    Savannah": extract._towns_only) on each (segment start, Doc), so that typing reads them as places whatever entity
    label the model gave them ("Hue fell" with "Hue" tagged a person is a town that fell, the taker's offensive)."""
    for seg_start, doc in seg_docs:
        end = seg_start + len(doc.text)
        marks = set()
        for a, b in spans:
            if seg_start <= a < end:
                span = doc.char_span(a - seg_start, b - seg_start, alignment_mode="expand")
                if span is not None:
                    marks.update(range(span.start, span.end))
        doc.user_data[TOWNS_KEY] = frozenset(marks)


def _ent_type(t: Token) -> str:
    """The token's entity label, a town the text or the gazetteer names as a place (mark_towns) read as LOC."""
    if t.ent_type_ in TOWN_MISLABELS and t.i in t.doc.user_data.get(TOWNS_KEY, ()):
        return "LOC"
    return t.ent_type_


def arg_classes(t: Token | None) -> set[str]:
    """What an argument is: place, force, person, people, state, document, war, power, number, unknown."""
    if t is None:
        return {"none"}
    lex = lexicon()["_arg"]
    out = set()
    ent = _ent_type(t)      # a town the text names as a place (extract._towns_only), whatever its tag
    if ent in PLACE_LABELS:
        out |= {"place", "state"} if ent == "GPE" else {"place"}
    elif ent in FORCE_LABELS:
        out.add("force")
        if ent == "ORG":
            out.add("state")
    elif ent == "PERSON":
        out.add("person")
    elif ent == "LAW":
        out.add("document")    # "the Evian Accords", "the Treaty of Paris"
    elif ent in NUMBER_LABELS or t.like_num:
        out.add("number")
    elif ent == "EVENT" and any(w.lower_ in lexicon()["_arg"].get("war", ()) for w in t.subtree if w.ent_type_ == "EVENT"):
        out.add("war")         # "World War II", "the Second Punic War": a named war (its head may be "II")
    elif t.text == "I" and t.i > 0 and t.nbor(-1).lower_ == "war":
        out.add("war")         # "World War I broke out": the numeral parsed as the pronoun "I"
    elif ent in ("DATE", "TIME") and t.dep_ in SUBJ:
        out.add("unknown")     # "The following week ... units broke through": a date parsed as the subject
    low, lem = t.lower_, _lemma(t)
    for name, words in lex.items():
        if low in words or lem in words:
            out.add(name)
    if any((c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "compound", "quantmod"))) and c.ent_type_ not in ("DATE", "TIME")
           for c in t.children):
        out.add("number")     # not a year parsed onto the name ("In 1913 Madero ...")
    if t.pos_ == "PROPN" and "place" not in out and any(
            c.dep_ == "compound" and c.i < t.i and c.pos_ == "PROPN" and c.lower_ in lex["place"] for c in t.children):
        out.add("place")      # "Fort Schlosser", "Port Arthur": a name after a word for a place is a place
    if "people" in out and lem in ("family", "families") and any(
            _lemma(c) in lexicon()["ruling_modifiers"] for c in t.children if c.dep_ in ("amod", "compound")):
        out = (out - {"people"}) | {"person"}     # "the royal family fled": the rulers, not a population
    if "place" in out and (low in lex["place"] or lem in lex["place"]):
        out.add("place_noun")
    if ent == "GPE" and any(c.lower_ in ("city", "town", "fortress", "port") for c in t.children):
        out.add("place_noun")
    if _force_measure(t):
        out |= {"force", "force_measure"}    # "the troop count was reduced", "their ranks grew": the forces measured
    if lem in PARTITIVES or low in lexicon()["quantity_partitives"]:    # "most of the army", "thousands of refugees"
        of = _of(t)
        if of is not None:
            out |= arg_classes(of) - {"none", "other", "number"}
    for c in t.children:            # "Phuoc Binh, the provincial capital": the apposition says what a name is
        if c.dep_ == "appos" and c.pos_ == "NOUN" and t.pos_ == "PROPN":
            out |= {name for name, words in lex.items() if c.lower_ in words or _lemma(c) in words}
            if c.lower_ in lex["place"] or _lemma(c) in lex["place"]:
                out |= {"place", "place_noun"}
    if t.pos_ == "PROPN" and not out:
        out.add("unknown")
    if t.pos_ == "PRON" and low in ("they", "them", "it", "we", "us"):
        out.add("unknown")
    return out or {"other"}


def _force_measure(t: Token) -> bool:
    """A measure of forces (force_measure_nouns: count, strength, level, ranks, presence ...) compounded with a force noun
    ("the U.S. troop count", "troop levels", "military presence"), or the ranks of a named owner ("the Viet Cong's ranks").
    Not an of-phrase: "the number of troops grew", "the strength of the garrison" added rows on kept-aside text that
    no gold event took (measured, session 10)."""
    if _lemma(t) not in lexicon()["force_measure_nouns"] and t.lower_ not in lexicon()["force_measure_nouns"]:
        return False
    force = lexicon()["_arg"]["force"]
    for c in t.children:
        if c.dep_ in ("compound", "amod") and (_lemma(c) in force or c.lower_ in force or c.lower_ == "military"):
            return True
        if c.dep_ == "poss" and _lemma(t) == "rank":
            return True        # "the Viet Cong's ranks", "their ranks": a body's members
        if c.dep_ == "poss" and (_lemma(c) in force or c.lower_ in force):
            return True        # "the Army's strength", "the garrison's numbers": the owner is itself a force
    return False


RELATIVE = {"which", "that", "who", "whom", "whose"}
PARTITIVES = {"most", "part", "bulk", "remainder", "rest", "half", "majority", "remnant", "remnants", "element", "elements",
              "portion", "some", "many", "all", "much", "several", "one", "two", "three", "detachment", "contingent"}


def _argument(t: Token, deps: set[str]) -> Token | None:
    """The first child in one of these roles; a relative pronoun stands for the noun its clause
    describes ("the war, which began on 27 September", "the island, which it had lost")."""
    args = [c for c in t.children if c.dep_ in deps]
    for k, c in enumerate(args):
        if k + 1 < len(args) and any(g.dep_ == "case" and g.i == c.i + 1 for g in c.children):
            continue      # "took the country’s reins": a possessor parsed as a second argument; the argument follows it
        return t.head if c.lower_ in RELATIVE and t.dep_ == "relcl" else c
    return None


def _agent(t: Token) -> Token | None:
    """The object of a passive verb's "by" phrase: "was launched by the Romanian army"."""
    return next((g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _subject(t: Token) -> Token | None:
    found = _argument(t, SUBJ)
    if found is not None:
        return found
    agent = _agent(t)                    # the agent of a passive stands as a subject of the act
    if agent is not None:
        return agent
    if t.dep_ == "xcomp" and _lemma(t.head) in lexicon()["object_control_verbs"]:
        obj = _argument(t.head, {"dobj"})
        if obj is not None:
            return obj           # "forcing the Allies to evacuate": the one forced does the act
    if t.dep_ in ("conj", "xcomp", "advcl") and t.head.pos_ in ("VERB", "AUX"):
        return _subject(t.head) if t.dep_ != "advcl" else None
    if t.dep_ in ("relcl", "acl"):
        return t.head
    return None


def _passive_subject(t: Token) -> Token | None:
    found = _argument(t, {"nsubjpass"})
    if found is not None:
        return found
    if t.dep_ == "acl" and t.tag_ == "VBN":      # "the city captured by ..."
        return t.head
    if t.dep_ == "conj" and t.head.pos_ == "VERB":
        # "Japan launched an attack ... but was repulsed": the subject of the first verb
        return _passive_subject(t.head) if is_passive(t.head) else _subject(t.head)
    return None


def is_passive(t: Token) -> bool:
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children) or (t.dep_ == "acl" and t.tag_ == "VBN"):
        return True
    # "Diem was overthrown and executed", "was beaten, stabbed and decapitated": a participle coordinated with a
    # passive shares its auxiliary and subject
    return (t.dep_ == "conj" and t.tag_ == "VBN" and t.head.pos_ in ("VERB", "AUX") and t.head.i < t.i
            and not any(c.dep_ in ("aux", "nsubj", "dobj") for c in t.children) and is_passive(t.head))


MILITARY_ERRANDS = {"defend", "protect", "guard", "reinforce", "relieve", "hold", "command", "lead", "help", "assist", "support",
                    "secure", "garrison", "cover", "bolster", "strengthen", "stiffen", "rescue", "oppose", "counter", "stop", "check"}


def _purpose(t: Token) -> Token | None:
    """The purpose infinitive of a verb or noun: "sent 700 men to seize", "an operation to retake"."""
    for c in t.children:
        if c.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > t.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return c
    return None


def _object(t: Token) -> Token | None:
    return _argument(t, OBJ)


DIRECTIONS = {"north", "south", "east", "west", "northward", "southward", "eastward", "westward", "northwards", "southwards",
              "eastwards", "westwards", "inland", "forward", "ahead", "further", "farther", "deeper", "back", "rightwards", "leftwards"}


def _particles(t: Token) -> set[str]:
    # a preposition heading a time ("fell in September 1939", "fell on 9 May") is no particle of the verb
    out = {c.lower_ for c in t.children if c.dep_ in ("prt", "prep", "advmod", "dative") and not (
        c.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children))}
    for c in t.children:           # "moved north into Virginia": the direction word carries the preposition
        if c.dep_ == "advmod" and c.lower_ in DIRECTIONS:
            out |= {g.lower_ for g in c.children if g.dep_ == "prep"}
    return out


def _of(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _has_number(t: Token) -> bool:
    if t is None:
        return False
    if t.like_num or t.ent_type_ in NUMBER_LABELS:
        return True
    return any((c.dep_ in ("nummod", "quantmod") or c.like_num or c.ent_type_ in ("CARDINAL", "QUANTITY"))
               and c.ent_type_ not in ("DATE", "TIME") for c in t.subtree if c.i != t.i and c.i < t.i + 1)


def _has_figure(t: Token | None) -> bool:
    """A number that counts ("forty soldiers", "3,000"): "one protester", "a soldier" is one person, no tally."""
    if not _has_number(t):
        return False
    nums = [c for c in t.subtree if c.i < t.i and (c.like_num or c.dep_ in ("nummod", "quantmod"))]
    return not (t.tag_ in ("NN", "NNP") and not t.like_num and nums and all(c.lower_ in ("one", "1") for c in nums))


def _clause_has_number(t: Token) -> bool:
    """A count in the clause the noun sits in ("the number of victims ... is 3825", "5,000 casualties")."""
    h = t
    while h.pos_ not in ("VERB", "AUX") and h.head.i != h.i:
        h = h.head
    return any((c.like_num or c.ent_type_ in ("CARDINAL", "QUANTITY")) and c.ent_type_ not in ("DATE", "TIME", "ORDINAL")
               for c in h.subtree)


def _struck(t: Token) -> tuple[str, Token, set[str]] | None:
    """What an attack noun strikes: (preposition, its object, the object's classes) of the first "on / against /
    upon / into" phrase; None when there is none or a strike modifier ("air", "drone") makes it a strike."""
    if any(_lemma(c) in STRIKE_MODIFIERS for c in t.children if c.dep_ in ("amod", "compound", "nmod")):
        return None
    for c in _strike_preps(t):
        for g in c.children:
            if g.dep_ == "pobj":
                return c.lower_, g, arg_classes(g)
    return None


def _strike_preps(t: Token, whens: bool = False) -> list[Token]:
    """The "on / against / upon / into" phrases of an attack noun; when it has none, those of the light verb
    that carries it ("another assault was made on our lines", "an attack was launched against the town")."""
    own = [c for c in t.children if c.dep_ == "prep" and c.lower_ in STRIKE_PREPS and (whens or not _time_phrase(c))]
    carrier = t
    if t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in lexicon()["light_object_partitives"]:
        carrier = t.head.head      # "launched a series of attacks against the line": the partitive is the verb's object
    if own or carrier.dep_ not in ("dobj", "nsubjpass") or _lemma(carrier.head) not in lexicon()["light_verbs"]:
        return own
    return [c for c in carrier.head.children if c.dep_ == "prep" and c.lower_ in STRIKE_PREPS and c.i > t.i
            and (whens or not _time_phrase(c))]


def _time_phrase(prep: Token) -> bool:
    """A phrase that tells when, not what is struck: "started its attack ... on 9 September"."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


@lru_cache(maxsize=1)
def _polities() -> frozenset:
    """Names of states and historical polities (entities/demonyms.tsv: short names and canonical names)."""
    from ..entities.demonyms import demonym_table, state_names
    return frozenset({k.lower() for k in demonym_table()} | state_names())


def _names_polity(g: Token) -> bool:
    """The named place is a state ("Armenia", "the Republic of Armenia"), not a town or a region within one."""
    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
    name = (ent.text if ent is not None else g.text).lower()
    name = name[4:] if name.startswith("the ") else name
    return name in _polities() or g.lower_ in _polities() or any(
        _lemma(c) in ("republic", "kingdom", "empire", "state", "country") for c in g.subtree)


def _names_lemma(c: Token, words) -> bool:
    """Whether an argument is one of these words: its lemma or form, or a two-word name an entry spells out with
    its modifier or its "of" phrase ("martial law", "state of emergency"), so an idiom's noun is told from the
    same noun in other uses ("imposed martial law", not "imposed a law")."""
    if _lemma(c) in words or c.lower_ in words:
        return True
    for g in c.children:
        if g.dep_ in ("amod", "compound") and f"{_lemma(g)} {_lemma(c)}" in words:
            return True
        if g.dep_ == "prep" and g.lower_ == "of" and any(
                f"{_lemma(c)} of {_lemma(h)}" in words for h in g.children if h.dep_ == "pobj"):
            return True
    return False


def _target_own(t: Token) -> bool:
    """Whether what a verb acts on ("to" phrase, object or passive subject) is named as the doer's own by a
    possessive pronoun: "set fire to their stores and to their ships"."""
    targets = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return any(g.dep_ == "poss" and g.lower_ in ("their", "its", "his", "her", "our") for c in targets for g in c.children)


def _separated_from_state(t: Token) -> bool:
    """Independence from a named state or a state's rule ("its independence from Spain in 1816", "three years before
    independence from Belgium"): the separation is the act of gaining it (EVENTS.md declaration), as "gained
    independence" is; not an independence fought, hoped or asked for ("struggling for independence from colonial
    rule": the noun is the object of an aim preposition)."""
    if t.dep_ == "pobj" and t.head.lower_ in lexicon()["aim_preps"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "NORP") or "state" in arg_classes(g)) for g in c.children)
        for c in t.children)


def _noun_ok(t: Token, need: str) -> bool:
    if need == "any":
        return True
    of = _of(t)
    if need == "of":
        return of is not None
    if need == "not_by_manner":
        # "was dissolved by decree", "ruled by decree": the manner of the verb's act, no act of its own; "by a decree
        # of 2 May", "by the decree of the Assembly" still name the decree
        return not (t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.head.pos_ in ("VERB", "AUX")
                    and not any(c.dep_ in ("det", "poss", "prep", "amod", "compound", "nummod") for c in t.children))
    if need == "not_state_of":
        # "a state of siege" is the emergency rule a government declares, no siege laid
        return not (t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) == "state")
    if need == "of_or_launched":
        # "the push of the Third Army", "the Italians began a push which recovered territory"; not "a push for reforms"
        return of is not None or (t.dep_ == "dobj" and _lemma(t.head) in lexicon()["opening_verbs"]
                                  and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children))
    if need == "of_people":
        return of is not None and bool(arg_classes(of) & {"people", "number"})
    if need == "of_person":
        return of is not None and bool(arg_classes(of) & {"person"})
    if need in ("of_force", "of_force_or_any"):
        if of is not None and "person" in arg_classes(of) and not arg_classes(of) & {"force", "state"}:
            return False       # "the arrival of the new commander": he came to take command, no forces were deployed
        return need.endswith("any") or (of is not None and bool(arg_classes(of) & {"force", "state"}))
    if need == "people_exile":
        # "the exile of 100,000 Greeks" is a displacement; a leader who "went into exile" or "returned from exile" is
        # one person's flight (other)
        owner = of or next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is not None:
            return bool(arg_classes(owner) & {"people", "number"})
        if t.tag_ == "NNS":
            return False       # "misled by Loyalist exiles", "the exiles landed at the bay": the people, not an act
        if t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
            v = t.head.head
            who = _passive_subject(v) if is_passive(v) else _subject(v)
            return who is None or not (arg_classes(who) & {"person"} or who.ent_type_ in ("PERSON", "ORG"))
        return True
    if need == "not_claimed":
        return not _claimed_outcome(t)
    if need == "number":
        return _has_number(t)
    if need == "civil":
        # "a propaganda campaign", "the election campaign": a campaign of a civil kind, not a side's operation
        return bool({_lemma(c) for c in t.children if c.dep_ in ("amod", "compound", "nmod")} & lexicon()["civil_campaign_modifiers"])
    if need in ("military", "named_or_military"):
        mods = {_lemma(c) for c in t.children if c.dep_ in ("amod", "compound", "nmod")}
        military = {"air", "missile", "drone", "military", "naval", "artillery", "nuclear", "preemptive",
                    "pre-emptive", "aerial", "amphibious", "rocket", "airborne", "combat", "rear-guard",
                    "delaying", "guerrilla", "commando", "punitive", "offensive", "retaliatory"}
        # "Operation Barbarossa", "Operation 1027": a named one; "an operation against the rebels": aimed at a side
        named = any(c.pos_ == "PROPN" or (t.text[:1].isupper() and c.like_num and c.i > t.i) for c in t.children)
        against = any(c.dep_ == "prep" and c.lower_ == "against" and any(
            g.dep_ == "pobj" and (arg_classes(g) & {"force", "state", "people"} or g.ent_type_ in ("NORP", "GPE", "ORG"))
            for g in c.children) for c in t.children)
        return bool(mods & military) or (need.startswith("named") and (named or against))
    if need in ("held", "declared", "adopted_or_body", "made"):
        verbs = {"held": {"hold", "take", "conduct", "organize", "organise", "call", "win", "lose", "contest", "stage"},
                 "made": {"make", "submit", "present", "put", "table", "advance", "send", "deliver", "draft", "unveil"},
                 "declared": {"declare", "proclaim", "announce", "gain", "achieve", "win", "grant"},
                 "adopted_or_body": {"adopt", "pass", "approve", "vote", "issue", "condemn", "demand"}}[need]
        h = t.head
        if need == "declared" and _separated_from_state(t):
            return True
        if need == "held" and _noun_ok(t, "confidence_of"):
            return False       # "lost a vote of confidence": the assembly's decision (confidence-vote), no election
        return _lemma(h) in verbs or (t.dep_ == "nsubjpass" and _lemma(h) in verbs)
    if need == "confidence_of":
        return ((of is not None and _lemma(of) in ("confidence", "no-confidence", "censure", "impeachment", "distrust"))
                or any(c.dep_ in ("compound", "amod") and _lemma(c) in ("confidence", "no-confidence", "censure")
                       for c in t.children))
    if need == "confidence":
        # "survived a vote of no confidence", "parliament passed a motion of censure", "the government lost a confidence
        # vote": a vote the assembly held on the government
        if not _noun_ok(t, "confidence_of"):
            return False
        return t.dep_ in ("dobj", "nsubjpass") and _lemma(t.head) in (
            "survive", "lose", "win", "face", "pass", "carry", "defeat", "hold", "table", "adopt", "approve", "reject")
    if need in ("called", "not_called"):
        # "the prime minister called early elections" (on 3 March): the vote is still to come, the call is the act
        # (other); "elections were called for 3 May" gives the vote's day
        called = (_lemma(t.head) in ("call", "announce", "schedule", "set") and t.dep_ in ("dobj", "nsubjpass")
                  and not any(c.dep_ == "prep" and c.lower_ == "for" for c in t.head.children))
        return called if need == "called" else not called
    if need in ("by_state", "not_by_state"):
        # "the United States imposed sanctions": a state's measure; "the Security Council imposed sanctions", "UN
        # sanctions": a body's decision. The imposer is the subject of the verb the noun is the object of, the agent of
        # its passive, or a possessive or compound name on the noun; none named, the noun keeps its resolution
        v = t.head if t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") else None
        who = [c for c in t.children if c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG")]
        if v is not None:
            who.append(_agent(v) if t.dep_ == "nsubjpass" else _subject(v))
        who = [w for w in who if w is not None]
        state = bool(who) and not any(_is_body(w) for w in who) and any(
            w.ent_type_ in ("GPE", "NORP") or arg_classes(w) & {"state", "person"} for w in who)
        return state if need == "by_state" else not state
    if need == "of_emergency":
        # "the imposition of martial law", "the introduction of a state of emergency": a decree of emergency rule
        return of is not None and _names_lemma(of, lexicon()["emergency_rule_nouns"])
    if need == "on_place":
        # an assault launched "on 16 March" is still the army's assault: a dated assault counts as aimed at ground
        return any(c.lower_ in ("on", "against", "upon") for c in _strike_preps(t, whens=True))
    if need == "made_into_ground":
        # "made significant gains into enemy territory", "made inroads against the defenders": ground taken;
        # "made gains in the elections", "economic gains" are no act of war
        if _lemma(t.head) != "make":
            return False
        return any(c.dep_ == "prep" and c.lower_ in ("into", "in", "on", "along", "against", "toward", "towards")
                   and any(g.dep_ == "pobj" and (arg_classes(g) & {"place", "force"} or g.ent_type_ in ("GPE", "LOC"))
                           for g in c.children) for c in list(t.children) + list(t.head.children))
    if need == "ground":
        # "an amphibious assault", "a ground attack": an assault that takes ground; "the Allies commenced an attack of
        # their own in Egypt", "the North Vietnamese launched their attack": an army's attack opened with nothing struck
        opened = (t.dep_ in ("dobj", "nsubj") and _lemma(t.head) in lexicon()["opening_verbs"] and _struck(t) is None
                  and not any(_lemma(c) in STRIKE_MODIFIERS for c in t.children if c.dep_ in ("amod", "compound", "nmod"))
                  and not any(c.dep_ == "prep" and c.lower_ in STRIKE_PREPS and not _time_phrase(c) for c in t.children))
        if opened and t.dep_ == "dobj":
            subj = _subject(t.head)
            if subj is not None and arg_classes(subj) & {"force", "state"}:
                return True
        if opened and t.dep_ == "nsubj" and t.tag_ == "NN" and not any(c.dep_ == "dobj" for c in t.head.children):
            # "The final attack began on 27 April": one attack that opens, striking nothing named, is an operation;
            # whose it is, when told, must be an armed side ("the Allied attack", not "the terrorists' attack")
            by = next((c for c in t.children if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.ent_type_)), None)
            if by is None or arg_classes(by) & {"force", "state"}:
                return True
        hit = _struck(t)
        if hit is not None and hit[2] & {"force", "place", "state"} and not hit[2] & {"target", "people", "person"} \
                and t.dep_ in ("dobj", "nsubjpass") and _lemma(t.head) in lexicon()["light_verbs"]:
            # an armed force's attack on a country, its forces or its ground, not a strike on targets or people
            # (EVENTS.md: an assault on a position is an offensive): "the Romanian army launched an attack against
            # Austria-Hungary"; a state's attack on a country stays an attack ("Azerbaijan launched an attack on Armenia")
            agent = _subject(t.head) if t.dep_ == "dobj" else _agent(t.head)
            if _is_force(agent):
                return True
        return any(_lemma(c) in ("amphibious", "ground", "infantry", "airborne", "frontal", "seaborne", "armored", "armoured", "tank",
                                 "parachute", "land", "combined") for c in t.children if c.dep_ in ("amod", "compound", "nmod"))
    if need in ("from_body", "to_body"):
        # "its expulsion from the League of Nations", "admission to the UN": a decision of the body
        prep = "from" if need == "from_body" else "to"
        return any(c.dep_ == "prep" and c.lower_ == prep and any(g.dep_ == "pobj" and _is_body(g) for g in c.children)
                   for c in t.children)
    if need == "on_target":
        # "an attack on the American fleet", "raids on depots": what is struck is not ground
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon"):
                return any(g.dep_ == "pobj" and "target" in arg_classes(g) for g in c.children)
        return False
    if need == "into_or_on_ground":
        # "an attack into the Saarland", "an attack on the town / on enemy positions": ground attacked; an attack
        # on a country named as such stays an attack ("the largest attack on Armenia")
        hit = _struck(t)
        if hit is None:
            return False
        prep, g, a = hit
        if a & {"force", "people", "person", "target"}:
            return False
        # a named town or region is ground ("another attack on Kharkov"); a named country stays an attack
        return bool(a & {"place"}) and (prep == "into" or "place_noun" in a or g.ent_type_ in ("LOC", "FAC")
                                        or (g.ent_type_ == "GPE" and not _names_polity(g)))
    if need == "on_place_arg":
        # "an attack on Kharkov", "a small French attack into the Saarland": ground attacked, not a force or a fleet
        hit = _struck(t)
        return hit is not None and bool(hit[2] & {"place"}) and not hit[2] & {"force", "people", "person"}
    if need == "not_agreement":
        # "A constitutional declaration was signed", "signed a joint declaration of peace": the document whose signing
        # is the act (an agreement, agreement-sign); a declaration OF a status signed stays a declaration
        h = t.head
        if t.dep_ in ("dobj", "nsubjpass") and h.pos_ in ("VERB", "AUX") and _lemma(h) in ("sign", "initial", "countersign"):
            status = next(c for c in lexicon()["classes"] if c["id"] == "status-declaration-made")["object_of_lemma"]
            of = _of(t)
            return of is not None and _lemma(of) in status
        return True
    if need == "peacekeeping":
        return any(_lemma(c) in ("peacekeeping", "peace-keeping", "peacekeeper", "stabilization", "stabilisation",
                                 "monitoring", "observer", "humanitarian", "relief")
                   for c in t.children if c.dep_ in ("amod", "compound", "nmod"))
    return True


def _compound_lemma(t: Token) -> str:
    """A noun with the compound noun before it, as a lexicon writes a two-word name ("air force", "air forces")."""
    mod = next((c for c in t.children if c.dep_ == "compound" and c.i == t.i - 1), None)
    return f"{mod.lower_} {t.lower_}" if mod is not None else ""


def _class_ok(t: Token, cls: dict) -> bool:
    pos = t.pos_
    if pos not in cls["pos"] and not (pos == "PROPN" and "NOUN" in cls["pos"]) and not (
            pos == "AUX" and "VERB" in cls["pos"]):
        return False
    lem = _lemma(t)
    if "not_purpose" in cls:
        aim = _purpose(t)
        if aim is not None and (_lemma(aim) in cls["not_purpose"] or any(
                c.dep_ == "dobj" and _lemma(c) in cls["not_purpose"] for c in aim.children)):
            return False       # "landed at Salonica to offer assistance": forces sent with consent, a deployment
    if cls.get("after_comma") and not (t.i > t.sent.start and t.nbor(-1).text == ","):
        return False           # a reduced relative set off by a comma: "The Accords, concluded between ..."
    if pos in ("NOUN", "PROPN"):
        if "modifier_lemma" in cls and not any(
                (c.dep_ in ("amod", "compound") and _lemma(c) in cls["modifier_lemma"])
                or (c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
                    g.dep_ == "pobj" and _lemma(g) in cls["modifier_lemma"] for g in c.children))
                for c in t.children):
            return False       # "an electoral victory", "victory in the elections": what was won is a vote
        needs = cls.get("noun_needs", {})
        if lem in needs and not _noun_ok(t, needs[lem]):
            return False
        if cls.get("needs_number") and not _clause_has_number(t):
            return False
        if "of" in cls:
            of = _of(t) or next((c for c in t.children if c.dep_ == "poss"), None)   # "its dissolution"
            if of is None and cls.get("of_or_to"):       # "ordered a halt to the bombing" (the parse may hang "to" on the verb)
                of = _halted_to(t)
            if of is None or not (arg_classes(of) & set(cls["of"]) or (of.dep_ == "poss" and of.pos_ == "PRON")):
                return False
            if "of_lemma" in cls and _lemma(of) not in cls["of_lemma"]:
                return False
            if "not_of" in cls and arg_classes(of) & set(cls["not_of"]):
                return False
        if "into" in cls and not any(c.dep_ == "prep" and c.lower_ == "into" and any(
                g.dep_ == "pobj" and arg_classes(g) & set(cls["into"]) for g in c.children) for c in t.children):
            return False       # "Romania's entry into the war": entering what the class names
        if cls.get("in_war"):
            # "victory in the war", "the war ... resulted in Azerbaijani victory": the war's outcome
            wars = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children
                    if g.dep_ == "pobj" and _lemma(g) in ("war", "conflict")]
            h = t.head.head if t.dep_ == "pobj" else t.head
            subj = _subject(h) if h.pos_ in ("VERB", "AUX") else None
            if not wars and not (subj is not None and _lemma(subj) in ("war", "conflict")):
                return False
            if any(c.dep_ in ("amod", "advmod", "nummod") and (c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" or _lemma(c) in ("only", "major"))
                   and _lemma(c) not in ("last", "final") for c in t.children):
                return False      # "the first major Allied victory of the war", "their only defeat of the war": one battle of it
        if "needs_verb" in cls and _dated_noun(t):
            return True        # "a secret 1902 pact with France", "the Concordat of 1801": the document the text dates
        if "undone_by" in cls and _undone(t):
            return False       # "the treaty was renounced", "nullified the pact": the act is its undoing, not the agreement
        if "needs_verb" in cls:
            h = t.head if t.dep_ != "pobj" else t.head.head
            if _lemma(h) not in cls["needs_verb"] and t.dep_ not in ("nsubj", "nsubjpass"):
                return False
            # the agent of an act of its own, or of a verb with an object, is a body, not a document: "the Convention
            # adopted a constitution", "the Convention met"; a document stays the subject of light and stative verbs
            # without an object ("the treaty came into force")
            lex = lexicon()
            if t.dep_ == "nsubj" and h.pos_ in ("VERB", "AUX") and (_object(h) is not None or (
                    _lemma(h) not in cls["needs_verb"] and _lemma(h) not in lex["light_verbs"]
                    and _lemma(h) not in lex["stative_verbs"] and classify(h) is not None)):
                return False
        return True
    passive = is_passive(t)
    if "passive" in cls and cls["passive"] != passive:
        return False
    if "not_dep" in cls and t.dep_ in cls["not_dep"]:
        return False           # "captured Fort Washington, taking 2,000 prisoners": a count that goes with another act
    if "conj_lemma" in cls and not any(_lemma(w) in cls["conj_lemma"] for w in
                                       ([t.head] if t.dep_ == "conj" else []) + [c for c in t.children if c.dep_ == "conj"]):
        return False           # "killed or captured over 5,000": captured in a tally with the killed
    subj = _passive_subject(t) if passive else _subject(t)
    obj = _object(t)
    parts = _particles(t)
    if "particle" in cls and not (parts & set(cls["particle"])):
        return False
    if lem in cls.get("particle_if_lemma", {}) and not parts & set(cls["particle_if_lemma"][lem]):
        return False
    if "subject_lemma" in cls and not (subj is not None and (_lemma(subj) in cls["subject_lemma"]
                                                             or subj.lower_ in cls["subject_lemma"]
                                                             or _compound_lemma(subj) in cls["subject_lemma"] or (
            cls.get("subject_force_measure") and _force_measure(subj)))):
        return False
    if "not_subject_lemma" in cls and subj is not None and _lemma(subj) in cls["not_subject_lemma"]:
        return False       # "the Republic fell": a regime falls (dissolution), a city falls to its taker
    if "subject_pos" in cls and not (subj is not None and subj.pos_ in cls["subject_pos"]):
        return False       # a name, whatever entity label the model gives it ("Carranza was executed")
    if "fighting_needs_scale" in cls and subj is not None and _lemma(subj) == "fighting" and not any(
            m in " ".join(w.lower_ for w in subj.subtree if w.i < subj.i).replace(" - ", "-") for m in cls["fighting_needs_scale"]):
        return False          # "fierce fighting broke out along the border": a clash, not a war that began
    if "subject_ent" in cls and not (subj is not None and _ent_type(subj) in cls["subject_ent"]):
        return False
    if "object_ent" in cls and not (obj is not None and _ent_type(obj) in cls["object_ent"]):
        return False
    if cls.get("subject_body") and not _is_body(subj):
        return False
    if cls.get("agent_body") and not any(_is_body(g) for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
        return False
    if "agent_lemma" in cls and not any(_lemma(g) in cls["agent_lemma"] or g.lower_ in cls["agent_lemma"]
                                        for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
        return False           # "was captured by the police": who did it names the act (an arrest)
    if "not_particle" in cls and parts & set(cls["not_particle"]):
        return False
    if "subject" in cls and not (arg_classes(subj) & set(cls["subject"])):
        # "Germany attacked Poland and World War II broke out": a war among the conjoined subjects the parse gave
        if not (cls.get("subject_any_conjunct") and subj is not None
                and any(arg_classes(c) & set(cls["subject"]) for c in subj.conjuncts)):
            return False
    if "object" in cls and not (arg_classes(obj) & set(cls["object"])):
        if cls.get("object_any_conjunct") and obj is not None and any(
                arg_classes(c) & set(cls["object"]) for c in obj.conjuncts):
            pass               # "had lost many elephants and soldiers": the forces among the conjoined objects
        elif not (cls.get("object_lemma_any") and obj is not None and _lemma(obj) in lexicon()["_by_lemma"]
                and (classify(obj) or ("",))[0] not in cls.get("object_act_not", ())):
            return False
    if "not_object" in cls and obj is not None and arg_classes(obj) & set(cls["not_object"]):
        return False
    if "not_object_modifier" in cls and obj is not None and any(
            c.dep_ in ("amod", "compound") and _lemma(c) in cls["not_object_modifier"] for c in obj.children):
        return False
    if "object_pos" in cls and not (obj is not None and obj.pos_ in cls["object_pos"]):
        return False
    if cls.get("object_poss") and not (obj is not None and any(c.dep_ == "poss" for c in obj.children)):
        return False           # "held their ground", "stood its ground" (the idiom); "held the higher ground" is a state
    if cls.get("object_own") and not (obj is not None and any(
            c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in lexicon()["own_possessives"] for c in obj.children)):
        return False           # "halted its advance" (the side's own act); not "halted the enemy's advance" (a repulse)
    if cls.get("object_determined") and not (obj is not None and any(
            c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in obj.children)):
        return False           # "took the gunboats", "captured two frigates"; not "took ship for England" (a passage)
    if "object_lemma" in cls:
        cands = [obj] if obj is not None else []
        if cls.get("object_lemma_only_obj"):
            if not any(_names_lemma(c, cls["object_lemma"]) for c in cands):
                return False       # (a two-word entry too, as for the other object lists: "imposed martial law")
        elif passive and subj is not None:
            cands.append(subj)
        cands += [g for c in t.children if c.dep_ == "prep" and not (c.lower_ == "for" and lem in lexicon()["request_for_verbs"])
                  for g in c.children if g.dep_ == "pobj"]     # "called for a ceasefire": asked for, not called
        if cls.get("object_lemma_or_xcomp"):
            comps = [c for c in t.children if c.dep_ in ("xcomp", "ccomp", "oprd")]
            # "declared Germany to be a republic", "pronounced Algeria an independent country"
            cands += comps + [g for c in comps for g in c.children if g.dep_ in ("attr", "acomp", "oprd", "dobj")]
            cands += [c for c in t.children if c.dep_ in ("dobj", "attr", "oprd")]
        if not any(_names_lemma(c, cls["object_lemma"]) for c in cands):
            return False
    if "object_of_lemma" in cls:   # the object's (or a passive subject's) of-phrase: 'a declaration of independence'
        what = _passive_subject(t) if passive else obj
        of = _of(what) if what is not None else None
        if of is None or _lemma(of) not in cls["object_of_lemma"]:
            return False
    if "complement_lemma" in cls and not any(
            c.dep_ in ("acomp", "attr", "oprd") and (_lemma(c) in cls["complement_lemma"] or any(
                m.dep_ == "amod" and _lemma(m) in cls["complement_lemma"] for m in c.children)) for c in t.children):
        return False       # "became independent", "became an independent state"
    if "attr_class" in cls and not any(c.dep_ in ("attr", "oprd", "xcomp") and arg_classes(c) & set(cls["attr_class"])
                                       for c in t.children):
        return False       # "became president", "became commander in Iberia"
    if "target_own" in cls and cls["target_own"] != _target_own(t):
        return False       # "set fire to their stores": a side destroying its own stores or ships, no strike on the other
    if "from_lemma" in cls and not any(c.dep_ == "prep" and c.lower_ == "from" and any(
            g.dep_ == "pobj" and _lemma(g) in cls["from_lemma"] for g in c.children) for c in t.children):
        return False       # "withdrew from the League", "pulled out of the talks"
    if "with_lemma" in cls and not any(c.dep_ == "prep" and c.lower_ == "with" and any(
            g.dep_ == "pobj" and _lemma(g) in cls["with_lemma"] for g in c.children) for c in t.children):
        return False       # "attacked the town with poison gas": the weapon makes it a strike
    if "to_lemma" in cls and not any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and _lemma(g) in cls["to_lemma"] for g in c.children) for c in t.children):
        return False       # "went to the guillotine", "was sent to the scaffold"
    if cls.get("not_subject_body") and _is_body(subj):
        return False       # "the Assembly failed altogether": no attack repulsed
    if "not_prep_object_lemma" in cls and any(c.dep_ == "prep" and any(
            g.dep_ == "pobj" and _lemma(g) in cls["not_prep_object_lemma"] for g in c.children) for c in t.children):
        return False       # "agreed to a Soviet request", "agreed to its own version of the talks": an acceptance
    if "in_lemma" in cls and not any(c.dep_ == "prep" and c.lower_ in cls.get("in_preps", ("in", "during")) and any(
            g.dep_ == "pobj" and _lemma(g) in cls["in_lemma"] for g in c.children) for c in t.children):
        return False       # "died in battle", "fell in action"
    if cls.get("agreed_by_sides"):
        # "the two sides agreed to form a united front", "Britain and France agreed to ...", "agreed with Villa to ...":
        # two sides agreeing on an act is an agreement; one side consenting is not
        if not any(c.dep_ in ("xcomp", "ccomp") for c in t.children):
            return False
        sides = subj is not None and (any(c.dep_ == "conj" for c in subj.children) or _lemma(subj) in (
            "side", "sides", "party", "parties", "both", "leader", "leaders", "government", "governments", "power", "powers",
            "belligerent", "belligerents", "nation", "nations", "country", "countries") and subj.tag_ in ("NNS", "NNPS", "DT"))
        if not sides and subj is not None and subj.lower_ in ("they", "both") and any(
                c.dep_ == "xcomp" and _lemma(c) in lexicon().get("joint_act_verbs", ()) for c in t.children):
            sides = True       # "they agreed to share power": an act only two sides can do together (joint_act_verbs)
        if not (sides or any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)):
            return False
    if cls.get("from_place"):
        # "driven out of Siberia", "expelled from the city": ground taken; "expelled from the party" is no offensive
        froms = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        froms += [g for c in t.children if c.lower_ == "out" for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        froms += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "out" for p in c.children if p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        if any(_is_body(g) or (_lemma(g) in lexicon()["_arg"]["state"] and "place" not in arg_classes(g)) for g in froms):
            return False
        if any("power" in arg_classes(g) for g in froms):
            return False       # "removed the judges from office", "driven from power": a dismissal or a coup, no ground
    if "not_subject" in cls and subj is not None and arg_classes(subj) & set(cls["not_subject"]):
        return False
    if "object_lemma_if_take" in cls and lem == "take" and not (obj is not None and _lemma(obj) in cls["object_lemma_if_take"]):
        return False
    if "not_object_lemma" in cls and obj is not None and _lemma(obj) in cls["not_object_lemma"]:
        return False
    if "control_of" in cls:
        # ("took control of the city", the parser hanging "of" on the verb; "of much of the east": the partitive's whole)
        of = (_of(obj) or (_of(t) if _of(t) is not None and _of(t).i > obj.i else None)) if obj is not None else None
        if of is not None and _lemma(of) in PARTITIVES and _of(of) is not None:
            of = _of(of)
        if of is None or not (arg_classes(of) & set(cls["control_of"])):
            return False
    if "control_over" in cls:
        # "regained their hold on the peninsula", "regained authority on the island": what the hold is over
        over = [g for h in ([obj] if obj is not None else []) + [t] for c in h.children
                if c.dep_ == "prep" and c.lower_ in ("on", "over", "of", "in") for g in c.children if g.dep_ == "pobj"]
        if not any(arg_classes(g) & set(cls["control_over"]) for g in over):
            return False
    if cls.get("by_consent") and not any(
            c.dep_ == "prep" and c.lower_ in ("at", "with", "upon", "on", "by") and any(
                g.dep_ == "pobj" and _lemma(g) in lexicon()["consent_nouns"] for g in c.children) for c in t.children):
        return False           # "landed at the request of its government", "entered with the consent of the king"
    if "prep_object" in cls:
        # "appeared off the port", "appeared before the walls": the object of one of these prepositions is of its classes
        if not any(arg_classes(g) & set(cls["prep_object"].get(c.lower_, ())) for c in t.children
                   if c.dep_ in ("prep", "prt", "advmod") for g in c.children if g.dep_ == "pobj"):
            return False
    if lem in cls.get("subject_if_lemma", {}) and subj is not None and not (
            arg_classes(subj) & set(cls["subject_if_lemma"][lem]) or _is_force(subj)):
        return False           # "the news reached the capital", "the refugees crossed the border": no side moved on ground
    if "prep_chain_object" in cls:
        # "led 400 regulars over the ice against the fort", "led an army through the Alps": the object of one of these
        # prepositions, on the verb, its object or a phrase of them (the parse hangs "against" on "ice"), is of its classes
        want, seen = cls["prep_chain_object"], []
        stack = [t] + [o for c in t.children if c.dep_ == "dobj" for o in [c, *c.conjuncts]]
        while stack:
            h = stack.pop()
            for c in h.children:
                if c.dep_ == "prep":
                    seen.append(c)
                    stack.extend(g for g in c.children if g.dep_ == "pobj")
        if not any(arg_classes(g) & set(want.get(c.lower_, ())) for c in seen for g in c.children if g.dep_ == "pobj"):
            return False
    if "agent" in cls:
        # "the garrison was surprised by the Indians": a passive act's agent, when it names one, is of these classes
        # ("Hanoi was surprised by the speed of their success" is no act)
        if any(not arg_classes(g) & set(cls["agent"]) for c in t.children if c.dep_ == "agent"
               for g in c.children if g.dep_ == "pobj"):
            return False
    if cls.get("number_subject_or_object"):
        if not (_has_figure(subj) or _has_figure(obj)):
            return False
    if lem in cls.get("not_side_killing", ()) and not passive \
            and subj is not None and not _has_figure(subj) and arg_classes(subj) & {"force", "state"}:
        return False           # "security forces killed seventeen unarmed Maoists": a side's killing (attack), no tally
    if cls.get("no_xcomp") and any(c.dep_ == "xcomp" for c in t.children):
        return False
    if cls.get("status_named") and not any(
            (c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ not in ("VERB", "AUX"))
            or (c.dep_ in ("dobj", "obj") and c.tag_ == "WDT") for c in t.children):
        return False           # a status named in a verbless small clause ("declared the city a free port") or told before
                               # the relative pronoun ("war ..., which the Congress declared"); not "the Assembly declared
                               # that ..." nor "declared the right to set a limit on wages" (what it decided)
    if cls.get("not_number_subject") and _has_figure(subj):
        return False
    if cls.get("not_number_subject_passive") and passive and _has_number(subj):
        return False
    if cls.get("not_agentless_count") and passive and _has_number(subj) and not any(c.dep_ == "agent" for c in t.children):
        return False        # "400 officials were assassinated in 1957 alone": a tally, not one side's act
    if "subject_or_object" in cls:
        want = set(cls["subject_or_object"])
        if not ((arg_classes(subj) | arg_classes(obj)) & want):
            return False
    if cls.get("withdraw_like"):
        if lem == "fall" and "back" not in parts:
            return False
        if lem == "pull" and not parts & {"out", "back", "away"}:
            return False
        if lem == "give" and "up" not in parts:
            return False
        if lem == "leave" and (obj is None or obj.pos_ == "PRON" or any(c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in t.children)):
            return False       # "leaving it in ruins", "left Japan overconfident"
        if lem == "leave" and subj is not None and subj.pos_ == "NOUN" and classify(subj) is not None:
            return False       # "the offensive left the city in ruins", "the clashes left three dead": the act's outcome
        if lem in ("disarm", "demobilize", "demobilise") and obj is not None and not is_passive(t):
            return False       # disarming another side's forces is no retreat of one's own
        if lem in ("leave", "abandon", "quit", "vacate", "evacuate") and not (arg_classes(obj) & {"place", "state", "unknown"}):
            # "forcing the Allies to evacuate": a force evacuates, no object needed
            if not (lem == "evacuate" and obj is None and arg_classes(subj) & {"force", "state", "unknown"}):
                return False
        if lem in ("hand", "cede", "relinquish", "yield") and not (arg_classes(obj) & {"place", "unknown"}):
            return False
        if lem in ("collapse", "disintegrate", "mutiny", "desert") and not (arg_classes(subj) & {"force"}):
            return False
        if lem in ("collapse", "disintegrate") and subj is not None and any(
                _lemma(w) in lexicon()["_arg"]["state"] for w in subj.subtree if w.i <= subj.i):
            return False       # "the Provisional Government collapsed": a state or government ends (dissolution)
        if lem in ("flee", "escape", "retreat", "withdraw", "retire", "recoil", "disengage") and arg_classes(subj) & {"people"}:
            return False
        if lem in ("flee", "escape") and arg_classes(subj) == {"number"}:
            return False       # "perhaps a million fled", "some 20,000 fled across the border": people fleeing (displace)
        if lem in ("flee", "escape", "leave") and _civil_person(subj):
            return False       # a leader who fled abroad gave up no ground of a side: "the president fled to Paris" (other)
        if lem in ("flee", "escape", "give", "surrender") and (
                (subj is not None and _lemma(subj) in lexicon().get("captive_nouns", ()))
                or (obj is not None and obj.lower_ in ("himself", "herself"))):
            return False       # GUIDELINES (session 6): an escape of hostages, one person giving himself up are other
        if lem in ("surrender",) and not (arg_classes(subj) & {"force", "person", "state", "unknown"}):
            return False
    if cls.get("deploy_like"):
        aim = _purpose(t)
        if lem in ("arrive", "come", "return", "go") and aim is not None and _lemma(aim) in ("command", "lead", "head", "take", "assume") \
                and not (_is_force(subj) or arg_classes(subj) & {"force"}):
            return False       # "Gates arrived to command the American effort": a commander taking up his post (other)
        if lem in ("arrive", "come", "return", "go") and aim is not None and _lemma(aim) in ("command", "head", "assume") \
                and not _is_force(subj):
            return False       # only a man comes "to command": a name the model tags an organisation ("Horatio Gates")
        sides = [a for a in (obj, subj) if a is not None and _lemma(a) not in EVENT_FORCE_NOUNS]
        sides += [c for a in sides for c in a.children if c.dep_ == "conj"]        # "Washington and his army encamped"
        args = set().union(*(arg_classes(a) for a in sides)) if sides else set()
        if lem in ("encamp", "entrench", "bivouac", "camp", "winter", "fortify") and (subj is None or args & {"person", "force", "state"}):
            args.add("force")      # only armies encamp: "Washington encamped at Valley Forge"
        if not args & {"force"}:
            # "dispatched General Lafayette to defend Virginia": a commander sent on a military errand
            if not (lem in ("send", "dispatch", "despatch") and obj is not None and (obj.pos_ == "PROPN" or "person" in arg_classes(obj))
                    and _purpose(t) is not None and _lemma(_purpose(t)) in MILITARY_ERRANDS):
                return False
        if lem in lexicon()["sending_verbs"] and obj is not None and not set().union(
                *(arg_classes(o) for o in [obj] + [c for c in obj.children if c.dep_ == "conj"])) & {"force", "target", "number", "unknown", "person"}:
            return False       # "sent a letter to the leader", "sent repercussions all along the front": no forces sent
        if lem in ("join", "rejoin") and not (obj is not None and obj.pos_ != "PROPN" and obj.ent_type_ == ""
                                              and arg_classes(obj) & {"force"} and _lemma(obj) not in lexicon()["non_force_joins"]) \
                and not (obj is not None and _is_force(subj) and any(c.dep_ == "case" for c in obj.children)):
            return False       # (but a force joining another's, the noun left out: "Montgomery's force joined Arnold's")
        if lem in ("return", "restore", "bring") and any(c.dep_ == "prep" and c.lower_ == "to" and any(
                g.dep_ == "pobj" and "power" in arg_classes(g) for g in c.children) for c in t.children):
            return False       # "the election returned the party to power": an office regained, no forces moved
        if lem in ("move", "transfer", "commit", "assign", "base") and "force" not in arg_classes(obj) | arg_classes(subj):
            return False
        if lem in ("move", "shift", "transfer", "divert", "relocate", "redeploy", "go", "proceed", "head", "position", "attach", "return") and (
                (obj is not None and not _is_force(obj)) or (obj is None and not _is_force(subj))):
            return False       # "the army shifted its tactics", "the Assembly moved their deliberations"
    if cls.get("dissolve_like"):
        if lem in ("fall", "collapse", "cease", "disintegrate") and not (arg_classes(subj) & {"state"}):
            return False
        if lem == "fall" and parts & {"back", "to", "into"}:
            return False
        if lem == "break" and "up" not in parts:
            return False
    if cls.get("elect_like"):
        if lem in ("elect", "re-elect", "reelect"):
            return True
        objs = [obj] + [g for c in t.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(o is not None and _lemma(o) in ("election", "elections", "presidency", "vote", "poll", "seat",
                                                  "seats", "majority", "referendum") for o in objs)
    if cls.get("body_subject") and not (subj is not None and (subj.ent_type_ == "ORG" or arg_classes(subj) & {"state"})):
        return False
    return True


def _civil_person(t: Token | None) -> bool:
    """A person who is no commander of forces: "the president", "Danton"; not "General Carleton", "the admiral"."""
    if t is None or not arg_classes(t) & {"person"} or _is_force(t):
        return False
    persons = lexicon()["_arg"]["person"]
    if arg_classes(t) & {"force", "state"} and not (_lemma(t) in persons or t.lower_ in persons):
        return False       # but a ruler's title the model takes for an organisation ("the Kaiser") is a person
    titles = lexicon()["military_titles"]
    return not any(_lemma(w) in titles or w.lower_ in titles for w in t.subtree if w.i <= t.i)


def _act_subject(t: Token) -> bool:
    """A verb whose subject (or the noun its relative clause describes) is an act noun a predicate class types and
    no war ("an assault that lasted until the fall of Budapest", "the siege lasted until May"): what it says of
    the act is not the edge of a war (the war-level trigger patterns, triggers.jsonl)."""
    if t.pos_ not in ("VERB", "AUX"):
        return False
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if t.dep_ == "relcl" and t.head.i != t.i and (subj is None or subj.tag_ in ("WDT", "WP")):
        subj = t.head
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    if t.dep_ == "relcl" and subj.i == t.head.i and subj.dep_ == "pobj" and subj.head.head.pos_ == "NOUN" and classify(
            subj) is None and "war" not in arg_classes(subj):
        subj = subj.head.head  # "an assault against Hungary that lasted": the parse hangs the clause on the phrase's noun
    return "war" not in arg_classes(subj) and classify(subj) is not None


def _listed_option(t: Token) -> bool:
    """An act noun listed after a colon that follows an option noun ("considering two options: an air strike or a
    naval blockade"): a course weighed, not an act done. The parse hangs such lists anywhere, so the words are read."""
    options = lexicon()["option_nouns"]
    for k in range(t.i - 1, t.sent.start, -1):
        w = t.doc[k]
        if w.text == ":":
            return t.doc[k - 1].lower_ in options
        if w.pos_ in ("VERB", "AUX") and w.tag_ not in ("VBN", "VBG") or w.text in (";", "."):
            return False
    return False


def _names_no_act(t: Token) -> bool:
    """A word inside a name ("the People's Liberation Army") or a modifier of a noun that states no act
    ("a US invasion response", "armistice negotiations", "occupation zones", "the battle lines"), or the tail of a
    title hyphenated onto a person noun ("the president-elect"), or the matter of a stance hyphenated onto its prefix
    ("the anti-treaty forces", "pro-independence parties", "a non-aggression pact"): a side's position, no act."""
    if t.i >= 2 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ and not t.doc[t.i - 2].whitespace_ \
            and ("person" in arg_classes(t.doc[t.i - 2]) or t.doc[t.i - 2].lower_ in lexicon()["stance_prefixes"]):
        return True
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    if _listed_option(t):
        return True
    if t.dep_ == "conj" and t.head.i < t.i and t.head.pos_ in ("NOUN", "PROPN") and t.head.dep_ in ("compound", "nmod") \
            and t.head.head.i > t.i:
        t = t.head             # "the air strike and blockade options": the second modifier stands where the first does
    if t.dep_ not in ("compound", "nmod") or (t.dep_ == "nmod" and t.head.i < t.i):
        return False
    if t.dep_ == "compound" and t.ent_type_ in ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC") and t.pos_ == "PROPN":
        return True
    heads = lexicon()["modifier_heads"]
    return _lemma(t.head) in heads or t.head.lower_ in heads     # the list holds words as written ("troops")


def _is_force(t: Token | None) -> bool:
    """Armed forces: a force noun ("troops", "the army"), a people's name for its forces ("the Chinese"), or an
    organisation that is an armed force by its name ("the Eighth Army") or its acronym ("the KPA"); not an assembly."""
    if t is None or _lemma(t) in EVENT_FORCE_NOUNS:
        return False
    if _lemma(t) in PARTITIVES and _of(t) is not None:
        return _is_force(_of(t))        # "most of the Continental Army"
    force = lexicon()["_arg"]["force"]
    if t.ent_type_ == "ORG":
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        words = {_lemma(w) for w in ent} if ent is not None else {_lemma(t)}
        return bool(words & force) or (t.text.isupper() and len(t.text) <= 5)
    return t.ent_type_ == "NORP" or _lemma(t) in force or t.lower_ in force or any(
        c.dep_ == "conj" and _is_force(c) for c in t.children)


def _is_body(t: Token | None) -> bool:
    """An assembly, court or international body: "the Security Council", "Congress", "the Assembly's Bureau",
    or an organisation the model names that is no armed force or party ("the OSCE"; not "the Army High Command")."""
    if t is None:
        return False
    bodies = lexicon()["assembly_nouns"]
    if _lemma(t) in bodies or t.lower_ in bodies:
        return True
    if any(c.dep_ in ("poss", "compound") and _lemma(c) in bodies for c in t.children):
        return True
    if t.ent_type_ == "ORG":
        ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
        words = {_lemma(w) for w in ent} if ent is not None else {_lemma(t)}
        if (ent is None or len(ent) == 1) and t.pos_ == "PROPN" and not t.text.isupper() and not any(
                c.dep_ in ("det", "poss", "compound") for c in t.children):
            return False       # "Baynes and Prevost decided to retreat": a bare name the model took for an organisation
                               # is no assembly (bodies are named with an article, an acronym or a body noun)
        force = lexicon()["_arg"]["force"]
        return not words & (force | {"party", "politburo", "command", "staff", "headquarters", "ministry", "cabinet", "government"})
    return False


def _dated_noun(t: Token) -> bool:
    """A noun with a date of its own: a year before it ("the 1902 pact") or a date phrase of it ("the Concordat of
    1801", "the treaty of 9 May 1955")."""
    for c in t.children:
        if c.ent_type_ == "DATE" and c.i < t.i and c.dep_ in ("nummod", "compound", "amod", "npadvmod") and c.like_num:
            return True
        if c.dep_ == "prep" and c.i > t.i and c.lower_ in ("of", "in") and any(
                g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
            return True
    return False


def _after_noun_phrase(t: Token, lex: dict) -> bool:
    """An act noun in the of-phrase of a noun that makes a phrase of 'after' (predicates.json after_nouns: "In the wake
    of the French defeat, the delegates met in Geneva", "in the wake of excesses of the Terror", "on the heels of the
    victory"), directly or through the of-phrase of a noun that is no act ("excesses of the Terror")."""
    h = t
    for _ in range(2):
        if h.dep_ != "pobj" or h.head.lower_ != "of" or h.head.head.i == h.head.i:
            return False
        n = h.head.head
        if n.lower_ in lex.get("after_nouns", ()):
            return n.dep_ == "pobj" and n.head.lower_ in ("in", "on")
        if n.pos_ != "NOUN" or classify(n) is not None:
            return False
        h = n
    return False


def _introduced_after(t: Token, lex: dict) -> bool:
    """An act noun in an "after"/"following" phrase that an indefinite article introduces ("fell after a three-day
    battle", "following a coup", "after an unsanctioned demonstration"): an act the text has not told before, not a
    time reference to one it has ("after the battle") (predicates.json new_act_preps, new_act_determiners)."""
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in lex.get("light_object_partitives", ()):
        t = t.head.head         # "following a series of strikes", "after a wave of arrests": the series is introduced
    return (t.head.lower_ in lex.get("new_act_preps", ()) and
            any(c.dep_ == "det" and c.lower_ in lex.get("new_act_determiners", ()) for c in t.children)
            and not any(c.dep_ == "amod" and c.lower_ in lex.get("new_act_not_modifiers", ()) for c in t.children))


def _dated_after(t: Token) -> bool:
    """An act noun with a date phrase of its own after it ("the fall of Budapest in February 1945", "Romania's entry
    into the war on 27 August", "after the disastrous Siege of Kut (1915-16)"): a prepositional phrase of the noun whose
    object is a date, or a date in brackets right after its phrase."""
    doc = t.doc
    for k in range(t.i + 1, min(t.right_edge.i + 2, len(doc) - 1)):
        if doc[k].text == "(" and doc[k + 1].ent_type_ == "DATE":
            return True
    for c in t.children:
        if c.dep_ == "prep" and c.i > t.i and c.lower_ in ("in", "on"):
            if any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in c.children):
                return True
        if c.dep_ == "prep" and c.i > t.i and c.lower_ in ("into", "of", "to"):
            if any(_dated_after(g) for g in c.children if g.dep_ == "pobj"):
                return True
    return False


def _antecedent_event(t: Token, lex: dict) -> tuple[str, str] | None:
    """The type and class of the event "it" names when "it" is the subject of a verb of happening (took place, began,
    ended, lasted: `happening_verbs`, no object but "place"): the subject of the sentence before, in the same
    paragraph, when that names an event ("The Tet Offensive was a turning point. It began on 30 January 1968")."""
    if _lemma(t) not in lex["happening_verbs"]:
        return None
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ != "it" or any(c.dep_ == "dobj" and c.lower_ != "place" for c in t.children):
        return None
    sent = t.sent
    if sent.start == 0:
        return None
    prev = t.doc[sent.start - 1].sent
    if "\n" in t.doc.text[prev.end_char:sent.start_char]:
        return None
    head = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    typed = classify(head) if head is not None and head.pos_ in ("NOUN", "PROPN") else None
    return typed if typed is not None and typed[0] != "other" else None


def classify(t: Token) -> tuple[str, str] | None:
    """(event type, class id) of a predicate token, or None when it states no act."""
    lex = lexicon()
    idx = lex["_by_lemma"].get(_lemma(t)) or lex["_by_lemma"].get(t.lower_)
    if not idx:
        return None
    if _names_no_act(t):
        return None
    if t.pos_ == "VERB" and (_lemma(t) in lex["passive_states"] or t.lower_ in lex["passive_states"]) and is_passive(t):
        return None            # "Italy had been allied with Germany since 1882": a standing alliance, no act
    for i in idx:
        cls = lex["classes"][i]
        if cls.get("stated_done") and not stated_done(t):
            continue
        if _class_ok(t, cls):
            if cls["type"] == "agreement" and t.pos_ in ("NOUN", "PROPN") and any(
                    c.dep_ == "compound" and _lemma(c) in CEASEFIRE_NOUNS for c in t.children):
                return "ceasefire", "ceasefire-agreement"    # "the Lusaka Ceasefire Agreement": always a ceasefire
            return cls["type"], cls["id"]
    return None


CEASEFIRE_NOUNS = frozenset({"ceasefire", "cease-fire", "armistice", "truce"})


def political_act(t: Token) -> bool:
    """A political act the narrative states as done, whatever date it takes: a verb of the act lexicon
    (`political_act_verbs`: appoint, dismiss, arrest, vote, abolish, swear, convene, flee, resign ...) in the
    past tense of a main, coordinated or adverbial clause, with a subject of its own (active) or a passive
    subject ("Necker was fired", "the Assembly suspended the King", "Danton fled to England"); not what a
    relative clause or a participle describes, nor an infinitive, nor what someone said ("he argued that ..."),
    nor an idiom whose object names no act (`political_act_not_objects`: "met fierce resistance")."""
    if t.pos_ != "VERB" or _lemma(t) not in lexicon()["political_act_verbs"]:
        return False
    return stated_done(t)


TIMELINE_DASHES = frozenset({"–", "—", "-", ":", "--"})


def timeline_entry(sent: Span) -> bool:
    """A chronology's entry: the line opens with its date and a dash or colon ("18 March – Security forces open fire",
    "1 March 2012: Rebels withdraw"); its acts are told in the historical present."""
    toks = [t for t in sent if not t.is_space]
    i = 0
    while i < len(toks) and i < 6 and (toks[i].ent_type_ == "DATE" or toks[i].like_num or toks[i].lower_ == ","):
        i += 1
    return 0 < i < len(toks) and toks[i].text in TIMELINE_DASHES and any(
        t.ent_type_ == "DATE" and not t.like_num or t.like_num for t in toks[:i])


def stated_done(t: Token) -> bool:
    """The clause form of an act the narrative states as done (see political_act), whatever its verb."""
    if t.pos_ != "VERB":
        return False
    if t.dep_ not in ("ROOT", "conj", "advcl", "relcl"):
        return False
    kids = {c.dep_ for c in t.children}
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if t.dep_ == "relcl" and (subj is None or subj.pos_ != "PRON" or t.head.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")):
        return False               # "intelligence data that established ...", "which formed part of ...": description;
                                   # but "Necker, who convened ...": what a person or a body did
    if subj is not None and subj.lower_ in ("this", "that", "these", "those", "what"):
        return False               # "This established an election system": an act named before, its consequence
    obj = _object(t)
    if obj is not None and _lemma(obj) in lexicon()["political_act_not_objects"]:
        return False               # "met fierce resistance", "met his fate": no meeting
    if t.tag_ == "VBD" or (t.tag_ in ("VBZ", "VBP") and timeline_entry(t.sent)):
        if "nsubj" not in kids and t.dep_ != "conj":
            return False
    elif t.tag_ == "VBN":
        if "auxpass" not in kids or not any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in t.children):
            return False           # "was fired", "were arrested"; not "had been" in a pluperfect flashback
    else:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in t.children):
        return False               # a pluperfect flashback happened before the narrative's date
    h = t
    while h.dep_ == "conj" and h.head.i != h.i:
        h = h.head
    return h.dep_ not in ("ccomp", "xcomp", "acl") and _lemma(h) not in lexicon()["saying_verbs"]


def classify_type(t: Token) -> str | None:
    typed = classify(t)
    return typed[0] if typed else None


def _quoted_present(t: Token) -> bool:
    """A present-tense verb inside quotation marks is what someone says (a motto, a slogan, a speech: "We fight,
    get beat, rise, and fight again"), not an act the narrative states."""
    v = t
    while v.tag_ in ("VB", "VBN") and v.dep_ == "conj" and v.head.i != v.i:
        v = v.head         # "..., rise, and fight again": the tense of the first verb of the series
    if v.tag_ not in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ") for c in v.children):
        return False
    before = t.sent.doc.text[t.sent.start_char:t.idx]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _holds_hopes(v: Token) -> bool:
    """A stative verb whose object is a hope, need or wish: "held high hopes for", "had a need for"."""
    lex = lexicon()
    return v.pos_ in ("VERB", "AUX") and _lemma(v) in lex["stative_verbs"] and any(
        c.dep_ == "dobj" and (c.lower_ in lex["aim_for_heads"] or _lemma(c) in lex["aim_for_heads"]) for c in v.children)


def _conditional_consequence(v: Token) -> bool:
    """A modal verb with an if/unless clause: what would follow from a condition ("if the town fell, the road would
    be exposed"), not what happened."""
    lex = lexicon()
    return v.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("aux", "auxpass") and (c.lower_ in lex["counterfactual_aux"] or c.lower_ in lex["non_factual_aux"])
        for c in v.children) and any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children) for c in v.children)


def _came_about(t: Token) -> bool:
    """An act noun that a light verb states as done: "the planned invasion was launched on 6 June", "the expected
    attack came at dawn" (a plan that did happen is an event, EVENTS.md)."""
    h = t.head
    return (t.dep_ in ("nsubj", "nsubjpass", "dobj") and h.pos_ in ("VERB", "AUX") and h.i != t.i
            and _lemma(h) in lexicon()["light_verbs"] and factual(h))


def _judged_example(t: Token, nouns) -> bool:
    """An act noun a writer holds up as an example or a proof of something is commentary, not the act told: the kind
    after 'example of' ("an example of a strategic withdrawal"), or an act inside the subject of a clause whose
    attribute or object is such a noun ("the victories at X are striking examples of ...", "the effect of the
    victories affords a perfect example of ...")."""
    if not nouns or t.pos_ not in ("NOUN", "PROPN"):
        return False
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in nouns:
        return True
    tok, hops = t, 0
    while tok.dep_ in ("pobj", "prep", "conj", "compound", "amod") and tok.head.i != tok.i and hops < 6:
        tok, hops = tok.head, hops + 1
    if tok.dep_ != "nsubj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ in ("attr", "dobj") and c.lower_ in nouns for c in tok.head.children)


def asked_for(v: Token) -> bool:
    """An infinitive clause opened by 'for' ("called for Israel to withdraw", "called for both sides to agree to a
    truce"): what someone asked for, not an act done."""
    return (v.pos_ in ("VERB", "AUX") and v.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in v.children))


def _asked_for_noun(t: Token, verb: Token) -> bool:
    """An act noun in the 'for' phrase of a verb of asking ("called for a ceasefire", "appealed for a truce", "called for
    the use of frontal assaults"): asked for, not done; the asking is the act. A call to arms is the rising or the
    mobilization it opens ("called for an armed uprising", "called for a general mobilization": call_to_arms_nouns),
    as an order gives the act ordered; a declaration asked for stays a declaration, as a saying verb's does (EVENTS.md:
    "unless what is stated is itself a declaration")."""
    lex = lexicon()
    return (verb.pos_ in ("VERB", "AUX") and _lemma(verb) in lex["request_for_verbs"]
            and _lemma(t) not in lex["call_to_arms_nouns"] and t.lower_ not in lex["call_to_arms_nouns"]
            and classify_type(t) != "declaration")


def _document_term(t: Token) -> bool:
    """An act a document provides for, grants or requires, with the document its verb's subject (provision_verbs,
    document_nouns): "an agreement that granted Angolan independence", "the accord included free elections for the
    Senate", "the resolution called for the withdrawal of all forces", "the armistice required the Finns to expel the
    German troops". The terms of an agreement are what it states; the signing is the act (EVENTS.md: plans and
    things that did not happen are no events)."""
    lex = lexicon()
    x = t
    while x.dep_ in ("conj", "appos") and x.head.i != x.i and x.head.pos_ == x.pos_:
        x = x.head
    if x.pos_ in ("VERB", "AUX") and _lemma(x) in lex["provision_verbs"]:
        verb = x           # "the agreement that granted independence" read as one predicate on the verb
    elif x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.lower_ == "for":
        verb = x.head.head
    elif x.dep_ in ("dobj", "xcomp") or (x.dep_ == "ccomp" and x.pos_ in ("VERB", "AUX")):
        verb = x.head
    else:
        return False
    if verb.pos_ not in ("VERB", "AUX") or _lemma(verb) not in lex["provision_verbs"]:
        return False
    v = verb
    while v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head         # "the accord ended the fighting and provided for elections": the first verb's subject
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if v.dep_ == "relcl" and (subj is None or subj.tag_ in ("WDT", "WP")):
        subj = v.head      # "the agreement that granted independence"
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    return _lemma(subj) in lex["document_nouns"] or subj.lower_ in lex["document_nouns"] or (
        classify_type(subj) in ("agreement", "ceasefire", "resolution") and subj.pos_ == "NOUN")


def _matter_of(t: Token) -> bool:
    """An act noun in the phrase of a noun of preparing, negotiating or ordering ("were making preparations for an
    attack", "talks on the withdrawal of Romanian forces", "issued orders for the execution of air strikes", "a
    framework for a peace treaty"): the matter prepared, discussed or ordered, not an act the text states as done
    (GUIDELINES: an order not told as carried out is the order; preparations that took place are the event). When
    the preparing noun is the subject ("planning and preparation for the invasion was completed"), the act noun is the
    only word left to carry what the clause tells, and it stays."""
    lex = lexicon()
    for _ in range(4):     # through joined nouns and "of" phrases: "orders for the execution of strikes and a campaign"
        if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i < t.i:
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN":
            t = t.head.head
        else:
            break
    if t.dep_ != "pobj" or t.head.lower_ not in lex["matter_preps"]:
        return False
    noun = t.head.head
    if noun.pos_ != "NOUN" or (_lemma(noun) not in lex["matter_nouns"] and noun.lower_ not in lex["matter_nouns"]):
        return False
    top = noun
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return top.dep_ not in SUBJ


def idiom_or_citation(v: Token) -> bool:
    """A verb that states no act of the story: an idiom made with an abstract object ("took advantage of the confusion",
    "gave up hope", "held sway", "was gaining strength"), or a saying verb citing a source ("as Karnow noted", "as one
    officer noted": an attribution, GUIDELINES)."""
    lex = lexicon()
    if v.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(v) in lex.get("idiom_verbs", ()) and any(c.dep_ == "dobj" and c.lower_ in lex.get("idiom_objects", ()) for c in v.children):
        return True
    return _lemma(v) in lex["saying_verbs"] and any(
        c.dep_ == "mark" and c.lower_ in lex.get("citing_marks", ()) for c in v.children)


def _time_reference(t: Token) -> bool:
    """An act noun that is only a time reference of another predicate (predicates.json, _time_reference_doc): the
    object of a time preposition with a demonstrative ("After this minor victory, the front remained static": the act
    told before), the object of 'pending' ("partitioned Vietnam pending national elections": still awaited), or the
    object of a time preposition on a verb that states no act ("would have to wait until after the elections")."""
    lex = lexicon()
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    h = t
    while h.dep_ == "conj" and h.head.pos_ in ("NOUN", "PROPN") and h.head.i != h.i:
        h = h.head             # "after these battles and sieges"
    if h.dep_ != "pobj" or h.head.dep_ != "prep" or _dated_noun(t) or _dated_after(t):
        return False           # "before the Moscow summit of May 1972": dated, an act of its own
    prep = h.head
    word = prep.lower_
    if word == "to" and prep.head.lower_ == "prior":
        prep, word = prep.head, "prior"
    if word in lex.get("awaited_preps", ()):
        return True
    if word not in lex.get("time_reference_preps", ()):
        return False
    if any(c.dep_ == "det" and c.lower_ in lex.get("anaphoric_determiners", ()) for c in h.children):
        return True
    gov = prep.head
    if gov.lower_ in ("until", "till") and gov.dep_ == "prep" and gov.head.i != gov.i:
        gov = gov.head         # "until after the elections"
    return (gov.pos_ in ("VERB", "AUX") and gov.i != t.i and gov.tag_ not in ("VBZ", "VBP")
            and any(c.dep_ in ("aux", "neg") for c in gov.children) and not factual(gov))


def _person_reference(t: Token) -> bool:
    """An act noun named by its own date in an 'of' phrase describing a person (predicates.json, act_role_nouns):
    "Nagy, the leader of the 1956 revolution", "a veteran of the 1948 war": the act names who the person is; it is
    told elsewhere or is background, no act of this clause."""
    if t.pos_ not in ("NOUN", "PROPN") or not (_dated_noun(t) or any(
            x.ent_type_ == "DATE" and x.like_num for c in t.lefts if c.dep_ in ("compound", "nmod", "amod", "nummod")
            for x in c.subtree)):
        return False           # (a month and year before it: "the August 1792 uprising")
    h = t
    while h.dep_ == "conj" and h.head.pos_ in ("NOUN", "PROPN") and h.head.i != h.i:
        h = h.head
    return (h.dep_ == "pobj" and h.head.lower_ == "of" and h.head.head.i != h.head.i
            and _lemma(h.head.head) in lexicon().get("act_role_nouns", ()))


def _purpose_complement(t: Token) -> bool:
    """The complement of a purpose or other unhappened infinitive ("established armies to force farmers to surrender
    grain", "moved reserves to attempt to split the front"): what the purpose would make happen did not happen by
    being told so; "forced the Russians to withdraw" (a factual head) still tells the withdrawal. So is the bare
    complement of an unhappened bare infinitive ("pleaded with Washington to dispatch aid ... and help it mobilize
    fresh reserves": 'help' joins 'to dispatch'); "helped it mobilize" (a past head) tells the mobilization."""
    if t.pos_ != "VERB" or t.head.i == t.i or t.head.pos_ != "VERB":
        return False
    if t.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children):
        return not factual(t.head)
    return t.dep_ in ("xcomp", "ccomp") and t.tag_ == "VB" and t.head.tag_ == "VB" and not factual(t.head)


def _news_of(t: Token) -> bool:
    """An act named in the 'of'/'about' phrase of news or of learning it ("After learning of the Danish defeat",
    "News of the surrender reached the capital on 4 May", "heard about the massacre"), or of how a side handled or
    judged it ("the government's handling of the rebellion"), or of the place it is run from ("the hub of the
    deployment"): the act was told or happened before; the date is the news's; or of a rule about it ("the rules of
    engagement"): a norm, no act (predicates.json news_heads, judged_heads, site_heads, norm_heads)."""
    lex = set().union(*(lexicon().get(k, ()) for k in ("news_heads", "judged_heads", "site_heads", "norm_heads")))
    if t.pos_ != "NOUN" or _dated_noun(t) or _dated_after(t):
        return False
    h = t
    while h.dep_ == "conj" and h.head.i != h.i and h.head.pos_ == "NOUN":
        h = h.head
    if h.dep_ == "pobj" and h.head.lower_ in ("over", "at", "about", "with", "of") and h.head.head.i != h.head.i \
            and h.head.head.lower_ in lexicon().get("feeling_heads", ()):
        return True            # "British discontent over the Norwegian campaign", "outrage at the massacre"
    if h.dep_ != "pobj" or h.head.lower_ not in ("of", "about") or h.head.head.i == h.head.i:
        return False
    head = h.head.head
    if head.pos_ in ("VERB", "AUX"):
        # "took command of all air operations": the parse hangs the phrase on the verb of its head noun
        head = next((c for c in head.children if c.dep_ == "dobj" and c.i < h.head.i), head)
    return head.lower_ in lex or _lemma(head) in lex


def _frame_relative(t: Token) -> bool:
    """A verb in a relative clause on a frame noun in a frame phrase ("exempted for having held a command during the
    Great War that ended on the field of Waterloo", "served throughout the war that followed"): it tells the
    frame's own story as background of another act or of a person, no act of this clause (predicates.json
    frame_preps, frame_nouns)."""
    if t.pos_ != "VERB" or t.dep_ != "relcl" or t.head.i == t.i:
        return False
    n = t.head
    lex = lexicon()
    return n.dep_ == "pobj" and n.head.lower_ in lex["frame_preps"] and _lemma(n) in lex["frame_nouns"]


def _fame_for(t: Token) -> bool:
    """An act noun in the 'for' phrase of a word of fame (predicates.json fame_heads): "The Second War is most
    remembered for the crossing of the Alps", "a general best known for the defence of the city": what a thing or a
    person is remembered by, told elsewhere or background; no row unless dated by its own words. The word of fame
    itself ("is remembered for") is no act either."""
    if t.pos_ == "VERB" and t.lower_ in lexicon().get("fame_heads", ()) and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
        return True
    if t.pos_ != "NOUN" or _dated_noun(t) or _dated_after(t):
        return False
    h = t
    while h.dep_ == "conj" and h.head.i != h.i and h.head.pos_ == "NOUN":
        h = h.head
    return (h.dep_ == "pobj" and h.head.lower_ == "for" and h.head.head.i != h.head.i
            and h.head.head.lower_ in lexicon().get("fame_heads", ()))


def _act_shows(t: Token) -> bool:
    """A verb of showing or achieving whose subject (or passive agent) is an act (predicates.json showing_verbs):
    "raids of commandos ... demonstrated the allies' inability to invade", "Vietnamization was tested by the Easter
    Offensive", "the insertion of forces had achieved dubious results": a judgement of the act, no act of its own."""
    if t.pos_ != "VERB" or _lemma(t) not in lexicon().get("showing_verbs", ()):
        return False
    doers = [c for c in t.children if c.dep_ == "nsubj"] + [
        g for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.pos_ == "NOUN" and classify(d) is not None for d in doers)


def _begun_no_act(c: Token) -> bool:
    lex = lexicon()
    return _lemma(c) in lex["non_factual_heads"] or (_lemma(c) in lex["stative_verbs"] and classify(c) is None)


def no_act_begun(t: Token) -> bool:
    """A verb that states a state setting in or a plan begun, not an act: an opening verb with a stative or planning
    complement ("the blockade began to have an impact", "support began to grow", "began to plan operations", "began
    preparing the city for an attack") and that complement itself; a past participle with a manner adverb and no agent
    ("the loyalists were too poorly organized", "the troops were poorly supplied", "a well fortified town"): how a force
    stood."""
    lex = lexicon()
    if t.pos_ not in ("VERB", "AUX"):
        return False
    if _lemma(t) in lex["opening_verbs"] and any(c.dep_ == "xcomp" and _begun_no_act(c) for c in t.children):
        return True
    if t.dep_ == "xcomp" and t.head.i != t.i and _lemma(t.head) in lex["opening_verbs"] and _begun_no_act(t):
        return True
    return t.tag_ == "VBN" and not any(c.dep_ == "agent" for c in t.children) and any(
        c.dep_ == "advmod" and c.i == t.i - 1 and c.lower_ in lex.get("state_manner_adverbs", ()) for c in t.children)


def _reported_future(v: Token) -> bool:
    """A "would" verb (not "would have") of a content clause: the complement of a verb or noun of agreeing, deciding,
    promising, planning or saying (`reported_future_heads`, `non_factual_heads`, `saying_verbs`) states what was to
    happen, not that it did (EVENTS.md: reported-future predicates are no events). "Would" of the main line ("the
    queen would follow him to the guillotine on 16 October") is the narrative's future in the past and stays an act."""
    lex = lexicon()
    if not any(c.dep_ == "aux" and c.lower_ in lex["counterfactual_aux"] for c in v.children) or any(
            c.dep_ in ("aux", "auxpass") and c.lower_ == "have" for c in v.children):
        return False
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ not in ("ccomp", "acl"):
        return False
    return _lemma(v.head) in lex["_reported_future"]


def factual(t: Token) -> bool:
    """Negated, modal, planned, conditional and purpose predicates state no event that happened."""
    lex = lexicon()
    if t.pos_ in ("VERB", "AUX") and _quoted_present(t):
        return False
    if idiom_or_citation(t):
        return False
    if no_act_begun(t):
        return False
    for c in t.children:
        if c.dep_ == "neg" or c.lower_ in ("never",):
            return False
        if c.dep_ == "advmod" and c.lower_ in lex["not_happened_adverbs"]:
            return False       # "almost reached the suburbs", "had nearly taken Stalingrad"
        if c.dep_ == "amod" and t.pos_ in ("NOUN", "PROPN") and (
                c.lower_ in lex["not_happened_modifiers"] or _lemma(c) in lex["not_happened_modifiers"]) and not _came_about(t):
            return False       # "its possible seizure", "the planned invasion" (the list holds words as written)
        if c.dep_ == "amod" and t.pos_ == "NOUN" and c.lower_ in lex["figurative_modifiers"] and classify_type(t) in (
                "attack", "offensive", "clash"):
            return False       # "in a scathing attack on the US, he suggested ...": words, not violence
        if c.dep_ == "aux" and c.lower_ in lex["non_factual_aux"]:
            return False
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether", "lest"):
            return False
    v = t if t.pos_ in ("VERB", "AUX") else (t.head if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None)
    if v is not None and v.pos_ in ("VERB", "AUX"):
        auxes = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(a in lex["counterfactual_aux"] for a in auxes) and "have" in auxes:
            return False       # "continuation of the war would have meant the invasion of Germany": it did not happen
        if _conditional_consequence(v):
            return False       # "if the town could be taken, the road would be exposed": the consequence of a condition
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        up, hops = v, 0
        while subj is None and up.dep_ in ("xcomp", "acomp") and up.head.i != up.i and hops < 3:
            up, hops = up.head, hops + 1   # "neither side proved able to deliver a decisive blow": the subject
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)   # of the governing verb
        if v.dep_ == "relcl" and subj is not None and subj.tag_ == "WDT":
            subj = v.head      # "any country ... which attacked an Axis power"
            hops = 0           # "any country not in the war which attacked": the relative may hang on a phrase of it
            while subj.dep_ == "pobj" and subj.head.dep_ == "prep" and subj.head.head.pos_ in ("NOUN", "PROPN") and hops < 2 and not any(
                    c.dep_ == "det" and c.lower_ in lex["none_determiners"] for c in subj.children):
                subj, hops = subj.head.head, hops + 1
        if subj is not None and subj is not t and any(
                c.dep_ == "det" and c.lower_ in lex["none_determiners"] for c in subj.children):
            return False       # "no local Loyalists attacked the town", "any country which attacked": no one did
    gov = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else None
    if gov is not None and gov.dep_ == "acomp" and gov.head.i != gov.i:
        gov = gov.head         # "might be ready for an assault"
    if v is not None and v.pos_ in ("VERB", "AUX") and _reported_future(v):
        return False           # "the latter included agreement that the Allies would invade Europe in 1944", "he
                               # promised that the troops would withdraw by May": what was agreed or said would happen
    if t.pos_ in ("NOUN", "PROPN") and gov is not None and gov.pos_ in ("VERB", "AUX") and gov.i != t.i and any(
            c.dep_ == "aux" and c.lower_ in lex["non_factual_aux"] for c in gov.children):
        return False           # "so that supplies could be brought up for a new offensive", "the army might launch an
                               # offensive": an act named under a modal is a possibility, not an act of the story
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ in lex["non_factual_aux"] for c in t.head.children):
        return False           # "the battle against the rebels must be won", "an attack could come at any moment", "the
                               # negotiations will begin in June": an act named as the subject of a modal verb (an object
                               # of one is measured: it cost a kept-aside actor through grouping)
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.dep_ == "prep" and _conditional_consequence(t.head.head):
        return False           # "if the fortress fell, the capital would be exposed to an attack"
    if t.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in t.children) and not timeline_entry(t.sent):
        return False           # "historian X argues", "Appleman delineates": the writer's present, not an act of the story
                               # (but a chronology's entry tells its acts in the present: "18 March – Troops open fire")
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and (
            _lemma(t.head) in lex["act_reference_verbs"] or any(
                c.dep_ == "xcomp" and _lemma(c) in lex["act_reference_verbs"] for c in t.head.children)):
        return False           # "the Spring Offensive sought to divide ...", "the terror was aimed at officials", "the
                               # attacks were accompanied by trumpets": an act already named is described, not stated
    if t.pos_ == "VERB" and _lemma(t) in lex["gerund_only_light_verbs"] and _prep_gerund(t, lambda g: classify(g) is not None):
        return False           # "succeeded in repelling a second attack": the gerund states the act, not the light verb
    if _time_reference(t):
        return False           # "after this minor victory", "pending national elections", "would have to wait until after
                               # the elections": a time reference of another act, no act of its own
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "in" and _lemma(t) in lex.get("manner_in_nouns", ()) and (
            t.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("det", "amod", "poss") for c in t.children)):
        return False           # "resigned in protest the following week", "struck in solidarity": how the act was done
    if _person_reference(t):
        return False           # "Nagy, the leader of the 1956 revolution": who the person is, not an act told here
    if _purpose_complement(t):
        return False           # "set up armies to force farmers to surrender grain": what the purpose would make them do
    if t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and not t.ent_type_ \
            and classify_type(t) in ("clash", "war_start", "war_end") and classify(t.head) is None:
        return False           # "a victory parade", "the war cabinet", "battle honours": the word names a kind of thing
    if t.pos_ == "NOUN" and t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and not t.ent_type_ \
            and classify_type(t) == "other" and arg_classes(t.head) & {"person", "people"} and classify(t.head) is None:
        return False           # "an amnesty for the coup leaders", "the protest organisers": which people, no act told
    if t.pos_ == "VERB" and _lemma(t) in lex.get("estimate_verbs", ()) and any(
            c.dep_ == "prep" and c.lower_ == "at" and any(g.dep_ == "pobj" and (g.like_num or _has_figure(g)) for g in c.children)
            for c in t.children):
        return False           # "Libyan losses were put at 784 dead", "the toll was estimated at 3,000": a figure given
    if _news_of(t):
        return False           # "after learning of the defeat", "news of the surrender reached the capital": the news, not the act
    if _frame_relative(t):
        return False           # "held a command during the Great War that ended at Waterloo": the frame's own story
    if t.pos_ == "NOUN" and t.tag_ == "NNS" and t.dep_ == "pobj" and t.head.lower_ in ("despite", "notwithstanding") and not (
            _dated_noun(t) or _dated_after(t)):
        return False           # "despite several offensives by both sides, the war was stalemated by 1940": acts named in
                               # the plural as what a state held against, a summary, no dated act (a gerund, "despite
                               # ordering a cease fire", and a dated noun still tell one)
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and any(
            c.dep_ == "amod" and c.lower_ in lex.get("told_ahead_modifiers", ()) for c in t.children) and not (
            _dated_noun(t) or _dated_after(t)):
        return False           # "these countries participated in the subsequent invasion": an act named ahead of its telling
    if _act_shows(t):
        return False           # "the raids demonstrated the allies' inability to invade": a judgement of the act
    if _fame_for(t):
        return False           # "the war is most remembered for Hannibal's crossing of the Alps": what it is known by
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ in lex["frame_preps"] and _lemma(t) in lex["frame_nouns"]:
        return False           # "during the French Revolution", "throughout the war": the frame of other acts
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "for" and (
            t.head.head.lower_ in lex["aim_for_heads"] or (_lemma(t.head.head) == "come" and any(
                c.dep_ == "nsubj" and c.lower_ in lex["aim_for_heads"] for c in t.head.head.children))):
        return False           # "high hopes for a quick offensive", "the time had come for an assault": wanted, not done
    if t.pos_ == "NOUN" and t.dep_ == "pobj" and t.head.lower_ == "for" and _holds_hopes(t.head.head):
        return False           # "they held high hopes for a quick offensive" (the phrase on the verb)
    if t.pos_ in ("VERB", "AUX") and _holds_hopes(t):
        return False           # "they held high hopes": a state of mind, no act
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "of" and t.head.head.lower_ in lex["inability_adjectives"]:
        return False           # "Diem was incapable of defeating the communists", "afraid of an uprising": it did not happen
    if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("before", "until", "till") for c in t.children) and (
            t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i and not factual(t.head)):
        return False           # "hoped to strike a decisive blow before U.S. forces arrived": no act of the story's date
    # what a saying verb reports is a statement, not an event of its own (EVENTS.md), unless it declares
    h = t
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head.i != t.i and (
            t.head.dep_ in ("dobj", "pobj") and _lemma(t.head.head if t.head.dep_ == "dobj" else t.head.head.head) in lex["non_factual_heads"]):
        return False           # "agreed to seek another ceasefire resolution": the act named in what was sought
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and t.head.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in lex["counterfactual_aux"] for c in t.head.children):
        h = t.head             # "announced that it would hold free elections in 1990": the act a reported future takes
    first_clause = h
    while h.dep_ in ("ccomp", "conj") and h.head.i != h.i:
        h = h.head
        if _lemma(h) in lex["saying_verbs"] and first_clause.dep_ != "conj":
            if classify_type(t) != "declaration":
                return False
    h = t
    # a noun joined to another stands where the first one stands ("sought to divide them with feints and advances")
    while h.dep_ == "conj" and h.pos_ in ("NOUN", "PROPN") and h.head.pos_ in ("NOUN", "PROPN") and h.head.i != h.i:
        h = h.head
    if t.pos_ == "NOUN" and h.dep_ == "conj" and h.head.i != h.i and any(
            c.dep_ == "prep" and c.lower_ == "for" for c in h.head.children if c.i < h.i) and _asked_for_noun(t, h.head):
        return False           # "called for a truce and the withdrawal of foreign troops" (the parse joins the second
                               # noun to the verb)
    if _document_term(t):
        return False           # "signed the Alvor Agreement that granted Angolan independence", "the armistice
                               # required the Finns to expel the German troops": a term the document sets, not an act done
    if t.pos_ in ("NOUN", "PROPN") and _matter_of(t):
        return False           # "making preparations for an attack", "talks on the withdrawal": what was prepared or
                               # discussed, not an act done (matter_nouns)
    # climb through xcomp/ccomp to the governing verb: "planned to invade", "failed to take"
    while h.dep_ in ("xcomp", "ccomp", "pobj", "pcomp", "dobj") and h.head.i != h.i:
        if h.dep_ == "dobj" and (h is t or _lemma(h.head) not in lex["non_factual_heads"]):
            if h is t and _lemma(h.head) in lex["light_verbs"] and h.head.dep_ == "xcomp" and h.head.head.i != h.head.i:
                h = h.head     # "pledged to hold elections", "planned to launch an offensive": the act noun a light
                continue       # verb carries stands where its infinitive stands
            break          # a phrase on the object of a wanted act: "a desire to avoid a crisis ... before the elections"
        head = h.head if h.dep_ != "pobj" else h.head.head
        if _lemma(head) in lex["non_factual_heads"]:
            return False
        if h.dep_ == "pobj" and h.head.lower_ == "for" and _asked_for_noun(t, head):
            return False       # "called for a ceasefire and the withdrawal of all forces", "called for the use of frontal
                               # assaults", "appealed for a truce": what was asked for, not an act done
        if (h.dep_ == "pobj" and h.head.lower_ == "for" and _lemma(head) in lex["proposal_nouns"]
                and _noun_ok(head, "made")):
            return False       # "made a proposal for a ceasefire": what was proposed, not an act done (proposal_nouns)
        if any(c.dep_ == "neg" for c in head.children) and head.pos_ in ("VERB", "AUX"):
            return False
        if h.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and (c.lower_ in lex["non_factual_aux"] or (c.lower_ in lex["counterfactual_aux"] and _lemma(head) == "have"))
                for c in head.children):
            return False       # "could hope to take the city", "would have to wait": a possibility or an obligation, not an act
        h = head
    first = t
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    if first is not t and t.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in first.children):
        return False           # "if the army pulled back from the bank and later agreed to a timetable": the condition's second act
    if t.pos_ == "VERB" and t.tag_ == "VB" and first is not t and not any(
            c.dep_ in ("aux", "nsubj", "nsubjpass") for c in t.children) and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return factual(first)    # "objectives were to eliminate the army, exterminate ...": the infinitive's series
    top = t
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head         # (through a noun the parse joins in: "sack and burn towns", 'sack' a noun)
    if t.pos_ == "VERB" and t.tag_ == "VB" and top is not t and top.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ in ("aux", "nsubj", "nsubjpass") for c in t.children):
        # a bare infinitive the parse joins to the finite verb above an infinitive series ("the King planned to destroy
        # their trade, bombard their ports and burn towns", "to attempt to split the Allies, encircle their troops and
        # capture the port"): it stands where the nearest infinitive before it stands
        inf = [x for x in top.subtree if top.i < x.i < t.i and x.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in x.children)]
        if inf:
            return factual(inf[-1])
    if t.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and not (
            t.dep_ in ("acl", "relcl") and t.head.lower_ in ("first", "last", "second", "third", "only", "next")):
        # ("Bulgaria was the first to sign an armistice" states that it signed)
        # an infinitive states a purpose or an intention ("sent 700 men to seize munitions"),
        # unless its head is aspectual ("began to withdraw")
        if t.dep_ in ("advcl", "xcomp", "acl", "relcl", "ccomp") and _lemma(t.head) not in INFINITIVE_OK_HEADS and not (
                _lemma(t.head) == "order" and is_passive(t.head)) and not (       # "troops were ordered to withdraw"
                t.dep_ == "xcomp" and t.head.dep_ == "advcl" and t.head.tag_ == "VBG"
                and _lemma(t.head) in lex["causative_verbs"] and any(c.dep_ == "dobj" for c in t.head.children)):
            # (", prompting the council to resign", ", leading the adviser to claim ...": what the act made a side do)
            return False
        # "partly to increase pressure ..., but also to better position its forces": a second purpose
        if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children):
            return factual(t.head)
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj") and asked_for(t.head if t.dep_ == "dobj" else t.head.head):
        return False           # "a plan which called for both sides to agree to a ceasefire": what was asked for
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "pobj") and _lemma(t.head) in lex["non_factual_heads"]:
        return False
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "nsubjpass" and _lemma(t.head) in lex["non_factual_heads"]:
        return False           # "the attack was planned for the 29th", "a landing was proposed": planned, not done
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ in ("without", "instead"):
        return False           # "handed over without a fight", "without resistance": it did not happen
    before = [w.lower_ for w in t.doc[max(0, t.i - 2):t.i]]
    if before == ["rather", "than"]:
        return False           # "flew their jets to Malta rather than bomb crowds": not done
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("dobj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children) and t.head.dep_ in ("acl", "relcl", "advcl") and not factual(t.head):
        return False           # "air bases to launch heavy bomber attacks": the purpose of the bases, not an act
    # "with the goal of recapturing Gibraltar", "the aim of an invasion": an aim, not an act
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "of" and _lemma(t.head.head) in AIM_NOUNS:
        return False
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass", "dobj") and t.head.pos_ in ("VERB", "AUX") and (
            t.head.dep_ == "ccomp" and t.head.head.i != t.head.i and _lemma(t.head.head) in lex["non_factual_heads"]):
        return False           # "he feared that a rout of the Arabs could force the Soviets to intervene": what was feared
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ in ("to", "of") and t.head.head.lower_ in lex.get("near_miss_heads", ()):
        return False           # "brought the country closer to a nuclear confrontation", "on the brink of war": it did not come
    if _judged_example(t, lex.get("judgement_nouns", ())):
        return False           # "one of the poorest examples of a strategic withdrawal", "the victories ... are striking
                               # examples of ...", "the effect of the victories affords a perfect example": commentary
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "in" and t.head.head.lower_ in lex.get("aim_in_heads", ()):
        return False           # "began to show interest in a ceasefire": wanted, not done
    if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "of" and t.head.head.lower_ in lex["possibility_nouns"]:
        return False           # "there was little risk of Chinese intervention", "the threat of invasion": it did not happen
    if t.pos_ in ("NOUN", "PROPN"):
        # an act named in a before/after phrase is background to the clause's own act ("resigned after the
        # 1777 campaign"); an act that is the subject of a judgement is judged, not stated ("The Kiev
        # offensive was overwhelmingly successful", "the victory at Kursk was a turning point")
        if t.dep_ == "nsubj" and _lemma(t.head) == "be" and any(c.dep_ in ("acomp", "attr") for c in t.head.children):
            if not (classify_type(t) == "casualties" and any(
                    c.dep_ == "attr" and (c.like_num or any(g.like_num for g in c.children)) for c in t.head.children)):
                return False   # (but "German casualties between March and April 1918 were 270,000" is a tally)
        # "the Tet Offensive became a political victory", "Frequent Wind was the largest evacuation in history": a noun
        # predicated of an act already named judges it; it states no second act (but "operations X and Y were a joint
        # assault" says what the act was)
        if t.dep_ in ("attr", "oprd") and (_lemma(t.head) in ("become", "prove", "remain") or (
                _lemma(t.head) == "be" and any(c.tag_ == "JJS" for c in t.children))):
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and (subj.ent_type_ == "EVENT" or classify(subj) is not None or (
                    _lemma(t.head) == "be" and subj.pos_ in ("PROPN", "PRON"))):
                return False   # "Frequent Wind was arguably the largest evacuation in history", "it was the bloodiest battle"
    # "Japan's next plan was to seize Midway", "Hitler's objectives were to eliminate ...": an aim
    v = t
    while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
        v = v.head
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and _lemma(subj) in AIM_NOUNS and not (v is t and t.pos_ == "VERB" and is_passive(t)):
            return False       # but "the plan was approved by Johnson", "the proposal was rejected": done to the plan
        if v.head.i == v.i or v.dep_ == "conj":
            break          # "Both plans started in July, but ... troops were ordered to withdraw": a clause of its own
        v = v.head
    return True


def is_heading(sent_text: str) -> bool:
    """A heading or a bare line: no final punctuation and short ("War in the north, 1775-1780", "1942")."""
    s = sent_text.strip()
    if s.endswith(")") and "(" in s:
        # a heading dated by a parenthesis ("Stalemate (July 1951 - July 1953)", "Third Punic War (149 B.C to 146 B.C)"):
        # the line before its parenthesis
        head = s[:s.rindex("(")].strip()
        return bool(head) and head[-1] not in '.!?:;,"”’\')' and len(s.split()) <= 12
    return bool(s) and s[-1] not in '.!?:;"”’\')' and len(s.split()) <= 12


def has_finite_verb(span: Span) -> bool:
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or "Fin" in t.morph.get("VerbForm") or _past_read_as_participle(t)
               for t in span)


def _past_read_as_participle(t: Token) -> bool:
    """A simple past the tagger read as a participle heading its sentence ("Thus, the Romans pre-emptively invaded
    the Po region in 225 BC", "The Chinese counterattacked in April 1951"): the sentence's verb, or a verb hung
    on its root noun, with no auxiliary and no subordinating word: a finite verb all the same."""
    if t.tag_ != "VBN" or t.dep_ not in ("ROOT", "acl") or (t.dep_ == "acl" and t.head.dep_ != "ROOT"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in t.children):
        return False
    return t.sent.text.rstrip()[-1:] in ".!?"


def _claimed_outcome(t: Token) -> bool:
    """ "declared victory in a speech", "conceded defeat": a victory or defeat as what a side states, an outcome
    claimed, not the fighting (outcome_statement_verbs)."""
    return (t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubjpass") and _lemma(t) in ("victory", "defeat", "win")
            and _lemma(t.head) in lexicon()["outcome_statement_verbs"])


def _undone(t: Token) -> bool:
    """A document noun its governing verb undoes ('the treaty was renounced', 'withdrew from the agreement'): a class's
    undone_by verbs."""
    lex = lexicon()
    lemma = _lemma(t)
    while t.dep_ == "compound" and t.head.i > t.i:
        t = t.head        # "the ceasefire agreement"
    h = t.head
    if t.dep_ == "pobj" and (h.lower_ == "from" or h.lower_ == "of" and any(
            c.dep_ == "prt" and c.lower_ == "out" for c in h.head.children)):
        h = h.head        # "withdrew from the ceasefire agreement", "pulled out of the treaty"
    elif t.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    if h.pos_ not in ("VERB", "AUX") or _dated_noun(t):
        return False
    return any(_lemma(h) in lex["classes"][i].get("undone_by", ()) for i in lex["_by_lemma"].get(lemma, ()))


def predicates_in(span: Span) -> list[Predicate]:
    lex = lexicon()
    found = {}
    for t in span:
        if t.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
            continue
        if t.pos_ == "VERB" and t.dep_ == "amod" and _lemma(t) not in lex["standing_act_participles"]:
            continue           # a participle describing a noun ("the retreating army") is no act
        typed = classify(t)
        if typed is None or not factual(t):
            continue
        found[t.i] = Predicate(t, typed[0], typed[1])
    # trigger patterns (triggers.jsonl) type what no predicate class does, under EVENTS.md's types
    overrides = trigger_types()
    for trig in span.doc.spans.get("event_triggers", []):
        if trig.start < span.start or trig.end > span.end:
            continue
        label = overrides.get(trig.id_, trig.label_) if trig.id_ in overrides else trig.label_
        root = trig.root
        if label is None or root.i in found or any(t.i in found for t in trig) or not factual(root) or _names_no_act(root) \
                or _undone(root) or _claimed_outcome(root):
            continue
        if label in ("war_start", "war_end") and _act_subject(root):
            continue           # "an assault that lasted until the fall of Budapest": how long an act lasted, no war's edge
        found[root.i] = Predicate(root, label, "trigger:" + trig.id_)
    # the purpose of sending or moving forces names the act: "sent 700 men to seize munitions" (the taker's
    # offensive), "moved to encircle", "launched an operation to retake", "sent bombers to bomb"
    carriers = lex["purpose_carriers"]
    for t in span:
        if _lemma(t) not in carriers or (t.i in found and found[t.i].type not in ("deployment", "other")):
            continue
        aim = _purpose(t)
        typed = classify(aim) if aim is not None else None
        if typed is None or typed[0] not in ("offensive", "attack") or not factual(t):
            continue
        if t.pos_ == "VERB" and _lemma(t) in ("take", "lead", "bring") and not arg_classes(_object(t)) & {"force"}:
            continue      # "took 2,000 men to invade"; not "took steps to seize"
        found[t.i] = Predicate(t, typed[0], "purpose:" + typed[1])
        found.pop(aim.i, None)
    # "ordered US air and sea forces to help the South Korean regime": forces ordered on an errand of support are
    # deployed; forces ordered to attack or withdraw did so (the narrative reports the order as the act)
    for t in span:
        if _lemma(t) not in lex["order_verbs"] or t.pos_ != "VERB" or (t.i in found and found[t.i].type != "other"):
            continue
        obj = _object(t)
        aim = next((c for c in t.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > t.i
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if obj is None or aim is None or "force" not in arg_classes(obj) or _lemma(obj) in EVENT_FORCE_NOUNS or not factual(t):
            continue
        typed = classify(aim)
        if typed is not None and typed[0] in ("offensive", "attack", "withdrawal", "deployment"):
            found[t.i] = Predicate(t, typed[0], "ordered:" + typed[1])
            found.pop(aim.i, None)
        elif typed is None and _lemma(aim) in MILITARY_ERRANDS:
            found[t.i] = Predicate(t, "deployment", "ordered-errand")
    # "Baynes and Prevost decided to retreat", "the general resolved to attack at dawn": a commander's decision
    # is told as the act decided (an assembly's decision stays a resolution)
    for t in span:
        if _lemma(t) not in lex["decision_verbs"] or t.pos_ != "VERB" or (t.i in found and found[t.i].type != "other"):
            continue
        aim = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        if aim is None or not factual(t):
            continue
        typed = classify(aim)
        if typed is not None and typed[0] in ("offensive", "attack", "withdrawal", "deployment"):
            found[t.i] = Predicate(t, typed[0], "decided:" + typed[1])
            found.pop(aim.i, None)
    # "both governments agreed to halt air strikes", "decided to suspend the bombing": a halt to fighting agreed,
    # decided or ordered is the ceasefire (EVENTS.md ceasefire: an agreed, ordered or declared halt to fighting)
    for t in span:
        if t.pos_ != "VERB" or _lemma(t) not in ("agree", *lex["decision_verbs"], *lex["order_verbs"]) or (
                t.i in found and found[t.i].type not in ("other", "agreement", "resolution")):
            continue
        aim = next((c for c in t.children if c.dep_ == "xcomp" and c.i > t.i
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        typed = classify(aim) if aim is not None and factual(t) else None
        if typed is not None and typed[0] == "ceasefire" and aim.pos_ == "VERB":
            found[t.i] = Predicate(t, "ceasefire", "agreed-halt:" + typed[1])
            found.pop(aim.i, None)
            obj = _object(aim)
            if obj is not None:
                found.pop(obj.i, None)
    # "took the opportunity to seize the islands", "seized the chance to attack": the act is the infinitive on the
    # word of opportunity its verb takes, told by that verb (the infinitive alone reads as a purpose)
    for t in span:
        if t.pos_ != "VERB" or _lemma(t) not in lex["opportunity_verbs"] or (t.i in found and found[t.i].type != "other"):
            continue
        obj = _object(t)
        if obj is None or _lemma(obj) not in lex["opportunity_nouns"] or not factual(t):
            continue
        aim = next((c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and c.i > obj.i
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)), None)
        typed = classify(aim) if aim is not None else None
        if typed is not None and typed[0] != "other":
            found[t.i] = Predicate(t, typed[0], "opportunity:" + typed[1])
            found.pop(aim.i, None)
    # a light verb carrying an event noun is not an act of its own: "launched an offensive",
    # "the offensive started", "an agreement was reached"
    for i in list(found):
        t = found[i].token
        carried = _carried_noun(t, found)
        if carried is not None and _lemma(t) in lex["light_verbs"] and found[carried.i].type != "other":
            if found[i].type == "other" or found[i].type == found[carried.i].type:
                del found[i]      # "launched the first of two invasions", "launched a series of attacks"
            continue
        if _lemma(t) in lex["light_verbs"] and any(
                c.i in found and c.dep_ in OBJ | SUBJ | {"xcomp"} and found[c.i].type != "other"
                or (c.dep_ == "prep" and any(g.i in found and g.dep_ == "pobj" for g in c.children))
                for c in t.children):
            if found[i].type == "other" or any(c.i in found and found[c.i].type == found[i].type for c in t.children):
                del found[i]
        elif _lemma(t) in lex["light_verbs"] and t.dep_ in ("acl", "relcl") and t.head.i in found and found[i].type == "other":
            del found[i]          # "the referendum held in 1991"
    # "The Battle of Jutland was the largest naval battle of the war. It took place on 31 May 1916": "it" stands for
    # the event its paragraph's sentence before names as subject; the happening is of that event's type
    for i in list(found):
        t = found[i].token
        if found[i].type == "other" and t.pos_ == "VERB":
            typed = _antecedent_event(t, lex)
            if typed is not None:
                found[i] = Predicate(t, typed[0], "antecedent:" + typed[1])
    # "responded by declaring war", "retaliated by bombing": the act is the one the by-phrase names, stated by the
    # clause's own verb; "a new constitution was approved by referendum", "ratified by a plebiscite": a political verb
    # whose agent is a vote tells that vote, one act
    _take_by_act(found, ("other",), "prep", "pcomp", lambda typ: typ != "other", "by:")
    # "Israel responded with air strikes", "retaliated with a bombing raid": the response is the act its with-phrase names
    for i in list(found):
        t = found[i].token if i in found else None
        if t is None or found[i].type != "other" or t.pos_ != "VERB" or _lemma(t) not in lex["response_verbs"]:
            continue
        act = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj" and g.i in found and found[g.i].type != "other"), None)
        if act is not None:
            found[i] = Predicate(t, found[act.i].type, "with:" + found[act.i].rule)
            del found[act.i]
    _take_by_act(found, ("other", "resolution", "agreement"), "agent", "pobj", lambda typ: typ in ("referendum", "election"),
                 "by-act:")
    # "he was shot by a sniper and died", "was stabbed and died of his wounds": a death that follows an attack on the
    # person in the same clause was caused by a side (attack), not illness or accident
    for i in list(found):
        t = found[i].token
        if (t.pos_ == "VERB" and _lemma(t) in ("die", "perish", "succumb") and t.dep_ == "conj"
                and t.head.i in found and found[t.head.i].type == "attack" and found[i].type == "other"):
            found[i] = Predicate(t, "attack", "died-of:" + found[t.head.i].rule)
    # "a terror campaign", "a campaign of bombings and assassinations": a campaign is the kind of act it is made of
    for i in list(found):
        if i not in found:
            continue
        t = found[i].token
        if found[i].type != "offensive" or _lemma(t) not in ("campaign", "campaigns", "wave", "series", "spate"):
            continue
        parts = [c for c in t.children if c.dep_ in ("compound", "amod") and c.i in found]
        parts += [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.i in found]
        kind = next((p for p in parts if found[p.i].type == "attack"), None)
        if kind is not None:
            found[i] = Predicate(t, "attack", "made-of:" + found[kind.i].rule)
            for p in parts:
                found.pop(p.i, None)
    # "tried to seize Charleston", "attempted to dislodge", "failed to take the city": an attack that
    # was made and repulsed is a clash (EVENTS.md); the trying verb is not an act of its own
    for i in list(found):
        t = found[i].token
        h = t.head
        if t.dep_ == "xcomp" and _lemma(h) in ATTEMPT_VERBS and found[i].type in ("offensive", "attack"):
            found[i] = Predicate(t, "clash", "attempt:" + found[i].rule)
            found.pop(h.i, None)
    # "Washington unsuccessfully attacked the British encampment": an attack repulsed is a clash (EVENTS.md)
    for i in list(found):
        t = found[i].token
        if found[i].type in ("offensive", "attack") and any(
                (c.dep_ == "advmod" and c.lower_ in lex["failure_adverbs"])
                or (c.dep_ == "amod" and t.pos_ in ("NOUN", "PROPN") and c.lower_ in lex["failure_modifiers"]) for c in t.children):
            found[i] = Predicate(t, "clash", "failed:" + found[i].rule)     # also "failed operations at Rhode Island"
    # an act repulsed or defeated is the clash that stops it ("repelling a British attack", "defeated Soviet offensives",
    # "the offensive had been repulsed"); an operation called off or suspended is not an act of its own
    for i in list(found):
        t = found[i].token
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ not in ("dobj", "nsubjpass"):
            continue
        h = t.head
        if found[i].type == "agreement" and h.i in found and found[h.i].type == "resolution":
            del found[i]       # "the parliament ratified the treaty": the ratification is the act
            continue
        if found[i].type not in ("offensive", "attack", "clash", "deployment", "withdrawal", "blockade"):
            continue
        if h.i in found and found[h.i].type in ("clash", "ceasefire") and h.pos_ == "VERB":
            del found[i]       # "repelled the attack", "halted the bombing": the verb's act holds its object
        elif _lemma(h) in lex["object_not_act_verbs"] and t.dep_ == "dobj" and (_lemma(h) != "call" or "off" in _particles(h)):
            del found[i]
            for c in t.children:           # "called off the bombing campaign": its modifier goes with it
                if c.dep_ == "compound":
                    found.pop(c.i, None)
    # "withdrew from the runoff", "pulled out of the talks": the race or the talks left are no act of their own
    for i in list(found):
        if i in found and found[i].rule == "withdraw-from-body":
            for c in found[i].token.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            found.pop(g.i, None)
    # "the outbreak of hostilities", "the cessation of hostilities", "a halt to the fighting": the fighting named in the
    # of/to phrase of a war's start or end or of a ceasefire is that act's content, no clash of its own
    for i in list(found):
        t = found[i].token if i in found else None
        if t is None or t.pos_ not in ("NOUN", "PROPN") or found[i].type not in ("war_start", "war_end", "ceasefire"):
            continue
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "to"):
                for g in c.children:
                    if g.dep_ == "pobj" and g.i in found and found[g.i].type in ("clash", "attack", "offensive"):
                        for w in g.subtree:        # with its modifiers ("the suspension of offensive action")
                            if w.i in found and (w.i == g.i or w.dep_ in ("amod", "compound")):
                                del found[w.i]
    # "a new constitution allowing competitive elections": a vote a law allows is no vote held (enabling_verbs)
    for i in list(found):
        t = found[i].token
        if found[i].type not in ("election", "referendum") or t.pos_ not in ("NOUN", "PROPN"):
            continue
        a = t
        while a.dep_ == "conj" and a.head.i != a.i:
            a = a.head
        if a.dep_ == "dobj" and _lemma(a.head) in lex["enabling_verbs"]:
            del found[i]
            continue
        # "the court annulled the election results", "ruled the election invalid": the ruling is the act
        if a.dep_ == "compound":
            a = a.head
        if a.dep_ in ("dobj", "nsubjpass") and a.head.i in found and found[a.head.i].type == "resolution" \
                and a.head.i != t.i:
            del found[i]
    # "the war ended ... with the 1784 Treaty of Mangalore": the treaty is how the war ended, one act (war_end)
    for i in list(found):
        t = found[i].token
        if found[i].type == "agreement" and t.dep_ == "pobj" and t.head.lower_ == "with":
            h = t.head.head
            if h.i in found and found[h.i].type == "war_end":
                del found[i]
    # an act named in a before/after phrase is background to the clause's own act ("withdrew after the
    # 1777 campaign"), when the clause has a typed act of its own
    for i in list(found):
        t = found[i].token
        if t.pos_ in ("NOUN", "PROPN") and (
                (t.dep_ == "pobj" and t.head.lower_ in BACKGROUND_PREPS) or _after_noun_phrase(t, lex)):
            if _dated_after(t):
                continue       # "lasted until the fall of Budapest in February 1945": the act the text dates of its own
            if found[i].type not in ("war_start", "war_end") and (_introduced_after(t, lex) or (
                    t.head.lower_ == "of" and any(c.dep_ == "det" and c.lower_ in lex.get("new_act_determiners", ())
                                                  for c in t.children))):
                continue       # "fell after a three-day battle": an act not told before, the earlier of the two
            if any(a.i in found and (found[a.i].type != "other" or a.pos_ == "VERB") for a in t.ancestors):
                del found[i]
    # an act named in a place-like phrase of another act is its setting, not a second act:
    # "seized the Charlestown peninsula at the Battle of Bunker Hill", "captured 1,000 at the Battle of Trenton"
    for i in list(found):
        t = found[i].token
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj" and t.head.lower_ in ("at", "in", "during", "on", "near"):
            v = t.head.head
            if v.i in found and found[v.i].type != "other" and v.pos_ in ("VERB", "AUX"):
                if found[i].type in ("referendum", "election") and found[v.i].type in ("resolution", "agreement"):
                    found[v.i] = Predicate(v, found[i].type, "in-vote:" + found[i].rule)
                del found[i]   # "the constitution was approved in a referendum": the vote is how it was approved
    _one_act_per_phrase(found)
    return [found[i] for i in sorted(found)]


@lru_cache(maxsize=1)
def _type_priority() -> dict[str, int]:
    from .extract import types
    return {name: k for k, name in enumerate(types()["priority"])}


# what a participle states of its own, not a detail of the act before it (EVENTS.md, GUIDELINES.md: an act that
# began or ended a war is also that war's start or end; "invaded, declaring war on ...": a formal statement or a
# vote is an act of its own beside the deed)
OWN_ROW_TYPES = frozenset({"war_start", "war_end"})
OWN_ROW_DETAILS = OWN_ROW_TYPES | {"declaration", "resolution", "election", "referendum"}
# ... but "surrendered, ending the war", "signed a treaty, ending the war": the final surrender or the treaty that
# ended the war is its end (EVENTS.md), one row; a ceasefire stays a ceasefire even when it ended the war
WAR_ENDING_ACTS = frozenset({"withdrawal", "agreement"})


def _one_act_per_phrase(found: dict) -> None:
    """One act, one predicate (EVENTS.md: one type per act; GUIDELINES: a result of the act is the same row)."""
    _drop_what_is_halted(found)
    _merge_modifier_acts(found)
    _fold_participle_details(found)
    # "Congress imposed an arms embargo", "the council ordered a truce": a body's decision whose object is the embargo
    # or truce it puts in place is that one act, of the object's type (blockade and ceasefire before resolution)
    _drop_verb_of_act(found, ("resolution",), "dobj", ("blockade", "ceasefire"))
    # "the battle killed 3,000 soldiers", "heavy fighting claimed 200 lives": the killing is the toll of the act its
    # subject names, one row of that act's type with the figure as its quantity (EVENTS.md, casualties)
    _drop_verb_of_act(found, ("attack", "casualties"), "nsubj", ("clash", "attack", "offensive"))
    # "Russia announced the annexation of Crimea", "the court annulled the election": the decision or the
    # declaration is the act, the act noun it is about no second one
    _drop_object_act(found, ("declaration", "resolution"), ("offensive", "election", "referendum"))
    _drop_object_act(found, ("ceasefire",), ("offensive", "attack", "clash"))      # "halted its advance": the halt
    # "the government declared the end of the war": the war's end, first in EVENTS.md's order, is the one row
    _drop_verb_of_act(found, ("declaration",), "dobj", ("war_end", "war_start"))
    # "the Welsh Guards lost 48 men when the landing ship was bombed": the toll of the act its when-clause tells
    _drop_verb_of_act(found, ("casualties",), "advcl:when", ("clash", "attack", "offensive"))


def _drop_verb_of_act(found: dict, verb_types: tuple, dep: str, act_types: tuple) -> None:
    """A verb predicate of one of `verb_types` whose `dep` child is an act of one of `act_types` tells that act: one
    row, the act's (EVENTS.md: one act, one type)."""
    for i in list(found):
        p = found.get(i)
        if p is None or p.type not in verb_types or p.token.pos_ != "VERB":
            continue
        dep_, _, mark = dep.partition(":")
        arg = next((c for c in p.token.children if c.dep_ == dep_ and (
            not mark or any(m.dep_ == "advmod" and m.lower_ == mark or m.dep_ == "mark" and m.lower_ == mark
                            for m in c.children))), None)
        if arg is not None and arg.i in found and found[arg.i].type in act_types:
            del found[i]


def _drop_object_act(found: dict, verb_types: tuple, act_types: tuple) -> None:
    """An act noun of one of `act_types` that is the direct object of a verb predicate of one of `verb_types` is what
    that decision or declaration is about: one row, the verb's."""
    for i in list(found):
        p = found.get(i)
        if p is None or p.type not in verb_types or p.token.pos_ != "VERB":
            continue
        for c in p.token.children:
            if c.dep_ == "dobj" and c.i in found and found[c.i].type in act_types and c.pos_ == "NOUN":
                del found[c.i]


def _halted_to(t: Token) -> Token | None:
    """What a halt is put to: "a halt to the bombing", on the noun or, when the noun is an object, on its verb."""
    heads = [t] + ([t.head] if t.dep_ == "dobj" else [])
    return next((g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"), None)


def _drop_what_is_halted(found: dict) -> None:
    """ "the suspension of offensive action", "a halt of the bombing": the halt is the act, not what it halts."""
    for i in list(found):
        if i in found and found[i].type == "ceasefire" and found[i].token.pos_ in ("NOUN", "PROPN"):
            of = _of(found[i].token) or _halted_to(found[i].token)
            if of is not None and of.i in found:
                for w in [of] + [c for c in of.children if c.dep_ in ("amod", "compound")]:
                    found.pop(w.i, None)


def _merge_modifier_acts(found: dict) -> None:
    """An act word modifying another act word is one act named twice: "offensive action", "an invasion force",
    "a ceasefire agreement"; the phrase keeps the head word with the first type of the priority list (a predicate
    typed `other` never wins over a typed one)."""
    prio = _type_priority()
    rank = lambda p: prio.get(p.type, len(prio)) if p.type != "other" else len(prio) + 1
    for i in sorted(found):
        if i not in found:
            continue
        t = found[i].token
        h = t.head
        if t.dep_ not in ("amod", "compound") or h.i == t.i or h.i not in found or h.pos_ not in ("NOUN", "PROPN"):
            continue
        mod, head = found[i], found[h.i]
        if mod.type in OWN_ROW_TYPES or head.type in OWN_ROW_TYPES:
            continue
        if rank(mod) < rank(head):
            found[h.i] = Predicate(h, mod.type, "modifier:" + mod.rule)
        del found[i]


def _fold_participle_details(found: dict) -> None:
    """A participle clause after a typed act, with no subject or date of its own, states a detail or result of that
    act ("took the town, closing the border", "defeated the fleet, cutting off the escape", "overcame all
    resistance, quickly capturing the buildings", "bombed the town, killing hundreds"), and so does a participle
    coordinated with it: one act, the head's, but forces moving are typed by what the participle says they did
    ("moved through the countryside, destroying depots" is an attack), and a surrender or a treaty "ending the
    war" is the war's end; otherwise a war's start or end, a declaration or a vote stays a row of its own
    ("invaded, declaring war on ...")."""
    for i in sorted(found):
        if i not in found:
            continue
        t = found[i].token
        ends_war = found[i].type == "war_end"
        if t.tag_ != "VBG" or (found[i].type in OWN_ROW_DETAILS and not ends_war):
            continue
        p = t
        while p.dep_ == "conj" and p.head.tag_ == "VBG" and p.head.i != p.i:
            p = p.head       # "forcing the enemy off the heights, and closing towards the frontier"
        if p.dep_ != "advcl" or p.head.i >= p.i or p.head.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in SUBJ for c in t.children) or any(w.ent_type_ == "DATE" for w in t.subtree):
            continue
        act = p.head if p.head.i in found else _through_light(p.head, found)
        if ends_war and not (act.i in found and found[act.i].type in WAR_ENDING_ACTS):
            continue
        if act.i in found and act.i != t.i and found[act.i].type != "other":
            if ends_war or (found[act.i].type == "deployment" and found[i].type != "other"):
                found[act.i] = Predicate(act, found[i].type, "detail:" + found[i].rule)
            del found[i]


def anchors_above(span: Span, preds: dict[int, Predicate], framing: frozenset = frozenset()) -> list[Token]:
    """Every candidate anchor of a date, nearest first: the first is date_anchor's; the next ones are the
    predicates above it (when the first belongs to another act, e.g. a before/after phrase)."""
    first = date_anchor(span, preds, framing)
    if first is None:
        return []
    out, t = [first], first
    while t.head.i != t.i:
        t = t.head
        if t.i not in preds and t.pos_ in ("VERB", "AUX"):
            x = _through_light(t, preds)
            if x.i in preds and all(x.i != o.i for o in out):
                out.append(x)
        elif t.i in preds and all(t.i != o.i for o in out):
            out.append(t)
    return out


def names_told_act(noun: Token, framing: frozenset | set = frozenset()) -> bool:
    """A framing noun named by its year that is the subject or object of a verb telling it ("The 1973 war thus
    ended", "ended the 1991-94 war"): the year names the war; the verb's time is the clause's or the story's. A
    verb stating the war's course ("the 1991-94 war raged") takes the span as the war's."""
    if _lemma(noun) not in framing or not (noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX") and noun.head.i != noun.i):
        return False
    told = classify(noun.head)
    return told is not None and not told[1].startswith("war-span")


def _gapped_verb(name: Token, preds: dict[int, Predicate]) -> Token | None:
    """The verb a gapped conjunct leaves out: a name after a comma, hung on the verb as a loose modifier
    ("..., Gao the following day"), the verb's act being a predicate."""
    if name.pos_ != "PROPN" or name.dep_ not in ("npadvmod", "dep") or name.ent_type_ in ("DATE", "TIME"):
        return None
    v = name.head
    if v.pos_ not in ("VERB", "AUX") or v.i > name.i or name.i == 0 or name.doc[name.i - 1].text != ",":
        return None
    x = v if v.i in preds else _through_light(v, preds)
    return x if x.i in preds else None


def _clause_the_date_opens(span: Span) -> Token | None:
    """"..., and the next day suicide bombers killed 140 worshippers": the parser hangs the clause a date opens on the
    date as a relative clause without a relative word, and the date on the verb before it. A bare date after its verb,
    set off by "and" or a comma, whose clause has a subject of its own and no relative word, times that clause."""
    root = span.root
    if root.dep_ not in ("npadvmod", "conj") or root.head.i > root.i or span.start == 0:
        return None             # (or as a conjunct of the clause before: "..., beating dozens, and the following day")
    if span.doc[span.start - 1].lower_ not in ("and", ",", ";", "then"):
        return None
    for c in root.children:
        if c.dep_ != "relcl" or c.pos_ != "VERB" or c.i < span.end:
            continue
        kids = list(c.children)
        if any(x.tag_ in ("WDT", "WP", "WRB") or x.lower_ == "that" for x in kids):
            return None
        if any(x.dep_ in ("nsubj", "nsubjpass") and x.i > span.end - 1 for x in kids):
            return c
    return None


def date_anchor(span: Span, preds: dict[int, Predicate], framing: frozenset = frozenset()) -> Token | None:
    """The predicate a date modifies: the first ancestor of the date that is a predicate or a verb; from a
    light or stative verb, the event noun it carries ("launched an offensive on 5 May"). A date that
    modifies a noun stating no act ("a client state in 1939") times that noun only: no anchor; a noun
    naming a framing period ("the 1991-94 war") passes the date on to its clause."""
    inside = set(range(span.start, span.end))
    t = span.root
    opened = _clause_the_date_opens(span)
    if opened is not None:
        return opened if opened.i in preds else _through_light(opened, preds)
    prev = t
    framed = False
    described = False
    while t.head.i != t.i:
        prev, t = t, t.head
        if t.i in inside:
            continue
        if t.i in preds:
            return _gerund_carried(t, preds) or t
        if t.pos_ == "VERB" and _describes_noun(t) and not any(c.dep_ == "dobj" and c.i in preds for c in t.children):
            # "passed laws restricting the right to protest on 16 January", "adopted a resolution affirming ... on
            # 27 March": a date the parse hangs on a participle or infinitive that says what a noun is (no act of
            # its own, nor one it carries: "made peace signing the Treaty of Bucharest on 7 May") times the clause
            # that noun is in
            described = True
            continue
        if t.pos_ in ("VERB", "AUX"):
            return _through_light(t, preds)
        if described:
            continue
        if _lemma(t) in framing and not framed:
            # a date naming a framing period ("the 2020 war") sets the time of the clause it is in,
            # or dates the act the period's noun carries ("the wars waged ..., one from 1918 to 1921")
            for c in t.children:
                if c.dep_ in ("acl", "relcl") and c.i in preds:
                    return c
            framed = True
            continue
        if not framed and t.pos_ in ("NOUN", "PROPN") and prev.i < t.i and prev.dep_ in ("nummod", "compound", "amod", "nmod"):
            # "Reagan's 1987 Berlin speech calling on Gorbachev to ...": the year names the noun's act, which the
            # participle after it tells
            for c in t.children:
                if c.dep_ == "acl" and c.i > t.i and c.i in preds and c.tag_ in ("VBG", "VBN"):
                    return c
        # a sentence-opening "On 14 December, X ..." that the parser hangs on the subject noun still times
        # the clause: only a date after its noun ("a client state in 1939") or inside it modifies it
        if not framed and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and (
                prev.dep_ in ("prep", "npadvmod", "appos", "nmod") and prev.i > t.i):
            base = t             # a noun in apposition stands for the one it renames ("the wars ..., one from 1918")
            while base.dep_ in ("appos", "conj") and base.head.i != base.i:
                base = base.head
            if base.i in preds:
                return base
            # "the 9 November 2020 ceasefire agreement": the act named in the compound
            for c in t.children:
                if c.dep_ in ("compound", "amod") and c.i in preds:
                    return c
            if _lemma(base) not in framing:
                if _event_subject_told(base, preds):
                    # "A second attack in July was also repulsed", "the offensive in March failed": the date on an
                    # act noun that is the subject of the verb telling how that act went times that verb
                    return base.head
                if _place_of_verb(base):
                    # "took the oath at a stadium in February", "returned to the capital in May": a place has no
                    # time of its own; the date the parse hangs on it times the verb the place is where of
                    t, framed = base, True
                    continue
                if _subject_with_its_date(base, prev):
                    # "the general on 4 June crossed the river": a date set between a subject and its verb
                    # times the verb, not the doer
                    t, framed = base, True
                    continue
                gapped = _gapped_verb(base, preds)
                if gapped is not None:
                    # "Kidal was overrun on 30 March, Gao the following day, and Timbuktu on 1 April": a name and a
                    # date after a comma, the verb left out, tell the same act again for that name on that date
                    return gapped
                act = _act_noun_holding(base, preds) if prev.lower_ == "on" else None
                if act is not None:
                    # "reached agreement on the composition of the coalition government on June 12": a thing named
                    # in an act noun's phrases has no day of its own; the day the parse hangs on it times that act
                    return act
                return None
            # a framing noun with its act: "the wars waged by the countries ..., one from 1918 to 1921"
            for c in base.children:
                if c.dep_ in ("acl", "relcl") and c.i in preds:
                    return c
            t, framed = base, True
    return None


def _act_noun_holding(noun: Token, preds: dict[int, Predicate]) -> Token | None:
    """The act noun whose prepositional phrases hold `noun`, through phrases only ("agreement on the composition of
    the government": "agreement" for "government"); None when a verb or anything else comes between."""
    x = noun
    while x.dep_ == "pobj" and x.head.dep_ == "prep" and x.head.head.pos_ in ("NOUN", "PROPN"):
        x = x.head.head
        if x.i in preds:
            return x
    return None


def _take_by_act(found: dict, verb_types: tuple, by_dep: str, act_dep: str, act_type_ok, rule: str) -> None:
    """A verb of one of `verb_types` whose by-phrase (`by_dep`: a "by" preposition or a passive's agent) holds a found
    act (`act_dep`) of a type `act_type_ok` accepts states that act: the verb takes its type, the act noun or gerund
    is no act of its own."""
    for i in list(found):
        if i not in found:
            continue
        t = found[i].token
        if found[i].type not in verb_types or t.pos_ != "VERB":
            continue
        act = next((g for c in t.children if c.dep_ == by_dep and (by_dep != "prep" or c.lower_ == "by")
                    for g in c.children if g.dep_ == act_dep and g.i in found and act_type_ok(found[g.i].type)), None)
        if act is not None:
            found[i] = Predicate(t, found[act.i].type, rule + found[act.i].rule)
            del found[act.i]


def _event_subject_told(noun: Token, preds: dict) -> bool:
    """An act noun as the subject of a predicate verb that tells its outcome ("the attack ... was repulsed"): the noun
    is no predicate of its own (the verb's act took it in)."""
    return (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in preds and noun.head.pos_ == "VERB"
            and noun.i not in preds and classify(noun) is not None)


LOCATIVE_PREPS = frozenset({"at", "to", "into", "near", "outside", "inside", "toward", "towards", "across", "onto"})


def _place_of_verb(noun: Token) -> bool:
    """A noun in a verb's place phrase ("at a stadium", "to the capital", "in the capital") that names no act or time;
    after "in" or "from" only a place ("in the words of ...", "in four weeks of fighting" are no places)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX") or classify(noun) is not None:
        return False
    place = noun.ent_type_ in ("GPE", "LOC", "FAC") or bool(arg_classes(noun) & {"place", "place_noun"})
    if prep.lower_ in ("in", "from"):
        return place
    # "took the oath at an unannounced ceremony on 23 September": the occasion's date is the act's
    occasion = prep.lower_ == "at" and _lemma(noun) in lexicon()["occasion_nouns"]
    return prep.lower_ in LOCATIVE_PREPS and (place or occasion)


def _subject_with_its_date(noun: Token, prep: Token) -> bool:
    """A date phrase the parser hangs on a clause's subject, written after "on" between the subject and its verb
    ("Scheidemann on 9 November declared", "the Security Council, on 27 June 1950, published")."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ != "VERB" or not noun.i < prep.i < verb.i:
        return False
    # (a comma-set "in June 1950" was tried too: it lowered the kept-aside typed precision and actors)
    return prep.dep_ == "prep" and prep.lower_ == "on"


def _describes_noun(verb: Token) -> bool:
    """A non-finite verb with no subject of its own describing a noun: "laws restricting ...", "the right to protest"."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBG", "VB") and verb.head.pos_ in ("NOUN", "PROPN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children)


def _through_light(verb: Token, preds: dict[int, Predicate]) -> Token:
    lex = lexicon()
    if verb.i in preds and _lemma(verb) not in lex["light_verbs"]:
        return verb
    if verb.dep_ in ("acl", "relcl") and verb.head.i in preds and (
            _lemma(verb) in lex["light_verbs"] or verb.i not in preds) and not _reported_future(verb):
        return verb.head
    if _lemma(verb) in lex["light_verbs"] or _lemma(verb) in lex["stative_verbs"]:
        for c in verb.children:
            if c.dep_ in OBJ | SUBJ and c.i in preds:
                return c
        carried = _carried_noun(verb, preds) if _lemma(verb) in lex["light_verbs"] else None
        if carried is not None:
            return carried
        for c in verb.children:
            if c.dep_ == "prep":
                for g in c.children:
                    if (g.dep_ == "pobj" or (g.dep_ == "pcomp" and g.tag_ == "VBG")) and g.i in preds:
                        return g      # "took part in the invasion", "succeeded in repelling a second attack"
            if c.dep_ in ("xcomp", "ccomp") and c.i in preds:
                return c
    return verb


def _gerund_carried(verb: Token, preds: dict) -> Token | None:
    """The act a light verb carries in a gerund after its preposition ("succeeded in repelling a second attack",
    "managed in breaking through"): the gerund's act, not the light verb's, is what the date times."""
    if _lemma(verb) not in lexicon()["light_verbs"]:
        return None
    return _prep_gerund(verb, lambda g: g.i in preds)


def _prep_gerund(verb: Token, holds) -> Token | None:
    """The first gerund after one of the verb's prepositions ("in repelling", "by breaking through") that holds."""
    for c in verb.children:
        if c.dep_ == "prep":
            for g in c.children:
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and holds(g):
                    return g
    return None


def _carried_noun(verb: Token, preds: dict) -> Token | None:
    """The event noun a light verb carries through a partitive object: "launched the first of two invasions",
    "launched a series of attacks" (the object itself states no act)."""
    for c in verb.children:
        if c.dep_ in OBJ and c.i not in preds and _lemma(c) in lexicon()["light_object_partitives"]:
            of = _of(c)
            if of is not None and of.i in preds:
                return of
    return None


def governing_predicate(t: Token, preds: dict[int, Predicate]) -> Predicate | None:
    """The nearest predicate above a token in the parse (its own clause's act)."""
    h = t
    while h.head.i != h.i:
        h = h.head
        if h.i in preds:
            return preds[h.i]
        if h.pos_ == "VERB" and _lemma(h) in lexicon()["light_verbs"]:
            # "launched a series of attacks ... and attempted to outflank it with landings": the act the light
            # verb carries governs what is coordinated with it
            x = _through_light(h, preds)
            if x.i != h.i and x.i in preds and x.i != t.i and not t.is_ancestor(x):
                return preds[x.i]
    return None


def doc_predicates(doc: Doc, start_char: int, end_char: int) -> tuple[Span | None, list[Predicate]]:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return None, []
    return span, predicates_in(span)
