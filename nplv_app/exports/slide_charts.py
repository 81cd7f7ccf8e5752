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
from html import escape

from nplv_app.exports.images import chart_render, chart_svg, records_datasets

MIN_TEXT_PT = 14
MAX_PT_PER_PX = 1.6
MAX_SLIDES = 3  # a chart longer than this many slides is summarised by its first rows


@dataclass(frozen=True)
class SlideImage:
    png: bytes
    css_width: float
    css_height: float
    min_font_px: float

    def pt_per_px(self, frame_width_pt: float, frame_height_pt: float) -> float:
        """The largest scale at which the image fits the frame (aspect kept)."""
        return min(frame_width_pt / self.css_width, frame_height_pt / self.css_height)

    def shown_pt_per_px(self, frame_width_pt: float, frame_height_pt: float) -> float:
        """The scale a slide shows it at: as large as fits, but a small chart no larger than
        ``MAX_PT_PER_PX`` (or what its smallest text needs), so it is not blown up."""
        return min(self.pt_per_px(frame_width_pt, frame_height_pt),
                   max(MAX_PT_PER_PX, _needed(self)))

    def smallest_text_pt(self, frame_width_pt: float, frame_height_pt: float) -> float:
        return self.min_font_px * self.shown_pt_per_px(frame_width_pt, frame_height_pt)


def _render(spec: dict) -> SlideImage:
    return SlideImage(*chart_render(spec))


def _needed(image: SlideImage) -> float:
    """Points per CSS pixel at which the smallest text reads ``MIN_TEXT_PT``."""
    return MIN_TEXT_PT / image.min_font_px if image.min_font_px else 0.0


def _scale_sizes(node, factor: float, size: str = "width", floor: int = 60) -> None:
    """Every fixed view ``size`` (width or height) in the spec times ``factor``; marks' own
    sizes (a bar's height) and the config are left alone."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == size and isinstance(value, (int, float)):
                node[key] = max(int(value * factor), floor)
            elif key not in ("config", "datasets", "data", "mark"):
                _scale_sizes(value, factor, size, floor)
    elif isinstance(node, list):
        for item in node:
            _scale_sizes(item, factor, size, floor)


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
        _scale_sizes(spec, max(0.5, 0.9 * limit / image.css_width))
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
    """``pieces`` charts of about equal numbers of rows; a fixed height (rows x bar height)
    shrinks with the rows it keeps."""
    bounds = [round(i * len(values) / pieces) for i in range(pieces + 1)]  # even chunks
    chunks = []
    for a, b in zip(bounds, bounds[1:]):
        if b <= a:
            continue
        chunk = copy.deepcopy(spec)
        chunk["transform"] = [*chunk.get("transform", []),
                              {"filter": {"field": field, "oneOf": values[a:b]}}]
        _scale_sizes(chunk, (b - a) / len(values), "height", floor=40)
        chunks.append(chunk)
    return chunks


def _fits(image: SlideImage, height_pt: float) -> bool:
    return image.css_height * _needed(image) <= height_pt


def _by_rows(spec: dict, image: SlideImage, height_pt: float,
             room: int) -> tuple[list[SlideImage], int, int]:
    """The chart as chunks of its y-axis rows, each short enough for the frame, at most
    ``room`` of them; and (rows shown, rows in all)."""
    field = _y_field(spec)
    values = _y_values(spec, field) if field else []
    if len(values) < 2 or not _shrinks(spec, field, values, image):
        squeezed = _squeezed(spec, image, height_pt)
        return [squeezed], len(values), len(values)
    pieces = min(math.ceil(image.css_height * _needed(image) / height_pt), len(values))
    while True:
        chunks = _chunks(spec, field, values, pieces)
        images = [_render(piece) for piece in chunks[:room]]
        if pieces >= len(values) or all(_fits(i, height_pt) for i in images):
            shown = sum(len(c["transform"][-1]["filter"]["oneOf"]) for c in chunks[:room])
            return images, shown, len(values)
        pieces += 1


def _shrinks(spec: dict, field: str, values: list, image: SlideImage) -> bool:
    """Whether a chunk of the rows really drops the others (not so when the chart's layers
    bring their own data): the first half's rendering no longer names the last row."""
    svg = chart_svg(_chunks(spec, field, values, 2)[0])
    return escape(str(values[-1]), quote=False) not in svg


def _squeezed(spec: dict, image: SlideImage, height_pt: float) -> SlideImage:
    """A chart that cannot be split, with its rows closer together until it fits (its text
    keeps its size); at most to 60 % of its height."""
    for _ in range(3):
        if _fits(image, height_pt):
            break
        spec = copy.deepcopy(spec)
        _scale_sizes(spec, max(0.6, 0.97 * height_pt / (image.css_height * _needed(image))),
                     "height", floor=40)
        image = _render(spec)
    return image


def _packed(spec: dict, height_pt: float) -> list[tuple[dict, SlideImage]]:
    """The parts of a stack of charts, consecutive parts sharing a slide while they fit."""
    parts, packed, start = spec["vconcat"], [], 0
    while start < len(parts):
        end = start + 1
        best = ({**spec, "vconcat": parts[start:end]},)
        best += (_render(best[0]),)
        while end < len(parts):
            trial = {**spec, "vconcat": parts[start:end + 1]}
            image = _render(trial)
            if not _fits(image, height_pt):
                break
            best, end = (trial, image), end + 1
        packed.append(best)
        start = end
    return packed


@dataclass(frozen=True)
class ChartSlides:
    """The images of one chart, and how many of its rows they show when it was too long for
    ``MAX_SLIDES`` slides (``shown`` < ``rows``)."""
    images: list[SlideImage]
    shown: int = 0
    rows: int = 0

    @property
    def cut(self) -> bool:
        return self.shown < self.rows


def slide_images(chart, width_pt: float, height_pt: float) -> ChartSlides:
    """The chart as one or more images, each readable (``MIN_TEXT_PT``) when it fills at most
    a ``width_pt`` x ``height_pt`` frame: a stack split between its parts, a long part into
    chunks of its rows; at most ``MAX_SLIDES``, the rest left to the workbook."""
    spec = records_datasets(copy.deepcopy(chart if isinstance(chart, dict) else chart.to_dict()))
    spec, image = _narrow(spec, _render(spec), width_pt)
    if _fits(image, height_pt):
        return ChartSlides([image])
    parts = (_packed(spec, height_pt) if len(spec.get("vconcat") or []) > 1
             else [(spec, image)])
    images, shown, rows = [], 0, 0
    for part, part_image in parts:
        room = MAX_SLIDES - len(images)
        if room <= 0:
            break
        if _fits(part_image, height_pt):
            images.append(part_image)
            continue
        chunks, part_shown, part_rows = _by_rows(part, part_image, height_pt, room)
        images += chunks
        shown, rows = shown + part_shown, rows + part_rows
    return ChartSlides(images, shown, rows)
