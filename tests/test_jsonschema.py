"""The JSON Schemas as editors and validators use them: the real check-jsonschema over the data and the published API.

check-jsonschema reads YAML with ruamel.yaml and turns YAML timestamps
(unquoted 2026-05-29) into strings before validating, as the acqkb loader reads
them as text, so a date is checked by the schema's pattern whether or not it is
quoted; the cases below hold both forms.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from acqkb.check import build
from acqkb.export import json_schema
from acqkb.model import KINDS
from acqkb.schema import parse_fuzzy_date
from acqkb.settings import read_settings
from conftest import REPO, fixture_root

CHECK = str(Path(sys.executable).parent / "check-jsonschema")


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CHECK, "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_data_file_passes_check_jsonschema(kind: str) -> None:
    files = sorted((REPO / "data" / KINDS[kind].folder).glob("*.yaml"))
    assert files
    result = check_jsonschema(REPO / "schema" / f"{kind}.schema.json", files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_published_records_pass_check_jsonschema_against_the_published_schemas(built_site: tuple[Path, str]) -> None:
    api = built_site[0] / "api"
    for kind, info in KINDS.items():
        v1 = sorted((api / "v1" / info.folder).glob("*.json"))
        result = check_jsonschema(api / "v1" / "schema" / f"{kind}.record.schema.json", v1)
        assert v1 and result.returncode == 0, result.stdout + result.stderr


def test_a_record_without_last_modified_fails_the_record_schema(built_site: tuple[Path, str], tmp_path: Path) -> None:
    record = json.loads((built_site[0] / "api/v1/awards/sb-amti-spacex-2026.json").read_text(encoding="utf-8"))
    assert record["last_modified"] is None or parse_fuzzy_date(record["last_modified"])
    del record["last_modified"]
    (tmp_path / "record.json").write_text(json.dumps(record), encoding="utf-8")
    result = check_jsonschema(built_site[0] / "api/v1/schema/award.record.schema.json", [tmp_path / "record.json"])
    assert result.returncode == 1 and "'last_modified' is a required property" in result.stdout


SOURCE = """# yaml-language-server: $schema=../../schema/source.schema.json
id: dated
title: A dated source
summary: A made-up source.
publisher: Example Office
date: {date}
kind: news
as_of: {as_of}
"""


@pytest.mark.parametrize(
    ("date", "as_of", "good"),
    [
        ("2026-13-45", "2026-01-15", False),
        ("2026-02-30", "2026-01-15", False),
        ("'2026-04-31'", "2026-01-15", False),
        ("2026-00", "2026-01-15", False),
        ("2026-Q5", "2026-01-15", False),
        ("1788", "2026-01-15", False),
        ("2026-05-29", "2026-02-30", False),
        ("2026-05", "2026-13-01", False),
        ("2024-02-29", "2026-01-15", True),
        ("'2026-Q2'", "'2026-04-30'", True),
        ("2025", "2025-12-31", True),
    ],
)
def test_check_jsonschema_and_the_loader_agree_on_dates(tmp_path: Path, date: str, as_of: str, good: bool) -> None:
    root = fixture_root(tmp_path)
    path = root / "data" / "sources" / "dated.yaml"
    path.write_text(SOURCE.format(date=date, as_of=as_of), encoding="utf-8")
    result = check_jsonschema(REPO / "schema" / "source.schema.json", [path])
    assert (result.returncode == 0) == good, result.stdout
    _, problems = build(root)
    assert [p.code for p in problems if p.path.endswith("dated.yaml")] == ([] if good else ["date"])


def date_validator() -> jsonschema.protocols.Validator:
    schema = json_schema("source")
    return jsonschema.Draft202012Validator({**schema["$defs"]["date"], "$defs": schema["$defs"]})


def real_date(text: str) -> bool:
    """The calendar's answer, apart from the loader: a real day, a month 01-12 or a quarter Q1-Q4."""
    _, _, rest = text.partition("-")
    if rest.startswith("Q"):
        return rest in ("Q1", "Q2", "Q3", "Q4")
    if len(rest) == 2:
        return 1 <= int(rest) <= 12
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def test_the_date_pattern_accepts_exactly_the_real_dates() -> None:
    """Every year-month-day of two years (one leap), every month and quarter; February 29 passes in any year."""
    validator = date_validator()
    for year in (2024, 2026):
        candidates = [f"{year}-{m:02d}-{d:02d}" for m in range(0, 14) for d in range(0, 33)]
        candidates += [f"{year}-{m:02d}" for m in range(0, 14)] + [f"{year}-Q{q}" for q in range(0, 6)]
        for text in candidates:
            assert validator.is_valid(text) == (real_date(text) or text == "2026-02-29"), text
            if text != "2026-02-29":
                assert validator.is_valid(text) == (parse_fuzzy_date(text) is not None), text


def test_the_loader_refuses_day_00() -> None:
    assert parse_fuzzy_date("2026-01-00") is None
    assert parse_fuzzy_date("2026-00") is None


def test_schema_ids_are_the_published_addresses(built_site: tuple[Path, str]) -> None:
    base = read_settings(REPO).base
    committed = json.loads((REPO / "schema" / "award.schema.json").read_text(encoding="utf-8"))
    published = json.loads((built_site[0] / "api/v1/schema/award.schema.json").read_text(encoding="utf-8"))
    assert committed["$id"] == published["$id"] == f"{base}api/v1/schema/award.schema.json"
    assert json_schema("award", "https://example.org/kb")["$id"] == "https://example.org/kb/api/v1/schema/award.schema.json"
    assert published == committed


def object_schemas(node: Any) -> list[str]:
    """Every object schema below node (an inline `properties` block), as text."""
    found = []
    if isinstance(node, dict):
        if "properties" in node:
            found.append(json.dumps(node, sort_keys=True))
        for value in node.values():
            found += object_schemas(value)
    elif isinstance(node, list):
        for value in node:
            found += object_schemas(value)
    return found


@pytest.mark.parametrize("kind", list(KINDS))
def test_shared_parts_are_defined_once_and_referenced(kind: str) -> None:
    schema = json_schema(kind)
    repeated = [text for text, n in Counter(object_schemas(schema)).items() if n > 1]
    assert repeated == []
    assert {"date", "day", "source_id", "claim_sources", "claim_status", "markdown"} <= schema["$defs"].keys()
    text = json.dumps(schema)
    for name in ("money", "count", "citation", "phase", "period", "copy"):
        assert (name in schema["$defs"]) == (f'"#/$defs/{name}"' in text)
    assert text.count('"reported", "announced", "confirmed"') <= 2
