"""Chronicle rows that match no gold event (false rows), on DEVELOPMENT documents only, by bucket (a diagnostic).

    .venv/bin/python bench/false_rows.py OUT [--show BUCKET[,BUCKET]|all] [--docs DOC,DOC] [--no-parse]

OUT is a folder bench/splits.py extracted into. Every chronicle row of the development splits (WikiWars dev, fresh
dev) a maximum one-to-one matching leaves unpaired (Split.trigger_paired: as many as the scorer's, but it pairs a
row first with the gold event whose quote holds its trigger, so the row left over is the one telling no gold act) is put in one bucket, judged on its mentions (events.csv) in
development documents:
- 1_duplicate: a mention's trigger lies inside the quote of a gold event another row matched (one act, two rows);
  the detail says whether the other row has a mention in the same sentence (`same_sentence`: undergrouping or a
  second predicate of the act) or not (`other_sentence`: the act told again elsewhere, not grouped), and whether
  the types differ;
- 2_wrong_date: a mention's trigger lies inside the quote of a gold event no row matched, but the row's interval
  is not within the gold's (a day of slack): `too_wide` (the row's interval holds the gold's), `too_narrow` (inside
  the gold's but a bound out: cannot be), `shifted` (overlaps), `disjoint` (another act's or the story's date);
  the representative's confidence tells a carried date (< 0.5) from the clause's own (>= 0.65);
- 3_sentence_of_gold: no trigger inside a gold quote, but a mention's sentence overlaps a gold quote (another
  predicate of a sentence that states a gold act: `gold_matched` when that gold event has a row, else `gold_missed`);
- 4_no_gold: no gold quote in its sentences: not an event (heading, state, plan, participle ...) or an event the
  gold leaves out (background, generic acts). `hint` is a guess from the parse of the trigger's sentence
  (heading, participle_of_noun, modal_or_neg, in_quotes, reported, infinitive, gerund, noun, past_main, ...): read
  the printed sentences to judge.
Counts are printed per bucket, per row type and per trigger lemma (within a bucket). Kept-aside documents are
never read (the splits with `kept` are skipped, rows are filtered by every mention's document).
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline.events.scoring import _date, _day, doc_key  # noqa: E402
from splits import Split, dev_listing_choice, dev_listing_parser  # noqa: E402

BUCKETS = ("1_duplicate", "2_wrong_date", "3_sentence_of_gold", "4_no_gold")
SAYING = {"say", "state", "claim", "announce", "report", "write", "argue", "declare", "believe", "think", "note",
          "tell", "insist", "assert", "suggest"}
_NLP = []


def _nlp():
    if not _NLP:
        from pipeline.nlp import get_nlp
        _NLP.append(get_nlp())
    return _NLP[0]


def hint(m: dict) -> str:
    """A guess at why the trigger states no event, from the parse of its sentence."""
    sent, s0 = m["text"], int(m["start"])
    if not m.get("trigger_start"):
        return "no_trigger"
    a, b = int(m["trigger_start"]) - s0, int(m["trigger_end"]) - s0
    doc = _nlp()(sent)
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return "?"
    t = span.root
    if not any(x.tag_ in ("VBD", "VBZ", "VBP") or (x.tag_ == "MD") for x in doc) or "\n" not in sent and len(doc) < 6:
        return "heading"
    if sent[:a].count('"') % 2 or sent[:a].count("\u201c") > sent[:a].count("\u201d"):
        return "in_quotes"
    up = [t] + list(t.ancestors)
    for x in up:
        if any(c.dep_ == "neg" for c in x.children):
            return "negated"
        if any(c.tag_ == "MD" for c in x.children):
            return "modal"
    for x in up[1:]:
        if x.lemma_ in SAYING:
            return "reported"
    if t.pos_ in ("NOUN", "PROPN"):
        if t.dep_ in ("pobj",) and t.head.lower_ in ("after", "before", "following", "during", "since", "until"):
            return f"noun_after_{t.head.lower_}"
        if t.dep_ == "pobj":
            return f"noun_pobj_{t.head.lower_}"
        return f"noun_{t.dep_}"
    if t.dep_ in ("acl", "amod") or (t.tag_ == "VBN" and t.dep_ == "relcl" and not any(c.dep_.startswith("aux") for c in t.children)):
        return "participle_of_noun"
    if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return f"infinitive_{t.dep_}"
    if t.tag_ == "VBG":
        return f"gerund_{t.dep_}"
    if t.dep_ == "relcl":
        return "relative_clause"
    if t.dep_ in ("advcl",):
        return "adverbial_clause"
    if t.dep_ in ("ccomp", "xcomp"):
        return f"complement_{t.dep_}"
    if t.tag_ in ("VBD", "VBN") and t.dep_ in ("ROOT", "conj"):
        return "past_main"
    return f"{t.tag_}_{t.dep_}"


def main(argv=None) -> None:
    ap = dev_listing_parser(__doc__.split("\n")[0], "buckets whose rows to print ('all')")
    ap.add_argument("--all-rows", action="store_true", help="false/matched rows per hint, confidence, type (all rows)")
    ap.add_argument("--show-class", default="", help="with --all-rows: print every row of one class (hint=modal, type=blockade)")
    ap.add_argument("--no-parse", action="store_true", help="4_no_gold without the parse hint")
    args = ap.parse_args(argv)
    show, only = dev_listing_choice(args, BUCKETS)
    totals, by_type, by_lemma, by_hint, by_sub = (collections.Counter() for _ in range(5))
    per_split = {}
    class_rows = collections.defaultdict(lambda: [0, 0])     # (split, kind, value) -> [false, matched]
    for name in ("DEV", "FDEV", "FDEV2", "FDEV3", "FDEV4", "FDEV5", "FDEV6"):
        split = Split(args.out, name)
        if split.kept:
            continue
        events = {e["event_id"]: e for e in split.events}
        # trigger-paired: a maximum matching like the scorer's (same number of false rows) that first pairs a row
        # with the gold event whose quote holds its trigger, so the row left over is the one that tells no gold act
        row_gold = dict(split.trigger_paired())
        gold_row = {g: i for i, g in row_gold.items()}
        by_doc = collections.defaultdict(list)
        for gi, g in enumerate(split.gold):
            by_doc[g["doc"]].append(gi)
        # the other mentions a gold row lists in its note ("also: 1200-1260")
        also = {gi: [(int(a), int(b)) for a, b in re.findall(r"(\d+)\s*-\s*(\d+)", g.get("note", "").split("also:", 1)[1])]
                if "also:" in (g.get("note") or "") else [] for gi, g in enumerate(split.gold)}
        counts = collections.Counter()
        n_rows = 0
        for i, (item, row) in enumerate(zip(split.items, split.rows)):
            ms = [events[x] for x in row["event_ids"].split(";") if x in events]
            # every mention must be of a development document of this split (rows joining documents are skipped
            # when any mention is elsewhere)
            if not ms or any(doc_key(m["doc_id"]) not in split.docs for m in ms):
                continue
            n_rows += 1
            if args.all_rows:
                key = (name, "hint", "?" if args.no_parse else hint(ms[0]))
                class_rows[key][i in row_gold] += 1
                c = float(row["confidence"] or 0)
                class_rows[(name, "conf", f"{c:.2f}")][i in row_gold] += 1
                class_rows[(name, "type", item["event_type"])][i in row_gold] += 1
                if args.show_class and args.show_class in (f"hint={key[2]}", f"type={item['event_type']}", f"conf={c:.2f}"):
                    m = ms[0]
                    print(f"{'MATCHED' if i in row_gold else 'FALSE':<8} {doc_key(m['doc_id'])[:22]:<22} {item['event_type']:<11} "
                          f"{row['start_date']}..{row['end_date']} trig={m['trigger']!r} conf={row['confidence']} n={len(ms)}\n"
                          f"      {m['text'].strip()[:260]!r}")
            if i in row_gold:
                continue
            if only and not any(doc_key(m["doc_id"]) in only for m in ms):
                continue

            def in_quote(m, gi):
                g = split.gold[gi]
                if not m.get("trigger_start") or doc_key(m["doc_id"]) != g["doc"]:
                    return False
                t = int(m["trigger_start"])
                return any(a <= t < b for a, b in [(g["start"], g["end"])] + also[gi])

            def in_sentence(m, gi):
                g = split.gold[gi]
                return doc_key(m["doc_id"]) == g["doc"] and int(m["start"]) < g["end"] and g["start"] < int(m["end"])

            hits = [(m, gi) for m in ms for gi in by_doc[doc_key(m["doc_id"])] if in_quote(m, gi)]
            near = [(m, gi) for m in ms for gi in by_doc[doc_key(m["doc_id"])] if in_sentence(m, gi)]
            dup = [(m, gi) for m, gi in hits if gi in gold_row]
            free = [(m, gi) for m, gi in hits if gi not in gold_row]
            a, b = map(_day, item["interval"])
            m0 = (hits or near or [(ms[0], None)])[0][0]
            if dup:
                m, gi = dup[0]
                other = gold_row[gi]
                oms = [events[x] for x in split.rows[other]["event_ids"].split(";") if x in events]
                same = any(o["sentence_id"] == m["sentence_id"] for o in oms)
                bucket = "1_duplicate"
                sub = ("same_sentence" if same else "other_sentence") + \
                      ("" if split.items[other]["event_type"] == item["event_type"] else "_othertype")
                detail = (f"taker {split.items[other]['event_type']} {split.rows[other]['start_date']}.."
                          f"{split.rows[other]['end_date']} trig={[o['trigger'] for o in oms][:4]}")
                g = split.gold[gi]
            elif free:
                m, gi = free[0]
                g = split.gold[gi]
                ga, gb = map(_day, g["interval"])
                bucket = "2_wrong_date"
                if a is None or b is None:
                    sub = "no_date"
                elif a <= ga and b >= gb:
                    sub = "too_wide"
                elif b < ga or a > gb:
                    sub = "disjoint"
                else:
                    sub = "shifted"
                conf = float(m["confidence"] or 0)
                sub += "_carried" if conf < 0.5 else ("_own" if conf >= 0.65 else "_mid")
                detail = f"gold {g['event_type']} {g['start_date']}..{g['end_date']} conf={m['confidence']}"
            elif near:
                m, gi = near[0]
                g = split.gold[gi]
                bucket = "3_sentence_of_gold"
                sub = "gold_matched" if gi in gold_row else "gold_missed"
                detail = f"gold {g['event_type']} {g['start_date']}..{g['end_date']} trig={g['trigger']!r}"
            else:
                m, g = m0, None
                bucket = "4_no_gold"
                sub = "?" if args.no_parse else hint(m)
                detail = f"conf={m['confidence']}"
            counts[bucket] += 1
            lemma = (m["trigger"] or "").lower()
            by_type[(bucket, item["event_type"])] += 1
            by_lemma[(bucket, lemma)] += 1
            by_sub[(bucket, sub)] += 1
            if bucket in show:
                print(f"{bucket:<19} {sub:<26} {doc_key(m['doc_id'])[:22]:<22} {item['event_type']:<11} "
                      f"{row['start_date']}..{row['end_date']} trig={m['trigger']!r} n={len(ms)} {detail}\n"
                      f"      {m['text'].strip()[:260]!r}" + (f"\n      gold: {g['quote'][:160]!r}" if g else ""))
        per_split[name] = (n_rows, counts)
        totals += counts
    for name, (n_rows, counts) in per_split.items():
        print(f"{name:<5} rows {n_rows} false {sum(counts.values())}: " + " ".join(f"{b}={counts[b]}" for b in BUCKETS))
    if args.all_rows:
        for kind in ("conf", "type", "hint"):
            print(f"\nfalse/all rows by {kind} (DEV | FDEV)")
            vals = sorted({k[2] for k in class_rows if k[1] == kind}, key=lambda v: -sum(class_rows[(n, kind, v)][0] for n in per_split))
            for v in vals:
                print(f"  {v:<26} " + " | ".join(
                    f"{class_rows[(n, kind, v)][0]:>3}/{sum(class_rows[(n, kind, v)]):<4}" for n in per_split))
    for b in BUCKETS:
        print(f"\n{b} ({totals[b]})")
        print("  by kind:   " + ", ".join(f"{s} {n}" for (bb, s), n in by_sub.most_common() if bb == b))
        print("  by type:   " + ", ".join(f"{s} {n}" for (bb, s), n in by_type.most_common() if bb == b))
        print("  by trigger: " + ", ".join(f"{s} {n}" for (bb, s), n in by_lemma.most_common() if bb == b and n > 1))


if __name__ == "__main__":
    main()
