"""The awards ledger: every award value in one table that sorts and filters, totals that never mix value kinds, and charts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from acqkb.check import KnowledgeBase
from acqkb.markdown import amount, link, table
from acqkb.model import VALUE_KINDS, Entry
from acqkb.render import Citer, effective_status, time_element
from acqkb.schema import Claim, FuzzyDate
from acqkb.views.charts import bar_chart
from acqkb.views.html import attr, data_list, filter_select


@dataclass(frozen=True)
class Figure:
    """One award figure that can be totalled: the only value its sources give for that kind."""

    award: Entry
    kind: str
    amount: float
    year: int


def award_date(award: Entry) -> FuzzyDate:
    return min((c.value for c in award.get("date")), key=lambda d: d.start())


def figures(kb: KnowledgeBase) -> tuple[list[Figure], list[tuple[Entry, str]]]:
    """Totallable figures, and the (award, kind) pairs left out because their sources disagree."""
    kept, left_out = [], []
    for award in kb.of_kind("award"):
        by_kind: dict[str, set[float]] = defaultdict(set)
        for claim in award.get("value", []):
            by_kind[claim.value["kind"]].add(claim.value["amount"])
        for kind, amounts in sorted(by_kind.items()):
            if len(amounts) == 1:
                kept.append(Figure(award, kind, amounts.pop(), award_date(award).year))
            else:
                left_out.append((award, kind))
    return kept, left_out


def totals_table(groups: dict[str, dict[str, list[Figure]]], label: str) -> str:
    rows = []
    for name, kinds in sorted(groups.items(), key=lambda i: i[0].lower()):
        for kind in (k for k in VALUE_KINDS if k in kinds):
            items = kinds[kind]
            rows.append([name, kind, amount(sum(f.amount for f in items)), str(len(items))])
    return table([label, "Value kind", "Total", "Awards"], rows) if rows else "*No figures yet.*"


def by_vendor(kept: list[Figure], kb: KnowledgeBase, page: str) -> dict[str, dict[str, list[Figure]]]:
    """Figures of single-awardee awards by vendor; a shared award's value is not split or repeated."""
    groups: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for figure in kept:
        awardees = figure.award.get("awardees", [])
        if len(awardees) == 1:
            groups[link(page, kb.by_id[awardees[0].id])][figure.kind].append(figure)
    return groups


def by_vehicle(kept: list[Figure], kb: KnowledgeBase, page: str) -> dict[str, dict[str, list[Figure]]]:
    groups: dict[str, dict[str, list[Figure]]] = defaultdict(lambda: defaultdict(list))
    for figure in kept:
        ref = figure.award.get("instrument")
        groups[link(page, kb.by_id[ref.id]) if ref else "not stated"][figure.kind].append(figure)
    return groups


def ledger_row(award: Entry, claim: Claim | None, page: str, kb: KnowledgeBase, citer: Citer) -> str:
    date = award_date(award)
    vendors = [kb.by_id[r.id] for r in award.get("awardees", [])]
    program, vehicle = award.get("program"), award.get("instrument")
    kind = claim.value["kind"] if claim else ""
    value = claim.value["amount"] if claim else -1
    cells = [
        (date.start().isoformat(), time_element(date)),
        (award.title.lower(), link(page, award)),
        (" ".join(v.id for v in vendors), ", ".join(link(page, v) for v in vendors) or "undisclosed"),
        (program.id if program else "", link(page, kb.by_id[program.id]) if program else ""),
        (vehicle.id if vehicle else "", link(page, kb.by_id[vehicle.id]) if vehicle else ""),
        (kind, kind),
        (str(value), (amount(value) + " " + citer.cite(claim.sources)) if claim else ""),
        (award.get("status"), effective_status(claim, kb) if claim else award.get("status")),
    ]
    attrs = (
        f'data-kind="{kind}" data-vendor="{attr(data_list([v.id for v in vendors]))}" data-program="{program.id if program else ""}" '
        f'data-vehicle="{vehicle.id if vehicle else ""}" data-year="{date.year}" data-status="{award.get("status")}"'
    )
    tds = "".join(f'<td data-sort="{attr(key)}" markdown="span">{shown}</td>' for key, shown in cells)
    return f"<tr {attrs} markdown>{tds}</tr>"


def filters(kb: KnowledgeBase) -> str:
    awards = kb.of_kind("award")

    def refs(field: str) -> dict[str, str]:
        return {r.id: kb.by_id[r.id].title for a in awards for r in ([a.get(field)] if a.get(field) else [])}

    vendors = {r.id: kb.by_id[r.id].title for a in awards for r in a.get("awardees", [])}
    kinds = {c.value["kind"]: c.value["kind"] for a in awards for c in a.get("value", [])}
    years = {str(award_date(a).year): str(award_date(a).year) for a in awards}
    statuses = {a.get("status"): a.get("status") for a in awards}
    return (
        '<div class="acq-filters" data-target="acq-ledger">'
        + " ".join(
            [
                filter_select("kind", "Value kind", kinds),
                filter_select("vehicle", "Vehicle", refs("instrument")),
                filter_select("vendor", "Vendor", vendors),
                filter_select("program", "Program", refs("program")),
                filter_select("year", "Year", years),
                filter_select("status", "Status", statuses),
            ]
        )
        + ' <output class="acq-count"></output></div>'
    )


def left_out_note(left_out: list[tuple[Entry, str]], page: str) -> str:
    """What the totals and charts leave out and why, said beside them."""
    if not left_out:
        return "Every award figure is agreed by its sources, so the totals and charts hold them all."
    items = "; ".join(f"{link(page, a)} ({kind})" for a, kind in left_out)
    return (
        f"Left out of these totals and the charts: {len(left_out)} figures whose sources give different values "
        f"for the same measure, so no single value can be added: {items}. Each is in the ledger above, once per claim."
    )


def ledger_page(kb: KnowledgeBase) -> str:
    page = "views/awards-ledger.md"
    citer = Citer(page, kb)
    rows = []
    for award in sorted(kb.of_kind("award"), key=lambda a: (award_date(a).start(), a.title.lower()), reverse=True):
        claims = award.get("value") or [None]
        rows += [ledger_row(award, claim, page, kb, citer) for claim in claims]
    headers = ["Date", "Award", "Awardees", "Program", "Vehicle", "Value kind", "Value", "Status"]
    sorted_by = ' aria-sort="descending"'
    head = "".join(f'<th scope="col"{sorted_by if h == "Date" else ""}>{h}</th>' for h in headers)
    ledger = (
        f'<div class="acq-scroll" markdown><table id="acq-ledger" class="acq-sort acq-ledger" markdown>\n<thead><tr>{head}</tr></thead>\n<tbody markdown>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table></div>"
    )
    kept, left_out = figures(kb)
    note = left_out_note(left_out, page)
    charts = [
        bar_chart("Award values by year", kept, lambda f: str(f.year)),
        bar_chart(
            "Award values by vendor (single-awardee awards)",
            [f for f in kept if len(f.award.get("awardees", [])) == 1],
            lambda f: kb.by_id[f.award.get("awardees")[0].id].title,
        ),
    ]
    return (
        "---\ntitle: Awards ledger\nsearch:\n  boost: 0.5\nhide:\n  - navigation\n  - toc\n---\n\n# Awards ledger\n\n"
        "Every award value in the data, one row per claim, newest first, with its value kind. Click a column heading to sort; "
        "choose values to filter. A figure whose sources disagree appears once per claim and is left out of the totals.\n\n"
        "Download the ledger's data: [awards (CSV)](../api/v1/awards.csv) · [every claim (CSV)](../api/v1/claims.csv)\n\n"
        f"{filters(kb)}\n\n{ledger}\n\n## Totals by vendor\n\nOnly awards with a single awardee; a shared award's value is not split. "
        f"Totals are kept apart by value kind and never added across kinds.\n\n{note}\n\n"
        f"{totals_table(by_vendor(kept, kb, page), 'Vendor')}\n\n"
        f"## Totals by vehicle\n\n{note}\n\n{totals_table(by_vehicle(kept, kb, page), 'Vehicle')}\n\n"
        f"## Charts\n\n{note}\n\n{charts[0]}\n\n{charts[1]}\n\n{citer.block()}\n"
    )
