"""A Gantt-style SVG of program phases, for the programs whose phases have dates."""

from __future__ import annotations

import html
from datetime import date

from acqkb.check import KnowledgeBase
from acqkb.citations import Citer
from acqkb.markdown import link
from acqkb.text import inline
from acqkb.views.html import page_url

LABEL, WIDTH, ROW = 300, 600, 24


def x_of(day: date, first: int, last: int) -> float:
    span = (date(last + 1, 1, 1) - date(first, 1, 1)).days
    return LABEL + WIDTH * (day - date(first, 1, 1)).days / span


def phases_page(kb: KnowledgeBase) -> str:
    page = "views/program-phases.md"
    citer = Citer(page, kb)
    rows = [(program, claim) for program in kb.of_kind("program") for claim in program.get("phases", [])]
    if not rows:
        return "---\ntitle: Program phases\n---\n\n# Program phases\n\n*No program has dated phases yet.*\n"
    years = [c.value["start"].year for _, c in rows] + [c.value["end"].year for _, c in rows if c.value.get("end")]
    first, last = min(years), max(years)
    bars = []
    for index, (program, claim) in enumerate(rows):
        phase, y = claim.value, 24 + index * ROW
        start = x_of(phase["start"].start(), first, last)
        open_ended = not phase.get("end")
        end = x_of(phase["end"].end(), first, last) if not open_ended else LABEL + WIDTH
        label = f"{program.title}: {phase['name']}, {phase['start'].label()} to {phase['end'].label() if not open_ended else 'no end date'}"
        bars.append(
            f'<a href="{page_url(page, program)}"><g><title>{html.escape(label)}</title>'
            f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end">{html.escape(program.title[:40])}: {html.escape(phase["name"])}</text>'
            f'<rect x="{start:.1f}" y="{y + 4}" width="{max(3, end - start):.1f}" height="{ROW - 8}" class="acq-phase{" acq-open" if open_ended else ""}"/></g></a>'
        )
        citer.cite(claim.sources)
    ticks = "".join(
        f'<text x="{x_of(date(year, 1, 1), first, last):.1f}" y="14" class="acq-tick">{year}</text>' for year in range(first, last + 1)
    )
    height = 30 + ROW * len(rows)
    svg = (
        f'<figure class="acq-chart"><svg role="img" aria-label="Program phases from {first} to {last}" viewBox="0 0 {LABEL + WIDTH + 20} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>Program phases</title>{ticks}{"".join(bars)}</svg>'
        "<figcaption>Each bar is a phase with a start date in its sources; a faded bar has no end date yet.</figcaption></figure>"
    )
    listing = "\n".join(
        f"- {link(page, p)}: {inline(c.value['name'])}, "
        f"{c.value['start'].label()} to {c.value['end'].label() if c.value.get('end') else 'no end date'} {citer.cite(c.sources)}"
        for p, c in rows
    )
    return (
        f"---\ntitle: Program phases\nsearch:\n  boost: 0.3\n---\n\n# Program phases\n\n{svg}\n\n## The phases and their sources\n\n{listing}\n\n"
        f"{citer.block()}\n"
    )
