"""Entries to Markdown pages. Plain Markdown only: this module knows nothing of MkDocs.

An entry page leads with the answer: the summary (what it is, in plain words)
and its key sourced facts "at a glance"; then the longer text, the timeline,
the detail, the connections, the sources, the changes and how to cite it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from acqkb import serving
from acqkb.check import KnowledgeBase
from acqkb.cite import cite_block
from acqkb.keywords import INDEX_PAGE_BOOST, other_names, page_boost, search_keywords
from acqkb.markdown import amount, link, page_path, rel_link, table
from acqkb.model import DECISION_QUESTIONS, DIMENSIONS, KINDS, Entry
from acqkb.reference import fields_page
from acqkb.render import (
    NOT_SEARCHED,
    Citer,
    by_measure,
    claim_text,
    differ_table,
    disputed,
    distinct_values,
    render_value,
    source_date,
)
from acqkb.schema import Claim, Claims, FuzzyDate
from acqkb.text import front_matter as yaml_text
from acqkb.text import inline, plain, search_keyword
from acqkb.views.timeline import program_timeline

LABELS = {
    "facts": "What the sources say",
    "legal_basis": "Legal basis",
    "users": "Who may use it",
    "rules": "Key rules",
    "awardees": "Awardees",
    "organization": "Awarding organization",
    "date_approximate": "Date is approximate",
    "url": "Official address",
    "copy": "Copy that was read",
    "entry": "The entry for this term",
    "piid": "Contract or agreement number (PIID)",
    "parent_award": "Parent vehicle",
    "parent_piid": "Parent vehicle number",
    "in_usaspending": "In USAspending / FPDS",
    "uei": "Unique Entity ID (UEI)",
    "cage": "CAGE code",
    "office_code": "Office code",
    "periods": "What applied when",
}
# The key facts each kind opens with, in this order; its other fields follow as sections.
GLANCE: dict[str, tuple[str, ...]] = {
    "instrument": ("category", "parent", "legal_basis", "purpose", "users"),
    "program": ("status", "owner", "parent", "cost", "satellites", "phases", "instruments", "vendors"),
    "organization": ("parent", "established", "office_code"),
    "vendor": ("parent", "uei", "cage"),
    "award": (
        "date", "value", "awardees", "organization", "program", "instrument", "status", "satellites",
        "piid", "parent_award", "parent_piid", "awarding_office", "in_usaspending",
    ),
    "event": ("date", "state", "category", "programs", "awards", "instruments", "thresholds", "organizations"),
    "source": ("publisher", "date", "date_approximate", "kind", "url", "copy", "locator"),
    "threshold": ("scope", "category", "instruments"),
    "term": ("abbreviation", "expansion", "entry"),
}  # fmt: skip
NOT_SHOWN = {"id", "title", "summary", "aliases", "body", "related", "sources", "as_of", "history", "tags"}
GRIDS = {"comparison": ("Comparison dimensions", "Dimension", DIMENSIONS), "fits": ("When it fits", "Question", DECISION_QUESTIONS)}
SOURCE_KIND_LABEL = "Type of source"


def label(name: str, kind: str = "") -> str:
    if kind == "source" and name == "kind":
        return SOURCE_KIND_LABEL
    return LABELS.get(name, name.replace("_", " ").capitalize())


def anchor(name: str, group: str) -> str:
    """The id of a 'reports differ' block: field and measure, as letters, digits and hyphens."""
    words = "-".join(part for part in (name, group) if part).replace("_", "-").replace(",", "").replace(" ", "-").lower()
    return f"reports-differ-{words}"


def glance_rows(entry: Entry, kb: KnowledgeBase, citer: Citer) -> tuple[list[list[str]], list[str]]:
    """The key facts: one row per field (one per measure for figures), and the 'reports differ' blocks."""
    page, rows, differs = page_path(entry), [], []
    for name in GLANCE[entry.kind]:
        value = entry.get(name)
        if value is None or value == []:
            continue
        if name == "url":
            rows.append([label(name, entry.kind), f"<{value}>"])
            continue
        if not (isinstance(value, list) and value and isinstance(value[0], Claim)):
            rows.append([label(name, entry.kind), render_value(value, page, kb)])
            continue
        groups = by_measure(value) if not is_multi(entry, name) else {"": value}
        for group, claims in groups.items():
            title = f"{label(name).lower()}" + (f" ({group})" if group else "")
            row_label = label(name) + (f" ({inline(group)})" if group else "")
            if disputed(claims) and not is_multi(entry, name):
                rows.append([row_label, f"Reports differ: [see the claims side by side](#{anchor(name, group)})"])
                differs.append(differ_table(title, anchor(name, group), claims, page, kb, citer))
            else:
                rows.append([row_label, "<br>".join(claim_text(c, page, kb, citer) for c in claims)])
    return rows, differs


def is_multi(entry: Entry, name: str) -> bool:
    """Whether a field's claims are distinct facts (rules, phases) rather than statements of one fact."""
    spec = KINDS[entry.kind].spec.fields[name].spec
    return isinstance(spec, Claims) and spec.multi


def detail_sections(entry: Entry, kb: KnowledgeBase, citer: Citer) -> list[str]:
    """The fields not shown at a glance: many-valued claims, long text, the comparison cells."""
    page, sections = page_path(entry), []
    for name in KINDS[entry.kind].spec.fields:
        value = entry.get(name)
        if not value or name in NOT_SHOWN or name in GLANCE[entry.kind]:
            continue
        if name in GRIDS:
            heading, column, names = GRIDS[name]
            rows = [[names[key], " ".join(claim_text(c, page, kb, citer) for c in claims)] for key, claims in value.items()]
            sections.append(f"## {heading}\n\n{table([column, 'This instrument'], rows)}")
        elif name == "periods":
            sections.append(periods_section(entry, kb, citer))
        elif isinstance(value, list) and value and isinstance(value[0], Claim):
            items = "\n".join(f"- {claim_text(c, page, kb, citer)}" for c in value)
            sections.append(f"## {label(name)}\n\n{items}")
        else:
            sections.append(f"## {label(name)}\n\n{render_value(value, page, kb)}")
    return sections


def periods_section(entry: Entry, kb: KnowledgeBase, citer: Citer) -> str:
    """A threshold's values by effective date, newest first; the ones without an end are in force."""
    page = page_path(entry)
    claims = sorted(entry.get("periods"), key=lambda c: c.value["effective"].start(), reverse=True)
    rows = []
    for claim in claims:
        period = claim.value
        figure = amount(period["amount"]) + (f" ({inline(period['basis'])})" if period.get("basis") else "") if "amount" in period else ""
        what = "; ".join(part for part in (figure, render_value(period["rule"], page, kb) if period.get("rule") else "") if part)
        until = period["ended"].label() if period.get("ended") else "in force"
        rows.append([what, period["effective"].label(), until, inline(period["authority"]), citer.cite(claim.sources)])
    return f"## What applied when\n\n{table(['Value or rule', 'From', 'Until', 'Set by', 'Sources'], rows)}"


def related_lists(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """Lists a reader expects on some kinds: a vendor's awards, a program's awards, an instrument's thresholds."""
    page = page_path(entry)
    back = kb.backlinks.get(entry.id, [])
    wanted = {"vendor": ("award", "awardees", "Awards"), "program": ("award", "program", "Awards")}
    wanted |= {"instrument": ("threshold", "instruments", "Thresholds that govern it"), "threshold": ("event", "thresholds", "Changes")}
    if entry.kind not in wanted:
        return []
    kind, field, heading = wanted[entry.kind]
    found = sorted({e.id: e for e, f in back if e.kind == kind and f == field}.values(), key=lambda e: e.title.lower())
    if not found:
        return []
    items = "\n".join(f"- {link(page, e)}{listing_note(e)}" for e in found)
    return [f"## {heading}{NOT_SEARCHED}\n\n{items}"]


def listing_note(entry: Entry) -> str:
    """A short note after a listed entry: its date, for awards and events."""
    dates = entry.get("date")
    if isinstance(dates, list) and dates and isinstance(dates[0], Claim):
        return f" ({min((c.value for c in dates), key=lambda d: d.start()).label()})"
    return ""


def connections(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """Related entries and backlinks ("Referenced by"), each entry once with the fields it refers from."""
    page, sections = page_path(entry), []
    related = [kb.by_id[ref.id] for ref in entry.get("related", [])]
    if related:
        items = "\n".join(f"- {link(page, e)} ({e.kind})" for e in related)
        sections.append(f"## Related{NOT_SEARCHED}\n\n{items}")
    fields: dict[str, list[str]] = {}
    for source, field in kb.backlinks.get(entry.id, []):
        fields.setdefault(source.id, [])
        if field not in fields[source.id]:
            fields[source.id].append(field)
    if fields:
        back = sorted((kb.by_id[i] for i in fields), key=lambda e: (e.kind, e.title.lower()))
        items = "\n".join(f"- {link(page, e)} ({e.kind}; in {', '.join(label(f).lower() for f in fields[e.id])})" for e in back)
        sections.append(f"## Referenced by{NOT_SEARCHED}\n\n{items}")
    return sections


def front_matter(entry: Entry, kb: KnowledgeBase) -> str:
    """Title, description, search keywords (as Material's search tags), boost and topic tags."""
    lines = ["---", f"title: {yaml_text(entry.title)}", f"description: {yaml_text(plain(entry.get('summary'), 160))}"]
    keywords = search_keywords(entry, kb)
    if keywords:
        lines += ["tags:", *(f"  - {search_keyword(k)}" for k in keywords)]
    lines += ["search:", f"  boost: {page_boost(entry)}", "hide:", "  - tags"]
    if entry.get("tags"):
        lines += ["topics:", *(f"  - {tag}" for tag in entry.get("tags"))]
    return "\n".join([*lines, "---"])


def also_known_as(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """The other names a reader may know the entry by, right under its summary."""
    names = other_names(entry, kb)
    return [f"*Also known as: {inline(', '.join(names))}.*"] if names else []


def meta_line(entry: Entry, kb: KnowledgeBase) -> str:
    """What kind of entry it is, when it was added and changed, and when it was checked against its sources."""
    page = page_path(entry)
    kind = f"[{KINDS[entry.kind].heading}]({rel_link(page, entry.folder + '/index.md')})"
    checked = f"checked against its sources {entry.get('as_of').label()}"
    history = kb.history
    if not history.available:
        return f'<p class="acq-meta" data-search-exclude markdown>{kind} · {checked} (this copy has no repository history)</p>'
    added, changed = history.added(entry.path), history.changed(entry.path)
    dates = f"added {added.strftime('%-d %B %Y')} · last changed {changed.strftime('%-d %B %Y')} · " if added and changed else ""
    return f'<p class="acq-meta" data-search-exclude markdown>{kind} · {dates}{checked}</p>'


def changes_section(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """The entry's changes: the commits that touched its file (newest first), then its own history notes."""
    lines = [f"- {c.day.strftime('%-d %B %Y')}: {inline(c.message)}" for c in kb.history.of(entry.path)[:10]]
    lines += [f"- {h['date'].label()}: {inline(h['change'])} (noted in the entry)" for h in entry.get("history", [])]
    if not lines:
        return []
    return [f"## Changes{NOT_SEARCHED}\n\n" + "\n".join(lines)]


def source_links(entry: Entry, kb: KnowledgeBase) -> str:
    """Where the entry's data lives: its YAML (on the forge when mkdocs.yml names one) and its JSON."""
    page = page_path(entry)
    yaml_copy = rel_link(page, f"api/yaml/{entry.folder}/{entry.id}.yaml")
    forge = kb.settings.edit_url(entry.path)
    edit = f"[Edit this entry on the forge]({forge}) · " if forge else ""
    return f'<p class="acq-source-links" data-search-exclude markdown>{edit}[View this entry\'s YAML]({yaml_copy}) · [JSON]({rel_link(page, f"api/v1/{entry.folder}/{entry.id}.json")})</p>'


def subscribe_line(entry: Entry, kb: KnowledgeBase, has_events: bool) -> list[str]:
    """Calendar (when it has dated events) and feed links on a program page, and a feed link on a vendor page."""
    page = page_path(entry)
    links = []
    if entry.kind == "program" and has_events:
        links.append(f"[calendar of its events (iCalendar)]({rel_link(page, f'calendar/{entry.id}.ics')})")
    if entry.kind in ("program", "vendor"):
        links.append(f"[feed of its changes (Atom)]({rel_link(page, f'feeds/{entry.folder}/{entry.id}.xml')})")
    return [f"Follow this {entry.kind}: " + " · ".join(links) + "."] if links else []


def entry_page(entry: Entry, kb: KnowledgeBase) -> str:
    """The whole Markdown page of one entry, answer first."""
    page = page_path(entry)
    citer = Citer(page, kb)
    rows, differs = glance_rows(entry, kb, citer)
    parts = [front_matter(entry, kb), f"# {inline(entry.title)}", entry.get("summary"), *also_known_as(entry, kb), meta_line(entry, kb)]
    timeline = program_timeline(entry, kb, page, citer) if entry.kind == "program" else None
    parts += subscribe_line(entry, kb, timeline is not None)
    if rows:
        parts.append("## At a glance\n\n" + table(["Fact", "Value"], rows))
    parts += differs
    parts += related_lists(entry, kb) if entry.kind == "threshold" else []
    if entry.get("body"):
        parts.append(entry.get("body"))
    parts += [timeline] if timeline else []
    parts += detail_sections(entry, kb, citer)
    parts += related_lists(entry, kb) if entry.kind != "threshold" else []
    parts += connections(entry, kb)
    citer.cite(entry.get("sources", []))
    parts += [citer.block()] if citer.numbers else []
    parts += changes_section(entry, kb)
    parts += [cite_block(entry, kb, rel_link(page, "index.md").removesuffix("index.md")), source_links(entry, kb)]
    return "\n\n".join(parts) + "\n"


INDEX_COLUMNS: dict[str, list[str]] = {
    "instrument": ["category"],
    "program": ["status", "owner"],
    "organization": ["parent"],
    "vendor": [],
    "award": ["date", "value", "awardees"],
    "event": ["date", "state"],
    "source": ["publisher", "date", "kind"],
    "threshold": ["scope", "category"],
    "term": ["abbreviation", "expansion"],
}


def index_cell(entry: Entry, name: str, kb: KnowledgeBase) -> str:
    """A compact value for an index table: no citations, and a flag where reports differ."""
    value, page = entry.get(name), f"{entry.folder}/index.md"
    if value is None:
        return ""
    if isinstance(value, list) and value and isinstance(value[0], Claim):
        shown = " / ".join(render_value(v, page, kb) for v in distinct_values(value))
        return shown + (" (reports differ)" if any(disputed(c) for c in by_measure(value).values()) else "")
    if name == "date" and entry.kind == "source":
        return source_date(entry)
    return render_value(value, page, kb)


def sort_key(entry: Entry) -> str:
    """An index's own order: dated kinds newest first, the rest by title."""
    value = entry.get("date")
    if isinstance(value, list) and value and isinstance(value[0], Claim):
        return min(c.value.start() for c in value).isoformat()
    if isinstance(value, FuzzyDate):
        return value.start().isoformat()
    return ""


def index_page(kind: str, kb: KnowledgeBase) -> str:
    """The table of all entries of one kind, with the kind's data to download."""
    info, columns = KINDS[kind], INDEX_COLUMNS[kind]
    page = f"{info.folder}/index.md"
    entries = kb.of_kind(kind)
    if "date" in KINDS[kind].spec.fields:
        entries = sorted(entries, key=sort_key, reverse=True)
    rows = [[link(page, e), *(index_cell(e, c, kb) for c in columns), inline(plain(e.get("summary"), 160))] for e in entries]
    headers = ["Title", *(label(c, kind) for c in columns), "Summary"]
    order = "newest first" if "date" in KINDS[kind].spec.fields else "by title"
    intro = (
        f"{len(entries)} {kind} entries, {order}. Each links to its page, with its facts and their sources. Click a column heading to sort."
    )
    downloads = f"Download them: [CSV](../api/v1/{info.folder}.csv) · [JSON](../api/v1/{info.folder}.json)"
    sortable = f'<div class="acq-sortable acq-scroll" markdown>\n\n{table(headers, rows)}\n\n</div>'
    front = f"---\ntitle: {info.heading}\nsearch:\n  boost: {INDEX_PAGE_BOOST}\n---"
    return f"{front}\n\n# {info.heading}\n\n{intro}\n\n{downloads}\n\n{sortable}\n"


def render_all(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, by its path below docs/."""
    pages = {page_path(e): entry_page(e, kb) for e in kb.entries}
    pages |= {f"{info.folder}/index.md": index_page(kind, kb) for kind, info in KINDS.items()}
    pages["reference/fields.md"] = fields_page()
    return pages


# What this process last wrote to each file, with the file's modification time then: a server that
# regenerates after every edit compares the new text in memory instead of reading thousands of files back.
_WRITTEN: dict[Path, tuple[str | bytes, int]] = {}


def write_if_changed(target: Path, content: str | bytes) -> bool:
    """Write text or bytes unless the file already holds them; True when written."""
    known = _WRITTEN.get(target)
    if known and known[0] == content:
        try:
            if target.stat().st_mtime_ns == known[1]:
                return False
        except FileNotFoundError:
            pass
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        unchanged = target.read_bytes() == data
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        unchanged = False
    if not unchanged:
        target.write_bytes(data)
    if serving.ACTIVE:
        _WRITTEN[target] = (content, target.stat().st_mtime_ns)
    return not unchanged


def write_pages(pages: dict[str, str | bytes], docs_dir: Path, owned: list[str]) -> list[str]:
    """Write pages whose text changed and delete stale ones in owned folders.

    Writing only what changed keeps `mkdocs serve` from rebuilding in a loop.
    Returns the paths (below docs_dir) written or removed.
    """
    changed = [rel for rel, text in pages.items() if write_if_changed(docs_dir / rel, text)]
    for rel in sorted(set(files_below(docs_dir, owned)) - set(pages)):
        (docs_dir / rel).unlink()
        _WRITTEN.pop(docs_dir / rel, None)
        changed.append(rel)
    return changed


def files_below(docs_dir: Path, folders: list[str]) -> Iterator[str]:
    """The paths (below docs_dir, with /) of the files in some of its folders; os.walk, as pathlib's rglob is
    about twenty times slower over the thousands of generated files."""
    for folder in folders:
        for parent, _, names in os.walk(docs_dir / folder):
            prefix = Path(parent).relative_to(docs_dir).as_posix()
            yield from (f"{prefix}/{name}" for name in names)
