"""Every source adapter, in the order they are tried: the first whose ``matches`` is true wins."""

from __future__ import annotations

from srclint.sources import arxiv, forum, html, medium, pdf, substack, wayback, x
from srclint.sources.base import Adapter

# `html` matches everything, so it stays last. Adding a site = one module + one line here.
ADAPTERS: tuple[Adapter, ...] = (x, forum, arxiv, substack, medium, wayback, pdf, html)


def adapter_for(url: str) -> Adapter:
    """The adapter that reads ``url`` (``html`` when no site adapter claims it)."""
    return next(adapter for adapter in ADAPTERS if adapter.matches(url))
