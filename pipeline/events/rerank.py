"""Re-ranking rule candidates: how likely an event row is a real, rightly dated event.

The rules (predicates.py, extract.py) propose every candidate with a rule confidence that says how its
date was linked (its own date 0.9, the governing predicate's 0.7, the narrative's 0.45 ...). Whether a
candidate is a real event depends on more than that link: the clause's role in the sentence, tense and
voice, whether the sentence has dates of its own, the type. A logistic model over such features, trained
on hand-made gold of development documents only (bench/train_reranker.py, checked leave-one-document-out),
turns them into the row's confidence; the chronicle keeps rows above `chronicle_min_confidence`. The
features are classes of the parse and the rules, never words, so they hold on any narrative. The model
is data (reranker.json); without it the rule confidence stands.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..time.calendar import day_number

MODEL_FILE = Path(__file__).with_name("reranker.json")
DEPS = {"ROOT", "conj", "advcl", "relcl", "xcomp", "ccomp", "pcomp", "acl", "pobj", "dobj", "nsubj",
        "nsubjpass", "appos", "compound", "npadvmod", "attr", "advmod", "parataxis"}
TAGS = {"VBD", "VBN", "VBG", "VBZ", "VBP", "VB", "NN", "NNS", "NNP", "JJ"}


def _bucket(n: int, cuts: tuple[int, ...]) -> str:
    for c in cuts:
        if n <= c:
            return f"<={c}"
    return f">{cuts[-1]}"


def candidate_features(*, label: str, rule: str, rule_confidence: float, tok, date: dict, sentence_id: str,
                       n_sent_dates: int, n_preds: int, n_actors: int, from_parse: bool, has_quantity: bool,
                       sent_text: str, first_in_paragraph: bool, rel_pos: float) -> dict[str, float]:
    """Binary and scaled features of one candidate (tok: the trigger's head token in the parse, or None)."""
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
    return f


def sentence_features(rows: list[dict], tokens: list) -> None:
    """Features relating a sentence's candidates to each other, then the model's confidence for each: a
    candidate inside another's clause on the same date is usually part of that act ("took the town,
    closing the border"; "repelled the attack")."""
    for i, (row, tok) in enumerate(zip(rows, tokens)):
        f = row["_features"]
        same = [(r, t) for j, (r, t) in enumerate(zip(rows, tokens))
                if j != i and (r["start_date"], r["end_date"]) == (row["start_date"], row["end_date"])]
        f[f"same_date_rows={_bucket(len(same), (0, 1, 2))}"] = 1.0
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
        learned = probability(f)
        if learned is not None:
            row["confidence"] = round(learned, 2)


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
