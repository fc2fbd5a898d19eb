"""iCalendar files of dated events, written with the icalendar library: one for all, one per program.

Every event is one all-day entry. An event known only to the month, quarter or
year sits on the first day of that period, its summary saying so ("… (date
known to the month: May 2026)"), rather than a banner across the whole period
that would bury the days around it. Planned events are TENTATIVE. The
description names the date's sources and its precision. Nothing depends on the
build time: the UID is the event's id, DTSTAMP and LAST-MODIFIED are the day
its file last changed in git (or its as_of without git), and the library's
random calendar UID is replaced by one made from the calendar's path.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from acqkb.check import KnowledgeBase
from acqkb.markdown import page_path
from acqkb.model import Entry
from acqkb.schema import FuzzyDate
from acqkb.text import plain
from acqkb.views.timeline import dates_differ, event_date, program_events

PRODID = "-//acqkb//events//EN"


def midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def changed(event: Entry, kb: KnowledgeBase) -> date:
    """The day the event's entry last changed: its last commit, else its as_of."""
    return kb.history.changed(event.path) or event.get("as_of").start()


def summary(event: Entry, when: FuzzyDate) -> str:
    """The title, with "planned" and, for a date not known to the day, its precision and period."""
    notes = ["planned"] if event.get("state") == "planned" else []
    if when.precision != "day":
        notes.append(f"date known to the {when.precision}: {when.label()}")
    return event.title + (f" ({'; '.join(notes)})" if notes else "")


def sources_line(event: Entry, kb: KnowledgeBase) -> str:
    """The sources of the event's date by title, each with the date it gives."""
    cited = [f"{kb.by_id[ref.id].title} ({claim.value.label()})" for claim in event.get("date") for ref in claim.sources]
    return f"{'Source' if len(cited) == 1 else 'Sources'}: {'; '.join(cited)}."


def description(event: Entry, when: FuzzyDate, kb: KnowledgeBase, url: str) -> str:
    """The summary in plain text, the date with its precision, its sources, and the event's page."""
    if when.precision == "day":
        dated = f"Date: {when.label()}, known to the day."
    else:
        dated = (
            f"Date: {when.label()}, known only to the {when.precision}; shown on its first day, {when.start().day} {when.start():%B %Y}."
        )
    if dates_differ(event):
        dated += " The sources give different dates; the earliest is shown."
    return "\n".join([plain(event.get("summary")), "", dated, sources_line(event, kb), "", f"Page: {url}"])


def vevent(event: Entry, kb: KnowledgeBase) -> Event:
    """One event as a one-day, all-day VEVENT."""
    when = event_date(event)
    url = kb.settings.base + page_path(event)[:-3] + "/"
    planned = event.get("state") == "planned"
    return Event.new(
        uid=f"{event.id}@acqkb",
        stamp=midnight(changed(event, kb)),
        last_modified=midnight(changed(event, kb)),
        start=when.start(),
        end=when.start() + timedelta(days=1),
        summary=summary(event, when),
        description=description(event, when, kb, url),
        url=url,
        categories=[c for c in (event.get("category"), event.get("state"), f"date known to the {when.precision}") if c],
        status="TENTATIVE" if planned else "CONFIRMED",
        transparency="TRANSPARENT",
    )


def calendar(path: str, name: str, events: list[bytes], kb: KnowledgeBase) -> bytes:
    """A whole calendar: its properties written by icalendar around the VEVENTs it already wrote.

    Each event is serialised (escaped and folded) once by icalendar and shared by
    every calendar that holds it; writing them anew for each program's calendar
    took most of the time the calendars cost.
    """
    shell = Calendar.new(
        prodid=PRODID,
        calscale="GREGORIAN",
        method="PUBLISH",
        uid=f"{path}@acqkb",
        name=name,
        description=f"Dated events from {kb.settings.site_name}. A date known only to the month, quarter or year is shown on its first day and labelled.",
        refresh_interval=timedelta(days=1),
        source=kb.settings.base + path,
    ).to_ical()
    head, end = shell.rsplit(b"END:VCALENDAR", 1)
    return head + b"".join(events) + b"END:VCALENDAR" + end


def calendar_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """The calendar of every event, and one per program with events (its sub-programs' included)."""
    site = kb.settings.site_name
    ordered = sorted(kb.of_kind("event"), key=lambda e: (event_date(e).start(), e.id))
    vevents = {e.id: vevent(e, kb).to_ical() for e in ordered}  # each written once, shared by the calendars it belongs to
    rank = {event_id: index for index, event_id in enumerate(vevents)}
    files = {"calendar/acqkb.ics": calendar("calendar/acqkb.ics", f"{site}: all events", list(vevents.values()), kb)}
    for program in kb.of_kind("program"):
        ids = sorted((e.id for e in program_events(program, kb)), key=rank.__getitem__)
        if ids:
            path = f"calendar/{program.id}.ics"
            files[path] = calendar(path, f"{site}: {program.title}", [vevents[i] for i in ids], kb)
    return files
