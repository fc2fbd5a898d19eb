"""Checks across entries: ids, references, kinds, cycles; and the backlinks they imply."""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from acqkb.abbreviations import check_abbreviations
from acqkb.history import History
from acqkb.load import load_tree
from acqkb.model import KINDS, Entry
from acqkb.paths import VIEW_PAGES
from acqkb.problems import Problem
from acqkb.rules import check_rules
from acqkb.schema import FuzzyDate, Ref, article
from acqkb.settings import Settings


def top_field(where: str) -> str:
    """The entry field a path starts in: cost[0].sources -> cost."""
    return where.split(".")[0].split("[")[0]


@dataclass
class KnowledgeBase:
    """All entries, indexed by id, with the backlinks every reference implies."""

    entries: list[Entry]
    by_id: dict[str, Entry] = field(default_factory=dict)
    today: date = field(default_factory=date.today)
    pages: set[str] = field(default_factory=set)
    # Set by the generator: the site's settings (mkdocs.yml) and the entry files' git history.
    settings: Settings = field(default_factory=Settings)
    history: History = field(default_factory=lambda: History(available=False))
    _kinds: dict[str, list[Entry]] = field(default_factory=dict, repr=False)

    @cached_property
    def backlinks(self) -> dict[str, list[tuple[Entry, str]]]:
        """Who refers to each id, from where; the generator asks, validation does not, so it waits to be asked."""
        return backlinks_of(self.entries)

    def of_kind(self, kind: str) -> list[Entry]:
        """The entries of one kind by title; views ask hundreds of times per build, so each kind is sorted once."""
        if not self._kinds:
            for entry in sorted(self.entries, key=lambda e: e.title.lower()):
                self._kinds.setdefault(entry.kind, []).append(entry)
        return list(self._kinds.get(kind, []))

    def referrers(self, entry_id: str, where: str, kind: str) -> list[Entry]:
        """Entries of a kind that name the entry in a field (from the backlinks, not a scan of every entry)."""
        return [e for e, field_name in self.backlinks.get(entry_id, []) if field_name == where and e.kind == kind]


def grouped_by_id(entries: list[Entry]) -> dict[str, list[Entry]]:
    """The entries under each id, in path order (more than one only when an id is used twice)."""
    by_id: dict[str, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.path):
        by_id[entry.id].append(entry)
    return by_id


def backlinks_of(entries: list[Entry]) -> dict[str, list[tuple[Entry, str]]]:
    """For each id, the entries whose good references name it, with the top field each refers from, once each."""
    grouped = grouped_by_id(entries)
    backlinks: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    seen: set[tuple[str, str, str]] = set()
    for entry in entries:
        for where, ref in entry.refs:
            key = (ref.id, entry.path, top_field(where))
            if key not in seen and check_ref(entry, where, ref, grouped) is None:
                seen.add(key)
                backlinks[ref.id].append((entry, key[2]))
    return dict(backlinks)


def check_ids(entries: list[Entry]) -> tuple[dict[str, list[Entry]], list[Problem]]:
    """Group entries by id; an id that two files use is a problem in each of them."""
    by_id = grouped_by_id(entries)
    problems = []
    for same in by_id.values():
        for entry in same if len(same) > 1 else []:
            others = ", ".join(e.path for e in same if e is not entry)
            problems.append(
                Problem(entry.path, entry.line, "duplicate-id", f"id '{entry.id}' is also used by {others}; ids are unique across kinds")
            )
    return by_id, problems


def check_ref(entry: Entry, where: str, ref: Ref, by_id: dict[str, list[Entry]]) -> Problem | None:
    """A reference must name an existing entry of an allowed kind."""
    candidates = by_id.get(ref.id)
    if candidates and len(candidates) == 1:  # the usual case, decided without building generators
        target = candidates[0]
        if (not ref.kinds or target.kind in ref.kinds) and target is not entry:
            return None
    if not candidates:
        hint = difflib.get_close_matches(ref.id, list(by_id), n=1)
        extra = f" (did you mean '{hint[0]}'?)" if hint else ""
        return Problem(entry.path, ref.line, "unknown-ref", f"{where}: no entry '{ref.id}'{extra}")
    if ref.kinds and not any(c.kind in ref.kinds for c in candidates):
        expected = " or ".join(ref.kinds)
        return Problem(
            entry.path, ref.line, "wrong-kind", f"{where}: '{ref.id}' is {article(candidates[0].kind)}, expected {article(expected)}"
        )
    if any(candidate is entry for candidate in candidates):  # identity: equality would compare whole entries
        return Problem(entry.path, ref.line, "self-ref", f"{where}: an entry cannot refer to itself")
    return None


def parent_loop(entry: Entry, by_id: dict[str, Entry]) -> list[str] | None:
    """The ids on a loop of parents that returns to entry, or None."""
    chain, current = [entry.id], entry
    while isinstance(ref := current.get("parent"), Ref) and ref.id in by_id:
        current = by_id[ref.id]
        if current.id == entry.id:
            return chain if len(chain) > 1 else None  # a parent that is itself is a self-ref problem
        if current.id in chain:
            return None
        chain.append(current.id)
    return None


def check_cycles(by_id: dict[str, Entry]) -> list[Problem]:
    """A chain of parents must end; a loop is reported once, at its first file."""
    problems, reported = [], set()
    for entry in sorted(by_id.values(), key=lambda e: e.path):
        loop = parent_loop(entry, by_id)
        if loop and not reported & set(loop):
            reported.update(loop)
            chain = " -> ".join([*loop, entry.id])
            problems.append(Problem(entry.path, entry.get("parent").line, "cycle", f"parent: loop {chain}"))
    return problems


def check_as_of(entry: Entry, today: date) -> Problem | None:
    """as_of says when an entry was checked; it cannot be in the future."""
    as_of: FuzzyDate = entry.get("as_of")
    if as_of.start() > today:
        return Problem(
            entry.path, entry.line_of("as_of"), "future", f"as_of: {as_of.iso()} is in the future; give the day the entry was checked"
        )
    return None


def site_pages(root: Path, entries: list[Entry]) -> set[str]:
    """Every page below docs/ that entry text may link to: generated pages and the hand-written ones."""
    generated = {f"{KINDS[e.kind].folder}/{e.id}.md" for e in entries} | {f"{k.folder}/index.md" for k in KINDS.values()}
    written = {p.relative_to(root / "docs").as_posix() for p in (root / "docs").glob("*.md")}
    written |= {p.relative_to(root / "docs").as_posix() for p in (root / "docs" / "guides").glob("*.md")}
    return generated | written | set(VIEW_PAGES) | {"reference/fields.md"}


def build(root: Path, today: date | None = None) -> tuple[KnowledgeBase, list[Problem]]:
    """Load data/ under root and run every check; return the base and all problems."""
    entries, problems = load_tree(root)
    grouped, id_problems = check_ids(entries)
    problems += id_problems
    by_id = {entry_id: same[0] for entry_id, same in grouped.items()}
    for entry in entries:
        problems += [problem for where, ref in entry.refs if (problem := check_ref(entry, where, ref, grouped))]
        problem = check_as_of(entry, today or date.today())
        if problem:
            problems.append(problem)
    problems += check_cycles(by_id)
    kb = KnowledgeBase(entries, by_id, today or date.today(), site_pages(root, entries))
    return kb, problems + check_abbreviations(kb) + check_rules(kb)
