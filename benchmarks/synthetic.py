"""Synthetic knowledge bases of any size that validate: every kind, with references, sources, claims,
events and glossary terms in about the proportions of the real data, and texts of about the real length.

Texts are made of the real entries' words in lower case, so that no word looks
like an abbreviation; each synthetic glossary term is an abbreviation the texts
use, so tooltips cost what they cost on the real site. The same size and seed
give the same files.
"""

from __future__ import annotations

import itertools
import random
import re
import string
from pathlib import Path

import yaml

from acqkb.load import schema_header
from acqkb.model import KINDS

SHARE = {
    "event": 0.20,
    "term": 0.08,
    "award": 0.07,
    "vendor": 0.04,
    "instrument": 0.04,
    "program": 0.04,
    "organization": 0.02,
    "threshold": 0.02,
}
REPO = Path(__file__).resolve().parent.parent


def vocabulary() -> list[str]:
    """Lower-case words of the real entries' summaries."""
    words: set[str] = set()
    for path in sorted((REPO / "data").rglob("*.yaml"))[:600]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("summary:") or line.startswith("  "):
                words |= {w for w in re.findall(r"[a-z]{3,12}", line) if w.isalpha()}
    words -= {"copy", "copies", "mirror", "repository", "reprint", "via", "github"}  # words a publisher may not use
    return sorted(words) or ["space", "launch", "award", "contract", "satellite", "program"]


class Writer:
    """Writes the entries of one synthetic knowledge base."""

    def __init__(self, root: Path, size: int, seed: int = 7) -> None:
        self.root, self.random, self.words = root, random.Random(seed), vocabulary()
        counts = {kind: max(1, round(size * share)) for kind, share in SHARE.items()}
        counts["source"] = max(1, size - sum(counts.values()))
        self.ids = {kind: [f"{kind}-{i}" for i in range(n)] for kind, n in counts.items()}
        letters = itertools.product(string.ascii_uppercase, repeat=3)
        self.abbreviations = ["Z" + "".join(next(letters)) for _ in range(counts["term"])]

    def sentence(self, low: int, high: int, abbreviations: int = 0) -> str:
        words = self.random.choices(self.words, k=self.random.randint(low, high))
        for _ in range(abbreviations):
            words.insert(self.random.randrange(len(words)), self.random.choice(self.abbreviations))
        return " ".join(words).capitalize() + "."

    def pick(self, kind: str, k: int = 1) -> list[str]:
        return self.random.sample(self.ids[kind], min(k, len(self.ids[kind])))

    def claim(self, value: object, k: int = 1) -> dict:
        return {"value": value, "sources": self.pick("source", k)}

    def day(self, start: int = 2015, end: int = 2026) -> str:
        return f"{self.random.randint(start, end)}-{self.random.randint(1, 12):02d}-{self.random.randint(1, 28):02d}"

    def common(self, kind: str, entry_id: str) -> dict:
        record = {"id": entry_id, "title": self.sentence(2, 6).rstrip("."), "summary": self.sentence(25, 45, self.random.randint(0, 2))}
        if kind != "source":
            record["sources"] = self.pick("source", self.random.randint(1, 3))
            if self.random.random() < 0.6:
                record["facts"] = [self.claim(self.sentence(15, 35, 1)) for _ in range(self.random.randint(1, 3))]
        record["as_of"] = "2026-01-15"
        return record

    def body(self, kind: str) -> str:
        folder = KINDS[kind].folder
        targets = self.pick("program", 2)
        links = " ".join(f"[{t}](../programs/{t}.md)" if folder != "programs" else f"[{t}]({t}.md)" for t in targets)
        return "\n\n".join([self.sentence(40, 80, 1), f"See also {links}.", self.sentence(40, 80)])

    def extra(self, kind: str, index: int) -> dict:
        r = self.random
        if kind == "source":
            return {"publisher": self.sentence(1, 3).rstrip("."), "date": self.day(), "kind": r.choice(["statute", "official-release", "news", "analysis"]),
                    "url": f"https://example.org/source-{index}"}  # fmt: skip
        if kind == "program":
            return {"status": "development", "owner": self.pick("organization")[0], "instruments": self.pick("instrument", 2),
                    "vendors": self.pick("vendor", 2), "cost": [self.claim({"amount": r.randint(1, 9000) * 10**6, "kind": "estimate"})],
                    "satellites": [self.claim({"count": r.randint(1, 600)})],
                    "phases": [self.claim({"name": "prototype", "start": r.randint(2015, 2024), "end": 2030})], "body": self.body(kind)}  # fmt: skip
        if kind == "award":
            return {"status": "reported", "awardees": self.pick("vendor", r.randint(1, 2)), "organization": self.pick("organization")[0],
                    "program": self.pick("program")[0], "instrument": self.pick("instrument")[0], "date": [self.claim(self.day())],
                    "value": [self.claim({"amount": r.randint(1, 5000) * 10**6, "kind": k}) for k in r.sample(["ceiling", "obligated", "stated"], 2)],
                    "piid": [self.claim(f"HQ0850{index:08d}")]}  # fmt: skip
        if kind == "event":
            return {"state": r.choice(["happened", "planned"]), "date": [self.claim(self.day(2010, 2030))], "category": "milestone",
                    "programs": self.pick("program"), "awards": self.pick("award")}  # fmt: skip
        if kind == "instrument":
            record = {"category": "vehicle", "legal_basis": [self.claim({"cite": f"10 U.S.C. {4000 + index}"})],
                      "purpose": [self.claim(self.sentence(15, 30))], "rules": [self.claim(self.sentence(15, 30, 1)) for _ in range(3)]}  # fmt: skip
            if index % 3 == 0:
                record["comparison"] = {d: [self.claim(self.sentence(8, 20))] for d in ("legal_basis", "scope", "competition", "speed")}
                record["body"] = self.body(kind)
            return record
        if kind == "organization":
            return {"established": [self.claim(self.day(1950, 2020))]}
        if kind == "threshold":
            return {"category": "dollar-threshold", "scope": "DoD", "instruments": self.pick("instrument", 2),
                    "periods": [self.claim({"amount": 10000, "effective": "2018-07-01", "ended": "2025-09-30", "authority": "FAC 2018-01"}),
                                self.claim({"amount": 15000, "effective": "2025-10-01", "authority": "FAC 2025-06"})]}  # fmt: skip
        if kind == "term":
            abbreviation = self.abbreviations[index]
            return {"abbreviation": abbreviation, "expansion": self.sentence(2, 5).rstrip(".").title()}
        return {}

    def write(self) -> int:
        """Write every entry; return how many."""
        written = 0
        for kind, ids in self.ids.items():
            folder = self.root / "data" / KINDS[kind].folder
            folder.mkdir(parents=True, exist_ok=True)
            for index, entry_id in enumerate(ids):
                record = self.common(kind, entry_id) | self.extra(kind, index)
                if kind == "term":
                    record["title"] = record["abbreviation"]
                text = schema_header(kind) + "\n" + yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
                (folder / f"{entry_id}.yaml").write_text(text, encoding="utf-8")
                written += 1
        return written


def write_synthetic(root: Path, size: int, seed: int = 7) -> int:
    """A synthetic knowledge base of about `size` entries in root/data; returns the number written."""
    return Writer(root, size, seed).write()
