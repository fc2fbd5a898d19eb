"""The build step any site builder can run: check the data, write pages and the export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from acqkb.check import build
from acqkb.cite import cite_files
from acqkb.export import api_files
from acqkb.history import read_history
from acqkb.pages import generated_folders, render_all, write_pages
from acqkb.problems import Problem
from acqkb.settings import read_settings
from acqkb.views.files import VIEW_FOLDERS, view_files
from acqkb.views.glossary import Glossary

EXPORT_PATH = "api/v1/acqkb.json"
# What of docs/ people write; everything else below docs/ the generator owns.
HAND_WRITTEN = ("index.md", "guides", "assets")


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


def generate(root: Path, site_url: str = "") -> tuple[Counts | None, list[Problem]]:
    """Check root/data and, when it is clean, write the pages and export below root/docs.

    The site's address and forge come from root/mkdocs.yml; site_url overrides the address.
    """
    kb, problems = build(root)
    if problems:
        return None, problems
    kb.settings = read_settings(root, site_url)
    kb.history = read_history(root)
    site_url = kb.settings.base
    pages = render_all(kb)
    entry_pages = sum(1 for e in kb.entries if f"{e.folder}/{e.id}.md" in pages)
    api = api_files(kb)
    exported = sum(json.loads(api[EXPORT_PATH])["counts"].values())
    yaml_copies = {f"api/yaml/{e.folder}/{e.id}.yaml": (root / e.path).read_text(encoding="utf-8") for e in kb.entries}
    glossary = Glossary(kb)
    files = {path: glossary.for_page(text) if path.endswith(".md") else text for path, text in (pages | view_files(kb, site_url)).items()}
    files |= api | yaml_copies | cite_files(kb)
    changed = write_pages(files, root / "docs", [*generated_folders(), *VIEW_FOLDERS])
    return Counts(len(kb.entries), entry_pages, exported, changed), []
