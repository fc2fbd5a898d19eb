"""The site built with Zensical from a clean checkout, by the documented command (`make zensical`'s build step).

Zensical reads mkdocs.yml but runs no MkDocs hooks, so the pages must be
generated first; the command does both. The checkout is every file git tracks,
copied to a fresh folder (no generated docs/, no .venv, no .git), built with
the checkout's own code.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import icalendar
import pytest
from playwright.sync_api import Browser, expect

from acqkb.check import build
from conftest import REPO, recording_page, serve

pytest.importorskip("zensical")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean checkout built with `make zensical-site`; returns its root."""
    root = tmp_path_factory.mktemp("zensical") / "checkout"
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split("\0")
    for rel in filter(None, tracked):
        if (REPO / rel).is_file():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, root / rel, follow_symlinks=False)
    assert not (root / "docs/programs").exists() and not (root / "site").exists()
    env = os.environ | {"PYTHONPATH": str(root / "src")}
    bin_dir = Path(sys.executable).parent
    result = subprocess.run(
        ["make", "--no-print-directory", "zensical-site", f"BIN={bin_dir}"], cwd=root, env=env, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root


def html(checkout: Path, rel: str) -> str:
    return (checkout / "site" / rel / "index.html").read_text(encoding="utf-8")


def test_every_entry_has_a_page(checkout: Path) -> None:
    kb, _ = build(checkout)
    missing = [e.id for e in kb.entries if not (checkout / "site" / e.folder / e.id / "index.html").exists()]
    assert kb.entries and missing == []


def test_glossary_tooltips_on_generated_and_hand_written_pages(checkout: Path) -> None:
    assert '<abbr title="Other Transaction Authority">OTA</abbr>' in html(checkout, "awards/sb-amti-spacex-2026")
    assert "<abbr title=" in html(checkout, "")  # the home page takes the list through a snippet line


def test_search_index_holds_the_entries_and_their_keywords(checkout: Path) -> None:
    index = json.loads((checkout / "site/search.json").read_text(encoding="utf-8"))
    pages = {item["location"].split("#")[0] for item in index["items"]}
    kb, _ = build(checkout)
    assert {f"{e.folder}/{e.id}/" for e in kb.entries} <= pages
    sb_amti = next(item for item in index["items"] if item["location"] == "programs/sb-amti/")
    assert "SB-AMTI" in sb_amti["tags"]  # front-matter tags carry the aliases as search keywords
    assert "views/whats-new/" not in pages  # `search: exclude` is honoured
    assert index["config"]["separator"].startswith("[\\s\\-")  # mkdocs.yml's separator is used


def test_feeds_calendars_and_data_are_published(checkout: Path) -> None:
    site = checkout / "site"
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries
    assert (site / "feeds/programs/sb-amti.xml").exists() and (site / "feeds/vendors/spacex.xml").exists()
    assert icalendar.Calendar.from_ical((site / "calendar/acqkb.ics").read_bytes()).walk("VEVENT")
    assert (site / "api/v1/acqkb.json").exists() and (site / "api/yaml/programs/sb-amti.yaml").exists()


def test_entry_pages_link_to_their_yaml(checkout: Path) -> None:
    """The "view or edit the YAML" link entry pages carry: to the published copy, or to the file on the forge."""
    page = html(checkout, "programs/sb-amti")
    assert re.search(r'href="[^"]*(api/yaml/programs/sb-amti\.yaml|/data/programs/sb-amti\.yaml)"', page)


def test_tooltip_and_search_work_in_the_browser(checkout: Path, browser: Browser) -> None:
    """Zensical's own search box (a different one from Material's) finds a program by its abbreviation."""
    with serve(checkout / "site") as base, recording_page(browser) as page:
        page.goto(f"{base}/awards/sb-amti-spacex-2026/")
        page.locator("article abbr", has_text="OTA").first.hover()
        expect(page.locator(".md-tooltip2", has_text="Other Transaction Authority").first).to_be_visible()
        page.goto(f"{base}/guides/")
        page.keyboard.press("/")
        page.locator('input[aria-label="Search"]').fill("SB-AMTI")
        expect(page.locator('a[href*="/programs/sb-amti/"]').first).to_be_attached()
        assert all(url.startswith(base) for url in page.requests)  # type: ignore[attr-defined]
