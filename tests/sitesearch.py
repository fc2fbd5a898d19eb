"""Typing into the site's search box in headless Chromium, as a person does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, sync_playwright

from acqkb.keywords import SEPARATOR

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


def last_word(query: str) -> str:
    """The last token of a query, as the site highlights it in result links (?h=...)."""
    tokens = [t for t in re.split(SEPARATOR, query.lower()) if t]
    return tokens[-1] if tokens else ""


def highlighted(href: str) -> list[str]:
    return parse_qs(urlparse(href).query).get("h", [""])[0].split()


FULL_TEXT_SCORE = 100  # answers by name score at most 4 x a page's boost; full-text (Lunr) scores are far larger


SNAPSHOT = """selector => [
  [...document.querySelectorAll(selector)].map(e => e.href),
  [...document.querySelectorAll(".md-search-result__article[data-md-score]")].map(e => Number(e.dataset.mdScore)),
]"""


def settled_results(page: Page, query: str, limit_ms: int = 30_000) -> list[str]:
    """The result links once the full-text search answers the whole query.

    Search runs on every keystroke and the results of a partial query can stay
    on screen for seconds; the site also answers each query by name first and
    by full text when its index is ready. So wait until a full-text result
    highlights the query's last word (or nothing matches); a query whose last
    word matches nowhere is read after limit_ms.
    """
    word, waited = last_word(query), 0
    while waited < limit_ms:
        # One snapshot of links and scores: read one after the other, a name answer's links could be paired
        # with the scores of the full-text answer that replaced it in between.
        hrefs, scores = page.evaluate(SNAPSHOT, RESULT_LINKS)
        if any(word in highlighted(h) for h in hrefs[:10]) and scores and max(scores) > FULL_TEXT_SCORE:
            return hrefs
        if "No matching" in page.locator(".md-search-result__meta").inner_text():
            return []
        page.wait_for_timeout(100)
        waited += 100
    return hrefs


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
    hrefs = settled_results(page, query)
    pages = [href[len(base) :].split("#")[0].split("?")[0] for href in hrefs]
    return list(dict.fromkeys(pages))
