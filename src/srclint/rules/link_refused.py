"""srclint refused to connect: the link points at a non-public address.

By default srclint connects only to public addresses (not loopback, private,
link-local, multicast or reserved ones), checked on every connection, redirects and
DNS answers included. Use ``--allow-private`` or ``allow-private = true`` in the
config for intranet documentation.

Passes::

    [docs](https://docs.python.org/3/)

Fails::

    [admin](http://192.168.1.1/)
    essay.md:1:1: L004 refused to connect to non-public address 192.168.1.1 [link-refused]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import FetchStatus, Finding, Level
from srclint.rules.base import Subject, make_finding

CODE = "L004"
NAME = "link-refused"
LEVEL = Level.WARNING
SUMMARY = "the link points at a non-public address and was not fetched"


def check(subject: Subject) -> Iterator[Finding]:
    fetched = subject.fetched
    if subject.link is None or fetched is None or fetched.status is not FetchStatus.REFUSED:
        return
    reason = fetched.error or "refused to connect to a non-public address"
    yield make_finding(
        __name__, subject, f"{reason} (use --allow-private to allow it)",
        evidence={"status": str(fetched.status)},
    )
