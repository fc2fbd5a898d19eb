"""All view pages, by their paths below docs/ (their calendars and feeds are data files: acqkb.generate)."""

from __future__ import annotations

from acqkb.check import KnowledgeBase
from acqkb.views.changes import whats_new_page
from acqkb.views.comparison import guide_page, matrix_page
from acqkb.views.ledger import ledger_page
from acqkb.views.phases import phases_page
from acqkb.views.tags import tags_page
from acqkb.views.thresholds import thresholds_page
from acqkb.views.timeline import chronology_page


def view_pages(kb: KnowledgeBase) -> dict[str, str]:
    """Every view page, by its path below docs/."""
    return {
        "views/chronology.md": chronology_page(kb),
        "views/comparison.md": matrix_page(kb),
        "views/awards-ledger.md": ledger_page(kb),
        "views/decision-guide.md": guide_page(kb),
        "views/program-phases.md": phases_page(kb),
        "views/tags.md": tags_page(kb),
        "views/thresholds.md": thresholds_page(kb),
        "views/whats-new.md": whats_new_page(kb),
    }
