"""One look for every chart: colour-blind-safe colours and projector-sized type.

Colours are from the Okabe-Ito palette, with its orange and sky blue darkened (#E69F00 to
#B07800, #56B4E9 to #2A8FC7) so that every chart mark reaches 3:1 against the white page (WCAG
1.4.11; the originals reach 2.3:1). The two cohorts differ in hue and lightness (dark blue versus
amber), so they stay apart for colour-blind readers; colour is never their only carrier (WCAG
1.4.1): the cohorts in ``MARKED_COHORTS`` also carry a mark, a short label beside each bar's
value and a white dot in each map circle.
"""

from __future__ import annotations

import altair as alt

COHORT_COLOURS = {"original16": "#0072B2", "added2022": "#B07800"}
COHORT_ORDER = ("original16", "added2022")
MARKED_COHORTS = frozenset({"added2022"})  # the smaller cohort carries the mark
STATUS_COLOURS = {"confirmed": "#009E73", "approximate": "#2A8FC7", "unconfirmed": "#D55E00"}
NEUTRAL = "#5F6B76"
REFERENCE = "#222222"
ROUND_COLOURS = ("#0072B2", "#B07800", "#009E73", "#CC79A7", "#2A8FC7", "#D55E00")
FONT = "Source Sans Pro, Arial, sans-serif"
THEME_NAME = "nplv"


@alt.theme.register(THEME_NAME, enable=True)
def nplv_theme() -> alt.theme.ThemeConfig:
    """Large labels: charts are shown on projectors in workshops."""
    return alt.theme.ThemeConfig({
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"stroke": None},
            "axis": {"labelFontSize": 15, "titleFontSize": 16, "labelColor": "#222",
                     "titleColor": "#222", "gridColor": "#e6e6e6", "domainColor": "#888"},
            "legend": {"labelFontSize": 15, "titleFontSize": 15, "orient": "top",
                       "labelLimit": 400},
            "title": {"fontSize": 20, "anchor": "start", "color": "#111"},
            "header": {"labelFontSize": 15, "titleFontSize": 16},
            "text": {"fontSize": 14},
            "range": {"category": list(ROUND_COLOURS)},
        }
    })


def cohort_scale(labels: dict[str, str]) -> alt.Scale:
    """Colour scale over translated cohort labels, in the fixed cohort order."""
    return alt.Scale(domain=[labels[c] for c in COHORT_ORDER],
                     range=[COHORT_COLOURS[c] for c in COHORT_ORDER])


PROJECTOR_CONFIG = {
    "axis": {"labelFontSize": 22, "titleFontSize": 24},
    "legend": {"labelFontSize": 22, "titleFontSize": 22, "symbolSize": 300},
    "title": {"fontSize": 28},
    "text": {"fontSize": 20},
}


PROJECTOR_MIN_PX = 18  # smallest chart text on a 1920x1080 projector screen
PROJECTOR_SCALE = 1.3
_FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize")
_ROOM_KEYS = ("labelLimit", "minExtent", "maxExtent", "labelLineHeight", "lineHeight")


def _larger(node):
    """A copy of a spec node with every explicit font size at least ``PROJECTOR_MIN_PX`` (and
    the room its labels were given grown by the same factor, so they are not cut)."""
    if isinstance(node, list):
        return [_larger(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _larger(value) for key, value in node.items()}
    scaled = False
    for key in _FONT_KEYS:
        value = out.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[key] = max(PROJECTOR_MIN_PX, round(value * PROJECTOR_SCALE))
            scaled = True
    if scaled:
        for key in _ROOM_KEYS:
            value = out.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[key] = round(value * PROJECTOR_SCALE)
    return out


def projector(spec: dict) -> dict:
    """Larger type for presentation mode, on a copy of a Vega-Lite dict (the theme stays
    global and the cached spec untouched): the theme's sizes and every size a chart sets
    itself (axis labels, text marks) reach ``PROJECTOR_MIN_PX``."""
    config = dict(spec.get("config") or {})
    for part, values in PROJECTOR_CONFIG.items():
        config[part] = {**(config.get(part) or {}), **values}
    body = {key: _larger(value) for key, value in spec.items()
            if key not in ("config", "datasets", "data")}
    return {**spec, **body, "config": config}
