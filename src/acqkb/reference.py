"""The field reference page, generated from the schema so it cannot drift from it."""

from __future__ import annotations

from acqkb.markdown import cell, table
from acqkb.model import KINDS, citation, count, money, phase
from acqkb.schema import Bool, Claims, DateSpec, Enum, ListOf, Number, Obj, RefSpec, Slug, Spec, Str, Url, claim_object


def type_name(spec: Spec) -> str:
    """A short reader's name for a spec."""
    if isinstance(spec, Claims):
        inner = type_name(spec.value)
        return f"claims of {inner}" + (" (several facts)" if spec.multi else "")
    if isinstance(spec, ListOf):
        return f"list of {type_name(spec.item)}"
    if isinstance(spec, RefSpec):
        return "id of " + (" or ".join(spec.kinds) if spec.kinds else "any entry")
    if isinstance(spec, Enum):
        return "one of " + ", ".join(f"`{c}`" for c in spec.choices)
    if isinstance(spec, Obj):
        return spec.title.lower() if spec.title else "mapping of " + ", ".join(f"`{k}`" for k in spec.fields)
    names = {Slug: "id", DateSpec: "date", Url: "http(s) URL", Bool: "true/false"}
    if isinstance(spec, Number):
        return "whole number" if spec.integer else "number"
    if isinstance(spec, Str):
        return "Markdown text" if spec.multiline else "text"
    return names.get(type(spec), type(spec).__name__)


def object_table(spec: Obj) -> str:
    rows = [[f"`{name}`", cell(type_name(d.spec)), "yes" if d.required else "", cell(d.doc)] for name, d in spec.fields.items()]
    return table(["Field", "Type", "Required", "Meaning"], rows)


def fields_page() -> str:
    """Every kind's fields, and the shapes of claims, money, counts, citations and phases."""
    parts = [
        "# Field reference",
        "Generated from the schema the loader uses. Every kind has the common fields "
        "(`id`, `title`, `summary`, `sources`, `as_of` required).",
        "## Claims",
        "A claim is a mapping with these fields:",
    ]
    parts.append(object_table(claim_object(Str())))
    for name, spec in (("Money", money), ("Count", count), ("Citation", citation), ("Phase", phase)):
        parts += [f"## {name}", object_table(spec)]
    for kind in KINDS.values():
        parts += [f"## Kind: {kind.name}", f"Files: `data/{kind.folder}/<id>.yaml`.", object_table(kind.spec)]
    return "\n\n".join(parts) + "\n"
