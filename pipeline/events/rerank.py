"""Re-ranking rule candidates: how likely an event row is a real, rightly dated event.

The rules (predicates.py, extract.py) propose every candidate with a rule confidence that says how its
date was linked (its own date 0.9, the governing predicate's 0.7, the narrative's 0.45 ...). Whether a
candidate is a real event depends on more than that link: the clause's role in the sentence, tense and
voice, whether the sentence has dates of its own, the type. A logistic model over such features, trained
on hand-made gold of development documents only (bench/train_reranker.py, checked leave-one-document-out),
decides which side of the chronicle floor (`chronicle_min_confidence`) a candidate is on (`decided`); a
"promote" model only lifts candidates the rules left under it. The features are classes of the parse, the
rules and the predicate lexicon, never words, so they hold on any narrative. The model is data
(reranker.json, with how it was trained in its own metadata); without it the rule confidence stands.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..time.calendar import day_number
from .predicates import _lemma, lexicon

MODEL_FILE = Path(__file__).with_name("reranker.json")
DEPS = {"ROOT", "conj", "advcl", "relcl", "xcomp", "ccomp", "pcomp", "acl", "pobj", "dobj", "nsubj",
        "nsubjpass", "appos", "compound", "npadvmod", "attr", "advmod", "parataxis"}
SUBORDINATE = ("advcl", "relcl", "ccomp", "acl", "xcomp", "pcomp", "csubj")
TAGS = {"VBD", "VBN", "VBG", "VBZ", "VBP", "VB", "NN", "NNS", "NNP", "JJ"}


def _bucket(n: int, cuts: tuple[int, ...]) -> str:
    for c in cuts:
        if n <= c:
            return f"<={c}"
    return f">{cuts[-1]}"


def candidate_features(*, label: str, rule: str, rule_confidence: float, tok, date: dict, sentence_id: str,
                       n_sent_dates: int, n_preds: int, n_actors: int, from_parse: bool, has_quantity: bool,
                       sent_text: str, first_in_paragraph: bool, rel_pos: float, date_distance: int = 0,
                       date_same_paragraph: bool = True, date_tok=None) -> dict[str, float]:
    """Binary and scaled features of one candidate (tok: the trigger's head token in the parse, or None; date_tok:
    the head token of its date when the date is written in its sentence)."""
    f = {f"src={round(rule_confidence, 2)}": 1.0, "conf": rule_confidence, f"type={label}": 1.0}
    if rule:
        f[f"rule={rule.split(':')[-1]}"] = 1.0
    if tok is not None:
        dep = tok.dep_ if tok.dep_ in DEPS else "dep_other"
        f[f"dep={dep}"] = 1.0
        f[f"tag={tok.tag_ if tok.tag_ in TAGS else 'tag_other'}"] = 1.0
        deps = {c.dep_ for c in tok.children}
        if deps & {"nsubj", "nsubjpass"}:
            f["has_subject"] = 1.0
            subj = next(c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass"))
            if subj.ent_type_:
                f[f"subject_ent={subj.ent_type_ if subj.ent_type_ in ('GPE', 'NORP', 'ORG', 'PERSON') else 'other'}"] = 1.0
            elif subj.pos_ == "PRON":
                f["subject_pronoun"] = 1.0
        if deps & {"auxpass", "nsubjpass"}:
            f["passive"] = 1.0
        if deps & {"dobj", "obj"}:
            f["has_object"] = 1.0
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children):
            f["pluperfect"] = 1.0
        if tok.sent is not None and tok.sent.root.i == tok.i:
            f["sentence_root"] = 1.0
        if "neg" in deps:
            f["negated"] = 1.0
        if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
            f["modal"] = 1.0
        if "mark" in deps:
            f["marked_clause"] = 1.0          # "after they took ...", "when ...", "if ..."
        # the predicate lexicon's classes (predicates.json), never the words: a saying verb, a state, a light verb,
        # a clause a saying or non-factual word reports
        lex = lexicon()
        lemma = _lemma(tok)
        for key in ("saying_verbs", "stative_verbs", "light_verbs"):
            if lemma in lex[key]:
                f[f"lexicon={key}"] = 1.0
        if deps & {"ccomp"}:
            f["takes_clause"] = 1.0
        if any(_lemma(a) in lex["_reporting"] for a in tok.ancestors):
            f["reported"] = 1.0
        clause = next((a.dep_ for a in [tok, *tok.ancestors] if a.dep_ in SUBORDINATE), None)
        if clause:
            f[f"subordinate={clause}"] = 1.0
        if date_tok is not None and date_tok.doc is tok.doc:
            f.update(date_attachment(tok, date_tok))
    else:
        f["no_trigger"] = 1.0
    own_sentence = date.get("sentence_id") == sentence_id
    f["date_in_sentence" if own_sentence else "date_elsewhere"] = 1.0
    f[f"granularity={date.get('granularity') or 'none'}"] = 1.0
    f[f"kind={date.get('kind') or 'none'}"] = 1.0
    if date.get("period_id"):
        f["period"] = 1.0
    a, b = day_number(date.get("start_date")), day_number(date.get("end_date"))
    if a is not None and b is not None:
        f["width"] = min(math.log10(1 + max(b - a, 0)) / 4.0, 1.5)
    f[f"sent_dates={_bucket(n_sent_dates, (0, 1, 2))}"] = 1.0
    f[f"preds={_bucket(n_preds, (1, 2, 3))}"] = 1.0
    f[f"actors={_bucket(n_actors, (0, 1))}"] = 1.0
    if from_parse:
        f["actors_from_parse"] = 1.0
    if has_quantity:
        f["quantity"] = 1.0
    if first_in_paragraph:
        f["first_in_paragraph"] = 1.0
    if '"' in sent_text or "“" in sent_text:
        f["quote_marks"] = 1.0
    f[f"length={_bucket(len(sent_text.split()), (12, 25, 40))}"] = 1.0
    f["rel_pos"] = rel_pos
    if not own_sentence:
        # how far back the date the candidate took was written: the narrative's date goes stale
        f[f"date_distance={_bucket(date_distance, (150, 400, 1000, 2500))}"] = 1.0
        f["date_same_paragraph" if date_same_paragraph else "date_other_paragraph"] = 1.0
    return f


PREDICATE_POS = ("VERB", "AUX")


def date_attachment(tok, date_tok) -> dict[str, float]:
    """Where the date written in the candidate's sentence hangs in the parse (the first predicate above it): on this
    predicate ("took the town in May"), on one governing it ("in May they took the town and the navy sailed" for
    "sailed"), on one under it ("the army that had fallen back in May took the town" for "took"), or on a clause
    neither governs; whether it is written before or after the trigger and how many tokens lie between them."""
    head = next((a for a in [date_tok, *date_tok.ancestors] if a.i == tok.i or a.pos_ in PREDICATE_POS), None)
    if head is not None and head.i == tok.i:
        where = "own"
    elif head is None:
        where = "unattached"
    elif head.is_ancestor(tok):
        where = "governing"
    elif tok.is_ancestor(head):
        where = "below"
    else:
        where = "other_clause"
    return {f"date_attach={where}": 1.0, f"date_tokens={_bucket(abs(tok.i - date_tok.i), (3, 8, 15))}": 1.0,
            "date_after_trigger" if date_tok.i > tok.i else "date_before_trigger": 1.0}


def sentence_features(rows: list[dict], tokens: list) -> None:
    """Features relating a sentence's candidates to each other, then the model's confidence for each: a
    candidate inside another's clause on the same date is usually part of that act ("took the town,
    closing the border"; "repelled the attack")."""
    for i, (row, tok) in enumerate(zip(rows, tokens)):
        f = row["_features"]
        same = [(r, t) for j, (r, t) in enumerate(zip(rows, tokens))
                if j != i and (r["start_date"], r["end_date"]) == (row["start_date"], row["end_date"])]
        f[f"same_date_rows={_bucket(len(same), (0, 1, 2))}"] = 1.0
        others_sure = [r for j, r in enumerate(rows) if j != i and r["_rule_confidence"] >= FLOOR]
        f["other_row_above_floor" if others_sure else "no_other_row_above_floor"] = 1.0
        if len(rows) == 1:
            f["only_candidate"] = 1.0
        if tok is not None:
            others = [t for _, t in same if t is not None and t.i != tok.i]
            if any(t.is_ancestor(tok) for t in others):
                f["inside_same_date_act"] = 1.0
                if tok.head.i in {t.i for t in others}:
                    f[f"argument_of_same_date_act={tok.dep_ if tok.dep_ in DEPS else 'dep_other'}"] = 1.0
            if any(tok.is_ancestor(t) for t in others):
                f["governs_same_date_act"] = 1.0
            f[f"dep_tag={tok.dep_ if tok.dep_ in DEPS else 'dep_other'}|{tok.tag_ if tok.tag_ in TAGS else 'tag_other'}"] = 1.0
        f[f"src_type={f.get('conf', 0):.2f}|{row['event_type']}"] = 1.0
        m = model()
        if m is not None:
            row["confidence"] = decided(row["confidence"], probability(f, m), m, FLOOR, f)


FLOOR = 0.5              # the chronicle's floor (types.json chronicle_min_confidence)


def statement(features: dict) -> bool:
    """A saying verb with the clause it says ("argued that the country could not be taxed higher"): a statement
    the rules leave under the floor when the narrative dates it (tests/test_events_political_acts.py) stays there."""
    return bool(features.get("lexicon=saying_verbs") and features.get("takes_clause"))


def decided(rule_confidence: float, learned: float, m: dict, floor: float = FLOOR, features: dict | None = None) -> float:
    """The model decides only which side of the chronicle floor a candidate is on: one it puts at or above its
    own floor keeps its rule confidence, raised to the chronicle floor; one under keeps it, lowered to just
    under. So the grouping, which reads the rule confidence (0.75 and up: dated by its own words), holds.
    A "promote" model (trained on the candidates under the floor only) only lifts candidates the rules left
    under it; a candidate the rules keep stays kept."""
    if m.get("mode") == "promote" and (rule_confidence >= floor or statement(features or {})):
        if rule_confidence >= floor and demoted(rule_confidence, features, m.get("demote"), floor):
            return round(min(rule_confidence, floor - 0.01), 2)
        return rule_confidence
    if learned >= m.get("floor", 0.5):
        return round(max(rule_confidence, floor), 2)
    return round(min(rule_confidence, floor - 0.01), 2)


SURE = 0.75               # a candidate this sure is dated by its own words (chronicle.py SURE): never demoted


def demotable(rule_confidence: float, features: dict | None, d: dict | None, floor: float = FLOOR) -> bool:
    """A candidate the rules keep that a demote model may push under the floor: one the rules are not sure of
    (under SURE: dated by the sentence, the governing act or the narrative, not by its own words); with
    "elsewhere_only", one whose date was written outside its sentence."""
    if not d or features is None or not floor <= rule_confidence < d.get("below", SURE):
        return False
    return not d.get("elsewhere_only") or bool(features.get("date_elsewhere"))


def demoted(rule_confidence: float, features: dict | None, d: dict | None, floor: float = FLOOR) -> bool:
    """The demote side of a promote model (its "demote" part): a kept candidate it may demote and scores under
    its floor goes under the chronicle floor."""
    return demotable(rule_confidence, features, d, floor) and probability(features, d) < d["floor"]


COLLECT = False          # bench/train_reranker.py sets it: features are kept on every row for training


def wanted() -> bool:
    """Features are computed only to train a model or to apply one; the rules alone need none."""
    return COLLECT or model() is not None


@lru_cache(maxsize=1)
def model() -> dict | None:
    if not MODEL_FILE.exists():
        return None
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def probability(features: dict[str, float], weights: dict | None = None) -> float | None:
    """The model's probability that the candidate is a real event with the right date (None: no model)."""
    m = weights if weights is not None else model()
    if not m:
        return None
    w = m["weights"]
    z = m["bias"] + sum(v * w.get(k, 0.0) for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
