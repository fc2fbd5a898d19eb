"""Thresholds by date: every period of every threshold, and in the browser the ones in force on a chosen day.

Without script the page lists every period, each threshold's newest first, so
it still answers the question; with script a date field (kept in the address
as ?on=YYYY-MM-DD) narrows the table to the values that applied that day.
"""

from __future__ import annotations

from acqkb.check import KnowledgeBase
from acqkb.markdown import amount, link
from acqkb.render import Citer, render_value
from acqkb.text import inline
from acqkb.views.html import attr

OPEN_END = "9999-12-31"


def period_row(threshold, claim, page: str, kb: KnowledgeBase, citer: Citer) -> str:
    period = claim.value
    start = period["effective"].start().isoformat()
    end = period["ended"].end().isoformat() if period.get("ended") else OPEN_END
    figure = amount(period["amount"]) if "amount" in period else ""
    if figure and period.get("basis"):
        figure += f" ({inline(period['basis'])})"
    rule = render_value(period["rule"], page, kb) if period.get("rule") else ""
    value = "; ".join(part for part in (figure, rule) if part)
    until = period["ended"].label() if period.get("ended") else "in force"
    cells = [link(page, threshold), inline(threshold.get("scope")), value, period["effective"].label(), until]
    cells += [inline(period["authority"]), citer.cite(claim.sources)]
    tds = "".join(f'<td markdown="span">{c}</td>' for c in cells)
    return f'<tr data-from="{attr(start)}" data-to="{attr(end)}" data-threshold="{attr(threshold.id)}" markdown>{tds}</tr>'


def thresholds_page(kb: KnowledgeBase) -> str:
    page = "views/thresholds.md"
    citer = Citer(page, kb)
    rows = []
    for threshold in kb.of_kind("threshold"):
        periods = sorted(threshold.get("periods"), key=lambda c: c.value["effective"].start(), reverse=True)
        rows += [period_row(threshold, claim, page, kb, citer) for claim in periods]
    headers = ["Threshold", "Scope", "Value or rule", "From", "Until", "Set by", "Sources"]
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    picker = (
        '<div class="acq-on-date"><label for="acq-on">Show what applied on</label> '
        '<input type="date" id="acq-on" min="1789-01-01" max="2100-12-31"> '
        '<button type="button" data-on="">Show every period</button> <output class="acq-count" for="acq-on"></output></div>'
    )
    table = (
        f'<div class="acq-scroll" markdown><table id="acq-thresholds" class="acq-sort" markdown>\n<thead><tr>{head}</tr></thead>\n'
        f"<tbody markdown>\n" + "\n".join(rows) + "\n</tbody>\n</table></div>"
    )
    count = len(kb.of_kind("threshold"))
    return (
        "---\ntitle: Thresholds by date\nsearch:\n  boost: 0.5\nhide:\n  - navigation\n---\n\n# Thresholds by date\n\n"
        f"The dollar thresholds and rules a space contracting officer meets ({count} of them), each value with the date it took "
        "effect, the date it ended, the authority that set it and its sources. Choose a date to see what applied that day for "
        "every threshold at once; the address keeps the date, so you can share it.\n\n"
        f"{picker}\n\n{table}\n\n{citer.block()}\n"
    )
