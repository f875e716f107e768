"""Dated events: triggers (triggers.jsonl, spaCy Matcher patterns), date linking, arguments, grouping."""
