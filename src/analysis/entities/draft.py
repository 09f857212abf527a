"""A mention while its actor and kind are being decided: the record the mention finder fills
and the context rules read (``mentions`` and ``context`` both use it; it depends on neither)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Draft"]


@dataclass(slots=True)
class Draft:
    """A mention while its actor and kind are being decided."""

    sentence: int  # 0-based
    start: int
    end: int
    first: int  # token indexes (inclusive)
    last: int
    text: str
    core: str  # folded, without title and possessive
    demonym: bool = False
    country: str = ""  # the gazetteer's country (countries, their codes, demonyms)
    capital: bool = False
    people: bool = False  # a nationality noun: "the Afghans" are people, not the country
    title: str = ""
    evidence: list[tuple[str, float, str]] = field(default_factory=list)
