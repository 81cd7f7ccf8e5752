"""The one gate to nplv_data: the data check, the data version, the read-only connection and
the named queries.

The connection is kept per data version (``st.cache_resource``); query results are kept once
per process (``nplv_app.runtime.cache``), keyed on the query's name, the data version and its
arguments, and each caller gets fresh containers around them. A rebuilt database has a new
version, so nothing stale is served.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from nplv_app.content import fmt
from nplv_app.runtime import cache, memo
from nplv_app.runtime.cache import Values, fresh  # noqa: F401 (data.fresh, data.Values)
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


def pin_language(lang: str) -> str:
    """The language of this script run (app.py): the free text of the data (publishers, notes,
    dates as written) is read in it, and results are kept per language."""
    _RUN.lang = lang
    return lang


def language() -> str:
    """The pinned language; a thread that never pinned reads the data as written (English)."""
    return getattr(_RUN, "lang", "en")


@st.cache_resource(show_spinner=False, max_entries=4)
def _database(path: str, data_version: str) -> queries.Database:
    return queries.Database(path)


@st.cache_resource(show_spinner=False, max_entries=4)
def _dutch_database(path: str, data_version: str) -> queries.TranslatedDatabase:
    db = _database(path, data_version)
    return queries.TranslatedDatabase(db, dutch_texts(db))


def dutch_texts(db: queries.Database) -> dict[str, str]:
    """English -> Dutch for the data's free text: data_texts.csv, and every source date that
    ``fmt.text_date`` can read ('11 Feb 2026' -> '11 feb. 2026', 'undated' -> 'ongedateerd')."""
    dates = {text: fmt.text_date(text, "nl") for text in queries.source_dates(db)}
    return {**{k: v for k, v in dates.items() if v is not None}, **queries.data_texts(db)}


def database() -> queries.Database | queries.TranslatedDatabase:
    """The connection of this run's data version; in Dutch runs its results read in Dutch."""
    if language() == "nl":
        return _dutch_database(str(db_path()), version())
    return _database(str(db_path()), version())


def _kept(table, function: Callable, args: tuple):
    """``function(db, *args)`` from ``table``, keyed on its name, the data version and the
    arguments; a fresh copy for the caller."""
    plain = tuple(cache.plain(a) for a in args)
    key = ("db", function.__module__, function.__name__, version(), language(),
           tuple(cache.token(a) for a in plain))
    return cache.kept_call(table, key, lambda: function(database(), *plain))


def with_database(function: Callable) -> Callable:
    """For ``nplv_app.derived``: ``function(db, *args)`` is called as ``function(*args)``, with
    the database of this run's data version, and its result is kept per data version and
    arguments (pure functions that combine several queries and cost time at national scale)."""
    @functools.wraps(function)
    def call(*args):
        return _kept(cache.DERIVED, function, args)

    return call


def query(function: Callable, *args):
    """Run a named query from nplv_data.queries through the cache: ``query(queries.areas)``."""
    if getattr(queries, function.__name__, None) is not function:
        raise ValueError(f"{function.__name__} is not a named query")
    return _kept(cache.QUERIES, function, args)


SMALL_TABLE_ROWS = 20_000  # up to this, a table's CSV is sent with the page; else on click


def table_csv(name: str) -> bytes:
    """A whole EXPORTABLE table as CSV, written once per data version. Large tables are
    offered as a deferred callable of this, so they are written only when clicked."""
    return cache.TABLE_CSV.get((name, version()), lambda: query(queries.table, name).to_csv(
        index=False).encode("utf-8"))


def clear_caches() -> None:
    """Forget every cached connection, query result, chart and text (tests that change limits
    or swap files under a running process)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    memo.clear_all()
