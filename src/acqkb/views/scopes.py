"""What a program's or a vendor's feed follows, from the knowledge base's backlinks.

Asking the knowledge base afresh for every program (every event, every award)
grows with programs times events; the backlinks (kb.referrers) keep it linear.
"""

from __future__ import annotations

from dataclasses import dataclass

from acqkb.check import KnowledgeBase
from acqkb.model import Entry
from acqkb.views.html import descendants


@dataclass
class Scopes:
    """The entries a program's or a vendor's feed follows."""

    kb: KnowledgeBase

    def referring(self, entry_ids: set[str], where: str, kind: str) -> set[str]:
        """The ids of the entries of a kind that name any of the entries in a field."""
        return {e.id for entry_id in entry_ids for e in self.kb.referrers(entry_id, where, kind)}

    def program_ids(self, program: Entry) -> set[str]:
        """The program, its sub-programs, their awards and their events (by program or by award)."""
        programs = {p.id for p in descendants(program, self.kb)}
        awards = self.referring(programs, "program", "award")
        return programs | awards | self.referring(programs, "programs", "event") | self.referring(awards, "awards", "event")

    def vendor_ids(self, vendor: Entry) -> set[str]:
        """The vendor, the companies that belong to it, and the awards any of them won."""
        vendors = {v.id for v in descendants(vendor, self.kb)}
        return vendors | self.referring(vendors, "awardees", "award")
