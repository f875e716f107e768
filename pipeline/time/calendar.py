"""Calendar arithmetic: TIMEX3 values and inclusive intervals for each granularity and modifier."""
from __future__ import annotations

import calendar
import datetime as dt

GRAN_ORDER = ["hour", "day", "week", "month", "season", "quarter", "year", "decade", "century"]
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def finer(a: str, b: str) -> str:
    return a if GRAN_ORDER.index(a) <= GRAN_ORDER.index(b) else b


def year_interval(y: int, mod: str = "") -> tuple[dt.date, dt.date]:
    if mod == "early":
        return dt.date(y, 1, 1), dt.date(y, 4, 30)
    if mod == "mid":
        return dt.date(y, 5, 1), dt.date(y, 8, 31)
    if mod == "late":
        return dt.date(y, 9, 1), dt.date(y, 12, 31)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def month_interval(y: int, m: int, mod: str = "") -> tuple[dt.date, dt.date]:
    end = last_day(y, m)
    if mod == "early":
        return dt.date(y, m, 1), dt.date(y, m, 10)
    if mod == "mid":
        return dt.date(y, m, 11), dt.date(y, m, 20)
    if mod == "late":
        return dt.date(y, m, 21), dt.date(y, m, end)
    return dt.date(y, m, 1), dt.date(y, m, end)


def season_interval(y: int, code: str) -> tuple[dt.date, dt.date]:
    a, b = SEASON_MONTHS[code]
    if code == "WI":
        return dt.date(y - 1, 12, 1), dt.date(y, 2, last_day(y, 2))
    return dt.date(y, a, 1), dt.date(y, b, last_day(y, b))


# thirds of a century, counted from its first year: 34, 33 and 33 years ("the middle of the 9th century BC" is
# 866-834 BC, "the early nineteenth century" 1801-1834)
CENTURY_THIRDS = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}


def span_interval(first: int, width: int, mod: str) -> tuple[int, int]:
    """Years of a decade/century narrowed by early/mid/late."""
    if width == 10:
        cuts = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
    else:
        cuts = CENTURY_THIRDS
    a, b = cuts.get(mod, (0, width - 1))
    return first + a, first + b


def decade_interval(first_year: int, mod: str = "") -> tuple[dt.date, dt.date]:
    a, b = span_interval(first_year, 10, mod)
    return dt.date(a, 1, 1), dt.date(b, 12, 31)


def century_interval(first_year: int, mod: str = "") -> tuple[dt.date, dt.date]:
    """The century TIMEX calls `first_year // 100` ("18" for the nineteenth) as counted from year 1: the
    nineteenth century is 1801-1900, as the 3rd century BC is 300-201 BC (tests/gold_events)."""
    a, b = span_interval(first_year + 1, 100, mod)
    return dt.date(a, 1, 1), dt.date(b, 12, 31)


def week_interval(day: dt.date) -> tuple[dt.date, dt.date]:
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def value_of(gran: str, start: dt.date, season: str | None = None) -> str:
    if gran == "day":
        return start.isoformat()
    if gran == "week":
        iso = start.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}"
    if gran == "month":
        return f"{start.year:04d}-{start.month:02d}"
    if gran == "season":
        y = start.year + 1 if season == "WI" else start.year
        return f"{y:04d}-{season}"
    if gran == "year":
        return f"{start.year:04d}"
    if gran == "decade":
        return f"{start.year // 10:03d}"
    if gran == "century":
        return f"{start.year // 100:02d}"
    return start.isoformat()


def unit_interval(day: dt.date, gran: str) -> tuple[dt.date, dt.date]:
    """The calendar unit of granularity gran that contains day ("year" -> its Jan 1..Dec 31)."""
    if gran == "year":
        return year_interval(day.year)
    if gran == "month":
        return month_interval(day.year, day.month)
    if gran == "season":
        code = next(c for c, (a, b) in SEASON_MONTHS.items() if a <= day.month <= b or (c == "WI" and day.month in (12, 1, 2)))
        return season_interval(day.year + 1 if (code == "WI" and day.month == 12) else day.year, code)
    if gran == "decade":
        return decade_interval(day.year // 10 * 10)
    if gran == "century":
        return century_interval((day.year - 1) // 100 * 100)
    if gran == "week":
        return week_interval(day)
    return day, day


# ---------------------------------------------------------------- years before the common era
# Python's datetime.date holds years 1..9999 only. Years BC are written in historical numbering with a
# minus sign, as TIMEX2 and Wikidata do: there is no year 0, so -0218 is 218 BC and -0001 is 1 BC.
# Such dates are kept as ISO-like strings ("-0218-01-01") with their own order (hist_key).

def bc_year_value(year_bc: int) -> str:
    """218 (BC) -> "-0218"."""
    return f"-{year_bc:04d}"


def bc_interval(first_bc: int, last_bc: int) -> tuple[str, str]:
    """Years first_bc..last_bc BC (first_bc >= last_bc) -> ("-0264-01-01", "-0241-12-31")."""
    return f"-{first_bc:04d}-01-01", f"-{last_bc:04d}-12-31"


def hist_key(iso: str) -> tuple:
    """Order of ISO dates with BC years: "-0264-01-01" < "-0241-12-31" < "0001-01-01"; "" last."""
    if not iso:
        return (1, 0, 0, 0)
    neg = iso.startswith("-")
    parts = iso.lstrip("-").split("-")
    y = int(parts[0]) if parts[0].isdigit() else 0
    m = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
    d = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
    return (0, -y if neg else y, m, d)


def _shifted(iso: str) -> tuple[dt.date, int] | None:
    """An ISO date of any era as a datetime.date shifted by whole 400-year Gregorian cycles (which repeat
    weekdays and leap years exactly), and the number of cycles; None when not a date."""
    neg = iso.startswith("-")
    parts = iso.lstrip("-").split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    year = 1 - int(parts[0]) if neg else int(parts[0])        # historical -> astronomical numbering
    cycles = max(0, (400 - year) // 400)
    try:
        return dt.date(year + 400 * cycles, int(parts[1]), int(parts[2])), cycles
    except ValueError:
        return None


def _unshifted(day: dt.date, cycles: int) -> str:
    year = day.year - 400 * cycles
    if year >= 1:
        return day.isoformat()
    return f"{bc_year_value(1 - year)}-{day.month:02d}-{day.day:02d}"


def day_number(iso: str) -> int | None:
    """Days since 0001-01-01 (proleptic Gregorian), negative before it: BC dates compare and subtract too."""
    s = _shifted(iso or "")
    return None if s is None else s[0].toordinal() - 146097 * s[1]


def bc_within_year(year_bc: int, interval) -> tuple[str, str]:
    """An interval inside (or, for a winter, ending in) a year BC: `interval(y)` gives it for an AD year y with the same
    leap years (shifted by whole 400-year cycles); "August 216 BC" -> ("-0216-08-01", "-0216-08-31")."""
    year = 1 - year_bc                                  # astronomical numbering
    cycles = max(0, (400 - year) // 400)
    a, b = interval(year + 400 * cycles)
    return _unshifted(a, cycles), _unshifted(b, cycles)


def hist_unit_interval(iso: str, gran: str) -> tuple[str, str] | None:
    """unit_interval for an ISO date of any era ("-0241-12-31", "year" -> "-0241-01-01".."-0241-12-31").
    Decades and centuries BC do not align with shifted years: they are left to the caller (None)."""
    s = _shifted(iso or "")
    if s is None or (s[1] and gran in ("decade", "century")):
        return None
    a, b = unit_interval(s[0], gran)
    return _unshifted(a, s[1]), _unshifted(b, s[1])
