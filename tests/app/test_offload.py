"""Worker processes for GIL-holding work (``nplv_app.runtime.offload``): chart specs built in a
chart
worker are the specs built in process; pool sizes follow their environment variables."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nplv_app import data
from nplv_app.content.charts import areas as area_charts
from nplv_app.runtime import offload, specs


def test_a_chart_built_in_a_worker_is_the_chart_built_here(monkeypatch, real_areas):
    frame = area_charts.residents_frame(real_areas, "nl", [])
    here = specs._spec_of(area_charts.residents_chart, frame, "nl")
    monkeypatch.setenv("NPLV_CHART_WORKERS", "1")
    assert offload.run(os.getpid, pool=offload.CHARTS) != os.getpid()
    assert specs._build(area_charts.residents_chart, frame, "nl") == here


def _loaded(module: str) -> bool:
    return module in sys.modules


def test_chart_workers_start_early_and_warm_up_once(monkeypatch):
    monkeypatch.setenv("NPLV_CHART_WORKERS", "1")
    monkeypatch.setattr(offload, "_prestarted", set())
    monkeypatch.setattr(offload, "_pools", {})  # a fresh pool: its worker has done nothing yet
    try:
        assert specs.start_chart_workers() is True
        assert specs.start_chart_workers() is False
        # the one worker ran the warm-up before this task: the chart builders are imported
        assert offload.run(_loaded, "nplv_app.content.charts.timeline", pool=offload.CHARTS) is True
    finally:
        offload._pools["charts"].shutdown()
    monkeypatch.setenv("NPLV_CHART_WORKERS", "0")
    monkeypatch.setattr(offload, "_prestarted", set())
    assert specs.start_chart_workers() is False  # charts are built in the calling thread


def test_pool_sizes(monkeypatch):
    monkeypatch.setenv("NPLV_CHART_WORKERS", "0")
    assert offload.workers(offload.CHARTS) == 0
    assert offload.run(os.getpid, pool=offload.CHARTS) == os.getpid()  # in this thread
    monkeypatch.setenv("NPLV_RENDER_WORKERS", "0")
    assert offload.workers(offload.RENDER) == 1  # images always render apart
    monkeypatch.setenv("NPLV_CHART_WORKERS", "three")
    assert offload.workers(offload.CHARTS) == max(1, (os.cpu_count() or 2) // 2)


def test_charts_built_with_the_shared_altair_converter_are_altairs_own(monkeypatch):
    """``specs`` lets Altair keep one schema-to-class table, deep-copy without calling
    constructors again and turn frames into records in one pass; every page's charts are the
    same as with Altair's own ``SchemaBase.from_dict``, ``_deep_copy`` and data transformer."""
    import altair as alt
    from altair.utils import schemapi
    from app_support import PAGES, run_page, vega_specs

    def all_specs():
        data.clear_caches()
        return {page: vega_specs(run_page(page, unfolded=False)) for page in PAGES}

    shared = all_specs()
    assert sum(len(found) for found in shared.values()) >= 10
    monkeypatch.setattr(schemapi.SchemaBase, "from_dict", specs.ALTAIR_FROM_DICT)
    monkeypatch.setattr(schemapi, "_deep_copy", specs.ALTAIR_DEEP_COPY)
    with alt.data_transformers.enable("default", max_rows=None):
        altairs_own = all_specs()
    assert alt.data_transformers.active == "nplv"
    assert altairs_own == shared


def test_records_are_what_altair_makes_of_a_frame():
    """Missing text, NaN, infinities, NaT, bools, ints and an unusual index: the same records
    as Altair's ``sanitize_pandas_dataframe`` and ``to_dict``; other column types go
    Altair's way."""
    import math

    import pandas as pd
    from altair.utils.core import sanitize_pandas_dataframe

    frame = pd.DataFrame({
        "name": ["a", None, "c", "d"],
        "value": [1.5, math.nan, math.inf, -math.inf],
        "count": [1, 2, 3, 4],
        "flag": [True, False, True, False],
        "day": pd.to_datetime(["2022-07-01", None, "2023-01-02T10:30", "2024-02-29"],
                              format="ISO8601"),
        "text": pd.array(["x", None, "z", "w"], dtype="string"),
    }, index=[10, 20, 30, 40])
    expected = sanitize_pandas_dataframe(frame).to_dict(orient="records")
    assert specs.records(frame) == expected
    assert specs.records(frame.iloc[:0]) == []
    assert specs.records(frame.assign(kind=pd.Categorical(["a", "b", "a", "b"]))) is None
    assert specs.records(pd.DataFrame({0: [1]})) is None


def test_a_deep_copy_is_an_equal_and_independent_chart():
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"x": [1, 2], "y": ["a", "b"]})
    base = alt.Chart(frame).encode(x="x:Q", y="y:N")
    chart = alt.layer(base.mark_bar(), base.mark_text(dx=4).encode(text="x:Q")).properties(
        height=80)
    copy = chart.copy(deep=True)
    assert copy == chart and copy is not chart
    assert specs.to_spec(copy) == specs.to_spec(chart)
    copy.layer[0].mark = "point"  # changing the copy leaves the chart alone
    assert chart.layer[0].mark != "point"


def test_altair_speedups_only_on_the_pinned_altair_version():
    """On any Altair version but the pinned one, nothing of Altair is replaced: a fresh process
    that asks for the speed-ups with another version number builds charts with Altair's own
    code, and gets the same spec as with the speed-ups."""
    import subprocess

    script = (
        "import json, altair as alt, pandas as pd\n"
        "from altair.utils import schemapi\n"
        "from nplv_app.runtime import altair_speedups as s\n"
        "own = (schemapi._deep_copy, schemapi.SchemaBase.__dict__['from_dict'])\n"
        "def spec():\n"
        "    base = alt.Chart(pd.DataFrame({'x': [1, 2], 'y': ['a', 'b']})).encode("
        "x='x:Q', y=alt.Y('y:N', sort='-x'))\n"
        "    return alt.layer(base.mark_bar(), base.mark_text().encode(text='x:Q'))"
        ".copy(deep=True).to_dict(validate=False)\n"
        "before = spec()\n"
        "assert s.install('0.0.0') is False and not s.is_installed()\n"
        "assert (schemapi._deep_copy, schemapi.SchemaBase.__dict__['from_dict']) == own\n"
        "assert s.install() is (alt.__version__ == s.PINNED)\n"
        "print(json.dumps(before == spec()))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=str(Path(__file__).resolve().parents[2]), timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "true"
