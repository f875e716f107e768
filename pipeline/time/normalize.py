"""Rule match -> normalized temporal expression, resolved against the document's context.

Narrative documents resolve from the most recent explicit date before the expression (HeidelTime's
narrative strategy); documents with a reference date resolve deictic words from it (news strategy).
Never from today's clock: what cannot be resolved keeps empty dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from . import calendar as cal
from .patterns import lexicon

FLASHBACK = re.compile(r"\b(?:[Ee]arlier|[Pp]reviously|[Bb]efore\s+that|had\s+(?:\w+ly\s+)?(?:been|\w+ed|\w+en)|"
                       r"the\s+(?:previous|preceding)\s+(?:year|month|spring|summer|autumn|fall|winter))\b")
COMPLETED_BY = re.compile(r"\b(?:[Bb]y|[Uu]ntil|[Tt]ill)\s+(?:the\s+)?(?:\w+\s+)?$")
PROGRESSION_MONTHS = 4
# what follows "three weeks after": an event ("the siege began", "the KPA invaded"), not a date or the clause's end
EVENT_PHRASE = re.compile(r"\s+(?:to\s+)?(?!(?:that|this|which|it)\b)[A-Za-z]")
UNIT_GRAN = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "year", "CE": "year",
             "H": "hour", "MIN": "hour", "SEC": "hour"}


@dataclass
class Timex:
    kind: str
    value: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = ""
    mod: str = ""
    explicit: bool = False        # carries its own year: becomes the narrative anchor
    anchor_used: bool = False
    warning: str = ""             # why the value was left empty when the normalizer failed
    sets_anchor: bool = True      # False: resolved from the narrative but too coarse to move it
    start_iso: str = ""           # BC dates, which datetime.date cannot hold: "-0218-01-01" (start/end None)
    end_iso: str = ""


@dataclass
class Anchor:
    start: dt.date
    end: dt.date
    granularity: str
    date_id: str
    period: bool = False          # a named period ("the blockade"), not a date the text states


class Context:
    def __init__(self, reference_date: dt.date | None = None):
        self.dct = reference_date
        self.anchor: Anchor | None = None
        self.last_anchor_id = ""
        self.sentence = ""            # the sentence of the expression being resolved
        self.before = ""              # its words before the expression
        self.after = ""               # its words after the expression
        self.last_fine: tuple[int, int] | None = None   # (year, month) of the last date finer than a year
        self.new_section = False      # after a heading, until a date with its own year: no progression
        self.frontier: dt.date | None = None   # the latest day the section's story has reached (day or month dates)
        self.section_frontier: dt.date | None = None   # the frontier the story had reached before the last heading
        self.stepped_back_id = ""     # the date that last took the story back from the frontier
        self.paragraph_frame: Anchor | None = None  # the latest day or month with its own year the paragraph got to
        self.step_back_id = ""        # a date with its own year that took the paragraph back to an earlier year
        self.dateline_id = ""         # news: the date_id of the dateline (the publication date itself)
        self.unordered = False        # the paragraph tells the months of a year out of order: no roll-over
        self.heading_id = ""          # a letter's or despatch's own date in its heading: what it tells is before it
        self.heading_date: dt.date | None = None

    def future(self) -> bool:
        """News: the clause before the expression speaks of what is to come ("will be held in January",
        "is scheduled for Monday"); lexicon.json `future_markers`."""
        clause = re.split(r"[,;:()]|\b(?:said|says|that)\b", self.before[-80:])[-1].lower()
        return any(re.search(r"(?<![\w'’])" + re.escape(w) + r"(?![\w'’])", clause) for w in _lex()["future_markers"])

    def dateline_anchor(self) -> bool:
        """News: the story has given no date of its own yet, only the dateline."""
        return self.dct is not None and self.anchor is not None and self.anchor.date_id == self.dateline_id != ""

    def flashback(self) -> bool:
        """The sentence steps back in the story ("earlier", "had been"): no forward progression. A date
        that something was done by ("had been repulsed by January") still moves forward."""
        return bool(FLASHBACK.search(self.sentence)) and not COMPLETED_BY.search(self.before)

    def progressed_year(self, month: int) -> int | None:
        """Narratives move forward: after "... by December 1943", a year-less "January" is 1944. Only
        from a date finer than a year (after "in 1943", "June" is 1943's), not in a flashback."""
        a = self.anchor
        if self.dct is not None or a is None or a.period or self.new_section or self.unordered:
            return None
        if a.granularity in ("day", "week", "month", "season"):
            year, last = a.end.year, a.end.month
        elif a.granularity == "year" and self.last_fine and self.last_fine[0] == a.end.year:
            year, last = self.last_fine     # "On December 7, 1941, ... In January": the year's last month told
        else:
            return None
        # forward over the new year only when that is the short way: December -> January or March,
        # not August -> June (a step back within the year, as a new section often takes)
        if month < last and (month - last) % 12 <= PROGRESSION_MONTHS and not self.flashback():
            return year + 1
        return None

    def back_to_frontier(self, month: int) -> int | None:
        """ "... retreated by 28 March 1918. A council was created on 5 November 1917. ... Operation Marne was
        launched on 15 July": right after a date stepping back from where the section's story had got to, a
        year-less month before the step-back date's own is the frontier's year's, when it falls after the frontier
        there. Once the story has gone on from the step back ("On 19 September 2023 ... on 20 September ... the
        following month ... on 21 September"), its dates keep its year."""
        a, f = self.anchor, self.frontier
        if (self.dct is not None or a is None or a.period or f is None or f <= a.end or self.new_section
                or a.date_id != self.stepped_back_id      # a thread told on from the step back keeps its year
                or a.granularity not in ("day", "week", "month") or f.year != a.end.year + 1 or self.flashback()):
            return None
        if month < a.end.month and cal.month_interval(f.year, month, "")[0] > f:
            return f.year
        return None

    def back_to_frame(self, month: int) -> int | None:
        """ "On February 6, 1989, talks opened. Solidarity was formed in August 1980 ... The 1981 imposition of
        martial law drove it underground. The results, signed on April 4, ...": after a step back to an earlier
        year inside a paragraph told from a day or month with its own year, a year-less month returns to its year
        when it falls after it there; the step back was background, the paragraph's story goes on."""
        a, f = self.anchor, self.paragraph_frame
        if (self.dct is not None or a is None or f is None or a.period or self.new_section
                or a.end.year >= f.start.year or a.date_id != self.step_back_id
                # a step back to a day starts a thread told on in its year ("created on 5 November 1917. It met
                # again on 7 November"), and so does one to the month named ("in November 1917 ... on 7 November")
                or a.granularity in ("day", "week") or (a.granularity == "month" and a.end.month == month)):
            return None
        if cal.month_interval(f.start.year, month, "")[1] >= f.start:
            return f.start.year
        return None

    def winter_ahead(self, year: int) -> bool:
        """A narrative's "the winter" after a date of March-December of `year` is the winter that begins
        that December (a winter is named by the year of its January): the story moves on into it."""
        a = self.anchor
        if self.dct is not None or a is None or a.period or a.end.year != year or self.flashback():
            return False
        if a.granularity in ("day", "week", "month", "season"):
            return a.end.month >= 3
        return a.granularity == "year" and bool(self.last_fine) and self.last_fine[0] == year and self.last_fine[1] >= 3

    def heading_anchor(self) -> bool:
        """The story has given no date of its own yet, only the date of the letter or despatch in its heading."""
        return self.anchor is not None and self.anchor.date_id == self.heading_id != ""

    def year_for_yearless(self, month: int | None = None) -> tuple[int | None, bool]:
        y, used = self._year_for_yearless(month)
        if self.dct is None and self.heading_date is not None and y is not None and month is not None:
            y = self._year_before_heading(y, month)
        return y, used

    def _year_before_heading(self, y: int, month: int) -> int:
        """A letter or despatch tells what happened in the year before its own date."""
        h = self.heading_date
        if cal.month_interval(y, month, "")[0] > h:
            # a despatch dated June 15, 1915 reports what happened before it: "In December" is December 1914
            return y - 1
        if cal.month_interval(y, month, "")[1] < h - dt.timedelta(days=365) and cal.month_interval(y + 1, month, "")[0] <= h:
            # ... and within the year before it: "December ... May 8" is the May before the despatch
            return y + 1
        return y

    def _year_for_yearless(self, month: int | None = None) -> tuple[int | None, bool]:
        if self.dct is None and month is not None and self.heading_anchor():
            # "May 8" in a despatch dated June 15, 1915: what it reports happened before its own date
            a = self.anchor
            return (a.end.year if month <= a.end.month else a.end.year - 1), True
        if self.dct is not None:
            # an announced event ("will be held in January"): the coming such month
            if month is not None and self.future():
                return (self.dct.year + 1 if month < self.dct.month else self.dct.year), False
            # news is mostly about the recent past: a month well after the reference month is last year's
            if month is not None and month - self.dct.month > 2:
                return self.dct.year - 1, False
            return self.dct.year, False
        if self.anchor is not None:
            a = self.anchor
            if month is not None and a.granularity in ("decade", "century") and not a.period:
                return None, False      # "in the 1940s ... In March": no year to give the month
            if month is not None and (y := self.progressed_year(month)) is not None:
                return y, True
            if month is not None and (y := self.back_to_frontier(month)) is not None:
                return y, True
            if month is not None and (y := self.back_to_frame(month)) is not None:
                return y, True
            if a.period and month is not None:
                # "On 9 January" while the text is about the 2022-23 blockade: the year the month falls in it
                fits = [y for y in range(a.start.year, a.end.year + 1)
                        if cal.month_interval(y, month, "")[1] >= a.start and cal.month_interval(y, month, "")[0] <= a.end]
                if fits:
                    return fits[-1], True
            return a.end.year, True
        return None, False


def _lex():
    return lexicon()


def month_num(s: str) -> int:
    t = s.rstrip(".")
    months = _lex()["months"]
    return months.get(t) or months[t[:1].upper() + t[1:].lower()]


def day_num(s: str) -> int:
    digits = re.sub(r"\D", "", s)
    if digits:
        return int(digits)
    from .patterns import day_ordinals
    return day_ordinals(_lex())[re.sub(r"\s+", " ", s.strip().lower())]


def number(s: str | None):
    """Digits or number words -> number; vague words ("several") -> None."""
    if s is None:
        return 1
    t = re.sub(r"\s+", " ", s.strip().lower())
    if re.fullmatch(r"[\d,]+(\.\d+)?", t):
        return float(t.replace(",", "")) if "." in t else int(t.replace(",", ""))
    nums = _lex()["numbers"]
    if t in nums:
        return nums[t]
    if "-" in t:
        a, b = t.split("-", 1)
        if a in nums and b in nums:
            return nums[a] + nums[b]
    return None


def mod_of(s: str | None) -> str:
    if not s:
        return ""
    key = re.sub(r"\s+", " ", s.strip().lower())
    return _lex()["modifiers"].get(key, _lex()["modifiers"].get(key.removeprefix("the "), ""))


def ordinal(s: str) -> int:
    t = s.lower()
    m = re.match(r"(\d+)", t)
    return int(m.group(1)) if m else _lex()["ordinals"][t]


def fmt_num(n) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def duration_value(n, unit: str) -> str:
    if n is None:
        return {"H": "PTXH", "MIN": "PTXM", "SEC": "PTXS"}.get(unit, f"PX{unit}")
    if unit == "DE":
        return f"P{fmt_num(n * 10)}Y"
    if unit == "CE":
        return f"P{fmt_num(n * 100)}Y"
    if unit == "H":
        return f"PT{fmt_num(n)}H"
    if unit == "MIN":
        return f"PT{fmt_num(n)}M"
    if unit == "SEC":
        return f"PT{fmt_num(n)}S"
    return f"P{fmt_num(n)}{unit}"


def unit_code(u: str) -> str:
    return _lex()["units"][u.lower()]


def make(kind, gran, start, end, mod="", season=None, explicit=False, value=None) -> Timex:
    return Timex(kind, value if value is not None else cal.value_of(gran, start, season), start, end,
                 gran, mod, explicit)


def day_timex(kind, y, m, d, explicit) -> Timex | None:
    if not (1 <= d <= cal.last_day(y, m)):
        return None
    day = dt.date(y, m, d)
    return make(kind, "day", day, day, explicit=explicit)


def unresolved(kind, gran="", mod="") -> Timex:
    return Timex(kind, "", None, None, gran, mod)


# "early October" (1-10), "mid-May", "late June" (21-30): a part of a month, not the whole of it
PART_OF_MONTH_DAYS = 10


def shift(base: Anchor, n: int, unit: str) -> Timex | None:
    """The period n units after (n<0: before) the anchor, at the unit's granularity."""
    g = UNIT_GRAN.get(unit)
    if g == "day" and base.granularity == "day":
        d = base.end + dt.timedelta(days=n) if n >= 0 else base.start + dt.timedelta(days=n)
        return make("relative", "day", d, d)
    if g == "week" and base.granularity in ("day", "week"):
        d = (base.end if n >= 0 else base.start) + dt.timedelta(weeks=n)
        a, b = cal.week_interval(d)
        return make("relative", "week", a, b)
    if g == "week" and base.granularity == "month" and (base.end - base.start).days <= PART_OF_MONTH_DAYS:
        # "in early October ... Two weeks later": the part of the month, n weeks on (October 15-24)
        return make("relative", "week", base.start + dt.timedelta(weeks=n), base.end + dt.timedelta(weeks=n))
    if g == "month" and base.granularity in ("day", "week", "month"):
        ref = base.end if n >= 0 else base.start
        y, m = cal.add_months(ref.year, ref.month, n)
        a, b = cal.month_interval(y, m)
        return make("relative", "month", a, b)
    if unit == "Y" and base.granularity in ("day", "week", "month", "season", "year"):
        y = (base.end if n >= 0 else base.start).year + n
        a, b = cal.year_interval(y)
        return make("relative", "year", a, b)
    if unit == "DE" and base.granularity in ("day", "week", "month", "season", "year", "decade"):
        y = ((base.end if n >= 0 else base.start).year // 10 + n) * 10
        a, b = cal.decade_interval(y)
        return make("relative", "decade", a, b)
    return None


DAY_ARITHMETIC_UNITS = {"W", "M", "Y"}


def _day_shift(day: dt.date, n: int, unit: str) -> dt.date | None:
    """The day n weeks, months or years from `day` (the month's last day when it has no such day)."""
    if unit == "W":
        return day + dt.timedelta(weeks=n)
    months = n * 12 if unit == "Y" else n
    y, m = cal.add_months(day.year, day.month, months)
    if y < 1:
        return None
    return dt.date(y, m, min(day.day, cal.last_day(y, m)))


def normalize(rule: str, g: dict, ctx: Context) -> Timex:
    """The expression's value; one that cannot be resolved keeps an empty value. A normalizer that
    raises (a bug, a rule whose groups it does not expect) costs this expression only, never the
    document: the value stays empty and `warning` says why."""
    fn = NORMALIZERS.get(rule)
    try:
        t = fn(g, ctx) if fn else None
    except Exception as e:  # noqa: BLE001 - one bad expression must not cost the document
        t = unresolved(_rule_kind(rule))
        t.warning = f"rule {rule}: {type(e).__name__}: {e}"
        return t
    if t is None:
        return unresolved(_rule_kind(rule))     # "1 and 2 December" with no year to give: still a range
    return t


def _date_full(g, ctx):
    return day_timex("date", int(g["y"]), month_num(g["m"]), day_num(g["d"]), True)


def weekday_num(s: str) -> int:
    wds = _lex()["weekdays"]
    key = s.rstrip(".")
    return wds.get(key, wds.get(key[:1].upper() + key[1:].lower()))


def _date_yearless(g, ctx):
    y, used = ctx.year_for_yearless(month_num(g["m"]))
    if (shared := _shared_year(month_num(g["m"]), day_num(g["d"]), ctx)) is not None:
        y, used = shared, False
    if y is None:
        return unresolved("date", "day")
    m, d = month_num(g["m"]), day_num(g["d"])
    if g.get("wdp"):
        # "Monday, December 6": the weekday fixes the year when the nearest one does not fit it
        for cand in (y, y - 1, y + 1):
            if 1 <= d <= cal.last_day(cand, m) and dt.date(cand, m, d).weekday() == weekday_num(g["wdp"]):
                y = cand
                break
    t = day_timex("date", y, m, d, True)
    if t:
        t.anchor_used = used
    return t


def _month_year(g, ctx):
    mod = mod_of(g.get("mod"))
    y, m = int(g.get("y") or g.get("yb")), month_num(g["m"])
    a, b = cal.month_interval(y, m, mod)
    return make("date", "month", a, b, mod, explicit=True, value=f"{y:04d}-{m:02d}")


SPAN_TO = re.compile(r"^\s*(?:to|until|till|through|–|—|-)\s*(?:the\s+month\s+of\s+)?([A-Z][a-z]+)\b")
SPAN_FROM = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?:the\s+month\s+of\s+)?([A-Z][a-z]+)\s*(?:to|until|till|through|and|–|—|-)\s*"
                       r"(?:the\s+month\s+of\s+)?$")


def _month_pair(name: str) -> int | None:
    try:
        return month_num(name)
    except (KeyError, ValueError):
        return None


def _span_year(m: int, ctx) -> tuple[int | None, bool]:
    """ "from October to March" in a story at March 1945: the months are a span across the new year (October
    1944 to March 1945); the first month's year is the one whose span holds the story's date, else the first
    span after it. The second month follows the first (ctx.anchor is then the first)."""
    a = ctx.anchor
    if ctx.dct is not None or a is None or a.period:
        return None, False
    before = SPAN_FROM.search(ctx.before)
    if before is not None and (m1 := _month_pair(before.group(1))) is not None and a.granularity == "month" \
            and a.start.month == m1:
        return (a.start.year + 1 if m < m1 else a.start.year), True
    after = SPAN_TO.match(ctx.after)
    if after is None or not re.search(r"\b(?:[Ff]rom|[Bb]etween)\s+(?:the\s+month\s+of\s+)?$", ctx.before):
        return None, False
    m2 = _month_pair(after.group(1))
    if m2 is None or m2 >= m:
        return None, False
    story = a.end
    for y in (story.year - 1, story.year):
        if cal.month_interval(y, m)[0] <= story <= cal.month_interval(y + 1, m2)[1]:
            return y, True
    return (story.year if cal.month_interval(story.year, m)[0] > story else story.year + 1), True


# "in August and September 1914", "on 15 and 16 July 1918" or "from 28 June to 3 July 1916": a year-less date
# coordinated with a later one that carries its year takes that year (the first is not later than the second)
SHARED_YEAR = re.compile(r"^,?\s*(?:and|or|to|until|till|through|–|—|-)\s+(?:early\s+|mid-?\s*|late\s+)?"
                         r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[A-Z][a-z]+\.?)"
                         r"|(?P<m2>[A-Z][a-z]+\.?)(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)?),?\s+(?P<y>\d{3,4})\b(?!\s*BC)")


def _shared_year(m: int, d: int | None, ctx) -> int | None:
    g = SHARED_YEAR.match(ctx.after)
    if g is None:
        return None
    m2 = _month_pair(g.group("m1") or g.group("m2"))
    if m2 is None:
        return None
    d2 = int(g.group("d1") or g.group("d2") or 31)
    return int(g.group("y")) if (m, d or 1) <= (m2, d2) else None


def _month_yearless(g, ctx):
    mod = mod_of(g.get("mod"))
    y, used = _span_year(month_num(g["m"]), ctx)
    if (shared := _shared_year(month_num(g["m"]), None, ctx)) is not None:
        y, used = shared, False
    if y is None:
        y, used = ctx.year_for_yearless(month_num(g["m"]))
    if y is None:
        return unresolved("date", "month", mod)
    m = month_num(g["m"])
    a, b = cal.month_interval(y, m, mod)
    t = make("date", "month", a, b, mod, explicit=True, value=f"{y:04d}-{m:02d}")
    t.anchor_used = used
    return t


def _rel_key(rel_words: str) -> str:
    """ "the following" -> "following"; "that same", "this same" -> "same" (the key of relative_words)."""
    return re.sub(r"^(?:the|that|this)\s+(?=same$)", "", re.sub(r"\s+", " ", rel_words.lower())).removeprefix("the ")


def _relative_year(rel_words: str, ctx) -> int | None:
    """The year "that/this/last/next/the following ..." points at: deictic ones from the reference date
    when there is one, the rest (and all in narratives) from the anchor; None when neither exists."""
    rel = _rel_key(rel_words)
    step = _lex()["relative_words"][rel]
    if rel in ("this", "last", "next") and ctx.dct is not None:
        return ctx.dct.year + step
    if ctx.anchor is not None:
        return ctx.anchor.end.year + step
    return None


def _month_that_year(g, ctx):
    y = _relative_year(g["rel"], ctx)
    if y is None:
        return unresolved("relative", "month")
    m = month_num(g["m"])
    a, b = cal.month_interval(y, m)
    t = make("relative", "month", a, b, value=f"{y:04d}-{m:02d}")
    t.anchor_used = True
    return t


def _endpoint_day(y, m, d):
    if y is None or not (1 <= d <= cal.last_day(y, m)):
        return None
    return dt.date(y, m, d)


def _range(a: dt.date, b: dt.date, va: str, vb: str, gran: str, explicit=True) -> Timex | None:
    if a is None or b is None or a > b:
        return None
    return Timex("range", f"{va}/{vb}", a, b, gran, "", explicit)


def _range_days(g, ctx):
    y2 = int(g["y2"]) if g.get("y2") else None
    y1 = int(g["y1"]) if g.get("y1") else None
    # "March 5-9, 1918" names its month once, first; "5-9 March" once, last: the other end shares it
    named = g.get("m2") or g.get("m1")
    if not named:
        return None
    m2 = month_num(g.get("m2") or named)
    m1 = month_num(g.get("m1") or named)
    used = False
    if y2 is None:
        y2 = y1
    if y2 is None:
        y2, used = ctx.year_for_yearless(m2)
    if y1 is None:
        y1 = y2
    a = _endpoint_day(y1, m1, day_num(g["d1"]))
    b = _endpoint_day(y2, m2, day_num(g["d2"]))
    if a is not None and b is not None and a > b and not g.get("y1"):
        a = _endpoint_day(y1 - 1, m1, day_num(g["d1"]))   # "from 20 December to 5 January 2023"
    t = _range(a, b, a.isoformat() if a else "", b.isoformat() if b else "", "day")
    if t:
        t.anchor_used = used
    return t


def _range_months(g, ctx):
    y2 = int(g["y2"])
    y1 = int(g["y1"]) if g.get("y1") else y2
    m1, m2 = month_num(g["m1"]), month_num(g["m2"])
    if not g.get("y1") and m1 > m2:
        y1 = y2 - 1
    a, _ = cal.month_interval(y1, m1)
    _, b = cal.month_interval(y2, m2)
    return _range(a, b, f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month")


def _year_range(g, ctx):
    y1 = int(g["y1"])
    if g.get("y2s"):
        y2 = (y1 // 100) * 100 + int(g["y2s"])
        if y2 <= y1:
            y2 += 100
        if y2 - y1 > 50:
            return None
    else:
        y2 = int(g.get("y2"))
    if y2 < y1:
        return None
    return _range(dt.date(y1, 1, 1), dt.date(y2, 12, 31), f"{y1:04d}", f"{y2:04d}", "year")


def _century_range(g, ctx):
    c1, c2 = ordinal(g["c1"]), ordinal(g["c2"])
    a, _ = cal.century_interval((c1 - 1) * 100)
    _, b = cal.century_interval((c2 - 1) * 100)
    return _range(a, b, f"{c1 - 1:02d}", f"{c2 - 1:02d}", "century")


def _season_year(g, ctx):
    code = _lex()["seasons"][g["s"].lower()]
    y = int(g["y"])
    mod = mod_of(g.get("mod"))
    y2 = (int(g["y2"]) if len(g["y2"]) == 4 else y // 100 * 100 + int(g["y2"])) if g.get("y2") else None
    if y2 == y + 1 and code == "WI":
        y = y2          # "the winter of 1978–1979": the winter running into the second year, which names it
    a, b = cal.season_interval(y, code)
    return Timex("date", f"{y:04d}-{code}", a, b, "season", mod, True)


def _season_pair(g, ctx):
    """ "the Spring and Summer of 1991": one range from the first season's start to the second's end."""
    lex = _lex()["seasons"]
    c1, c2 = lex[g["s1"].lower()], lex[g["s"].lower()]
    y = int(g["y"])
    a, _ = cal.season_interval(y, c1)
    _, b = cal.season_interval(y, c2)
    if a > b:
        return unresolved("range", "season")
    return Timex("range", f"{y:04d}-{c1}/{y:04d}-{c2}", a, b, "season", "", True)


SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


# "the spring and early summer of 1943": a later season of the same year joined to it gives its year
SEASON_SHARED_YEAR = re.compile(r"^,?\s*(?:and|or|to|until|till|through|–|—|-)\s+(?:the\s+)?(?:(?:early|mid|late)[- ]?\s*)?"
                                r"(?P<s>spring|summer|autumn|fall)\s+(?:of\s+)?(?P<y>\d{3,4})\b(?!\s*B\.?\s*C)", re.IGNORECASE)
SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2}


def _season_bare(g, ctx):
    """ "the summer", "that winter" in a narrative: the season of the narrative's year, like a month; a later
    season of the same year joined to it ("the spring and early summer of 1943") gives it that year."""
    code = _lex()["seasons"][(g.get("s") or g.get("sf") or "").lower()]
    mod = mod_of(g.get("mod"))
    shared = SEASON_SHARED_YEAR.match(ctx.after or "")
    if (shared is not None and code in SEASON_ORDER
            and SEASON_ORDER[code] < SEASON_ORDER.get(_lex()["seasons"].get(shared.group("s").lower()), -1)):
        y = int(shared.group("y"))
        a, b = cal.season_interval(y, code)
        t = Timex("date", f"{y:04d}-{code}", a, b, "season", mod, True)
        t.sets_anchor = False
        return t
    y, used = ctx.year_for_yearless(SEASON_FIRST_MONTH[code])
    if y is None:
        return unresolved("date", "season", mod)
    if code == "WI" and ctx.winter_ahead(y):
        y += 1           # a story in October 1776 goes on into the winter of 1776-77, not back to 1775-76
    a, b = cal.season_interval(y, code)
    t = Timex("date", f"{y:04d}-{code}", a, b, "season", mod, True)
    t.anchor_used = used
    t.sets_anchor = False         # "the summer" names the narrative's season; the months after it keep their year
    return t


def _season_relative(g, ctx):
    code = _lex()["seasons"][g["s"].lower()]
    y = _relative_year(g["rel"], ctx)
    if y is None:
        return unresolved("relative", "season")
    step = _lex()["relative_words"].get(_rel_key(g["rel"]), 0)
    a = ctx.anchor
    if step and ctx.dct is None and a is not None and a.granularity in ("day", "week", "month", "season"):
        # "the preceding winter" told in June 1813 is the winter of 1812-13 (named 1813), the last one ended
        # before the story's date; "the following spring" the first one begun after it
        y = a.end.year
        if step < 0:
            while cal.season_interval(y, code)[1] >= a.start:
                y -= 1
        else:
            while cal.season_interval(y, code)[0] <= a.end:
                y += 1
    a, b = cal.season_interval(y, code)
    t = Timex("relative", f"{y:04d}-{code}", a, b, "season", "")
    t.anchor_used = True
    return t


def _bc(g) -> bool:
    return bool(g.get("era"))


def _year_bc(g, ctx):
    """ "218 BC": -0218 in historical numbering (no year 0)."""
    y = int(g["y"])
    if y < 1:
        return None
    a, b = cal.bc_interval(y, y)
    return Timex("date", cal.bc_year_value(y), None, None, "year", "", True, start_iso=a, end_iso=b)


def _within_year_bc(g, kind: str, gran: str, value: str, interval):
    y = int(g["y"])
    if y < 1:
        return None
    try:
        a, b = cal.bc_within_year(y, interval)
    except ValueError:
        return None                 # "31 February"
    return Timex(kind, f"{cal.bc_year_value(y)}-{value}", None, None, gran, mod_of(g.get("mod")), True,
                 start_iso=a, end_iso=b)


def _day_month_year_bc(g, ctx):
    """ "2 August 216 BC", "August 2, 216 BC": a day before the common era."""
    m, d = month_num(g["m"]), int(g["d"])
    return _within_year_bc(g, "date", "day", f"{m:02d}-{d:02d}", lambda y: (dt.date(y, m, d),) * 2)


def _month_year_bc(g, ctx):
    """ "August 216 BC", "early June 218 BC"."""
    m = month_num(g["m"])
    return _within_year_bc(g, "date", "month", f"{m:02d}", lambda y: cal.month_interval(y, m, mod_of(g.get("mod"))))


def _season_year_bc(g, ctx):
    """ "the spring of 217 BC"."""
    code = _lex()["seasons"][g["s"].lower()]
    return _within_year_bc(g, "date", "season", code, lambda y: cal.season_interval(y, code))


def _year_range_bc(g, ctx):
    """ "264–241 BC": years count down before the common era."""
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y2 < 1 or y1 <= y2:
        return None
    a, b = cal.bc_interval(y1, y2)
    return Timex("range", f"{cal.bc_year_value(y1)}/{cal.bc_year_value(y2)}", None, None, "year", "", True,
                 start_iso=a, end_iso=b)


def _century_bc(g, ctx):
    """ "the 3rd century BC": 300-201 BC, TIMEX value -02 (years -0201..-0300)."""
    c = ordinal(g["c"])
    mod = mod_of(g.get("mod"))
    first, last = c * 100, (c - 1) * 100 + 1
    if mod in cal.CENTURY_THIRDS:
        lo, hi = cal.CENTURY_THIRDS[mod]
        first, last = c * 100 - lo, c * 100 - hi
    a, b = cal.bc_interval(first, last)
    return Timex("date", f"-{c - 1:02d}", None, None, "century", mod, True, start_iso=a, end_iso=b)


def _decade(g, ctx):
    first = int(g["dec"]) if g.get("dec") else 1900 + int(g.get("dec2"))
    mod = mod_of(g.get("mod"))
    a, b = cal.decade_interval(first, mod)
    return Timex("date", f"{first // 10:03d}", a, b, "decade", mod, True)


def _century(g, ctx):
    c = ordinal(g["c"])
    mod = mod_of(g.get("mod"))
    a, b = cal.century_interval((c - 1) * 100, mod)
    return Timex("date", f"{c - 1:02d}", a, b, "century", mod, True)


def _year_modified(g, ctx):
    y = int(g["y"])
    words = re.sub(r"\s+", " ", (g.get("mod") or "").lower())
    if "first half" in words or "second half" in words:
        first = "first half" in words
        a, b = (dt.date(y, 1, 1), dt.date(y, 6, 30)) if first else (dt.date(y, 7, 1), dt.date(y, 12, 31))
        return Timex("date", f"{y:04d}-H{1 if first else 2}", a, b, "year", "early" if first else "late", True)
    mod = mod_of(g.get("mod"))
    a, b = cal.year_interval(y, mod)
    return Timex("date", f"{y:04d}", a, b, "year", mod, True)


def _year(g, ctx):
    y = int(g["y"])
    a, b = cal.year_interval(y)
    return Timex("date", f"{y:04d}", a, b, "year", "", True)


def _year_later_part(g, ctx):
    """ "Later in 1792" told on 6 March 1792: the rest of that year after the story's date; "earlier in 1792" the
    part before it. Without a finer story date in that year, the whole year."""
    t = _year(g, ctx)
    a = ctx.anchor
    if (a is None or a.period or a.granularity not in ("day", "week", "month", "season")
            or not (t.start <= a.start and a.end <= t.end)):
        return t
    if g["part"].lower() == "later" and a.end < t.end:
        t.start = a.end + dt.timedelta(days=1)
    elif g["part"].lower() == "earlier" and a.start > t.start:
        t.end = a.start - dt.timedelta(days=1)
    else:
        return t
    t.anchor_used = True
    return t


def _base(ctx, prefer_dct=False) -> Anchor | None:
    if prefer_dct and ctx.dct is not None:
        return Anchor(ctx.dct, ctx.dct, "day", "")
    if ctx.anchor is not None:
        return ctx.anchor
    if ctx.dct is not None:
        return Anchor(ctx.dct, ctx.dct, "day", "")
    return None


def _relative_offset(g, ctx):
    n = number(g.get("q"))
    multiple = _lex()["unit_multiples"].get(g["u"].lower())
    if multiple is not None:        # "a fortnight earlier": fourteen days
        unit, k = multiple
        n = n * k if n is not None else None
    else:
        unit = unit_code(g["u"])
    direction = _lex()["offset_directions"][g["dir"].lower()]
    mod = "approx" if g.get("approx") else ""
    base = _base(ctx, prefer_dct=g["dir"].lower() == "ago")
    if base is not None and base.period and g["dir"].lower() == "ago":
        base = None        # "two months ago" counts from the writing, not from a named period
    if g["dir"].lower() != "ago" and (ctx.dateline_anchor() or (ctx.dct is not None and ctx.anchor is None)):
        base = None        # news: "a day after the court ruled" counts from that event, not from the dateline
    if g["dir"].lower() in ("after", "before", "prior") and ctx.new_section and EVENT_PHRASE.match(ctx.after):
        # "Three weeks after the siege of Boston began" just after a heading: counted from that event, not
        # from where the previous section left the story
        base = None
    vague = _lex()["vague_offsets"].get(re.sub(r"\s+", " ", (g.get("q") or "").strip().lower()))
    if n is None and vague is not None and base is not None and direction != 0:
        # "a few months later": not one period but the span from the nearest to the farthest count the
        # words allow ("a few" two to four), counted from the story's date
        first, last = (shift(base, k * direction, unit) for k in sorted(vague, key=lambda k: k * direction))
        if first is None or last is None:
            return unresolved("relative", UNIT_GRAN.get(unit, ""), mod)
        t = Timex("relative", "", first.start, last.end, first.granularity, "approx")
        t.value = f"{first.value}/{last.value}" if first.value and last.value else ""
        t.anchor_used = True
        t.sets_anchor = direction > 0
        return t
    if n is None or base is None or not float(n).is_integer():
        return unresolved("relative", UNIT_GRAN.get(unit, ""), mod)
    t = shift(base, int(n) * direction, unit)
    if (t is None and unit == "D" and base.granularity in ("week", "month") and not base.period
            and not (g["dir"].lower() in ("after", "before", "prior") and EVENT_PHRASE.match(ctx.after))):
        # "The attack began in October ...; four days later the Bulgarians joined": a stated count of days from the
        # story's week or month shifts its whole interval (October 5 - November 4). Not a count from an event the
        # phrase names ("two days after their defeat"), which the story's month does not date; weeks from a whole
        # month stay without a value (a month and a half that is mostly guess)
        days = int(n) * direction
        a, b = base.start + dt.timedelta(days=days), base.end + dt.timedelta(days=days)
        t = make("relative", base.granularity, a, b, value=f"{a.isoformat()}/{b.isoformat()}")
    if t is None:
        return unresolved("relative", UNIT_GRAN.get(unit, ""), mod)
    if (not mod and base.granularity == "day" and base.start == base.end and unit in DAY_ARITHMETIC_UNITS
            and g["dir"].lower() != "ago"):
        # "A month after Procter's success" (22 January 1813): 22 February; "two weeks after the armistice took
        # effect" (11 November): 25 November; "nineteen years before" 1 June 1813: 1 June 1794. A stated count
        # from a day is counted to the day (tests/gold_events/GUIDELINES.md: arithmetic on stated spans)
        day = _day_shift(base.start, int(n) * direction, unit)
        if day is not None:
            t = make("relative", "day", day, day)
    t.mod = mod
    t.anchor_used = True
    # "almost two decades earlier" looks back from the story, which then goes on where it was
    t.sets_anchor = direction > 0
    return t


# the one or two words before an expression ("many years later", "a few days later")
LAST_WORDS = re.compile(r"([A-Za-z]+(?:\s+[A-Za-z]+)?)\s*$")


@lru_cache(maxsize=1)
def _offset_quantity_words() -> frozenset:
    return frozenset(_lex()["offset_quantity_words"])


def _relative_offset_bare(g, ctx):
    """ "Hours later, the Council condemned ...", "but days later, they defeated ...": an offset without a count.
    Hours after a day: that day or the next; days, weeks, months or years: the span of the counts they may
    be (lexicon `bare_plural_offsets`), counted from the story's date. A quantity word before ("many years
    later") is the count of a phrase this rule does not read: left without a value."""
    unit = unit_code(g["u"])
    gran = UNIT_GRAN.get(unit, "")
    direction = _lex()["offset_directions"][g["dir"].lower()]
    prev = LAST_WORDS.search(ctx.before)
    words = _offset_quantity_words()
    if prev is not None and (prev.group(1).lower() in words or prev.group(1).lower().split()[-1] in words):
        return unresolved("relative", gran)
    base = _base(ctx)
    if base is None or base.period or direction == 0:
        return unresolved("relative", gran)
    if unit == "H":
        if base.granularity != "day":
            return unresolved("relative", "day")
        a, b = (base.start, base.end + dt.timedelta(days=1)) if direction > 0 else (base.start - dt.timedelta(days=1), base.end)
        t = Timex("relative", "", a, b, "day", "approx")
    else:
        counts = _lex()["bare_plural_offsets"].get(unit)
        if not counts:
            return unresolved("relative", gran)
        first, last = (shift(base, k * direction, unit) for k in sorted(counts, key=lambda k: k * direction))
        if first is None or last is None:
            return unresolved("relative", gran)
        t = Timex("relative", "", first.start, last.end, first.granularity, "approx")
        t.value = f"{first.value}/{last.value}" if first.value and last.value else ""
    t.anchor_used = True
    t.sets_anchor = direction > 0
    return t


def _same_period(ctx):
    if ctx.anchor is None:
        return unresolved("relative")
    a = ctx.anchor
    va, vb = cal.value_of(a.granularity, a.start), cal.value_of(a.granularity, a.end)
    value = "" if a.granularity == "week" else (va if va == vb else f"{va}/{vb}")
    t = Timex("relative", value, a.start, a.end, a.granularity, "")
    t.anchor_used = True
    return t


def _relative_word(g, ctx):
    step = _lex()["relative_words"][g["rel"].lower()]
    unit = g["u"].lower()
    if unit == "period":
        return _same_period(ctx) if step == 0 else unresolved("relative")
    # "next year" without "the" counts from the writing (news: the reference date), "the next year"
    # from the story's own date
    deictic = not g.get("the") and g["rel"].lower() == "next" and ctx.dct is not None
    t = _relative_unit(step, unit, ctx, prefer_dct=deictic)
    mod = mod_of(g.get("mod"))
    if mod and t.start is not None and unit in ("month", "year"):
        # "Early the next year", "late in the following month", "the end of the previous year": that part of it
        t.start, t.end = (cal.year_interval(t.start.year, mod) if unit == "year"
                          else cal.month_interval(t.start.year, t.start.month, mod))
        t.mod = mod
    return t


def _relative_this(g, ctx):
    rel = g["rel"].lower()
    step = _lex()["relative_words"][rel]
    unit = g["u"].lower()
    if unit == "period":
        return _same_period(ctx) if rel in ("this", "that") else unresolved("relative")
    if rel in ("last", "next") and ctx.dct is None:
        return unresolved("relative", unit if unit != "weekend" else "day")
    t = _relative_unit(step, unit, ctx, prefer_dct=rel != "that")
    if t.start is None or unit not in ("week", "month", "year"):
        return t
    if g.get("mod"):                # "late last year": the modified period
        mod = mod_of(g["mod"])
        if unit in ("month", "year"):
            t.start, t.end = (cal.year_interval(t.start.year, mod) if unit == "year"
                              else cal.month_interval(t.start.year, t.start.month, mod))
        t.mod = mod
    elif g.get("part") and step == 0:
        # "later this month": the rest of the period after the day spoken of; "earlier this year": the
        # part before it (the value stays the period)
        base = _base(ctx, prefer_dct=rel != "that")
        if base is not None and base.granularity == "day":
            if g["part"].lower() == "later" and base.end < t.end:
                t.start = base.end + dt.timedelta(days=1)
            elif g["part"].lower() == "earlier" and base.start > t.start:
                t.end = base.start - dt.timedelta(days=1)
    return t


def _relative_unit(step, unit, ctx, prefer_dct):
    base = _base(ctx, prefer_dct)
    if unit == "weekend":
        return unresolved("relative", "day")
    code = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}[unit]
    if base is None or (base.period and prefer_dct):
        # "this week" / "last month" count from the writing; a named period is no writing date
        return unresolved("relative", UNIT_GRAN[code])
    if step == 0:
        t = same_period(base, code)
    else:
        t = shift(base, step, code)
    if t is None:
        return unresolved("relative", UNIT_GRAN[code])
    t.anchor_used = True
    # "during the previous year" looks back from the story, which then goes on where it was
    t.sets_anchor = step >= 0
    return t


def same_period(base: Anchor, code: str) -> Timex | None:
    ref = base.end
    if code == "Y":
        a, b = cal.year_interval(ref.year)
        return make("relative", "year", a, b)
    if code == "M" and base.granularity in ("day", "week", "month"):
        a, b = cal.month_interval(ref.year, ref.month)
        return make("relative", "month", a, b)
    if code == "D" and base.granularity == "day":
        return make("relative", "day", ref, ref)
    if code == "W" and base.granularity in ("day", "week"):
        a, b = cal.week_interval(ref)
        return make("relative", "week", a, b)
    if code == "DE":
        a, b = cal.decade_interval(ref.year // 10 * 10)
        return make("relative", "decade", a, b)
    return None


def _relative_edge(g, ctx):
    edge = re.sub(r"\s+", " ", g["edge"].lower())
    mod = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}.get(edge) or _lex()["modifiers"][f"the {edge} of"]
    unit = g["u"].lower()
    which = (g.get("which") or "").lower()
    if which in ("last", "next"):
        if ctx.dct is None or unit != "year":
            return unresolved("relative", unit, mod)
        y = ctx.dct.year + (1 if which == "next" else -1)
        a, b = cal.year_interval(y, mod)
        return make("relative", "year", a, b, mod)
    base = _base(ctx, prefer_dct=which == "this")
    if base is None:
        return unresolved("relative", unit, mod)
    ref = base.end
    if unit == "year":
        a, b = cal.year_interval(ref.year, mod)
        t = make("relative", "year", a, b, mod)
    elif unit == "month" and base.granularity in ("day", "week", "month"):
        a, b = cal.month_interval(ref.year, ref.month, mod)
        t = make("relative", "month", a, b, mod)
    elif unit == "decade":
        a, b = cal.decade_interval(ref.year // 10 * 10, mod)
        t = make("relative", "decade", a, b, mod)
    else:
        return unresolved("relative", unit, mod)
    t.anchor_used = True
    return t


def _deictic(g, ctx):
    if ctx.dct is None:
        return unresolved("relative", "day")
    d = ctx.dct + dt.timedelta(days=_lex()["deictic"][g["deictic"].lower()])
    return make("relative", "day", d, d)


def _weekday(g, ctx):
    if ctx.dct is None:
        return unresolved("relative", "day")
    wds = _lex()["weekdays"]
    key = g["wd"].rstrip(".")
    wd = wds.get(key, wds.get(key[:1].upper() + key[1:].lower()))
    rel = (g.get("rel") or "").lower()
    if rel == "next":
        delta = (wd - ctx.dct.weekday()) % 7 or 7
    elif rel == "this":
        delta = wd - ctx.dct.weekday()
    elif not rel and ctx.future():
        delta = (wd - ctx.dct.weekday()) % 7          # "the vote will be held on Monday": the coming one
    else:
        delta = -((ctx.dct.weekday() - wd) % 7)
        if rel == "last" and delta == 0:
            delta = -7
    d = ctx.dct + dt.timedelta(days=delta)
    return make("relative", "day", d, d)


def _weekday_of_week(g, ctx):
    """ "Monday of this week", "Friday of last week": that day of the week the words point at (news:
    from the reference date; "of that week": from the story's date)."""
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    step = _lex()["relative_words"][rel.removeprefix("the ")]
    base = _base(ctx, prefer_dct=rel in ("this", "last", "next"))
    if base is None or base.period or base.granularity not in ("day", "week"):
        return unresolved("relative", "day")
    monday = cal.week_interval(base.end)[0] + dt.timedelta(weeks=step)
    d = monday + dt.timedelta(days=weekday_num(g["wd"]))
    t = make("relative", "day", d, d)
    t.anchor_used = rel not in ("this", "last", "next") or ctx.dct is None
    return t


def _duration(g, ctx):
    unit = unit_code(g["u"])
    if g.get("q"):
        n = number(g["q"])
    else:                           # "for years" is vague, "for a year" is one
        n = None if g.get("vague") or g["u"].endswith("s") else 1
    mod = "approx" if g.get("approx") else ""
    return Timex("duration", duration_value(n, unit), None, None, UNIT_GRAN[unit], mod)


def _duration_composite(g, ctx):
    order = ["CE", "DE", "Y", "M", "W", "D", "H", "MIN", "SEC"]
    total: dict[str, float] = {}
    for q, u in g["parts"]:
        n = number(q) if q else 1
        if n is None:
            return None
        unit = unit_code(u)
        if unit in ("DE", "CE"):
            n, unit = n * (10 if unit == "DE" else 100), "Y"
        total[unit] = total.get(unit, 0) + n
    date_part = "".join(f"{fmt_num(total[u])}{u}" for u in ("Y", "M", "W", "D") if u in total)
    time_part = "".join(f"{fmt_num(total[u])}{ {'H': 'H', 'MIN': 'M', 'SEC': 'S'}[u] }" for u in ("H", "MIN", "SEC") if u in total)
    value = "P" + date_part + (("T" + time_part) if time_part else "")
    finest = max((u for u in total), key=order.index)
    return Timex("duration", value, None, None, UNIT_GRAN[finest], "")


def _duration_span(g, ctx):
    unit = unit_code(g["u"])
    n = number(g.get("q")) if g.get("q") else 1
    return Timex("duration", duration_value(n, unit), None, None, UNIT_GRAN[unit], "")


def _duration_vague(g, ctx):
    unit = unit_code(g["u"])
    return Timex("duration", duration_value(None, unit), None, None, UNIT_GRAN[unit], "")


def _set_word(g, ctx):
    value = _lex()["sets"][g["setw"].lower()]
    gran = {"D": "day", "W": "week", "M": "month", "Y": "year", "H": "hour"}[value[-1]]
    return Timex("set", value, None, None, gran, "approx" if g.get("approx") else "")


def _set_every(g, ctx):
    unit = unit_code(g["u"])
    n = number(g.get("q")) if g.get("q") else 1
    if n is None:
        return None
    return Timex("set", duration_value(n, unit), None, None, UNIT_GRAN[unit], "")


def _month_relative(g, ctx):
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    m = month_num(g["m"])
    if rel.startswith(("that", "the")):
        # a narrative's "that September" / "that same May": the month of the year the story is in ("last May",
        # "next March" count from when the text was written, which a narrative does not give)
        base = _base(ctx)
        if base is None:
            return unresolved("relative", "month")
        y = base.end.year
        a, b = cal.month_interval(y, m)
        t = make("relative", "month", a, b, value=f"{y:04d}-{m:02d}")
        t.anchor_used = True
        return t
    if ctx.dct is None:
        return unresolved("relative", "month")
    y = ctx.dct.year
    if rel == "last" and m >= ctx.dct.month:
        y -= 1
    elif rel == "next" and m <= ctx.dct.month:
        y += 1
    a, b = cal.month_interval(y, m)
    return make("relative", "month", a, b, value=f"{y:04d}-{m:02d}")


def _anchor_day(ctx, step: int) -> Timex:
    """The narrative's day (step 0: "that afternoon") or the one after it ("the next morning")."""
    a = ctx.anchor
    if a is None or a.period or a.granularity != "day":
        return unresolved("relative", "day")
    d = a.end + dt.timedelta(days=step)
    t = make("relative", "day", d, d)
    t.anchor_used = True
    return t


def _part_of_day(g, ctx):
    """A part of a day is resolved to its day: "this morning" (news), "that afternoon", "the next
    morning", "next morning" (narrative)."""
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    if rel in ("that", "the same", "same", "the next", "the following") or (rel == "next" and ctx.dct is None):
        return _anchor_day(ctx, 0 if rel in ("that", "the same", "same") else 1)
    if ctx.dct is None:
        return unresolved("relative", "day")
    d = ctx.dct + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(rel, 0))
    return make("relative", "day", d, d)


def _day_month(d: int, ctx) -> tuple[int, int] | None:
    """The month and year of a day of the month said alone ("on the 13th"): the story's month. After a day
    of the month, a smaller day is the next month's when that is nearer ("on the 28th ... on the 2nd"), not in a
    step back ("had been taken on the 20th"); in a letter or despatch, whose heading date the story has not yet
    left, and in news, the latest such day not after its date."""
    a = ctx.anchor
    if ctx.heading_anchor() or (ctx.dct is not None and (a is None or a.period or ctx.dateline_anchor())):
        ref = a.end if ctx.heading_anchor() else ctx.dct
        y, m = (ref.year, ref.month) if d <= ref.day else cal.add_months(ref.year, ref.month, -1)
        return (y, m) if d <= cal.last_day(y, m) else None
    if a is None or a.period:
        return None
    ref = a.end
    if a.granularity == "month":
        return (ref.year, ref.month) if d <= cal.last_day(ref.year, ref.month) else None
    if a.granularity not in ("day", "week"):
        return None
    if d >= ref.day:
        return (ref.year, ref.month) if d <= cal.last_day(ref.year, ref.month) else None
    y2, m2 = cal.add_months(ref.year, ref.month, 1)
    h = ctx.heading_date
    if (d <= cal.last_day(y2, m2) and (dt.date(y2, m2, d) - ref).days < ref.day - d and not ctx.flashback()
            and (h is None or dt.date(y2, m2, d) <= h)):
        return y2, m2
    return ref.year, ref.month


def _day_only(g, ctx):
    """ "On the 11th", "the night of the 12th": that day of the story's month."""
    d = day_num(g["d"])
    ym = _day_month(d, ctx)
    if ym is None:
        return unresolved("date", "day")
    t = day_timex("date", ym[0], ym[1], d, False)
    if t:
        t.anchor_used = True
    return t


def _day_only_range(g, ctx):
    """ "the night of the 12th-13th", "from the 10th to the 13th": those days of the story's month."""
    d1, d2 = day_num(g["d1"]), day_num(g["d2"])
    if g.get("m2"):
        return _range_days(g, ctx)      # "from the 13th to the 19th of October 1950": the month named once, last
    ym = _day_month(d1, ctx)
    if ym is None:
        return unresolved("range", "day")
    a = _endpoint_day(ym[0], ym[1], d1)
    y2, m2 = ym if d2 >= d1 else cal.add_months(ym[0], ym[1], 1)
    b = _endpoint_day(y2, m2, d2)
    t = _range(a, b, a.isoformat() if a else "", b.isoformat() if b else "", "day", explicit=False)
    if t:
        t.anchor_used = True
    return t


def _time_of_day(g, ctx):
    """ "at 4 a.m.", "at dawn", "during the night": a time of the story's day. It dates the clause, and leaves
    the story where it was."""
    # "just after midnight": the small hours of the next day
    after_midnight = (g.get("pod") or "").lower() == "midnight" and re.match(r"(?i)after\b", g.get("x") or "")
    t = _anchor_day(ctx, 1 if after_midnight else 0)
    t.sets_anchor = False
    return t


def _part_of_day_anchor(g, ctx):
    """ "at dawn the next day", "that evening" -> the narrative's day (or the one after)."""
    rel = re.sub(r"\s+", " ", g["rel"].lower())
    return _anchor_day(ctx, 0 if rel in ("that", "the same") else 1)


def _part_of_day_date(g, ctx):
    """ "the night of 4 May", "the early morning hours of November 1, 1954": that day."""
    m, d = g.get("m") or g.get("m2"), g.get("d") or g.get("d2")
    if not m or not d:
        return None
    if g.get("y"):
        return day_timex("date", int(g["y"]), month_num(m), day_num(d), True)
    return _date_yearless({"m": m, "d": d}, ctx)


def _named_day(g, ctx):
    """ "Christmas 1963", "D-Day", "New Year's Day": the day the name fixes (named_days in the lexicon),
    in the year given or the narrative's."""
    days = _lex()["named_days"]
    key = re.sub(r"\s+", " ", g["nd"])
    mmdd = days.get(key) or next((v for k, v in days.items() if k.lower() == key.lower()), None)
    if mmdd is None:
        return None
    month, day = (int(x) for x in mmdd.split("-"))
    if g.get("y"):
        return day_timex("date", int(g["y"]), month, day, True)
    y, used = ctx.year_for_yearless(month)
    if y is None:
        return unresolved("date", "day")
    t = day_timex("date", y, month, day, True)
    if t:
        t.anchor_used = used
    return t


def _iso_date(g, ctx):
    try:
        day = dt.date(int(g["y"]), int(g["mo"]), int(g["d"]))
    except ValueError:
        return None
    return make("date", "day", day, day, explicit=True)


def _date_numeric(g, ctx):
    a, b = int(g["a"]), int(g["b"])
    y = int(g["yy"]) if len(g["yy"]) == 4 else 2000 + int(g["yy"])
    month, day = (b, a) if a > 12 else (a, b)     # day first only when it must be; else US order
    if month > 12:
        return None
    try:
        d = dt.date(y, month, day)
    except ValueError:
        return None
    return make("date", "day", d, d, explicit=True)


def _relative_day_after(g, ctx):
    if ctx.dct is None:
        return unresolved("relative", "day")
    base = _lex()["deictic"][g["deictic"].lower()]
    d = ctx.dct + dt.timedelta(days=base + (1 if g["dir"].lower() == "after" else -1))
    return make("relative", "day", d, d)


def _relative_from_now(g, ctx):
    n = number(g.get("q"))
    unit = unit_code(g["u"])
    if ctx.dct is None or n is None or not float(n).is_integer():
        return unresolved("relative", UNIT_GRAN.get(unit, ""))
    t = shift(Anchor(ctx.dct, ctx.dct, "day", ""), int(n), unit)
    return t or unresolved("relative", UNIT_GRAN.get(unit, ""))


def _quarter(g, ctx):
    q = int(g["qd"]) if g.get("qd") else _lex()["quarters"][g.get("qn", "").lower()]
    y = int(g["y"])
    a = dt.date(y, 3 * q - 2, 1)
    b = dt.date(y, 3 * q, cal.last_day(y, 3 * q))
    return Timex("date", f"{y:04d}-Q{q}", a, b, "quarter", "", True)


def _weekend(g, ctx):
    if ctx.dct is None:
        return unresolved("relative", "week")
    rel = g["rel"].lower()
    back = (ctx.dct.weekday() - 5) % 7              # days since the last Saturday (0 on a Saturday)
    if rel == "next":
        sat = ctx.dct + dt.timedelta(days=(5 - ctx.dct.weekday()) % 7 or 7)
    else:                                            # "the/this/last weekend": the one just past (or now)
        sat = ctx.dct - dt.timedelta(days=back)
        if rel == "last" and back == 0:
            sat -= dt.timedelta(days=7)
    iso = sat.isocalendar()
    return Timex("relative", f"{iso[0]}-W{iso[1]:02d}-WE", sat, sat + dt.timedelta(days=1), "week", "")


def _year_apostrophe(g, ctx):
    """ "the Club of '89" in a story of 1790: the latest such year not after the story's (or the
    reference) year. It names rather than dates the story, so it does not move it."""
    yy = int(g["yy"])
    ref = ctx.dct.year if ctx.dct is not None else (ctx.anchor.end.year if ctx.anchor is not None else None)
    if ref is None:
        return unresolved("date", "year")
    y = ref // 100 * 100 + yy
    if y > ref:
        y -= 100
    a, b = cal.year_interval(y)
    t = Timex("date", f"{y:04d}", a, b, "year", "", False)
    t.anchor_used, t.sets_anchor = True, False
    return t


def _month_previous(g, ctx):
    """ "the previous April" / "the following March": the nearest such month before / after the story's date."""
    base = _base(ctx)
    if base is None:
        return unresolved("relative", "month")
    m = month_num(g["m"])
    if g["rel"].lower() in ("previous", "preceding"):
        y = base.start.year if m < base.start.month else base.start.year - 1
    else:
        y = base.end.year if m > base.end.month else base.end.year + 1
    a, b = cal.month_interval(y, m)
    t = make("relative", "month", a, b, value=f"{y:04d}-{m:02d}")
    t.anchor_used = True
    return t


def _edge_part(g, a: dt.date, b: dt.date, n: int, unit: str) -> tuple[dt.date, dt.date] | None:
    """The first or last `n` months, weeks or days of the interval a..b."""
    first = g["edge"].lower() in ("first", "opening")
    if unit == "months":
        if first:
            m = a.month + n - 1
            return (a, cal.month_interval(a.year + (m - 1) // 12, (m - 1) % 12 + 1, "")[1]) if n <= 12 else None
        m = b.month - n + 1
        return (cal.month_interval(b.year + (m - 1) // 12, (m - 1) % 12 + 1, "")[0], b) if n <= 12 else None
    days = n * (7 if unit == "weeks" else 1)
    if days > (b - a).days + 1:
        return None
    return (a, a + dt.timedelta(days=days - 1)) if first else (b - dt.timedelta(days=days - 1), b)


def _year_part(g, ctx):
    """ "the first ten months of 1915": 1915-01-01..1915-10-31; "the last two weeks of June 1944": 17..30 June."""
    n = number(g.get("q"))
    if not isinstance(n, int) or n < 1:
        return None
    y = int(g["y"])
    if g.get("m"):
        a, b = cal.month_interval(y, month_num(g["m"]), "")
        gran = "day"
    else:
        a, b = cal.year_interval(y)
        gran = "month"
    got = _edge_part(g, a, b, n, g["u"].lower())
    if got is None:
        return None
    fmt = (lambda d: d.isoformat()) if gran == "day" else (lambda d: f"{d.year:04d}-{d.month:02d}")
    return _range(got[0], got[1], fmt(got[0]), fmt(got[1]), gran)


def _month_week(g, ctx):
    """ "the last week of August" (the story's year, as a year-less month), "the first fortnight of May 1940"."""
    m = month_num(g["m"])
    used = False
    if g.get("y"):
        y = int(g["y"])
    else:
        y, used = ctx.year_for_yearless(m)
    if y is None:
        return None
    a, b = cal.month_interval(y, m, "")
    got = _edge_part(g, a, b, 2 if g["u"].lower() == "fortnight" else 1, "weeks")
    if got is None:
        return None
    t = _range(got[0], got[1], got[0].isoformat(), got[1].isoformat(), "day")
    if t is not None:
        t.anchor_used = used
    return t


NORMALIZERS = {
    "year_part": _year_part, "month_part": _year_part, "month_week": _month_week,
    "duration_composite": _duration_composite, "month_relative": _month_relative, "weekend": _weekend, "part_of_day": _part_of_day,
    "date_iso": _iso_date, "date_numeric_dmy": _iso_date, "date_numeric": _date_numeric,
    "relative_day_after": _relative_day_after, "relative_from_now": _relative_from_now,
    "quarter": _quarter, "quarter_short": _quarter, "duration_past": _duration_span,
    "date_dmy": _date_full, "date_mdy": _date_full, "date_dm": _date_yearless, "date_md": _date_yearless,
    "month_year": _month_year, "month_that_year": _month_that_year, "month_modified": _month_yearless,
    "month_bare": _month_yearless, "month_subject": _month_yearless, "range_dd_month": _range_days, "range_dm_dm": _range_days,
    "range_md_md": _range_days, "range_month_month": _range_months, "year_range": _year_range,
    "year_range_short": _year_range, "century_range": _century_range, "season_year": _season_year,
    "season_pair": _season_pair,
    "season_relative": _season_relative, "season_bare": _season_bare, "decade": _decade, "decade_short": _decade,
    "century": _century, "year_modified": _year_modified, "year": _year, "year_later_part": _year_later_part,
    "part_of_day_anchor": _part_of_day_anchor, "part_of_day_date": _part_of_day_date, "named_day": _named_day,
    "year_apostrophe": _year_apostrophe, "duration_a_long": _duration_span, "month_previous": _month_previous,
    "year_bc": _year_bc, "year_range_bc": _year_range_bc, "century_bc": _century_bc,
    "date_dmy_bc": _day_month_year_bc, "date_mdy_bc": _day_month_year_bc, "month_year_bc": _month_year_bc,
    "season_year_bc": _season_year_bc,
    "relative_offset": _relative_offset, "relative_word": _relative_word, "relative_offset_bare": _relative_offset_bare,
    "relative_this": _relative_this, "relative_edge": _relative_edge, "relative_edge_possessive": _relative_edge, "deictic": _deictic,
    "weekday": _weekday, "weekday_of_week": _weekday_of_week, "duration": _duration, "duration_span": _duration_span,
    "duration_adjective": _duration, "duration_vague": _duration_vague, "set_word": _set_word,
    "set_every": _set_every, "day_only": _day_only, "day_only_word": _day_only, "day_only_range": _day_only_range, "time_of_day": _time_of_day,
}
def _rule_kind(rule: str) -> str:
    from .patterns import rules
    return next((r.kind for r in rules() if r.name == rule), "date")
