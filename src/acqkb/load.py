"""Read data/ into entries: safe YAML, positions kept, every problem collected.

Nothing here raises for bad data; each problem becomes a Problem with the
file's path relative to the repository root and a 1-based line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from acqkb.model import FOLDERS, Entry
from acqkb.problems import Problem
from acqkb.schema import Ctx, Invalid


def data_files(data_dir: Path) -> list[Path]:
    """Every file below data/, sorted, so none is passed over unseen."""
    return sorted(p for p in data_dir.rglob("*") if p.is_file())


def parse_yaml(path: Path, rel: str) -> tuple[yaml.Node | None, list[Problem]]:
    """One YAML document as a node tree, or the problem that stopped it."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(rel, line, "encoding", f"not UTF-8 text (byte {raw[error.start]:#x}: {error.reason}); save the file as UTF-8")
        ]
    try:
        documents = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(rel, line, "yaml-syntax", f"YAML syntax error: {error.problem or error.context}")]
    documents = [d for d in documents if d is not None]
    if len(documents) != 1:
        return None, [Problem(rel, 1, "document", f"expected one YAML document, found {len(documents)}")]
    return documents[0], []


def load_entry(path: Path, rel: str) -> tuple[Entry | None, list[Problem]]:
    """Convert one file to an Entry against its kind's schema."""
    folder = path.parent.name
    kind = FOLDERS.get(folder)
    if path.suffix != ".yaml" or kind is None or path.parent.parent.name != "data":
        where = f"folder '{folder}'" if kind is None else f"suffix '{path.suffix}'"
        hint = "entries live in data/<kind>/<id>.yaml with kind one of " + ", ".join(sorted(FOLDERS))
        return None, [Problem(rel, 1, "location", f"unexpected file ({where}); {hint}")]
    node, problems = parse_yaml(path, rel)
    if node is None:
        return None, problems
    problems += schema_line(path, rel, kind.name)
    ctx = Ctx(rel)
    data = kind.spec.convert(node, ctx, "")
    if isinstance(data, Invalid):
        return None, ctx.problems
    if "id" in data and data["id"] != path.stem:
        ctx.problems.append(
            Problem(
                rel, _key_line(node, "id"), "id-mismatch", f"id: '{data['id']}' differs from the file name '{path.stem}'; make them equal"
            )
        )
    if ctx.problems or problems:
        return None, problems + ctx.problems
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return Entry(kind.name, data["id"], rel, node.start_mark.line + 1, data, lines), []


def schema_header(kind: str) -> str:
    """The first line of every data file: editors read the file's JSON Schema from it."""
    return f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"


def schema_line(path: Path, rel: str, kind: str) -> list[Problem]:
    with path.open("rb") as handle:
        first = handle.readline().decode("utf-8", "replace").rstrip("\r\n")
    if first == schema_header(kind):
        return []
    return [Problem(rel, 1, "schema-line", f"the first line must be '{schema_header(kind)}' so that editors check the file")]


def _key_line(node: yaml.MappingNode, key: str) -> int:
    for key_node, _ in node.value:
        if key_node.value == key:
            return key_node.start_mark.line + 1
    return node.start_mark.line + 1


def load_tree(root: Path) -> tuple[list[Entry], list[Problem]]:
    """Load every entry below root/data; return the good ones and all problems."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    data_dir = root / "data"
    if not data_dir.is_dir():
        return [], [Problem("data", 0, "location", f"no data/ folder in {root}")]
    for path in data_files(data_dir):
        entry, found = load_entry(path, path.relative_to(root).as_posix())
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    return entries, problems
