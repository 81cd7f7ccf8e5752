"""Pure builders of the Gebieden page (nplv_app.content.charts.areas), checked through
``to_dict()``,
and the query the page added (queries.area_indicator_comparisons). Real sources, no Streamlit.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from nplv_app.content import labels, theme
from nplv_app.content.charts import areas as charts
from nplv_data import queries

LFW = "low_financial_welfare_share_12plus"


@pytest.fixture(scope="module")
def all_areas(db) -> pd.DataFrame:
    return queries.areas(db)


def layers_with(spec: dict, mark: str) -> list[dict]:
    def kind(layer):
        m = layer.get("mark")
        return m if isinstance(m, str) else (m or {}).get("type")
    return [layer for layer in spec["layer"] if kind(layer) == mark]


def layer_rows(spec: dict, layer: dict) -> list[dict]:
    return spec["datasets"][layer["data"]["name"]]


# --- residents ---------------------------------------------------------------------------------

def test_residents_chart_sorted_largest_first_with_cohort_scale_and_selection(all_areas):
    frame = charts.residents_frame(all_areas, "nl")
    spec = charts.residents_chart(frame, "nl").to_dict()
    bars = layers_with(spec, "bar")[0]
    expected = all_areas.sort_values(["residents", "name"], ascending=[False, True])["name"]
    assert bars["encoding"]["y"]["sort"] == expected.tolist()
    assert bars["encoding"]["y"]["sort"][0] == "Rotterdam-Zuid"
    assert bars["encoding"]["x"]["field"] == "residents"
    colour = bars["encoding"]["color"]
    assert colour["field"] == "cohort_label"
    assert colour["scale"]["domain"] == ["Oorspronkelijke 16 (2021)", "Toegevoegd in 2022"]
    assert colour["scale"]["range"] == [theme.COHORT_COLOURS[c] for c in theme.COHORT_ORDER]
    params = [*spec.get("params", []),
              *(p for layer in spec["layer"] for p in layer.get("params", []))]
    assert [p["name"] for p in params] == [charts.PICK_PARAM]
    assert params[0]["select"]["type"] == "point"
    assert params[0]["select"]["fields"] == ["area_id"]
    assert spec["height"] == 20 * charts.BAR_HEIGHT + 10
    assert spec["autosize"]["type"] == "fit-x"


def test_residents_labels_are_dutch_and_english(all_areas):
    nl = charts.residents_frame(all_areas, "nl")
    en = charts.residents_frame(all_areas, "en")
    assert nl.loc[nl["area_id"] == "rotterdam-zuid", "residents_label"].item() == "215.000"
    assert en.loc[en["area_id"] == "rotterdam-zuid", "residents_label"].item() == "215,000"
    text = layers_with(charts.residents_chart(nl, "nl").to_dict(), "text")[0]
    assert text["encoding"]["text"]["field"] == "value_text"
    caption = charts.residents_caption(all_areas, "nl")
    assert "1 januari 2025" in caption and "benaderd/afgerond" in caption
    assert "1.192.000" in caption and "berekend" in caption


def test_highlight_dims_the_others_and_outlines_the_chosen(all_areas):
    frame = charts.residents_frame(all_areas, "nl", highlighted=["den-haag-zuidwest"])
    assert frame.loc[frame["highlighted"], "area_id"].tolist() == ["den-haag-zuidwest"]
    bars = layers_with(charts.residents_chart(frame, "nl").to_dict(), "bar")[0]
    opacity = bars["encoding"]["opacity"]
    assert opacity["value"] == charts.DIM_OPACITY
    assert opacity["condition"][0] == {"param": charts.PICK_PARAM, "empty": False, "value": 1.0}
    plain = layers_with(charts.residents_chart(charts.residents_frame(all_areas, "nl"), "nl")
                        .to_dict(), "bar")[0]
    assert plain["encoding"]["opacity"]["value"] == 1.0


def test_selection_helpers_map_chart_points_and_table_rows():
    event = {"selection": {charts.PICK_PARAM: [{"area_id": "a"}, {"area_id": "c"},
                                               {"area_id": "a"}, {"other": 1}]}}
    assert charts.selected_ids(event) == ["a", "c"]
    assert charts.selected_ids({"selection": {charts.PICK_PARAM: {}}}) == []
    assert charts.selected_ids(None) == []
    order = ["a", "b", "c"]
    assert charts.rows_for_ids(order, ["c", "a", "x"]) == [0, 2]
    assert charts.ids_for_rows(order, [2, 0, 7, -1]) == ["a", "c"]


# --- indicators --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def welfare(db, all_areas):
    ids = all_areas["area_id"].tolist()
    by_area = queries.indicator_by_area(db, LFW, "2024", ids)
    ranks = queries.indicator_by_area(db, charts.RANK_INDICATORS[LFW], "2024", ids)
    frame = charts.indicator_frame(by_area, LFW, "2024", "nl", ranks)
    names = dict(zip(all_areas["gemeente_code"], all_areas["municipality"], strict=True))
    refs = charts.reference_frame(queries.indicator_references(db, LFW, "2024"), "nl", names)
    return frame, refs


def test_indicator_frame_keeps_missing_figures_missing_with_a_reason(welfare):
    frame, _ = welfare
    assert len(frame) == 20 and int(frame["available"].sum()) == 5
    assert frame["name"].iloc[0] == "Den Haag Zuidwest"
    assert frame["value_text"].iloc[0] == "18,2%"
    groningen = frame[frame["area_id"] == "groningen-noord"].iloc[0]
    assert groningen["value_label"] == "≈ 17%" and groningen["status"] == "approximate"
    missing = frame[~frame["available"]]
    assert missing["value"].map(math.isnan).all()
    assert (missing["value_text"] == "niet beschikbaar").all()
    assert missing["reason"].str.len().gt(0).all()
    nieuwegein = frame[frame["area_id"] == "nieuwegein-centrale-as"].iloc[0]
    assert "nr. 20 van de 20" in nieuwegein["reason"]
    assert "0%" not in " ".join(frame["value_text"])


def test_indicator_chart_draws_no_bar_for_missing_and_reference_rules(welfare):
    frame, refs = welfare
    spec = charts.indicator_chart(frame, refs, "nl", "Lage financiële welvaart").to_dict()
    bar = layers_with(spec, "bar")[0]
    bar_rows = layer_rows(spec, bar)
    assert len(bar_rows) == 5
    assert all(r["value"] is not None and r["value"] > 0 for r in bar_rows)
    assert bar["encoding"]["y"]["scale"]["domain"] == frame["name"].tolist()
    assert bar["encoding"]["color"]["scale"]["range"] == list(theme.STATUS_COLOURS.values())
    na_layers = [layer for layer in layers_with(spec, "text")
                 if layer["encoding"]["text"]["field"] == "na_label"]
    assert len(na_layers) == 1
    assert na_layers[0]["encoding"]["x"] == {"value": 0}  # a position, not a zero figure
    assert len(layer_rows(spec, na_layers[0])) == 15
    rules = layers_with(spec, "rule")
    assert sorted(layer_rows(spec, r)[0]["value"] for r in rules) == [5.4, 9.0, 12.6]
    labels = {layer_rows(spec, layer)[0]["label"] for layer in layers_with(spec, "text")
              if layer["encoding"]["text"]["field"] == "label"}
    assert labels == {"Nederland: 5,4%", "Rest van Den Haag: ≈ 9%",
                      "Alle 20 focusgebieden: 12,6%"}


def test_indicator_table_lists_every_area_and_the_comparisons(welfare):
    frame, refs = welfare
    table = charts.indicator_table(frame, refs, "en")
    assert len(table) == 23
    assert set(table["Kind"]) == {"area", "comparison"}
    summary = charts.missing_summary(frame, "nl")
    assert "14 gebieden" in summary and "Nieuwegein Centrale As" in summary


def test_indicator_options_prefer_the_two_cbs_indicators_and_skip_ranks(db):
    catalog = queries.indicator_catalog(db)
    options = charts.indicator_options(catalog)
    assert options[:2] == [f"{LFW}:2024", "inflow_share_12plus:2024"]
    assert not any("rank" in o for o in options)
    assert charts.split_code(options[0]) == (LFW, "2024")
    label = charts.indicator_option_label(options[0], catalog, "nl")
    assert label == "Lage financiële welvaart (% inwoners 12+) (2024; 5 gebieden)"


@pytest.mark.parametrize(("value", "unit", "lang", "expected"), [
    (18.2, "percent", "nl", "18,2%"),
    (9.0, "percent", "en", "9%"),
    (-7, "percentage_points", "nl", "−7 procentpunt"),
    (98000, "persons", "nl", "98.000 personen"),
    (2.3, "ratio", "en", "2.3 times"),
    (20, "rank", "nl", "nr. 20"),
    (-7, "years", "nl", "−7 jaar"),
    (12, "per_1000", "nl", "12 per 1.000"),
    (None, "percent", "nl", "niet beschikbaar"),
    (float("nan"), "persons", "en", "not available"),
])
def test_format_value(value, unit, lang, expected):
    assert charts.format_value(value, unit, lang) == expected


def test_scope_labels_and_which_comparisons_fit_an_area():
    assert charts.scope_label("rest:ALL19", "en").startswith("Rest of the 19 municipalities")
    assert charts.scope_label("rest:Den Haag", "nl") == "Rest van Den Haag"
    assert charts.scope_label("GM0518", "nl", {"GM0518": "Den Haag"}) == "Gemeente Den Haag (heel)"
    municipality = "'s-Gravenhage (Den Haag)"
    assert charts.comparable("NL", municipality, "GM0518")
    assert charts.comparable("GM0518", municipality, "GM0518")
    assert charts.comparable("rest:Den Haag excl. Centrum", municipality, "GM0518")
    assert not charts.comparable("rest:Den Haag", "Groningen", "GM0014")
    assert not charts.comparable("GM0518", "Groningen", "GM0014")


def test_programme_table_words_periods_and_keeps_status(db):
    rows = queries.indicators(db, list(charts.PROGRAMME_SCOPES))
    table = charts.programme_table(rows, "nl")
    employed = table[table["Indicator"] == "Werkenden (%)"]
    assert set(employed["Periode"]) == {"beginjaar onbevestigd", "laatste jaar onbevestigd"}
    english = charts.programme_table(rows, "en")
    assert {"start year unconfirmed", "latest year unconfirmed"} <= set(english["Period"])
    assert not table["Periode"].str.contains("UNCONFIRMED").any()
    assert set(employed["Status"]) == {"onbevestigd"}
    assert set(employed["Waarde"]) == {"60%", "64%"}
    liveability = table[table["Indicator"].str.startswith("Woningen in buurten")]
    assert liveability["Waarde"].tolist() == ["60%", "55%", "11%"]
    # the Woontop count is of dwellings and facilities together, as its label says
    assert "50.000 woningen en voorzieningen" in set(table["Waarde"])
    assert "50.000 woningen" not in set(table["Waarde"])


# --- one area ----------------------------------------------------------------------------------

def test_facts_show_code_status_and_the_missing_2021_name(db):
    delft = queries.area(db, "delft-west").iloc[0].to_dict()
    facts = charts.facts_table(delft, "nl").set_index("Gegeven")
    assert facts.loc["Gemeentecode (CBS)", "Status"] == "onbevestigd"
    assert facts.loc["Inwoners (1 januari 2025)", "Waarde"] == "38.000"
    assert facts.loc["Naam in 2020-2021", "Waarde"].startswith("geen")


def test_population_history_keeps_other_measures_and_undated_rows(db):
    table = charts.population_table(queries.population(db, ["groningen-noord"]), "nl")
    assert table["Waarde"].tolist() == ["60.000", "64.000", "79.200"]
    assert table["Peildatum"].tolist()[-1] == "datum onbekend"
    heerlen = charts.population_table(queries.population(db, ["heerlen-noord"]), "en")
    assert "56,000" in heerlen["Value"].tolist()


def test_area_indicators_name_the_wijken(db):
    rows = queries.indicators(db, ["den-haag-zuidwest"])
    wijken = queries.area_wijken(db, "den-haag-zuidwest")["wijk_name"].tolist()
    table = charts.area_indicator_table(rows, wijken, "nl")
    assert {"Moerwijk", "Morgenstond", "Bouwlust en Vrederust", "heel gebied"} <= set(table["Wijk"])
    assert "18,2%" in table["Waarde"].tolist()


def test_money_flags_missing_amounts_and_inferred_rounds(db):
    zaandam = queries.area_money(db, "zaandam-oost")
    table = charts.money_table(zaandam, "nl")
    assert "niet gevonden in de bronnen" in table["Bedrag"].tolist()
    total, n_unknown = charts.money_total(zaandam)
    assert n_unknown == 1 and total == pytest.approx(43_400_000 + 22_469_517.12)
    eindhoven = charts.money_table(queries.area_money(db, "eindhoven-woensel-zuid"), "en")
    assert eindhoven["Round inferred?"].str.startswith("yes").any()
    assert "€21,000,000" in eindhoven["Amount"].tolist()


def test_events_and_sources_tables(db):
    events = charts.events_table(queries.area_events(db, "heerlen-noord"), "en")
    assert events["Event"].tolist()[0] == "The King visits Heerlen-Noord"
    assert events["Date"].tolist()[0] == "21 February 2024"
    sources = charts.sources_table(queries.area_sources(db, "den-haag-zuidwest"), "nl")
    assert "S62" in sources["Bron"].tolist()
    assert "wijken" in sources.set_index("Bron").loc["S62", "Gebruikt voor"]


def test_area_indicator_comparisons_query(db):
    refs = queries.area_indicator_comparisons(db, "den-haag-zuidwest")
    assert list(refs.columns) == ["indicator", "period", "scope_id", "value", "unit",
                                  "unit_label", "status", "source_id", "note"]
    assert {"GM0518", "rest:Den Haag", "ALL20", "NL"} <= set(refs["scope_id"])
    assert not set(refs["scope_id"]) & set(queries.areas(db)["area_id"])
    assert queries.area_indicator_comparisons(db, "no-such-area").empty
    fitting = charts.comparison_table(refs, queries.area(db, "den-haag-zuidwest").iloc[0]
                                      .to_dict(), "nl")
    assert "Gemeente 's-Gravenhage (Den Haag) (heel)" in fitting["Geldt voor"].tolist()


def test_comparisons_of_an_area_without_any_keep_their_columns(db):
    refs = queries.area_indicator_comparisons(db, "amsterdam-nieuw-west")
    area = queries.area(db, "amsterdam-nieuw-west").iloc[0].to_dict()
    table = charts.comparison_table(refs, area, "nl")
    assert table.empty and "Indicator" in table.columns
    table = charts.comparison_table(refs.iloc[0:0], area, "nl")
    assert table.empty and "Indicator" in table.columns


def test_every_area_builds_every_detail_table(db, all_areas):
    """The detail view's builders run for each of the 20 areas (empty results included)."""
    population = queries.population(db)
    indicators = queries.indicators(db)
    for i, area_id in enumerate(all_areas["area_id"]):
        lang = ("nl", "en")[i % 2]
        area = queries.area(db, area_id).iloc[0].to_dict()
        wijken = queries.area_wijken(db, area_id)
        assert len(charts.facts_table(area, lang)) == 7
        charts.wijken_table(wijken, lang)
        charts.population_table(population[population["scope_id"] == area_id], lang)
        charts.area_indicator_table(indicators[indicators["scope_id"] == area_id],
                                    wijken["wijk_name"].tolist(), lang)
        charts.comparison_table(queries.area_indicator_comparisons(db, area_id), area, lang)
        money = queries.area_money(db, area_id)
        charts.money_table(money, lang)
        charts.money_total(money)
        charts.events_table(queries.area_events(db, area_id), lang)
        charts.sources_table(queries.area_sources(db, area_id), lang)


@pytest.mark.parametrize(
    "code", ["inflow_share_12plus:2024", "youth_hic_suspect_share_12_17:2014-2018"])
def test_indicator_builders_for_a_selection_without_figures(db, all_areas, code):
    indicator, period = charts.split_code(code)
    ids = all_areas.loc[all_areas["cohort"] == "added2022", "area_id"].tolist()
    frame = charts.indicator_frame(queries.indicator_by_area(db, indicator, period, ids),
                                   indicator, period, "en")
    assert not frame["available"].any() and len(frame) == 4
    refs = charts.reference_frame(queries.indicator_references(db, indicator, period), "en")
    spec = charts.indicator_chart(frame, refs, "en", "x").to_dict()
    assert layers_with(spec, "bar") == []
    assert len(charts.indicator_table(frame, refs, "en")) == 4 + len(refs)


@pytest.mark.parametrize(("period", "nl", "en"), [
    ("UNCONFIRMED-start-year", "beginjaar onbevestigd", "start year unconfirmed"),
    ("UNCONFIRMED-latest-year", "laatste jaar onbevestigd", "latest year unconfirmed"),
    ("2025-01-01", "1 januari 2025", "1 January 2025"),
    ("2014-2018", "2014-2018", "2014-2018"),
    (None, "niet beschikbaar", "not available"),
])
def test_periods_print_as_words(period, nl, en):
    assert labels.period_label(period, "nl") == nl
    assert labels.period_label(period, "en") == en
