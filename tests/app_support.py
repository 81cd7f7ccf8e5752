"""Helpers for app tests with streamlit.testing.v1.AppTest (imported by tests, not a conftest).

The app under test reads a database built once per test process into a temporary folder from
the real sources, so tests never touch the developer's data/nplv.duckdb.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from nplv_app.content import pages as page_list
from nplv_app.content.pages import page_file

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
PAGES = {name: page_file(name) for name in page_list.PAGES}
TIMEOUT = 60  # AppTest's default of 3 s is too short on a 2-core machine

_DB_DIR: str | None = None


def use_test_database() -> Path:
    """Point the app at a per-process database (built by the app's own first-start check)."""
    global _DB_DIR
    if _DB_DIR is None:
        _DB_DIR = tempfile.mkdtemp(prefix="nplv-apptest-")
    path = Path(_DB_DIR) / "nplv.duckdb"
    os.environ["NPLV_DB"] = str(path)
    os.environ.pop("NPLV_SOURCES", None)
    return path


def run_page(page: str | None = None, params: dict | None = None, *,
             unfolded: bool = False) -> AppTest:
    """Run the app (optionally switched to one page) with URL query parameters; ``unfolded``:
    then open every folded part (chart tables, downloads, view link) and run again."""
    use_test_database()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    if page is not None and page != "overzicht":
        at.switch_page(PAGES[page])  # before the first run: keeps the URL parameters
    at.run()
    return unfold(at) if unfolded else at


def unfold(at: AppTest) -> AppTest:
    """Open every folded expander (``ui.folded``: keys ending in ``_open``, the downloads
    section) as a user's click would, and run again."""
    from nplv_app.frame import downloads

    keys = [k for k in at.session_state.keys()
            if str(k).endswith("_open") or k == downloads.SECTION_KEY]
    for key in keys:
        at.session_state[key] = True
    return at.run() if keys else at


def every_tab(at: AppTest, key: str):
    """Open each tab of the tab group ``key`` in turn, as clicks would (tabs built only while
    open), and yield the run; the first tab is open again afterwards."""
    labels = [tab.label for tab in at.tabs]
    for label in labels:
        at.session_state[key] = label
        yield at.run()
    at.session_state[key] = labels[0]
    at.run()


def vega_specs(at: AppTest) -> list[dict]:
    """Vega-Lite specs of the Altair charts on the page (undocumented element: wrapped here)."""
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def chart_datasets(at: AppTest) -> list[tuple[dict, dict[str, pd.DataFrame]]]:
    """Each chart's spec with its data by dataset name (data travels as Arrow datasets)."""
    return [(json.loads(el.proto.spec),
             {d.name: convert_arrow_bytes_to_pandas_df(d.data.data) for d in el.proto.datasets})
            for el in at.get("vega_lite_chart")]


def chart_rows(at: AppTest, index: int = 0) -> list[dict]:
    """The data rows of one chart on the page, all its datasets together."""
    _spec, datasets = chart_datasets(at)[index]
    return [row for frame in datasets.values() for row in frame.to_dict("records")]


def deck_specs(at: AppTest) -> list[dict]:
    """pydeck JSON of the maps on the page (undocumented element: wrapped here)."""
    return [json.loads(el.proto.json) for el in at.get("deck_gl_json_chart")]


def visible_text(at: AppTest) -> str:
    """Text of the common text elements, for 'is this figure on screen' assertions."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success"):
        parts.extend(str(el.value) for el in getattr(at, kind))
    for metric in at.metric:
        parts.append(f"{metric.label}: {metric.value} ({metric.delta})")
    return "\n".join(parts)


def download_exports(at: AppTest) -> dict[str, object]:
    """The files the page's downloads section offers, by button key (``downloads.Export``:
    ``file_name``, ``kind``, ``build()``), from the session as the last run left them."""
    from nplv_app.frame import downloads

    return {export.key: export for export in at.session_state[downloads.EXPORTS_KEY]}


def app_database() -> Path:
    """The database file the app under test reads, built now if no app run has built it yet
    in this test process (the same check the app makes at start)."""
    from nplv_data.build import DEFAULT_SOURCES, ensure_database

    path = use_test_database()
    ensure_database(DEFAULT_SOURCES, path)
    return path


def slide_texts(slide) -> str:
    """All text of a python-pptx slide: text boxes and table cells."""
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def screen_texts(at: AppTest) -> list[str]:
    """Every text a reader sees on the page as the run left it: titles, Markdown, captions,
    notices, metrics, expander and tab labels, widget labels and options, table headers and text
    cells, chart titles and alt texts."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                 "error", "success", "toast"):
        parts.extend(str(el.value) for el in getattr(at, kind, []))
    for metric in at.metric:
        parts += [str(metric.label), str(metric.value), str(metric.delta or "")]
    parts += [str(el.label) for el in at.expander] + [str(el.label) for el in at.tabs]
    for kind in ("selectbox", "multiselect", "radio", "toggle", "checkbox", "button",
                 "text_input", "number_input", "slider", "select_slider", "button_group"):
        for widget in getattr(at, kind, []):
            parts.append(str(getattr(widget, "label", "") or ""))
            parts.extend(str(o) for o in (getattr(widget, "options", None) or []))
    for kind in ("dataframe", "table"):
        for element in getattr(at, kind, []):
            frame = element.value
            shown = list(getattr(element.proto, "column_order", None) or [])
            frame = frame[[c for c in shown if c in frame.columns]] if shown else frame
            # a header as shown: its column_config label, else the column's name
            config = json.loads(getattr(element.proto, "columns", "") or "{}")
            parts.extend(str((config.get(str(c)) or {}).get("label") or c)
                         for c in frame.columns)
            for column in frame.columns:
                parts.extend(v for v in frame[column].tolist() if isinstance(v, str))
    for element in list(at.get("vega_lite_chart")) + list(at.get("arrow_vega_lite_chart")):
        spec = json.loads(element.proto.spec)
        parts += _spec_titles(spec)
        parts.append(str(getattr(element.proto, "alt", "") or ""))
    return [p for p in parts if p]


def _spec_titles(spec) -> list[str]:
    """Titles in a Vega-Lite spec (chart, axis, legend): what the chart prints besides data."""
    found: list[str] = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                found.append(value)
            elif key == "title" and isinstance(value, dict) and isinstance(value.get("text"), str):
                found.append(value["text"])
            elif key not in ("datasets", "data"):
                found += _spec_titles(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _spec_titles(item)
    return found
