"""Chronicle (and HeidelTime beside it) on the WikiWars development narratives, against their TIMEX2 gold.

    .venv/bin/python bench/peers_wikiwars.py [--skip heideltime] [--details] [--docs 02_WW1,10_PunicWars]

The corpus is ../shared/corpora/wikiwars-dev (11 narratives, gold_timex.csv; see its README). Scoring
follows the README there and issue 12:
- TIMEX2 tags each end of a range on its own ("1861-1863" is 1861 and 1863), so a range of ours is
  scored as its two ends: the text before and after its connector (to, until, and, through, a dash),
  each with the value of its end.
- Gold rows without a value (kind `relative`: "now", "former"; durations with an unknown amount such
  as "weeks" = PXW) are left out, and so is every prediction that overlaps one of them and no scored
  gold row.
- Spans match one-to-one by largest overlap (pipeline.evaluate.align, relaxed); the value counts when
  the normalized values are equal: TIMEX3 decades "194" and centuries "19" are TIMEX2's "194X" and
  "19XX", HeidelTime's "BC0218" is "-0218", a duration is compared as its amount in the smallest unit
  ("P2CE" = "P200Y"), a time of day is compared as its day.
Every document goes through Chronicle's per-document processing (pipeline.corpus.process_entry, as
`chronicle extract` does, without Prefect): a failed document is reported and its gold counts as missed.
Writes bench/out/wikiwars.md and .json (and bench/out/details/wikiwars.<tool>.json with --details).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO)]

from pipeline.evaluate import align, prf  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpora" / "wikiwars-dev"
OUT = BENCH / "out"
CONNECTOR = re.compile(r"\s*(?:\b(?:to|until|till|through|and|or)\b|–|—|-)\s*", re.IGNORECASE)


# ---------------------------------------------------------------- gold

def load_gold(corpus: Path = CORPUS, docs: set[str] | None = None) -> tuple[list[dict], list[dict]]:
    """gold_timex.csv -> (scored rows, valueless rows); each {doc_id, start, end, text, kind, value}."""
    scored, valueless = [], []
    with open(corpus / "gold_timex.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if docs and r["doc"] not in docs:
                continue
            g = {"doc_id": r["doc"], "start": int(r["start"]), "end": int(r["end"]), "text": r["surface"],
                 "kind": r["kind"], "value": r["value_start"]}
            no_value = (r["kind"] == "relative" or not r["value_start"]
                        or (r["kind"] == "duration" and "X" in r["value_start"]))
            (valueless if no_value else scored).append(g)
    return scored, valueless


def doc_texts(corpus: Path = CORPUS, docs: set[str] | None = None) -> dict[str, str]:
    out = {}
    for p in sorted((corpus / "raw").glob("*.txt")):
        if not docs or p.stem in docs:
            out[p.stem] = p.read_bytes().decode("utf-8")
    return out


# ---------------------------------------------------------------- values

DUR_UNIT = {"Y": ("Y", 1), "CE": ("Y", 100), "DE": ("Y", 10), "M": ("M", 1), "W": ("D", 7), "D": ("D", 1),
            "H": ("TH", 1)}


def norm_value(v: str | None) -> str:
    """One spelling per value: TIMEX2 gold, Chronicle's TIMEX3-style values and HeidelTime's."""
    v = (v or "").strip().upper()
    if not v:
        return ""
    v = re.sub(r"^BC", "-", v)
    if v.startswith("P"):
        m = re.fullmatch(r"P(?:T)?(\d+(?:\.\d+)?)(CE|DE|Y|M|W|D|H)", v)
        if m:
            n, u = float(m.group(1)), m.group(2)
            if v.startswith("PT") and u == "M":
                return v
            unit, k = DUR_UNIT[u]
            n *= k
            return f"P{n:g}{unit}"
        return v
    v = v.split("T")[0] if re.match(r"^-?\d{4}-\d{2}-\d{2}T", v) else v
    m = re.fullmatch(r"(-?)(\d{3})", v)
    if m:
        return f"{m.group(1)}{m.group(2)}X"
    m = re.fullmatch(r"(-?)(\d{2})", v)
    if m:
        return f"{m.group(1)}{m.group(2)}XX"
    return v


# ---------------------------------------------------------------- predictions

def range_ends(r: dict) -> list[dict]:
    """A range of ours -> its two ends as TIMEX2 tags them (text before / after the connector)."""
    text, s = r["text"], int(r["start"])
    va, _, vb = (r.get("value") or "").partition("/")
    best = None
    for m in CONNECTOR.finditer(text):
        if m.start() == 0 or m.end() >= len(text):
            continue
        if re.match(r"\s*(?:between|from)\b", text[:m.start()], re.IGNORECASE) and m.start() < 8:
            continue
        if best is None or (not m.group().strip() in "-–—" and best.group().strip() in "-–—"):
            best = m
    if best is None:
        return [dict(r, value=va)]
    return [{"doc_id": r["doc_id"], "start": s, "end": s + best.start(), "text": text[:best.start()], "value": va},
            {"doc_id": r["doc_id"], "start": s + best.end(), "end": int(r["end"]), "text": text[best.end():],
             "value": vb}]


def chronicle_preds(date_rows: list[dict], documents: list[dict] | None = None) -> list[dict]:
    """dates.csv rows -> predictions keyed by the corpus's document names (the file stem)."""
    name = {d["doc_id"]: Path(d["source"]).stem for d in documents or []}
    out = []
    for r in date_rows:
        base = {"doc_id": name.get(r["doc_id"], r["doc_id"]), "start": int(r["start"]), "end": int(r["end"]), "text": r["text"],
                "value": r.get("value") or "", "kind": r.get("kind")}
        out.extend(range_ends(base) if r.get("kind") == "range" and "/" in (r.get("value") or "") else [base])
    return out


def heideltime_preds(results: dict[str, list[dict]]) -> list[dict]:
    return [{"doc_id": d, "start": it["start"], "end": it["end"], "text": it["text"], "value": it.get("value") or "",
             "kind": (it.get("type") or "").lower()} for d, items in results.items() for it in items]


# ---------------------------------------------------------------- scoring

def score(gold: list[dict], valueless: list[dict], preds: list[dict]) -> dict:
    def overlaps(p, gs):
        return any(g["doc_id"] == p["doc_id"] and p["start"] < g["end"] and g["start"] < p["end"] for g in gs)
    kept = [p for p in preds if not (overlaps(p, valueless) and not overlaps(p, gold))]
    pairs = align(gold, kept, strict=False)
    good = [(g, p) for g, p in pairs if norm_value(g["value"]) == norm_value(p["value"]) and norm_value(g["value"])]
    matched_g, matched_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
    return {"gold": len(gold), "predicted": len(kept), "matched": len(pairs),
            "span": prf(len(pairs), len(kept), len(pairs), len(gold)),
            "value": prf(len(good), len(kept), len(good), len(gold)),
            "_missed": [g for g in gold if id(g) not in matched_g],
            "_spurious": [p for p in kept if id(p) not in matched_p],
            "_value_errors": [{"gold": g, "pred": p} for g, p in pairs
                              if not (norm_value(g["value"]) == norm_value(p["value"]) and norm_value(g["value"]))]}


def per_doc(gold, valueless, preds) -> dict:
    out = {}
    for d in sorted({g["doc_id"] for g in gold}):
        res = score([g for g in gold if g["doc_id"] == d], valueless, [p for p in preds if p["doc_id"] == d])
        out[d] = {"span_f1": res["span"]["f1"], "value_f1": res["value"]["f1"], "gold": res["gold"]}
    return out


# ---------------------------------------------------------------- tools

def run_chronicle(corpus: Path = CORPUS, docs: set[str] | None = None) -> dict:
    """Every document through process_entry (what `chronicle extract` runs per document)."""
    from pipeline.corpus import assemble, discover, process_entry
    entries = [e for e in discover(corpus / "raw") if not docs or Path(e.source).stem in docs]
    t0 = time.perf_counter()
    results = [process_entry(e) for e in entries]
    tables, failures = assemble(results)
    return {"tables": tables, "failures": failures, "run_s": time.perf_counter() - t0}


def run_heideltime(texts: dict[str, str], timeout: float = 900) -> dict:
    from peer_env import PEERS, ensure, run_runner
    peer = PEERS["heideltime"]
    python, _ = ensure(peer, lambda m: print(m, file=sys.stderr))
    req = {"task": "dates", "docs": [{"id": d, "text": t, "ref": None} for d, t in texts.items()], "concat": False}
    return run_runner(peer, python, req, timeout)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip", default="", help="heideltime to leave it out")
    ap.add_argument("--docs", default="", help="comma-separated document ids (default: all 11)")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--out", default=str(OUT / "wikiwars.md"))
    args = ap.parse_args(argv)
    docs = {d.strip() for d in args.docs.split(",") if d.strip()} or None
    gold, valueless = load_gold(CORPUS, docs)
    texts = doc_texts(CORPUS, docs)
    rows, figures = [], {}
    print(f"[wikiwars] {len(texts)} documents, {len(gold)} gold with a value ({len(valueless)} left out)", file=sys.stderr)
    ch = run_chronicle(CORPUS, docs)
    preds = {"chronicle": chronicle_preds(ch["tables"]["dates"], ch["tables"]["documents"])}
    notes = {"chronicle": f"{len(ch['failures'])} document(s) failed" + (
        ": " + "; ".join(f"{f['doc_id']}: {f['error'][:120]}" for f in ch["failures"]) if ch["failures"] else "")}
    times = {"chronicle": ch["run_s"]}
    if "heideltime" not in args.skip:
        try:
            resp = run_heideltime(texts)
            preds["heideltime"] = heideltime_preds(resp["results"])
            times["heideltime"] = resp.get("run_s", 0.0)
            notes["heideltime"] = f"{len(resp.get('errors') or {})} document(s) failed"
        except Exception as e:  # noqa: BLE001 - the peer is optional
            notes["heideltime"] = f"n/a: {e}"[:200]
    for tool, ps in preds.items():
        res = score(gold, valueless, ps)
        figures[tool] = {k: v for k, v in res.items() if not k.startswith("_")}
        figures[tool]["per_doc"] = per_doc(gold, valueless, ps)
        figures[tool]["time_s"] = round(times[tool], 1)
        rows.append(f"| {tool} | {res['predicted']} | {res['span']['precision']:.3f} | {res['span']['recall']:.3f} | "
                    f"**{res['span']['f1']:.3f}** | {res['value']['precision']:.3f} | {res['value']['recall']:.3f} | "
                    f"**{res['value']['f1']:.3f}** | {times[tool]:.1f} | {notes.get(tool, '')} |")
        if args.details:
            ddir = Path(args.out).parent / "details"
            ddir.mkdir(parents=True, exist_ok=True)
            (ddir / f"wikiwars.{tool}.json").write_text(json.dumps(
                {k[1:]: v for k, v in res.items() if k.startswith("_")}, indent=1, ensure_ascii=False), encoding="utf-8")
    if "heideltime" not in preds and "heideltime" not in args.skip:
        rows.append(f"| heideltime | n/a |  |  |  |  |  |  |  | {notes.get('heideltime', '')} |")
    md = (f"### WikiWars dev ({len(texts)} narratives, {len(gold)} TIMEX2 with a value; {len(valueless)} valueless "
          "left out with what overlaps them; our ranges scored as two ends)\n\n"
          "| Tool | Pred | Span P | Span R | Span F1 | Value P | Value R | Value F1 | Time s | Note |\n"
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n" + "\n".join(rows) + "\n")
    print(md)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
