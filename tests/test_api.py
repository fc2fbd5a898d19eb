"""The data API published with the site: JSON, CSV, JSON Schema and SQLite, one record per entry."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import jsonschema

from acqkb.check import build
from acqkb.model import KINDS
from conftest import REPO


def api(built_site: tuple[Path, str]) -> Path:
    return built_site[0] / "api"


def test_every_kind_file_and_entry_file_holds_exactly_the_entries(built_site: tuple[Path, str]) -> None:
    kb, _ = build(REPO)
    folder = api(built_site)
    everything = json.loads((folder / "acqkb.json").read_text(encoding="utf-8"))
    for kind, info in KINDS.items():
        expected = sorted(e.id for e in kb.entries if e.kind == kind)
        records = json.loads((folder / f"{info.folder}.json").read_text(encoding="utf-8"))
        schema = json.loads((folder / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in records] == expected
        assert [r["id"] for r in everything["entries"][kind]] == expected
        assert sorted(p.stem for p in (folder / info.folder).glob("*.json")) == expected
        for record in records:
            jsonschema.validate(record, schema)
        with (folder / f"{info.folder}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        assert [row["id"] for row in rows] == expected
    assert sum(everything["counts"].values()) == len(kb.entries)


def test_sqlite_has_a_table_per_kind_claims_and_sound_foreign_keys(built_site: tuple[Path, str]) -> None:
    kb, _ = build(REPO)
    db = sqlite3.connect(api(built_site) / "acqkb.sqlite")
    assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == len(kb.entries)
    for kind, info in KINDS.items():
        assert db.execute(f"SELECT count(*) FROM {info.folder}").fetchone()[0] == sum(e.kind == kind for e in kb.entries)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    foreign = db.execute("SELECT \"table\" FROM pragma_foreign_key_list('awards')").fetchall()
    assert ("organizations",) in foreign and ("programs",) in foreign
    values = db.execute(
        "SELECT c.amount, c.value_kind, group_concat(s.source_id) FROM claims c JOIN claim_sources s ON s.claim_id = c.id "
        "WHERE c.entry_id = 'sb-amti-spacex-2026' AND c.field = 'value' AND s.relation = 'supports' GROUP BY c.id ORDER BY c.position"
    ).fetchall()
    assert values[0][:2] == (4160000000.0, "stated") and len(values) >= 2
    assert {v[1] for v in values} >= {"stated", "potential"}
