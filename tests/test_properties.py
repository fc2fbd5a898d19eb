"""Generated cases: no input makes `acqkb validate` raise, and every valid entry round-trips.

Hypothesis writes random YAML text and random YAML trees into a data file and
checks that validation returns problems instead of raising; it also builds
valid entries of several kinds and checks that load -> JSON export -> YAML ->
load gives the same data.
"""

from __future__ import annotations

import json
import shutil
import string
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acqkb.check import build
from acqkb.export import to_plain
from acqkb.load import load_entry, schema_header
from conftest import CASES

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADER = schema_header("vendor") + "\n"


def fresh_root(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(CASES / "valid" / "data", root / "data")
    return root


def validate_text(root: Path, text: str) -> None:
    """Validation of one file holding `text` returns problems or a base; it never raises."""
    (root / "data" / "vendors" / "fuzz.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    kb, problems = build(root)
    assert kb is not None and isinstance(problems, list)


yaml_tokens = st.sampled_from(
    ["id:", "title:", "summary:", "sources:", "as_of:", "aliases:", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "!x ",
     "|", ">-", "\n", "  ", ": ", "'", '"', "\\x00", "\\u202e", "2026-13-45", "1e400", ".inf", "0100", "1:30", "yes",
     "example-news", "<script>", "[x](javascript:alert(1))", "{: onclick=x}", "--8<--", "\t", "#", "%YAML 1.1\n---\n"]
)  # fmt: skip


@SETTINGS
@given(st.lists(st.one_of(yaml_tokens, st.text(max_size=12)), max_size=40))
def test_random_yaml_text_never_raises(tmp_path: Path, parts: list[str]) -> None:
    root = fresh_root(tmp_path, "text")
    validate_text(root, HEADER + "".join(parts))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30), st.dates()
)
trees = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=25
)
known_keys = st.sampled_from(
    ["id", "title", "summary", "sources", "as_of", "aliases", "body", "facts", "tags", "related", "parent", "history"]
)


@SETTINGS
@given(st.dictionaries(known_keys, trees, max_size=8))
def test_random_trees_never_raise(tmp_path: Path, tree: dict[str, Any]) -> None:
    root = fresh_root(tmp_path, "tree")
    validate_text(root, HEADER + yaml.safe_dump(tree, allow_unicode=True))


words = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=9)
sentences = st.lists(words, min_size=1, max_size=12).map(lambda w: " ".join(w).capitalize() + ".")
day = st.dates(min_value=__import__("datetime").date(1990, 1, 1), max_value=__import__("datetime").date(2025, 12, 31))


def claim(value: Any) -> dict[str, Any]:
    return {"value": value, "sources": ["example-news"]}


@st.composite
def programs(draw: st.DrawFn) -> dict[str, Any]:
    """A valid program entry with money, counts, phases and facts."""
    start = draw(day)
    record: dict[str, Any] = {
        "id": "generated",
        "title": draw(sentences).rstrip("."),
        "summary": draw(sentences),
        "status": draw(st.sampled_from(["concept", "planned", "development", "production", "operational", "cancelled"])),
        "cost": [claim({"amount": draw(st.integers(0, 10**15)), "kind": draw(st.sampled_from(["estimate", "requested", "appropriated"]))})],
        "satellites": [claim({"count": draw(st.integers(0, 10**9)), "qualifier": "about"})],
        "phases": [claim({"name": draw(words), "start": start.isoformat(), "end": draw(st.integers(start.year, 2100))})],
        "facts": [claim(draw(sentences)) for _ in range(draw(st.integers(0, 3)))],
        "aliases": draw(st.lists(sentences, max_size=3, unique=True)),
        "sources": ["example-news"],
        "as_of": draw(day).isoformat(),
    }
    if not record["facts"]:
        del record["facts"]
    return record


@SETTINGS
@given(programs())
def test_every_valid_program_round_trips_through_the_json_export(tmp_path: Path, record: dict[str, Any]) -> None:
    path = tmp_path / "data" / "programs" / "generated.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = schema_header("program") + "\n" + yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    entry, problems = load_entry(path, "data/programs/generated.yaml")
    assert problems == [] and entry is not None
    exported = json.loads(json.dumps(to_plain(entry.data), allow_nan=False))
    path.write_text(schema_header("program") + "\n" + yaml.safe_dump(exported, allow_unicode=True, sort_keys=False), encoding="utf-8")
    again, problems = load_entry(path, "data/programs/generated.yaml")
    assert problems == [] and again is not None
    assert to_plain(again.data) == exported
    assert to_plain(again.data) == to_plain(entry.data)
