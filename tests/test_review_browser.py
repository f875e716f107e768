"""The review page in a real headless Chromium: escaping, clicks, timeline, decisions export.

Needs Debian's chromium at /usr/bin/chromium (or CHRONICLE_CHROMIUM): without it these tests
FAIL with a clear message rather than skip, because CI installs it.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from pipeline.review.decisions import apply_decisions
from pipeline.review.page import write_review
from review_fixture import build_output, span

CHROMIUM = os.environ.get("CHRONICLE_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
                    f"(apt-get install -y chromium) or set CHRONICLE_CHROMIUM to a Chromium binary", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:
        pytest.fail(f"the playwright python package is missing ({e}): pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def review(browser, tmp_path):
    out, tables = build_output(tmp_path)
    path = write_review(out)
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("request", lambda r: errors.append(f"network request: {r.url}") if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto(path.as_uri())
    page.wait_for_selector("#doc-text .hl")
    yield page, tables, errors, tmp_path
    context.close()


def row_locator(page, row_id):
    return page.locator(f'#panel tr.row[data-id="{row_id}"]')


def test_page_escapes_and_links_rows_spans_and_timeline(review):
    page, tables, errors, tmp_path = review
    # the <script> in the document is text, and never ran
    assert page.evaluate("typeof window.__pwned") == "undefined"
    script_span = page.locator("#doc-text .hl.t-mentions", has_text="<script>window.__pwned=1</script>")
    assert script_span.count() == 1
    assert script_span.evaluate("e => e.textContent") == "<script>window.__pwned=1</script>"
    assert "onerror" in script_span.get_attribute("title")        # the canonical, as plain text
    assert page.locator("#doc-text script, #doc-text img").count() == 0
    # every layer is drawn (sentences are present but not styled)
    for t, n in [("mentions", 3), ("dates", 3), ("quantities", 1), ("events", 4)]:
        assert page.locator(f"#doc-text .hl.t-{t}").count() == n, t
    date_title = page.locator('#doc-text .hl.t-dates').first.get_attribute("title")
    assert "2020-09-27" in date_title

    # clicking a table row flashes the right span
    page.locator('#tabs button[data-tab="dates"]').click()
    d = tables["dates"][2]                                  # the second "10 November 2020", inside an event
    row_locator(page, d["date_id"]).click()
    current = page.locator("#doc-text .hl.current")
    assert current.count() == 1
    assert current.evaluate("e => e.classList.contains('flash') && e.classList.contains('t-dates')")
    assert current.evaluate("e => e.textContent") == d["text"]
    s, _ = span(d["text"], 1)
    idx = current.get_attribute("data-i")
    assert page.evaluate(f"window.chronicleReview.data.tables.dates.rows[{idx}][3]") == s

    # events: the clause span is one element whose text is the row's text
    page.locator('#tabs button[data-tab="events"]').click()
    ev = tables["events"][1]
    row_locator(page, ev["event_id"]).click()
    current = page.locator("#doc-text .hl.current")
    assert current.count() == 1 and current.evaluate("e => e.textContent") == ev["text"]

    # clicking a span selects its row in the panel
    page.locator("#doc-text .hl.t-quantities").click()
    assert page.locator('#tabs button.active').get_attribute("data-tab") == "quantities"
    sel = page.locator("#panel tr.selected")
    assert sel.count() == 1 and sel.get_attribute("data-id") == tables["quantities"][0]["quantity_id"]

    # timeline: one mark per dated event; a click opens its evidence
    dated = [e for e in tables["events"] if e["start_date"]]
    marks = page.locator("#timeline .tl-mark")
    assert marks.count() == len(dated) == 3
    war = next(i for i, e in enumerate(sorted(tables["events"], key=lambda e: (e["start"], e["end"])))
               if e["event_type"] == "war_start")
    page.locator(f'#timeline .tl-mark[data-i="{war}"]').click()
    current = page.locator("#doc-text .hl.current")
    assert current.evaluate("e => e.textContent") == "The war began on 27 September 2020"
    assert page.locator('#tabs button.active').get_attribute("data-tab") == "events"

    # the last run's diff
    assert row_locator(page, tables["events"][1]["event_id"]).get_attribute("class").count("diff-added") == 1
    assert "diff-changed" in row_locator(page, tables["events"][0]["event_id"]).get_attribute("class")
    assert page.locator("#panel tr.diff-removed").count() == 1
    assert page.locator("#panel tr.diff-removed").inner_text().count("<b>gone</b>") == 1
    assert page.locator("#doc-text .hl.t-events.diff-added").count() == 1
    assert "+1 added" in page.locator("#run-info").inner_text()

    shot = Path(os.environ.get("REVIEW_SCREENSHOT") or tmp_path / "review.png")
    page.screenshot(path=str(shot))
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert errors == []


def test_sorting_and_filtering(review):
    page, tables, errors, _ = review
    page.locator('#tabs button[data-tab="mentions"]').click()
    texts = lambda: page.locator("#panel tr.row td.c-text").all_inner_texts()  # noqa: E731
    page.locator('#panel th[data-col="text"]').click()
    assert texts() == sorted(texts(), key=str.lower)
    page.locator('#panel th[data-col="text"]').click()
    assert texts() == sorted(texts(), key=str.lower, reverse=True)
    page.fill("#filter", "moscow")
    assert texts() == ["Moscow"]
    page.fill("#filter", "")
    assert len(texts()) == 3
    assert errors == []


def test_decisions_export_round_trip(review):
    page, tables, errors, tmp_path = review
    q = tables["quantities"][0]
    m = next(x for x in tables["mentions"] if x["text"] == "Moscow")
    d = tables["dates"][0]
    page.locator('#tabs button[data-tab="quantities"]').click()
    row_locator(page, q["quantity_id"]).locator("button.accept").click()
    assert "rev-accepted" in row_locator(page, q["quantity_id"]).get_attribute("class")
    page.locator('#tabs button[data-tab="mentions"]').click()
    row_locator(page, m["mention_id"]).locator("button.reject").click()
    assert page.locator("#doc-text .hl.t-mentions.rev-rejected").count() == 1
    page.locator('#tabs button[data-tab="dates"]').click()
    row_locator(page, d["date_id"]).locator("button.fix").click()
    form = page.locator("#panel tr.editor form")
    form.locator('select[name="field"]').select_option("end_date")
    form.locator('input[name="new_value"]').fill("2020-09-28")
    form.locator('input[name="note"]').fill("=the night, \"per\" source")
    form.locator("button.save-fix").click()
    assert "fixed-cell" in row_locator(page, d["date_id"]).locator("td.c-end_date").get_attribute("class")
    assert "3 decisions" in page.locator("#decision-count").inner_text()

    with page.expect_download() as dl:
        page.locator("#export").click()
    assert dl.value.suggested_filename == "decisions.csv"
    target = tmp_path / "review" / "decisions.csv"
    target.parent.mkdir()
    dl.value.save_as(target)
    with open(target, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["table", "row_id", "text_sha1", "decision", "field", "new_value", "note", "decided_at"]
    assert [(r["table"], r["decision"]) for r in rows] == [("quantities", "accept"), ("mentions", "reject"),
                                                          ("dates", "fix")]
    assert rows[2]["note"] == "'=the night, \"per\" source"          # spreadsheet guard on export
    out, stale = apply_decisions(tables, target)
    assert stale == []
    assert out["quantities"][0]["review_status"] == "accepted"
    assert next(x for x in out["mentions"] if x["mention_id"] == m["mention_id"])["review_status"] == "rejected"
    fixed = out["dates"][0]
    assert fixed["end_date"] == "2020-09-28" and fixed["original_end_date"] == "2020-09-27"

    # a page regenerated with that file starts from those decisions
    write_review(tmp_path / "extracted")
    page.reload()
    page.wait_for_selector("#doc-text .hl")
    assert "3 decisions" in page.locator("#decision-count").inner_text()
    assert errors == []
