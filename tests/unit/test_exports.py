"""Server-side exports: CSV, workbook, chart images and the slide deck (no Streamlit involved).

Rendering a PNG is the slow part, so charts are tiny and rendered images are shared per module.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import string
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib

import altair as alt
import numpy as np
import openpyxl
import pandas as pd
import pytest
from app_support import slide_texts
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from nplv_app import exports
from nplv_app.content import i18n, theme
from nplv_app.content.text import exports as export_text
from nplv_data import queries

VERSION_LINE = "NPLV-dashboard, data/sources, versie abc123"


def tiny_chart(**properties) -> alt.Chart:
    frame = pd.DataFrame({"gebied": ["Noord", "Zuid", "Oost"], "inwoners": [10000, 5000, 3000],
                          "cohort": ["original16", "original16", "added2022"]})
    return (alt.Chart(frame).mark_bar()
            .encode(x="inwoners:Q", y="gebied:N", color="cohort:N")
            .properties(**({"width": "container", "title": "Inwoners"} | properties)))


def empty_chart() -> alt.Chart:
    return alt.Chart(pd.DataFrame({"a": []})).mark_point().properties(width="container")


def png_pixels(png: bytes) -> bytes:
    """The decompressed image stream (filtered scanlines) of a PNG."""
    position, data = 8, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position:position + 4])
        if png[position + 4:position + 8] == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return zlib.decompress(data)


def sources_frame(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({
        "source_id": [f"S{i:02d}" for i in range(1, n + 1)],
        "title": [f"Kamerbrief {i} over het programma" for i in range(1, n + 1)],
        "publisher": ["Rijksoverheid"] * n,
        "published": ["4 juli 2022"] * n,
        "url": [f"https://www.rijksoverheid.nl/documenten/{i}" for i in range(1, n + 1)],
        "statuses": ["confirmed, approximate"] * n,
    })


@pytest.fixture(scope="module")
def chart_image() -> bytes:
    return exports.chart_png(tiny_chart())


# --- file names ---------------------------------------------------------------------------------

def test_filename_carries_kind_selection_and_date():
    name = exports.export_filename("overzicht", "original16", "xlsx", dt.date(2026, 11, 23))
    assert name == "nplv_overzicht_original16_2026-11-23.xlsx"


@pytest.mark.parametrize("label", ["../../etc", "<script>alert(1)</script>", "a/b\\c:d*e?f",
                                   "Zuidoost/Bijlmer één", "   ", "..", "\x00\n", "CON"])
def test_filename_is_safe_for_hostile_labels(label):
    name = exports.export_filename("gebieden", label, ".PPTX", dt.date(2026, 1, 2))
    allowed = set(string.ascii_lowercase + string.digits + "_-.")
    assert set(name) <= allowed, name
    stem, ext = name.rsplit(".", 1)
    assert ext == "pptx" and "." not in stem and ".." not in name
    assert name.startswith("nplv_gebieden") and stem.endswith("_2026-01-02")
    assert "/" not in name and "<" not in name and "script>" not in name


def test_filename_examples_and_bad_extension():
    day = dt.date(2026, 11, 23)
    assert exports.export_filename("x", "../../etc", "csv", day) == "nplv_x_etc_2026-11-23.csv"
    assert exports.export_filename("x", "Zuidoost/Bijlmer één", "csv", day) \
        == "nplv_x_zuidoost-bijlmer-een_2026-11-23.csv"
    assert exports.export_filename("x", "", "csv", day) == "nplv_x_2026-11-23.csv"
    assert len(exports.export_filename("x", "a" * 500, "csv", day)) < 100
    with pytest.raises(ValueError):
        exports.export_filename("x", "y", "../", day)


# --- CSV ----------------------------------------------------------------------------------------

def test_csv_has_bom_keeps_dutch_text_and_leaves_missing_empty():
    frame = pd.DataFrame({"naam": ["Één wijk", "Zuid"], "bedrag_eur": [1234.5, np.nan],
                          "n": pd.array([1, None], dtype="Int64")})
    data = exports.table_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows == [["naam", "bedrag_eur", "n"], ["Één wijk", "1234.5", "1"], ["Zuid", "", ""]]
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["bedrag_eur"].iloc[0] == 1234.5 and pd.isna(back["bedrag_eur"].iloc[1])


def test_csv_neutralises_formulas_but_not_numbers():
    frame = pd.DataFrame({"tekst": ["=HYPERLINK(\"x\")", "@SUM(A1)", "-5", "+31 20", "gewoon"],
                          "getal": [-1.5, 2.0, -3.0, 4.0, 5.0]})
    rows = list(csv.reader(io.StringIO(exports.table_csv(frame).decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["'=HYPERLINK(\"x\")", "'@SUM(A1)", "-5", "'+31 20",
                                        "gewoon"]
    assert rows[1][1] == "-1.5"


def test_csv_separator_can_be_semicolon():
    data = exports.table_csv(pd.DataFrame({"a": [1], "b": ["x"]}), sep=";")
    assert data.decode("utf-8-sig").splitlines() == ["a;b", "1;x"]


# --- workbook -----------------------------------------------------------------------------------

def data_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "area_id": ["noord", "zuid", "oost"],
        "name": ["Noord", "Zuid", "=1+1"],
        "residents": [10000, 5000, 3000],
        "amount_eur": [1_000_000.0, np.nan, 750_000.5],
        "budget_eur": [2_000_000.0, 3_000_000.0, np.nan],
        "homes": pd.array([200, None, 15], dtype="Int64"),
        "share_pct": [66.6, np.nan, 12.25],
        "is_focus": [True, False, True],
        "date": pd.to_datetime(["2023-03-15", None, "2024-01-01"]),
    })


@pytest.fixture(scope="module")
def workbook() -> openpyxl.Workbook:
    data = exports.workbook_xlsx(
        {"Gebieden": data_frame(), "Bronnen": data_frame().head(1),
         "Een heel lange naam: met [verboden] tekens/?*": data_frame().head(2)},
        sources_frame().assign(url=["https://example.org/a", "javascript:alert(1)", None]),
        {"Selectie": "Oorspronkelijke 16", "Dataversie": "abc123"},
        exported_at=dt.datetime(2026, 11, 23, 14, 5, tzinfo=dt.timezone.utc),
    )
    return openpyxl.load_workbook(io.BytesIO(data))


def test_workbook_has_data_sources_and_about_sheets(workbook):
    names = workbook.sheetnames
    assert names[0] == "Gebieden" and "Bronnen" in names and names[-1] == "Over"
    assert len(names) == len(set(n.casefold() for n in names)) == 5
    for name in names:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    assert names[1] != "Bronnen" and names[1].startswith("Bronnen")  # no clash with the sources


def test_workbook_figures_equal_the_input_as_numbers(workbook):
    sheet, frame = workbook["Gebieden"], data_frame()
    header = [c.value for c in sheet[1]]
    assert header == list(frame.columns)
    for row_idx, row in enumerate(frame.itertuples(index=False), start=2):
        for col_idx, expected in enumerate(row, start=1):
            cell = sheet.cell(row=row_idx, column=col_idx)
            if pd.isna(expected):
                assert cell.value is None, (row_idx, header[col_idx - 1])  # empty, never 0
            elif isinstance(expected, (bool, np.bool_)):
                assert cell.value is bool(expected)
            elif isinstance(expected, (int, float, np.number)):
                assert cell.data_type == "n" and not isinstance(cell.value, str)
                assert cell.value == pytest.approx(float(expected))
            elif isinstance(expected, pd.Timestamp):
                assert cell.value == expected.to_pydatetime()
            else:
                assert cell.value == expected


def test_workbook_formats_layout_and_text_that_looks_like_a_formula(workbook):
    sheet = workbook["Gebieden"]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.bold for c in sheet[1])
    assert sheet["D2"].number_format == exports.EURO_CENTS_FORMAT  # amount_eur has cents
    assert sheet["E2"].number_format == exports.EURO_FORMAT        # budget_eur is whole
    assert sheet["I2"].number_format == exports.DATE_FORMAT
    assert sheet["C2"].number_format == "General"                    # residents: plain number
    assert all(sheet.column_dimensions[c].width >= 8 for c in "ABCDEFGHI")
    assert sheet["B4"].value == "=1+1" and sheet["B4"].data_type == "s"


def test_workbook_xml_has_no_formula():
    data = exports.workbook_xlsx({"x": pd.DataFrame({"t": ["=1+1", "@A1"]})}, sources_frame(1),
                                 {})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)


def test_workbook_sources_sheet_links_only_web_urls(workbook):
    sheet = workbook["Bronnen"]
    header = [c.value for c in sheet[1]]
    assert header == ["Bron", "Titel", "Uitgever", "Datum", "Link",
                      "Status van de gebruikte cijfers"]
    assert sheet.freeze_panes == "A2"
    assert sheet["E2"].hyperlink.target == "https://example.org/a"
    assert sheet["E3"].value == "javascript:alert(1)" and sheet["E3"].hyperlink is None
    assert sheet["E4"].value is None
    assert sheet["F2"].value == "confirmed, approximate"


def test_workbook_about_sheet_has_selection_version_time_and_provenance(workbook):
    rows = {r[0]: r[1] for r in workbook["Over"].iter_rows(min_row=2, values_only=True)}
    assert rows["Selectie"] == "Oorspronkelijke 16" and rows["Dataversie"] == "abc123"
    assert rows["Geëxporteerd"].startswith("2026-11-23 14:05")
    assert "data/sources" in rows["Herkomst"] and "status" in rows["Herkomst"]


def test_about_info_from_build_info_and_english_workbook():
    info = {"data_version": "9250acece6ef76bc", "built_at": "2026-11-23T08:58:40+0000",
            "app_version": "0.1.0", "sources_dir": "data/sources"}
    about = exports.about_info("All 20 areas", info, "en")
    assert list(about.values()) == ["All 20 areas", info["built_at"], info["data_version"],
                                    "0.1.0"]
    book = openpyxl.load_workbook(io.BytesIO(
        exports.workbook_xlsx({"Data": pd.DataFrame({"a": [1]})}, sources_frame(1), about,
                              lang="en")))
    assert book.sheetnames == ["Data", "Sources", "About"]
    values = [r[1] for r in book["About"].iter_rows(min_row=2, values_only=True)]
    assert "9250acece6ef76bc" in values and any("data/sources" in v for v in values)


def test_workbook_from_the_tiny_database(tiny_db):
    db = queries.Database(tiny_db)
    try:
        areas, allocations = queries.areas(db), queries.allocations(db)
        sources = queries.area_sources(db, areas["area_id"].iloc[0])
        about = exports.about_info("Fixture", queries.build_info(db))
    finally:
        db.close()
    book = openpyxl.load_workbook(io.BytesIO(exports.workbook_xlsx(
        {"Gebieden": areas, "Toekenningen": allocations}, sources, about)))
    sheet = book["Toekenningen"]
    column = [c.value for c in sheet[1]].index("amount_eur") + 1
    stored = [sheet.cell(row=r, column=column).value for r in range(2, len(allocations) + 2)]
    for value, expected in zip(stored, allocations["amount_eur"], strict=True):
        assert value is None if pd.isna(expected) else value == expected


# --- chart images -------------------------------------------------------------------------------

def test_png_is_wide_and_not_blank(chart_image):
    width, height = exports.png_size(chart_image)
    assert width >= exports.MIN_PNG_WIDTH and height > 100
    blank = exports.chart_png(empty_chart())
    assert exports.png_size(blank)[0] >= exports.MIN_PNG_WIDTH
    assert len(set(png_pixels(chart_image))) > 50 > len(set(png_pixels(blank)))
    assert len(chart_image) > 3 * len(blank)


def test_png_of_a_small_fixed_width_chart_is_scaled_up():
    png = exports.chart_png(alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_point()
                            .encode(x="a:Q").properties(width=120, height=60))
    assert exports.png_size(png)[0] >= exports.MIN_PNG_WIDTH


def test_export_spec_carries_the_theme_on_a_copy():
    chart = tiny_chart()
    spec = exports.export_spec(chart)
    assert spec["config"]["font"] == theme.FONT
    assert spec["config"]["range"]["category"] == list(theme.ROUND_COLOURS)
    assert spec["width"] == exports.EXPORT_WIDTH
    assert chart.to_dict()["width"] == "container"  # the screen chart is untouched
    with alt.theme.enable("default"):
        assert exports.export_spec(chart)["config"]["font"] == theme.FONT
    own = exports.export_spec(tiny_chart().configure_axis(labelFontSize=30))
    assert own["config"]["axis"]["labelFontSize"] == 30  # the chart's own config wins


def test_svg_parses_with_width_and_theme_colours():
    svg = exports.chart_svg(tiny_chart())
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and float(root.get("width")) >= exports.EXPORT_WIDTH
    assert theme.ROUND_COLOURS[0].lower() in svg.lower()
    assert "Source Sans Pro" in svg


def test_url_data_is_refused():
    remote = alt.Chart(alt.Data(url="https://example.org/data.csv")).mark_bar().encode(x="a:Q")
    with pytest.raises(ValueError, match="URL"):
        exports.chart_png(remote)
    nested = alt.layer(tiny_chart(), remote)
    with pytest.raises(ValueError, match="URL"):
        exports.chart_svg(nested)
    lookup = tiny_chart().transform_lookup(
        lookup="gebied", from_=alt.LookupData(alt.Data(url="https://example.org/x.csv"), "id"))
    with pytest.raises(ValueError, match="URL"):
        exports.export_spec(lookup)


# --- slide deck ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def deck(chart_image) -> Presentation:
    charts = [("Inwoners per gebied", tiny_chart(), ["S02"]),
              ("Nog een grafiek", tiny_chart(title="Twee"), ["S03", "S02"])]
    data = exports.evidence_pack_pptx(
        "NPLV in cijfers", "Oorspronkelijke 16 gebieden",
        [("Gebieden", "16"), ("Inwoners", "1.073.000"), ("VHF", "€ 16.838.349,54")],
        charts, sources_frame(3), VERSION_LINE, map_png=chart_image,
        today=dt.date(2026, 11, 23), kpi_source_ids=["S01"], map_source_ids=["S03"])
    return Presentation(io.BytesIO(data))


def footer_text(slide) -> str:
    """The slide's source line: the text box at the bottom left (not the slide number)."""
    boxes = [s for s in slide.shapes if s.has_text_frame and s.top > Inches(6.5)
             and s.left < Inches(1)]
    return "\n".join(b.text_frame.text for b in boxes)


def test_deck_is_16_9_with_title_kpi_charts_map_and_one_sources_slide(deck):
    assert deck.slide_width * 9 == pytest.approx(deck.slide_height * 16, rel=1e-3)
    slides = list(deck.slides)
    assert len(slides) == 1 + 1 + 2 + 1 + 1
    texts = [slide_texts(s) for s in slides]
    assert "NPLV in cijfers" in texts[0] and "Oorspronkelijke 16" in texts[0]
    assert "23 november 2026" in texts[0] and VERSION_LINE in texts[0]
    assert "1.073.000" in texts[1] and "Inwoners" in texts[1]
    assert "Inwoners per gebied" in texts[2]
    assert "Kaart" in texts[4]
    assert "S01" in texts[5] and "S03" in texts[5] and "Kamerbrief 3" in texts[5]
    for number, text in enumerate(texts, start=1):
        assert f"{number} / {len(slides)}" in text


def test_each_slide_names_only_its_own_sources_in_at_most_two_lines(deck):
    footers = [footer_text(s) for s in deck.slides]
    assert footers[1] == "Bron: S01 Rijksoverheid"                    # key figures
    assert footers[2] == "Bron: S02 Rijksoverheid"                    # first chart
    assert footers[3] == "Bron: S03 Rijksoverheid; S02 Rijksoverheid"
    assert footers[4] == "Bron: S03 Rijksoverheid"                    # map
    assert footers[0] == footers[5] == VERSION_LINE                   # title, sources
    for text in footers:
        assert len(text) <= 2 * exports.FOOTER_CHARS_PER_LINE and text.count("\n") == 0


def test_source_line_falls_back_to_ids_then_a_count():
    sources = sources_frame(40)
    line = exports.source_line(sources["source_id"], sources, "nl")
    assert line.startswith("Bron: S01 Rijksoverheid") and line.endswith("(dia Bronnen)")
    assert len(line) <= 2 * exports.FOOTER_CHARS_PER_LINE
    assert exports.source_line([], sources, "en") == ""
    assert exports.source_line(["S99"], sources, "en") == "Source: S99"


def test_deck_chart_slides_hold_a_picture_with_alt_text_and_undistorted(deck):
    slides = list(deck.slides)
    for slide in slides[2:5]:
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == 1
        picture = pictures[0]
        assert picture._element.nvPicPr.cNvPr.get("descr")
        width, height = exports.png_size(picture.image.blob)
        assert width >= exports.MIN_PNG_WIDTH
        assert (width / height) == pytest.approx(picture.width / picture.height, rel=0.05)
    assert not any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slides[0].shapes)


def long_chart(rows: int = 35) -> alt.Chart:
    frame = pd.DataFrame({"regel": [f"Begrotingsregel nummer {i}" for i in range(rows)],
                          "bedrag": [1_000_000 * (i + 1) for i in range(rows)]})
    return alt.Chart(frame).mark_bar().encode(x="bedrag:Q", y=alt.Y("regel:N", sort=None))


def test_a_long_chart_is_split_into_readable_slides_not_shrunk():
    shown = exports.slide_images(long_chart(30), *exports.CHART_FRAME_PT)
    images = shown.images
    assert len(images) > 1 and not shown.cut
    for image in images:
        assert image.smallest_text_pt(*exports.CHART_FRAME_PT) >= exports.MIN_TEXT_PT - 0.01
        shown = image.shown_pt_per_px(*exports.CHART_FRAME_PT)
        assert image.css_width * shown <= exports.CHART_FRAME_PT[0] + 0.5
        assert image.css_height * shown <= exports.CHART_FRAME_PT[1] + 0.5
    data = exports.evidence_pack_pptx("T", "S", [], [("Lang", long_chart(30), ["S01"])],
                                      sources_frame(1), VERSION_LINE)
    texts = [slide_texts(s) for s in Presentation(io.BytesIO(data)).slides]
    assert f"Lang (1/{len(images)})" in texts[1] and f"Lang ({len(images)}/{len(images)})" in \
        texts[len(images)]


def test_a_chart_too_long_for_three_slides_shows_its_first_rows_and_says_so():
    shown = exports.slide_images(long_chart(60), *exports.CHART_FRAME_PT)
    assert len(shown.images) == exports.MAX_SLIDES and shown.cut and shown.rows == 60
    data = exports.evidence_pack_pptx("T", "S", [], [("Lang", long_chart(60), ["S01"])],
                                      sources_frame(1), VERSION_LINE)
    texts = [slide_texts(s) for s in Presentation(io.BytesIO(data)).slides]
    assert f"De eerste {shown.shown} van 60 rijen" in texts[exports.MAX_SLIDES]


def test_deck_shapes_stay_on_the_slide(deck):
    for slide in deck.slides:
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0
            assert shape.left + shape.width <= deck.slide_width
            assert shape.top + shape.height <= deck.slide_height


def test_deck_source_ids_link_to_their_urls(deck):
    runs = [r for p in list(deck.slides)[-1].shapes if p.has_text_frame
            for para in p.text_frame.paragraphs for r in para.runs if r.text.strip() == "S01"]
    assert runs and runs[0].hyperlink.address == "https://www.rijksoverheid.nl/documenten/1"


def test_deck_sources_on_one_slide_and_kpis_split_without_charts():
    data = exports.evidence_pack_pptx(
        "T", "S", [(f"K{i}", str(i)) for i in range(8)], [], sources_frame(13), VERSION_LINE,
        lang="en")
    slides = list(Presentation(io.BytesIO(data)).slides)
    assert len(slides) == 1 + 2 + 1
    texts = [slide_texts(s) for s in slides]
    assert "Sources" in texts[-1] and "S01" in texts[-1] and "S13" in texts[-1]
    assert "Key figures (2/2)" in texts[2]


def test_deck_with_no_kpis_and_no_sources():
    data = exports.evidence_pack_pptx("T", "S", [], [], sources_frame(0), VERSION_LINE)
    texts = [slide_texts(s) for s in Presentation(io.BytesIO(data)).slides]
    assert len(texts) == 2 and "Geen bronnen" in texts[1]


def test_pack_footnote():
    assert exports.pack_footnote("abc123", ["S02", "S03", "S02", None]) == VERSION_LINE
    assert exports.pack_footnote("abc123", [], "en") == \
        "NPLV dashboard, data/sources, version abc123"


# --- text ---------------------------------------------------------------------------------------

def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_export_text_is_complete_and_can_be_registered():
    for key, (nl, en) in export_text.TEXT.items():
        assert key.startswith("ex_") and nl.strip() and en.strip(), key
        assert placeholders(nl) == placeholders(en), key
        assert key not in i18n.TEXT or i18n.TEXT[key] == (nl, en), key


def test_svg_can_use_dutch_number_format():
    assert "10.000" in exports.chart_svg(tiny_chart(), locale="nl-NL")
