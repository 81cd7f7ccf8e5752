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

# (probe name, the page file it takes over, what that page draws). The first page is served
# at "/", the others at "/<page>"; pages without a probe draw only the title.
PROBES = (
    ("frame", PAGES[0], _TITLE),
    ("frame + 5 tiles", PAGES[1], _TILES),
    ("frame + 1 chart", PAGES[2], _CHART),
    ("frame + 1 table", PAGES[3], _TABLE),
)
QUICK_PROBES = PROBES[:1]


def write_app(folder: Path) -> Path:
    """Write the probe app (a copy of ``app.py`` and its page files) into ``folder``."""
    folder = Path(folder)
    views = folder / "views"
    if views.exists():
        shutil.rmtree(views)
    views.mkdir(parents=True)
    drawn = {page: code for _, page, code in PROBES}
    for page in PAGES:
        (views / f"{page}.py").write_text(drawn.get(page, _TITLE), encoding="utf-8")
    script = folder / "app.py"
    shutil.copyfile(APP, script)
    return script


def path_of(page: str) -> str:
    """The probe's URL path on its server ('' for the first page)."""
    return "" if page == PAGES[0] else page
