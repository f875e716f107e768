"""Temporal expressions: detection rules (rules.jsonl), lexicon (lexicon.json), normalization, resolution."""
