"""Program phases as a Gantt chart drawn in HTML, with the phases and their sources listed below it.

Each row names the program and phase in text (a link to the program) and
positions a bar on a shared time axis; a phase with no end date is drawn with a
dashed outline that shows in both palettes.
"""

from __future__ import annotations

from datetime import date

from acqkb.check import KnowledgeBase
from acqkb.markdown import link
from acqkb.render import Citer
from acqkb.text import attribute, inline
from acqkb.views.html import page_url


def position(day: date, first: int, last: int) -> float:
    """Where a day falls on the axis from 1 January of first to 31 December of last, in percent."""
    span = (date(last + 1, 1, 1) - date(first, 1, 1)).days
    return 100 * (day - date(first, 1, 1)).days / span


def phases_page(kb: KnowledgeBase) -> str:
    page = "views/program-phases.md"
    citer = Citer(page, kb)
    rows = [(program, claim) for program in kb.of_kind("program") for claim in program.get("phases", [])]
    if not rows:
        return "---\ntitle: Program phases\n---\n\n# Program phases\n\n*No program has dated phases yet.*\n"
    years = [c.value["start"].year for _, c in rows] + [c.value["end"].year for _, c in rows if c.value.get("end")]
    first, last = min(years), max(years)
    step = max(1, (last - first + 1) // 10)
    ticks = "".join(
        f'<span class="acq-tick" style="left: {position(date(y, 1, 1), first, last):.2f}%">{y}</span>' for y in range(first, last + 1, step)
    )
    bars = []
    for program, claim in rows:
        phase = claim.value
        start = position(phase["start"].start(), first, last)
        end = position(phase["end"].end(), first, last) if phase.get("end") else 100.0
        until = phase["end"].label() if phase.get("end") else "no end date"
        open_class = "" if phase.get("end") else " acq-open"
        bars.append(
            f'<li class="acq-gantt-row"><span class="acq-gantt-label"><a href="{page_url(page, program)}">{attribute(program.title)}</a>: '
            f"{attribute(phase['name'])}, {phase['start'].label()} to {until}</span>"
            f'<span class="acq-gantt-track" aria-hidden="true"><span class="acq-phase{open_class}" '
            f'style="left: {start:.2f}%; width: {max(0.6, end - start):.2f}%"></span></span></li>'
        )
        citer.cite(claim.sources)
    chart = (
        f'<figure class="acq-chart acq-gantt"><figcaption>Program phases from {first} to {last}. Each bar is a phase with a start '
        f"date in its sources; a dashed bar has no end date yet.</figcaption>"
        f'<div class="acq-gantt-axis" aria-hidden="true">{ticks}</div><ul class="acq-gantt-rows">{"".join(bars)}</ul></figure>'
    )
    listing = "\n".join(
        f"- {link(page, p)}: {inline(c.value['name'])}, "
        f"{c.value['start'].label()} to {c.value['end'].label() if c.value.get('end') else 'no end date'} {citer.cite(c.sources)}"
        for p, c in rows
    )
    return (
        f"---\ntitle: Program phases\nsearch:\n  boost: 0.3\n---\n\n# Program phases\n\n{chart}\n\n## The phases and their sources\n\n{listing}\n\n"
        f"{citer.block()}\n"
    )
