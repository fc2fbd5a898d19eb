"""`acqkb new`: a skeleton entry that validates as written, never overwriting one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from acqkb.load import schema_header
from acqkb.model import FOLDERS, KINDS
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
    "event": "state: planned  # happened or planned\ndate:\n  - value: {today}\n    sources: [{source}]\n{about}",
    "source": "publisher: PUBLISHER\ndate: {today}\nkind: news  # statute, regulation, official-release, government-report, decision, news, analysis\n",
    "threshold": (
        "category: dollar-threshold  # dollar-threshold or rule\nscope: SCOPE  # e.g. DoD, civilian agencies\n"
        "periods:\n  - value: {{amount: 1, effective: {today}, authority: AUTHORITY}}\n    sources: [{source}]\n"
    ),
    "term": "abbreviation: ABBR\nexpansion: EXPANSION\n",
}
ABOUT_FIELDS = {"program": "programs", "award": "awards", "instrument": "instruments", "threshold": "thresholds"}


def existing_ids(root: Path) -> dict[str, str]:
    """The id and kind of every entry file already in data/ (read from the file names, so it is quick)."""
    found: dict[str, str] = {}
    for folder, kind in FOLDERS.items():
        for path in (root / "data" / folder).glob("*.yaml"):
            found.setdefault(path.stem, kind.name)
    return found


def skeleton_text(kind: str, entry_id: str, source: str | None, today: date, about: tuple[str, str] | None = None) -> str:
    """The YAML text of a skeleton; the "to replace" text and capitalised placeholders are to be replaced."""
    header = schema_header(kind) + "\n"
    sources = f"sources: [{source}]\n" if source else ""
    tie = f"{ABOUT_FIELDS[about[1]]}: [{about[0]}]\n" if about else ""
    extra = EXTRA[kind].format(today=today.isoformat(), source=source, about=tie)
    return f"{header}id: {entry_id}\ntitle: Title to replace\nsummary: >-\n  Summary to replace, in your own words.\n{extra}{sources}as_of: {today.isoformat()}\n"


def check_request(kind: str, entry_id: str, source: str | None, about: str | None, ids: dict[str, str]) -> tuple[str, str] | None:
    """Refuse a bad or taken id, a source that is not a source entry, and an event about nothing."""
    if not SLUG.match(entry_id):
        raise SkeletonError(f"'{entry_id}' is not an id (lower-case letters, digits and single hyphens)")
    if entry_id in ids:
        raise SkeletonError(f"the id '{entry_id}' is already used by {ids[entry_id]} data/{KINDS[ids[entry_id]].folder}/{entry_id}.yaml")
    if kind != "source" and not source:
        raise SkeletonError(f"a {kind} names the sources it was written from; pass --source SOURCE-ID")
    if source and ids.get(source) != "source":
        found = f"is {ids[source]}" if source in ids else "is no entry"
        raise SkeletonError(f"--source '{source}' {found}; write the source first: acqkb new source {source}")
    if kind != "event":
        return None
    if not about or ids.get(about) not in ABOUT_FIELDS:
        raise SkeletonError("an event concerns a program, award, instrument or threshold; pass --about ITS-ID")
    return about, ids[about]


def write_skeleton(root: Path, kind: str, entry_id: str, source: str | None, today: date, about: str | None = None) -> Path:
    """Write data/<folder>/<id>.yaml; refuse a bad or taken id, a missing source or an existing file."""
    path = root / "data" / KINDS[kind].folder / f"{entry_id}.yaml"
    if path.exists():
        raise SkeletonError(f"{path.relative_to(root).as_posix()} already exists; not overwritten")
    tie = check_request(kind, entry_id, source, about, existing_ids(root))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(skeleton_text(kind, entry_id, source, today, tie))
    return path
