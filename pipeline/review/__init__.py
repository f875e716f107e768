"""Review of extracted tables: the review page, reviewer decisions, a terminal summary.

- `pipeline.review.page.write_review(out_dir, raw_dir=None, manifest=None) -> Path`
- `pipeline.review.decisions.apply_decisions(tables, decisions_path) -> (tables, stale)`
- `pipeline.review.summary.summary_text(out_dir) -> str`

Nothing here imports spaCy or Prefect: the review works from the CSV tables alone.
"""
