"""Glossary tooltips: each generated page carries the abbreviation definitions it uses, and no others.

Python-Markdown's `abbr` extension turns a definition line `*[OTA]: Other
Transaction Authority` into a tooltip on every OTA of the page. Appending all
150-odd definitions to every page made the build several times slower (the
block parser re-scans the definitions block once per definition), so each
generated page gets only the definitions of the abbreviations it contains. The
definitions are plain Markdown, so any builder that reads mkdocs.yml shows the
same tooltips. Hand-written pages include the whole list, `includes/abbreviations.md`.
"""

from __future__ import annotations

import re

from acqkb import serving
from acqkb.check import KnowledgeBase

ABBREVIATIONS_PATH = "includes/abbreviations.md"
# A run of letters and digits: abbreviations made of these are found by set lookup, which is far
# quicker than one long regular expression; the few with other characters (A&S, SB-AMTI) use one.
TOKEN = re.compile(r"[A-Za-z0-9]+")
# Under `mkdocs serve`, the last run's pages with their definitions, and the expansions they were made
# with: after an edit most pages come out the same and are not searched for abbreviations again.
_LAST_RUN: dict[str, dict[str, str]] = {"expansions": {}, "pages": {}}


class Glossary:
    """The abbreviations of the term entries, and a matcher for the ones a page uses."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.expansions: dict[str, str] = {}
        for term in kb.of_kind("term"):
            if term.get("abbreviation") and term.get("expansion"):
                self.expansions.setdefault(term.get("abbreviation"), term.get("expansion"))
        self.plain = {a for a in self.expansions if TOKEN.fullmatch(a)}
        others = sorted(set(self.expansions) - self.plain, key=len, reverse=True)
        alternatives = "|".join(re.escape(n) for n in others)
        self.pattern = re.compile(rf"\b(?:{alternatives})\b") if others else None
        # The same without the word boundaries: about four times quicker to scan a page with, it finds the
        # places where `pattern` can match, and `pattern` decides there.
        self.candidates = re.compile(f"(?:{alternatives})") if others else None

    def line(self, abbreviation: str) -> str:
        return f"*[{abbreviation}]: {self.expansions[abbreviation]}"

    def all_lines(self) -> str:
        """Every definition, for the hand-written pages."""
        return "\n".join(self.line(a) for a in sorted(self.expansions)) + "\n"

    def for_pages(self, pages: dict[str, str]) -> dict[str, str]:
        """Each page (by path) with the definitions of the abbreviations it uses appended."""
        if not serving.ACTIVE:
            return {path: self.for_page(text) for path, text in pages.items()}
        last = _LAST_RUN["pages"] if _LAST_RUN["expansions"] == self.expansions else {}
        done = {text: last[text] if text in last else self.for_page(text) for text in pages.values()}
        _LAST_RUN.update(expansions=self.expansions, pages=done)
        return {path: done[text] for path, text in pages.items()}

    def for_page(self, markdown: str) -> str:
        """The page with the definitions of the abbreviations it uses appended."""
        used = sorted((self.plain & set(TOKEN.findall(markdown))) | self.others_in(markdown))
        if not used:
            return markdown
        return markdown.rstrip("\n") + "\n\n" + "\n".join(self.line(a) for a in used) + "\n"

    def others_in(self, markdown: str) -> set[str]:
        """What `pattern.findall` finds (the abbreviations with other characters than letters and digits)."""
        found: set[str] = set()
        if self.pattern is None or self.candidates is None:
            return found
        position = 0
        while candidate := self.candidates.search(markdown, position):
            match = self.pattern.match(markdown, candidate.start())
            if match:
                found.add(match.group())
            position = match.end() if match else candidate.start() + 1
        return found
