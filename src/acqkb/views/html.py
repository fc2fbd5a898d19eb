"""Helpers for the HTML blocks the views write into Markdown (parsed with md_in_html)."""

from __future__ import annotations

import html
import posixpath

from acqkb.check import KnowledgeBase
from acqkb.markdown import page_path
from acqkb.model import Entry


def attr(value: str) -> str:
    return html.escape(value, quote=True)


def url_dir(page: str) -> str:
    """The URL folder a page below docs/ is served at (directory URLs): a/b.md -> a/b, a/index.md -> a."""
    return posixpath.dirname(page) if page.endswith("index.md") else page[:-3]


def page_url(from_page: str, entry: Entry) -> str:
    """A relative directory-style URL to an entry's page, for raw HTML and SVG links."""
    return posixpath.relpath(url_dir(page_path(entry)), url_dir(from_page) or ".") + "/"


def data_list(values: list[str]) -> str:
    """Space-separated ids for a data- attribute."""
    return " ".join(sorted(set(values)))


def descendants(program: Entry, kb: KnowledgeBase) -> list[Entry]:
    """The entry and every entry of its kind whose chain of parents leads to it, nearest first."""
    found, queue = [program], [program]
    while queue:
        current = queue.pop(0)
        children = kb.referrers(current.id, "parent", program.kind)
        for child in sorted(children, key=lambda e: e.id):
            if child not in found:
                found.append(child)
                queue.append(child)
    return found


def filter_select(name: str, label: str, values: dict[str, str]) -> str:
    """A labelled <select> that acqkb.js uses to filter items by their data-<name> attribute."""
    options = "".join(f'<option value="{attr(k)}">{html.escape(v)}</option>' for k, v in sorted(values.items(), key=lambda i: i[1].lower()))
    return f'<label>{label} <select data-filter="{name}"><option value="">all</option>{options}</select></label>'
