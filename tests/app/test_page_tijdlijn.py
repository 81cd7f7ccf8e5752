"""The Tijdlijn en bronnen page in AppTest: it runs, shows the timeline, the 137 sources, a CSV
download per exportable table and the methodology in both languages, and survives hostile URLs."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from app_support import (
    APP,
    PAGES,
    TIMEOUT,
    app_database,
    chart_datasets,
    use_test_database,
    visible_text,
)
from streamlit.testing.v1 import AppTest

from nplv_app import data as app_data
from nplv_app.content.i18n import t
from nplv_data import queries


def run_page(params: dict | None = None) -> AppTest:
    """Open the page directly with URL parameters (one run; the URL and language survive,
    which app_support.run_page's switch after a first run loses)."""
    use_test_database()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(PAGES["tijdlijn"])
    at.run()
    return at


def chart_elements(at) -> list:
    """Altair charts on the page (the element is 'vega_lite_chart' in Streamlit 1.67)."""
    return list(at.get("vega_lite_chart")) + list(at.get("arrow_vega_lite_chart"))


def charts(at) -> list[dict]:
    return [json.loads(el.proto.spec) for el in chart_elements(at)]


def timeline_rows(at) -> list[dict]:
    """Rows of the event layer (circles) of the timeline chart."""
    for spec, frames in chart_datasets(at):
        for layer in spec.get("layer", []):
            if layer["mark"]["type"] == "circle":
                return frames[layer.get("data", spec.get("data"))["name"]].to_dict("records")
    raise AssertionError("no timeline chart on the page")


def chart_data_text(at) -> str:
    """All chart specs and their datasets as text, for 'is this value in a chart' checks."""
    return "\n".join(json.dumps(spec) + "".join(f.to_json(date_format="iso")
                                                 for f in frames.values())
                     for spec, frames in chart_datasets(at))


def sources_frame(at):
    frames = [el.value for el in at.dataframe
              if "source_id" in el.value.columns and "url" in el.value.columns]
    assert len(frames) == 1
    return frames[0]


@pytest.fixture(scope="module")
def nl_app():
    return run_page()


@pytest.fixture(scope="module")
def en_app():
    return run_page({"lang": "en"})


def test_runs_without_exception(nl_app, en_app):
    assert not nl_app.exception
    assert not en_app.exception
    assert nl_app.title[0].value == t("page_tijdlijn", "nl")
    assert en_app.title[0].value == t("page_tijdlijn", "en")


def test_timeline_chart_with_all_events_and_horizon(nl_app):
    rows = timeline_rows(nl_app)
    assert len(rows) == 38
    assert {r["event_id"] for r in rows} >= {"E07", "E11", "E37"}
    assert "vro_owb2026_nplv_2029" in chart_data_text(nl_app)
    assert len(charts(nl_app)) == 2  # the timeline and the status overview
    text = visible_text(nl_app)
    assert "38 van 38 gebeurtenissen" in text
    assert "S45" in text  # the horizon caption names its source


def test_sources_table_lists_137_sources(nl_app):
    frame = sources_frame(nl_app)
    assert len(frame) == 137
    assert frame["source_id"].is_unique
    assert {"n_figures", "n_confirmed", "n_approximate", "n_unconfirmed", "section",
            "used_for"} <= set(frame.columns)
    assert "137 van 137 bronnen" in visible_text(nl_app)


def test_a_download_button_per_exportable_table(nl_app):
    found = [(re.search(r"tl_download_(\w+)$", b.proto.id), b.proto)
             for b in nl_app.get("download_button")]
    buttons = {match.group(1): proto for match, proto in found if match}
    assert sorted(buttons) == sorted(queries.EXPORTABLE)
    for name, button in buttons.items():
        assert button.label == t("tl_download_label", "nl", label=t(f"tl_table_{name}", "nl"))
        assert re.search(rf"nplv_{name}_[0-9a-f]+\.csv", button.help), button.help
        # the real tables are small: their CSV goes with the page (large ones are deferred)
        assert button.url and not button.deferred_file_id
        assert button.ignore_rerun  # downloading does not rerun the page


def test_deferred_csv_is_the_whole_table(nl_app):
    """What a click on a download button runs (the app's database is built by then)."""
    db = queries.Database(str(app_database()))
    sizes = queries.table_sizes(db)
    assert sizes["sources"] == 137 and sizes["areas"] == 20
    for name in ("areas", "sources", "allocations"):
        frame = pd.read_csv(io.BytesIO(app_data.table_csv(name)))
        expected = queries.table(db, name)
        assert len(frame) == len(expected) == sizes[name]
        assert list(frame.columns) == list(expected.columns)


def test_methodology_in_both_languages(nl_app, en_app):
    nl, en = visible_text(nl_app), visible_text(en_app)
    for key in ("tl_method_title", "tl_method_status_title", "tl_method_missing_title",
                "tl_method_vhf2023_title"):
        assert t(key, "nl") in nl
        assert t(key, "en") in en
    assert "15 van de 20 gebieden" in nl and "15 of the 20 areas" in en
    assert "€\u00a0140.000.000" in nl and "€280,000,000" in en
    assert "Leefbaarometer" in nl and "Leefbaarometer" in en


def test_english_timeline_text(en_app):
    rows = {r["event_id"]: r for r in timeline_rows(en_app)}
    assert rows["E11"]["event"].startswith("NPLV launched")
    assert rows["E04"]["date_label"] == "June 2020"


def test_filters_from_the_url():
    at = run_page({"set": "added2022", "tl_sel": "true",
                               "tl_status": "has_unconfirmed",
                               "tl_section": "2022: launch of the NPLV and youth-crime money"})
    assert not at.exception
    ids = {r["event_id"] for r in timeline_rows(at)}
    assert "E11" in ids and "E12" in ids  # launch events stay
    assert "E16" not in ids  # an area event of an area outside the selection
    frame = sources_frame(at)
    assert set(frame["source_id"]) == {"S24"}
    assert not at.warning  # every URL value was accepted


def test_hostile_url_and_empty_selection():
    at = run_page({
        "tl_sel": "<script>alert(1)</script>", "tl_status": "x'; DROP TABLE sources; --",
        "tl_section": "[link](javascript:alert(1))", "set": "custom", "lang": "xx"})
    assert not at.exception
    assert t("selection_empty", "nl") in visible_text(at)
    assert len(timeline_rows(at)) == 38  # the switch fell back to off
    assert len(sources_frame(at)) == 137
    warnings = " ".join(w.value for w in at.warning)
    assert "tl\\_status" in warnings and "<script>" not in warnings


def plain(text) -> str:
    """A static table's cell without its Markdown escapes."""
    return re.sub(r"\\(.)", r"\1", str(text))


def test_changes_and_original16_evidence_are_listed(nl_app, en_app):
    """Every change a verified source made is on the sources page, old and new, both sources."""
    tables = [pd.DataFrame(el.value).map(plain).rename(columns=plain) for el in nl_app.table]
    changes = next(f for f in tables if "Is nu" in f.columns)
    db = queries.Database(str(app_database()))
    assert len(changes) == len(queries.data_changes(db)) == 8
    leeuwarden = changes[changes["Gegeven"].str.endswith("(Leeuwarden, VHF 2021)")]
    assert leeuwarden["Gegeven"].iloc[0].startswith("Toekenning Leeuwarden Oost")  # no row id
    assert not changes["Gegeven"].str.contains("A008").any()
    amount = leeuwarden[leeuwarden["Veld"] == "bedrag"].iloc[0]
    assert (amount["Was"], amount["Is nu"]) == ("€\u00a020.500.000", "€\u00a020.568.166")
    assert (amount["Oude bron"], amount["Nieuwe bron"]) == ("S22", "S87")
    evidence = next(f for f in tables if "Hoe de bron het zegt" in f.columns)
    named = evidence[evidence["Bron"] == "S96"].iloc[0]
    assert named["Hoe de bron het zegt"] == "met zoveel woorden"
    assert "16 kwetsbare gebieden" in named["Citaat"]
    assert "geen bron gevonden" in set(evidence["Hoe de bron het zegt"])  # the rest inferred
    en_tables = [pd.DataFrame(el.value).rename(columns=plain) for el in en_app.table]
    assert any("Is now" in f.columns for f in en_tables)


def test_more_facts_from_checked_sources_are_listed(nl_app):
    tables = [pd.DataFrame(el.value).map(plain).rename(columns=plain) for el in nl_app.table]
    facts = next(f for f in tables if "Soort" in f.columns)
    assert len(facts) == 31
    assert {"afgewezen aanvraag", "bevestigt een cijfer", "andere regeling", "achtergrond"} == set(
        facts["Soort"])
    assert "Nederland" in set(facts["Over"])


def test_accessibility_statement_in_both_languages(nl_app, en_app):
    nl, en = visible_text(nl_app), visible_text(en_app)
    for part in ("standard", "tested", "exceptions", "no_contact"):
        assert t(f"tl_a11y_{part}", "nl") in nl and t(f"tl_a11y_{part}", "en") in en
    assert "WCAG 2.1" in nl and "test_accessibility.py" in en


def test_accessibility_contact_comes_from_the_deployment(monkeypatch):
    monkeypatch.setenv("NPLV_ACCESSIBILITY_CONTACT", "toegankelijkheid@example.org")
    at = run_page()
    assert t("tl_a11y_contact", "nl", contact="toegankelijkheid@example\\.org") in visible_text(at)
