"""The errors of a report run; ``str()`` of each is what the command line prints.

>>> str(NotebookFailed(["notebook 01_a.ipynb failed at cell 3: ValueError: x"]))
'notebook 01_a.ipynb failed at cell 3: ValueError: x'
>>> UsageError("bad option").exit_code, ReportError("no disk").exit_code
(2, 1)
"""

from __future__ import annotations

__all__ = ["NotebookFailed", "ReportError", "UsageError", "closest"]


class ReportError(Exception):
    """A report run that cannot go on; ``str()`` is the one line shown to the user."""

    exit_code = 1


class UsageError(ReportError):
    """Bad command-line values (parameters, folders, columns): nothing was written."""

    exit_code = 2


class NotebookFailed(ReportError):
    """One or more notebooks raised; ``lines`` has one message per failing notebook."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


def closest(name: str, names: list[str]) -> str | None:
    """The one of ``names`` a mistyped ``name`` most likely meant (difflib's closest match),
    or None, for "did you mean" in a :class:`UsageError`.

    >>> closest("tpo", ["focus", "top", "window"]), closest("zzz", ["top"])
    ('top', None)
    """
    import difflib

    found = difflib.get_close_matches(name, names, n=1)
    return found[0] if found else None
