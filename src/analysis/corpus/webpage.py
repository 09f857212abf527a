"""Saved web pages: the article text, its metadata, and what the extraction left out.

trafilatura (Adrien Barbaresi, "Trafilatura: A Web Scraping Library and Command-Line Tool for
Text Discovery and Extraction", ACL 2021) finds the article in a page and drops the rest:
navigation, cookie banners, share buttons, related stories, comments, footers. Dropping them is
right, but not silently: :func:`read_page` also lists every block of visible text that is not
in the extracted article, with the line of the saved page where it starts and a reason read
from where it sat in the page (``<nav>``, a ``cookie-banner`` class, ``<footer>``...).

>>> page = ('<html><head><title>Rain</title></head><body><nav><a href="/">Home</a></nav>'
...         '<article><p>' + "Rain fell on the town all night and the river rose. " * 6 +
...         '</p></article><footer>Contact us</footer></body></html>')
>>> result = read_page(page, "rain.html")
>>> result.text[:20], result.title
('Rain fell on the tow', 'Rain')
>>> [(r.text, r.reason) for r in result.removed]
[('Home', 'navigation'), ('Contact us', 'footer')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from analysis.corpus.base import InputError, Removed

__all__ = ["Page", "read_page"]

_BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre td th tr table thead tbody tfoot "
    "caption figcaption figure section article aside nav header footer main form fieldset "
    "address details summary button label option select textarea time".split())
_INVISIBLE = frozenset("script style noscript template svg head iframe object embed".split())
_SPACE = re.compile(r"\s+")

# (reason, tags, words that may appear in an element's class, id, role or aria-label), checked
# from the block outwards: the nearest element that says what it is decides.
_REASONS: tuple[tuple[str, frozenset[str], tuple[str, ...]], ...] = (
    ("cookie banner", frozenset(), ("cookie", "consent", "gdpr")),
    ("navigation", frozenset({"nav"}), ("nav", "navigation", "menu", "breadcrumb", "skip")),
    ("related stories", frozenset(), ("related", "recommend", "more-stories", "read-more",
                                      "also-read", "most-read", "popular", "trending")),
    ("comments", frozenset(), ("comment", "disqus", "discussion", "replies")),
    ("share buttons", frozenset(), ("share", "social", "sharing")),
    ("newsletter sign-up", frozenset(), ("newsletter", "subscribe", "signup", "sign-up")),
    ("advertisement", frozenset(), ("advert", "ad", "ads", "sponsor", "promo", "dfp")),
    ("caption", frozenset({"figcaption", "caption"}), ("caption", "credit")),
    ("byline", frozenset(), ("byline", "author", "contributor")),
    ("date line", frozenset({"time"}), ("dateline", "timestamp", "published", "date")),
    ("form", frozenset({"form", "button", "label", "select", "textarea"}), ()),
    ("footer", frozenset({"footer"}), ("footer", "colophon")),
    ("header", frozenset({"header"}), ("header", "masthead", "topbar")),
    ("sidebar", frozenset({"aside"}), ("sidebar", "aside", "rail", "widget")),
)


@dataclass
class Page:
    """A saved web page read: the article ``text``, ``title`` (or None), ``meta`` (``date``
    as trafilatura found it (a string), ``author``, ``site``) and the ``removed`` blocks."""

    text: str
    title: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)


def read_page(html: str, name: str) -> Page:
    """The article of a saved page (trafilatura, precision first, no comments, no tables),
    its title, date, author and site name (trafilatura's metadata), and every block of
    visible text the extraction left out (:class:`~analysis.corpus.base.Removed`: the line of
    the page's HTML source, the block's text, the reason). A page without article text raises
    :class:`InputError` naming ``name``.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or not text.strip():
        raise InputError(name, "no article text found in the HTML page")
    found = trafilatura.extract_metadata(html)
    meta = {
        "date": getattr(found, "date", None) or None,
        "author": getattr(found, "author", None) or None,
        "site": getattr(found, "sitename", None) or None,
    }
    title = getattr(found, "title", None) or None
    return Page(text, title, meta, left_out(html, text, title))


def left_out(html: str, article: str, title: str | None = None) -> list[Removed]:
    """The blocks of visible text in ``html`` that are not part of ``article`` (the extracted
    text), each with the source line where it starts and the reason it was left out.

    A block is a run of text inside one block-level element (a paragraph, list item, heading,
    cell, ...) with no block-level element inside it. It counts as kept when it equals a line of
    the article, or when it is at least 20 characters long and occurs in the article (an
    article paragraph can be split into blocks by markup).
    """
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    flat = _SPACE.sub(" ", article).strip()
    lines = {_SPACE.sub(" ", line).strip() for line in article.split("\n")}
    title_flat = _SPACE.sub(" ", title).strip() if title else None
    removed = []
    for line, text, element in _blocks(root):
        if text in lines or (len(text) >= 20 and text in flat):
            continue
        if title_flat and text == title_flat:
            reason = "headline (kept as the title)"
        else:
            reason = _reason(element)
        removed.append(Removed(line, text, reason))
    return removed


def _blocks(root) -> list[tuple[int, str, Any]]:
    """(source line, text, element) for every visible block of text, in document order."""
    out: list[tuple[int, str, Any]] = []
    body = root.find("body")
    if body is None:
        body = root

    def walk(element) -> None:
        pieces: list[tuple[int, str]] = []

        def flush() -> None:
            text = _SPACE.sub(" ", "".join(t for _, t in pieces)).strip()
            if text:
                line = next(n for n, t in pieces if t.strip())
                out.append((line, text, element))
            pieces.clear()

        here = element.sourceline or 0
        if element.text:
            pieces.append((here, element.text))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            line = child.sourceline or here
            if tag in _INVISIBLE or not tag:
                pass
            elif tag in _BLOCK_TAGS:
                flush()
                walk(child)
            else:
                pieces.append((line, _inline_text(child)))
            if child.tail:
                pieces.append((line, child.tail))
        flush()

    walk(body)
    return out


def _inline_text(element) -> str:
    """The text of an inline element and its inline children (scripts and the like skipped)."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag not in _INVISIBLE:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    if element.tag in ("br",):
        parts.append(" ")
    return "".join(parts)


def _reason(element) -> str:
    """Why a block was left out, from the nearest element (itself or an ancestor) that says;
    "form" (a button, a field) only when no element around it says more."""
    node = element
    fallback = "not article text"
    while node is not None and isinstance(node.tag, str):
        words = _words(node)
        for reason, tags, keys in _REASONS:
            if node.tag in tags or any(_matches(key, words) for key in keys):
                if reason != "form":
                    return reason
                if fallback == "not article text":
                    fallback = reason
        node = node.getparent()
    return fallback


def _words(node) -> list[str]:
    attrs = " ".join(node.get(a, "") for a in ("class", "id", "role", "aria-label"))
    return [w for w in re.split(r"[\s_]+", attrs.lower()) if w]


def _matches(key: str, words: list[str]) -> bool:
    """``key`` as a whole word, or as a hyphen-separated part of one (``ad`` matches
    ``ad-slot`` but not ``shadow``); keys of 4 letters or more also inside words."""
    for word in words:
        if word == key or key in word.split("-"):
            return True
        if len(key) >= 4 and key in word:
            return True
    return False
