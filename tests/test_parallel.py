"""fork_map (generator/parallel.py): chunks on every core, results in order; one process where fork is missing."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence

import pytest

from generator.parallel import fork_map


def _doubled_with_pid(items: Sequence[int]) -> list[tuple[int, int]]:
    return [(item * 2, os.getpid()) for item in items]


def test_results_keep_their_order_and_come_from_worker_processes() -> None:
    results = fork_map(_doubled_with_pid, list(range(200)), min_items=1)
    assert [value for value, _ in results] == [n * 2 for n in range(200)]
    if (os.cpu_count() or 1) >= 2:
        assert {pid for _, pid in results} - {os.getpid()}, "no chunk ran in a worker"


def test_without_fork_everything_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows has no fork: workers would not inherit what the function reads, so nothing is sent to them."""
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    results = fork_map(_doubled_with_pid, list(range(200)), min_items=1)
    assert results == [(n * 2, os.getpid()) for n in range(200)]
