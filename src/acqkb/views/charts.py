"""Bar charts drawn in HTML at build time, one bar per value kind in each group.

HTML rather than SVG: the labels and values are text that reflows on a phone,
keeps its reading size, follows the light and dark palettes, and reaches
screen readers as text; the bars themselves are decoration.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from acqkb.markdown import amount
from acqkb.model import VALUE_KIND_DOC, VALUE_KINDS
from acqkb.text import attribute


def legend(kinds: list[str]) -> str:
    """Which colour is which value kind."""
    items = "".join(
        f'<li><span class="acq-swatch acq-kind-{k}" aria-hidden="true"></span>{k}: {attribute(VALUE_KIND_DOC[k])}</li>' for k in kinds
    )
    return f'<ul class="acq-legend">{items}</ul>'


def bar_chart(title: str, figures: list[Any], group: Callable[[Any], str]) -> str:
    """Horizontal bars: for each group, one bar per value kind (kinds are never stacked or summed together)."""
    totals: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for figure in figures:
        totals[group(figure)][figure.kind] += figure.amount
    bars = [(name, kind, totals[name][kind]) for name in sorted(totals) for kind in VALUE_KINDS if kind in totals[name]]
    if not bars:
        return f"*{attribute(title)}: no figures yet.*"
    peak = max(value for _, _, value in bars)
    rows = []
    for name, kind, value in bars:
        share = max(0.5, 100 * value / peak)
        rows.append(
            f'<li class="acq-bar-row"><span class="acq-bar-label">{attribute(name)}</span>'
            f'<span class="acq-bar-track" aria-hidden="true"><span class="acq-bar acq-kind-{kind}" style="width: {share:.1f}%"></span></span>'
            f'<span class="acq-bar-value">{attribute(amount(value))} ({kind})</span></li>'
        )
    kinds = [k for k in VALUE_KINDS if any(kind == k for _, kind, _ in bars)]
    return (
        f'<figure class="acq-chart"><figcaption>{attribute(title)}. One bar per value kind; kinds are never added together.</figcaption>'
        f'{legend(kinds)}<ul class="acq-bars">{"".join(rows)}</ul></figure>'
    )
