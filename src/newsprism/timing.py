"""The one stage timer: wall time per named stage, added up into a dict.

``api.ingest`` times read / store / embed / extract / cluster with it; ``compare/build.py``
still has a copy of its own (``_Clock``) that should become this one.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["StageClock"]


class StageClock:
    """Adds the seconds spent in each stage into ``into`` (nothing is kept when it is None)."""

    def __init__(self, into: dict[str, float] | None) -> None:
        self.into = into

    @contextmanager
    def timed(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self._add(name, time.perf_counter() - start)

    def timed_iter(self, name: str, items: Iterable[Any]) -> Iterator[Any]:
        """``items`` as they are, the time spent producing each one added to ``name``."""
        it = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(it)
            except StopIteration:
                self._add(name, time.perf_counter() - start)
                return
            self._add(name, time.perf_counter() - start)
            yield item

    def _add(self, name: str, seconds: float) -> None:
        if self.into is not None:
            self.into[name] = self.into.get(name, 0.0) + seconds
