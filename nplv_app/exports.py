"""Server-side exports for workshops: CSV, an Excel workbook, chart images and a slide deck.

Pure functions, data in and bytes out: no Streamlit, no database, no network, so tests and a
background thread can call them. Charts are rendered by vl-convert (an embedded JavaScript
engine) with the same ``nplv`` theme as on screen; external data URLs are refused, so nothing is
ever fetched while rendering (vl-convert 1.9 uses installed fonts only; checked to work in a
network namespace without any network).

Provenance travels with every export: the workbook has a ``Bronnen`` sheet (source, link and the
status of the figures used) and an ``Over`` sheet (selection, data version, build and export
time), and every slide of the deck carries a source footnote.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import math
import re
import struct
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from decimal import Decimal
from urllib.parse import urlsplit

import altair as alt
import numpy as np
import pandas as pd
import vl_convert as vlc
from altair.utils import update_nested
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from nplv_app import fmt, i18n, theme
from nplv_app.labels import cohort_label
from nplv_app.text import exports as _text

# --- shared -------------------------------------------------------------------------------------

MIN_PNG_WIDTH = 1600          # pixels: sharp on a projector and in a printed note
EXPORT_WIDTH = 800            # CSS px given to charts that size to their container
EXPORT_HEIGHT = 360           # CSS px for charts whose height follows the container
EURO_FORMAT = "#,##0"         # Excel shows these in the reader's locale: 1.234.567 in Dutch
EURO_CENTS_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def _t(key: str, lang: str, **values) -> str:
    """Export text: from the merged table once ``text/exports.py`` is registered there."""
    if i18n.has(key):
        return i18n.t(key, lang, **values)
    nl, en = _text.TEXT[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone()


# --- file names ---------------------------------------------------------------------------------

def _slug(text: str, limit: int = 60) -> str:
    """Lower-case ASCII letters, digits and single hyphens only ('Zuidoost/Bijlmer' -> ...)."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-")


def export_filename(kind: str, selection_label: str, ext: str, today: dt.date) -> str:
    """``nplv_<kind>_<selection>_<YYYY-MM-DD>.<ext>`` with safe characters only.

    Path separators, dots, markup and accents cannot survive: ``'../../etc'`` becomes ``etc``.
    An empty or fully hostile selection label is left out of the name.
    """
    extension = _slug(ext.lstrip("."), limit=10).replace("-", "")
    if not extension:
        raise ValueError(f"unusable file extension {ext!r}")
    parts = ["nplv", _slug(kind, limit=30), _slug(selection_label), today.isoformat()]
    return "_".join(p for p in parts if p) + "." + extension


# --- CSV ----------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*(e[+-]?\d+)?", re.IGNORECASE)


def _inert(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def table_csv(frame: pd.DataFrame, *, sep: str = ",") -> bytes:
    """The table as CSV bytes: UTF-8 *with* a byte-order mark, header row, no index.

    Why the BOM: Excel (the tool most workshop participants open a CSV with) reads a CSV without
    one in the Windows code page, so "één" and "€" turn into "Ã©Ã©n" and "â‚¬". With the BOM
    Excel knows it is UTF-8; pandas, R and Python's csv module (with ``encoding="utf-8-sig"``)
    read it without trouble.

    Missing figures are empty fields, never 0. Numbers keep a decimal point (machine-readable);
    a Dutch Excel that expects ``;`` may put everything in one column — offer the XLSX for Excel
    users, or pass ``sep=";"``. Text that starts like a formula (``=``, ``+``, ``-``, ``@``) is
    prefixed with ``'`` so opening the file never runs anything.
    """
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column])
                or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(_inert)
    text = safe.to_csv(index=False, sep=sep, lineterminator="\r\n", na_rep="")
    return text.encode("utf-8-sig")


# --- Excel workbook -----------------------------------------------------------------------------

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_EURO_COLUMN = re.compile(r"(^|_)eur(_|$)", re.IGNORECASE)
_SOURCE_ORDER = (
    ("source_id",), ("title",), ("publisher",), ("published", "date"), ("url",),
    ("statuses", "status"),
)
_MAX_CELL_TEXT = 32767          # Excel's limit per cell


def _sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name: no []:*?/\\, no edge apostrophes, at most 31 characters."""
    base = _SHEET_FORBIDDEN.sub("_", str(name)).strip().strip("'").strip() or "Data"
    base = base[:31]
    candidate, number = base, 2
    while candidate.casefold() in taken or candidate.casefold() == "history":
        suffix = f" ({number})"
        candidate = base[:31 - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


def _cell_value(value):
    """A value openpyxl stores natively: numbers as numbers, missing as None (an empty cell)."""
    if isinstance(value, (list, tuple, dict, set, np.ndarray)):
        return str(value)
    if fmt.is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None  # Excel has no infinity
    if isinstance(value, Decimal):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:  # Excel has no time zones: store the UTC clock time
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    if isinstance(value, (dt.date, dt.time)):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text[:_MAX_CELL_TEXT]


def _column_format(name: str, values: pd.Series, number_formats: Mapping[str, str]) -> str | None:
    if name in number_formats:
        return number_formats[name]
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_numeric_dtype(values) and _EURO_COLUMN.search(str(name)):
        known = pd.to_numeric(values, errors="coerce").dropna()
        known = known[np.isfinite(known)]
        whole = bool((known.round() == known).all()) if len(known) else True
        return EURO_FORMAT if whole else EURO_CENTS_FORMAT
    if pd.api.types.is_datetime64_any_dtype(values):
        known = values.dropna()
        midnight = bool((known == known.dt.normalize()).all()) if len(known) else True
        return DATE_FORMAT if midnight else DATETIME_FORMAT
    return None


def _display_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, (dt.date, dt.datetime)):
        return 16 if isinstance(value, dt.datetime) else 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_table(sheet, frame: pd.DataFrame, number_formats: Mapping[str, str],
                 link_column: str | None = None) -> None:
    """Header (bold, frozen, filter) and rows; numbers stay numbers; columns sized to fit."""
    header_font = Font(bold=True)
    widths = []
    for col_idx, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=col_idx, value=_cell_value(str(name)))
        cell.data_type = "s"
        cell.font = header_font
        widths.append(len(str(name)))
    sheet.freeze_panes = "A2"
    for col_idx, name in enumerate(frame.columns, start=1):
        series = frame.iloc[:, col_idx - 1]
        number_format = _column_format(str(name), series, number_formats)
        width = widths[col_idx - 1]
        for row_idx, raw in enumerate(series.tolist(), start=2):
            value = _cell_value(raw)
            if value is None:
                continue  # missing stays an EMPTY cell, never 0
            cell = sheet.cell(row=row_idx, column=col_idx, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" is text, not a formula
                if name == link_column and urlsplit(value).scheme in ("http", "https"):
                    cell.hyperlink = value
                    cell.style = "Hyperlink"
            if number_format and not isinstance(value, str):
                cell.number_format = number_format
            if row_idx <= 501:  # size columns from the first 500 rows: fast on big tables
                width = max(width, _display_width(value))
        sheet.column_dimensions[get_column_letter(col_idx)].width = min(max(width + 2, 8), 60)
    if len(frame.columns):
        last = get_column_letter(len(frame.columns))
        sheet.auto_filter.ref = f"A1:{last}{max(len(frame) + 1, 1)}"


def _sources_frame(sources: pd.DataFrame) -> pd.DataFrame:
    """Known source columns first (source_id, title, publisher, published, url, statuses)."""
    ordered = []
    for names in _SOURCE_ORDER:
        ordered += [n for n in names if n in sources.columns][:1]
    rest = [c for c in sources.columns if c not in ordered]
    return sources[ordered + rest]


def about_info(selection_label: str, build_info: Mapping[str, str],
               lang: str = "nl") -> dict[str, str]:
    """The ``about`` rows of ``workbook_xlsx`` from ``queries.build_info(db)``, translated."""
    return {
        _t("ex_about_selection", lang): selection_label,
        _t("ex_about_built_at", lang): str(build_info.get("built_at", "")),
        _t("ex_about_data_version", lang): str(build_info.get("data_version", "")),
        _t("ex_about_app_version", lang): str(build_info.get("app_version", "")),
    }


def workbook_xlsx(sheets: Mapping[str, pd.DataFrame], sources: pd.DataFrame,
                  about: Mapping[str, str], *, lang: str = "nl",
                  number_formats: Mapping[str, str] | None = None,
                  exported_at: dt.datetime | None = None) -> bytes:
    """An .xlsx with the data sheet(s), a ``Bronnen`` sheet and an ``Over`` sheet.

    ``sheets`` maps a sheet name (sanitised: at most 31 characters, no ``[]:*?/\\``, unique) to
    its table. ``sources`` has the columns source_id, title, publisher, published (or date), url
    and statuses (or status); URLs become hyperlinks. ``about`` holds key/value rows (see
    ``about_info``); the export time and a provenance line are added unless already present.

    Numbers are stored as numbers; columns named ``*_eur*`` get ``#,##0`` (or ``#,##0.00`` when
    any amount has cents), which Excel shows with Dutch separators in a Dutch Excel;
    ``number_formats`` (column -> Excel format) overrides. Missing values stay empty cells.
    """
    number_formats = dict(number_formats or {})
    moment = exported_at or _now()
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    sources_name = _sheet_name(_t("ex_sheet_sources", lang), taken)
    about_name = _sheet_name(_t("ex_sheet_about", lang), taken)

    for name, frame in sheets.items():
        _write_table(book.create_sheet(_sheet_name(name, taken)), frame, number_formats)

    _write_table(book.create_sheet(sources_name), _sources_frame(sources), {}, link_column="url")

    rows = dict(about)
    exported_key = _t("ex_about_exported_at", lang)
    rows.setdefault(exported_key, moment.isoformat(sep=" ", timespec="minutes"))
    rows.setdefault(_t("ex_about_provenance_key", lang), _t("ex_about_provenance", lang))
    about_frame = pd.DataFrame({_t("ex_about_item", lang): list(rows),
                                _t("ex_about_value", lang): [str(v) for v in rows.values()]})
    about_sheet = book.create_sheet(about_name)
    _write_table(about_sheet, about_frame, {})
    about_sheet.auto_filter.ref = None
    about_sheet.column_dimensions["B"].width = 100
    for row in about_sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    book.active = 0
    book.properties.creator = _t("ex_deck_label", lang)
    book.properties.created = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


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


# --- map image ---------------------------------------------------------------------------------

MAP_WIDTH = 560                # CSS px; the Netherlands is taller than wide
MAP_HEIGHT = 640
MAP_MAX_CIRCLE_PX2 = 2400      # circle area of the largest area, in square CSS px
MAP_FILL_OPACITY = 0.88


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
    from nplv_app import maps  # pydeck is only needed here

    ordered = areas.sort_values("residents", ascending=False, na_position="last")
    circles = [
        {"name": str(row["name"]), "lon": float(row["centroid_lon"]),
         "lat": float(row["centroid_lat"]),
         "residents": None if fmt.is_missing(row["residents"]) else float(row["residents"]),
         "cohort": cohort_label(row['cohort'], lang)}
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
        ],
    }


# --- slide deck ---------------------------------------------------------------------------------

SLIDE_WIDTH = Inches(13.333)   # 16:9
SLIDE_HEIGHT = Inches(7.5)
_MARGIN = Inches(0.6)
_CONTENT_WIDTH = SLIDE_WIDTH - 2 * _MARGIN
_DECK_FONT = "Arial"           # the screen font (Source Sans Pro) is not on every laptop
_INK = RGBColor(0x11, 0x11, 0x11)
_MUTED = RGBColor.from_string(theme.NEUTRAL.lstrip("#"))
_ACCENT = RGBColor.from_string(theme.COHORT_COLOURS["original16"].lstrip("#"))
_KPIS_PER_SLIDE = 6
_SOURCES_PER_SLIDE = 5


def pack_footnote(data_version: str, source_ids: Iterable[str], lang: str = "nl") -> str:
    """'Bron: NPLV-dashboard, data/sources, versie <hash>; bronnen S02, S03'."""
    ids = [s for s in dict.fromkeys(source_ids) if isinstance(s, str) and s]
    if not ids:
        return _t("ex_footnote_no_ids", lang, version=data_version)
    return _t("ex_footnote", lang, version=data_version, ids=", ".join(ids))


def _text_box(slide, left, top, width, height, text: str, size: float, *, bold: bool = False,
              colour: RGBColor = _INK, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    box = slide.shapes.add_textbox(int(left), int(top), int(width), int(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = ILLEGAL_CHARACTERS_RE.sub("", str(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = _DECK_FONT
    run.font.color.rgb = colour
    return box


def _footer(slide, footnote: str, number: int, total: int) -> None:
    top = SLIDE_HEIGHT - Inches(0.55)
    _text_box(slide, _MARGIN, top, _CONTENT_WIDTH - Inches(1.2), Inches(0.4), footnote, 12,
              colour=_MUTED, anchor=MSO_ANCHOR.BOTTOM)
    _text_box(slide, SLIDE_WIDTH - _MARGIN - Inches(1.1), top, Inches(1.1), Inches(0.4),
              f"{number} / {total}", 12, colour=_MUTED, align=PP_ALIGN.RIGHT,
              anchor=MSO_ANCHOR.BOTTOM)


def _headline(slide, text: str) -> None:
    _text_box(slide, _MARGIN, Inches(0.35), _CONTENT_WIDTH, Inches(1.0), text, 30, bold=True,
              anchor=MSO_ANCHOR.MIDDLE)


def _picture(slide, png: bytes, top, bottom, description: str) -> None:
    """The image as large as fits between ``top`` and ``bottom``, centred, aspect kept."""
    px_width, px_height = png_size(png)
    box_width, box_height = _CONTENT_WIDTH, bottom - top
    ratio = min(box_width / px_width, box_height / px_height)
    width, height = Emu(int(px_width * ratio)), Emu(int(px_height * ratio))
    left = _MARGIN + (box_width - width) // 2
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top, width, height)
    picture._element.nvPicPr.cNvPr.set("descr", description)  # alt text for screen readers


def _kpi_size(value: str, width) -> int:
    """Big enough for the back of the room (24-54 pt), small enough to fit ``width`` on one line.

    Bold Arial digits are 0.56 em wide; separators and spaces are narrower, so 0.58 em per
    character on average is a safe estimate.
    """
    fitting = Emu(int(width)).pt / (0.58 * max(len(value), 1))
    return int(max(24, min(54, fitting)))


def _kpi_slide(slide, kpis: list[tuple[str, str]], title: str) -> None:
    _headline(slide, title)
    columns = len(kpis) if len(kpis) <= 3 else 2 if len(kpis) == 4 else 3
    rows = math.ceil(len(kpis) / columns)
    top0, area_height = Inches(1.6), Inches(4.9)
    cell_width, cell_height = _CONTENT_WIDTH // columns, area_height // rows
    for index, (label, value) in enumerate(kpis):
        left = _MARGIN + (index % columns) * cell_width
        top = top0 + (index // columns) * cell_height
        box_width = cell_width - Inches(0.2)
        _text_box(slide, left, top, box_width, cell_height * 0.55, value,
                  _kpi_size(str(value), box_width - Inches(0.1)), bold=True, colour=_ACCENT,
                  anchor=MSO_ANCHOR.BOTTOM)
        _text_box(slide, left, top + int(cell_height * 0.55), box_width, cell_height * 0.45,
                  label, 22, colour=_INK)


def _cell(cell, text: str, size: float, *, bold: bool = False, link: str | None = None) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = ILLEGAL_CHARACTERS_RE.sub("", str(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = _DECK_FONT
    if link:
        run.hyperlink.address = link
    cell.margin_top = cell.margin_bottom = Inches(0.04)


def _text_or_blank(value, limit: int = 140) -> str:
    if fmt.is_missing(value):
        return ""
    text = str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _sources_slide(slide, rows: pd.DataFrame, title: str, lang: str) -> None:
    _headline(slide, title)
    if rows.empty:
        _text_box(slide, _MARGIN, Inches(1.6), _CONTENT_WIDTH, Inches(1), _t("ex_no_sources", lang),
                  20)
        return
    columns = [  # (field, header text key, width in inches, font size in pt)
        ("source_id", "ex_col_source_id", 0.9, 12), ("title", "ex_col_title", 4.2, 12),
        ("publisher", "ex_col_publisher", 2.1, 12), ("published", "ex_col_published", 1.3, 12),
        ("url", "ex_col_url", 3.63, 11),
    ]
    shape = slide.shapes.add_table(len(rows) + 1, len(columns), _MARGIN, Inches(1.5),
                                   _CONTENT_WIDTH, Inches(0.45) * (len(rows) + 1))
    table = shape.table
    for col_idx, (_, key, inches, _) in enumerate(columns):
        table.columns[col_idx].width = Inches(inches)
        _cell(table.cell(0, col_idx), _t(key, lang), 14, bold=True)
    for row_idx, row in enumerate(rows.itertuples(index=False), start=1):
        values = row._asdict()
        for col_idx, (name, _, _, size) in enumerate(columns):
            full = _text_or_blank(values.get(name), limit=10_000)
            text = _text_or_blank(full, limit=300 if name == "url" else 120)
            link = full if name == "url" and urlsplit(full).scheme in ("http", "https") else None
            _cell(table.cell(row_idx, col_idx), text, size, link=link)


def _source_rows(sources: pd.DataFrame) -> pd.DataFrame:
    frame = sources.copy()
    if "published" not in frame.columns and "date" in frame.columns:
        frame["published"] = frame["date"]
    for name in ("source_id", "title", "publisher", "published", "url"):
        if name not in frame.columns:
            frame[name] = None
    return frame[["source_id", "title", "publisher", "published", "url"]]


def evidence_pack_pptx(title: str, subtitle: str, kpis: list[tuple[str, str]],
                       charts: list[tuple[str, alt.TopLevelMixin, str]],
                       sources: pd.DataFrame, footnote: str, map_png: bytes | None = None,
                       *, lang: str = "nl", today: dt.date | None = None,
                       map_title: str | None = None) -> bytes:
    """A 16:9 slide deck for a workshop, every slide with ``footnote`` (see ``pack_footnote``).

    Slides: title (``title``, ``subtitle`` = the selection, date); key figures (``kpis`` as
    (label, formatted value), six per slide, skipped when empty); one per chart
    (``(headline, chart, note)``: the note, e.g. 'Bron: S02, S03', is shown under the chart and
    is the picture's alt text with the headline); a map slide when ``map_png`` is given; the
    sources (id, title, publisher, date, URL as a link), five per slide.
    """
    moment = today or _now().date()
    kpi_pages = [kpis[i:i + _KPIS_PER_SLIDE] for i in range(0, len(kpis), _KPIS_PER_SLIDE)]
    rows = _source_rows(sources)
    source_pages = [rows.iloc[i:i + _SOURCES_PER_SLIDE]
                    for i in range(0, len(rows), _SOURCES_PER_SLIDE)] or [rows]
    images = [(headline, chart_png(chart), note) for headline, chart, note in charts]

    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    blank = deck.slide_layouts[6]
    total = 1 + len(kpi_pages) + len(images) + (map_png is not None) + len(source_pages)
    slides = []

    def new_slide():
        slide = deck.slides.add_slide(blank)
        slides.append(slide)
        return slide

    slide = new_slide()
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.25), SLIDE_HEIGHT)
    bar.fill.solid()
    bar.fill.fore_color.rgb = _ACCENT
    bar.line.fill.background()
    _text_box(slide, _MARGIN, Inches(1.3), _CONTENT_WIDTH, Inches(0.5), _t("ex_deck_label", lang),
              20, bold=True, colour=_ACCENT)
    _text_box(slide, _MARGIN, Inches(1.9), _CONTENT_WIDTH, Inches(2.0), title, 44, bold=True,
              anchor=MSO_ANCHOR.BOTTOM)
    _text_box(slide, _MARGIN, Inches(4.1), _CONTENT_WIDTH, Inches(1.2), subtitle, 26)
    _text_box(slide, _MARGIN, Inches(5.3), _CONTENT_WIDTH, Inches(0.6), fmt.date(moment, lang),
              20, colour=_MUTED)

    for page_index, page in enumerate(kpi_pages, start=1):
        heading = _t("ex_kpi_title", lang)
        if len(kpi_pages) > 1:
            heading += f" ({page_index}/{len(kpi_pages)})"
        _kpi_slide(new_slide(), page, heading)

    for headline, png, note in images:
        slide = new_slide()
        _headline(slide, headline)
        _picture(slide, png, Inches(1.45), Inches(6.3), f"{headline}. {note}".strip(". "))
        _text_box(slide, _MARGIN, Inches(6.3), _CONTENT_WIDTH, Inches(0.45), note, 14,
                  colour=_INK)

    if map_png is not None:
        slide = new_slide()
        heading = map_title or _t("ex_map_title", lang)
        _headline(slide, heading)
        _picture(slide, map_png, Inches(1.45), Inches(6.75), heading)

    for page_index, page in enumerate(source_pages, start=1):
        heading = _t("ex_sources_title", lang)
        if len(source_pages) > 1:
            heading += f" ({page_index}/{len(source_pages)})"
        _sources_slide(new_slide(), page, heading, lang)

    for number, slide in enumerate(slides, start=1):
        _footer(slide, footnote, number, total)

    deck.core_properties.title = title[:255]
    deck.core_properties.author = _t("ex_deck_label", lang)
    deck.core_properties.subject = subtitle[:255]
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
