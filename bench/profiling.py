"""Where a rerun's time goes: one AppTest run under cProfile, summarised.

AppTest runs the script on a new thread per run, so the profiler is switched on inside that
thread through ``threading.setprofile``.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import threading
from pathlib import Path

from bench.common import ROOT

_PROJECT = tuple(str(ROOT / part) for part in ("views", "nplv_app", "nplv_data", "app.py"))


def profiled_run(at) -> list[dict]:
    """Run ``at`` once under cProfile: the top project functions by cumulative time, library
    entry points (serialisation, validation, Streamlit elements) by cumulative time, and the
    library's hottest functions by own time."""
    profiler = cProfile.Profile()

    def hook(frame, event, arg):
        sys.setprofile(None)
        profiler.enable()

    threading.setprofile(hook)
    try:
        at.run()
    finally:
        threading.setprofile(None)
        profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append({"where": _short(filename, line, name), "calls": calls,
                     "tottime_ms": tottime * 1000, "cumtime_ms": cumtime * 1000,
                     "project": filename.startswith(_PROJECT), "name": name})
    project = sorted((r for r in rows if r["project"]), key=lambda r: -r["cumtime_ms"])[:12]
    entry = sorted((r for r in rows if not r["project"] and r["name"] in _ENTRY_POINTS),
                   key=lambda r: -r["cumtime_ms"])[:8]
    library = sorted((r for r in rows if not r["project"]), key=lambda r: -r["tottime_ms"])[:8]
    for r in project + entry + library:
        r.pop("name", None)
    return project + entry + library


# Library functions worth seeing by cumulative time: chart and map serialisation, validation,
# Streamlit's element functions, CSV encoding.
_ENTRY_POINTS = {
    "to_dict", "to_json", "validate", "copy", "altair_chart", "vega_lite_chart",
    "pydeck_chart", "dataframe", "download_button", "to_csv", "marshall", "data_frame_to_bytes",
    "convert_anything_to_arrow_bytes", "selectbox", "multiselect", "slider",
}


def _short(filename: str, line: int, name: str) -> str:
    path = Path(filename)
    try:
        text = str(path.relative_to(ROOT))
    except ValueError:
        parts = path.parts
        text = "/".join(parts[parts.index("site-packages") + 1:]) if "site-packages" in parts \
            else path.name
    return f"{text}:{line}({name})"
