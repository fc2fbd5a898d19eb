"""Glossary tooltips: each generated page expands an abbreviation where it first uses it, and nowhere else.

The generator writes `<abbr title="Other Transaction Authority">OTA</abbr>` into
the page's Markdown at the first use of each abbreviation a glossary term
defines, the way a printed text expands an abbreviation once. Python-Markdown
passes the tag through as it is, so any builder that reads mkdocs.yml (MkDocs,
Zensical) shows the same tooltips and spends nothing on them. Appending
definitions for the `abbr` extension instead made it walk every element of every
page: about a second of the real build, and every use expanded.

Only prose is touched: not front matter, headings, code, raw HTML lines, tags,
link targets or attribute lists. Hand-written pages include the whole list of
definitions, `includes/abbreviations.md`, for the `abbr` extension.
"""

from __future__ import annotations

import html
import re

from acqkb import serving
from acqkb.check import KnowledgeBase

ABBREVIATIONS_PATH = "includes/abbreviations.md"
# A run of letters and digits: abbreviations made of these are found by set lookup, which is far
# quicker than one long regular expression; the few with other characters (A&S, SB-AMTI) use one.
TOKEN = re.compile(r"[A-Za-z0-9]+")
# Lines that are not prose (besides fenced code): a heading, a definition, an admonition's title line, a reference
# link, a line indented as code, or raw HTML, unless it starts with an inline tag or asks for Markdown
# inside (md_in_html's `markdown` attribute: the timeline's items, the views' table rows).
NOT_PROSE = re.compile(r"\s{0,3}#|\*\[|!!!|\?\?\?|\s{0,3}\[[^\]]*\]:|(?: {4}|\t)")
RAW_HTML = re.compile(r"\s{0,3}<(?!(?:abbr|a|em|span|strong|time)\b|[a-z]+\b[^>]*\smarkdown\b)")
# A fenced code block, from its opening fence to the closing one (or the end of the page).
FENCED = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1|\Z)", re.MULTILINE | re.DOTALL)
# What a line holds that is not text to read: code spans (not from an escaped backtick), an <abbr> or <code> with its text, other tags (and
# autolinks), link targets (with one level of parentheses, and a title), reference labels, attribute lists.
NOT_TEXT = re.compile(
    r"(?<!\\)(`+).*?(?<!`)\1(?!`)|<(abbr|code)\b[^>]*>.*?</\2>|<[^>]*>"
    r"|\]\((?:[^()\n]|\([^()\n]*\))*\)|\]\[[^\]\n]*\]|\{[^}\n]*\}"
)
# Under `mkdocs serve`, the last run's pages with their tooltips, and the expansions they were made
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
        # Not inside a longer word: a name that starts or ends with a letter or digit may not touch another
        # there (`\b` would never let U.S.C. or USD(A&S) end before a space).
        self.pattern = re.compile("|".join(map(whole_word, others))) if others else None
        # The same without the word boundaries: about four times quicker to scan a page with, it finds the
        # places where `pattern` can match, and `pattern` decides there.
        self.candidates = re.compile(f"(?:{alternatives})") if others else None
        # Raw HTML for Python-Markdown, which would undo a backslash escape inside a tag.
        self.tags = {a: f'<abbr title="{attribute(e)}">{html.escape(a)}</abbr>' for a, e in self.expansions.items()}

    def all_lines(self) -> str:
        """Every definition for Python-Markdown's `abbr` extension, for the hand-written pages."""
        return "\n".join(f"*[{a}]: {self.expansions[a]}" for a in sorted(self.expansions)) + "\n"

    def for_pages(self, pages: dict[str, str]) -> dict[str, str]:
        """Each page (by path) with its abbreviations expanded where first used."""
        if not serving.ACTIVE:
            return {path: self.for_page(text) for path, text in pages.items()}
        last = _LAST_RUN["pages"] if _LAST_RUN["expansions"] == self.expansions else {}
        done = {text: last[text] if text in last else self.for_page(text) for text in pages.values()}
        _LAST_RUN.update(expansions=self.expansions, pages=done)
        return {path: done[text] for path, text in pages.items()}

    def for_page(self, markdown: str) -> str:
        """The page with the first use of each abbreviation it holds in its prose wrapped in <abbr>."""
        wanted = (self.plain & set(TOKEN.findall(markdown))) | self.others_in(markdown)
        if not wanted:
            return markdown
        prose = Prose(markdown, self)
        uses = sorted((at, name) for name in wanted if (at := prose.first_use(name)) is not None)
        pieces, done = [], 0
        for at, name in uses:
            pieces += [markdown[done:at], self.tags[name]]
            done = at + len(name)
        return "".join([*pieces, markdown[done:]])

    def others_at(self, text: str) -> list[tuple[int, int, str]]:
        """Where the abbreviations with other characters than letters and digits are in text."""
        found: list[tuple[int, int, str]] = []
        if self.pattern is None or self.candidates is None:
            return found
        position = 0
        while candidate := self.candidates.search(text, position):
            match = self.pattern.match(text, candidate.start())
            if match:
                found.append((match.start(), match.end(), match.group()))
            position = match.end() if match else candidate.start() + 1
        return found

    def others_in(self, markdown: str) -> set[str]:
        """The abbreviations with other characters than letters and digits that the text holds."""
        return {name for _, _, name in self.others_at(markdown)}


class Prose:
    """Where a page's Markdown is text to read: lines of prose, outside code, tags, link targets and longer names.

    Each abbreviation is looked for with str.find from the start of the page, and each place found is
    checked here; the first that passes is its first use. Most are in the page's first lines of prose.
    """

    def __init__(self, markdown: str, glossary: Glossary) -> None:
        self.text, self.glossary = markdown, glossary
        self.start = front_matter_end(markdown)
        self.fenced = [m.span() for m in FENCED.finditer(markdown)] if "``" in markdown or "~~" in markdown else []
        self.blocked: dict[int, list[tuple[int, int]] | None] = {}

    def first_use(self, name: str) -> int | None:
        """Where name is first used as a word in prose, or None."""
        at = self.text.find(name, self.start)
        while at >= 0:
            if self.bounded(at, at + len(name)) and self.readable(at, at + len(name)):
                return at
            at = self.text.find(name, at + 1)
        return None

    def bounded(self, start: int, end: int) -> bool:
        """Whether text[start:end] is not part of a longer word, as `whole_word` says. Written out rather than
        matched with that expression: its leading look-behind makes a search try every position, and the
        tooltips then took 1.6 to 2.3 s instead of 0.4 to 0.6 s on the real pages."""
        before = self.text[start - 1] if start else " "
        after = self.text[end] if end < len(self.text) else " "
        return not (is_word(before) and is_word(self.text[start])) and not (is_word(after) and is_word(self.text[end - 1]))

    def readable(self, start: int, end: int) -> bool:
        """Whether text[start:end] lies in a line of prose, outside anything that is not text to read."""
        if any(a <= start < b for a, b in self.fenced):
            return False
        line_start = self.text.rfind("\n", 0, start) + 1
        if line_start not in self.blocked:
            self.blocked[line_start] = self.not_text(line_start)
        spans = self.blocked[line_start]
        return spans is not None and not any(a < end and start < b and (a, b) != (start, end) for a, b in spans)

    def not_text(self, line_start: int) -> list[tuple[int, int]] | None:
        """The spans of a line that are not text to read (with the places of the longer names), or None when
        the whole line is not prose."""
        line_end = self.text.find("\n", line_start)
        line = self.text[line_start : line_end if line_end >= 0 else len(self.text)]
        if NOT_PROSE.match(line) or RAW_HTML.match(line):
            return None
        spans = [m.span() for m in NOT_TEXT.finditer(line)]
        spans += [(a, b) for a, b, _ in self.glossary.others_at(line)]
        return [(a + line_start, b + line_start) for a, b in spans]


def front_matter_end(markdown: str) -> int:
    """Where the text after a page's YAML front matter starts (0 when it has none)."""
    if not markdown.startswith("---\n"):
        return 0
    end = markdown.find("\n---\n", 3)
    return end + 5 if end >= 0 else len(markdown)


def whole_word(name: str) -> str:
    """A regular expression for name where it is not part of a longer word."""
    return ("(?<!\\w)" if is_word(name[0]) else "") + re.escape(name) + ("(?!\\w)" if is_word(name[-1]) else "")


def is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def attribute(text: str) -> str:
    """Text as an HTML attribute value in raw HTML that Python-Markdown passes through unchanged."""
    return html.escape(text).replace("\\", "&#92;")
