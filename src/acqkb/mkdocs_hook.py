"""The MkDocs hook: the only module that imports mkdocs. It runs the generator before each build."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from acqkb.generate import generate
from acqkb.problems import report_text

log = logging.getLogger("mkdocs.acqkb")


def on_pre_build(config: MkDocsConfig) -> None:
    """Check data/ and write the generated pages; a data problem fails the build."""
    counts, problems = generate(Path(config.config_file_path).parent)
    if problems:
        raise PluginError("acqkb: the data has problems:\n" + report_text(problems))
    log.info("acqkb: %s", counts.line())
