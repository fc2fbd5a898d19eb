"""Where generated pages live below docs/, for the modules that link to them before they exist."""

from __future__ import annotations

VIEW_PAGES = (
    "views/chronology.md",
    "views/comparison.md",
    "views/awards-ledger.md",
    "views/decision-guide.md",
    "views/program-phases.md",
    "views/thresholds.md",
    "views/tags.md",
    "views/whats-new.md",
)
