"""Entries as JSON records that mirror the YAML, and the JSON Schema of each kind."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from acqkb import __version__
from acqkb.check import KnowledgeBase
from acqkb.database import database_bytes
from acqkb.model import KINDS, identifier
from acqkb.schema import DAY_PATTERN, Claim, Defs, FuzzyDate, Ref
from acqkb.settings import DEFAULT_SITE_URL

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
API = "api/v1"
# Specs that several fields share but that have no name of their own.
SHARED_NAMES = {id(identifier): "identifier"}
LAST_MODIFIED_SCHEMA = {
    "type": ["string", "null"],
    "pattern": DAY_PATTERN,
    "description": "the day of the last commit that changed the entry's file (YYYY-MM-DD), or null without git history",
}


def to_plain(value: Any) -> Any:
    """A converted value back in the shape it was written in YAML."""
    if isinstance(value, Ref):
        return value.id
    if isinstance(value, FuzzyDate):
        return value.iso()
    if isinstance(value, Claim):
        record = {
            "value": to_plain(value.value),
            "sources": to_plain(list(value.sources)),
            "status": value.status,
            "stated": to_plain(value.stated),
            "note": value.note,
            "contradicted_by": to_plain(list(value.contradicted_by)) or None,
        }
        return {k: v for k, v in record.items() if v is not None}
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def records(kb: KnowledgeBase) -> dict[str, list[dict[str, Any]]]:
    """Every entry as a record, grouped by kind, sorted by id."""
    return {kind: [to_plain(e.data) for e in sorted(kb.of_kind(kind), key=lambda e: e.id)] for kind in KINDS}


def export_document(kb: KnowledgeBase) -> dict[str, Any]:
    """The whole knowledge base as one JSON document."""
    grouped = records(kb)
    return {
        "generator": f"acqkb {__version__}",
        "counts": {kind: len(items) for kind, items in grouped.items()},
        "entries": grouped,
    }


def json_text(document: Any) -> str:
    """Compact JSON (no indentation: smaller and quicker to write); `allow_nan=False` keeps it standard JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


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


CSV_SEPARATOR = " | "


def csv_cell(value: Any) -> str:
    """A field value as readable text for a spreadsheet cell."""
    plain_value = to_plain(value)
    if isinstance(plain_value, list):
        return CSV_SEPARATOR.join(csv_cell(v) if not isinstance(v, dict) else claim_cell(v) for v in plain_value)
    if isinstance(plain_value, dict):
        return "; ".join(f"{k}: {csv_cell(v)}" for k, v in plain_value.items())
    return "" if plain_value is None else str(plain_value)


def claim_cell(record: dict[str, Any]) -> str:
    if "sources" not in record:
        return csv_cell(record)
    value = record["value"]
    shown = f"{value['amount']} {value['kind']}" if isinstance(value, dict) and "kind" in value else csv_cell(value)
    return f"{shown} [{', '.join(record['sources'])}]"


def csv_text(kind: str, kb: KnowledgeBase) -> str:
    """One row per entry of a kind, one column per field."""
    names = list(KINDS[kind].spec.fields)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for entry in sorted(kb.of_kind(kind), key=lambda e: e.id):
        writer.writerow([formula_safe(csv_cell(entry.get(name))) for name in names])
    return out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: one starting with = + - @ gets a leading apostrophe (OWASP's advice)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def api_files(kb: KnowledgeBase) -> dict[str, str | bytes]:
    """Every file of the data API, by its path below docs/."""
    document = export_document(kb)
    files: dict[str, str | bytes] = {"api/acqkb.json": json_text(document)}
    for kind, records in document["entries"].items():
        folder = KINDS[kind].folder
        files[f"api/{folder}.json"] = json_text(records)
        files[f"api/{folder}.csv"] = csv_text(kind, kb)
        files |= {f"api/{folder}/{r['id']}.json": json_text(r) for r in records}
    files |= {f"api/schema/{name}": text for name, text in schema_files().items()}
    files["api/acqkb.sqlite"] = database_bytes(kb)
    return files
