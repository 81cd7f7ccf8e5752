"""The one place that caches: the read-only connection and query results.

The connection is kept per data version (``st.cache_resource``); query results are kept once
per process in ``memo`` tables, keyed on the query's name, the data version and small, plain
arguments, and each caller gets ``fresh`` containers around them. A rebuilt database has a new
version, so nothing stale is served.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import streamlit as st

from nplv_app import memo
from nplv_app.memo import Memo
from nplv_data import queries
from nplv_data.build import DEFAULT_DB, DEFAULT_SOURCES, database_version, ensure_database
from nplv_data.validate import SourceDataError


def sources_dir() -> Path:
    return Path(os.environ.get("NPLV_SOURCES", DEFAULT_SOURCES))


def db_path() -> Path:
    return Path(os.environ.get("NPLV_DB", DEFAULT_DB))


class DataUnavailable(Exception):
    """No database can be served; ``reason`` is a text key, ``detail`` the technical cause."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


_CHECKED: set[tuple] = set()


def _file_state(source: Path, target: Path) -> tuple:
    """Cheap identity of the sources and the database: stats, not contents."""
    def stat(path: Path):
        try:
            info = path.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    files = sorted(source.glob("*.csv")) if source.is_dir() else []
    return (str(target), stat(target), tuple((f.name, stat(f)) for f in files))


def checked() -> bool:
    """Whether the sources and database are as at the last successful check (file stats
    only): then ``ensure`` has nothing to do and needs no spinner."""
    return _file_state(sources_dir(), db_path()) in _CHECKED


def ensure() -> tuple[bool, str | None]:
    """Build the database if missing, stale or corrupt.

    Returns (rebuilt, problem_text): problem_text is set when the sources are invalid but an
    older database is still served. Raises DataUnavailable when nothing can be served.
    """
    source, target = sources_dir(), db_path()
    state = _file_state(source, target)
    if state in _CHECKED:  # nothing changed since the last check: no rehash, no reread
        return False, None
    try:
        rebuilt = ensure_database(source, target)
        _CHECKED.add(_file_state(source, target))
        return rebuilt, None
    except SourceDataError as exc:
        if database_version(target) is not None:
            return False, str(exc)
        if not source.is_dir():
            raise DataUnavailable("sources_missing", str(exc)) from exc
        raise DataUnavailable("sources_invalid", str(exc)) from exc


@functools.lru_cache(maxsize=8)
def _version_of(path: str, mtime_ns: int, size: int) -> str:
    return database_version(Path(path)) or "none"


_RUN = threading.local()  # the version pinned for the current script run (pin_version)


def _stat_version() -> str:
    path = db_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return "none"
    return _version_of(str(path), stat.st_mtime_ns, stat.st_size)


def pin_version() -> str:
    """Read the data version once for this script run (app.py, after the data check): every
    query of the run then uses it without another file stat, and a database replaced halfway
    through a run cannot mix two versions on one page. Streamlit runs each script run in its
    own thread; a thread that never pinned reads the file each time."""
    _RUN.version = _stat_version()
    return _RUN.version


def version() -> str:
    """The data version of the database file: pinned for this run, else read (a stat, not a
    query)."""
    return getattr(_RUN, "version", None) or _stat_version()


@st.cache_resource(show_spinner=False, max_entries=4)
def _database(path: str, data_version: str) -> queries.Database:
    return queries.Database(path)


def database() -> queries.Database:
    return _database(str(db_path()), version())


class Values(tuple):
    """A list argument as a cache key: keyed by its digest, computed once, not element by
    element (a 17.000-element tuple costs most of a millisecond to hash on every lookup)."""

    def __new__(cls, values):
        self = super().__new__(cls, values)
        self.digest = hashlib.sha1("\x1f".join(map(repr, self)).encode()).hexdigest()
        return self

    def __reduce__(self):  # pickles (worker processes) as a plain tuple
        return (tuple, (tuple(self),))


def _key(args: tuple) -> tuple:
    return tuple(("values", a.digest) if isinstance(a, Values) else a for a in args)


def _plain(value):
    """Lists become hashable tuples so that arguments work as cache keys."""
    if isinstance(value, (list, set, frozenset, tuple)):
        return Values(sorted(value) if isinstance(value, (set, frozenset)) else value)
    return value


_PLAIN = (str, int, float, bool, type(None))  # immutable: shared, not copied


def fresh(value):
    """A copy of a cached result for one caller: new containers around the same data.

    Why: query results are kept once per process (``memo``) instead of pickled copies
    (``st.cache_data``), whose unpickling took a tenth of the server's time under load.
    Pandas 3 copies on write, so a shallow copy of a frame shares its columns until the caller
    changes one, and then only the caller's copy changes; lists and dicts are copied here.
    """
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy(deep=False)
    if isinstance(value, dict):
        if all(isinstance(item, _PLAIN) for item in value.values()):
            return dict(value)
        return {key: fresh(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        if all(isinstance(item, _PLAIN) for item in value):
            return type(value)(value)
        return type(value)(fresh(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        clone = copy.copy(value)  # no __init__: a frozen input need not be validated again
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if (copied := fresh(item)) is not item:
                object.__setattr__(clone, f.name, copied)
        return clone
    return value


QUERIES = Memo("queries", 1024)
DERIVED = Memo("derived", 256)


def _kept(table: Memo, function: Callable, args: tuple):
    """``function(db, *args)`` from ``table``, keyed on its name, the data version and the
    arguments; a fresh copy for the caller."""
    plain = tuple(_plain(a) for a in args)
    key = (function.__module__, function.__name__, version(), _key(plain))
    return fresh(table.get(key, lambda: function(database(), *plain)))


def derived(function: Callable, *args):
    """``function(db, *args)`` through the cache, keyed like a named query: for pure functions
    that combine several queries and cost time at national scale on every rerun."""
    return _kept(DERIVED, function, args)


def query(function: Callable, *args):
    """Run a named query from nplv_data.queries through the cache: ``query(queries.areas)``."""
    if getattr(queries, function.__name__, None) is not function:
        raise ValueError(f"{function.__name__} is not a named query")
    return _kept(QUERIES, function, args)


SMALL_TABLE_ROWS = 20_000  # up to this, a table's CSV is sent with the page; else on click


TABLE_CSV = Memo("table_csv", 64)


def table_csv(name: str) -> bytes:
    """A whole EXPORTABLE table as CSV, written once per data version. Large tables are
    offered as a deferred callable of this, so they are written only when clicked."""
    return TABLE_CSV.get((name, version()), lambda: query(queries.table, name).to_csv(
        index=False).encode("utf-8"))


def clear_caches() -> None:
    """Forget every cached connection, query result, chart and text (tests that change limits
    or swap files under a running process)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    memo.clear_all()
