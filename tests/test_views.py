"""The views in headless Chromium; a screenshot of each view. (The feeds and calendars: test_feeds.py.)"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from acqkb.check import KnowledgeBase, build
from acqkb.views.timeline import program_events
from conftest import ARTIFACTS, REPO, recording_page


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build(REPO)[0]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with recording_page(browser) as page:
        yield page


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def busiest_program(kb: KnowledgeBase):
    return max(kb.of_kind("program"), key=lambda p: (len(program_events(p, kb)), p.id))


def test_program_timeline_shows_its_events_and_draws_planned_ones_differently(page: Page, served_site: str, kb: KnowledgeBase) -> None:
    program = busiest_program(kb)
    events = program_events(program, kb)
    planned = [e for e in events if e.get("state") == "planned"]
    assert events and planned, "the busiest program should have both happened and planned events"
    page.goto(f"{served_site}/programs/{program.id}/")
    items = page.locator("article ol.acq-timeline > li.acq-event")
    expect(items).to_have_count(len(events))
    expect(page.locator("article ol.acq-timeline > li.acq-planned")).to_have_count(len(planned))
    fill = "el => getComputedStyle(el, '::before').backgroundColor"
    happened_fill = page.locator("li.acq-happened").first.evaluate(fill) if len(planned) < len(events) else None
    planned_fill = page.locator("li.acq-planned").first.evaluate(fill)
    assert happened_fill is None or happened_fill != planned_fill
    assert page.locator("li.acq-event time").first.get_attribute("datetime")
    shot(page, "view-program-timeline")


def test_chronology_narrows_to_one_program(page: Page, served_site: str, kb: KnowledgeBase) -> None:
    program = busiest_program(kb)
    direct = [e for e in kb.of_kind("event") if program.id in {r.id for r in e.get("programs", [])}]
    page.goto(f"{served_site}/views/chronology/")
    expect(page.locator("#acq-chronology > li:visible")).to_have_count(len(kb.of_kind("event")))
    page.locator('select[data-filter="programs"]').select_option(program.id)
    expect(page.locator("#acq-chronology > li:visible")).to_have_count(len(direct))
    expect(page.locator(".acq-filters .acq-count")).to_have_text(f"{len(direct)} of {len(kb.of_kind('event'))} shown")
    shot(page, "view-chronology")


def test_ledger_sorts_and_filters(page: Page, served_site: str, kb: KnowledgeBase) -> None:
    page.goto(f"{served_site}/views/awards-ledger/")
    rows = page.locator("#acq-ledger tbody tr")
    total = sum(max(1, len(a.get("value", []))) for a in kb.of_kind("award"))
    expect(rows).to_have_count(total)
    value_header = page.locator("#acq-ledger thead th").nth(6)
    expect(value_header).to_have_text("Value")
    value_header.click()
    values = [float(v) for v in page.locator("#acq-ledger tbody tr td:nth-child(7)").evaluate_all("els => els.map(e => e.dataset.sort)")]
    assert values == sorted(values)
    value_header.click()
    values = [float(v) for v in page.locator("#acq-ledger tbody tr td:nth-child(7)").evaluate_all("els => els.map(e => e.dataset.sort)")]
    assert values == sorted(values, reverse=True)
    kind = "stated"
    page.locator('select[data-filter="kind"]').select_option(kind)
    expected = sum(c.value["kind"] == kind for a in kb.of_kind("award") for c in a.get("value", []))
    expect(page.locator("#acq-ledger tbody tr:visible")).to_have_count(expected)
    assert set(page.locator("#acq-ledger tbody tr:visible").evaluate_all("els => els.map(e => e.dataset.kind)")) == {kind}
    shot(page, "view-awards-ledger")


def test_tooltip_shows_an_abbreviation_expansion(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/awards/sb-amti-spacex-2026/")
    abbr = page.locator("article abbr", has_text="OTA").first
    expect(abbr).to_have_count(1)
    abbr.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="Other Transaction Authority")
    expect(tooltip.first).to_be_visible()
    shot(page, "view-tooltip")


def test_print_stylesheet_hides_navigation(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/programs/sb-amti/")
    expect(page.locator(".md-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("article h2#sources")).to_be_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "print-sb-amti.pdf"))


@pytest.mark.parametrize("view", ["comparison", "decision-guide", "program-phases", "tags", "whats-new"])
def test_other_views_render(page: Page, served_site: str, view: str) -> None:
    page.goto(f"{served_site}/views/{view}/")
    expect(page.locator("article h1")).to_be_visible()
    shot(page, f"view-{view}")


def test_comparison_columns_can_be_chosen(page: Page, served_site: str, kb: KnowledgeBase) -> None:
    page.goto(f"{served_site}/views/comparison/")
    first = page.locator(".acq-chooser input[data-col]").first
    column = first.get_attribute("data-col")
    expect(page.locator(f'table.acq-matrix [data-col="{column}"]:visible').first).to_be_visible()
    first.uncheck()
    expect(page.locator(f'table.acq-matrix [data-col="{column}"]:visible')).to_have_count(0)


def test_kind_index_tables_sort_by_a_clicked_column(page: Page, served_site: str, kb: KnowledgeBase) -> None:
    page.goto(f"{served_site}/sources/")
    date_header = page.locator(".acq-sortable table thead th", has_text="Date")
    date_header.click()
    expect(date_header).to_have_attribute("aria-sort", "ascending")
    titles = page.locator(".acq-sortable table tbody tr td:first-child").all_inner_texts()
    assert len(titles) == len(kb.of_kind("source"))
    page.locator(".acq-sortable table thead th", has_text="Title").click()
    titles = page.locator(".acq-sortable table tbody tr td:first-child").all_inner_texts()
    assert titles == sorted(titles, key=str.lower)
