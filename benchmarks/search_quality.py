"""Search-quality benchmark: top-1 and top-5 hit rates of the site's search box and of `acqkb search`.

Builds the site, serves it on 127.0.0.1, types each query of search_queries.yaml
into the real search box in headless Chromium, runs the same query through
`acqkb search`, and prints both hit rates (target: at least 95 % top-1 in both).
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from acqkb.check import build  # noqa: E402
from acqkb.markdown import page_path  # noqa: E402
from acqkb.search import build_index, search  # noqa: E402
from sitesearch import chromium, site_search  # noqa: E402


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def rates(ranks: list[int | None]) -> str:
    top1 = sum(r == 0 for r in ranks) / len(ranks)
    top5 = sum(r is not None and r < 5 for r in ranks) / len(ranks)
    return f"top-1 {top1:6.1%}  top-5 {top5:6.1%}"


def rank(results: list[str], expected: str) -> int | None:
    return results.index(expected) if expected in results else None


def main() -> None:
    queries = yaml.safe_load((REPO / "benchmarks" / "search_queries.yaml").read_text(encoding="utf-8"))
    kb, problems = build(REPO)
    if problems:
        sys.exit("the data has problems; run acqkb validate")
    index = build_index(kb)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", tmp], cwd=REPO, check=True)
        server, base = serve(Path(tmp))
        site_ranks, cli_ranks = [], []
        with chromium() as browser:
            page = browser.new_page()
            for query in queries:
                want = "/" + page_path(kb.by_id[query["expect"]])[:-3] + "/"
                site = site_search(page, base, query["query"])
                cli = ["/" + page_path(h.entry)[:-3] + "/" for h in search(kb, query["query"], limit=10, index=index)]
                site_ranks.append(rank(site, want))
                cli_ranks.append(rank(cli, want))
                flag = "" if site_ranks[-1] == 0 and cli_ranks[-1] == 0 else "   <- miss"
                print(f"{query['query']!r:42} site {site_ranks[-1]!s:>4}  cli {cli_ranks[-1]!s:>4}{flag}")
        server.shutdown()
    print(f"\n{len(queries)} queries")
    print(f"site search box  {rates(site_ranks)}")
    print(f"acqkb search     {rates(cli_ranks)}")


if __name__ == "__main__":
    main()
