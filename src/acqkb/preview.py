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
from pathlib import Path

from acqkb.check import KnowledgeBase
from acqkb.generate import checked, write_data_files, write_page_files
from acqkb.problems import Problem

log = logging.getLogger("mkdocs.acqkb")

_state: dict[str, object] = {"kb": None, "thread": None, "started": False}
_stop = threading.Event()


def write_pages_first(root: Path, site_url: str) -> tuple[str, list[Problem]]:
    """Wait for the last data thread, check the data and write the pages; a summary line, or the problems.

    The server's first build writes the data files too, so that the site is whole from the start.
    """
    wait_for_data()
    kb, problems = checked(root, site_url)
    if kb is None:
        return "", problems
    entry_pages, changed = write_page_files(kb, root)
    line = f"{len(kb.entries)} entries loaded, {entry_pages} entry pages generated ({len(changed)} files changed)"
    if not _state["started"]:
        _state["started"] = True
        exported, data_changed = write_data_files(kb, root) or (0, [])
        return f"{line}, {exported} records exported ({len(data_changed)} data files changed)", []
    _state["kb"] = kb
    return f"{line}; the data files follow", []


def write_data_after(root: Path, site_dir: Path) -> None:
    """Start writing the data files of the data just checked, copying each changed one into the built site."""
    kb = _state["kb"]
    if not isinstance(kb, KnowledgeBase):
        return
    _state["kb"] = None
    thread = threading.Thread(target=_write_data, args=(kb, root, site_dir), name="acqkb-data", daemon=True)
    _state["thread"] = thread
    thread.start()


def wait_for_data() -> None:
    """Stop the last data thread (its data is about to be replaced) and wait for it; it writes all or nothing."""
    thread = _state["thread"]
    if isinstance(thread, threading.Thread):
        _stop.set()
        thread.join()
        _stop.clear()
        _state["thread"] = None


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
