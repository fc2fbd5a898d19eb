"""The MkDocs hook: the only module that imports mkdocs. It runs the generator before each build.

Under `mkdocs serve` it also makes an edit cheap to see: the generated folders
of docs/ are not watched (data/ is; the generator writes docs/ itself, so
watching it too would build twice per edit), the data files are written just
after each rebuild (acqkb.preview), and a data problem is reported without
failing the rebuild, so the last good site keeps being served.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer

from acqkb import preview, serving
from acqkb.generate import HAND_WRITTEN, generate
from acqkb.minify import minified, search_index_without_section_tags, unused_theme_files
from acqkb.problems import report_text

log = logging.getLogger("mkdocs.acqkb")


def on_startup(command: str, dirty: bool) -> None:
    serving.ACTIVE, serving.BUILDER = command == "serve", True


def on_pre_build(config: MkDocsConfig) -> None:
    """Check data/ and write the generated pages; a data problem fails a build and is reported during serve."""
    root, site_url = Path(config.config_file_path).parent, config.site_url or ""
    if serving.ACTIVE:
        line, problems = preview.write_pages_first(root, site_url)
        if problems:
            log.info("acqkb: the data has problems; the site keeps showing the last good data:\n%s", report_text(problems))
            return
        log.info("acqkb: %s", line)
        return
    counts, problems = generate(root, site_url)
    if problems:
        raise PluginError("acqkb: the data has problems:\n" + report_text(problems))
    log.info("acqkb: %s", counts.line())


def on_post_page(output: str, page: object, config: MkDocsConfig) -> str:
    """Pages are written minified (about a quarter smaller) with each abbreviation expanded where first used."""
    return minified(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Leave out what the theme ships but this site never loads (its source map, Lunr's other languages), and
    the search index's repeats (a build, not a preview: serving keeps each rebuild quick)."""
    for path in unused_theme_files(Path(config.site_dir)):
        path.unlink()
    if serving.ACTIVE:
        preview.write_data_after(Path(config.config_file_path).parent, Path(config.site_dir))
        return
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(search_index_without_section_tags(index.read_text(encoding="utf-8")), encoding="utf-8")


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    """Watch the hand-written parts of docs/ only; data/ (in mkdocs.yml's watch list) drives the rest."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    for name in HAND_WRITTEN:
        if (docs / name).exists():
            server.watch(str(docs / name))
    return server
