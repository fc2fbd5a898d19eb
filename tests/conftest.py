"""Shared fixtures: fixture data roots, one real site build, one served copy of it."""

from __future__ import annotations

import functools
import http.server
import os
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
    """A repository root holding the valid fixture data plus the named invalid cases.

    A case's files are copied as they are (symbolic links stay links); what git
    cannot hold (a pipe, an empty folder, a huge file, no data at all) a case
    asks for in make.txt, one instruction a line.
    """
    root = tmp_path / "root"
    shutil.copytree(CASES / "valid" / "data", root / "data")
    for case in overlays:
        folder = CASES / "invalid" / case
        if (folder / "data").exists():
            shutil.copytree(folder / "data", root / "data", dirs_exist_ok=True, symlinks=True)
        if (folder / "make.txt").exists():
            for line in (folder / "make.txt").read_text(encoding="utf-8").splitlines():
                make(root, *line.split())
    return root


def make(root: Path, action: str, rel: str, *args: str) -> None:
    """One make.txt instruction: fifo PATH, dir PATH, big PATH BYTES, clear data, remove data."""
    path = root / rel
    if action == "fifo":
        os.mkfifo(path)
    elif action == "dir":
        path.mkdir(parents=True)
    elif action == "big":
        header = "# yaml-language-server: $schema=../../schema/vendor.schema.json\nid: huge\ntitle: Huge\nsummary: |\n"
        path.write_text(header + "  word\n" * (int(args[0]) // 7), encoding="utf-8")
    elif action == "clear":
        shutil.rmtree(path)
        path.mkdir()
    elif action == "remove":
        shutil.rmtree(path)


def site_root(data: Path, root: Path) -> Path:
    """A repository root to build a site from: the real mkdocs.yml (its hook by absolute path), docs and the given data."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("src/acqkb/mkdocs_hook.py", str(REPO / "src/acqkb/mkdocs_hook.py")).replace(
        "- src/acqkb", f"- {REPO / 'src/acqkb'}"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    tracked = subprocess.run(["git", "ls-files", "docs", "overrides"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    for rel in tracked:
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / rel, root / rel)
    if data != root / "data":
        shutil.copytree(data, root / "data", dirs_exist_ok=True)
    return root


def build_site(root: Path, site: Path) -> str:
    """`mkdocs build --strict` of a root into site; returns the log, failing the test when the build fails."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run([str(mkdocs), "build", "--strict", "-d", str(site)], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1 at a free port; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture
def valid_root(tmp_path: Path) -> Path:
    return fixture_root(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site, built once with `mkdocs build --strict`; returns its folder and the build log."""
    site = tmp_path_factory.mktemp("site")
    return site, build_site(REPO, site)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(built_site: tuple[Path, str]) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port; yields its base URL."""
    with serve(built_site[0]) as url:
        yield url


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
