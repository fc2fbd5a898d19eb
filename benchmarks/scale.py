"""Scale benchmark: validation, generation, the site build against plain MkDocs, size, memory, the edit loop
and search, on synthetic knowledge bases of 100 and 1,000 entries (and 10,000 with --full).

For each size it measures, in the same run:
- `acqkb validate` from a cold start (a new process each time): seconds and entries per second, the
  fastest of as many runs as builds (--builds);
- `acqkb build` (the generator alone): seconds;
- `mkdocs build --strict` CPU seconds, and the same for plain MkDocs + Material building the very same
  generated Markdown without the hook and without the glossary tooltips (the baseline): their ratio.
  The two builds alternate, three times each (--builds). The ratio is of their total CPU time over all the
  builds; the ratio of each one's lowest is printed beside it. On a shared machine the speed of the CPU
  changes from one second to the next (a fixed loop of about a second took 0.64 to 1.25 s in one minute),
  so the lowest of a few builds depends on which one ran in more of the fast stretches; the totals of
  alternating builds share them out more evenly;
- the built site's bytes per entry, and the search index's;
- the build's peak memory (maximum resident set size);
- under `mkdocs serve --dirty`, the seconds from saving an edit to one entry to the new text on its
  page, median of three edits (with --serve, or --full);
- in headless Chromium, the seconds from the page's load event to the first result of a typed query, and
  the share of holdout-style queries (the names of eight entries picked at random) whose first result is
  that entry.
Figures are printed, never asserted: ratios against the baseline of the same run compare across machines.
With --real, the repository's own entries are measured the same way first (built in place, with their git
history; the edited file is put back).
Usage: python benchmarks/scale.py [--real] [--full] [--serve] [--sizes 100,1000 | --sizes none] [--builds 3]
"""

from __future__ import annotations

import argparse
import html
import itertools
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

from synthetic import write_synthetic  # noqa: E402

from acqkb.minify import ABBREVIATION  # noqa: E402  (a tooltip: <abbr title="...">OTA</abbr>)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILDS = 3  # of each site, alternating (--builds)


@dataclass
class Run:
    """What one command cost: wall and CPU seconds, peak memory in MB."""

    wall: float
    cpu: float
    peak_mb: float


def run(command: list[str], cwd: Path) -> Run:
    """Run a command to completion and measure it (wait4 gives that child's own CPU time and peak memory)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def site_root(root: Path) -> None:
    """The repository's mkdocs.yml (hook by absolute path), hand-written docs and overrides around root/data."""
    from conftest import site_root as make_root

    make_root(root / "data", root)


def plain_copy(root: Path, plain: Path) -> None:
    """The baseline: the same generated Markdown without the glossary, built without the hook.

    Without the glossary means without the generated pages' tooltips (an <abbr> around an abbreviation
    that includes/abbreviations.md defines) and without the hand-written pages' snippet line."""
    shutil.copytree(root / "docs", plain / "docs")
    shutil.copytree(root / "overrides", plain / "overrides")
    glossary = (root / "docs" / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    defined = set(re.findall(r"(?m)^\*\[([^\]]+)\]: ", glossary))

    def untagged(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        return name if name in defined else match.group(0)

    for page in (plain / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        stripped = ABBREVIATION.sub(untagged, text).replace('--8<-- "abbreviations.md"', "")
        if stripped != text:
            page.write_text(stripped, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"hooks:\n(  - [^\n]+\n)+", "", config)
    config = re.sub(r"watch:\n(  - [^\n]+\n)+", "", config)
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def edit_loop(root: Path, entry: str, port: int = 8765, edits: int = 3) -> float:
    """Median seconds from saving an edit of one entry's summary to the new text on its page under `mkdocs serve --dirty`.

    entry is the entry's folder and id ("programs/pwsa"); its file is put back as it was afterwards.
    """
    command = [str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    target = root / "data" / f"{entry}.yaml"
    original = target.read_bytes()
    server = subprocess.Popen(command, cwd=root, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in server.stdout:
            if "Serving on" in line:
                break
        threading_drain(server)
        url = f"http://127.0.0.1:{port}/{entry}/"
        times = []
        for number in range(edits):
            time.sleep(1.5)
            marker = f"edited-{number}-{time.time_ns()}"
            text = re.sub(r"(?m)^summary: .*$", f"summary: Edited {marker}.", original.decode("utf-8"), count=1)
            start = time.perf_counter()
            target.write_text(text, encoding="utf-8")
            while marker not in fetch(url) and time.perf_counter() - start < 300:
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        target.write_bytes(original)
        server.terminate()
        server.wait(timeout=30)


def threading_drain(process: subprocess.Popen) -> None:
    import threading

    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def first_result(site: Path, query: str) -> float:
    """Seconds from the home page's load event to the first search result for a typed query, in headless Chromium."""
    from conftest import serve
    from sitesearch import RESULT_LINKS, chromium

    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/", wait_until="load")
        start = time.perf_counter()
        page.locator("input.md-search__input").click()
        page.keyboard.type(query)
        page.locator(RESULT_LINKS).first.wait_for(timeout=120_000)
        return time.perf_counter() - start


def name_queries(root: Path, per_kind: int = 2, seed: int = 11) -> dict[str, str]:
    """Holdout-style queries: the names of a few entries picked at random (a term by its abbreviation), each
    with the page that should come first."""
    import yaml

    picker, queries = random.Random(seed), {}
    for folder in ("programs", "instruments", "awards", "terms"):
        files = sorted((root / "data" / folder).glob("*.yaml"))
        for path in picker.sample(files, min(per_kind, len(files))):
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            queries[str(record.get("abbreviation") or record["title"])] = f"/{folder}/{path.stem}/"
    return queries


def name_hits(site: Path, queries: dict[str, str]) -> float:
    """The share of name queries whose first result, typed into the search box in Chromium, is the expected page."""
    from conftest import serve
    from sitesearch import chromium, site_search

    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        hits = [(site_search(page, base, query) or [""])[0] == expected for query, expected in queries.items()]
    return sum(hits) / len(hits)


@dataclass
class Row:
    size: int
    label: str = ""
    figures: dict[str, float] = field(default_factory=dict)


def measure(size: int, serve_too: bool, builds: int) -> Row:
    """A synthetic knowledge base of about `size` entries, measured in a temporary folder."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        written = write_synthetic(root, size)
        site_root(root)
        return measure_root(Row(written, str(written)), root, Path(tmp), serve_too, "programs/program-0", builds)


def measure_real(serve_too: bool, builds: int) -> Row:
    """The repository's own knowledge base, in place (with its git history); the site is built to a temporary folder."""
    count = sum(1 for _ in (REPO / "data").rglob("*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        return measure_root(Row(count, f"real {count}"), REPO, Path(tmp), serve_too, "programs/pwsa", builds)


def measure_root(row: Row, root: Path, tmp: Path, serve_too: bool, entry: str, builds: int = BUILDS) -> Row:
    plain = tmp / "plain"
    acqkb = [str(BIN / "acqkb"), "--root", str(root)]
    validate = min((run([*acqkb, "validate"], root) for _ in range(builds)), key=lambda r: r.wall)
    row.figures |= {"validate s": validate.wall, "entries/s": row.size / validate.wall}
    row.figures["generate s"] = run([*acqkb, "build"], root).wall
    plain_copy(root, plain)
    mkdocs = str(BIN / "mkdocs")
    ours_runs, baseline_runs = [], []
    for _ in range(builds):
        ours_runs.append(run([mkdocs, "build", "--strict", "-d", str(tmp / "site")], root))
        baseline_runs.append(run([mkdocs, "build", "--strict", "-d", str(tmp / "plain-site")], plain))
    ours, baseline = [r.cpu for r in ours_runs], [r.cpu for r in baseline_runs]
    row.figures |= {
        "build cpu s": statistics.mean(ours),
        "plain cpu s": statistics.mean(baseline),
        "ratio": sum(ours) / sum(baseline),
        "lowest ratio": min(ours) / min(baseline),
        "peak MB": max(r.peak_mb for r in ours_runs),
    }
    site = tmp / "site"
    row.figures["KB/entry"] = folder_bytes(site) / row.size / 1024
    row.figures["index KB/entry"] = (site / "search" / "search_index.json").stat().st_size / row.size / 1024
    row.figures["first result s"] = first_result(site, "program")
    row.figures["names top-1"] = name_hits(site, name_queries(root))
    if serve_too:
        row.figures["edit s"] = edit_loop(root, entry)
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="add the 10,000-entry size and the edit loop")
    parser.add_argument("--serve", action="store_true", help="measure the edit loop under mkdocs serve")
    parser.add_argument("--sizes", default="", help="comma-separated sizes, e.g. 100,1000; none for the real data alone")
    parser.add_argument("--builds", type=int, default=BUILDS, help="builds of each site, alternating; their total CPU times give the ratio")
    parser.add_argument("--real", action="store_true", help="add the repository's own knowledge base (built in place)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.isdigit()] or (
        [] if args.sizes == "none" else [100, 1000, 10000] if args.full else [100, 1000]
    )
    serve_too = args.serve or args.full
    measures = [lambda: measure_real(serve_too, args.builds)] if args.real else []
    measures += [lambda size=size: measure(size, serve_too, args.builds) for size in sizes]
    rows, names = [], []
    for take in measures:  # each row printed as soon as it is measured
        rows.append(take())
        if not names:
            names = list(rows[0].figures)
            print(f"{'entries':>10} " + " ".join(f"{n:>14}" for n in names), flush=True)
        print(f"{rows[-1].label:>10} " + " ".join(f"{rows[-1].figures.get(n, float('nan')):>14.2f}" for n in names), flush=True)
    synthetic = rows[1:] if args.real else rows
    for small, large in itertools.pairwise(synthetic):
        growth = large.size / small.size
        totals = {"validate": "validate s", "generate": "generate s", "build": "build cpu s", "memory": "peak MB"}
        ratios = [f"{name} x{large.figures[key] / small.figures[key]:.1f}" for name, key in totals.items()]
        output = (large.figures["KB/entry"] * large.size) / (small.figures["KB/entry"] * small.size)
        print(f"{small.size} -> {large.size} entries (x{growth:.1f}): {', '.join(ratios)}, output x{output:.1f}")
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
