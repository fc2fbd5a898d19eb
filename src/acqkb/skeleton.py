"""`acqkb new`: a skeleton entry that validates as written, never overwriting one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from acqkb.model import KINDS
from acqkb.schema import SLUG


class SkeletonError(Exception):
    """Why no skeleton was written."""


EXTRA = {
    "instrument": "category: concept  # authority, vehicle, pathway, contract-type, process or concept\n",
    "program": "status: development  # concept, planned, development, production, operational, cancelled\n",
    "organization": "",
    "vendor": "",
    "award": (
        "status: reported  # reported, announced or confirmed\nawardees: []  # vendor ids; empty while undisclosed\n"
        "# organization: ORGANIZATION-ID  # the awarding organization\n"
        "date:\n  - value: {today}\n    sources: [{source}]\n"
    ),
    "event": "state: planned  # happened or planned\ndate:\n  - value: {today}\n    sources: [{source}]\n",
    "source": "publisher: PUBLISHER\ndate: {today}\nkind: news  # statute, regulation, official-release, government-report, decision, news, analysis\n",
    "term": "abbreviation: ABBR\nexpansion: EXPANSION\n",
}


def skeleton_text(kind: str, entry_id: str, source: str | None, today: date) -> str:
    """The YAML text of a skeleton; the "to replace" text and capitalised placeholders are to be replaced."""
    header = f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n"
    sources = f"sources: [{source}]\n" if source else ""
    extra = EXTRA[kind].format(today=today.isoformat(), source=source)
    return f"{header}id: {entry_id}\ntitle: Title to replace\nsummary: >-\n  Summary to replace, in your own words.\n{extra}{sources}as_of: {today.isoformat()}\n"


def write_skeleton(root: Path, kind: str, entry_id: str, source: str | None, today: date) -> Path:
    """Write data/<folder>/<id>.yaml; refuse a bad id, a missing source or an existing file."""
    if not SLUG.match(entry_id):
        raise SkeletonError(f"'{entry_id}' is not an id (lower-case letters, digits and single hyphens)")
    if kind != "source" and not source:
        raise SkeletonError(f"a {kind} names the sources it was written from; pass --source SOURCE-ID")
    path = root / "data" / KINDS[kind].folder / f"{entry_id}.yaml"
    if path.exists():
        raise SkeletonError(f"{path.relative_to(root).as_posix()} already exists; not overwritten")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton_text(kind, entry_id, source, today), encoding="utf-8")
    return path
