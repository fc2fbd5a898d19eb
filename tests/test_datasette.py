"""The published SQLite database and metadata.json served by the real Datasette, asked through its JSON API."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from acqkb.check import KnowledgeBase, build
from acqkb.records import claim_rows
from conftest import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(built_site: tuple[Path, str]) -> Iterator[str]:
    """`datasette serve` of the built api/v1/acqkb.sqlite with its metadata.json on 127.0.0.1; yields its base URL."""
    api = built_site[0] / "api" / "v1"
    port = free_port()
    command = [str(Path(sys.executable).parent / "datasette"), "serve", "-i", str(api / "acqkb.sqlite")]
    command += ["-m", str(api / "metadata.json"), "-h", "127.0.0.1", "-p", str(port)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_until_up(url: str, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"datasette exited: {process.stdout.read() if process.stdout else ''}")
        try:
            with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError("datasette did not start within 60 seconds")


def get(url: str, path: str, **params: str) -> Any:
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{url}{path}?{query}", timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build(REPO)[0]


def words(text: str) -> set[str]:
    """The tokens SQLite's unicode61 tokenizer makes: runs of letters and digits, case-folded."""
    return set(re.findall(r"[^\W_]+", text.casefold()))


def test_full_text_search_on_awards_returns_exactly_the_matching_awards(datasette: str, kb: KnowledgeBase) -> None:
    rows = get(datasette, "/acqkb/awards.json", _search="SpaceX", _shape="array", _size="max")
    expected = {
        e.id
        for e in kb.entries
        if e.kind == "award" and "spacex" in words(" ".join([e.title, *e.get("aliases", []), e.get("summary", ""), e.get("body", "")]))
    }
    assert {row["id"] for row in rows} == expected
    assert 3 <= len(expected) < len(kb.of_kind("award"))
    assert "sb-amti-spacex-2026" in expected


def test_full_text_search_on_claims_reaches_notes(datasette: str, kb: KnowledgeBase) -> None:
    rows = get(datasette, "/acqkb/claims.json", _search="Journal", _shape="array", _size="max")
    expected = [r for r in claim_rows(kb.entries) if "journal" in words(f"{r.columns['text'] or ''} {r.columns['note'] or ''}")]
    assert len(rows) == len(expected) > 0
    assert any(row["value_type"] == "money" and "Journal" in row["note"] for row in rows)


def test_facets_count_entries_by_kind_and_award_values_by_value_kind(datasette: str, kb: KnowledgeBase) -> None:
    kinds = get(datasette, "/acqkb/entries.json", _facet="kind", _size="0")["facet_results"]["kind"]["results"]
    assert {f["value"]: f["count"] for f in kinds} == Counter(e.kind for e in kb.entries)
    values = get(datasette, "/acqkb/award_values.json", _facet="value_kind", _size="0")["facet_results"]["value_kind"]["results"]
    expected = Counter(r.columns["value_kind"] for r in claim_rows(kb.of_kind("award")) if r.field == "value")
    assert {f["value"]: f["count"] for f in values} == expected
    assert expected["stated"] > 0 and expected["potential"] > 0


def test_award_details_view_joins_awardees_organization_program_and_instrument(datasette: str, kb: KnowledgeBase) -> None:
    award = kb.by_id["sb-amti-spacex-2026"]
    [row] = get(datasette, "/acqkb/award_details.json", id=award.id, _shape="array")
    assert json.loads(row["awardees"]) == [kb.by_id[ref.id].title for ref in award.get("awardees")]
    assert json.loads(row["awardee_ids"]) == ["spacex"]
    assert row["organization_title"] == kb.by_id[award.get("organization").id].title
    assert row["program_title"] == kb.by_id["sb-amti"].title
    assert row["instrument_title"] == kb.by_id[award.get("instrument").id].title
    assert row["date"] == "2026-05-29"
    values = get(datasette, "/acqkb/award_values.json", award=award.id, _shape="array", _sort="position")
    assert [(v["amount"], v["value_kind"]) for v in values] == [(c.value["amount"], c.value["kind"]) for c in award.get("value")]
    assert json.loads(values[0]["sources"]) == [ref.id for ref in award.get("value")[0].sources]


def test_datasette_serves_the_metadata(datasette: str, built_site: tuple[Path, str]) -> None:
    served = get(datasette, "/-/metadata.json")
    published = json.loads((built_site[0] / "api/v1/metadata.json").read_text(encoding="utf-8"))
    assert served["license"] == published["license"] == "see repository"
    assert served["databases"]["acqkb"]["tables"]["award_values"]["columns"]["value_kind"]
    assert served["source_url"] == published["source_url"]
