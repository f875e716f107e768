"""Static parts of the review page (kept in Python so they ship with the package)."""

HTML_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Chronicle review</title>
"""

HTML_BODY = """<body>
<header>
  <h1>Chronicle review</h1>
  <label class="docpick">Document <select id="doc-select"></select></label>
  <span id="legend" aria-label="layers"></span>
  <span id="run-info"></span>
  <span class="spacer"></span>
  <span id="decision-count"></span>
  <button id="export" type="button" title="Download every decision as review/decisions.csv">Export decisions.csv</button>
</header>
<div id="warnings"></div>
<details id="timeline-wrap" open>
  <summary class="section-title">Events timeline <small>one mark per dated event &middot; click a mark for its evidence &middot; drag to zoom, double-click to reset</small></summary>
  <div id="timeline-box"><svg id="timeline" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="events timeline"></svg></div>
</details>
<main>
  <section id="doc-pane"><div id="doc-meta"></div><div id="doc-text" class="doc"></div></section>
  <section id="panel-pane">
    <nav id="tabs"></nav>
    <div id="panel-tools"><input id="filter" type="search" placeholder="Filter rows (any column)&hellip;" autocomplete="off"> <span id="row-count"></span></div>
    <div id="panel"></div>
  </section>
</main>
<div id="inspector" hidden></div>
<noscript><p class="noscript">This review page needs JavaScript.</p></noscript>
"""

CSS = r"""
:root{--mentions:#d3e5ff;--mentions-b:#3b7dd8;--dates:#cdf2c6;--dates-b:#2b8a3e;--quantities:#ffe1b8;
--quantities-b:#e8590c;--events:#7048e8;--events-bg:rgba(112,72,232,.09);--sel:#fff3bf}
*{box-sizing:border-box}
html,body{height:100%}
body{margin:0;display:flex;flex-direction:column;height:100vh;overflow:hidden;
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1f;background:#f4f5f7}
header{display:flex;gap:14px;align-items:center;flex-wrap:wrap;padding:6px 14px;background:#fff;border-bottom:1px solid #d9dbe0}
h1{font-size:16px;margin:0 4px 0 0;letter-spacing:.2px}
.spacer{flex:1}
button{font:inherit;font-size:12.5px;padding:3px 9px;border:1px solid #b8bcc6;border-radius:4px;background:#f8f9fb;cursor:pointer}
button:hover{background:#eef0f4}
#export{background:#1c7ed6;color:#fff;border-color:#1971c2}
#export:hover{background:#1971c2}
select,input{font:inherit;font-size:13px}
#legend{display:flex;gap:10px;font-size:12.5px}
#legend label{display:flex;gap:4px;align-items:center;cursor:pointer}
.swatch{display:inline-block;width:14px;height:12px;border-radius:2px;vertical-align:middle}
.sw-mentions{background:var(--mentions);box-shadow:inset 0 -2px var(--mentions-b)}
.sw-dates{background:var(--dates);box-shadow:inset 0 -2px var(--dates-b)}
.sw-quantities{background:var(--quantities);box-shadow:inset 0 -2px var(--quantities-b)}
.sw-events{background:var(--events-bg);border-bottom:2px solid var(--events)}
#run-info{font-size:12.5px;color:#555}
.badge{display:inline-block;font-size:11px;line-height:16px;padding:0 5px;border-radius:8px;margin-right:3px;white-space:nowrap}
.b-added{background:#d3f9d8;color:#2b8a3e}.b-changed{background:#fff3bf;color:#9c6500}.b-removed{background:#ffe3e3;color:#c92a2a}
.b-accepted{background:#d3f9d8;color:#2b8a3e}.b-rejected{background:#ffe3e3;color:#c92a2a}.b-fixed{background:#e5dbff;color:#5f3dc4}
.b-bad{background:#fff0f6;color:#a61e4d}
#warnings{font-size:12.5px}
#warnings>div{padding:4px 14px;background:#fff9db;border-bottom:1px solid #f0e0a0}
#timeline-wrap{background:#fff;border-bottom:1px solid #d9dbe0;padding:3px 14px 2px}
.section-title{font-weight:600;font-size:12.5px;cursor:pointer}.section-title small{font-weight:400;color:#666;margin-left:6px}
#timeline{display:block;width:100%;user-select:none}
#timeline .lane-label{font-size:10.5px;fill:#444}
#timeline .lane{stroke:#eceef2}
#timeline .tick line{stroke:#d0d3da}#timeline .tick text{font-size:10px;fill:#555}
#timeline .tl-mark{cursor:pointer}
#timeline .tl-mark:hover circle{stroke:#111;stroke-width:1.5}
#timeline .tl-mark.sel circle{stroke:#000;stroke-width:2.5}
#timeline .tl-mark.diff-added circle{stroke:#2b8a3e;stroke-width:2}
#timeline .tl-ranges{pointer-events:none}
#timeline .brush{fill:rgba(28,126,214,.15);stroke:#1c7ed6}
#timeline .empty{font-size:12px;fill:#777}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1.05fr) minmax(0,1fr)}
#doc-pane{overflow:auto;background:#fff;border-right:1px solid #d9dbe0;padding:10px 20px 40vh}
#doc-meta{font-size:12px;color:#666;margin-bottom:6px}
.doc{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.95 Georgia,"Times New Roman",serif;color:#222}
.missing{color:#a61e4d}
.hl{border-radius:2px;cursor:pointer}
.t-sentences{cursor:auto;border-radius:0}
.t-events{text-decoration:underline 2px var(--events);text-underline-offset:6px;text-decoration-skip-ink:none;background:var(--events-bg)}
.t-mentions{background:var(--mentions);box-shadow:inset 0 -2px var(--mentions-b)}
.t-dates{background:var(--dates);box-shadow:inset 0 -2px var(--dates-b)}
.t-quantities{background:var(--quantities);box-shadow:inset 0 -2px var(--quantities-b)}
.hide-mentions .t-mentions,.hide-dates .t-dates,.hide-quantities .t-quantities{background:none;box-shadow:none}
.hide-events .t-events{background:none;text-decoration:none}
.hl.diff-added{outline:1.5px dashed #2b8a3e;outline-offset:1px}
.hl.diff-changed{outline:1.5px dashed #e67700;outline-offset:1px}
.hl.rev-rejected{opacity:.55;text-decoration:line-through 1.5px #c92a2a}
.t-sentences.current{background:#fff9db}
.hl.current{outline:2px solid #1d1d1f;outline-offset:1px}
.hl.flash{animation:flash 1.5s ease-out}
@keyframes flash{0%,35%{background:#ffd43b;box-shadow:0 0 0 3px #ffd43b}100%{}}
#panel-pane{display:flex;flex-direction:column;min-height:0;min-width:0}
#tabs{display:flex;gap:2px;padding:6px 8px 0;background:#f4f5f7;border-bottom:1px solid #d9dbe0;flex-wrap:wrap}
#tabs button{border-radius:5px 5px 0 0;border-bottom:none;background:#e9ebef}
#tabs button.active{background:#fff;font-weight:600;position:relative;top:1px}
#panel-tools{padding:5px 8px;background:#fff;display:flex;gap:10px;align-items:center;border-bottom:1px solid #e3e5e9}
#filter{flex:1;padding:3px 6px;border:1px solid #b8bcc6;border-radius:4px}
#row-count{font-size:12px;color:#666;white-space:nowrap}
#panel{overflow:auto;flex:1;background:#fff}
table.rows{border-collapse:collapse;width:100%;font-size:12.5px}
table.rows th{position:sticky;top:0;background:#f1f3f5;text-align:left;padding:4px 6px;border-bottom:1px solid #cfd3da;
cursor:pointer;white-space:nowrap;user-select:none;z-index:1}
table.rows th.sorted-asc::after{content:" \25B2";font-size:9px}table.rows th.sorted-desc::after{content:" \25BC";font-size:9px}
table.rows th.nosort{cursor:default}
table.rows td{padding:3px 6px;border-bottom:1px solid #eef0f3;max-width:22em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;vertical-align:top}
table.rows td.c-text{max-width:26em}
table.rows tr.row{cursor:pointer}
table.rows tr.row:hover{background:#f8f9fa}
table.rows tr.selected{background:var(--sel)!important}
table.rows tr.diff-added td:first-child{box-shadow:inset 3px 0 #2b8a3e}
table.rows tr.diff-changed td:first-child{box-shadow:inset 3px 0 #e67700}
table.rows tr.diff-removed{color:#999;text-decoration:line-through;cursor:default}
table.rows tr.rev-rejected td:not(.actions):not(.status){color:#999;text-decoration:line-through}
td.fixed-cell{color:#5f3dc4;font-weight:600}
td.actions{white-space:nowrap}
td.actions button{padding:0 6px;font-size:12px;margin-right:2px}
td.actions button.on-accept{background:#2b8a3e;color:#fff;border-color:#2b8a3e}
td.actions button.on-reject{background:#c92a2a;color:#fff;border-color:#c92a2a}
tr.editor td{background:#f8f0fc;white-space:normal;max-width:none}
tr.editor form{display:flex;flex-wrap:wrap;gap:6px;align-items:center;padding:4px 0}
tr.editor input[name=new_value]{width:16em}tr.editor input[name=note]{width:18em}
#inspector{position:fixed;left:12px;bottom:12px;max-width:min(640px,60vw);background:rgba(29,29,31,.93);color:#fff;
font-size:12px;padding:6px 9px;border-radius:6px;pointer-events:none;z-index:10}
#inspector div{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#inspector b{display:inline-block;min-width:70px}
.noscript{padding:20px}
details.stale{padding:4px 14px;background:#fff0f6}
details.stale li{font-size:12px}
"""

JS = r"""
(function () {
"use strict";
const D = JSON.parse(document.getElementById("review-data").textContent);
const CODES = D.treeTables;
const SPAN_TABLES = ["mentions", "dates", "quantities", "events"];
const LABEL = {mentions: "Mentions", dates: "Dates", quantities: "Quantities", events: "Events", sentences: "Sentences"};
const ONE = {mentions: "Entity", dates: "Date", quantities: "Quantity", events: "Event", sentences: "Sentence"};
const NUMERIC = new Set(["start", "end", "n_chars", "n_sentences", "n_mentions", "n_docs", "value_low",
  "value_high", "confidence", "table_index", "row", "col"]);
const DEC_COLS = ["table", "row_id", "text_sha1", "decision", "field", "new_value", "note", "decided_at"];
const STATUS = {accept: "accepted", reject: "rejected", fix: "fixed"};
const PALETTE = ["#e03131", "#2f9e44", "#1971c2", "#f08c00", "#9c36b5", "#0c8599", "#c2255c", "#5c940d",
  "#364fc7", "#e8590c", "#862e9c", "#087f5b", "#a61e4d", "#66a80f", "#1864ab", "#d9480f", "#5f3dc4", "#868e96"];
const $ = (id) => document.getElementById(id);
const SVGNS = "http://www.w3.org/2000/svg";

function h(tag, props) {
  const e = document.createElement(tag);
  if (props) for (const k of Object.keys(props)) {
    const v = props[k];
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k === "title") e.title = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k === "value") e.value = v;
    else e.setAttribute(k, v);
  }
  for (let a = 2; a < arguments.length; a++) {
    const c = arguments[a];
    if (c !== null && c !== undefined) e.append(c);          /* strings become Text nodes */
  }
  return e;
}
function s(tag, attrs, text) {
  const e = document.createElementNS(SVGNS, tag);
  if (attrs) for (const k of Object.keys(attrs)) e.setAttribute(k, attrs[k]);
  if (text !== undefined) e.textContent = text;
  return e;
}

/* ------------------------------------------------------------ tables */
const T = D.tables;
for (const name of Object.keys(T)) {
  const t = T[name];
  t.ci = {};
  t.columns.forEach((c, k) => { t.ci[c] = k; });
  t.hay = [];
}
function val(t, i, col) {
  const k = T[t].ci[col];
  return k === undefined ? null : T[t].rows[i][k];
}
function str(v) { return v === null || v === undefined ? "" : String(v); }
function rowId(t, i) { return str(val(t, i, T[t].idCol)); }
function fmtNum(v) {
  if (v === null || v === undefined || v === "") return "";
  return typeof v === "number" ? v.toLocaleString("en-US", {maximumFractionDigits: 6}) : String(v);
}
function range(a, b, f) {
  f = f || str;
  if (a === null || a === undefined || a === "") return "";
  return (b === null || b === undefined || b === "" || b === a) ? f(a) : f(a) + " \u2013 " + f(b);
}
function entityName(id) {
  const e = D.entities[id];
  return e && e[0] ? e[0] : id;
}
function idsToNames(v) { return str(v).split(";").filter(Boolean).map(entityName).join(", "); }
function tooltip(t, i) {
  const v = (c) => str(val(t, i, c));
  let out = "";
  if (t === "mentions") {
    out = (v("canonical") || entityName(v("entity_id"))) + " [" + v("label") + "] \u00b7 entity " + v("entity_id") +
      (v("source") ? " \u00b7 " + v("source") : "");
  } else if (t === "dates") {
    const r = range(v("start_date"), v("end_date"));
    out = (v("value") || "?") + " \u00b7 " + (r || "no calendar interval") + " \u00b7 " + v("kind") +
      (v("granularity") ? "/" + v("granularity") : "") + (v("mod") ? " \u00b7 mod " + v("mod") : "");
  } else if (t === "quantities") {
    out = range(val(t, i, "value_low"), val(t, i, "value_high"), fmtNum) + " " + v("unit") +
      (v("qualifier") ? " (" + v("qualifier") + ")" : "") + (v("counted") ? " \u00b7 " + v("counted") : "") +
      (v("category") ? " \u00b7 " + v("category") : "");
  } else if (t === "events") {
    out = (v("event_type") || "event") + " \u00b7 " + (range(v("start_date"), v("end_date")) || "undated") +
      (v("trigger") ? " \u00b7 trigger \u201c" + v("trigger") + "\u201d" : "") +
      (v("actors") ? " \u00b7 actors " + idsToNames(v("actors")) : "") +
      (v("locations") ? " \u00b7 at " + idsToNames(v("locations")) : "");
  } else if (t === "sentences") {
    out = v("sentence_id");
  }
  const d = T[t].diff[i];
  if (d) out += " \u00b7 " + d + " since last run" + (T[t].diffDetail[i] ? " (" + T[t].diffDetail[i] + ")" : "");
  const st = reviewStatus(t, i);
  if (st) out += " \u00b7 " + st;
  if (T[t].bad[i]) out += " \u00b7 \u26a0 " + T[t].bad[i];
  return out;
}

/* ------------------------------------------------------------ decisions */
let decisions = D.decisions.map((d) => Object.assign({origin: "file"}, d));
const STORE = "chronicle-review:" + D.storageKey;
const decKey = (d) => [d.table, d.row_id, d.decision, d.field, d.new_value, d.decided_at].join("\u0001");
const BASE = D.decisions.map(decKey).join("\u0002");
try {        /* work in progress survives a reload; a page made from a newer decisions file starts from it */
  const saved = JSON.parse(localStorage.getItem(STORE) || "null");
  if (saved && Array.isArray(saved.decisions)) {
    if (saved.base === BASE) decisions = saved.decisions;
    else {
      const have = new Set(decisions.map(decKey));
      for (const d of saved.decisions) if (d.origin === "page" && !have.has(decKey(d))) decisions.push(d);
    }
  }
} catch (e) { /* storage unavailable: decisions live until the page closes */ }
function persist() {
  try { localStorage.setItem(STORE, JSON.stringify({base: BASE, decisions: decisions})); } catch (e) { /* ignore */ }
}
function rowDecisions(t, i) {
  const id = rowId(t, i);
  return decisions.filter((d) => d.table === t && d.row_id === id);
}
function sortedByTime(list) {
  return list.map((d, k) => [d, k]).sort((a, b) => (a[0].decided_at || "").localeCompare(b[0].decided_at || "") || a[1] - b[1]).map((x) => x[0]);
}
function reviewStatus(t, i) {
  let st = "";
  for (const d of sortedByTime(rowDecisions(t, i))) {
    if (d.stale) continue;
    if (d.decision === "fix") { if (!st) st = "fixed"; } else if (STATUS[d.decision]) st = STATUS[d.decision];
  }
  return st || str(val(t, i, "review_status"));
}
function fixes(t, i) {
  const out = {};
  for (const d of sortedByTime(rowDecisions(t, i))) if (d.decision === "fix" && !d.stale) out[d.field] = d;
  return out;
}
function now() { return new Date().toISOString().replace(/\.\d{3}Z$/, "Z"); }
function decide(t, i, kind, field, value, note) {
  const id = rowId(t, i);
  const same = (d) => d.table === t && d.row_id === id;
  if (kind === "accept" || kind === "reject") {
    const cur = reviewStatus(t, i);
    decisions = decisions.filter((d) => !(same(d) && (d.decision === "accept" || d.decision === "reject")));
    if (cur === STATUS[kind] && !note) { afterDecision(t, i); return; }      /* toggled off */
  } else {
    decisions = decisions.filter((d) => !(same(d) && d.decision === "fix" && d.field === field));
  }
  decisions.push({table: t, row_id: id, text_sha1: T[t].sha1[i], decision: kind, field: field || "",
    new_value: value === undefined || value === null ? "" : String(value), note: note || "", decided_at: now(), origin: "page", stale: ""});
  afterDecision(t, i);
}
function afterDecision(t, i) {
  persist();
  updateDecisionCount();
  const tr = document.querySelector('#panel tr.row[data-t="' + t + '"][data-i="' + i + '"]');
  if (tr) {
    const sel = tr.classList.contains("selected");
    const fresh = makeRow(t, i);
    if (sel) fresh.classList.add("selected");
    tr.replaceWith(fresh);
  }
  for (const el of spanEls.get(t + ":" + i) || []) {
    el.classList.toggle("rev-rejected", reviewStatus(t, i) === "rejected");
    if (t !== "sentences") el.title = ONE[t] + ": " + tooltip(t, i);
  }
}
function csvCell(v) {
  v = str(v);
  return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
}
function decisionsCsv() {
  const lines = [DEC_COLS.join(",")];
  for (const d of sortedByTime(decisions)) {
    lines.push(DEC_COLS.map((c) => {
      let v = str(d[c]);
      const numeric = c === "new_value" && NUMERIC.has(d.field);
      if ((c === "new_value" || c === "note") && !numeric && /^[=+\-@\t\r]/.test(v)) v = "'" + v;  /* spreadsheet guard */
      return csvCell(v);
    }).join(","));
  }
  return lines.join("\n") + "\n";
}
function exportDecisions() {
  const blob = new Blob([decisionsCsv()], {type: "text/csv;charset=utf-8"});
  const url = URL.createObjectURL(blob);
  const a = h("a", {href: url, download: "decisions.csv"});
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
function updateDecisionCount() {
  const n = decisions.length, nNew = decisions.filter((d) => d.origin === "page").length;
  const nStale = decisions.filter((d) => d.stale).length;
  $("decision-count").textContent = n ? n + " decision" + (n === 1 ? "" : "s") + (nNew ? " (" + nNew + " new)" : "") +
    (nStale ? ", " + nStale + " stale" : "") : "no decisions yet";
}

/* ------------------------------------------------------------ document text */
const state = {doc: 0, tab: null, sort: {}, filter: {}, sel: null, zoom: null, editor: null};
const spanEls = new Map();
function build(parent, nodes, s0, e0, text) {
  let pos = s0;
  for (const n of nodes) {
    const st = n[0], en = n[1], t = CODES[n[2]], i = n[3];
    if (st > pos) parent.append(text.slice(pos, st));
    const el = document.createElement("span");
    let cls = "hl t-" + t;
    if (n[4]) cls += " frag";
    if (T[t].diff[i]) cls += " diff-" + T[t].diff[i];
    if (reviewStatus(t, i) === "rejected") cls += " rev-rejected";
    el.className = cls;
    el.dataset.t = t;
    el.dataset.i = i;
    if (t !== "sentences") el.title = ONE[t] + ": " + tooltip(t, i);
    if (n[5]) build(el, n[5], st, en, text); else el.append(text.slice(st, en));
    parent.append(el);
    const key = t + ":" + i;
    if (!spanEls.has(key)) spanEls.set(key, []);
    spanEls.get(key).push(el);
    pos = en;
  }
  if (pos < e0) parent.append(text.slice(pos, e0));
}
function renderDoc(di) {
  state.doc = di;
  const d = D.docs[di];
  const box = $("doc-text");
  box.replaceChildren();
  spanEls.clear();
  const meta = $("doc-meta");
  meta.replaceChildren();
  if (!d) { box.append(h("p", {class: "missing", text: "No documents in this output folder."})); return; }
  meta.append(h("b", {text: d.title}), " \u00b7 " + d.source + (d.text !== null ? " \u00b7 " + d.nChars.toLocaleString("en-US") + " characters" : ""));
  for (const w of d.warnings) meta.append(h("div", {class: "missing", text: "\u26a0 " + w}));
  if (d.text === null) { box.append(h("p", {class: "missing", text: "The document text is not available."})); return; }
  const frag = document.createDocumentFragment();
  build(frag, d.tree, 0, d.text.length, d.text);
  box.append(frag);
}
function hlAncestors(target) {
  const out = [];
  for (let el = target; el && el !== $("doc-text"); el = el.parentElement) {
    if (el.classList && el.classList.contains("hl")) out.push(el);
  }
  return out;
}
function onTextClick(ev) {
  const chain = hlAncestors(ev.target).filter((el) => el.dataset.t !== "sentences");
  if (!chain.length) return;
  const t = chain[0].dataset.t;
  const same = chain.filter((el) => el.dataset.t === t).map((el) => +el.dataset.i);
  selectRows(t, Array.from(new Set(same)), {from: "text"});
}
function onTextHover(ev) {
  const ins = $("inspector");
  const chain = hlAncestors(ev.target).filter((el) => el.dataset.t !== "sentences");
  if (!chain.length) { ins.hidden = true; return; }
  ins.replaceChildren();
  for (const el of chain) {
    const t = el.dataset.t, i = +el.dataset.i;
    ins.append(h("div", null, h("b", {text: ONE[t]}), " " + tooltip(t, i)));
  }
  ins.hidden = false;
}

/* ------------------------------------------------------------ selection */
let flashTimer = null;
function selectRows(t, idx, opts) {
  opts = opts || {};
  const i = idx[0];
  const di = T[t].doc[i];
  let redraw = false;
  if (di >= 0 && di !== state.doc) { $("doc-select").value = String(di); renderDoc(di); redraw = true; }
  if (state.tab !== t) { state.tab = t; redraw = true; }
  state.sel = {t: t, idx: idx};
  if (redraw) { renderTabs(); renderPanel(); }
  document.querySelectorAll("#doc-text .hl.current").forEach((e) => e.classList.remove("current"));
  const els = [];
  for (const k of idx) for (const el of spanEls.get(t + ":" + k) || []) els.push(el);
  document.querySelectorAll("#doc-text .hl.flash").forEach((e) => e.classList.remove("flash"));
  void document.body.offsetWidth;        /* restart the animation */
  for (const el of els) el.classList.add("current", "flash");
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => els.forEach((el) => el.classList.remove("flash")), 1600);
  if (opts.from !== "text" && els.length) els[0].scrollIntoView({block: "center", inline: "nearest"});
  let trs = markSelectedRows(t, idx);
  if (opts.from !== "panel" && trs.length < idx.length && state.filter[t]) {
    state.filter[t] = ""; $("filter").value = ""; renderPanel(); trs = markSelectedRows(t, idx);
  }
  if (opts.from !== "panel" && trs[0]) trs[0].scrollIntoView({block: "nearest"});
  document.querySelectorAll("#timeline .tl-mark.sel").forEach((m) => m.classList.remove("sel"));
  if (t === "events") for (const k of idx) {
    const m = document.querySelector('#timeline .tl-mark[data-i="' + k + '"]');
    if (m) m.classList.add("sel");
  }
}
function markSelectedRows(t, idx) {
  document.querySelectorAll("#panel tr.selected").forEach((tr) => tr.classList.remove("selected"));
  const out = [];
  for (const k of idx) {
    const tr = document.querySelector('#panel tr.row[data-t="' + t + '"][data-i="' + k + '"]');
    if (tr) { tr.classList.add("selected"); out.push(tr); }
  }
  return out;
}

/* ------------------------------------------------------------ panels */
function docRows(t) {
  const out = [];
  const docs = T[t].doc;
  for (let i = 0; i < docs.length; i++) if (docs[i] === state.doc) out.push(i);
  return out;
}
function hay(t, i) {
  if (T[t].hay[i] === undefined) T[t].hay[i] = T[t].rows[i].map(str).join("\u0001").toLowerCase() + "\u0001" + T[t].diff[i];
  return T[t].hay[i];
}
function renderTabs() {
  const nav = $("tabs");
  nav.replaceChildren();
  for (const t of D.panelTables) {
    const n = docRows(t).length;
    const b = h("button", {type: "button", class: t === state.tab ? "active" : "", dataset: {tab: t},
      onclick: () => { state.tab = t; state.editor = null; renderTabs(); renderPanel(); }},
      t !== "sentences" ? h("span", {class: "swatch sw-" + t}) : null, " " + LABEL[t] + " (" + n + ")");
    nav.append(b);
  }
  $("filter").value = state.filter[state.tab] || "";
}
function cmp(a, b) {
  const an = a === null || a === undefined || a === "", bn = b === null || b === undefined || b === "";
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, {numeric: true});
}
function makeRow(t, i) {
  const tb = T[t];
  const st = reviewStatus(t, i);
  const fx = fixes(t, i);
  const tr = h("tr", {class: "row" + (tb.diff[i] ? " diff-" + tb.diff[i] : "") + (st ? " rev-" + st : ""),
    dataset: {t: t, i: String(i), id: rowId(t, i)}});
  const status = h("td", {class: "status"});
  if (tb.diff[i]) status.append(h("span", {class: "badge b-" + tb.diff[i], text: tb.diff[i] === "added" ? "+ new" : "~ changed",
    title: tb.diffDetail[i] || (tb.diff[i] + " since the last run")}));
  if (st) status.append(h("span", {class: "badge b-" + st, text: st}));
  if (tb.bad[i]) status.append(h("span", {class: "badge b-bad", text: "\u26a0", title: tb.bad[i]}));
  tr.append(status);
  const mine = rowDecisions(t, i);
  const on = (k) => mine.some((d) => d.decision === k && !d.stale) && st === STATUS[k];
  tr.append(h("td", {class: "actions"},
    h("button", {type: "button", class: "accept" + (on("accept") ? " on-accept" : ""), title: "accept this row", text: "\u2713",
      onclick: (ev) => { ev.stopPropagation(); decide(t, i, "accept"); }}),
    h("button", {type: "button", class: "reject" + (on("reject") ? " on-reject" : ""), title: "reject this row (it stays, marked rejected)", text: "\u2717",
      onclick: (ev) => { ev.stopPropagation(); decide(t, i, "reject"); }}),
    h("button", {type: "button", class: "fix", title: "fix a field / add a note", text: "\u270e",
      onclick: (ev) => { ev.stopPropagation(); openEditor(t, i, tr); }})));
  for (const c of tb.display) {
    let v = val(t, i, c);
    const td = h("td", {class: "c-" + c});
    if (fx[c]) { td.className += " fixed-cell"; td.title = "fixed; was: " + str(v); v = fx[c].new_value; }
    else td.title = str(v);
    if (t === "sentences" && c === "text" && (v === null || v === "")) {
      const d = D.docs[tb.doc[i]];
      if (d && d.text !== null) v = d.text.slice(val(t, i, "start"), val(t, i, "end"));
    }
    td.textContent = (c === "value_low" || c === "value_high") && !fx[c] ? fmtNum(v) : str(v);
    tr.append(td);
  }
  tr.addEventListener("click", () => selectRows(t, [i], {from: "panel"}));
  return tr;
}
function openEditor(t, i, tr) {
  document.querySelectorAll("#panel tr.editor").forEach((e) => e.remove());
  const tb = T[t];
  const ncol = tb.display.length + 2;
  const field = h("select", {name: "field"});
  for (const c of tb.editable) field.append(h("option", {value: c, text: c}));
  const first = tb.display.find((c) => tb.editable.includes(c) && c !== "start" && c !== "text") || tb.editable[0];
  field.value = first;
  const value = h("input", {name: "new_value", type: "text", placeholder: "new value"});
  const note = h("input", {name: "note", type: "text", placeholder: "note (optional)"});
  const fill = () => { const f = fixes(t, i)[field.value]; value.value = f ? f.new_value : str(val(t, i, field.value)); };
  field.addEventListener("change", fill);
  fill();
  const close = () => edit.remove();
  const form = h("form", {onsubmit: (ev) => { ev.preventDefault(); decide(t, i, "fix", field.value, value.value, note.value); close(); }},
    h("b", {text: "Decision for " + rowId(t, i) + ":"}),
    h("label", null, "field ", field), h("label", null, "new value ", value), note,
    h("button", {type: "submit", class: "save-fix", text: "Save fix"}),
    h("button", {type: "button", text: "Accept with note", onclick: () => { decide(t, i, "accept", "", "", note.value); close(); }}),
    h("button", {type: "button", text: "Reject with note", onclick: () => { decide(t, i, "reject", "", "", note.value); close(); }}),
    h("button", {type: "button", text: "Cancel", onclick: close}));
  const edit = h("tr", {class: "editor"}, h("td", {colspan: String(ncol)}, form));
  edit.addEventListener("click", (ev) => ev.stopPropagation());
  tr.after(edit);
  value.focus();
}
function renderPanel() {
  const t = state.tab;
  const tb = T[t];
  const panel = $("panel");
  const q = (state.filter[t] || "").trim().toLowerCase();
  let idx = docRows(t);
  if (q) idx = idx.filter((i) => hay(t, i).includes(q));
  const so = state.sort[t];
  if (so) {
    const k = so.col === "status" ? null : tb.ci[so.col];
    idx.sort((a, b) => {
      const r = k === null ? cmp(tb.diff[a] + reviewStatus(t, a), tb.diff[b] + reviewStatus(t, b)) : cmp(tb.rows[a][k], tb.rows[b][k]);
      return so.dir * r || a - b;
    });
  }
  const table = h("table", {class: "rows", dataset: {table: t}});
  const head = h("tr");
  const th = (col, label, sortable) => {
    const e = h("th", {text: label, class: sortable ? "" : "nosort", dataset: {col: col}});
    if (so && so.col === col) e.classList.add(so.dir > 0 ? "sorted-asc" : "sorted-desc");
    if (sortable) e.addEventListener("click", () => {
      const cur = state.sort[t];
      state.sort[t] = cur && cur.col === col ? (cur.dir > 0 ? {col: col, dir: -1} : null) : {col: col, dir: 1};
      renderPanel();
    });
    return e;
  };
  head.append(th("status", "status", true), th("actions", "review", false));
  for (const c of tb.display) head.append(th(c, c, true));
  const body = h("tbody");
  const frag = document.createDocumentFragment();
  for (const i of idx) frag.append(makeRow(t, i));
  const docId = D.docs[state.doc] ? D.docs[state.doc].doc_id : "";
  let nRemoved = 0;
  for (const r of tb.removed) {
    if (r.doc_id && r.doc_id !== docId) continue;
    const cells = r.row.map(str);
    if (q && !(cells.join("\u0001").toLowerCase() + "\u0001removed\u0001" + r.id.toLowerCase()).includes(q)) continue;
    nRemoved++;
    const tr = h("tr", {class: "diff-removed", dataset: {id: r.id}, title: "removed since the last run: " + r.id},
      h("td", {class: "status"}, h("span", {class: "badge b-removed", text: "\u2212 removed"})), h("td"));
    for (const c of tb.display) tr.append(h("td", {text: str(r.row[tb.ci[c]]) || (c === "text" ? r.id : "")}));
    frag.append(tr);
  }
  body.append(frag);
  table.append(h("thead", null, head), body);
  panel.replaceChildren(table);
  $("row-count").textContent = idx.length + " of " + docRows(t).length + " rows" + (nRemoved ? " + " + nRemoved + " removed" : "");
  if (state.sel && state.sel.t === t) markSelectedRows(t, state.sel.idx);
}

/* ------------------------------------------------------------ timeline */
function dayNum(iso) {
  const m = /^(-?\d{1,4})-(\d{2})-(\d{2})$/.exec(str(iso));
  if (!m) return null;
  const d = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return isNaN(d) ? null : d / 86400000;
}
function typeColour(type) {
  let k = D.eventTypes.indexOf(type);
  if (k < 0) k = D.eventTypes.length;
  return PALETTE[k % PALETTE.length];
}
function scaleSegments(items, W, left, right) {
  /* one linear segment, or two when a few early outliers sit far from the rest (a broken axis) */
  if (state.zoom) return [{a: state.zoom[0], b: state.zoom[1], p0: left, p1: W - right}];
  let d0 = Infinity, d1 = -Infinity;
  for (const it of items) { d0 = Math.min(d0, it.a); d1 = Math.max(d1, it.b); }
  const pad = Math.max(30, (d1 - d0) * 0.02);
  const sorted = items.slice().sort((p, q) => p.a - q.a);
  let best = null, maxB = -Infinity;
  for (let k = 0; k + 1 < sorted.length; k++) {
    maxB = Math.max(maxB, sorted[k].b);
    const gap = sorted[k + 1].a - maxB;
    if (!best || gap > best.gap) best = {gap: gap, lo: maxB, hi: sorted[k + 1].a, nLeft: k + 1};
  }
  const w = W - left - right;
  if (best && best.gap > 0.4 * (d1 - d0) && best.nLeft <= Math.max(1, 0.1 * sorted.length) && w > 300) {
    const padL = Math.max(30, (best.lo - d0) * 0.05), padR = Math.max(30, (d1 - best.hi) * 0.02);
    const wl = Math.max(70, w * 0.1);
    return [{a: d0 - padL, b: best.lo + padL, p0: left, p1: left + wl},
      {a: best.hi - padR, b: d1 + padR, p0: left + wl + 16, p1: W - right}];
  }
  return [{a: d0 - pad, b: d1 + pad, p0: left, p1: W - right}];
}
function renderTimeline() {
  const svg = $("timeline");
  svg.replaceChildren();
  const ev = T.events;
  const items = [];
  for (let i = 0; i < ev.rows.length; i++) {
    const a = dayNum(val("events", i, "start_date"));
    if (a === null) continue;
    let b = dayNum(val("events", i, "end_date"));
    if (b === null || b < a) b = a;
    items.push({i: i, a: a, b: b, type: str(val("events", i, "event_type")) || "other"});
  }
  const W = Math.max(320, $("timeline-box").clientWidth || 900);
  if (!items.length) {
    svg.setAttribute("viewBox", "0 0 " + W + " 26"); svg.setAttribute("height", "26");
    svg.append(s("text", {x: 8, y: 17, class: "empty"}, ev.rows.length ? "No event has a start_date yet." : "No events extracted yet."));
    return;
  }
  const types = Array.from(new Set(items.map((x) => x.type))).sort((x, y) => {
    const ix = D.eventTypes.indexOf(x), iy = D.eventTypes.indexOf(y);
    return (ix < 0 ? 999 : ix) - (iy < 0 ? 999 : iy) || x.localeCompare(y);
  });
  const laneH = 13, top = 4, left = 96, right = 14, axisH = 18;
  const H = top + types.length * laneH + axisH;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  svg.setAttribute("height", String(H));
  const segs = scaleSegments(items, W, left, right);
  const d0 = segs[0].a, d1 = segs[segs.length - 1].b;
  const x = (d) => {
    let sg = segs[segs.length - 1];
    for (const c of segs) if (d <= c.b) { sg = c; break; }
    return sg.p0 + (d - sg.a) / (sg.b - sg.a) * (sg.p1 - sg.p0);
  };
  const inv = (px) => {
    let sg = segs[segs.length - 1];
    for (const c of segs) if (px <= c.p1) { sg = c; break; }
    return sg.a + (Math.max(sg.p0, px) - sg.p0) / (sg.p1 - sg.p0) * (sg.b - sg.a);
  };
  types.forEach((ty, k) => {
    const y = top + k * laneH + laneH / 2;
    svg.append(s("line", {class: "lane", x1: left, x2: W - right, y1: y, y2: y}));
    const lab = s("text", {class: "lane-label", x: left - 6, y: y + 3.5, "text-anchor": "end", fill: typeColour(ty)}, ty);
    svg.append(lab);
  });
  /* axis per segment: years, or months when zoomed in */
  const axisY = top + types.length * laneH + 2;
  const g = s("g", {class: "axis"});
  const tick = (px, label) => {
    const tk = s("g", {class: "tick"});
    tk.append(s("line", {x1: px, x2: px, y1: top, y2: axisY + 2}), s("text", {x: px, y: axisY + 13, "text-anchor": "middle"}, label));
    g.append(tk);
  };
  segs.forEach((sg, k) => {
    if (k > 0) {
      g.append(s("rect", {x: segs[k - 1].p1 + 2, y: top, width: Math.max(1, sg.p0 - segs[k - 1].p1 - 4), height: types.length * laneH, fill: "#f1f3f5"}));
    }
    const spanYears = (sg.b - sg.a) / 365.25;
    const maxTicks = Math.max(1, Math.floor((sg.p1 - sg.p0) / 58));
    const ya = new Date(sg.a * 86400000).getUTCFullYear(), yb = new Date(sg.b * 86400000).getUTCFullYear();
    const inside = (px) => px >= sg.p0 - 0.5 && px <= sg.p1 + 0.5;
    if (spanYears > 2.5) {
      const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000];
      const step = steps.find((st) => spanYears / st <= maxTicks) || 2000;
      for (let yr = Math.ceil(ya / step) * step; yr <= yb; yr += step) {
        const px = x(Date.UTC(yr, 0, 1) / 86400000);
        if (inside(px)) tick(px, String(yr));
      }
    } else {
      const months = Math.max(1, Math.round(spanYears * 12));
      const step = [1, 2, 3, 6, 12].find((st) => months / st <= maxTicks) || 12;
      const start = new Date(sg.a * 86400000);
      for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1; ; m += 1) {
        if (m % step) continue;
        const dd = Date.UTC(Math.floor(m / 12), m % 12, 1) / 86400000;
        if (dd > sg.b) break;
        tick(x(dd), Math.floor(m / 12) + "-" + String(m % 12 + 1).padStart(2, "0"));
      }
    }
  });
  svg.append(g);
  /* marks: one per dated event row (its interval, if any, drawn underneath in its own layer) */
  const seen = {};
  const buckets = {};
  for (const it of items) {
    const key = types.indexOf(it.type) + ":" + Math.round(x(it.a) / 4);
    (buckets[key] = buckets[key] || []).push(it.i);
  }
  const bars = s("g", {class: "tl-ranges"});
  svg.append(bars);
  for (const it of items) {
    if (state.zoom && (it.b < d0 || it.a > d1)) continue;
    const lane = types.indexOf(it.type);
    const key = lane + ":" + Math.round(x(it.a) / 4);
    const nth = seen[key] = (seen[key] || 0) + 1;
    const y = top + lane * laneH + laneH / 2 + [0, -3.5, 3.5][(nth - 1) % 3];
    const col = typeColour(it.type);
    const mk = s("g", {class: "tl-mark" + (T.events.diff[it.i] ? " diff-" + T.events.diff[it.i] : ""), "data-i": String(it.i)});
    const xa = Math.max(left, x(it.a)), xb = Math.min(W - right, x(it.b + 1));
    if (it.b > it.a && xb > xa) bars.append(s("rect", {class: "tl-range", "data-i": String(it.i), x: xa, y: y - 2.5, width: Math.max(1, xb - xa), height: 5, rx: 2, fill: col, "fill-opacity": 0.4}));
    mk.append(s("circle", {cx: xa, cy: y, r: 4.5, fill: col, "fill-opacity": 0.85}));
    const bucket = buckets[key];
    mk.append(s("title", null, ONE.events + ": " + tooltip("events", it.i) + "\n" + str(val("events", it.i, "text")).slice(0, 300) +
      (bucket.length > 1 ? "\n(" + bucket.length + " " + it.type + " events on this spot: a click selects them all)" : "")));
    mk.addEventListener("click", (e) => {
      e.stopPropagation();   /* the clicked event first, then the ones drawn on the same spot */
      selectRows("events", [it.i].concat(bucket.filter((k) => k !== it.i)), {from: "timeline"});
    });
    mk.addEventListener("mousedown", (e) => e.stopPropagation());
    if (state.sel && state.sel.t === "events" && state.sel.idx.includes(it.i)) mk.classList.add("sel");
    svg.append(mk);
  }
  /* drag to zoom */
  let dragX = null, brush = null;
  const px = (e) => { const r = svg.getBoundingClientRect(); return (e.clientX - r.left) * W / r.width; };
  svg.onmousedown = (e) => { if (e.button !== 0) return; dragX = px(e); brush = s("rect", {class: "brush", x: dragX, y: top, width: 0, height: types.length * laneH}); svg.append(brush); };
  svg.onmousemove = (e) => { if (dragX === null) return; const p = px(e); brush.setAttribute("x", Math.min(p, dragX)); brush.setAttribute("width", Math.abs(p - dragX)); };
  svg.onmouseup = (e) => {
    if (dragX === null) return;
    const p = px(e), a = Math.min(p, dragX), b = Math.max(p, dragX);
    dragX = null;
    if (b - a > 6) { state.zoom = [inv(a), inv(b)]; renderTimeline(); } else if (brush) brush.remove();
  };
  svg.onmouseleave = () => { dragX = null; if (brush) brush.remove(); };
  svg.ondblclick = () => { state.zoom = null; renderTimeline(); };
}

/* ------------------------------------------------------------ header, warnings */
function renderHeader() {
  const sel = $("doc-select");
  D.docs.forEach((d, k) => sel.append(h("option", {value: String(k), text: d.title + (d.title !== d.doc_id ? " (" + d.doc_id + ")" : "")})));
  sel.addEventListener("change", () => { state.editor = null; renderDoc(+sel.value); renderTabs(); renderPanel(); });
  const legend = $("legend");
  for (const t of SPAN_TABLES) {
    const cb = h("input", {type: "checkbox", checked: "checked", dataset: {layer: t}});
    cb.addEventListener("change", () => $("doc-text").classList.toggle("hide-" + t, !cb.checked));
    legend.append(h("label", {title: "show/hide " + LABEL[t].toLowerCase()}, cb, h("span", {class: "swatch sw-" + t}), LABEL[t]));
  }
  const info = $("run-info");
  const r = D.run;
  if (r && r.hasDiff) {
    let a = 0, c = 0, rm = 0;
    for (const t of CODES) if (r.counts[t]) { a += r.counts[t].added || 0; c += r.counts[t].changed || 0; rm += r.counts[t].removed || 0; }
    info.append("last run" + (r.started ? " " + r.started : "") + " (rows of the shown tables): ",
      h("span", {class: "badge b-added", text: "+" + a + " added"}), h("span", {class: "badge b-changed", text: "~" + c + " changed"}),
      h("span", {class: "badge b-removed", text: "\u2212" + rm + " removed"}));
    info.title = Object.keys(r.counts).map((t) => t + ": +" + (r.counts[t].added || 0) + " ~" + (r.counts[t].changed || 0) + " \u2212" + (r.counts[t].removed || 0)).join("\n");
  } else {
    info.textContent = r ? "last run (" + r.file + ") has no diff" : "no run diff available";
  }
  if (D.pipelineVersion) info.append(" \u00b7 pipeline " + D.pipelineVersion);
  const warn = $("warnings");
  for (const w of D.warnings) warn.append(h("div", {text: "\u26a0 " + w}));
  const stale = D.decisions.filter((d) => d.stale);
  if (stale.length) {
    const ul = h("ul");
    for (const d of stale) ul.append(h("li", {text: d.table + " " + d.row_id + " " + d.decision + (d.field ? " " + d.field + "=" + d.new_value : "") + ": " + d.stale}));
    warn.append(h("details", {class: "stale"}, h("summary", {text: stale.length + " stale decision(s) in " + (D.decisionsFile || "decisions.csv") + " (kept in the export)"}), ul));
  }
  $("export").addEventListener("click", exportDecisions);
  $("filter").addEventListener("input", (e) => { state.filter[state.tab] = e.target.value; renderPanel(); });
  const text = $("doc-text");
  text.addEventListener("click", onTextClick);
  text.addEventListener("mouseover", onTextHover);
  text.addEventListener("mouseleave", () => { $("inspector").hidden = true; });
}

renderHeader();
state.tab = D.panelTables.find((t) => T[t].rows.length) || D.panelTables[0];
renderDoc(0);
renderTabs();
renderPanel();
renderTimeline();
updateDecisionCount();
let resizeTimer = null;
window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(renderTimeline, 150); });
$("timeline-wrap").addEventListener("toggle", () => { if ($("timeline-wrap").open) renderTimeline(); });
window.chronicleReview = {data: D, selectRows: selectRows, decisionsCsv: decisionsCsv};
})();
"""
