"""JavaScript's number-to-string conversion in a radix, which X's syndication token relies on."""

from __future__ import annotations

import math
import struct

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _next_double(value: float) -> float:
    bits = struct.unpack("<q", struct.pack("<d", value))[0]
    return float(struct.unpack("<d", struct.pack("<q", bits + 1))[0])


def double_to_radix(value: float, radix: int) -> str:
    """JavaScript's ``Number.prototype.toString(radix)``: a port of V8's DoubleToRadixCString.

    V8 writes fraction digits only up to the double's own precision (``delta``) and rounds
    the last one half-to-even, carrying into earlier digits; Python has no equivalent.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "-Infinity" if value < 0 else "Infinity"
    negative = value < 0
    value = -value if negative else value
    integer = float(math.floor(value))
    fraction = value - integer
    delta = max(0.5 * (_next_double(value) - value), _next_double(0.0))
    digits: list[int] = []
    if fraction >= delta:
        while True:
            fraction *= radix
            delta *= radix
            digit = int(fraction)
            digits.append(digit)
            fraction -= digit
            if (fraction > 0.5 or (fraction == 0.5 and digit & 1)) and fraction + delta > 1:
                # Round up, carrying over digits that overflow (into the integer part last).
                while True:
                    if not digits:
                        integer += 1
                        break
                    last = digits.pop()
                    if last + 1 < radix:
                        digits.append(last + 1)
                        break
                break
            if fraction < delta:
                break
    integer_digits: list[str] = []
    # Digits below the double's precision are written as zeros (V8: Exponent() > 0).
    while math.frexp(integer / radix)[1] > 53:
        integer /= radix
        integer_digits.append("0")
    while True:
        remainder = math.fmod(integer, radix)
        integer_digits.append(_DIGITS[int(remainder)])
        integer = (integer - remainder) / radix
        if integer <= 0:
            break
    text = ("-" if negative else "") + "".join(reversed(integer_digits))
    if digits:
        text += "." + "".join(_DIGITS[d] for d in digits)
    return text
