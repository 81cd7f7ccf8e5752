"""What every part of the map shares: layer ids, sizes, colours, and the web-mercator maths."""

from __future__ import annotations

import math
from pathlib import Path

from nplv_app.content import fmt, theme

CONTEXT_PATH = Path(__file__).resolve().parents[3] / "data" / "context" / "nl_context.geojson"

AREA_LAYER_ID = "areas"
LABEL_LAYER_ID = "area-labels"
FOCUS_LAYER_ID = "area-focus"
COHORT_MARK_LAYER_ID = "area-cohort-mark"
COHORT_MARK_RADIUS_PX = 3  # the white dot in a marked cohort's circles (theme.MARKED_COHORTS)
COHORT_MARK_RGBA = [255, 255, 255, 255]
CONTEXT_KINDS = ("neighbour", "land", "water", "province_line")  # in drawing order
RADIUS_M_PER_SQRT_RESIDENT = 20.0
RADIUS_MIN_PIXELS = 3
INITIAL_VIEW = {"latitude": 52.15, "longitude": 5.3, "zoom": 6.5}
MIN_ZOOM, MAX_ZOOM = 5.5, 11.0
LABEL_SIZE_PX = 14
LABEL_GAP_PX = 4
# The map's box at the initial view on the narrowest common window (1280 px: the map column is
# about 460 px wide, the map 620 px high): a name must fit inside it, never run past the edge.
LABEL_VIEW_PX = (460, 620)
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
