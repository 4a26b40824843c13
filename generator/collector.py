"""Python's cycle collector, paused while a command makes millions of objects that hold no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nested blocks leave it as they found it; forked workers inherit).

    A check makes millions of small acyclic objects: the collector would only walk them again and again
    (10–15% of a check of 10,000 entries), and once more when it is turned back on and they are all new.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
