"""Randomness for the demo town: seeded, and quick enough for millions of draws.

``random.Random`` spends most of a ``choice`` or ``randint`` on exact rejection sampling;
for demo data the float-based pick (bias below 2**-40) is indistinguishable and several
times faster, which matters when a 200,000-case town makes tens of millions of draws.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class DemoRandom(random.Random):
    """``random.Random`` (same seeding, same ``random()`` stream) with float-based picks."""

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        if step != 1:
            raise ValueError("only step 1 is supported")
        if stop is None:
            start, stop = 0, start
        if stop <= start:
            raise ValueError("empty range")
        return start + int(self.random() * (stop - start))

    def randint(self, a: int, b: int) -> int:
        if b < a:
            raise ValueError("empty range")
        return a + int(self.random() * (b - a + 1))

    def choice(self, seq: Sequence[T]) -> T:  # type: ignore[override]
        if not seq:
            raise IndexError("cannot choose from an empty sequence")
        return seq[int(self.random() * len(seq))]


class Weighted(Generic[T]):
    """Items with weights, cumulated once so each pick is one bisection."""

    def __init__(self, pairs: Iterable[tuple[T, float]]):
        items = list(pairs)
        self.items = [item for item, _ in items]
        self._cumulative = list(accumulate(weight for _, weight in items))
        self._total = self._cumulative[-1]

    def pick(self, rng: random.Random) -> T:
        return self.items[bisect_right(self._cumulative, rng.random() * self._total)]
