"""Source adapters: one module per site turns a URL into requests and a ``Source``.

``ADAPTERS`` lists them in the order they are tried (``html`` last: it matches everything);
``resolve`` runs a whole run's URLs through them; ``describe`` is ``srclint fetch URL``.
"""

from __future__ import annotations

from srclint.sources.base import Adapter
from srclint.sources.describe import Description, describe, render_description
from srclint.sources.registry import ADAPTERS, adapter_for
from srclint.sources.resolve import FetchAll, Resolved, resolve

__all__ = [
    "ADAPTERS",
    "Adapter",
    "Description",
    "FetchAll",
    "Resolved",
    "adapter_for",
    "describe",
    "render_description",
    "resolve",
]
