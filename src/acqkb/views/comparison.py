"""The comparison matrix (rows: dimensions, columns: instruments) and the decision guide, from instrument entries.

The matrix opens on the three vehicles most readers compare (OTA, FAR
contract, IDIQ); presets and "none" make any other comparison a click or two,
and the choice is kept in the address (?compare=a,b,c) so it can be shared.
"""

from __future__ import annotations

from acqkb.check import KnowledgeBase
from acqkb.markdown import link
from acqkb.model import DECISION_QUESTIONS, DIMENSIONS, Entry
from acqkb.render import Citer, claim_text
from acqkb.text import attribute, inline
from acqkb.views.html import attr, page_url

DEFAULT_COLUMNS = ("other-transaction-authority", "far-contract", "idiq")
PRESETS = {
    "OTA, FAR contract, IDIQ": DEFAULT_COLUMNS,
    "Other transactions": ("other-transaction-authority", "research-ot", "prototype-ot", "follow-on-production-ot", "consortium-ot"),
    "Ordering vehicles": ("idiq", "single-award-idiq", "multiple-award-idiq", "task-and-delivery-orders", "hybrid-ota-idiq"),
    "Fast paths": ("middle-tier-of-acquisition", "commercial-solutions-opening", "sbir-phase-iii", "urgent-capability-acquisition"),
}


def compared(kb: KnowledgeBase) -> list[Entry]:
    """Instruments with comparison cells: OTA, FAR contract and IDIQ first, then the most filled."""
    first = {entry_id: index for index, entry_id in enumerate(DEFAULT_COLUMNS)}
    columns = (e for e in kb.of_kind("instrument") if e.get("comparison"))
    return sorted(columns, key=lambda e: (first.get(e.id, len(first)), -len(e.get("comparison")), e.title.lower()))


def chooser(columns: list[Entry]) -> str:
    """Checkboxes for the columns, the preset buttons, and "all" and "none"."""
    ids = {c.id for c in columns}
    default = [i for i in DEFAULT_COLUMNS if i in ids]
    boxes = " ".join(
        f'<label><input type="checkbox" data-col="{attr(c.id)}"{" checked" if c.id in default else ""}> {attribute(c.title)}</label>'
        for c in columns
    )
    presets = {name: [i for i in cols if i in ids] for name, cols in PRESETS.items()}
    presets |= {"All": [c.id for c in columns], "None": []}
    buttons = " ".join(f'<button type="button" data-preset="{attr(" ".join(v))}">{attribute(k)}</button>' for k, v in presets.items())
    return (
        f'<div class="acq-chooser" data-target="acq-matrix" data-default="{attr(" ".join(default))}">'
        f'<p class="acq-presets">Compare: {buttons}</p><fieldset><legend>Instruments shown</legend>{boxes}</fieldset></div>'
    )


def matrix_page(kb: KnowledgeBase) -> str:
    page = "views/comparison.md"
    citer = Citer(page, kb)
    columns = compared(kb)
    hidden = {c.id: "" if c.id in DEFAULT_COLUMNS else " hidden" for c in columns}
    head = "".join(
        f'<th scope="col" data-col="{attr(c.id)}"{hidden[c.id]}><a href="{page_url(page, c)}">{attribute(c.title)}</a></th>'
        for c in columns
    )
    rows = []
    for key, name in DIMENSIONS.items():
        cells = "".join(
            f'<td data-col="{attr(c.id)}"{hidden[c.id]} markdown="span">'
            + " ".join(claim_text(cl, page, kb, citer) for cl in c.get("comparison").get(key, []))
            + "</td>"
            for c in columns
        )
        rows.append(f'<tr data-dimension="{attr(key)}" markdown><th scope="row">{attribute(name)}</th>{cells}</tr>')
    table = (
        f'<div class="acq-scroll" markdown><table class="acq-matrix" markdown>\n'
        f'<thead><tr><th scope="col">Dimension</th>{head}</tr></thead>\n'
        f"<tbody markdown>\n" + "\n".join(rows) + "\n</tbody>\n</table></div>"
    )
    return (
        f"---\ntitle: Comparison matrix\nsearch:\n  boost: 0.5\nhide:\n  - navigation\n---\n\n# Comparison matrix\n\n"
        f"How {len(columns)} instruments compare along {len(DIMENSIONS)} dimensions. Every cell cites its sources; "
        f"an empty cell means no source was found for it. The matrix opens on OTA, FAR contract and IDIQ; choose a preset "
        f"or tick the instruments you want. The address keeps your choice, so you can share it.\n\n"
        f"{chooser(columns)}\n\n{table}\n\n{citer.block()}\n"
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
        + f"\n\n{citer.block()}\n"
    )
