"""When each entry was added and changed, read from the git history of its file.

`as_of` says when an entry's claims were last checked against their sources;
the repository says when its file changed and why (the commit message). One
`git log` over data/ gives every file's changes. A copy of the site's sources
without git (a tarball) has no such history: then `available` is False, pages
say so, and dates fall back to `as_of`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

RECORD, UNIT = "\x1e", "\x1f"


@dataclass(frozen=True)
class Commit:
    """One change to the data: its day, what it says it did, and the entry files it touched."""

    day: date
    message: str
    sha: str
    paths: tuple[str, ...] = ()


@dataclass
class History:
    """Every commit that touched data/, newest first, and each file's share of them."""

    available: bool
    commits: list[Commit] = field(default_factory=list)
    by_path: dict[str, list[Commit]] = field(default_factory=dict)

    def of(self, path: str) -> list[Commit]:
        """The commits that changed one entry file, newest first."""
        return self.by_path.get(path, [])

    def added(self, path: str) -> date | None:
        commits = self.of(path)
        return commits[-1].day if commits else None

    def changed(self, path: str) -> date | None:
        commits = self.of(path)
        return commits[0].day if commits else None


def git_log(root: Path) -> str | None:
    """The raw log of data/ below root, or None when root is not in a git repository (or git is missing)."""
    import subprocess  # here, not at the top: validation imports this module and never runs git

    command = ["git", "-C", str(root), "log", "--relative", f"--format={RECORD}%H{UNIT}%cs{UNIT}%s", "--name-only", "--", "data"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def parse_log(text: str) -> list[Commit]:
    """Commits from `git log` output in the format git_log asks for."""
    commits = []
    for record in text.split(RECORD)[1:]:
        header, _, names = record.partition("\n")
        sha, day, message = header.split(UNIT, 2)
        paths = tuple(line.strip() for line in names.splitlines() if line.strip().endswith(".yaml"))
        commits.append(Commit(date.fromisoformat(day), message.strip(), sha, paths))
    return commits


def read_history(root: Path) -> History:
    """The history of root/data from git; unavailable when there is no repository."""
    text = git_log(root)
    if text is None:
        return History(available=False)
    commits = [c for c in parse_log(text) if c.paths]
    by_path: dict[str, list[Commit]] = {}
    for commit in commits:
        for path in commit.paths:
            by_path.setdefault(path, []).append(commit)
    return History(available=True, commits=commits, by_path=by_path)
