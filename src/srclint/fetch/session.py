"""The one HTTP session of a run, built in one place.

A urllib3 ``PoolManager`` (what requests uses underneath, without requests' per-request
machinery, which cost ~0.3 ms of CPU per link on the benchmark): pooled keep-alive
connections, every new one through the address guard (``guard.py``), TLS verified
against certifi's CA bundle, srclint's User-Agent. Retries and timeouts are the
transport's (``transport.py``): the pool itself never retries behind its back.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from urllib3 import PoolManager, ProxyManager
from urllib3.util import make_headers

from srclint import __version__
from srclint.fetch.guard import AddressPolicy, guarded_pool_classes
from srclint.fetch.settings import FetchSettings

PROJECT_URL = "https://github.com/srclint/srclint"
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def user_agent(settings: FetchSettings) -> str:
    return settings.user_agent or f"srclint/{__version__} (+{PROJECT_URL})"


def _ca_bundle() -> str | None:
    try:
        import certifi
    except ImportError:  # the system's CA store, then
        return None
    return str(certifi.where())


class Session:
    """Connection pools and default headers shared by every worker thread."""

    def __init__(self, settings: FetchSettings) -> None:
        self.headers = {
            "User-Agent": user_agent(settings),
            "Accept": ACCEPT,
            # gzip and deflate, plus br/zstd when their decoders are installed.
            "Accept-Encoding": make_headers(accept_encoding=True)["accept-encoding"],
        }
        biggest_host = max([settings.per_host, *(h.in_flight for h in settings.hosts.values())])
        self._pool_args: dict[str, object] = {
            "num_pools": 64,
            "maxsize": max(biggest_host, 4),
            "cert_reqs": "CERT_REQUIRED",
            "ca_certs": _ca_bundle(),
        }
        self.pool = PoolManager(**self._pool_args)  # type: ignore[arg-type]
        policy = AddressPolicy.from_strings(settings.allow_private, settings.allow_networks)
        self.pool.pool_classes_by_scheme = guarded_pool_classes(policy)
        # Proxies from the environment (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), read once.
        self._proxies = {scheme: url for scheme, url in getproxies().items()
                         if scheme in ("http", "https")}
        self._proxy_pools: dict[str, ProxyManager] = {}
        self._lock = threading.Lock()

    def pool_for(self, url: str) -> PoolManager:
        """The pool to send ``url`` through: direct, or the environment's proxy for it."""
        if not self._proxies:
            return self.pool
        parts = urlsplit(url)
        proxy = self._proxies.get(parts.scheme)
        if proxy is None or proxy_bypass(parts.hostname or ""):
            return self.pool
        with self._lock:
            if proxy not in self._proxy_pools:
                self._proxy_pools[proxy] = ProxyManager(proxy, **self._pool_args)  # type: ignore[arg-type]
            return self._proxy_pools[proxy]

    def close(self) -> None:
        self.pool.clear()
        for pool in self._proxy_pools.values():
            pool.clear()
