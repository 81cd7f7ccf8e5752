"""The offline context layer: land, water and province lines from the bundled GeoJSON, drawn once
into one image."""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path

import pydeck as pdk

from nplv_app.content.maps.common import (
    COASTLINE_RGBA,
    CONTEXT_KINDS,
    CONTEXT_PATH,
    LAND_RGB,
    NEIGHBOUR_RGB,
    PROVINCE_RGBA,
    WATER_RGB,
    _literal,
    project,
)


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
