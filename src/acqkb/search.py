"""`acqkb search`: the site's search, run on the data with the same rules.

Material for MkDocs searches with Lunr.js; this module indexes the same fields
with the Python port of Lunr (title x1000, text x1, keywords as tags x1e6, a
boost per page, no length normalisation), transforms the query the way
Material's search worker does (every term gets a trailing wildcard), and
applies its post-query boost, so both give the same top results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lunr.builder import Builder
from lunr.index import Index
from lunr.query_lexer import QueryLexer
from lunr.token_set import TokenSet

from acqkb.check import KnowledgeBase
from acqkb.keywords import SEPARATOR, page_boost, search_keywords
from acqkb.markdown import page_path
from acqkb.model import Entry
from acqkb.schema import Claim
from acqkb.text import plain


def _token_set_name(self: TokenSet) -> str:
    """A node's name in Lunr's word automaton, with separators: the stock name joins edge labels and node
    ids without them, so digit labels collide, merging invents words and a prefix search can fail. The
    site's search worker applies the same fix to Lunr.js."""
    cached = getattr(self, "_string", None)
    if cached is not None:
        return cached
    parts = [f"|{label}:{getattr(self.edges[label], 'id', '')}" for label in sorted(self.edges)]
    return ("1" if self.final else "0") + "".join(parts)


TokenSet.__str__ = _token_set_name  # type: ignore[method-assign]

FIELD_BOOSTS = {"title": 1000, "text": 1, "tags": 1_000_000}


def tokens(text: str) -> list[str]:
    """Split text as the site's search does (Lunr lower-cases each token)."""
    return [part for part in re.split(SEPARATOR, text) if part]


def entry_text(entry: Entry) -> str:
    """The words of an entry's page that search should see."""
    parts = [entry.get("summary", ""), " ".join(entry.get("aliases", [])), plain(entry.get("body", ""))]
    for value in entry.data.values():
        if isinstance(value, list) and value and isinstance(value[0], Claim) and isinstance(value[0].value, str):
            parts += [plain(c.value) for c in value]
    return " ".join(parts)


def build_index(kb: KnowledgeBase) -> Index:
    builder = Builder()
    builder.ref("location")
    for name, boost in FIELD_BOOSTS.items():
        builder.field(name, boost=boost)
    builder.b(0)
    for entry in kb.entries:
        doc = {
            "location": entry.id,
            "title": tokens(entry.title),
            "text": tokens(entry_text(entry)),
            "tags": [t for k in search_keywords(entry, kb) for t in tokens(k)],
        }
        builder.add(doc, {"boost": page_boost(entry)})
    return builder.build()


def split_part(part: str) -> list[str]:
    """Material's tokenising of one whitespace-separated part of the query."""
    lexer = QueryLexer(part)
    lexer.run()
    terms = []
    for lexeme in lexer.lexemes:
        if lexeme["type"] != QueryLexer.TERM:
            continue
        term, start, end = lexeme["string"], lexeme["start"], lexeme["end"]
        for piece in tokens(term):
            terms.append(part[:start] + piece + part[end:])
    return terms


EXACT_BOOST = 10
NAME_BOOST = 100
SYNTAX = re.compile(r'["*+~^:]|(?:^|\s)-')


def joined(words: list[str]) -> str:
    """A name of several words as one search token ("_spacedevelopmentagency"), for exact full-name matches.

    The leading underscore keeps a one-word query's trailing wildcard from matching it.
    """
    return "_" + "".join(re.sub(r"[^0-9a-z]", "", w.lower()) for w in words)


def rewrite(query: str) -> str:
    """The query as acqkb's search worker hands it to Material's: exact words boosted, numbers exact, full names first.

    Material adds a trailing wildcard to every word, so "SBIR" also matches the
    rarer "SBIRS" and "2" matches "2025", and a rare partial match outscores
    the exact one. Each word is therefore also asked for exactly, with a boost;
    a word with a digit is asked for exactly only; and the whole query is also
    asked for as one joined token, which only an entry whose title or alias is
    exactly those words carries. A query with search syntax is left as it is.
    """
    if SYNTAX.search(query):
        return query
    words = [w for part in query.split() for w in tokens(part)]
    terms = [w if len(w) < 2 else f"{w}^{EXACT_BOOST}" if any(c.isdigit() for c in w) else f"{w} {w}^{EXACT_BOOST}" for w in words]
    if len(joined(words)) > 2:
        terms.append(f"{joined(words)}^{NAME_BOOST}")
    return " ".join(terms)


def transform(query: str) -> str:
    """The query as Material's search worker sends it to Lunr: each term with a trailing wildcard."""
    query = re.sub(r'"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)', "", query.strip())
    terms = [term for part in query.split() for term in split_part(part)]
    return " ".join(term if re.search(r"(^[+-]|[~^]\d+$)", term) else f"{term}*" for term in terms)


@dataclass
class Hit:
    """One result: the entry and its score."""

    entry: Entry
    score: float

    def record(self) -> dict[str, object]:
        return {
            "id": self.entry.id,
            "kind": self.entry.kind,
            "title": self.entry.title,
            "page": page_path(self.entry)[:-3] + "/",
            "score": round(self.score, 4),
            "snippet": plain(self.entry.get("summary", ""), 160),
        }


def post_boost(score: float, matched: int, clauses: int) -> float:
    """Material's re-ranking of an article: score * (1 + (1 + share of query terms found)^2)."""
    share = matched / clauses if clauses else 0
    return score * (1 + (1 + share) ** 2)


def search(kb: KnowledgeBase, query: str, kind: str | None = None, limit: int = 10, index: Index | None = None) -> list[Hit]:
    """The best entries for a query, as the site ranks them."""
    lunr_query = transform(rewrite(query))
    if not lunr_query:
        return []
    index = index or build_index(kb)
    clauses = {t.lstrip("+-").rstrip("*").lower() for t in re.split(r"[\s\-]+", lunr_query) if t.strip("+-*")}
    hits = []
    for result in index.search(lunr_query):
        entry = kb.by_id[result["ref"]]
        found = {c for c in clauses if any(t.startswith(c) for t in result["match_data"].metadata)}
        hits.append(Hit(entry, post_boost(result["score"], len(found), len(clauses))))
    hits.sort(key=lambda h: -h.score)
    return [h for h in hits if kind is None or h.entry.kind == kind][:limit]
