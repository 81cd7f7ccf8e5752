"""National-scale behaviour on small data: the map aggregates, charts and tables are capped
with a note and a CSV of every row, and the caches key on small values.

The limits are lowered in-process (AppTest runs the pages in this interpreter), so the real
20 areas act like a national selection.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd
import pytest
from app_support import chart_datasets, chart_rows, deck_specs, run_page, visible_text

from nplv_app import data
from nplv_app.content import maps, theme
from nplv_app.content.i18n import t
from nplv_app.frame import ui
from nplv_app.runtime import cache, specs


@pytest.fixture(scope="module")
def areas(real_areas) -> pd.DataFrame:
    return real_areas


# --- map aggregation (pure) ---------------------------------------------------------------------

def test_map_draws_one_circle_per_municipality_and_cohort_above_the_limit(areas, monkeypatch):
    monkeypatch.setattr(maps.deck, "MAP_MAX_AREAS", 5)
    assert maps.is_aggregated(areas)
    deck = json.loads(maps.area_deck(areas, "nl").to_json())
    circles = next(layer for layer in deck["layers"] if layer["id"] == maps.AREA_LAYER_ID)["data"]
    groups = areas.groupby(["gemeente_code", "cohort"]).size()
    assert len(circles) == len(groups)
    assert all(c["area_id"] == "" for c in circles)  # not clickable: the list names the areas
    rotterdam = next(c for c in circles if c["municipality"] == "Rotterdam")
    expected = int(areas.loc[areas["municipality"] == "Rotterdam", "residents"].sum())
    assert rotterdam["residents_text"].startswith(f"{expected:,}".replace(",", "."))
    assert "som van de gebieden" in rotterdam["residents_text"]
    n = int((areas["municipality"] == "Rotterdam").sum())
    assert rotterdam["name"] == t("ov_map_group_name", "nl", n=n, municipality="Rotterdam")


def test_map_keeps_one_circle_per_area_below_the_limit(areas):
    assert not maps.is_aggregated(areas)
    deck = json.loads(maps.area_deck(areas, "nl").to_json())
    circles = next(layer for layer in deck["layers"] if layer["id"] == maps.AREA_LAYER_ID)["data"]
    assert sorted(c["area_id"] for c in circles) == sorted(areas["area_id"])


def test_labels_are_tried_for_at_most_label_max_circles(areas, monkeypatch):
    monkeypatch.setattr(maps.placement, "LABEL_MAX", 3)
    labels = maps.place_labels(maps.area_records(areas, "nl"))
    assert 0 < len(labels) <= 3


def test_prebuilt_deck_serves_the_same_json(areas):
    deck = maps.area_deck(areas, "en", focus_area_id="rotterdam-zuid")
    prebuilt = maps.PrebuiltDeck.of(deck)
    assert prebuilt.to_json() == deck.to_json()
    assert prebuilt._tooltip == deck._tooltip and prebuilt.layers == []


# --- specs and cache keys (pure) ----------------------------------------------------------------

def test_projector_enlarges_type_on_a_copy():
    spec = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q").to_dict()
    big = theme.projector(spec)
    assert big["config"]["axis"]["labelFontSize"] == 22
    assert spec["config"]["axis"]["labelFontSize"] != 22  # the cached spec is untouched
    assert big["config"]["axis"]["labelColor"] == spec["config"]["axis"]["labelColor"]


def test_to_spec_is_the_validated_dict():
    chart = alt.Chart(pd.DataFrame({"x": [1, 2]})).mark_bar().encode(x="x:Q")
    assert specs.to_spec(chart) == chart.to_dict()


def test_values_hash_by_digest_and_pickle_as_tuples():
    import pickle

    a, b = data.Values(["x", "y"]), data.Values(["x", "y"])
    assert a.digest == b.digest != data.Values(["y", "x"]).digest
    assert type(pickle.loads(pickle.dumps(a))) is tuple
    assert cache.plain(["b", "a"]) == ("b", "a") and cache.plain({"b", "a"}) == ("a", "b")


# --- pages with lowered limits (AppTest) --------------------------------------------------------

@pytest.fixture
def small_limits(monkeypatch):
    """Lowered limits, with empty caches before and after (cached maps and frames were made
    under the real limits, and must not outlive these)."""
    data.clear_caches()
    monkeypatch.setattr(maps.deck, "MAP_MAX_AREAS", 5)
    monkeypatch.setattr(ui, "MAX_CHART_ROWS", 4)
    monkeypatch.setattr(ui, "MAX_TABLE_ROWS", 6)
    yield
    data.clear_caches()


def _csv_buttons(at) -> list:
    return [b for b in at.get("download_button") if b.proto.id.endswith("_csv")]


def test_overzicht_at_scale_aggregates_the_map_and_caps_the_table(small_limits):
    at = run_page("overzicht", unfolded=True)
    assert not at.exception
    text = visible_text(at)
    assert t("ov_map_aggregated", "nl", n="20") in text
    circles = next(layer for layer in deck_specs(at)[0]["layers"]
                   if layer["id"] == maps.AREA_LAYER_ID)["data"]
    assert len(circles) < 20
    assert t("table_capped", "nl", shown="6", total="20") in text
    assert _csv_buttons(at)


def test_gebieden_at_scale_charts_the_largest_areas(small_limits, areas):
    at = run_page("gebieden")
    assert not at.exception
    text = visible_text(at)
    assert t("chart_capped_areas", "nl", shown="4", total="20") in text
    names = {row["name"] for row in chart_rows(at, 0)}
    largest = areas.sort_values(["residents", "name"], ascending=[False, True]).head(4)
    assert names == set(largest["name"])
    # the total under the chart is still that of all 20 areas
    assert "1.192.000" in text


def test_budgetten_at_scale_caps_the_per_resident_chart(small_limits, areas):
    at = run_page("budgetten")
    assert not at.exception
    n = int(areas["vhf_eur_per_focus_resident"].notna().sum())
    assert n > 4
    assert t("chart_capped", "nl", shown="4", total=str(n)) in visible_text(at)
    per_resident = [rows for spec, rows in chart_datasets(at)
                    if spec.get("usermeta", {}).get("id") == "bu_per_resident"]
    assert per_resident and sum(len(f) for f in per_resident[0].values()) <= 4 * 2


def test_tijdlijn_writes_large_tables_on_click(monkeypatch, areas):
    monkeypatch.setattr(data, "SMALL_TABLE_ROWS", 10)
    at = run_page("tijdlijn")
    assert not at.exception
    buttons = {b.proto.id.rsplit("tl_download_", 1)[1]: b.proto
               for b in at.get("download_button") if "tl_download_" in b.proto.id}
    assert buttons["areas"].deferred_file_id and not buttons["areas"].url  # 20 rows
    assert buttons["rounds"].url and not buttons["rounds"].deferred_file_id  # a few rows


def test_cached_specs_hold_arrow_datasets_that_exports_turn_back_into_records():
    from nplv_app import exports

    frame = pd.DataFrame({"name": ["a", "b"], "value": [1.5, None], "date": ["2022-07-01", None]})
    spec = specs.to_spec(alt.Chart(frame).mark_bar().encode(x="value:Q", y="name:N"))
    packed = specs.arrow_datasets(spec)
    assert all(isinstance(v, bytes) for v in packed["datasets"].values())
    assert exports.records_datasets(packed)["datasets"] == spec["datasets"]
    assert exports.records_datasets(spec) is spec  # nothing to do
