"""Shared fixtures: fixture data roots, one real site build, one served copy of it."""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from sitesearch import chromium

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
ARTIFACTS = REPO / "test-artifacts"


def fixture_root(tmp_path: Path, *overlays: str) -> Path:
    """A repository root holding the valid fixture data plus the named invalid cases."""
    root = tmp_path / "root"
    shutil.copytree(CASES / "valid" / "data", root / "data")
    for case in overlays:
        shutil.copytree(CASES / "invalid" / case / "data", root / "data", dirs_exist_ok=True)
    return root


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    return fixture_root(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site, built once with `mkdocs build --strict`; returns its folder and the build log."""
    site = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(site)], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(built_site: tuple[Path, str]) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(built_site[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless, shared by all browser tests."""
    with chromium() as browser:
        yield browser


@contextmanager
def recording_page(browser: Browser) -> Iterator[Page]:
    """A fresh page that records every URL it requests in page.requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))  # type: ignore[attr-defined]
    try:
        yield page
    finally:
        context.close()
