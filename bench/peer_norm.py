"""Turn each tool's raw output into Chronicle-shaped predictions.

Date predictions:  {start, end, text, type, value, start_date, end_date}
  type: date (one day) | daterange (coarser than a day, or an explicit range) | duration |
        time | set | None (the tool does not say; such a prediction is scored in every file)
Quantity predictions: {start, end, text, value_low, value_high, cls}
  cls: number | percent | money | dimension | None

Intervals follow tests/gold/GUIDELINES.md (inclusive ISO dates, seasons, early/mid/late).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

# ---------------------------------------------------------------- TIMEX3 values

SEASONS = {"SP": ((3, 1), (5, 31)), "SU": ((6, 1), (8, 31)), "FA": ((9, 1), (11, 30))}
MODS = {"EARLY": "early", "START": "early", "MID": "mid", "LATE": "late", "END": "late"}


def _d(y: int, m: int, d: int) -> str:
    return dt.date(y, m, d).isoformat()


def _last(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def timex_interval(value: str | None, mod: str | None = None):
    """A concrete TIMEX3 date value -> (start_date, end_date, granularity), else None."""
    if not value:
        return None
    v = value.strip().upper()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})T", v)
    if m:
        v = m.group(1)
    mod = MODS.get((mod or "").strip().upper(), "")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            y, mo, d = map(int, m.groups())
            return _d(y, mo, d), _d(y, mo, d), "day"
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            y, mo = map(int, m.groups())
            a, b = {"early": (1, 10), "mid": (11, 20), "late": (21, _last(y, mo))}.get(mod, (1, _last(y, mo)))
            return _d(y, mo, a), _d(y, mo, b), "month"
        if m := re.fullmatch(r"(\d{4})", v):
            y = int(v)
            a, b = {"early": ((1, 1), (4, 30)), "mid": ((5, 1), (8, 31)),
                    "late": ((9, 1), (12, 31))}.get(mod, ((1, 1), (12, 31)))
            return _d(y, *a), _d(y, *b), "year"
        if m := re.fullmatch(r"(\d{3})", v):
            y = int(v) * 10
            a, b = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(mod, (0, 9))
            return _d(y + a, 1, 1), _d(y + b, 12, 31), "decade"
        if m := re.fullmatch(r"(\d{2})", v):
            y = int(v) * 100
            return _d(y, 1, 1), _d(y + 99, 12, 31), "century"
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            y, s = int(m.group(1)), m.group(2)
            if s == "WI":
                return _d(y - 1, 12, 1), _d(y, 2, _last(y, 2)), "season"
            (am, ad), (bm, bd) = SEASONS[s]
            return _d(y, am, ad), _d(y, bm, bd), "season"
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            y, w = int(m.group(1)), int(m.group(2))
            if m.group(3):
                a = dt.date.fromisocalendar(y, w, 6)
                return a.isoformat(), (a + dt.timedelta(days=1)).isoformat(), "week"
            a = dt.date.fromisocalendar(y, w, 1)
            return a.isoformat(), (a + dt.timedelta(days=6)).isoformat(), "week"
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            y, q = int(m.group(1)), int(m.group(2))
            return _d(y, 3 * q - 2, 1), _d(y, 3 * q, _last(y, 3 * q)), "quarter"
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            y, h = int(m.group(1)), int(m.group(2))
            return (_d(y, 1, 1), _d(y, 6, 30), "half") if h == 1 else (_d(y, 7, 1), _d(y, 12, 31), "half")
    except ValueError:
        return None
    return None


def duration_seconds(timex: str | None):
    """ISO 8601 duration -> seconds (Recognizers' convention: Y=365 d, M=30 d); None if vague."""
    if not timex:
        return None
    m = re.fullmatch(r"P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?"
                     r"(?:T(?:([\d.]+)H)?(?:([\d.]+)M)?(?:([\d.]+)S)?)?", timex.strip().upper())
    if not m or not any(m.groups()):
        return None
    mult = (365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1)
    return sum(float(g) * k for g, k in zip(m.groups(), mult) if g)


def type_of_granularity(gran: str | None):
    if not gran:
        return None
    return "date" if gran == "day" else "daterange"


def plus_days(iso: str, n: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=n)).isoformat()


def date_pred(start, end, text, type_, value="", start_date="", end_date=""):
    return {"start": int(start), "end": int(end), "text": text, "type": type_, "value": value or "",
            "start_date": start_date or "", "end_date": end_date or ""}


# ---------------------------------------------------------------- per tool: dates

def chronicle_dates(rows: list[dict]) -> list[dict]:
    out = []
    for r in rows:
        kind = r.get("kind") or ""
        if kind == "duration":
            t = "duration"
        elif kind == "set":
            t = "set"
        elif kind == "range":
            t = "daterange"
        else:
            t = type_of_granularity(r.get("granularity") or "")
            if r.get("granularity") in ("hour", "minute", "time"):
                t = "time"
        out.append(date_pred(r["start"], r["end"], r.get("text", ""), t, r.get("value") or "",
                             r.get("start_date") or "", r.get("end_date") or ""))
    return out


def _period_interval(iso: str | None, period: str | None):
    """dateparser (datetime, period) -> (start_date, end_date, type)."""
    if not iso:
        return "", "", None
    d = dt.date.fromisoformat(iso[:10])
    if period == "year":
        return _d(d.year, 1, 1), _d(d.year, 12, 31), "daterange"
    if period == "month":
        return _d(d.year, d.month, 1), _d(d.year, d.month, _last(d.year, d.month)), "daterange"
    if period == "week":
        a = d - dt.timedelta(days=d.weekday())
        return a.isoformat(), (a + dt.timedelta(days=6)).isoformat(), "daterange"
    return d.isoformat(), d.isoformat(), "date"  # day / time


def dateparser_dates(items: list[dict]) -> list[dict]:
    """Items from the spaCy runner (DATE entities) or the dateparser runner: {start,end,text,date,period}."""
    out = []
    for it in items:
        a, b, t = _period_interval(it.get("date"), it.get("period"))
        value = ""
        if t == "date":
            value = a
        elif t and it.get("period") == "year":
            value = a[:4]
        elif t and it.get("period") == "month":
            value = a[:7]
        out.append(date_pred(it["start"], it["end"], it["text"], t, value, a, b))
    return out


def heideltime_dates(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        typ, value, mod = (it.get("type") or "").upper(), it.get("value") or "", it.get("mod") or ""
        a = b = ""
        if typ == "DURATION":
            t = "duration"
        elif typ == "SET":
            t = "set"
        elif typ == "TIME":
            t = "time"
            iv = timex_interval(value)
            if iv:
                a, b = iv[0], iv[1]
        else:
            iv = timex_interval(value, mod)
            if iv:
                a, b, gran = iv
                t = type_of_granularity(gran)
            elif re.match(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}$", value):
                t = "date"
            elif value.endswith("_REF"):
                t = None
            else:
                t = "daterange"
        out.append(date_pred(it["start"], it["end"], it["text"], t, value, a, b))
    return out


REC_TYPES = {"date": "date", "daterange": "daterange", "duration": "duration", "set": "set",
             "time": "time", "timerange": "time", "datetime": "time", "datetimerange": "time",
             "timezone": "time"}


def recognizers_value(type_name: str, resolution: dict | None):
    """First resolution value of a datetimeV2 result -> (value, start_date, end_date)."""
    vals = (resolution or {}).get("values") or []
    if not vals:
        return "", "", ""
    v = vals[0]
    timex = v.get("timex") or ""
    kind = type_name.split(".")[-1]
    if kind == "duration":
        return timex, "", ""
    if kind == "date":
        val = v.get("value") or ""
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", val):
            return timex, val, val
        return timex, "", ""
    if kind == "daterange":
        s, e = v.get("start"), v.get("end")
        if s and e:
            # "(2016-12-04,2016-12-23,P19D)": a stated day range -> inclusive end; otherwise the
            # Recognizers end is exclusive ("(1990-01-01,2000-01-01,P10Y)", "2018-W22").
            inclusive = bool(re.search(r",P\d+D\)$", timex))
            return timex, s[:10], e[:10] if inclusive else plus_days(e[:10], -1)
        iv = timex_interval(timex)  # open-ended ("since 1994": the year) or unresolved ("2016-SU")
        if iv:
            return timex, iv[0], iv[1]
        return timex, "", ""
    return timex, "", ""


def recognizers_dates(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        kind = it["type_name"].split(".")[-1]
        value, a, b = recognizers_value(it["type_name"], it.get("resolution"))
        out.append(date_pred(it["start"], it["end"], it["text"], REC_TYPES.get(kind), value, a, b))
    return out


# ---------------------------------------------------------------- per tool: quantities

def qty_pred(start, end, text, low, high, cls):
    return {"start": int(start), "end": int(end), "text": text,
            "value_low": "" if low is None else low, "value_high": "" if high is None else high, "cls": cls}


def chronicle_class(unit: str | None):
    u = (unit or "").strip()
    if u in ("", "count", "fraction", "number", "dimensionless"):
        return "number"
    if u.lower() in ("percent", "%", "percentage"):
        return "percent"
    if re.fullmatch(r"[A-Z]{3}", u) or u.lower() in ("money", "currency"):
        return "money"
    return "dimension"


def chronicle_quantities(rows: list[dict]) -> list[dict]:
    return [qty_pred(r["start"], r["end"], r.get("text", ""), _num(r.get("value_low")),
                     _num(r.get("value_high")), chronicle_class(r.get("unit"))) for r in rows]


def _num(x):
    try:
        f = float(x)
        return None if f != f else f
    except (TypeError, ValueError):
        return None


SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6,
          "bn": 1e9, "mn": 1e6}


def naive_values(text: str):
    """Naive parse of a spaCy CARDINAL/QUANTITY/MONEY/PERCENT entity -> (low, high).

    Digits and English number words, scale words (thousand, million, ...) multiply the number before
    them; two numbers joined by a dash, "to" or "between ... and" make a range; otherwise the first."""
    toks = re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?|\.\d+|[a-z]+|[–—-]", text.lower())
    nums, cur, prev_word, ranged = [], None, False, False
    for t in toks:
        if t[0].isdigit() or t[0] == ".":
            if cur is not None:
                nums.append(cur)
            cur, prev_word = float(t.replace(",", "")), False
        elif t in SMALL or t in TENS:
            n = SMALL.get(t, TENS.get(t))
            if prev_word and cur is not None and (cur % 100 == 0 or (cur % 10 == 0 and n < 10)) and n < cur:
                cur += n  # "twenty five", "one hundred twenty"
            else:
                if cur is not None:
                    nums.append(cur)
                cur = float(n)
            prev_word = True
        elif t == "hundred" and cur is not None:
            cur, prev_word = cur * 100, True
        elif t in SCALES and cur is not None:
            cur, prev_word = cur * SCALES[t], False
        elif t == "dozen":
            cur, prev_word = (cur or 1) * 12, False
        elif t == "-" and prev_word:
            continue  # "twenty-five"
        elif t in ("–", "—", "-", "to") or (t == "and" and "between" in toks):
            ranged, prev_word = True, False
        elif t != "and":
            prev_word = False
    if cur is not None:
        nums.append(cur)
    if not nums:
        return None, None
    if ranged and len(nums) >= 2:
        return nums[0], nums[1]
    return nums[0], nums[0]


SPACY_CLASS = {"CARDINAL": "number", "PERCENT": "percent", "MONEY": "money", "QUANTITY": "dimension"}


def spacy_quantities(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        lo, hi = naive_values(it["text"])
        out.append(qty_pred(it["start"], it["end"], it["text"], lo, hi, SPACY_CLASS.get(it["label"])))
    return out


def quantulum_quantities(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        v, unc = it.get("value"), it.get("uncertainty")
        lo = hi = v
        if v is not None and unc:
            lo, hi = v - unc, v + unc
        unit, entity = it.get("unit") or "", it.get("entity") or ""
        if unit == "percentage":
            cls = "percent"
        elif entity == "currency":
            cls = "money"
        elif unit == "dimensionless":
            cls = "number"
        else:
            cls = "dimension"
        out.append(qty_pred(it["start"], it["end"], it["text"], lo, hi, cls))
    return out


REC_QCLASS = {"number": "number", "ordinal": "number", "percentage": "percent", "currency": "money",
              "dimension": "dimension", "temperature": "dimension", "age": "dimension"}


def rec_number_value(resolution: dict | None):
    v = (resolution or {}).get("value")
    if v is None:
        return None
    return _num(str(v).strip().rstrip("%").replace(",", ""))


def recognizers_quantities(items: list[dict]) -> list[dict]:
    out = []
    for it in items:
        v = rec_number_value(it.get("resolution"))
        out.append(qty_pred(it["start"], it["end"], it["text"], v, v, REC_QCLASS.get(it["type_name"])))
    return out
