"""The data API: JSON records that mirror the YAML, CSV tables, the JSON Schema of each kind, SQLite.

Everything lives under api/v1/ (see docs/guides/api-changelog.md); the first,
unversioned addresses under api/ redirect there on hosts that read `_redirects`.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from acqkb import __version__
from acqkb.check import KnowledgeBase
from acqkb.database import database_bytes, datasette_metadata
from acqkb.model import KINDS, identifier
from acqkb.records import ClaimRow, claim_rows, compact_json, json_text, last_modified, to_plain
from acqkb.schema import DAY_PATTERN, Defs
from acqkb.settings import DEFAULT_SITE_URL

__all__ = ["api_files", "claims_csv", "export_document", "formula_safe", "json_schema", "json_text", "schema_files", "to_plain"]

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
API = "api/v1"
SCHEMA_VERSION = "1"
# Specs that several fields share but that have no name of their own.
SHARED_NAMES = {id(identifier): "identifier"}
LAST_MODIFIED_SCHEMA = {
    "type": ["string", "null"],
    "pattern": DAY_PATTERN,
    "description": "the day of the last commit that changed the entry's file (YYYY-MM-DD), or null without git history",
}


def records(kb: KnowledgeBase, dated: bool = True) -> dict[str, list[dict[str, Any]]]:
    """Every entry as a record, grouped by kind, sorted by id; `dated` adds each record's last_modified (v1)."""
    grouped = {}
    for kind in KINDS:
        entries = sorted(kb.of_kind(kind), key=lambda e: e.id)
        extra = (lambda e: {"last_modified": last_modified(e, kb.history)}) if dated else (lambda e: {})
        grouped[kind] = [to_plain(e.data) | extra(e) for e in entries]
    return grouped


def export_document(kb: KnowledgeBase) -> dict[str, Any]:
    """The whole knowledge base as one JSON document (API v1)."""
    grouped = records(kb)
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": f"acqkb {__version__}",
        "counts": {kind: len(items) for kind, items in grouped.items()},
        "entries": grouped,
    }


def json_schema(kind: str, base: str = DEFAULT_SITE_URL, record: bool = False) -> dict[str, Any]:
    """The JSON Schema of one kind, derived from its spec, with each shared part once under `$defs`.

    `base` is the site's address, so `$id` is where the schema is published. A
    record (`record=True`) is the API's form of an entry: the entry's fields and
    its `last_modified` day, which no data file may hold.
    """
    defs = Defs(names=SHARED_NAMES)
    body = KINDS[kind].spec.inline_schema(defs)
    if record:
        body["properties"]["last_modified"] = LAST_MODIFIED_SCHEMA
        body["required"].append("last_modified")
    name = f"{kind}.record.schema.json" if record else f"{kind}.schema.json"
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": f"{base.rstrip('/')}/{API}/schema/{name}",
        **body,
        "$defs": dict(sorted(defs.schemas.items())),
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=1, ensure_ascii=False) + "\n"


def schema_files(base: str = DEFAULT_SITE_URL) -> dict[str, str]:
    """Schema file names and their text, as committed under schema/ (the entry schemas editors use)."""
    return {f"{kind}.schema.json": schema_text(json_schema(kind, base)) for kind in KINDS}


def api_schema_files(base: str) -> dict[str, str]:
    """The schemas the API publishes: for each kind the entry schema and the record schema."""
    files = schema_files(base)
    files |= {f"{kind}.record.schema.json": schema_text(json_schema(kind, base, record=True)) for kind in KINDS}
    return dict(sorted(files.items()))


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
GUARD = "'"


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP's advice), reversibly.

    A cell starting with = + - @, a tab or a carriage return gets a leading
    apostrophe; so does one that already starts with an apostrophe, so that
    `unguard` (drop one leading apostrophe) gives back every cell exactly.
    """
    return GUARD + cell if cell.startswith((*FORMULA_STARTS, GUARD)) else cell


def unguard(cell: str) -> str:
    """The cell as written before formula_safe: one leading apostrophe removed."""
    return cell.removeprefix(GUARD)


def table_text(header: list[str], rows: list[list[str]]) -> str:
    """CSV (RFC 4180 quoting by the csv module) with every cell guarded against formulas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([formula_safe(cell) for cell in row] for row in rows)
    return out.getvalue()


def v1_cell(value: Any) -> str:
    """A v1 CSV cell: text, a number or a date as written; 1 or 0 for a boolean; a list or a mapping as JSON."""
    plain = to_plain(value)
    if plain is None:
        return ""
    if isinstance(plain, bool):
        return str(int(plain))
    if isinstance(plain, list | dict):
        return compact_json(plain)
    return str(plain)


def v1_csv_text(kind: str, kb: KnowledgeBase) -> str:
    """One row per entry of a kind, one column per field and last_modified; lists, mappings and claims as JSON."""
    names = list(KINDS[kind].spec.fields)
    rows = [
        [*(v1_cell(entry.get(name)) for name in names), last_modified(entry, kb.history) or ""]
        for entry in sorted(kb.of_kind(kind), key=lambda e: e.id)
    ]
    return table_text([*names, "last_modified"], rows)


CLAIMS_CSV_HEADER = ["entry", "kind", "field", "position", *ClaimRow.column_names(), "sources", "contradicted_by"]


def claim_cells(row: ClaimRow) -> list[str]:
    typed = ["" if value is None else str(value) for value in row.columns.values()]
    return [row.entry.id, row.entry.kind, row.field, str(row.position), *typed, " ".join(row.sources), " ".join(row.contradicted_by)]


def claims_csv(kb: KnowledgeBase) -> str:
    """Every claim of every entry, one row each (long format), nothing of a claim left out.

    Reading a claim back: `text` for text and markdown values, `date` for dates,
    `boolean` (1 or 0) for booleans, `value` (JSON) for mappings; `sources` and
    `contradicted_by` are ids separated by single spaces (an id never holds one);
    an empty cell is an absent attribute; undo formula_safe with unguard.
    """
    return table_text(CLAIMS_CSV_HEADER, [claim_cells(row) for row in claim_rows(kb.entries)])


def api_files(kb: KnowledgeBase) -> dict[str, str | bytes]:
    """Every file of the data API, by its path below docs/: api/v1/ and the unversioned api/ beside it."""
    document = export_document(kb)
    database = database_bytes(kb)
    files: dict[str, str | bytes] = {f"{API}/acqkb.json": json_text(document)}
    for kind, items in document["entries"].items():
        folder = KINDS[kind].folder
        files[f"{API}/{folder}.json"] = json_text(items)
        files[f"{API}/{folder}.csv"] = v1_csv_text(kind, kb)
        files |= {f"{API}/{folder}/{r['id']}.json": json_text(r) for r in items}
    files[f"{API}/claims.csv"] = claims_csv(kb)
    files[f"{API}/acqkb.sqlite"] = database
    files[f"{API}/metadata.json"] = json_text(datasette_metadata(kb))
    files |= {f"{API}/schema/{name}": json_text(json.loads(text)) for name, text in api_schema_files(kb.settings.base).items()}
    return files | {"_redirects": REDIRECTS}


REDIRECTS = """# The first, unversioned API (api/*.json, api/*.csv, api/<kind>s/<id>.json, api/acqkb.sqlite,
# api/schema/) moved to api/v1/ (docs/guides/api-changelog.md). Hosts that read this file
# (Netlify, Cloudflare Pages and others) send the old addresses to the new ones; files that
# exist (api/v1/, api/yaml/) are served as they are.
/api/*  /api/v1/:splat  301
"""
