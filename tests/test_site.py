"""The real site, built with `mkdocs build --strict`: pages, links and backlinks."""

from __future__ import annotations

import html
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

from acqkb.check import build
from acqkb.markdown import page_path
from conftest import REPO


class Links(HTMLParser):
    """Collects link targets, and the links inside the 'Referenced by' section."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.backlinks: list[str] = []
        self.section = ""
        self.in_article = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "article":
            self.in_article = True
        if tag == "h2":
            self.section = values.get("id") or ""
        for name in ("href", "src"):
            if values.get(name) and (tag != "link" or values.get("rel") in ("stylesheet", "icon", "manifest")):
                self.targets.append(values[name])
        if tag == "a" and self.in_article and self.section == "referenced-by" and values.get("href", "").startswith("../"):
            self.backlinks.append(values["href"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, target: str) -> Path | None:
    """The file a local link points to, or None for external links."""
    url, _ = urldefrag(target)
    if not url or urlparse(url).scheme in ("http", "https", "mailto"):
        return None
    base = "" if url.startswith("/") else page.parent.relative_to(site).as_posix()
    rel = posixpath.normpath(posixpath.join(base, url.lstrip("/")))
    path = site / rel
    return path / "index.html" if url.endswith("/") or path.is_dir() else path


def test_build_is_strict_and_counts_agree(built_site: tuple[Path, str]) -> None:
    _, log = built_site
    assert [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))] == []
    kb, _ = build(REPO)
    n = len(kb.entries)
    assert f"acqkb: {n} entries loaded, {n} entry pages generated, {n} records exported" in log


def test_every_entry_has_its_page(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    kb, _ = build(REPO)
    missing = [e.id for e in kb.entries if not (site / e.folder / e.id / "index.html").exists()]
    assert missing == []


def test_every_internal_link_resolves(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    broken = []
    for page in site.rglob("*.html"):
        for target in parse(page).targets:
            path = resolve(site, page, target)
            if path is not None and not path.exists():
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert broken == []


def test_backlinks_are_exactly_the_references(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    kb, _ = build(REPO)
    for entry in kb.entries:
        page = site / entry.folder / entry.id / "index.html"
        shown = {posixpath.normpath(posixpath.join(f"{entry.folder}/{entry.id}", h)) for h in parse(page).backlinks}
        expected = {page_path(source)[:-3] for source, _ in kb.backlinks.get(entry.id, [])}
        assert shown == expected, entry.id


def test_no_page_asks_for_anything_outside_the_site(built_site: tuple[Path, str]) -> None:
    site, _ = built_site
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, page
        for target in parse(page).targets:
            if target.startswith(("http://", "https://", "//")):
                assert not target.endswith((".js", ".css", ".woff", ".woff2", ".png", ".svg")), (page, target)


def test_generated_files_are_never_committed() -> None:
    import subprocess

    from acqkb.generate import DATA_FOLDERS, PAGE_FOLDERS

    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    owned = {*PAGE_FOLDERS, *DATA_FOLDERS}
    assert [path for path in tracked if path.split("/")[1] in owned or path == "docs/feed.xml"] == []
    assert "docs/index.md" in tracked


# A tooltip in a minified page: the title is quoted only where it must be.
TOOLTIP = re.compile(r'<abbr title=(?:"[^"]*"|[^ >"]+)>([^<]*)</abbr>')


def test_every_glossary_tooltip_is_in_text_once_per_page(built_site: tuple[Path, str]) -> None:
    """A tooltip never lands where it would show as markup (code, an attribute), and a page expands each
    abbreviation once."""
    site, _ = built_site
    defined = set(re.findall(r"(?m)^\*\[([^\]]+)\]: ", (REPO / "docs/includes/abbreviations.md").read_text(encoding="utf-8")))
    expanded: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "&lt;abbr" not in text, page
        names = [name for name in map(html.unescape, TOOLTIP.findall(text)) if name in defined]
        assert len(names) == len(set(names)), page
        expanded |= set(names)
    assert {"OTA", "SB-AMTI", "U.S.C.", "USD(A&S)"} <= expanded  # names with other characters too
