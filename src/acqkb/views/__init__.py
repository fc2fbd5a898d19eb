"""Views built from the data at build time: timelines, matrix, ledger, guide, tags, feeds."""
