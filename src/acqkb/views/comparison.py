"""The comparison matrix (rows: dimensions, columns: instruments) and the decision guide, from instrument entries."""

from __future__ import annotations

from acqkb.check import KnowledgeBase
from acqkb.citations import Citer
from acqkb.markdown import link
from acqkb.model import DECISION_QUESTIONS, DIMENSIONS, Entry
from acqkb.pages import claim_text
from acqkb.text import inline
from acqkb.views.html import attr


def compared(kb: KnowledgeBase) -> list[Entry]:
    """Instruments with comparison cells, the most filled first."""
    return sorted((e for e in kb.of_kind("instrument") if e.get("comparison")), key=lambda e: (-len(e.get("comparison")), e.title.lower()))


def matrix_page(kb: KnowledgeBase) -> str:
    page = "views/comparison.md"
    citer = Citer(page, kb)
    columns = compared(kb)
    chooser = " ".join(f'<label><input type="checkbox" data-col="{c.id}" checked> {attr(c.title)}</label>' for c in columns)
    head = "".join(f'<th data-col="{c.id}" markdown="span">{link(page, c)}</th>' for c in columns)
    rows = []
    for key, name in DIMENSIONS.items():
        cells = "".join(
            f'<td data-col="{c.id}" markdown="span">{" ".join(claim_text(cl, page, kb, citer) for cl in c.get("comparison").get(key, []))}</td>'
            for c in columns
        )
        rows.append(f'<tr data-dimension="{key}" markdown><th scope="row">{attr(name)}</th>{cells}</tr>')
    table = (
        f'<table class="acq-matrix" markdown>\n<thead><tr><th>Dimension</th>{head}</tr></thead>\n'
        f"<tbody markdown>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
    sources = citer.block()
    return (
        f"---\ntitle: Comparison matrix\nsearch:\n  boost: 0.5\n---\n\n# Comparison matrix\n\n"
        f"How {len(columns)} instruments compare along {len(DIMENSIONS)} dimensions. Every cell cites its sources; "
        f"an empty cell means no source was found for it. Untick an instrument to hide its column.\n\n"
        f'<div class="acq-chooser" data-target="acq-matrix">{chooser}</div>\n\n{table}\n\n{sources}\n'
    )


def guide_page(kb: KnowledgeBase) -> str:
    """Which vehicle fits: each question, the instruments that answer it, and the rule behind each answer."""
    page = "views/decision-guide.md"
    citer = Citer(page, kb)
    parts = []
    for key, question in DECISION_QUESTIONS.items():
        answers = [(e, e.get("fits")[key]) for e in kb.of_kind("instrument") if e.get("fits") and key in e.get("fits")]
        items = "\n".join(f"- {link(page, e)}: " + " ".join(claim_text(c, page, kb, citer) for c in claims) for e, claims in answers)
        parts.append(
            f"## {inline(question)} {{#{attr(key.replace('_', '-'))}}}\n\n" + (items or "*No instrument in the data answers this yet.*")
        )
    sources = citer.block()
    intro = (
        "Start from the question that describes your case. Each answer names the instrument and the rule that "
        "makes it fit, with its source; open the instrument for the full picture. This guide explains the law "
        "and practice as sources describe them; it is not legal advice."
    )
    return (
        "---\ntitle: Decision guide\nsearch:\n  boost: 0.5\n---\n\n# Which vehicle fits my case?\n\n"
        + intro
        + "\n\n"
        + "\n\n".join(parts)
        + f"\n\n{sources}\n"
    )
