"""Garbage-collector settings for a server process that holds many sessions at once.

Why: every thread of the server waits while Python's cyclic garbage collector runs. Under the
load test (25 sessions, a click every 1-3 s) the automatic collections took 4-7 s of a 70 s
run, and each full collection stopped all sessions for 120-370 ms, about every 7 s: it walks
every tracked object, and most of them are the ~200.000 that Streamlit, pandas, Altair and
DuckDB created at import and never free. Objects freed by reference counting (nearly all of a
rerun's) are unaffected by these settings; only cycles wait for a collection.

``settle`` runs once per process, after the first script run: it moves the objects that exist
then (the imported libraries, the database check) to the permanent generation, so that no
collection walks them again, and raises the thresholds so young objects get more time to die
before a collection would promote them. Cyclic garbage among the frozen objects (say, the first
session's, after it closes) is never collected: a bounded, one-time cost.

Measured with ``gc.callbacks`` in load-test runs on the same machine: collection time per run
4.3-6.9 s -> 1.9-2.4 s, full collections 16-17 -> 7-8 (about six of them while the first run
imports), the longest 250-370 ms -> 160-230 ms. The load test reports the server's memory.
"""

from __future__ import annotations

import gc
import threading

# gen0: net new objects between young collections (Python's default 700); gen1 and gen2: how
# many collections of the younger generation come before one of the older (defaults 10, 10).
THRESHOLDS = (10_000, 20, 20)

_lock = threading.Lock()
_settled = False


def settle() -> bool:
    """Freeze the objects that exist now and raise the thresholds, once per process.

    Returns True on the call that did it, False on every later one.
    """
    global _settled
    with _lock:
        if _settled:
            return False
        gc.freeze()
        gc.set_threshold(*THRESHOLDS)
        _settled = True
        return True
