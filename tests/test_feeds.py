"""What's new, the Atom feeds and the calendars, read back with the clients subscribers use (feedparser, icalendar).

A fixture repository gets a git history with known days and messages (one of
them hostile); the feeds must list exactly those changes, dated by them. The
real data's feeds and calendars are parsed whole.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import feedparser
import icalendar
import pytest

from acqkb.check import KnowledgeBase, build
from acqkb.generate import generate
from acqkb.history import read_history
from acqkb.settings import read_settings
from acqkb.text import render, start_tags
from acqkb.views import changes as changes_module
from acqkb.views.calendar import calendar_files
from acqkb.views.changes import FEED_SIZE, clean
from acqkb.views.feeds import feed_files
from acqkb.views.timeline import event_date, program_events
from conftest import REPO, fixture_root

HOSTILE = "<script>alert(1)</script> & ]]> *not bold* [x](javascript:alert(1)) \x1b[31m"

SUBPROGRAM = """\
id: example-subprogram
title: Example Sub-program
summary: A made-up part of the example program.
status: development
parent: example-program
sources: [example-news]
as_of: 2026-01-15
"""
SUB_CORP = """\
id: example-sub-corp
title: Example Sub Corp
summary: A made-up company that belongs to Example Corp.
parent: example-corp
sources: [example-news]
as_of: 2026-01-15
"""
SUB_AWARD = """\
id: example-sub-award
title: Example sub-program award
summary: A made-up award for the sub-program.
status: reported
awardees: [example-sub-corp]
program: example-subprogram
date:
  - value: 2026-02
    sources: [example-news]
sources: [example-news]
as_of: 2026-01-15
"""
SUB_AWARD_EVENT = """\
id: example-sub-award-event
title: Example sub-program award announced
summary: A made-up announcement of the sub-program award.
state: happened
category: award
date:
  - value: 2026
    sources: [example-news]
awards: [example-sub-award]
sources: [example-news]
as_of: 2026-01-15
"""
GONE = """\
id: example-gone
title: Example Gone Corp
summary: A made-up company that is later removed.
sources: [example-news]
as_of: 2026-01-15
"""

# (day, message) of each commit, oldest first; the tests' expectations are written against these.
COMMITS = [
    ("2026-01-10", "Initial data"),
    ("2026-02-01", "Sub-program with its award, event and vendor"),
    ("2026-03-05", HOSTILE),
    ("2026-04-20", "Program summary reworded"),
    ("2026-04-20", "Vendor summary reworded"),
    ("2026-05-02", "Short-lived vendor added"),
    ("2026-05-09", "Short-lived vendor removed"),
]


def git(root: Path, *args: str, day: str = "2026-01-01") -> str:
    stamp = f"{day}T12:00:00+00:00"
    env = os.environ | {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    return subprocess.run(["git", "-C", str(root), *args], env=env, check=True, capture_output=True, text=True).stdout


def commit(root: Path, index: int) -> None:
    day, message = COMMITS[index]
    git(root, "add", "-A", "data")
    git(root, "commit", "-q", "-m", message, day=day)


def edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    path = root / "data" / rel
    kind = path.parent.name.removesuffix("s")
    path.write_text(f"# yaml-language-server: $schema=../../schema/{kind}.schema.json\n{text}", encoding="utf-8")


@pytest.fixture(scope="module")
def history_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid fixture data committed in seven steps on known days."""
    root = fixture_root(tmp_path_factory.mktemp("history"))
    git(root, "init", "-q", "-b", "main")
    commit(root, 0)
    write(root, "programs/example-subprogram.yaml", SUBPROGRAM)
    write(root, "vendors/example-sub-corp.yaml", SUB_CORP)
    write(root, "awards/example-sub-award.yaml", SUB_AWARD)
    write(root, "events/example-sub-award-event.yaml", SUB_AWARD_EVENT)
    commit(root, 1)
    edit(root / "data/sources/example-statute.yaml", "A made-up statute", "A made-up statute, reread")
    commit(root, 2)
    edit(root / "data/programs/example-program.yaml", "A made-up program.", "A made-up program, reworded.")
    commit(root, 3)
    edit(root / "data/vendors/example-corp.yaml", "A made-up company.", "A made-up company, reworded.")
    commit(root, 4)
    write(root, "vendors/example-gone.yaml", GONE)
    commit(root, 5)
    (root / "data/vendors/example-gone.yaml").unlink()
    commit(root, 6)
    counts, problems = generate(root)
    assert problems == [] and counts
    return root


def parse_feed(path: Path) -> feedparser.FeedParserDict:
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    return feed


def newest_first(*indexes: int) -> list[tuple[str, str]]:
    """The commits at these indexes as (day, message shown), newest first as git lists them."""
    return [(COMMITS[i][0], clean(COMMITS[i][1])) for i in sorted(indexes, reverse=True)]


def items(feed: feedparser.FeedParserDict) -> list[tuple[str, str]]:
    return [(entry.updated[:10], entry.title) for entry in feed.entries]


# The fixture history


def test_site_feed_lists_every_commit_newest_first_dated_by_it(history_root: Path) -> None:
    feed = parse_feed(history_root / "docs/feed.xml")
    assert items(feed) == newest_first(0, 1, 2, 3, 4, 5, 6)
    assert [entry.published[:10] for entry in feed.entries] == [day for day, _ in newest_first(0, 1, 2, 3, 4, 5, 6)]
    assert feed.feed.updated[:10] == "2026-05-09"
    base = read_settings(history_root).base
    assert feed.feed.link == base + "views/whats-new/"
    assert all(entry.link.startswith(base) for entry in feed.entries)
    assert len({entry.id for entry in feed.entries}) == len(COMMITS)
    assert all(entry.id.startswith("urn:uuid:") for entry in feed.entries)


def test_a_program_feed_has_the_program_its_subprograms_their_awards_and_events(history_root: Path) -> None:
    feed = parse_feed(history_root / "docs/feeds/programs/example-program.xml")
    assert items(feed) == newest_first(0, 1, 3)  # not the source, the vendor or the short-lived vendor
    initial = feed.entries[-1].content[0].value
    assert "Example Program (program)" in initial and "Example award (award)" in initial and "Example event (event)" in initial
    assert "Example Corp" not in initial and "Example news report" not in initial
    assert feed.entries[0].link == read_settings(history_root).base + "programs/example-program/"  # one entry: its page
    sub = parse_feed(history_root / "docs/feeds/programs/example-subprogram.xml")
    assert items(sub) == newest_first(1)
    assert "Example sub-program award announced (event)" in sub.entries[0].content[0].value


def test_a_vendor_feed_has_the_vendor_its_companies_and_their_awards(history_root: Path) -> None:
    feed = parse_feed(history_root / "docs/feeds/vendors/example-corp.xml")
    assert items(feed) == newest_first(0, 1, 4)
    added = feed.entries[1].content[0].value
    assert "Example Sub Corp (vendor)" in added and "Example sub-program award (award)" in added
    assert "Example Sub-program (program)" not in added
    assert not (history_root / "docs/feeds/vendors/example-gone.xml").exists()


def test_no_date_is_the_build_time(history_root: Path) -> None:
    days = {day for day, _ in COMMITS}
    for path in [history_root / "docs/feed.xml", *(history_root / "docs/feeds").rglob("*.xml")]:
        feed = parse_feed(path)
        stamps = {feed.feed.updated[:10]} | {e.updated[:10] for e in feed.entries} | {e.published[:10] for e in feed.entries}
        assert stamps <= days, path


def test_entry_ids_survive_a_new_commit(history_root: Path, tmp_path: Path) -> None:
    before = {e.title: e.id for e in parse_feed(history_root / "docs/feed.xml").entries}
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(history_root), str(clone)], check=True)
    edit(clone / "data/programs/example-program.yaml", "reworded.", "reworded again.")
    git(clone, "commit", "-q", "-am", "Program reworded again", day="2026-06-01")
    assert generate(clone)[1] == []
    after = {e.title: e.id for e in parse_feed(clone / "docs/feed.xml").entries}
    assert {title: after[title] for title in before} == before
    assert len(after) == len(before) + 1


def test_a_hostile_commit_message_stays_text(history_root: Path) -> None:
    shown = clean(HOSTILE)
    assert "\\x1b" in shown and "\x1b" not in shown
    feed = parse_feed(history_root / "docs/feed.xml")
    assert shown in [entry.title for entry in feed.entries]
    raw = (history_root / "docs/feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in raw and "&lt;script&gt;" in raw
    page = (history_root / "docs/views/whats-new.md").read_text(encoding="utf-8")
    rendered = render(page.split("---", 2)[2])
    assert [tag for tag, _ in start_tags(rendered) if tag == "script"] == []
    assert not any(dict(attrs).get("href", "").startswith("javascript") for _, attrs in start_tags(rendered))
    assert shown in html.unescape(re.sub(r"<[^>]+>", "", rendered))


def test_whats_new_lists_commits_by_day_with_their_entries(history_root: Path) -> None:
    page = (history_root / "docs/views/whats-new.md").read_text(encoding="utf-8")
    assert "commit to the data in the site's repository" in page
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    assert headings[:6] == ["9 May 2026", "2 May 2026", "20 April 2026", "5 March 2026", "1 February 2026", "10 January 2026"]
    assert page.index("Vendor summary reworded") < page.index("Program summary reworded")  # git's order within a day
    assert "1 file no longer in the data" in page
    assert "[Example Sub-program](../programs/example-subprogram.md)" in page
    assert "[changes](../feeds/programs/example-program.xml)" in page and "[changes](../feeds/vendors/example-corp.xml)" in page


def test_a_long_list_of_entries_is_shortened_with_a_count(history_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb, _ = build(history_root)
    kb.history = read_history(history_root)
    monkeypatch.setattr(changes_module, "SHOWN", 3)
    page = changes_module.whats_new_page(kb)
    initial = next(line for line in page.splitlines() if line.startswith("  10 entries"))
    assert initial.count("](../") == 3 and initial.endswith(" and 7 more.")


# Without git


@pytest.fixture(scope="module")
def plain_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data outside any repository, one entry carrying a history line."""
    root = fixture_root(tmp_path_factory.mktemp("plain"))
    edit(
        root / "data/programs/example-program.yaml",
        "as_of: 2026-01-15",
        "as_of: 2026-01-15\nhistory:\n  - date: 2026-01-10\n    change: Renamed",
    )
    assert generate(root)[1] == []
    return root


def test_without_git_the_page_says_so_and_dates_come_from_the_entries(plain_root: Path) -> None:
    assert not read_history(plain_root).available
    page = (plain_root / "docs/views/whats-new.md").read_text(encoding="utf-8")
    assert "built without its git history" in page and "`as_of`" in page and "`history`" in page
    feed = parse_feed(plain_root / "docs/feed.xml")
    assert items(feed) == [("2026-01-15", "checked against their sources (as_of)"), ("2026-01-10", "Example Program: Renamed")]
    program = parse_feed(plain_root / "docs/feeds/programs/example-program.xml")
    assert [title for _, title in items(program)] == ["checked against their sources (as_of)", "Example Program: Renamed"]
    assert "Example event (event)" in program.entries[0].content[0].value


# The real data


@pytest.fixture(scope="module")
def real() -> tuple[KnowledgeBase, dict[str, str | bytes]]:
    """The real data's feeds and calendars, with the settings and history the generator gives them."""
    kb, problems = build(REPO)
    assert problems == []
    kb.settings = read_settings(REPO)
    kb.history = read_history(REPO)
    return kb, feed_files(kb) | calendar_files(kb)


def test_every_real_feed_parses_and_follows_the_history(real: tuple[KnowledgeBase, dict[str, str | bytes]]) -> None:
    kb, files = real
    feeds = {path: feedparser.parse(data) for path, data in files.items() if path.endswith(".xml")}
    assert len(feeds) == 1 + len(kb.of_kind("program")) + len(kb.of_kind("vendor"))
    commits = {(c.day.isoformat(), clean(c.message)) for c in kb.history.commits}
    for path, feed in feeds.items():
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        dated = items(feed)
        assert dated == sorted(dated, key=lambda item: item[0], reverse=True), path
        if kb.history.available:
            assert set(dated) <= commits, path
        assert all(entry.link.startswith(kb.settings.base) for entry in feed.entries), path
    if kb.history.available:
        expected = [(c.day.isoformat(), clean(c.message)) for c in kb.history.commits][:FEED_SIZE]
        assert items(feeds["feed.xml"]) == expected


def ics_files(files: dict[str, str | bytes]) -> dict[str, bytes]:
    return {path: data for path, data in files.items() if path.endswith(".ics") and isinstance(data, bytes)}


def test_every_real_calendar_parses_with_one_day_labelled_events(real: tuple[KnowledgeBase, dict[str, str | bytes]]) -> None:
    kb, files = real
    calendars = ics_files(files)
    assert "calendar/acqkb.ics" in calendars
    assert set(calendars) == {"calendar/acqkb.ics"} | {f"calendar/{p.id}.ics" for p in kb.of_kind("program") if program_events(p, kb)}
    labelled = 0
    for path, data in calendars.items():
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            start, end = event.decoded("DTSTART"), event.decoded("DTEND")
            assert not isinstance(start, datetime) and end - start == timedelta(days=1), (path, event["UID"])
            entry = kb.by_id[str(event["UID"]).removesuffix("@acqkb")]
            when = event_date(entry)
            assert start == when.start()
            summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
            if when.precision != "day":
                assert f"date known to the {when.precision}: {when.label()})" in summary, summary
                labelled += 1
            assert f"known only to the {when.precision}" in description if when.precision != "day" else "known to the day" in description
            for claim in entry.get("date"):
                assert all(kb.by_id[ref.id].title in description for ref in claim.sources)
            assert str(event["STATUS"]) == ("TENTATIVE" if entry.get("state") == "planned" else "CONFIRMED")
            stamp = event.decoded("DTSTAMP").date()
            assert stamp == (kb.history.changed(entry.path) or entry.get("as_of").start()), (path, event["UID"])
    assert labelled > 0, "the real data has events known only to the month, quarter or year"


def test_every_calendar_line_fits_75_octets(real: tuple[KnowledgeBase, dict[str, str | bytes]]) -> None:
    folded = 0
    for path, data in ics_files(real[1]).items():
        lines = data.split(b"\r\n")
        assert lines[-1] == b"" and b"\n" not in b"".join(lines), path
        assert all(len(line) <= 75 for line in lines), (path, max(lines, key=len))
        folded += sum(line.startswith(b" ") for line in lines)
    assert folded > 0


def test_the_overall_calendar_holds_every_event_once(real: tuple[KnowledgeBase, dict[str, str | bytes]]) -> None:
    kb, files = real
    parsed = icalendar.Calendar.from_ical(files["calendar/acqkb.ics"])
    uids = [str(e["UID"]) for e in parsed.walk("VEVENT")]
    assert sorted(uids) == sorted(f"{e.id}@acqkb" for e in kb.of_kind("event"))
    for program in kb.of_kind("program"):
        events = program_events(program, kb)
        if events:
            one = icalendar.Calendar.from_ical(files[f"calendar/{program.id}.ics"])
            assert sorted(str(e["UID"]) for e in one.walk("VEVENT")) == sorted(f"{e.id}@acqkb" for e in events)


def test_a_quarter_event_is_one_labelled_tentative_day(plain_root: Path) -> None:
    parsed = icalendar.Calendar.from_ical((plain_root / "docs/calendar/example-program.ics").read_bytes())
    (event,) = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Example event (planned; date known to the quarter: Q4 2028)"
    assert event.decoded("DTSTART") == date(2028, 10, 1) and event.decoded("DTEND") == date(2028, 10, 2)
    assert str(event["STATUS"]) == "TENTATIVE"
    assert "Source: Example news report (Q4 2028)." in str(event["DESCRIPTION"])
    assert event.decoded("DTSTAMP").date() == date(2026, 1, 15)  # its as_of: this copy has no git history
