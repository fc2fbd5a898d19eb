"""How to cite an entry: a ready citation on its page, and BibTeX, RIS and CSL-JSON files to download.

The files are written by maintained libraries (bibtexparser, rispy) or as plain
JSON, so titles with braces, quotes or ampersands come out well-formed. The
permanent address is the entry's page at the site's address: ids never change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import rispy
from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from acqkb.check import KnowledgeBase
from acqkb.model import KINDS, Entry
from acqkb.text import inline

CITE_FOLDER = "cite"
BIBTEX_SPECIALS = str.maketrans({c: "\\" + c for c in "&%$#_{}"} | {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\^{}"})


class PlainRisWriter(rispy.RisWriter):
    """rispy's writer without the "1." line it puts before each record, which some reference managers reject."""

    def set_header(self, count: int) -> str:
        return ""


@dataclass(frozen=True)
class Citation:
    """What a citation of one entry says."""

    entry: Entry
    site_name: str
    url: str

    @property
    def checked(self) -> str:
        return self.entry.get("as_of").label()

    def text(self) -> str:
        """The citation as a reader copies it (Markdown)."""
        kind = KINDS[self.entry.kind].heading.rstrip("s").lower()
        return (
            f'{inline(self.site_name)}, "{inline(self.entry.title)}" ({kind} entry), checked against its sources '
            f"{self.checked}, {inline(self.url)}"  # the page's own address as text: a link to itself would add nothing
        )

    def bibtex(self) -> str:
        database = BibDatabase()
        as_of = self.entry.get("as_of").start()
        database.entries = [
            {
                "ENTRYTYPE": "misc",
                "ID": f"acqkb-{self.entry.id}",
                "title": "{" + self.entry.title.translate(BIBTEX_SPECIALS) + "}",
                "author": "{" + self.site_name.translate(BIBTEX_SPECIALS) + "}",
                "year": str(as_of.year),
                "url": self.url,
                "urldate": as_of.isoformat(),
                "note": f"Checked against its sources {as_of.isoformat()}",
            }
        ]
        return BibTexWriter().write(database)

    def ris(self) -> str:
        as_of = self.entry.get("as_of").start()
        record = {
            "type_of_reference": "ELEC",
            "title": self.entry.title,
            "authors": [self.site_name],
            "year": str(as_of.year),
            "urls": [self.url],
            "access_date": as_of.strftime("%Y/%m/%d"),
            "notes": [f"Checked against its sources {as_of.isoformat()}"],
        }
        return rispy.dumps([record], implementation=PlainRisWriter)

    def csl(self) -> str:
        as_of = self.entry.get("as_of").start()
        item = {
            "id": f"acqkb-{self.entry.id}",
            "type": "webpage",
            "title": self.entry.title,
            "author": [{"literal": self.site_name}],
            "container-title": self.site_name,
            "URL": self.url,
            "issued": {"date-parts": [[as_of.year, as_of.month, as_of.day]]},
            "accessed": {"date-parts": [[as_of.year, as_of.month, as_of.day]]},
            "note": f"Checked against its sources {as_of.isoformat()}",
        }
        return json.dumps([item], ensure_ascii=False, separators=(",", ":")) + "\n"


def citation(entry: Entry, kb: KnowledgeBase) -> Citation:
    return Citation(entry, kb.settings.site_name, f"{kb.settings.base}{KINDS[entry.kind].folder}/{entry.id}/")


def cite_files(kb: KnowledgeBase) -> dict[str, str]:
    """The three download files of every entry, by their paths below docs/."""
    files = {}
    for entry in kb.entries:
        cited = citation(entry, kb)
        files[f"{CITE_FOLDER}/{entry.id}.bib"] = cited.bibtex()
        files[f"{CITE_FOLDER}/{entry.id}.ris"] = cited.ris()
        files[f"{CITE_FOLDER}/{entry.id}.json"] = cited.csl()
    return files


def cite_block(entry: Entry, kb: KnowledgeBase, to_root: str) -> str:
    """The "Cite this page" section of an entry page."""
    cited = citation(entry, kb)
    base = f"{to_root}{CITE_FOLDER}/{entry.id}"
    downloads = f"[BibTeX]({base}.bib) · [RIS]({base}.ris) · [CSL-JSON]({base}.json)"
    return f"## Cite this page {{ data-search-exclude }}\n\n> {cited.text()}\n\nDownload the citation: {downloads}"
