"""Read data/ into entries: safe YAML, positions kept, every problem collected.

Nothing here raises for bad data. Each problem becomes a Problem with the
file's path relative to the repository root and a 1-based line (0 for a whole
folder). YAML is composed by libyaml (PyYAML's C binding), which is about ten
times faster than the pure-Python composer and refuses nesting past 1,000
levels by itself.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import zip_longest
from pathlib import Path

import yaml

from acqkb import forked, serving
from acqkb.model import FOLDERS, Entry
from acqkb.problems import Problem
from acqkb.schema import STR_TAG, Ctx, Invalid
from acqkb.text import invisible_problem

MAX_BYTES = 256 * 1024
PARALLEL_FROM = 500  # files; below this, starting a second process costs more than it saves
# & or * at the start of a line or after a space or flow indicator (found by look-behind: an alternation
# tried at every character took a tenth of loading).
ANCHOR_OR_ALIAS = re.compile(r"(?<![^\s\[{,:-])[&*][^\s\[\]{},]+")
_PLAIN_TAGS: dict[str, str] = {}  # tag of each short plain scalar seen: keys, ids, dates and words recur in every file


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader, remembering what tag each short plain scalar resolves to.

    PyYAML resolves every plain scalar by trying its regular expressions in Python, which took half
    of composing. With no path resolvers (the safe loader has none) the tag of a plain scalar
    depends on its text alone, so the answer can be kept.
    """

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if not implicit[0]:  # quoted or a block scalar: always text
            return STR_TAG
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 64:
                _PLAIN_TAGS[value] = tag
        return tag


def walk(folder: Path, root: Path) -> tuple[list[Path], list[Problem]]:
    """Regular files below a folder, sorted; links, devices, pipes and folders named like files are problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    try:
        items = sorted(os.scandir(folder), key=lambda item: item.name)
    except OSError as error:
        return [], [Problem(rel_path(folder, root), 0, "unreadable", f"cannot read this folder ({error.strerror})")]
    for item in items:  # the DirEntry tests use the type the directory listing gives, without a system call each
        path = Path(item.path)
        if item.is_symlink():
            problems.append(
                Problem(rel_path(path, root), 0, "symlink", "a symbolic link, not followed; put the entry file itself in data/")
            )
        elif item.is_dir(follow_symlinks=False) and item.name.endswith(".yaml"):
            message = "a folder named like an entry file; entries are files, data/<kind>/<id>.yaml"
            problems.append(Problem(rel_path(path, root), 0, "location", message))
        elif item.is_dir(follow_symlinks=False):
            found, more = walk(path, root)
            files += found
            problems += more
        elif item.is_file(follow_symlinks=False):
            files.append(path)
        else:
            rel = rel_path(path, root)
            problems.append(Problem(rel, 0, "not-a-file", "not a regular file (a pipe, socket or device), not read"))
    return files, problems


def rel_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def read_bytes(path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or the problem that kept them unread (too large, unreadable)."""
    try:  # os.read: no buffered file object to build for a file read once, whole
        descriptor = os.open(path, os.O_RDONLY)
        try:
            raw = os.read(descriptor, MAX_BYTES + 1)
        finally:
            os.close(descriptor)
    except OSError as error:
        return None, [Problem(rel, 1, "unreadable", f"cannot read this file ({error.strerror})")]
    if len(raw) > MAX_BYTES:
        size = path.stat().st_size
        return None, [Problem(rel, 1, "too-large", f"{size:,} bytes; an entry file is at most {MAX_BYTES:,} bytes")]
    return raw, []


def read_text(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """The bytes as checked text: UTF-8, no invisible or control characters."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(rel, line, "encoding", f"not UTF-8 text (byte {raw[error.start]:#x}: {error.reason}); save the file as UTF-8")
        ]
    lines = text.replace("\r\n", "\n")
    if invisible_problem(lines, multiline=True) is None:
        return text, []
    problems = []
    for number, line in enumerate(lines.split("\n"), 1):
        problem = invisible_problem(line)
        if problem:
            problems.append(Problem(rel, number, "control-char", f"this line {problem}"))
    return (None if problems else text), problems


def yaml_error(error: yaml.YAMLError, rel: str, text: str) -> Problem:
    """A YAML error as a problem at its line."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return Problem(rel, line, "yaml-syntax", f"YAML syntax error: {error.problem or error.context}")
    position = getattr(error, "position", 0) or 0
    return Problem(rel, text.count("\n", 0, position) + 1, "yaml-syntax", f"YAML error: {error}".split("\n")[0])


def anchors(text: str, rel: str) -> list[Problem]:
    """Anchors and aliases are refused: they let a small file expand to a huge one, and entries never need them."""
    if ("&" not in text and "*" not in text) or not ANCHOR_OR_ALIAS.search(text):
        return []
    problems = []
    for event in yaml.parse(text, Loader=_Loader):
        name = getattr(event, "anchor", None)
        if name is not None:
            what = "alias" if isinstance(event, yaml.AliasEvent) else "anchor"
            sign = "*" if what == "alias" else "&"
            problems.append(
                Problem(rel, event.start_mark.line + 1, what, f"YAML {what} '{sign}{name}'; write the value out instead of {what}ing it")
            )
    return problems


def single_document(text: str) -> list[yaml.Node]:
    """The documents of a text: one C call for the usual single document, all of them only when there are more."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.composer.ComposerError as error:
        if "single document" not in str(error.context):
            raise
        return [d for d in yaml.compose_all(text, Loader=_Loader) if d is not None]
    finally:
        loader.dispose()
    return [node] if node is not None else []


def parse_yaml(text: str, rel: str) -> tuple[yaml.Node | None, list[Problem]]:
    """One YAML document as a node tree, or the problems that stopped it."""
    try:
        documents = single_document(text)
        problems = anchors(text, rel)
    except yaml.YAMLError as error:
        return None, [yaml_error(error, rel, text)]
    if problems:
        return None, problems
    if len(documents) != 1:
        line = documents[1].start_mark.line + 1 if len(documents) > 1 else 1
        return None, [Problem(rel, line, "document", f"expected one YAML document, found {len(documents)}")]
    return documents[0], []


def schema_header(kind: str) -> str:
    """The first line of every data file: editors read the file's JSON Schema from it."""
    return f"# yaml-language-server: $schema=../../schema/{kind}.schema.json"


def schema_line(text: str, rel: str, kind: str) -> list[Problem]:
    first = text.split("\n", 1)[0].rstrip("\r")
    if first == schema_header(kind):
        return []
    return [Problem(rel, 1, "schema-line", f"the first line must be '{schema_header(kind)}' so that editors check the file")]


def location_problem(path: Path, rel: str) -> Problem | None:
    folder = path.parent.name
    kind = FOLDERS.get(folder)
    if path.suffix == ".yaml" and kind is not None and path.parent.parent.name == "data":
        return None
    where = f"folder '{folder}'" if kind is None else f"suffix '{path.suffix}'"
    hint = "entries live in data/<kind>/<id>.yaml with kind one of " + ", ".join(sorted(FOLDERS))
    return Problem(rel, 1, "location", f"unexpected file ({where}); {hint}")


# The last result for each file, with the bytes it came from: `mkdocs serve` rebuilds after every
# edit, and re-reading only the files whose bytes changed keeps that quick.
_LOADED: dict[str, tuple[bytes, Entry | None, list[Problem]]] = {}


def load_entry(path: Path, rel: str) -> tuple[Entry | None, list[Problem]]:
    """Convert one file to an Entry against its kind's schema (again only when its bytes changed)."""
    misplaced = location_problem(path, rel)
    if misplaced:
        return None, [misplaced]
    raw, problems = read_bytes(path, rel)
    if raw is None:
        return None, problems
    key = f"{path}\0{rel}"
    cached = _LOADED.get(key)
    if cached and cached[0] == raw:
        return cached[1], list(cached[2])
    entry, problems = _load_entry(path, rel, raw)
    _LOADED[key] = (raw, entry, problems)
    return entry, list(problems)


def _load_entry(path: Path, rel: str, raw: bytes) -> tuple[Entry | None, list[Problem]]:
    kind = FOLDERS[path.parent.name]
    text, problems = read_text(raw, rel)
    if text is None:
        return None, problems
    node, problems = parse_yaml(text, rel)
    if node is None:
        return None, problems
    problems = schema_line(text, rel, kind.name)
    ctx = Ctx(rel)
    data = kind.spec.convert(node, ctx, "")
    if isinstance(data, Invalid):
        return None, problems + ctx.problems
    if "id" in data and data["id"] != path.stem:
        message = f"id: '{data['id']}' differs from the file name '{path.stem}'; make them equal"
        ctx.problems.append(Problem(rel, _key_line(node, "id"), "id-mismatch", message))
    if ctx.problems or problems:
        return None, problems + ctx.problems
    lines = {key.value: key.start_mark.line + 1 for key, _ in node.value}
    return Entry(kind.name, data["id"], rel, node.start_mark.line + 1, data, lines), []


def _key_line(node: yaml.MappingNode, key: str) -> int:
    for key_node, _ in node.value:
        if key_node.value == key:
            return key_node.start_mark.line + 1
    return node.start_mark.line + 1


def load_tree(root: Path) -> tuple[list[Entry], list[Problem]]:
    """Load every entry below root/data; return the good ones and all problems."""
    data_dir = root / "data"
    if data_dir.is_symlink() or not data_dir.is_dir():
        return [], [Problem("data", 0, "location", "no data/ folder here; entries live in data/<kind>/<id>.yaml")]
    files, problems = walk(data_dir, root)
    if not files and not problems:
        return [], [Problem("data", 0, "empty-data", "data/ holds no entry files; add entries with `acqkb new`")]
    entries, found = load_files(files, root)
    return entries, problems + found


def load_files(files: list[Path], root: Path) -> tuple[list[Entry], list[Problem]]:
    """Load files in order; from PARALLEL_FROM files on, a forked second process loads every other file.

    Loading is nearly all of `acqkb validate` (the YAML composer and the schema conversion) and is
    independent per file, so two cores nearly halve it. Taking every other file rather than the
    second half gives both processes a like share of each kind (files of one kind differ in size
    several times over). Inside MkDocs loading stays in one process: serving, it has threads to fork
    and a cache of unchanged files; building, its heap is large, and forking it cost more CPU (0.2 to
    0.3 s, as both processes copy the pages they write) than the wall time it saved (0.05 to 0.2 s
    of a build of about 25 s).
    """
    with collection_paused():
        if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2 or serving.BUILDER:
            return merged(load_each(files, root))
        odd = forked.start(load_each, files[1::2], root)
        even = load_each(files[::2], root)
        return merged([result for pair in zip_longest(even, odd()) for result in pair if result is not None])


@contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cycle collector: loading makes no cycles, and with every entry kept alive its
    passes over the growing heap took a sixth of the time (measured: 0.75 s to 0.65 s for 1,452 files)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_each(files: list[Path], root: Path) -> list[tuple[Entry | None, list[Problem]]]:
    """Load each file, and find what later checks need of each entry alone, where the work is shared out."""
    results = [load_entry(path, rel_path(path, root)) for path in files]
    for entry, _ in results:
        if entry is not None:
            entry.refs, entry.capitalised  # noqa: B018 - computed here, carried back with the entry
    return results


def merged(results: list[tuple[Entry | None, list[Problem]]]) -> tuple[list[Entry], list[Problem]]:
    """The entries loaded and every problem found, in file order."""
    entries = [entry for entry, _ in results if entry is not None]
    return entries, [problem for _, found in results for problem in found]
