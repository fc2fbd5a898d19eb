"""The command line: new, export, schema and --help, run as a user would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from acqkb.cli import main
from acqkb.export import json_schema
from acqkb.model import KINDS
from conftest import REPO


def test_new_writes_a_valid_skeleton_of_every_kind(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in KINDS:
        source = None if kind == "source" else "example-news"
        args = ["--root", str(valid_root), "new", kind, f"fresh-{kind}"] + (["--source", source] if source else [])
        args += ["--about", "example-program"] if kind == "event" else []
        assert main(args) == 0
        text = (valid_root / "data" / KINDS[kind].folder / f"fresh-{kind}.yaml").read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n")
    assert main(["--root", str(valid_root), "validate"]) == 0, capsys.readouterr().err
    assert "19 entries" in capsys.readouterr().out


def test_new_never_overwrites(valid_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (valid_root / "data/vendors/example-corp.yaml").read_text(encoding="utf-8")
    assert main(["--root", str(valid_root), "new", "vendor", "example-corp", "--source", "example-news"]) == 2
    assert "data/vendors/example-corp.yaml already exists; not overwritten" in capsys.readouterr().err
    assert (valid_root / "data/vendors/example-corp.yaml").read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "vendor", "Bad_Id", "--source", "example-news"], "'Bad_Id' is not an id"),
        (["new", "vendor", "no-source"], "a vendor names the sources it was written from; pass --source SOURCE-ID"),
        (["new", "vendor", "ea", "--source", "example-news"], "the id 'ea' is already used by term data/terms/ea.yaml"),
        (["new", "vendor", "fresh", "--source", "example-corp"], "--source 'example-corp' is vendor; write the source first"),
        (["new", "vendor", "fresh", "--source", "no-such"], "--source 'no-such' is no entry; write the source first"),
        (["new", "event", "fresh", "--source", "example-news"], "an event concerns a program, award, instrument or threshold"),
    ],
)
def test_new_refuses_bad_requests(valid_root: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    assert main(["--root", str(valid_root), *args]) == 2
    assert message in capsys.readouterr().err


def test_export_writes_every_entry_and_each_record_fits_its_schema(
    valid_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "all.json"
    assert main(["--root", str(valid_root), "export", str(out)]) == 0
    assert "10 entries loaded, 10 records exported" in capsys.readouterr().out
    document = json.loads(out.read_text(encoding="utf-8"))
    files = sorted(p.stem for p in (valid_root / "data").rglob("*.yaml"))
    assert sorted(r["id"] for records in document["entries"].values() for r in records) == files
    for kind, records in document["entries"].items():
        for record in records:
            jsonschema.validate(record, json_schema(kind, record=True))
    award = document["entries"]["award"][0]
    assert award["value"][1] == {"value": {"amount": 2000000000, "kind": "potential", "qualifier": "about"}, "sources": ["example-statute"]}


def test_export_refuses_invalid_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import fixture_root

    root = fixture_root(tmp_path, "unknown-ref")
    assert main(["--root", str(root), "export", str(tmp_path / "x.json")]) == 1
    assert not (tmp_path / "x.json").exists()


def test_committed_schema_matches_the_model_and_drift_is_caught(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(REPO), "schema", "--check"]) == 0
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / "schema" / "award.schema.json").write_text("{}\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema", "--check"]) == 1
    assert "schema/award.schema.json: differs from the model" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["validate", "new", "export", "build", "schema"])
def test_every_command_has_help(command: str) -> None:
    result = subprocess.run([str(Path(sys.executable).parent / "acqkb"), command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: acqkb {command}")
