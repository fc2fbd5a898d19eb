"""Whether this process is a site builder, and whether it is serving the site (set by the MkDocs hook;
kept here because the hook module itself is loaded afresh for every rebuild)."""

from __future__ import annotations

ACTIVE = False  # serving: `mkdocs serve`
BUILDER = False  # inside MkDocs, serving or building
