"""The build step any site builder can run: check the data, write pages and the export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from acqkb.check import build
from acqkb.export import api_files
from acqkb.pages import generated_folders, render_all, write_pages
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
    api = api_files(kb)
    exported = sum(json.loads(api[EXPORT_PATH])["counts"].values())
    changed = write_pages(pages | api, root / "docs", generated_folders())
    return Counts(len(kb.entries), entry_pages, exported, changed), []
