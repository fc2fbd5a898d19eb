"""Every page type as readers meet it, in headless Chromium: axe-core (WCAG 2.1 AA) in both palettes,
a 390 px phone, the comparison matrix, subscriptions and citations, and the Nu HTML Checker.

axe-core and vnu.jar come from the npm registry (package.json); they run against the real built site.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
import icalendar
import pytest
import rispy
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from playwright.sync_api import Browser, Page, expect

from acqkb.check import KnowledgeBase, build
from conftest import ARTIFACTS, REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VIEWS = ["chronology", "comparison", "decision-guide", "awards-ledger", "program-phases", "thresholds", "tags", "whats-new"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build(REPO)[0]


def page_types(kb: KnowledgeBase) -> dict[str, str]:
    """One page of every type: home, guide, field reference, an index, each view, and an entry of each kind."""
    busiest = {kind: max(kb.of_kind(kind), key=lambda e: (len(e.data), e.id)) for kind in ("instrument", "program", "award", "source")}
    pages = {"home": "", "guide": "guides/data/", "field reference": "reference/fields/", "index": "awards/"}
    pages |= {f"view {v}": f"views/{v}/" for v in VIEWS}
    for kind in ("instrument", "program", "organization", "vendor", "award", "event", "source", "threshold", "term"):
        entry = busiest.get(kind) or kb.of_kind(kind)[0]
        pages[f"{kind} entry"] = f"{entry.folder}/{entry.id}/"
    return pages


@pytest.fixture(scope="module", params=["light", "dark"])
def palette_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    yield context.new_page()
    context.close()


def serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}))
             .violations.filter(v => ['serious', 'critical'].includes(v.impact))
             .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""",
        WCAG_TAGS,
    )
    return found


def test_axe_finds_no_serious_violation_on_any_page_type_in_either_palette(palette_page: Page, served_site: str, kb: KnowledgeBase) -> None:
    scheme = palette_page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    failures = {}
    for name, path in page_types(kb).items():
        palette_page.goto(f"{served_site}/{path}", wait_until="load")
        violations = serious_violations(palette_page)
        if violations:
            failures[name] = violations
    assert failures == {}, f"{scheme}: {failures}"


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


OVERFLOW = """() => [...document.querySelectorAll('.md-content *')].filter(el => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= window.innerWidth + 1) return false;
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return false;
    }
    return true;
  }).slice(0, 5).map(el => el.tagName + '.' + el.className + ' ends at ' + Math.round(el.getBoundingClientRect().right))"""

# Words of table-cell links drawn on more than one line (a name broken mid-word; a break after a hyphen is
# fine), the first five.
SPLIT_WORDS = """() => {
  const split = [];
  for (const link of [...document.querySelectorAll('.md-content td a')].slice(0, 300)) {
    for (const node of link.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
  }
  return split.slice(0, 5);
}"""


@pytest.mark.parametrize("view", VIEWS)
def test_no_view_is_wider_than_a_phone(phone: Page, served_site: str, view: str) -> None:
    phone.goto(f"{served_site}/views/{view}/", wait_until="load")
    assert phone.evaluate(OVERFLOW) == []
    assert phone.evaluate(SPLIT_WORDS) == []
    phone.evaluate("() => window.scrollTo(10000, 0)")
    assert phone.evaluate("() => window.scrollX") == 0
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / f"view-{view}-390.png"), full_page=True)


@pytest.mark.parametrize("view", VIEWS)
def test_each_view_at_desktop_width(page: Page, served_site: str, view: str) -> None:
    page.goto(f"{served_site}/views/{view}/", wait_until="load")
    expect(page.locator("article h1")).to_be_visible()
    assert page.evaluate(SPLIT_WORDS) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"view-{view}-1280.png"), full_page=True)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_matrix_opens_on_ota_far_and_idiq_keeps_the_choice_in_the_address_and_has_no_markdown(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/views/comparison/")
    shown = page.locator("table.acq-matrix thead th[data-col]:visible")
    expect(shown).to_have_count(3)
    assert shown.evaluate_all("els => els.map(e => e.dataset.col)") == ["other-transaction-authority", "far-contract", "idiq"]
    headers = page.locator("table.acq-matrix thead th").all_inner_texts()
    assert not [h for h in headers if "](" in h or "[" in h or "*" in h]
    page.locator("button[data-preset='']").click()
    expect(page.locator("table.acq-matrix thead th[data-col]:visible")).to_have_count(0)
    page.locator("input[data-col='prototype-ot']").check()
    page.locator("input[data-col='idiq']").check()
    assert "compare=" in page.url and "prototype-ot" in page.url
    page.goto(page.url)
    assert page.locator("table.acq-matrix thead th[data-col]:visible").evaluate_all("els => els.map(e => e.dataset.col)") == [
        "prototype-ot",
        "idiq",
    ] or sorted(page.locator("table.acq-matrix thead th[data-col]:visible").evaluate_all("els => els.map(e => e.dataset.col)")) == [
        "idiq",
        "prototype-ot",
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "view-comparison-chosen.png"), full_page=True)


def test_each_program_page_links_a_calendar_that_parses(
    page: Page, served_site: str, built_site: tuple[Path, str], kb: KnowledgeBase
) -> None:
    site = built_site[0]
    for program in kb.of_kind("program"):
        html = (site / "programs" / program.id / "index.html").read_text(encoding="utf-8")
        assert re.search(rf'href="?../../calendar/{re.escape(program.id)}.ics[" >]', html), program.id
        calendar = icalendar.Calendar.from_ical((site / "calendar" / f"{program.id}.ics").read_bytes())
        assert calendar.get("PRODID"), program.id


def test_every_page_advertises_the_feed(built_site: tuple[Path, str]) -> None:
    site = built_site[0]
    for path in [site / "index.html", site / "awards" / "index.html", next((site / "programs").glob("*/index.html"))]:
        assert re.search(r'<link[^>]*type="?application/atom\+xml', path.read_text(encoding="utf-8")), path


def test_cite_this_page_exports_parse_in_real_clients(
    page: Page, served_site: str, built_site: tuple[Path, str], kb: KnowledgeBase
) -> None:
    award = kb.by_id["sb-amti-spacex-2026"]
    page.goto(f"{served_site}/awards/{award.id}/")
    cite = page.locator("#cite-this-page + blockquote")
    expect(cite).to_contain_text(award.title)
    expect(cite).to_contain_text(award.get("as_of").label())
    site = built_site[0]
    bib = bibtexparser.loads((site / "cite" / f"{award.id}.bib").read_text(encoding="utf-8"))
    assert bib.entries[0]["ID"] == f"acqkb-{award.id}" and award.title in bib.entries[0]["title"]
    ris = rispy.loads((site / "cite" / f"{award.id}.ris").read_text(encoding="utf-8"))
    assert ris[0]["title"] == award.title
    source = CiteProcJSON(json.loads((site / "cite" / f"{award.id}.json").read_text(encoding="utf-8")))
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain)
    bibliography.register(Citation([CitationItem(f"acqkb-{award.id}")]))
    rendered = str(bibliography.bibliography()[0])
    assert "SB-AMTI" in rendered and "acqkb" in rendered


def test_citations_name_their_source_for_screen_readers(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/awards/sb-amti-spacex-2026/")
    first = page.locator("article a.acq-cite").first
    name = first.evaluate("el => el.textContent")
    assert name.startswith("[1]: ") and len(name) > 10
    page.emulate_media(media="print")
    expect(first.locator(".acq-cite-name")).to_be_visible()


def nu_errors(paths: list[Path]) -> dict[str, set[str]]:
    """The Nu HTML Checker's errors per file (messages only, without positions)."""
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, paths)], capture_output=True, text=True
    )
    errors: dict[str, set[str]] = {}
    for message in json.loads(result.stderr or '{"messages": []}')["messages"]:
        errors.setdefault(message.get("url", ""), set()).add(message["message"])
    return errors


def theme_only_site(tmp_path: Path) -> list[Path]:
    """Pages of a site that is Material alone, with our theme settings but none of our content: what the theme emits."""
    import yaml

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    theme = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    root = tmp_path / "theme-only"
    (root / "docs" / "section").mkdir(parents=True)
    settings = {"site_name": "theme", "site_url": "http://127.0.0.1/", "theme": theme, "not_in_nav": "/orphan.md"}
    settings["nav"] = ["index.md", {"Section": ["section/index.md", "section/page.md"]}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    (root / "docs" / "orphan.md").write_text("# Not in the navigation\n\n## Part\n\nText.\n", encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Home\n\nText.\n", encoding="utf-8")
    (root / "docs" / "section" / "index.md").write_text("---\nhide:\n  - navigation\n  - toc\n---\n# Wide\n\nText.\n", encoding="utf-8")
    (root / "docs" / "section" / "page.md").write_text("# Page\n\n## Part\n\nText.\n", encoding="utf-8")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    subprocess.run([str(mkdocs), "build", "-q", "-d", str(root / "site")], cwd=root, check=True, capture_output=True)
    pages = ["index.html", "section/index.html", "section/page/index.html", "orphan/index.html"]
    return [root / "site" / page for page in pages]


def test_html_validates_apart_from_what_the_theme_emits(built_site: tuple[Path, str], kb: KnowledgeBase, tmp_path: Path) -> None:
    site = built_site[0]
    ours = [site / path / "index.html" for path in page_types(kb).values()]
    theme = set().union(*nu_errors(theme_only_site(tmp_path)).values())
    assert theme, "the theme-only pages should show the theme's own known errors (else the checker did not run)"
    remaining = {url: messages - theme for url, messages in nu_errors(ours).items()}
    assert {url: m for url, m in remaining.items() if m} == {}
