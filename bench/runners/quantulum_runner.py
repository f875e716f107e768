"""Peer: quantulum3 parser.parse (with its shipped unit classifier when scikit-learn matches).
Long documents are parsed line by line. A quantity whose span does not match its surface is
re-located by surface; one with an empty surface is dropped."""
import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import Timer, lines_with_offsets, locate, read_request, write_response  # noqa: E402


def main():
    req = read_request()
    timer = Timer()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        from quantulum3 import classifier, parser
        parser.parse("It weighs 2 kg and costs $5.")  # warm up (loads units and the classifier)
    from importlib.metadata import version as pkg_version
    clf = "classifier on" if classifier.USE_CLF else "classifier off (no scikit-learn)"
    if any("different scikit-learn" in str(w.message) for w in caught):
        clf = "classifier on (scikit-learn version differs)"
    load_s = timer.lap()
    results, errors, dropped = {}, {}, 0
    for d in req["docs"]:
        text = d["text"]
        chunks = list(lines_with_offsets(text)) if len(text) > 2000 else [(0, text)]
        items = []
        for off, chunk in chunks:
            try:
                qs = parser.parse(chunk)
            except Exception as e:
                errors[d["id"]] = repr(e)[:200]
                continue
            pos = 0
            for q in qs:
                s, e = q.span
                surface = q.surface or ""
                if not surface:
                    dropped += 1
                    continue
                if not (0 <= s < e <= len(chunk)) or chunk[s:e] != surface:
                    s = locate(chunk, surface, pos)
                    if s < 0:
                        dropped += 1
                        continue
                    e = s + len(surface)
                pos = e
                items.append({"start": off + s, "end": off + e, "text": chunk[s:e], "value": q.value,
                              "uncertainty": q.uncertainty, "unit": q.unit.name,
                              "entity": q.unit.entity.name if q.unit.entity else None})
        results[d["id"]] = items
    write_response({"load_s": load_s, "run_s": timer.lap(),
                    "version": f"quantulum3 {pkg_version('quantulum3')}, {clf}",
                    "results": results, "errors": errors, "notes": f"{dropped} empty/unlocatable spans dropped" if dropped else ""})


if __name__ == "__main__":
    main()
