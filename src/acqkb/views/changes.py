"""What's new: the changes of entries, dated from their as_of and history (never the build time),
as a page and as an Atom feed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape as xml_escape

from acqkb.check import KnowledgeBase
from acqkb.markdown import link, page_path
from acqkb.model import Entry
from acqkb.text import inline, plain

FEED_SIZE = 50


@dataclass(frozen=True)
class Change:
    """One dated change of one entry."""

    day: date
    entry: Entry
    text: str


def changes(kb: KnowledgeBase) -> list[Change]:
    """Every history item, and for entries without one, their as_of; newest first."""
    found = []
    for entry in kb.entries:
        history = entry.get("history", [])
        found += [Change(h["date"].start(), entry, h["change"]) for h in history]
        if not history:
            found.append(Change(entry.get("as_of").start(), entry, "added or last checked against its sources"))
    return sorted(found, key=lambda c: (c.day, c.entry.id, c.text), reverse=True)


def whats_new_page(kb: KnowledgeBase) -> str:
    page = "views/whats-new.md"
    items = changes(kb)[:FEED_SIZE]
    lines = [f"- **{c.day.isoformat()}** {link(page, c.entry)} ({c.entry.kind}): {inline(c.text)}" for c in items]
    return (
        "---\ntitle: What's new\nsearch:\n  exclude: true\n---\n\n# What's new\n\n"
        f"The {len(items)} most recent changes, from each entry's history and as-of date. "
        "Follow them in a feed reader: [feed.xml](../feed.xml).\n\n" + "\n".join(lines) + "\n"
    )


def atom_feed(kb: KnowledgeBase, site_url: str) -> str:
    """An Atom 1.0 feed of the newest changes; every date comes from the data."""
    base = site_url.rstrip("/") + "/"
    items = changes(kb)[:FEED_SIZE]
    updated = max((c.day for c in items), default=date(2026, 1, 1)).isoformat() + "T00:00:00Z"
    entries = []
    for change in items:
        url = base + page_path(change.entry)[:-3] + "/"
        entries.append(
            f"<entry><id>{xml_escape(url)}#{change.day.isoformat()}-{hashlib.sha1(change.text.encode()).hexdigest()[:10]}</id>"
            f'<title>{xml_escape(change.entry.title)}</title><link href="{xml_escape(url)}"/>'
            f"<updated>{change.day.isoformat()}T00:00:00Z</updated>"
            f"<summary>{xml_escape(change.text + ': ' + plain(change.entry.get('summary'), 300))}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>acqkb: what\'s new</title><id>{xml_escape(base)}</id><link href="{xml_escape(base)}"/>'
        f'<link rel="self" href="{xml_escape(base)}feed.xml"/><updated>{updated}</updated><author><name>acqkb</name></author>'
        + "".join(entries)
        + "</feed>\n"
    )
