"""Same event, several mentions: event_key groups; the chronicle is one row per event_key."""
from __future__ import annotations

import bisect
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from ..structure import find_markers, render_residue
from ..time.calendar import day_number

SURE = 0.75                    # a mention this sure is dated by its own words
TOLD_APART_DAYS = 180          # ... and a date narrower than a year ("in late November") dates an act of its own
MAX_GROUP_SPAN_DAYS = 366      # a containing interval longer than this is too vague to merge on
MAX_LENT_ACTORS = 3            # a row takes other mentions' actors up to this many names in all


def _interval(e: dict):
    """(first day, last day) as day numbers, BC dates included (time/calendar.py); None when not dated."""
    a, b = day_number(e.get("start_date")), day_number(e.get("end_date"))
    return None if a is None or b is None else (a, b)


@lru_cache(maxsize=1)
def _function_words() -> frozenset:
    return frozenset(json.loads((Path(__file__).with_name("grouping.json")).read_text(encoding="utf-8"))["function_words"])


@lru_cache(maxsize=1)
def _bound_words() -> frozenset:
    return frozenset(json.loads((Path(__file__).with_name("grouping.json")).read_text(encoding="utf-8")).get("bound_words", []))


def dated_by_bound(e: dict) -> bool:
    """The mention's date is a bound, not the period of the act ("By June, the army had taken the city", "before the
    spring"): the word before the date in its sentence is a bound word (grouping.json)."""
    m = re.search(r":d(\d+)-\d+$", e.get("date_id") or "")
    try:
        at = int(m.group(1)) - int(e.get("start")) if m else -1
    except (TypeError, ValueError):
        return False
    if at < 0:
        return False
    before = re.findall(r"[a-z]+", (e.get("text") or "")[max(0, at - 12):at].lower())
    return bool(before) and before[-1] in _bound_words()


@lru_cache(maxsize=1)
def _families() -> dict:
    """The first five letters of an act word -> its family: words that name one act ("invaded", "invasion")."""
    fams = json.loads((Path(__file__).with_name("grouping.json")).read_text(encoding="utf-8")).get("act_families", [])
    return {w[:5]: n for n, fam in enumerate(fams) for w in fam}


def _clause(e: dict) -> str:
    return (e.get("summary") or e.get("text") or "").lower()


def acted_on(e: dict) -> set:
    """The content words of a mention's clause after its trigger: what the act was done to, where and how
    ("took the forts on the river" -> forts, river)."""
    clause = _clause(e)
    trig = (e.get("trigger") or "").lower()
    at = clause.find(trig) if trig else -1
    tail = clause[at + len(trig):] if at >= 0 else ""
    return set(re.findall(r"[a-z]{4,}", tail)) - _function_words()


def told_as_clause(e: dict) -> bool:
    """A mention whose trigger is the verb of a clause of its own ("Necker was fired", "Congress refused"), read from
    the parse features the re-ranker is given (rerank.candidate_features: the trigger's tag); a noun ("the
    offensive", "raids") more often names again an act told before. Without those features: no."""
    f = e.get("_features") or {}
    return bool(f.get("tag=VBD") or f.get("tag=VBN"))


def assign_event_keys(events: list[dict]) -> None:
    """Mentions of one real event share a key. Two steps, so that a vague mention never chains
    different days together: (1) same type and same interval with a shared actor; (2) a group with a
    wider interval (at most a year) joins the one finer group of its type nested in it that shares an
    actor, and stays apart when several would fit ("clashes in 2020" is not both 12 July and 27 September)."""
    parent = list(range(len(events)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    intervals = [_interval(e) for e in events]       # parsed once: corpora have tens of thousands
    # the entities each mention names in its roles (extract.py "participants"), else its actors
    actor_sets = [set(filter(None, (e.get("participants") or e.get("actors", "")).split(";"))) for e in events]
    same = defaultdict(list)
    for i, e in enumerate(events):
        if intervals[i] is not None:
            same[(e["event_type"], intervals[i])].append(i)
    def two_acts(i, j):
        """Two predicates of one sentence are two acts ("attacked ... and overran"), never one event."""
        a, b = events[i], events[j]
        return (a.get("sentence_id") == b.get("sentence_id") and a.get("trigger_start") not in (None, "")
                and b.get("trigger_start") not in (None, "") and a["trigger_start"] != b["trigger_start"])

    places = [set(filter(None, (e.get("locations") or "").split(";"))) for e in events]

    def period_apart(i, j):
        """Two acts dated only by the named period they happen in ("during the war") share its span and
        nothing more: they are one event only when told with the same word."""
        a, b = events[i], events[j]
        return ((a.get("period_id") or b.get("period_id")) and a.get("sentence_id") != b.get("sentence_id")
                and (a.get("trigger") or "").lower()[:5] != (b.get("trigger") or "").lower()[:5])

    def elsewhere(i, j):
        """Two mentions that each name where they happen, and no place in common, are two acts
        ("conquered Crete by the end of May", "invaded Syria and Lebanon" in May)."""
        return bool(places[i]) and bool(places[j]) and not places[i] & places[j]

    word = lambda e: (e.get("trigger") or "").lower()[:5]
    sure = lambda k: float(events[k].get("confidence") or 0) >= SURE
    clauses = [_clause(e) for e in events]           # read once, not once per pair compared
    acted = [acted_on(e) for e in events]

    def told_apart_sure(i, j):
        """Two mentions of one type and one period wider than a day, each dated by words of its own sentence and told
        with other words ("seized control of the south in 1940", "the capture of the port in 1940"; "landed ... in
        autumn 1915", "opened the campaigns of 1915"): two acts that share a month or a year, not one act told twice,
        which the same day, the same word (in the other's clause: "invaded and occupied the Baltic States in June",
        "the Baltic States were occupied in June") or the same place shows ("captured Athens in May", "entered Athens
        in May")."""
        a, b = intervals[i]
        if b == a or not (sure(i) and sure(j)) or events[i].get("sentence_id") == events[j].get("sentence_id"):
            return False
        return (word(events[i]) not in clauses[j] and word(events[j]) not in clauses[i]
                and not places[i] & places[j] and not acted[i] & acted[j])
    fam = _families()

    def told_as_one(i, j):
        """Evidence that two mentions tell one act: the same act word or one of its family, one's act word in the
        other's clause, a place or an acted-on word in common ("captured Athens" and "entered Athens" are one act;
        "opened overseas fronts" in one text and "took part in two battles" in another, both in 1915, are two)."""
        wi, wj = word(events[i]), word(events[j])
        if wi and wj and (wi == wj or wi in clauses[j] or wj in clauses[i] or fam.get(wi, -1) == fam.get(wj, -2)):
            return True
        return bool(places[i] & places[j] or acted[i] & acted[j])

    from .extract import types          # extract imports this module: import at call time
    floor = float(types().get("chronicle_min_confidence", 0.0))
    as_act = [told_as_clause(e) and float(e.get("confidence") or 0) >= floor for e in events]

    def needs_evidence(i, j, ri, rj):
        """One interval and a shared (or unnamed) actor are no evidence that two acts of the catch-all type 'other',
        told in two sentences of one text, are one ("The next year, Necker was appointed Director-General",
        "Necker was fired", both in 1777; "over 680 were arrested" after a demonstration): when each group holds
        a mention told as a clause of its own that stands by its own confidence (after re-ranking) above the
        chronicle's floor, they join only with evidence; a mention under the floor still rides in a row. Nor is it
        for two typed acts each told in a sentence of its own as a clause dated by its own words ("On 4 May the fleet
        shelled the harbour", "On 4 May aircraft bombed the rail yards"); a mention dated by its neighbour rides."""
        if events[i].get("sentence_id") == events[j].get("sentence_id"):
            return False
        if events[i]["event_type"] != "other":
            # a typed act: when each group holds a clause dated by words of its own sentence (SURE)
            return any(as_act[k] and sure(k) for k in members[ri]) and any(as_act[k] and sure(k) for k in members[rj])
        return any(as_act[k] for k in members[ri]) and any(as_act[k] for k in members[rj])

    def other_texts_apart(ms_a, ms_b):
        """Two groups told in different texts that each name who acted, and no name in common, are two events: a word
        in common is no evidence across texts, nor a mention naming no one that links them ("a new coalition government
        came to power in 2015" in one country's history, "the new constitution came into effect in 2015" in
        another's)."""
        if {events[k].get("doc_id") for k in ms_a} & {events[k].get("doc_id") for k in ms_b}:
            return False
        names_a = set().union(*(actor_sets[k] for k in ms_a))
        names_b = set().union(*(actor_sets[k] for k in ms_b))
        return bool(names_a) and bool(names_b) and not names_a & names_b

    # the members of each group so far: two predicates of one sentence never end up in one group through a
    # mention of another sentence (three named battles of one sentence each restating one earlier "defeated")
    members = {i: [i] for i in range(len(events))}
    for idx in same.values():
        for a_pos, i in enumerate(idx):
            # a restatement joins the mention with its own word first ("captured ... was captured")
            for j in sorted(idx[:a_pos], key=lambda j: word(events[j]) != word(events[i])):
                if two_acts(i, j) or elsewhere(i, j) or period_apart(i, j) or told_apart_sure(i, j):
                    continue
                ri, rj = find(i), find(j)
                if ri != rj and any(two_acts(a, b) for a in members[ri] for b in members[rj]):
                    continue
                if ri != rj and any(told_apart_sure(a, b) for a in members[ri] for b in members[rj]
                                    if intervals[a] == intervals[b]):
                    continue        # a chain through vaguer mentions never joins two acts told apart
                if ri != rj and (events[i].get("doc_id") != events[j].get("doc_id") or needs_evidence(i, j, ri, rj)) \
                        and not any(told_as_one(a, b) for a in members[ri] for b in members[rj]):
                    continue        # two texts, or two acts each told and shown: one act only with evidence
                if ri != rj and other_texts_apart(members[ri], members[rj]):
                    continue
                if not actor_sets[i] or not actor_sets[j] or actor_sets[i] & actor_sets[j]:
                    if ri != rj:
                        parent[ri] = rj
                        members[rj] += members.pop(ri)
                    break

    groups = defaultdict(list)
    for i in range(len(events)):
        if intervals[i] is not None:
            groups[find(i)].append(i)
    by_type = defaultdict(list)          # type -> [(interval, root, actors)] sorted by start
    for root, members in groups.items():
        actors = set().union(*(actor_sets[i] for i in members))
        where = set().union(*(places[i] for i in members))
        by_type[events[root]["event_type"]].append((intervals[root], root, actors, where))
    def told_apart(wide, fine):
        """Each dated by words of its own sentence, within a season, and told with other words ("the garrison had
        surrendered by 21 April" and "the army had collapsed by the end of April"; "captured the city in mid-June" and
        "had attacked the province by June"): two acts, not one act told once vaguely and once precisely, which
        names it with the same word ("attacked ... in November", "launched its attack on 26 November")."""
        own = lambda ms: {word(events[i]) for i in ms if float(events[i].get("confidence") or 0) >= SURE}
        a, b = own(wide), own(fine)
        return bool(a) and bool(b) and not a & b

    def year_apart(wide, fine):
        """Each told as a clause of its own and dated by words of its own sentence, the wider within a year ("removed
        the garrisons from the river outposts in 1779", "seized a merchant convoy in December 1779"): two acts of
        one year, not one act told once by its year and once by its month, unless the same word, place or object
        shows them to be one (told_as_one)."""
        if not (any(as_act[i] and sure(i) for i in wide) and any(as_act[j] and sure(j) for j in fine)):
            return False
        return not any(told_as_one(i, j) for i in wide for j in fine)

    def members_of(roots):
        return [j for r in roots for j in groups.get(r, ())]

    joined = defaultdict(list)           # root -> the members of the groups that joined it in this step
    for items in by_type.values():
        items.sort(key=lambda x: (x[0][0], x[0][1]))
        starts = [iv[0] for iv, _, _, _ in items]
        for (a, b), root, actors, where in items:
            if a == b or b - a > MAX_GROUP_SPAN_DAYS:
                continue
            lo = bisect.bisect_left(starts, a)
            fits = {find(r) for (c, d), r, acts, wh in items[lo:bisect.bisect_right(starts, b)]
                    if r != root and a <= c and d <= b and (c, d) != (a, b) and (not actors or not acts or actors & acts)
                    and (not where or not wh or where & wh)}
            fits.discard(find(root))
            # nor does it join a finer group with a mention of its own sentence that is another predicate
            # ("the Battle of the Hook (28-29 May 1953) ... the Battle of Pork Chop Hill (23 March - 16 July 1953)")
            if len(fits) == 1 and b - a < TOLD_APART_DAYS and told_apart(groups[root], members_of(fits)):
                continue
            if len(fits) == 1 and {events[i].get("doc_id") for i in groups[root]} != \
                    {events[j].get("doc_id") for j in members_of(fits)} and \
                    not any(told_as_one(i, j) for i in groups[root] for j in members_of(fits)):
                continue        # a vague mention of one text joins a finer one of another only with evidence
            if len(fits) == 1 and other_texts_apart(groups[root], members_of(fits)):
                continue
            if len(fits) == 1 and year_apart(groups[root], members_of(fits)):
                continue
            # ... nor one that another predicate of its sentence has joined already (two acts of one sentence, each
            # nested in one vaguer mention, stay two rows)
            if len(fits) == 1 and not any(two_acts(i, j) for i in groups[root] + joined[find(root)]
                                          for j in members_of(fits) + joined[next(iter(fits))]):
                target = fits.pop()
                joined[target] += groups[root] + joined.pop(find(root), [])
                parent[find(root)] = target

    _join_retold(events, intervals, places, find, parent, two_acts, fam, word, floor)

    final = defaultdict(list)
    for i in range(len(events)):
        final[find(i)].append(events[i])
    used = set()
    for members in sorted(final.values(), key=lambda ms: min((m.get("doc_id", ""), m["start"], m["event_id"]) for m in ms)):
        rep = representative(members)
        actor = (rep.get("actors") or rep.get("participants") or "-").split(";")[0]
        key = f"{rep['event_type']}:{rep['start_date']}:{rep['end_date']}:{actor}"
        if key in used:       # two acts of one type, day and side ("attacked ... and overran"): two keys
            key += f":{rep['doc_id']}@{rep.get('trigger_start') or rep['start']}"
        n, base = 1, key
        while key in used:       # never one key for two events told apart
            n += 1
            key = f"{base}#{n}"
        used.add(key)
        for m in members:
            m["event_key"] = key


def _join_retold(events, intervals, places, find, parent, two_acts, fam, word, floor) -> None:
    """An overview that tells an act again later: a chapter, a lead or an introduction sums up the acts by month or
    year ("In June they took the gunboats at the island", "they struck at the fort in August") and the narrative tells
    each again by its day ("On 3 June the major captured two gunboats off the island", "on 2 August he tried to take
    the fort"). The two tellings differ in date granularity and often in type or side, so the steps above keep them
    apart. A group dated by a month or a season (at most a year) joins the one finer group of its text nested in its
    period, told later in another paragraph, of its type or act family, that names a place it names: one row, the finer date.
    Evidence must be a named place, never the type alone, and one candidate only (two acts at one place in one month
    stay two rows)."""
    roots = defaultdict(list)
    for i in range(len(events)):
        if intervals[i] is not None:
            roots[find(i)].append(i)
    info = {}
    for r, ms in roots.items():
        narrow = min(ms, key=lambda k: (intervals[k][1] - intervals[k][0], k))
        info[r] = (intervals[narrow], {events[k]["event_type"] for k in ms} - {"other"},
                   {fam.get(word(events[k]), None) for k in ms} - {None},
                   set().union(*(places[k] for k in ms)), {events[k].get("sentence_id") for k in ms},
                   events[ms[0]].get("doc_id"))
    by_doc = defaultdict(list)
    for r, v in info.items():
        by_doc[v[5]].append(r)
    # where each text's paragraphs begin, read from the sentences that hold a mention (rerank features)
    para_starts = defaultdict(set)
    for e in events:
        if (e.get("_features") or {}).get("first_in_paragraph"):
            para_starts[e.get("doc_id")].add(int(e["start"]))
    first = {r: min(int(events[k]["start"]) for k in ms) for r, ms in roots.items()}
    later_paragraph = lambda doc, a0, b0: any(a0 < p <= b0 for p in para_starts[doc])
    for doc, rs in by_doc.items():
        # the widest first, so that a month joins its day before a year is looked at
        for r in sorted(rs, key=lambda r: -(info[r][0][1] - info[r][0][0])):
            (a, b), types_, fams, where, sents, _ = info[r]
            if a == b or b - a > MAX_GROUP_SPAN_DAYS or not where or find(r) != r:
                continue
            # an overview dates its acts by words of its own sentence ("In June they took ..."), and names the place
            told = [k for k in roots[r] if float(events[k].get("confidence") or 0) >= SURE and not dated_by_bound(events[k])]
            where = set().union(*(places[k] for k in told)) if told else set()
            if not where:
                continue
            fits = set()
            for s in rs:
                if s == r or find(s) != s:
                    continue
                (c, d), t2, f2, w2, s2, _ = info[s]
                if not (a <= c and d <= b and d - c < b - a) or sents & s2:
                    continue
                if not later_paragraph(doc, first[r], first[s]):
                    continue        # told again later, in a paragraph of its own
                if not (types_ & t2 or fams & f2) or not where & w2:
                    continue
                if max(float(events[k].get("confidence") or 0) for k in roots[s]) < floor:
                    continue        # the later telling stands in the chronicle by itself
                fits.add(s)
            if len(fits) != 1:
                continue
            target = fits.pop()
            if any(two_acts(i, j) for i in roots[r] for j in roots[target]):
                continue
            parent[r] = target
            roots[target] += roots.pop(r)
            (c, d), t2, f2, w2, s2, dd = info[target]
            info[target] = ((c, d), t2 | types_, f2 | fams, w2 | where, s2 | sents, dd)


def representative(members: list[dict]) -> dict:
    """The mention that lends the row its date, type and actors: the narrowest interval, then the surest; among
    mentions equal on both, one that names who acted ("the Americans withdrew" rather than "the withdrawal went on"),
    then the first told (a later sentence more often tells the act again, or another act, than the act itself)."""
    def width(e):
        iv = _interval(e)
        return iv[1] - iv[0] if iv else 10 ** 6
    return min(members, key=lambda e: (width(e), -float(e.get("confidence") or 0), not e.get("actors"), e["start_date"],
                                       e.get("doc_id") or "", int(e.get("start") or 0), e["event_id"]))


def clean_summary(text: str, limit: int = 240) -> str:
    cuts = sorted([(m.start, m.end) for m in find_markers(text)] + render_residue(text), reverse=True)
    for a, b in cuts:
        text = text[:a] + " " + text[b:]
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + "…"


def chronicle_rows(events: list[dict], entity_names: dict[str, str]) -> list[dict]:
    """One row per event_key. Keys whose every mention is a weak guess (e.g. dated only from another
    paragraph) stay in events.csv for review but are not in the briefing view."""
    from .extract import types          # extract imports this module: import at call time
    floor = float(types().get("chronicle_min_confidence", 0.0))
    groups = defaultdict(list)
    for e in events:
        groups[e["event_key"]].append(e)
    groups = {k: ms for k, ms in groups.items() if max(float(m.get("confidence") or 0) for m in ms) >= floor}
    rows = []
    for key, members in groups.items():
        rep = representative(members)
        names = lambda ids: ";".join(dict.fromkeys(entity_names.get(i, i) for i in filter(None, ids.split(";"))))
        # the representative mention's actors; those of other mentions when it names none, or when
        # two mentions agree on them, up to MAX_LENT_ACTORS in all: an act has its agent and, in a clash, the other
        # side; names gathered beyond that from the other mentions of a long group come from the other acts its
        # sentences tell ("the Assembly met", "the clergy took the oath", "Napoleon ended the period")
        counts = defaultdict(int)
        for m in members:
            for a in set(filter(None, m["actors"].split(";"))):
                counts[a] += 1
        actors = [a for a in filter(None, rep["actors"].split(";"))]
        room = max(MAX_LENT_ACTORS, len(actors))
        for m in members:
            for a in filter(None, m["actors"].split(";")):
                if a not in actors and len(actors) < room and (not rep["actors"] or counts[a] >= 2):
                    actors.append(a)
        rows.append({"event_key": key, "start_date": rep["start_date"], "end_date": rep["end_date"],
                     "event_type": rep["event_type"], "actors": names(";".join(actors[:6])),
                     "locations": names(rep["locations"]), "summary": clean_summary(rep.get("text", "")),
                     "n_mentions": len(members), "doc_ids": ";".join(sorted({m["doc_id"] for m in members})),
                     "event_ids": ";".join(sorted(m["event_id"] for m in members)),
                     "confidence": max(float(m.get("confidence") or 0) for m in members)})
    return rows
