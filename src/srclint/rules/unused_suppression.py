"""A ``srclint-disable…`` comment that suppressed nothing.

Stale suppressions hide future problems; remove them when the finding they were
for is fixed.

Passes::

    <!-- srclint-disable-next-line Q002 -->
    > a quote that really is altered

Fails::

    <!-- srclint-disable-next-line Q002 -->
    > a quote that matches its source exactly
    essay.md:1:1: S001 suppression of Q002 suppressed nothing [unused-suppression]
"""

from __future__ import annotations

from collections.abc import Iterator

from srclint.model import Finding, Level
from srclint.rules.base import Subject

CODE = "S001"
NAME = "unused-suppression"
LEVEL = Level.INFO
SUMMARY = "a suppression comment that suppressed nothing"


def check(subject: Subject) -> Iterator[Finding]:
    """Found by the suppression pass in ``srclint.suppress``, not per subject."""
    return iter(())
