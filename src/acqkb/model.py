"""The schema: one spec per kind of entry, and the Entry that loading produces.

These definitions are the single source of truth: the loader converts with
them, `export.json_schemas` derives the JSON Schema from them, and `reference.fields_page`
writes the field reference page from them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from acqkb.schema import (
    STATUSES,
    Bool,
    Claims,
    DateSpec,
    Enum,
    FieldDef,
    ListOf,
    Number,
    Obj,
    Ref,
    RefSpec,
    Slug,
    Str,
    Text,
    Url,
    iter_refs,
)

VALUE_KINDS = ("ceiling", "potential", "obligated", "estimate", "stated", "requested", "appropriated")
VALUE_KIND_DOC = {
    "ceiling": "the most the vehicle allows",
    "potential": "the value if all options are exercised",
    "obligated": "money legally committed so far",
    "estimate": "an estimate of cost",
    "stated": "the headline value, with no word on whether it is a ceiling or an obligation",
    "requested": "asked for in a budget request",
    "appropriated": "provided by an enacted law",
}
QUALIFIERS = ("about", "nearly", "up-to", "at-least", "more-than")
SOURCE_KINDS = ("statute", "regulation", "official-release", "government-report", "decision", "news", "analysis")
PRIMARY_SOURCE_KINDS = SOURCE_KINDS[:5]
DIMENSIONS = {
    "legal_basis": "Legal basis",
    "regulations": "Regulations that apply",
    "signatory": "Instrument and signatory",
    "scope": "What it may buy",
    "participants": "Who may take part",
    "competition": "Competition",
    "protest_forum": "Protest forum",
    "cost_share": "Cost share",
    "production_path": "Path to production",
    "data_rights": "IP and data rights",
    "audit": "Audit and cost accounting",
    "pricing": "Pricing and contract type",
    "speed": "Typical speed",
    "oversight": "Approval and oversight",
    "disputes": "Disputes and changes",
    "typical_use": "Typical use",
}
DECISION_QUESTIONS = {
    "prototype": "Is the work a prototype project: a proof of concept, pilot, agile development or demonstration?",
    "research": "Is the work basic, applied or advanced research?",
    "follow_on_production": "Is it production that follows a successfully completed, competitively awarded prototype?",
    "commercial": "Is what you buy a commercial product or service, or a nondevelopmental item?",
    "recurring_orders": "Will you order repeatedly, with quantities or timing not known in advance?",
    "small_business_rd": "Is it research and development by a small business, building on earlier SBIR or STTR work?",
    "full_competition": "Is it a defined requirement you can compete openly under the FAR?",
}

money = Obj(
    {
        "amount": FieldDef(Number(), "US dollars, plain digits (no underscores or commas)", required=True),
        "kind": FieldDef(
            Enum(VALUE_KINDS), "what the figure measures: " + "; ".join(f"{k}: {v}" for k, v in VALUE_KIND_DOC.items()), required=True
        ),
        "qualifier": FieldDef(Enum(QUALIFIERS), "how the source hedges the figure"),
        "fiscal_year": FieldDef(Number(integer=True, minimum=1900, maximum=2100), "the fiscal year a budget figure belongs to"),
    },
    title="Money",
)
count = Obj(
    {
        "count": FieldDef(Number(integer=True, maximum=10**9), "how many", required=True),
        "qualifier": FieldDef(Enum(QUALIFIERS), "how the source hedges the count"),
    },
    title="Count",
)
citation = Obj(
    {
        "cite": FieldDef(Str(), "the citation in today's numbering, e.g. 10 U.S.C. 4022", required=True),
        "formerly": FieldDef(Str(), "the citation before renumbering, e.g. 10 U.S.C. 2371b"),
        "title": FieldDef(Str(), "the section's heading"),
    },
    title="Citation",
)
period = Obj(
    {
        "amount": FieldDef(Number(), "the dollar figure in force in this period (leave out for a rule without a figure)"),
        "rule": FieldDef(Text(), "the rule as it stood in this period, in a sentence (who approves, what must be notified)"),
        "effective": FieldDef(DateSpec(), "the day (or month, or year) it took effect", required=True),
        "ended": FieldDef(DateSpec(), "the last day it applied; leave out while it is in force"),
        "authority": FieldDef(
            Str(), "the law, regulation or notice that set it, e.g. FAC 2025-06 or Pub. L. 118-159, sec. 816", required=True
        ),
        "basis": FieldDef(Str(), "how the figure is measured, e.g. fiscal year 2020 constant dollars"),
    },
    title="Period",
)
identifier = Str(description="an identifier exactly as the source prints it", pattern=r"[A-Z0-9][A-Z0-9-]{2,49}")
phase = Obj(
    {
        "name": FieldDef(Str(), "the phase, e.g. prototype", required=True),
        "start": FieldDef(DateSpec(), "when it began or begins", required=True),
        "end": FieldDef(DateSpec(), "when it ended or is planned to end"),
    },
    title="Phase",
)


def refs(*kinds: str) -> ListOf:
    return ListOf(RefSpec(kinds))


COMMON: dict[str, FieldDef] = {
    "id": FieldDef(Slug(), "the entry's id; equal to its file name without .yaml", required=True),
    "title": FieldDef(Str(), "the name a reader knows it by", required=True),
    "summary": FieldDef(Text(), "one or two sentences: what it is (for a term, its definition)", required=True),
    "aliases": FieldDef(ListOf(Str()), "other names and abbreviations people search for"),
    "body": FieldDef(Text(), "longer Markdown text, written in your own words"),
    "facts": FieldDef(Claims(Text(), multi=True), "further sourced statements about this entry, one claim each (what a report says)"),
    "tags": FieldDef(ListOf(Slug()), "topic tags"),
    "related": FieldDef(refs(), "ids of related entries of any kind"),
    "sources": FieldDef(ListOf(RefSpec(("source",)), min_items=1), "ids of the sources behind the text of this entry", required=True),
    "as_of": FieldDef(DateSpec(day_only=True), "the day the entry was last checked against its sources (YYYY-MM-DD)", required=True),
    "history": FieldDef(
        ListOf(
            Obj(
                {
                    "date": FieldDef(DateSpec(day_only=True), "the day of the change (YYYY-MM-DD)", required=True),
                    "change": FieldDef(Str(), "what changed, in a line", required=True),
                }
            )
        ),
        "notable changes to this entry, newest last",
    ),
}

KIND_FIELDS: dict[str, dict[str, FieldDef]] = {
    "instrument": {
        "category": FieldDef(
            Enum(("authority", "vehicle", "pathway", "contract-type", "process", "concept")), "what sort of thing it is", required=True
        ),
        "parent": FieldDef(RefSpec(("instrument",)), "the broader instrument it is a form of"),
        "legal_basis": FieldDef(Claims(citation, multi=True), "statutes and regulations that create or govern it"),
        "purpose": FieldDef(Claims(Text()), "what it is for"),
        "users": FieldDef(Claims(Text()), "who may use it and who may take part"),
        "rules": FieldDef(Claims(Text(), multi=True), "its key rules, one claim each"),
        "comparison": FieldDef(
            Obj({k: FieldDef(Claims(Text()), v) for k, v in DIMENSIONS.items()}), "cells of the comparison matrix, one per dimension"
        ),
        "fits": FieldDef(
            Obj({k: FieldDef(Claims(Text()), v) for k, v in DECISION_QUESTIONS.items()}),
            "for the decision guide: how this instrument answers each question it fits, with the rule behind it",
        ),
    },
    "program": {
        "status": FieldDef(
            Enum(("concept", "planned", "development", "production", "operational", "cancelled")),
            "where it stands as of as_of",
            required=True,
        ),
        "owner": FieldDef(RefSpec(("organization",)), "the organization that runs it"),
        "parent": FieldDef(RefSpec(("program",)), "the program or architecture it is part of"),
        "instruments": FieldDef(refs("instrument"), "the contracting instruments it uses"),
        "vendors": FieldDef(refs("vendor"), "companies working on it"),
        "cost": FieldDef(Claims(money), "cost estimates and funding figures"),
        "satellites": FieldDef(Claims(count), "how many satellites"),
        "phases": FieldDef(Claims(phase, multi=True), "phases with their start and end dates"),
    },
    "organization": {
        "parent": FieldDef(RefSpec(("organization",)), "the organization it belongs to"),
        "office_code": FieldDef(
            Claims(identifier), "its contracting office code (DoDAAC) as printed in contract announcements, e.g. FA8808"
        ),
        "established": FieldDef(Claims(DateSpec()), "when it was established"),
    },
    "vendor": {
        "parent": FieldDef(RefSpec(("vendor",)), "the company it belongs to"),
        "uei": FieldDef(Claims(Str(pattern=r"[A-Z0-9]{12}")), "its Unique Entity ID in SAM.gov (12 characters)"),
        "cage": FieldDef(Claims(Str(pattern=r"[A-Z0-9]{5}")), "its CAGE code (5 characters)"),
    },
    "award": {
        "status": FieldDef(Enum(STATUSES), "how firm the award is: reported, announced or confirmed", required=True),
        "awardees": FieldDef(refs("vendor"), "the companies that won it; an empty list while they are undisclosed", required=True),
        "organization": FieldDef(RefSpec(("organization",)), "the awarding organization"),
        "program": FieldDef(RefSpec(("program",)), "the program it serves"),
        "instrument": FieldDef(RefSpec(("instrument",)), "the instrument used"),
        "date": FieldDef(Claims(DateSpec()), "when it was awarded", required=True),
        "value": FieldDef(Claims(money), "its value, each claim with its value kind"),
        "satellites": FieldDef(Claims(count), "satellites it buys"),
        "piid": FieldDef(Claims(identifier), "the contract or agreement number (PIID), e.g. FA8810-25-C-0001"),
        "parent_award": FieldDef(
            RefSpec(("award",)), "the vehicle (an IDIQ, a consortium agreement) this award is an order or agreement under"
        ),
        "parent_piid": FieldDef(Claims(identifier), "the parent vehicle's number, when the source gives it"),
        "awarding_office": FieldDef(Claims(Str()), "the contracting office as the source names it, with its code if given"),
        "in_usaspending": FieldDef(
            Claims(Bool()), "whether the action appears in USAspending / FPDS (many other transactions do not); only as a source states it"
        ),
    },
    "event": {
        "state": FieldDef(Enum(("happened", "planned")), "whether it happened or is planned", required=True),
        "date": FieldDef(Claims(DateSpec()), "when, to the precision known", required=True),
        "category": FieldDef(
            Enum(("law", "policy", "organization", "award", "launch", "milestone", "budget", "report", "protest")), "what sort of milestone"
        ),
        "programs": FieldDef(refs("program"), "programs it belongs to"),
        "awards": FieldDef(refs("award"), "awards it concerns"),
        "instruments": FieldDef(refs("instrument"), "instruments (authorities, vehicles, rules) it changed or concerns"),
        "thresholds": FieldDef(refs("threshold"), "thresholds it set or changed"),
        "organizations": FieldDef(refs("organization"), "organizations it concerns"),
    },
    "source": {
        "publisher": FieldDef(Str(), "who published it, or 'unnamed news outlet'", required=True),
        "date": FieldDef(DateSpec(), "its publication date, to the precision known", required=True),
        "date_approximate": FieldDef(Bool(), "true when the date is inferred rather than printed"),
        "kind": FieldDef(
            Enum(SOURCE_KINDS),
            "statute, regulation, official-release, government-report, decision (primary); news, analysis (secondary)",
            required=True,
        ),
        "url": FieldDef(
            Url(),
            "its official address: the publisher's own page (for law and regulation, the official publication), only if seen or built by the publisher's own scheme",
        ),
        "locator": FieldDef(Str(), "where to find it without a URL: a report number, docket or file name"),
        "copy": FieldDef(
            Obj(
                {
                    "publisher": FieldDef(Str(), "who holds the copy that was read (a mirror, an aggregator, a repository)", required=True),
                    "url": FieldDef(Url(), "the copy's address, if seen"),
                    "locator": FieldDef(Str(), "where in the copy: a file name, a page"),
                    "date": FieldDef(DateSpec(), "the copy's own date, when it differs from the source's"),
                },
                title="Copy",
            ),
            "the copy actually read, when it is not the official publication",
        ),
    },
    "threshold": {
        "category": FieldDef(Enum(("dollar-threshold", "rule")), "a dollar figure, or a rule that changes over time", required=True),
        "scope": FieldDef(Str(), "where it applies, e.g. DoD, civilian agencies, all executive agencies", required=True),
        "instruments": FieldDef(refs("instrument"), "the instruments it governs; their pages link here"),
        "periods": FieldDef(
            Claims(period, multi=True), "each value with the dates it applied and the authority that set it", required=True
        ),
    },
    "term": {
        "abbreviation": FieldDef(Str(), "the abbreviation, exactly as written"),
        "expansion": FieldDef(Str(), "what the abbreviation stands for"),
        "entry": FieldDef(
            RefSpec(),
            "the entry that is this term, on its own page (its names become that entry's search keywords); use related for broader entries",
        ),
    },
}


@dataclass(frozen=True)
class Kind:
    """A kind of entry: its name, its folder under data/ and docs/, its schema."""

    name: str
    folder: str
    heading: str
    spec: Obj


def _kind_spec(name: str) -> Obj:
    fields = {**COMMON, **KIND_FIELDS[name]}
    if name == "source":
        fields["sources"] = FieldDef(ListOf(RefSpec(("source",))), "other sources this one draws on")
    return Obj(fields, title=name)


_HEADINGS = {
    "instrument": "Instruments",
    "program": "Programs",
    "organization": "Organizations",
    "vendor": "Vendors",
    "award": "Awards",
    "event": "Events",
    "source": "Sources",
    "threshold": "Thresholds",
    "term": "Glossary",
}
KINDS: dict[str, Kind] = {
    name: Kind(name, "terms" if name == "term" else name + "s", heading, _kind_spec(name)) for name, heading in _HEADINGS.items()
}
FOLDERS = {kind.folder: kind for kind in KINDS.values()}


@dataclass
class Entry:
    """One loaded entry: its kind, id, file, first line and converted fields."""

    kind: str
    id: str
    path: str
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def refs(self) -> list[tuple[str, Ref]]:
        """Every reference in the entry with the field path it sits at; the loader's worker finds them."""
        return iter_refs(self.data)

    @cached_property
    def capitalised(self) -> list[tuple[str, int, str, tuple[str, ...]]]:
        """The words that may be abbreviations, found by the loader's worker (see acqkb.abbreviations)."""
        from acqkb.abbreviations import capitalised_words

        return capitalised_words(self)

    def line_of(self, name: str) -> int:
        """The line a top-level field starts at, or the entry's first line."""
        return self.field_lines.get(name, self.line)

    @property
    def title(self) -> str:
        return self.data["title"]

    @property
    def folder(self) -> str:
        return KINDS[self.kind].folder

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)
