"""Chart images (PNG, SVG) rendered by vl-convert with the on-screen theme; external data URLs
are refused, so nothing is fetched while rendering."""

from __future__ import annotations

import copy
import math
import re
import struct
import xml.etree.ElementTree as ET
from collections.abc import Mapping

import altair as alt
import vl_convert as vlc
from altair.utils import update_nested

from nplv_app.content import theme
from nplv_app.exports.common import EXPORT_HEIGHT, EXPORT_WIDTH, MIN_PNG_WIDTH

# --- chart images -------------------------------------------------------------------------------

def _reject_url_data(node) -> None:
    """Raise ValueError if any data source in the spec is a URL (rendering stays offline)."""
    if isinstance(node, dict):
        data = node.get("data")
        if isinstance(data, dict) and "url" in data:
            raise ValueError(f"chart reads data from a URL ({data['url']!r}); exports need "
                             "inline data")
        for key, value in node.items():
            if key != "datasets":  # inline records: nothing to check, possibly large
                _reject_url_data(value)
    elif isinstance(node, list):
        for item in node:
            _reject_url_data(item)


def records_datasets(spec: dict) -> dict:
    """The spec with datasets held as Arrow IPC bytes (``specs.arrow_datasets``, as the app
    caches them) turned back into lists of records, which a renderer needs."""
    datasets = spec.get("datasets") or {}
    if not any(isinstance(v, (bytes, bytearray)) for v in datasets.values()):
        return spec
    import pyarrow as pa

    return {**spec, "datasets": {
        name: (pa.ipc.open_stream(value).read_all().to_pylist()
               if isinstance(value, (bytes, bytearray)) else value)
        for name, value in datasets.items()}}


def export_spec(chart: alt.TopLevelMixin | Mapping, width: int | None = None) -> dict:
    """The Vega-Lite dict that is rendered: the nplv theme config under the chart's own config.

    ``chart.to_dict()`` already carries the active theme's config; the nplv config is merged in
    again so an export looks like the screen even if another theme was enabled meanwhile. A
    single or layered view whose width follows its container (or is unset) gets ``width``
    (default ``EXPORT_WIDTH``) CSS px; a container height gets ``EXPORT_HEIGHT``. Works on a
    copy; raises ValueError for URL data.
    """
    spec = copy.deepcopy(dict(chart)) if isinstance(chart, Mapping) else chart.to_dict()
    spec = records_datasets(spec)
    _reject_url_data(spec)
    spec["config"] = update_nested(copy.deepcopy(theme.nplv_theme()["config"]),
                                   spec.get("config", {}), copy=True)
    if "mark" in spec or "layer" in spec:
        if width is not None or not isinstance(spec.get("width"), (int, float, dict)):
            spec["width"] = width or EXPORT_WIDTH
        if spec.get("height") == "container":
            spec["height"] = EXPORT_HEIGHT
        autosize = spec.get("autosize")
        if isinstance(autosize, dict) and autosize.get("resize"):
            spec["autosize"] = {k: v for k, v in autosize.items() if k != "resize"}
    return spec


def _render_svg(spec: dict, locale: str | None) -> str:
    kwargs = {"format_locale": locale, "time_format_locale": locale} if locale else {}
    return vlc.vegalite_to_svg(spec, allowed_base_urls=[], show_warnings=False, **kwargs)


def _svg_width(svg: str) -> float:
    root = ET.fromstring(svg)
    return float(re.sub(r"[^0-9.]", "", root.get("width", "0")) or 0)


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def chart_png(chart: alt.TopLevelMixin | Mapping, scale: float = 2, *,
              min_width: int = MIN_PNG_WIDTH, width: int | None = None,
              locale: str | None = None) -> bytes:
    """The chart as PNG, at least ``min_width`` pixels wide, in the on-screen theme.

    Container-width charts are drawn ``EXPORT_WIDTH`` (800) CSS px wide, so scale 2 gives
    1600+ px. Charts with a fixed width keep their designed shape: the scale is raised until the
    image is ``min_width`` wide. ``locale`` (e.g. ``"nl-NL"``) sets d3 number and date formats;
    the default matches the screen. Offline: URL data raises ValueError.
    """
    svg = _render_svg(export_spec(chart, width), locale)
    css_width = _svg_width(svg)
    if css_width > 0:
        scale = max(scale, math.ceil(min_width * 1000 / css_width) / 1000)
    return vlc.svg_to_png(svg, scale=scale)


def chart_svg(chart: alt.TopLevelMixin | Mapping, *, width: int | None = None,
              locale: str | None = None) -> str:
    """The chart as an SVG document (``<svg width=... height=...>``), same theme and sizing."""
    return _render_svg(export_spec(chart, width), locale)


def smallest_font(svg: str) -> float:
    """The smallest font size (CSS px) of any text in a rendered chart (0 without text)."""
    sizes = [float(s) for s in re.findall(r'font-size[=:]\s*"?([0-9.]+)px', svg)]
    return min(sizes, default=0.0)


def chart_render(chart: alt.TopLevelMixin | Mapping, *, min_width: int = MIN_PNG_WIDTH,
                 locale: str | None = None) -> tuple[bytes, float, float, float]:
    """(PNG, CSS width, CSS height, smallest font in CSS px) of one rendering, so a slide can
    place the image where its text is still readable."""
    svg = _render_svg(export_spec(chart), locale)
    root = ET.fromstring(svg)
    width = float(re.sub(r"[^0-9.]", "", root.get("width", "0")) or 0)
    height = float(re.sub(r"[^0-9.]", "", root.get("height", "0")) or 0)
    scale = max(2, math.ceil(min_width * 1000 / width) / 1000) if width else 2
    return vlc.svg_to_png(svg, scale=scale), width, height, smallest_font(svg)
