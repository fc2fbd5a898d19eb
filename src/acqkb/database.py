"""The knowledge base as a SQLite database: a table per kind, references as foreign keys,
claims and their sources in tables of their own, for analysts and Datasette."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from acqkb.check import KnowledgeBase
from acqkb.model import KINDS, Entry
from acqkb.schema import Bool, Claim, Claims, FuzzyDate, ListOf, Number, Obj, Ref, RefSpec

COMMON_COLUMNS = ("title", "summary", "body", "as_of")


def table_name(kind: str) -> str:
    return KINDS[kind].folder


def ref_target(spec: RefSpec) -> str:
    """The table a reference column points at: the kind's table, or entries for any kind."""
    return table_name(spec.kinds[0]) if len(spec.kinds) == 1 else "entries"


def scalar_columns(kind: str) -> dict[str, str]:
    """Column definitions of a kind's table (single values and single references)."""
    columns = {name: "TEXT" for name in COMMON_COLUMNS}
    for name, definition in KINDS[kind].spec.fields.items():
        spec = definition.spec
        if name in columns or name == "id" or isinstance(spec, ListOf | Claims | Obj):
            continue
        if isinstance(spec, RefSpec):
            columns[name] = f"TEXT REFERENCES {ref_target(spec)}(id)"
        else:
            columns[name] = "INTEGER" if isinstance(spec, Bool | Number) else "TEXT"
    return columns


SCHEMA = """
CREATE TABLE entries (id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, path TEXT NOT NULL);
CREATE TABLE entry_sources (entry_id TEXT NOT NULL REFERENCES entries(id), source_id TEXT NOT NULL REFERENCES sources(id));
CREATE TABLE aliases (entry_id TEXT NOT NULL REFERENCES entries(id), alias TEXT NOT NULL);
CREATE TABLE links (from_id TEXT NOT NULL REFERENCES entries(id), field TEXT NOT NULL, to_id TEXT NOT NULL REFERENCES entries(id));
CREATE TABLE claims (
  id INTEGER PRIMARY KEY, entry_id TEXT NOT NULL REFERENCES entries(id), field TEXT NOT NULL, position INTEGER NOT NULL,
  text TEXT, amount REAL, value_kind TEXT, qualifier TEXT, fiscal_year INTEGER, count INTEGER,
  date TEXT, date_precision TEXT, date_start TEXT, date_end TEXT, ref_id TEXT REFERENCES entries(id),
  status TEXT, stated TEXT, note TEXT);
CREATE TABLE claim_sources (claim_id INTEGER NOT NULL REFERENCES claims(id), source_id TEXT NOT NULL REFERENCES sources(id),
  relation TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts')));
"""


def create_tables(db: sqlite3.Connection) -> None:
    db.executescript(SCHEMA)
    for kind in KINDS:
        columns = ", ".join(f"{name} {sql}" for name, sql in scalar_columns(kind).items())
        db.execute(f"CREATE TABLE {table_name(kind)} (id TEXT PRIMARY KEY REFERENCES entries(id), {columns})")


def column_value(value: Any) -> Any:
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, FuzzyDate):
        return value.iso()
    return value


def claim_row(value: Any) -> dict[str, Any]:
    """The typed columns a claim's value fills."""
    if isinstance(value, FuzzyDate):
        return {
            "date": value.iso(),
            "date_precision": value.precision,
            "date_start": value.start().isoformat(),
            "date_end": value.end().isoformat(),
        }
    if isinstance(value, Ref):
        return {"ref_id": value.id}
    if isinstance(value, dict) and "effective" in value:
        end = value.get("ended")
        return {
            "amount": value.get("amount"),
            "text": value.get("rule") or value["authority"],
            "date": value["effective"].iso(),
            "date_start": value["effective"].start().isoformat(),
            "date_end": end.end().isoformat() if end else None,
        }
    if isinstance(value, dict) and "amount" in value:
        return {
            "amount": value["amount"],
            "value_kind": value["kind"],
            "qualifier": value.get("qualifier"),
            "fiscal_year": value.get("fiscal_year"),
        }
    if isinstance(value, dict) and "count" in value:
        return {"count": value["count"], "qualifier": value.get("qualifier")}
    if isinstance(value, dict):
        return {"text": "; ".join(f"{k}: {column_value(v)}" for k, v in value.items())}
    return {"text": str(value)}


def insert_claim(db: sqlite3.Connection, entry: Entry, field: str, position: int, claim: Claim) -> None:
    row = {
        "entry_id": entry.id,
        "field": field,
        "position": position,
        "status": claim.status,
        "stated": claim.stated.iso() if claim.stated else None,
        "note": claim.note,
        **claim_row(claim.value),
    }
    cursor = db.execute(f"INSERT INTO claims ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    pairs = [(s.id, "supports") for s in claim.sources] + [(s.id, "contradicts") for s in claim.contradicted_by]
    db.executemany("INSERT INTO claim_sources VALUES (?, ?, ?)", [(cursor.lastrowid, sid, rel) for sid, rel in pairs])


def insert_entry(db: sqlite3.Connection, entry: Entry) -> None:
    columns = scalar_columns(entry.kind)
    values = {"id": entry.id, **{name: column_value(entry.get(name)) for name in columns}}
    db.execute(f"INSERT INTO {table_name(entry.kind)} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})", list(values.values()))
    db.executemany("INSERT INTO aliases VALUES (?, ?)", [(entry.id, a) for a in entry.get("aliases", [])])
    db.executemany("INSERT INTO entry_sources VALUES (?, ?)", [(entry.id, s.id) for s in entry.get("sources", [])])
    for name, definition in KINDS[entry.kind].spec.fields.items():
        value = entry.get(name)
        if isinstance(definition.spec, Claims) and value:
            for position, claim in enumerate(value):
                insert_claim(db, entry, name, position, claim)
        elif isinstance(definition.spec, Obj) and value and all(isinstance(d.spec, Claims) for d in definition.spec.fields.values()):
            for key, claims in value.items():
                for position, claim in enumerate(claims):
                    insert_claim(db, entry, f"{name}.{key}", position, claim)
        elif isinstance(definition.spec, ListOf) and isinstance(definition.spec.item, RefSpec) and name != "sources" and value:
            db.executemany("INSERT INTO links VALUES (?, ?, ?)", [(entry.id, name, ref.id) for ref in value])


def database_bytes(kb: KnowledgeBase) -> bytes:
    """The whole database as bytes; the same data gives the same bytes.

    Foreign keys are checked once at the end, so rows may be inserted in any order.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acqkb.sqlite"
        db = sqlite3.connect(path)
        create_tables(db)
        db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?)", [(e.id, e.kind, e.title, e.path) for e in kb.entries])
        for entry in sorted(kb.entries, key=lambda e: e.id):
            insert_entry(db, entry)
        db.commit()
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        db.close()
        if broken:
            raise ValueError(f"database has dangling references: {broken[:5]}")
        return path.read_bytes()
