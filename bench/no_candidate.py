"""Why a missed gold event of a development document has no candidate (splits.py causes no_candidate and
no_candidate_in_sentence), bucketed by the step of the rules that lost it, on the development documents only.

    .venv/bin/python bench/splits.py /tmp/out            # extract first (or reuse a folder splits.py filled)
    .venv/bin/python bench/no_candidate.py /tmp/out      # counts per bucket, then each miss with its bucket
    .venv/bin/python bench/no_candidate.py /tmp/out --docs 02_WW1,N7_FallOfCommunismEasternEurope1989

Each development document named by a miss is extracted again in this process with two hooks (predicates found per
sentence; the predicates the one-undated-act-per-type step drops), and the miss is put in the first bucket that holds:
- no_class: no word of the gold quote is typed by any predicate class, trigger pattern or CAMEO class;
- participle: a typed word of the quote is a participle describing a noun ("the besieged port"), never an act;
- not_factual: a typed word of the quote is judged not to have happened (plan, purpose, modal, report ...);
- one_per_type: its predicate was found but dropped as a second undated act of a type its sentence already gave;
- no_date: its predicate was kept but no date reached it (a section stepping back in time, text before the first
  date: no narrative date is given); no_date:edge when its sentence is set at an edge of the war ("When the war began");
- dropped_later: its predicate had a date but no candidate came of it (a filter after linking).
Kept-aside documents are refused: nothing of them is read (tests/gold_events/SPLIT.md).
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from splits import FRESH, FRESH3, FRESH4, FRESH5, FRESH6, KEPT, WIKIWARS, Split  # noqa: E402
from pipeline.events import extract as X  # noqa: E402
from pipeline.events import predicates as P  # noqa: E402
from pipeline.events.scoring import doc_key  # noqa: E402
from pipeline import extract as E  # noqa: E402
from pipeline.extract import extract_document  # noqa: E402

WANTED = ("no_candidate", "no_candidate_in_sentence")


def _hooks(found: list, dropped: list, kept: list) -> None:
    doc_predicates, undated = X.doc_predicates, X._undated

    def predicates_hook(doc, a, b):
        span, preds = doc_predicates(doc, a, b)
        if span is not None:
            found.append((span, preds))
        return span, preds

    def undated_hook(pairs, preds, seg_start, text=""):
        out = undated(pairs, preds, seg_start, text)
        got = {t[0] for t in out}
        done = {t[0] for t, _, _ in pairs if t is not None}
        for p in preds:
            at = seg_start + p.start
            (kept if at in got else dropped if at not in done else []).append(at)
        return out
    X.doc_predicates, X._undated = predicates_hook, undated_hook


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="a folder bench/splits.py extracted into")
    ap.add_argument("--docs", default="", help="only these development documents")
    args = ap.parse_args(argv)
    only = {doc_key(d) for d in args.docs.split(",") if d}
    if only & KEPT:
        sys.exit("refused: --docs names a kept-aside document (tests/gold_events/SPLIT.md)")
    from pipeline.documents import Document
    from pipeline.nlp import get_nlp
    nlp = get_nlp()
    counts, lines = collections.Counter(), []
    for name, folder in (("DEV", WIKIWARS), ("FDEV", FRESH), ("FDEV2", FRESH), ("FDEV3", FRESH3), ("FDEV4", FRESH4),
                         ("FDEV5", FRESH5), ("FDEV6", FRESH6)):
        split = Split(args.out, name)
        if split.kept:
            continue
        by_doc = collections.defaultdict(list)
        for cause, g in split.causes():
            if cause in WANTED and (not only or g["doc"] in only):
                by_doc[g["doc"]].append((cause, g))
        for f in sorted(folder.glob("*.txt")):
            key = doc_key(f.stem)
            if key not in by_doc or key not in split.docs or key in KEPT:
                continue
            text = f.read_text(encoding="utf-8")
            found, dropped, kept, parsed = [], [], [], []
            _hooks(found, dropped, kept)
            E.parse = lambda *a, **k: parsed.append(_PARSE(*a, **k)) or parsed[-1]
            try:
                res = extract_document(Document(doc_id=f.stem, source=f.name, text=text, reference_date=None,
                                                sha256=hashlib.sha256(text.encode("utf-8")).hexdigest()), nlp)
            finally:
                X.doc_predicates, X._undated, E.parse = P.doc_predicates, _UNDATED, _PARSE
            seg_of = {id(d): seg.start for d, seg in zip(parsed[0].docs, parsed[0].segments)}
            rows_at = {int(e["trigger_start"]) for e in res["tables"]["events"] if e.get("trigger_start") != ""}
            # each typed word: its offset in the text, how the rules judged it
            words = []
            for span, preds in found:
                seg_start = seg_of[id(span.doc)]
                pred_at = {seg_start + p.start for p in preds}
                for t in span:
                    if t.pos_ not in ("VERB", "NOUN", "PROPN", "AUX"):
                        continue
                    at = seg_start + t.idx
                    cls = P.classify(t)
                    if cls is None and at not in pred_at:
                        continue
                    words.append((at, t, cls, at in pred_at))
            for cause, g in sorted(by_doc[key], key=lambda x: x[1]["start"]):
                inside = [w for w in words if g["start"] <= w[0] < g["end"]]
                if not inside:
                    b = "no_class"
                elif any(p for *_, p in inside):
                    ats = {at for at, *_, p in inside if p}
                    b = ("one_per_type" if ats & set(dropped) and not ats & set(kept) else
                         "no_date" if ats & set(kept) and not ats & rows_at else "dropped_later")
                    sent = parsed[0].sentence_at(g["start"])
                    if b == "no_date" and sent is not None and X._at_war_edge(text, sent.start, sent.end):
                        b = "no_date:edge"       # "At the outbreak of the war, ...": set at an edge of the war
                elif any(t.pos_ == "VERB" and t.dep_ == "amod" for _, t, _, _ in inside):
                    b = "participle"
                else:
                    b = "not_factual"
                counts[(name, b)] += 1
                lines.append(f"  {b:<14} {cause:<24} {g['doc']} {g['event_type']:<11} {g['quote'][:100]!r}")
    for (name, b), n in sorted(counts.items()):
        print(f"{name:<5} {b:<14} {n}")
    print("\n".join(lines))


_UNDATED, _PARSE = X._undated, E.parse

if __name__ == "__main__":
    main()
