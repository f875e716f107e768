"""`chronicle_number_rules`: number candidates with values, counted noun and claimant (doc._.number_matches)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

import bisect

from .counted import according_positions, claimant, describe
from .patterns import lexicon, rules
from .values import unit_of, values_of

if not Doc.has_extension("number_matches"):
    Doc.set_extension("number_matches", default=None)
if not Doc.has_extension("number_warnings"):
    Doc.set_extension("number_warnings", default=None)

CONVERSION_OK = re.compile(r"^\s*[\d.,]+\s?[^\W\d_]{1,20}(?:\s[^\W\d_]{1,10})?\s*$")


@Language.factory("chronicle_number_rules", default_config={"rules_path": None, "lexicon_path": None})
def make_number_rules(nlp: Language, name: str, rules_path: str | None, lexicon_path: str | None):
    return NumberRules(rules_path, lexicon_path)


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " -":
        j -= 1
    i = j
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in "(-":
        i -= 1
    return text[i:j]


class NumberRules:
    def __init__(self, rules_path=None, lexicon_path=None):
        self.rules = rules(rules_path, lexicon_path)
        lex = lexicon(lexicon_path)
        self.identifier_before = set(lex["identifier_before"])
        self.skip_after_one = set(lex["skip_after_one"])
        self.not_designators = {w.lower() for w in lex.get("not_designators", [])}

    def __call__(self, doc: Doc) -> Doc:
        doc._.number_warnings = []
        doc._.number_matches = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[dict]:
        text = doc.text
        if not any(ch.isdigit() for ch in text) and not re.search(
                r"(?i)(?:\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|"
                r"thousand|million|dozen|score|third|quarter)|teen\b|ty\b)", text):
            return []
        dates = [(m["start"], m["end"]) for m in (doc._.time_matches or [])]
        cands = []
        for rule in self.rules:
            for m in rule.regex.finditer(text):
                s, e = m.span()
                g = {k: v for k, v in m.groupdict().items() if v is not None}
                if g.get("conv") is not None and not CONVERSION_OK.match(g["conv"]):
                    e = m.start("conv") - 1
                    g.pop("conv")
                while e > s and text[e - 1] in " ,(":
                    e -= 1
                if e <= s:
                    continue
                if g.get("conn") == "and" and (g.get("conn0") or "").lower() != "between":
                    continue
                cands.append((s, e, rule, g))
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[2].order, c[0]))
        tok_starts = [t.idx for t in doc]
        taken, out = [], []
        sents = list(doc.sents)
        sent_starts = [st.start for st in sents]
        according = according_positions(doc)
        for s, e, rule, g in cands:
            if any(s < te and ts < e for ts, te in taken):
                continue
            if any(s < de and ds < e for ds, de in dates):
                continue
            if self.is_identifier(text, s, e, g) or self.is_name(doc, text, s, e, g, tok_starts):
                continue
            try:
                vals = values_of(g)
                if vals is None:
                    continue
                low, high, qual = vals
                unit = unit_of(g)
                span = doc.char_span(s, e, alignment_mode="expand")
                counted, category, state = ("", "other", "")
                claim = None
                if span is not None and len(span):
                    sent = sents[bisect.bisect_right(sent_starts, span.start) - 1]
                    counted, category, state = describe(span, unit, sent=sent)
                    claim = claimant(span, sent=sent, according=according)
            except Exception as ex:  # noqa: BLE001 - one bad figure must not cost the document
                if doc._.number_warnings is not None:
                    doc._.number_warnings.append(
                        (s, e, f"quantity {text[s:e]!r} left out (rule {rule.name}: {type(ex).__name__}: {ex})"))
                continue
            taken.append((s, e))
            out.append({"start": s, "end": e, "rule": rule.name, "value_low": low, "value_high": high,
                        "unit": unit, "qualifier": qual, "counted": counted, "category": category,
                        "state": state, "claim": claim})
        out.sort(key=lambda d: (d["start"], d["end"]))
        fill_ellipsis(out, sents, sent_starts, doc)
        return out

    def is_name(self, doc: Doc, text: str, s: int, e: int, g: dict, tok_starts: list[int]) -> bool:
        """Numbers that name or point rather than count: clock times ("06:30"), list markers ("1. ",
        "2) " opening a line or a sentence), and designations, a bare number right after a proper
        noun ("Type 99 tanks", "Apollo 11", "Operation Storm 3", "Flight 17")."""
        if (e < len(text) - 1 and text[e] == ":" and text[e + 1].isdigit()) or (
                s > 1 and text[s - 1] == ":" and text[s - 2].isdigit()):
            return True
        if (not g.get("qual") and not g.get("n2") and re.fullmatch(r"\d{1,2}", text[s:e])
                and re.match(r"[.)]\s+\S", text[e:e + 3])
                and (s == 0 or re.search(r"(?:^|\n|[.!?:;]\s)\s*[(\[]?$", text[max(0, s - 4):s]))):
            return True
        if g.get("qual") or g.get("n2") or g.get("cur") or g.get("pct") or g.get("munit"):
            return False
        if not re.fullmatch(r"\d{1,5}", text[s:e]):
            return False
        i = bisect.bisect_right(tok_starts, s) - 1
        if i <= 0 or doc[i].idx != s:
            return False
        prev = doc[i - 1]
        if prev.is_sent_start or not prev.text[:1].isupper() or prev.idx + len(prev.text) + 1 != s:
            return False
        # a place or a people before a figure is an elided verb ("Armenia lost 300; Azerbaijan 200"), no name
        return (prev.tag_ in ("NNP", "NNPS") and prev.text.lower() not in self.not_designators
                and prev.ent_type_ not in ("GPE", "NORP", "LOC"))

    def is_identifier(self, text: str, s: int, e: int, g: dict) -> bool:
        token_start = text.rfind(" ", 0, s) + 1
        token_end = text.find(" ", e)
        token = text[token_start:token_end if token_end >= 0 else len(text)]
        if "://" in token or "www." in token or ("?" in token and "=" in token):
            return True               # numbers inside URLs and query strings
        prev = _prev_word(text, s)
        if prev in self.identifier_before or prev.rstrip(".") in self.identifier_before:
            return True
        if s > 0 and text[s - 1] in "-/#№" and not g.get("qual"):
            return True
        n1 = (g.get("n1") or "").lower()
        if n1 in ("one", "zero") and not g.get("qual") and not g.get("cur") and not g.get("munit"):
            nxt = re.match(r"\s*(\w+)", text[e:e + 20])
            if nxt and nxt.group(1).lower() in self.skip_after_one:
                return True
            if prev.lower() in ("no", "any", "every", "each", "only", "someone", "anyone", "the"):
                return True
        return False


def fill_ellipsis(found: list[dict], sents, sent_starts, doc: Doc) -> None:
    """"55% of Azerbaijan's weaponry in 2007-11, 85% in 2010-14": a figure with nothing counted, in a
    list of figures of the same unit, counts what the figure before it counts."""
    prev_by_sent: dict[tuple[int, str], dict] = {}
    for q in found:
        span = doc.char_span(q["start"], q["end"], alignment_mode="expand")
        if span is None or not len(span):
            continue
        key = (bisect.bisect_right(sent_starts, span.start) - 1, q["unit"])
        prev = prev_by_sent.get(key)
        if not q["counted"] and prev is not None and prev["counted"]:
            q["counted"], q["category"], q["state"] = prev["counted"], prev["category"], prev["state"]
        elif (prev is not None and q["state"] and q["counted"] == q["state"] and prev["counted"]
              and prev["counted"] != prev["state"]):
            # "200 people were killed and more than 400 wounded": the noun carries over, the state is its own
            noun = prev["counted"][:-len(prev["state"])].strip() if prev["state"] else prev["counted"]
            q["counted"] = f"{noun} {q['state']}"
        prev_by_sent[key] = q
