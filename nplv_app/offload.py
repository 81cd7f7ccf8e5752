"""Run slow, GIL-holding export work in a separate process, so other sessions keep going.

vl-convert (the chart renderer) holds Python's GIL for the whole of each call: measured on the
2-core machine, one PNG of the budget-lines chart stopped every other thread of the server for
0.8-1.0 s, a slide deck in bursts of that length. Streamlit runs download builders on worker
threads, but threads do not help against the GIL, so rendering runs here instead: in a small
pool of worker processes (spawned on first use, reused after), while the calling thread waits
without the GIL. No Streamlit here.

``NPLV_RENDER_WORKERS`` sets the pool size (default: half the cores, at least one); requests
beyond it queue. A crashed worker is replaced once per call.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

TIMEOUT_S = 180
TASKS_PER_WORKER = 100  # then a fresh process: memory of the JavaScript engine stays bounded

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def workers() -> int:
    try:
        return max(1, int(os.environ["NPLV_RENDER_WORKERS"]))
    except (KeyError, ValueError):
        return max(1, (os.cpu_count() or 2) // 2)


def _executor(broken: ProcessPoolExecutor | None = None) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is not None and _pool is broken:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        if _pool is None:
            # spawn, not fork: the server has many threads, and a forked copy of a lock held by
            # one of them would never be released in the child.
            _pool = ProcessPoolExecutor(max_workers=workers(),
                                        mp_context=multiprocessing.get_context("spawn"),
                                        max_tasks_per_child=TASKS_PER_WORKER)
        return _pool


def run(function: Callable, *args, **kwargs):
    """``function(*args, **kwargs)`` in a worker process; its arguments and result must pickle
    (module-level functions, dicts, data frames, bytes)."""
    pool = _executor()
    try:
        return pool.submit(function, *args, **kwargs).result(timeout=TIMEOUT_S)
    except BrokenProcessPool:
        return _executor(broken=pool).submit(function, *args, **kwargs).result(
            timeout=TIMEOUT_S)
