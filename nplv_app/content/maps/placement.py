"""Where the area names go: placed greedily at the initial view, largest first, left out when they
would overlap."""

from __future__ import annotations

import math
from collections.abc import Sequence

from nplv_app.content.maps.common import (
    _METRES_PER_DEGREE_LAT,
    INITIAL_VIEW,
    LABEL_CHAR_WIDTH,
    LABEL_GAP_PX,
    LABEL_HEIGHT,
    LABEL_SIZE_PX,
    LABEL_VIEW_PX,
    RADIUS_MIN_PIXELS,
    metres_per_pixel,
    project,
)

LABEL_MAX = 60  # names tried, largest first: more would not fit at the initial view anyway

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


def view_bounds(zoom: float = INITIAL_VIEW["zoom"],
                view_px: tuple[float, float] = LABEL_VIEW_PX) -> tuple[float, float, float, float]:
    """The initial view's box in projected pixels (left, top, right, bottom)."""
    x, y = project(INITIAL_VIEW["longitude"], INITIAL_VIEW["latitude"], zoom)
    return x - view_px[0] / 2, y - view_px[1] / 2, x + view_px[0] / 2, y + view_px[1] / 2


def _inside(box: Sequence[float], bounds: Sequence[float], margin: float = 4) -> bool:
    return (box[0] >= bounds[0] + margin and box[1] >= bounds[1] + margin
            and box[2] <= bounds[2] - margin and box[3] <= bounds[3] - margin)


def place_labels(records: Sequence[dict], zoom: float = INITIAL_VIEW["zoom"],
                 first: str | None = None,
                 view_px: tuple[float, float] = LABEL_VIEW_PX) -> list[dict]:
    """Labels that fit at ``zoom``: right of the circle, else left, above or below, else none;
    never past the edge of the initial view (``view_px``), where a name would be cut.

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
    bounds = view_bounds(zoom, view_px)
    labels = []
    for rec in order:
        x, y, r = circles[rec["area_id"]]
        width = len(rec["name"]) * LABEL_SIZE_PX * LABEL_CHAR_WIDTH
        height = LABEL_SIZE_PX * LABEL_HEIGHT
        candidates = [c for c in _label_candidates(x, y, r, width, height)
                      if _inside(c[0], bounds)]
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
