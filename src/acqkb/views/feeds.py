"""Atom feeds of the dated changes, written with feedgen: the whole site, each program, each vendor.

Every date comes from the changes (views/changes.py), never the build time.
Entry ids are `urn:uuid:` names derived from the feed's path and the change's
key (a commit hash), so they stay the same from build to build and do not
depend on the site's address; a change in two feeds is two entries, as each
feed describes its own part of it. Links are built from kb.settings.base.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator

from acqkb.check import KnowledgeBase
from acqkb.markdown import page_path
from acqkb.model import Entry
from acqkb.views.changes import FEED_SIZE, PAGE, SHOWN, Change, changes
from acqkb.views.scopes import Scopes

SITE_FEED = "feed.xml"


@dataclass(frozen=True)
class Feed:
    """What one feed is about: its path below docs/, its title, the page it belongs to, the entries it follows."""

    path: str
    title: str
    subtitle: str
    home: str  # the URL of the page the feed belongs to
    ids: set[str] | None  # the entries it follows; None for every change


def stamp(day: date) -> datetime:
    """A day as the instant Atom needs: its midnight, UTC."""
    return datetime.combine(day, time(), tzinfo=UTC)


def entry_url(kb: KnowledgeBase, entry: Entry) -> str:
    return kb.settings.base + page_path(entry)[:-3] + "/"


def feeds(kb: KnowledgeBase) -> list[Feed]:
    """The site's feed, then one per program and one per vendor."""
    site, scopes = kb.settings.site_name, Scopes(kb)
    found = [Feed(SITE_FEED, f"{site}: what's new", "Changes to the data, newest first.", kb.settings.base + PAGE[:-3] + "/", None)]
    for kind, ids in (("program", scopes.program_ids), ("vendor", scopes.vendor_ids)):
        for entry in kb.of_kind(kind):
            what = "its sub-programs, their awards and events" if kind == "program" else "its companies and their awards"
            found.append(
                Feed(
                    f"feeds/{kind}s/{entry.id}.xml",
                    f"{site}: {entry.title}",
                    f"Changes to {entry.title}, {what}.",
                    entry_url(kb, entry),
                    ids(entry),
                )
            )
    return found


def selected(feed: Feed, every: list[Change]) -> list[Change]:
    """The newest changes a feed follows, each cut down to the entries it follows."""
    if feed.ids is None:
        return every[:FEED_SIZE]
    cut = (change.within(feed.ids) for change in every)
    return [c for c in cut if c is not None][:FEED_SIZE]


def item_link(kb: KnowledgeBase, feed: Feed, change: Change) -> str:
    """The one entry a change touched, or the feed's page (for the site, the change on What's new)."""
    if len(change.entries) == 1:
        return entry_url(kb, change.entries[0])
    return feed.home + f"#{change.anchor}" if feed.ids is None else feed.home


def headline(change: Change) -> str:
    """The item's title: the commit message, or for one entry's own history line, the entry's title and the line."""
    if change.commit or len(change.entries) != 1:
        return change.message
    return f"{change.entries[0].title}: {change.message}"


def item_text(change: Change) -> str:
    """What a change touched, as plain text (feedgen escapes it)."""
    names = [f"{e.title} ({e.kind})" for e in change.entries[:SHOWN]]
    rest = len(change.entries) - len(names)
    lines = []
    if names:
        lines.append("Changed: " + "; ".join(names) + (f"; and {rest} more." if rest else "."))
    if change.removed:
        lines.append(f"Also {change.removed} {'file' if change.removed == 1 else 'files'} no longer in the data.")
    where = (
        f"commit {change.commit[:10]} of {change.day.isoformat()}"
        if change.commit
        else f"the entries' own record, {change.day.isoformat()}"
    )
    lines.append(f"Dated from {where}.")
    return "\n".join(lines)


def atom(kb: KnowledgeBase, feed: Feed, items: list[Change], fallback: date) -> bytes:
    """One Atom feed; updated is its newest change (or fallback, a date from the data, when it has none)."""
    generator = FeedGenerator()
    url = kb.settings.base + feed.path
    generator.id(url)
    generator.title(feed.title)
    generator.subtitle(feed.subtitle)
    generator.link(href=feed.home, rel="alternate")
    generator.link(href=url, rel="self")
    generator.author(name=kb.settings.site_name)
    generator.generator("acqkb")
    generator.language("en")
    generator.updated(stamp(max((c.day for c in items), default=fallback)))
    for change in items:
        item = generator.add_entry(order="append")
        item.id(uuid.uuid5(uuid.NAMESPACE_URL, f"acqkb:{feed.path}#{change.key}").urn)
        item.title(headline(change))
        item.link(href=item_link(kb, feed, change), rel="alternate")
        item.published(stamp(change.day))
        item.updated(stamp(change.day))
        item.content(item_text(change), type="text")
    return generator.atom_str(pretty=True)


def quiet_day(kb: KnowledgeBase, feed: Feed) -> date:
    """The updated date of a feed without changes: the newest as_of of what it follows."""
    return max((kb.by_id[i].get("as_of").start() for i in (kb.by_id if feed.ids is None else feed.ids)), default=date(1970, 1, 1))


def feed_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """Every feed, by its path below docs/."""
    every = changes(kb)
    return {feed.path: atom(kb, feed, selected(feed, every), quiet_day(kb, feed)) for feed in feeds(kb)}
