"""Chronicle vs peer tools on our seed gold and on the peers' own English test suites.

Run from the repository root with Chronicle's venv:

    .venv/bin/python bench/peers.py [--only dates|numbers] [--skip heideltime,...] [--max-cases N]

Prints one markdown table per benchmark file (tools side by side) and writes it to bench/out/peers.md
(figures also as bench/out/peers.json). Each peer runs in a subprocess with its own venv under
bench/.venvs/<name> (created and pip-installed on first use); a peer that cannot be installed or run
gets an "n/a" row with the reason. See bench/README.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path[:0] = [str(BENCH), str(REPO)]

import peer_norm as norm  # noqa: E402
from peer_data import Bench, benches  # noqa: E402
from peer_env import PEERS, PeerUnavailable, ensure, relpath, run_runner, versions_of  # noqa: E402
from pipeline.evaluate import align, prf, score_spans  # noqa: E402

OUT = BENCH / "out"
TOOLS = ["chronicle", "spacy", "dateparser", "recognizers", "heideltime", "quantulum3"]
NORMALIZE = {
    ("spacy", "dates"): norm.dateparser_dates, ("spacy", "numbers"): norm.spacy_quantities,
    ("dateparser", "dates"): norm.dateparser_dates,
    ("recognizers", "dates"): norm.recognizers_dates, ("recognizers", "numbers"): norm.recognizers_quantities,
    ("heideltime", "dates"): norm.heideltime_dates,
    ("quantulum3", "numbers"): norm.quantulum_quantities,
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- Chronicle (in this process)

class Chronicle:
    label = {"dates": "Chronicle", "numbers": "Chronicle"}

    def __init__(self):
        t0 = time.perf_counter()
        from pipeline import PIPELINE_VERSION, extract_text
        self.extract_text = extract_text
        extract_text("It began on 1 January 2000 with 3 soldiers.", doc_id="warmup")  # loads spaCy
        self.load_s = time.perf_counter() - t0
        self.version = f"chronicle {PIPELINE_VERSION}"

    def run(self, bench: Bench) -> dict:
        table = "dates" if bench.task == "dates" else "quantities"
        results, errors = {}, {}
        t0 = time.perf_counter()
        for d in bench.docs:
            ref = d["ref"][:10] if d.get("ref") else None
            try:
                frames = self.extract_text(d["text"], doc_id=d["id"], reference_date=ref)
                df = frames.get(table)
                rows = [] if df is None or df.empty else df.astype(object).where(df.notna(), "").to_dict("records")
            except Exception as e:  # a crash on one case is a miss there, not a failed benchmark
                errors[d["id"]] = repr(e)[:200]
                rows = []
            results[d["id"]] = rows
        return {"run_s": round(time.perf_counter() - t0, 3), "load_s": 0.0, "results": results, "errors": errors}

    def normalize(self, task, rows):
        return norm.chronicle_dates(rows) if task == "dates" else norm.chronicle_quantities(rows)


# ---------------------------------------------------------------- scoring

def kept(bench: Bench, preds: list[dict]) -> list[dict]:
    out = []
    for p in preds:
        typ = p.get("type") if bench.task == "dates" else p.get("cls")
        if bench.keep is not None and typ is not None and typ not in bench.keep:
            continue
        if bench.keep_pred and not bench.keep_pred(p):
            continue
        out.append(p)
    return out


def score(bench: Bench, preds: list[dict]) -> dict:
    res = score_spans(bench.gold, preds)
    pairs = align(bench.gold, preds, strict=False)
    matched_g, matched_p = {id(g) for g, _ in pairs}, {id(p) for _, p in pairs}
    res["_missed"] = [g for g in bench.gold if id(g) not in matched_g]
    res["_spurious"] = [p for p in preds if id(p) not in matched_p]
    if bench.value_ok:
        verdicts = [bench.value_ok(g, p) for g, p in pairs]
        res["_value_errors"] = [{"gold": g, "pred": p} for (g, p), v in zip(pairs, verdicts) if v is False]
        good = sum(1 for v in verdicts if v)
        comparable = sum(1 for v in verdicts if v is not None)
        res["value"] = prf(good, len(preds), good, len(bench.gold))
        res["value_acc"] = round(good / comparable, 4) if comparable else None
        res["value_n"] = comparable
    return res


# ---------------------------------------------------------------- tables

COLS = ["Tool", "Pred", "Span P", "Span R", "Span F1 relaxed", "Span F1 strict", "Value F1",
        "Value acc (n)", "Time s", "Note"]


def f3(x):
    return "—" if x is None else f"{x:.3f}"


def row_for(tool_label: str, res: dict | None, reason: str = "", note: str = "") -> list[str]:
    if res is None:
        return [tool_label] + ["n/a"] * 8 + [reason]
    rel, strict = res["span_relaxed"], res["span_strict"]
    value_f1 = f3(res["value"]["f1"]) if "value" in res else "—"
    value_acc = (f"{f3(res['value_acc'])} ({res['value_n']})" if res.get("value_acc") is not None
                 else ("— (0)" if "value" in res else "—"))
    return [tool_label, str(res["predicted"]), f3(rel["precision"]), f3(rel["recall"]), f"**{f3(rel['f1'])}**",
            f3(strict["f1"]), value_f1, value_acc, f"{res['time_s']:.1f}", note]


def md_table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(COLS) + " |", "|" + "|".join(["---"] + ["---:"] * 8 + ["---"]) + "|"]
    lines += ["| " + " | ".join(c.replace("|", "/") for c in r) + " |" for r in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["dates", "numbers", "wikiwars"],
                    help="run only the date or the number benchmarks, or only the WikiWars dev narratives "
                         "(bench/peers_wikiwars.py)")
    ap.add_argument("--skip", default="", help=f"comma-separated tools to leave out: {','.join(TOOLS)}")
    ap.add_argument("--max-cases", type=int, default=None,
                    help="deterministic, evenly spread sample of at most N cases per Recognizers/quantulum3 file")
    ap.add_argument("--timeout", type=float, default=300, help="seconds per peer run on one file (default 300)")
    ap.add_argument("--out", default=str(OUT / "peers.md"), help="markdown output (default bench/out/peers.md)")
    ap.add_argument("--details", action="store_true",
                    help="also write missed gold, spurious predictions and value errors per file and tool "
                         "to bench/out/details/")
    args = ap.parse_args(argv)
    skip = {s.strip().lower() for s in args.skip.split(",") if s.strip()}
    unknown = skip - set(TOOLS)
    if unknown:
        ap.error(f"unknown tool(s) in --skip: {', '.join(sorted(unknown))}")

    if args.only in (None, "wikiwars"):
        # the WikiWars dev narratives against their TIMEX2 gold, HeidelTime beside us (own scoring rules)
        import peers_wikiwars
        ww_args = ["--skip", ",".join(skip)] + (["--details"] if args.details else [])
        ww_args += ["--out", str(Path(args.out).with_name("wikiwars.md"))]
        rc = peers_wikiwars.main(ww_args) if "chronicle" not in skip else 0
        if args.only == "wikiwars":
            return rc

    t_start = time.perf_counter()
    all_benches = benches(args.only, args.max_cases)
    tasks = {b.task for b in all_benches}

    # environments
    setup = {}  # tool -> {"python", "status", "setup_s", "version"}
    chronicle = None
    if "chronicle" not in skip:
        try:
            chronicle = Chronicle()
            setup["chronicle"] = {"status": "ok", "env": ".venv (in process)", "setup_s": 0.0,
                                  "load_s": chronicle.load_s, "version": chronicle.version}
        except Exception as e:
            setup["chronicle"] = {"status": f"n/a: {e!r}"[:300], "env": ".venv", "setup_s": 0.0, "load_s": 0.0}
    for name, peer in PEERS.items():
        if name in skip or not (set(peer.tasks) & tasks):
            continue
        env = relpath(str(BENCH / ".venvs" / peer.venv)) if peer.venv else ".venv (Chronicle's)"
        try:
            python, secs = ensure(peer, log)
            setup[name] = {"python": python, "status": "ok", "env": env, "setup_s": secs, "load_s": 0.0,
                           "version": ""}
        except Exception as e:  # any failure is reported as n/a, not raised
            reason = str(e) if isinstance(e, PeerUnavailable) else repr(e)
            setup[name] = {"status": f"n/a: {reason}"[:300], "env": env, "setup_s": 0.0, "load_s": 0.0}
            log(f"[setup] {name}: {setup[name]['status']}")

    sections, figures = [], {}
    for bench in all_benches:
        log(f"[bench] {bench.key}: {len(bench.docs)} cases, {len(bench.gold)} gold")
        rows, figs = [], {}
        tools = ["chronicle"] + [n for n, p in PEERS.items() if bench.task in p.tasks]
        for tool in tools:
            if tool in skip:
                continue
            label = (Chronicle.label if tool == "chronicle" else PEERS[tool].label)[bench.task]
            st = setup.get(tool, {"status": "n/a: not set up"})
            if st["status"] != "ok":
                rows.append(row_for(label, None, st["status"]))
                figs[tool] = {"status": st["status"]}
                continue
            t0 = time.perf_counter()
            try:
                if tool == "chronicle":
                    resp = chronicle.run(bench)
                else:
                    req = {"task": bench.task, "docs": bench.docs, "concat": bench.concat}
                    resp = run_runner(PEERS[tool], st["python"], req, args.timeout)
                    st["load_s"] += resp.get("load_s", 0.0)
                    st["version"] = resp.get("version") or st.get("version", "")
            except PeerUnavailable as e:
                rows.append(row_for(label, None, f"n/a: {e}"))
                figs[tool] = {"status": f"n/a: {e}"}
                log(f"  {tool}: n/a: {e}")
                continue
            normalize = chronicle.normalize if tool == "chronicle" else (lambda task, items, _t=tool: NORMALIZE[(_t, task)](items))
            preds = []
            for d in bench.docs:
                for p in normalize(bench.task, resp["results"].get(d["id"], [])):
                    p["doc_id"] = d["id"]
                    preds.append(p)
            res = score(bench, kept(bench, preds))
            res["time_s"] = resp.get("run_s", time.perf_counter() - t0)
            notes = []
            if resp.get("errors"):
                first = next(iter(resp["errors"].values()))
                notes.append(f"{len(resp['errors'])} case(s) raised: {first[:80]}")
            if resp.get("notes"):
                notes.append(resp["notes"])
            rows.append(row_for(label, res, note="; ".join(notes)))
            figs[tool] = {k: v for k, v in res.items() if not k.startswith("_")}
            if args.details:
                ddir = Path(args.out).parent / "details"
                ddir.mkdir(parents=True, exist_ok=True)
                texts = {d["id"]: d["text"] for d in bench.docs} if len(bench.docs) > 1 else {}
                detail = {k[1:]: v for k, v in res.items() if k.startswith("_")}
                for rows_ in detail.values():
                    for r in rows_:
                        for x in (r["gold"], r["pred"]) if "gold" in r else (r,):
                            if x.get("doc_id") in texts:
                                x["input"] = texts[x["doc_id"]]
                (ddir / f"{bench.key}.{tool}.json").write_text(json.dumps(detail, indent=1, ensure_ascii=False,
                                                                          default=str), encoding="utf-8")
            log(f"  {tool}: span F1 {res['span_relaxed']['f1']:.3f} ({res['time_s']:.1f} s)")
        sampled = (f"sampled {len(bench.docs)} of {bench.n_cases_total} cases (every ~{bench.n_cases_total / len(bench.docs):.1f}th)"
                   if bench.n_cases_total > len(bench.docs) else f"{len(bench.docs)} case(s)")
        head = f"### {bench.title}\n\n{sampled}, {len(bench.gold)} gold spans. {bench.note}."
        if bench.value_ok:
            head += f" Value: {bench.value_label}."
        sections.append(head + "\n\n" + md_table(rows))
        figures[bench.key] = {"title": bench.title, "cases": len(bench.docs), "cases_total": bench.n_cases_total,
                              "gold": len(bench.gold), "tools": figs}

    # setup table
    setup_rows = ["| Tool | Environment | Version | Status | Setup s | Load s (all runs) |", "|---|---|---|---|---:|---:|"]
    for tool, st in setup.items():
        version = st.get("version") or (versions_of(st["python"], ["spacy", "dateparser"]) if st.get("python") else "")
        setup_rows.append(f"| {tool} | {st['env']} | {version} | {st['status']} | {st['setup_s']:.1f} | {st['load_s']:.1f} |")
    total = time.perf_counter() - t_start
    header = (f"# Chronicle vs peers\n\n{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}, Python {platform.python_version()}, "
              f"total wall time {total:.0f} s. Spans: relaxed = one-to-one overlap match, strict = exact "
              "offsets (pipeline/evaluate.py). P/R are relaxed. Value F1 counts a matched pair with the right "
              "value; Value acc = right values / matched pairs whose gold value is comparable (n). Time s = "
              "processing time on that file, without start-up and model loading (see Load s below).\n")
    md = header + "\n## Tools\n\n" + "\n".join(setup_rows) + "\n\n## Results per benchmark file\n\n" + "\n\n".join(sections) + "\n"
    print(md)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(md, encoding="utf-8")
    out.with_suffix(".json").write_text(json.dumps({"setup": {k: {kk: vv for kk, vv in v.items() if kk != "python"}
                                                              for k, v in setup.items()},
                                                    "benchmarks": figures, "total_s": round(total, 1)}, indent=1),
                                        encoding="utf-8")
    log(f"[done] {total:.0f} s; wrote {relpath(str(out))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
