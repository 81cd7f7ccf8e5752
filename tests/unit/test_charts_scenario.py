"""Pure builders of the scenario page: chart specs, cohort colours, totals, criteria, texts."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from nplv_app.content import theme
from nplv_app.content.charts import scenario as charts
from nplv_app.content.i18n import t
from nplv_data import scenario as sc

NAN = float("nan")


def areas_frame() -> pd.DataFrame:
    """Five areas in queries.areas shape (the columns the builders read)."""
    return pd.DataFrame({
        "area_id": ["a-big", "a-mid", "a-small", "b-new", "b-tiny"],
        "name": ["Big", "Mid", "Small", "New", "Tiny"],
        "cohort": ["original16", "original16", "original16", "added2022", "added2022"],
        "residents": [200_000, 60_000, 30_000, 40_000, 10_000],
        "residents_ref_date": pd.to_datetime(["2025-01-01"] * 5),
        "residents_status": ["approximate"] * 5,
        "residents_source_id": ["S02"] * 5,
    })


def welfare_frame() -> pd.DataFrame:
    """queries.indicator_by_area shape: a figure for two of the five areas."""
    return pd.DataFrame({
        "area_id": ["a-mid", "a-small", "a-big", "b-new", "b-tiny"],
        "value": [18.2, 15.5, NAN, NAN, NAN],
        "status": ["confirmed", "approximate", None, None, None],
        "source_id": ["S03", "S03", None, None, None],
    })


@pytest.fixture
def frame() -> pd.DataFrame:
    return charts.scenario_areas(areas_frame(), welfare_frame())


def chart_rows(spec: dict) -> list[dict]:
    """The inline data rows of an Altair spec (to_dict puts them under datasets)."""
    datasets = spec.get("datasets", {})
    names = {layer.get("data", spec.get("data", {})).get("name") for layer in spec["layer"]}
    names.discard(None)
    assert len(names) == 1
    return datasets[names.pop()]


def layer(spec: dict, mark: str) -> dict:
    return next(lay for lay in spec["layer"] if lay["mark"]["type"] == mark)


# --- inputs ---------------------------------------------------------------------------------

def test_scenario_areas_has_welfare_only_where_the_sources_have_it(frame):
    assert list(frame["area_id"]) == list(areas_frame()["area_id"])
    pct = dict(zip(frame["area_id"], frame[sc.WELFARE_COLUMN]))
    assert pct["a-mid"] == 18.2 and pct["a-small"] == 15.5
    assert math.isnan(pct["a-big"]) and math.isnan(pct["b-tiny"])
    assert charts.welfare_coverage(frame) == (2, 5)
    assert charts.welfare_source_ids(frame) == ["S03"]


def test_welfare_table_says_not_available_never_zero(frame):
    table = charts.welfare_table(frame, "nl")
    values = table[t("sc_col_welfare", "nl")].tolist()
    assert values[:2] == ["18,2%", "15,5%"]
    assert values[2:] == ["niet beschikbaar"] * 3
    assert "0%" not in values


def test_ask_default_reads_the_2021_line():
    lines = pd.DataFrame({
        "line_id": ["ask2021_16areas", "ask2021_total"],
        "amount_eur": [400_000_000.0, 500_000_000.0],
        "status": ["confirmed", "confirmed"],
        "source_id": ["S08", "S06"],
    })
    ask = charts.ask_default(lines)
    assert ask["amount"] == 400_000_000 and isinstance(ask["amount"], int)
    assert (ask["source_id"], ask["total"], ask["total_source_id"]) == ("S08", 500_000_000, "S06")
    assert charts.ask_default(lines.iloc[1:]) is None
    assert charts.ask_default(lines.iloc[:0]) is None


def test_criteria_residents_and_welfare(frame):
    chosen, left_out = charts.by_criteria(frame, min_residents=40_000)
    assert set(chosen["area_id"]) == {"a-big", "a-mid", "b-new"}
    assert set(left_out["reason"]) == {"below_residents"}

    chosen, left_out = charts.by_criteria(frame, min_welfare_pct=16.0)
    assert list(chosen["area_id"]) == ["a-mid"]
    reasons = dict(zip(left_out["area_id"], left_out["reason"]))
    assert reasons == {"a-big": "no_welfare_figure", "a-small": "below_welfare",
                       "b-new": "no_welfare_figure", "b-tiny": "no_welfare_figure"}
    table = charts.left_out_table(left_out, "nl", 0, 16.0)
    assert table[t("sc_col_reason", "nl")].tolist().count(t("sc_reason_no_welfare", "nl")) == 3
    assert "aandeel lage financiële welvaart (15,5%) onder 16%" in table.to_string()


def test_no_criteria_keeps_everything(frame):
    chosen, left_out = charts.by_criteria(frame)
    assert len(chosen) == 5 and left_out.empty


def test_make_input_blend():
    inp = charts.make_input(1000, 2, "per_resident", "welfare_weighted", 30, 10)
    assert (inp.key, inp.blend_key, inp.blend_share, inp.minimum_per_area_eur) == (
        "per_resident", "welfare_weighted", 0.3, 10)
    same = charts.make_input(1000, 1, "equal", "equal", 40)
    assert same.blend_key is None and same.blend_share == 0.0
    assert charts.make_input(1000, 1, "equal", charts.BLEND_NONE, 70).blend_key is None
    with pytest.raises(sc.ScenarioError):
        charts.make_input(1000, 0, "equal")


def test_minimum_hint():
    assert charts.minimum_hint(400_000_000, 20_000_000, 20, "nl") is None
    hint = charts.minimum_hint(400_000_000, 30_000_000, 20, "nl")
    assert "€\u00a030.000.000 × 20 gebieden = €\u00a0600.000.000" in hint


# --- result as text -------------------------------------------------------------------------

def test_result_table_full_euros_in_dutch(frame):
    result = sc.allocate(sc.ScenarioInput(amount_per_year_eur=100_000_000, years=3), frame)
    table = charts.result_table(result, "nl")
    assert table[t("sc_col_per_year", "nl")].tolist() == ["€\u00a020.000.000"] * 5
    assert table["Totaal (3 jaar)"].tolist() == ["€\u00a060.000.000"] * 5
    per_resident = dict(zip(table["Gebied"], table[t("sc_col_per_resident", "nl")]))
    assert per_resident["Big"] == "€\u00a0100,00" and per_resident["Tiny"] == "€\u00a02.000,00"
    assert set(table["Cohort"]) == {t("cohort_original16", "nl"), t("cohort_added2022", "nl")}
    english = charts.result_table(result, "en")
    assert english["Per year"].iloc[0] == "€20,000,000"
    assert "Total (3 years)" in english.columns


def test_notes_are_translated_and_unknown_notes_kept(frame):
    inp = sc.ScenarioInput(amount_per_year_eur=1_000_000, key="welfare_weighted",
                           minimum_per_area_eur=100_000)
    result = sc.allocate(inp, frame)
    notes = charts.notes(result, "nl")
    assert notes[0] == t("sc_note_rounding", "nl")
    assert notes[1] == ("Elk ontvangend gebied krijgt minstens €\u00a0100.000 per jaar; de rest "
                        "volgt de sleutel.")
    assert notes[2].startswith("3 gebied(en) krijgen niets")
    odd = sc.ScenarioResult(result.input, result.table, result.totals, result.excluded,
                            notes=("Something new.",))
    assert charts.notes(odd, "nl") == ["Something new."]
    excluded = charts.excluded_table(result.excluded, "en")
    assert excluded["Reason"].tolist() == [t("sc_reason_no_welfare", "en")] * 3


def test_blend_note_only_when_welfare_key_is_blended(frame):
    blended = charts.make_input(1000, 1, "per_resident", "welfare_weighted", 40)
    note = charts.blend_note(blended, frame, "nl")
    assert note.startswith("3 van de 5 gebieden") and "40%" in note and "Per inwoner" in note
    assert charts.blend_note(charts.make_input(1000, 1, "welfare_weighted"), frame, "nl") is None
    assert charts.blend_note(charts.make_input(1000, 1, "equal", "per_resident", 50),
                             frame, "nl") is None


def test_years_text():
    assert charts.years_text(1, "en") == "1 year"
    assert charts.years_text(4, "en") == "4 years"
    assert charts.years_text(4, "nl") == "4 jaar"


# --- allocation chart -----------------------------------------------------------------------

@pytest.mark.parametrize("key", sc.KEYS)
def test_allocation_chart_encodings_colours_and_total(frame, key):
    amount = 123_456_789
    result = sc.allocate(sc.ScenarioInput(amount_per_year_eur=amount, key=key), frame)
    spec = charts.allocation_chart(result.table, "nl").to_dict()
    bars, text = layer(spec, "bar"), layer(spec, "text")
    enc = bars["encoding"]
    assert enc["x"]["field"] == "per_year_eur" and enc["x"]["type"] == "quantitative"
    assert enc["y"]["field"] == "name"
    assert enc["y"]["sort"] == result.table["name"].tolist()
    assert text["encoding"]["y"] == enc["y"]
    color = bars["encoding"]["color"]
    assert color["field"] == "cohort"
    assert color["scale"]["range"] == [theme.COHORT_COLOURS[c] for c in theme.COHORT_ORDER]
    assert color["scale"]["domain"] == [t(f"cohort_{c}", "nl") for c in theme.COHORT_ORDER]
    assert text["encoding"]["text"]["field"] == "label"
    rows = chart_rows(spec)
    assert sum(r["per_year_eur"] for r in rows) == amount
    cohorts = dict(zip(result.table["name"], result.table["cohort"]))
    for row in rows:
        assert row["cohort"] == t(f"cohort_{cohorts[row['name']]}", "nl")
    tooltips = {tip["field"] for tip in enc["tooltip"]}
    assert {"per_year_text", "per_resident_text", "total_text"} <= tooltips


def test_allocation_chart_labels_dutch_and_english(frame):
    result = sc.allocate(sc.ScenarioInput(amount_per_year_eur=100_000_000), frame)
    rows = chart_rows(charts.allocation_chart(result.table, "nl").to_dict())
    big = next(r for r in rows if r["name"] == "Big")
    assert big["label"] == "€\u00a020\u00a0mln · €\u00a0100 p.p."
    assert big["per_year_text"] == "€\u00a020.000.000"
    assert big["per_resident_text"] == "€\u00a0100,00"
    spec = charts.allocation_chart(result.table, "en").to_dict()
    assert chart_rows(spec)[0]["label"] == "€20M · €100 p.p."
    assert "'M'" in layer(spec, "bar")["encoding"]["x"]["axis"]["labelExpr"]
    nl_spec = charts.allocation_chart(result.table, "nl").to_dict()
    nl_axis = layer(nl_spec, "bar")["encoding"]["x"]["axis"]
    assert "' mln'" in nl_axis["labelExpr"]
    alt_text = charts.allocation_alt(result.table, "nl")
    assert "5 gebieden" in alt_text and "€\u00a020.000.000" in alt_text


# --- dilution -------------------------------------------------------------------------------

def cohort_summary() -> pd.DataFrame:
    return pd.DataFrame({
        "area_set": ["original16", "added2022", "all20"],
        "n_areas": [16, 4, 20],
        "residents_sum": [1_073_000.0, 119_000.0, 1_192_000.0],
        "residents_reference_source_id": ["S02", None, "S02"],
        "residents_reference_status": ["approximate", None, "approximate"],
    })


def test_dilution_of_400_million():
    view = charts.dilution_view(400_000_000, cohort_summary(), "nl")
    frame = view["frame"]
    assert (view["n_a"], view["n_b"]) == (16, 20)
    assert frame["per_resident_eur"].round(2).tolist() == [372.79, 335.57]
    assert round(frame["change_pct"].iloc[1], 2) == -9.98
    assert charts.change_pct_text(frame["change_pct"].iloc[1], "nl") == "−9,98%"
    assert charts.change_pct_text(frame["change_pct"].iloc[1], "en") == "−9.98%"
    assert charts.change_eur_text(frame["change_eur"].iloc[1], "nl") == "−€\u00a037,22"
    sentence = charts.dilution_sentence(view, 400_000_000, "nl")
    assert "**€\u00a0372,79**" in sentence and "**€\u00a0335,57**" in sentence
    assert "**−9,98%**" in sentence
    assert view["source_ids"] == ["S02", "S02"]
    table = charts.dilution_table(frame, "nl")
    assert table.iloc[1].tolist()[-2:] == ["−€\u00a037,22", "−9,98%"]
    assert table.iloc[0].tolist()[-2:] == ["", ""]


def test_dilution_chart_two_bars():
    view = charts.dilution_view(400_000_000, cohort_summary(), "en")
    spec = charts.dilution_chart(view["frame"], "en").to_dict()
    rows = chart_rows(spec)
    assert [r["label"] for r in rows] == ["€372.79", "€335.57"]
    assert [r["set_label"] for r in rows] == [t("set_original16", "en"), t("set_all20", "en")]
    color = layer(spec, "bar")["encoding"]["color"]["scale"]
    assert color["range"] == [theme.COHORT_COLOURS["original16"], theme.NEUTRAL]
    assert "€372.79" in charts.dilution_alt(view, 400_000_000, "en")


@pytest.mark.parametrize("missing", [NAN, None, 0.0])
def test_dilution_not_available_when_residents_missing(missing):
    summary = cohort_summary()
    summary.loc[summary["area_set"] == "all20", "residents_sum"] = missing
    assert charts.dilution_view(400_000_000, summary, "nl") is None
    assert charts.dilution_view(400_000_000, summary.iloc[:1], "nl") is None


def test_coverage_and_blend_captions(frame):
    assert charts.coverage_text(frame, "nl").startswith(
        "Het aandeel inwoners (12+) met lage financiële welvaart (2024) staat voor 2 van de 5")
    assert "the other 3 areas drop out" in charts.coverage_text(frame, "en")
    assert charts.blend_caption("per_resident", "equal", 30, "nl") == \
        "70% Per inwoner + 30% Gelijk per gebied"
    chosen, left_out = charts.by_criteria(frame, min_welfare_pct=16.0)
    assert charts.count_reason(left_out, "no_welfare_figure") == 3
