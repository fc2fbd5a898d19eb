"""Built pages without the whitespace and optional tags a browser does not need (minify-html, a maintained library)."""

from __future__ import annotations

import minify_html


def minified(page: str) -> str:
    """The page minified; scripts and styles are left as they are, closing tags kept."""
    return minify_html.minify(page, minify_js=False, minify_css=False, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
