"""Problems are data until a reporter formats them."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from acqkb.text import printable


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, at a 1-based line of a file."""

    path: str
    line: int
    code: str
    message: str

    def format(self) -> str:
        """Render as `path:line: message [code]`."""
        return printable(f"{self.path}:{self.line}: {self.message} [{self.code}]")


def summary(problems: list[Problem]) -> str:
    """The closing line: how many problems in how many files."""
    files = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    return f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}"


def report_text(problems: list[Problem]) -> str:
    """All problems sorted, one a line, then the summary."""
    lines = [p.format() for p in sorted(set(problems))]
    return "\n".join([*lines, summary(problems)])


def report_json(problems: list[Problem]) -> str:
    """The same problems as a JSON document."""
    return json.dumps([asdict(p) for p in sorted(set(problems))], indent=2)
