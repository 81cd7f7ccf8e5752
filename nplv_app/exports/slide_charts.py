"""Charts cut and sized for a slide frame: text at least 14 pt when shown, never shrunk below.

A chart is rendered at a width whose smallest text shows at ``MIN_TEXT_PT`` or more once the
picture fills the frame's width; a chart taller than the frame at that size is split: a stack of
charts (``vconcat``) into its parts, and a part (or a single chart) still too tall into chunks
of the rows on its y axis, each chunk a slide of its own.
"""

from __future__ import annotations

import copy
import json
import math
import re
from dataclasses import dataclass

from nplv_app.exports.images import chart_render, records_datasets

MIN_TEXT_PT = 14
_MAX_PARTS = 12


@dataclass(frozen=True)
class SlideImage:
    png: bytes
    css_width: float
    css_height: float
    min_font_px: float

    def pt_per_px(self, frame_width_pt: float, frame_height_pt: float) -> float:
        """The largest scale at which the image fits the frame (aspect kept)."""
        return min(frame_width_pt / self.css_width, frame_height_pt / self.css_height)


def _render(spec: dict) -> SlideImage:
    return SlideImage(*chart_render(spec))


def _needed(image: SlideImage) -> float:
    """Points per CSS pixel at which the smallest text reads ``MIN_TEXT_PT``."""
    return MIN_TEXT_PT / image.min_font_px if image.min_font_px else 0.0


def _scale_widths(node, factor: float) -> None:
    """Every fixed view width in the spec times ``factor`` (the config is left alone)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "width" and isinstance(value, (int, float)):
                node[key] = max(int(value * factor), 60)
            elif key not in ("config", "datasets", "data"):
                _scale_widths(value, factor)
    elif isinstance(node, list):
        for item in node:
            _scale_widths(item, factor)


def _narrow(spec: dict, image: SlideImage, width_pt: float) -> tuple[dict, SlideImage]:
    """Narrower views until the chart, shown with readable text, fits ``width_pt``."""
    best = (spec, image)
    for _ in range(4):
        limit = width_pt / _needed(image) if _needed(image) else image.css_width
        if image.css_width <= limit:
            break
        spec = copy.deepcopy(spec)
        if not isinstance(spec.get("width"), (int, float)) and ("mark" in spec or "layer" in spec):
            spec["width"] = 800
        _scale_widths(spec, max(0.5, 0.9 * limit / image.css_width))
        image = _render(spec)
        if image.css_width < best[1].css_width:  # text that wraps can make a chart wider
            best = (spec, image)
    return best


def _y_field(node) -> str | None:
    if isinstance(node, dict):
        y = (node.get("encoding") or {}).get("y")
        if isinstance(y, dict) and y.get("type") in ("nominal", "ordinal") and y.get("field"):
            return y["field"]
        for key in ("layer", "spec", "hconcat", "vconcat"):
            found = _y_field(node.get(key))
            if found:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _y_field(item)
            if found:
                return found
    return None


_EQUALS = re.compile(r"datum\.(\w+) === '([^']*)'")


def _y_values(spec: dict, field: str) -> list:
    """The y values in data order, among the rows the part's equality filters keep."""
    kept = dict(_EQUALS.findall(json.dumps(_filters(spec.get("vconcat") or []))))
    for rows in (spec.get("datasets") or {}).values():
        if rows and isinstance(rows, list) and field in rows[0]:
            rows = [r for r in rows if all(str(r.get(k)) == v for k, v in kept.items())]
            return list(dict.fromkeys(r[field] for r in rows if r.get(field) is not None))
    return []


def _filters(node) -> list:
    """The filter transforms of the views below ``node`` (not the marks' conditions)."""
    if isinstance(node, list):
        return [f for item in node for f in _filters(item)]
    if not isinstance(node, dict):
        return []
    own = [step["filter"] for step in node.get("transform", []) if "filter" in step]
    return own + [f for key in ("layer", "hconcat", "vconcat", "spec")
                  for f in _filters(node.get(key))]


def _chunks(spec: dict, field: str, values: list, pieces: int) -> list[dict]:
    bounds = [round(i * len(values) / pieces) for i in range(pieces + 1)]  # even chunks
    return [{**spec, "transform": [*spec.get("transform", []),
                                   {"filter": {"field": field, "oneOf": values[a:b]}}]}
            for a, b in zip(bounds, bounds[1:]) if b > a]


def _by_rows(spec: dict, image: SlideImage, height_pt: float) -> list[SlideImage]:
    """The chart as chunks of its y-axis rows, each short enough for the frame."""
    field = _y_field(spec)
    values = _y_values(spec, field) if field else []
    if len(values) < 2:
        return [image]
    pieces = min(math.ceil(image.css_height * _needed(image) / height_pt), len(values))
    while True:
        images = [_render(piece) for piece in _chunks(spec, field, values, pieces)]
        if pieces >= len(values) or all(i.css_height * _needed(i) <= height_pt for i in images):
            return images
        pieces += 1


def slide_images(chart, width_pt: float, height_pt: float) -> list[SlideImage]:
    """The chart as one or more images, each readable (``MIN_TEXT_PT``) when it fills at most
    a ``width_pt`` x ``height_pt`` frame."""
    spec = records_datasets(copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict()))
    spec, image = _narrow(spec, _render(spec), width_pt)
    if image.css_height * _needed(image) <= height_pt:
        return [image]
    parts = ([{**spec, "vconcat": [part]} for part in spec["vconcat"]]
             if len(spec.get("vconcat") or []) > 1 else [spec])
    images = []
    for part in parts:
        shown = _render(part) if len(parts) > 1 else image
        if shown.css_height * _needed(shown) <= height_pt:
            images.append(shown)
            continue
        images += _by_rows(part, shown, height_pt)
    return images[:_MAX_PARTS] if len(images) > _MAX_PARTS else images
