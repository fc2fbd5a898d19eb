"""The generator on fixture data: pages, counts, reports that differ, backlinks, rewrites."""

from __future__ import annotations

from pathlib import Path

from acqkb.generate import generate
from acqkb.schema import parse_fuzzy_date


def test_counts_of_loaded_generated_and_exported_are_equal(valid_root: Path) -> None:
    counts, problems = generate(valid_root)
    assert problems == []
    assert (counts.loaded, counts.pages, counts.records) == (10, 10, 10)
    assert counts.line().startswith("10 entries loaded, 10 entry pages generated, 10 records exported")


def test_figures_of_different_measures_are_rows_not_a_dispute(valid_root: Path) -> None:
    generate(valid_root)
    page = (valid_root / "docs/awards/example-award.md").read_text(encoding="utf-8")
    assert "| Value (stated) | $4.16 billion" in page and "| Value (potential) | about $2 billion" in page
    assert "Reports differ" not in page


def test_values_of_one_measure_that_differ_are_shown_side_by_side_with_their_sources(valid_root: Path) -> None:
    award = valid_root / "data/awards/example-award.yaml"
    award.write_text(
        award.read_text(encoding="utf-8").replace("kind: potential, qualifier: about", "kind: stated, qualifier: about"), encoding="utf-8"
    )
    generate(valid_root)
    page = (valid_root / "docs/awards/example-award.md").read_text(encoding="utf-8")
    assert "| Value (stated) | Reports differ: [see the claims side by side](#reports-differ-value-stated) |" in page
    assert "### Reports differ: value (stated) { #reports-differ-value-stated }" in page
    table = page.split("### Reports differ")[1]
    assert "| $4.16 billion" in table and "| about $2 billion" in table
    assert "Contradicted by" not in table


def test_referenced_by_lists_every_entry_that_points_here(valid_root: Path) -> None:
    generate(valid_root)
    page = (valid_root / "docs/programs/example-program.md").read_text(encoding="utf-8")
    backlinks = page.split("## Referenced by")[1].split("##")[0]
    assert "[Example award](../awards/example-award.md) (award; in program)" in backlinks
    assert "[Example event](../events/example-event.md) (event; in programs)" in backlinks
    assert backlinks.count("\n- ") == 2


def test_only_changed_files_are_written_and_stale_pages_removed(valid_root: Path) -> None:
    generate(valid_root)
    again, _ = generate(valid_root)
    assert again.changed == 0
    (valid_root / "data/vendors/example-corp.yaml").unlink()
    (valid_root / "data/awards/example-award.yaml").unlink()
    (valid_root / "data/events/example-event.yaml").unlink()
    generate(valid_root)
    assert not (valid_root / "docs/vendors/example-corp.md").exists()
    assert (valid_root / "docs/vendors/index.md").exists()


def test_fuzzy_dates_keep_their_precision() -> None:
    assert parse_fuzzy_date("2028-Q4").label() == "Q4 2028"
    assert parse_fuzzy_date("2028-Q4").end().isoformat() == "2028-12-31"
    assert parse_fuzzy_date("2026-02").end().isoformat() == "2026-02-28"
    assert parse_fuzzy_date("2026-05-29").precision == "day"
    assert parse_fuzzy_date("2026-13") is None
    assert parse_fuzzy_date("2026-02-30") is None
