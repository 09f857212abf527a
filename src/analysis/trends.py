"""Over time: documents, term frequencies and tone per day, week, month or year.

Documents are placed in time by their ``date`` metadata (a ``datetime.date``, a datetime, a
pandas Timestamp or an ISO text; ``date`` names another column). Documents without a date are
*undated*: they are left out of every time table and counted apart (:func:`date_coverage`, and
``attrs["undated"]`` of each table), never silently dropped.

The bin is chosen from the span between the first and the last date (:func:`choose_unit`):
up to 14 days: **day**; up to 183 days (about six months): **week** (ISO weeks, from Monday);
up to 1,827 days (five years): **month**; longer: **year**. That gives 2 to about 60 bins, enough
to see a change and few enough that each bin holds some text. Every bin between the first and
the last date is listed, empty ones included (``documents`` 0), and every table shows the
number of documents in each bin: a spike from three articles is visibly three articles.

>>> import datetime as dt
>>> docs = [Document(f"d{i}", "t", "s", "Talks resumed.", meta={"date": dt.date(2016, m, 1)})
...         for i, m in enumerate((1, 1, 3))]
>>> over_time = documents_over_time(docs, unit="month")
>>> [(str(p.date()), n) for p, n in zip(over_time["period"], over_time["documents"])]
[('2016-01-01', 2), ('2016-02-01', 0), ('2016-03-01', 1)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis.corpus import Document  # noqa: F401 (used in the examples)
from analysis.frequency.counts import WORDS
from analysis.frequency.groups import _terms
from analysis.groups import BOOTSTRAP, TONE_COLUMNS, tone_table
from analysis.sentiment import sentence_table
from analysis.tables import SIZES, TableSpec, per_document, totals

__all__ = ["COVERAGE_COLUMNS", "UNITS", "choose_unit", "date_coverage", "document_dates",
           "documents_over_time", "period_start", "periods", "term_trends", "tone_trends"]

#: Time bins, shortest first.
UNITS = ("day", "week", "month", "year")
_FREQ = {"day": "D", "week": "W-MON", "month": "MS", "year": "YS"}
#: Longest span (days) for each unit but the last (see the module's docstring).
_LIMITS = (("day", 14), ("week", 183), ("month", 1827))

COVERAGE_COLUMNS = ["documents", "dated", "undated", "first", "last", "days", "unit"]


def choose_unit(first: Any, last: Any) -> str:
    """The time bin for dates from ``first`` to ``last`` (see the module's docstring).

    >>> [choose_unit(dt.date(2016, 1, 1), dt.date(2016, 1, 1) + dt.timedelta(days=n))
    ...  for n in (0, 14, 15, 183, 184, 1827, 1828)]
    ['day', 'day', 'week', 'week', 'month', 'month', 'year']
    """
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days
    for unit, limit in _LIMITS:
        if days <= limit:
            return unit
    return "year"


def _check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}, got {unit!r}")
    return unit


def period_start(dates: pd.Series, unit: str) -> pd.Series:
    """The first day of the ``unit`` bin of each date (Monday for weeks).

    >>> period_start(pd.Series(pd.to_datetime(["2016-03-17"])), "week").tolist()
    [Timestamp('2016-03-14 00:00:00')]
    """
    _check_unit(unit)
    days = pd.to_datetime(dates).dt.normalize()
    if unit == "day":
        return days
    if unit == "week":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    if unit == "month":
        return days.dt.to_period("M").dt.start_time
    return days.dt.to_period("Y").dt.start_time


def periods(first: Any, last: Any, unit: str) -> pd.DatetimeIndex:
    """Every bin start from the bin of ``first`` to the bin of ``last``.

    >>> [str(p.date()) for p in periods(dt.date(2016, 1, 30), dt.date(2016, 3, 2), "month")]
    ['2016-01-01', '2016-02-01', '2016-03-01']
    """
    ends = period_start(pd.Series([pd.Timestamp(first), pd.Timestamp(last)]), unit)
    return pd.date_range(ends.iloc[0], ends.iloc[1], freq=_FREQ[unit], name="period")


def _timestamp(value: Any) -> pd.Timestamp:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return pd.NaT
    if isinstance(value, dt.datetime | pd.Timestamp):
        stamp = pd.Timestamp(value)
        return (stamp.tz_localize(None) if stamp.tzinfo else stamp).normalize()
    if isinstance(value, dt.date):
        return pd.Timestamp(value)
    stamp = pd.to_datetime(str(value), errors="coerce")
    if stamp is pd.NaT:
        return pd.NaT
    return (stamp.tz_localize(None) if stamp.tzinfo else stamp).normalize()


def _dated(source: Any, spec: TableSpec, date: str) -> pd.DataFrame:
    """``spec``'s table with a ``date`` column of Timestamps (NaT: undated)."""
    try:
        table = per_document(source, spec, meta=(date,))
    except KeyError as error:
        if date != "date":
            raise ValueError(f"no dates in {date!r}: {error.args[0]}") from None
        table = per_document(source, spec)
        table[date] = pd.NaT
    stamps = [_timestamp(v) for v in table.pop(date)]
    table["date"] = pd.to_datetime(pd.Series(stamps, index=table.index, dtype="object"))
    return table


def document_dates(source: Any, *, date: str = "date") -> pd.DataFrame:
    """Each document's date and size: ``document``, ``date`` (a Timestamp at midnight, NaT when
    undated), ``words``. Without a ``date`` metadata column every document is undated; another
    column name that the documents lack raises ``ValueError`` listing their columns.

    >>> document_dates([Document("a", "t", "s", "Rain fell.", meta={"date": "2016-05-02"}),
    ...                 Document("b", "t", "s", "Sun.", meta={})]).values.tolist()
    [['a', Timestamp('2016-05-02 00:00:00'), 2], ['b', NaT, 1]]
    """
    return _dated(source, SIZES, date)[["document", "date", "words"]]


def date_coverage(source: Any, *, date: str = "date") -> pd.DataFrame:
    """Which documents have a date: one row with ``documents``, ``dated``, ``undated``,
    ``first``, ``last`` (dates; NaT when nothing is dated), ``days`` (from first to last) and
    ``unit`` (the bin :func:`choose_unit` picks; None when nothing is dated).

    >>> date_coverage([Document("a", "t", "s", "Rain.", meta={"date": dt.date(2016, 5, 2)}),
    ...                Document("b", "t", "s", "Sun.", meta={})]).to_dict("records")
    [{'documents': 2, 'dated': 1, 'undated': 1, 'first': Timestamp('2016-05-02 00:00:00'),
      'last': Timestamp('2016-05-02 00:00:00'), 'days': 0, 'unit': 'day'}]
    """
    dates = document_dates(source, date=date)["date"]
    known = dates.dropna()
    first, last = (known.min(), known.max()) if len(known) else (pd.NaT, pd.NaT)
    row = (int(len(dates)), int(len(known)), int(len(dates) - len(known)), first, last,
           int((last - first).days) if len(known) else 0,
           choose_unit(first, last) if len(known) else None)
    return pd.DataFrame([row], columns=COVERAGE_COLUMNS)


def _binned(table: pd.DataFrame, unit: str | None) -> tuple[pd.DataFrame, str | None, int]:
    """Dated rows with a ``period`` column, the unit used, and the number of undated docs."""
    undated = int(table.loc[table["date"].isna(), "document"].nunique())
    dated = table[table["date"].notna()].copy()
    if dated.empty:
        return dated.assign(period=pd.Series(dtype="datetime64[ns]")), unit, undated
    unit = _check_unit(unit) if unit else choose_unit(dated["date"].min(), dated["date"].max())
    dated["period"] = period_start(dated["date"], unit)
    return dated, unit, undated


def _frame(df: pd.DataFrame, unit: str | None, undated: int) -> pd.DataFrame:
    df = df.reset_index(drop=True)
    df.attrs.update(unit=unit, undated=undated)
    return df


def _bins(dated: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Every period with ``documents`` and ``words`` (zeros for empty bins)."""
    index = periods(dated["period"].min(), dated["period"].max(), unit)
    sizes = dated.groupby("period").agg(documents=("document", "nunique"),
                                        words=("words", "sum"))
    sizes = sizes.reindex(index, fill_value=0).rename_axis("period").reset_index()
    return sizes.astype({"documents": "int64", "words": "int64"})


def documents_over_time(source: Any, *, unit: str | None = None,
                        date: str = "date") -> pd.DataFrame:
    """Documents and words per time bin: ``period`` (first day of the bin), ``documents``,
    ``words``; every bin from the first to the last date, empty ones included. ``unit`` forces
    a bin ("day", "week", "month", "year"). ``attrs["unit"]`` is the bin used and
    ``attrs["undated"]`` the number of documents left out for having no date. No rows when no
    document is dated.
    """
    dated, unit, undated = _binned(document_dates(source, date=date), unit)
    if dated.empty:
        return _frame(pd.DataFrame(columns=["period", "documents", "words"]), unit, undated)
    return _frame(_bins(dated, unit), unit, undated)


def term_trends(source: Any, terms: str | Sequence[str], *, unit: str | None = None,
                date: str = "date") -> pd.DataFrame:
    """Relative frequency of each of ``terms`` (single words, folded and lower-cased like every
    count) per time bin: ``period``, ``term``, ``count``, ``range`` (documents of the bin that
    contain the term), ``documents`` (all documents of the bin), ``words`` (all words of the
    bin), ``per_10k`` (``count * 10000 / words``, 2 decimals; 0 for an empty bin). One row
    per bin and term, every bin from the first to the last date; ``attrs`` as in
    :func:`documents_over_time`. Raises ``ValueError`` for a term of several words.

    >>> docs = [Document("a", "t", "s", "War. War.", meta={"date": dt.date(2016, 1, 4)}),
    ...         Document("b", "t", "s", "Peace now.", meta={"date": dt.date(2016, 1, 5)})]
    >>> term_trends(docs, ["war"])[["period", "count", "documents", "per_10k"]].values.tolist()
    [[Timestamp('2016-01-04 00:00:00'), 2, 1, 10000.0],
     [Timestamp('2016-01-05 00:00:00'), 0, 1, 0.0]]
    """
    wanted = _terms(terms)
    dates, unit, undated = _binned(document_dates(source, date=date), unit)
    columns = ["period", "term", "count", "range", "documents", "words", "per_10k"]
    if dates.empty:
        return _frame(pd.DataFrame(columns=columns), unit, undated)
    bins = _bins(dates, unit)
    words = totals(source, WORDS, by=["document", "word"], where={"word": wanted})
    words = words.merge(dates[["document", "period"]], on="document")
    found = words.groupby(["period", "word"]).agg(count=("count", "sum"),
                                                  range=("document", "nunique"))
    grid = pd.MultiIndex.from_product([bins["period"], wanted], names=["period", "term"])
    out = found.rename_axis(["period", "term"]).reindex(grid, fill_value=0).reset_index()
    out = out.merge(bins, on="period")
    out["per_10k"] = [round(c * 10000 / w, 2) if w else 0.0
                      for c, w in zip(out["count"], out["words"], strict=True)]
    out = out.astype({"count": "int64", "range": "int64"})
    return _frame(out[columns], unit, undated)


def tone_trends(source: Any, *, unit: str | None = None, date: str = "date", seed: int = 0,
                resamples: int = BOOTSTRAP, sentences: pd.DataFrame | None = None
                ) -> pd.DataFrame:
    """Tone per time bin: ``period``, then the columns of
    :func:`analysis.groups.tone_table` (``documents``, ``sentences``, ``mean_compound``,
    ``ci_low``, ``ci_high`` (95% bootstrap interval over the bin's documents), ``negative``,
    ``neutral``, ``positive``). Every bin from the first to the last date; an empty bin has 0
    documents and NaN scores. ``sentences`` may pass a sentence table already computed;
    ``attrs`` as in :func:`documents_over_time`.

    >>> docs = [Document("a", "t", "s", "Great win.", meta={"date": dt.date(2016, 1, 4)}),
    ...         Document("b", "t", "s", "Awful loss.", meta={"date": dt.date(2016, 1, 6)})]
    >>> tone_trends(docs)[["documents", "mean_compound"]].to_dict("list")
    {'documents': [1, 0, 1], 'mean_compound': [0.836, nan, -0.6486]}
    """
    dates, unit, undated = _binned(document_dates(source, date=date), unit)
    if dates.empty:
        return _frame(pd.DataFrame(columns=["period", *TONE_COLUMNS]), unit, undated)
    table = sentence_table(source, text=False) if sentences is None else sentences
    table = table.merge(dates[["document", "period"]], on="document")
    out = tone_table(table, ["period"], seed=seed, resamples=resamples)
    index = periods(dates["period"].min(), dates["period"].max(), unit)
    out = out.set_index("period").reindex(index).rename_axis("period").reset_index()
    out[["documents", "sentences"]] = out[["documents", "sentences"]].fillna(0).astype("int64")
    return _frame(out[["period", *TONE_COLUMNS]], unit, undated)
