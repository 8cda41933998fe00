"""The one ``requests`` session of a run, built in one place.

Connections go through the address guard (``guard.py``); retries and timeouts are the
transport's (``transport.py``), so the session itself never retries behind its back.
"""

from __future__ import annotations

from typing import Any

import requests
from requests.adapters import HTTPAdapter

from srclint import __version__
from srclint.fetch.guard import AddressPolicy, guarded_pool_classes
from srclint.fetch.settings import FetchSettings

PROJECT_URL = "https://github.com/srclint/srclint"


def user_agent(settings: FetchSettings) -> str:
    return settings.user_agent or f"srclint/{__version__} (+{PROJECT_URL})"


class GuardedAdapter(HTTPAdapter):
    """An adapter whose connection pools check every new connection's address."""

    def __init__(self, policy: AddressPolicy, pool_maxsize: int) -> None:
        self.policy = policy
        # max_retries=0: the transport's own loop retries, bounded by a per-URL deadline.
        super().__init__(pool_connections=64, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = guarded_pool_classes(self.policy)


def build_session(settings: FetchSettings) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = user_agent(settings)
    session.headers["Accept"] = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    policy = AddressPolicy.from_strings(settings.allow_private, settings.allow_networks)
    biggest_host = max([settings.per_host, *(h.in_flight for h in settings.hosts.values())])
    adapter = GuardedAdapter(policy, pool_maxsize=max(biggest_host, 4))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
