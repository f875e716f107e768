"""`chronicle summary`: what an output folder holds, as plain text for a terminal."""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path

from .data import read_tables

COUNTED = ("sentences", "mentions", "dates", "quantities", "events")


def _fmt_num(v) -> str:
    if v is None or v == "":
        return "?"
    if isinstance(v, (int, float)):
        return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"
    return str(v)


def _table(header: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
    def line(cells):
        return "  ".join(str(c).rjust(w) if k in right else str(c).ljust(w)
                         for k, (c, w) in enumerate(zip(cells, widths))).rstrip()
    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]


def _clip(s, n: int) -> str:
    s = " ".join(str(s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def summary_text(out_dir: str | os.PathLike, top: int = 10) -> str:
    """Per-document counts, top entities, events by year and the largest casualty figures."""
    out_dir = Path(out_dir)
    t = read_tables(out_dir)
    lines: list[str] = [f"Chronicle summary of {out_dir}"]
    if not t["documents"] and not any(t[n] for n in COUNTED):
        lines.append("(no tables: run `chronicle extract` first)")
        return "\n".join(lines) + "\n"

    # per-document counts
    counts: dict[str, Counter] = defaultdict(Counter)
    for name in COUNTED:
        for r in t[name]:
            counts[str(r.get("doc_id"))][name] += 1
    docs = [str(d.get("doc_id")) for d in t["documents"]]
    docs += sorted(set(counts) - set(docs))
    rows = [[d] + [str(counts[d][n]) for n in COUNTED] for d in docs]
    if len(docs) > 1:
        rows.append(["TOTAL"] + [str(sum(counts[d][n] for d in docs)) for n in COUNTED])
    lines += ["", f"Documents: {len(docs)}"]
    lines += _table(["document", *COUNTED], rows, right=set(range(1, len(COUNTED) + 1)))
    status = Counter(str(r.get("review_status")) for n in COUNTED for r in t[n] if r.get("review_status"))
    if status:
        lines.append("reviewed rows: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())))

    # top entities
    ents = sorted(t["entities"], key=lambda e: (-(e.get("n_mentions") or 0), str(e.get("canonical"))))[:top]
    lines += ["", f"Top entities (by mentions, top {top})"]
    if ents:
        lines += _table(["entity", "label", "mentions", "docs"],
                        [[_clip(e.get("canonical") or e.get("entity_id"), 40), e.get("label") or "",
                          str(e.get("n_mentions") or 0), str(e.get("n_docs") or 0)] for e in ents], right={2, 3})
    else:
        lines.append("  (no entities)")

    # events by year
    by_year = Counter()
    undated = 0
    for e in t["events"]:
        sd = str(e.get("start_date") or "")
        year = sd[:5] if sd.startswith("-") else sd[:4]        # "-0218" is 218 BC
        if len(year) >= 4 and year.lstrip("-").isdigit():
            by_year[year] += 1
        else:
            undated += 1
    lines += ["", "Events by year (start_date)"]
    if by_year:
        peak = max(by_year.values())
        for y in sorted(by_year, key=int):      # -0264 before -0241 before 1914
            bar = "#" * max(1, round(30 * by_year[y] / peak))
            lines.append(f"  {y}  {by_year[y]:>4}  {bar}")
    else:
        lines.append("  (no dated events)")
    if undated:
        lines.append(f"  undated: {undated}")

    # largest casualty figures
    cas = [q for q in t["quantities"] if str(q.get("category") or "") == "casualties"]
    cas.sort(key=lambda q: -(q.get("value_high") if isinstance(q.get("value_high"), (int, float)) else
                             q.get("value_low") if isinstance(q.get("value_low"), (int, float)) else -1))
    lines += ["", f"Largest casualty figures (top {top})"]
    if cas:
        rows = []
        for q in cas[:top]:
            lo, hi = q.get("value_low"), q.get("value_high")
            value = _fmt_num(hi) if lo in (None, "") or lo == hi else f"{_fmt_num(lo)}–{_fmt_num(hi)}"
            rows.append([value, q.get("qualifier") or "", _clip(q.get("counted"), 36), _clip(q.get("text"), 30),
                         str(q.get("doc_id"))])
        lines += _table(["value", "qualifier", "counted", "text", "document"], rows, right={0})
    else:
        lines.append("  (no casualty figures)")
    return "\n".join(lines) + "\n"
