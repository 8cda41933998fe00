"""Benchmark of srclint.match: faithful and altered quotes against 5 MB of real prose.

Setup: the corpus drafts (``../shared/corpus/lw-drafts``, 42 files, 1.1 MB) are cycled
into sources until they total 5 MB (each source is one draft, 2 KB to 180 KB). Each of
1,000 quotes is a 8–40 word span of one source and is matched against that source, as
srclint does. Sources are prepared once (``prepare``), and that time is reported apart.

    PYTHONPATH=src python bench/bench_match.py [--corpus DIR] [--quotes 1000]
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from srclint.match import find, prepare
from srclint.match.source import PreparedSource
from srclint.model import Verdict

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "lw-drafts"
MB = 1_000_000
WORD = re.compile(r"\S+")
SUBSTITUTES = ["zebra", "never", "seven", "cheese", "always"]


def load_drafts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))]


def build_sources(drafts: list[str], total: int, repeat: int = 1) -> list[str]:
    """Drafts cycled until ``total`` characters; each source is one draft ``repeat`` times."""
    sources: list[str] = []
    size = 0
    i = 0
    while size < total:
        text = "\n\n".join([drafts[i % len(drafts)]] * repeat)
        sources.append(text)
        size += len(text)
        i += 1
    return sources


def faithful_quotes(sources: list[str], count: int, rng: random.Random) -> list[tuple[int, str]]:
    """(source index, quote): spans of 8–40 words, sources weighted by size."""
    weights = [len(s) for s in sources]
    quotes: list[tuple[int, str]] = []
    while len(quotes) < count:
        k = rng.choices(range(len(sources)), weights)[0]
        words = list(WORD.finditer(sources[k][:200_000]))
        if len(words) < 50:
            continue
        length = rng.randint(8, 40)
        start = rng.randrange(len(words) - length)
        text = sources[k][words[start].start() : words[start + length - 1].end()]
        if re.search(r"\.\.\.|…|\[|\]|`|\*|_|\|", text):
            continue  # keep markup-free spans, so every faithful quote is exact
        quotes.append((k, text))
    return quotes


def alter(quote: str, rng: random.Random, n: int) -> str:
    """One substituted word (even n) or one dropped word (odd n)."""
    words = quote.split()
    i = rng.randrange(1, len(words) - 1)
    if n % 2:
        return " ".join(words[:i] + words[i + 1 :])
    return " ".join([*words[:i], rng.choice(SUBSTITUTES), *words[i + 1:]])


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run_finds(
    quotes: list[tuple[int, str]], prepared: list[PreparedSource]
) -> tuple[float, dict[Verdict, int]]:
    counts: dict[Verdict, int] = {}
    start = time.perf_counter()
    for k, quote in quotes:
        verdict = find(quote, prepared[k]).verdict
        counts[verdict] = counts.get(verdict, 0) + 1
    return time.perf_counter() - start, counts


def difflib_find(quote: str, matcher: difflib.SequenceMatcher[str], words: list[str]) -> float:
    """A plain difflib approach: anchor on the longest common run, then ratio on a window."""
    q = quote.split()
    matcher.set_seq1(q)
    block = matcher.find_longest_match(0, len(q), 0, len(words))
    lo = max(0, block.b - block.a - 5)
    window = words[lo : lo + len(q) + 10]
    local = difflib.SequenceMatcher(None, q, window, autojunk=False)
    local.get_opcodes()
    return local.ratio()


def run_difflib(quotes: list[tuple[int, str]], sources: list[str]) -> tuple[float, int]:
    """Time and how many quotes got a window with ratio >= 0.6 (a close passage)."""
    cache: dict[int, tuple[difflib.SequenceMatcher[str], list[str]]] = {}
    close = 0
    start = time.perf_counter()
    for k, quote in quotes:
        if k not in cache:
            words = sources[k].split()
            matcher = difflib.SequenceMatcher(None, autojunk=False)
            matcher.set_seq2(words)
            cache[k] = (matcher, words)
        close += difflib_find(quote, *cache[k]) >= 0.6
    return time.perf_counter() - start, close


def run_difflib_plain(quotes: list[tuple[int, str]], sources: list[str]) -> float:
    """The plainest difflib approach: a character-level SequenceMatcher per quote."""
    start = time.perf_counter()
    for k, quote in quotes:
        text = sources[k]
        matcher = difflib.SequenceMatcher(None, quote, text)
        block = matcher.find_longest_match(0, len(quote), 0, len(text))
        lo = max(0, block.b - block.a - 20)
        local = difflib.SequenceMatcher(None, quote, text[lo : lo + len(quote) + 40])
        local.get_opcodes()
    return time.perf_counter() - start


def fmt(counts: dict[Verdict, int]) -> str:
    return ", ".join(f"{v.value} {n}" for v, n in sorted(counts.items(), key=lambda x: -x[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--quotes", type=int, default=1000)
    parser.add_argument("--size", type=float, default=5.0, help="total source size in MB")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    rng = random.Random(20261128)
    drafts = load_drafts(args.corpus)
    total = int(args.size * MB)

    sources = build_sources(drafts, total)
    size = sum(len(s) for s in sources) / MB
    t_prep, prepared_obj = timed(lambda: [prepare(s) for s in sources])
    prepared: list[PreparedSource] = prepared_obj  # type: ignore[assignment]
    quotes = faithful_quotes(sources, args.quotes, rng)
    t_exact, exact_counts = min(run_finds(quotes, prepared) for _ in range(3))
    print(f"sources: {len(sources)} drafts, {size:.2f} MB; prepare (normalize): {t_prep:.2f} s")
    print(f"faithful: {len(quotes)} quotes in {t_exact:.3f} s ({fmt(exact_counts)})")

    altered = [(k, alter(q, rng, n)) for n, (k, q) in enumerate(quotes)]
    used = sorted({k for k, _ in altered})
    t_index, _ = timed(lambda: [prepared[k].pairs for k in used])
    t_fuzzy, fuzzy_counts = min(run_finds(altered, prepared) for _ in range(3))
    print(f"altered: fold + index {len(used)} sources in {t_index:.2f} s; "
          f"{len(altered)} quotes in {t_fuzzy:.3f} s ({fmt(fuzzy_counts)})")
    t_difflib, close = run_difflib(altered, sources)
    ours = t_index + t_fuzzy
    print(f"word difflib (SequenceMatcher per source, longest match + window opcodes), "
          f"{len(altered)} altered quotes: {t_difflib:.2f} s; srclint fold + index + finds "
          f"{ours:.2f} s; time ratio difflib/srclint {t_difflib / ours:.2f} "
          f"({t_difflib / t_fuzzy:.2f} on the finds alone); difflib found a close passage "
          f"for {close}, srclint for {fuzzy_counts.get(Verdict.ALTERED, 0)}")
    sample = altered[:100]
    t_plain = run_difflib_plain(sample, sources) * len(altered) / len(sample)
    print(f"plain difflib (character SequenceMatcher per quote), first {len(sample)} quotes, "
          f"scaled to {len(altered)}: {t_plain:.1f} s: {t_plain / ours:.0f}× slower than srclint")

    print("scaling (the 42 drafts, each repeated ×k; the same 1,000 faithful quotes):")
    for repeat in (1, 4, 16):
        scaled = ["\n\n".join([d] * repeat) for d in drafts]
        mb = sum(len(s) for s in scaled) / MB
        t_prep_k, prep_k = timed(lambda s=scaled: [prepare(x) for x in s])  # type: ignore[misc]
        k_prepared: list[PreparedSource] = prep_k  # type: ignore[assignment]
        k_quotes = [(k % len(drafts), q) for k, q in quotes]
        k_altered = [(k % len(drafts), q) for k, q in altered]
        t_k, counts_k = min(run_finds(k_quotes, k_prepared) for _ in range(3))
        t_index_k, _ = timed(lambda p=k_prepared: [x.pairs for x in p])  # type: ignore[misc]
        t_alt_k, alt_counts_k = min(run_finds(k_altered, k_prepared) for _ in range(3))
        print(f"  ×{repeat:<2} {mb:5.1f} MB: prepare {t_prep_k:5.2f} s ({t_prep_k / mb:.3f} s/MB), "
              f"1,000 faithful {t_k:.3f} s ({fmt(counts_k)}); fold + index {t_index_k:5.2f} s "
              f"({t_index_k / mb:.3f} s/MB), 1,000 altered {t_alt_k:.3f} s ({fmt(alt_counts_k)})")

    one = "\n\n".join(drafts * 5)[: total]
    t_one_prep, big_obj = timed(lambda: prepare(one))
    big: PreparedSource = big_obj  # type: ignore[assignment]
    _k, quote = quotes[0]
    t_one_exact, a = timed(lambda: find(quote, big))
    t_one_index, _ = timed(lambda: big.pairs)
    t_one_fuzzy, b = timed(lambda: find(altered[0][1], big))
    print(f"worst case, one {len(one) / MB:.1f} MB source: prepare {t_one_prep:.2f} s, "
          f"exact find {t_one_exact * 1000:.1f} ms ({a.verdict}), "  # type: ignore[attr-defined]
          f"fold + index {t_one_index:.2f} s, altered find {t_one_fuzzy * 1000:.1f} ms "
          f"({b.verdict})")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
