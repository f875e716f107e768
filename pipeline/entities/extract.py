"""spaCy entities (NER + gazetteer) -> mention rows linked to entities."""
from __future__ import annotations

from ..parse import Parsed
import bisect
import re
from functools import lru_cache
from pathlib import Path

from ..time.patterns import lexicon as time_lexicon
from .demonyms import polity_of
from .linking import KEEP_LABELS, Mention, acronym_definitions, link_mentions, norm, trim_span


ERA = r"(?:B\.?C\.?(?:E\.?)?|A\.?D\.?)"
ERA_ONLY = re.compile(ERA)
ERA_LEAD = re.compile(ERA + r"\s+")
ERA_TRAIL = re.compile(r"\s+" + ERA + r"$")
# a piece of a date the model tags a name ("30 April–1 May 1904": "April–1" ORG)
# (a digit beside the month name: "May" alone may be a person)
_MONTH = "(?:" + "|".join(time_lexicon()["months"]) + r")\.?"
DATE_PIECE = re.compile(r"\d{1,4}\W{0,2}" + _MONTH + r"(?:\W{0,2}\d{1,4})?|" + _MONTH + r"\W{0,2}\d{1,4}")


def extract_mentions(parsed: Parsed) -> tuple[list[Mention], dict[str, dict]]:
    text = parsed.text
    mentions: list[Mention] = []
    seen = set()
    for seg, doc in parsed.segment_docs():
        for ent in _whole_names(doc):
            if ent.label_ not in KEEP_LABELS:
                continue
            # trimmed on the masked text: a citation marker is blank there, never part of a name
            s, e = trim_span(parsed.masked, seg.start + ent.start_char, seg.start + ent.end_char)
            if e <= s or (s, e) in seen:
                continue
            # an era marker is no name ("BC", "in 219 BC Hannibal" read as one entity)
            lead, trail = ERA_LEAD.match(text, s, e), ERA_TRAIL.search(text, s, e)
            if lead and lead.end() < e:
                s = lead.end()
            if trail and trail.start() > s:
                e = trail.start()
            surface = text[s:e]
            if ERA_ONLY.fullmatch(surface) or DATE_PIECE.fullmatch(surface) or (s, e) in seen:
                continue
            if not any(ch.isalpha() for ch in surface) or "\n" in surface or "\r" in surface:
                continue
            gaz_id = ent.ent_id_ if ent.ent_id_ else ""
            if surface[0].islower() and surface[0].isascii() and not gaz_id:   # "pro" of "pro-Armenian"
                continue
            if "[" in surface or "]" in surface:
                continue
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            seen.add((s, e))
            mentions.append(Mention(s, e, surface, _demonym_label(ent, surface), "gazetteer" if gaz_id else "ner",
                                    sent.sentence_id, gazetteer_id=gaz_id))
    mentions += acronym_mentions(parsed, mentions, seen)
    mentions += surname_mentions(parsed, mentions, seen)
    mentions += name_repeat_mentions(parsed, mentions, seen)
    mentions += anaphor_mentions(parsed, mentions, seen)
    info = link_mentions(text, mentions)
    return mentions, info


DANGLING = frozenset({"of", "for", "and"})


def _whole_names(doc) -> list:
    """The model's entities, where an organisation's name cut after "of" ("The Organization of" ORG, "American" NORP,
    "States" untagged) is taken up to the end of its run of capitalised words: "The Organization of American States"."""
    from spacy.tokens import Span
    out, skip_to = [], 0
    for ent in doc.ents:
        if ent.start < skip_to:
            continue
        if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in DANGLING:
            j = ent.end
            while j < len(doc) and doc[j].text[:1].isupper() and doc[j].ent_type_ in ("", "ORG", "NORP", "GPE", "LOC"):
                j += 1
            if j > ent.end:
                out.append(Span(doc, ent.start, j, label="ORG"))
                skip_to = j
                continue
        out.append(ent)
    return out


def _demonym_label(ent, surface: str) -> str:
    """A demonym the model tags a person where it modifies a noun ("Rwandan and Ugandan forces", "Ugandan" PERSON) is a
    people (NORP); a surname that is also a demonym ("French ordered a retreat") is no modifier and stays a person."""
    if ent.label_ != "PERSON" or len(ent) != 1 or not polity_of(surface):
        return ent.label_
    tok = ent.root
    if tok.dep_ == "amod" or (tok.dep_ == "conj" and tok.head.dep_ == "amod"):
        return "NORP"
    return ent.label_


def acronym_mentions(parsed: Parsed, mentions: list[Mention], seen: set) -> list[Mention]:
    """Every use of an acronym the text defines ("... (CISS)") is a mention, even where NER missed it."""
    out = []
    text = parsed.masked
    for acro, long_norm in acronym_definitions(text):
        label = next((m.label for m in mentions if norm(m.text) == long_norm), "ORG")
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acro)}(?![\w-])", text):
            s, e = hit.span()
            if (s, e) in seen or any(m.start < e and s < m.end for m in mentions):
                continue
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            seen.add((s, e))
            out.append(Mention(s, e, parsed.text[s:e], label, "rule", sent.sentence_id))
    return out


def surname_mentions(parsed: Parsed, mentions: list[Mention], seen: set) -> list[Mention]:
    """A surname used alone after the full name ("Thomas Grayling ... Grayling") is the same person."""
    out = []
    text = parsed.masked
    first_seen: dict[str, int] = {}
    for m in mentions:
        parts = text[m.start:m.end].split()          # as the parser read it ("Mahinda Rajapaksa")
        if m.label == "PERSON" and len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) >= 3:
            first_seen[parts[-1]] = min(first_seen.get(parts[-1], m.end), m.end)
    taken = [(m.start, m.end) for m in mentions]
    for surname, after in first_seen.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text[after:]):
            s, e = after + hit.start(), after + hit.end()
            if (s, e) in seen or any(a < e and s < b for a, b in taken):
                continue
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            seen.add((s, e))
            out.append(Mention(s, e, parsed.text[s:e], "PERSON", "rule", sent.sentence_id))
    return out


REPEAT_LABELS = ("GPE", "NORP", "ORG")


def name_repeat_mentions(parsed: Parsed, mentions: list[Mention], seen: set) -> list[Mention]:
    """A name the entity model tags a state, a people or an organisation where it writes it ("Carthage" NORP/ORG) and
    leaves untagged elsewhere in the same document ("However, Carthage refused to deliver ...") is that name there too
    (one name, one sense in a document): the whole name, written alone (no capitalised word joined before or after it,
    "New Carthage" is another name), under the label the document gives it most. Not a name the document also tags a
    person or a place (LOC, FAC), nor one tagged only once, nor a common word the text also writes in lower case
    ("State", "Army")."""
    labels: dict[str, dict[str, int]] = {}
    for m in mentions:
        labels.setdefault(m.text, {}).setdefault(m.label, 0)
        labels[m.text][m.label] += 1
    names = {}
    for name, counts in labels.items():
        if (not any(lab in REPEAT_LABELS for lab in counts) or any(lab not in REPEAT_LABELS for lab in counts)
                or sum(counts.values()) < 2 or len(name) < 4 or not name[:1].isupper()
                or not re.fullmatch(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*", name)
                or re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", parsed.text)):
            continue
        names[name] = max(counts, key=lambda lab: (counts[lab], -REPEAT_LABELS.index(lab)))
    if not names:
        return []
    out = []
    taken = sorted((m.start, m.end) for m in mentions)
    rx = re.compile(r"(?<![\w'’.-])(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])")
    for seg, doc in parsed.segment_docs():
        for hit in rx.finditer(doc.text):
            s, e = seg.start + hit.start(), seg.start + hit.end()
            if (s, e) in seen or any(a < e and s < b for a, b in taken):
                continue
            span = doc.char_span(hit.start(), hit.end())
            if span is None or any(t.ent_type_ for t in span):
                continue
            before = doc[span.start - 1] if span.start > 0 else None
            after = doc[span.end] if span.end < len(doc) else None
            if (before is not None and before.text[:1].isupper() and before.is_alpha and not before.is_sent_start) or (
                    after is not None and after.text[:1].isupper() and after.is_alpha):
                continue            # part of a longer name ("New Carthage", "Carthage Street")
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            seen.add((s, e))
            out.append(Mention(s, e, parsed.text[s:e], names[hit.group(0)], "rule", sent.sentence_id))
    return out


ANAPHORS_FILE = Path(__file__).with_name("anaphors.tsv")


@lru_cache(maxsize=1)
def anaphors() -> dict[str, list[str]]:
    """head word -> [(phrase, entity_id)] from anaphors.tsv."""
    out: dict[str, list] = {}
    for ln in ANAPHORS_FILE.read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            eid, phrase, scope = (ln.split("\t") + ["document"])[:3]
            out.setdefault(phrase.split()[-1].lower(), []).append((phrase, eid, scope))
    return out


def anaphor_mentions(parsed: Parsed, mentions: list[Mention], seen: set) -> list[Mention]:
    """ "the blockade" after "the blockade of Nagorno-Karabakh" is a mention of that named event."""
    out = []
    text = parsed.masked
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]

    def overlapping(s: int, e: int) -> list[Mention]:
        # mentions do not overlap one another, so sorted by start they are sorted by end too
        out, j = [], bisect.bisect_left(starts, e) - 1
        while j >= 0 and ordered[j].end > s:
            out.append(ordered[j])
            j -= 1
        return out

    for head, phrases in anaphors().items():
        referent, last = "", 0
        for hit in re.finditer(rf"(?<![\w-]){re.escape(head)}(?![\w-])", text, re.IGNORECASE):
            s, e = hit.span()
            inside = next((m for m in overlapping(s, e) if m.start <= s and e <= m.end), None)
            if inside is not None:
                referent = inside.gazetteer_id if any(inside.gazetteer_id == eid for _, eid, _ in phrases) else ""
                last = e
                continue
            phrase = next(((p, eid) for p, eid, scope in phrases
                           if text[max(0, e - len(p)):e] == p and eid == referent
                           and not (scope == "paragraph" and "\n" in text[last:s])), None)
            last = e
            if phrase is None:
                referent = ""
                continue
            ps = e - len(phrase[0])
            if text[e:e + 3] == " of":
                referent = ""      # "the blockade of Armenia" names another one
                continue
            if overlapping(ps, e):
                ps = s             # "Azerbaijan's blockade": the name stays its own mention
            sent = parsed.sentence_at(ps)
            if sent is None or (ps, e) in seen:
                continue
            seen.add((ps, e))
            out.append(Mention(ps, e, parsed.text[ps:e], "EVENT", "rule", sent.sentence_id, gazetteer_id=referent))
    return out
