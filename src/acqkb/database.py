"""The knowledge base as a SQLite database for Datasette and notebooks, built with sqlite-utils.

A table per kind (single values, single references as foreign keys), `entries`
for every entry, `aliases`, `links` (list references), `entry_sources`,
`claims` with typed columns and `claim_sources`; full-text search (FTS5) over
entries and claims; indexes on every foreign key and date column; views for the
questions analysts ask; and the Datasette metadata describing all of it.
"""

from __future__ import annotations

import graphlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from acqkb.check import KnowledgeBase
from acqkb.model import COMMON, KINDS, PRIMARY_SOURCE_KINDS, Entry
from acqkb.records import CLAIM_COLUMNS, ClaimRow, claim_rows, compact_json, last_modified, to_plain
from acqkb.schema import Bool, Claims, DateSpec, FieldDef, ListOf, Number, Obj, RefSpec, Spec

SEARCHED = ("title", "aliases", "summary", "body")
# entries lists every entry across kinds by its names only: summaries and bodies live (and are searched)
# in each kind's table, so the database holds them once.
NAMES = ("title", "aliases")
LAST_MODIFIED_DOC = "the day of the last commit that changed the entry's file (YYYY-MM-DD); empty without git history"


@dataclass(frozen=True)
class Column:
    """A column of a table: its name, Python type (for sqlite-utils), meaning and the table it references."""

    name: str
    type: type
    doc: str
    ref: str | None = None
    date: bool = False


def table_name(kind: str) -> str:
    return KINDS[kind].folder


def ref_target(spec: RefSpec) -> str:
    """The table a reference column points at: the kind's table, or entries for any kind."""
    return table_name(spec.kinds[0]) if len(spec.kinds) == 1 else "entries"


def is_claims(spec: Spec) -> bool:
    """A field held in the claims table: a list of claims, or a mapping of them (comparison cells)."""
    return isinstance(spec, Claims) or (
        isinstance(spec, Obj) and bool(spec.fields) and all(is_claims(d.spec) for d in spec.fields.values())
    )


def scalar_column(name: str, spec: Spec, doc: str) -> Column:
    if isinstance(spec, RefSpec):
        return Column(name, str, doc, ref=ref_target(spec))
    if isinstance(spec, Bool):
        return Column(name, int, f"{doc} (1 for true, 0 for false)")
    if isinstance(spec, Number):
        return Column(name, int if spec.integer else float, doc)
    return Column(name, str, doc, date=isinstance(spec, DateSpec))


def field_columns(name: str, definition: FieldDef) -> list[Column]:
    """The columns one field fills in its kind's table; none for lists of references and claims (tables of their own)."""
    spec = definition.spec
    if is_claims(spec) or (isinstance(spec, ListOf) and isinstance(spec.item, RefSpec)):
        return []
    if isinstance(spec, ListOf):
        return [Column(name, str, f"{definition.doc} (a JSON array)")]
    if isinstance(spec, Obj):
        return [scalar_column(f"{name}_{key}", d.spec, f"{definition.doc}: {d.doc}") for key, d in spec.fields.items()]
    return [scalar_column(name, spec, definition.doc)]


def kind_columns(kind: str) -> list[Column]:
    """The columns of a kind's table, in the schema's order, then last_modified."""
    fields = KINDS[kind].spec.fields
    columns = [Column("id", str, fields["id"].doc, ref="entries")]
    columns += [column for name, d in fields.items() if name != "id" for column in field_columns(name, d)]
    return [*columns, Column("last_modified", str, LAST_MODIFIED_DOC, date=True)]


def entry_columns() -> list[Column]:
    common = {name: definition.doc for name, definition in COMMON.items()}
    return [
        Column("id", str, common["id"]),
        Column("kind", str, "the kind of entry: " + ", ".join(KINDS)),
        *(Column(name, str, common[name] + (" (a JSON array)" if name in ("aliases", "tags") else "")) for name in (*NAMES, "tags")),
        Column("path", str, "the entry's YAML file in the repository"),
        Column("as_of", str, common["as_of"], date=True),
        Column("last_modified", str, LAST_MODIFIED_DOC, date=True),
    ]


CLAIM_DOCS = {
    "id": "the claim's number in this database (not stable between releases)",
    "entry_id": "the entry that makes the claim",
    "kind": "the kind of that entry",
    "field": "the field the claim belongs to, e.g. value or comparison.scope",
    "position": "its place in that field's list of claims, from 0",
    "value_type": "what the value is: text, markdown, date, boolean, money, count, citation, phase or period",
    "text": "the claim's words: the text itself, a citation's cite, a phase's name, a period's rule (or authority)",
    "value": "the whole value as JSON when it is a mapping (money, count, citation, phase, period)",
    "amount": "US dollars (money and periods)",
    "value_kind": "what a money figure measures: ceiling, potential, obligated, estimate, stated, requested, appropriated",
    "qualifier": "how the source hedges a figure or count: about, nearly, up-to, at-least, more-than",
    "fiscal_year": "the fiscal year a budget figure belongs to",
    "count": "how many (counts)",
    "boolean": "a yes-or-no value: 1 for true, 0 for false",
    "date": "a date as written (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY); a phase's start, a period's effective date",
    "date_precision": "day, month, quarter or year",
    "date_start": "the first day the date can mean",
    "date_end": "the last day the date (or a phase or period) can mean; empty while a phase or period is open",
    "status": "reported (news only), announced (by the government or the company) or confirmed (a primary record)",
    "stated": "when the source stated it, if not the source's own date",
    "note": "context a reader needs to weigh the claim (Markdown)",
}
CLAIM_TYPES = {"amount": float, "fiscal_year": int, "count": int, "boolean": int, "position": int}
CLAIM_DATES = ("date", "date_start", "date_end", "stated")


def claim_columns() -> list[Column]:
    names = ("entry_id", "kind", "field", "position", *CLAIM_COLUMNS)
    return [
        Column("id", int, CLAIM_DOCS["id"]),
        *(
            Column(n, CLAIM_TYPES.get(n, str), CLAIM_DOCS[n], ref="entries" if n == "entry_id" else None, date=n in CLAIM_DATES)
            for n in names
        ),
    ]


LINK_TABLES: dict[str, list[Column]] = {
    "aliases": [
        Column("entry_id", str, "the entry", ref="entries"),
        Column("position", int, "the alias's place in the entry's list, from 0"),
        Column("alias", str, "another name or abbreviation people search for"),
    ],
    "links": [
        Column("from_id", str, "the entry that refers", ref="entries"),
        Column("field", str, "the list field it refers in, e.g. awardees, programs, related"),
        Column("position", int, "the place in that list, from 0"),
        Column("to_id", str, "the entry referred to", ref="entries"),
    ],
    "entry_sources": [
        Column("entry_id", str, "the entry", ref="entries"),
        Column("position", int, "the source's place in the entry's sources, from 0"),
        Column("source_id", str, "a source behind the entry's text", ref="sources"),
    ],
    "claim_sources": [
        Column("claim_id", int, "the claim", ref="claims"),
        Column("relation", str, "supports (the source states the claim) or contradicts (it says otherwise)"),
        Column("position", int, "the source's place in the claim's list, from 0"),
        Column("source_id", str, "the source", ref="sources"),
    ],
}


def tables() -> dict[str, tuple[list[Column], str]]:
    """Every table in creation order (a table after those it references), with its columns and what a row is."""
    kinds = {table_name(k): (kind_columns(k), f"one row per {k} entry: single values and single references") for k in KINDS}
    order = graphlib.TopologicalSorter({name: {c.ref for c in cols if c.ref and c.ref != name} for name, (cols, _) in kinds.items()})
    return {
        "entries": (entry_columns(), "one row per entry of any kind, with the text that search covers"),
        **{name: kinds[name] for name in order.static_order() if name in kinds},
        "aliases": (LINK_TABLES["aliases"], "one row per alias of an entry"),
        "links": (LINK_TABLES["links"], "one row per reference in a list field (awardees, programs, related ...)"),
        "entry_sources": (LINK_TABLES["entry_sources"], "one row per source behind an entry's text"),
        "claims": (claim_columns(), "one row per claim: a sourced statement of a fact, with typed columns"),
        "claim_sources": (LINK_TABLES["claim_sources"], "one row per source that supports or contradicts a claim"),
    }


def create(db: sqlite_utils.Database, name: str, columns: list[Column]) -> None:
    pk = "id" if columns[0].name == "id" else None
    db[name].create(  # type: ignore[union-attr]
        {c.name: c.type for c in columns},
        pk=pk,
        foreign_keys=[(c.name, c.ref, "id") for c in columns if c.ref],
        not_null=[c.name for c in columns if c.name in ("id", "entry_id", "from_id", "to_id", "source_id", "claim_id", "kind")],
    )


def cell(value: Any) -> Any:
    """A field value as a column value: ids for references, ISO text for dates, 0/1 for booleans, JSON for lists."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list):
        return compact_json(to_plain(value))
    return to_plain(value)


def scalar_cell(spec: Spec, value: Any) -> Any:
    """A single value as a column value; an absent boolean is 0 (false)."""
    return int(bool(value)) if isinstance(spec, Bool) else cell(value)


def field_cells(entry: Entry, name: str, definition: FieldDef) -> dict[str, Any]:
    """The cells one field fills in its kind's table, as field_columns lays them out."""
    spec, value = definition.spec, entry.get(name)
    if is_claims(spec) or (isinstance(spec, ListOf) and isinstance(spec.item, RefSpec)):
        return {}
    if isinstance(spec, Obj):
        return {f"{name}_{key}": scalar_cell(d.spec, (value or {}).get(key)) for key, d in spec.fields.items()}
    return {name: scalar_cell(spec, value)}


def kind_row(entry: Entry, modified: str | None) -> dict[str, Any]:
    row = {"id": entry.id}
    for name, definition in KINDS[entry.kind].spec.fields.items():
        row |= field_cells(entry, name, definition) if name != "id" else {}
    return row | {"last_modified": modified}


def entry_row(entry: Entry, modified: str | None) -> dict[str, Any]:
    row = {"id": entry.id, "kind": entry.kind}
    row |= {name: cell(entry.get(name)) for name in (*NAMES, "tags")}
    return row | {"path": entry.path, "as_of": cell(entry.get("as_of")), "last_modified": modified}


def link_rows(entry: Entry) -> Iterator[dict[str, Any]]:
    """The entry's list references other than sources."""
    for name, definition in KINDS[entry.kind].spec.fields.items():
        spec = definition.spec
        if name != "sources" and isinstance(spec, ListOf) and isinstance(spec.item, RefSpec):
            for position, ref in enumerate(entry.get(name) or []):
                yield {"from_id": entry.id, "field": name, "position": position, "to_id": ref.id}


def claim_table_rows(rows: list[ClaimRow]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows of claims and claim_sources; claims numbered from 1 in claim_rows' order."""
    claims, sources = [], []
    for number, row in enumerate(rows, 1):
        claims.append(
            {"id": number, "entry_id": row.entry.id, "kind": row.entry.kind, "field": row.field, "position": row.position} | row.columns
        )
        for relation, ids in (("supports", row.sources), ("contradicts", row.contradicted_by)):
            sources += [{"claim_id": number, "relation": relation, "position": p, "source_id": s} for p, s in enumerate(ids)]
    return claims, sources


def fill(db: sqlite_utils.Database, kb: KnowledgeBase) -> None:
    entries = sorted(kb.entries, key=lambda e: e.id)
    modified = {e.id: last_modified(e, kb.history) for e in entries}
    db["entries"].insert_all(entry_row(e, modified[e.id]) for e in entries)  # type: ignore[union-attr]
    for kind in KINDS:
        rows = (kind_row(e, modified[e.id]) for e in entries if e.kind == kind)
        db[table_name(kind)].insert_all(rows)  # type: ignore[union-attr]
    db["aliases"].insert_all({"entry_id": e.id, "position": p, "alias": a} for e in entries for p, a in enumerate(e.get("aliases") or []))  # type: ignore[union-attr]
    db["links"].insert_all(row for e in entries for row in link_rows(e))  # type: ignore[union-attr]
    db["entry_sources"].insert_all(  # type: ignore[union-attr]
        {"entry_id": e.id, "position": p, "source_id": s.id} for e in entries for p, s in enumerate(e.get("sources") or [])
    )
    claims, claim_sources = claim_table_rows(list(claim_rows(entries)))
    db["claims"].insert_all(claims)  # type: ignore[union-attr]
    db["claim_sources"].insert_all(claim_sources)  # type: ignore[union-attr]


def index_and_search(db: sqlite_utils.Database) -> None:
    """FTS5 over the entries, each kind's table and the claims; an index on every foreign key and date column."""
    db["entries"].enable_fts(NAMES)  # type: ignore[union-attr]
    for name in (table_name(k) for k in KINDS):
        db[name].enable_fts(SEARCHED)  # type: ignore[union-attr]
    db["claims"].enable_fts(["text", "note"])  # type: ignore[union-attr]
    db.index_foreign_keys()
    for name, (columns, _) in tables().items():
        for column in columns:
            if column.date:
                db[name].create_index([column.name], find_unique_name=True)  # type: ignore[union-attr]


def database_bytes(kb: KnowledgeBase) -> bytes:
    """The whole database as bytes; the same data gives the same bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acqkb.sqlite"
        db = sqlite_utils.Database(path)
        # A scratch file, copied out when done: no journal and no waiting for the disk on each commit.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        for name, (columns, _) in tables().items():
            create(db, name, columns)
        fill(db, kb)
        index_and_search(db)
        for name, (sql, _, _) in VIEWS.items():
            db.create_view(name, sql)
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"database has dangling references: {broken[:5]}")
        db.vacuum()
        db.close()
        return path.read_bytes()


def source_list(relation: str, claim: str = "c.id", column: str = "s.source_id", join: str = "") -> str:
    """SQL for a JSON array of a claim's sources of one relation, in the order the claim lists them."""
    return (
        f"(SELECT json_group_array(x) FROM (SELECT {column} AS x FROM claim_sources s {join}"
        f"WHERE s.claim_id = {claim} AND s.relation = '{relation}' ORDER BY s.position))"
    )


PRIMARY = ", ".join(f"'{kind}'" for kind in PRIMARY_SOURCE_KINDS)
AWARDEES = "FROM links l JOIN vendors v ON v.id = l.to_id WHERE l.from_id = a.id AND l.field = 'awardees' ORDER BY l.position"
AWARD_DETAILS = f"""SELECT a.id, a.title, a.status,
  (SELECT c.date FROM claims c WHERE c.entry_id = a.id AND c.field = 'date' ORDER BY c.position LIMIT 1) AS date,
  (SELECT json_group_array(x) FROM (SELECT v.id AS x {AWARDEES})) AS awardee_ids,
  (SELECT json_group_array(x) FROM (SELECT v.title AS x {AWARDEES})) AS awardees,
  a.organization, o.title AS organization_title, a.program, p.title AS program_title,
  a.instrument, i.title AS instrument_title, a.parent_award,
  (SELECT count(*) FROM claims c WHERE c.entry_id = a.id AND c.field = 'value') AS value_claims,
  a.as_of, a.last_modified
FROM awards a
LEFT JOIN organizations o ON o.id = a.organization
LEFT JOIN programs p ON p.id = a.program
LEFT JOIN instruments i ON i.id = a.instrument"""
AWARD_VALUES = f"""SELECT d.id AS award, d.title AS award_title, d.status AS award_status, d.date AS award_date,
  d.awardees, d.organization, d.organization_title, d.program, d.program_title, d.instrument, d.instrument_title,
  c.id AS claim_id, c.position, c.amount, c.value_kind, c.qualifier, c.fiscal_year,
  c.status AS claim_status, c.stated, c.note,
  {source_list("supports")} AS sources,
  {source_list("contradicts")} AS contradicted_by
FROM award_details d JOIN claims c ON c.entry_id = d.id AND c.field = 'value'"""
EVENTS_BY_PROGRAM = """SELECT p.id AS program, p.title AS program_title, e.id AS event, e.title AS event_title,
  e.state, e.category, c.date, c.date_precision, c.date_start, c.date_end
FROM links l
JOIN programs p ON p.id = l.to_id
JOIN events e ON e.id = l.from_id
LEFT JOIN claims c ON c.entry_id = e.id AND c.field = 'date' AND c.position = 0
WHERE l.field = 'programs'"""
CLAIMS_WITH_SOURCES = f"""SELECT c.id AS claim_id, c.entry_id, c.kind, e.title AS entry_title, c.field, c.position,
  {", ".join(f"c.{name}" for name in CLAIM_COLUMNS)},
  {source_list("supports")} AS sources,
  {source_list("supports", column="so.title", join="JOIN sources so ON so.id = s.source_id ")} AS source_titles,
  {source_list("contradicts")} AS contradicted_by,
  EXISTS (SELECT 1 FROM claim_sources s JOIN sources so ON so.id = s.source_id
    WHERE s.claim_id = c.id AND s.relation = 'supports' AND so.kind IN ({PRIMARY})) AS cites_primary
FROM claims c JOIN entries e ON e.id = c.entry_id"""

AWARD_DOCS = {
    "id": "the award's id",
    "title": "the award's title",
    "status": "how firm the award is: reported, announced or confirmed",
    "date": "when it was awarded (its first date claim)",
    "awardee_ids": "ids of the companies that won it (a JSON array)",
    "awardees": "their names (a JSON array)",
    "organization": "the awarding organization's id",
    "organization_title": "its name",
    "program": "the program's id",
    "program_title": "its name",
    "instrument": "the instrument's id",
    "instrument_title": "its name",
    "parent_award": "the vehicle this award is an order or agreement under",
    "value_claims": "how many claims of its value there are (see award_values)",
    "as_of": COMMON["as_of"].doc,
    "last_modified": LAST_MODIFIED_DOC,
}
SOURCE_LIST_DOCS = {
    "sources": "ids of the sources that state it (a JSON array, in the claim's order)",
    "contradicted_by": "ids of the sources that contradict it (a JSON array)",
}
VIEWS: dict[str, tuple[str, str, dict[str, str]]] = {
    "award_details": (AWARD_DETAILS, "one row per award: its awardees, awarding organization, program and instrument", AWARD_DOCS),
    "award_values": (
        AWARD_VALUES,
        "one row per claim of an award's value: amount, value kind and sources, with the award's awardees, organization, program and instrument",
        {
            "award": "the award's id",
            "award_title": "the award's title",
            "award_status": AWARD_DOCS["status"],
            "award_date": AWARD_DOCS["date"],
            **{k: AWARD_DOCS[k] for k in ("awardees", "organization", "organization_title", "program", "program_title")},
            **{k: AWARD_DOCS[k] for k in ("instrument", "instrument_title")},
            "claim_id": "the claim (claims.id)",
            **{k: CLAIM_DOCS[k] for k in ("position", "amount", "value_kind", "qualifier", "fiscal_year")},
            "claim_status": CLAIM_DOCS["status"],
            **{k: CLAIM_DOCS[k] for k in ("stated", "note")},
            **SOURCE_LIST_DOCS,
        },
    ),
    "events_by_program": (
        EVENTS_BY_PROGRAM,
        "one row per event and program it belongs to, dated by the event's first date claim",
        {
            "program": "the program's id",
            "program_title": "its name",
            "event": "the event's id",
            "event_title": "its title",
            "state": "happened or planned",
            "category": "what sort of milestone",
            **{k: CLAIM_DOCS[k] for k in ("date", "date_precision", "date_start", "date_end")},
        },
    ),
    "claims_with_sources": (
        CLAIMS_WITH_SOURCES,
        "one row per claim with its entry's title and its sources",
        {
            "claim_id": "the claim (claims.id)",
            "entry_id": CLAIM_DOCS["entry_id"],
            "kind": CLAIM_DOCS["kind"],
            "entry_title": "the entry's title",
            **{k: CLAIM_DOCS[k] for k in ("field", "position", *CLAIM_COLUMNS)},
            **SOURCE_LIST_DOCS,
            "source_titles": "the titles of the sources that state it (a JSON array)",
            "cites_primary": "1 when a source that states it is primary (statute, regulation, official release, government report, decision)",
        },
    ),
}


def names(columns: list[Column]) -> set[str]:
    return {c.name for c in columns}


def datasette_metadata(kb: KnowledgeBase) -> dict[str, Any]:
    """Datasette's metadata.json: title, licence, source, and a description of every table, view and column."""
    settings = kb.settings
    described = {
        name: {"description": doc, "columns": {c.name: c.doc for c in columns}}
        | ({"label_column": "title"} if "title" in names(columns) else {})
        for name, (columns, doc) in tables().items()
    }
    described |= {name: {"description": doc, "columns": columns} for name, (_, doc, columns) in VIEWS.items()}
    metadata: dict[str, Any] = {
        "title": settings.site_name,
        "description": "A sourced knowledge base of U.S. defense space acquisition: every fact a claim with its sources.",
        "license": "see repository",
        "source": settings.site_name,
        "source_url": settings.base,
    }
    if settings.repo_url:
        metadata |= {"license_url": settings.repo_url, "about": "repository", "about_url": settings.repo_url}
    return metadata | {"databases": {"acqkb": {"tables": described}}}
