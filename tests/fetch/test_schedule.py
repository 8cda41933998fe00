from __future__ import annotations

from srclint.fetch import HostLimit
from srclint.fetch.limits import HostLimiter
from srclint.fetch.schedule import Scheduler
from srclint.model import Request


def test_round_robin_within_caps_then_done() -> None:
    todo = [Request(f"https://a.example/{i}") for i in range(3)] + [
        Request("https://b.example/1"), Request("mailto:x@example.com")]
    scheduler = Scheduler(todo, HostLimiter(4, {"a.example": HostLimit(in_flight=1)}))
    first = scheduler.take()
    second = scheduler.take()
    third = scheduler.take()
    assert first is not None and second is not None and third is not None
    assert [first[1], second[1], third[1]] == ["a.example", "b.example", ""]
    scheduler.release("a.example")  # a.example's single slot is free again
    fourth = scheduler.take()
    assert fourth is not None and fourth[0].url == "https://a.example/1"
    scheduler.release("a.example")
    last = scheduler.take()
    assert last is not None and last[0].url == "https://a.example/2"
    assert scheduler.take() is None
