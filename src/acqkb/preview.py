"""Regeneration under a preview server (`mkdocs serve`): the pages first, the data files just after.

An edit must reach the screen quickly. The pages are written before the site is
built, as in any build; the data files (API, citations, calendars, feeds), which
no page's text depends on, are written by a background thread once the build is
done and the browser reloads, and copied into the served site from there. The
next build waits for that thread first, so two writers never meet. `mkdocs
build` and `acqkb build` write everything before the site is built.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from acqkb.check import KnowledgeBase
from acqkb.generate import checked, generate, write_data_files, write_page_files
from acqkb.problems import Problem

log = logging.getLogger("mkdocs.acqkb")


@dataclass
class _Preview:
    """The server's state between builds: whether it has built once, the data the next data thread writes,
    and that thread."""

    started: bool = False
    pending: KnowledgeBase | None = None
    thread: threading.Thread | None = None


_preview = _Preview()
_stop = threading.Event()


def write_pages_first(root: Path, site_url: str) -> tuple[str, list[Problem]]:
    """Wait for the last data thread, check the data and write the pages; a summary line, or the problems.

    The server's first build writes the data files too, so that the site is whole from the start.
    """
    wait_for_data()
    if not _preview.started:
        counts, problems = generate(root, site_url)
        _preview.started = counts is not None
        return (counts.line() if counts else ""), problems
    kb, problems = checked(root, site_url)
    if kb is None:
        return "", problems
    entry_pages, changed = write_page_files(kb, root)
    _preview.pending = kb
    return (
        f"{len(kb.entries)} entries loaded, {entry_pages} entry pages generated ({len(changed)} files changed); the data files follow",
        [],
    )


def write_data_after(root: Path, site_dir: Path) -> None:
    """Start writing the data files of the data just checked, copying each changed one into the built site."""
    if _preview.pending is None:
        return
    _preview.thread = threading.Thread(target=_write_data, args=(_preview.pending, root, site_dir), name="acqkb-data", daemon=True)
    _preview.pending = None
    _preview.thread.start()


def wait_for_data() -> None:
    """Stop the last data thread (its data is about to be replaced) and wait for it; it writes all or nothing."""
    if _preview.thread is not None:
        _stop.set()
        _preview.thread.join()
        _stop.clear()
        _preview.thread = None


def _write_data(kb: KnowledgeBase, root: Path, site_dir: Path) -> None:
    try:
        written = write_data_files(kb, root, _stop.is_set)
        if written is None:
            log.info("acqkb: the data changed again; its files follow the next build")
            return
        exported, changed = written
        for rel in changed:
            copy_into_site(root / "docs" / rel, site_dir / rel)
        log.info("acqkb: %d records exported (%d data files changed)", exported, len(changed))
    except Exception:  # a thread's exception would otherwise vanish; the pages are already served
        log.exception("acqkb: the data files could not be written")


def copy_into_site(source: Path, target: Path) -> None:
    """The built site's copy of a changed data file (removed when its source was removed)."""
    if source.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    else:
        target.unlink(missing_ok=True)
