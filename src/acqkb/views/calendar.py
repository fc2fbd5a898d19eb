"""iCalendar files of dated events: one for all, one per program (with its sub-programs)."""

from __future__ import annotations

from datetime import timedelta

from acqkb.check import KnowledgeBase
from acqkb.markdown import page_path
from acqkb.model import Entry
from acqkb.text import plain
from acqkb.views.timeline import event_date, program_events


def ics_text(value: str) -> str:
    """Escape text per RFC 5545."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, as RFC 5545 requires."""
    data, parts = line.encode("utf-8"), []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while (data[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def vevent(event: Entry, kb: KnowledgeBase, site_url: str) -> list[str]:
    date = event_date(event)
    url = site_url.rstrip("/") + "/" + page_path(event)[:-3] + "/"
    sources = "; ".join(kb.by_id[r.id].title for c in event.get("date") for r in c.sources)
    description = f"{plain(event.get('summary'))} Date known to the {date.precision}. Sources: {sources}."
    return [
        "BEGIN:VEVENT",
        f"UID:{event.id}@acqkb",
        f"DTSTAMP:{event.get('as_of').start():%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{date.start():%Y%m%d}",
        f"DTEND;VALUE=DATE:{date.end() + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{ics_text(event.title + (' (planned)' if event.get('state') == 'planned' else ''))}",
        f"DESCRIPTION:{ics_text(description)}",
        f"URL:{url}",
        f"CATEGORIES:{event.get('state').upper()}",
        f"STATUS:{'TENTATIVE' if event.get('state') == 'planned' else 'CONFIRMED'}",
        "END:VEVENT",
    ]


def calendar(name: str, events: list[Entry], kb: KnowledgeBase, site_url: str) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//acqkb//events//EN", "CALSCALE:GREGORIAN", f"X-WR-CALNAME:{ics_text(name)}"]
    for event in sorted(events, key=lambda e: (event_date(e).start(), e.id)):
        lines += vevent(event, kb, site_url)
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def calendar_files(kb: KnowledgeBase, site_url: str) -> dict[str, str]:
    files = {"calendar/acqkb.ics": calendar("acqkb: all events", kb.of_kind("event"), kb, site_url)}
    for program in kb.of_kind("program"):
        events = program_events(program, kb)
        if events:
            files[f"calendar/{program.id}.ics"] = calendar(f"acqkb: {program.title}", events, kb, site_url)
    return files
