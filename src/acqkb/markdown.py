"""Small Markdown helpers: links, table cells, figures and dates as readers see them."""

from __future__ import annotations

import posixpath
import re

from acqkb.model import VALUE_KIND_DOC, Entry
from acqkb.text import inline


def page_path(entry: Entry) -> str:
    """Where an entry's page lives below docs/."""
    return f"{entry.folder}/{entry.id}.md"


def rel_link(from_page: str, to_page: str) -> str:
    """A relative link between two pages below docs/ (most pages sit one folder deep, which is quick to handle)."""
    source, _, _ = from_page.rpartition("/")
    target, _, name = to_page.rpartition("/")
    if source == target:
        return name
    if "/" not in source and "/" not in target and source and target:
        return f"../{to_page}"
    return posixpath.relpath(to_page, source or ".")


def link(from_page: str, entry: Entry) -> str:
    """A Markdown link to an entry's page."""
    return f"[{inline(entry.title)}]({rel_link(from_page, page_path(entry))})"


def cell(text: str) -> str:
    """Markdown text (already checked) folded onto one line for a table cell."""
    return re.sub(r"\s*\n\s*", " ", text.strip()).replace("|", "\\|")


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A pipe table."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def amount(value: float) -> str:
    """$4.16 billion, $149 million, $20,000."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            number = f"{value / size:.3f}".rstrip("0").rstrip(".")
            return f"${number} {word}"
    return f"${value:,.0f}"


QUALIFIER_WORDS = {"about": "about", "nearly": "nearly", "up-to": "up to", "at-least": "at least", "more-than": "more than"}


def money(value: dict) -> str:
    """A money value with its hedge, its kind and (for budgets) its fiscal year."""
    hedge = QUALIFIER_WORDS.get(value.get("qualifier", ""), "")
    text = f"{hedge} {amount(value['amount'])}".strip()
    year = f", FY{value['fiscal_year']}" if value.get("fiscal_year") else ""
    kind = value["kind"]
    return f'{text} (<abbr title="{VALUE_KIND_DOC[kind]}">{kind}</abbr>{year})'


def count(value: dict) -> str:
    """A count with its hedge."""
    hedge = QUALIFIER_WORDS.get(value.get("qualifier", ""), "")
    return f"{hedge} {value['count']:,}".strip()
