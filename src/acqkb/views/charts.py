"""Accessible SVG bar charts drawn at build time, one bar per value kind in each group."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from acqkb.markdown import amount
from acqkb.model import VALUE_KINDS

COLORS = {
    "ceiling": "#3f51b5",
    "potential": "#009688",
    "obligated": "#e65100",
    "estimate": "#8e24aa",
    "stated": "#546e7a",
    "requested": "#c62828",
    "appropriated": "#2e7d32",
}
ROW, LABEL_WIDTH, BAR_WIDTH = 24, 200, 380


def bar_chart(title: str, figures: list[Any], group: Callable[[Any], str]) -> str:
    """Horizontal bars: for each group, one bar per value kind (kinds are never stacked or summed together)."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for figure in figures:
        totals[group(figure)][figure.kind] += figure.amount
    bars = [(name, kind, totals[name][kind]) for name in sorted(totals) for kind in VALUE_KINDS if kind in totals[name]]
    if not bars:
        return f"*{html.escape(title)}: no figures yet.*"
    peak = max(value for _, _, value in bars)
    height = ROW * len(bars) + 30
    rows = []
    for index, (name, kind, value) in enumerate(bars):
        y, width = 20 + index * ROW, max(2, BAR_WIDTH * value / peak)
        label = f"{name}, {kind}: {amount(value)}"
        rows.append(
            f"<g><title>{html.escape(label)}</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">{html.escape(name)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 2}" width="{width:.1f}" height="{ROW - 6}" fill="{COLORS[kind]}" class="acq-bar acq-{kind}"/>'
            f'<text x="{LABEL_WIDTH + width + 4:.1f}" y="{y + 14}">{html.escape(amount(value))} ({kind})</text></g>'
        )
    return (
        f'<figure class="acq-chart"><svg role="img" aria-label="{html.escape(title)}" viewBox="0 0 {LABEL_WIDTH + BAR_WIDTH + 200} {height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{html.escape(title)}</title>{"".join(rows)}</svg>'
        f"<figcaption>{html.escape(title)}. One bar per value kind; kinds are never added together.</figcaption></figure>"
    )
