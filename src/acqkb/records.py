"""Plain records: entries and claims as JSON-ready values, and each claim as one flat row.

The JSON export, the long-format claims.csv and the SQLite database all start
here, so a claim reads the same in each of them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from acqkb.model import KINDS, Entry
from acqkb.schema import Bool, Claim, Claims, DateSpec, FuzzyDate, Obj, Ref, Spec, Str


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


def json_text(document: Any) -> str:
    """Compact JSON (no indentation: smaller and quicker to write); `allow_nan=False` keeps it standard JSON."""
    return compact_json(document) + "\n"


def compact_json(value: Any) -> str:
    """One line of standard JSON, text kept as it is (not \\u-escaped)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def last_modified(entry: Entry, history: Any) -> str | None:
    """The day of the last commit that changed the entry's file, or None without git history."""
    day = history.changed(entry.path)
    return day.isoformat() if day else None


# The columns every flat claim row has, in order; the same in claims.csv and the claims table.
CLAIM_COLUMNS = (
    "value_type",
    "text",
    "value",
    "amount",
    "value_kind",
    "qualifier",
    "fiscal_year",
    "count",
    "boolean",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "status",
    "stated",
    "note",
)


@dataclass(frozen=True)
class ClaimRow:
    """One claim of one entry, flattened: where it sits, its typed columns and its sources."""

    entry: Entry
    field: str
    position: int
    claim: Claim
    columns: dict[str, Any]

    @staticmethod
    def column_names() -> list[str]:
        return list(CLAIM_COLUMNS)

    @property
    def sources(self) -> list[str]:
        return [ref.id for ref in self.claim.sources]

    @property
    def contradicted_by(self) -> list[str]:
        return [ref.id for ref in self.claim.contradicted_by]


def value_type(spec: Spec) -> str:
    """What a claim's value is: text, markdown, date, boolean, or the name of a mapping (money, count, citation, phase, period)."""
    if isinstance(spec, Str):
        return "markdown" if spec.multiline else "text"
    if isinstance(spec, DateSpec):
        return "date"
    if isinstance(spec, Bool):
        return "boolean"
    if isinstance(spec, Obj) and spec.title:
        return spec.title.lower()
    raise ValueError(f"no flat form for claims of {type(spec).__name__}")


def date_columns(day: FuzzyDate) -> dict[str, Any]:
    """A date as written, its precision, and the first and last day it can mean."""
    return {"date": day.iso(), "date_precision": day.precision, "date_start": day.start().isoformat(), "date_end": day.end().isoformat()}


def until(end: FuzzyDate | None) -> str | None:
    """The last day a span can mean, or None while it is open."""
    return end.end().isoformat() if end else None


def typed_columns(kind: str, value: Any) -> dict[str, Any]:
    """The typed columns a claim's value fills; a mapping is also kept whole, as JSON, in `value`."""
    if kind in ("text", "markdown"):
        return {"text": value}
    if kind == "date":
        return date_columns(value)
    if kind == "boolean":
        return {"boolean": int(value)}
    columns: dict[str, Any] = {"value": compact_json(to_plain(value))}
    if kind == "money":
        columns |= {"amount": value["amount"], "value_kind": value["kind"]}
        columns |= {"qualifier": value.get("qualifier"), "fiscal_year": value.get("fiscal_year")}
    elif kind == "count":
        columns |= {"count": value["count"], "qualifier": value.get("qualifier")}
    elif kind == "citation":
        columns["text"] = value["cite"]
    elif kind == "phase":
        columns |= {"text": value["name"], **date_columns(value["start"]), "date_end": until(value.get("end"))}
    elif kind == "period":
        columns |= {"text": value.get("rule") or value["authority"], "amount": value.get("amount")}
        columns |= {**date_columns(value["effective"]), "date_end": until(value.get("ended"))}
    return columns


def claim_fields(kind: str) -> Iterator[tuple[str, Claims]]:
    """Every field of a kind that holds claims, in schema order, with its path (comparison cells as comparison.scope)."""
    for name, definition in KINDS[kind].spec.fields.items():
        spec = definition.spec
        if isinstance(spec, Claims):
            yield name, spec
        elif isinstance(spec, Obj) and spec.fields and all(isinstance(d.spec, Claims) for d in spec.fields.values()):
            for key, inner in spec.fields.items():
                yield f"{name}.{key}", inner.spec  # type: ignore[misc]


def field_value(entry: Entry, path: str) -> Any:
    """The value at a field path such as value or comparison.scope; None when absent."""
    name, _, key = path.partition(".")
    value = entry.get(name)
    return value.get(key) if key and isinstance(value, dict) else value


def claim_rows(entries: list[Entry]) -> Iterator[ClaimRow]:
    """Every claim of the entries as a flat row: entries by id, fields in schema order, claims in written order."""
    for entry in sorted(entries, key=lambda e: e.id):
        for path, spec in claim_fields(entry.kind):
            kind = value_type(spec.value)
            for position, claim in enumerate(field_value(entry, path) or []):
                columns = dict.fromkeys(CLAIM_COLUMNS)
                columns |= {"value_type": kind, **typed_columns(kind, claim.value)}
                columns |= {"status": claim.status, "stated": claim.stated.iso() if claim.stated else None, "note": claim.note}
                yield ClaimRow(entry, path, position, claim, columns)
