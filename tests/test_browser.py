"""The built site in headless Chromium: a reader opens an entry and follows a link."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from conftest import ARTIFACTS, recording_page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with recording_page(browser) as page:
        yield page


def test_open_an_entry_follow_a_link_and_stay_on_the_host(page: Page, served_site: str) -> None:
    page.goto(f"{served_site}/awards/sb-amti-spacex-2026/")
    assert page.locator("article h1").inner_text().startswith("SB-AMTI first award to SpaceX")
    assert page.locator("article h3#reports-differ-value-stated").count() == 1
    page.locator("article a[href='../../programs/sb-amti/']").first.click()
    page.wait_for_url(f"{served_site}/programs/sb-amti/")
    assert "SB-AMTI" in page.locator("article h1").inner_text()
    assert page.locator("#referenced-by").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "entry-page.png"), full_page=True)
    outside = [url for url in page.requests if not url.startswith(served_site)]  # type: ignore[attr-defined]
    assert outside == []
