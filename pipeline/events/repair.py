"""Acts the small model's parse hides, repaired on the parse itself (no second parsing pass).

The tagger sometimes reads the verb of a clause as a noun or an adjective: "insurrection ... spread
throughout France" (spread a NOUN heading the sentence, with its subject), "it was overrun" (overrun a NOUN
with its passive auxiliary), "Fort Schlosser was surprised on July 5" (surprised an ADJ complement of
"was"). No predicate class fires on such a word, and a date on it reaches no act. A word is read as the
verb only when the parse around it is a clause's (a subject before a sentence-heading noun, a passive
auxiliary, "was/were" before a participle form), and only when the verb it is a form of is one our
predicate classes name (predicates.json): the repair makes known acts visible, it invents no new ones.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

REPAIR_FILE = Path(__file__).with_name("repair.json")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(REPAIR_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset:
    from .predicates import lexicon
    return frozenset(lem.lower() for cls in lexicon()["classes"] if "VERB" in cls.get("pos", ())
                     for lem in cls["lemmas"])


def verb_lemma(word: str) -> str | None:
    """The verb a past or participle form is of, when our predicate classes name it: "routed" -> rout,
    "surprised" -> surprise, "captured" -> capture, "overrun" -> overrun, "spread" -> spread."""
    w = word.lower()
    verbs = _verb_lemmas()
    cands = [w]
    if w.endswith("ed"):
        cands += [w[:-2], w[:-1]]
        if len(w) > 4 and w[-3] == w[-4]:
            cands.append(w[:-3])          # "shelled" is not doubled, "stopped" -> stop
        if w.endswith("ied"):
            cands.append(w[:-3] + "y")
    cands += _data()["irregular_participles"].get(w, [])
    return next((c for c in cands if c in verbs), None)


@lru_cache(maxsize=1)
def _document_nouns() -> frozenset:
    from .predicates import lexicon
    kinds = set(_data()["plural_name_types"])
    return frozenset(lem.lower() for cls in lexicon()["classes"] if cls["type"] in kinds
                     and set(cls.get("pos", ())) & {"NOUN", "PROPN"} for lem in cls["lemmas"])


def plural_name_lemma(t: Token) -> str | None:
    """The singular of a plural name of a document the lemmatizer leaves as written ("the Paris Peace Accords",
    "the Ventôse Decrees", "the Geneva Conventions" -> accord, decree, convention), when it is a noun of an
    agreement, resolution or declaration class (repair.json plural_name_types): no predicate class fires on
    "accords" itself. Only document nouns, never a name such as "United States" or "Cedar Falls"."""
    w = t.lower_
    if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.lemma_.lower() != w or not w.endswith("s") or w.endswith("ss"):
        return None
    cands = ([w[:-3] + "y"] if w.endswith("ies") else []) + [w[:-1], w[:-2]]
    return next((c for c in cands if c in _document_nouns()), None)


def _make_verb(t: Token, lemma: str, tag: str) -> None:
    t.pos_ = "VERB"
    t.tag_ = tag
    t.lemma_ = lemma


def _past_form(t: Token) -> bool:
    w = t.lower_
    return w.endswith("ed") or w in _data()["irregular_participles"]


def _hidden_clause_verb(t: Token) -> bool:
    """ "On June 3 Major Taylor of the 100th captured two American gunboats": a past verb the parser hung on its
    object as a modifier ("the 100th captured two ... gunboats" read as one noun phrase) in a sentence headed by a
    noun. A participle describing a noun never stands before that noun's determiner or number ("the captured two
    gunboats" is no English), so the word is the verb of the sentence: it takes the sentence's head noun as its
    subject, the noun as its object and the time phrases set before the subject."""
    h, r = t.head, t.sent.root
    if t.tag_ not in ("VBD", "VBN") or h.i <= t.i or r.pos_ not in ("NOUN", "PROPN") or not r.i < t.i:
        return False
    if not any(c.dep_ in ("det", "nummod", "poss") and t.i < c.i < h.i for c in h.children):
        return False
    before = t.doc[t.i - 1]
    if before.dep_ in ("det", "advmod", "neg", "aux", "auxpass") or before.pos_ in ("DET", "ADV", "PART", "AUX", "PUNCT"):
        return False          # "an estimated 40,000 prisoners", "the so called '99 Boys"
    if any(c.pos_ in ("VERB", "AUX") and c.dep_ in ("ccomp", "xcomp", "advcl") for c in r.children):
        return False          # the sentence's head noun carries a verb of its own
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    first = [c for c in h.children if c.i < t.i]      # "the 100th": what the parser put before the verb
    old_head, old_dep = h.head, h.dep_
    t.head = t
    t.dep_ = "ROOT"
    for c in list(r.children):
        if c.i > t.i or (c.dep_ in ("prep", "npadvmod", "advmod") and c.i < r.i):
            c.head = t
    r.head = t
    r.dep_ = "nsubj"
    h.head = t
    h.dep_ = "dobj"
    if first and old_dep == "pobj" and old_head.i < t.i:
        new = first[-1]
        new.head = old_head
        new.dep_ = "pobj"
        for c in first[:-1]:
            c.head = new
    _make_verb(t, lemma, "VBD")
    return True


def _finite_elsewhere(t: Token) -> bool:
    """A verb of the sentence other than `t` that heads a clause of its own (not a modifier of a noun)."""
    return any(w.i != t.i and w.pos_ in ("VERB", "AUX") and w.dep_ not in ("amod", "compound", "acl", "relcl", "advcl", "xcomp", "pcomp")
               for w in t.sent)


def _take_root(t: Token, r: Token, lemma: str) -> None:
    """`t` becomes the verb heading the sentence headed by the noun `r`, with `r` as its subject: what hung on `r`
    after `t` and the time/place phrases set before `r` go to `t`."""
    t.head = t
    t.dep_ = "ROOT"
    for c in list(r.children):
        if c.i == t.i:
            continue
        if c.i > t.i or (c.dep_ in ("prep", "npadvmod", "advmod", "punct") and c.i < r.i):
            c.head = t
            if c.dep_ in ("acl", "relcl"):
                c.dep_ = "advcl"          # "..., bottling up the British": a clause on the verb now
    r.head = t
    r.dep_ = "nsubj"
    _make_verb(t, lemma, "VBD")


def _group_noun(h: Token) -> bool:
    """A people or a force ("the Turks", "the militia", "the rebels"), not a place or a thing: the subjects a
    participle-looking act verb is misread after."""
    from .predicates import arg_classes
    cls = arg_classes(h)
    return (h.ent_type_ == "NORP" or bool(cls & {"force", "people"})) and "place" not in cls


def _group_subject(t: Token) -> bool:
    """ "The Turks counterattacked in April", "the militia converged on Boston": a past verb the parser hung on
    the noun just before it as a modifier, in a sentence that has no other verb of its own, where that noun is
    the sentence's head. A participle modifying the whole sentence's head noun would leave a sentence without a
    verb, so the word is the sentence's verb and the noun its subject. A participle with its own agent ("troops
    sent by the king") or after a comma ("the army, commanded by Gates") is a modifier and stays."""
    h = t.head
    if t.tag_ not in ("VBD", "VBN") or t.dep_ != "acl" or h.i != t.i - 1 or h.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "agent" for c in t.children) or not t.sent.text.rstrip()[-1:] in ".!?":
        return False
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    r = t.sent.root
    if h.i == r.i and h.dep_ == "ROOT" and not _finite_elsewhere(t) and _group_noun(h):
        _take_root(t, h, lemma)
        return True
    # "In mid-February, the PVA counterattacked with the Fourth Phase Offensive, launched from Hoengsong": the
    # noun is the subject of a bare participle after a comma that the parser took for the sentence's verb (no
    # auxiliary of its own); that participle describes the last noun before it, and the first word is the verb
    if (h.dep_ == "nsubj" and h.head.i == r.i and r.tag_ == "VBN" and r.i > t.i and r.doc[r.i - 1].text == ","
            and not any(c.dep_ in ("aux", "auxpass") for c in r.children)):
        old = r
        t.head = t
        t.dep_ = "ROOT"
        for c in list(old.children):
            if c.i < h.i and c.dep_ in ("prep", "npadvmod", "advmod", "punct"):
                c.head = t
        h.head = t
        old.head = t
        old.dep_ = "advcl"
        _make_verb(t, lemma, "VBD")
        return True
    return False


def _name_swallowed_verb(t: Token) -> bool:
    """ "the Tripartite Pact united Japan, Italy and Germany": a lower-case past form the tagger took for a word of
    a proper name (a name's words are capitalised) in a sentence headed by a noun before it, with no verb of its
    own: the word is the sentence's verb, the name before it its subject and the noun it was hung on its object."""
    r = t.sent.root
    if t.pos_ != "PROPN" or t.dep_ != "compound" or r.pos_ not in ("NOUN", "PROPN") or not r.i < t.i:
        return False
    if not _past_form(t) or _finite_elsewhere(t) or t.doc[t.i - 1].i != r.i:
        return False
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    obj = t.head
    _take_root(t, r, lemma)
    if obj.i > t.i:
        obj.head = t
        obj.dep_ = "dobj"
    return True


def _conjoined_verb(t: Token) -> bool:
    """ "The army launched an offensive against the border posts, and soon besieged the positions at the river":
    a past verb after "and" and an adverb of sequence ("soon", "then", "later"; repair.json clause_adverbs) that
    the parser hung on its object as a modifier. A sentence headed by a past verb with a subject goes on with a
    second verb of the same subject there: the word is that verb, conjoined to the sentence's, the noun its
    object. Without the adverb ("and captured soldiers") the noun phrase reading stays."""
    h, r = t.head, t.sent.root
    adv = t.doc[t.i - 1] if t.i > 0 else None
    cc = t.doc[t.i - 2] if t.i > 1 else None
    if (t.tag_ not in ("VBD", "VBN") or h.i <= t.i or h.pos_ not in ("NOUN", "PROPN") or adv is None or cc is None
            or adv.lower_ not in _data()["clause_adverbs"] or cc.lower_ != "and" or cc.i < 1):
        return False
    before = t.doc[cc.i - 1]
    if before.pos_ not in ("NOUN", "PROPN", "NUM", "PUNCT") or not _past_form(t):
        return False
    if h.dep_ in ("nsubj", "nsubjpass") or (h.head.i > t.i and h.head.pos_ in ("VERB", "AUX")):
        return False          # "and then wounded soldiers were carried away": the noun is a later verb's subject
        return False
    if r.pos_ != "VERB" or r.tag_ != "VBD" or not r.i < cc.i or not any(c.dep_ == "nsubj" for c in r.children):
        return False
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    t.head = r
    t.dep_ = "conj"
    cc.head = r
    cc.dep_ = "cc"
    adv.head = t
    adv.dep_ = "advmod"
    h.head = t
    h.dep_ = "dobj"
    _make_verb(t, lemma, "VBD")
    return True


def _verbless_subject_verb(t: Token) -> bool:
    """ "Soon after that, another strategic offensive forced the enemy troops from the region.": a sentence with no
    verb at all, where the parser hung a past verb on its object as a modifier and took the words before it for
    the object's modifiers. A participle describing a noun follows a determiner or an adverb, not a noun of its
    own; after a noun (or a word the tagger made an adjective, "offensive") in a sentence that needs a verb, the
    word is the verb and that word its subject."""
    h, r = t.head, t.sent.root
    subj = t.doc[t.i - 1] if t.i > 0 else None
    if (t.tag_ not in ("VBD", "VBN") or h.i <= t.i or subj is None or subj.head.i != h.i or subj.dep_ not in ("amod", "compound")
            or subj.pos_ not in ("NOUN", "ADJ") or not _past_form(t) or _finite_elsewhere(t) or r.pos_ in ("VERB", "AUX")
            or not r.i < t.i or t.sent.text.rstrip()[-1:] != "."):
        return False
    if any(w.pos_ == "PUNCT" for w in t.doc[subj.i:h.i]):
        return False
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    before = [c for c in h.children if c.i < subj.i]
    t.head = t
    t.dep_ = "ROOT"
    for c in list(r.children):
        if c.i > t.i or c.dep_ in ("punct",) and c.i < r.i:
            c.head = t
    r.head = t
    r.dep_ = "prep" if r.pos_ == "ADP" else "npadvmod"
    subj.head = t
    subj.dep_ = "nsubj"
    for c in before:
        c.head = subj
    h.head = t
    h.dep_ = "dobj"
    _make_verb(t, lemma, "VBD")
    return True


def _date_swallowed_subject(t: Token) -> bool:
    """ "On 3 May 1998 guerrillas of the FARC attacked the town", "In June 1920 soldiers of the Red Army captured
    Kiev": the parser reads the opening date and the plural force or people after it as one prepositional phrase,
    and the verb after them has no subject. The date is the preposition's object and the noun the verb's subject."""
    if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and t.i > t.sent.start:
        # "On 3 May British troops led by X captured ...": the preposition is the verb's, its date hung on the noun
        return _date_swallowed_by_subject(t)
    if t.dep_ != "pobj" or t.tag_ not in ("NNS", "NNPS"):
        return False
    prep = t.head
    verb = prep.head
    if prep.dep_ != "prep" or prep.i != t.sent.start or verb.pos_ != "VERB" or verb.i < t.i or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or not _group_noun(t):
        return False
    dates = [c for c in t.children if c.i < t.i and c.ent_type_ == "DATE"]
    if not dates:
        return False
    head = max(dates, key=lambda c: c.i)       # "May" of "3 May 1998", "June" of "June 1920"
    for c in dates:
        if c.i != head.i:
            c.head = head
    head.head, head.dep_ = prep, "pobj"
    t.head, t.dep_ = verb, "nsubj"
    return True


def _date_swallowed_by_subject(t: Token) -> bool:
    prep, verb = t.sent[0], t.head
    if prep.dep_ != "prep" or prep.head.i != verb.i or any(c.dep_ == "pobj" for c in prep.children):
        return False
    if verb.pos_ != "VERB" or verb.i < t.i or not _group_noun(t):
        return False
    # ("3" of "3 May" may be tagged a cardinal)
    dates = [c for c in t.children if c.i < t.i and (c.ent_type_ == "DATE" or c.like_num)
             and c.dep_ in ("nmod", "nummod", "compound")]
    if not any(c.ent_type_ == "DATE" for c in dates) or min(c.i for c in dates) != prep.i + 1:
        return False
    head = max((c for c in dates if c.ent_type_ == "DATE"), key=lambda c: c.i)
    for c in dates:
        if c.i != head.i:
            c.head = head
    head.head, head.dep_ = prep, "pobj"
    return True


def _conjoined_noun_verb(t: Token) -> bool:
    """ "Habré's troops entered Aouzou on 8 August, but a Libyan counteroffensive retook the town at the end of the
    month": a past form after "and"/"but" and a noun phrase, which the tagger read as a noun joined to the first
    clause's verb (its words before it as modifiers, the noun after it in apposition). A noun is not the past form
    of a verb our classes name and keeps its lemma ("retook" stays "retook"): the word is the second clause's verb,
    the word before it the head of its subject, the noun phrase after it its object."""
    h = t.head
    if t.dep_ != "conj" or h.pos_ != "VERB" or h.i > t.i or not _past_form(t) or t.lemma_.lower() != t.lower_:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
        return False
    pre = sorted((c for c in t.children if c.i < t.i), key=lambda c: c.i)
    subj = t.doc[t.i - 1]
    if not pre or pre[-1].i != subj.i or subj.pos_ not in ("NOUN", "ADJ", "PROPN") \
            or any(c.dep_ not in ("det", "amod", "compound", "poss", "nummod") for c in pre):
        return False
    opener = t.doc[pre[0].i - 1]
    if opener.dep_ != "cc" or opener.head.i != h.i:
        return False
    lemma = verb_lemma(t.text)
    if lemma is None:
        return False
    subj.head, subj.dep_ = t, "nsubj"
    if subj.pos_ == "ADJ":
        subj.pos_, subj.tag_ = "NOUN", "NN"
    for c in pre[:-1]:
        c.head = subj
    for c in t.children:
        if c.i > t.i and c.dep_ in ("appos", "compound", "npadvmod") and c.pos_ in ("NOUN", "PROPN"):
            c.dep_ = "dobj"
    _make_verb(t, lemma, "VBD")
    return True


def _causative_participle(t: Token) -> bool:
    """ "Mengistu had his rivals killed", "the king had the ministers arrested": the parser reads the participle after
    a causative "have"/"get" and its object as a clause of its own, the object its active subject. What was done to
    them is the participle's passive: the noun is its passive subject (the act is done, by the causer)."""
    h = t.head
    if t.tag_ != "VBN" or t.dep_ != "ccomp" or h.i == t.i or h.lemma_.lower() not in _data()["causative_have"]:
        return False
    if h.i > t.i or any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dobj") for c in t.children):
        return False
    subj = [c for c in t.children if c.dep_ == "nsubj" and h.i < c.i < t.i]
    if len(subj) != 1 or not any(c.dep_ == "nsubj" for c in h.children):
        return False
    subj[0].dep_ = "nsubjpass"
    return True


def repair(doc: Doc) -> int:
    """Repairs the doc in place; returns how many words it read as verbs."""
    lex = _data()
    be = set(lex["be_forms"])
    n = 0
    verbs = _verb_lemmas()
    for t in doc:
        if t.pos_ == "PROPN":
            singular = plural_name_lemma(t)
            if singular:
                t.lemma_ = singular
        if t.pos_ not in ("NOUN", "ADJ", "PROPN", "VERB") or not t.is_lower or not t.is_alpha:
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() not in verbs and t.lemma_.lower() in (t.lower_, t.lower_[:-1]):
            # a lemma the lemmatizer left as the word or cut by one letter on a prefixed verb ("retook" -> retook,
            # "reoccupied" -> reoccupie): the verb its form is of, when our predicate classes name it (no act is
            # invented; "found" -> find is a lemma of its own and stays)
            lemma = verb_lemma(t.text)
            if lemma and lemma != t.lemma_.lower():
                t.lemma_ = lemma
                if t.lower_ != lemma and (t.tag_ == "VB" or (t.tag_ == "VBP" and t.lower_ in lex["irregular_participles"])):
                    t.tag_ = "VBD"        # "retook" read as a base or present form
        # a verb the parser hung on a noun as its modifier: the first repair that applies rewires it
        if t.pos_ == "VERB" and t.dep_ == "amod" and any(
                fix(t) for fix in (_hidden_clause_verb, _verbless_subject_verb, _conjoined_verb)):
            n += 1
            continue
        if t.pos_ == "VERB" and t.dep_ == "acl" and _group_subject(t):
            n += 1
            continue
        if t.pos_ == "PROPN" and _name_swallowed_verb(t):
            n += 1
            continue
        if t.pos_ == "NOUN" and _date_swallowed_subject(t):
            n += 1
            continue
        if t.pos_ == "NOUN" and _conjoined_noun_verb(t):
            n += 1
            continue
        if t.pos_ == "VERB" and _causative_participle(t):
            n += 1
            continue
        if t.pos_ == "VERB" and t.dep_ != "acomp":
            continue
        kids = list(t.children)
        # "it was overrun", "the fort was stormed": a noun or adjective with a passive auxiliary of its own
        if t.pos_ in ("NOUN", "ADJ") and any(c.dep_ == "auxpass" and c.lower_ in be for c in kids) and _past_form(t):
            lemma = verb_lemma(t.text)
            if lemma:
                _make_verb(t, lemma, "VBN")
                n += 1
            continue
        # "insurrection and the spirit of popular sovereignty spread throughout France": the sentence's head
        # word, with a subject before it and no verb in its sentence, is its verb
        if (t.pos_ == "NOUN" and t.dep_ == "ROOT" and t.tag_ == "NN"
                and any(c.dep_ == "nsubj" and c.i < t.i and c.pos_ in ("NOUN", "PROPN", "PRON") for c in kids)
                and not any(c.dep_ == "det" for c in kids)
                and not any(w.pos_ in ("VERB", "AUX") and w.dep_ not in ("amod", "compound") for w in t.sent)
                and t.sent.text.rstrip()[-1:] in ".!?"):
            lemma = verb_lemma(t.text)
            if lemma:
                _make_verb(t, lemma, "VBD")
                n += 1
            continue
        # "Fort Schlosser was surprised on July 5": a participle read as the complement of "was/were" is the
        # passive verb; "was" becomes its auxiliary and hands it its subject and modifiers
        h = t.head
        if ((t.dep_ == "acomp" and (t.pos_ == "ADJ" or t.tag_ == "VBN")
             # "Laos and Cambodia were overrun", "the positions were overrun": a bare noun right after "were"
             or (t.dep_ in ("attr", "acomp") and t.pos_ == "NOUN" and not any(c.dep_ in ("det", "amod", "compound", "poss", "nummod") for c in kids)))
                and h.lower_ in be and h.i == t.i - 1 and _past_form(t)
                and not any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex["degree_words"] for c in kids)
                and (t.pos_ == "NOUN" or not any(c.dep_ == "prep" and c.lower_ in lex["adjective_preps"] for c in kids))):
            lemma = verb_lemma(t.text)
            if not lemma:
                continue
            for c in list(h.children):
                if c.i == t.i:
                    continue
                c.head = t
                if c.dep_ == "nsubj":
                    c.dep_ = "nsubjpass"
            t.head = t if h.head.i == h.i else h.head       # the participle takes "was"'s place in the tree
            t.dep_ = h.dep_
            h.head = t
            h.dep_ = "auxpass"
            _make_verb(t, lemma, "VBN")
            n += 1
    return n
