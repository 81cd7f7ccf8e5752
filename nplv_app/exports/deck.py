"""The PPTX slide deck of a view: title, key figures, one slide per chart, the map, the sources;
a source footnote on every slide."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
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
from nplv_app.exports.images import png_size
from nplv_app.exports.slide_charts import slide_images

# --- slide deck ---------------------------------------------------------------------------------

SLIDE_WIDTH = Inches(13.333)   # 16:9
SLIDE_HEIGHT = Inches(7.5)
_MARGIN = Inches(0.35)
_CONTENT_WIDTH = SLIDE_WIDTH - 2 * _MARGIN
_DECK_FONT = "Arial"           # the screen font (Source Sans Pro) is not on every laptop
_INK = RGBColor(0x11, 0x11, 0x11)
_MUTED = RGBColor.from_string(theme.NEUTRAL.lstrip("#"))
_ACCENT = RGBColor.from_string(theme.COHORT_COLOURS["original16"].lstrip("#"))
_KPIS_PER_SLIDE = 6
FRAME_TOP, FRAME_BOTTOM = Inches(1.0), Inches(6.85)  # the picture frame of a chart slide
CHART_TOP = FRAME_TOP + Inches(0.4)  # a chart slide keeps a line under its headline for a note
CHART_FRAME_PT = (Emu(SLIDE_WIDTH - 2 * _MARGIN).pt, Emu(FRAME_BOTTOM - CHART_TOP).pt)
FOOTER_PT = 12
FOOTER_WIDTH = _CONTENT_WIDTH - Inches(1.2)
# Arial averages about half an em per character: characters per footer line.
FOOTER_CHARS_PER_LINE = int(Emu(FOOTER_WIDTH).pt / (0.5 * FOOTER_PT))
_SOURCE_COLUMNS, _SOURCE_LINES, _SOURCE_PT = 2, 30, 11


def pack_footnote(data_version: str, source_ids: Iterable[str] = (), lang: str = "nl") -> str:
    """'NPLV-dashboard, data/sources, versie <hash>': the footer of the title and sources
    slides (the sources themselves are listed on the sources slide)."""
    return tr("ex_version_line", lang, version=data_version)


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


def _short(text, limit: int) -> str:
    """The start of a publisher or title: before any '(' or ',', cut at a word."""
    if fmt.is_missing(text) or not str(text).strip():
        return ""
    plain = str(text).split("(")[0].split(",")[0].strip(' "') or str(text).strip()
    return plain if len(plain) <= limit else plain[:limit].rsplit(" ", 1)[0] + "…"


def source_line(source_ids: Iterable[str], sources: pd.DataFrame, lang: str) -> str:
    """'Bron: S02 wellsupport.nl; S06 Wolters Kluwer/Schulinck' for one slide, at most two
    footer lines: ids without publisher, then 'and N more', once the names no longer fit."""
    ids = [s for s in dict.fromkeys(source_ids) if isinstance(s, str) and s]
    if not ids:
        return ""
    by_id = sources.set_index("source_id") if "source_id" in sources else pd.DataFrame()
    room = 2 * FOOTER_CHARS_PER_LINE - 8

    def name(source_id: str) -> str:
        if source_id not in by_id.index:
            return source_id
        row = by_id.loc[source_id]
        short = _short(row.get("publisher"), 28) or _short(row.get("title"), 28)
        return f"{source_id} {short}".strip()

    entries = [name(i) for i in ids]
    for count in range(len(ids), -1, -1):  # as many named as fit, the rest as bare ids
        for shown in range(len(ids), 0, -1):
            parts = entries[:count] + ids[count:shown]
            more = len(ids) - shown
            text = tr("ex_source_line", lang, sources="; ".join(parts))
            if more:
                text += " " + tr("ex_source_more", lang, n=more)
            if len(text) <= room:
                return text
    return tr("ex_source_line", lang, sources=tr("ex_source_more", lang, n=len(ids)))


def _footer(slide, footnote: str, number: int, total: int) -> None:
    top = SLIDE_HEIGHT - Inches(0.62)
    _text_box(slide, _MARGIN, top, FOOTER_WIDTH, Inches(0.5), footnote, FOOTER_PT,
              colour=_MUTED, anchor=MSO_ANCHOR.BOTTOM)
    _text_box(slide, SLIDE_WIDTH - _MARGIN - Inches(1.1), top, Inches(1.1), Inches(0.4),
              f"{number} / {total}", 12, colour=_MUTED, align=PP_ALIGN.RIGHT,
              anchor=MSO_ANCHOR.BOTTOM)


def _headline(slide, text: str) -> None:
    _text_box(slide, _MARGIN, Inches(0.2), _CONTENT_WIDTH, Inches(0.75), text, 28, bold=True,
              anchor=MSO_ANCHOR.MIDDLE)


def _picture(slide, png: bytes, top, bottom, description: str, pt_per_px: float | None = None,
             css_width: float | None = None) -> None:
    """The image centred between ``top`` and ``bottom``, aspect kept: as large as fits, or at
    ``pt_per_px`` points per CSS pixel of a chart ``css_width`` wide."""
    px_width, px_height = png_size(png)
    box_width, box_height = _CONTENT_WIDTH, bottom - top
    ratio = min(box_width / px_width, box_height / px_height)
    if pt_per_px and css_width:
        ratio = min(ratio, Pt(pt_per_px * css_width) / px_width)
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


def _source_entry(row: dict) -> str:
    """'S02  Title · publisher · date' on one line of a sources slide column."""
    title = _text_or_blank(row.get("title")).strip(' "')
    title = title if len(title) <= 42 else title[:42].rsplit(" ", 1)[0] + "…"
    rest = " · ".join(p for p in (_short(row.get("publisher"), 22),
                                  _text_or_blank(row.get("published"), 20)) if p)
    return f"{title} · {rest}" if rest else title


def _sources_slide(slide, rows: pd.DataFrame, title: str, lang: str, more: int = 0) -> None:
    """Every source of the deck: id (linked) and a one-line description, in two columns."""
    _headline(slide, title)
    if rows.empty:
        _text_box(slide, _MARGIN, Inches(1.6), _CONTENT_WIDTH, Inches(1), tr("ex_no_sources", lang),
                  20)
        return
    width = _CONTENT_WIDTH // _SOURCE_COLUMNS
    records = rows.to_dict("records")
    for column in range(_SOURCE_COLUMNS):
        part = records[column * _SOURCE_LINES:(column + 1) * _SOURCE_LINES]
        if not part:
            break
        box = slide.shapes.add_textbox(int(_MARGIN + column * width), int(Inches(1.0)),
                                       int(width - Inches(0.15)), int(Inches(5.7)))
        frame = box.text_frame
        frame.word_wrap = False
        frame.margin_left = frame.margin_right = 0
        for index, row in enumerate(part):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            link = str(row.get("url") or "")
            for text, bold in ((f"{row['source_id']}  ", True), (_source_entry(row), False)):
                run = paragraph.add_run()
                run.text = ILLEGAL_CHARACTERS_RE.sub("", text)
                run.font.size, run.font.bold, run.font.name = Pt(_SOURCE_PT), bold, _DECK_FONT
                run.font.color.rgb = _INK
                if bold and urlsplit(link).scheme in ("http", "https"):
                    run.hyperlink.address = link
    if more:
        _text_box(slide, _MARGIN, Inches(6.52), _CONTENT_WIDTH, Inches(0.3),
                  tr("ex_sources_more", lang, n=more), _SOURCE_PT, colour=_MUTED)


_TABLE_FONT = 14        # pt, table body on a slide
_TABLE_ROOM = Inches(5.5)  # height between the headline and the footer


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


def _table_slide(slide, frame: pd.DataFrame, title: str, widths: list[int]) -> None:
    """A table shown on screen (e.g. an area's local-monitor block) as a slide table."""
    _headline(slide, title)
    shape = slide.shapes.add_table(len(frame) + 1, len(frame.columns), _MARGIN, FRAME_TOP,
                                   sum(widths), Inches(0.4) * (len(frame) + 1))
    table = shape.table
    for col_idx, (name, width) in enumerate(zip(frame.columns, widths, strict=True)):
        table.columns[col_idx].width = width
        _cell(table.cell(0, col_idx), name, 14, bold=True)
    for row_idx, row in enumerate(frame.itertuples(index=False), start=1):
        for col_idx, value in enumerate(row):
            _cell(table.cell(row_idx, col_idx), _text_or_blank(value, 90), _TABLE_FONT)


def _source_rows(sources: pd.DataFrame) -> pd.DataFrame:
    frame = sources.copy()
    if "published" not in frame.columns and "date" in frame.columns:
        frame["published"] = frame["date"]
    for name in ("source_id", "title", "publisher", "published", "url"):
        if name not in frame.columns:
            frame[name] = None
    return frame[["source_id", "title", "publisher", "published", "url"]]


def _source_ids(note) -> list[str]:
    """A slide's sources: a list of ids, or ids read from a 'Bron: S02, S03' note."""
    if isinstance(note, str):
        return re.findall(r"\bS\d+\b", note)
    return [s for s in (note or []) if isinstance(s, str) and s]


def evidence_pack_pptx(title: str, subtitle: str, kpis: list[tuple[str, str]],
                       charts: list[tuple[str, alt.TopLevelMixin, object]],
                       sources: pd.DataFrame, footnote: str, map_png: bytes | None = None,
                       *, lang: str = "nl", today: dt.date | None = None,
                       map_title: str | None = None,
                       tables: Iterable[tuple[str, pd.DataFrame, object]] = (),
                       kpi_source_ids: Iterable[str] = (),
                       map_source_ids: Iterable[str] = ()) -> bytes:
    """A 16:9 slide deck for a workshop.

    Slides: title (``title``, ``subtitle`` = the selection, date, ``footnote`` = the data
    version line, see ``pack_footnote``); key figures (``kpis`` as (label, formatted value), six
    per slide); one or more per chart (``(headline, chart, source ids)``): a chart is rendered
    for the slide frame and split over slides rather than shrunk (``slide_charts``); a map
    slide when ``map_png`` is given; ``tables`` (``(headline, frame, source ids)``) as many rows
    per slide as fit; then every source on one closing slide (two at most). Each slide's footer
    names only its own sources, in at most two lines (``source_line``).
    """
    moment = today or now().date()
    kpi_pages = [kpis[i:i + _KPIS_PER_SLIDE] for i in range(0, len(kpis), _KPIS_PER_SLIDE)]
    rows = _source_rows(sources)
    per_slide = _SOURCE_COLUMNS * _SOURCE_LINES
    source_pages = [rows.iloc[i:i + per_slide] for i in range(0, min(len(rows), 2 * per_slide),
                                                              per_slide)] or [rows]
    images = []
    for headline, chart, note in charts:
        shown = slide_images(chart, *CHART_FRAME_PT)
        parts = shown.images
        cut = tr("ex_chart_cut", lang, shown=shown.shown, rows=shown.rows) if shown.cut else ""
        images += [(headline + (f" ({n}/{len(parts)})" if len(parts) > 1 else ""), part,
                    _source_ids(note), cut if n == len(parts) else "")
                   for n, part in enumerate(parts, start=1)]
    table_pages = []
    for headline, frame, note in tables:
        parts, widths = table_parts(frame), _column_widths(frame)  # same columns on each slide
        table_pages += [(headline + (f" ({n}/{len(parts)})" if len(parts) > 1 else ""), part,
                         _source_ids(note), widths) for n, part in enumerate(parts, start=1)]

    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    blank = deck.slide_layouts[6]
    slides: list[tuple[object, str]] = []

    def new_slide(source_ids: Iterable[str] = (), text: str | None = None):
        slide = deck.slides.add_slide(blank)
        slides.append((slide, text if text is not None
                       else source_line(source_ids, sources, lang)))
        return slide

    slide = new_slide(text=footnote)
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, Inches(0.25), SLIDE_HEIGHT)
    bar.fill.solid()
    bar.fill.fore_color.rgb = _ACCENT
    bar.line.fill.background()
    left = _MARGIN + Inches(0.25)
    _text_box(slide, left, Inches(1.3), _CONTENT_WIDTH - Inches(0.25), Inches(0.5),
              tr("ex_deck_label", lang), 20, bold=True, colour=_ACCENT)
    _text_box(slide, left, Inches(1.9), _CONTENT_WIDTH - Inches(0.25), Inches(2.0), title, 44,
              bold=True, anchor=MSO_ANCHOR.BOTTOM)
    _text_box(slide, left, Inches(4.1), _CONTENT_WIDTH - Inches(0.25), Inches(1.2), subtitle, 26)
    _text_box(slide, left, Inches(5.3), _CONTENT_WIDTH - Inches(0.25), Inches(0.6),
              fmt.date(moment, lang), 20, colour=_MUTED)

    for page_index, page in enumerate(kpi_pages, start=1):
        heading = tr("ex_kpi_title", lang)
        if len(kpi_pages) > 1:
            heading += f" ({page_index}/{len(kpi_pages)})"
        _kpi_slide(new_slide(kpi_source_ids), page, heading)

    for headline, image, ids, cut in images:
        slide = new_slide(ids)
        _headline(slide, headline)
        if cut:  # under the headline: the rows the slides leave to the workbook
            _text_box(slide, _MARGIN, FRAME_TOP, _CONTENT_WIDTH, Inches(0.35), cut, 14,
                      colour=_MUTED)
        _picture(slide, image.png, CHART_TOP, FRAME_BOTTOM, headline,
                 image.shown_pt_per_px(*CHART_FRAME_PT), image.css_width)

    for headline, frame, ids, widths in table_pages:
        _table_slide(new_slide(ids), frame, headline, widths)

    if map_png is not None:
        heading = map_title or tr("ex_map_title", lang)
        slide = new_slide(map_source_ids)
        _headline(slide, heading)
        _picture(slide, map_png, FRAME_TOP, FRAME_BOTTOM, heading)

    for page_index, page in enumerate(source_pages, start=1):
        heading = tr("ex_sources_title", lang)
        if len(source_pages) > 1:
            heading += f" ({page_index}/{len(source_pages)})"
        more = len(rows) - 2 * per_slide if page_index == len(source_pages) else 0
        _sources_slide(new_slide(text=footnote), page, heading, lang, max(more, 0))

    for number, (slide, text) in enumerate(slides, start=1):
        _footer(slide, text, number, len(slides))

    deck.core_properties.title = title[:255]
    deck.core_properties.author = tr("ex_deck_label", lang)
    deck.core_properties.subject = subtitle[:255]
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
