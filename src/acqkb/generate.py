"""The build step any site builder can run: check the data, write pages and the data files.

It comes in two halves. The pages (entries, indexes, views: Markdown) are what a
reader sees; the data files (the API, citations, calendars, feeds) are what
tools download. `generate` writes both; a preview server may write the pages,
show them, and write the data files just after (see acqkb.preview).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from acqkb.check import KnowledgeBase, build
from acqkb.cite import cite_files
from acqkb.export import api_files
from acqkb.history import read_history
from acqkb.model import KINDS
from acqkb.pages import render_all, write_pages
from acqkb.problems import Problem
from acqkb.settings import read_settings
from acqkb.views.calendar import calendar_files
from acqkb.views.feeds import feed_files
from acqkb.views.files import view_pages
from acqkb.views.glossary import ABBREVIATIONS_PATH, Glossary

# Where each exported record is written: api/v1/<kind folder>/<id>.json.
RECORD_FOLDERS = tuple(f"api/v1/{kind.folder}/" for kind in KINDS.values())
# What of docs/ people write; everything else below docs/ the generator owns.
HAND_WRITTEN = ("index.md", "guides", "assets")
# The folders below docs/ each half owns entirely: a file there that the half did not write is removed.
PAGE_FOLDERS = [*(info.folder for info in KINDS.values()), "reference", "views", "includes"]
DATA_FOLDERS = ["api", "cite", "calendar", "feeds"]


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


def checked(root: Path, site_url: str = "") -> tuple[KnowledgeBase | None, list[Problem]]:
    """root/data loaded and checked, with the site's settings and history; None and the problems when it is not clean.

    The site's address and forge come from root/mkdocs.yml; site_url overrides the address.
    """
    kb, problems = build(root)
    if problems:
        return None, problems
    kb.settings = read_settings(root, site_url)
    kb.history = read_history(root)
    return kb, []


def write_page_files(kb: KnowledgeBase, root: Path) -> tuple[int, list[str]]:
    """Write the Markdown pages below root/docs; the number of entry pages and the paths changed."""
    glossary = Glossary(kb)
    pages = glossary.for_pages(render_all(kb) | view_pages(kb))
    pages[ABBREVIATIONS_PATH] = glossary.all_lines()  # what the hand-written pages include, all of it
    entry_pages = sum(1 for e in kb.entries if f"{e.folder}/{e.id}.md" in pages)
    return entry_pages, write_pages(pages, root / "docs", PAGE_FOLDERS)


def yaml_copies(kb: KnowledgeBase, root: Path) -> dict[str, str]:
    """Each entry's file as it is, for the API."""
    return {f"api/yaml/{e.folder}/{e.id}.yaml": (root / e.path).read_text(encoding="utf-8") for e in kb.entries}


def write_data_files(kb: KnowledgeBase, root: Path, stopped: Callable[[], bool] = lambda: False) -> tuple[int, list[str]] | None:
    """Write the API, the YAML copies, the citations, calendars and feeds below root/docs; records exported and paths changed.

    They are made in parts, and nothing is written when `stopped()` says so between parts (None is returned).
    """
    files: dict[str, str | bytes] = {}
    for part in (api_files, partial(yaml_copies, root=root), cite_files, calendar_files, feed_files):
        if stopped():
            return None
        files |= part(kb)
    exported = sum(1 for path in files if path.startswith(RECORD_FOLDERS))  # one file per record
    return exported, write_pages(files, root / "docs", DATA_FOLDERS)


def generate(root: Path, site_url: str = "") -> tuple[Counts | None, list[Problem]]:
    """Check root/data and, when it is clean, write the pages and the data files below root/docs."""
    kb, problems = checked(root, site_url)
    if kb is None:
        return None, problems
    entry_pages, pages_changed = write_page_files(kb, root)
    exported, data_changed = write_data_files(kb, root) or (0, [])
    return Counts(len(kb.entries), entry_pages, exported, len(pages_changed) + len(data_changed)), []
