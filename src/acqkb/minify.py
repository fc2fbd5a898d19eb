"""A smaller site: pages without the whitespace a browser does not need (minify-html, a maintained library),
each abbreviation expanded once per page, a search index without repeats, and none of the theme files this
site never loads."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import minify_html

# A glossary tooltip as the generator writes it (at a generated page's first use of an abbreviation) and as
# Python-Markdown's abbr extension writes it (at every use on a hand-written page). Entry text cannot hold raw
# HTML (acqkb.text refuses it), so every <abbr> in a page comes from one of the two, in this form.
ABBREVIATION = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


# The permanent link that toc adds to every heading; on the page's title it would only point at the page itself.
# toc writes the class first, so the search starts at a literal and does not try every link of the page.
TITLE_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>(?:&para;|¶)</a>(</h1>)')
# Material's settings for its scripts, written by Jinja's tojson with a space after every comma and colon.
THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"})  # as tojson escapes them


def minified(page: str) -> str:
    """The page with each abbreviation expanded once, no permanent link on its title and compact theme
    settings, minified; scripts and styles are otherwise left as they are."""
    page = THEME_CONFIG.sub(compact_config, TITLE_PERMALINK.sub(r"\1", expanded_once(page)), count=1)
    return minify_html.minify(page, minify_js=False, minify_css=False, keep_closing_tags=True, keep_html_and_head_opening_tags=True)


def compact_config(match: re.Match[str]) -> str:
    """The same JSON without spaces, still safe inside a script element."""
    return match.group(1) + compact_json(match.group(2)) + match.group(3)


@lru_cache(maxsize=64)  # pages differ only in their relative base address: a few distinct settings per site
def compact_json(text: str) -> str:
    return json.dumps(json.loads(text), separators=(",", ":"), sort_keys=True).translate(HTML_SAFE)


def expanded_once(page: str) -> str:
    """Each abbreviation keeps its expansion (its tooltip) where the page first uses it; later uses are plain
    text, as a printed text expands an abbreviation at its first use. The generator already writes generated
    pages this way; this does the same for the hand-written pages (where the abbr extension expands every
    use) and for the value kinds' tooltips ("stated", "potential") that a page repeats."""
    seen: set[str] = set()

    def first_only(match: re.Match[str]) -> str:
        if match.group(2) in seen:
            return match.group(2)
        seen.add(match.group(2))
        return match.group(0)

    return ABBREVIATION.sub(first_only, page)


def search_index_without_section_tags(index: str) -> str:
    """Material's search index with the page's names (its `tags`) on the page's own entry only.

    Material copies a page's tags into the entry of every section of the page; the names then weigh a
    section as much as the page itself, and repeat on the real data to 0.4 MB. The page's entry keeps them,
    so a name still finds its page first (the command-line search indexes whole pages the same way).
    """
    data = json.loads(index)
    for doc in data["docs"]:
        if "#" in doc["location"]:
            doc.pop("tags", None)
    return json.dumps(data, separators=(",", ":"), default=str)  # as Material writes it


def unused_theme_files(site: Path) -> list[Path]:
    """Material's JavaScript source map (for debugging the theme) and Lunr's non-English language files.

    The search is configured for English only (mkdocs.yml), so the worker never
    loads the language files; browsers load a source map only for their developer tools.
    """
    scripts = site / "assets" / "javascripts"
    maps = list(scripts.glob("*.js.map")) + list((scripts / "workers").glob("*.js.map"))
    languages = list((scripts / "lunr").rglob("*.js"))
    return [p for p in maps + languages if p.is_file()]
