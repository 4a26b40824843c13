"""Work split over every core: forked workers inherit what the parent has loaded, so only results travel."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fork_map(
    func: Callable[[Sequence[T]], list[R]], items: Sequence[T], *, min_items: int, chunks_per_worker: int = 4
) -> list[R]:
    """`func` over contiguous chunks of `items`, in forked workers when there are many; results keep their order.

    `func` must be a module-level function (it is sent by name); anything it reads from module globals set
    before the call is inherited by the workers as it is.
    """
    workers = min(os.cpu_count() or 1, 8)
    # Without fork (Windows) workers would not inherit the globals `func` reads: all in this process, then.
    if len(items) < min_items or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return func(items)
    size = -(-len(items) // (workers * chunks_per_worker))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return [result for chunk in pool.map(func, chunks) for result in chunk]
