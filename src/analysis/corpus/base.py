"""What reading leaves behind besides the text: errors, removed lines and repairs.

These records sit below every other module of :mod:`analysis.corpus` (decoding, repairing,
cleaning, the readers of each format and the data model all use them), so that nothing in the
package imports in a circle.

>>> str(InputError("news.csv", "the text cell is empty", row=3, line=5))
'news.csv: row 3 (line 5): the text cell is empty'
>>> Repair(2, "\\u00e2\\u20ac\\u2122", "\\u2019", 1, "didn\\u2019t know").after == "\\u2019"
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["InputError", "Removed", "Repair", "where"]


def where(row: int | None = None, line: int | None = None, *, record: str = "row") -> str:
    """A position in a table, as the error messages write it.

    >>> where(3, 5), where(line=7), where(2, record="record"), where()
    ('row 3 (line 5)', 'line 7', 'record 2', '')
    """
    if row is not None and line is not None and line != row:
        return f"{record} {row} (line {line})"
    if row is not None:
        return f"{record} {row}"
    if line is not None:
        return f"line {line}"
    return ""


class InputError(ValueError):
    """A file, folder or row that cannot be analysed; ``str()`` names the path, the position
    (``row``: 1-based data row of a table, header not counted; ``line``: 1-based line of the
    file) and the problem.

    ``problem`` holds the position and the problem without the path (what a folder lists for a
    skipped file); ``path``, ``row`` and ``line`` are kept for programs.
    """

    def __init__(self, path: str | Path, problem: str, *, row: int | None = None,
                 line: int | None = None, record: str = "row"):
        self.path = str(path)
        self.row = row
        self.line = line
        at = where(row, line, record=record)
        self.problem = f"{at}: {problem}" if at else problem
        super().__init__(f"{path}: {self.problem}")


@dataclass(frozen=True)
class Removed:
    """A line or block that cleaning removed from a document, and why.

    ``line`` is the 1-based line of the text it was removed from: of the decoded file for
    text files, of the table cell for rows of a table, and of the saved page's HTML source for
    blocks of a web page that the article extraction left out.
    """

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Repair:
    """A mojibake repair: in ``line`` (1-based, of the text as read), the characters ``before``
    were replaced by ``after``, ``count`` times; ``context`` shows the repaired text around the
    first spot."""

    line: int
    before: str
    after: str
    count: int
    context: str
