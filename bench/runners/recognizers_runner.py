"""Peer: Microsoft Recognizers-Text (Python port, recognizers-text-suite).
dates: DateTimeRecognizer(English).get_datetime_model().parse(text, reference);
numbers: the number, percentage, currency and dimension models, merged (a unit model's span wins
over a bare number inside it; currency results without a value are dropped).
Long documents are processed line by line. Result ends are inclusive -> converted to exclusive."""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import Timer, lines_with_offsets, read_request, write_response  # noqa: E402


def to_item(r, off, chunk):
    s, e = r.start, r.end + 1
    return {"start": off + s, "end": off + e, "text": chunk[s:e], "type_name": r.type_name,
            "resolution": r.resolution}


def main():
    req = read_request()
    timer = Timer()
    from importlib.metadata import version as pkg_version
    from recognizers_text import Culture
    if req["task"] == "dates":
        from recognizers_date_time import DateTimeRecognizer
        model = DateTimeRecognizer(Culture.English).get_datetime_model()
        model.parse("I'll go back on 1 January 2000", dt.datetime(2000, 1, 1))
        models = None
    else:
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        nr, ur = NumberRecognizer(Culture.English), NumberWithUnitRecognizer(Culture.English)
        models = [(1, ur.get_currency_model()), (1, ur.get_dimension_model()),
                  (1, nr.get_percentage_model()), (0, nr.get_number_model())]
        for _, m in models:
            m.parse("It costs $5 and weighs 3 kg, 20%")
    load_s = timer.lap()
    results, errors = {}, {}
    for d in req["docs"]:
        text = d["text"]
        chunks = list(lines_with_offsets(text)) if len(text) > 2000 else [(0, text)]
        ref = dt.datetime.fromisoformat(d["ref"]) if d.get("ref") else None
        items = []
        for off, chunk in chunks:
            try:
                if models is None:
                    items += [to_item(r, off, chunk) for r in model.parse(chunk, ref)]
                else:
                    cands = []
                    for prio, m in models:
                        for r in m.parse(chunk):
                            if r.type_name == "currency" and (r.resolution or {}).get("value") is None:
                                continue
                            cands.append((prio, r.end - r.start, to_item(r, off, chunk)))
                    taken = []
                    for prio, length, it in sorted(cands, key=lambda c: (-c[0], -c[1], c[2]["start"])):
                        if all(it["end"] <= t["start"] or t["end"] <= it["start"] for t in taken):
                            taken.append(it)
                    items += sorted(taken, key=lambda t: t["start"])
            except Exception as e:
                errors[d["id"]] = repr(e)[:200]
        results[d["id"]] = items
    write_response({"load_s": load_s, "run_s": timer.lap(),
                    "version": f"recognizers-text-suite {pkg_version('recognizers-text-suite')}",
                    "results": results, "errors": errors})


if __name__ == "__main__":
    main()
