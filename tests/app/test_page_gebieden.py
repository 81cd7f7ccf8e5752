"""The Gebieden page in AppTest: it renders, follows the sidebar selection and its URL keys, and
keeps missing figures missing.

The page is opened directly (switched before the first run) instead of through
``app_support.run_page``, which first renders the overview page: that halves the run time.
"""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from app_support import APP, PAGES, TIMEOUT, every_tab, unfold, use_test_database, visible_text
from streamlit.testing.v1 import AppTest

from nplv_app.content.i18n import t

KEY_TAB = "_gb_tab"  # the area detail's tabs (views/gebieden.py)


def open_page(params: dict | None = None, unfolded: bool = True) -> AppTest:
    use_test_database()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(PAGES["gebieden"])
    at.run()
    if unfolded:  # the chart tables are folded until opened
        unfold(at)
    assert not at.exception, [e.value for e in at.exception]
    return at


def charts(at: AppTest) -> list[dict]:
    """Vega-Lite specs on the page (Streamlit 1.67 calls the element 'vega_lite_chart')."""
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def bar_names(spec: dict) -> list[str]:
    bars = [layer for layer in spec["layer"] if (layer.get("mark") or {}).get("type") == "bar"]
    return bars[0]["encoding"]["y"]["sort"]


def notices(at: AppTest) -> str:
    """Warning texts without the Markdown escapes."""
    return " ".join(w.value for w in at.warning).replace("\\", "")


def cells(at: AppTest) -> set[str]:
    values: set[str] = set()
    for frame in at.dataframe:
        values |= {str(v) for v in pd.DataFrame(frame.value).to_numpy().ravel()}
    return values


def table_cells(at: AppTest) -> set[str]:
    """Cells of the static tables (st.table), without their Markdown escapes."""
    values: set[str] = set()
    for table in at.table:
        values |= {re.sub(r"\\(.)", r"\1", str(v))
                   for v in pd.DataFrame(table.value).to_numpy().ravel()}
    return values


@pytest.fixture(scope="module")
def default_page() -> AppTest:
    return open_page()


def test_page_shows_both_charts_and_its_tables(default_page):
    at = default_page
    assert at.title[0].value == "Gebieden"
    specs = charts(at)
    assert len(specs) == 2
    assert len(bar_names(specs[0])) == 20
    assert bar_names(specs[0])[0] == "Rotterdam-Zuid"
    assert bar_names(specs[1])[0] == "Den Haag Zuidwest"  # default indicator: low welfare
    # two chart tables and the residents table; the programme table and the open tab wrap
    assert len(at.dataframe) >= 3 and len(at.table) >= 2
    text = visible_text(at)
    assert "afgerond op duizendtallen" in text
    assert "5 van de 20 gekozen gebieden" in text
    assert "niet beschikbaar" in " ".join(cells(at))
    assert at.selectbox(key="gb_gebied").value == "rotterdam-zuid"  # first of the selection


def test_original16_gives_16_bars():
    at = open_page({"set": "original16"})
    specs = charts(at)
    assert len(bar_names(specs[0])) == 16
    assert "Delft-West" not in bar_names(specs[0])
    residents_table = at.dataframe[1].value
    assert len(residents_table) == 16


@pytest.mark.parametrize("value", ["Den Haag Zuidwest", "den-haag-zuidwest"])
def test_area_link_opens_the_detail(value):
    at = open_page({"gb_gebied": value})
    assert at.selectbox(key="gb_gebied").value == "den-haag-zuidwest"
    assert not at.warning
    shown = set().union(*(cells(run) | table_cells(run) for run in every_tab(at, KEY_TAB)))
    assert "18,2%" in shown
    assert "Moerwijk" in shown
    assert "23,5%" in shown  # wijk-level figure for Moerwijk
    assert "€\u00a019.300.000" in shown


def test_unknown_area_in_link_is_ignored_with_a_notice():
    at = open_page({"gb_gebied": "Atlantis<script>"}, unfolded=False)
    assert at.selectbox(key="gb_gebied").value == "rotterdam-zuid"
    assert "gb_gebied=Atlantis<script>" in notices(at)


def test_unknown_indicator_in_link_is_ignored_with_a_notice():
    at = open_page({"gb_indicator": "made_up:1999"}, unfolded=False)
    assert at.selectbox(key="gb_indicator").value == "low_financial_welfare_share_12plus:2024"
    assert "gb_indicator=made_up:1999" in notices(at)


def test_english():
    at = open_page({"lang": "en", "gb_indicator": "inflow_share_12plus:2024"})
    assert at.title[0].value == "Areas"
    shown = cells(at)
    assert "215,000" in shown
    assert "15%" in shown and "not available" in shown
    assert "Residents per area" in visible_text(at)


def test_empty_selection_shows_the_empty_state():
    at = open_page({"set": "added2022", "gemeente": "Amsterdam"})
    assert any("Geen gebieden in deze selectie" in i.value for i in at.info)
    assert charts(at) == []
    assert not at.dataframe


def test_highlighted_areas_select_their_table_rows():
    """What a click on a bar leaves behind (the callback sets the highlight) selects the row."""
    at = open_page()
    at.session_state["_gb_highlight"] = ["den-haag-zuidwest", "not-an-area"]
    at.run()
    assert "Gemarkeerd: Den Haag Zuidwest" in visible_text(at).replace("\\", "")
    assert list(at.session_state["gb_residents_table"]["selection"]["rows"]) == [3]


@pytest.mark.parametrize(("area_id", "lang", "expected"), [
    ("den-haag-zuidwest", "nl", {"14%", "7%", "€\u00a020.300", "€\u00a028.900",
                                 "benaderd/afgerond · S84 (lokale monitor)"}),
    ("utrecht-overvecht", "en", {"67%", "36%", "88.6%", "confirmed · S85 (local monitor)"}),
    ("heerlen-noord", "nl", {"Laag inkomen, van de volwassenen die in 2021 naar Heerlen "
                             "verhuisden", "38%", "18%", "– (geen cijfer voor het gebied)"}),
])
def test_local_monitor_tab(area_id, lang, expected):
    """The area's local figures beside its municipality's, with source and status, in one tab."""
    params = {"gb_gebied": area_id} | ({"lang": lang} if lang != "nl" else {})
    at = open_page(params, unfolded=False)
    at.session_state[KEY_TAB] = t("gb_tab_local", lang)
    at.run()
    assert not at.exception
    shown = table_cells(at)
    assert expected <= shown
    text = visible_text(at)
    assert t("gb_local_intro", lang) in text and t("gb_local_caption", lang) in text
    assert any(e.label == t("gb_local_quotes", lang) for e in at.expander)


def test_local_monitor_tab_without_figures():
    at = open_page({"gb_gebied": "delft-west"}, unfolded=False)
    at.session_state[KEY_TAB] = t("gb_tab_local", "nl")
    at.run()
    assert t("gb_local_none", "nl") in visible_text(at)


def test_money_tab_lists_more_facts_apart_from_the_total():
    at = open_page({"gb_gebied": "heerlen-noord"}, unfolded=False)
    at.session_state[KEY_TAB] = t("gb_tab_money", "nl")
    at.run()
    assert not at.exception
    assert t("gb_money_facts_header", "nl") in visible_text(at)
    assert "€\u00a019.600.000 – €\u00a022.300.000" in table_cells(at)
