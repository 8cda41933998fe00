from __future__ import annotations

import pytest

from srclint.sources.jsnumber import double_to_radix


# Expected strings are what node prints for (value).toString(36).
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.5, "0.i"),
        (255.0, "73"),
        (1e21, "5v1j4f4ds7c000"),
        (2.0**60, "8rc4kbdvss00"),
        (-0.5, "-0.i"),
        (0.0, "0"),
        (1 / 3, "0.c"),
        (0.1, "0.3lllllllllm"),
    ],
)
def test_double_to_radix_matches_javascript(value: float, expected: str) -> None:
    assert double_to_radix(value, 36) == expected
