"""The map as a Vega-Lite chart for the image and slide exports: the context layer and one
circle per area."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from nplv_app.content import fmt, i18n, theme
from nplv_app.content.labels import cohort_label

# --- map image ---------------------------------------------------------------------------------

MAP_WIDTH = 560                # CSS px; the Netherlands is taller than wide
MAP_HEIGHT = 640
MAP_MAX_CIRCLE_PX2 = 2400      # circle area of the largest area, in square CSS px
MAP_FILL_OPACITY = 0.88
MARK_DOT_PX2 = 30              # the white dot in a marked cohort's circles


def _rgb(values) -> str:
    return "#" + "".join(f"{int(v):02x}" for v in list(values)[:3])


def area_map_chart(areas: pd.DataFrame, context: Mapping[str, dict], lang: str = "nl") -> dict:
    """The map of the overview page as a still image: the areas as circles on the context layer.

    The screen map is a deck.gl canvas that only a browser can draw; this is the same picture
    for vl-convert, as a Vega-Lite dict (Altair would validate the inline GeoJSON against the
    schema: seconds): Natural Earth land, water and province lines
    (``maps.context_collections``), one circle per area at its centroid, circle *area*
    proportional to residents, colour by cohort (the screen's colours). ``areas`` are rows of
    ``queries.areas``. Offline: all data inline.
    """
    from nplv_app.content import maps  # pydeck is only needed here

    ordered = areas.sort_values("residents", ascending=False, na_position="last")
    circles = [
        {"name": str(row["name"]), "lon": float(row["centroid_lon"]),
         "lat": float(row["centroid_lat"]),
         "residents": None if fmt.is_missing(row["residents"]) else float(row["residents"]),
         "cohort": cohort_label(row['cohort'], lang),
         "marked": row["cohort"] in theme.MARKED_COHORTS}
        for row in ordered.to_dict("records")
    ]
    projection = {"type": "mercator", "fit": context["land"]}

    def shapes(kind: str, **mark) -> dict:
        return {"data": {"values": context[kind]["features"]}, "projection": projection,
                "mark": {"type": "geoshape", "clip": True, **mark}}

    cohorts = theme.COHORT_ORDER
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v6.json",
        "width": MAP_WIDTH, "height": MAP_HEIGHT,
        "config": {"view": {"fill": _rgb(maps.WATER_RGB), "stroke": None},
                   "legend": {"orient": "right"}},
        "layer": [
            shapes("neighbour", fill=_rgb(maps.NEIGHBOUR_RGB), stroke=None),
            shapes("land", fill=_rgb(maps.LAND_RGB), stroke=_rgb(maps.COASTLINE_RGBA),
                   strokeWidth=0.8),
            shapes("water", fill=_rgb(maps.WATER_RGB), stroke=None),
            shapes("province_line", filled=False, stroke=_rgb(maps.PROVINCE_RGBA),
                   strokeWidth=0.8),
            {"data": {"values": circles}, "projection": projection,
             "mark": {"type": "circle", "opacity": MAP_FILL_OPACITY,
                      "stroke": _rgb(maps.OUTLINE_RGBA), "strokeWidth": 1},
             "encoding": {
                 "longitude": {"field": "lon", "type": "quantitative"},
                 "latitude": {"field": "lat", "type": "quantitative"},
                 "size": {"field": "residents", "type": "quantitative",
                          "title": i18n.t("residents", lang),
                          "scale": {"type": "linear", "zero": True, "rangeMin": 0,
                                    "rangeMax": MAP_MAX_CIRCLE_PX2}},
                 "color": {"field": "cohort", "type": "nominal",
                           "title": i18n.t("cohort", lang),
                           "scale": {"domain": [cohort_label(c, lang) for c in cohorts],
                                     "range": [theme.COHORT_COLOURS[c] for c in cohorts]}},
             }},
            # the white dot of a marked cohort, as on the screen map (not colour alone)
            {"data": {"values": [c for c in circles if c["marked"]]}, "projection": projection,
             "mark": {"type": "circle", "size": MARK_DOT_PX2, "opacity": 1, "fill": "#ffffff",
                      "stroke": _rgb(maps.OUTLINE_RGBA), "strokeWidth": 1},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"}}},
        ],
    }
