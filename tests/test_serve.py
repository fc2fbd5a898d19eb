"""`mkdocs serve --dirty` (the Makefile's `make serve`) on fixture data, as a contributor uses it: an edit
shows on its page after one build and reaches the data files just after; a data error is reported with its
place and the last good site stays up."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import fixture_root, site_root


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_until(condition: Callable[[], bool], seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


class Server:
    """A running `mkdocs serve --dirty --no-strict` and every line it has logged."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        command = [str(Path(sys.executable).parent / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(self.process.stdout or []), daemon=True).start()
        assert wait_until(lambda: any("Serving on" in line for line in self.lines), 180), self.log()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def log(self) -> str:
        return "".join(self.lines)

    def builds(self) -> int:
        return sum("Building documentation" in line for line in self.lines)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    root = site_root(fixture_root(tmp_path) / "data", tmp_path / "root")
    running = Server(root)
    running.root = root  # type: ignore[attr-defined]
    yield running
    running.process.terminate()
    running.process.wait(timeout=30)


def edit_summary(root: Path, text: str) -> None:
    path = root / "data/programs/example-program.yaml"
    path.write_text(re.sub(r"(?m)^summary: .*$", f"summary: {text}", path.read_text(encoding="utf-8"), count=1), encoding="utf-8")


def test_an_edit_shows_after_one_build_and_reaches_the_data_files(server: Server) -> None:
    root: Path = server.root  # type: ignore[attr-defined]
    before = server.builds()
    edit_summary(root, "Edited once for the preview test.")
    assert wait_until(lambda: "Edited once for the preview test." in get(server.url("programs/example-program/"))), server.log()
    assert wait_until(lambda: "Edited once for the preview test." in get(server.url("api/v1/programs/example-program.json"))), server.log()
    time.sleep(1.5)  # a second build, were there one, would have started by now
    assert server.builds() == before + 1, server.log()


def test_a_data_error_is_reported_with_its_place_and_the_last_good_site_stays(server: Server) -> None:
    root: Path = server.root  # type: ignore[attr-defined]
    path = root / "data/programs/example-program.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    assert wait_until(lambda: "the data has problems" in server.log()), server.log()
    assert wait_until(lambda: "data/programs/example-program.yaml:" in server.log() and "colour" in server.log()), server.log()
    assert "A made-up program." in get(server.url("programs/example-program/"))
    assert json.loads(get(server.url("api/v1/programs/example-program.json")))["summary"] == "A made-up program."
