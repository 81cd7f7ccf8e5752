"""Chart specs as plain Vega-Lite dicts, built once per input and shared by every session.

Why: building a composed Altair chart and serialising it (deep copies and JSON-schema
validation) costs up to 1-2 s for the larger charts, and Streamlit converts Altair charts under
one process-wide lock, so one slow chart would delay every user. A dict goes to
``st.vega_lite_chart`` without that lock, and the cache makes a repeated view cost a lookup.
The chart tests validate every builder's output against the Vega-Lite schema, so the app skips
validation here.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st
from altair.utils import schemapi

from nplv_app import data, maps, offload

# Charts are small by design (national-scale pages aggregate before charting); the limit of
# Altair's default data transformer would only turn a large selection into an error.
alt.data_transformers.disable_max_rows()


def _share_altair_converter() -> None:
    """Let Altair build its schema-to-class table once per set of classes, not on every
    ``from_dict``.

    Why: Altair (6.3) turns each channel given as shorthand or condition into an object with
    ``SchemaBase.from_dict``, which first hashes the JSON schema of all ~570 schema classes
    into a fresh lookup table: a third of the time of building a chart. The table depends only
    on the classes (and their order), so it is kept per tuple of classes. The output is the
    same (``tests/test_offload.py`` compares every page's charts with Altair's own).
    """
    if getattr(schemapi.SchemaBase.from_dict, "__nplv_shared__", False):
        return
    converters: dict[tuple, schemapi._FromDict] = {}

    def from_dict(cls, dct, validate=True):
        if validate:
            cls.validate(dct)
        # the same classes in the same order as Altair would use now (importing a module can
        # add classes): then the same table
        classes = tuple(cls._default_wrapper_classes())
        converter = converters.get(classes)
        if converter is None:
            converter = converters[classes] = schemapi._FromDict(classes)
        return converter.from_dict(dct, cls)

    from_dict.__nplv_shared__ = True
    schemapi.SchemaBase.from_dict = classmethod(from_dict)


ALTAIR_FROM_DICT = schemapi.SchemaBase.__dict__["from_dict"]  # Altair's own, for the tests
_share_altair_converter()


def to_spec(chart: alt.TopLevelMixin) -> dict:
    """The chart's Vega-Lite dict with the data inline, without schema validation."""
    return chart.to_dict(validate=False)


def arrow_datasets(spec: dict) -> dict:
    """The spec with each inline dataset (a list of records) as Arrow IPC bytes.

    Why: ``st.vega_lite_chart`` turns record lists into Arrow on every run (a data frame built
    from dicts, then serialised: tens of ms for the larger charts) but passes bytes through.
    Cached specs therefore hold bytes; ``exports.records_datasets`` turns them back.
    """
    datasets = spec.get("datasets") or {}
    if not datasets:
        return spec
    from streamlit import dataframe_util

    return {**spec, "datasets": {
        name: (dataframe_util.convert_anything_to_arrow_bytes(value)
               if isinstance(value, list) else value)
        for name, value in datasets.items()}}


@st.cache_resource(show_spinner=False, max_entries=1024)
def _built(module: str, name: str, args: tuple) -> dict:
    return _build(getattr(importlib.import_module(module), name), *args)


def cached(builder: Callable[..., alt.TopLevelMixin], *args, key: tuple | None = None) -> dict:
    """``builder(*args)`` as a Vega-Lite dict, from the cache when the same inputs were seen.

    Without ``key`` the arguments are hashed (data frames by content, a few ms each); with
    ``key`` (see ``by_key``) they are not.
    """
    if key is not None:
        return by_key(_build, (builder.__module__, builder.__name__, *key), builder, *args)
    return data.fresh(_built(builder.__module__, builder.__name__,
                             tuple(tuple(a) if isinstance(a, list) else a for a in args)))


def _spec_of(builder: Callable[..., alt.TopLevelMixin], *args) -> dict:
    return arrow_datasets(to_spec(builder(*args)))


def _build(builder: Callable[..., alt.TopLevelMixin], *args) -> dict:
    """A cache miss: the spec is built in a chart worker process (``offload.CHARTS``), beside
    the server's own thread rather than in it."""
    return offload.run(_spec_of, builder, *args, pool=offload.CHARTS)


def selection_key(frame: pd.DataFrame, column: str = "area_id") -> str:
    """A short key for the rows of a selection: the data version and a digest of the ids."""
    ids = "\n".join(map(str, frame[column].tolist()))
    return f"{data.version()}:{hashlib.sha1(ids.encode()).hexdigest()[:16]}"


@st.cache_data(show_spinner=False, max_entries=64)
def _deck(key: str, lang: str, focus_area_id: str | None, _frame: pd.DataFrame):
    deck = maps.area_deck(_frame, lang, focus_area_id=focus_area_id)
    return deck.to_json(), getattr(deck, "_tooltip", None)


def area_deck(frame: pd.DataFrame, lang: str, focus_area_id: str | None) -> maps.PrebuiltDeck:
    """``maps.area_deck`` serialised once per selection, language and focus area (the frame
    itself is not hashed: ``selection_key`` stands for it)."""
    return maps.PrebuiltDeck(*_deck(selection_key(frame), lang, focus_area_id, frame))


@st.cache_resource(show_spinner=False, max_entries=1024)
def _by_key(module: str, name: str, key: tuple, _args: tuple):
    return getattr(importlib.import_module(module), name)(*_args)


def by_key(function: Callable, key: tuple, *args):
    """``function(*args)`` cached under ``key`` instead of its arguments, for pure functions of
    large frames (hashing 17.000 rows on every rerun would cost what the cache saves). ``key``
    must name everything the arguments hold: a ``selection_key``, the language, the inputs.
    Kept once per process; each caller gets ``data.fresh`` containers around it."""
    return data.fresh(_by_key(function.__module__, function.__name__, key, args))
