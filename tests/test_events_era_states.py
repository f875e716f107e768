"""A state a capital stands for acts, inside the dates it was part of a union the text names, as that union
(predecessor_states.tsv); a republic the text names itself is a side of its own."""
from pipeline import extract_text
from pipeline.entities.demonyms import predecessor_table


def actors(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return {(r.event_type, r.start_date[:4]): r.actors for r in ev.itertuples()}


def test_a_capital_inside_the_union_acts_as_the_union(nlp):
    got = actors("Czechoslovakia was a communist state. In October 1989, riot police arrested hundreds in Prague after "
                 "an unsanctioned demonstration.", nlp)
    assert got[("other", "1989")] == "czechoslovakia", got


def test_outside_the_dates_or_unnamed_union_the_capital_keeps_its_state(nlp):
    got = actors("Czechoslovakia split in 1993. In October 1995, riot police arrested hundreds in Prague.", nlp)
    assert got[("other", "1995")] == "czech-republic", got
    got = actors("In October 1989, riot police arrested hundreds in Prague.", nlp)
    assert got[("other", "1989")] == "czech-republic", got


def test_a_republic_the_text_names_is_its_own_side(nlp):
    got = actors("The Soviet Union sent troops. In February 1988, Armenia demanded the transfer of the region.", nlp)
    assert "armenia" in got[("other", "1988")].split(";"), got


def test_the_table_is_well_formed():
    table = predecessor_table()
    assert table["russia"][0][0] == "Soviet Union"
    assert all(lo < hi for rows in table.values() for _, lo, hi in rows)


def test_a_state_renamed_later_acts_under_its_name_of_the_time(nlp):
    # former_names.tsv: "Turkish forces" of 1915 in a text that names the Ottoman Empire are the Ottoman Empire's;
    # in 1974 they are Turkey's; a text that never names the Ottoman Empire keeps Turkey
    got = actors("The Ottoman Empire entered the war in 1914. In March 1915 Turkish forces attacked the British lines "
                 "near the canal. In 1974 Turkish forces landed in Cyprus.", nlp)
    assert got[("offensive", "1915")] == "ottoman-empire", got
    assert got[("offensive", "1974")] == "turkey", got
    got = actors("In March 1915 Turkish forces attacked the British lines near the canal.", nlp)
    assert got[("offensive", "1915")] == "turkey", got
