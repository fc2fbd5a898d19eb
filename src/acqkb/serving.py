"""Whether this process is serving the site (set by the MkDocs hook; kept here because the hook
module itself is loaded afresh for every rebuild)."""

from __future__ import annotations

ACTIVE = False
