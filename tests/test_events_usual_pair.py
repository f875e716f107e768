"""A clash the text names no side of takes the document's usual pair of opponents only where that pair acts in
the clash's paragraph (extract.py _usual_pair)."""
from pipeline import extract_text

WAR = ("In May 1700 Sweden fought Denmark at Arden. In June 1700 Swedish and Danish troops clashed near Holt. "
       "In July 1700 Sweden and Denmark fought at Marn.\n")
BATTLE = "On 3 September 1700 a force of 200 militia was utterly defeated at the Battle of Kessel."


def _clash_actors(text, nlp):
    ev = extract_text(text, doc_id="ex", nlp=nlp)["events"]
    hit = ev[(ev.event_type == "clash") & (ev.start_date == "1700-09-03")]
    assert len(hit)
    return set(";".join(hit.actors).split(";")) - {""}


def test_usual_pair_in_its_paragraph(nlp):
    assert _clash_actors(WAR + "In August 1700 Sweden fought Denmark at Ulm. " + BATTLE, nlp) == {"sweden", "denmark"}


def test_no_usual_pair_where_the_paragraph_names_neither(nlp):
    assert _clash_actors(WAR + BATTLE, nlp) == set()
