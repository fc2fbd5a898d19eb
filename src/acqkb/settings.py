"""The site settings acqkb reads from mkdocs.yml, the one place a publisher sets them.

Any builder that reads mkdocs.yml (MkDocs, Zensical) and `acqkb build` see the
same values. Tags such as `!!python/name:` (used by Material's extensions) are
read as plain text, so reading the file runs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


class _Loader(yaml.SafeLoader):
    """A safe loader that keeps any tagged value as its plain text."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None)


@dataclass(frozen=True)
class Settings:
    """What the generator needs to know of the published site."""

    site_url: str = DEFAULT_SITE_URL
    site_name: str = "acqkb"
    repo_url: str = ""
    edit_uri: str = ""

    @property
    def base(self) -> str:
        """The site's address, ending in a slash."""
        return self.site_url.rstrip("/") + "/"

    def edit_url(self, data_file: str) -> str:
        """Where to edit an entry's YAML on its forge, or "" when mkdocs.yml names none."""
        if not (self.repo_url and self.edit_uri):
            return ""
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{data_file}"


def read_settings(root: Path, site_url: str = "") -> Settings:
    """The settings in root/mkdocs.yml; site_url, when given, overrides the file's."""
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) if path.exists() else {}
    config = config if isinstance(config, dict) else {}
    return Settings(
        site_url=site_url or str(config.get("site_url") or DEFAULT_SITE_URL),
        site_name=str(config.get("site_name") or "acqkb"),
        repo_url=str(config.get("repo_url") or ""),
        edit_uri=str(config.get("edit_uri") or ""),
    )
