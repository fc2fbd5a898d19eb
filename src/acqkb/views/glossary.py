"""Abbreviation definitions for Material's tooltips, generated from the term entries."""

from __future__ import annotations

from acqkb.check import KnowledgeBase

ABBREVIATIONS_PATH = "includes/abbreviations.md"


def abbreviations(kb: KnowledgeBase) -> str:
    """Python-Markdown `abbr` lines: *[OTA]: Other Transaction Authority."""
    lines = {}
    for term in kb.of_kind("term"):
        if term.get("abbreviation") and term.get("expansion"):
            lines[term.get("abbreviation")] = f"*[{term.get('abbreviation')}]: {term.get('expansion')}"
    return "\n".join(lines[k] for k in sorted(lines)) + "\n"
