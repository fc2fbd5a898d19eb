"""The tags page: every topic tag and the entries that carry it."""

from __future__ import annotations

from collections import defaultdict

from acqkb.check import KnowledgeBase
from acqkb.markdown import link
from acqkb.model import Entry


def tags_page(kb: KnowledgeBase) -> str:
    page = "views/tags.md"
    tagged: dict[str, list[Entry]] = defaultdict(list)
    for entry in kb.entries:
        for tag in entry.get("tags", []):
            tagged[tag].append(entry)
    parts = [
        f"## {tag}\n\n" + "\n".join(f"- {link(page, e)} ({e.kind})" for e in sorted(items, key=lambda e: (e.kind, e.title.lower())))
        for tag, items in sorted(tagged.items())
    ]
    index = ", ".join(f"[{tag}](#{tag}) ({len(items)})" for tag, items in sorted(tagged.items()))
    return "---\ntitle: Tags\nsearch:\n  boost: 0.3\n---\n\n# Tags\n\n" + (index or "*No tags yet.*") + "\n\n" + "\n\n".join(parts) + "\n"
