"""Pure pydeck builder for the national map: areas as circles over an offline context layer.

No Streamlit here: ``area_deck`` takes ``queries.areas`` rows and returns a ``pydeck.Deck``;
tests read it through ``deck.to_json()``.

Offline by design. The land, water and province lines come from the bundled Natural Earth
GeoJSON (``data/context/nl_context.geojson``), drawn once into ``nl_context.png`` and shown as
one image layer (see ``render_context_image``); the deck has no map provider and keeps pydeck's
``"__MAP_STYLE__"`` placeholder, which Streamlit removes *without* adding its default Carto
basemap (an explicit ``map_style=None`` would make Streamlit fetch Carto tiles). The map
background (the view's clear colour) is the water colour, so the edge of the context box does
not show on the sea side.

Circle *area* is proportional to residents: radius = ``RADIUS_M_PER_SQRT_RESIDENT`` ×
√residents metres (Rotterdam-Zuid, 215.000 residents, gets about 9,3 km). Larger circles are
drawn first so smaller neighbours stay on top. Labels: a static deck cannot show labels by zoom
level, so names are placed greedily at the initial view, largest area first (the area shown in
the card always first), and a name is left out when its box would overlap another label or
circle; the tooltip and the table below the map name every area. Above ``MAP_MAX_AREAS`` areas
(national scale) the circles are municipalities, so the map stays small and quick.
"""

from __future__ import annotations

import base64
import functools
import json
import math
from collections.abc import Iterable, Sequence
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

import pandas as pd
import pydeck as pdk

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept_deck
from nplv_app.content.labels import cohort_label

CONTEXT_PATH = Path(__file__).resolve().parents[2] / "data" / "context" / "nl_context.geojson"

AREA_LAYER_ID = "areas"
LABEL_LAYER_ID = "area-labels"
FOCUS_LAYER_ID = "area-focus"
CONTEXT_KINDS = ("neighbour", "land", "water", "province_line")  # in drawing order

RADIUS_M_PER_SQRT_RESIDENT = 20.0
RADIUS_MIN_PIXELS = 3
INITIAL_VIEW = {"latitude": 52.15, "longitude": 5.3, "zoom": 6.5}
MIN_ZOOM, MAX_ZOOM = 5.5, 11.0

LABEL_SIZE_PX = 14
LABEL_MAX = 60  # names tried, largest first: more would not fit at the initial view anyway
MAP_MAX_AREAS = 400  # above this, one circle per municipality and cohort (national scale)
LABEL_GAP_PX = 4
LABEL_CHAR_WIDTH = 0.56  # average glyph width of a sans-serif font, in font sizes
LABEL_HEIGHT = 1.25  # line box, in font sizes

# Context colours (RGB[A]): white land so the circles stand out, a quiet grey for neighbours,
# a light blue-grey for water and for the map background.
WATER_RGB = [222, 233, 242]
NEIGHBOUR_RGB = [232, 233, 233]
LAND_RGB = [255, 255, 255]
COASTLINE_RGBA = [110, 119, 128, 255]
PROVINCE_RGBA = [160, 168, 176, 255]
OUTLINE_RGBA = [26, 26, 26, 255]
FOCUS_RGBA = [0, 0, 0, 255]
LABEL_RGBA = [17, 17, 17, 255]
HALO_RGBA = [255, 255, 255, 235]
FILL_ALPHA = 225

_EARTH_CIRCUMFERENCE_M = 40_075_016.686
_TILE_PX = 512  # deck.gl's web-mercator world is 512 px wide at zoom 0
_METRES_PER_DEGREE_LAT = 111_320.0


# --- sizes and projection ---------------------------------------------------------------------

def _literal(text: str) -> str:
    """A string prop as a constant: pydeck turns unquoted strings into accessor expressions."""
    return f"'{text}'"


def radius_m(residents) -> float | None:
    """Circle radius in metres for a number of residents (area ∝ residents); None if missing."""
    if fmt.is_missing(residents) or residents < 0:
        return None
    return RADIUS_M_PER_SQRT_RESIDENT * math.sqrt(float(residents))


def metres_per_pixel(latitude: float, zoom: float) -> float:
    return _EARTH_CIRCUMFERENCE_M * math.cos(math.radians(latitude)) / (_TILE_PX * 2 ** zoom)


def project(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-mercator pixel position (x right, y down) at a zoom level, as deck.gl draws it."""
    size = _TILE_PX * 2 ** zoom
    x = (lon + 180.0) / 360.0 * size
    phi = math.radians(lat)
    y = (1.0 - math.log(math.tan(math.pi / 4 + phi / 2)) / math.pi) / 2.0 * size
    return x, y


def hex_to_rgb(colour: str) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i:i + 2], 16) for i in (0, 2, 4)]


def cohort_rgba(cohort: str) -> list[int]:
    return hex_to_rgb(theme.COHORT_COLOURS[cohort]) + [FILL_ALPHA]


# --- context layer --------------------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _context_collections(path: str) -> dict[str, dict]:
    """The context GeoJSON split into one FeatureCollection per ``properties.layer``."""
    with open(path, encoding="utf-8") as handle:
        collection = json.load(handle)
    parts: dict[str, list] = {kind: [] for kind in CONTEXT_KINDS}
    for feature in collection["features"]:
        kind = feature.get("properties", {}).get("layer")
        if kind in parts:
            parts[kind].append({"type": "Feature", "properties": {},
                                "geometry": feature["geometry"]})
    return {kind: {"type": "FeatureCollection", "features": features}
            for kind, features in parts.items()}


def context_collections() -> dict[str, dict]:
    """Loaded once per process (``functools.lru_cache``); treat the result as read-only."""
    return _context_collections(str(CONTEXT_PATH))


CONTEXT_IMAGE_PATH = CONTEXT_PATH.with_suffix(".png")
CONTEXT_LAYER_ID = "context"
CONTEXT_IMAGE_WIDTH = 2400  # px: sharp up to about zoom 9 (the view opens at 6.5)
_CONTEXT_MARGIN_DEG = 0.01


def context_bounds(collections: dict[str, dict] | None = None) -> list[float]:
    """[west, south, east, north] of the context GeoJSON (with a hair of margin)."""
    lons, lats = [], []

    def walk(coordinates):
        if coordinates and isinstance(coordinates[0], (int, float)):
            lons.append(coordinates[0])
            lats.append(coordinates[1])
        else:
            for part in coordinates:
                walk(part)

    for part in (collections or context_collections()).values():
        for feature in part["features"]:
            walk(feature["geometry"]["coordinates"])
    m = _CONTEXT_MARGIN_DEG
    return [round(min(lons) - m, 4), round(min(lats) - m, 4), round(max(lons) + m, 4),
            round(max(lats) + m, 4)]


def render_context_image(collections: dict[str, dict], width: int = CONTEXT_IMAGE_WIDTH):
    """The context layers drawn in web-mercator onto one image (a ``PIL.Image``).

    Why an image: a browser without a GPU (headless Chromium, many office laptops on remote
    desktops) spends seconds compiling and tessellating four GeoJSON layers; one bitmap costs
    a single textured quad. deck.gl's BitmapLayer stretches the image linearly between its
    bounds in mercator space, so pixels are placed by the same projection (``project``).
    Province lines and the coastline are drawn 2 px wide at this scale.
    """
    from PIL import Image, ImageDraw

    west, south, east, north = context_bounds(collections)
    x0, y1 = project(west, south, 0)
    x1, y0 = project(east, north, 0)
    scale = width / (x1 - x0)
    height = round((y1 - y0) * scale)

    def pixels(ring):
        return [((x - x0) * scale, (y - y0) * scale)
                for x, y in (project(lon, lat, 0) for lon, lat in ring)]

    def polygons(geometry):
        if geometry["type"] == "Polygon":
            return [geometry["coordinates"]]
        if geometry["type"] == "MultiPolygon":
            return geometry["coordinates"]
        return []

    def lines(geometry):
        if geometry["type"] == "LineString":
            return [geometry["coordinates"]]
        if geometry["type"] == "MultiLineString":
            return geometry["coordinates"]
        return [ring for polygon in polygons(geometry) for ring in polygon]

    image = Image.new("RGB", (width, height), tuple(WATER_RGB))
    draw = ImageDraw.Draw(image)
    for kind, colour in (("neighbour", NEIGHBOUR_RGB), ("land", LAND_RGB),
                         ("water", WATER_RGB)):
        for feature in collections[kind]["features"]:
            for polygon in polygons(feature["geometry"]):
                draw.polygon(pixels(polygon[0]), fill=tuple(colour))
                for hole in polygon[1:]:
                    draw.polygon(pixels(hole), fill=tuple(WATER_RGB if kind == "land"
                                                           else LAND_RGB))
    for kind, colour in (("land", COASTLINE_RGBA), ("province_line", PROVINCE_RGBA)):
        for feature in collections[kind]["features"]:
            for line in lines(feature["geometry"]):
                draw.line(pixels(line), fill=tuple(colour[:3]), width=2, joint="curve")
    return image


@functools.lru_cache(maxsize=2)
def _context_image_url(path: str) -> str:
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def context_layers() -> list[pdk.Layer]:
    """Neighbouring land, Dutch land, water and province lines as one pre-drawn image
    (``data/context/nl_context.png``, made by ``scripts/make_context_geojson.py --image``)."""
    return [pdk.Layer("BitmapLayer", id=CONTEXT_LAYER_ID,
                      image=_literal(_context_image_url(str(CONTEXT_IMAGE_PATH))),
                      bounds=context_bounds(), pickable=False)]


# --- areas ------------------------------------------------------------------------------------

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


def _boxes_overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_candidates(x: float, y: float, r: float, width: float, height: float):
    """Label boxes around a circle, in order of preference: right, left, above, below.

    Yields (box, side): side is the anchor ('start', 'end', 'middle') and the direction the
    label is moved away from the circle's centre.
    """
    gap, half = LABEL_GAP_PX, height / 2
    yield (x + r + gap, y - half, x + r + gap + width, y + half), ("start", 1, 0)
    yield (x - r - gap - width, y - half, x - r - gap, y + half), ("end", -1, 0)
    yield (x - width / 2, y - r - gap - height, x + width / 2, y - r - gap), ("middle", 0, -1)
    yield (x - width / 2, y + r + gap, x + width / 2, y + r + gap + height), ("middle", 0, 1)


def place_labels(records: Sequence[dict], zoom: float = INITIAL_VIEW["zoom"],
                 first: str | None = None) -> list[dict]:
    """Labels that fit at ``zoom``: right of the circle, else left, above or below, else none.

    Greedy in priority order (``first``, then as given: largest first). A label may not
    overlap an earlier label or another area's circle; only the ``first`` area (the one in the
    card) is always named, to the right, even over its neighbours' circles. Each label is
    anchored at the circle's edge in map coordinates, so it stays beside its circle when the
    user zooms.
    """
    circles = {}
    for rec in records:
        x, y = project(rec["lon"], rec["lat"], zoom)
        r = max(rec["radius_m"] / metres_per_pixel(rec["lat"], zoom), RADIUS_MIN_PIXELS)
        circles[rec["area_id"]] = (x, y, r)
    order = sorted(records, key=lambda rec: rec["area_id"] != first)[:LABEL_MAX]
    placed: list[tuple[float, float, float, float]] = []
    labels = []
    for rec in order:
        x, y, r = circles[rec["area_id"]]
        width = len(rec["name"]) * LABEL_SIZE_PX * LABEL_CHAR_WIDTH
        height = LABEL_SIZE_PX * LABEL_HEIGHT
        candidates = list(_label_candidates(x, y, r, width, height))
        for number, (box, (anchor, dx, dy)) in enumerate(candidates):
            clash = any(_boxes_overlap(box, other) for other in placed) or any(
                _boxes_overlap(box, (cx - cr, cy - cr, cx + cr, cy + cr))
                for key, (cx, cy, cr) in circles.items() if key != rec["area_id"])
            forced = rec["area_id"] == first and number == len(candidates) - 1
            if clash and not forced:
                continue
            if forced and clash:  # the chosen area is always named: right, over its neighbours
                box, (anchor, dx, dy) = candidates[0]
            placed.append(box)
            # the circle's edge in degrees: east-west for side labels, north-south otherwise
            lon_step = rec["radius_m"] / (_METRES_PER_DEGREE_LAT * math.cos(
                math.radians(rec["lat"])))
            lat_step = rec["radius_m"] / _METRES_PER_DEGREE_LAT
            labels.append({
                "area_id": rec["area_id"],
                "name": rec["name"],
                "lon": round(rec["lon"] + dx * lon_step, 4),
                "lat": round(rec["lat"] - dy * lat_step, 4),
                "anchor": anchor,
                "baseline": {-1: "bottom", 0: "center", 1: "top"}[dy],
                "offset": [dx * LABEL_GAP_PX, dy * LABEL_GAP_PX],
            })
            break
    return labels


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
    """A deck already serialised (``deck.to_json()`` and its tooltip), for ``st.pydeck_chart``.

    Streamlit reads only ``to_json()``, ``layers``, ``_tooltip`` and a few optional attributes,
    so a cached JSON string can be shown without building and serialising the deck again.
    """

    layers: list = []
    mapbox_key = None
    deck_widget = None

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


# --- words and legend -----------------------------------------------------------------------

def alt_text(frame: pd.DataFrame, lang: str) -> str:
    """What the map shows, for screen readers."""
    counts = frame["cohort"].value_counts()
    with_residents = frame.dropna(subset=["residents"])
    largest = (with_residents.sort_values("residents", ascending=False).iloc[0]
               if len(with_residents) else None)
    text = t("ov_map_alt", lang, n=len(frame),
             n16=int(counts.get("original16", 0)), n4=int(counts.get("added2022", 0)))
    if largest is not None:
        text += " " + t("ov_map_alt_largest", lang, name=largest["name"],
                        residents=fmt.number(largest["residents"], lang))
    return text


def legend_svg(lang: str, cohorts: Iterable[str] = theme.COHORT_ORDER,
               focus: bool = False) -> str:
    """A one-line legend (cohort colours as on the map, the focus ring) as an SVG string."""
    size, parts, x = 16, [], 4.0
    for cohort in cohorts:
        colour = theme.COHORT_COLOURS[cohort]
        label = xml_escape(cohort_label(cohort, lang))
        parts.append(f'<circle cx="{x + 9:.0f}" cy="14" r="8" fill="{colour}" '
                     f'fill-opacity="0.9" stroke="#1a1a1a" stroke-width="1"/>'
                     f'<text x="{x + 23:.0f}" y="19.5">{label}</text>')
        x += 23 + len(label) * size * 0.52 + 22
    if focus:
        label = xml_escape(t("ov_legend_focus", lang))
        parts.append(f'<circle cx="{x + 9:.0f}" cy="14" r="7" fill="none" stroke="#000" '
                     f'stroke-width="3"/><text x="{x + 23:.0f}" y="19.5">{label}</text>')
        x += 23 + len(label) * size * 0.52 + 22
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{x:.0f}" height="28" '
            f'viewBox="0 0 {x:.0f} 28" font-family="{xml_escape(theme.FONT)}" '
            f'font-size="{size}" fill="#1a1a1a">{"".join(parts)}</svg>')
