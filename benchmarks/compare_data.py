"""Readers for the corpora with groups and dates used by the comparison benchmarks.

* BBC News (Greene and Cunningham 2006), the training split in ``bbc_news_train/train.csv``:
  1,558 articles with their section (``category``). The file has mojibake ("Â£") and no line
  breaks: the text is repaired with ``ftfy.fix_text`` as the corpus reader would.
* PolNeAR (Newell, Margolin and Ruths 2018): 924 articles from seven US publishers with
  publication dates and titles (``metadata.tsv`` + ``{train,dev}/text/NAME.txt``).

Both are read from the shared data folder and never copied into the repository.
"""

from __future__ import annotations

import csv
import datetime as dt

from analysis.corpus import Document
from benchmarks.data import data_dir


def bbc_documents() -> list[Document]:
    """The BBC training articles as Documents with ``category`` metadata (undated)."""
    import ftfy

    path = data_dir() / "bbc_news_train" / "train.csv"
    docs = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=1):
            text = ftfy.fix_text(row["text"])
            docs.append(Document.from_text(text, id=f"bbc{i:04d}", source=f"{path}:{i + 1}",
                                           meta={"category": row["category"]}))
    return docs


def polnear_documents() -> list[Document]:
    """The PolNeAR articles as Documents with ``publisher``, ``date`` (a ``datetime.date``),
    ``author`` metadata and their titles, in the order of ``metadata.tsv``."""
    root = data_dir() / "polnear"
    docs = []
    with (root / "metadata.tsv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            path = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            text = path.read_text(encoding="utf-8")
            date = dt.date.fromisoformat(row["publication_date"])
            meta = {"publisher": row["publisher"], "date": date, "author": row["author"]}
            docs.append(Document.from_text(text, id=row["filename"], source=str(path),
                                           title=row["title"], meta=meta))
    return docs


def comparison_corpus(size: int = 2225) -> list[Document]:
    """``size`` articles for the comparison timing: every PolNeAR article (publisher, date)
    and BBC articles to fill up (publisher "bbc", section as ``category``, no date)."""
    polnear = polnear_documents()
    bbc = [Document(d.id, d.title, d.source, d.text, d.removed,
                    meta={**d.meta, "publisher": "bbc", "date": None}, info=d.info)
           for d in bbc_documents()]
    return (polnear + bbc)[:size]
