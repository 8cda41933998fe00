"""How long the pre-commit hook takes on a typical draft once the cache is warm.

The hook is ``srclint check FILE`` in a fresh process with ``PRE_COMMIT=1``: Python's
start-up, srclint's imports, extraction, cache look-ups, matching and the report. The
sources are pages served from a loopback server (no internet); the first run fills a
cache in ``bench/.work/``, the next ones are timed. The budget is 0.5 s (issue 6).

    PYTHONPATH=src python bench/bench_hook.py [--runs 15] [--links 15] [--quotes 8]

Prints one line per measurement and exits 1 when the median is over budget.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BUDGET = 0.5  # seconds, warm cache (issue 6)
ROOT = Path(__file__).resolve().parent
WORK = ROOT / ".work" / "hook"
SRC = ROOT.parent / "src"

WORDS = [
    "alignment",
    "model",
    "training",
    "objective",
    "reward",
    "proxy",
    "optimisation",
    "agent",
    "policy",
    "gradient",
    "capability",
    "evaluation",
    "benchmark",
    "interpretability",
    "circuit",
    "feature",
    "neuron",
    "probe",
    "deception",
    "oversight",
    "corrigibility",
    "shutdown",
    "incentive",
    "mesa",
    "inner",
    "outer",
    "goal",
    "generalisation",
    "distribution",
    "shift",
    "robustness",
    "adversarial",
    "example",
    "scaling",
    "law",
    "compute",
]


def sentence(seed: int, length: int = 14) -> str:
    words = [WORDS[(seed * 7 + i * 13) % len(WORDS)] for i in range(length)]
    return " ".join(words).capitalize() + "."


def page(n: int) -> str:
    paragraphs = "".join(
        f"<p>{sentence(n * 100 + k)} {sentence(n * 100 + k + 50)}</p>" for k in range(30)
    )
    return (
        f"<!doctype html><html><head><title>Post number {n}</title>"
        f'<meta name="author" content="Author {n}"></head>'
        f"<body><article><h1>Post number {n}</h1>{paragraphs}</article></body></html>"
    )


class Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        try:
            n = int(self.path.strip("/").split("/")[-1])
        except ValueError:
            self.send_error(404)
            return
        body = page(n).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=86400")
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def draft(base: str, links: int, quotes: int) -> str:
    """A typical essay: prose, links to distinct pages, blockquotes quoting them verbatim."""
    parts = ["# A typical draft\n"]
    for n in range(links):
        parts.append(" ".join(sentence(900 + n * 3 + k) for k in range(4)))
        parts.append(
            f"As [post {n}]({base}/posts/{n}) puts it:\n"
            if n < quotes
            else f"See also [this post]({base}/posts/{n}).\n"
        )
        if n < quotes:
            parts.append(f"> {sentence(n * 100 + 3)}\n")
    return "\n".join(parts) + "\n"


def timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, int, str]:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, done.stdout + done.stderr


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--links", type=int, default=15)
    parser.add_argument("--quotes", type=int, default=8)
    options = parser.parse_args()

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (WORK / "draft.md").write_text(draft(base, options.links, options.quotes), encoding="utf-8")

    env = {
        **os.environ,
        "PRE_COMMIT": "1",
        "NO_COLOR": "1",
        "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    srclint = [sys.executable, "-m", "srclint"]
    check = [*srclint, "check", "draft.md", "--allow-private", "--cache-dir", str(WORK / "cache")]
    try:
        floor = min(timed([*srclint, "--version"], env, WORK)[0] for _ in range(5))
        cold, code, output = timed(check, env, WORK)
        print(f"cold run (fills the cache): {cold:.3f} s, exit {code}")
        if code not in (0, 1):
            print(output, file=sys.stderr)
            return 2
        warm = [timed(check, env, WORK)[0] for _ in range(options.runs)]
    finally:
        server.shutdown()
    median = statistics.median(warm)
    print(
        f"draft: {options.links} links, {options.quotes} blockquotes, "
        f"{len((WORK / 'draft.md').read_text(encoding='utf-8').split())} words"
    )
    print(f"start-up floor (srclint --version): {floor:.3f} s")
    print(
        f"warm runs: {len(warm)}, min {min(warm):.3f} s, median {median:.3f} s, "
        f"max {max(warm):.3f} s (budget {BUDGET} s)"
    )
    print("PASS" if median <= BUDGET else "OVER BUDGET")
    return 0 if median <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
