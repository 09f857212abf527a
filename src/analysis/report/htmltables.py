"""pandas tables made readable in the HTML reports and slides.

A DataFrame's HTML (``DataFrame._repr_html_``) shows its row index and right-aligns every
cell. In a report the row numbers 0..n-1 are noise and right-aligned words are hard to read,
so before export every ``<table class="dataframe">`` in the outputs is rewritten:

* a row index that carries no information (unnamed, whole numbers: the default RangeIndex or
  what is left of it after filtering) is removed, header cell included; a named or textual
  index (words, actors) stays;
* each column whose cells are not all numbers gets the class ``news-text`` (left-aligned,
  long words may wrap), header included; numbers stay right-aligned;
* column names break after underscores (``whole_text_compound``), and long unbroken tokens
  in text cells (ids, paths, web addresses) after ``/ _ - . ? & =`` or every 20 letters, so
  wide tables wrap instead of scrolling sideways; ordinary words never break.

Only the HTML of the exported copy changes: the notebooks (and what nbval compares) keep
pandas' own output. Tables that are not pandas' (no ``dataframe`` class), and tables with
multi-level row headers, are left as they are.

>>> html = ('<table border="1" class="dataframe"><thead><tr style="text-align: right;">'
...         '<th></th><th>actor</th><th>mentions</th></tr></thead><tbody>'
...         '<tr><th>0</th><td>Libya</td><td>6</td></tr></tbody></table>')
>>> print(readable_tables(html).replace("><", ">\\n<"))
<table border="1" class="dataframe">
<thead>
<tr>
<th class="news-text">actor</th>
<th>mentions</th>
</tr>
</thead>
<tbody>
<tr>
<td class="news-text">Libya</td>
<td>6</td>
</tr>
</tbody>
</table>
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

__all__ = ["TEXT_CLASS", "readable_outputs", "readable_tables"]

TEXT_CLASS = "news-text"
_NUMBER = re.compile(
    r"[+\-\u2212]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?%?"
    r"|[+\-]?(?:nan|NaN|inf|NaT|<NA>)|None|True|False|\.\.\.|\u2026|"
)
_WHOLE = re.compile(r"-?\d+|\.\.\.|\u2026")


def readable_tables(html: str) -> str:
    """``html`` with every pandas table rewritten as the module describes (unchanged, same
    string, when it holds no ``class="dataframe"`` table)."""
    if "dataframe" not in html or "<table" not in html:
        return html
    import bs4

    soup = bs4.BeautifulSoup(html, "html.parser")
    tables = soup.find_all("table", class_="dataframe")
    if not tables:
        return html
    for table in tables:
        _rewrite(table)
    return str(soup)


def readable_outputs(nb: Any) -> Any:
    """A copy of notebook ``nb`` whose ``text/html`` outputs went through
    :func:`readable_tables`."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data or "text/html" not in data:
                continue
            html = data["text/html"]
            text = "".join(html) if isinstance(html, list) else html
            new = readable_tables(text)
            if new is not text:
                data["text/html"] = new
    return nb


def _rows(table: Any, section: str) -> list[Any]:
    part = table.find(section)
    return part.find_all("tr", recursive=False) if part is not None else []


def _cells(row: Any) -> list[Any]:
    return row.find_all(["th", "td"], recursive=False)


def _rewrite(table: Any) -> None:
    head, body = _rows(table, "thead"), _rows(table, "tbody")
    if not body or any(c.has_attr("rowspan") for r in body for c in _cells(r)):
        return  # multi-level row headers: leave pandas' layout alone
    for row in head:
        if row.get("style", "").replace(" ", "") == "text-align:right;":
            del row["style"]
    if _plain_index(head, body):
        for row in head + body:
            _cells(row)[0].decompose()
    for row in head:
        for cell in _cells(row):
            _insert_breaks(cell, _split_underscores)
    text = _mark_text_columns(head, body)
    for row in body:
        for position, cell in enumerate(_cells(row)):
            if position in text:
                _insert_breaks(cell, _split_long)


def _plain_index(head: list[Any], body: list[Any]) -> bool:
    """True when the row headers are unnamed whole numbers (pandas' default index)."""
    for row in head:
        cells = _cells(row)
        if not cells or cells[0].name != "th" or cells[0].get_text(strip=True):
            return False
        if cells[0].has_attr("colspan"):
            return False
    for row in body:
        cells = _cells(row)
        if not cells or cells[0].name != "th":
            return False
        if sum(1 for c in cells if c.name == "th") != 1:
            return False
        if not _WHOLE.fullmatch(cells[0].get_text(strip=True)):
            return False
    return True


def _columns(row: Any) -> list[tuple[int, Any]]:
    """(first column position, cell) for each cell of a row, colspans expanded."""
    out, position = [], 0
    for cell in _cells(row):
        out.append((position, cell))
        try:
            position += max(1, int(cell.get("colspan", 1)))
        except ValueError:
            position += 1
    return out


def _mark_text_columns(head: list[Any], body: list[Any]) -> set[int]:
    width = max(len(_cells(r)) for r in body)
    text = set()
    for position in range(width):
        values = [cells[position].get_text(strip=True) for cells in map(_cells, body)
                  if position < len(cells)]
        if any(not _NUMBER.fullmatch(v) for v in values):
            text.add(position)
    for row in body:
        for position, cell in enumerate(_cells(row)):
            if position in text:
                _add_class(cell)
    for row in head:
        for position, cell in _columns(row):
            span = int(cell.get("colspan", 1)) if str(cell.get("colspan", 1)).isdigit() else 1
            if span == 1 and position in text:
                _add_class(cell)
    return text


def _add_class(cell: Any) -> None:
    classes = cell.get("class", [])
    if TEXT_CLASS not in classes:
        cell["class"] = [*classes, TEXT_CLASS]


_LONG = 12  # a token longer than this may break after / _ - . ? & =
_TOKEN_BREAKS = re.compile(r"(?<=[/_\-.?&=])(?=.)|(?<=\w{20})(?=\w)")


def _insert_breaks(cell: Any, split: Callable[[str], list[str]]) -> None:
    """``<wbr>`` between the pieces ``split`` cuts each text of a cell into, so the browser
    may wrap there (and only there)."""
    import bs4

    for string in list(cell.find_all(string=True)):
        if isinstance(string, bs4.Comment):
            continue
        pieces = split(str(string))
        if len(pieces) < 2:
            continue
        new: list[Any] = []
        for i, piece in enumerate(pieces):
            if piece:
                new.append(bs4.NavigableString(piece))
            if i < len(pieces) - 1:
                new.append(bs4.BeautifulSoup("", "html.parser").new_tag("wbr"))
        string.replace_with(*new)


def _split_underscores(text: str) -> list[str]:
    """``text`` cut after each underscore (column names).

    >>> _split_underscores("whole_text_compound")
    ['whole_', 'text_', 'compound']
    """
    return re.split(r"(?<=_)(?=.)", text)


def _split_long(text: str) -> list[str]:
    """``text`` cut where a long token may break (short words stay whole).

    >>> _split_long("see /home/user/reports/000_81c44d20d7573865.txt now")
    ['see /', 'home/', 'user/', 'reports/', '000_', '81c44d20d7573865.', 'txt now']
    >>> _split_long("an ordinary sentence")
    ['an ordinary sentence']
    """
    out, start = [], 0
    for token in re.finditer(r"\S+", text):
        if len(token.group()) <= _LONG:
            continue
        for cut in _TOKEN_BREAKS.finditer(token.group()):
            position = token.start() + cut.start()
            if position > start:
                out.append(text[start:position])
                start = position
    out.append(text[start:])
    return out
