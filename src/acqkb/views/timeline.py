"""Timelines: one per program on its page, and one chronology of every event that filters in the browser."""

from __future__ import annotations

from acqkb.check import KnowledgeBase
from acqkb.markdown import link
from acqkb.model import Entry
from acqkb.render import Citer, time_element
from acqkb.schema import FuzzyDate
from acqkb.views.html import attr, data_list, descendants, filter_select


def event_date(event: Entry) -> FuzzyDate:
    """The date the timeline places an event at: the earliest its claims give."""
    return min((c.value for c in event.get("date")), key=lambda d: (d.start(), d.end()))


def dates_differ(event: Entry) -> bool:
    return len({c.value for c in event.get("date")}) > 1


def sort_key(event: Entry) -> tuple:
    date = event_date(event)
    return (date.start(), date.end(), event.title.lower())


def event_programs(event: Entry, kb: KnowledgeBase) -> list[Entry]:
    return [kb.by_id[ref.id] for ref in event.get("programs", [])]


def event_topics(event: Entry, kb: KnowledgeBase) -> list[str]:
    topics = list(event.get("tags", []))
    for program in event_programs(event, kb):
        topics += program.get("tags", [])
    return topics


def event_item(event: Entry, page: str, kb: KnowledgeBase, citer: Citer) -> str:
    """One event as a list item: date with precision, state, link, sources."""
    date, state = event_date(event), event.get("state")
    sources = [ref for claim in event.get("date") for ref in claim.sources]
    differ = ' <span class="acq-differ">dates differ</span>' if dates_differ(event) else ""
    programs = data_list([p.id for p in event_programs(event, kb)])
    return (
        f'<li class="acq-event acq-{state}" data-state="{state}" data-precision="{date.precision}" '
        f'data-programs="{attr(programs)}" data-tags="{attr(data_list(event_topics(event, kb)))}" markdown="span">'
        f"{time_element(date)} "
        f'<span class="acq-precision" title="date known to the {date.precision}">{date.precision}</span> '
        f'<span class="acq-state">{state}</span>{differ} {link(page, event)} {citer.cite(dict.fromkeys(sources))}</li>'
    )


def timeline_list(events: list[Entry], page: str, kb: KnowledgeBase, citer: Citer) -> str:
    items = "\n".join(event_item(e, page, kb, citer) for e in sorted(events, key=sort_key))
    return f'<ol class="acq-timeline" markdown>\n{items}\n</ol>'


def program_events(program: Entry, kb: KnowledgeBase) -> list[Entry]:
    """Events of the program and of every program below it."""
    found = {e.id: e for p in descendants(program, kb) for e in kb.referrers(p.id, "programs", "event")}
    return sorted(found.values(), key=lambda e: e.title.lower())


def program_timeline(program: Entry, kb: KnowledgeBase, page: str, citer: Citer) -> str | None:
    """The Timeline section of a program page, or None when it has no events."""
    events = program_events(program, kb)
    if not events:
        return None
    happened = sum(e.get("state") == "happened" for e in events)
    noun = "event" if len(events) == 1 else "events"
    intro = (
        f"{len(events)} {noun}: {happened} happened, {len(events) - happened} planned. "
        "Planned events are drawn hollow; each date shows its precision."
    )
    return f"## Timeline\n\n{intro}\n\n{timeline_list(events, page, kb, citer)}"


def chronology_page(kb: KnowledgeBase) -> str:
    """Every event in date order, narrowed in the browser by program and tag."""
    page = "views/chronology.md"
    citer = Citer(page, kb)
    events = kb.of_kind("event")
    programs = {p.id: p.title for e in events for p in event_programs(e, kb)}
    topics = {t: t for e in events for t in event_topics(e, kb)}
    controls = f'<div class="acq-filters" data-target="acq-chronology">{filter_select("programs", "Program", programs)} {filter_select("tags", "Tag", topics)} <output class="acq-count"></output></div>'
    body = timeline_list(events, page, kb, citer).replace('class="acq-timeline"', 'class="acq-timeline" id="acq-chronology"', 1)
    sources = citer.block()
    return (
        f"---\ntitle: Chronology\nsearch:\n  boost: 0.3\n---\n\n# Chronology\n\n"
        f"All {len(events)} events across all programs, oldest first. Choose a program or a tag to narrow the list.\n\n"
        f"{controls}\n\n{body}\n\n{sources}\n"
    )
