"""The PPTX slide deck of a view: title, key figures, one slide per chart, the map, the sources;
a source footnote on every slide."""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from urllib.parse import urlsplit

import altair as alt
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from nplv_app.content import fmt, theme
from nplv_app.exports.common import now, tr
from nplv_app.exports.images import chart_png, png_size

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
        return tr("ex_footnote_no_ids", lang, version=data_version)
    return tr("ex_footnote", lang, version=data_version, ids=", ".join(ids))


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
        _text_box(slide, _MARGIN, Inches(1.6), _CONTENT_WIDTH, Inches(1), tr("ex_no_sources", lang),
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
        _cell(table.cell(0, col_idx), tr(key, lang), 14, bold=True)
    for row_idx, row in enumerate(rows.itertuples(index=False), start=1):
        values = row._asdict()
        for col_idx, (name, _, _, size) in enumerate(columns):
            full = _text_or_blank(values.get(name), limit=10_000)
            text = _text_or_blank(full, limit=300 if name == "url" else 120)
            link = full if name == "url" and urlsplit(full).scheme in ("http", "https") else None
            _cell(table.cell(row_idx, col_idx), text, size, link=link)


_TABLE_FONT = 13        # pt, table body on a slide
_TABLE_ROOM = Inches(4.6)  # height between the headline and the note under the table


def _column_widths(frame: pd.DataFrame) -> list[int]:
    """Widths as the longest text asks (within limits), never narrower than a header's longest
    word, summing to the content width."""
    weights = []
    for column in frame.columns:
        longest_word = max(len(w) for w in str(column).split()) + 2
        longest_text = max([len(_text_or_blank(v, 90)) for v in frame[column]] or [0])
        weights.append(min(max(longest_word, longest_text, 8), 40))
    return [int(_CONTENT_WIDTH * w / sum(weights)) for w in weights]


def _row_height(values, widths: list[int], size: float = _TABLE_FONT) -> int:
    """A row's height in EMU, from its wrapped lines (Arial averages half an em per character)."""
    lines = 1
    for value, width in zip(values, widths, strict=True):
        per_line = max(int(Emu(width - Inches(0.2)).pt / (0.5 * size)), 1)
        lines = max(lines, math.ceil(len(_text_or_blank(value, 90)) / per_line) or 1)
    return int(Pt(size * 1.2 * lines) + Inches(0.12))


def table_parts(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """The table cut into slides whose rows fit ``_TABLE_ROOM`` below the header row."""
    widths = _column_widths(frame)
    room = _TABLE_ROOM - _row_height(frame.columns, widths, 14)
    parts, start, used = [], 0, 0
    for index, row in enumerate(frame.itertuples(index=False)):
        height = _row_height(row, widths)
        if index > start and used + height > room:
            parts.append(frame.iloc[start:index])
            start, used = index, 0
        used += height
    parts.append(frame.iloc[start:])
    return parts


def _table_slide(slide, frame: pd.DataFrame, title: str, note: str, widths: list[int]) -> None:
    """A table shown on screen (e.g. an area's local-monitor block) as a slide table."""
    _headline(slide, title)
    shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), _MARGIN, Inches(1.45),
                                   sum(widths), Inches(0.4) * (len(frame) + 1))
    table = shape.table
    for col_idx, (name, width) in enumerate(zip(frame.columns, widths, strict=True)):
        table.columns[col_idx].width = width
        _cell(table.cell(0, col_idx), name, 14, bold=True)
    for row_idx, row in enumerate(frame.itertuples(index=False), start=1):
        for col_idx, value in enumerate(row):
            _cell(table.cell(row_idx, col_idx), _text_or_blank(value, 90), _TABLE_FONT)
    if note:
        _text_box(slide, _MARGIN, Inches(6.3), _CONTENT_WIDTH, Inches(0.45), note, 14,
                  colour=_INK)


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
                       map_title: str | None = None,
                       tables: Iterable[tuple[str, pd.DataFrame, str]] = ()) -> bytes:
    """A 16:9 slide deck for a workshop, every slide with ``footnote`` (see ``pack_footnote``).

    Slides: title (``title``, ``subtitle`` = the selection, date); key figures (``kpis`` as
    (label, formatted value), six per slide, skipped when empty); one per chart
    (``(headline, chart, note)``: the note, e.g. 'Bron: S02, S03', is shown under the chart and
    is the picture's alt text with the headline); a map slide when ``map_png`` is given; the
    sources (id, title, publisher, date, URL as a link), five per slide. ``tables``
    (``(headline, frame, note)``, tables the page shows without a chart) come after the charts,
    as many rows per slide as fit (``table_parts``).
    """
    moment = today or now().date()
    kpi_pages = [kpis[i:i + _KPIS_PER_SLIDE] for i in range(0, len(kpis), _KPIS_PER_SLIDE)]
    rows = _source_rows(sources)
    source_pages = [rows.iloc[i:i + _SOURCES_PER_SLIDE]
                    for i in range(0, len(rows), _SOURCES_PER_SLIDE)] or [rows]
    images = [(headline, chart_png(chart), note) for headline, chart, note in charts]
    table_pages = []
    for headline, frame, note in tables:
        parts, widths = table_parts(frame), _column_widths(frame)  # same columns on each slide
        table_pages += [(headline + (f" ({n}/{len(parts)})" if len(parts) > 1 else ""), part,
                         note, widths) for n, part in enumerate(parts, start=1)]

    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    blank = deck.slide_layouts[6]
    total = (1 + len(kpi_pages) + len(images) + len(table_pages) + (map_png is not None)
             + len(source_pages))
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
    _text_box(slide, _MARGIN, Inches(1.3), _CONTENT_WIDTH, Inches(0.5), tr("ex_deck_label", lang),
              20, bold=True, colour=_ACCENT)
    _text_box(slide, _MARGIN, Inches(1.9), _CONTENT_WIDTH, Inches(2.0), title, 44, bold=True,
              anchor=MSO_ANCHOR.BOTTOM)
    _text_box(slide, _MARGIN, Inches(4.1), _CONTENT_WIDTH, Inches(1.2), subtitle, 26)
    _text_box(slide, _MARGIN, Inches(5.3), _CONTENT_WIDTH, Inches(0.6), fmt.date(moment, lang),
              20, colour=_MUTED)

    for page_index, page in enumerate(kpi_pages, start=1):
        heading = tr("ex_kpi_title", lang)
        if len(kpi_pages) > 1:
            heading += f" ({page_index}/{len(kpi_pages)})"
        _kpi_slide(new_slide(), page, heading)

    for headline, png, note in images:
        slide = new_slide()
        _headline(slide, headline)
        _picture(slide, png, Inches(1.45), Inches(6.3), f"{headline}. {note}".strip(". "))
        _text_box(slide, _MARGIN, Inches(6.3), _CONTENT_WIDTH, Inches(0.45), note, 14,
                  colour=_INK)

    for headline, frame, note, widths in table_pages:
        _table_slide(new_slide(), frame, headline, note, widths)

    if map_png is not None:
        slide = new_slide()
        heading = map_title or tr("ex_map_title", lang)
        _headline(slide, heading)
        _picture(slide, map_png, Inches(1.45), Inches(6.75), heading)

    for page_index, page in enumerate(source_pages, start=1):
        heading = tr("ex_sources_title", lang)
        if len(source_pages) > 1:
            heading += f" ({page_index}/{len(source_pages)})"
        _sources_slide(new_slide(), page, heading, lang)

    for number, slide in enumerate(slides, start=1):
        _footer(slide, footnote, number, total)

    deck.core_properties.title = title[:255]
    deck.core_properties.author = tr("ex_deck_label", lang)
    deck.core_properties.subject = subtitle[:255]
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
