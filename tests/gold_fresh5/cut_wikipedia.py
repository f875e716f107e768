"""Cuts N29-N32 from English Wikipedia articles as stored (plain text, 2019 dump) in the public repository
chinapedia/wikipedia.abstract.en at the commit below (CC BY-SA 3.0, Wikipedia contributors): the source line ranges
of each article, caption fragments ending in "]]" dropped, underscore italics removed, citation markers kept.

    python3 tests/gold_fresh5/cut_wikipedia.py /path/to/a/clone/of/chinapedia/wikipedia.abstract.en [FOLDER]

FOLDER (default: this script's folder) is a gold folder whose raw/ receives the cuts; a folder with its own
cuts.json ({"name": [page, [[first, last], ...]]}) takes its cuts from there (tests/gold_fresh6: N33-N36).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

REPO = sys.argv[1]
FOLDER = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent
OUT = FOLDER / "raw"
COMMIT = "4f3e897da088cbe89a4f1d4cba3fa2e439c3721b"
CUTS = {
    "N29_IrishCivilWar1922_1923": ("Irish_Civil_War", [(45, 66), (83, 131)]),
    "N30_FinnishCivilWar1918": ("Finnish_Civil_War", [(170, 222)]),
    "N31_KosovoWar1998_1999": ("Kosovo_War", [(142, 167), (174, 210)]),
    "N32_ContinuationWar1941_1944": ("Continuation_War", [(76, 95), (164, 182)]),
}
if (FOLDER / "cuts.json").exists():
    CUTS = json.loads((FOLDER / "cuts.json").read_text())
OUT.mkdir(parents=True, exist_ok=True)
for name, (page, ranges) in CUTS.items():
    text = subprocess.run(["git", "-C", REPO, "show", f"{COMMIT}:Page/{page}.md"], capture_output=True, text=True, check=True).stdout
    lines = text.split("\n")
    out = []
    for a, b in ranges:
        for line in lines[a - 1:b]:
            line = line.rstrip()
            if "]]" in line:
                line = line[line.rindex("]]") + 2:].lstrip()
            line = re.sub(r"^\S+\.(?:jpe?g|png|svg|gif)\s+", "", line, flags=re.I)   # an image's file name before its caption
            line = re.sub(r"(?<!\w)_([^_\n]+)_(?!\w)", r"\1", line)
            if line.strip():
                out.append(line)
    body = "\n\n".join(out) + "\n"
    (OUT / f"{name}.txt").write_text(body, encoding="utf-8")
    print(name, len(body.split()), "words")
