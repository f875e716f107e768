"""Chronicle grouping across texts: two texts tell one event only when they name a common actor."""
from pipeline.events.chronicle import assign_event_keys


def _mention(eid, doc, start, trigger, text, actors="", conf=0.9):
    return {"event_id": eid, "doc_id": doc, "sentence_id": f"{doc}:s{start}", "start": start, "end": start + len(text),
            "trigger": trigger, "trigger_start": start + text.find(trigger), "event_type": "other",
            "start_date": "2015-01-01", "end_date": "2015-12-31", "actors": actors, "participants": actors,
            "locations": "", "period_id": "", "confidence": conf, "text": text, "summary": text}


def test_a_word_in_common_and_a_mention_naming_no_one_do_not_join_two_histories():
    # two country backgrounds, one year: "came" in both and a mention naming no one in one of them
    events = [_mention("a1", "country-a", 10, "came", "In 2015, a new coalition government came to power.", "coalition-a"),
              _mention("a2", "country-a", 90, "reforms", "However, implementation of these reforms was uneven.", "",
                       conf=0.35),
              _mention("b1", "country-b", 10, "came", "The new constitution came into effect in 2015.", "country-b")]
    assign_event_keys(events)
    keys = {e["event_id"]: e["event_key"] for e in events}
    assert keys["a1"] != keys["b1"]
    assert keys["a2"] != keys["b1"]


def test_two_texts_naming_one_actor_tell_one_event():
    events = [_mention("a1", "text-a", 10, "came", "In 2015 the new constitution came into force.", "country-b"),
              _mention("b1", "text-b", 10, "came", "The new constitution came into effect in 2015.", "country-b")]
    assign_event_keys(events)
    assert events[0]["event_key"] == events[1]["event_key"]
