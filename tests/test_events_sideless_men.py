"""A man the text gives no side who fights a side is on the side the document sets against that one in its clashes."""
from pipeline import extract_text

WARS = "The Americans fought the British at Camden in August 1780. The Americans fought the British at Guilford in March 1781. "


def surrender_actors(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[(ev.event_type == "withdrawal") & (ev.trigger == "surrendered")].actors.tolist()


def test_a_man_who_attacked_one_side_is_of_its_usual_opponent(nlp):
    text = WARS + "In September 1777, General John Burgoyne attacked the Americans at Saratoga. Burgoyne surrendered on October 17, 1777."
    assert surrender_actors(text, nlp) == ["britain"]


def test_no_side_without_a_fight_or_with_two_sides_in_it(nlp):
    visited = WARS + "In September 1777, General John Burgoyne visited the Americans at Saratoga. Burgoyne surrendered on October 17, 1777."
    assert surrender_actors(visited, nlp) == [""]
    both = WARS + ("In September 1777, General John Burgoyne fought the Americans and the British at Saratoga. "
                   "Burgoyne surrendered on October 17, 1777.")
    assert surrender_actors(both, nlp) == [""]


def test_a_counted_group_is_no_man(nlp):
    text = WARS + ("In September 1777, some 200 Grey Wolves attacked the Americans at Saratoga. "
                   "On October 17, 1777, the Grey Wolves surrendered.")
    assert "britain" not in ";".join(surrender_actors(text, nlp))


def other_actors(text, nlp, trigger):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    return ev[(ev.event_type == "other") & (ev.trigger == trigger)].actors.tolist()


def test_his_acts_of_office_are_his_sides_but_his_death_stays_his(nlp):
    fought = WARS + "In September 1777, General John Burgoyne attacked the Americans at Saratoga. "
    assert other_actors(fought + "In June 1777, Burgoyne set off from Quebec.", nlp, "set") == ["britain"]
    assert other_actors(fought + "Burgoyne died on 4 August 1792.", nlp, "died") == ["john-burgoyne"]


def test_a_town_the_fight_names_is_no_side_he_fought(nlp):
    """ "they attacked Quebec City but were defeated by Carleton": the town is where they fought, not a second side."""
    text = WARS + ("In December 1775, the Americans attacked Albany but were defeated by General Guy Carleton. "
                   "Carleton surrendered on October 17, 1777.")
    assert surrender_actors(text, nlp) == ["britain"]
