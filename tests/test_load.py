"""The loader's second process, and the `acqkb` command's own exit, against the plain serial path."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from acqkb import forked, load
from acqkb.text import markdown_problem, simple_links
from conftest import CASES, REPO, fixture_root

SOURCE = """# yaml-language-server: $schema=../../schema/source.schema.json
id: {id}
title: Report {number}
summary: A made-up report with the DoD and the OTA in it.
publisher: Example Wire
date: 2026-05
kind: news
as_of: 2026-01-15
"""


def many_sources(root: Path, count: int) -> None:
    """count sources, every seventh with a problem (odd and even positions both), so both processes meet some."""
    folder = root / "data" / "sources"
    for number in range(count):
        text = SOURCE.format(id=f"report-{number:04d}", number=number)
        if number % 7 == 0:
            text = text.replace("kind: news", "kind: rumour").replace("date: 2026-05", "date: 2026-13")
        (folder / f"report-{number:04d}.yaml").write_text(text, encoding="utf-8")


def test_two_processes_load_what_one_does(tmp_path: Path) -> None:
    root = fixture_root(tmp_path)
    many_sources(root, load.PARALLEL_FROM + 101)
    files, _ = load.walk(root / "data", root)
    assert len(files) >= load.PARALLEL_FROM
    parallel = load.load_files(files, root)
    load._LOADED.clear()
    serial = load.merged(load.load_each(files, root))
    assert [(e.path, e.data, e.refs, e.capitalised) for e in parallel[0]] == [(e.path, e.data, e.refs, e.capitalised) for e in serial[0]]
    assert parallel[1] == serial[1]
    assert {p.path for p in parallel[1]} >= {"data/sources/report-0000.yaml", "data/sources/report-0007.yaml"}


def test_a_failure_in_the_forked_process_reaches_the_caller() -> None:
    def fails() -> None:
        raise ValueError("the child could not go on")

    with pytest.raises(RuntimeError, match="the child could not go on"):
        forked.start(fails)()
    assert forked.start(sorted, [3, 1, 2])() == [1, 2, 3]


@pytest.mark.parametrize(("case", "status", "stream", "expected"), [("", 0, "stdout", "entries:"), ("bad-enum", 1, "stderr", "[enum]")])
def test_the_installed_command_exits_with_validation_status_and_its_output(
    tmp_path: Path, case: str, status: int, stream: str, expected: str
) -> None:
    """`acqkb validate` ends its process without the usual clean-up; what it printed must still arrive."""
    assert not case or (CASES / "invalid" / case).is_dir()
    root = fixture_root(tmp_path, *([case] if case else []))
    result = subprocess.run([str(REPO / ".venv" / "bin" / "acqkb"), "--root", str(root), "validate"], capture_output=True, text=True)
    assert result.returncode == status
    assert expected in getattr(result, stream)


def test_a_link_label_may_run_on_to_a_line_that_starts_with_a_letter() -> None:
    assert simple_links("the [vendor pool run like an\nIDIQ](../x.md) here") == ["../x.md"]
    assert simple_links("[a\n# heading](x)") is None
    assert markdown_problem("a [label\n<b>bold</b>](https://example.com)") == (2, "the HTML element <b>, which entry text may not use")
