"""What search should know of an entry: its keywords (aliases fed by the glossary) and its boost.

The site and `acqkb search` both read these, so they rank the same way. Material
for MkDocs indexes a page's front-matter `tags` in its most heavily weighted
search field; the generator puts an entry's keywords there.
"""

from __future__ import annotations

import re

from acqkb.check import KnowledgeBase
from acqkb.model import Entry

PLURAL_ABBREVIATION = re.compile(r"\b([A-Z]{2,})s\b")
SEPARATOR = r"[\s\-,;:!?()\[\]{}" + '"' + r"'/|<>]+|\.(?=\s|$)"
PAGE_BOOST = {
    "instrument": 2.0,
    "program": 2.0,
    "organization": 2.0,
    "vendor": 2.0,
    "award": 1.5,
    "event": 1.0,
    "source": 0.8,
    "threshold": 1.5,
    "term": 1.0,
}
POINTER_TERM_BOOST = 0.5
INDEX_PAGE_BOOST = 0.3


def fed_by_glossary(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """Abbreviations and expansions of the terms that point at this entry."""
    names: list[str] = []
    for source, field in kb.backlinks.get(entry.id, []):
        if source.kind == "term" and field == "entry":
            names += [source.title, source.get("abbreviation", ""), source.get("expansion", "")]
    return names


def other_names(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """The entry's own aliases, then the glossary's names for it, without repeats or the title."""
    names = [*entry.get("aliases", []), *fed_by_glossary(entry, kb)]
    if entry.kind == "term" and not entry.get("entry"):
        names += [entry.get("abbreviation", ""), entry.get("expansion", "")]
    seen: dict[str, None] = {}
    for name in names:
        if name and name.lower() != entry.title.lower():
            seen.setdefault(name, None)
    return list(seen)


def search_keywords(entry: Entry, kb: KnowledgeBase) -> list[str]:
    """The title and every other name, as search tags (the most heavily weighted search field).

    Plural abbreviations are made singular ("OTAs" -> "OTA"): the site's search
    puts a wildcard after every query word, so "OTA" would also match a rare
    "otas" and rank an entry that merely mentions OTAs above the OTA entry.
    """
    names = [PLURAL_ABBREVIATION.sub(r"\1", name) for name in (entry.title, *other_names(entry, kb))]
    return names + [whole_name(name) for name in names if name_words(name)]


def name_words(name: str) -> list[str]:
    return [w for w in re.split(SEPARATOR, name) if w]


def whole_name(name: str) -> str:
    """A name of several words as one token, so that typing exactly that name ranks this entry first."""
    return "_" + "".join(re.sub(r"[^0-9a-z]", "", w.lower()) for w in name_words(name))


def page_boost(entry: Entry) -> float:
    """Entries' own pages rank above pages that only mention them; glossary pointers rank low."""
    if entry.kind == "term" and entry.get("entry"):
        return POINTER_TERM_BOOST
    return PAGE_BOOST[entry.kind]
