"""Scale benchmark: how loading, checking and page generation grow with the number of entries.

Copies the real data, adds synthetic programs, awards and events (each citing a real
source), and times `generate` at 1x, 4x and 16x the synthetic load. Prints seconds,
entries per second, and each time as a ratio to the 1x baseline measured in the same
run, so the figures compare across machines. Linear growth gives ratios near 4 and 16.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from acqkb.generate import generate

REPO = Path(__file__).resolve().parent.parent
BASE = 200


def synthetic(root: Path, count: int, source: str) -> None:
    """Write count synthetic program/award/event triples that reference each other."""
    for i in range(count):
        (root / f"data/programs/bench-program-{i}.yaml").write_text(
            f"id: bench-program-{i}\ntitle: Bench program {i}\nsummary: Synthetic.\nstatus: development\n"
            f"sources: [{source}]\nas_of: 2026-01-15\n",
            encoding="utf-8",
        )
        (root / f"data/awards/bench-award-{i}.yaml").write_text(
            f"id: bench-award-{i}\ntitle: Bench award {i}\nsummary: Synthetic.\nstatus: reported\nawardees: []\n"
            f"program: bench-program-{i}\ndate:\n  - value: 2026-05-29\n    sources: [{source}]\n"
            f"value:\n  - value: {{amount: {i + 1}_000_000, kind: obligated}}\n    sources: [{source}]\n"
            f"sources: [{source}]\nas_of: 2026-01-15\n",
            encoding="utf-8",
        )
        (root / f"data/events/bench-event-{i}.yaml").write_text(
            f"id: bench-event-{i}\ntitle: Bench event {i}\nsummary: Synthetic.\nstate: planned\n"
            f"date:\n  - value: 2028-Q4\n    sources: [{source}]\nprograms: [bench-program-{i}]\n"
            f"awards: [bench-award-{i}]\nsources: [{source}]\nas_of: 2026-01-15\n",
            encoding="utf-8",
        )


def measure(scale: int) -> tuple[int, float]:
    """Entries and seconds for one generation at the given scale."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(REPO / "data", root / "data")
        source = sorted((root / "data/sources").glob("*.yaml"))[0].stem
        synthetic(root, BASE * scale, source)
        start = time.perf_counter()
        counts, problems = generate(root)
        elapsed = time.perf_counter() - start
        if problems:
            sys.exit(f"benchmark data has problems: {problems[:3]}")
        return counts.loaded, elapsed


def main() -> None:
    rows = [(scale, *measure(scale)) for scale in (1, 4, 16)]
    baseline = rows[0][2]
    print(f"{'scale':>5} {'entries':>8} {'seconds':>8} {'entries/s':>10} {'ratio':>6}")
    for scale, entries, seconds in rows:
        print(f"{scale:>5} {entries:>8} {seconds:>8.2f} {entries / seconds:>10.0f} {seconds / baseline:>6.1f}")


if __name__ == "__main__":
    main()
