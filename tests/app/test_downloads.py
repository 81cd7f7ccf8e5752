"""The downloads section under every page (AppTest): its buttons, and the files they build.

Builders are called directly (``app_support.download_exports``), as Streamlit would call them
on a click; images and the slide deck go through the render process (``nplv_app.runtime.offload``),
so the first image of the session pays for starting it.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from app_support import app_database, download_exports, run_page, slide_texts
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from nplv_app import exports
from nplv_app.content import fmt
from nplv_app.content.i18n import t
from nplv_app.content.labels import status_label
from nplv_app.content.selection import Selection
from nplv_app.frame import downloads, ui
from nplv_app.runtime import offload
from nplv_data import queries

PAGES = ("overzicht", "gebieden", "budgetten", "scenario", "tijdlijn")
TODAY = dt.date.today().isoformat()
_RUNS: dict[tuple, object] = {}


def page_run(page: str, **params):
    """One AppTest run per page and parameters for the whole module (runs are slow)."""
    key = (page, tuple(sorted(params.items())))
    if key not in _RUNS:
        at = run_page(page, params, unfolded=True)
        assert not at.exception, [e.value for e in at.exception]
        _RUNS[key] = at
    return _RUNS[key]


def registry(at) -> downloads.Registry:
    return at.session_state[downloads.REGISTRY_KEY]


@pytest.fixture(scope="module")
def db():
    database = queries.Database(app_database())
    yield database
    database.close()


def areas_residents(db, cohort: str | None = None, by: str = "area_id") -> dict[str, int]:
    areas = queries.areas(db)
    if cohort:
        areas = areas[areas["cohort"] == cohort]
    return dict(zip(areas[by], areas["residents"]))


# --- the section and its buttons ----------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_every_page_has_the_section_with_its_buttons(page):
    at = page_run(page)
    assert t("dl_title", "nl") in [e.label for e in at.expander]
    files = download_exports(at)
    figures = registry(at).figures
    keys = {b.key for b in at.download_button}
    assert {"dl_xlsx", "dl_pptx", "dl_csv_selection"} <= keys
    for key in figures:
        assert {f"dl_csv_{key}", f"dl_png_{key}", f"dl_svg_{key}"} <= keys
        assert f"dl_png_{key}" in files
    assert set(files) <= keys  # every file has its button
    for export in files.values():
        assert re.fullmatch(rf"nplv_{page}(-[a-z0-9-]+)?_all20_{TODAY}\.{export.kind}",
                            export.file_name), export.file_name
    labels = {b.key: b.proto.label for b in at.download_button}
    assert labels["dl_xlsx"] == t("dl_xlsx", "nl") and labels["dl_pptx"] == t("dl_pptx", "nl")
    assert all(b.proto.ignore_rerun for b in at.download_button if b.key.startswith("dl_"))


def test_pages_register_their_charts_and_sources():
    expected = {"gebieden": 2, "budgetten": 4, "scenario": 2, "tijdlijn": 2, "overzicht": 0}
    for page, n in expected.items():
        assert len(registry(page_run(page)).figures) == n, page
    budget = registry(page_run("budgetten"))
    assert all(isinstance(f.chart, dict) for f in budget.figures.values())
    assert budget.figures["bu_lines_chart"].source_ids  # the caption right after the chart
    assert set(budget.figures["bu_lines_chart"].source_ids) <= set(budget.source_ids)
    assert registry(page_run("overzicht")).source_ids  # the tiles' sources


def test_tijdlijn_keeps_its_own_table_downloads():
    at = page_run("tijdlijn")
    own = [b for b in at.download_button if b.key.startswith("tl_download_")]
    assert len(own) == len(queries.EXPORTABLE)


def test_presentation_mode_puts_the_section_before_the_page_stops():
    at = page_run("budgetten", presentatie="1")
    assert t("dl_title", "nl") in [e.label for e in at.expander]
    assert list(registry(at).figures) == ["bu_lines_chart"]  # only the key visual is shown
    assert [e.label for e in at.expander][-1] == t("dl_title", "nl")


def test_selection_reaches_labels_and_file_names():
    at = page_run("gebieden", set="original16", lang="en")
    files = download_exports(at)
    assert files["dl_xlsx"].file_name == f"nplv_gebieden_original16_{TODAY}.xlsx"
    assert t("dl_title", "en") in [e.label for e in at.expander]
    label = downloads.selection_label(Selection(area_set="original16"), "en")
    assert any(ui.escape(label) in c.value for c in at.caption)


def test_selection_label_and_slug():
    chosen = Selection(area_set="custom", municipalities=("Den Haag", "Rotterdam"),
                       residents_min=10_000, custom_area_ids=("a", "b", "c"))
    label = downloads.selection_label(chosen, "nl")
    assert label == ("Eigen selectie (3 gekozen gebieden); gemeente Den Haag, Rotterdam; "
                     "10.000 tot … inwoners")
    name = exports.export_filename("x", downloads.selection_slug(chosen), "csv",
                                   dt.date(2026, 1, 2))
    assert name == "nplv_x_custom-3-den-haag-rotterdam_2026-01-02.csv"


# --- the workbook -------------------------------------------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_workbook_has_the_views_tables_sources_and_about(page, db):
    at = page_run(page)
    book = openpyxl.load_workbook(io.BytesIO(download_exports(at)["dl_xlsx"].build()))
    figures = list(registry(at).figures.values())
    selection_sheet = t("dl_selection_table", "nl")
    titles = [downloads.sheet_title(f, "nl")[:31] for f in figures]
    tables = [table.sheet for table in registry(at).tables.values()]
    assert book.sheetnames == [*titles, *tables, selection_sheet, "Bronnen", "Over"]
    for figure, title in zip(figures, titles):  # each chart's table, row for row
        sheet = book[title]
        table, formats = exports.numeric_table(figure.table, "nl")
        header = [c.value for c in sheet[1]]
        assert header == [str(c) for c in table.columns]
        assert sheet.max_row == len(figure.table) + 1
        for name, number_format in formats.items():  # shown numbers stored as numbers
            column = header.index(name) + 1
            cells = [sheet.cell(row, column) for row in range(2, sheet.max_row + 1)]
            assert all(c.data_type == "n" and c.number_format == number_format
                       for c in cells if c.value is not None), (title, name)

    # The areas of the selection: headed in Dutch, residents equal the database's, as numbers.
    rows = list(book[selection_sheet].iter_rows(values_only=True))
    header = list(rows[0])
    name, count = (header.index(t(k, "nl")) for k in ("ex_area_name", "ex_area_residents"))
    residents = {r[name]: r[count] for r in rows[1:]}
    assert residents == areas_residents(db, by="name")
    assert not {"area_id", "cohort", "residents_status"} & set(header)
    statuses = {r[header.index(t("ex_area_residents_status", "nl"))] for r in rows[1:]}
    assert statuses <= {status_label(s, "nl") for s in ("confirmed", "approximate",
                                                         "unconfirmed")}

    # Bronnen: every source the page shows, with date, URL and status, headed in Dutch.
    sources = list(book["Bronnen"].iter_rows(values_only=True))
    columns = list(sources[0])
    assert columns[:6] == [t(k, "nl") for k in ("ex_col_source_id", "ex_col_title",
                                                "ex_col_publisher", "ex_col_published",
                                                "ex_col_url", "ex_col_statuses")]
    listed = {r[0] for r in sources[1:]}
    assert set(registry(at).source_ids) <= listed
    assert all(r[5] for r in sources[1:])

    about = {r[0]: r[1] for r in book["Over"].iter_rows(min_row=2, values_only=True)}
    info = queries.build_info(db)
    assert about["Selectie"] == t("set_all20", "nl")
    assert about[t("ex_about_data_version", "nl")] == info["data_version"]
    assert about[t("ex_about_built_at", "nl")] == info["built_at"]
    assert about[t("ex_about_app_version", "nl")] == info["app_version"]


def test_workbook_chart_table_matches_the_database(db):
    """The residents chart's table on Gebieden shows each area's residents as in the data."""
    at = page_run("gebieden", set="original16")
    book = openpyxl.load_workbook(io.BytesIO(download_exports(at)["dl_xlsx"].build()))
    rows = list(book[t("gb_residents_header", "nl")].iter_rows(values_only=True))
    header = list(rows[0])
    shown = {r[header.index(t("area", "nl"))]: r[header.index(t("residents", "nl"))]
             for r in rows[1:]}
    areas = queries.areas(db)
    areas = areas[areas["cohort"] == "original16"]
    assert shown == dict(zip(areas["name"], areas["residents"]))  # numbers, not text
    selection = list(book[t("dl_selection_table", "nl")].iter_rows(values_only=True))
    assert len(selection) == 16 + 1


def test_english_workbook():
    at = page_run("gebieden", set="original16", lang="en")
    book = openpyxl.load_workbook(io.BytesIO(download_exports(at)["dl_xlsx"].build()))
    assert book.sheetnames[-3:] == [t("dl_selection_table", "en"), "Sources", "About"]


def test_selection_csv_equals_the_database(db):
    at = page_run("scenario")
    data = download_exports(at)["dl_csv_selection"].build()
    assert data.startswith(b"\xef\xbb\xbf")
    import pandas as pd

    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert dict(zip(frame["area_id"], frame["residents"])) == areas_residents(db)


# --- images -------------------------------------------------------------------------------------

def assert_png_wide_and_not_blank(png: bytes) -> None:
    width, height = exports.png_size(png)
    assert width >= exports.MIN_PNG_WIDTH and height > 100
    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 10  # text, marks and background, not one fill


@pytest.mark.parametrize("page", ["scenario", "tijdlijn"])
def test_chart_png_and_svg(page):
    at = page_run(page)
    files = download_exports(at)
    for key in registry(at).figures:
        assert_png_wide_and_not_blank(files[f"dl_png_{key}"].build())
        svg = ET.fromstring(files[f"dl_svg_{key}"].build())
        assert svg.tag.endswith("svg") and float(svg.get("width")) > 0
        assert files[f"dl_csv_{key}"].build().startswith(b"\xef\xbb\xbf")


def test_map_image_of_the_overview():
    files = download_exports(page_run("overzicht"))
    assert_png_wide_and_not_blank(files["dl_png_map"].build())
    svg = files["dl_svg_map"].build().decode("utf-8")
    assert ET.fromstring(svg).tag.endswith("svg") and "Oorspronkelijke 16" in svg


def test_images_render_in_another_process():
    assert offload.run(os.getpid) != os.getpid()


# --- the slide deck -----------------------------------------------------------------------------

def pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


@pytest.mark.parametrize(("page", "has_map"), [("gebieden", False), ("overzicht", True)])
def test_slide_deck(page, has_map, db):
    at = page_run(page, set="original16")
    deck = Presentation(io.BytesIO(download_exports(at)["dl_pptx"].build()))
    slides = list(deck.slides)
    texts = [slide_texts(s) for s in slides]
    figures = list(registry(at).figures.values())

    assert t(f"page_{page}", "nl") in texts[0] and t("set_original16", "nl") in texts[0]
    assert fmt.date(dt.date.today(), "nl") in texts[0]
    residents = sum(areas_residents(db, "original16").values())
    assert t("ex_kpi_title", "nl") in texts[1] and fmt.number(residents, "nl") in texts[1]
    assert "16" in texts[1] and t("dl_kpi_municipalities", "nl") in texts[1]
    after = 2
    for figure in figures:  # one or more slides per chart, pictures undistorted
        title = downloads.chart_title(figure, "nl")
        while after < len(texts) and title in texts[after]:
            (picture,) = pictures(slides[after])
            width, height = exports.png_size(picture.image.blob)
            assert width >= exports.MIN_PNG_WIDTH
            assert width / height == pytest.approx(picture.width / picture.height, rel=0.05)
            after += 1
        assert title in texts[after - 1], title
    for table in registry(at).tables.values():  # tables shown without a chart (local monitor)
        pages = len(exports.table_parts(table.table))
        assert all(table.title in text for text in texts[after:after + pages])
        after += pages
    if has_map:
        assert t("dl_map", "nl") in texts[after] and len(pictures(slides[after])) == 1
        after += 1
    assert t("ex_sources_title", "nl") in texts[after]
    assert all(len(pictures(s)) == 0 for s in slides[after:])
    for source_id in registry(at).source_ids:
        assert any(source_id in text for text in texts[after:]), source_id
    version = queries.build_info(db)["data_version"]
    assert f"versie {version}" in texts[0] and f"versie {version}" in texts[-1]
    for number, text in enumerate(texts, start=1):  # every slide: a number
        assert f"{number} / {len(slides)}" in text


def test_empty_selection_still_gives_files():
    at = page_run("overzicht", set="custom")  # a custom selection of no areas
    files = download_exports(at)
    book = openpyxl.load_workbook(io.BytesIO(files["dl_xlsx"].build()))
    assert book[t("dl_selection_table", "nl")].max_row == 1  # the header only
    texts = [slide_texts(s) for s in Presentation(io.BytesIO(files["dl_pptx"].build())).slides]
    assert t("set_custom", "nl") in texts[0] and t("dl_map", "nl") not in "".join(texts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_area_detail_exports_carry_the_local_monitor_block(lang):
    """The workbook and the slides of Gebieden hold the open area's local-monitor block."""
    params = {"set": "all20", "gb_gebied": "heerlen-noord"} | ({"lang": lang} if lang == "en"
                                                               else {})
    at = page_run("gebieden", **params)
    files = download_exports(at)
    group = t("gb_local_group_adults_moved_in_2021", lang, municipality="Heerlen")
    book = openpyxl.load_workbook(io.BytesIO(files["dl_xlsx"].build()))
    sheet = book[t("gb_tab_local", lang)]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:2] == [t("gb_local_col_figure", lang), "Heerlen-Noord"]
    assert sum(any(group in str(cell) for cell in row) for row in rows) == 2
    deck = Presentation(io.BytesIO(files["dl_pptx"].build()))
    texts = [slide_texts(s) for s in deck.slides]
    title = t("gb_local_export_title", lang, area="Heerlen-Noord")
    (local,) = [text for text in texts if title in text]
    assert group in local and "38%" in local and "S86" in local
