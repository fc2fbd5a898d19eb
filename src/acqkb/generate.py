"""The build step any site builder can run: check the data, write pages and the export."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from acqkb.check import build
from acqkb.export import export_document, json_text
from acqkb.pages import generated_folders, render_all, write_if_changed, write_pages
from acqkb.problems import Problem

EXPORT_PATH = "api/acqkb.json"


@dataclass
class Counts:
    """What one generation produced; the three numbers must be equal."""

    loaded: int
    pages: int
    records: int
    changed: int

    def line(self) -> str:
        return (
            f"{self.loaded} entries loaded, {self.pages} entry pages generated, "
            f"{self.records} records exported ({self.changed} files changed)"
        )


def generate(root: Path) -> tuple[Counts | None, list[Problem]]:
    """Check root/data and, when it is clean, write the pages and export below root/docs."""
    kb, problems = build(root)
    if problems:
        return None, problems
    pages = render_all(kb)
    entry_pages = sum(1 for e in kb.entries if f"{e.folder}/{e.id}.md" in pages)
    document = export_document(kb)
    docs = root / "docs"
    changed = write_pages(pages, docs, generated_folders())
    changed += write_if_changed(docs / EXPORT_PATH, json_text(document))
    exported = sum(document["counts"].values())
    return Counts(len(kb.entries), entry_pages, exported, changed), []
