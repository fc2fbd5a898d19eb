"""What a program's or a vendor's feed and calendar follow, from indexes built once per generation.

Asking the knowledge base afresh for every program (every event, every award)
grows with programs times events; these indexes keep it linear.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from acqkb.check import KnowledgeBase
from acqkb.model import Entry
from acqkb.views.html import descendants


@dataclass
class Scopes:
    """Events and awards indexed by the programs, awards and vendors they name."""

    kb: KnowledgeBase
    events_by_program: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    events_by_award: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    awards_by_program: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    awards_by_vendor: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        for entry in self.kb.entries:
            if entry.kind == "event":
                for ref in entry.get("programs", []):
                    self.events_by_program[ref.id].add(entry.id)
                for ref in entry.get("awards", []):
                    self.events_by_award[ref.id].add(entry.id)
            elif entry.kind == "award":
                if entry.get("program"):
                    self.awards_by_program[entry.get("program").id].add(entry.id)
                for ref in entry.get("awardees", []):
                    self.awards_by_vendor[ref.id].add(entry.id)

    def below(self, entry: Entry) -> list[Entry]:
        return descendants(entry, self.kb)

    def program_events(self, program: Entry) -> list[Entry]:
        """Events of the program and of every program below it (as timeline.program_events)."""
        ids = set().union(*(self.events_by_program.get(p.id, set()) for p in self.below(program)))
        return [self.kb.by_id[i] for i in sorted(ids)]

    def program_ids(self, program: Entry) -> set[str]:
        """The program, its sub-programs, their awards and their events (by program or by award)."""
        programs = {p.id for p in self.below(program)}
        awards = set().union(*(self.awards_by_program.get(p, set()) for p in programs))
        events = set().union(
            *(self.events_by_program.get(p, set()) for p in programs), *(self.events_by_award.get(a, set()) for a in awards)
        )
        return programs | awards | events

    def vendor_ids(self, vendor: Entry) -> set[str]:
        """The vendor, the companies that belong to it, and the awards any of them won."""
        vendors = {v.id for v in self.below(vendor)}
        return vendors | set().union(*(self.awards_by_vendor.get(v, set()) for v in vendors))
