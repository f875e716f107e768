"""spaCy entities (NER + gazetteer) -> mention rows linked to entities."""
from __future__ import annotations

from ..parse import Parsed
from .linking import KEEP_LABELS, Mention, link_mentions, trim_span


def extract_mentions(parsed: Parsed) -> tuple[list[Mention], dict[str, dict]]:
    text = parsed.text
    mentions: list[Mention] = []
    seen = set()
    for seg, doc in parsed.segment_docs():
        for ent in doc.ents:
            if ent.label_ not in KEEP_LABELS:
                continue
            s, e = trim_span(text, seg.start + ent.start_char, seg.start + ent.end_char)
            if e <= s or (s, e) in seen:
                continue
            surface = text[s:e]
            if not any(ch.isalpha() for ch in surface) or "\n" in surface or "\r" in surface:
                continue
            if surface[0].islower() and surface[0].isascii():   # "pro" of "pro-Armenian", not a name
                continue
            if any(mk.start < e and s < mk.end for mk in parsed.markers):
                continue
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            gaz_id = ent.ent_id_ if ent.ent_id_ else ""
            seen.add((s, e))
            mentions.append(Mention(s, e, surface, ent.label_, "gazetteer" if gaz_id else "ner",
                                    sent.sentence_id, gazetteer_id=gaz_id))
    info = link_mentions(text, mentions)
    return mentions, info
