"""Entries to Markdown pages. Plain Markdown only: this module knows nothing of MkDocs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from acqkb.check import KnowledgeBase
from acqkb.citations import NOT_SEARCHED, Citer, effective_status, source_date
from acqkb.keywords import INDEX_PAGE_BOOST, other_names, page_boost, search_keywords
from acqkb.markdown import amount, cell, count, link, money, page_path, rel_link, table
from acqkb.model import DECISION_QUESTIONS, DIMENSIONS, KINDS, Entry
from acqkb.reference import fields_page
from acqkb.schema import Claim, Claims, FieldDef, FuzzyDate, Markdown, Obj, Ref, Str
from acqkb.text import front_matter as yaml_text
from acqkb.text import inline, plain, search_keyword
from acqkb.views.timeline import program_timeline

LABELS = {
    "facts": "What the sources say",
    "as_of": "As of",
    "legal_basis": "Legal basis",
    "users": "Who may use it",
    "rules": "Key rules",
    "awardees": "Awardees",
    "organization": "Awarding organization",
    "date_approximate": "Date is approximate",
    "url": "Address",
    "entry": "The entry for this term",
    "category": "Category",
}
SECTION_ONLY = {"title", "summary", "body", "related", "sources", "as_of", "history", "id", "tags", "aliases", "copy"}


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def render_value(value: Any, page: str, kb: KnowledgeBase) -> str:
    """Any converted field value as inline Markdown."""
    if isinstance(value, Ref):
        return link(page, kb.by_id[value.id])
    if isinstance(value, FuzzyDate):
        return value.label()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(render_value(item, page, kb) for item in value)
    if isinstance(value, dict):
        return render_dict(value, page, kb)
    if isinstance(value, Markdown):
        return cell(value)
    return inline(str(value))


def render_dict(value: dict, page: str, kb: KnowledgeBase) -> str:
    if "effective" in value:
        return period_text(value)
    if "amount" in value:
        return money(value)
    if "count" in value:
        return count(value)
    if "cite" in value:
        former = f" (formerly {value['formerly']})" if value.get("formerly") else ""
        title = f": {value['title']}" if value.get("title") else ""
        return inline(f"{value['cite']}{former}{title}")
    if "name" in value:
        end = f" to {value['end'].label()}" if value.get("end") else " onward"
        return inline(f"{value['name']}: {value['start'].label()}{end}")
    return ", ".join(f"{inline(k)}: {render_value(v, page, kb)}" for k, v in value.items())


def period_text(value: dict) -> str:
    """A threshold period: figure or rule, the dates it applied, and what set it."""
    what = amount(value["amount"]) if "amount" in value else ""
    if value.get("basis"):
        what += f" ({inline(value['basis'])})"
    rule = cell(value["rule"]) if value.get("rule") else ""
    until = f" to {value['ended'].label()}" if value.get("ended") else " onward"
    head = "; ".join(part for part in (what, rule) if part)
    return f"{head}: from {value['effective'].label()}{until}, set by {inline(value['authority'])}"


def claim_text(claim: Claim, page: str, kb: KnowledgeBase, citer: Citer) -> str:
    """One claim inline: value, status, citations, and any contradiction."""
    parts = [render_value(claim.value, page, kb)]
    status = effective_status(claim, kb)
    if status:
        parts.append(f"*({status})*")
    parts.append(citer.cite(claim.sources))
    if claim.contradicted_by:
        parts.append(f"**contradicted by** {citer.cite(claim.contradicted_by)}")
    if claim.note:
        parts.append(f"({cell(claim.note)})")
    return " ".join(parts)


def distinct_values(claims: list[Claim]) -> list[Any]:
    values: list[Any] = []
    for claim in claims:
        if claim.value not in values:
            values.append(claim.value)
    return values


def claims_differ(claims: list[Claim]) -> bool:
    """True when the claims state more than one value, or one is contradicted."""
    return len(distinct_values(claims)) > 1 or any(c.contradicted_by for c in claims)


def differ_table(name: str, claims: list[Claim], page: str, kb: KnowledgeBase, citer: Citer) -> str:
    """Claims that disagree, side by side, each with its source and date."""
    rows = []
    for claim in claims:
        sources = [kb.by_id[ref.id] for ref in claim.sources]
        when = claim.stated.label() if claim.stated else "; ".join(source_date(s) for s in sources)
        against = citer.cite(claim.contradicted_by) if claim.contradicted_by else ""
        rows.append(
            [
                render_value(claim.value, page, kb),
                citer.cite(claim.sources),
                cell(when),
                effective_status(claim, kb) or "",
                cell(claim.note or ""),
                against,
            ]
        )
    heading = f"### Reports differ: {label(name).lower()}"
    intro = "The sources do not agree. Each claim is shown with its source; none is merged into another."
    headers = ["Claim", "Sources", "Stated", "Status", "Note", "Contradicted by"]
    return f"{heading}\n\n{intro}\n\n{table(headers, rows)}"


def is_section(definition: FieldDef) -> bool:
    """Long or many-valued fields get a section of their own instead of a table row."""
    spec = definition.spec
    if isinstance(spec, Obj):
        return True
    return isinstance(spec, Claims) and (spec.multi or (isinstance(spec.value, Str) and spec.value.multiline))


def fact_rows(entry: Entry, kb: KnowledgeBase, citer: Citer) -> tuple[list[list[str]], list[str]]:
    """The facts table rows, and the 'reports differ' blocks they point to."""
    page = page_path(entry)
    rows = [["Kind", f"[{KINDS[entry.kind].heading}]({rel_link(page, entry.folder + '/index.md')})"]]
    differs = []
    for name, definition in KINDS[entry.kind].spec.fields.items():
        value = entry.get(name)
        if value is None or name in SECTION_ONLY or is_section(definition):
            continue
        if isinstance(definition.spec, Claims) and claims_differ(value):
            rows.append([label(name), f"Reports differ; see [below](#reports-differ-{name.replace('_', '-')})"])
            differs.append(differ_table(name, value, page, kb, citer))
        elif isinstance(definition.spec, Claims):
            rows.append([label(name), " ".join(claim_text(c, page, kb, citer) for c in value)])
        else:
            rows.append([label(name), render_value(value, page, kb)])
    return rows, differs


def claim_sections(entry: Entry, kb: KnowledgeBase, citer: Citer) -> list[str]:
    """Sections for many-valued or long claims, and the comparison cells."""
    page, sections = page_path(entry), []
    for name, definition in KINDS[entry.kind].spec.fields.items():
        value = entry.get(name)
        if value is None or name in SECTION_ONLY or not is_section(definition):
            continue
        if name in GRIDS:
            heading, column, names = GRIDS[name]
            rows = [[names[key], " ".join(claim_text(c, page, kb, citer) for c in claims)] for key, claims in value.items()]
            sections.append(f"## {heading}\n\n{table([column, 'This instrument'], rows)}")
        elif claims_differ(value) and not definition.spec.multi:
            sections.append(differ_table(name, value, page, kb, citer).replace("### ", "## ", 1))
        else:
            items = "\n".join(f"- {claim_text(c, page, kb, citer)}" for c in value)
            sections.append(f"## {label(name)}\n\n{items}")
    return sections


GRIDS = {"comparison": ("Comparison dimensions", "Dimension", DIMENSIONS), "fits": ("When it fits", "Question", DECISION_QUESTIONS)}


def link_list(page: str, items: list[tuple[Entry, str]]) -> str:
    return "\n".join(f"- {link(page, e)} ({e.kind}{', ' + note if note else ''})" for e, note in items)


def connections(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """Related entries and backlinks ("Referenced by")."""
    page, sections = page_path(entry), []
    related = [(kb.by_id[ref.id], "") for ref in entry.get("related", [])]
    if related:
        sections.append(f"## Related{NOT_SEARCHED}\n\n{link_list(page, related)}")
    back = sorted(kb.backlinks.get(entry.id, []), key=lambda item: (item[0].kind, item[0].title.lower(), item[1]))
    if back:
        sections.append(f"## Referenced by{NOT_SEARCHED}\n\n{link_list(page, [(e, f'in {label(w).lower()}') for e, w in back])}")
    return sections


def front_matter(entry: Entry, kb: KnowledgeBase) -> str:
    """Title, description, search keywords (as Material's search tags), boost and topic tags."""
    lines = ["---", f"title: {yaml_text(entry.title)}", f"description: {yaml_text(plain(entry.get('summary'), 300))}"]
    keywords = search_keywords(entry, kb)
    if keywords:
        lines += ["tags:", *(f"  - {search_keyword(k)}" for k in keywords)]
    lines += ["search:", f"  boost: {page_boost(entry)}", f"data_file: {entry.path}"]
    if entry.get("tags"):
        lines += ["topics:", *(f"  - {tag}" for tag in entry.get("tags"))]
    return "\n".join([*lines, "---"])


def also_known_as(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """The other names a reader may know the entry by, right under its summary."""
    names = other_names(entry, kb)
    return [f"*Also known as: {inline(', '.join(names))}.*"] if names else []


def entry_page(entry: Entry, kb: KnowledgeBase) -> str:
    """The whole Markdown page of one entry."""
    page = page_path(entry)
    citer = Citer(page, kb)
    rows, differs = fact_rows(entry, kb, citer)
    parts = [
        front_matter(entry, kb),
        f"# {inline(entry.title)}",
        entry.get("summary"),
        *also_known_as(entry, kb),
        "## Facts\n\n" + table(["Fact", "Value"], rows),
        *differs,
        *claim_sections(entry, kb, citer),
    ]
    timeline = program_timeline(entry, kb, page, citer) if entry.kind == "program" else None
    if timeline:
        parts.append(timeline)
    if entry.get("body"):
        parts.append(entry.get("body"))
    parts += connections(entry, kb)
    citer.cite(entry.get("sources", []))
    if citer.numbers:
        parts.append(citer.block())
    if entry.get("history"):
        changes = "\n".join(f"- {h['date'].label()}: {inline(h['change'])}" for h in entry.get("history"))
        parts.append(f"## Changes{NOT_SEARCHED}\n\n{changes}")
    parts.append(f"*As of {entry.get('as_of').label()}: the day this entry was last checked against its sources.*")
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
        return shown + (" (reports differ)" if claims_differ(value) else "")
    if name == "date" and entry.kind == "source":
        return source_date(entry)
    return render_value(value, page, kb)


def index_page(kind: str, kb: KnowledgeBase) -> str:
    """The table of all entries of one kind."""
    info, columns = KINDS[kind], INDEX_COLUMNS[kind]
    page = f"{info.folder}/index.md"
    entries = kb.of_kind(kind)
    rows = [[link(page, e), *(index_cell(e, c, kb) for c in columns), inline(plain(e.get("summary"), 160))] for e in entries]
    headers = ["Title", *(label(c) for c in columns), "Summary"]
    intro = f"{len(entries)} {kind} entries. Each links to its page, with its facts and their sources. Click a column heading to sort."
    sortable = f'<div class="acq-sortable" markdown>\n\n{table(headers, rows)}\n\n</div>'
    front = f"---\ntitle: {info.heading}\nsearch:\n  boost: {INDEX_PAGE_BOOST}\n---"
    return f"{front}\n\n# {info.heading}\n\n{intro}\n\n{sortable}\n"


def render_all(kb: KnowledgeBase) -> dict[str, str]:
    """Every generated page, by its path below docs/."""
    pages = {page_path(e): entry_page(e, kb) for e in kb.entries}
    pages |= {f"{info.folder}/index.md": index_page(kind, kb) for kind, info in KINDS.items()}
    pages["reference/fields.md"] = fields_page()
    return pages


def generated_folders() -> list[str]:
    """The folders below docs/ that the generator owns entirely."""
    return [*(info.folder for info in KINDS.values()), "reference", "api"]


def write_if_changed(target: Path, content: str | bytes) -> bool:
    """Write text or bytes unless the file already holds them; True when written."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.exists() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


def write_pages(pages: dict[str, str | bytes], docs_dir: Path, owned: list[str]) -> int:
    """Write pages whose text changed and delete stale ones in owned folders.

    Writing only what changed keeps `mkdocs serve` from rebuilding in a loop.
    Returns the number of files written or removed.
    """
    changed = sum(write_if_changed(docs_dir / rel, text) for rel, text in pages.items())
    for folder in owned:
        for stale in sorted((docs_dir / folder).rglob("*")) if (docs_dir / folder).exists() else []:
            if stale.is_file() and stale.relative_to(docs_dir).as_posix() not in pages:
                stale.unlink()
                changed += 1
    return changed
