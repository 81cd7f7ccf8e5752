"""Process-wide memo tables for pure results: bounded, least recently used out first, and each
value computed once even when several sessions ask for it at the same moment.

Why not ``st.cache_resource``: a page makes 30-60 cached calls per rerun, and Streamlit builds
each call's key by inspecting the function's signature and hashing every argument (0.2-0.4 ms a
call, measured): 5-15 ms of every rerun for lookups whose keys are already small tuples here.
The keys name everything a value depends on, the data version included, so nothing stale is
served and nothing needs clearing in normal use. No Streamlit here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

_TABLES: list[Memo] = []


class Memo:
    """One table: ``memo.get(key, compute)`` returns the value kept for ``key``, or computes,
    keeps and returns it. A failing ``compute`` keeps nothing (its exception propagates)."""

    def __init__(self, name: str, max_entries: int):
        self.name = name
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()
        self.hits = self.misses = 0
        _TABLES.append(self)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                self.hits += 1
                return self._values[key]
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:  # one computation per key; the others wait for it, then find it kept
            with self._lock:
                if key in self._values:
                    self.hits += 1
                    return self._values[key]
            try:
                value = compute()
                with self._lock:  # kept before the key's lock goes: no second computation
                    self.misses += 1
                    self._values[key] = value
                    while len(self._values) > self.max_entries:
                        self._values.popitem(last=False)
            finally:
                with self._lock:
                    self._computing.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values


def clear_all() -> None:
    """Empty every table (tests that swap the database under a running process)."""
    for table in _TABLES:
        table.clear()
