"""What a number counts, read off the dependency parse: the counted noun, its nationality, its state."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .patterns import counted_lexicon

TIME_NOUNS = {"day", "week", "month", "year", "decade", "century", "hour", "minute", "time", "period"}
NUM_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod", "npadvmod", "appos", "det"}


@lru_cache(maxsize=1)
def _sets():
    lex = counted_lexicon()
    return (lex["states"], set(lex["casualty_nouns"]), set(lex["strength_nouns"]),
            set(lex["population_nouns"]), set(lex["population_cues"]), set(lex["claim_verbs"]),
            set(lex["claim_nouns"]))


def number_token(span: Span) -> Token:
    for tok in reversed(span):
        if tok.like_num or tok.pos_ == "NUM" or tok.text.lower() in ("hundreds", "thousands", "dozens", "millions", "score"):
            return tok
    return span[-1]


def _root(noun: Token) -> Token:
    while noun.dep_ == "compound" and noun.head is not noun and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun


def _pobj_after(doc: Doc, i: int, preps: tuple[str, ...]) -> Token | None:
    for j in range(i, min(i + 3, len(doc))):
        t = doc[j]
        if t.lower_ in preps and t.pos_ == "ADP":
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                return _root(objs[0])
        if t.pos_ not in ("PUNCT", "SPACE", "ADV"):
            if t.lower_ not in preps:
                return None
    return None


def counted_noun(span: Span, unit: str = "count") -> Token | None:
    tok = number_token(span)
    doc = tok.doc
    head = tok.head
    if unit in ("percent", "fraction", "km2", "mi2", "ha") or unit.isupper():
        obj = _pobj_after(doc, span.end, ("of",) if unit not in ("USD", "EUR", "GBP", "AZN", "RUB", "AMD")
                          else ("for", "on", "in", "of", "to"))
        if obj is not None:
            return obj
    # the number modifies a noun outside its own span ("3,825 troops")
    if (tok.dep_ in NUM_DEPS and head.pos_ in ("NOUN", "PROPN") and not (span.start <= head.i < span.end)
            and head.ent_type_ not in ("DATE", "TIME") and not head.like_num and head.lemma_ not in TIME_NOUNS):
        if head.lower_ in ("%", "percent"):
            return None
        return _root(head)
    # "thousands of casualties", "three of the soldiers"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return _root(obj)
    # "the number of civilian fatalities ... was at least 185": the copula's subject
    if tok.dep_ in ("attr", "dobj", "pobj", "nsubj", "acomp") and head.lemma_ in ("be", "reach", "total", "stand"):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            of_obj = [o for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                      for o in c.children if o.dep_ == "pobj"]
            return _root(of_obj[0]) if of_obj and subj.lemma_ in ("number", "total", "toll", "count") else _root(subj)
    # the next noun a few tokens on ("7 soldiers" in table cells, parse fragments)
    for j in range(span.end, min(span.end + 4, len(doc))):
        t = doc[j]
        if t.is_sent_start:
            break
        if t.lemma_ in TIME_NOUNS:
            break
        if t.pos_ == "NOUN" or (t.pos_ == "PROPN" and t.text in _sets()[2] | _sets()[3]):
            return _root(t)
        if t.pos_ not in ("ADJ", "PROPN", "ADV", "DET", "SPACE") and t.lower_ not in ("more", "other"):
            break
    if unit == "count":
        # "fatalities were reported to be between 5,856 and 6,000": climb to the verb, take its subject
        node = tok
        for _ in range(4):
            if node.head is node:
                break
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ == "NOUN" and not (span.start <= subj.i < span.end):
                    return _root(subj)
                if node.dep_ not in ("xcomp", "ccomp", "auxpass", "aux"):
                    break
    return None


def modifiers(noun: Token) -> list[Token]:
    return [c for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound", "poss")
            and (c.text[:1].isupper() or c.lower_ in ("civilian", "military", "ethnic", "active"))
            and c.ent_type_ not in ("DATE", "CARDINAL")]


def state_of(noun: Token | None, num: Token) -> str:
    states = _sets()[0]
    candidates = []
    if noun is not None:
        base = noun
        while base.dep_ == "conj" and base.head is not base:
            base = base.head
        candidates += [c for c in noun.children if c.dep_ in ("acl", "amod", "relcl")]
        candidates += [c for c in base.children if c.dep_ in ("acl", "amod", "relcl")]
        h = base.head
        if base.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "conj"):
            candidates.append(h)
            if h.dep_ in ("prep", "agent") and h.head is not h:
                candidates.append(h.head)
            if h.dep_ in ("xcomp", "ccomp", "conj") and h.head is not h:
                candidates.append(h.head)
            candidates += [c for c in h.children if c.dep_ in ("acomp", "xcomp", "conj")]
        if noun.lower_ in ("dead", "killed", "wounded", "missing", "injured"):
            candidates.append(noun)
        window = noun.doc[noun.i + 1: min(noun.i + 4, len(noun.doc))]
        candidates += [t for t in window if t.lower_ in ("killed", "dead", "wounded", "missing", "injured",
                                                           "captured", "displaced", "released")]
    else:
        candidates.append(num.head)
    if num.dep_ in ("nsubj", "nsubjpass", "dobj") and num.head is not num:
        candidates.append(num.head)        # "two of its soldiers died": the number is the subject
    for c in candidates:
        for key in (c.lemma_.lower(), c.lower_):
            if key in states:
                if key in ("lose", "lost") and noun is not None and noun.text not in _sets()[2]:
                    continue
                return states[key]
    return ""


def describe(span: Span, unit: str, table_side: str = "", sent: Span | None = None) -> tuple[str, str, str]:
    """(counted, category, state) for a quantity span."""
    states, casualty_nouns, strength_nouns, population_nouns, pop_cues, _, _ = _sets()
    num = number_token(span)
    noun = counted_noun(span, unit)
    personal = noun is not None and (noun.text in casualty_nouns | strength_nouns | population_nouns
                                     or noun.lemma_ + "s" in strength_nouns | population_nouns
                                     or noun.ent_type_ == "NORP" or any(m.ent_type_ == "NORP" for m in modifiers(noun))
                                     or noun.lemma_ in ("people", "person", "man", "woman", "child", "member"))
    state = state_of(noun, num) if unit == "count" and (personal or noun is None) else ""
    words = []
    if noun is not None:
        mods = modifiers(noun)
        if table_side and not mods:
            words.append(table_side)
        left = min([m.i for m in mods] + [noun.i])
        words.append(noun.doc[left:noun.i + 1].text)
    elif unit in ("km2", "mi2", "ha"):
        words.append("territory")
    elif table_side:
        words.append(table_side)
    if state and (noun is None or noun.lower_ != state):
        words.append(state)
    counted = " ".join(words)
    sent_lower = (sent if sent is not None else span.sent).text.lower()
    if unit in ("USD", "EUR", "GBP", "AZN", "RUB", "AMD"):
        category = "money"
    elif unit == "percent":
        category = "percent"
    elif unit in ("km2", "mi2", "ha"):
        category = "area"
    elif unit == "fraction":
        category = "area" if any(w in sent_lower for w in ("territor", "land", "region", "area")) else "other"
    elif state in ("killed", "wounded", "missing", "captured", "displaced", "released") or (
            noun is not None and (noun.text in casualty_nouns or noun.lemma_ in casualty_nouns)):
        category = "casualties"
    elif noun is not None and (noun.text in strength_nouns or noun.lemma_ + "s" in strength_nouns):
        category = "strength"
    elif noun is not None and (noun.text in population_nouns) and any(c in sent_lower for c in pop_cues):
        category = "population"
    elif noun is not None and noun.text in ("residents", "inhabitants", "population"):
        category = "population"
    else:
        category = "other"
    return counted, category, state


def according_positions(doc: Doc) -> list[int]:
    """Token indices of every "according to" in the Doc (computed once per Doc)."""
    return [t.i for t in doc if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to"]


def claimant(span: Span, sent: Span | None = None, according: list[int] | None = None) -> tuple[int, int] | None:
    """Char span (within the Doc) of who states the figure: 'According to X', 'X stated ...'."""
    _, _, _, _, _, claim_verbs, claim_nouns = _sets()
    sent = sent if sent is not None else span.sent
    doc: Doc = span.doc
    if according is None:
        according = according_positions(doc)
    for i in according:
        if not (sent.start <= i < sent.end):
            continue
        to = doc[i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or ([doc[i + 2]] if i + 2 < len(doc) else [])
        if not objs:
            continue
        obj = objs[0]
        left = min(t.i for t in obj.subtree)
        # the claimant's phrase without its relative clauses and appositions
        right = max(t.i for t in obj.subtree if not (t.dep_ in ("relcl", "acl", "appos", "punct") or
                                                    any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors if a.i > obj.i)))
        if left > i + 1 and right >= left:
            return doc[left].idx, doc[right].idx + len(doc[right])
    num = number_token(span)
    node = num
    for _ in range(8):
        if node.lemma_.lower() in claim_verbs and node.pos_ in ("VERB", "AUX"):
            subj = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
            if subj is not None and not (span.start <= subj.i < span.end):
                left = min(t.i for t in subj.subtree)
                right = max(t.i for t in subj.subtree)
                if right - left <= 8:
                    return doc[left].idx, doc[right].idx + len(doc[right])
        if node.head is node:
            break
        node = node.head
    return None
