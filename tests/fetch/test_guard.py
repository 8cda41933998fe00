"""The address guard: checked on each new connection's address, redirects included."""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

from srclint.fetch.guard import AddressPolicy, is_public
from srclint.model import FetchStatus, Redirect, Request

from .conftest import FetchRun
from .server import LocalServer

# (address, public?) — documentation ranges are "reserved" for the guard's purpose.
ADDRESSES = [
    ("127.0.0.1", False),  # loopback
    ("127.0.0.2", False),
    ("10.1.2.3", False),  # private
    ("172.16.0.1", False),
    ("192.168.1.1", False),
    ("169.254.169.254", False),  # link-local: cloud metadata endpoints live here
    ("100.64.0.1", False),  # carrier-grade NAT
    ("0.0.0.0", False),  # unspecified
    ("224.0.0.1", False),  # multicast
    ("224.0.1.1", False),  # multicast, even the globally scoped kind
    ("240.0.0.1", False),  # reserved
    ("255.255.255.255", False),
    ("::1", False),
    ("::", False),
    ("fe80::1", False),  # link-local
    ("fc00::1", False),  # unique local
    ("ff02::1", False),  # multicast
    ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
    ("::ffff:10.0.0.1", False),
    ("93.184.216.34", True),
    ("1.1.1.1", True),
    ("2606:4700:4700::1111", True),
    ("::ffff:1.1.1.1", True),
]


@pytest.mark.parametrize(("address", "public"), ADDRESSES)
def test_is_public(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


def test_policy_allows_listed_networks_only() -> None:
    policy = AddressPolicy.from_strings(False, ["127.0.0.1/32", "10.20.0.0/16"])
    assert policy.allows(ipaddress.ip_address("127.0.0.1"))
    assert policy.allows(ipaddress.ip_address("::ffff:127.0.0.1"))
    assert policy.allows(ipaddress.ip_address("10.20.3.4"))
    assert not policy.allows(ipaddress.ip_address("127.0.0.2"))
    assert AddressPolicy(allow_private=True).allows(ipaddress.ip_address("127.0.0.2"))


def test_loopback_is_refused_by_default(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/ok")
    fetched = run([Request(url)], allow_private=False)[0][url]
    assert fetched.status is FetchStatus.REFUSED
    assert fetched.error == "refused to connect to non-public address 127.0.0.1"
    assert server.count() == 0


def test_a_name_is_refused_on_the_address_it_resolves_to(
    server: LocalServer, run: FetchRun
) -> None:
    url = f"http://localhost:{server.port}/ok"
    fetched = run([Request(url)], allow_private=False)[0][url]
    assert fetched.status is FetchStatus.REFUSED
    assert "(localhost)" in fetched.error
    assert server.count() == 0


def test_redirect_to_a_refused_address_is_refused(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/to-other-address")
    other = f"http://127.0.0.2:{server.port}/ok"
    fetched = run([Request(url)], allow_private=False, allow_networks=("127.0.0.1/32",))[0][url]
    assert fetched.status is FetchStatus.REFUSED
    assert fetched.error == "refused to connect to non-public address 127.0.0.2"
    assert fetched.redirects == (Redirect(url, 302, other),)
    assert fetched.final_url == other
    assert server.count() == 1  # the allowed first hop only


def test_allow_private_lifts_the_guard(server: LocalServer, run: FetchRun) -> None:
    url = server.url("/ok")
    assert run([Request(url)], allow_private=True)[0][url].ok


def test_every_new_connection_is_checked_dns_rebinding(
    server: LocalServer, run: FetchRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name that resolves to an allowed address once and a refused one next time."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "127.0.0.2"])

    def rebinding(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), args[0]))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = f"http://rebind.example:{server.port}/ok"
    settings = {"allow_private": False, "allow_networks": ("127.0.0.1/32",), "use_cache": False}
    assert run([Request(url)], **settings)[0][url].ok
    second = run([Request(url)], **settings)[0][url]
    assert second.status is FetchStatus.REFUSED
    assert second.error == "refused to connect to non-public address 127.0.0.2 (rebind.example)"
    assert server.count() == 1
