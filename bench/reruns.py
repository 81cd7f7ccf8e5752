"""Server-side rerun time after typical interactions, in process with streamlit.testing.

Why AppTest and not the browser: a rerun's server cost is what grows with the data (queries,
builders, pydeck/Altair serialisation), and AppTest times exactly that — the script run plus
building every element's protobuf — without the browser's layout and paint, without the
websocket, and without the noise of a second process on a shared machine. The browser loads
(``bench.browser``) already time what the user sees. AppTest runs the same ``app.py`` and
pages with the same caches (warm after the page's first run). One thing
AppTest cannot do is click the map; the map's ``on_select`` callback only writes the chosen
area into the ``ov_gebied`` widget, so "select on the map" is timed by setting that widget
(the list beside the map), which reruns the same code with the same chosen area.

Each interaction alternates between two values (A, B, A, ...) so that every rerun changes
something. Scripts are compiled once and reused across runs, as in the server (AppTest on its
own recompiles them for every run). The first run of each page (cold caches for that page) is
reported apart.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.common import APP, PAGE_FILES, log, summary


class Skip(Exception):
    """The widget for an interaction is not on the page (pages are still being edited)."""


@dataclass(frozen=True)
class Interaction:
    name: str
    describe: str
    apply: Callable  # (at, step: int, dataset: Dataset) -> None


@dataclass(frozen=True)
class Dataset:
    name: str  # real | national
    db: str
    sources: str
    other_set: str  # the area set to switch to from all20
    choices: dict  # raw option values: "areas" (two area ids), "indicators" (two codes)


def _widget(at, kind: str, key: str):
    try:
        return getattr(at, kind)(key=key)
    except (KeyError, IndexError, ValueError) as exc:
        raise Skip(f"no {kind} with key {key!r}") from exc


def _set(at, step, ds):
    _widget(at, "selectbox", "set").set_value(ds.other_set if step % 2 == 0 else "all20")


def _slider(at, step, ds):
    slider = _widget(at, "slider", "inwoners")
    low, high = slider.min, slider.max
    half = max(low + 1000, (high // 2 // 1000) * 1000)
    slider.set_value((low, half) if step % 2 == 0 else (low, high))


def _selectbox_cycle(key: str, choices: str):
    """Alternate a selectbox between two raw option values (``Dataset.choices[choices]``):
    AppTest's ``select_index`` would pass the formatted label, which our format_funcs do not
    map back."""
    def apply(at, step, ds):
        box = _widget(at, "selectbox", key)
        values = ds.choices.get(choices, ())
        if len(values) < 2:
            raise Skip(f"fewer than two values for {key}")
        box.set_value(values[0] if box.value != values[0] else values[1])
    return apply


def _toggle(key: str):
    def apply(at, step, ds):
        toggle = _widget(at, "toggle", key)
        toggle.set_value(not toggle.value)
    return apply


def _number(key: str, values):
    def apply(at, step, ds):
        _widget(at, "number_input", key).set_value(values[step % 2])
    return apply


def _radio(key: str, values):
    def apply(at, step, ds):
        _widget(at, "radio", key).set_value(values[step % 2])
    return apply


SET = Interaction("set", "area set all20 <-> other (sidebar selectbox `set`)", _set)
SLIDER = Interaction("slider", "residents slider full <-> lower half (sidebar `inwoners`)", _slider)
INTERACTIONS: dict[str, list[Interaction]] = {
    "overzicht": [SET, SLIDER, Interaction(
        "map_select", "select an area on the map (emulated: widget `ov_gebied`, the state the "
        "map's on_select writes), alternating two areas", _selectbox_cycle("ov_gebied", "areas"))],
    "gebieden": [SET, SLIDER,
                 Interaction("indicator", "indicator picker `gb_indicator`, two options",
                             _selectbox_cycle("gb_indicator", "indicators")),
                 Interaction("area", "area detail picker `gb_gebied`, two areas",
                             _selectbox_cycle("gb_gebied", "areas"))],
    "budgetten": [SET, SLIDER, Interaction("only_selection", "toggle `bu_alleen_selectie`",
                                           _toggle("bu_alleen_selectie"))],
    "scenario": [SET, SLIDER,
                 Interaction("amount", "amount `sc_bedrag` 300M <-> 400M",
                             _number("sc_bedrag", (300_000_000, 400_000_000))),
                 Interaction("key", "allocation key `sc_key` per_resident <-> equal",
                             _radio("sc_key", ("per_resident", "equal")))],
    "tijdlijn": [SET, SLIDER, Interaction("only_selection", "toggle `tl_sel`", _toggle("tl_sel"))],
}


def _payload(at) -> dict:
    """Bytes of the map and chart elements of the last run (serialised protobuf sizes)."""
    deck = sum(el.proto.ByteSize() for el in at.get("deck_gl_json_chart"))
    vega = sum(el.proto.ByteSize() for el in at.get("vega_lite_chart"))
    frames = sum(el.proto.ByteSize() for el in at.get("dataframe"))
    return {"deck_kb": deck / 1000, "vega_kb": vega / 1000, "map_chart_kb": (deck + vega) / 1000,
            "dataframe_kb": frames / 1000,
            "n_deck": len(at.get("deck_gl_json_chart")), "n_vega": len(at.get("vega_lite_chart"))}


def _errors(at) -> list[str]:
    return [str(e.value)[:300] for e in at.exception]


_SCRIPT_CACHE = None


def _share_script_cache() -> None:
    """Compile each script once, as the server does.

    AppTest makes a new ``ScriptCache`` for every run, so every rerun it times includes
    compiling app.py and the page (20-30 ms here); a Streamlit server keeps one cache for its
    lifetime. Sharing one cache across runs times what the server does.
    """
    global _SCRIPT_CACHE
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test

    if _SCRIPT_CACHE is None:
        _SCRIPT_CACHE = ScriptCache()
        app_test.ScriptCache = lambda: _SCRIPT_CACHE


def measure_page(page: str, ds: Dataset, samples: int, budget_s: float,
                 timeout_s: float, profile: bool = False) -> dict:
    from streamlit.testing.v1 import AppTest

    _share_script_cache()

    os.environ["NPLV_DB"] = ds.db
    os.environ["NPLV_SOURCES"] = ds.sources
    at = AppTest.from_file(str(APP), default_timeout=timeout_s)
    if page != "overzicht":
        at.switch_page(PAGE_FILES[page])
    started = time.perf_counter()
    try:
        at.run()
    except RuntimeError as exc:  # AppTest's timeout
        return {"page": page, "first_run_s": time.perf_counter() - started,
                "error": f"first run: {exc}"[:300], "interactions": {}, "all_ms": None}
    first = time.perf_counter() - started
    result = {"page": page, "first_run_s": first, "errors": _errors(at), "payload": _payload(at),
              "interactions": {}}
    deadline = time.perf_counter() + budget_s
    pooled: list[float] = []
    for interaction in INTERACTIONS.get(page, [SET, SLIDER]):
        times: list[float] = []
        note = ""
        for step in range(samples):
            if time.perf_counter() > deadline and times:
                note = f"stopped after {len(times)} samples (time budget {budget_s:.0f} s)"
                break
            try:
                interaction.apply(at, step, ds)
            except Skip as exc:
                note = f"skipped: {exc}"
                break
            t0 = time.perf_counter()
            try:
                at.run()
            except RuntimeError as exc:
                note = f"timeout: {exc}"[:200]
                break
            except Exception as exc:  # noqa: BLE001 - AppTest itself failed: report it
                note = f"AppTest error: {type(exc).__name__}: {exc}"[:200]
                break
            times.append((time.perf_counter() - t0) * 1000)
            if at.exception:
                note = "exception on the page: " + "; ".join(_errors(at))[:200]
        if len(times) % 2:  # back to the starting state, so interactions do not mix
            try:
                interaction.apply(at, len(times), ds)
                at.run()
            except Exception:  # noqa: BLE001 - the next interaction reports its own trouble
                pass
        pooled += times
        result["interactions"][interaction.name] = {
            "describe": interaction.describe, "ms": summary(times), "note": note}
        log(f"  rerun {ds.name}/{page}/{interaction.name}: "
            + (f"median {summary(times)['median']:.0f} ms (n={len(times)})" if times else note))
    result["all_ms"] = summary(pooled)
    result["payload_after"] = _payload(at)
    if profile and pooled and result["all_ms"]["median"] < 60_000:
        from bench.profiling import profiled_run

        try:
            SET.apply(at, len(pooled), ds)
            result["profile"] = profiled_run(at)
        except (Skip, RuntimeError) as exc:
            result["profile_note"] = str(exc)[:200]
    return result


def choices(db_path: str) -> dict:
    """Two area ids (the largest areas) and the first two indicator codes of the picker."""
    from nplv_data import queries

    db = queries.Database(db_path)
    try:
        areas = queries.areas(db)["area_id"].tolist()[:2]
        try:
            from nplv_app.content.charts import areas as area_charts

            codes = list(area_charts.indicator_options(queries.indicator_catalog(db)))[:2]
        except Exception:  # noqa: BLE001 - the picker's builder is someone else's, and moving
            codes = []
    finally:
        db.close()
    return {"areas": tuple(areas), "indicators": tuple(codes)}


def measure(pages, ds: Dataset, samples: int, budget_s: float, timeout_s: float,
            profile: bool = False) -> dict:
    out = {}
    for page in pages:
        log(f"reruns: {ds.name}/{page}")
        out[page] = measure_page(page, ds, samples, budget_s, timeout_s, profile)
    return out
