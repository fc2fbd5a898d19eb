"""Command line: parse arguments, call the core, print, return an exit code.

Each command imports what it needs when it runs: `acqkb validate` starts in a
few tenths of a second because it never loads the generator, the exports or search.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from acqkb.check import KnowledgeBase, build
from acqkb.model import KINDS, PRIMARY_SOURCE_KINDS
from acqkb.problems import Problem, report_json, report_text
from acqkb.rules import claims_of, is_primary


def counts_line(kb: KnowledgeBase) -> str:
    """Counts per kind, the share of primary sources, and per kind the share of claims that cite one."""
    per_kind = Counter(e.kind for e in kb.entries)
    sources = kb.of_kind("source")
    primary = sum(1 for s in sources if s.get("kind") in PRIMARY_SOURCE_KINDS)
    parts = [f"{per_kind[kind]} {KINDS[kind].folder}" for kind in KINDS]
    shares = [f"{kind} {share(*counts)}" for kind in KINDS if kind != "source" and (counts := primary_claims(kb, kind))[1]]
    return (
        f"{len(kb.entries)} entries: {', '.join(parts)}; primary sources {primary}/{len(sources)} ({share(primary, len(sources))})\n"
        f"claims citing a primary source: {', '.join(shares)}"
    )


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% of {whole}" if whole else "n/a"


def primary_claims(kb: KnowledgeBase, kind: str) -> tuple[int, int]:
    """How many claims of one kind's entries cite at least one primary source, and how many claims there are."""
    claims = [claim for entry in kb.of_kind(kind) for _, claim in claims_of(entry)]
    return sum(any(is_primary(ref.id, kb) for ref in c.sources) for c in claims), len(claims)


def print_problems(problems: list[Problem], fmt: str) -> None:
    print(report_json(problems) if fmt == "json" else report_text(problems), file=sys.stdout if fmt == "json" else sys.stderr)


def checked(root: Path) -> KnowledgeBase | None:
    """The knowledge base when data/ has no problem; else None, with the problems printed."""
    kb, problems = build(root)
    if problems:
        print_problems(problems, "text")
        return None
    return kb


def cmd_validate(args: argparse.Namespace) -> int:
    kb, problems = build(args.root)
    if problems:
        print_problems(problems, args.format)
        return 1
    if args.format == "json":
        print(report_json([]))
    print(counts_line(kb), file=sys.stderr if args.format == "json" else sys.stdout)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from acqkb.skeleton import SkeletonError, write_skeleton

    try:
        path = write_skeleton(args.root, args.kind, args.id, args.source, date.today(), args.about)
    except SkeletonError as error:
        print(f"acqkb new: {error}", file=sys.stderr)
        return 2
    print(f"wrote {path.relative_to(args.root).as_posix()}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from acqkb.export import export_document, json_text
    from acqkb.history import read_history
    from acqkb.settings import read_settings

    kb = checked(args.root)
    if kb is None:
        return 1
    kb.settings, kb.history = read_settings(args.root), read_history(args.root)
    document = export_document(kb)
    args.path.parent.mkdir(parents=True, exist_ok=True)
    args.path.write_text(json_text(document), encoding="utf-8")
    print(f"{len(kb.entries)} entries loaded, {sum(document['counts'].values())} records exported to {args.path}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from acqkb.generate import generate

    counts, problems = generate(args.root)
    if problems:
        print_problems(problems, "text")
        return 1
    print(counts.line())
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from acqkb.export import schema_files
    from acqkb.pages import write_if_changed
    from acqkb.settings import read_settings

    folder = args.root / "schema"
    files = schema_files(read_settings(args.root).base)
    stale = [name for name, text in files.items() if not (folder / name).exists() or (folder / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"schema/{name}: differs from the model; run `acqkb schema` and commit it [schema-drift]", file=sys.stderr)
        return 1 if stale else 0
    for name, text in files.items():
        write_if_changed(folder / name, text)
    print(f"{len(stale)} schema files updated in {folder}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from acqkb.search import search

    kb = checked(args.root)
    if kb is None:
        return 1
    hits = search(kb, args.query, kind=args.kind, limit=args.limit)
    if args.json:
        print(json.dumps([hit.record() for hit in hits], indent=1, ensure_ascii=False))
        return 0
    for rank, hit in enumerate(hits, 1):
        record = hit.record()
        print(f"{rank:>2}. {record['id']}  [{record['kind']}]  {record['title']}\n    {record['snippet']}")
    if not hits:
        print(f"no entry matches '{args.query}'", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="acqkb", description="Check, build and export the acqkb knowledge base.")
    main.add_argument("--root", type=Path, default=Path("."), help="the repository root holding data/ and docs/ (default: .)")
    sub = main.add_subparsers(dest="command", required=True)
    validate = sub.add_parser(
        "validate",
        help="run every check on data/ and print counts per kind",
        description="Load data/ strictly and run every check. Prints each problem as path:line: message [code], then a summary; exits 1 on any problem.",
    )
    validate.add_argument("--format", choices=("text", "json"), default="text", help="how to print problems")
    validate.set_defaults(func=cmd_validate)
    new = sub.add_parser(
        "new",
        help="write a valid skeleton entry",
        description="Write data/<kind>s/<id>.yaml as a valid skeleton to fill in. Never overwrites.",
    )
    new.add_argument("kind", choices=list(KINDS), help="the kind of entry")
    new.add_argument("id", help="the new entry's id: lower-case words joined by hyphens")
    new.add_argument("--source", help="id of a source entry you wrote it from (required for every kind but source)")
    new.add_argument("--about", help="for an event: the id of the program, award, instrument or threshold it concerns")
    new.set_defaults(func=cmd_new)
    export = sub.add_parser(
        "export",
        help="write all entries as one JSON file",
        description=(
            "Check data/, then write every entry, grouped by kind, to PATH as JSON: the document published as api/v1/acqkb.json "
            "(schema_version, generator, counts, and each record with its last_modified day from git)."
        ),
    )
    export.add_argument("path", type=Path, help="the JSON file to write")
    export.set_defaults(func=cmd_export)
    build_cmd = sub.add_parser(
        "build",
        help="generate the Markdown pages into docs/",
        description="Check data/, then write the generated pages and the JSON export below docs/ (what the MkDocs hook runs; another builder can run it first).",
    )
    build_cmd.set_defaults(func=cmd_build)
    schema = sub.add_parser(
        "schema",
        help="write or check the JSON Schema files in schema/",
        description=(
            "Write schema/<kind>.schema.json from the model, or with --check fail when they differ. "
            "Each $id is the schema's published address: site_url from mkdocs.yml + api/v1/schema/<kind>.schema.json."
        ),
    )
    schema.add_argument("--check", action="store_true", help="exit 1 when a committed schema file differs from the model")
    schema.set_defaults(func=cmd_schema)
    search_cmd = sub.add_parser(
        "search",
        help="search the entries as the site's search box does",
        description="Search the data with the site's search rules; prints rank, id, kind, title and a snippet.",
    )
    search_cmd.add_argument("query", help="what to look for, e.g. OTA, 2371b, 'FAR 16.505' or '$4.16B'")
    search_cmd.add_argument("--kind", choices=list(KINDS), help="only entries of this kind")
    search_cmd.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    search_cmd.add_argument("--json", action="store_true", help="print the results as JSON")
    search_cmd.set_defaults(func=cmd_search)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


def run() -> None:
    """The `acqkb` command: main() in a process of its own.

    `validate` writes nothing, so its process ends without freeing the knowledge base object by
    object, which took a tenth of its run (0.05 to 0.09 s of about 0.7 s on the real data).
    Commands that write files end normally, so that every file is flushed and closed.
    """
    args = parser().parse_args()
    code = args.func(args)
    if args.func is cmd_validate:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    run()
