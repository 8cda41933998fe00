"""Check every link of a Markdown file with srclint's Fetcher (no CLI yet on this branch).

Prints one JSON line: links, ok, and the seconds spent in ``fetch_all`` (in-process).
Usage: python srclint_links.py FILE.md CACHE_DIR JOBS PER_HOST
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

started = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from srclint.fetch import Fetcher, FetchSettings  # noqa: E402
from srclint.model import Freshness, Request  # noqa: E402

LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def main() -> None:
    path, cache_dir, jobs, per_host = sys.argv[1:5]
    urls = LINK.findall(Path(path).read_text(encoding="utf-8"))
    settings = FetchSettings(cache_dir=Path(cache_dir), jobs=int(jobs), per_host=int(per_host),
                             allow_private=True, suggest_archive=False)
    fetch_started = time.perf_counter()
    with Fetcher(settings) as fetcher:
        results = fetcher.fetch_all(
            [Request(url, need_body=False, freshness=Freshness.LINK) for url in urls])
        stats = fetcher.stats
        sent = fetcher.requests_sent
    done = time.perf_counter()
    print(json.dumps({
        "links": len(results), "ok": sum(r.ok for r in results.values()),
        "fetch_seconds": round(done - fetch_started, 3),
        "process_seconds_inside": round(done - started, 3),
        "requests": sent, "cached": stats.cached,
    }))


if __name__ == "__main__":
    main()
