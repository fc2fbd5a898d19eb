"""The data API published with the site: JSON, CSV, JSON Schema and SQLite, one record per entry."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
from pathlib import Path

import jsonschema
import sqlite_utils

from acqkb.check import KnowledgeBase, build
from acqkb.export import api_files
from acqkb.history import read_history
from acqkb.model import KINDS
from acqkb.settings import read_settings
from conftest import REPO


def api(built_site: tuple[Path, str]) -> Path:
    return built_site[0] / "api" / "v1"


def test_every_kind_file_and_entry_file_holds_exactly_the_entries(built_site: tuple[Path, str]) -> None:
    kb, _ = build(REPO)
    folder = api(built_site)
    everything = json.loads((folder / "acqkb.json").read_text(encoding="utf-8"))
    for kind, info in KINDS.items():
        expected = sorted(e.id for e in kb.entries if e.kind == kind)
        records = json.loads((folder / f"{info.folder}.json").read_text(encoding="utf-8"))
        schema = json.loads((folder / "schema" / f"{kind}.record.schema.json").read_text(encoding="utf-8"))
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


def test_v1_holds_every_entry_with_its_last_modified_day(built_site: tuple[Path, str]) -> None:
    kb, _ = build(REPO)
    v1 = api(built_site)
    document = json.loads((v1 / "acqkb.json").read_text(encoding="utf-8"))
    assert document["schema_version"] == "1" and document["generator"].startswith("acqkb ")
    for kind, info in KINDS.items():
        expected = sorted(e.id for e in kb.entries if e.kind == kind)
        records = json.loads((v1 / f"{info.folder}.json").read_text(encoding="utf-8"))
        assert [r["id"] for r in records] == [r["id"] for r in document["entries"][kind]] == expected
        assert sorted(p.stem for p in (v1 / info.folder).glob("*.json")) == expected
        assert all("last_modified" in r for r in records)
    record = json.loads((v1 / "awards" / "sb-amti-spacex-2026.json").read_text(encoding="utf-8"))
    git = subprocess.run(
        ["git", "log", "-1", "--format=%cs", "--", "data/awards/sb-amti-spacex-2026.yaml"], cwd=REPO, capture_output=True, text=True
    )
    assert record["last_modified"] == (git.stdout.strip() or None)
    assert "\n " not in (v1 / "acqkb.json").read_text(encoding="utf-8"), "v1 JSON is compact"
    for name in ("claims.csv", "acqkb.sqlite", "metadata.json", "schema/award.schema.json", "schema/award.record.schema.json"):
        assert (v1 / name).is_file(), name


def test_the_unversioned_api_redirects_to_v1(built_site: tuple[Path, str]) -> None:
    site = built_site[0]
    rules = [line.split() for line in (site / "_redirects").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert rules == [["/api/*", "/api/v1/:splat", "301"]]
    for old in ("acqkb.json", "awards.json", "awards.csv", "awards/sb-amti-spacex-2026.json", "acqkb.sqlite", "schema/award.schema.json"):
        assert not (site / "api" / old).exists(), old
        assert (site / "api" / "v1" / old).is_file(), old


def real_kb() -> KnowledgeBase:
    kb, _ = build(REPO)
    kb.settings, kb.history = read_settings(REPO), read_history(REPO)
    return kb


def test_two_builds_of_the_api_are_byte_identical() -> None:
    one, two = api_files(real_kb()), api_files(real_kb())
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_sqlite_booleans_search_indexes_and_views(built_site: tuple[Path, str]) -> None:
    path = api(built_site) / "acqkb.sqlite"
    db = sqlite_utils.Database(path)
    assert set(db.execute("SELECT DISTINCT date_approximate FROM sources").fetchall()) == {(0,), (1,)}
    assert db["entries"].detect_fts() == "entries_fts" and {"title", "aliases"} <= set(db["entries_fts"].columns_dict)
    for table in (info.folder for info in KINDS.values()):
        assert db[table].detect_fts() == f"{table}_fts", table
        assert {"title", "aliases", "summary", "body"} <= set(db[f"{table}_fts"].columns_dict)
    assert db["claims"].detect_fts() == "claims_fts"
    hits = db.execute("SELECT a.id FROM awards a JOIN awards_fts f ON f.rowid = a.rowid WHERE awards_fts MATCH 'SpaceX'").fetchall()
    assert ("sb-amti-spacex-2026",) in hits
    for table in db.tables:
        indexed = {tuple(index.columns) for index in table.indexes} | ({("id",)} if table.pks == ["id"] else set())
        for fk in table.foreign_keys:
            assert (fk.column,) in indexed, (table.name, fk.column)
    for table, column in (
        ("claims", "date"),
        ("claims", "date_start"),
        ("claims", "stated"),
        ("sources", "date"),
        ("entries", "last_modified"),
    ):
        assert (column,) in {tuple(i.columns) for i in db[table].indexes}, (table, column)
    for view in ("award_details", "award_values", "events_by_program", "claims_with_sources"):
        assert db[view].count > 0, view


def test_metadata_describes_every_table_view_and_column(built_site: tuple[Path, str]) -> None:
    folder = api(built_site)
    db = sqlite_utils.Database(folder / "acqkb.sqlite")
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"] == "see repository"
    assert metadata["source_url"] == read_settings(REPO).base
    described = metadata["databases"]["acqkb"]["tables"]
    hidden = {t for t in db.table_names() if "_fts" in t}
    for name in [*db.table_names(), *db.view_names()]:
        if name in hidden:
            continue
        assert described[name]["description"], name
        columns = [c.name for c in db[name].columns]
        assert set(described[name]["columns"]) == set(columns), name
        assert all(described[name]["columns"].values()), name
