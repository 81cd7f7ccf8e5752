"""The deck: area records and tooltip, the circle, focus and label layers, the national-scale
municipality circles, and the stand-in for a deck already serialised."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape as html_escape

import pandas as pd
import pydeck as pdk

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept_deck
from nplv_app.content.labels import cohort_label
from nplv_app.content.maps.common import (
    AREA_LAYER_ID,
    COHORT_MARK_LAYER_ID,
    COHORT_MARK_RADIUS_PX,
    COHORT_MARK_RGBA,
    FOCUS_LAYER_ID,
    FOCUS_RGBA,
    HALO_RGBA,
    INITIAL_VIEW,
    LABEL_LAYER_ID,
    LABEL_RGBA,
    LABEL_SIZE_PX,
    MAX_ZOOM,
    MIN_ZOOM,
    OUTLINE_RGBA,
    RADIUS_MIN_PIXELS,
    WATER_RGB,
    _literal,
    cohort_rgba,
    radius_m,
)
from nplv_app.content.maps.context import context_layers
from nplv_app.content.maps.placement import place_labels

MAP_MAX_AREAS = 400  # above this, one circle per municipality and cohort (national scale)

def _vhf_text(row, lang: str) -> str:
    amount = row.get("vhf_municipality_eur")
    if fmt.is_missing(amount):
        return t("ov_vhf_none_found", lang)
    text = fmt.euro_compact(amount, lang)
    shared = row.get("areas_in_municipality")
    if not fmt.is_missing(shared) and shared > 1:
        text += " " + t("ov_vhf_shared", lang, n=int(shared))
    return text


def area_records(frame: pd.DataFrame, lang: str) -> list[dict]:
    """One plain dict per area for the deck: position, size, colour and tooltip text.

    Tooltip values are plain text: Streamlit HTML-escapes every value it puts into the tooltip.
    Sorted largest first, so that smaller circles are drawn on top.
    """
    records = []
    ordered = frame.sort_values(["residents", "name"], ascending=[False, True],
                                na_position="last")
    for row in ordered.to_dict("records"):
        radius = radius_m(row.get("residents"))
        records.append({
            "area_id": str(row["area_id"]),
            "name": str(row["name"]),
            "municipality": str(row["municipality"]),
            "lon": round(float(row["centroid_lon"]), 4),
            "lat": round(float(row["centroid_lat"]), 4),
            "radius_m": round(radius, 1) if radius is not None else 0.0,
            "fill": cohort_rgba(row["cohort"]),
            "marked": row["cohort"] in theme.MARKED_COHORTS,
            "residents_text": fmt.number(row.get("residents"), lang),
            "cohort_text": cohort_label(row['cohort'], lang),
            "vhf_text": _vhf_text(row, lang),
        })
    return records


def tooltip(lang: str) -> dict:
    """Tooltip template: labels are ours (escaped here), values come from the records."""
    def label(key: str) -> str:
        return html_escape(t(key, lang))

    html = (
        "<b style='font-size:16px'>{name}</b><br/>"
        f"{label('municipality')}: {{municipality}}<br/>"
        f"{label('ov_tooltip_residents')}: {{residents_text}}<br/>"
        f"{label('cohort')}: {{cohort_text}}<br/>"
        f"{label('ov_tooltip_vhf')}: {{vhf_text}}"
    )
    return {
        "html": html,
        "style": {"backgroundColor": "white", "color": "#1a1a1a", "fontFamily": theme.FONT,
                  "fontSize": "15px", "lineHeight": "1.45", "padding": "8px 10px",
                  "border": "1px solid #8a8a8a", "borderRadius": "4px", "maxWidth": "340px"},
    }


def area_layer(records: Sequence[dict]) -> pdk.Layer:
    """The pickable circles (layer id ``AREA_LAYER_ID``): the map's click target."""
    return pdk.Layer(
        "ScatterplotLayer", id=AREA_LAYER_ID, data=list(records),
        get_position="[lon, lat]", get_radius="radius_m", radius_units=_literal("meters"),
        radius_min_pixels=RADIUS_MIN_PIXELS, get_fill_color="fill",
        stroked=True, filled=True, get_line_color=OUTLINE_RGBA,
        line_width_units=_literal("pixels"), get_line_width=1, line_width_min_pixels=1,
        pickable=True, auto_highlight=True, highlight_color=[0, 0, 0, 70],
    )


def focus_layer(records: Sequence[dict], area_id: str | None) -> pdk.Layer:
    """A black ring around the area shown in the card (empty when none)."""
    chosen = [{"lon": r["lon"], "lat": r["lat"], "radius_m": r["radius_m"]}
              for r in records if area_id is not None and r["area_id"] == area_id]
    return pdk.Layer(
        "ScatterplotLayer", id=FOCUS_LAYER_ID, data=chosen, get_position="[lon, lat]",
        get_radius="radius_m", radius_units=_literal("meters"),
        radius_min_pixels=RADIUS_MIN_PIXELS, stroked=True, filled=False, get_line_color=FOCUS_RGBA,
        line_width_units=_literal("pixels"), get_line_width=3, line_width_min_pixels=3,
        pickable=False,
    )


def cohort_mark_layer(records: Sequence[dict]) -> pdk.Layer:
    """A white dot with a dark rim in the circles of a marked cohort: the cohorts differ in
    pattern as well as colour (WCAG 1.4.1). Not pickable: clicks reach the circle below."""
    marked = [{"lon": r["lon"], "lat": r["lat"]} for r in records if r.get("marked")]
    return pdk.Layer(
        "ScatterplotLayer", id=COHORT_MARK_LAYER_ID, data=marked, get_position="[lon, lat]",
        get_radius=COHORT_MARK_RADIUS_PX, radius_units=_literal("pixels"), stroked=True,
        filled=True, get_fill_color=COHORT_MARK_RGBA, get_line_color=OUTLINE_RGBA,
        line_width_units=_literal("pixels"), get_line_width=1, pickable=False,
    )


def label_layer(labels: Sequence[dict]) -> pdk.Layer:
    return pdk.Layer(
        "TextLayer", id=LABEL_LAYER_ID, data=list(labels), get_position="[lon, lat]",
        get_text="name", get_size=LABEL_SIZE_PX, size_units=_literal("pixels"),
        get_color=LABEL_RGBA, get_text_anchor="anchor",
        get_alignment_baseline="baseline", get_pixel_offset="offset",
        font_family=_literal(theme.FONT), font_weight=600,
        character_set=_literal("auto"), font_settings={"sdf": True}, outline_width=4,
        outline_color=HALO_RGBA, pickable=False, billboard=True,
    )


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation: Streamlit sends ``to_json()`` on every rerun, and
    pydeck's indented JSON would be about six times larger for the context layer."""

    def to_json(self) -> str:
        return json.dumps(json.loads(super().to_json()), separators=(",", ":"),
                          ensure_ascii=False)


def municipality_records(frame: pd.DataFrame, lang: str) -> list[dict]:
    """One circle per municipality and cohort, for selections too large to draw one by one.

    Residents are the sum of the areas' own figures, marked as such in the tooltip (an area
    without a figure adds nothing and is counted apart); the position is the mean centroid.
    The circles are not clickable (``area_id`` is empty): the list beside the map names every
    area.
    """
    known = frame["residents"].notna()
    grouped = frame.assign(_known=known).groupby(
        ["gemeente_code", "municipality", "cohort"], dropna=False, sort=False)
    summary = grouped.agg(n=("area_id", "size"), n_known=("_known", "sum"),
                          residents=("residents", lambda s: s.sum(min_count=1)),
                          lon=("centroid_lon", "mean"), lat=("centroid_lat", "mean"),
                          vhf_municipality_eur=("vhf_municipality_eur", "first"),
                          areas_in_municipality=("areas_in_municipality", "first")
                          ).reset_index()
    summary = summary.sort_values(["residents", "municipality"], ascending=[False, True],
                                  na_position="last")
    records = []
    for row in summary.to_dict("records"):
        radius = radius_m(row["residents"])
        residents = fmt.number(row["residents"], lang)
        if row["n_known"] < row["n"]:
            residents += " " + t("ov_map_group_unknown", lang, n=int(row["n"] - row["n_known"]))
        records.append({
            "area_id": "",
            "name": t("ov_map_group_name", lang, n=int(row["n"]),
                      municipality=str(row["municipality"])),
            "municipality": str(row["municipality"]),
            "lon": round(float(row["lon"]), 4),
            "lat": round(float(row["lat"]), 4),
            "radius_m": round(radius, 1) if radius is not None else 0.0,
            "fill": cohort_rgba(row["cohort"]),
            "marked": row["cohort"] in theme.MARKED_COHORTS,
            "residents_text": t("ov_map_group_residents", lang, residents=residents),
            "cohort_text": cohort_label(row['cohort'], lang),
            "vhf_text": _vhf_text(row, lang),
        })
    return records


def is_aggregated(frame: pd.DataFrame) -> bool:
    """Whether the map draws municipalities instead of areas (more than MAP_MAX_AREAS)."""
    return len(frame) > MAP_MAX_AREAS


@kept_deck
def area_deck(frame: pd.DataFrame, lang: str, *, focus_area_id: str | None = None) -> pdk.Deck:
    """The whole map for ``queries.areas`` rows: context, circles, focus ring and labels.

    Above ``MAP_MAX_AREAS`` areas the circles are municipalities (``municipality_records``),
    so the payload and the browser's work stay bounded at national scale.
    """
    aggregated = is_aggregated(frame)
    records = municipality_records(frame, lang) if aggregated else area_records(frame, lang)
    focus = [] if not aggregated else area_records(
        frame[frame["area_id"] == focus_area_id], lang)
    labels = [rec | {"name": rec["municipality"]} for rec in records] if aggregated else records
    layers = context_layers() + [
        area_layer(records),
        cohort_mark_layer(records),
        focus_layer(focus or records, focus_area_id),
        label_layer(place_labels(labels, first=focus_area_id)),
    ]
    view = pdk.View(type="MapView", controller=True, clear=True, clear_color=WATER_RGB + [255])
    return CompactDeck(
        layers=layers,
        views=[view],
        initial_view_state=pdk.ViewState(pitch=0, bearing=0, min_zoom=MIN_ZOOM,
                                         max_zoom=MAX_ZOOM, **INITIAL_VIEW),
        map_provider=None,
        tooltip=tooltip(lang),
    )


class PrebuiltDeck:
    """A deck already serialised (``deck.to_json()`` and its tooltip), for ``st.pydeck_chart``,
    so a kept deck is shown without building and serialising it again.

    ``st.pydeck_chart`` (Streamlit 1.67, ``elements/deck_gl_json_chart.py``) reads exactly these
    attributes of the object it is given, listed in ``READ_BY_STREAMLIT``: ``to_json()`` (the
    spec), ``layers`` (each layer's ``data``, converted for pandas 3: none here),
    ``deck_widget`` (a tooltip on older pydeck), ``_tooltip`` (the tooltip dict),
    ``mapbox_key`` and ``width``. ``tests/app/test_map_standin.py`` checks that Streamlit reads
    nothing else and shows the same map as from the deck itself.
    """

    READ_BY_STREAMLIT = frozenset({"to_json", "layers", "deck_widget", "_tooltip", "mapbox_key",
                                   "width"})
    layers: list = []
    mapbox_key = None
    deck_widget = None
    width = None

    def __init__(self, spec: str, tooltip: dict | None):
        self._spec = spec
        self._tooltip = tooltip

    @classmethod
    def of(cls, deck: pdk.Deck) -> PrebuiltDeck:
        return cls(deck.to_json(), getattr(deck, "_tooltip", None))

    def to_json(self) -> str:
        return self._spec


def picked_area_id(selection) -> str | None:
    """The area id in a ``st.pydeck_chart`` selection state (``event.selection``), if any."""
    try:
        objects = (selection or {}).get("objects", {}).get(AREA_LAYER_ID) or []
    except AttributeError:
        return None
    for obj in objects:
        if isinstance(obj, dict) and obj.get("area_id"):
            return str(obj["area_id"])
    return None
