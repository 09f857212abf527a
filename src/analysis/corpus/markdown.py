"""Markdown files: YAML front matter as metadata, the Markdown rendered to plain text.

Markdown is read with markdown-it-py (a CommonMark parser, the one Jupyter uses) and rendered
to the text a reader sees: headings, paragraphs, list items and quotations as plain lines, with
no ``#``, ``**``, ``>``, list markers or link syntax left inside sentences. Paragraphs are
separated by a blank line; a paragraph's own line breaks become spaces (Markdown joins them);
list items and table rows get a line each. Raw HTML and images are not text: they are left out
and listed (:class:`~analysis.corpus.base.Removed`, with the line of the file).

>>> doc = read_markdown("---\\ntitle: Floods\\ndate: 2024-02-11\\n---\\n# Floods\\n\\n"
...                     "The **river** rose,\\nsaid [the agency](https://x.example).\\n\\n"
...                     "> It held.\\n\\n- one\\n- two\\n", "a.md")
>>> doc.front
{'title': 'Floods', 'date': datetime.date(2024, 2, 11)}
>>> print(doc.text)
Floods
<BLANKLINE>
The river rose, said the agency.
<BLANKLINE>
It held.
<BLANKLINE>
one
two
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analysis.corpus.base import InputError, Removed

__all__ = ["MarkdownText", "read_markdown", "split_front_matter"]

_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class MarkdownText:
    """A Markdown file read: ``front`` (the front matter, a dict), ``text`` (plain text),
    ``removed`` (what rendering left out)."""

    front: dict[str, Any]
    text: str
    removed: list[Removed] = field(default_factory=list)


def split_front_matter(text: str, name: str) -> tuple[dict[str, Any], str, int]:
    """``(front matter, body, lines before the body)``. Front matter is a YAML mapping
    between a first line ``---`` and a line ``---`` (or ``...``); YAML that cannot be read, or
    that is not a mapping, raises :class:`InputError` naming ``name`` and the line.

    >>> split_front_matter("---\\nauthor: A. Writer\\n---\\nBody.", "a.md")
    ({'author': 'A. Writer'}, 'Body.', 3)
    >>> split_front_matter("No front matter.", "a.md")
    ({}, 'No front matter.', 0)
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text, 0
    import yaml

    try:
        front = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        problem = getattr(e, "problem", None) or str(e).split("\n", 1)[0]
        raise InputError(name, f"the front matter is not valid YAML: {problem}",
                         line=line) from None
    if front is None:
        front = {}
    if not isinstance(front, dict):
        raise InputError(name, "the front matter is not a mapping of names to values "
                         f"(it is a YAML {type(front).__name__})", line=2)
    skipped = m.group(0).count("\n") + (0 if m.group(0).endswith("\n") else 1)
    return {str(k): v for k, v in front.items()}, text[m.end():], skipped


def read_markdown(text: str, name: str) -> MarkdownText:
    """Front matter and plain text of a Markdown document (see the module's description)."""
    front, body, offset = split_front_matter(text, name)
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(body)
    blocks: list[str] = []
    removed: list[Removed] = []
    current: list[str] = []  # lines of the block being built (list items, table rows)
    depth = 0  # nesting of lists, quotations and tables that gather lines into one block
    cells: list[str] = []
    in_cell = False
    for tok in tokens:
        line = (tok.map[0] + 1 + offset) if tok.map else offset + 1
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open", "table_open"):
            depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close", "table_close"):
            depth -= 1
            if depth == 0 and current:
                blocks.append("\n".join(current))
                current = []
        elif kind in ("td_open", "th_open", "td_close", "th_close"):
            in_cell = kind.endswith("open")
        elif kind == "inline":
            rendered = _inline(tok, line, removed)
            if in_cell:
                cells.append(rendered)
            elif rendered.strip():
                (current if depth else blocks).append(rendered.strip())
        elif kind == "tr_close":
            row = "; ".join(c for c in cells if c.strip())
            if row:
                current.append(row)
            cells = []
        elif kind in ("fence", "code_block"):
            code = tok.content.strip("\n")
            if code.strip():
                (current if depth else blocks).append(code)
        elif kind == "html_block":
            if tok.content.strip():
                removed.append(Removed(line, tok.content.strip(), "HTML in Markdown"))
    if current:
        blocks.append("\n".join(current))
    return MarkdownText(front, "\n\n".join(blocks), removed)


def _inline(tok, line: int, removed: list[Removed]) -> str:
    """The plain text of an inline token: emphasis, links and code spans as their text."""
    parts: list[str] = []
    for child in tok.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "image":
            alt = "".join(c.content for c in child.children or []) or child.attrs.get("src", "")
            removed.append(Removed(line, str(alt), "image"))
        elif kind == "html_inline":
            if re.fullmatch(r"<br\s*/?>", child.content.strip(), re.IGNORECASE):
                parts.append("\n")
    return "".join(parts)
