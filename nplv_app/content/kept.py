"""Builders that may be kept: a decorator on a pure builder says, once, that its result depends
on its arguments alone, so the app may compute it once and hand out copies.

Why a mark and not a cache here: ``content`` is pure (tests, exports and chart workers call the
builders without Streamlit). The decorators only route a call to the store that
``nplv_app.runtime.cache`` activates for a script run of the app; in any other thread, and
wherever no store is active, the builder runs exactly as written.

- ``@kept``: the result (frames, texts, dicts) kept per argument values.
- ``@kept_chart``: an Altair chart builder; the app receives the chart's Vega-Lite dict, built
  once per argument values (in a chart worker).
- ``@kept_deck``: a pydeck builder; the app receives the deck serialised once.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Protocol


class Store(Protocol):
    def result(self, builder: Callable, args: tuple, kwargs: dict): ...

    def chart(self, builder: Callable, args: tuple, kwargs: dict): ...

    def deck(self, builder: Callable, args: tuple, kwargs: dict): ...


_ACTIVE = threading.local()


def activate(store: Store | None) -> None:
    """Route kept builders called in this thread to ``store`` (None: run them as written)."""
    _ACTIVE.store = store


def active() -> Store | None:
    return getattr(_ACTIVE, "store", None)


def _route(kind: str) -> Callable[[Callable], Callable]:
    def decorate(builder: Callable) -> Callable:
        @functools.wraps(builder)
        def call(*args, **kwargs):
            store = active()
            if store is None:
                return builder(*args, **kwargs)
            return getattr(store, kind)(call, args, kwargs)

        call.kept = kind
        return call

    return decorate


kept = _route("result")
kept_chart = _route("chart")
kept_deck = _route("deck")
