"""The dashboard's shared frame alone, and with the least a page can hold.

Why: the 'content' target (≤ 1.25 × the bare page) is a budget for everything a page draws
beyond Streamlit's own start-up. These probes measure, in the same run as the bare page, how
much of that budget the shared frame takes (language switch, selection sidebar, navigation,
downloads, view link and footer) and how much is left after one title and one more thing.

Each probe is the dashboard itself: a copy of ``app.py``, written into the work folder at every
run (so it always matches the app), whose page files draw only what the probe names. The copy
imports ``nplv_app`` from the repository and reads the same database as the app.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

from bench.common import APP, PAGES

_TITLE = 'import streamlit as st\n\nst.title("Probe")\n'
_TILES = _TITLE + (
    "columns = list(st.columns(3)) + list(st.columns(2))\n"
    "for number, column in enumerate(columns):\n"
    '    column.metric(f"Tegel {number}", f"{number * 1234}", border=True)\n'
)
_CHART = _TITLE + (
    "st.vega_lite_chart({\n"
    '    "data": {"values": [{"area": "a", "residents": 3}, {"area": "b", "residents": 5}]},\n'
    '    "mark": "bar",\n'
    '    "encoding": {"x": {"field": "residents", "type": "quantitative"},\n'
    '                 "y": {"field": "area", "type": "nominal"}},\n'
    '}, theme=None, width="stretch")\n'
)
_TABLE = "import pandas as pd\n" + _TITLE + (
    'st.dataframe(pd.DataFrame({"area": [f"gebied {i}" for i in range(20)],\n'
    '                           "residents": [1000 * i for i in range(20)]}),\n'
    '             hide_index=True, width="stretch")\n'
)

class Probe(NamedTuple):
    name: str
    page: str  # the page file it takes over: served at "/<page>" ("/" for the first page)
    code: str  # what that page draws
    tiles: bool = False  # its headline includes metric tiles (as on overzicht)


# Pages without a probe draw only the title.
PROBES = (
    Probe("frame", PAGES[0], _TITLE),
    Probe("frame + 5 tiles", PAGES[1], _TILES, tiles=True),
    Probe("frame + 1 chart", PAGES[2], _CHART),
    Probe("frame + 1 table", PAGES[3], _TABLE),
)
QUICK_PROBES = PROBES[:1]


def write_app(folder: Path) -> Path:
    """Write the probe app (a copy of ``app.py`` and its page files) into ``folder``."""
    folder = Path(folder)
    views = folder / "views"
    if views.exists():
        shutil.rmtree(views)
    views.mkdir(parents=True)
    drawn = {probe.page: probe.code for probe in PROBES}
    for page in PAGES:
        (views / f"{page}.py").write_text(drawn.get(page, _TITLE), encoding="utf-8")
    script = folder / "app.py"
    shutil.copyfile(APP, script)
    return script

