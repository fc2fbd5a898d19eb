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
from functools import lru_cache
from typing import TYPE_CHECKING

from acqkb.model import Entry
from acqkb.problems import Problem
from acqkb.schema import Claim

if TYPE_CHECKING:
    from acqkb.check import KnowledgeBase

WORD = re.compile(r"[A-Za-z&]+(?:-[A-Za-z&]+)*")
# A word or hyphenated compound with at least two capitals: only these can be or hold an abbreviation,
# and finding them with one regular expression keeps the check fast on long texts.
# (The look-ahead matches the first two capitals exactly, so it never backtracks.)
CAPITALISED = re.compile(r"(?<![A-Za-z&-])(?=[a-z&-]*[A-Z][a-z&-]*[A-Z])[A-Za-z&]+(?:-[A-Za-z&]+)*")
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


LINK_TARGET = re.compile(r"\]\([^)]*\)")
WITH_DIGIT = re.compile(r"(?<!\S)\S*\d\S*")  # whole words only: from mid-word it would rescan each word


def capitalised_in(text: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each word or hyphenated compound with two capitals, with the abbreviations its parts would be.

    Words with digits and link targets are left out. Which compounds are glossary terms
    is decided later, against the whole glossary (see check_entry).
    """
    if not CAPITALISED.search(text):
        return
    if "](" in text:
        text = LINK_TARGET.sub("]", text)
    for match in CAPITALISED.finditer(WITH_DIGIT.sub(" ", text)):
        compound = match.group()
        yield compound, parts_of(compound)


@lru_cache(maxsize=16384)
def parts_of(compound: str) -> tuple[str, ...]:
    """The abbreviations the parts of a compound would be (the same words recur in every entry)."""
    return tuple(found for word in compound.split("-") if (found := candidate(word)))


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


def capitalised_words(entry: Entry) -> list[tuple[str, int, str, tuple[str, ...]]]:
    """(field, line, compound, abbreviations of its parts) for each capitalised word of an entry's text.

    This part needs only the entry, so the loader's second process does it for its share of the files.
    """
    return [
        (name, line or entry.line_of(name), compound, parts)
        for name in TEXT_FIELDS
        for text, line in texts(entry.get(name))
        for compound, parts in capitalised_in(text)
    ]


def check_entry(entry: Entry, known: set[str]) -> list[Problem]:
    """A problem for each abbreviation the entry uses that is not known, once per abbreviation; a known compound is whole."""
    problems, seen = [], set()
    for name, line, compound, parts in entry.capitalised:
        if compound in known or compound.removesuffix("s") in known:
            continue
        for abbreviation in parts:
            if abbreviation not in known and abbreviation not in seen:
                seen.add(abbreviation)
                message = f"{name}: abbreviation '{abbreviation}' has no glossary term; add one in data/terms/"
                problems.append(Problem(entry.path, line, "no-term", message))
    return problems


def check_abbreviations(kb: KnowledgeBase) -> list[Problem]:
    """A problem for each abbreviation an entry uses that no term explains."""
    known = known_terms(kb)
    return [p for entry in kb.entries for p in check_entry(entry, known)]
