"""The columns of a table of documents: which holds the text, the id, the title and the date;
dates parsed; metadata values made plain.

A table (CSV, TSV, JSON lines, JSON, Parquet) or a Markdown front matter gives each document a
record: column name -> value. :class:`Columns` decides once per table which column is which
(by name, any case, or as the user named them) and turns each record into the parts of a
:class:`~analysis.corpus.model.Document`.

>>> cols = Columns.choose(["Headline", "Body", "Published", "outlet"], source="news.csv")
>>> cols.text, cols.title, cols.date, cols.meta
('Body', 'Headline', 'Published', ['outlet'])
>>> parse_date("Sep 12, 2016"), parse_date("2016-09-12T23:30:00-05:00")
(datetime.date(2016, 9, 12), datetime.date(2016, 9, 12))
"""

from __future__ import annotations

import datetime
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from analysis.corpus.base import InputError

__all__ = ["DATE_NAMES", "TEXT_NAMES", "TITLE_NAMES", "Columns", "date_from_name", "find_column",
           "meta_value", "parse_date"]

#: Names of a text column, in order of preference (compared lower-cased, with spaces and
#: hyphens read as underscores).
TEXT_NAMES = ("text", "content", "body", "article", "full_text", "story", "article_text",
              "body_text", "text_content", "fulltext")
#: Names of a title column, in order of preference.
TITLE_NAMES = ("title", "headline", "heading", "head", "article_title")
#: Names of a date column, in order of preference.
DATE_NAMES = ("date", "published", "publication_date", "pubdate", "pub_date", "publish_date",
              "published_date", "date_published", "published_at", "published_on", "datetime",
              "timestamp", "created", "created_at", "date_created", "datecreated")


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def find_column(columns: Sequence[str], names: Sequence[str]) -> str | None:
    """The first of ``names`` among ``columns``, compared lower-cased with spaces and hyphens
    read as underscores; the column's own spelling is returned.

    >>> find_column(["Outlet", "Publication Date"], DATE_NAMES)
    'Publication Date'
    """
    by_key: dict[str, str] = {}
    for c in columns:
        by_key.setdefault(_key(c), c)
    for name in names:
        if name in by_key:
            return by_key[name]
    return None


@dataclass(frozen=True)
class Columns:
    """Which column of a table is the ``text``, ``id`` (or None: row numbers), ``title``,
    ``date``, and which are ``meta`` (every other column, in table order)."""

    text: str
    id: str | None
    title: str | None
    date: str | None
    meta: list[str]

    @classmethod
    def choose(
        cls, columns: Sequence[str], *, source: str, text_column: str | None = None,
        id_column: str | None = None, date_column: str | None = None,
    ) -> Columns:
        """Decide the columns of a table with the given ``columns`` (names as in the file).

        The text column is ``text_column`` or the first of :data:`TEXT_NAMES` present (any
        case); ``id_column`` names the ids (else rows are numbered from 1); the title is the
        first of :data:`TITLE_NAMES`; the date ``date_column`` or the first of
        :data:`DATE_NAMES`. A named column that is missing, or no text column, raises
        :class:`InputError` naming ``source``, listing the columns and saying how to choose.

        >>> Columns.choose(["id", "category"], source="a.csv")
        Traceback (most recent call last):
        ...
        analysis.corpus.base.InputError: a.csv: no text column found: the columns are 'id', \
'category'; name the one holding the text with --text-column COL (load_corpus(..., \
text_column=COL)); recognised names: text, content, body, article, full_text, story, \
article_text, body_text, text_content, fulltext
        """
        columns = [str(c) for c in columns]
        shown = ", ".join(repr(c) for c in columns) or "(none)"
        for option, given in (("--text-column", text_column), ("--id-column", id_column),
                              ("--date-column", date_column)):
            if given is not None and given not in columns:
                raise InputError(source, f"{option} {given!r} is not a column: the columns are "
                                 f"{shown}")
        text = text_column or find_column(columns, TEXT_NAMES)
        if text is None:
            raise InputError(
                source, f"no text column found: the columns are {shown}; name the one holding "
                "the text with --text-column COL (load_corpus(..., text_column=COL)); "
                f"recognised names: {', '.join(TEXT_NAMES)}")
        rest = [c for c in columns if c not in (text, id_column)]
        title = find_column(rest, TITLE_NAMES)
        date = date_column or find_column([c for c in rest if c != title], DATE_NAMES)
        meta = [c for c in rest if c not in (title, date)]
        return cls(text, id_column, title, date, meta)


# --- dates ------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_EPOCH = re.compile(r"[+-]?\d{9,13}(?:\.\d+)?")


def parse_date(value: Any) -> datetime.date | None:
    """A date from a cell: a :class:`datetime.date` or ``datetime``, a Unix time in seconds or
    milliseconds (9 to 13 digits), or a string: ISO 8601 first (``2016-09-12``,
    ``2016-09-12T23:30:00Z``: the date as written, no time-zone conversion), then the forms
    python-dateutil reads (``12 September 2016``, ``Sep 12, 2016``, ``Mon, 12 Sep 2016
    10:00:00 GMT``; with slashes month first, ``03/04/2016`` = 4 March, unless the first number
    is over 12). A string without a year is not a date. Returns None for an empty cell;
    raises ``ValueError`` for anything else.

    >>> parse_date("12 September 2016"), parse_date("25/12/2015"), parse_date(1473638400)
    (datetime.date(2016, 9, 12), datetime.date(2015, 12, 25), datetime.date(2016, 9, 12))
    >>> parse_date("September 12")
    Traceback (most recent call last):
    ...
    ValueError: no year in 'September 12'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return _from_epoch(float(value), value)
    text = str(value).strip()
    if not text:
        return None
    if _EPOCH.fullmatch(text):
        return _from_epoch(float(text), text)
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if not _YEAR.search(text):
        raise ValueError(f"no year in {text!r}")
    from dateutil import parser

    try:
        first = parser.parse(text, default=datetime.datetime(2000, 1, 1))
        second = parser.parse(text, default=datetime.datetime(2001, 2, 2))
    except (ValueError, OverflowError) as e:
        raise ValueError(f"not a date: {text!r}") from e
    if first.year != second.year:
        raise ValueError(f"no year in {text!r}")
    return first.date()


#: A date in a file name: 2016-09-08, 2016_09_08 or 20160908, not inside a longer number.
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})([-_]?)(\d{2})\2(\d{2})(?!\d)")
#: The years a date in a file name may have.
NAME_YEARS = (1800, 2100)


def date_from_name(name: str) -> datetime.date | None:
    """The date a file name gives: ``YYYY-MM-DD``, ``YYYY_MM_DD`` or ``YYYYMMDD`` (not part of
    a longer number), a real calendar date with a year from 1800 to 2100. None when the name
    has no such date, or has two different ones (ambiguous).

    >>> date_from_name("usa-today_2016-09-08_debate-night.txt")
    datetime.date(2016, 9, 8)
    >>> date_from_name("20160908-story.md"), date_from_name("story_2016_09_08.html")
    (datetime.date(2016, 9, 8), datetime.date(2016, 9, 8))
    >>> date_from_name("id_123456789.txt"), date_from_name("2016-13-08.txt")
    (None, None)
    >>> date_from_name("2016-09-08_to_2016-09-09.txt") is None  # two dates: which one?
    True
    """
    found = set()
    for year, _, month, day in _NAME_DATE.findall(name):
        try:
            date = datetime.date(int(year), int(month), int(day))
        except ValueError:
            continue
        if NAME_YEARS[0] <= date.year <= NAME_YEARS[1]:
            found.add(date)
    return found.pop() if len(found) == 1 else None


def _from_epoch(seconds: float, shown: Any) -> datetime.date:
    if abs(seconds) >= 1e11:  # milliseconds
        seconds /= 1000
    if not 1e8 <= abs(seconds) < 1e11:
        raise ValueError(f"not a date: {shown!r}")
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC).date()


# --- metadata values --------------------------------------------------------------------------

#: Cell texts that exports write for "no value" (Python's None, SQL's NULL, pandas' NaN,
#: spreadsheets' N/A), read as missing in a metadata column, as pandas reads them by default.
MISSING_TEXTS = frozenset({"none", "null", "nan", "n/a", "na", "#n/a", "nil", "-nan"})


def meta_value(value: Any) -> Any:
    """A metadata value as a plain scalar: strings stripped (an empty string, or a text of
    :data:`MISSING_TEXTS` such as "None" or "NULL", is None), numbers and booleans kept (NaN is
    None), dates kept, lists and objects as JSON text.

    >>> meta_value("  BBC "), meta_value(""), meta_value("None"), meta_value(3)
    ('BBC', None, None, 3)
    >>> meta_value(["a", "b"])
    '["a", "b"]'
    """
    if value is None or isinstance(value, bool | int | str | datetime.date):
        if isinstance(value, str):
            value = value.strip()
            return None if not value or value.lower() in MISSING_TEXTS else value
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return meta_value(value.item())
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
