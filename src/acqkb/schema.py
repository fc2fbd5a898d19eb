"""Field specifications: they convert YAML nodes to typed values and export JSON Schema.

One spec object serves three uses, so the rules cannot drift apart: the strict
loader (`convert`), the JSON Schema for editors and the data API
(`json_schema`), and the field reference in the contributor docs
(`description`).
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from acqkb.problems import Problem
from acqkb.text import MAX_LINE, invisible_problem, markdown_problem, url_problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"


class Markdown(str):
    """Entry text written in Markdown, already passed by the sanitiser check; a plain `str` value is plain text."""


class Invalid:
    """Marks a value that failed conversion (its problem is already reported)."""


INVALID = Invalid()


@dataclass
class Ctx:
    """Where conversion happens: the file and the problems found so far."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    def error(self, node: yaml.Node, code: str, message: str) -> Invalid:
        return self.error_at(node, 0, code, message)

    def error_at(self, node: yaml.Node, offset: int, code: str, message: str) -> Invalid:
        """A problem `offset` lines below where the node starts."""
        self.problems.append(Problem(self.path, node.start_mark.line + 1 + offset, code, message))
        return INVALID


@dataclass(frozen=True)
class Ref:
    """A reference to another entry by id, kept with its line for later checks."""

    id: str
    line: int
    kinds: tuple[str, ...] = ()


# English month names, fixed: calendar.month_name follows the locale and formats a date on every lookup.
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to a precision: day, month, quarter or year."""

    year: int
    month: int | None = None
    day: int | None = None
    quarter: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "quarter" if self.quarter is not None else "year"

    def start(self) -> date:
        """The first day the date can mean."""
        month = self.month or (3 * self.quarter - 2 if self.quarter else 1)
        return date(self.year, month, self.day or 1)

    def end(self) -> date:
        """The last day the date can mean."""
        if self.day is not None:
            return self.start()
        last_month = self.month or (3 * self.quarter if self.quarter else 12)
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    def iso(self) -> str:
        """The form it is written in: 2026-05-29, 2026-05, 2026-Q2 or 2026."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-Q{self.quarter}" if self.quarter else f"{self.year:04d}"

    def label(self) -> str:
        """A reader's form: 29 May 2026, May 2026, Q2 2026, 2026."""
        if self.day is not None:
            return f"{self.day} {MONTHS[self.month]} {self.year}"
        if self.month is not None:
            return f"{MONTHS[self.month]} {self.year}"
        return f"Q{self.quarter} {self.year}" if self.quarter else str(self.year)


_DATE = re.compile(r"^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$")


def parse_fuzzy_date(text: str) -> FuzzyDate | None:
    """Parse 2026-05-29, 2026-05, 2026-Q2 or 2026; None when it is not a real date."""
    match = _DATE.match(text)
    if not match:
        return None
    year, quarter, month, day = match.groups()
    result = FuzzyDate(int(year), int(month) if month else None, int(day) if day else None, int(quarter) if quarter else None)
    try:
        result.start()
    except ValueError:
        return None
    if result.month is not None and not 1 <= result.month <= 12:
        return None
    if result.day is not None and result.day < 1:  # day 00: start() would read it as day 1
        return None
    return result


FIRST_YEAR, LAST_YEAR = 1789, 2100


def describe(node: yaml.Node) -> str:
    """How a wrong value reads in a message: what was found instead."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL_TAG:
        return "nothing (empty)"
    text = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    return f"'{text}'"


PLAIN_TAGS = {STR_TAG, INT_TAG, FLOAT_TAG, BOOL_TAG, NULL_TAG, TIMESTAMP_TAG, MAP_TAG, SEQ_TAG}


def plain_tag(node: yaml.Node, ctx: Ctx, where: str) -> bool:
    """Safe YAML only: a node with any other tag (such as !!python/object) is a problem."""
    if node.tag in PLAIN_TAGS:
        return True
    ctx.error(node, "tag", f"{where or 'entry'}: tag '{node.tag}' is not allowed; write plain YAML without tags")
    return False


def article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


# JSON Schema of dates, as strict as the loader: years FIRST_YEAR..LAST_YEAR, months 01-12, each
# month's last day (February 29 in any year: a regular expression cannot tell leap years).
_SCHEMA_YEAR = "(?:17(?:89|9[0-9])|1[89][0-9]{2}|20[0-9]{2}|2100)"
_SCHEMA_MONTH = "(?:0[1-9]|1[0-2])"
_SCHEMA_MONTH_DAY = "(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-9])|(?:0[13-9]|1[0-2])-30|(?:0[13578]|1[02])-31)"
DAY_PATTERN = f"^{_SCHEMA_YEAR}-{_SCHEMA_MONTH_DAY}$"
DATE_PATTERN = f"^{_SCHEMA_YEAR}(?:-Q[1-4]|-{_SCHEMA_MONTH}|-{_SCHEMA_MONTH_DAY})?$"


@dataclass
class Defs:
    """The `$defs` of one JSON Schema document: each shared part written once, used by `$ref`.

    `names` names specs that have no name of their own (by identity), such as a
    pattern-checked identifier that several fields share.
    """

    names: dict[int, str] = field(default_factory=dict)
    schemas: dict[str, dict[str, Any]] = field(default_factory=dict)

    def ref(self, name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """A `$ref` to the definition `name`, built on first use; two different specs under one name are a bug."""
        if name not in self.schemas:
            self.schemas[name] = {}
            self.schemas[name] = build()
        elif self.schemas[name] and self.schemas[name] != build():
            raise ValueError(f"two different JSON Schema definitions named {name!r}")
        return {"$ref": f"#/$defs/{name}"}

    def name_of(self, spec: Spec) -> str | None:
        return self.names.get(id(spec)) or spec.def_name(self)


class Spec:
    """Base of all field specs."""

    description = ""

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        raise NotImplementedError

    def json_schema(self, defs: Defs) -> dict[str, Any]:
        """The JSON Schema of this spec: a `$ref` into defs when the spec has a shared name, else inline."""
        name = defs.name_of(self)
        return defs.ref(name, lambda: self.inline_schema(defs)) if name else self.inline_schema(defs)

    def def_name(self, defs: Defs) -> str | None:
        """The name its schema is shared under in `$defs`, or None to write it inline."""
        return None

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        raise NotImplementedError

    def _scalar(self, node: yaml.Node, ctx: Ctx, where: str, expected: str) -> yaml.ScalarNode | Invalid:
        if not plain_tag(node, ctx, where):
            return INVALID
        if isinstance(node, yaml.ScalarNode):
            return node
        return ctx.error(node, "type", f"{where}: expected {expected}, got {describe(node)}")


@dataclass
class Str(Spec):
    """One line of plain text, or with `multiline` Markdown text (checked by the sanitiser in acqkb.text)."""

    description: str = "text"
    pattern: str | None = None
    multiline: bool = False

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        scalar = self._scalar(node, ctx, where, "text")
        if isinstance(scalar, Invalid):
            return scalar
        if scalar.tag in (NULL_TAG, BOOL_TAG):
            return ctx.error(node, "type", f"{where}: expected text, got {describe(node)}; quote it if it is meant as text")
        text = scalar.value.strip()
        if not text:
            return ctx.error(node, "empty", f"{where}: must not be empty")
        invisible = invisible_problem(text, self.multiline)
        if invisible:
            return ctx.error(node, "control-char", f"{where}: {invisible}")
        if not self.multiline:
            return self._line(text, node, ctx, where)
        problem = markdown_problem(text)
        if problem:
            offset = problem[0] - 1 + (1 if scalar.style in ("|", ">") else 0)
            return ctx.error_at(node, offset if scalar.style == "|" else min(offset, 1), "markup", f"{where}: {problem[1]}")
        return Markdown(text)

    def _line(self, text: str, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        if "\n" in text:
            return ctx.error(node, "type", f"{where}: must be one line")
        if len(text) > MAX_LINE:
            return ctx.error(node, "too-long", f"{where}: {len(text)} characters; one line of text is at most {MAX_LINE}")
        if self.pattern and not re.fullmatch(self.pattern, text):
            return ctx.error(node, "format", f"{where}: '{text}' does not match {self.pattern}")
        return text

    def def_name(self, defs: Defs) -> str | None:
        if self.multiline:
            return "markdown"
        return None if self.pattern else "text"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.multiline:
            schema["description"] = "Markdown text"
        else:
            schema["maxLength"] = MAX_LINE
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern})$"
        return schema


def Text(description: str = "Markdown text") -> Str:
    """Several lines of Markdown."""
    return Str(description=description, multiline=True)


@dataclass
class Slug(Spec):
    """An entry id: lower-case words joined by hyphens."""

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        text = Str().convert(node, ctx, where)
        if isinstance(text, str) and not SLUG.match(text):
            return ctx.error(node, "format", f"{where}: '{text}' is not an id (lower-case letters, digits and single hyphens)")
        return text

    def def_name(self, defs: Defs) -> str | None:
        return "slug"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG.pattern, "description": "lower-case letters, digits and single hyphens"}


@dataclass
class Enum(Spec):
    """One of a fixed set of words."""

    choices: tuple[str, ...] = ()

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        text = Str().convert(node, ctx, where)
        if isinstance(text, Invalid) or text in self.choices:
            return text
        hint = difflib.get_close_matches(text, self.choices, n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        return ctx.error(node, "enum", f"{where}: '{text}' is not one of {', '.join(self.choices)}{extra}")

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"enum": list(self.choices)}


@dataclass
class Bool(Spec):
    """true or false."""

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        scalar = self._scalar(node, ctx, where, "true or false")
        if isinstance(scalar, Invalid):
            return scalar
        if scalar.tag != BOOL_TAG or scalar.value.lower() not in ("true", "false"):
            return ctx.error(node, "type", f"{where}: expected true or false, got {describe(node)} (YAML 1.2 reads only true and false)")
        return scalar.value.lower() == "true"

    def def_name(self, defs: Defs) -> str | None:
        return "boolean"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "boolean"}


PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


@dataclass
class Number(Spec):
    """A plain decimal number between minimum and maximum; `integer` narrows it to whole numbers.

    Only digits, a minus sign and one decimal point: YAML 1.1 and 1.2 read
    underscores, leading zeros (octal), colons (base 60), exponents and .inf
    differently or not at all, so each is refused rather than guessed.
    """

    integer: bool = False
    minimum: float = 0
    maximum: float = 10**15

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        expected = "a whole number" if self.integer else "a number"
        scalar = self._scalar(node, ctx, where, expected)
        if isinstance(scalar, Invalid):
            return scalar
        allowed = (INT_TAG,) if self.integer else (INT_TAG, FLOAT_TAG)
        if scalar.tag not in allowed:
            return ctx.error(node, "type", f"{where}: expected {expected}, got {describe(node)}")
        if not PLAIN_NUMBER.fullmatch(scalar.value) or (self.integer and "." in scalar.value):
            return ctx.error(
                node, "number", f"{where}: write {describe(node)} as plain digits (no underscores, leading zeros, exponents or colons)"
            )
        value = int(scalar.value) if "." not in scalar.value else float(scalar.value)
        if not self.minimum <= value <= self.maximum:
            return ctx.error(node, "range", f"{where}: {scalar.value} is outside {self.minimum:,.0f} to {self.maximum:,.0f}")
        return value

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "integer" if self.integer else "number", "minimum": self.minimum, "maximum": self.maximum}


@dataclass
class DateSpec(Spec):
    """A date as 2026-05-29 (day), 2026-05 (month), 2026-Q2 (quarter) or 2026 (year)."""

    day_only: bool = False

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        scalar = self._scalar(node, ctx, where, "a date")
        if isinstance(scalar, Invalid):
            return scalar
        text = scalar.value.strip()
        parsed = parse_fuzzy_date(text)
        if scalar.tag in (STR_TAG, INT_TAG, TIMESTAMP_TAG) and parsed is None and _DATE.match(text):
            return ctx.error(node, "date", f"{where}: {describe(node)} is not a real date")
        if scalar.tag not in (STR_TAG, INT_TAG, TIMESTAMP_TAG) or parsed is None:
            return ctx.error(node, "date", f"{where}: {describe(node)} is not a date; write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY")
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
            return ctx.error(node, "date", f"{where}: {parsed.year} is outside the years {FIRST_YEAR} to {LAST_YEAR}")
        if self.day_only and parsed.precision != "day":
            return ctx.error(node, "date", f"{where}: {describe(node)} must be a full date, YYYY-MM-DD")
        return parsed

    def def_name(self, defs: Defs) -> str | None:
        return "day" if self.day_only else "date"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        if self.day_only:
            return {"type": "string", "pattern": DAY_PATTERN, "description": "a full date, YYYY-MM-DD"}
        return {
            "type": ["string", "integer"],
            "pattern": DATE_PATTERN,
            "minimum": FIRST_YEAR,
            "maximum": LAST_YEAR,
            "description": "a date to the precision known: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY",
        }


@dataclass
class Url(Spec):
    """An http or https address that every output can carry as it is."""

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        text = Str().convert(node, ctx, where)
        if isinstance(text, Invalid):
            return text
        problem = url_problem(text)
        if problem:
            return ctx.error(node, "url", f"{where}: '{text}' {problem}")
        return text

    def def_name(self, defs: Defs) -> str | None:
        return "url"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": '^https?://[^\\s/]+[^\\s"<>\\\\^`{|}]*$', "maxLength": MAX_LINE}


@dataclass
class RefSpec(Spec):
    """The id of another entry, of one of the given kinds (any kind when empty)."""

    kinds: tuple[str, ...] = ()

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        text = Slug().convert(node, ctx, where)
        if isinstance(text, Invalid):
            return text
        return Ref(text, node.start_mark.line + 1, self.kinds)

    def def_name(self, defs: Defs) -> str | None:
        return "_or_".join(self.kinds or ("entry",)) + "_id"

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "string", "pattern": SLUG.pattern, "description": f"id of {article(' or '.join(self.kinds) or 'any')} entry"}


@dataclass
class ListOf(Spec):
    """A list of items of one spec; duplicates are an error."""

    item: Spec = field(default_factory=Str)
    min_items: int = 0

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        if not plain_tag(node, ctx, where):
            return INVALID
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(node, "type", f"{where}: expected a list, got {describe(node)}")
        if len(node.value) < self.min_items:
            what = "source" if isinstance(self.item, RefSpec) and self.item.kinds == ("source",) else "item"
            return ctx.error(node, "empty", f"{where}: needs at least {self.min_items} {what}{'s' if self.min_items > 1 else ''}")
        items, seen = [], set()
        for index, child in enumerate(node.value):
            value = self.item.convert(child, ctx, f"{where}[{index}]")
            if isinstance(value, Invalid):
                continue
            key = value.id if isinstance(value, Ref) else repr(value)
            if key in seen:
                ctx.error(child, "duplicate-item", f"{where}[{index}]: {describe(child)} is listed twice")
                continue
            seen.add(key)
            items.append(value)
        return items

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json_schema(defs), "minItems": self.min_items}


@dataclass
class FieldDef:
    """One named field of an object: its spec, whether required, what it means."""

    spec: Spec
    doc: str
    required: bool = False


def mapping_items(node: yaml.MappingNode, ctx: Ctx, where: str) -> list[tuple[str, yaml.Node, yaml.Node]]:
    """The key/value pairs of a mapping; duplicate and non-text keys are problems."""
    pairs, first_line = [], {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
            prefix = f"{where}: " if where else ""
            ctx.error(key_node, "type", f"{prefix}keys must be plain words, got {describe(key_node)}")
            continue
        key = key_node.value
        if key in first_line:
            prefix = f"{where}: " if where else ""
            ctx.error(key_node, "duplicate-key", f"{prefix}duplicate key '{key}' (first at line {first_line[key]})")
            continue
        first_line[key] = key_node.start_mark.line + 1
        pairs.append((key, key_node, value_node))
    return pairs


@dataclass
class Obj(Spec):
    """A mapping with known fields; unknown fields are an error."""

    fields: dict[str, FieldDef] = field(default_factory=dict)
    title: str = ""

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        if not plain_tag(node, ctx, where):
            return INVALID
        if not isinstance(node, yaml.MappingNode):
            return ctx.error(node, "type", f"{where or 'entry'}: expected a mapping, got {describe(node)}")
        result: dict[str, Any] = {}
        prefix = f"{where}." if where else ""
        pairs = mapping_items(node, ctx, where)
        for key, key_node, value_node in pairs:
            if key not in self.fields:
                hint = difflib.get_close_matches(key, list(self.fields), n=1)
                extra = f" (did you mean '{hint[0]}'?)" if hint else ""
                ctx.error(key_node, "unknown-field", f"{prefix}{key}: unknown field{extra}")
                continue
            value = self.fields[key].spec.convert(value_node, ctx, prefix + key)
            if not isinstance(value, Invalid):
                result[key] = value
        present = {key for key, _, _ in pairs}
        for name, definition in self.fields.items():
            if definition.required and name not in present:
                ctx.error(node, "missing-field", f"{prefix}{name}: required field is missing")
        return result

    def def_name(self, defs: Defs) -> str | None:
        return self.title.lower() or None

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        schema: dict[str, Any] = {"title": self.title} if self.title else {}
        schema |= {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: {**d.spec.json_schema(defs), "description": d.doc} for name, d in self.fields.items()},
            "required": [name for name, d in self.fields.items() if d.required],
        }
        return schema


@dataclass(frozen=True)
class Claim:
    """One source-backed statement of a fact; several claims may disagree."""

    value: Any
    sources: tuple[Ref, ...]
    status: str | None = None
    stated: FuzzyDate | None = None
    note: str | None = None
    contradicted_by: tuple[Ref, ...] = ()
    line: int = 0


def iter_refs(value: Any, where: str = "") -> list[tuple[str, Ref]]:
    """Every reference inside a value, with the field path it sits at (such as cost[0].sources)."""
    found: list[tuple[str, Ref]] = []
    _collect_refs(value, where, found)
    return found


def _collect_refs(value: Any, where: str, found: list[tuple[str, Ref]]) -> None:
    """Appends rather than yields: nested generators took a tenth of loading."""
    if isinstance(value, str):
        return
    if isinstance(value, Ref):
        found.append((where, value))
    elif isinstance(value, Claim):
        _collect_refs(value.value, f"{where}.value", found)
        found.extend((f"{where}.sources", ref) for ref in value.sources)
        found.extend((f"{where}.contradicted_by", ref) for ref in value.contradicted_by)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect_refs(item, f"{where}.{key}" if where else key, found)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _collect_refs(item, where if isinstance(item, Ref) else f"{where}[{index}]", found)


STATUSES = ("reported", "announced", "confirmed")


def claim_object(value: Spec) -> Obj:
    """The mapping form of one claim around a value spec."""
    return Obj(
        {
            "value": FieldDef(value, "the value this claim states", required=True),
            "sources": FieldDef(ListOf(RefSpec(("source",)), min_items=1), "ids of the sources that state it", required=True),
            "status": FieldDef(
                Enum(STATUSES), "reported (news only), announced (by the government or the company) or confirmed (a primary record)"
            ),
            "stated": FieldDef(DateSpec(), "when the source stated it, if not the source's own date"),
            "note": FieldDef(Text(), "context a reader needs to weigh the claim"),
            "contradicted_by": FieldDef(ListOf(RefSpec(("source",)), min_items=1), "sources that contradict this claim"),
        }
    )


_CLAIM_SPECS: dict[int, tuple[Spec, Obj]] = {}


def claim_spec(value: Spec) -> Obj:
    """The claim mapping around a value spec, built once per spec (conversion asks for it for every claim list)."""
    cached = _CLAIM_SPECS.get(id(value))
    if cached is None or cached[0] is not value:
        cached = _CLAIM_SPECS[id(value)] = (value, claim_object(value))
    return cached[1]


@dataclass
class Claims(Spec):
    """A fact: a list of claims, each with its sources.

    With `multi`, the claims are distinct facts (key rules, phases); without it,
    they are statements of one fact, and differing values mean reports differ.
    """

    value: Spec = field(default_factory=Str)
    multi: bool = False

    def convert(self, node: yaml.Node, ctx: Ctx, where: str) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return ctx.error(node, "type", f"{where}: expected a list of claims, got {describe(node)}")
        if not node.value:
            return ctx.error(node, "empty", f"{where}: needs at least one claim; leave the field out instead")
        spec, claims = claim_spec(self.value), []
        for index, child in enumerate(node.value):
            item = spec.convert(child, ctx, f"{where}[{index}]")
            if isinstance(item, dict) and "value" in item and "sources" in item:
                claims.append(self._claim(item, child.start_mark.line + 1))
        return claims

    @staticmethod
    def _claim(item: dict[str, Any], line: int) -> Claim:
        return Claim(
            item["value"],
            tuple(item["sources"]),
            item.get("status"),
            item.get("stated"),
            item.get("note"),
            tuple(item.get("contradicted_by", ())),
            line,
        )

    def def_name(self, defs: Defs) -> str | None:
        value = defs.name_of(self.value)
        return f"{value}_claims" if value else None

    def inline_schema(self, defs: Defs) -> dict[str, Any]:
        """A list of claims; what every claim shares (sources, status, stated, note, contradicted_by) is defined once."""
        claim = claim_object(self.value)
        properties = {"value": {**self.value.json_schema(defs), "description": claim.fields["value"].doc}}
        for name, definition in claim.fields.items():
            if name != "value":
                shared = {**definition.spec.json_schema(defs), "description": definition.doc}
                properties[name] = defs.ref(f"claim_{name}", lambda shared=shared: shared)
        item = {"type": "object", "additionalProperties": False, "properties": properties, "required": ["value", "sources"]}
        return {"type": "array", "minItems": 1, "items": item, "description": "claims, each with the sources that state it"}
