"""A smaller site: pages without the whitespace a browser does not need (minify-html, a maintained library),
and without the theme files this site never loads."""

from __future__ import annotations

from pathlib import Path

import minify_html


def minified(page: str) -> str:
    """The page minified; scripts and styles are left as they are, closing tags kept."""
    return minify_html.minify(page, minify_js=False, minify_css=False, keep_closing_tags=True, keep_html_and_head_opening_tags=True)


def unused_theme_files(site: Path) -> list[Path]:
    """Material's JavaScript source map (for debugging the theme) and Lunr's non-English language files.

    The search is configured for English only (mkdocs.yml), so the worker never
    loads the language files; browsers load a source map only for their developer tools.
    """
    scripts = site / "assets" / "javascripts"
    maps = list(scripts.glob("*.js.map")) + list((scripts / "workers").glob("*.js.map"))
    languages = list((scripts / "lunr").rglob("*.js"))
    return [p for p in maps + languages if p.is_file()]
