"""Rules of the data that one entry can break on its own, given the knowledge base around it.

Each rule takes an entry and the base and returns its problems; `RULES` is the
list `check.build` runs.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from acqkb.model import KINDS, PRIMARY_SOURCE_KINDS, Entry
from acqkb.problems import Problem
from acqkb.schema import Claim
from acqkb.text import is_external, links

if TYPE_CHECKING:
    from acqkb.check import KnowledgeBase

COPY_WORDS = re.compile(r"\((?:[^)]*\s)?via\s|\b(?:[Cc]opy|[Mm]irror|GitHub|[Rr]epository|[Rr]eprint)\b")
FIRM_STATUSES = ("announced", "confirmed")
EVENT_TIES = ("programs", "awards", "instruments", "thresholds")


def claims_of(entry: Entry) -> Iterator[tuple[str, Claim]]:
    """Every claim of an entry with the field it sits in (comparison cells included)."""
    for name, value in entry.data.items():
        if isinstance(value, list) and value and isinstance(value[0], Claim):
            yield from ((name, claim) for claim in value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, list) and item and isinstance(item[0], Claim):
                    yield from ((f"{name}.{key}", claim) for claim in item)


def is_primary(source_id: str, kb: KnowledgeBase) -> bool:
    source = kb.by_id.get(source_id)
    return source is not None and source.get("kind") in PRIMARY_SOURCE_KINDS


def firm_status(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """'announced' and 'confirmed' need a primary source behind them; news alone is 'reported'."""
    problems = []
    for name, claim in claims_of(entry):
        if claim.status in FIRM_STATUSES and not any(is_primary(ref.id, kb) for ref in claim.sources):
            problems.append(
                Problem(
                    entry.path, claim.line, "status", f"{name}: '{claim.status}' needs a primary source; with news alone leave status out"
                )
            )
    status = entry.get("status")
    if entry.kind == "award" and status in FIRM_STATUSES and not any(is_primary(ref.id, kb) for ref in entry.get("sources", [])):
        problems.append(
            Problem(
                entry.path, entry.line_of("status"), "status", f"status: '{status}' needs a primary source among sources; else 'reported'"
            )
        )
    return problems


def periods_in_order(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """A threshold period states a figure or a rule, and cannot end before it began."""
    problems = []
    for claim in entry.get("periods", []):
        period = claim.value
        if "amount" not in period and "rule" not in period:
            problems.append(Problem(entry.path, claim.line, "period", "periods: give an amount, a rule or both"))
        if period.get("ended") and period["ended"].end() < period["effective"].start():
            problems.append(
                Problem(
                    entry.path,
                    claim.line,
                    "period",
                    f"periods: ended {period['ended'].iso()} is before effective {period['effective'].iso()}",
                )
            )
    return problems


def phases_in_order(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """A phase cannot end before it starts."""
    problems = []
    for claim in entry.get("phases", []):
        phase = claim.value
        if phase.get("end") and phase["end"].end() < phase["start"].start():
            message = f"phases: {phase['name']} ends {phase['end'].iso()}, before it starts {phase['start'].iso()}"
            problems.append(Problem(entry.path, claim.line, "date-order", message))
    return problems


def history_in_past(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """A change cannot be dated after today."""
    return [
        Problem(
            entry.path,
            entry.line_of("history"),
            "future",
            f"history: {item['date'].iso()} is in the future; date a change when it was made",
        )
        for item in entry.get("history", [])
        if item["date"].start() > kb.today
    ]


def links_resolve(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """A relative link in entry text must reach a page of the site, as a strict build requires."""
    page = f"{KINDS[entry.kind].folder}/{entry.id}.md"
    problems = []
    for name, text, line in markdown_texts(entry):
        for href in links(text):
            target = href.split("#", 1)[0]
            if not target or is_external(href):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            if resolved not in kb.pages:
                problems.append(Problem(entry.path, line, "link", f"{name}: links to '{href}', which is no page of the site"))
    return problems


def markdown_texts(entry: Entry) -> Iterator[tuple[str, str, int]]:
    """The Markdown texts of an entry (summary, body, claim values and notes) with their field and line."""
    for name in ("summary", "body"):
        if entry.get(name):
            yield name, entry.get(name), entry.line_of(name)
    for name, claim in claims_of(entry):
        for text in (claim.value, claim.note):
            if isinstance(text, str):
                yield name, text, claim.line


def event_tied(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """An event concerns a program, award, instrument or threshold, and says which.

    The founding or reshaping of an organization (category organization) may
    name only the organizations it concerns: tying it to a program it does not
    concern would be untrue.
    """
    if entry.kind != "event" or any(entry.get(name) for name in EVENT_TIES):
        return []
    if entry.get("category") == "organization" and entry.get("organizations"):
        return []
    message = "event: name the programs, awards, instruments or thresholds it concerns (an organization event: its organizations)"
    return [Problem(entry.path, entry.line, "untied-event", message)]


def publisher_is_original(entry: Entry, kb: KnowledgeBase) -> list[Problem]:
    """The publisher is who published the source; a mirror or repository that was read goes under copy."""
    publisher = entry.get("publisher") or ""
    if entry.kind == "source" and COPY_WORDS.search(publisher):
        return [
            Problem(
                entry.path,
                entry.line_of("publisher"),
                "copy-publisher",
                f"publisher: '{publisher}' names a copy; give the original publisher and put the copy under copy:",
            )
        ]
    return []


RULES: list[Callable[[Entry, KnowledgeBase], list[Problem]]] = [
    firm_status,
    periods_in_order,
    phases_in_order,
    history_in_past,
    links_resolve,
    event_tied,
    publisher_is_original,
]


def check_rules(kb: KnowledgeBase) -> list[Problem]:
    """Every rule on every entry."""
    return [problem for entry in kb.entries for rule in RULES for problem in rule(entry, kb)]
