"""The one place results are kept: the memo tables, the keys, and the copy each caller gets.

- Keys come from the arguments (``token``). A frame handed out by this module (a query result,
  a kept builder's result) is remembered by identity with the key it was made under, so passing
  it on costs a dict lookup; any other frame is keyed by a digest of its content, worked out
  once per frame object. Query keys name the data version, so a rebuilt database starts afresh
  and nothing stale is served.
- ``fresh``: each caller gets new containers around the kept data (pandas 3 copies on write, so
  a shallow copy of a frame is safe and costs microseconds). Frames handed out are read, not
  changed in place: a caller that needs other values makes a new frame (``assign``, ``loc``).
- ``STORE`` serves ``nplv_app.content.kept``'s decorators; ``activate`` turns it on for the
  calling thread (the frame does so at the start of each script run).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import weakref
from collections.abc import Callable

import pandas as pd

from nplv_app.content import kept, maps
from nplv_app.runtime import specs
from nplv_app.runtime.memo import Memo

QUERIES = Memo("queries", 1024)  # named queries, per data version and arguments
DERIVED = Memo("derived", 256)  # nplv_app.derived: several queries combined, per data version
RESULTS = Memo("kept_results", 2048)  # @kept builders
SPECS = Memo("chart_specs", 1024)  # @kept_chart builders: FrozenSpec
DECKS = Memo("decks", 64)  # @kept_deck builders: deck JSON and tooltip
SOURCE_TEXTS = Memo("source_texts", 1024)  # 'Bron: ...' captions
TABLE_CSV = Memo("table_csv", 64)  # whole tables as CSV, per data version


class Values(tuple):
    """A list argument as a cache key: keyed by its digest, computed once, not element by
    element (a 17.000-element tuple costs most of a millisecond to hash on every lookup)."""

    def __new__(cls, values):
        self = super().__new__(cls, values)
        self.digest = hashlib.sha1("\x1f".join(map(repr, self)).encode()).hexdigest()
        return self

    def __reduce__(self):  # pickles (worker processes) as a plain tuple
        return (tuple, (tuple(self),))


def plain(value):
    """Lists and sets become ``Values`` (hashable, keyed by digest) for query arguments."""
    if isinstance(value, (list, set, frozenset, tuple)) and not isinstance(value, Values):
        return Values(sorted(value) if isinstance(value, (set, frozenset)) else value)
    return value


# --- keys ----------------------------------------------------------------------------------

_KNOWN: dict[int, tuple[weakref.ref, object, tuple]] = {}  # id -> (object, its key, its shape)


def _shape(value) -> tuple:
    if isinstance(value, pd.DataFrame):
        return (len(value), tuple(value.columns))
    return (len(value), value.name)


def _remember(value, key) -> None:
    """Remember the key of a frame handed out (or already digested) for as long as it lives."""
    ident = id(value)
    _KNOWN[ident] = (weakref.ref(value, lambda _ref: _KNOWN.pop(ident, None)), key,
                     _shape(value))


def _digest(value: pd.DataFrame | pd.Series) -> str:
    names = value.columns.tolist() if isinstance(value, pd.DataFrame) else [value.name]
    hashed = pd.util.hash_pandas_object(value, index=True).values.tobytes()
    return hashlib.sha1(repr(names).encode() + hashed).hexdigest()


_SHORT = 64  # lists up to this many items are keyed item by item; longer ones by a digest
_PLAIN_TYPES = (str, int, float, bool, type(None))


def token(value):
    """A hashable key that names everything ``value`` holds."""
    if isinstance(value, str):
        return value
    if isinstance(value, _PLAIN_TYPES):
        return (type(value).__name__, value)  # True and 1 are different keys
    if isinstance(value, (pd.DataFrame, pd.Series)):
        known = _KNOWN.get(id(value))
        if known is not None and known[0]() is value and known[2] == _shape(value):
            return known[1]
        key = ("frame", _digest(value))
        _remember(value, key)
        return key
    if isinstance(value, Values):
        return ("values", value.digest)
    if isinstance(value, (list, tuple)):
        if len(value) > _SHORT and all(isinstance(v, _PLAIN_TYPES) for v in value):
            return (type(value).__name__, Values(value).digest)
        return (type(value).__name__, tuple(token(v) for v in value))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(map(repr, value))))
    if isinstance(value, dict):
        return ("dict", tuple((k, token(v)) for k, v in value.items()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__qualname__,
                tuple(token(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if callable(value):
        return ("function", value.__module__, value.__qualname__)
    try:
        hash(value)
    except TypeError:
        return ("repr", repr(value))
    return (type(value).__name__, value)


def call_key(function: Callable, args: tuple, kwargs: dict | None = None) -> tuple:
    return (function.__module__, function.__qualname__, tuple(token(a) for a in args),
            tuple(sorted((k, token(v)) for k, v in (kwargs or {}).items())))


# --- copies ----------------------------------------------------------------------------------

def fresh(value, key=None):
    """A copy of a kept result for one caller: new containers around the same data; frames in
    it remember ``key`` (and where in the result they sit), so passing them on is cheap.

    Why: results are kept once per process instead of pickled copies (``st.cache_data``),
    whose unpickling took a tenth of the server's time under load.
    """
    if isinstance(value, (pd.DataFrame, pd.Series)):
        copied = value.copy(deep=False)
        if key is not None:
            _remember(copied, key)
        return copied
    part = (lambda where: None) if key is None else (lambda where: (key, where))
    if isinstance(value, dict):
        if all(isinstance(item, _PLAIN_TYPES) for item in value.values()):
            return dict(value)
        return {k: fresh(item, part(k)) for k, item in value.items()}
    if isinstance(value, (list, tuple)):
        if all(isinstance(item, _PLAIN_TYPES) for item in value):
            return type(value)(value)
        return type(value)(fresh(item, part(i)) for i, item in enumerate(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        clone = copy.copy(value)  # no __init__: a frozen input need not be validated again
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if (copied := fresh(item, part(f.name))) is not item:
                object.__setattr__(clone, f.name, copied)
        return clone
    return value


def kept_call(table: Memo, key: tuple, compute: Callable[[], object]):
    """``compute()`` kept in ``table`` under ``key``; a fresh copy for the caller."""
    return fresh(table.get(key, compute), key)


# --- the store behind nplv_app.content.kept --------------------------------------------------

class _Store:
    """Serves ``@kept``, ``@kept_chart`` and ``@kept_deck`` builders (``builder`` is the
    decorated function; ``__wrapped__`` is the builder as written)."""

    def result(self, builder: Callable, args: tuple, kwargs: dict):
        return kept_call(RESULTS, call_key(builder, args, kwargs),
                         lambda: builder.__wrapped__(*args, **kwargs))

    def chart(self, builder: Callable, args: tuple, kwargs: dict) -> dict:
        frozen = SPECS.get(call_key(builder, args, kwargs),
                           lambda: specs.FrozenSpec.of(specs.build(builder, args, kwargs)))
        return frozen.thaw()

    def deck(self, builder: Callable, args: tuple, kwargs: dict) -> maps.PrebuiltDeck:
        def build():
            deck = builder.__wrapped__(*args, **kwargs)
            return deck.to_json(), getattr(deck, "_tooltip", None)

        text, tooltip = DECKS.get(call_key(builder, args, kwargs), build)
        return maps.PrebuiltDeck(text, fresh(tooltip))


STORE = _Store()


def activate() -> None:
    """Keep the results of kept builders called in this thread (one script run)."""
    kept.activate(STORE)
