"""Candidates from `chronicle_time_rules` -> dates.csv rows, resolved in document order."""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..parse import Parsed
from .normalize import EVENT_PHRASE, Anchor, Context, Timex, normalize
from .patterns import lexicon, rules

log = logging.getLogger(__name__)
# a line that is a heading: short, no sentence end ("Axis collapse, Allied victory")
HEADING = re.compile(r"[^\n.!?;:]{1,80}(?<![.!?;:,\"'’)\]])")
# dates outside the story's own time do not move the narrative's date: one it plans or expects ("for a
# planned campaign in 1976"), when a source was published ("a publication declassified in 2005"), and a
# comparison ("arranged as in 1614")
# "the Civil Constitution of the Clergy (1790)": the date of a thing the text names, in brackets after it
NAME_DATE = re.compile(r"[A-Z][\w'’-]*\s*\($")
PLAN_WORDS = r"\b(?:planned|scheduled|expected|intended|envisaged|projected|due)\b[^.;]{0,30}"
PLANNED = re.compile(r"(?:" + PLAN_WORDS +
                     r"|\b(?:published|declassified|reprinted|written)\s+(?:in|on)\s+(?:the\s+)?"
                     r"|\bas\s+in\s+|\bthan\s+(?:(?:that|those)\s+of|in)\s+(?:the\s+)?)$")
PLAN_AHEAD_DAYS = 366
PLAN = re.compile(PLAN_WORDS + "$")
# a comparison ("arranged as in 1614", "better than that of 1812") dates no act after it either: the events'
# story stays too
# "announced that it would hold free elections in 1990": what the story's people then said would come; it times
# the act it names, but neither moves the story nor dates the story's other acts
WOULD = re.compile(r"\bwould\s+(?!have\b)[^.;,]{0,30}$")
# "warned that they could only continue the war until December": what a reported clause says can, may or must come
# is no more where the story is than what it says would come
REPORTED_MODAL = re.compile(r"\bthat\s+(?:[\w'’-]+\s+){1,3}(?:could|might|may|must|should)\s+(?!have\b)[^.;,]{0,40}$")
COMPARISON = re.compile(r"(?:\bas\s+(?:it\s+was\s+|they\s+were\s+)?in|\bthan\s+(?:(?:that|those)\s+of|in))\s+(?:the\s+)?$")
# "an assault ... that lasted until the fall of Budapest in February 1945": the end of a span the clause
# looks ahead to is not where the story is, nor is a date "until" takes itself far ahead ("able to delay
# until 1958 passage of the measure", "effective until 14 September 1978"); one a few months ahead still
# moves it ("held on until the spring of 1776, and then withdrew")
UNTIL = re.compile(r"\b(?:until|till|up\s+to)\s+(?:the\s+)?[^,;:.()]{1,50}\s(?:in|on|of)\s+$", re.IGNORECASE)
UNTIL_DATE = re.compile(r"\b(?:until|till|up\s+to)\s+$", re.IGNORECASE)
# "the state of emergency in force since 1963", "had ruled since 1970": the start of what still holds at the story's
# date, told as background; the story does not step back to it
SINCE = re.compile(r"\b(?:ever\s+)?since\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
SINCE_BACK_DAYS = 366     # ("four weeks of fighting since 8 August" steps back to where the fighting began)
UNTIL_AHEAD_DAYS = 122
# "On October 22 ... In 1990, he reiterated ... On October 18": a lone year a decade and more past a story told in
# days and months is a later remark on it, not where the story goes; its own act takes it
REMARK_AHEAD_DAYS = 3653
# "Chinese forces that had invaded Northern Burma in late 1943 besieged ...": a past perfect clause steps
# back; a date in it earlier than the story's does not take the story back
PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t|wn|ng)\b(?:[^,;:.()]{0,60}|,\s+(?:in|on)\s+)$")
# "The United States had supported the Emperor ... a revolution in 1973 ... deposed him in September 1974." told
# while the story is in 1977: a paragraph that opens in the past perfect and whose dates all lie before the story's
# date steps back to tell background; its dates date its own acts, and after it the story resumes where it was
# (only years before the story's: "Meanwhile Dearborn had attacked York on April 27" opens a thread of its own year)
# "was attacked on 24 December 2013 and was contested for months; by March 2014 most of its population had fled": a
# by-date ahead of the date the sentence has just told, with what had come about by then in the past perfect, tells
# the outcome; the story stays at the sentence's date (a year-less "late December" told next is still that December)
BY_BEFORE = re.compile(r"\bby\s+$", re.IGNORECASE)
HAD_AFTER = re.compile(r"[^.;:()]{0,80}?\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t|wn|ng)\b")
BACKGROUND_OPENING = re.compile(r"\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|t|wn|ng)\b")
# "the August 1792 uprising", "the 1614 rules", "Hitler's 1930s aggressions", "the '99 Boys": a date before a
# noun names a thing; it does not say where the story is
ATTRIBUTIVE_BEFORE = {"DET", "PRON", "PART", "NOUN", "ADJ", "PROPN"}
ATTRIBUTIVE_DEPS = {"nummod", "compound", "nmod", "amod", "poss"}
# a date inside a short quoted title ("the song \"White Christmas\"") is part of the name
QUOTED_TITLE = re.compile(r"[\"“][^\"“”]{0,40}$")
QUOTE_CLOSE = re.compile(r"[^\"”]{0,20}[\"”]")
APPOSITION = re.compile(r"\s*,\s*")
# "On 27 June 1950, two days after the KPA invaded and three months before the October intervention": an offset joined
# by "and" to one that restates the sentence's date restates it too
RESTATED_AND = re.compile(r"\s+[^,;:()]{1,60}?\s+and\s+")
# "Harrison, victorious over the Indians at X in 1811, was now expected ...", "Smith, a veteran of 1805,",
# "the colonel, who fought there in 1805, now ...": a date in a modifier set off by commas describes a person
# or thing; one before the story's date does not take the story back
BACKGROUND_DEPS = {"amod", "appos", "relcl", "acl"}
# "Meanwhile Dearborn ... had attacked York on April 27": a paragraph opening on a past perfect day or month starts
# a thread there; the story follows it
FINE = {"day", "week", "month"}
# "On June 16 the UN voted ... The accord signed on July 3 called for his return by October 30, 1993": year-less dates
# that open a paragraph with the year carried from an earlier paragraph, before a date of the next year that moves
# the story, lie in that year when they fall before it: the paragraph's first year stated is the year it tells
YEARLESS_RULES = {"date_md", "date_dm", "month_bare", "month_modified", "month_subject", "season_bare",
                  "range_md_md", "range_dm_dm", "range_dd_month", "range_month_month"}
# a date coarser than a year ("the nineteenth century", "the 1990s") never replaces a finer anchor
COARSE = {"decade", "century", "millennium"}
PERIODS_FILE = Path(__file__).with_name("event_periods.tsv")


@lru_cache(maxsize=1)
def event_periods() -> dict[str, tuple[dt.date, dt.date]]:
    out = {}
    for ln in PERIODS_FILE.read_text(encoding="utf-8").splitlines():
        if ln.strip() and not ln.startswith("#"):
            eid, a, b = ln.split("\t")[:3]
            out[eid] = (dt.date.fromisoformat(a), dt.date.fromisoformat(b))
    return out


# "The First Nagorno-Karabakh War ... took place from February 1988 to May 1994": the text's own dates
PERIOD_DEFINITION = re.compile(r"\b(?:took place|lasted|was fought|were fought|raged|ran|continued|spanned)\b")
NOT_DEFINITION = re.compile(r"\b(?:after|following|since|before|aftermath)\b", re.IGNORECASE)
# "the Second Punic War (218 BC - 201 BC)", "the Easter Offensive of 1972": a name with its dates right after it
NAMED_WITH_DATES = re.compile(r"\s*(?:\(\s*|,\s+|\s+of\s+)")
NAMES_FILE = Path(__file__).with_name("period_names.json")


@lru_cache(maxsize=1)
def period_names() -> dict:
    return json.loads(NAMES_FILE.read_text(encoding="utf-8"))


def is_period_name(name: str, heads: str = "period_heads") -> bool:
    """ "Second Punic War", "Tet Offensive": a proper name whose last word names a period."""
    words = name.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[-1].lower() in period_names()[heads]


def _named_dates(text: str, m: dict, d: dict) -> bool:
    """The date stands right after the name as its own: "(218 BC - 201 BC)" closed after the date, ", 1950-53,"
    or "of 1972"."""
    between = text[m["end"]:d["start"]]
    g = NAMED_WITH_DATES.fullmatch(between)
    if g is None or not is_period_name(m["text"]):
        return False
    after = text[d["end"]:d["end"] + 3]
    if "(" in between and after.lstrip()[:1] != ")":
        return False
    if "," in between and after[:1] not in (",", ")", ";", "."):
        return False
    # a span, or a year, season or month; not a day (the day it began on)
    return d["kind"] == "range" or d.get("granularity") in ("year", "season", "month", "decade")


def document_periods(text: str, mentions: list[dict], dates: list[dict],
                     definitions: dict | None = None) -> dict[str, tuple[str, str]]:
    """event_periods.tsv, with the intervals this text states for its named periods, as ISO dates of any era
    ("-0218-01-01", "-0201-12-31"): a named period in event_periods.tsv that "took place from ... to ...", and
    any name of a period ("war", "offensive": period_names.json) with its dates right after it. `definitions`,
    when given, receives the date row that defines each period named with its dates."""
    periods = {eid: (a.isoformat(), b.isoformat()) for eid, (a, b) in event_periods().items()}
    ranges, stated = defaultdict(list), defaultdict(list)
    for d in dates:
        if d["start_date"] and d["end_date"]:
            stated[d["sentence_id"]].append(d)
            if d["kind"] == "range":
                ranges[d["sentence_id"]].append(d)
    defined = set()
    for m in sorted(mentions, key=lambda m: m["start"]):
        if m["entity_id"] in defined:
            continue
        if m["entity_id"] in periods:
            for d in ranges.get(m["sentence_id"], []):
                between = text[m["end"]:d["start"]]
                if (0 < d["start"] - m["end"] < 150 and PERIOD_DEFINITION.search(between)
                        and not NOT_DEFINITION.search(text[max(0, m["start"] - 30):d["start"]])):
                    periods[m["entity_id"]] = (d["start_date"], d["end_date"])
                    defined.add(m["entity_id"])
                    break
            continue
        for d in stated.get(m["sentence_id"], []):
            if d["start"] >= m["end"] and _named_dates(text, m, d):
                periods[m["entity_id"]] = (d["start_date"], d["end_date"])
                defined.add(m["entity_id"])
                if definitions is not None:
                    definitions[m["entity_id"]] = d
                break
    return periods


def period_anchors(mentions: list[dict], periods: dict | None = None) -> list[tuple[int, Anchor]]:
    """A named period ("the Second Nagorno-Karabakh War") is context too: it anchors what follows."""
    periods = periods if periods is not None else event_periods()
    out = []
    for m in mentions:
        if m["entity_id"] in periods:
            a, b = periods[m["entity_id"]]
            if isinstance(a, str):
                if a.startswith("-") or b.startswith("-"):
                    continue            # before the common era: no AD date to anchor on
                a, b = dt.date.fromisoformat(a), dt.date.fromisoformat(b)
            out.append((m["start"], Anchor(a, b, "day", m["mention_id"], period=True)))
    return sorted(out, key=lambda x: x[0])


def extract_dates(parsed: Parsed, tables: dict, entity_info: dict) -> list[dict]:
    rows = _resolve_dates(parsed, tables, event_periods())
    periods = document_periods(parsed.text, tables.get("mentions", []), rows)
    if periods != {eid: (a.isoformat(), b.isoformat()) for eid, (a, b) in event_periods().items()}:
        rows = _resolve_dates(parsed, tables, periods)      # the text says when its own periods were
    return rows


def warn(tables: dict, message: str) -> None:
    """A problem with one expression: logged and listed in the document's warnings (documents.csv)."""
    docs = tables.get("documents") or [{}]
    doc_id = docs[0].get("doc_id", "?")
    log.warning("%s: %s", doc_id, message)
    if docs[0] is not None and "warnings" in docs[0]:
        if message not in docs[0]["warnings"]:
            docs[0]["warnings"] = "; ".join(filter(None, [docs[0]["warnings"], message]))


def is_dateline(text: str, s: int, e: int) -> bool:
    """A line that is only a date ("Thursday, November 18, 2004"): a news article's dateline."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if not text[ls:s].strip(" \t-–—") and not text[e:le].strip(" \t.,-–—"):
        return True
    # "LONDON, May 3 — The government ...": a place, the date and a dash before the story
    return s - ls <= 60 and bool(HEADING_PLACE.fullmatch(text[ls:s])) and bool(DATELINE_END.match(text, e))


def is_news_dateline(text: str, s: int, e: int) -> bool:
    """A news article's dateline in the first lines of a text with no reference date of its own: a place, the date and
    a dash before the story on the same line ("BAKHMUT, Ukraine, 8 March 2023 — Russian forces ..."), the date read
    as the publication date (a despatch's or letter's date on a line of its own is its heading date)."""
    ls = text.rfind("\n", 0, s) + 1
    if sum(1 for ln in text[:ls].splitlines() if ln.strip()) > HEADING_LINES or s - ls > 60:
        return False
    return bool(HEADING_PLACE.fullmatch(text[ls:s])) and bool(NEWS_DASH.match(text, e))


# "GENERAL HEADQUARTERS, June 15, 1915.", "War Office, 10th July, 1915": a place or office before a letter's date
HEADING_PLACE = re.compile(r"(?:(?:[A-Z][\w'’.&-]*|of|the|and|in|at|de|du|la|le)(?:\s+|,\s*))*")
HEADING_LINES = 6
# after the date: the end of its line, or a news dateline's dash before the story ("LONDON, May 3, 1915 — The ...")
DATELINE_END = re.compile(r"[ \t.,:]*(?:$|\n|(?:—|–|--|-)\s)", re.MULTILINE)
NEWS_DASH = re.compile(r"[ \t,]*(?:\([A-Z][\w .&]*\)\s*)?(?:—|–|--|-)[ \t]+\S")     # "8 March 2023 — The", "(Reuters) - The"


def is_heading_date(text: str, s: int, e: int) -> bool:
    """A letter's, despatch's or report's own date on a short line of its heading, alone or after a place."""
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    if le - ls > 100 or sum(1 for ln in text[:ls].splitlines() if ln.strip()) > HEADING_LINES:
        return False
    return bool(HEADING_PLACE.fullmatch(text[ls:s])) and bool(DATELINE_END.match(text, e))


# "held by the 28th" in a text that names "the 28th Division": a unit, not a day; "on the 28th" stays a day
DAY_PREPOSITION = re.compile(r"(\w+)\s+$")


def unit_ordinals(text: str) -> set[int]:
    """The numbers of the units a text names ("the 28th Division", "the 2nd Lincoln Militia")."""
    nouns = "|".join(re.escape(w) for w in lexicon()["ordinal_nouns"]["nouns"])
    return {int(n) for n in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)\s+(?:[A-Z][\w'’.-]*\s+){0,2}(?i:" + nouns + r")\b", text)}


def _continues_story(t, frontier) -> bool:
    """A section's first year-less day or month that falls on or shortly after the day the previous section's story
    had reached ("... filed on 13 December." / Mediation / "sent a delegation on 13 December"): the story did not step
    back, so its dates progress over the new year as before the heading."""
    return (frontier is not None and t.start is not None and t.granularity in ("day", "week", "month")
            and frontier <= t.end and (t.start - frontier).days <= 62)


def _names_unit(m: dict, text: str, s: int, units: set[int]) -> bool:
    """A day of the month said alone that is the number of a unit the text names, unless "on" or "of" takes it
    ("held by the 28th"; but "on the 28th")."""
    if m["rule"] not in ("day_only", "day_only_range"):
        return False
    digits = re.sub(r"\D", "", m["groups"].get("d") or m["groups"].get("d1") or "")
    if not digits or int(digits) not in units:
        return False
    prep = DAY_PREPOSITION.search(text[max(0, s - 15):s])
    return prep is None or prep.group(1).lower() not in ("on", "of")


# "led the Prague Spring in 1968": a capitalized season right after a capitalized word inside the sentence
NAME_BEFORE_SEASON = re.compile(r"\S\s+[A-Z][\w'’.-]*\s+$")


def _season_in_name(m: dict, text: str, sent_start: int, s: int, e: int) -> bool:
    """A bare season written with a capital after another capitalized word that does not open the sentence: the last
    word of a name ("the Prague Spring", "the Arab Spring"), not a time."""
    return (m["rule"] == "season_bare" and text[s:s + 1].isupper() and e - s <= len("Autumn")
            and bool(NAME_BEFORE_SEASON.search(text[sent_start:s])))


def year_premodifies(span) -> bool:
    """The date's closing year premodifies the common noun right after it, which is no subject, and no temporal
    preposition takes the date ("a withdrawal to June 4, 1967 borders", "a return to 1914 frontiers"): it names
    the thing, whatever stands before it; but "In 1967 troops landed", "By 1943 losses had mounted" are times."""
    doc = span.doc
    if span.start == 0 or span.end >= len(doc):
        return False
    last, after, before = doc[span.end - 1], doc[span.end], doc[span.start - 1]
    time_nouns = period_names()["time_nouns"]
    return (last.like_num and last.head.i == after.i and last.dep_ in ATTRIBUTIVE_DEPS and after.pos_ == "NOUN"
            and after.is_lower and not after.like_num and after.dep_ not in ("nsubj", "nsubjpass")
            and after.lower_ not in time_nouns and after.lemma_.lower() not in time_nouns
            and before.lower_ not in lexicon()["temporal_prepositions"])


def _date_root(doc, s: int, e: int):
    """The head token of the date's words in the parse, or None when they align with no token."""
    span = doc.char_span(s, e, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _attributive(doc, s: int, e: int) -> bool:
    """The date premodifies a noun after it ("the August 1792 uprising", "the 1614 rules")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span) or span.start == 0 or span.end >= len(doc):
        return False
    if year_premodifies(span):
        return True
    before, after = doc[span.start - 1], doc[span.end]
    if before.pos_ not in ATTRIBUTIVE_BEFORE or after.pos_ not in ("NOUN", "PROPN") or after.like_num:
        return False
    root = span.root
    return root.dep_ in ATTRIBUTIVE_DEPS and root.head.i >= span.end


def _names_subject(doc, s: int, e: int) -> bool:
    """The date stands in the subject of its clause ("The 2010 clash ... took place on February 18"): the clause
    tells of the thing it dates, so the days after it are that thing's."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    while tok.head.i != tok.i and tok.pos_ not in ("VERB", "AUX"):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
            return True
        tok = tok.head
    return False


def _thing_of(doc, s: int, e: int) -> bool:
    """A year after "<noun> of" naming a thing by it ("the peace treaty of 1979", "the Constitution of 1791"), not a
    time ("the course of 1917") nor a period the text sets its story in ("the Easter Offensive of 1972")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span) or span.start < 2:
        return False
    i = span.start - 1
    if doc[i].lower_ != "of" or (span.end < len(doc) and doc[span.end].pos_ in ("NOUN", "PROPN")):
        return False          # "as a result of the 2020 war": the year names the war, not the result
    noun = doc[i - 1]
    names = period_names()
    return (noun.pos_ in ("NOUN", "PROPN") and noun.lower_ not in names["time_nouns"]
            and noun.lemma_.lower() not in names["time_nouns"] and noun.lower_ not in names["period_heads"])


def _background(doc, s: int, e: int) -> bool:
    """The date stands in a non-restrictive modifier of a noun: an apposition, adjective phrase or relative
    clause set off by a comma before it."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    while tok.head.i != tok.i:
        if (tok.dep_ in BACKGROUND_DEPS and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and tok.head.i < tok.i
                and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == ","):
            return True
        tok = tok.head
    return False


def _described_practice(doc, s: int, e: int) -> bool:
    """The date stands in a noun phrase of a sentence that tells no act of the story, only what would hold or is
    ("The commission would operate by unanimity, a change from its practice from 1954 to 1958"): the noun's time,
    not a step of the story back to it."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    nominal = False
    while tok.head.i != tok.i:
        head = tok.head
        if head.pos_ in ("VERB", "AUX"):
            if head.dep_ != "ROOT" or not nominal:
                return False
            break
        if head.pos_ in ("NOUN", "PROPN", "PRON"):
            nominal = True
        tok = head
    root = tok.head if tok.head.dep_ == "ROOT" else tok
    if not nominal or root.pos_ not in ("VERB", "AUX"):
        return False
    return (any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
            or (root.lemma_ == "be" and not any(c.dep_ in ("nsubjpass", "auxpass") for c in root.children)))


def _past_perfect_clause(doc, s: int, e: int) -> bool:
    """The date stands in a clause whose verb is in the past perfect, wherever its "had" stands ("beginning in 1833,
    however, the United Kingdom had established a presence"): background told back from the story, not a step of
    it. Participles ("a claim dating to its independence in 1816", "beginning in 1833") have no tense of their own:
    the clause's finite verb above them decides."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and not _non_finite(tok):
            break
    if tok.pos_ not in ("VERB", "AUX") or _non_finite(tok):
        return False
    return tok.tag_ in ("VBN", "VBD") and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in tok.children)


def _non_finite(tok) -> bool:
    """A participle or infinitive with no auxiliary of its own."""
    return tok.tag_ in ("VBG", "VBN", "VB") and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _gerund_phrase(doc, s: int, e: int) -> bool:
    """The date stands in a gerund phrase after a preposition, set off by a comma ("were new to her, on
    recommissioning in May"): a circumstance of the clause, which, set before the story's date, steps back as a past
    perfect does (not the act a clause is about: "was expressed in passing the act in 1992, which banned ...")."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    while tok.head.i != tok.i:
        if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            first = tok.head.left_edge.i
            return first > 0 and doc[first - 1].text == ","
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("pcomp",):
            return False
        tok = tok.head
    return False


def _content_ahead(doc, s: int, e: int) -> bool:
    """The date stands after the object of a verb of demanding, promising or foretelling (lexicon `content_verbs`,
    "call for" with its preposition) that takes it in its own clause ("called for general elections in 1956",
    "predicted victory by Christmas 1963", "called for Aristide's return to Haiti by October 30, 1993"): the time of
    the act called for, not of the calling."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    while tok.head.i != tok.i and tok.head.pos_ not in ("VERB", "AUX"):
        tok = tok.head
    verb = tok.head
    if verb.i == tok.i or verb.pos_ not in ("VERB", "AUX") or verb.i > span.start:
        return False
    words = lexicon()["content_verbs"]
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if verb.i < c.i < span.start
               and (c.dep_ in ("dobj", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for"))]
    with_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in objects)
    return bool(objects) and (lemma in words or (with_for and f"{lemma} for" in words))


def _referenced_event(doc, s: int, e: int) -> bool:
    """The date dates the noun a preposition of time reference takes ("Following the loss of a U-2 over the Soviet
    Union in May 1960, it was thought ...", "After the fall of France in June 1940, ..."; lexicon
    `reference_prepositions`): the time of the happening the clause is set after or before, not where the story is.
    Its caller takes it so only when the story runs in days or months: a history told by years ("In 1953 ...
    Following discussions in 1946, war broke out") goes back to tell what came after."""
    tok = _date_root(doc, s, e)
    if tok is None:
        return False
    words = lexicon()["reference_prepositions"]
    while tok.head.i != tok.i:
        head = tok.head
        if tok.dep_ == "pobj" and tok.pos_ == "NOUN" and head.dep_ == "prep" and head.lower_ in words:
            return True
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "prep":
            return False            # the clause's verb: the date is its own, not a noun's
        tok = head
    return False


def _quoted_title(text: str, sent_start: int, s: int, e: int) -> bool:
    """The date stands inside a short quotation with a closing mark soon after it: a title."""
    return bool(QUOTED_TITLE.search(text[max(sent_start, s - 40):s])) and bool(QUOTE_CLOSE.match(text, e, e + 21))


def _carry_to_stated_year(rows: list[dict], earlier: list[int], carried: set[str], stated: dt.date) -> None:
    """The paragraph's dates before its first stated year, all year-less and carried one year short of it, move into
    that year when every one of them then falls before the stated date."""
    if not earlier or any(rows[i]["date_id"] not in carried for i in earlier):
        return
    moved = []
    for i in earlier:
        try:
            a, b = dt.date.fromisoformat(rows[i]["start_date"]), dt.date.fromisoformat(rows[i]["end_date"])
            a2, b2 = a.replace(year=a.year + 1), b.replace(year=b.year + 1)
        except ValueError:
            return
        if b.year + 1 != stated.year or b2 > stated:
            return
        moved.append((i, a2, b2))
    for i, a2, b2 in moved:
        r = rows[i]
        r["start_date"], r["end_date"] = a2.isoformat(), b2.isoformat()
        if r["value"][:4].isdigit():
            r["value"] = str(int(r["value"][:4]) + 1) + r["value"][4:]
        carried.discard(r["date_id"])


def _story_to_carried(ctx, rows: list[dict], para_rows: list[int]) -> None:
    """The story's date, when _carry_to_stated_year has just moved the row it stands at into the stated year."""
    if ctx.anchor is None:
        return
    for i in para_rows:
        r = rows[i]
        if r["date_id"] == ctx.anchor.date_id and r["start_date"] and r["start_date"] != ctx.anchor.start.isoformat():
            ctx.anchor = Anchor(dt.date.fromisoformat(r["start_date"]), dt.date.fromisoformat(r["end_date"]),
                                ctx.anchor.granularity, ctx.anchor.date_id)
            if ctx.paragraph_frame is not None and ctx.paragraph_frame.date_id == r["date_id"]:
                ctx.paragraph_frame = ctx.anchor
            if ctx.frontier is not None and ctx.frontier < ctx.anchor.end:
                ctx.frontier = ctx.anchor.end
            if ctx.last_fine is not None:
                ctx.last_fine = (ctx.anchor.end.year, ctx.anchor.end.month)
            return


def _resolve_dates(parsed: Parsed, tables: dict, periods: dict) -> list[dict]:
    kinds = {r.name: r.kind for r in rules()}
    ctx = Context(parsed.document.reference_date)
    doc_id = parsed.document.doc_id
    text = parsed.text
    rows = []
    anchors = period_anchors(tables.get("mentions", []), periods)
    paragraph, unordered = -1, False
    # the paragraph told: [story's date at its start, opens in the past perfect, its rows, every date it moved the
    # story to before that date's year, it moved the story]
    flashback = None

    def close_paragraph():
        # a paragraph of background (past perfect opening, every date it gave before the story's): the story
        # resumes at the date it had reached; its rows date their own paragraph only
        if flashback is not None and flashback[1] and flashback[3] and flashback[4]:
            ctx.anchor = flashback[0]
            for i in flashback[2]:
                rows[i]["flashback"] = True
    para_rows: list[int] = []   # the paragraph's rows
    carried: set[str] = set()   # year-less dates whose year came from before their paragraph
    starts: dict[str, int] = {}
    thing = None            # the date of a thing just named before the story's date ("the 2020 cease-fire statement")
    units = unit_ordinals(text)
    k = 0
    for seg, doc in parsed.segment_docs():
        if seg.kind == "prose" and HEADING.fullmatch(text[seg.start:seg.end].strip()):
            ctx.new_section = True      # a heading: the narrative may start again earlier
            ctx.section_frontier = ctx.frontier or ctx.section_frontier
            ctx.frontier = None
            flashback = None            # ... and no background paragraph before it holds the story back
        for m in doc._.time_matches or ():
            s, e = seg.start + m["start"], seg.start + m["end"]
            if _names_unit(m, text, s, units):
                continue        # "relieved by the 28th": the unit the text names, not a day
            while k < len(anchors) and anchors[k][0] < s:
                ctx.anchor = anchors[k][1]
                k += 1
            sent = parsed.sentence_at(s)
            if sent is None:
                continue
            if _season_in_name(m, text, sent.start, s, e):
                continue        # "the Prague Spring", "the Arab Spring": a name, not a season
            opens_paragraph = (p := text.rfind("\n", 0, s)) != paragraph and not text[p + 1:sent.start].strip()
            if p != paragraph:
                close_paragraph()
                paragraph, unordered = p, False
                para_rows = []
                ctx.paragraph_frame = None
                first = parsed.sentence_at(p + 1 + len(text[p + 1:s]) - len(text[p + 1:s].lstrip()))
                anchor_now = (ctx.anchor if ctx.anchor is not None and not ctx.anchor.period and ctx.dct is None
                              and not ctx.new_section else None)
                flashback = [anchor_now, anchor_now is not None and first is not None
                             and bool(BACKGROUND_OPENING.search(text[first.start:first.end])),
                             [], True, False]
            ctx.unordered = unordered
            ctx.sentence, ctx.before, ctx.after = text[sent.start:sent.end], text[sent.start:s], text[e:sent.end]
            prev = rows[-1] if rows else None
            saved = ctx.anchor              # the story's date
            attributive = ctx.anchor is not None and ctx.dct is None and _attributive(doc, m["start"], m["end"])
            if attributive and thing is not None:
                # "in violation of the 2020 cease-fire statement ... the 9 November ceasefire agreement": a thing's
                # year-less date takes its year from the thing's date just named, not from the story
                ctx.anchor = thing
            story = ctx.anchor
            if (m["rule"] == "relative_offset" and prev is not None and prev["sentence_id"] == sent.sentence_id
                    and prev["start_date"] and not prev["start_date"].startswith("-") and prev["kind"] in ("date", "range")
                    and (m["groups"].get("dir") or "").lower() in ("later", "afterwards", "afterward")
                    and (ctx.anchor is None or ctx.anchor.date_id != prev["date_id"])):
                # "declared war on Austria (20 April 1792) and Prussia joined a few weeks later": later than the
                # act just dated, even when that date left the story where it was
                ctx.anchor = Anchor(dt.date.fromisoformat(prev["start_date"]), dt.date.fromisoformat(prev["end_date"]),
                                    prev["granularity"], prev["date_id"])
            last_month = (ctx.anchor.end.year, ctx.anchor.end.month) if (
                ctx.anchor is not None and ctx.anchor.granularity in ("day", "week", "month")) else None
            frame = ctx.paragraph_frame
            if ctx.anchor is thing is not None:
                ctx.paragraph_frame = None      # a thing's date takes the thing's year, not the paragraph's
            t = normalize(m["rule"], m["groups"], ctx)
            ctx.paragraph_frame = frame
            if (last_month and t.anchor_used and t.start is not None and t.granularity == "month"
                    and (t.start.year, t.start.month) < last_month and t.start.year == last_month[0]):
                # "In June ..., in December ..., in October": a paragraph telling the months of a year out of order
                # does not roll over into the next year when a later month goes back
                unordered = True
                ctx.last_fine = None
            if not t.sets_anchor or t.start is None:
                ctx.anchor = story
            resolved_from = ctx.anchor
            if story is not saved and (t.start is None or t.end < saved.start):
                ctx.anchor = story = saved  # a thing's date before the story: the story stays where it was
            restates = False
            if (m["rule"] == "relative_offset" and prev is not None and prev["sentence_id"] == sent.sentence_id
                    and prev["start_date"] and (m["groups"].get("dir") or "").lower() in ("after", "before", "prior")
                    and EVENT_PHRASE.match(text[e:sent.end])
                    and ((prev["kind"] == "date" and APPOSITION.fullmatch(text[prev["end"]:s]))
                         or (prev.get("restates") and RESTATED_AND.fullmatch(text[prev["end"]:s])))):
                # "On 27 June 1950, two days after the KPA invaded, ...": the offset restates the date before it
                t = Timex("relative", prev["value"], dt.date.fromisoformat(prev["start_date"]),
                          dt.date.fromisoformat(prev["end_date"]), prev["granularity"], "")
                t.anchor_used, t.sets_anchor = True, False
                restates = True
            kind = t.kind if t.kind else kinds[m["rule"]]
            date_id = f"{doc_id}:d{s}-{e}"
            if t.warning:
                warn(tables, f"date {text[s:e]!r} at {s}-{e} left without a value ({t.warning})")
            if (ctx.dct is None and not rows and t.explicit and not t.anchor_used and t.granularity == "day"
                    and t.start is not None and t.start == t.end and is_news_dateline(text, s, e)):
                ctx.dct = t.end             # "BAKHMUT, Ukraine, 8 March 2023 — Russian forces ...": the article's date
            if ctx.dct is not None and t.start == t.end == ctx.dct and is_dateline(text, s, e):
                ctx.dateline_id = date_id   # the publication date: what follows is not dated from it
            heading = (ctx.dct is None and not ctx.heading_id and t.explicit and not t.anchor_used
                       and t.granularity == "day" and t.start is not None and not any(r["start_date"] for r in rows)
                       and is_heading_date(text, s, e))
            rows.append({
                "doc_id": doc_id, "date_id": date_id, "sentence_id": sent.sentence_id, "start": s,
                "end": e, "text": text[s:e], "kind": kind, "value": t.value,
                "start_date": t.start_iso or (t.start.isoformat() if t.start else ""),
                "end_date": t.end_iso or (t.end.isoformat() if t.end else ""), "granularity": t.granularity,
                "mod": t.mod, "rule": m["rule"],
                "anchor_id": resolved_from.date_id if (t.anchor_used and resolved_from) else ""})
            if restates:
                rows[-1]["restates"] = True     # not a column: a second offset joined to this one restates it too
            before = text[max(sent.start, s - 80):s]
            # not a column: tells the events which dates leave the story where it was (the end of a span
            # ahead, a step back), so that they date no clause after them
            rows[-1]["moves_story"] = True
            near = text[max(sent.start, s - 40):s]
            content_ahead = (t.start is not None and saved is not None and ctx.dct is None and t.start > saved.end
                             and _content_ahead(doc, m["start"], m["end"]))
            if content_ahead:
                rows[-1]["content_ahead"] = True    # not a column: the time of what was called for, not of the call
            if t.start is not None and ((not t.anchor_used and WOULD.search(near)) or REPORTED_MODAL.search(before)
                                        or content_ahead):
                rows[-1]["moves_story"] = False
            elif t.start is not None and (PLANNED.search(near) or NAME_DATE.search(near) and text[e:e + 1] == ")"):
                # "for a planned campaign in 1976": the story stays where it was
                rows[-1]["moves_story"] = not COMPARISON.search(near)
                # not a column either: a comparison's date times no act ("required that the estates be arranged as
                # in 1614" was not required in 1614), nor a date in a title (the song "White Christmas")
                rows[-1]["names_thing"] = not rows[-1]["moves_story"]
                if PLAN.search(near) and saved is not None and (t.start - saved.end).days > PLAN_AHEAD_DAYS:
                    # "the meeting of the Estates was planned for May 1789" told in 1777: a date the story looks
                    # years ahead to dates its own act, not the acts told after it ("the attack was planned for
                    # the 29th" is what the story tells next)
                    rows[-1]["moves_story"] = False
            elif (t.start is not None and saved is not None and ctx.dct is None
                  and ((t.end < saved.start and attributive)
                       or _quoted_title(text, sent.start, s, e)
                       or (t.granularity == "year" and not t.anchor_used and not HEADING.fullmatch(text[seg.start:seg.end].strip())
                           and _thing_of(doc, m["start"], m["end"])
                           and (t.start - saved.end).days > PLAN_AHEAD_DAYS))):
                # "the August 1792 uprising" told in 1793: a thing's date, not a step back of the story
                rows[-1]["moves_story"] = False
                rows[-1]["names_thing"] = _quoted_title(text, sent.start, s, e)
                ctx.anchor = saved
                if attributive and t.explicit and not t.anchor_used:
                    thing = Anchor(t.start, t.end, t.granularity, date_id)
            elif (t.start is not None and ctx.anchor is not None and not ctx.anchor.period and ctx.dct is None
                  and ((not t.anchor_used
                        and ((UNTIL.search(before) and t.start > ctx.anchor.end)
                             or (UNTIL_DATE.search(before) and (t.start - ctx.anchor.end).days > UNTIL_AHEAD_DAYS)))
                       or (UNTIL.search(before) and t.anchor_used and kind == "relative" and t.start > ctx.anchor.end)
                       or (((SINCE.search(before) and (ctx.anchor.start - t.end).days > SINCE_BACK_DAYS)
                            or ((PAST_PERFECT.search(before) or _past_perfect_clause(doc, m["start"], m["end"]))
                                 and not (opens_paragraph and t.granularity in FINE))
                             or _background(doc, m["start"], m["end"]) or _gerund_phrase(doc, m["start"], m["end"])
                             or (_referenced_event(doc, m["start"], m["end"]) and ctx.anchor.granularity in FINE
                                 and (ctx.anchor.start - t.end).days > SINCE_BACK_DAYS)
                             or _described_practice(doc, m["start"], m["end"])
                            or (kind == "relative" and t.anchor_used))
                           and t.end < ctx.anchor.start)
                       or (not t.anchor_used and t.start > ctx.anchor.end and BY_BEFORE.search(before)
                           and HAD_AFTER.match(text, e, sent.end)
                           and any(r["date_id"] == ctx.anchor.date_id and r["sentence_id"] == sent.sentence_id
                                   for r in rows[-4:-1])))):
                # the end of a span ahead, or a step back: a past perfect clause, a description of a person or
                # thing, a date counted back from the story's ("the previous September", "nineteen years
                # before"): the story stays
                rows[-1]["moves_story"] = False
            elif (t.start is not None and t.granularity == "year" and not t.anchor_used and not opens_paragraph
                  and ctx.anchor is not None and not ctx.anchor.period and ctx.dct is None
                  and ctx.anchor.granularity in FINE and (t.start - ctx.anchor.end).days > REMARK_AHEAD_DAYS
                  and not HEADING.fullmatch(text[seg.start:seg.end].strip())
                  and not _names_subject(doc, m["start"], m["end"])):
                rows[-1]["moves_story"] = False
            elif t.start_iso:
                ctx.anchor = None       # before the common era: what follows has no AD year to take
            elif (t.start is not None and t.granularity in COARSE and ctx.anchor is not None
                  and ctx.anchor.granularity not in COARSE):
                pass                    # "the final decade of the nineteenth century": the story keeps its date
            elif t.start is not None and t.sets_anchor and kind in ("date", "range", "relative"):
                ctx.anchor = Anchor(t.start, t.end, t.granularity, date_id)
                thing = None
                if (t.explicit and not t.anchor_used and t.granularity in FINE
                        and (ctx.paragraph_frame is None or t.end >= ctx.paragraph_frame.start)):
                    ctx.paragraph_frame = ctx.anchor    # the day or month the paragraph's story has got to
                if (t.explicit and not t.anchor_used and ctx.paragraph_frame is not None
                        and t.end.year < ctx.paragraph_frame.start.year):
                    ctx.step_back_id = date_id
                if t.explicit and not t.anchor_used:
                    ctx.new_section = False
                elif ctx.new_section and _continues_story(t, ctx.section_frontier):
                    ctx.new_section = False     # the section goes on from where the last one stopped
                if t.granularity in ("day", "week", "month"):
                    # the last month told of a year, unless the paragraph tells its months out of order
                    ctx.last_fine = None if unordered else (t.end.year, t.end.month)
                    if ctx.frontier is None or t.end > ctx.frontier:
                        ctx.frontier = t.end
                    elif t.explicit and not t.anchor_used:
                        ctx.stepped_back_id = date_id
            starts[date_id] = s
            if t.start is not None and t.anchor_used and resolved_from is not None and (
                    (m["rule"] in YEARLESS_RULES and kind in ("date", "range"))
                    or (kind == "relative" and resolved_from.date_id in carried)):
                if resolved_from.date_id in carried or starts.get(resolved_from.date_id, s) < paragraph:
                    carried.add(date_id)
            elif (t.start is not None and t.explicit and not t.anchor_used and t.granularity in FINE
                  and (rows[-1]["moves_story"] or content_ahead) and ctx.dct is None):
                _carry_to_stated_year(rows, [i for i in para_rows if rows[i]["start_date"]], carried, t.start)
                if content_ahead:
                    # "signed on July 3 called for his return by October 30, 1993": the year stated for what was
                    # called for is the paragraph's, and the story stays at the carried date it had reached
                    _story_to_carried(ctx, rows, para_rows)
            para_rows.append(len(rows) - 1)
            if heading:
                # the date of the letter or despatch itself: what it tells happened before it, and no act in it
                # is dated by it
                ctx.heading_id, ctx.heading_date = date_id, t.end
                ctx.frontier, ctx.last_fine = None, None
                rows[-1]["moves_story"], rows[-1]["names_thing"] = False, True
            if flashback is not None:
                flashback[2].append(len(rows) - 1)
                if ctx.anchor is not None and ctx.anchor.date_id == date_id:
                    flashback[4] = True
                    if flashback[0] is None or t.end is None or not t.end.year < flashback[0].start.year:
                        flashback[3] = False
    close_paragraph()
    return rows
