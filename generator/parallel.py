"""Work split over every core: forked workers inherit what the parent has loaded, so only results travel."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The function and items of the fork_map under way: workers are forked after it is set, so they inherit both
# and are sent only where each chunk starts and ends (pickling 10,000 items to send them cost the parent 0.1 s).
_JOB: tuple[Callable[[Sequence[Any]], list[Any]], Sequence[Any]] | None = None


def _run_chunk(bounds: tuple[int, int]) -> list[Any]:
    """In a worker: the job's function over one slice of the inherited items."""
    assert _JOB is not None
    func, items = _JOB
    return func(items[bounds[0] : bounds[1]])


def fork_map(
    func: Callable[[Sequence[T]], list[R]], items: Sequence[T], *, min_items: int, chunks_per_worker: int = 4
) -> list[R]:
    """`func` over contiguous chunks of `items`, in forked workers when there are many; results keep their order.

    Workers inherit `func`, `items` and anything `func` reads from module globals set before the call.
    """
    global _JOB
    workers = min(os.cpu_count() or 1, 8)
    # Without fork (Windows) workers would not inherit what `func` reads: all in this process, then.
    if len(items) < min_items or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return func(items)
    size = -(-len(items) // (workers * chunks_per_worker))
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _JOB = (func, items)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_run_chunk, bounds) for result in chunk]
    finally:
        _JOB = None
