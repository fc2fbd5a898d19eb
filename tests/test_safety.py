"""Hostile content: a data set with script in every text field, built into a real site and opened in Chromium.

Every field that takes plain text carries markup that would run if it reached
a page unescaped (tags, event handlers, attribute lists, javascript: links);
every URL carries an encoded payload. The site must build, parse in real feed
and calendar clients, and run nothing, in any page or in the search results.
"""

from __future__ import annotations

import csv
import filecmp
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import feedparser
import icalendar
import pytest
from playwright.sync_api import Browser, Page

from conftest import CASES, build_site, fixture_root, recording_page, serve, site_root
from sitesearch import site_search

# Files that hold the build's own date; everything else of two builds of the same data is byte-identical.
DATED_FILES = {"sitemap.xml", "sitemap.xml.gz"}
MARKER = "__pwned"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile")
    root = fixture_root(tmp)
    shutil.copytree(CASES / "hostile" / "data", root / "data", dirs_exist_ok=True)
    site_root(root / "data", root)
    build_site(root, tmp / "site")
    return tmp / "site"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with recording_page(browser) as page:
        yield page


def hostile_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name == "index.html")


def test_hostile_text_runs_nowhere_in_the_browser(hostile_site: Path, page: Page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    visited = 0
    with serve(hostile_site) as base:
        for rel in hostile_pages(hostile_site):
            page.goto(f"{base}/{rel.removesuffix('index.html')}")
            page.wait_for_load_state("load")
            assert page.evaluate(f"window.{MARKER}") is None, rel
            handlers = page.evaluate(
                """marker => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
                     .filter(a => a.name.startsWith('on') && a.value.includes(marker)).map(a => el.tagName + ' ' + a.name))""",
                MARKER,
            )
            assert handlers == [], rel
            scripted = page.evaluate(
                "() => [...document.querySelectorAll('[href],[src],[action]')].map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action')).filter(u => /^\\s*(javascript|data|vbscript):/i.test(u))"
            )
            assert scripted == [], rel
            visited += 1
    assert visited > 20 and dialogs == []


@pytest.mark.parametrize("query", ["onerror", "Hostile Expansion", "svg onload"])
def test_hostile_names_run_nothing_in_search_results(hostile_site: Path, page: Page, query: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(hostile_site) as base:
        hrefs = site_search(page, base, query)
        assert hrefs, f"search for {query!r} found nothing"
        page.wait_for_timeout(300)
        assert page.evaluate(f"window.{MARKER}") is None
        assert page.locator(".md-search-result img, .md-search-result svg[onload], .md-search-result script").count() == 0
    assert dialogs == []


def test_hostile_feed_and_calendars_parse_in_real_clients(hostile_site: Path) -> None:
    feed = feedparser.parse((hostile_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert any("<script>" in entry.title for entry in feed.entries)
    for path in (hostile_site / "calendar").glob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert calendar.walk("VEVENT"), path


def test_hostile_csv_cells_cannot_start_a_formula(tmp_path: Path) -> None:
    from acqkb.check import build
    from acqkb.export import v1_csv_text

    root = fixture_root(tmp_path)
    (root / "data" / "vendors" / "formula.yaml").write_text(
        "# yaml-language-server: $schema=../../schema/vendor.schema.json\n"
        'id: formula\ntitle: "=HYPERLINK(\\"https://example.com\\",\\"x\\")"\n'
        "aliases: ['+1', '-1', '@SUM(A1)']\nsummary: A made-up company.\nsources: [example-news]\nas_of: 2026-01-15\n",
        encoding="utf-8",
    )
    kb, problems = build(root)
    assert problems == []
    rows = list(csv.DictReader(io.StringIO(v1_csv_text("vendor", kb))))
    row = next(r for r in rows if r["id"] == "formula")
    assert row["title"] == '\'=HYPERLINK("https://example.com","x")'
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    root = site_root(fixture_root(tmp_path) / "data", tmp_path / "root")
    build_site(root, tmp_path / "one")
    build_site(root, tmp_path / "two")
    different = differing_files(tmp_path / "one", tmp_path / "two")
    assert different <= DATED_FILES, different


def differing_files(one: Path, two: Path) -> set[str]:
    names = {p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file()}
    assert names == {p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file()}
    return {name for name in names if not filecmp.cmp(one / name, two / name, shallow=False)}
