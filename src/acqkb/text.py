"""The one door for entry text: every road from an entry to an output goes through here.

Entry text comes in two sorts. Plain text (titles, aliases, publishers, glossary
expansions, citations, change lines) is escaped for wherever it lands: inline
Markdown, an HTML attribute, YAML front matter. Markdown text (summaries,
bodies, claim values, notes) may use a small set of Markdown; `markdown_problem`
renders it with the site's own Markdown extensions and asks the nh3 sanitiser
(a maintained library) whether the result is already clean. Text that would
lose anything to the sanitiser is refused at validation, so what reaches a page
is exactly what the contributor wrote.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

# The Markdown extensions the site renders entry text with (mkdocs.yml lists the same, plus
# toc and the glossary's abbr definitions, which add nothing an entry writes). Rendering with
# them here means a construct that only an extension understands (an attribute list, an
# admonition, HTML in Markdown) is seen as the site will see it.
SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables"]
ALLOWED_TAGS = {
    "p", "a", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr", "br",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"style"}, "td": {"style"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Characters that start a Markdown construct able to produce more than the plain tags above.
TRIGGERS = re.compile(r"[<{\[]|!!!")
SNIPPET = re.compile(r"--8<--")
# The characters an address may not hold as they are (controls, space and what RFC 3986 leaves out).
NOT_IN_URL = re.compile(r'[\x00-\x20\x7f "<>\\^`{|}]')
MAX_LINE = 500

# Characters that start inline Markdown anywhere, and the ones that matter only at the start of a line.
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]!|])")
LINE_START = re.compile(r"^(\s*)([#+\->=]|\d+(?=[.)]))")


def invisible_problem(text: str, multiline: bool = False) -> str | None:
    """Why text holds a character a reader cannot see or a tool may choke on, or None.

    Control characters (but a newline in multi-line text and a tab), invisible
    format characters (zero-width spaces, bidirectional overrides, a byte-order
    mark), lone surrogates, line and paragraph separators and noncharacters are refused.
    """
    probe = text.replace("\t", " ").replace("\n", " ") if multiline else text.replace("\t", " ")
    if probe.isprintable():
        return None  # the common case, decided in C: no character of any refused category
    for index, char in enumerate(text):
        if (char == "\n" and multiline) or char == "\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp") or _noncharacter(char):
            line = text.count("\n", 0, index) + 1
            where = f" on its line {line}" if multiline and "\n" in text else ""
            return f"holds the invisible or control character {_codepoint(char)}{where}; remove it"
    return None


def _noncharacter(char: str) -> bool:
    point = ord(char)
    return 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def _codepoint(char: str) -> str:
    return f"U+{ord(char):04X}"


def printable(text: str) -> str:
    """Text safe to print on a terminal: control and invisible characters shown as escapes."""
    return "".join(
        char if char == "\n" or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp") else char.encode("unicode_escape").decode()
        for char in text
    )


@lru_cache(maxsize=65536)
def inline(text: str) -> str:
    """Plain text as inline Markdown that renders as exactly that text and nothing else.

    Cached: the same titles and names are escaped again and again across the pages (seven times in eight).
    """
    escaped = MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))
    return LINE_START.sub(lambda m: m.group(1) + "".join("\\" + c for c in m.group(2)), escaped)


def attribute(text: str) -> str:
    """Plain text for an HTML attribute value (quotes escaped too)."""
    return html.escape(text, quote=True)


def front_matter(text: str) -> str:
    """Plain text as a double-quoted YAML string whose value is safe HTML text.

    Themes print front-matter titles and descriptions into the page unescaped,
    so the value itself carries HTML escapes.
    """
    return '"' + html.escape(text, quote=True).replace("\\", "\\\\") + '"'


def search_keyword(text: str) -> str:
    """A search keyword for front matter: markup characters escaped, the rest left for the tokeniser."""
    return '"' + text.replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\").replace('"', '\\"') + '"'


def plain(text: str, limit: int = 0) -> str:
    """Markdown reduced to plain text (links to their labels, escapes and marks removed), optionally shortened."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\\(.)", r"\1", text)
    text = re.sub(r"(?m)^\s{0,3}(#+|>|[-*+]|\d+\.)\s+", "", text)
    text = re.sub(r"[*_`]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rsplit(" ", 1)[0] + "…"
    return text


class _Tags(HTMLParser):
    """The start tags of an HTML fragment with their attributes, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted((name, value or "") for name, value in attrs))))

    handle_startendtag = handle_starttag


def start_tags(fragment: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser.tags


@lru_cache(maxsize=1)
def _renderer() -> Any:
    import markdown  # imported on first use: most texts never need rendering (see TRIGGERS)

    return markdown.Markdown(extensions=SITE_EXTENSIONS)


@lru_cache(maxsize=4096)
def render(text: str) -> str:
    """Markdown to HTML with the site's extensions (for checks; the site renders it itself)."""
    renderer = _renderer()
    renderer.reset()
    return renderer.convert(text)


def sanitise(fragment: str) -> str:
    """The fragment as the nh3 allowlist lets it through."""
    import nh3

    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


# Plain text with simple inline links ([label](target), the label without markup characters, the target an
# http(s) or mailto address or a path with no scheme) renders to nothing but <p> and <a href>, which the
# sanitiser always keeps. Recognising that common case without rendering keeps validation at thousands of
# entries a second (rendering every linked text took a quarter of `acqkb validate`); anything else is rendered
# and asked of the sanitiser as before.
# A label may run on to further lines that start with a letter: such a line only continues the paragraph.
SIMPLE_LINK = re.compile(
    r"(?<!!)\[([^\[\]<>{}`\n]*(?:\n(?=[A-Za-z])[^\[\]<>{}`\n]*)*)\]\(([^()\s<>\"'`\\&]+)\)"
)  # no & in a target: no entity can spell a scheme
SAFE_TARGET = re.compile(r"(?:https?://|mailto:)\S+|[^:]*")


def simple_links(text: str) -> list[str] | None:
    """The link targets of a text that is plain text and simple links only, or None when it is anything more."""
    targets = [m.group(2) for m in SIMPLE_LINK.finditer(text)]
    if any(not SAFE_TARGET.fullmatch(t) for t in targets):
        return None
    rest = SIMPLE_LINK.sub("", text)
    return None if TRIGGERS.search(rest) or "](" in rest else targets


def unsafe_part(text: str) -> str | None:
    """What of a Markdown text the sanitiser would remove, described, or None when it keeps everything."""
    if SNIPPET.search(text):
        return "a snippet line (--8<--), which would include a file"
    if not TRIGGERS.search(text) or simple_links(text) is not None:
        return None
    fragment = render(text)
    if "<!--" in fragment:
        return "an HTML comment, which entry text may not use"
    before, after = start_tags(fragment), start_tags(sanitise(fragment))
    if before == after:
        return None
    for index, (name, attrs) in enumerate(before):
        if name not in ALLOWED_TAGS:
            return f"the HTML element <{name}>, which entry text may not use"
        if index >= len(after) or after[index] != (name, attrs):
            kept = dict(after[index][1]) if index < len(after) else {}
            dropped = [f"{key}={value!r}" if key == "href" else key for key, value in attrs if kept.get(key) != value]
            return f"<{name}> with {', '.join(dropped) or 'an attribute'}, which entry text may not use"
    return "markup the sanitiser removes"


def markdown_problem(text: str) -> tuple[int, str] | None:
    """For Markdown entry text: (1-based line within the text, why) when the site would not show it as written."""
    why = unsafe_part(text)
    if why is None:
        return None
    lines = text.split("\n")
    for number in range(1, len(lines) + 1):  # the first line whose text, with the lines before it, goes wrong
        found = unsafe_part("\n".join(lines[:number]))
        if found is not None:
            return number, found
    return 1, why


def links(text: str) -> list[str]:
    """The link targets a Markdown text renders to."""
    if "](" not in text and "]:" not in text and "<" not in text:
        return []
    simple = simple_links(text)
    if simple is not None:
        return simple
    return [dict(attrs).get("href", "") for name, attrs in start_tags(render(text)) if name == "a"]


def is_external(href: str) -> bool:
    return bool(urlsplit(href).scheme)


def url_problem(url: str) -> str | None:
    """Why a source URL is not a plain http(s) address that every output can carry, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "is not an http(s) URL"
    bad = sorted(set(NOT_IN_URL.findall(url)))
    if bad:
        return f"holds {' '.join(repr(c) for c in bad)}, which an address may not contain; percent-encode it"
    return None
