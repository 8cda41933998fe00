"""The address guard: srclint connects only to public addresses unless told otherwise.

The check runs on the address of each new connection, right before ``connect()``, on
the very address the socket is about to use: no separate DNS lookup that a second
answer could contradict. So redirects to ``http://127.0.0.1/`` and DNS rebinding (a
name that resolves to a public address once and a private one the next time) are
refused too.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util.connection import allowed_gai_family

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class AddressRefused(Exception):
    """A connection to a non-public address was refused by the guard (not an OSError:
    urllib3 must not retry it or wrap it as a network failure)."""

    def __init__(self, host: str, address: str) -> None:
        self.host = host
        self.address = address
        where = address if host == address else f"{address} ({host})"
        super().__init__(f"refused to connect to non-public address {where}")


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not (
        address.is_multicast
        or address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_reserved
        or address.is_unspecified
    )


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses connections may go to."""

    allow_private: bool = False
    allow_networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def from_strings(cls, allow_private: bool, networks: Iterable[str]) -> AddressPolicy:
        parsed = tuple(ipaddress.ip_network(n, strict=False) for n in networks)
        return cls(allow_private=allow_private, allow_networks=parsed)

    def allows(self, address: IPAddress) -> bool:
        if self.allow_private or is_public(address):
            return True
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return any(address in network for network in self.allow_networks)


def _is_reserved_invalid(host: str) -> bool:
    # RFC 6761 §6.4: names under .invalid never resolve; answer NXDOMAIN without asking
    # the resolver (tests rely on it, and it saves a round trip).
    return host.rstrip(".").lower().endswith(".invalid") or host.lower() == "invalid"


def guarded_create_connection(
    address: tuple[str, int],
    timeout: float | None,
    policy: AddressPolicy,
    source_address: tuple[str, int] | None = None,
    socket_options: list[tuple[int, int, int | bytes]] | None = None,
) -> socket.socket:
    """Like ``socket.create_connection``, but each resolved address passes ``policy`` first."""
    host, port = address
    host = host.strip("[]")
    if _is_reserved_invalid(host):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    refused: AddressRefused | None = None
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in socket.getaddrinfo(
        host, port, allowed_gai_family(), socket.SOCK_STREAM
    ):
        ip = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if not policy.allows(ip):
            refused = refused or AddressRefused(host, str(ip))
            continue
        sock = socket.socket(family, kind, proto)
        try:
            for level, option, value in socket_options or ():
                sock.setsockopt(level, option, value)
            sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as failure:
            error = failure
            sock.close()
    if error is not None:
        raise error
    if refused is not None:
        raise refused
    raise OSError(f"no address found for {host}")


class _GuardedConnectionMixin:
    """Replaces urllib3's ``_new_conn`` so that every socket goes through the guard."""

    policy: AddressPolicy = AddressPolicy()
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None
    socket_options: list[tuple[int, int, int | bytes]] | None
    _dns_host: str

    def _new_conn(self) -> socket.socket:
        try:
            return guarded_create_connection(
                (self._dns_host, self.port),
                self.timeout,
                self.policy,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except socket.gaierror as failure:
            raise NameResolutionError(self.host, self, failure) from failure  # type: ignore[arg-type]
        except TimeoutError as failure:
            raise ConnectTimeoutError(
                self, f"Connection to {self.host} timed out (connect timeout={self.timeout})"
            ) from failure
        except OSError as failure:
            raise NewConnectionError(
                self,  # type: ignore[arg-type]
                f"Failed to establish a new connection: {failure}",
            ) from failure


def guarded_pool_classes(
    policy: AddressPolicy,
) -> dict[str, type[HTTPConnectionPool]]:
    """Connection-pool classes (for ``PoolManager.pool_classes_by_scheme``) bound to ``policy``."""
    http_conn = type("GuardedHTTPConnection", (_GuardedConnectionMixin, HTTPConnection),
                     {"policy": policy})
    https_conn = type("GuardedHTTPSConnection", (_GuardedConnectionMixin, HTTPSConnection),
                      {"policy": policy})
    http_pool = type("GuardedHTTPConnectionPool", (HTTPConnectionPool,),
                     {"ConnectionCls": http_conn})
    https_pool = type("GuardedHTTPSConnectionPool", (HTTPSConnectionPool,),
                      {"ConnectionCls": https_conn})
    return {"http": http_pool, "https": https_pool}
