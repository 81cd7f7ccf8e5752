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

import json
from collections.abc import Callable
from dataclasses import dataclass

import altair as alt
import pandas as pd

from nplv_app.runtime import altair_speedups, offload

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


def _spec_of(builder: Callable[..., alt.TopLevelMixin], *args, **kwargs) -> dict:
    """The builder's chart as a Vega-Lite dict with Arrow datasets (``builder`` may be a
    ``@kept_chart`` builder: its own code runs, as written)."""
    return arrow_datasets(to_spec(getattr(builder, "__wrapped__", builder)(*args, **kwargs)))


def _build(builder: Callable[..., alt.TopLevelMixin], *args, **kwargs) -> dict:
    """A cache miss: the spec is built in a chart worker process (``offload.CHARTS``), beside
    the server's own thread rather than in it."""
    return offload.run(_spec_of, builder, *args, pool=offload.CHARTS, **kwargs)


def build(builder: Callable[..., alt.TopLevelMixin], args: tuple, kwargs: dict) -> dict:
    return _build(builder, *args, **kwargs)


def warm_chart_worker() -> None:
    """What a chart worker does before its first task: import every chart builder and build one
    tiny chart (Altair fills its lookup tables on the first)."""
    from nplv_app.content.charts import areas, budget, scenario, timeline  # noqa: F401

    to_spec(alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q"))


def start_chart_workers() -> bool:
    """Start the chart workers (``offload.prestart``), once per process."""
    return offload.prestart(offload.CHARTS, warm_chart_worker)
