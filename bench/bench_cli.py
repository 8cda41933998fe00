"""Start-up and extraction speed of the CLI (issue 2).

    python bench/bench_cli.py [--runs 7]

- ``srclint --version``: median wall time of several runs (goal: < 150 ms).
- ``srclint extract`` over the 42 corpus drafts (``../shared/corpus/lw-drafts``),
  start-up included (goal: < 1 s), and over 4× and 16× the corpus, to show how the
  time grows with input size.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "lw-drafts"


def srclint() -> list[str]:
    found = shutil.which("srclint", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "srclint"]


def wall(command: list[str], runs: int) -> tuple[float, float]:
    """Median and best wall time of ``runs`` runs, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


def corpus_copy(folder: Path, times: int) -> int:
    """``times`` copies of every corpus draft in ``folder``; returns the bytes written."""
    size = 0
    for n in range(times):
        for draft in sorted(CORPUS.glob("*.md")):
            target = folder / f"{n}-{draft.name}"
            shutil.copyfile(draft, target)
            size += target.stat().st_size
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    cmd = srclint()
    median, best = wall([*cmd, "--version"], args.runs)
    print(f"srclint --version: median {median * 1000:.0f} ms, best {best * 1000:.0f} ms "
          f"({args.runs} runs)")
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}; skipping extraction")
        return
    base = None
    for factor in (1, 4, 16):
        with tempfile.TemporaryDirectory() as tmp:
            size = corpus_copy(Path(tmp), factor)
            median, best = wall([*cmd, "extract", "--format", "json", tmp], max(3, args.runs // 2))
        base = base or median
        print(f"srclint extract {factor:>2}× corpus ({size / 1e6:.1f} MB, {42 * factor} files): "
              f"median {median:.2f} s, best {best:.2f} s, {median / base:.1f}× the 1× time")


if __name__ == "__main__":
    main()
