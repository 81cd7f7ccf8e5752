"""Chart specs as plain Vega-Lite dicts, built once per input and shared by every session.

Why: building a composed Altair chart and serialising it (deep copies and JSON-schema
validation) costs up to 1-2 s for the larger charts, and Streamlit converts Altair charts under
one process-wide lock, so one slow chart would delay every user. A dict goes to
``st.vega_lite_chart`` without that lock, and the cache makes a repeated view cost a lookup:
specs are kept as JSON text (``FrozenSpec``) and each caller gets its own dict parsed from it.
The chart tests validate every builder's output against the Vega-Lite schema, so the app skips
validation here.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd

from nplv_app import altair_speedups, data, maps, offload
from nplv_app.memo import Memo

# Altair's private internals are patched in one file, only on the exact Altair version they
# were written and checked against (``altair_speedups``); any other version runs Altair's own.
ALTAIR_FROM_DICT = altair_speedups.ALTAIR_FROM_DICT  # Altair's own, for the tests
ALTAIR_DEEP_COPY = altair_speedups.ALTAIR_DEEP_COPY
altair_speedups.install()


_FAST_KINDS = ("str", "string", "bool", "int64", "float64")


def records(frame: pd.DataFrame) -> list[dict] | None:
    """Altair's ``sanitize_pandas_dataframe`` followed by ``to_dict(orient="records")``, for
    frames whose columns are text, bool, int64, float64 or datetimes; None for any other frame
    (Altair's own way then).

    Why: Altair sanitises each layer's frame column by column with pandas operations (copy,
    ``astype(object)``, ``where``): a quarter of the time of building a layered chart with ten
    small frames. The same values come from one pass over plain lists: missing text and NaN or
    infinite numbers become None, datetimes ISO text ('' for NaT).
    """
    names = list(frame.columns)
    if (isinstance(frame.index, pd.MultiIndex) or isinstance(frame.columns, pd.MultiIndex)
            or not names or not all(isinstance(n, str) for n in names)
            or len(set(names)) != len(names)):
        return None
    columns = []
    for name in names:
        col = frame[name]
        kind = str(col.dtype)
        if kind.startswith("datetime"):
            columns.append(["" if pd.isna(v) else v.isoformat() for v in col])
            continue
        if kind not in _FAST_KINDS:
            return None
        values = col.tolist()
        if kind == "float64":
            bad = (col.isna() | col.abs().eq(float("inf"))).tolist()
        elif kind in ("str", "string"):
            bad = col.isna().tolist()
        else:
            columns.append(values)
            continue
        columns.append([None if b else v for v, b in zip(values, bad, strict=True)])
    return [dict(zip(names, row, strict=True)) for row in zip(*columns, strict=True)]


def _to_values(data):
    """Altair's data transformer without a row limit (national-scale pages aggregate before
    charting; a limit would only turn a large selection into an error), with ``records``."""
    if isinstance(data, pd.DataFrame) and (found := records(data)) is not None:
        return {"values": found}
    return alt.utils.data.to_values(data)


alt.data_transformers.register("nplv", _to_values)
alt.data_transformers.enable("nplv")


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


@dataclass(frozen=True)
class FrozenSpec:
    """A cached Vega-Lite dict as JSON text, its datasets (Arrow bytes) aside.

    Why: every caller needs a dict of its own (Streamlit and the presentation theme change the
    top level; nothing may change the cached one). Copying a nested spec in Python cost 3-4 ms
    a chart per rerun; parsing the text costs a tenth of that.
    """

    text: str
    datasets: tuple[tuple[str, object], ...]

    @classmethod
    def of(cls, spec: dict) -> FrozenSpec:
        rest = {k: v for k, v in spec.items() if k != "datasets"}
        return cls(json.dumps(rest), tuple((spec.get("datasets") or {}).items()))

    def thaw(self) -> dict:
        spec = json.loads(self.text)
        if self.datasets:
            spec["datasets"] = dict(self.datasets)
        return spec


SPECS = Memo("chart_specs", 1024)
RESULTS = Memo("by_key", 1024)
DECKS = Memo("decks", 64)


def cached(builder: Callable[..., alt.TopLevelMixin], *args, key: tuple | None = None) -> dict:
    """``builder(*args)`` as a Vega-Lite dict, from the cache when the same inputs were seen.

    ``key`` (see ``by_key``) must name everything the arguments hold; without it the arguments
    themselves are the key (data frames by a digest of their content, a few ms each).
    """
    if key is None:
        key = tuple(_content_key(a) for a in args)
    frozen = SPECS.get((builder.__module__, builder.__name__, *key),
                       lambda: FrozenSpec.of(_build(builder, *args)))
    return frozen.thaw()


def _content_key(value):
    if isinstance(value, pd.DataFrame | pd.Series):
        digest = hashlib.sha1(pd.util.hash_pandas_object(value, index=True).values.tobytes())
        names = value.columns.tolist() if isinstance(value, pd.DataFrame) else [value.name]
        return ("frame", tuple(map(str, names)), digest.hexdigest())
    if isinstance(value, list):
        return tuple(_content_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _content_key(v)) for k, v in value.items()))
    return value


def _spec_of(builder: Callable[..., alt.TopLevelMixin], *args) -> dict:
    return arrow_datasets(to_spec(builder(*args)))


def _build(builder: Callable[..., alt.TopLevelMixin], *args) -> dict:
    """A cache miss: the spec is built in a chart worker process (``offload.CHARTS``), beside
    the server's own thread rather than in it."""
    return offload.run(_spec_of, builder, *args, pool=offload.CHARTS)


def warm_chart_worker() -> None:
    """What a chart worker does before its first task: import every chart builder and build one
    tiny chart (Altair fills its lookup tables on the first)."""
    from nplv_app.charts import areas, budget, scenario, timeline  # noqa: F401

    to_spec(alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q"))


def start_chart_workers() -> bool:
    """Start the chart workers (``offload.prestart``), once per process."""
    return offload.prestart(offload.CHARTS, warm_chart_worker)


def selection_key(frame: pd.DataFrame, column: str = "area_id") -> str:
    """A short key for the rows of a selection: the data version and a digest of the ids."""
    ids = "\n".join(map(str, frame[column].tolist()))
    return f"{data.version()}:{hashlib.sha1(ids.encode()).hexdigest()[:16]}"


def area_deck(frame: pd.DataFrame, lang: str, focus_area_id: str | None) -> maps.PrebuiltDeck:
    """``maps.area_deck`` serialised once per selection, language and focus area (the frame
    itself is not hashed: ``selection_key`` stands for it)."""
    def build():
        deck = maps.area_deck(frame, lang, focus_area_id=focus_area_id)
        return deck.to_json(), getattr(deck, "_tooltip", None)

    text, tooltip = DECKS.get((selection_key(frame), lang, focus_area_id), build)
    return maps.PrebuiltDeck(text, data.fresh(tooltip))


def by_key(function: Callable, key: tuple, *args):
    """``function(*args)`` cached under ``key`` instead of its arguments, for pure functions of
    large frames (hashing 17.000 rows on every rerun would cost what the cache saves). ``key``
    must name everything the arguments hold: a ``selection_key``, the language, the inputs.
    Kept once per process; each caller gets ``data.fresh`` containers around it."""
    return data.fresh(RESULTS.get((function.__module__, function.__qualname__, *key),
                                  lambda: function(*args)))
