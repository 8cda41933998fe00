from __future__ import annotations

from srclint.fetch import HostLimit
from srclint.fetch.limits import HostLimiter


def test_configured_host_covers_subdomains_and_www() -> None:
    limiter = HostLimiter(4, {"arxiv.org": HostLimit(in_flight=1, interval=3)})
    assert limiter.limit_for("export.arxiv.org") == HostLimit(1, 3)
    assert limiter.limit_for("www.arxiv.org") == HostLimit(1, 3)
    assert limiter.limit_for("ARXIV.ORG.") == HostLimit(1, 3)
    assert limiter.limit_for("notarxiv.org") == HostLimit(4, 0)
