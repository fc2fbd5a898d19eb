"""What's new: the dated changes of the data, read from the repository history when there is one.

A change is a commit that touched data/: the day it was committed, its message
and the entries whose files it touched. A copy of the site's sources without
git (a tarball) has no such history; then the changes are each entry's
`history` lines and its `as_of` day, grouped by day and wording. No date here
is the build time. The page is written here; the Atom feeds (views/feeds.py)
read the same changes.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from acqkb.check import KnowledgeBase
from acqkb.markdown import link
from acqkb.model import KINDS, Entry
from acqkb.schema import MONTHS
from acqkb.text import inline

FEED_SIZE = 50  # changes on the page and in each feed
SHOWN = 10  # entries named in one change before "and N more"
CHECKED = "checked against their sources (as_of)"
PAGE = "views/whats-new.md"
KIND_ORDER = {name: index for index, name in enumerate(KINDS)}


@dataclass(frozen=True)
class Change:
    """One dated change to the data and the entries it touched."""

    day: date
    message: str  # contributor text (a commit subject or a history line), unescaped: escape it where it lands
    key: str  # stable across builds: the commit's hash, or a hash of the day and the line
    entries: tuple[Entry, ...]  # the entries it touched that exist today, in reading order
    removed: int = 0  # files it touched that are no longer entries (deleted or renamed since)
    commit: str = ""  # the commit's hash when the change comes from git

    @property
    def anchor(self) -> str:
        """The id of the change's item on the What's new page."""
        return f"change-{self.key[:12]}"

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    def within(self, ids: set[str]) -> Change | None:
        """The part of the change that touched the entries named by ids, or None when it touched none."""
        if len(ids) < len(self.entries):  # walk the smaller side: a feed follows few entries, a change may touch thousands
            entries = reading_order([self.by_id[i] for i in ids if i in self.by_id])
        else:
            entries = tuple(e for e in self.entries if e.id in ids)
        return replace(self, entries=entries, removed=0) if entries else None


def clean(message: str) -> str:
    """A commit message with every control or invisible character shown as an escape.

    Entry text cannot hold them (the loader refuses them), but a commit message
    can, and XML cannot carry most of them.
    """
    text = "".join(c if c.isprintable() or unicodedata.category(c) == "Zs" else c.encode("unicode_escape").decode() for c in message)
    return " ".join(text.split()) or "(no message)"


def reading_order(entries: list[Entry]) -> tuple[Entry, ...]:
    """Entries by kind (instruments first, terms last), then title."""
    return tuple(sorted(entries, key=lambda e: (KIND_ORDER[e.kind], e.title.lower(), e.id)))


def from_history(kb: KnowledgeBase) -> list[Change]:
    """One change per commit that touched data/, newest first."""
    by_path = {entry.path: entry for entry in kb.entries}
    found = []
    for commit in kb.history.commits:
        entries = [by_path[path] for path in dict.fromkeys(commit.paths) if path in by_path]
        removed = len(set(commit.paths)) - len(entries)
        found.append(Change(commit.day, clean(commit.message), commit.sha, reading_order(entries), removed, commit.sha))
    return sorted(found, key=lambda c: c.day, reverse=True)  # stable: git's order within a day


def from_entries(kb: KnowledgeBase) -> list[Change]:
    """Without git: each entry's history lines and its as_of day, entries with the same day and wording grouped."""
    groups: dict[tuple[date, str], list[Entry]] = {}
    for entry in kb.entries:
        for item in entry.get("history", []):
            groups.setdefault((item["date"].start(), item["change"]), []).append(entry)
        groups.setdefault((entry.get("as_of").start(), CHECKED), []).append(entry)
    found = [Change(day, text, _hash(f"{day.isoformat()}|{text}"), reading_order(entries)) for (day, text), entries in groups.items()]
    return sorted(found, key=lambda c: (-c.day.toordinal(), c.message == CHECKED, c.message))


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def from_git(kb: KnowledgeBase) -> bool:
    """Whether the changes come from the repository history (else from the entries' own fields)."""
    return kb.history.available and bool(kb.history.commits)


def changes(kb: KnowledgeBase) -> list[Change]:
    """Every change, newest first: from git when the history has any, else from the entries."""
    return from_history(kb) if from_git(kb) else from_entries(kb)


def provenance(kb: KnowledgeBase) -> str:
    """A sentence saying where the dates and descriptions come from."""
    if from_git(kb):
        return (
            "Each change is a commit to the data in the site's repository: dated by the day it was committed, "
            "described by its message, with the entries whose files it touched."
        )
    why = "has no commit that touched the data" if kb.history.available else "was built without its git history"
    return (
        f"This copy of the site {why}, so the changes are each entry's own record: the notable changes its `history` "
        "field lists, and its `as_of` day, when it was last checked against its sources."
    )


def day_label(day: date) -> str:
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def kind_counts(entries: tuple[Entry, ...]) -> str:
    """6 awards, 1 event, 3 sources."""
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    return ", ".join(f"{n} {kind}{'' if n == 1 else 's'}" for kind, n in counts.items())


def touched(change: Change, page: str) -> str:
    """What a change touched, linked, a long list shortened with a count."""
    names = [link(page, e) for e in change.entries[:SHOWN]]
    rest = len(change.entries) - len(names)
    listed = ", ".join(names) + (f" and {rest} more" if rest else "")
    parts = []
    if len(change.entries) == 1:
        parts.append(f"{names[0]} ({change.entries[0].kind})")
    elif change.entries:
        noun = "entry" if len(change.entries) == 1 else "entries"
        parts.append(f"{len(change.entries)} {noun} ({kind_counts(change.entries)}): {listed}")
    if change.removed:
        parts.append(f"{change.removed} {'file' if change.removed == 1 else 'files'} no longer in the data")
    return "; ".join(parts) + "."


def commit_label(kb: KnowledgeBase, change: Change) -> str:
    """The commit's short hash, linked to the forge when mkdocs.yml names one."""
    short = f"`{change.commit[:10]}`"
    repo = kb.settings.repo_url.rstrip("/")
    return f" (commit [{short}]({repo}/commit/{change.commit}))" if repo else f" (commit {short})"


def change_item(kb: KnowledgeBase, change: Change) -> str:
    commit = commit_label(kb, change) if change.commit else ""
    return f'- <span id="{change.anchor}"></span>**{inline(change.message)}**{commit}  \n  {touched(change, PAGE)}'


def subscriptions(kb: KnowledgeBase) -> str:
    """Where to follow one program or vendor: its feed (and a program's calendar)."""
    programs = [f"- {link(PAGE, p)}: [changes](../feeds/programs/{p.id}.xml)" for p in kb.of_kind("program")]
    vendors = [f"- {link(PAGE, v)}: [changes](../feeds/vendors/{v.id}.xml)" for v in kb.of_kind("vendor")]
    return (
        "## Follow a program or a vendor\n\n"
        "A program's feed has the changes to the program, its sub-programs, their awards and events; a vendor's feed "
        "the changes to the vendor, the companies that belong to it and their awards. Each program with dated events "
        "also has a calendar ([guide](../guides/data.md)).\n\n"
        + (f'<details markdown="1">\n<summary>Programs ({len(programs)})</summary>\n\n' + "\n".join(programs) + "\n\n</details>\n\n")
        + (f'<details markdown="1">\n<summary>Vendors ({len(vendors)})</summary>\n\n' + "\n".join(vendors) + "\n\n</details>\n")
    )


def whats_new_page(kb: KnowledgeBase) -> str:
    """The newest changes, grouped by day, newest first, with where their dates come from."""
    every = changes(kb)
    items = every[:FEED_SIZE]
    sections, day = [], None
    for change in items:
        if change.day != day:
            day = change.day
            sections.append(f"\n## {day_label(day)}\n")
        sections.append(change_item(kb, change))
    shown = f"The {len(items)} most recent of {len(every)} changes" if len(every) > len(items) else f"All {len(items)} changes"
    return (
        "---\ntitle: What's new\nsearch:\n  exclude: true\n---\n\n# What's new\n\n"
        f"{shown} to the data, newest first. {provenance(kb)} "
        "Follow them in a feed reader: [feed.xml](../feed.xml) for the whole site, or one program or vendor (below).\n"
        + "\n".join(sections)
        + "\n\n"
        + subscriptions(kb)
    )
