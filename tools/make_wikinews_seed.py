"""Write ``seeds/wikinews.csv``: the 18 Wikinews articles of the shared GUM news documents.

Run from the repository::

    .venv/bin/python tools/make_wikinews_seed.py            # writes seeds/wikinews.csv
    .venv/bin/python tools/make_wikinews_seed.py --check    # exit 1 if the file differs

The articles' text is Wikinews's (CC BY 2.5, Wikinews contributors; each article's address is
in the ``url`` column); GUM's annotations (tokens, tags, entities, summaries) are not copied.
Columns: ``id`` (the GUM document name without ``GUM_news_``), ``title`` (``# meta::title``),
``date`` (``# meta::dateCreated``), ``url`` (``# meta::sourceURL``), ``section`` (one of
Wikinews's top-level categories, assigned by this project from each article's subject:
:data:`SECTIONS`), ``text``: the ``# text =`` lines joined with a blank line where a
``# newpar`` comment precedes the sentence and a single space otherwise, as the data
set's README says. The data are read from ``../shared/data`` beside the repository, or from
the folder named by ``NEWS_ANALYSIS_DATA``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "seeds" / "wikinews.csv"

#: Wikinews top-level category for each article, chosen by this project from its subject.
SECTIONS = {
    "afghan": "Science and technology",  # a girls' team at a robotics competition
    "asylum": "Politics and conflicts",  # asylum seekers rescued; governments asked to help
    "clock": "Crime and law",  # a student arrested over a home-made clock
    "crane": "Disasters and accidents",  # a crane collapse at the Grand Mosque
    "defector": "Crime and law",  # a Scientology defector arrested for theft
    "election": "Politics and conflicts",  # Hong Kong's legislative election
    "expo": "Culture and entertainment",  # Fan Expo Canada
    "flag": "Politics and conflicts",  # New Zealand's flag referendums
    "hackers": "Crime and law",  # an attack on the Church of Scientology's website
    "ie9": "Science and technology",  # Internet Explorer 6 and its successors
    "imprisoned": "Crime and law",  # a woman's claim of imprisonment by a church
    "korea": "Politics and conflicts",  # North Korea's military on a war footing
    "lanterns": "Culture and entertainment",  # Taipei's Lantern Festival
    "questionnaire": "Politics and conflicts",  # the UK's asylum process
    "soccer": "Sports",  # the 2018 FIFA World Cup
    "taxes": "Economy and business",  # Italian towns taxing religious schools
    "warhol": "Culture and entertainment",  # university exhibits of Warhol's photographs
    "worship": "Crime and law",  # a Greek court ruling on worship
}
COLUMNS = ["id", "title", "date", "url", "section", "text"]


def data_dir() -> Path:
    path = Path(os.environ.get("NEWS_ANALYSIS_DATA", REPO.parent / "shared" / "data"))
    folder = path / "ud_english_gum_news"
    if not folder.is_dir():
        raise SystemExit(f"{folder}: not found (set NEWS_ANALYSIS_DATA to the shared data folder)")
    return folder


def read_article(path: Path) -> dict[str, str]:
    """One article's columns from a GUM CoNLL-U file."""
    meta: dict[str, str] = {}
    parts: list[str] = []
    newpar = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::"):
            key, _, value = line[len("# meta::"):].partition(" = ")
            meta.setdefault(key, value)
        elif line == "# newpar" or line.startswith("# newpar "):
            newpar = True
        elif line.startswith("# text = "):
            if parts:
                parts.append("\n\n" if newpar else " ")
            parts.append(line[len("# text = "):])
            newpar = False
    name = path.stem.removeprefix("GUM_news_")
    return {"id": name, "title": meta["title"], "date": meta["dateCreated"],
            "url": meta["sourceURL"], "section": SECTIONS[name], "text": "".join(parts)}


def build() -> bytes:
    rows = [read_article(p) for p in sorted(data_dir().glob("GUM_news_*.conllu"))]
    missing = set(SECTIONS) - {r["id"] for r in rows}
    if missing:
        raise SystemExit(f"articles not found: {', '.join(sorted(missing))}")
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows, key=lambda r: r["id"]))
    return out.getvalue().encode("utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    data = build()
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        same = OUT.exists() and OUT.read_bytes() == data
        print(f"{OUT.name}: {'unchanged' if same else 'DIFFERS'} (sha256 {digest})")
        return 0 if same else 1
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data):,} bytes, sha256 {digest})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
