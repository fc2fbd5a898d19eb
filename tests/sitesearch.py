"""Typing into the site's search box in headless Chromium, as a person does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULT_LINKS = ".md-search-result__list > li.md-search-result__item > a.md-search-result__link"


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless, with no traffic of its own."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def stable_results(page: Page, quiet_ms: int = 500, limit_ms: int = 10_000) -> list[str]:
    """The result links once they have not changed for quiet_ms (search runs as you type)."""
    last, unchanged, waited = None, 0, 0
    while unchanged < quiet_ms and waited < limit_ms:
        current = page.locator(RESULT_LINKS).evaluate_all("els => els.map(e => e.href)")
        unchanged = unchanged + 100 if current == last else 0
        last = current
        page.wait_for_timeout(100)
        waited += 100
    return last or []


def site_search(page: Page, base: str, query: str) -> list[str]:
    """Type a query into the search box and return the result pages, best first (paths below base)."""
    if not page.url.startswith(base):
        page.goto(f"{base}/")
    box = page.locator("input.md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    if box.input_value():
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('matching')")
    page.keyboard.type(query)
    meta.filter(has_text="matching").wait_for(timeout=10_000)
    hrefs = stable_results(page)
    pages = [href[len(base) :].split("#")[0].split("?")[0] for href in hrefs]
    return list(dict.fromkeys(pages))
