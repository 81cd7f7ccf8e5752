"""Run slow, GIL-holding work in separate processes, so other sessions keep going.

Streamlit serves every session from threads of one process, and Python runs one thread at a
time (the GIL): a thread that computes for a second stops every other user for that second.
Two kinds of work go to pools of worker processes instead (started on first use or by
``prestart``, reused after), while the calling thread waits without the GIL:

* ``RENDER``: vl-convert (chart images, slide decks) holds the GIL for the whole of each call;
  measured on the 2-core machine, one PNG of the budget-lines chart stopped every other thread
  of the server for 0.8-1.0 s.
* ``CHARTS``: building a chart spec with Altair for a selection not seen before (30-1.000 ms
  per chart, a third of the server's time under a 25-user load test), so that on a machine
  with more than one core it runs beside the server's own thread.

``NPLV_RENDER_WORKERS`` and ``NPLV_CHART_WORKERS`` set the pool sizes (default: half the
cores, at least one); requests beyond them queue. ``NPLV_CHART_WORKERS=0`` builds charts in
the calling thread (the unit tests do, so that they can patch the builders). A crashed worker
is replaced once per call. No Streamlit here.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

TIMEOUT_S = 180


@dataclass(frozen=True)
class Pool:
    name: str
    env: str  # the environment variable with the pool's size
    tasks_per_worker: int | None  # then a fresh process (None: never)


# vl-convert: after 100 tasks a fresh process, so the JavaScript engine's memory stays bounded
RENDER = Pool("render", "NPLV_RENDER_WORKERS", 100)
CHARTS = Pool("charts", "NPLV_CHART_WORKERS", None)

_pools: dict[str, ProcessPoolExecutor] = {}
_lock = threading.Lock()
_prestarted: set[str] = set()


def workers(pool: Pool = RENDER) -> int:
    """The pool's size: from its environment variable, else half the cores (at least one).
    Only ``CHARTS`` may be 0 (work stays in the calling thread)."""
    least = 0 if pool is CHARTS else 1
    try:
        return max(least, int(os.environ[pool.env]))
    except (KeyError, ValueError):
        return max(1, (os.cpu_count() or 2) // 2)


def _executor(pool: Pool, broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
    with _lock:
        current = _pools.get(pool.name)
        if current is not None and current is broken:
            current.shutdown(wait=False, cancel_futures=True)
            current = None
        if current is None:
            # spawn, not fork: the server has many threads, and a forked copy of a lock held by
            # one of them would never be released in the child.
            current = _pools[pool.name] = ProcessPoolExecutor(
                max_workers=workers(pool), mp_context=multiprocessing.get_context("spawn"),
                max_tasks_per_child=pool.tasks_per_worker)
        return current


def prestart(pool: Pool, warm: Callable[[], object]) -> bool:
    """Start the pool's workers now, each running ``warm`` first; returns at once, and does
    nothing after the first call per pool or when the pool's size is 0. Returns True when it
    started them. A spawned worker runs the main script (app.py) once more as ``__mp_main__``
    while it starts, so the caller there must not prestart again.

    Why: a worker is a new process that imports pandas and Altair before its first task (about
    2 s here). Started at the server's first script run, that happens on the other core while
    the server imports its own modules, instead of after, in front of the first chart.
    """
    size = workers(pool)
    with _lock:
        if size == 0 or pool.name in _prestarted:
            return False
        _prestarted.add(pool.name)
    executor = _executor(pool)
    for _ in range(size):
        executor.submit(warm)  # a failure only shows in the future nobody reads: run() retries
    return True


def run(function: Callable, *args, pool: Pool = RENDER, **kwargs):
    """``function(*args, **kwargs)`` in a worker process of ``pool`` (in this thread when the
    pool's size is 0); arguments and result must pickle (module-level functions, dicts, data
    frames, bytes)."""
    if workers(pool) == 0:
        return function(*args, **kwargs)
    executor = _executor(pool)
    try:
        return executor.submit(function, *args, **kwargs).result(timeout=TIMEOUT_S)
    except BrokenProcessPool:
        return _executor(pool, broken=executor).submit(function, *args, **kwargs).result(
            timeout=TIMEOUT_S)
