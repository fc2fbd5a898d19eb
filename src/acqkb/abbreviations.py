"""Every abbreviation used in the text of any entry must have a glossary term.

An abbreviation here is a word of two to eight letters, at least two of them
capitals and at most one lower-case (OTA, IDIQ, DoD, SpEC), optionally with a
plural "s" (OTs). Words with digits (report numbers such as IN12544, FY2026)
and Roman numerals (Phase II) are not abbreviations. A hyphenated name that is
itself a term (SB-AMTI) counts as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from acqkb.model import Entry
from acqkb.problems import Problem
from acqkb.schema import Claim

if TYPE_CHECKING:
    from acqkb.check import KnowledgeBase

WORD = re.compile(r"[A-Za-z&]+(?:-[A-Za-z&]+)*")
# A word or hyphenated compound with at least two capitals: only these can be or hold an abbreviation,
# and finding them with one regular expression keeps the check fast on long texts.
CAPITALISED = re.compile(r"(?<![A-Za-z&-])(?=[A-Za-z&-]*[A-Z][A-Za-z&-]*[A-Z])[A-Za-z&]+(?:-[A-Za-z&]+)*")
ROMAN = re.compile(r"^[IVXLC]+$")
TEXT_FIELDS = ("title", "summary", "body", "facts", "purpose", "users", "rules", "comparison", "fits")


def known_terms(kb: KnowledgeBase) -> set[str]:
    """Every name a glossary term is known by, and the words of company names (RTX is a name, not an abbreviation)."""
    names = set()
    for term in kb.of_kind("term"):
        names |= {term.title, term.get("abbreviation") or "", *term.get("aliases", [])}
    for vendor in kb.of_kind("vendor"):
        names |= {word for name in (vendor.title, *vendor.get("aliases", [])) for word in WORD.findall(name)}
    return {n for n in names if n}


def candidate(word: str) -> str | None:
    """The abbreviation a word is, or None."""
    if word.endswith("s") and word[:-1].isupper():
        word = word[:-1]
    upper = sum(c.isupper() for c in word)
    lower = sum(c.islower() for c in word)
    if not 2 <= len(word) <= 8 or upper < 2 or lower > 1 or not word[0].isupper() or ROMAN.match(word):
        return None
    return word


def abbreviations_in(text: str, known: set[str]) -> Iterator[str]:
    """The abbreviations in a text, hyphenated terms taken whole."""
    if not CAPITALISED.search(text):
        return
    for match in CAPITALISED.finditer(re.sub(r"\S*\d\S*", " ", re.sub(r"\]\([^)]*\)", "]", text))):
        compound = match.group()
        if compound in known or compound.removesuffix("s") in known:
            yield compound if compound in known else compound.removesuffix("s")
            continue
        for word in compound.split("-"):
            found = candidate(word)
            if found:
                yield found


def texts(value: object) -> Iterator[tuple[str, int]]:
    """The strings inside a field value, with the line of their claim when known."""
    if isinstance(value, str):
        yield value, 0
    elif isinstance(value, Claim):
        for text, _ in texts(value.value):
            yield text, value.line
        if value.note:
            yield value.note, value.line
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts(item)


def check_entry(entry: Entry, known: set[str]) -> list[Problem]:
    problems, seen = [], set()
    for name in TEXT_FIELDS:
        for text, line in texts(entry.get(name)):
            for abbreviation in abbreviations_in(text, known):
                if abbreviation not in known and abbreviation not in seen:
                    seen.add(abbreviation)
                    problems.append(
                        Problem(
                            entry.path,
                            line or entry.line_of(name),
                            "no-term",
                            f"{name}: abbreviation '{abbreviation}' has no glossary term; add one in data/terms/",
                        )
                    )
    return problems


def check_abbreviations(kb: KnowledgeBase) -> list[Problem]:
    """A problem for each abbreviation an entry uses that no term explains."""
    known = known_terms(kb)
    return [p for entry in kb.entries for p in check_entry(entry, known)]
