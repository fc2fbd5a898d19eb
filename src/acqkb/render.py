"""Rendering shared by entry pages and views: values, claims, citations, measures and dates.

Every piece of entry text that reaches Markdown here goes through `acqkb.text`
(plain text escaped, Markdown already passed by the sanitiser check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from acqkb.check import KnowledgeBase
from acqkb.markdown import amount, cell, count, link, money, page_path, rel_link, table
from acqkb.model import PRIMARY_SOURCE_KINDS, Entry
from acqkb.schema import Claim, FuzzyDate, Markdown, Ref
from acqkb.text import attribute, inline

NOT_SEARCHED = " { data-search-exclude }"


def source_date(source: Entry) -> str:
    """A source's date as a reader should weigh it."""
    date: FuzzyDate = source.get("date")
    return ("about " if source.get("date_approximate") else "") + date.label()


def source_name(source: Entry) -> str:
    """Who published a source and when, in a few words: what a citation says aloud and in print."""
    return f"{source.get('publisher')}, {source_date(source)}"


def source_line(source: Entry) -> str:
    """Publisher, date and kind of a source, in one line of Markdown."""
    primary = "primary" if source.get("kind") in PRIMARY_SOURCE_KINDS else "secondary"
    return f"{inline(source.get('publisher'))}, {source_date(source)} ({source.get('kind')}, {primary})"


@dataclass
class Citer:
    """Numbers the sources a page cites, in order of first citation.

    A citation shows "[1]"; the source's publisher and date follow in text that
    screen readers read and print shows, so the number is never all there is.
    """

    page: str
    kb: KnowledgeBase
    numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, refs: Iterable[Ref]) -> str:
        marks = []
        for ref in refs:
            number = self.numbers.setdefault(ref.id, len(self.numbers) + 1)
            source = self.kb.by_id[ref.id]
            name = f'<span class="acq-cite-name" data-search-exclude>: {inline(source_name(source))}</span>'
            marks.append(f"[\\[{number}\\]{name}]({rel_link(self.page, page_path(source))}){{ .acq-cite }}")
        return " ".join(marks)

    def block(self) -> str:
        """The Sources section, kept out of the site search (it only lists other entries)."""
        if not self.numbers:
            return ""
        lines = []
        for source_id, number in self.numbers.items():
            source = self.kb.by_id[source_id]
            address = f" <{source.get('url')}>" if source.get("url") else ""
            lines.append(f"{number}. {link(self.page, source)}: {source_line(source)}{address}")
        return f"## Sources{NOT_SEARCHED}\n\n" + "\n".join(lines)


def effective_status(claim: Claim, kb: KnowledgeBase) -> str:
    """The claim's status; a claim only news or analysis supports is 'reported'."""
    if claim.status:
        return claim.status
    kinds = {kb.by_id[ref.id].get("kind") for ref in claim.sources}
    return "reported" if kinds <= {"news", "analysis"} else ""


def render_value(value: Any, page: str, kb: KnowledgeBase) -> str:
    """Any converted field value as inline Markdown."""
    if isinstance(value, Ref):
        return link(page, kb.by_id[value.id])
    if isinstance(value, FuzzyDate):
        return value.label()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(render_value(item, page, kb) for item in value)
    if isinstance(value, dict):
        return render_dict(value, page, kb)
    if isinstance(value, Markdown):
        return cell(value)
    return inline(str(value))


def render_dict(value: dict, page: str, kb: KnowledgeBase) -> str:
    if "effective" in value:
        return period_text(value)
    if "amount" in value:
        return money(value)
    if "count" in value:
        return count(value)
    if "cite" in value:
        former = f" (formerly {value['formerly']})" if value.get("formerly") else ""
        title = f": {value['title']}" if value.get("title") else ""
        return inline(f"{value['cite']}{former}{title}")
    if "name" in value:
        end = f" to {value['end'].label()}" if value.get("end") else " onward"
        return inline(f"{value['name']}: {value['start'].label()}{end}")
    if "publisher" in value:
        return copy_text(value)
    return ", ".join(f"{inline(k)}: {render_value(v, page, kb)}" for k, v in value.items())


def period_text(value: dict) -> str:
    """A threshold period: figure or rule, the dates it applied, and what set it."""
    what = amount(value["amount"]) if "amount" in value else ""
    if value.get("basis"):
        what += f" ({inline(value['basis'])})"
    rule = cell(value["rule"]) if value.get("rule") else ""
    until = f" to {value['ended'].label()}" if value.get("ended") else " onward"
    head = "; ".join(part for part in (what, rule) if part)
    return f"{head}: from {value['effective'].label()}{until}, set by {inline(value['authority'])}"


def copy_text(value: dict) -> str:
    """The copy of a source that was read: who holds it, where, and its date."""
    parts = [inline(value["publisher"])]
    if value.get("url"):
        parts.append(f"<{value['url']}>")
    if value.get("locator"):
        parts.append(inline(value["locator"]))
    if value.get("date"):
        parts.append(f"dated {value['date'].label()}")
    return ", ".join(parts)


def claim_text(claim: Claim, page: str, kb: KnowledgeBase, citer: Citer) -> str:
    """One claim inline: value, status, citations, and any contradiction."""
    parts = [render_value(claim.value, page, kb)]
    status = effective_status(claim, kb)
    if status:
        parts.append(f"*({status})*")
    parts.append(citer.cite(claim.sources))
    if claim.contradicted_by:
        parts.append(f"**contradicted by** {citer.cite(claim.contradicted_by)}")
    if claim.note:
        parts.append(f"({cell(claim.note)})")
    return " ".join(parts)


def measure(claim: Claim) -> str:
    """What a claim's figure measures: its value kind and fiscal year for money, else one measure for all."""
    value = claim.value
    if isinstance(value, dict) and "kind" in value and "amount" in value:
        return value["kind"] + (f", FY{value['fiscal_year']}" if value.get("fiscal_year") else "")
    return ""


def by_measure(claims: list[Claim]) -> dict[str, list[Claim]]:
    """Claims grouped by what they measure, in order of first appearance."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(measure(claim), []).append(claim)
    return groups


def distinct_values(claims: list[Claim]) -> list[Any]:
    values: list[Any] = []
    for claim in claims:
        if claim.value not in values:
            values.append(claim.value)
    return values


def disputed(claims: list[Claim]) -> bool:
    """Reports differ: claims of one measure state more than one value, or one is contradicted.

    Figures of different measures (an estimate, a request, an appropriation, a
    ceiling) are different facts side by side, not a dispute.
    """
    return len(distinct_values(claims)) > 1 or any(c.contradicted_by for c in claims)


def differ_table(title: str, anchor: str, claims: list[Claim], page: str, kb: KnowledgeBase, citer: Citer) -> str:
    """Claims of one measure that disagree, side by side, each with its source and date."""
    contradicted = any(c.contradicted_by for c in claims)
    rows = []
    for claim in claims:
        sources = [kb.by_id[ref.id] for ref in claim.sources]
        when = claim.stated.label() if claim.stated else "; ".join(source_date(s) for s in sources)
        row = [render_value(claim.value, page, kb), citer.cite(claim.sources), inline(when), effective_status(claim, kb) or ""]
        row.append(cell(claim.note or ""))
        if contradicted:
            row.append(citer.cite(claim.contradicted_by) if claim.contradicted_by else "")
        rows.append(row)
    headers = ["Claim", "Sources", "Stated", "Status", "Note"] + (["Contradicted by"] if contradicted else [])
    intro = "The sources give different values for the same measure. Each claim is shown with its source; none is merged into another."
    return f"### Reports differ: {inline(title)} {{ #{anchor} }}\n\n{intro}\n\n{table(headers, rows)}"


def time_element(date: FuzzyDate) -> str:
    """A date as HTML: a valid <time> where HTML has a form for its precision (a quarter has none)."""
    if date.quarter is not None and date.month is None:
        return f'<span class="acq-date">{date.label()}</span>'
    return f'<time datetime="{attribute(date.iso())}">{date.label()}</time>'
