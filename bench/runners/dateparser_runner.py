"""Peer: dateparser.search.search_dates(text, languages=["en"], settings={"RELATIVE_BASE": ref}).

search_dates returns (substring, datetime) pairs without offsets: each substring is located at its
next occurrence after the previous one. The granularity (day/week/month/year) comes from
DateDataParser.get_date_data(substring).period with the same settings (day if that fails)."""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import Timer, locate, read_request, write_response  # noqa: E402


def main():
    req = read_request()
    timer = Timer()
    import dateparser
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates
    search_dates("It was on 1 January 2000.", languages=["en"])  # warm up
    load_s = timer.lap()
    results, errors = {}, {}
    for d in req["docs"]:
        ref = d.get("ref")
        settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(ref)} if ref else None
        ddp = DateDataParser(languages=["en"], settings=settings)
        text, items, pos = d["text"], [], 0
        try:
            found = search_dates(text, languages=["en"], settings=settings) or []
        except Exception as e:
            errors[d["id"]] = repr(e)[:200]
            found = []
        for sub, when in found:
            i = locate(text, sub, pos)
            if i < 0:
                continue
            pos = i + len(sub)
            period = "day"
            try:
                dd = ddp.get_date_data(sub)
                if dd and dd.date_obj and dd.period:
                    period = dd.period
            except Exception:
                pass
            items.append({"start": i, "end": i + len(sub), "text": sub, "date": when.date().isoformat(),
                          "period": period})
        results[d["id"]] = items
    write_response({"load_s": load_s, "run_s": timer.lap(), "version": f"dateparser {dateparser.__version__}",
                    "results": results, "errors": errors})


if __name__ == "__main__":
    main()
