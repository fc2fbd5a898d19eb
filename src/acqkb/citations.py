"""Numbered citations and how a source's date, kind and status read on a page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from acqkb.check import KnowledgeBase
from acqkb.markdown import link, page_path, rel_link
from acqkb.model import PRIMARY_SOURCE_KINDS, Entry
from acqkb.schema import Claim, FuzzyDate, Ref
from acqkb.text import inline

NOT_SEARCHED = " { data-search-exclude }"


@dataclass
class Citer:
    """Numbers the sources a page cites, in order of first citation."""

    page: str
    kb: KnowledgeBase
    numbers: dict[str, int] = field(default_factory=dict)

    def cite(self, refs: Iterable[Ref]) -> str:
        marks = []
        for ref in refs:
            number = self.numbers.setdefault(ref.id, len(self.numbers) + 1)
            source = self.kb.by_id[ref.id]
            title = source.title.replace('"', "'")
            marks.append(f'[[{number}]]({rel_link(self.page, page_path(source))} "{title}")')
        return " ".join(marks)

    def block(self) -> str:
        """The Sources section, kept out of the site search (it only lists other entries)."""
        return f"## Sources{NOT_SEARCHED}\n\n{self.section()}" if self.numbers else ""

    def section(self) -> str:
        lines = []
        for source_id, number in self.numbers.items():
            source = self.kb.by_id[source_id]
            lines.append(f"{number}. {link(self.page, source)}: {source_line(source)}")
        return "\n".join(lines)


def source_date(source: Entry) -> str:
    """A source's date as a reader should weigh it."""
    date: FuzzyDate = source.get("date")
    return ("about " if source.get("date_approximate") else "") + date.label()


def source_line(source: Entry) -> str:
    """Publisher, date and kind of a source, in one line."""
    primary = "primary" if source.get("kind") in PRIMARY_SOURCE_KINDS else "secondary"
    return f"{inline(source.get('publisher'))}, {source_date(source)} ({source.get('kind')}, {primary})"


def effective_status(claim: Claim, kb: KnowledgeBase) -> str:
    """The claim's status; a claim only news or analysis supports is 'reported'."""
    if claim.status:
        return claim.status
    kinds = {kb.by_id[ref.id].get("kind") for ref in claim.sources}
    return "reported" if kinds <= {"news", "analysis"} else ""
