"""Triggers -> events.csv rows: type, governing date, actors, locations, quantities, confidence."""
from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from ..entities.linking import alias_table, known_entities, norm
from ..parse import Parsed
from ..structure import render_residue
from ..time.calendar import add_months, day_number, hist_key, hist_unit_interval, last_day, unit_interval
from ..time.extract import SINCE, document_periods, is_news_dateline, is_period_name, period_names, year_premodifies
from ..time.normalize import COMPLETED_BY, FLASHBACK
from ..time.patterns import lexicon as time_lexicon
from .anchoring import _alt, anchored_date, clause_phrase_date, find_phrases
from .anchoring import anchors as anchor_lexicon
from .bounds import bound_by_next_story_date, story_movers
from .arguments import STATE_TITLE, brokers, clause_extent, clause_text, event_arguments, places_named_in, role_spans, told_act_extent
from .chronicle import clean_summary
from . import rerank
from .rerank import candidate_features
from .repair import repair as repair_parse
from .sides import _polity_in, acronyms, numbered_units_side, org_name, ship_polity, short_name, side_of, unit_sides
from .sides import lexicon as side_lexicon
from .predicates import AIM_NOUNS, _conditional_consequence, _ent_type, _fame_for, _introduced_after, _reported_future, anchors_above, asked_for, doc_predicates, governing_predicate, has_finite_verb, _lemma, names_told_act, is_heading, is_passive, lexicon, mark_towns, no_act_begun, political_act

TYPES_FILE = Path(__file__).with_name("types.json")


@lru_cache(maxsize=1)
def types() -> dict:
    return json.loads(TYPES_FILE.read_text(encoding="utf-8"))




ATTRIBUTIVE_BEFORE = {"DET", "PRON", "PART", "NOUN", "ADJ"}


EMBEDDING = {"relcl", "acl"}
YEARLESS_KIND_RULES = {"season_bare"}


def _telling_clause(verb) -> bool:
    """A clause set off by a comma after a person it goes on to tell about ("outmaneuvered by Washington, who
    successfully attacked the British rearguard at Princeton on January 3, 1777"): the story moves on with its date,
    though the date times no act outside it."""
    lex = lexicon()
    first = verb.doc[min(w.i for w in verb.subtree)]
    return (verb.dep_ == "relcl" and first.lower_ in lex["telling_relatives"] and first.i > 0
            and verb.doc[first.i - 1].text == "," and verb.pos_ == "VERB"
            and any(v.lemma_.lower() in lex["_by_lemma"] for v in [verb] + [c for c in verb.children if c.dep_ == "xcomp"])
            and not any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children))


def _onset_of_act(verb) -> bool:
    """ "violent protests beginning in 2022", "an insurgency starting in 1996": a participle of onset on an act noun
    (predicates.json onset_participles) tells when that act began, a step of the story, not a time of a thing
    described."""
    return (verb.dep_ == "acl" and verb.lower_ in lexicon()["onset_participles"] and verb.head.pos_ == "NOUN"
            and verb.head.lemma_.lower() in lexicon()["_by_lemma"])


def date_roles(seg_doc_at, dates: list[dict], framing: set[str]) -> tuple[set[str], dict[str, tuple[int, int]]]:
    """How each date sits in its sentence.

    Attributive dates name a thing rather than time the clause: "the 9 November ceasefire agreement",
    "the 2020 cease-fire statement"; they date the noun they modify only. A date naming a war or
    another framing period ("the consequences of the 1991–94 war: ...") still sets the clause's time.
    Embedded dates sit in a clause modifying a noun ("a cable released in 2020", "the 'little green
    men' Russia dispatched to occupy Crimea in 2014"): they time that noun phrase only, given as its span.
    """
    attributive, scopes = set(), {}
    for d in dates:
        seg_start, doc = seg_doc_at(d["start"])
        span = _date_span(doc, seg_start, d)
        if span is None:
            continue
        head_noun = [t for t in span if t.pos_ in ("NOUN", "PROPN")][-1:]
        if (d.get("rule") in YEARLESS_KIND_RULES and head_noun and head_noun[0].dep_ in ("compound", "amod", "nmod")
                and head_noun[0].head.pos_ == "NOUN" and head_noun[0].head.i >= span.end):
            # "winter quarters", "the summer offensive", "winter food supplies": a year-less season naming a
            # kind of thing gives no time, not even to its noun
            attributive.add(d["date_id"])
            scopes[d["date_id"]] = (-1, -1)
            continue
        if 0 < span.start and span.end < len(doc):
            before, after = doc[span.start - 1], doc[span.end]
            if (before.pos_ in ATTRIBUTIVE_BEFORE and after.pos_ in ("NOUN", "PROPN") and not after.like_num
                    and after.lemma_.lower() not in framing and not _names_time(after)):
                attributive.add(d["date_id"])
            elif year_premodifies(span) and after.lemma_.lower() not in framing:
                # "insisted on a withdrawal to June 4, 1967 borders": the date times the noun it names, no act
                # of the clause it stands in
                attributive.add(d["date_id"])
                scopes[d["date_id"]] = (seg_start + span[0].idx, seg_start + after.idx + len(after))
                continue
            elif before.pos_ in ATTRIBUTIVE_BEFORE and names_told_act(_named_noun(after), framing):
                # "The 1973 war thus ended": the year names the war; it holds the act but does not move the story,
                # and the act is no earlier than where the story is (_from_story)
                d["names_act"] = True
                d["moves_story"] = False
        for anc in span.root.ancestors:
            if anc.dep_ in EMBEDDING:
                sub = list(anc.head.subtree)      # the clause with the noun it describes
                scopes[d["date_id"]] = (seg_start + sub[0].idx, seg_start + sub[-1].idx + len(sub[-1]))
                # "The crisis escalated in December 1997": the sentence's own verb misread, its date the story's
                d["tells_story"] = _telling_clause(anc) or _onset_of_act(anc) or _verb_read_as_participle(anc)
                break
    return attributive, scopes


def _verb_read_as_participle(verb) -> bool:
    """ "The crisis escalated in December 1997, where ... agreed", "The Chinese counterattacked in April 1951": an act
    verb the parser took for a participle describing the sentence's opening subject noun (the noun left the root, or
    made the subject of a later verb) states the sentence's act; its date times the sentence, not a thing described."""
    noun = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.i == noun.i + 1
            and noun.dep_ in ("ROOT", "nsubj") and noun.pos_ in ("NOUN", "PROPN")
            and all(t.dep_ in ("det", "amod", "compound") for t in verb.doc[noun.sent.start:noun.i])
            and not any(c.dep_ == "agent" for c in verb.children)
            and verb.lemma_.lower() in lexicon()["_by_lemma"]
            # made the subject of a verb only past a comma ("..., where the community agreed"): a misread relative
            and (noun.dep_ == "ROOT" or any(t.text == "," for t in verb.doc[verb.i:noun.head.i])))


def _names_time(tok) -> bool:
    """The noun a date premodifies is itself a time ("the 15 September attack date", "the D-Day morning"): the date
    is the story's time, not a thing's name."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    words = period_names()["time_nouns"]
    return tok.lower_ in words or tok.lemma_.lower() in words


def _named_noun(t):
    """The noun a premodifier names: through compounds and adjectives ("the 1973 Arab-Israeli war")."""
    while t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i:
        t = t.head
    return t


def _endpoint(d: dict, which: str) -> tuple[str, str]:
    """One end of a range at its own granularity: the end of "1991–94" is 1994-01-01..1994-12-31."""
    ends = hist_unit_interval(d["end_date"] if which == "end" else d["start_date"], d.get("granularity") or "day")
    return ends if ends is not None else (d["start_date"], d["end_date"])


PERIOD_NOT_SETTING = re.compile(r"\b(?:after|aftermath of|since|before|following|prior to|end of|start of|"
                                r"beginning of|outbreak of|until|till)\s+(?:the\s+)?$", re.IGNORECASE)


PERIOD_SETTING = re.compile(r"\b(?:of|during|in|throughout|amid|amidst)\s+(?:the\s+)?$", re.IGNORECASE)


NAMED_OBJECT = re.compile(r"\s*(?:the\s+)?[\"“']?\s*$", re.IGNORECASE)


AFTERMATH = re.compile(r"\b(?:aftermath of|in the wake of|shortly after|immediately after|after|following)\s+(?:the\s+)?$",
                       re.IGNORECASE)


def _period_setting(text: str, mentions: list[dict], trigger) -> dict | None:
    """A named period the clause happens in ("the victims of the 44-day war", "captured during the
    Second Nagorno-Karabakh War"); not one it is after, before or at the edge of ("in the aftermath of
    the Second Nagorno-Karabakh War", "an end to the war"), nor one in another clause."""
    ok = [m for m in mentions if abs(m["start"] - trigger[0]) < 120
          and PERIOD_SETTING.search(text[max(0, m["start"] - 30):m["start"]])
          and not PERIOD_NOT_SETTING.search(text[max(0, m["start"] - 30):m["start"]])]
    # the named event is the trigger's own object: 'signed the "Shusha Declaration"'
    objects = [m for m in mentions if trigger[0] < m["start"] and (m["start"] < trigger[1] or (
               m["start"] - trigger[1] < 25 and NAMED_OBJECT.match(text[trigger[1]:m["start"]])))]
    if objects:
        return dict(min(objects, key=lambda m: m["start"]), relation="object")
    if ok:
        return min(ok, key=lambda m: abs(m["start"] - trigger[0]))
    # "In the aftermath of the Second Nagorno-Karabakh War, peacekeeping operations were initiated":
    # the month the period ended
    after = [m for m in mentions if abs(m["start"] - trigger[0]) < 120
             and AFTERMATH.search(text[max(0, m["start"] - 30):m["start"]])]
    return dict(min(after, key=lambda m: abs(m["start"] - trigger[0])), relation="aftermath") if after else None


def _period_granularity(a: str, b: str) -> str:
    """The unit a period's ends are written in: whole years ("218 BC - 201 BC"), whole months, else days; so
    that its end ("the end of the war") is its last year, month or day."""
    if a[-5:] == "01-01" and b[-5:] == "12-31":
        return "year"
    if a[-2:] == "01" and hist_unit_interval(b, "month") and hist_unit_interval(b, "month")[1] == b:
        return "month"
    return "day"


DEFINITE_WAR = re.compile(r"\b((?:during|in|throughout|of)\s+)(?:the|this|that)\s+war\b(?!\s+(?:of|between|in|with|over|against|for)\b)",
                          re.IGNORECASE)


THIS_WAR = re.compile(r"\b(?:this|that)\s+war\b", re.IGNORECASE)
THIS_WAR_REACH = 400


def _current_war(periods: dict, war_mentions: list, narrative: list[dict], narrative_pos: list[int],
                 at: int, demonstrative: bool = False, inside_only: bool = False) -> dict | None:
    """ "during the war" with no war named in the sentence: the named war the narrative's current date
    falls in, else the war the text last named. "During this war" points back to the war just named."""
    j = bisect.bisect_left(war_mentions, (at, "")) - 1
    if demonstrative and j >= 0 and at - war_mentions[j][0] < THIS_WAR_REACH:
        return {"entity_id": war_mentions[j][1], "start": at, "anaphor": True}
    if inside_only:
        j = -1
    i = bisect.bisect_left(narrative_pos, at) - 1
    if i >= 0:
        day = hist_key(narrative[i]["start_date"])      # any era: "-0218-01-01" falls in (-0218, -0201)
        for eid in sorted({eid for _, eid in war_mentions}):
            a, b = periods[eid]
            if hist_key(a) <= day <= hist_key(b):
                return {"entity_id": eid, "start": at}
    j = bisect.bisect_left(war_mentions, (at, "")) - 1
    return {"entity_id": war_mentions[j][1], "start": at} if j >= 0 else None




BACKGROUND = re.compile(r"\b(?:after|following|since|before|prior to|aftermath of|until)\b[^,;:.]*$", re.IGNORECASE)


def _background_phrase(text: str, pos: int, date_spans=()) -> tuple[int, int] | None:
    """The span of a before/after phrase the position sits in ("after the offensive started"), if any:
    from the preposition to the next comma or semicolon. The word of a date expression that goes on after it ("on
    the following day the council decided", "the week after next") is the date's wording, no such phrase."""
    lo = max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), text.rfind("\n", 0, pos), pos - 80) + 1
    m = BACKGROUND.search(text, lo, pos)
    while m is not None:
        inside = next((b for a, b in date_spans if a <= m.start() and m.start() + len(m.group(0).split()[0]) < b), None)
        if inside is None:
            break
        m = BACKGROUND.search(text, inside, pos)
    if m is None:
        return None
    ends = [i for i in (text.find(",", pos), text.find(";", pos), text.find(".", pos), text.find("\n", pos)) if i >= 0]
    return m.start(), min(ends) if ends else len(text)


BEGAN = re.compile(r"\b(?:had\s+)?(?:started|begun|began|commenced)\s+(?:on|in|at)\s+$", re.IGNORECASE)
COMPLETED = re.compile(r"\b(?:complet|finish|conclud|end)\w*\b", re.IGNORECASE)


def _began_date(text: str, sent_dates: list[dict], date: dict) -> dict | None:
    """A date the sentence says the completed thing began on, earlier than the completion date."""
    if not date.get("date_id") or not COMPLETED.search(text, max(0, date["start"] - 80), date["end"] + 80):
        return None
    for d in sent_dates:
        if (d is not date and hist_key(d["start_date"]) < hist_key(date["start_date"])
                and BEGAN.search(text[max(0, d["start"] - 25):d["start"]])):
            return d
    return None




# "On December 7 (December 8 in Asian time zones)": a bracketed date right after another one restates it
ALTERNATIVE = re.compile(r"\s*\(\s*$")
# "defeated the Japanese from October to March", "rose from February to July": two dates that open and close one
# span are one act over that span
SPAN_OPENS = re.compile(r"\b(?:from|between)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of|beginning\s+of)[\s-]+)?$", re.IGNORECASE)
SPAN_JOINS = {"from": re.compile(r"\s*(?:to|until|till|through|-|\u2013)\s*(?:the\s+)?", re.IGNORECASE),
              "between": re.compile(r"\s*and\s*(?:the\s+)?", re.IGNORECASE)}


def _span_of_two(text: str, a: dict, b: dict) -> dict | None:
    """The one span two dates of one act open and close ("from October to March"), or None."""
    opening = SPAN_OPENS.search(text, max(0, a["start"] - 40), a["start"])
    if opening is None or b["start"] <= a["end"] or not a.get("start_date") or not b.get("end_date"):
        return None
    if not SPAN_JOINS[opening.group(0).split()[0].lower()].fullmatch(text, a["end"], b["start"]):
        return None
    if hist_key(b["end_date"]) <= hist_key(a["start_date"]):
        return None
    # the whole course up to the closing date, as for "completed ... which had started in April" (_began_date)
    return dict(b, start=a["start"], start_date=a["start_date"], kind="course")


def _one_act_dates(text: str, ds: list[dict]) -> list[dict]:
    """The dates one act takes: a bracketed alternative of a date is that date, not a second act (one act, one row);
    two dates that open and close one span ("from October to March") are that span."""
    ds = sorted(ds, key=lambda d: d["start"])
    out = []
    for d in ds:
        if out and d["start"] > out[-1]["end"] and ALTERNATIVE.fullmatch(text[out[-1]["end"]:d["start"]]) \
                and d.get("granularity") == out[-1].get("granularity"):
            continue
        span = _span_of_two(text, out[-1], d) if out else None
        if span is not None:
            out[-1] = span
            continue
        out.append(d)
    return out


def _inside_excluded(text: str, s: int, e: int, pattern: re.Pattern) -> bool:
    """ "cold war", "prisoners of war": the trigger word is part of a phrase that states no event."""
    return any(m.start() <= s and e <= m.end() for m in pattern.finditer(text, max(0, s - 30), e + 30))



def _width(d: dict) -> int:
    a, b = day_number(d.get("start_date")), day_number(d.get("end_date"))
    return 10 ** 6 if a is None or b is None else b - a


BRACKETED_AFTER_NAME = re.compile(r"[\w'’.\- ]{0,60}\(\s*$")


def _named_before_brackets(text: str, d: dict, preds, seg_start: int):
    """The predicate a bracketed date follows in one name ("the Battle of White Horse (6-15 October 1952)",
    "the sieges of Outpost Harry (10-18 June 1953)"), if any: the nearest one before it, with nothing but
    the rest of the name between them."""
    if not text[max(0, d["start"] - 3):d["start"]].rstrip().endswith("("):
        return None
    before = [p for p in preds if seg_start + p.end <= d["start"]]
    if not before:
        return None
    p = max(before, key=lambda p: p.end)
    return p if BRACKETED_AFTER_NAME.fullmatch(text[seg_start + p.end:d["start"]]) else None


UNTIL_BEFORE = re.compile(r"\b(?:until|till)\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of|beginning\s+of)[\s-]+)?$", re.IGNORECASE)


def _until_then_date(text: str, tok, seg_start: int, sent_dates: list[dict]) -> dict | None:
    """ "held on outside the city until the spring of 1776 ... and then withdrew when a squadron arrived": an act told
    with "then" after a clause bounded by an until-date happens when that time came (and so does the act of its
    when-clause), not at the story's date before the sentence. None when it is no such act."""
    v = tok
    if v.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in v.children):
        v = v.head
    if v.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "advmod" and c.lower_ == "then" for c in v.children):
        return None
    at = seg_start + v.idx
    until = [d for d in sent_dates if d["end"] <= at and d.get("start_date") and UNTIL_BEFORE.search(text[max(0, d["start"] - 25):d["start"]])]
    if not until:
        return None
    d = until[-1]
    if any(o is not d and d["end"] <= o["start"] < at for o in sent_dates):
        return None
    return d


def _circumstance(anchor, above) -> bool:
    """An untyped participle describing the act above it or one of its arguments ("liberated by the resistance assisted by
    ...", "evacuated, abandoning ...")."""
    return (anchor.pos_ == "VERB" and anchor.tag_ in ("VBN", "VBG") and anchor.dep_ in ("acl", "advcl")
            and (above.is_ancestor(anchor) or (above.dep_ == "xcomp" and above.head.i == anchor.head.i)) and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in anchor.children))


def _unasserted(verb) -> bool:
    """A verb no predicate class types, with a date, that states no happening: a modal or conditional ("the road
    would be exposed if the town fell", "supplies could be brought up in 1917"), what a noun is for or planned for
    ("plans for a withdrawal to be completed in the spring", "the big push planned for 1976"), or what was
    planned or hoped ("hoped to finish by May")."""
    lex = lexicon()
    if any(c.dep_ == "aux" and c.lower_ in lex["non_factual_aux"] for c in verb.children):
        return True
    if verb.lemma_.lower() in lex["passive_states"] and is_passive(verb):
        return True            # "had been allied with Germany since 1882": a standing alliance
    if _reported_future(verb):
        return True            # "agreed that the Soviet Union would declare war": what was to happen
    if _fame_for(verb):
        return True            # "The Second War (218 BC - 201 BC) is most remembered for ...": what it is known by
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("acl", "relcl") and (infinitive or verb.lemma_.lower() in lex["non_factual_heads"]):
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.lemma_.lower() in lex["non_factual_heads"] and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return True            # "..., projected for the 1975-1976 dry season": a participle the parser hung on the main verb
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in AIM_NOUNS for c in verb.children) and (
            verb.lemma_.lower() not in lex["light_verbs"] or any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)):
        return True            # "the operational plan called for the capture of the city before 1 May": the plan's content
                               # (but "both plans started in July": they were carried out)
    if infinitive and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in lex["non_factual_heads"]:
        return True
    if asked_for(verb):
        return True            # "a plan which called for Israel to withdraw to the 1949 lines": what was asked for
    if no_act_begun(verb):
        return True            # "began to plan operations for 1777", "were too poorly organized": no act
    if verb.lemma_.lower() in lex["act_reference_verbs"] or any(
            c.dep_ == "xcomp" and c.lemma_.lower() in lex["act_reference_verbs"] for c in verb.children):
        from .predicates import classify
        if any(c.dep_ in ("nsubj", "nsubjpass") and classify(c) is not None for c in verb.children):
            return True        # "the offensive sought to split the armies", "the attacks were accompanied by bugles",
                               # "the blockade began to have an impact"
    if verb.lemma_.lower() in lex["lasting_verbs"] and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in lex["state_nouns"] for c in verb.children):
        return True            # "the standoff continued through the winter", "the stalemate persisted": a state lasting
    return _conditional_consequence(verb)


def _not_its_time(top, anchor) -> bool:
    """A date on a verb below `top` that does not time `top`'s act: what a saying verb reports ("warned that they could
    only continue the war until December"), a clause describing a noun ("the troops, who had landed in May,
    attacked"), or an until/before/after/since clause, which bounds the act rather than dates it ("held out until the
    relief arrived in May")."""
    lex = lexicon()
    for t in _clauses_up_to(top, anchor):
        if t.dep_ in lex["content_clause_deps"] and (
                t.dep_ != "ccomp" or t.head.lemma_.lower() in lex["_reporting"]
                or any(c.dep_ == "mark" and c.lower_ in ("that", "whether", "if") for c in t.children)):
            # a clausal complement is reported content when a saying verb takes it or "that" opens it (the parse
            # also hangs a clause beside another one on it: "He launched an offensive in December; ..., he lost")
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lex["bound_marks"] for c in t.children):
            return True
    return False


def _clauses_up_to(top, anchor):
    """`anchor` and each head above it, up to (not including) `top` or the root."""
    t = anchor
    while t.i != top.i and t.head.i != t.i:
        yield t
        t = t.head


def _content_deadline(dspan, anchor) -> bool:
    """ "predicted victory by the end of 1967", "promised to withdraw within a month": a by/until/within date on a
    saying or intending verb is the time of what is said or meant, not of the saying."""
    lex = lexicon()
    if anchor.lemma_.lower() not in lex["_reporting"]:
        return False
    t = dspan.root
    while t.head.i != t.i and t.head.i != anchor.i:
        t = t.head
    if _fronted_time(t, anchor):
        return False
    return t.head.i == anchor.i and t.dep_ == "prep" and t.lower_ in lex["content_deadline_preps"]


def _date_span(doc, seg_start: int, d: dict):
    """The tokens of date row `d` in its segment's parse (None when it covers no token)."""
    span = doc.char_span(d["start"] - seg_start, d["end"] - seg_start, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _granted_deadline(doc, seg_start: int, d: dict) -> bool:
    """ "giving them until 1 March to leave", "were allowed until the end of the month to hand over their arms",
    "set a deadline of 1 March": the end of the time someone was given (lexicon `deadline_verbs`, `deadline_nouns`)
    times no act of the sentence: not the giving, nor the ultimatum or order it goes with."""
    if not d.get("date_id"):
        return False
    dspan = _date_span(doc, seg_start, d)
    if dspan is None:
        return False
    lex = lexicon()
    t = dspan.root
    if t.dep_ != "pobj":
        return False
    prep, head = t.head, t.head.head
    if prep.lower_ in lex["deadline_preps"] and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex["deadline_verbs"]:
        return not _fronted_time(prep, head)
    if prep.lower_ in lex["validity_preps"] and head.lower_ in lex["validity_heads"]:
        return True     # "effective until 14 September 1978", "in force until": when the act's effect ended
    return prep.lower_ == "of" and head.lemma_.lower() in lex["deadline_nouns"]


def _reported_date(head, d: dict, dated: dict, doc) -> bool:
    """`d` times only acts that a clause of `head` reports ("X warned that they could only continue the war
    until December, and Y recommended negotiations"): it is no time the clause coordinated with `head` takes."""
    toks = [doc[i] for i, x in dated.items() if x is d]
    return bool(toks) and all(t.i != head.i and head.is_ancestor(t) and _reported(head, t) for t in toks)


def _date_of_other_content(doc, seg_start: int, d: dict, tok) -> bool:
    """The sentence's date stands in what another clause's saying or intending verb reports ("X warned that they
    could only continue the war until December, and Y recommended negotiations"): it is no time of an act outside
    that clause. (A date in an until/before clause is a real time, which an act told after it may well take.)"""
    if tok is None or not d.get("date_id"):
        return False
    dspan = _date_span(doc, seg_start, d)
    if dspan is None:
        return False
    root = dspan.root.sent.root
    if tok.sent.root.i != root.i:
        return False
    lex = lexicon()
    for t in _clauses_up_to(root, dspan.root):
        if t.i == tok.i or t.is_ancestor(tok):
            return False
        if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in lex["_reporting"]:
            return True
    return False


def _section_steps_back(text: str, all_dates: list, i: int, at: int, story_date: dict) -> bool:
    """A new section (a heading between the story's last date and `at`) whose first date comes before that story
    date ("... fled on March 17, 1776. / Quebec / Three weeks after the siege began, ... On September 28, 1775, ..."):
    its undated acts before that first date are not at the previous section's date."""
    if not any(is_heading(ln.strip()) for ln in text[all_dates[i]["end"]:at].split("\n")[1:-1] if ln.strip()):
        return False
    nxt = next((d for d in all_dates[i + 1:] if d["start"] >= at and d.get("start_date")), None)
    if nxt is None or any(is_heading(ln.strip()) for ln in text[at:nxt["start"]].split("\n")[1:-1] if ln.strip()):
        return False
    return hist_key(nxt["end_date"]) < hist_key(story_date["start_date"])


def _fronted_time(t, anchor) -> bool:
    """ "By October 9, the envoys requested ...", "Before the end of the month, the council demanded ...": a
    by/until/before phrase that opens the clause, ahead of its subject, times the saying itself (the narrative's
    step), not what is said or meant ("requested a withdrawal by October 9")."""
    subj = next((c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return t.i < anchor.i and subj is not None and t.i < min(w.i for w in subj.subtree) \
        and t.i == min(w.i for w in anchor.subtree)


def _date_of_content(doc, seg_start: int, d: dict, tok, reported_only: bool = False) -> bool:
    """The sentence's date times what the act's clause reports or bounds, not the act itself (_not_its_time,
    _content_deadline)."""
    if tok is None or not d.get("date_id"):
        return False
    dspan = _date_span(doc, seg_start, d)
    if dspan is None or not tok.is_ancestor(dspan.root):
        return False
    if reported_only:
        # the sentence's date, in what a saying or intending verb reports: "warned that they could only continue
        # the war until December"
        return _content_deadline(dspan, tok) or _reported(tok, dspan.root)
    return _not_its_time(tok, dspan.root) or _content_deadline(dspan, tok)


def _reported(top, anchor) -> bool:
    """`anchor` stands in a clause that a saying or intending verb below `top` (or `top` itself) reports."""
    reporting = lexicon()["_reporting"]
    return any(t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in reporting for t in _clauses_up_to(top, anchor))


# "attempted to reestablish its position after 1945", "After March 1979, the issue ...": the date bounds what
# follows from below (GUIDELINES: "After the end of June" starts on 1 July)
AFTER_DATE = re.compile(r"\b[Aa]fter\s+$")


def _after_date(text: str, d: dict) -> dict:
    """A year or month that "after" takes: the unit that follows it (1946 for "after 1945", April 1979 for "After
    March 1979"), the nearest the text allows; any other date as it is."""
    if (d.get("kind") != "date" or d.get("granularity") not in ("year", "month") or not d.get("end_date")
            or d["end_date"].startswith("-") or not AFTER_DATE.search(text[max(0, d["start"] - 10):d["start"]])):
        return d
    nxt = dt.date.fromisoformat(d["end_date"]) + dt.timedelta(days=1)
    a, b = unit_interval(nxt, d["granularity"])
    return dict(d, start_date=a.isoformat(), end_date=b.isoformat(), after=True)


def _from_story(date: dict, cur: dict, sentence_id: str, text: str = "", sentence: str = "") -> dict:
    """A year, year-less season or month of the sentence's own that holds the story's last finer date: from that
    date to its end ("On 5 May ... In May the town fell" -> 5..31 May; "on 3 January ... throughout the winter" ->
    3 January to the end of February: the season the story is in; a season with its own year is dated whole)."""
    if (date.get("granularity") not in ("year", "season", "month") or date.get("sentence_id") != sentence_id
            or (date.get("granularity") == "season" and date.get("rule") != "season_bare")
            or date.get("kind") == "range" or _width(cur) >= _width(date)
            or _width(date) > {"month": 31, "season": 92, "year": 366}[date["granularity"]]
            or not (hist_key(date["start_date"]) < hist_key(cur["start_date"]) and hist_key(cur["end_date"]) <= hist_key(date["end_date"]))
            # "By June 1944 the army had attacked the province": a deadline, or a step back, gives no lower bound
            or COMPLETED_BY.search(text[max(0, date["start"] - 20):date["start"]]) or FLASHBACK.search(sentence)):
        return date
    return dict(date, start_date=cur["start_date"], kind="course")


def _link_and_type(text, sent, span, preds, sent_dates, seg_start, governs, framing) -> list:
    """Each date to the predicate it modifies in the parse; each predicate one row with its own date, or
    the date of the predicate governing it ("crossed the river on 5 May and took the town"), or a date
    timing the whole clause. A date on an eventive verb that no predicate class types is an `other` act."""
    doc = span.doc
    by_i = {p.token.i: p for p in preds}
    own, loose, deferred = defaultdict(list), [], []
    for d in sent_dates:
        dspan = _date_span(doc, seg_start, d)
        if dspan is None:
            continue
        named = _named_before_brackets(text, d, preds, seg_start)
        if named is not None:
            # "the Battle of White Horse (6-15 October 1952)": the bracketed date is that battle's
            own[named.token.i].append(d)
            continue
        anchors = anchors_above(dspan, by_i, framing)
        plural_wars = [p for p in preds if p.rule.startswith("war-span") and _wars_plural(p.token)]
        if plural_wars and d.get("kind") in ("range", "date") and (not anchors or anchors[0].i not in by_i):
            # "the five wars waged ...: one from 1918 to 1921, ... and in 2016, 2020 and 2023": each span
            # or year left unattached by the parse is one of the wars
            own.setdefault(plural_wars[0].token.i, []).append(d)
            continue
        if not anchors and d.get("kind") == "range":
            # "the wars waged ..., one from 1918 to 1921 and another from 1988 to 1994": a span left
            # unattached by the parse goes to the sentence's statement that a war was fought
            spans = [p for p in preds if p.rule.startswith("war-span")]
            if spans:
                own.setdefault(spans[0].token.i, []).append(d)
                continue
        for k, anchor in enumerate(anchors):
            if anchor.i not in by_i and anchor.pos_ in ("VERB", "AUX") and _reported_future(anchor):
                break         # "agreed that the Allies would invade Europe in 1944": the date of what was to happen
            if anchor.i not in by_i:
                above = next((a for a in anchors[k + 1:] if a.i in by_i), None)
                if above is not None and _circumstance(anchor, above):
                    deferred.append((anchor, d, above))
                else:
                    loose.append((anchor, d))
                break
            p = by_i[anchor.i]
            if k == 0 and (_content_deadline(dspan, anchor) or d.get("content_ahead")):
                break
            if governs(d, (seg_start + p.start, seg_start + p.end, p.type, p.rule)):
                own[anchor.i].append(d)
                break
    for anchor, d, above in deferred:
        # "Paris was liberated by the resistance assisted by the Free French on August 25", "were forced to evacuate,
        # abandoning their equipment by the end of the month": a date on a participle that states no act of its own
        # times the act it describes, when that act has no date of its own or a wider one
        if all(hist_key(o["start_date"]) <= hist_key(d["start_date"]) and hist_key(d["end_date"]) <= hist_key(o["end_date"])
               for o in own.get(above.i, [])) and governs(d, (seg_start + by_i[above.i].start, seg_start + by_i[above.i].end,
                                                by_i[above.i].type, by_i[above.i].rule)):
            own[above.i].append(d)
        else:
            loose.append((anchor, d))
    kept = _drop_subsumed_preds(preds, text, seg_start)
    for p in preds:
        if p not in kept and own.get(p.token.i):
            winner = min((o for o in kept if abs(o.start - p.start) < 40), key=lambda o: abs(o.start - p.start))
            own[winner.token.i] = own[winner.token.i] or own.pop(p.token.i)
    preds = kept
    by_i = {p.token.i: p for p in preds}
    as_tuple = lambda p: (seg_start + p.start, seg_start + p.end, p.type, p.rule)
    pairs, dated = [], {}
    for p in preds:
        ds = [d for d in own.get(p.token.i, []) if governs(d, as_tuple(p))]
        t0, t1, _, rule = as_tuple(p)
        if ds and p.rule.startswith("war-span"):        # each span stated is a war of its own
            dated[p.token.i] = ds[0]
            plural = _wars_plural(p.token)
            for d in ds:
                if d.get("kind") == "range":
                    pairs.append((as_tuple(p), d, 0.9))
                elif plural:          # a war within one year: it started and ended in it
                    pairs += [((t0, t1, "war_start", rule + "-start"), d, 0.8), ((t0, t1, "war_end", rule), d, 0.8)]
        elif ds:
            # "the April 2016 and July 2020 clashes": disjoint dates on one act are as many events;
            # nested ones ("On 1 September 1939, ... in 1939") are one, at the finest; a since-date beside the act's
            # own ("21 April - Assad lifts the state of emergency in force since 1963") is when a state began
            ds = [d for d in ds if not SINCE.search(text, max(0, d["start"] - 20), d["start"])] or ds
            ds = _one_act_dates(text, ds)
            chosen = []
            for d in sorted(ds, key=_width):
                if all(hist_key(d["end_date"]) < hist_key(c["start_date"])
                       or hist_key(c["end_date"]) < hist_key(d["start_date"]) for c in chosen):
                    chosen.append(d)
            dated[p.token.i] = chosen[0]
            pairs += [(as_tuple(p), d, 0.9) for d in chosen]
    for p in preds:
        if p.token.i in dated:
            continue
        t = as_tuple(p)
        g, d, conf = p, None, 0.0
        if p.token.dep_ == "conj" and p.token.pos_ == "VERB":
            # "the Maoists walked out of talks in November and attacked a barracks": the verb a conjunct is joined to
            # times it with its own date, though it states no act the rules type
            d = next((ld for anchor, ld in loose if anchor.i == p.token.head.i), None)
            conf = 0.7 if d is not None else 0.0
        while d is None and not _pluperfect_relative(p.token):   # the nearest governing predicate with a date of its own
            g = governing_predicate(g.token, by_i)
            if g is None:
                break
            if g.token.i in dated:
                d, conf = dated[g.token.i], 0.7
                break
        if d is None:         # a date on a verb above it ("In 1939, as tensions rose, Germany ...")
            for anchor, ld in loose:
                if p.token.is_ancestor(anchor) and _not_its_time(p.token, anchor):
                    continue
                if p.token.is_ancestor(anchor) or anchor.is_ancestor(p.token) or anchor.i == p.token.i:
                    d, conf = ld, 0.65
                    break
        if d is None and (_other_actor(p.token) or _coordinated_act(p.token)):
            # "In March 1945, the offensive reached the river, and the army captured the city": an act
            # coordinated with a doer of its own happens at the time the sentence gave before it
            head = p.token.head
            while head.dep_ == "conj":
                head = head.head
            opening = seg_start + min(w.idx for w in head.subtree)     # where the first conjunct starts
            before = [x for x in sent_dates if x["end"] <= max(opening, seg_start + head.idx)
                      and any(x is y for y in dated.values())
                      and not _reported_date(head, x, dated, doc)]
            if before:
                d, conf = max(before, key=lambda x: x["start"]), 0.7
        if d is not None and governs(d, t):
            if p.type == "other" and not (_other_actor(p.token) or _coordinated_act(p.token)
                                          or _simultaneous_act(p.token) or _caused_act(p.token)
                                          or _introduced_after(p.token, lexicon())) and any(
                    q[1] is d for q in pairs):
                continue      # an act already linked to this date in the clause states it (typed or not)
            pairs.append((t, d, conf))
    stative = lexicon()["stative_verbs"]
    claimed = {id(d) for _, d, _ in pairs}
    for anchor, d in loose:
        if id(d) in claimed or anchor.pos_ != "VERB" or anchor.lemma_.lower() in stative:
            continue
        if any(c.dep_ == "neg" for c in anchor.children) or _unasserted(anchor):
            continue
        if _date_of_content(doc, seg_start, d, anchor):
            continue          # "predicted victory by the end of 1967": the date of what was said
        s = seg_start + anchor.idx
        pairs.append(((s, s + len(anchor), "other", "eventive-verb"), d, 0.5))
        claimed.add(id(d))
    return pairs


RELATIVE_PREPOSITIONS = frozenset({"after", "before", "since", "until", "following", "prior"})


def _date_of_clause_noun(verb, conjunct, dated: dict) -> dict | None:
    """The date of a dated act noun in the verb's own clause (its object, or the object of its preposition), not in
    the conjunct joined to it nor in a before/after phrase: the time of the act the verb states through that noun.
    None when the verb has a date of its own."""
    if verb.i in dated:
        return None
    for t in verb.subtree:
        if t.i not in dated or t.pos_ not in ("NOUN", "PROPN") or conjunct.is_ancestor(t) or t.i == conjunct.i:
            continue
        h = t.head
        while h.i != verb.i and h.pos_ not in ("VERB", "AUX") and h.lower_ not in RELATIVE_PREPOSITIONS and h.head.i != h.i:
            h = h.head
        if h.i == verb.i:
            return dated[t.i]
    return None


TITLES = (r"(?:[Gg]eneral|[Aa]dmiral|[Cc]olonel|[Cc]ommander|[Mm]arshal|[Ll]ieutenant(?:[- ][Gg]eneral)?|"
          r"[Mm]ajor(?:[- ][Gg]eneral)?|[Bb]rigadier(?:[- ][Gg]eneral)?|[Cc]aptain|[Cc]ommodore|[Gg]en\.|[Aa]dm\.|"
          r"[Ll]eader|[Pp]resident|[Pp]rime [Mm]inister|[Kk]ing|[Ee]mperor|[Cc]hairman|[Pp]remier|[Gg]overnor|"
          r"(?:[Ff]oreign |[Dd]efen[cs]e |[Ww]ar )?[Mm]inister|(?:[Ff]oreign |[Dd]efen[cs]e |[Hh]ome )?[Ss]ecretary(?: of (?:State|War|Defense)|-[Gg]eneral)?|"
          r"(?:[Vv]ice[- ]|[Dd]eputy )?(?:[Cc]hancellor|[Pp]remier|[Pp]rime [Mm]inister)|"
          r"[Cc]ommander-in-[Cc]hief|[Cc]hief of [Ss]taff|[Ss]enator|[Aa]mbassador|[Vv]ice[- ][Pp]resident|[Ll]ord|[Ss]ir|[Mm]aj\.|[Ll]t\.|[Cc]ol\.|[Bb]rig\.)")
# ("Jordan's King X": the state whose title he bears, in the possessive; "the Italians under X", "British ships under
# Captain X": a people or its ships he leads)
SIDE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,5}|(?:[A-Z]\.){2,3})(?:['’]s(?=\s+" + TITLES + r"\s))?\s+(?:(?:(?:forces|troops|army|armies|fleet|navy|units|soldiers|ships|flotilla|squadron)\s+)?"
                         r"(?:under|led by|commanded by)\s+(?:the\s+)?)?(?:" + TITLES + r"\s+)*$")
TITLED = re.compile(r"\b" + TITLES + r"\s+(?:[A-Z][\w.'-]*\s+){0,3}$")
SIDE_OF = re.compile(r"^\s+of\s+(?:the\s+)?([A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3})")
TITLED_PERSON = re.compile(r"\b" + TITLES + r"\s+$")
# "Clinton replaced Howe as British commander-in-chief"; "Diem was named premier of South Vietnam"; "X took over as
# U.S. president"
SIDE_AS = re.compile(r"^\s+(?:[a-z]+\s+){0,2}(?:[A-Z][a-z]+\s+)?as\s+(?:the\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,5}|(?:[A-Z]\.){2,3})\s+"
                     r"(?:" + TITLES + r"|commander|general|admiral|leader|officer)")
SIDE_NAMED = re.compile(r"^\s+(?:was|became|had become|served as|was named|was appointed|was elected|was made)\s+(?:the\s+)?(?:[a-z]+\s+)?"
                        r"(?:" + TITLES + r"|commander|leader|head of state|head of government)\s+of\s+(?:the\s+)?"
                        r"([A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3})")
# an act that puts a man in an office ("X took over as U.S. president", "stepped in as commander"): it happens to him
OFFICE_TAKEN = re.compile(r"^\s+(?:(?:over|up|on|in)\s+)?as\s+(?:(?:the|a|an|new)\s+)?(?:[A-Z][\w.'-]*\s+){0,3}"
                          r"(?:" + TITLES + r"|commander|leader|head of state|head of government)\b")
# "X, the long-time leader of the Bulgarian Communist Party", "X, commander of the French forces": the state his
# office is of
SIDE_HEAD_OF = re.compile(r"^,\s+(?:(?:then|later|now|still)\s+)?(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}(?:" + TITLES
                          + r"|commander|leader|head|ruler|dictator)\s+of\s+(?:the\s+)?"
                          r"([A-Z][\w.'-]*(?:\s+(?:of\s+)?[A-Z][\w.'-]*){0,3})")
# (", American Expeditionary Force (AEF) commander": the article may be left out, the force's acronym given)
SIDE_AFTER = re.compile(r"^,\s+(?:(?:then|later|now|still)\s+)?(?:(?:the|a|an)\s+(?:[a-z]+\s+)?)?([A-Z][a-z]+|[A-Z]{2,5}|(?:[A-Z]\.){2,3})(?:\s+[A-Z][a-z]+){0,2}(?:\s+\([A-Z]{2,6}\))?\s+(?:" + TITLES + r"|commander|general|admiral|leader|officer)"
                        # (", Egyptian President Anwar Sadat, and ...": a title before another name is the next man of a list)
                        r"(?!(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+)*\s+[A-Z][a-z])")
# "The British general X" opens a sentence: the article is no part of the side's name
LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")


# who acts, by the kind of act (types.json "actor_roles"): the agent of a one-sided act, both sides of a
# clash or a treaty, the person an appointment or a death happens to
# ("taker": who a place or force fell or surrendered to, an agent of the taking, not of a surrender)
ACTOR_ROLES = {"agent": frozenset({"subject", "taker"}), "sides": frozenset({"subject", "object", "patient", "taker"}),
               "personal": frozenset({"subject", "patient"})}


def _done_to_person(doc, t, seg_start: int) -> bool:
    """The trigger is a forcible act done to a person (sides.json "forcible_lemmas": overthrown, arrested, executed):
    the side or person that does it, when named, is the actor."""
    span = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.lemma_.lower() in side_lexicon()["forcible_lemmas"]


# an object that takes part in an act done with or between sides ("met with X", "talks between X and Y")
RECIPROCAL_BEFORE = re.compile(r"\b(?:with|between)\s+(?:the\s+)?$")


def _verbal(doc, t, seg_start: int) -> bool:
    """The trigger is a verb: its subject is the act's own ("asked"), not that of a verb governing an act noun
    ("the crisis led to the replacement of X by Y")."""
    span = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ in ("VERB", "AUX")


def _active_verb(doc, t, seg_start: int) -> bool:
    """The trigger is a verb in the active voice ("deposed X", not "X was deposed")."""
    span = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ == "VERB" and not is_passive(span.root)


def _done_to_a_thing(verb) -> bool:
    """ "Truman dismissed the proposal", "the king released the statement": a verb of a personal act (dismiss,
    release, remove) done in the active voice to a thing, not to a person, is an act of office, not something that
    happens to a person."""
    if verb.pos_ != "VERB" or is_passive(verb):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    if not objs:
        return False
    people = side_lexicon()["titles"] | side_lexicon()["office_nouns"]
    return all(o.lower_ in ("it", "this", "that", "these", "those") or o.pos_ == "NOUN" and o.lemma_.lower() not in people
               and not any(w.pos_ == "PROPN" or w.ent_type_ in ("PERSON", "NORP") for w in o.subtree) for o in objs)


def _happens_to_person(doc, t, seg_start: int) -> bool:
    """The trigger is an act that happens to a person as such (sides.json "personal_lemmas": appointed, relieved,
    arrested, executed): the person it happens to, in whatever role, is its actor."""
    span = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
    return span is not None and len(span) > 0 and (span.root.lemma_.lower() in side_lexicon()["personal_lemmas"]
                                                   or _own_personal_act(span.root))


def _own_personal_act(verb) -> bool:
    """A verb whose object is a personal act of its subject's own ("he offered his resignation", "tendered her
    resignation", "announced his retirement"): the act happens to the subject as a person, as "he resigned" does."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in side_lexicon()["personal_lemmas"] and c.pos_ == "NOUN"
        and any(p.dep_ == "poss" and p.lower_ in ("his", "her", "their") for p in c.children) for c in verb.children)


@lru_cache(maxsize=1024)
def _written_with_the(name: str, text: str) -> bool:
    """A name of two words or more the text writes right after "the" somewhere ("the Pathet Lao"): a group's name,
    though the entity model tags a piece of it as a person elsewhere; not a man's name labelling the organ he heads
    ("the Ngo Dinh Diem regime", sides.json "headed_organs")."""
    name = name.strip()
    if " " not in name or not name[:1].isupper():
        return False
    organs = side_lexicon()["headed_organs"]
    return any(not (after := re.match(r"\s+([a-z]+)", text[hit.end():hit.end() + 20])) or after.group(1) not in organs
               for hit in re.finditer(r"(?<![\w-])[Tt]he\s+" + re.escape(name) + r"(?![\w-])", text))


def _plural_name(name: str, text: str) -> bool:
    """A one-word name that is the plural of a word the text also uses ("Jacobins": "a Jacobin Club"): the members
    of a group, not a person."""
    name = name.strip()
    return (" " not in name and len(name) > 4 and name.endswith("s") and name[:1].isupper()
            and re.search(r"(?<![\w-])" + re.escape(name[:-1]) + r"(?![\w-])", text) is not None)


def _in_person_name(hit, offset: int, people: list[dict]) -> bool:
    at = offset + hit.start(1)
    return any(p["start"] <= at < p["end"] and p["label"] == "PERSON" for p in people)


def _person_sides(text: str, mentions: list[dict]) -> dict[str, str]:
    """Which side a person acts for, as the text says it: "British General William Howe", "Gage, the British
    commander-in-chief", "Prime Minister X of the State of Y". Returns entity id -> the demonym's text (mapped to
    the polity by _as_polities)."""
    from ..entities.demonyms import polity_of
    sides = {}
    people = [m for m in mentions if m["label"] == "PERSON" or (m["label"] in ("ORG", "NORP")
                                                                and side_of(m["text"], m["label"])[0] == "person")]
    # "the Carthaginian Hannibal": a demonym before a bare name is the side of whoever bears the name, however
    # the entity model labels him elsewhere
    for m in mentions:
        w = m["text"].split()
        if (len(w) == 2 and polity_of(w[0]) and not w[1].endswith("s") and _bare_name(w[1:])
                # "the Carthaginian Hannibal"; not a first name that is also a demonym ("journalist Roman Protasevich")
                and (m["label"] != "PERSON" or text[max(0, m["start"] - 4):m["start"]].lower() == "the ")):
            sides.setdefault(m["entity_id"], "side:" + polity_of(w[0]))
            for x in mentions:
                if x["text"] == w[1] and x["entity_id"] not in sides:
                    sides[x["entity_id"]] = "side:" + polity_of(w[0])
    # every place the text names him, by his full name or his surname ("Gage, the British commander")
    places = [(m, m["start"], m["end"]) for m in people]
    for m in people:
        surname = m["text"].split()[-1]
        if len(surname) > 2 and surname[0].isupper():
            places += [(m, x.start(), x.end()) for x in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text)]
    for m, start, end in places:
        if m["entity_id"] in sides:
            continue
        for rx, piece in ((SIDE_BEFORE, text[max(0, start - 60):start]), (SIDE_AFTER, text[end:end + 60])):
            hit = rx.search(piece)
            if hit and rx is SIDE_BEFORE and _in_person_name(hit, start - len(piece), people):
                continue        # a word of a person's name: "Roman Protasevich" is no Roman
            named = hit and LEADING_ARTICLE.sub("", hit.group(1))
            if hit and rx is SIDE_BEFORE and not polity_of(named) and re.match(r"['’]s\s", piece[hit.end(1):]):
                # "Jordan's King X": the state by its name
                state = _polity_names().get(named.lower())
                if state:
                    sides[m["entity_id"]] = "side:" + state
                    break
            if hit and polity_of(named):
                sides[m["entity_id"]] = "side:" + polity_of(named)
                break
            if hit is None and rx is SIDE_AFTER:
                # "Prime Minister Ngo Dinh Diem of the State of Vietnam": the state his title is of; "X was named
                # premier of Y", "X replaced Z as British commander-in-chief": the office the text gives him
                of = SIDE_OF.match(text[end:end + 60]) if TITLED.search(text[max(0, start - 40):start]) else None
                of = of or SIDE_NAMED.match(text[end:end + 80]) or SIDE_HEAD_OF.match(text[end:end + 80])
                polity = of and _polity_in([w.lower() for w in of.group(1).split()])
                if not polity:
                    as_ = SIDE_AS.match(text[end:end + 80])
                    polity = as_ and polity_of(as_.group(1))
                if polity:
                    sides[m["entity_id"]] = "side:" + polity
                    break
            if hit and rx is SIDE_BEFORE:
                # "Communist leader Mao", "White general Denikin": the side is a group the text names
                at = start - len(piece) + hit.start(1)
                group = [g for g in mentions if g["start"] == at and g["label"] == "NORP"]
                if group:
                    sides[m["entity_id"]] = group[0]["entity_id"]
                    break
    _national_offices(text, places, sides)
    _command_and_succession(text, places, sides)
    _envoys(text, places, sides)
    _principals(text, places, sides)
    _faction_ties(text, places, sides, mentions)
    _administration_heads(text, places, sides)
    # a man the text ties to two sides ("the American general X ... the British general X", a turncoat) acts for none
    ties = defaultdict(set)
    for m, start, end in places:
        for rx, piece in ((SIDE_BEFORE, text[max(0, start - 60):start]), (SIDE_AFTER, text[end:end + 60])):
            hit = rx.search(piece)
            if hit and rx is SIDE_BEFORE and _in_person_name(hit, start - len(piece), people):
                continue        # a word of a person's name: "Roman Protasevich" is no Roman
            polity = hit and polity_of(LEADING_ARTICLE.sub("", hit.group(1)))
            if polity:
                ties[m["entity_id"]].add(polity)
    for eid, found in ties.items():
        if len(found) > 1:
            sides.pop(eid, None)
    return sides


ADMINISTRATION = re.compile(r"(?<![\w-])((?:[A-Z][a-z]+(?:,\s+|\s+and\s+))*[A-Z][a-z]+)(?:['’]s)?\s+administrations?\b"
                            r"|\badministrations?\s+of\s+(?:(?:the\s+)?[A-Z][a-z.]+\s+){0,3}([A-Z][a-z]+)\b")


def _administration_heads(text: str, places: list, sides: dict) -> None:
    """ "the Johnson administration", "the Truman and Eisenhower administrations", "the administration of President
    X": the men a text names as heads of administrations head its governments one after another; when those of them
    the text gives a side all have one state, the others are that state's heads too."""
    heads = set()
    for hit in ADMINISTRATION.finditer(text):
        heads.update(re.split(r",\s+|\s+and\s+", hit.group(1)) if hit.group(1) else [hit.group(2)])
    ids = {m["entity_id"] for m, _, _ in places if m["text"].split()[-1] in heads}
    known = {sides[e] for e in ids if str(sides.get(e, "")).startswith("side:")}
    if len(known) != 1 or any(e in sides and not str(sides[e]).startswith("side:") for e in ids):
        return
    state = next(iter(known))
    for e in ids:
        sides.setdefault(e, state)


@lru_cache(maxsize=1)
def _faction_tie_patterns():
    """ "rebel leader X", "the Bolshevik commander X"; "X, the rebel leader", "X, a guerrilla chief"; "X, the leader of
    the Communist Party": a faction word (sides.json "faction_nouns") in a man's title or apposition."""
    lex = side_lexicon()
    faction = r"(" + _alt(sorted(lex["faction_nouns"], key=len, reverse=True)) + r")"
    head = r"(?:" + TITLES + r"|" + _alt(lex["office_nouns"]) + r"|chieftain|commanders?)"
    before = re.compile(r"(?<![\w-])(?i:" + faction + r")\s+(?:[a-z-]+\s+)?" + head + r"\s+(?:" + TITLES + r"\s+)*$")
    after = re.compile(r"^,\s+(?:(?:then|later|now|still)\s+)?(?:the|a|an)\s+(?:[a-z-]+\s+)?(?i:" + faction + r")\s+(?:[a-z-]+\s+)?" + head + r"\b")
    # "X, the leader of the rebels", "X, commander of the insurgents"; "X, who led the rebels", "X led the mutineers"
    of = re.compile(r"^,\s+(?:(?:then|later|now|still)\s+)?(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+)?" + head
                    + r"\s+of\s+the\s+(?:[a-z-]+\s+)?(?i:" + faction + r")\b")
    led = re.compile(r"^(?:,\s+who)?\s+(?:" + _alt(lex["command_adverbs"]) + r"\s+)?(?:led|commanded|headed)\s+the\s+(?:[a-z-]+\s+)?(?i:"
                     + faction + r")\b")
    return before, after, of, led


def _faction_ties(text: str, places: list, sides: dict, mentions: list[dict]) -> None:
    """A man the text gives no state: the faction his title or apposition names ("rebel leader X", "X, the Bolshevik
    commander", "X, the leader of the rebels", "X, who led the mutineers", "X, the leader of the Communist Party" ->
    Rebels, Bolsheviks, Rebels, Mutineers, Communists; sides.json "faction_nouns",
    "faction_bodies"), or the named movement he heads ("X, the leader of the Agrarian League")."""
    lex = side_lexicon()
    before, after, of_faction, led = _faction_tie_patterns()
    for m, start, end in places:
        if m["entity_id"] in sides:
            continue
        hit = (before.search(text[max(0, start - 60):start]) or after.match(text[end:end + 80])
               or of_faction.match(text[end:end + 80]) or led.match(text[end:end + 60]))
        if hit and (hit.group(1)[:1].isupper() or hit.group(1).lower() in lex["faction_role_words"]):
            sides[m["entity_id"]] = "side:" + lex["faction_nouns"][hit.group(1).lower()]
            continue
        of = SIDE_HEAD_OF.match(text[end:end + 80])
        if of:
            w = [x.lower() for x in of.group(1).split()]
            if len(w) > 1 and w[-1] in lex["faction_bodies"]:
                faction = next((lex["faction_nouns"][x] for x in w[:-1] if x in lex["faction_nouns"]), None)
                if faction:
                    sides[m["entity_id"]] = "side:" + faction
                    continue
            at = end + of.start(1)
            body = [g for g in mentions if g["label"] == "ORG" and g["start"] <= at < g["end"]]
            if body and w[-1] in lex["faction_bodies"] | lex["body_nouns"]:
                sides[m["entity_id"]] = body[0]["entity_id"]


def _surname_sides(mentions: list[dict], sides: dict[str, str]) -> dict[str, str]:
    """ "U.S. President Harry S. Truman ... President Truman met": a surname the entity model keeps as an entity of
    its own acts for the side of the one man of that surname the text gives a side."""
    by_surname = defaultdict(set)
    people = [m for m in mentions if m["label"] == "PERSON" and m["text"].split()]
    for m in people:
        if m["entity_id"] in sides and len(m["text"].split()) > 1:
            by_surname[m["text"].split()[-1]].add(sides[m["entity_id"]])
    # "An American army ..., commanded by the General Horatio Gates": a man the entity model took for an
    # organisation, with his title or first name, is one of that surname too
    for m in mentions:
        w = m["text"].split()
        if m["label"] in ("ORG", "NORP") and m["entity_id"] in sides and len(w) > 1 and _bare_name(w):
            by_surname[w[-1]].add(sides[m["entity_id"]])
    out = dict(sides)
    for m in people:
        side = by_surname.get(m["text"].split()[-1]) if m["entity_id"] not in sides else None
        if side and len(side) == 1:
            out[m["entity_id"]] = next(iter(side))
    # "... Gates was defeated at the Battle of Camden": the surname the entity model takes for an organisation
    # acts for the side of the one man of that surname the text gives a side (a name of capitalised words only,
    # not a state's, a force's or a body's)
    for m in mentions:
        w = m["text"].split()
        if m["label"] in ("ORG", "NORP") and m["entity_id"] not in out and 0 < len(w) <= 4 and _bare_name(w):
            side = by_surname.get(w[-1])
            if side and len(side) == 1:
                out[m["entity_id"]] = next(iter(side))
    return out


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Words no man's name is made of: forces, factions, bodies, acts, collectives, polities, units, organisations."""
    lex = side_lexicon()
    return frozenset(lex["force_nouns"] | set(lex["faction_nouns"]) | lex["faction_bodies"] | lex["act_heads"]
                     | lex["collective_nouns"] | lex["polity_nouns"] | lex["unit_words"] | lex["body_nouns"]
                     | set(lex["organisation_words"]))


def _bare_name(words: list[str]) -> bool:
    """Capitalised words that could be a man's name ("Gates", "Horatio Gates", "General Horatio Gates"): none of them a
    state's name or demonym, a force, a body or a faction."""
    from ..entities.demonyms import polity_of
    nouns = _not_name_words()
    return (words[0].lower() not in ("the", "a", "an")
            and all(re.fullmatch(r"[A-Z][a-z'’.-]+", x) and x.lower() not in nouns and polity_of(x) is None
                    and x.lower() not in _polity_names() for x in words))


def _title_holders(text: str, mentions: list[dict], entity_info: dict, entity_labels: dict,
                   ruler: dict | None = None) -> dict[str, str]:
    """ "the Kaiser fled", "the King refused": a title named alone stands for the one person the text names with it
    ("Kaiser Wilhelm II"; "King George III" where the entity model leaves the title out of the name); a ruler's title
    the text gives no one by name stands for the one person it says came to the throne ("Louis XVI ascended to the
    throne", sides.json "accession_phrases"); a title the text gives no one, or several people, names no actor ("").
    `ruler` gets the holder of the ruler's title the text names alone most often ("" for none)."""
    lex = side_lexicon()
    titles = lex["titles"] | lex["sovereign_titles"]
    bare, holders = set(), defaultdict(set)
    for m in mentions:
        w = re.sub(r"^[Tt]he\s+", "", m["text"].strip()).split()
        if not w:
            continue
        if w[0].lower() not in titles:
            # "King George III": the title just before a person's name
            before = re.search(r"(?<![\w-])([A-Z][a-z]+)\s+$", text[max(0, m["start"] - 20):m["start"]])
            if m["label"] == "PERSON" and before and before.group(1).lower() in lex["sovereign_titles"]:
                holders[before.group(1).lower()].add(m["entity_id"])
            continue
        if len(w) == 1:
            bare.add(m["entity_id"])
        elif m["label"] in ("PERSON", "ORG") and w[1][:1].isupper():
            holders[w[0].lower()].add(m["entity_id"])
    # the throne the text tells of is that of the ruler's title it names alone most often ("the King", not a foreign
    # "Emperor" named once)
    named = Counter(m["text"].strip().split()[-1].lower() for m in mentions if m["entity_id"] in bare
                    and m["text"].strip().split()[-1].lower() in lex["sovereign_titles"]).most_common(2)
    crowned, throne = set(), None
    if named and (len(named) == 1 or named[0][1] > named[1][1]):
        throne = named[0][0]
        phrases = re.compile(r"^,?\s+(?:" + _alt(lex["accession_phrases"]) + r")\b")
        crowned = {m["entity_id"] for m in mentions if m["label"] == "PERSON" and phrases.match(text[m["end"]:m["end"] + 40])}
    out = {}
    for eid in bare:
        title = re.sub(r"^the\s+", "", entity_info.get(eid, {}).get("canonical", eid).lower())
        if title not in titles:
            continue
        who = holders.get(title, set())
        if not who and title == throne:
            who = crowned
        out[eid] = next(iter(who)) if len(who) == 1 else ""
        if out[eid]:
            entity_labels[out[eid]] = "PERSON"
        if ruler is not None and title == throne:
            ruler["holder"] = out[eid]
    return out


def _household_subject(roles: list, text: str, seg_start: int) -> bool:
    """The act's agent is the ruler's household named by its common noun ("the royal family", "the royal party";
    sides.json "ruler_households"), no name in it."""
    households = side_lexicon()["ruler_households"]
    for r in roles:
        if r[0] != "subject" or len(r) != 3:
            continue
        words = re.findall(r"[\w'’-]+", text[r[1] + seg_start:r[2] + seg_start])
        low = [w.lower() for w in words]
        if (2 <= len(words) <= 4 and not any(w[:1].isupper() for w in words[1:])
                and low[0] in ("the", "royal", "imperial") and " ".join(low[-2:]) in households):
            return True
    return False


def _organ_subject(roles: list, text: str, seg_start: int) -> bool:
    """The act's agent is a state organ named by its common noun alone ("the new government", "riot police",
    "the army and police"), no name in it (sides.json "organ_subjects")."""
    organs = side_lexicon()["organ_subjects"]
    for r in roles:
        if r[0] != "subject" or len(r) != 3:
            continue
        phrase = text[r[1] + seg_start:r[2] + seg_start]
        words = re.findall(r"[\w'’-]+", phrase)
        # ("Federal troops crossed ...", "Police arrested ...": a first word capitalised only as the sentence's first)
        opens = re.search(r"(?:^|[.!?]\s|\n)\s*$", text[max(0, r[1] + seg_start - 3):r[1] + seg_start]) is not None
        if len(words) > 5 or any(w[:1].isupper() for w in words[1:]) or (words and words[0][:1].isupper() and not opens
                                                                       and words[0].lower() not in ("the", "a", "an")):
            continue
        low = [w.lower() for w in words]
        if low and (low[-1] in organs or " ".join(low[-2:]) in organs):
            return True
    return False


@lru_cache(maxsize=1)
def _between_organ_pattern() -> re.Pattern:
    organs = _alts(side_lexicon()["organ_subjects"])
    side = r"(?:the\s+)?(?:[a-z-]+\s+)?"
    return re.compile(r"\s+between\s+(?:" + side + organs + r"\s+and\b|[^,;.]{1,60}?\band\s+" + side + organs + r"\b)")


def _between_organ(after: str) -> bool:
    """The act word is followed by "between" a state organ named by its common noun alone and another side
    ("fighting between the government and the LTTE", "clashes between the rebels and the army";
    sides.json "organ_subjects")."""
    return _between_organ_pattern().match(after) is not None


def _country_of_town(text: str, mentions: list[dict], towns: set | frozenset = frozenset()) -> set[str]:
    """ "captured Savannah, Georgia", "bombed the naval base at Darwin, Australia": a state named just after a town
    and a comma, where the phrase ends (a stop, a comma, a preposition), says where the town is, not who acts; not in
    a list ("Saigon, Cambodia and Laos") nor a subject after a fronted place ("In Gallipoli, Turkey repelled ..."). The
    ids of the sentence's states that stand only there."""
    from .arguments import _is_polity
    ordered = sorted(mentions, key=lambda m: m["start"])
    where, other = set(), set()
    for p, m in zip([None] + ordered, ordered):
        town = p is not None and (p["entity_id"] in towns or p["label"] in ("GPE", "LOC", "FAC") and not _is_polity(p["text"]))
        if (town and text[p["end"]:m["start"]] == ", " and m["label"] == "GPE" and _is_polity(m["text"])
                and re.match(r"\s*[.;:)!?]|,\s+[a-z]|\s+(?:in|on|at|by|during|from|to|with|after|before|until)\b",
                             text[m["end"]:m["end"] + 10])):
            where.add(m["entity_id"])
        else:
            other.add(m["entity_id"])
    return where - other


def _headed_organ_men(text: str, mentions: list[dict], entity_labels: dict) -> dict[str, int]:
    """Men the sentence names as the head of an organ named after them ("the Alexandru Marghiloman government", "the
    Diem regime", "the Johnson administration"; sides.json "headed_organs"): entity id -> where the name stands."""
    out = {}
    for m in mentions:
        # (a man's name the entity model tags an organisation, "the Alexandru Marghiloman government": a bare name)
        if m["label"] != "PERSON" and entity_labels.get(m["entity_id"]) != "PERSON" and not (
                m["label"] in ("ORG", "NORP") and len(m["text"].split()) > 1 and _bare_name(m["text"].split())):
            continue
        if _names_organ(text, m):
            out.setdefault(m["entity_id"], m["start"])
    return out


def _names_organ(text: str, m: dict) -> bool:
    """The name stands before the organ it labels ("the Nixon administration", "the Diem regime"; sides.json
    "headed_organs")."""
    nxt = re.match(r"\s+([a-z]+)\b", text[m["end"]:m["end"] + 20])
    return nxt is not None and nxt.group(1) in side_lexicon()["headed_organs"]


def _paragraph_state(text: str, mentions: list[dict], at: int, sentence_id: str, entity_info: dict,
                     canonical_ids: dict, defined: dict, undergoers: tuple = ()) -> list[str]:
    """The state whose organ acts: the one the act's sentence names (by name, else by its capital), else the one the
    paragraph names last before `at` (a people's demonym names no state with a government: "Algerian rebels").
    A state the act is done to or addressed to (`undergoers`: absolute spans of its object, patient, addressee or
    office) is not the organ's: "the government warned Greece" names the state warned."""
    from ..entities.demonyms import capital_table
    from .arguments import _is_polity
    lo = text.rfind("\n", 0, at) + 1
    hi = bisect.bisect_left([m["start"] for m in mentions], at)
    before = [m for m in mentions[:hi] if m["start"] >= lo and m["label"] == "GPE"]
    # the act's own sentence first ("riot police arrested hundreds in Prague": the capital's state)
    own = [m for m in mentions if m["sentence_id"] == sentence_id and m["label"] == "GPE"
           and not any(a <= m["start"] < b for a, b in undergoers)]
    for ms in (own, list(reversed(before))):
        for m in ms:
            if _is_polity(m["text"]):
                return _as_polities([m["entity_id"]], entity_info, canonical_ids, defined)
        for m in ms:
            state = capital_table().get(m["text"].lower())
            if state:
                return _as_polities(["side:" + state], entity_info, canonical_ids, defined)
    return []


def _alts(words) -> str:
    return "(?:" + _alt(words) + ")"


ORDINALS = r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)"


@lru_cache(maxsize=1)
def _command_patterns():
    lex = side_lexicon()
    side = r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?|[A-Z]{2,5}|(?:[A-Z]\.){2,3})"
    objects = _alts(lex["command_objects"])
    # ("the Wilson administration sent U.S. Marines": the organ a man heads moves the forces of his side)
    after = re.compile(r"^(?:['’]s)?(?:\s+" + _alts(lex["headed_organs"]) + r")?\s+(?:" + _alts(lex["command_adverbs"]) + r"\s+)?"
                       + _alts(lex["command_verbs"])
                       + r"\s+(?:the\s+|all\s+|his\s+)?" + side + r"\s+(?:[a-z]+\s+(?:and\s+[a-z]+\s+)?)?(?i:" + objects + r")\b")
    # ("The Polish 3rd Army under General X", "the British Fourth Army under X": a numbered unit, its noun capitalised)
    before = re.compile(side + r"\s+(?:(?:[a-z]+|\d+(?:st|nd|rd|th)|" + ORDINALS + r")\s+)?(?i:" + objects + r")(?:\s+of\s+(?:about\s+|some\s+)?[\d,]+\s+[a-z]+)?,?\s+"
                        + _alts(lex["command_by"]) + r"\s+(?:the\s+)?(?:" + TITLES + r"\s+)*$")
    titles = r"(?:the\s+)?(?:[a-z-]+\s+)?(?:" + TITLES + r"\s+)*"
    succession = [re.compile(r"^,?\s+" + _alts(lex["succession_after"]) + r"\s+" + titles),
                  re.compile(r"^\s+(?:[a-z]+\s+){0,2}" + _alts(lex["succession_by"]) + r"\s+(?:as\s+(?:[A-Za-z-]+\s+){1,3})?by\s+(?:his\s+[a-z-]+\s+)?" + titles),
                  re.compile(r"^['’]s\s+" + _alts(lex["succession_nouns"]) + r",?\s+" + titles)]
    # "Enver Pasha, supreme commander of the Turkish armed forces"; "Rawlinson's Fourth British Army"
    office = re.compile(r"^,\s+(?:" + _alts(lex["office_adverbs"]) + r"\s+)?(?:the\s+|a\s+)?(?:[a-z-]+\s+)?(?:" + TITLES
                        + "|" + _alt(lex["office_nouns"]) + r")\s+(?:of|in)\s+(?:all\s+)?(?:the\s+)?" + side
                        + r"\s+(?:[a-z]+\s+)?" + objects + r"\b")
    own = re.compile(r"^['’]s\s+(?:own\s+)?(?:[A-Z][a-z]+\s+)?" + side + r"\s+(?i:" + objects + r")\b")
    # "X drove his French Tenth Army forward", "X led his British troops": a force the sentence gives him as his own
    his = re.compile(r"^\s+(?:\([^()]{1,40}\)\s+)?(?:[a-z]+\s+){1,2}(?:his|her)\s+(?:own\s+)?([A-Z][a-z]+|[A-Z]{2,5}|(?:[A-Z]\.){2,3})\s+"
                     r"(?:[A-Z][a-z]+\s+)?(?i:" + objects + r")\b")
    return (after, office, own, his), before, succession


def _command_and_succession(text: str, places: list, sides: dict) -> None:
    """A person the text gives no side by title or apposition: the side of the force he commands ("Cornwallis took
    over British operations", "an American army of 8,000 men, commanded by General Gates"), else the side of the man
    he succeeded or who succeeded him ("Greene, who replaced General Gates"; "X was succeeded by his deputy Y")."""
    from ..entities.demonyms import polity_of
    after_name, before_name, succession = _command_patterns()
    for m, start, end in places:
        if m["entity_id"] in sides:
            continue
        hit = (next(filter(None, (rx.match(text[end:end + 100]) for rx in after_name)), None)
               or before_name.search(text[max(0, start - 140):start]))
        named = hit and re.sub(r"^[Tt]he\s+", "", hit.group(1))
        # (a force named by its state's name, "the United States Marines")
        polity = hit and (polity_of(named) or _polity_names().get(named.lower()))
        if polity:
            sides[m["entity_id"]] = "side:" + polity
    _share_side_in_succession(text, places, sides, succession)


def _envoys(text: str, places: list, sides: dict) -> None:
    """ "Reagan sent emissary Philip Habib to the Middle East", "Washington dispatched General Lafayette to defend
    Virginia": a man another man sends somewhere acts for the sender's side, and the sender for the envoy's when only
    the envoy's is known (sides.json "envoy_verbs", "envoy_nouns";
    not "sent Nixon a message": the man sent goes "to" somewhere)."""
    lex = side_lexicon()
    sent = re.compile(r"^\s+" + _alts(lex["envoy_verbs"]) + r"\s+(?:(?:his|her|an?|the)\s+)?(?:[a-z]+\s+)?(?:"
                      + _alts(lex["envoy_nouns"]) + r"\s+)?(?:" + TITLES + r"\s+)*")
    at = {}
    for m, start, end in places:
        at.setdefault(start, (m, end))
    for m, start, end in places:
        hit = sent.match(text[end:end + 80])
        envoy = hit and at.get(end + hit.end())
        if not envoy or envoy[0]["entity_id"] == m["entity_id"] or not re.match(r"\s+to\b", text[envoy[1]:envoy[1] + 6]):
            continue
        a, b = m["entity_id"], envoy[0]["entity_id"]
        if a in sides and b not in sides:
            sides[b] = sides[a]
        elif b in sides and a not in sides:
            # ("Reagan dispatched Haig to London", Haig the Secretary of State: the sender is of the envoy's side)
            sides[a] = sides[b]


@lru_cache(maxsize=1)
def _office_patterns():
    """ "Secretary of State X", "X, Secretary of Defense", "X, now both Secretary of State and ...": one state's office
    (sides.json "national_offices") just before or after a man's name; no state's name or demonym before the title."""
    offices = side_lexicon()["national_offices"]
    alt = r"(?i:" + _alt(sorted(offices, key=len, reverse=True)) + r")"
    # (the man's first names may stand between the title and the place his surname is written: "Secretary of Defense
    # Caspar [Weinberger]", where the entity model took "Defense Caspar Weinberger" for an organisation)
    before = re.compile(r"(?<![\w.’'])(?:(?:the|his|her|former|then|acting|and|[a-z]+['’]s)\s+)?(" + alt
                        + r")\s*,?\s+(?:[A-Z][a-z]+\s+|[A-Z]\.\s+){0,3}$")
    after = re.compile(r"^,\s+(?:(?:then|now|later|still|both|the)\s+){0,2}(" + alt + r")\b(?!\s+for\b)")
    return before, after


def _national_offices(text: str, places: list, sides: dict) -> None:
    """A man the text gives no state by a demonym: the state whose office the text gives him ("Secretary of State
    Henry Kissinger", "Carter and his Secretary of State, Cyrus Vance", "Kissinger, now both Secretary of State and
    National Security Advisor"); the title written after a state ("British Defense Secretary") is that state's."""
    offices = side_lexicon()["national_offices"]
    before, after = _office_patterns()
    for m, start, end in places:
        if m["entity_id"] in sides:
            continue
        piece = text[max(0, start - 80):start]
        hit = before.search(piece)
        if hit:
            word = re.search(r"([A-Z][\w.]*)\s+$", piece[:hit.start()])
            if word and _polity_in_word(word.group(1)):
                continue        # "the Soviet Secretary of State ...": the state the text gives
        hit = hit or after.match(text[end:end + 80])
        if hit:
            sides[m["entity_id"]] = "side:" + offices[re.sub(r"\s+", " ", hit.group(1).lower())]


def _polity_in_word(word: str) -> bool:
    from ..entities.demonyms import polity_of
    return bool(polity_of(word) or _polity_names().get(word.lower()))


def _principals(text: str, places: list, sides: dict) -> None:
    """A man and the official the text gives him are on one side ("Carter's National Security Advisor, Zbigniew
    Brzezinski", "Carter and his Secretary of State, Cyrus Vance", "Kennedy and his foreign policy team—Secretary of
    State Dean Rusk"): a side known for either is the other's."""
    lex = side_lexicon()
    offices = r"(?:" + TITLES + r"|" + _alt(sorted(lex["national_offices"], key=len, reverse=True)) + r")"
    team = r"(?:(?:[a-z-]+\s+){0,3}" + _alts(lex["principal_teams"]) + r"\s*[—–-]+\s*)?"
    official = re.compile(r"^(?:['’]s|\s+and\s+(?:his|her))\s+" + team + r"(?i:" + offices + r")\s*,?\s+")
    at = {}
    for m, start, _ in places:
        at.setdefault(start, m["entity_id"])
    for m, start, end in places:
        hit = official.match(text[end:end + 120])
        other = hit and at.get(end + hit.end())
        if not other or other == m["entity_id"]:
            continue
        _share_side(m["entity_id"], other, sides)


def _share_side(a: str, b: str, sides: dict) -> bool:
    """Two men on one side: a side known for either is the other's. True when one was given."""
    if a in sides and b not in sides:
        sides[b] = sides[a]
        return True
    if b in sides and a not in sides:
        sides[a] = sides[b]
        return True
    return False


def _share_side_in_succession(text: str, places: list, sides: dict, succession: list) -> None:
    """A man and the one he succeeded or who succeeded him are on one side: a side known for either is the other's
    (a few rounds, so that it passes along a chain of successors)."""
    at = {}
    for m, start, _ in places:
        at.setdefault(start, m["entity_id"])
    for _ in range(3):
        changed = False
        for m, start, end in places:
            for rx in succession:
                hit = rx.match(text[end:end + 90])
                other = hit and at.get(end + hit.end())
                if not other or other == m["entity_id"]:
                    continue
                changed = _share_side(m["entity_id"], other, sides) or changed
        if not changed:
            break


@lru_cache(maxsize=1)
def _polity_names() -> dict[str, str]:
    from ..entities.demonyms import hand_table
    return {v.lower(): v for v in hand_table().values()}


def _named_before(mentions_by_sent, sent, parsed, entity_info, canonical_ids, defined, at: int) -> list[str]:
    """The states and peoples named before `at` in the sentence, else in the sentence before it: whom
    "the countries", "both sides" stand for."""
    prev = [s for s in parsed.sentences if s.end <= sent.start]
    for sid, upto in ((sent.sentence_id, at), (prev[-1].sentence_id if prev else None, None)):
        # ("Mediated by Ethiopia and the AU, the two sides ...": the brokers are not the sides)
        brokered = brokers(mentions_by_sent.get(sid, []), parsed.text, types().get("mediator_words", []))
        ms = [m for m in mentions_by_sent.get(sid, []) if m["label"] in ("GPE", "NORP") and (upto is None or m["start"] < upto)
              and m["entity_id"] not in brokered]
        found = _as_polities([m["entity_id"] for m in sorted(ms, key=lambda m: m["start"])], entity_info, canonical_ids, defined)
        if len(found) >= 2:
            return found[:4]
    return []


# a realm's title names the state ("the Empire of Japan" is Japan); a republic's may name another state than the bare
# name ("the Republic of the Congo", "the Republic of China")
REALM_TITLE_OF = re.compile(r"^(?:the\s+)?(?:Kingdom|Empire|Emirate|Sultanate|Principality|Duchy|Grand Duchy|Khanate|Caliphate)"
                            r"\s+of\s+(?:the\s+)?")


def _titled_state(name: str) -> str | None:
    """ "the Empire of Japan", "the Kingdom of Italy": the state a realm's title names, or None."""
    from ..entities.demonyms import polity_of, state_names
    bare = REALM_TITLE_OF.sub("", name)
    if bare == name:
        return None
    return polity_of(bare) or (bare if bare.lower() in state_names() else None)


def _as_polities(actors: list[str], entity_info: dict, canonical_ids: dict,
                 defined: dict[str, str] | None = None, person_sides: dict | None = None,
                 keep_persons: bool = True, sides: bool = True) -> list[str]:
    """Demonyms and peoples act for their polity ("the British", "Soviet forces" -> Britain, Soviet Union),
    and so do a state's forces and organs named with its name or an acronym the text defines (sides.py);
    places and unit names the text gives no side for are no actors. The polity becomes an entity of the
    document when the text names it only by its demonym."""
    from ..entities.demonyms import capital_table, polity_of
    out = []
    for eid in actors:
        if eid.startswith("side:"):
            name = eid[5:]
            # ("Houthi fighters": the group the text names in the plural, "the Houthis")
            eid = (canonical_ids.get(name.lower()) or canonical_ids.get(name.lower() + "s")
                   or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"))
            entity_info.setdefault(eid, {"canonical": name, "label": "NORP"})
        name = entity_info.get(eid, {}).get("canonical", eid)
        label = entity_info.get(eid, {}).get("label", "")
        if defined and "people:" + name.lower() in defined:
            if eid not in out:
                out.append(eid)     # a people named like a state the text never names: the people itself
            continue
        if label == "PERSON" and re.sub(r"^the\s+", "", name.lower()) in side_lexicon()["coalitions"]:
            label = "NORP"          # "the Entente Powers" tagged as a person: a coalition
        polity = (polity_of(name) or polity_of(re.sub(r"\s+(?:forces|troops|army|armies|navy|government)$", "", name.lower()))
                  or _polity_names().get(name.lower())
                  or _titled_state(name) or short_name(name))
        navy = None if polity else ship_polity(name)
        if navy:
            polity, label = navy, ""      # "HMS Furious launched a raid": the ship's navy acts
        if not polity and label in ("NORP", "ORG") and re.search(r"(?:ines|ians|ans|ites|enes|ese|ian|an|ine|ite)$", name):
            # "the Saguntines" -> Saguntum, "Biafran forces" -> Biafra: a people named after a city or land the text names
            stem = re.sub(r"(?:ines|ians|ans|ites|enes|ese|ian|an|ine|ite)$", "", name)
            # (a singular adjective only after a state or city: "European countries" are not Europe's)
            kinds = ("GPE", "ORG", "LOC") if name.endswith("s") or name.endswith("ese") else ("GPE",)
            polity = next((info["canonical"] for e, info in entity_info.items() if len(stem) >= 5 and e != eid
                           and info.get("label") in kinds and STATE_TITLE.sub("",
                                                                     info.get("canonical", "")).startswith(stem)
                           and " " not in STATE_TITLE.sub("", info.get("canonical", ""))), None)
        if not polity and label == "GPE" and capital_table().get(name.lower()):
            continue        # a capital named beside the act is where it happened ("Hanoi authorized" is mapped before)
        if not polity and sides:
            kind, polity = side_of(name, label, defined)
            if kind == "drop":
                continue
            if kind == "person":
                # the side of the person of that name, when the text gives one; else no side
                side = next((person_sides[p] for p, info in entity_info.items() if p in (person_sides or {})
                             and info.get("label") == "PERSON" and info.get("canonical", "").split()[-1:] == [name.split()[-1]]), None)
                if side is None:
                    if not keep_persons:
                        continue
                    polity = None
                else:
                    out.extend(a for a in _as_polities([side], entity_info, canonical_ids, defined) if a not in out)
                    continue
        if polity and label in ("NORP", "GPE", "ORG", ""):
            pid = canonical_ids.get(polity.lower())
            if pid is None:
                pid = re.sub(r"[^a-z0-9]+", "-", polity.lower()).strip("-")
                entity_info.setdefault(pid, {"canonical": polity, "label": "GPE"})
                canonical_ids[polity.lower()] = pid
            eid = pid
        elif not polity and label in ("FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"):
            continue        # a building, a region, a ship's class, a named act: never a side
        elif not polity and label in ("NORP", "ORG") and defined:
            named = org_name(name, defined)
            if named and named != name:
                # an organisation the text introduces with an acronym acts under one name, long form and acronym
                nid = canonical_ids.get(named.lower()) or "org-" + re.sub(r"[^a-z0-9]+", "-", named.lower()).strip("-")
                entity_info.setdefault(nid, {"canonical": named, "label": label})
                canonical_ids[named.lower()] = nid
                eid = nid
        if eid not in out:
            out.append(eid)
    return out


def _successor_span(tok) -> tuple[int, int] | None:
    """Who takes the office in a succession act (sides.json "succession_acts"): the subject of the active verb ("X
    replaced Y"), the 'by'-agent of the passive verb or of the noun ("Y was succeeded by X", "the replacement of Y by
    X"); None when the parse names no one in that place."""
    if tok.lemma_.lower() not in side_lexicon()["succession_acts"]:
        return None
    kids = list(tok.children)
    if tok.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubjpass", "auxpass") for c in kids):
        who = [c for c in kids if c.dep_ == "nsubj"]
        if not who and tok.dep_ == "conj":
            who = [c for c in tok.head.children if c.dep_ == "nsubj"]
    else:
        who = [g for c in kids if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
               for g in c.children if g.dep_ == "pobj"]
    if not who or who[0].tag_ in ("WDT", "WP"):
        return None
    words = list(who[0].subtree)
    return words[0].idx, words[-1].idx + len(words[-1])


def _successor_only(actors: list[str], doc, t, seg_start: int, mentions: list[dict], holders: dict) -> list[str]:
    """A succession names two persons; only the one who takes the office acts ("Clinton replaced Howe" -> Clinton)."""
    span = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
    at = _successor_span(span.root) if span is not None and len(span) else None
    if at is None:
        return actors
    lo, hi = at[0] + seg_start, at[1] + seg_start
    inside = {holders.get(m["entity_id"], m["entity_id"]) for m in mentions if lo <= m["start"] and m["end"] <= hi}
    keep = [a for a in actors if a in inside]
    return keep or actors


def _wars_plural(t) -> bool:
    """The war-span predicate speaks of several wars ("the five wars waged by the countries")."""
    args = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")] + ([t.head] if t.dep_ in ("acl", "relcl") else [])
    return any(a.tag_ in ("NNS", "NNPS") and a.lemma_.lower() in ("war", "conflict") for a in args)


def _drop_subsumed_preds(preds, text, seg_start) -> list:
    """ "an agreement on a ceasefire" is a ceasefire, not also an agreement; a named one
    ("the Bishkek Protocol called for ... a ceasefire") stays an agreement too."""
    subsumes = types()["subsumes"]
    out = []
    for p in preds:
        if text[seg_start + p.start].islower() and any(
                o.type == winner and p.type in losers and abs(o.start - p.start) < 40
                for o in preds for winner, losers in subsumes.items()):
            continue
        out.append(p)
    return out


def _circumstance_nominals(preds) -> set[int]:
    """Act nouns in a prepositional phrase of a force act of their own clause ("a counter attack in the battle of
    Kolubara", "captured the ridge in fierce fighting", "escaped ... with some 15,000 casualties"): the act itself,
    its setting or its tally, no second act (EVENTS.md: one act, one row). Their token offsets."""
    lex = lexicon()
    preps, acts = lex["circumstance_preps"], lex["circumstance_act_types"]
    by_i = {p.token.i: p for p in preds}
    out = set()
    for p in preds:
        t = p.token
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.head.lower_ not in preps:
            continue
        if NAMED_ACT.match(t.doc.text, t.idx):
            continue          # "at the Battle of Tunis": a named act keeps the war's span the text gives it
        h = t.head
        while h.head.i != h.i and h.i not in by_i and h.pos_ not in ("VERB", "AUX"):
            h = h.head
        if h.i in by_i and h.i != t.i and by_i[h.i].type in acts:
            out.add(p.start)
    return out


def _done_by_act_word(preds) -> dict[int, int]:
    """Typed verbs with an object whose subject is a typed act word ("a counter attack by the Central Powers defeated
    the Romanian army", "a French plebiscite ratified the document"): the verb tells what that act did to its object,
    one act, which the act word names (EVENTS.md: one act, one row). Not a verb without an object, which tells the
    act's fate ("the offensive failed": a halted attack is a clash, EVENTS.md), nor a war's start or end, a row of its
    own beside the act that began or ended it (GUIDELINES). Verb offset -> act word offset."""
    by_i = {p.token.i: p for p in preds}
    edges = ("war_start", "war_end", "other")
    out = {}
    for p in preds:
        t = p.token
        if p.type in edges or t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "nsubj" or t.head.i == t.i:
            continue
        verb = by_i.get(t.head.i)
        if verb is not None and verb.type not in edges and verb.token.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "dobj" for c in verb.token.children):
            out[verb.start] = p.start
    return out


def _carrier_of_own_type(preds) -> dict[int, int]:
    """A typed verb whose object names its own act with a typed act word of the same type ("agreed to a ceasefire on
    the 15th", "signed a peace treaty"): the verb is typed by that word (predicates.json object_lemma, to_lemma) and
    the two are one act (EVENTS.md: one act, one row). Verb offset -> act word offset."""
    by_i = {p.token.i: p for p in preds}
    out = {}
    for p in preds:
        t = p.token
        if t.pos_ not in ("NOUN", "PROPN") or t.head.i == t.i or p.type == "other":
            continue
        # (the object, or "to": not a time or place phrase, "arrested hundreds after a demonstration")
        h = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ == "to" else t.head if t.dep_ == "dobj" else None
        verb = by_i.get(h.i) if h is not None else None
        if verb is not None and verb.type == p.type and verb.token.pos_ in ("VERB", "AUX"):
            out[verb.start] = p.start
    return out


def _clause_head(tok):
    """The verb of the finite clause a token stands in (through phrases, participles and nouns)."""
    t = tok
    while t.head.i != t.i and not (t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS):
        t = t.head
    return t


def _agreement_of_meeting(preds) -> dict[int, int]:
    """A meeting that is the subject of an agreement's clause ("the Geneva conference reached agreement on ..."), and a
    document an agreement is reached on ("reached agreement on the Declaration on the Neutrality of ..."): one act, the
    agreement's row (GUIDELINES: a meeting where a pact was signed is one agreement). Not a meeting that only sets the
    clause ("at the summit, with both leaders agreeing on a common goal": the meeting is the act), nor a document a
    verb issues or signs ("issued the Declaration of ...": what it is, the document says). Meeting or document offset
    -> agreement offset."""
    agreements = [p for p in preds if p.type == "agreement"]
    if not agreements:
        return {}
    meetings = lexicon()["occasion_nouns"]
    out = {}
    for p in preds:
        t = p.token
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if p.type == "other" and t.lemma_.lower() in meetings and t.dep_ in ("nsubj", "nsubjpass"):
            a = next((a for a in agreements if _clause_head(a.token).i == t.head.i), None)
        elif p.type == "declaration":
            h = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("on", "upon") else None
            a = next((a for a in agreements if h is not None and a.token.i == h.i), None)
        else:
            a = None
        if a is not None:
            out[p.start] = a.start
    return out


def _movement_after_withdrawal(preds) -> dict[int, int]:
    """A movement verb joined to a withdrawal with the same doer ("the ship pulled away and returned to the United
    States", "the brigade withdrew from the town and moved back to its base"): where the withdrawing force went, one
    movement, the withdrawal's row (EVENTS.md: one act, one row). Not a verb with a subject of its own ("withdrew, and
    the allies moved in"). Movement offset -> withdrawal offset."""
    by_i = {p.token.i: p for p in preds}
    out = {}
    for p in preds:
        t = p.token
        head = by_i.get(t.head.i)
        if (p.type == "deployment" and t.pos_ == "VERB" and t.dep_ == "conj" and head is not None
                and head.type == "withdrawal" and head.token.pos_ == "VERB"
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            out[p.start] = head.start
    return out


OWN_COMPLEMENT = {"dobj", "prep", "agent", "attr", "dative", "oprd", "prt", "npadvmod"}


def _own_act(tok) -> bool:
    """A finite verb of the main line with its own complement or subject states an act of its own: "attacked
    in Poland and overran East Prussia", "seized Manila in March; Mindanao was captured later that month" are two; "invaded and occupied the Baltic States" (one object for both) and a
    participle ("landed, quickly taking control") are one."""
    return (tok.pos_ == "VERB" and tok.tag_ != "VBG" and tok.dep_ in ("ROOT", "conj")
            and any((c.dep_ in OWN_COMPLEMENT and not any(w.ent_type_ == "DATE" for w in c.subtree))
                    or (tok.dep_ == "conj" and c.dep_ in ("nsubj", "nsubjpass")) for c in tok.children))


CLAUSE_DEPS = ("ROOT", "conj", "ccomp", "advcl", "parataxis")


def _clause_subject(tok) -> str | None:
    """The subject of a finite clause the predicate heads ("Mindanao" in "Mindanao was captured"), as text;
    None for a participle, a noun or a clause without its own subject."""
    if tok.pos_ not in ("VERB", "AUX") or tok.tag_ == "VBG" or tok.dep_ not in CLAUSE_DEPS:
        return None
    if tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj or subj[0].tag_ in ("WDT", "WP"):
        return None
    return " ".join(w.lower_ for w in subj[0].subtree)


PLACE_ENTS = ("GPE", "LOC", "FAC")


def _act_places(tok) -> frozenset:
    """The places an act word names as its own object or with a preposition ("swept across Western Germany",
    "an offensive against Moscow"), as lower-case words; none for a participle (a detail of the act before it:
    "landed, quickly taking control of the city"). A town the text or the gazetteer names is a place whatever the
    entity model tags it ("liberated Crimea" tagged ORG: predicates._ent_type)."""
    if tok.tag_ == "VBG" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBG" for c in tok.children):
        return frozenset()      # "taking control of", "having been captured during the battle for ..."
    return frozenset(w.lower_ for c in tok.children if c.dep_ in ("prep", "dobj", "pobj")
                     for w in c.subtree if _ent_type(w) in PLACE_ENTS)


RESTATING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _clause_verb(tok):
    """The verb of the clause an act noun is the subject of ("fighting continued", "the siege began"); else the
    predicate's own token."""
    h = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass") and h.pos_ in ("VERB", "AUX"):
        return h
    return tok


def _other_actor(tok) -> bool:
    """A coordinated act with a doer of its own ("Roosevelt died and was succeeded by Truman",
    "took the town, and the garrison fled") is not a detail of the act it is coordinated with."""
    if not (_own_act(tok) and tok.dep_ == "conj"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return True
    # "died and was succeeded by Truman": the agent is another doer than the first act's subject; not so
    # when both are passives of one patient ("were encircled and then assaulted by enemy troops")
    head_passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)
    return not head_passive and any(c.dep_ == "agent" for c in tok.children)


def _simultaneous_act(tok) -> bool:
    """ "X was forced to resign, while hundreds of thousands marched in protest": a clause opened by "while" or
    "whereas" with a finite verb and a subject of its own tells another doer's act at the same time, not a detail
    of the act it is set beside (`simultaneous_marks`)."""
    return (tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.tag_ in ("VBD", "VBN")
            and any(c.dep_ == "mark" and c.lower_ in lexicon()["simultaneous_marks"] for c in tok.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in tok.children))


def _caused_act(tok) -> bool:
    """ ", prompting the council to resign", ", leading the adviser to claim ...": the to-infinitive under a result
    participle of a causative verb (`causative_verbs`) with an object of its own names another side's act, a row of
    its own (GUIDELINES: a result clause stays in its act's row unless it names another side's act)."""
    if tok.pos_ != "VERB" or tok.dep_ != "xcomp" or tok.tag_ != "VB":
        return False
    head = tok.head
    return (head.dep_ == "advcl" and head.tag_ == "VBG" and head.lemma_.lower() in lexicon()["causative_verbs"]
            and any(c.dep_ == "dobj" for c in head.children))


CORE_COMPLEMENT = {"dobj", "agent", "attr", "dative", "oprd", "xcomp", "ccomp"}
OBJECT_OR_AGENT = {"dobj", "agent", "dative"}


def _core_complement(tok, deps=CORE_COMPLEMENT) -> bool:
    """The verb has an object, an agent or a complement clause of its own (not a place, a time or a manner)."""
    return any(c.dep_ in deps and not any(w.ent_type_ in ("DATE", "TIME") for w in c.subtree) for c in tok.children)


def _coordinated_act(tok) -> bool:
    """A finite verb joined by "and" to another finite verb, with an object or an agent of its own (the first with an
    object, an agent or a complement of its own), is an act of its own told at the time the sentence gave the first
    ("fired the minister and dissolved the assembly", "was forced to flee the capital and was arrested by army
    units"), not a detail of it; not when the two
    share what follows ("arrested and deposed the king", "invaded and occupied the country"), nor for a saying or a
    judgement ("and replied that ...", "and declared him the hero of the hour")."""
    if not (tok.pos_ == "VERB" and tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBN")
            and _core_complement(tok, OBJECT_OR_AGENT) and tok.lemma_.lower() not in lexicon()["saying_verbs"]
            and not any(c.dep_ in ("ccomp", "oprd", "xcomp") for c in tok.children)):
        return False
    head = tok.head
    return (head.pos_ == "VERB" and head.tag_ in ("VBD", "VBN") and _core_complement(head)
            and any(c.dep_ == "cc" and head.i < c.i < tok.i for c in head.children))


# "Norway was conquered within two months", "pushed back into Egypt in under a month": the act took place
# between the story's date and that long after it
WITHIN = re.compile(r"\b(?:within|in\s+(?:under|less\s+than)|inside\s+of)\s+$", re.IGNORECASE)
VAGUE_COUNT = 3          # "within a few days": three


# "In the past year, both armies had harassed each other": the stretch that ends where the story is
PAST_SPAN = re.compile(r"(?:the\s+)?(?:past|previous|preceding|last)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)$", re.IGNORECASE)
SPAN_PREP = re.compile(r"\b(?:in|over|during|throughout)\s+$", re.IGNORECASE)
# ("have occupied for the last 26 years", "have become common over the past two years": a present perfect counts back
# from the time of writing, not from the story's date)
PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:not\s+|\w+ly\s+)?(?:been|had|\w+(?:ed|en|un|wn|ght|ome|one|ade|eld|ld|lt|pt|ft|st|et|nt|ead|ut|it|id|old|on))\b",
                             re.IGNORECASE)


def _past_span(d: dict, story: dict, m) -> dict | None:
    """ "in the past year", "over the previous two months": from that long before the story's date up to it."""
    try:
        a = dt.date.fromisoformat(story["start_date"])
    except ValueError:
        return None
    n = VAGUE_COUNT if m.group(1) == "X" else int(m.group(1))
    unit = m.group(2)
    if unit in "DW":
        start = a - dt.timedelta(days=n * (7 if unit == "W" else 1))
    else:
        y, mo = add_months(a.year, a.month, -n * (12 if unit == "Y" else 1))
        start = dt.date(y, mo, min(a.day, last_day(y, mo)))
    return dict(d, kind="relative", start_date=start.isoformat(), end_date=a.isoformat(),
                granularity="day", anchor_id=story["date_id"])


def _within(text: str, d: dict, story: dict | None, sentence: str = "") -> dict | None:
    """A duration the act took ("within two months") after the story's date: the interval from that date
    to the duration's end, as a date of the clause; None when it is no such phrase or the story has no date."""
    m = re.fullmatch(r"P(\d+|X)([DWMY])", d.get("value") or "")
    if m is not None and story is not None and PAST_SPAN.match(d.get("text", "")) \
            and SPAN_PREP.search(text[max(0, d["start"] - 20):d["start"]]) and not PRESENT_PERFECT.search(sentence):
        return _past_span(d, story, m)
    if m is None or story is None or not WITHIN.search(text[max(0, d["start"] - 20):d["start"]]):
        return None
    try:
        a, b = dt.date.fromisoformat(story["start_date"]), dt.date.fromisoformat(story["end_date"])
    except ValueError:
        return None
    n = VAGUE_COUNT if m.group(1) == "X" else int(m.group(1))
    unit = m.group(2)
    if unit in "DW":
        end = b + dt.timedelta(days=n * (7 if unit == "W" else 1))
    else:
        y, mo = add_months(b.year, b.month, n * (12 if unit == "Y" else 1))
        end = dt.date(y, mo, min(b.day if b.day < 28 else 31, last_day(y, mo)))
        if b == dt.date(b.year, b.month, last_day(b.year, b.month)):
            end = dt.date(y, mo, last_day(y, mo))        # "In April ... within two months": to the end of June
    return dict(d, kind="relative", start_date=a.isoformat(), end_date=end.isoformat(),
                granularity="day", anchor_id=story["date_id"])


QUOTE_MARKS = '"\u201c\u201d'
SPEECH_WORDS = 6         # a quoted stretch this long is someone's words, not a title ("Battle of Hue")


def _in_speech(text: str, at: int) -> bool:
    """The offset lies inside a quotation of its paragraph: somebody's words ("We fight, get beat, rise"),
    which the story's date does not date."""
    para = text.rfind("\n", 0, at) + 1
    marks = [i for i in range(para, at) if text[i] in QUOTE_MARKS]
    if len(marks) % 2 == 0:
        return False
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    close = next((i for i in range(at, end) if text[i] in QUOTE_MARKS), end)
    return len(text[marks[-1] + 1:close].split()) >= SPEECH_WORDS


# "the Battle of the Trebia, the Battle of Lake Trasimene and ... the Battle of Cannae": a capitalised act word
# with a proper name after "of" names one act of its own
NAMED_ACT = re.compile(r"[A-Z][a-z]+\s+of\s+(?:the\s+)?[A-Z]")


def _named_act(text: str, t) -> bool:
    return t is not None and NAMED_ACT.match(text, t[0]) is not None


POLITICAL_TYPES = ("other", "resolution", "declaration", "dissolution", "election")


def _pluperfect_relative(tok) -> bool:
    """A verb of a relative clause in the past perfect ("legislators who had escaped arrest formed a committee on 16
    April"): it describes a person or thing by what happened before the act it stands in, not at that act's date."""
    return tok.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


# a vague offset forward ("days later", "a year later", "the next day", "the following week") counted from the date of
# another sentence
FORWARD_OFFSET = re.compile(r"\b(?:later|after|afterwards?|next|following|subsequent)\b", re.IGNORECASE)
OFFSET_RULES = frozenset({"relative_offset", "relative_offset_bare", "relative_word"})
UNTOLD_OFFSET_CONFIDENCE = 0.45


def _offset_from_untold_act(doc, seg_start: int, sent_start: int, d: dict, date_by_id: dict) -> bool:
    """ "The Americans withdrew to Harlem Heights, where they skirmished the next day", "suffered their only defeat at
    the Battle of X but days later, they defeated ...": a vague offset forward that its own sentence tells after an
    act of another clause counts from that act, which the text gives no date of its own; the time rules counted it from
    the date of a sentence before, which is not the date of the act it counts from: the act it dates is dated as the
    narrative carries a date, not by its own words. False when the offset counts from a date of its own sentence or
    opens it ("Two days later, X captured ...": from the act the sentence before dated)."""
    if d.get("kind") != "relative" or d.get("rule") not in OFFSET_RULES or not FORWARD_OFFSET.search(d.get("text") or ""):
        return False
    anchor = date_by_id.get(d.get("anchor_id") or "")
    if anchor is None or anchor["start"] >= sent_start:
        return False
    span = _date_span(doc, seg_start, d)
    if span is None:
        return False
    # the clause of the offset: the verb it hangs on, and the verbs that verb completes without a clause of its own
    clause, v = set(), span.root
    while v.dep_ != "ROOT" and v.pos_ not in ("VERB", "AUX"):
        v = v.head
    clause.add(v.i)
    while v.dep_ in ("xcomp", "aux", "auxpass") and v.head.i != v.i:
        v = v.head
        clause.add(v.i)
    first = span[0].i
    for w in doc[max(0, first - 80):first]:
        if w.idx + seg_start < sent_start or w.i in clause or w.dep_ in ("aux", "auxpass"):
            continue
        if w.pos_ in ("VERB", "AUX") and "Fin" in w.morph.get("VerbForm") and w.dep_ in ("ROOT", "conj", "relcl", "advcl", "ccomp"):
            return True
    return False


def _undated_confidence(base: float, t, tok, text: str) -> float:
    """How sure an act dated by its sentence or by the narrative is: an untyped happening ("other") is a weaker
    guess, and words inside a quotation weaker still; but a political act stated as done in the narrative's own
    voice ("Necker was fired", "the Assembly suspended the King", "Danton fled to England") is as sure as a typed
    act, and reaches the chronicle when it is told in the paragraph that gave the date."""
    if _in_speech(text, t[0]):
        return base - (0.1 if t[2] == "other" else 0.0) - 0.2
    if tok is not None and _pluperfect_relative(tok):
        # an act without a date of its own in a pluperfect relative clause describes a thing or a person by what had
        # happened before ("the bathtub in which Marat had been murdered"): background told elsewhere, not the story's act
        base -= 0.1
    if tok is not None and t[2] in POLITICAL_TYPES and (political_act(tok) or named_announcement(tok)):
        return base + 0.05 if base >= 0.45 else base
    return base - (0.1 if t[2] == "other" else 0.0)


NAMED_DOERS = ("PERSON", "ORG", "GPE", "NORP")


def named_announcement(tok) -> bool:
    """An announcement a named person, body or state makes in the narrative's own voice ("Weinberger announced that
    the Marines would leave"): a political act (EVENTS.md: a statement is an `other` act), though the verb is one of
    saying (`announcement_verbs`); the main clause's verb in the simple past with a subject the entity model names,
    not what someone said an unnamed one announced."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBD" or tok.dep_ != "ROOT" or _lemma(tok) not in lexicon()["announcement_verbs"]:
        return False
    if any(c.dep_ == "aux" for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.ent_type_ in NAMED_DOERS


NOUN_ACT = "<noun>"
RELATIVE_ACT = "<relative>"


def _doer_key(tok):
    """Who does an act taken in a sentence, for telling a later clause with a doer of its own apart: the clause's
    subject; None for a verb without one (a participle or a coordinated verb shares the doer before it); an act noun
    that is the subject of its clause is that clause's doer ("the offensive ... cut off and destroyed the German
    troops"); any other act noun stands for no clause's doer ("the invasion met little resistance" is not "the
    militia seized the arsenal")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        verb = _clause_verb(tok)
        return _clause_subject(verb) if verb is not tok else NOUN_ACT
    subj = _clause_subject(tok)
    if subj is None and tok.dep_ == "relcl":
        return RELATIVE_ACT     # "principals, who agreed that ...", "the drownings he organized": the act of a relative
                                # clause describes its noun; a later clause with a subject of its own does not share its doer
    return subj


def _another_of_kind(p, preds) -> bool:
    """An act word the text marks as another one of its kind than one told before it in the sentence ("inflicted one
    defeat on them at the Battle of X, but won a later battle", "a second attack"): an act of its own."""
    words = _another_words()
    return p.token.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "det") and c.lower_ in words for c in p.token.children) and any(
        q.type == p.type and q.start < p.start for q in preds)


@lru_cache(maxsize=1)
def _another_words() -> frozenset:
    return frozenset(types().get("another_act_modifiers", []))


def _undated(pairs, preds, seg_start, text: str = "") -> list:
    done = {(t[0], t[2]) for t, _, _ in pairs if t is not None}
    types_done = {t[2] for t, _, _ in pairs if t is not None}
    subjects = defaultdict(set)     # type -> subjects of the clauses already taken
    for p in preds:                 # ... the dated ones too ("Denmark capitulated, and Norway was conquered within two months")
        if (seg_start + p.start, p.type) in done:
            subjects[p.type].add(_doer_key(p.token))
    out = []
    for p in preds:
        t = (seg_start + p.start, seg_start + p.end, p.type, p.rule)
        subj = _clause_subject(p.token)
        # one undated act per type, but a clause with a doer of its own is another act ("the Soviets took
        # Kiev, while the Germans took Kharkov")
        # (an act noun taken before is no clause's doer: "The siege of the fort lasted a week, and the rebels
        # captured the town" are two acts; not so for an untyped happening after an act noun, a weaker guess)
        other_doer = (subj is not None and subjects[t[2]] and subj not in subjects[t[2]] and None not in subjects[t[2]]
                      and (t[2] != "other" or NOUN_ACT not in subjects[t[2]]))
        # a coordinated act with an object of its own is another act of the same doer ("took Kiev and crossed
        # the Dnieper", "an attack on the port and landings on the coast"), not the same act told twice
        own_object = t[2] != "other" and p.token.dep_ == "conj" and any(
            c.dep_ in ("dobj", "prep") for c in p.token.children)
        if (t[0], t[2]) in done or (t[2] in types_done and not _named_act(text, t) and not other_doer
                                    and not _another_of_kind(p, preds) and not own_object and not _caused_act(p.token)
                                    and not _introduced_after(p.token, lexicon())):
            continue
        types_done.add(t[2])
        subjects[t[2]].add(_doer_key(p.token))
        out.append(t)
    return out


def extract_events(parsed: Parsed, tables: dict, entity_info: dict) -> list[dict]:
    cfg = types()
    doc_id = parsed.document.doc_id
    text = parsed.text
    # a news dateline's place ("BAKHMUT, Ukraine, 8 March 2023 — Russian forces ...") is where the article was filed:
    # no side nor place of any event
    # (only the text's first date can be one: time.extract reads the dateline the same way)
    first = min(tables.get("dates", []), key=lambda d: d["start"], default=None)
    dateline = ((text.rfind("\n", 0, first["start"]) + 1, first["start"])
                if first is not None and is_news_dateline(text, first["start"], first["end"]) else None)
    if dateline is not None:
        tables = dict(tables, mentions=[m for m in tables.get("mentions", [])
                                        if not dateline[0] <= m["start"] < dateline[1]])
    residue = render_residue(text)
    war_ends = _war_end_sentences(text, [s for s in parsed.sentences if s.segment.kind != "cell"])
    start_of = {d["date_id"]: d["start"] for d in tables.get("dates", []) if d.get("date_id")}
    dates_by_sent = defaultdict(list)
    span_words = set(cfg.get("story_span_words", []))
    span_sents = set()          # sentences set in "this period": neither that date nor the story's dates them
    for d in tables.get("dates", []):
        if (d["kind"] == "relative" and d["text"].lower().split()[-1] in span_words
                and d.get("granularity") not in ("year", "decade")):
            # "this period" after a day or a month: a stretch longer than the date the story gave last
            span_sents.add(d["sentence_id"])
        elif (d["start_date"] and d["kind"] in ("date", "range", "relative") and not d.get("names_thing")
                and not any(a <= d["start"] < b for a, b in residue)
                # "Only at the end of the conflict ... days later, they defeated ...": not counted from a date the
                # story has moved past
                and not (d["kind"] == "relative" and d.get("anchor_id") in start_of
                         and _past_war_end(war_ends, start_of[d["anchor_id"]], d["start"]))):
            dates_by_sent[d["sentence_id"]].append(_after_date(text, d))
    durations_by_sent = defaultdict(list)
    for d in tables.get("dates", []):
        if d["kind"] == "duration" and not any(a <= d["start"] < b for a, b in residue):
            durations_by_sent[d["sentence_id"]].append(d)
    seg_docs = sorted(((seg.start, doc) for seg, doc in parsed.segment_docs()), key=lambda x: x[0])
    seg_starts = [x[0] for x in seg_docs]
    for _, doc in seg_docs:
        repair_parse(doc)         # verbs the tagger read as nouns or adjectives (repair.py)

    def seg_doc_at(offset: int):
        return seg_docs[max(0, bisect.bisect_right(seg_starts, offset) - 1)]

    attributive, scopes = date_roles(seg_doc_at, [d for ds in dates_by_sent.values() for d in ds], set(cfg["framing_nouns"]))
    # the narrative's current date: what the text last dated, not a date naming a thing ("the 2020 war")
    # nor one inside a clause about something else ("a cable released in 2020")
    # ... but the dates a named period is given ("a revolt, known as the Mercenary War (240-238 BC)") take the
    # story into that period: what follows without a date of its own happens in it
    definitions = {}
    periods = document_periods(text, tables.get("mentions", []), tables.get("dates", []), definitions)
    defining = {d["date_id"]: eid for eid, d in definitions.items()}
    all_dates = sorted((d for ds in dates_by_sent.values() for d in ds
                        if (d["date_id"] not in attributive and (d["date_id"] not in scopes or d.get("tells_story"))
                            and d.get("moves_story", True)) or d["date_id"] in defining), key=lambda d: d["start"])
    # "On December 7 (...), 1941, Japan attacked ...": a coarser date holding the sentence's finer one
    # ("1941", "a client state in 1939") leaves the story at the finer date
    story = []
    for d in all_dates:
        if d.get("tells_story") and d["date_id"] in scopes and story and hist_key(d["start_date"]) <= hist_key(story[-1]["end_date"]):
            continue        # a clause about a person moves the story forward only, never back
        if (story and story[-1]["sentence_id"] == d["sentence_id"]
                and hist_key(d["start_date"]) <= hist_key(story[-1]["start_date"])
                and hist_key(story[-1]["end_date"]) <= hist_key(d["end_date"]) and _width(d) > _width(story[-1])):
            continue
        story.append(d)
    all_dates = story

    date_spans = [(d["start"], d["end"]) for d in tables.get("dates", []) if d.get("start") is not None]

    def governs(d, t) -> bool:
        lo_hi = scopes.get(d["date_id"])
        if lo_hi is not None and not lo_hi[0] <= t[0] < lo_hi[1]:
            return False
        # "One day after the offensive started, on 20 September, ...": an event named in a before/after
        # phrase happened on another day than the clause's (a month or a year may well hold both)
        if d.get("granularity") != "day":
            return True
        back = _background_phrase(text, t[0], date_spans)
        return back is None or back[0] <= d["start"] < back[1]
    period_mentions_by_sent = defaultdict(list)
    for m in tables.get("mentions", []):
        if m["entity_id"] in periods:
            period_mentions_by_sent[m["sentence_id"]].append(m)
    # the wars "the war" may refer back to: ours, and any war the text gives dates for ("the Second Punic War
    # (218 BC - 201 BC)")
    wars = set(cfg["war_periods"]) | {m["entity_id"] for m in tables.get("mentions", [])
                                      if m["entity_id"] in periods and is_period_name(m["text"], "war_heads")}
    war_mentions = sorted((m["start"], m["entity_id"]) for m in tables.get("mentions", []) if m["entity_id"] in wars)
    mentions_by_sent = defaultdict(list)
    for m in tables.get("mentions", []):
        mentions_by_sent[m["sentence_id"]].append(m)
    towns_only = _towns_only(text, tables.get("mentions", []), set(cfg["location_prepositions"]),
                             set(cfg["settlement_nouns"]), cfg.get("place_evidence"))
    # the same towns are places for typing: "Hue fell", "Tulancingo was taken", whatever the model tagged them
    mark_towns(seg_docs, [(m["start"], m["end"]) for m in tables.get("mentions", []) if m["entity_id"] in towns_only]
               + _gazetteer_towns(seg_docs, tables.get("mentions", []), towns_only))
    quantities_by_sent = defaultdict(list)
    for q in tables.get("quantities", []):
        quantities_by_sent[q["sentence_id"]].append(q)
    known = known_entities()
    # a place that acts ("Nagorno-Karabakh declared independence") makes its polity an entity of the document
    for place, polity in cfg["place_actors"].items():
        if place in entity_info and polity not in entity_info and polity in known:
            entity_info[polity] = {"canonical": known[polity].canonical, "label": known[polity].label}
    entity_kinds = {eid: k.kind for eid, k in known.items()}
    # so do the places a named event names ("the blockade of Nagorno-Karabakh")
    for m in tables.get("mentions", []):
        if m["label"] == "EVENT":
            for place in places_named_in(m["text"]):
                if place not in entity_info:
                    entity_info[place] = {"canonical": known[place].canonical, "label": known[place].label}
    entity_labels = {eid: info["label"] for eid, info in entity_info.items()}
    canonical_ids = {info["canonical"].lower(): eid for eid, info in entity_info.items()}
    person_sides = _person_sides(text, tables.get("mentions", []))
    actor_sides = _surname_sides(tables.get("mentions", []), person_sides)     # for actors, not for grouping
    ruler = {}
    holders = _title_holders(text, tables.get("mentions", []), entity_info, entity_labels, ruler)
    all_mentions = sorted(tables.get("mentions", []), key=lambda m: m["start"])
    # "the Viet Cong", "a band of the Partisans": a name the entity model takes for a person but the text writes
    # with "the", never with a title, is a group, a side in its own right
    titled_ids, the_ids = set(), set()
    for m in tables.get("mentions", []):
        if m["label"] == "PERSON":
            before = text[max(0, m["start"] - 40):m["start"]]
            if TITLED_PERSON.search(before):
                titled_ids.add(m["entity_id"])
            elif re.search(r"\b[Tt]he\s+$", before) and (" " in m["text"].strip() or _plural_name(m["text"], text)):
                the_ids.add(m["entity_id"])     # "the Viet Cong"; "the Jacobins" (the text writes "Jacobin" too)
            elif _written_with_the(entity_info.get(m["entity_id"], {}).get("canonical", ""), text):
                the_ids.add(m["entity_id"])     # "The Pathet [Lao] accepted": the model tagged a piece of "the Pathet Lao"
    for eid in the_ids - titled_ids - set(person_sides):
        entity_labels[eid] = "NORP"
    defined = dict(acronyms(text), **unit_sides(tables.get("mentions", []), text))
    # "the 1st Cavalry Division embarked": a numbered unit the text gives no state is of the one army whose numbered
    # units it names with their state
    numbered = numbered_units_side(defined)
    if numbered:
        defined["unit:*"] = numbered
    for people, state in side_lexicon()["peoples_like_states"].items():
        if not re.search(r"(?<![\w-])" + re.escape(state) + r"(?![\w-])", text):
            defined["people:" + people] = state     # "the Indians" of a text that never names India: the people
    not_triggers = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in cfg["not_triggers"]) + r")\b", re.IGNORECASE)
    framing = frozenset(cfg["framing_nouns"])
    war_rules = set(cfg.get("war_rules", []))

    rows = []
    date_pos = [d["start"] for d in all_dates]
    story_by_sent = defaultdict(list)
    for d in all_dates:
        if d["date_id"] not in scopes:     # a clause about a person dates its own sentence's acts only through the parse
            story_by_sent[d["sentence_id"]].append(d)
    # the narrative's time: a later date that only contains it ("On 1 September 1939 ... in 1939") does not move it
    narrative_state = []
    # a section heading's span ("War in the north, 1775-1780", "National Convention (1792-1795)") names what the
    # section covers, not where its story is: the story keeps the time it had, and has none before its first date
    heading_sids = {s.sentence_id for s in parsed.sentences
                    if s.segment.kind != "cell" and is_heading(text[s.start:s.end]) and _own_line(text, s.start, s.end)}
    for d in all_dates:
        cur = narrative_state[-1] if narrative_state and not narrative_state[-1].get("_heading") else None
        if d["sentence_id"] in heading_sids:
            narrative_state.append(cur if cur is not None else dict(d, _heading=True))
        elif (cur is not None and hist_key(d["start_date"]) <= hist_key(cur["start_date"])
                and hist_key(cur["end_date"]) <= hist_key(d["end_date"])
                and "\n" not in text[cur["end"]:d["start"]]):
            narrative_state.append(cur)
        else:
            narrative_state.append(d)
    # a paragraph of background told in the past perfect before the story's date (time/extract.py): its dates
    # date the acts of their own paragraph; after it the story resumes at the date it had reached before it
    resume_state = []
    for i, d in enumerate(all_dates):
        if not d.get("flashback"):
            resume_state.append(None)
        elif i > 0 and all_dates[i - 1].get("flashback"):
            resume_state.append(resume_state[-1])
        else:
            resume_state.append(narrative_state[i - 1] if i > 0 else None)
    last_agent = None           # (actor id, offset) of the last act whose agent the parse gave
    # the sentences that date an event of their own: where "after the siege of Boston" finds the siege's date
    dated_sentences = [(s.start, s.end, dates_by_sent.get(s.sentence_id, [])) for s in parsed.sentences
                       if s.segment.kind != "cell" and not is_heading(text[s.start:s.end])]
    relative_at = {d["start"]: d for d in tables.get("dates", []) if d["kind"] == "relative"}
    date_by_id = {d["date_id"]: d for d in tables.get("dates", []) if d.get("date_id")}
    linked = defaultdict(list)  # sentence start -> (trigger start, trigger end, date) of the acts it dates itself
    anchored_ids = set()        # dates counted from an event the text names
    recent_sides = []           # (actor id, offset) of the last acts' actors

    prev_sid = None
    seen_sids = []              # the sentences so far, in order (whom "he" names, back through the paragraph)
    for sent in parsed.sentences:
        sid_before, prev_sid = prev_sid, sent.sentence_id
        seen_sids.append(sent.sentence_id)
        if sent.segment.kind == "cell":
            continue
        if is_heading(text[sent.start:sent.end]):
            continue
        sent_dates = dates_by_sent.get(sent.sentence_id, [])
        sent_story = story_by_sent.get(sent.sentence_id, [])
        for d in durations_by_sent.get(sent.sentence_id, []):
            i = bisect.bisect_left(date_pos, d["start"]) - 1
            w = _within(text, d, all_dates[i] if i >= 0 else None, text[sent.start:sent.end])
            if w is not None:
                sent_dates = sent_dates + [w]
        # "Three weeks after the siege of Boston began", "the day after the battle", "following the coup": a time
        # counted from another event of the text, dated where the text states that event
        anchored = []
        for ph in find_phrases(text, sent.start, sent.end):
            if any(d["start"] != ph.start for d in sent_story):
                continue          # "On 2 March, following an attack on ...": the sentence's own date
            got = anchored_date(text, ph, dated_sentences, (sent.start, sent.end), linked)
            if got is None:
                continue
            i = bisect.bisect_left(date_pos, sent.start) - 1
            if ph.count is None and i >= 0 and hist_key(narrative_state[i]["start_date"]) > hist_key(got["start_date"]):
                continue          # "after X" is a lower bound only: a story already past X keeps its own date
            old = relative_at.get(ph.start) if ph.count is not None else None
            if old is None:
                old = {"doc_id": doc_id, "date_id": f"{doc_id}:d{ph.start}-{ph.end}", "sentence_id": sent.sentence_id,
                       "start": ph.start, "end": ph.end, "text": text[ph.start:ph.end], "kind": "relative", "value": "",
                       "mod": "", "rule": "event_anchor", "review_status": ""}
                tables.setdefault("dates", []).append(old)
            elif old in sent_dates:
                sent_dates = [d for d in sent_dates if d is not old]
            # the date expression now holds the time counted from the event it names
            old.update(start_date=got["start_date"], end_date=got["end_date"], granularity=got["granularity"],
                       anchor_id=got["anchor_id"], value=got["start_date"] if got["start_date"] == got["end_date"] else "")
            anchored_ids.add(old["date_id"])
            anchored.append((ph, old))
            if ph.count is not None:
                sent_dates = sent_dates + [old]
        seg_start, doc = seg_doc_at(sent.start)
        granted = [d for d in sent_dates if _granted_deadline(doc, seg_start, d)]
        if granted:
            # "giving them until 1 March to leave": the time they were given, no act's date
            sent_dates = [d for d in sent_dates if not any(d is g for g in granted)]
            sent_story = [d for d in sent_story if not any(d is g for g in granted)]
        span, preds = doc_predicates(doc, sent.start - seg_start, sent.end - seg_start)
        if span is None or not has_finite_verb(span):
            continue
        preds = [p for p in preds if not _inside_excluded(text, seg_start + p.start, seg_start + p.end, not_triggers)]
        # "until the fall of 1973": the season the date names, not a town's fall
        preds = [p for p in preds if not any(d.get("granularity") == "season" and d["start"] <= seg_start + p.start < d["end"]
                                             for d in sent_dates)]
        if not preds and not sent_dates:
            continue
        pairs = _link_and_type(text, sent, span, preds, sent_dates, seg_start, governs, framing)
        untold = {id(d) for d in sent_dates if _offset_from_untold_act(doc, seg_start, sent.start, d, date_by_id)}
        if untold:
            # (an untyped happening dated so is a weaker guess still, as the narrative's carried date is)
            pairs = [(t, d, min(c, UNTOLD_OFFSET_CONFIDENCE - (0.1 if t is not None and t[2] == "other" else 0.0))
                      if id(d) in untold else c) for t, d, c in pairs]
        circumstances = _circumstance_nominals(preds)
        if circumstances:
            # the act noun of a phrase setting a force act states no act of its own unless it carries its own date
            pairs = [(t, d, c) for t, d, c in pairs if t is None or c >= 0.8 or t[0] - seg_start not in circumstances]
            owned = {t[0] - seg_start for t, _, _ in pairs if t is not None}
            preds = [p for p in preds if p.start not in circumstances or p.start in owned]
        in_phrase = lambda t: any(ph.start <= t[0] < ph.end for ph, _ in anchored)
        if anchored:
            # the anchor event named in the phrase is stated, with its date, where the text dates it
            pairs = [(t, d, c) for t, d, c in pairs if t is None or not in_phrase(t)]
            preds = [p for p in preds if not in_phrase((seg_start + p.start,))]
        # predicates without a date of their own: a named period the clause is set in, the sentence's own
        # date, else the narrative
        pred_tokens = {seg_start + p.start: p.token for p in preds}
        dated = {t[0] for t, _, _ in pairs if t is not None}
        for t in _undated(pairs, _drop_subsumed_preds(preds, text, seg_start), seg_start, text):
            if anchored and not sent_story:
                # an act of a sentence timed from another event: a count from it is as good as a date; "after X"
                # bounds it from below only, as the narrative would
                ph, d = anchored[0]
                pairs.append((t, d, (0.6 if ph.count is not None else 0.45) - (0.1 if t[2] == "other" else 0.0)))
                continue
            period = _period_setting(text, period_mentions_by_sent.get(sent.sentence_id, []), t)
            if period is None and _named_act(text, t):
                # a named battle with no date of its own, told while the story is inside a war the text dates
                period = _current_war(periods, war_mentions, all_dates, date_pos, sent.start, inside_only=True)
            war_phrase = DEFINITE_WAR.search(text, max(sent.start, t[0] - 120), min(sent.end, t[1] + 120))
            if period is None and war_phrase and (t[2] in cfg["range_endpoint"] or not PERIOD_NOT_SETTING.search(
                    text[max(sent.start, war_phrase.start() - 25):war_phrase.start() + len(war_phrase.group(1))])):
                period = _current_war(periods, war_mentions, all_dates, date_pos, sent.start,
                                      demonstrative=bool(THIS_WAR.match(text, war_phrase.end(1))))
            if period is not None:
                a, b = periods[period["entity_id"]]
                if period.get("relation") == "aftermath":
                    a, b = hist_unit_interval(b, "month") or (a, b)
                elif period.get("relation") == "object" and t[2] == "declaration" and is_period_name(period["text"], "war_heads"):
                    # "Rome declared the Third Punic War": a war is declared when it begins, at its first year, month or day
                    a, b = hist_unit_interval(a, _period_granularity(a, b)) or (a, b)
                pairs.append((t, {"date_id": "", "start": period["start"], "start_date": a,
                                  "end_date": b, "period_id": period["entity_id"],
                                  "kind": "range", "granularity": _period_granularity(a, b)},
                              0.55 if period.get("mention_id") or period.get("anaphor") else 0.5))
                continue
            tok = pred_tokens.get(t[0])
            own = [d for d in sent_story if governs(d, t) and not _date_of_content(doc, seg_start, d, tok, reported_only=True)
                   and not _date_of_other_content(doc, seg_start, d, tok)]
            if own and tok is not None and tok.dep_ != "conj" and seg_start + tok.head.idx in dated:
                own = []        # "quashed a coup in May": what the dated act acts on has no date from it
            if own:
                # the sentence dates itself ("Finland rejected the demands and was invaded in November 1939"):
                # an act of it the date was not linked to is nearer that date than the story's before it
                d = min(own, key=lambda d: abs(d["start"] - t[0]))
                # a typed act in a clause with a doer of its own, beside a dated act of another doer ("On 10 August
                # the Germans attacked ...; fighting continued ...", "the USAF destroyed depots, while the Navy attacked
                # transport hubs"): another act of the sentence, at its date
                verb = _clause_verb(tok) if tok is not None else None
                if verb is not None and verb is not tok and any(
                        c.dep_ in ("det", "poss") and c.lower_ in RESTATING_DETERMINERS for c in tok.children):
                    verb = None     # "The agreement guaranteed ...": an act told before, not another one
                subj = _clause_subject(verb) if verb is not None and not any(c.dep_ == "neg" for c in verb.children) else None
                taken = {_clause_subject(pred_tokens[u[0]]) for u, _, c in pairs
                         if u is not None and u[0] in pred_tokens and c >= 0.65}
                bonus = 0.1 if t[2] != "other" and subj is not None and taken and subj not in taken else 0.0
                pairs.append((t, d, _undated_confidence(0.45 + bonus, t, tok, text)))
                continue
            # "taken on 8 November, only hours before a Bulgarian division arrived": the phrase's act is timed from
            # its clause's day, not from the story's date before the sentence
            cp = clause_phrase_date(text, sent.start, t[0], sent_story)
            if cp is None and tok is not None:
                cp = _until_then_date(text, tok, seg_start, sent_dates)
            if cp is None and tok is not None and tok.dep_ == "conj" and tok.pos_ == "VERB":
                # "had seized power in a coup in 1969 and had declared a republic": the verb it is joined to states
                # its act through an act noun of its clause, which the date is on (a date the story does not take up)
                joined = _date_of_clause_noun(tok.head, tok, {pred_tokens[u[0]].i: ud for u, ud, _ in pairs
                                                              if u is not None and u[0] in pred_tokens})
                j = bisect.bisect_left(date_pos, sent.start) - 1
                told = {(x["start_date"], x["end_date"]) for x in sent_story + ([narrative_state[j]] if j >= 0 else [])}
                if joined is not None and (joined["start_date"], joined["end_date"]) not in told:
                    # (as sure as a date on the verb it is joined to; a date the story has reached dates it as before)
                    pairs.append((t, joined, _undated_confidence(0.65, t, tok, text)))
                    continue
            if cp is not None:
                pairs.append((t, cp, _undated_confidence(0.45, t, tok, text)))
                continue
            i = bisect.bisect_left(date_pos, sent.start) - 1
            if i >= 0 and _past_war_end(war_ends, all_dates[i]["end"], sent.start):
                continue          # "Only at the end of the conflict ...": the story is past its last date
            if i >= 0 and sent.sentence_id not in span_sents and not _at_war_edge(text, sent.start, sent.end):
                # the narrative rarely carries across a paragraph break (quotes from other sources);
                # an untyped happening ("other") dated this way is a weaker guess still
                same_paragraph = "\n" not in text[all_dates[i]["end"]:sent.start]
                conf = _undated_confidence(0.45 if same_paragraph else 0.3, t, tok, text)
                story_date = narrative_state[i]
                if not same_paragraph and resume_state[i] is not None:
                    story_date = resume_state[i]    # after a paragraph of background: where the story was
                if story_date.get("_heading"):
                    continue
                if not same_paragraph and _section_steps_back(text, all_dates, i, sent.start, story_date):
                    continue
                if story_date["date_id"] in defining and same_paragraph:
                    conf += 0.05    # the story is inside a period the text has just named with its dates
                pairs.append((t, story_date, conf))
        # "fell after a three-day battle", "invaded in early April following a coup": an act the after-phrase
        # introduces happened before the clause's time; a month or a year its sentence gives holds it, a day does not,
        # nor does the story's date carried from another sentence
        before_acts = {seg_start + p.start for p in preds if _introduced_after(p.token, lexicon())}
        if before_acts:
            pairs = [(t, d, c) for t, d, c in pairs
                     if t is None or t[0] not in before_acts or (d.get("granularity") not in ("day", "week")
                                                                 and d.get("sentence_id") == sent.sentence_id)]
        # "On October 25 ... The 1973 war thus ended": a year the narrative is already inside, at a finer date of
        # it, bounds the act from below by where the story is (GUIDELINES: the dated act before sets the lower bound)
        i = bisect.bisect_left(date_pos, sent.start) - 1
        cur = narrative_state[i] if i >= 0 else None
        if (cur is not None and not cur.get("_heading") and not cur.get("flashback")
                and cur.get("granularity") in ("day", "week", "month", "season")
                and ("\n" not in text[cur["end"]:sent.start] or any(d.get("names_act") for d in sent_dates))):
            # (not a date naming a thing: "The 1994 Protocol called for ...")
            pairs = [(t, date if date.get("date_id") in attributive else
                      _from_story(date, cur, sent.sentence_id, text, text[sent.start:sent.end]), c) for t, date, c in pairs]
        # "completed their withdrawal ... which had started in April that year": the whole course
        for t, date, confidence in list(pairs):
            began = _began_date(text, sent_dates, date) if t is not None and t[2] != "other" else None
            if began is not None:
                pairs.append((t, dict(date, start_date=began["start_date"], date_id=date["date_id"], kind="course",
                                      start=began["start"]), confidence - 0.1))
        # "a war from 1918 to 1921": the war's start and end are events of their own
        for t, date, confidence in list(pairs):
            if (t is not None and t[3].startswith(tuple(war_rules)) and not t[3].endswith("-start") and date.get("kind") == "range"
                    and date.get("sentence_id") == sent.sentence_id):
                pairs += [((t[0], t[1], "war_start", t[3] + "-start"), date, confidence - 0.1),
                          ((t[0], t[1], "war_end", t[3]), date, confidence - 0.1)]
        done_by = {**_carrier_of_own_type(preds), **_done_by_act_word(preds), **_agreement_of_meeting(preds),
                   **_movement_after_withdrawal(preds)}
        if done_by:
            # "his direct assault failed" on one date: one act, the act word's row
            days = defaultdict(set)
            for t, d, c in pairs:
                if t is not None:
                    days[t[0] - seg_start].add((d["start_date"], d["end_date"]))
            pairs = [(t, d, c) for t, d, c in pairs if t is None or t[0] - seg_start not in done_by
                     or (d["start_date"], d["end_date"]) not in days[done_by[t[0] - seg_start]]]
        seen = {}
        verbal = {seg_start + p.start for p in preds if _own_act(p.token)}
        doers = {seg_start + p.start for p in preds if _other_actor(p.token) or _coordinated_act(p.token) or _caused_act(p.token)}
        subjects = {seg_start + p.start: _clause_subject(p.token) for p in preds}
        act_places = {seg_start + p.start: _act_places(p.token) for p in preds}
        seen_subjects, seen_places = defaultdict(set), defaultdict(list)
        # "inflicted one defeat on them at the Battle of X, but won a later battle": an act word the text marks as
        # another one of its kind than one told before it in the sentence is an act of its own
        another = {seg_start + p.start for p in preds if _another_of_kind(p, preds)} | before_acts
        first_row, tokens, features_of = len(rows), [], []
        for t, date, confidence in pairs:
            if (t is not None and t[3].startswith(tuple(war_rules)) and not t[3].endswith("-start")
                    and t[2] == "war_start" and date.get("kind") != "range"):
                continue      # "the war raged in 1940" states no start; only a span gives start and end
            label = t[2] if t else "other"
            # two expressions of one day on one predicate: one event; two predicates of one type and day
            # ("attacked ... and overran East Prussia") are two acts
            key = (label, date["start_date"], date["end_date"])
            # ... and so are two named acts with a bracketed date each ("the Battle of the Imjin River (22-25
            # April 1951) and the Battle of Kapyong (22-25 April 1951)")
            own = t[0] if t is not None and (t[0] in verbal or t[0] in doers or text[date["start"] - 1:date["start"]] == "("
                                             or (date.get("period_id") and _named_act(text, t))) else None
            # ... and so are two clauses with a doer each ("seized Manila in March; Mindanao was captured later
            # that month", "after the French took the fort, the British took the town")
            subj = subjects.get(t[0]) if t is not None else None
            where = act_places.get(t[0], frozenset()) if t is not None else frozenset()
            if t is not None and t[0] in another:
                pass          # not one act with those before it; nor does it stand for the acts after it
            elif key in seen and (own is None or own in seen[key] or (None in seen[key] and own not in doers)) and not (
                    subj is not None and subj not in seen_subjects[key] and t[0] not in seen_subjects[key]) and not (
                    # ... and two acts of one sentence and date at places of their own ("pushed forward in Italy and
                    # swept across Western Germany", "the sieges of Leningrad ... an offensive against Moscow")
                    where and t[0] not in seen_subjects[key] and seen_places[key]
                    and all(w and not w & where for w in seen_places[key])):
                continue
            if t is None or t[0] not in another:
                seen.setdefault(key, set()).add(own)
                seen_subjects[key] |= {subj, t[0] if t is not None else None}
                seen_places[key].append(where)
            s, e = (t[0], t[1]) if t else (date["start"], date["end"])
            # "the IDF halted its advance": a halt of one side's own act is that side's alone, though its type is two-sided
            two_sided = label in cfg["two_sided_acts"] and not (
                t is not None and t[3].split(":")[-1] in cfg.get("one_sided_classes", ()))
            roles, clause, extent = [], "", None
            if t is not None:
                seg_start, doc = seg_doc_at(sent.start)
                roles = role_spans(doc, t[0] - seg_start, t[1] - seg_start)
                if dateline is not None:       # the parser may take the dateline for the first sentence's subject
                    roles = [r for r in roles if not dateline[0] <= r[1] + seg_start < dateline[1]]
                if two_sided:
                    roles = [("subject",) + r[1:] if r[0] == "told" else r for r in roles]
                clause = clause_text(doc, t[0] - seg_start, t[1] - seg_start)
                extent = ((label not in cfg["two_sided_acts"] and told_act_extent(doc, t[0] - seg_start, t[1] - seg_start))
                          or clause_extent(doc, t[0] - seg_start, t[1] - seg_start))
                extent = extent and (extent[0] + seg_start, extent[1] + seg_start)
            else:
                seg_start = 0
            # who takes part at all, whatever the role: which mentions are one real event (chronicle.py)
            participants = event_arguments(
                sorted(mentions_by_sent.get(sent.sentence_id, []), key=lambda m: m["start"]),
                [("subject",) + r[1:] if r[0] == "told" else r for r in roles], seg_start,
                text, cfg, entity_kinds, entity_labels, two_sided=True, towns=True)[0]
            if any(entity_labels.get(a) != "PERSON" for a in participants):
                participants = [a for a in participants if entity_labels.get(a) != "PERSON"]
            participants = [person_sides.get(a, a) for a in participants]
            actor_roles = ACTOR_ROLES.get(cfg["actor_roles"].get(label, "agent"))
            act_roles = roles
            addressed = []          # the sides an act is addressed to: no actors, but sides the paragraph sets against
            if label == "other" and t is not None and _done_to_person(doc, t, seg_start) and event_arguments(
                    sorted(mentions_by_sent.get(sent.sentence_id, []), key=lambda m: m["start"]), roles, seg_start,
                    text, cfg, entity_kinds, entity_labels, two_sided=False, actor_roles=frozenset({"subject"}),
                    clause=extent, personal=True)[0]:
                # "the President was overthrown by the Council", "the army arrested him": who did it is the actor;
                # whom it is done to is none, nor does the sentence fallback take him ("a coup under X overthrew the
                # government of Y")
                act_roles = [("addressee",) + tuple(r[1:]) if r[0] in ("patient", "object") else r for r in roles]
            elif label == "other" and t is not None and _done_to_person(doc, t, seg_start) and _active_verb(doc, t, seg_start):
                # "a group of Army officers deposed Haile Selassie", "a coup overthrew the government of X": a forcible
                # act in the active voice is its subject's, named by an entity or not; whom it is done to is no actor
                # (in the passive with no doer, "X was deposed", the person stays)
                act_roles = [("addressee",) + tuple(r[1:]) if r[0] == "object" else r for r in roles]
            elif label == "other" and t is not None and not _happens_to_person(doc, t, seg_start):
                # "Germany promised Britain ...", "Ford asked Congress for funds": an act the parse gives a subject
                # (or a passive subject) for is that side's alone; whom it is addressed to does not act
                own = event_arguments(
                    sorted(mentions_by_sent.get(sent.sentence_id, []), key=lambda m: m["start"]), roles, seg_start,
                    text, cfg, entity_kinds, entity_labels, two_sided=False, actor_roles=ACTOR_ROLES["personal"],
                    clause=extent, personal=True)[0]
                if own:
                    # ... but one it is done with or between ("met with Kissinger", "talks between") takes part
                    act_roles = [r for r in roles if r[0] != "object" or RECIPROCAL_BEFORE.search(
                        text[max(0, r[1] + seg_start - 20):r[1] + seg_start])]
                    addressed = [r for r in roles if r not in act_roles]
                elif any(r[0] in ("subject", "collective", "pronoun") for r in roles) and _verbal(doc, t, seg_start):
                    # "the imperial authorities asked Italy for an armistice", "the royal family fled the palace":
                    # the parse names who acts, though no entity stands for it; whom or what the act is addressed
                    # to does not act in its place (a role no actor role takes, so no fallback makes it one either)
                    act_roles = [("addressee",) + tuple(r[1:]) if r[0] == "object" and not RECIPROCAL_BEFORE.search(
                        text[max(0, r[1] + seg_start - 20):r[1] + seg_start]) else r for r in roles]
            actors, locations, from_parse = event_arguments(
                sorted(mentions_by_sent.get(sent.sentence_id, []), key=lambda m: m["start"]), act_roles, seg_start,
                text, cfg, entity_kinds, entity_labels,
                two_sided=two_sided, actor_roles=actor_roles, clause=extent,
                personal=label in cfg["personal_acts"], joins=label not in cfg.get("target_side_acts", ()),
                parties_only=label in cfg.get("party_acts", ()))
            country = _country_of_town(text, mentions_by_sent.get(sent.sentence_id, []), towns_only)
            if country & set(actors):
                locations += [a for a in actors if a in country and a not in locations]
                actors = [a for a in actors if a not in country]
            if t is not None:
                # "the Ventôse Decrees proposed ...": the name the act word is part of names the act, not who did it
                named = {m["entity_id"] for m in mentions_by_sent.get(sent.sentence_id, []) if m["start"] <= t[0] < m["end"]}
                actors = [a for a in actors if a not in named]
            actors = [x for x in dict.fromkeys(holders.get(a, a) for a in actors) if x]
            headed = _headed_organ_men(text, mentions_by_sent.get(sent.sentence_id, []), entity_labels)
            if any(a in headed for a in actors):
                # "renounced by the Alexandru Marghiloman government", "the Diem regime arrested": the organ the man
                # heads acts, for the side the text gives him, else for the state its sentence or paragraph names
                sided = [actor_sides[a] if a in headed else a for a in actors if a not in headed or actor_sides.get(a)]
                actors = list(dict.fromkeys(sided))
                if not actors and any(r[0] == "subject" and len(r) == 3 and any(
                        r[1] + seg_start <= s_ < r[2] + seg_start for s_ in headed.values()) for r in roles):
                    actors = _paragraph_state(text, all_mentions, s, sent.sentence_id, entity_info, canonical_ids, defined)
            if t is not None and len(actors) > 1:
                actors = _successor_only(actors, doc, t, seg_start, mentions_by_sent.get(sent.sentence_id, []), holders)
            # the acting sides: a person acting for a side is written as the side when the clause names it
            # ("British forces under General Howe"); personal acts (died, elected, appointed) keep the person
            personal = label in cfg["personal_acts"]
            own_act = True
            if personal and label == "other" and t is not None:
                # "Kennedy disagreed with Khrushchev", "Thieu ordered Hue held": a leader's act is his side's act;
                # only what happens to him as a person (died, was appointed, resigned) keeps his name
                tspan = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
                lemma = tspan.root.lemma_.lower() if tspan is not None and len(tspan) else ""
                # a man the entity model mostly tags as an organisation is a man here when this sentence tags or
                # titles him as one ("South Vietnamese President Thieu demanded ...")
                here_people = {m["entity_id"] for m in mentions_by_sent.get(sent.sentence_id, [])
                               if m["entity_id"] in person_sides and (m["label"] == "PERSON" or TITLED_PERSON.search(
                                   text[max(0, m["start"] - 40):m["start"]]))}
                own_act = (lemma in side_lexicon()["personal_lemmas"] and not _done_to_a_thing(tspan.root)) or (
                    tspan is not None and len(tspan) > 0 and _own_personal_act(tspan.root)) or (
                    OFFICE_TAKEN.match(text[t[1]:t[1] + 60]) is not None      # "took over as U.S. president"
                    or re.match(r"\s+to\s+power\b", text[t[1]:t[1] + 12]) is not None)     # "the coming to power of X"
                personal = own_act or not any(
                    actor_sides.get(a) for a in actors if entity_labels.get(a) == "PERSON" or a in here_people)
            sideless = []
            if personal and label == "other" and t is not None and not own_act:
                # an act of office of a man the text gives no side yet ("Burgoyne ordered ..."): his name, unless the
                # document's fights give him a side (_sides_of_sideless_men)
                sideless = [a for a in actors if entity_labels.get(a) == "PERSON"]
            if not personal:
                # a commander acts for his side ("British General William Howe ... Howe landed"); one the
                # text gives no side for is not what the act's side is written as
                actors = [actor_sides.get(a, a) for a in actors]
                kept = [a for a in actors if entity_labels.get(a) != "PERSON" or re.sub(
                    r"^the\s+", "", entity_info.get(a, {}).get("canonical", "").lower()) in side_lexicon()["coalitions"]]
                sideless = [a for a in actors if a not in kept]
                actors = kept
            actors = _as_polities(actors, entity_info, canonical_ids, defined, actor_sides,
                                  keep_persons=personal)
            if not actors and label in cfg["actor_roles"] and cfg["actor_roles"][label] == "personal" and label != "election":
                # "Hitler sent German forces to Libya", "Washington moved American and French troops": the forces
                # moved are the acting side's
                forces = side_lexicon()["force_nouns"]
                for r in roles:
                    if r[0] != "object" or len(r) != 3:
                        continue
                    phrase = text[r[1] + seg_start:r[2] + seg_start].lower().split()
                    if phrase and (phrase[-1] in forces or phrase[-1] in ("men", "soldiers")):
                        inside = [m["entity_id"] for m in mentions_by_sent.get(sent.sentence_id, [])
                                  if r[1] + seg_start <= m["start"] and m["end"] <= r[2] + seg_start and m["label"] in ("NORP", "GPE")]
                        actors += [a for a in _as_polities(inside, entity_info, canonical_ids, defined) if a not in actors]
            if not actors and any(r[0] == "collective" for r in roles):
                actors = _named_before(mentions_by_sent, sent, parsed, entity_info, canonical_ids, defined, s)
            he = [r for r in roles if r[0] == "pronoun" and len(r) == 3
                  and text[r[1] + seg_start:r[2] + seg_start].lower() in ("he", "she", "his", "her")]
            he_unknown = False
            if not actors and he:
                # "he surrendered his army": the man the text last named before, as the side he acts for
                at = he[0][1] + seg_start
                # (a man named as the label of the organ he heads, "the Nixon administration", is not whom "he" names)
                named = [m for sid in (sid_before, sent.sentence_id) for m in mentions_by_sent.get(sid, [])
                         if m["start"] < at and (m["label"] == "PERSON" or m["entity_id"] in actor_sides)
                         and "\n" not in text[m["start"]:at] and not _names_organ(text, m)]
                for sid in reversed(seen_sids[-5:-2]):
                    if named:
                        break
                    # "Enver Pasha, supreme commander of the Turkish forces, ... He was a poor commander. He launched
                    # an offensive": sentences that name no man carry "he" on to the man named before them, in the
                    # same paragraph, when the text gives that man a side (else "he" is left as before)
                    further = [m for m in mentions_by_sent.get(sid, []) if m["start"] < at and "\n" not in text[m["start"]:at]
                               and (m["label"] == "PERSON" or m["entity_id"] in actor_sides) and not _names_organ(text, m)]
                    if further:
                        if max(further, key=lambda m: m["start"])["entity_id"] in actor_sides:
                            named = further
                        break
                if named:
                    last = max(named, key=lambda m: m["start"])
                    # "the emperor Leopold, brother of Marie Antoinette, ... but he died": a man named after "of" is
                    # whose kin or office another man is, not whom "he" names
                    own = [m for m in named if entity_labels.get(m["entity_id"]) == "PERSON"
                           and not re.search(r"\bof\s+(?:the\s+)?$", text[max(0, m["start"] - 12):m["start"]])]
                    if personal and t is not None and own and _happens_to_person(doc, t, seg_start):
                        # "he resigned", "she was appointed": what happens to the man himself is his, not his side's
                        actors = [max(own, key=lambda m: m["start"])["entity_id"]]
                    elif last["entity_id"] in actor_sides:
                        actors = _as_polities([actor_sides[last["entity_id"]]], entity_info, canonical_ids, defined)
                    he_unknown = not actors      # a man the text gives no side: not the side that acted last
            pronouns = {text[r[1] + seg_start:r[2] + seg_start].lower() for r in roles if r[0] == "pronoun" and len(r) == 3}
            if not actors and not he_unknown and any(r[0] == "pronoun" for r in roles) and last_agent is not None \
                    and "\n" not in text[last_agent[1]:s] and not (
                        # "Robespierre denounced ... they demanded": a plural pronoun is a group, not the man who acted last
                        pronouns & {"they", "their"} and entity_labels.get(last_agent[0]) == "PERSON"):
                actors = [last_agent[0]]        # "they attacked": the side that acted before, same paragraph
            if not actors and t is not None and _organ_subject(roles, text, seg_start):
                # "riot police arrested hundreds", "the interim government held a trial": the paragraph's state
                undergoers = tuple((r[1] + seg_start, r[2] + seg_start) for r in roles
                                   if len(r) == 3 and r[0] in ("object", "patient", "addressee", "office"))
                actors = _paragraph_state(text, all_mentions, s, sent.sentence_id, entity_info, canonical_ids, defined,
                                          undergoers)
            if not actors and t is not None and ruler.get("holder") and _household_subject(roles, text, seg_start):
                # "the royal family fled the palace", "the royal party gave in": the ruler the text names acts
                h = ruler["holder"]
                actors = _as_polities([h if personal or h not in actor_sides else actor_sides[h]], entity_info,
                                      canonical_ids, defined, actor_sides, keep_persons=True)
            actors = [a for a in actors if a not in towns_only]   # a town is where, whatever its tag
            if actors and any(r[0] in ("subject", "pronoun") for r in roles):
                last_agent = (actors[0], s)
            if two_sided and label not in cfg.get("target_side_acts", ()) and len(actors) == 1:
                # "they skirmished", "was checked at the battle of ...": a fight has two sides; the other
                # is the side the paragraph last set against this one
                other = next((a for a, at in reversed(recent_sides) if a != actors[0] and "\n" not in text[at:s]), None)
                if t is not None and _between_organ(text[e:sent.end]):
                    # "fighting between the government and the LTTE": the other side is the organ's state (the one
                    # the paragraph names), not whichever side acted last ("ceded to the British")
                    state = [a for a in _paragraph_state(text, all_mentions, s, sent.sentence_id, entity_info,
                                                         canonical_ids, defined) if a != actors[0]]
                    other = state[0] if state else None
                if other is not None:
                    actors.append(other)
            if label == "clash" and not actors and t is not None and re.match(r"[Bb]attles?\b", text[t[0]:t[1]]):
                # "the Battle of Kapyong (22-25 April 1951)": a battle the sentence names no side of is fought
                # by the two sides the paragraph last set against each other
                for a, at in reversed(recent_sides):
                    if a not in actors and "\n" not in text[at:s] and len(actors) < 2:
                        actors.append(a)
                if len(actors) < 2:
                    actors = []
            if addressed:
                # "Cyprus condemned Azerbaijan": the side addressed is still a side the paragraph names
                inside = [m["entity_id"] for m in mentions_by_sent.get(sent.sentence_id, []) for r in addressed
                          if r[1] + seg_start <= m["start"] and m["end"] <= r[2] + seg_start]
                addressed = [a for a in _as_polities(inside, entity_info, canonical_ids, defined) if a not in actors]
            recent_sides.extend((a, s) for a in actors + addressed if entity_labels.get(a) != "PERSON")
            del recent_sides[:-12]
            actors = actors[:4 if label in ("clash", "ceasefire", "agreement") else 3]
            cats = set(cfg["quantity_categories"].get(label, []))
            qids = [q["quantity_id"] for q in quantities_by_sent.get(sent.sentence_id, []) if q["category"] in cats]
            rule_confidence = confidence
            if from_parse:
                confidence += 0.05
            tok = None
            if t is not None:
                tspan = doc.char_span(t[0] - seg_start, t[1] - seg_start, alignment_mode="expand")
                tok = tspan.root if tspan is not None and len(tspan) else None
            date_tok = None
            if tok is not None and rerank.wanted() and date.get("sentence_id") == sent.sentence_id \
                    and isinstance(date.get("start"), int) and date["start"] < date["end"]:
                dspan = doc.char_span(date["start"] - seg_start, date["end"] - seg_start, alignment_mode="expand")
                date_tok = dspan.root if dspan is not None and len(dspan) else None
            features = None if not rerank.wanted() else candidate_features(
                label=label, rule=t[3] if t else "", rule_confidence=rule_confidence, tok=tok, date=date, sentence_id=sent.sentence_id,
                n_sent_dates=len(sent_dates), n_preds=len(preds), n_actors=len(actors), from_parse=from_parse,
                has_quantity=bool(qids), sent_text=text[sent.start:sent.end],
                first_in_paragraph=sent.start == 0 or "\n" in text[max(0, sent.start - 2):sent.start],
                rel_pos=(s - sent.start) / max(1, sent.end - sent.start),
                date_distance=abs(s - date["start"]) if isinstance(date.get("start"), int) else 0,
                date_same_paragraph=not isinstance(date.get("start"), int)
                or "\n" not in text[min(s, date["start"]):max(s, date["start"])], date_tok=date_tok)
            start_date, end_date = date["start_date"], date["end_date"]
            part = "after" if date.get("after") else "course" if date.get("kind") == "course" else "whole"
            # "On 19–20 September ... ended with the surrender": an ending happens at the end of the range
            endpoint = cfg["range_endpoint"].get(label) or (cfg["range_endpoint_rules"].get(t[3]) if t else None)
            if endpoint and date.get("kind") == "range" and t is not None:
                (start_date, end_date), part = _endpoint(date, endpoint), endpoint
            tokens.append(tok)
            features_of.append(features)
            event_id = f"{doc_id}:e{sent.start}-{sent.end}-{s}-{date['start']}-{label}"
            if any(r["event_id"] == event_id for r in rows[-50:]):
                # a course date starts where its first date does: the same trigger with both needs its end too
                event_id += f"-{date['end']}"
            if t is not None and date.get("sentence_id") == sent.sentence_id and date.get("start_date") \
                    and date.get("date_id") not in anchored_ids:
                linked[sent.start].append((t[0], t[1], date))
            rows.append({"doc_id": doc_id, "event_id": event_id,
                         "sentence_id": sent.sentence_id, "start": sent.start, "end": sent.end,
                         "event_type": label, "trigger": text[s:e] if t else "",
                         "trigger_start": s if t else "", "trigger_end": e if t else "", "date_id": date["date_id"],
                         "start_date": start_date, "end_date": end_date, "date_part": part,
                         "period_id": date.get("period_id", ""),
                         "actors": ";".join(actors[:6]), "locations": ";".join(locations[:6]),
                         "participants": ";".join(_as_polities(participants, entity_info, canonical_ids, defined)),
                         "quantity_ids": ";".join(qids), "confidence": round(min(confidence, 1.0), 2), "_sideless": sideless,
                         "text": text[sent.start:sent.end], "summary": clean_summary(clause or text[sent.start:sent.end])})
        if rerank.wanted():
            for row, f in zip(rows[first_row:], features_of):
                row["_features"], row["_rule_confidence"] = f, row["confidence"]
            rerank.sentence_features(rows[first_row:], tokens)
    # a man by name: named once with a first name or a title ("John Burgoyne", "Major Taylor"), not a one-word name
    # the entity model took for a man ("Cannae"); a name the text counts or gives members of is a group ("some 200 Grey
    # Wolves", "members of the Grey Wolves")
    named_men = {m["entity_id"] for m in all_mentions if m["label"] == "PERSON" and (
        (len(m["text"].split()) > 1 and _bare_name(m["text"].split()))
        or TITLED_PERSON.search(text[max(0, m["start"] - 40):m["start"]]))}
    named_men -= {m["entity_id"] for m in all_mentions if COUNTED_GROUP.search(text[max(0, m["start"] - 60):m["start"]])}
    from .arguments import _is_polity
    places = {e for e, lab in entity_labels.items() if e in towns_only or entity_kinds.get(e) == "place" or (
        lab in ("GPE", "LOC", "FAC") and not _is_polity(entity_info.get(e, {}).get("canonical", e)))}
    bound_by_next_story_date(rows, story_movers(all_dates, narrative_state), text, date_by_id)
    _sides_of_sideless_men(rows, entity_labels, named_men, places)
    _then_part_of(rows, entity_info, canonical_ids, text)
    _usual_opponent(rows)
    _usual_pair(rows, text)
    _taker_of_the_paragraph(rows, text)
    rows.extend(table_row_events(parsed, tables))
    return rows


def _then_part_of(rows: list[dict], entity_info: dict, canonical_ids: dict, text: str) -> None:
    """A state that was then part of another (predecessor_states.tsv: Russia of the Soviet Union in 1972, the Czech
    Republic of Czechoslovakia in 1989), which the document never names itself (it stands for a capital or a
    demonym), acts, in an act inside those dates, as the state it was part of, when the document names that one:
    "the Moscow summit of May 1972", "riot police arrested hundreds in Prague" (1989). A republic the text names
    ("Armenia", "Lithuania") is a side of its own. A state renamed later acts under its name of the time, when the
    document names it so (former_names.tsv: "Turkish troops" in 1915 of a text that names the Ottoman Empire)."""
    from ..entities.demonyms import former_name_table, predecessor_table
    table = {k: v for k, v in predecessor_table().items()
             if not re.search(r"\b" + re.escape(k) + r"\b", text, re.IGNORECASE)}
    # a state renamed later ("Turkish forces" in 1915, former_names.tsv) is the state under its name of the time when
    # the document names it so ("the Ottoman Empire"), whether or not it also uses the later name
    for k, v in former_name_table().items():
        table[k] = table.get(k, []) + v
    for row in rows:
        if not row["actors"] or not row["start_date"]:
            continue
        day = hist_key(row["start_date"])
        out = []
        for a in row["actors"].split(";"):
            name = entity_info.get(a, {}).get("canonical", "").lower()
            whole = next((canonical_ids.get(p.lower()) for p, lo, hi in table.get(name, ())
                          if hist_key(lo) <= day <= hist_key(hi) and canonical_ids.get(p.lower())), None)
            out.append(whole or a)
        row["actors"] = ";".join(dict.fromkeys(out))


def _usual_opponent(rows: list[dict]) -> None:
    """A clash the text names one side of ("the first day of the Battle of the Somme", "the British were checked at
    ...") is fought against the side the document most often sets against that one in clashes it names both sides
    of (at least twice, and twice as often as any other)."""
    usual = _usual_opponents(rows)
    for r in rows:
        acts = [a for a in r["actors"].split(";") if a]
        if r["event_type"] == "clash" and len(acts) == 1 and acts[0] in usual:
            r["actors"] = acts[0] + ";" + usual[acts[0]]


HOSTILE = ("offensive", "attack", "clash")
# "some 200 Grey Wolves", "members of the Turkish Grey Wolves": a count or the members of a name (a group's, not a man's)
COUNTED_GROUP = re.compile(r"(?:\b(?i:some|about|around|nearly|over|almost|roughly|approximately)\s+\d[\d,]*\s+"
                           r"|\bmembers\s+of\s+(?:the\s+)?(?:[A-Za-z-]+\s+){0,3})$")


def _usual_opponents(rows: list[dict]) -> dict[str, str]:
    """The side the document most often sets against each side in clashes it names both sides of (at least twice,
    and twice as often as any other)."""
    against = defaultdict(lambda: defaultdict(int))
    for r in rows:
        acts = [a for a in r["actors"].split(";") if a]
        if r["event_type"] == "clash" and len(acts) == 2:
            against[acts[0]][acts[1]] += 1
            against[acts[1]][acts[0]] += 1
    out = {}
    for a, counts in against.items():
        ranked = sorted(counts.items(), key=lambda x: -x[1])
        if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            out[a] = ranked[0][0]
    return out


def _sides_of_sideless_men(rows: list[dict], entity_labels: dict, named_men: set, places: set = frozenset()) -> None:
    """A man the text gives no side who fights a side ("Burgoyne tried to outflank the Americans", "Procter ... making
    Winchester a prisoner") is on the side the document sets against that one in its clashes: every side his own
    attacks, offensives and fights are against must point to one such opponent. His acts then are that side's."""
    usual = _usual_opponents(rows)
    votes = defaultdict(set)
    for r in rows:
        men = [m for m in r.get("_sideless") or [] if m in named_men]
        if len(men) != 1 or r["event_type"] not in HOSTILE:
            continue
        acts = set(filter(None, r["actors"].split(";")))
        # his co-agents are his allies; in a clash the other side named is whom he fought
        against = set(filter(None, r.get("participants", "").split(";"))) - (set() if r["event_type"] == "clash" else acts)
        # (a town the fight names, "they attacked Quebec City but were defeated by Carleton", is where, not whom)
        against = {p for p in against - {men[0]} if entity_labels.get(p) != "PERSON" and p not in places}
        if len(against) != 1:
            continue        # "a victory by Rodney's fleet over the French and Spanish": whose side is whose is not told
        for p in against:
            if p in usual:
                votes[men[0]].add(usual[p])
    side_of_man = {m: next(iter(v)) for m, v in votes.items() if len(v) == 1}
    for r in rows:
        sides = {side_of_man.get(m) for m in r.get("_sideless") or []}
        if (not r["actors"] or set(r["actors"].split(";")) <= set(r.get("_sideless") or [])) and len(sides) == 1 and None not in sides:
            # an act the text tells of him alone ("Burgoyne surrendered", "Carleton escaped to Quebec")
            r["actors"] = next(iter(sides))


ONE_SIDED_FORCE = ("offensive", "attack", "withdrawal", "deployment")
TAKERS = ("offensive", "attack", "deployment")


def _taken_back_from(r: dict, prev: dict, text: str) -> bool:
    """Whether a capture told with a word of taking back ("recaptured Bor", "Bor was retaken") takes back a place the
    earlier act `prev` names: then its taker is not prev's."""
    if not r.get("trigger", "").lower().startswith(tuple(side_lexicon()["retaking_stems"])):
        return False
    ts, te = int(r["trigger_start"]), int(r["trigger_end"])
    near = set(re.findall(r"\b[A-Z][a-z]+\b", text[max(int(r["start"]), ts - 40):ts] + " " + text[te:min(int(r["end"]), te + 40)]))
    near -= MONTH_NAMES
    return any(re.search(r"\b" + w + r"\b", text[int(prev["start"]):int(prev["end"])]) for w in near)


MONTH_NAMES = frozenset(time_lexicon()["months"]) | {w.capitalize() for w in time_lexicon()["seasons"]}


def _taker_of_the_paragraph(rows: list[dict], text: str) -> None:
    """A capture the text names no taker of ("Jerusalem was captured in December", "Phuoc Binh fell on 6 January") is
    the act of the one side whose advance, attack or deployment the paragraph told last before it."""
    for i, r in enumerate(rows):
        if r["event_type"] != "offensive" or r["actors"] or r.get("trigger_start") == "":
            continue
        lo = text.rfind("\n", 0, r["start"]) + 1
        prev = next((o for o in reversed(rows[:i]) if lo <= o["start"] < r["start"] and o["actors"]
                     and o["event_type"] in TAKERS), None)
        if prev is not None and _taken_back_from(r, prev, text):
            continue        # "rebels took Bor ... Government forces recaptured Bor": taken back from the last taker
        if prev is not None and len(prev["actors"].split(";")) == 1:
            r["actors"] = prev["actors"]


def _usual_pair(rows: list[dict], text: str) -> None:
    """A clash the text names no side of ("was utterly defeated at the Battle of X", "fierce skirmishes followed") is
    fought by the two sides the document sets against each other in the clashes it names both sides of, when one
    pair is that document's war: at least three such clashes, and twice as many as any other pair."""
    pairs, allies = defaultdict(int), defaultdict(int)
    for r in rows:
        acts = [a for a in r["actors"].split(";") if a]
        if r["event_type"] == "clash" and len(acts) == 2:
            pairs[tuple(sorted(acts))] += 1
        elif r["event_type"] in ONE_SIDED_FORCE and len(acts) >= 2:
            # "Chinese and North Korean forces attacked": sides that often act together are no war's two sides
            for p in {tuple(sorted((a, b))) for a in acts for b in acts if a != b}:
                allies[p] += 1
    ranked = sorted(((p, n) for p, n in pairs.items() if 3 * allies[p] < n), key=lambda x: -x[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return
    pair = ranked[0][0]
    for r in rows:
        if r["event_type"] != "clash" or r["actors"]:
            continue
        # ... and both sides of that pair act in the clash's paragraph: the war the paragraph tells is that one
        lo, hi = text.rfind("\n", 0, r["start"]) + 1, text.find("\n", r["start"])
        hi = len(text) if hi < 0 else hi
        named = {a for o in rows if lo <= o["start"] < hi for a in o["actors"].split(";")}
        if set(pair) <= named:
            r["actors"] = ";".join(pair)


# the ending of a people named after its city or land ("the Saguntines", "the Carthaginians")
PEOPLE_ENDING = re.compile(r"(?:ines|ians|ans|ites|enes|ese)$")


def _plain_name(name: str) -> bool:
    """A capitalised name that is no demonym nor people's name the tables know, nor a plural ("Adriatic", "Thames";
    not "Cossacks", "Jacobins"): a NORP tag on it is for the place the text then writes it as, or not."""
    return re.fullmatch(r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?", name.strip()) is not None and not name.strip().endswith(("s", "an", "ese", "ish", "ist"))


def _towns_only(text: str, mentions: list[dict], preps: set, settlements: frozenset | set = frozenset(),
                evidence: dict | None = None) -> set:
    """A town or region the text names mostly as where things happen ("at Vincennes", "in Flanders", "outside
    X", "the battle of X", "within 2 miles of X", "captured Savannah") is a place wherever it stands in a
    sentence, not a side, whatever the entity model tagged it (an organisation, a person); every place the text
    writes the name counts, also inside a longer name ("the Battle of Mecca"). A name tagged mostly a person is a
    place only on words that never introduce a man ("at", "near", "the outskirts of"; not "to", "the capture of",
    "captured"); "from" never counts ("little support from X", a man the model may tag an organisation). A
    state or city-state the demonym table knows, or one the text also names by its people ("American", a NORP
    mention), stays one (location_prepositions, settlement_nouns, place_evidence in
    types.json)."""
    from .arguments import _is_polity
    from ..entities.demonyms import polity_of
    from ..entities.towns import is_town_name
    ev = evidence or {}
    preps_all = preps | set(ev.get("prepositions", ()))
    safe_preps = set(ev.get("person_safe_prepositions", ()))
    of_all = set(settlements) | set(ev.get("of_words", ()))
    of_safe = of_all - set(ev.get("act_of_words", ()))
    taking = set(ev.get("taking_verbs", ()))
    acts_of = set(ev.get("act_of_words", ()))
    all_uses, sides, persons, surfaces = defaultdict(int), set(), defaultdict(int), defaultdict(set)
    starts = defaultdict(dict)
    for m in mentions:
        all_uses[m["entity_id"]] += 1
        starts[m["entity_id"]][m["start"]] = m["end"]
        if m["label"] == "PERSON":
            persons[m["entity_id"]] += 1
        if (m["label"] == "NORP" and not ((is_town_name(m["text"]) or _plain_name(m["text"])) and not polity_of(m["text"]))) or _is_polity(m["text"]):
            sides.add(m["entity_id"])       # (a town of the world the model tags a people, "for control of Kisangani",
                                            # is a place where the text writes it as one)
        if m["text"][:1].isupper() and len(m["text"]) > 2:
            surfaces[m["entity_id"]].add(m["text"])
    place_uses, uses = defaultdict(int), defaultdict(int)
    directions = set(side_lexicon()["place_direction_words"])
    heads_after = "|".join(map(re.escape, sorted(set(settlements) | set(ev.get("region_nouns", ())))))
    for e, at in starts.items():
        if e in sides:
            continue
        person = 2 * persons[e] > all_uses[e]
        # its mentions, and the name written elsewhere on its own, not as the head of a longer name ("Paris" in
        # "the Paris Commune") nor as a man's possessive ("in T. E. Lawrence's book")
        at = dict(at)
        for name in surfaces.get(e, ()):
            at.update((x.start(), x.end()) for x in re.finditer(
                r"(?<![\w-])" + re.escape(name) + r"(?!\w)(?! [A-Z][a-z])", text))
        for start, end in at.items():
            uses[e] += 1
            before = [w.strip("(),;:\"'").lower() for w in text[max(0, start - 40):start].split()]
            if re.match(r"\s+(?:" + heads_after + r")\b", text[end:end + 20]):
                place_uses[e] += 1          # "Mullaitivu town fell", "X province": the name of a town or region
                continue
            if not before or (person and re.match(r"['\u2019]s\b", text[end:end + 3])):
                continue
            if len(before) > 1 and before[-1] in directions:
                before = before[:-1]        # "in northern Shan State", "into central X"
            w1, w2 = before[-1], (before[-2] if len(before) > 1 else "")
            if not person and w1 in ("and", "or") and len(before) > 2 and w2[:1].isalpha() and text[max(0, start - 40):start].split()[-2][:1].isupper():
                # "the sieges of Leningrad and X", "at Ypres and X": the second of two names after a place's word
                w1, w2 = before[-3], (before[-4] if len(before) > 3 else "")
            if person:
                placed = w1 in safe_preps or (w1 == "of" and w2 in of_safe)
            else:
                placed = (w1 in preps_all or (w1 == "of" and w2 in of_all) or w1 in taking
                          or (w1 == "for" and w2 in acts_of))
            if placed:
                place_uses[e] += 1     # "at Vincennes", "the city of Hengyang", "the battle of Mecca"
    # "the Saguntines" (a people named after its city): the city is a side
    stems = {PEOPLE_ENDING.sub("", m["text"]) for m in mentions
             if m["label"] in ("NORP", "ORG") and PEOPLE_ENDING.search(m["text"])}
    stems = {x for x in stems if len(x) >= 5}
    sides |= {m["entity_id"] for m in mentions if any(m["text"].startswith(x) for x in stems)}
    # "the Presidential Palace", "Da Nang Air Force Base (AFB)": a building, ground or water by its head noun
    heads = set(ev.get("facility_heads", ()))
    grounds = {e for e, names in surfaces.items() if names and all(
        len(w) > 1 and w[-1].lower() in heads for w in (re.sub(r"\s*\([^)]*\)$", "", n).split() for n in names))}
    return {e for e in all_uses if e not in sides and (e in grounds or (
        place_uses[e] and 2 * place_uses[e] >= max(uses[e], 1)))}


def _name_token(t) -> bool:
    """A word of a name: a proper noun, or a capitalised noun (the tagger reads some names as common plurals: "Kars
    surrendered", NNS)."""
    return t.tag_ in ("NNP", "NNPS") or (t.pos_ == "NOUN" and t.text[:1].isupper())


def _gazetteer_towns(seg_docs, mentions: list[dict], towns_only: set) -> list[tuple[int, int]]:
    """Spans of names the entity model left untagged or tagged an organisation or a people that are towns: a name the
    text writes mostly as a place (_towns_only: "the fortress of Adrianople ... Adrianople capitulated"), or a town of
    the world (entities/towns.txt: "Ioannina surrendered to the Greeks", "Kars surrendered") that the text never tags a
    person, nor written after a title or a first name ("General Sherman"), nor a state or people the demonym table
    knows."""
    from ..entities.towns import is_town_name
    from .arguments import _is_polity
    own = {m["text"] for m in mentions if m["entity_id"] in towns_only}
    persons = {m["text"] for m in mentions if m["label"] == "PERSON"}
    persons |= {w for p in persons for w in p.split()}
    titles = side_lexicon()["titles"] | side_lexicon()["sovereign_titles"]
    spans = []
    for seg_start, doc in seg_docs:
        i = 0
        while i < len(doc):
            if not _name_token(doc[i]):
                i += 1
                continue
            j = i
            while j + 1 < len(doc) and _name_token(doc[j + 1]) and doc[j].whitespace_:
                j += 1
            run = doc[i:j + 1]
            name = run.text
            before = doc[i - 1] if i > 0 else None
            if ((name in own or is_town_name(name) and name not in persons and not _is_polity(name))
                    and all(t.ent_type_ in ("", "ORG", "NORP") for t in run)
                    and not (before is not None and (before.lower_.rstrip(".") in titles or before.ent_type_ == "PERSON"))):
                spans.append((seg_start + run.start_char, seg_start + run.end_char))
            i = j + 1
    return spans


def _own_line(text: str, start: int, end: int) -> bool:
    """A span that is a line of its own: only blanks between it and the line breaks around it."""
    before = text.rfind("\n", 0, start)
    after = text.find("\n", end)
    return not text[before + 1:start].strip() and not text[end:len(text) if after < 0 else after].strip()


@lru_cache(maxsize=1)
def _war_edge() -> re.Pattern:
    w = anchor_lexicon()["war_edge_words"]
    # "at the outbreak of the (First World) war", "When the war began"
    return re.compile(r"\b(?:at|by|towards?|until|till|since|with)\s+the\s+(?:very\s+)?(?:" + _alt(w["edges"]) + r")\s+of\s+"
                      r"(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:" + _alt(w["wars"]) + r")\b"
                      r"|\b(?:when|as|once)\s+(?:the\s+)?(?:" + _alt(w["wars"]) + r")\s+(?:" + _alt(w["clause_verbs"]) + r")\b",
                      re.IGNORECASE)


def _war_end_sentences(text: str, sentences) -> list[int]:
    """Where the sentences set at the war's end start ("Only at the end of the conflict were the Entente powers able
    to break through", "When the war ended, ..."): the story has moved past the last date it gave (anchors.json
    war_edge_words "ends")."""
    ends = set(anchor_lexicon()["war_edge_words"].get("ends", []))
    out = []
    for s in sentences:
        for m in _war_edge().finditer(text, s.start, s.end):
            words = [w.lower() for w in re.findall(r"[\w'’-]+", m.group(0))]
            # ("since the end of World War II", "until the end of the war": a time reckoned from or up to the war's
            # end, not where the story is)
            if words[0] not in ("since", "until", "till") and any(w in ends for w in words):
                out.append(s.start)
                break
    return out


def _past_war_end(war_ends: list[int], lo: int, at: int) -> bool:
    """A sentence set at the war's end lies between the story's date at `lo` and `at`."""
    i = bisect.bisect_left(war_ends, lo)
    return i < len(war_ends) and war_ends[i] < at


def _at_war_edge(text: str, start: int, end: int) -> bool:
    """ "At the outbreak of the First World War, ...", "When the war began, ...", "Only at the end of the conflict
    ...": the sentence is set at an edge of the war, which it does not date: not at the story's current date."""
    return _war_edge().search(text, start, end) is not None


def table_row_events(parsed: Parsed, tables: dict) -> list[dict]:
    """A casualty-table row (Year | Armenia | Azerbaijan | Total) is one casualties event for its year."""
    doc_id = parsed.document.doc_id
    text = parsed.text
    dates = {d["date_id"]: d for d in tables.get("dates", [])}
    by_row = defaultdict(list)
    for q in tables.get("quantities", []):
        if q.get("date_id") and q["category"] == "casualties":
            by_row[q["date_id"]].append(q)
    aliases = alias_table()
    cells = {(seg.table, seg.row, seg.col): seg for seg in parsed.segments if seg.kind == "cell"}
    rows = []
    for date_id, qs in by_row.items():
        d = dates.get(date_id)
        if d is None:
            continue
        first = parsed.sentence_at(d["start"])
        seg = first.segment
        row_cells = [c for k, c in cells.items() if k[0] == seg.table and k[1] == seg.row]
        start, end = min(c.start for c in row_cells), max(c.end for c in row_cells)
        actors = []
        for q in qs:
            qseg = parsed.sentence_at(q["start"]).segment
            eid = aliases.get(norm(qseg.header)) if qseg.header else None
            if eid and eid not in actors:
                actors.append(eid)
        rows.append({"doc_id": doc_id, "event_id": f"{doc_id}:e{start}-{end}-{d['start']}",
                     "sentence_id": first.sentence_id, "start": start, "end": end,
                     "event_type": types()["casualty_table_type"], "trigger": "",
                     "date_id": date_id, "start_date": d["start_date"], "end_date": d["end_date"],
                     "date_part": "whole", "period_id": "", "trigger_start": "", "trigger_end": "",
                     "actors": ";".join(actors), "locations": "",
                     "quantity_ids": ";".join(q["quantity_id"] for q in qs), "confidence": 0.8,
                     "text": text[start:end], "summary": clean_summary(text[start:end])})
    return rows
