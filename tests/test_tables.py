"""The v1 CSV tables are lossless: every claim and every field read back with the csv module equals the JSON export.

The reading rules are the ones docs/guides/data.md gives: drop one leading
apostrophe from any cell that has one (the formula guard); a claim's value is
`text` (text, markdown), `date` (date), `boolean` (1 or 0) or the JSON in
`value` (mappings); sources are ids separated by single spaces; an empty cell
is an absent attribute. In a kind's CSV a list, a mapping or a claims field is
JSON, a boolean 1 or 0.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from acqkb.check import build
from acqkb.export import api_files
from acqkb.model import KINDS
from acqkb.records import claim_fields
from conftest import fixture_root

Key = tuple[str, str, int]


def unguard(cell: str) -> str:
    """The documented way to undo the formula guard: one leading apostrophe goes."""
    return cell[1:] if cell.startswith("'") else cell


def read_csv(text: str) -> list[dict[str, str]]:
    return [{name: unguard(cell) for name, cell in row.items()} for row in csv.DictReader(io.StringIO(text, newline=""))]


def claim_from_row(row: dict[str, str]) -> dict[str, Any]:
    """A claim's plain record rebuilt from its claims.csv row."""
    kind = row["value_type"]
    if kind in ("text", "markdown"):
        value: Any = row["text"]
    elif kind == "date":
        value = row["date"]
    elif kind == "boolean":
        value = row["boolean"] == "1"
    else:
        value = json.loads(row["value"])
    record = {"value": value, "sources": row["sources"].split(" ")}
    record |= {name: row[name] for name in ("status", "stated", "note") if row[name]}
    return record | ({"contradicted_by": row["contradicted_by"].split(" ")} if row["contradicted_by"] else {})


def claims_in_document(document: dict[str, Any]) -> dict[Key, dict[str, Any]]:
    """Every claim of the JSON export by (entry, field, position)."""
    claims = {}
    for kind, records in document["entries"].items():
        for record in records:
            for path, _ in claim_fields(kind):
                name, _, key = path.partition(".")
                found = record.get(name, {}).get(key) if key else record.get(name)
                claims |= {(record["id"], path, position): claim for position, claim in enumerate(found or [])}
    return claims


def assert_claims_round_trip(claims_csv: str, document: dict[str, Any]) -> list[dict[str, str]]:
    rows = read_csv(claims_csv)
    rebuilt = {(row["entry"], row["field"], int(row["position"])): claim_from_row(row) for row in rows}
    assert len(rebuilt) == len(rows)
    expected = claims_in_document(document)
    assert rebuilt.keys() == expected.keys()
    for key, claim in expected.items():
        assert rebuilt[key] == claim, key
    for row in rows:
        if row["value_type"] == "money":
            money = json.loads(row["value"])
            assert (json.loads(row["amount"]), row["value_kind"], row["qualifier"] or None) == (
                money["amount"],
                money["kind"],
                money.get("qualifier"),
            )
    return rows


def assert_kind_csvs_round_trip(folder: Path | dict[str, str | bytes], document: dict[str, Any]) -> None:
    for kind, records in document["entries"].items():
        name = f"api/v1/{KINDS[kind].folder}.csv"
        text = folder[name] if isinstance(folder, dict) else (folder / name).read_text(encoding="utf-8")
        rows = read_csv(text)  # type: ignore[arg-type]
        assert [row["id"] for row in rows] == [r["id"] for r in records]
        for row, record in zip(rows, records, strict=True):
            assert {name: cell for name, cell in row.items() if cell} == {
                name: cell_of(value) for name, value in record.items() if value is not None
            }


def cell_of(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def test_every_claim_of_the_real_data_round_trips_through_claims_csv(built_site: tuple[Path, str]) -> None:
    api = built_site[0] / "api" / "v1"
    document = json.loads((api / "acqkb.json").read_text(encoding="utf-8"))
    rows = assert_claims_round_trip((api / "claims.csv").read_text(encoding="utf-8"), document)
    assert len(rows) > 2000
    assert {row["value_type"] for row in rows} >= {"markdown", "date", "money", "count", "citation", "phase", "period"}


def test_every_field_of_the_real_data_round_trips_through_the_kind_csvs(built_site: tuple[Path, str]) -> None:
    document = json.loads((built_site[0] / "api/v1/acqkb.json").read_text(encoding="utf-8"))
    assert_kind_csvs_round_trip(built_site[0], document)


HOSTILE = """# yaml-language-server: $schema=../../schema/vendor.schema.json
id: hostile-cells
title: "=HYPERLINK(\\"https://example.com\\",\\"x\\")"
aliases: ["'quoted", "+1", "a | b", "c, \\"d\\"", "@SUM(A1)"]
summary: A made-up company whose text looks like formulas and separators.
facts:
  - value: "=SUM(A1:A3), with \\"quotes\\", a | pipe; and a semicolon"
    sources: [example-news]
    note: "'already starts with an apostrophe"
  - value: "-1 and more"
    sources: [example-news, example-statute]
    contradicted_by: [example-statute]
    note: |-
      @first line

      second paragraph, with a comma
  - value: "''two apostrophes"
    sources: [example-statute]
    status: confirmed
    stated: 2026-Q1
sources: [example-news]
as_of: 2026-01-15
"""


def test_hostile_cells_round_trip_and_start_no_formula(tmp_path: Path) -> None:
    root = fixture_root(tmp_path)
    (root / "data" / "vendors" / "hostile-cells.yaml").write_text(HOSTILE, encoding="utf-8")
    kb, problems = build(root)
    assert problems == []
    files = api_files(kb)
    document = json.loads(files["api/v1/acqkb.json"])
    rows = assert_claims_round_trip(files["api/v1/claims.csv"], document)  # type: ignore[arg-type]
    assert {row["entry"] for row in rows} >= {"hostile-cells"}
    assert_kind_csvs_round_trip(files, document)
    for name in ("api/v1/claims.csv", "api/v1/vendors.csv"):
        for row in csv.reader(io.StringIO(files[name], newline="")):  # type: ignore[arg-type]
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
