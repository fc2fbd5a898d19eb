"""Glossary tooltips written into the generated Markdown: first use only, prose only, rendered as written."""

from __future__ import annotations

import markdown

from acqkb.text import SITE_EXTENSIONS
from acqkb.views.glossary import Glossary

TERMS = {
    "OTA": "Other Transaction Authority",
    "AMTI": "air moving target indication",
    "SB-AMTI": "Space-Based Airborne Moving Target Indicator",
    "R&D": 'research & "development" \\ testing',
    "U.S.C.": "United States Code",
}


class Terms:
    """The one question Glossary asks of a knowledge base: its term entries."""

    def of_kind(self, kind: str) -> list[dict[str, str]]:
        assert kind == "term"
        return [{"abbreviation": a, "expansion": e} for a, e in TERMS.items()]


GLOSSARY = Glossary(Terms())  # type: ignore[arg-type]
OTA = '<abbr title="Other Transaction Authority">OTA</abbr>'


def test_only_the_first_use_is_expanded() -> None:
    assert GLOSSARY.for_page("An OTA is not a contract.\n\nEach OTA differs.\n") == f"An {OTA} is not a contract.\n\nEach OTA differs.\n"


def test_a_page_without_abbreviations_is_unchanged() -> None:
    page = "---\ntitle: OTA\n---\n\nNothing here; OTAs and NOTA are other words.\n"
    assert GLOSSARY.for_page(page) == page


def test_front_matter_headings_and_code_are_left_alone() -> None:
    page = "---\ntitle: OTA\n---\n\n# OTA\n\n```\nOTA\n```\n\n    OTA indented\n\nUse `OTA` in code, then OTA.\n"
    out = GLOSSARY.for_page(page)
    assert out.count("<abbr") == 1
    assert out.endswith(f"Use `OTA` in code, then {OTA}.\n")
    assert out.startswith("---\ntitle: OTA\n---\n\n# OTA\n\n```\nOTA\n```\n\n    OTA indented\n")


def test_an_escaped_backtick_does_not_open_a_code_span() -> None:
    line = "A \\` is a backtick; `OTA` is code and OTA is text."
    assert GLOSSARY.for_page(line) == line.replace("and OTA", f"and {OTA}")


def test_link_targets_tags_and_attribute_lists_are_left_alone() -> None:
    line = '[a](../OTA.md "OTA") <span title="OTA">x</span> {: #OTA } <https://x.example/OTA> [OTA guide](g.md)'
    assert GLOSSARY.for_page(line) == line.replace("[OTA guide]", f"[{OTA} guide]")


def test_raw_html_is_left_alone_unless_it_asks_for_markdown() -> None:
    page = '<div class="x">OTA</div>\n<select><option>OTA</option></select>\n<li class="e" markdown="span">An OTA</li>\n'
    assert GLOSSARY.for_page(page) == page.replace("An OTA", f"An {OTA}")


def test_the_longer_name_wins_and_the_shorter_is_expanded_where_it_stands_alone() -> None:
    out = GLOSSARY.for_page("SB-AMTI is one AMTI program.\n")
    assert out == (
        '<abbr title="Space-Based Airborne Moving Target Indicator">SB-AMTI</abbr> is one '
        '<abbr title="air moving target indication">AMTI</abbr> program.\n'
    )


def test_an_expansion_is_escaped_for_raw_html() -> None:
    out = GLOSSARY.for_page("R&D first.\n")
    assert out == '<abbr title="research &amp; &quot;development&quot; &#92; testing">R&amp;D</abbr> first.\n'


def test_python_markdown_renders_the_tooltip_and_keeps_heading_ids() -> None:
    page = GLOSSARY.for_page("## OTA terms\n\n| Vehicle | Note |\n|---|---|\n| [OTA](o.md) | an R&D tool |\n")
    html = markdown.markdown(page, extensions=[*SITE_EXTENSIONS, "toc"])
    assert '<h2 id="ota-terms">OTA terms</h2>' in html
    assert f'<a href="o.md">{OTA}</a>' in html
    assert '<abbr title="research &amp; &quot;development&quot; &#92; testing">R&amp;D</abbr>' in html


def test_a_name_ending_in_punctuation_is_found_before_a_space_but_not_inside_a_word() -> None:
    out = GLOSSARY.for_page("Under 10 U.S.C. 4022, not XU.S.C. or R&Ds, an R&D project.\n")
    assert out == 'Under 10 <abbr title="United States Code">U.S.C.</abbr> 4022, not XU.S.C. or R&Ds, an ' + (
        '<abbr title="research &amp; &quot;development&quot; &#92; testing">R&amp;D</abbr> project.\n'
    )
