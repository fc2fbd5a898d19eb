"""Every class of bad input has a fixture under cases/invalid and its exact expected report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from acqkb.cli import main
from conftest import CASES, fixture_root

INVALID = sorted(p.name for p in (CASES / "invalid").iterdir() if p.is_dir())


def expected_lines(case: str) -> list[str]:
    return (CASES / "invalid" / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_there_is_a_case_for_every_problem_code() -> None:
    codes = {line.rsplit("[", 1)[1].rstrip("]") for case in INVALID for line in expected_lines(case)[:-1]}
    assert codes >= {
        "yaml-syntax",
        "duplicate-key",
        "unknown-field",
        "type",
        "date",
        "unknown-ref",
        "wrong-kind",
        "id-mismatch",
        "url",
        "missing-field",
        "enum",
        "duplicate-id",
        "location",
        "tag",
        "empty",
        "cycle",
        "duplicate-item",
        "document",
        "no-term",
        "future",
        "self-ref",
        "encoding",
        "control-char",
        "anchor",
        "alias",
        "too-large",
        "symlink",
        "not-a-file",
        "empty-data",
        "number",
        "range",
        "date-order",
        "markup",
        "link",
        "schema-line",
        "status",
        "untied-event",
        "copy-publisher",
        "period",
        "format",
        "too-long",
    }


@pytest.mark.parametrize("case", INVALID)
def test_invalid_case_reports_path_line_and_message(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_root(tmp_path, case)
    assert main(["--root", str(root), "validate"]) == 1
    assert capsys.readouterr().err.splitlines() == expected_lines(case)


def test_all_problems_of_a_run_are_reported_together(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A duplicated vendor id would change other cases' messages; an empty or missing data/ leaves nothing to check.
    cases = [c for c in INVALID if c not in ("duplicate-id", "empty-data", "missing-data")]
    root = fixture_root(tmp_path, *cases)
    assert main(["--root", str(root), "validate"]) == 1
    reported = capsys.readouterr().err.splitlines()
    expected = sorted((line for case in cases for line in expected_lines(case)[:-1]), key=lambda x: (x.split(":")[0], int(x.split(":")[1])))
    assert reported[:-1] == expected
    assert reported[-1].startswith(f"{len(expected)} problems in ")


def test_json_format_gives_the_same_problems_as_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = fixture_root(tmp_path, "wrong-type")
    assert main(["--root", str(root), "validate", "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems == [
        {
            "path": "data/awards/word-amount.yaml",
            "line": 11,
            "code": "type",
            "message": "value[0].value.amount: expected a number, got 'four billion'",
        }
    ]


def test_valid_fixture_passes_with_counts_per_kind(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(valid_root), "validate"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "10 entries: 1 instruments, 1 programs, 2 organizations, 1 vendors, 1 awards, 1 events, 2 sources, 0 thresholds, 1 terms"
    )
    assert "primary sources 1/2 (50% of 2)" in out
    assert "claims citing a primary source: instrument 100% of 1, program 0% of 1, organization 100% of 1, award 33% of 3" in out


def test_the_real_data_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import REPO

    assert main(["--root", str(REPO), "validate"]) == 0, capsys.readouterr().err
