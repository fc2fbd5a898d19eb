"""The MkDocs hook: the only module that imports mkdocs. It runs the generator before each build."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from acqkb.generate import generate
from acqkb.problems import report_text

log = logging.getLogger("mkdocs.acqkb")


def on_pre_build(config: MkDocsConfig) -> None:
    """Check data/ and write the generated pages; a data problem fails the build."""
    counts, problems = generate(Path(config.config_file_path).parent, config.site_url or "http://127.0.0.1:8000/")
    if problems:
        raise PluginError("acqkb: the data has problems:\n" + report_text(problems))
    log.info("acqkb: %s", counts.line())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated entry page's edit action opens the YAML file it came from, not the Markdown."""
    data_file = page.meta.get("data_file")
    if data_file:
        if config.repo_url and config.edit_uri:
            page.edit_url = urljoin(config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/") + "/", data_file)
        else:
            depth = page.url.count("/")
            page.edit_url = "../" * depth + "api/yaml/" + data_file.removeprefix("data/")
    return markdown
