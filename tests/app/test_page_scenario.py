"""The Scenario page in AppTest: defaults (400M over the 20), keys, the 16, the welfare key's
exclusions, criteria, dilution, hostile URLs, a minimum the budget cannot pay, and English."""

from __future__ import annotations

import json

import pytest
from app_support import APP, PAGES, TIMEOUT, chart_rows, unfold, use_test_database
from app_support import visible_text as raw_text
from streamlit.testing.v1 import AppTest

from nplv_app.content.i18n import t


def run(params: dict | None = None, lang: str | None = None, unfolded: bool = True) -> AppTest:
    """Open the scenario page directly with URL parameters, in one run (app_support.run_page
    switches after a first run, which drops the URL and the language on the way)."""
    use_test_database()
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.switch_page(PAGES["scenario"])
    at.run()
    if lang is not None and lang != at.session_state["lang"]:
        at.session_state["lang"] = lang
        at.run()
    if unfolded:  # the tables are folded until opened
        unfold(at)
    assert not at.exception, at.exception
    return at


def table(at: AppTest, lang: str = "nl"):
    """The per-area result table, or None when the page shows no result."""
    column = t("sc_col_per_year", lang)
    return next((df.value for df in at.dataframe if column in df.value.columns), None)


def excluded(at: AppTest, lang: str = "nl"):
    column = t("sc_col_reason", lang)
    return next((df.value for df in at.dataframe if column in df.value.columns
                 and t("sc_col_residents", lang) not in df.value.columns), None)


def euros(texts) -> list[int]:
    """'€\u00a025.000.000' -> 25000000 (Dutch, whole euros)."""
    return [int(s.replace("€", "").replace(".", "").strip()) for s in texts]


def visible_text(at: AppTest) -> str:
    """Visible text without the Markdown escapes (notes are escaped before st.markdown)."""
    return raw_text(at).replace("\\", "")


def chart_elements(at: AppTest) -> list:
    """Altair charts (the element is 'vega_lite_chart' in Streamlit 1.67)."""
    return list(at.get("vega_lite_chart")) + list(at.get("arrow_vega_lite_chart"))


def charts(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in chart_elements(at)]


def test_defaults_spread_400_million_over_the_20_per_resident():
    """The page opens on the usual question: per resident, the 16 against the 20 first."""
    at = run()
    frame = table(at)
    assert len(frame) == 20
    assert sum(euros(frame[t("sc_col_per_year", "nl")])) == 400_000_000
    assert set(frame[t("sc_col_per_resident", "nl")]) <= {
        "€\u00a0335,57", "€\u00a0335,56", "€\u00a0335,58"}
    text = visible_text(at)
    assert "€\u00a0400\u00a0mln" in text
    assert ("De 4 gebieden van 2022 voegen 119.000 inwoners toe: €\u00a0400\u00a0mln per jaar "
            "is per inwoner €\u00a0372,79 over de 16 gebieden en €\u00a0335,57 over de 20, "
            "10% minder.") in text
    headers = [h.value for h in at.header]
    assert headers.index(t("sc_dilution_title", "nl", n_a=16, n_b=20)) < headers.index(
        t("sc_inputs_title", "nl"))
    assert "Standaard €\u00a0400.000.000 per jaar" in text and "S08" in text
    assert "5 van de 20 gebieden" in text  # the welfare figure's coverage is visible
    assert "Bron:" in text and "S02" in text
    assert not at.error and not at.warning
    assert len(charts(at)) == 2
    for spec in charts(at):
        assert spec["config"]["font"]  # our theme, not Streamlit's


def test_per_resident_key_changes_amounts():
    at = run({"sc_key": "per_resident"})  # the default, also when the link says so
    frame = table(at)
    amounts = dict(zip(frame[t("sc_col_area", "nl")], euros(frame[t("sc_col_per_year", "nl")])))
    assert sum(amounts.values()) == 400_000_000
    assert len(set(amounts.values())) > 1
    assert max(amounts, key=amounts.get) == "Rotterdam-Zuid"
    # same amount per resident for everyone, up to the euro rounding
    per_resident = set(frame[t("sc_col_per_resident", "nl")])
    assert per_resident <= {"€\u00a0335,57", "€\u00a0335,56", "€\u00a0335,58"}


def test_original16_equal_gets_25_million_each():
    at = run({"set": "original16", "sc_key": "equal"})
    frame = table(at)
    assert len(frame) == 16
    assert set(frame[t("sc_col_per_year", "nl")]) == {"€\u00a025.000.000"}
    rows = chart_rows(at, 1)  # the allocation: after the 16-against-20 comparison
    assert len(rows) == 16 and sum(r["per_year_eur"] for r in rows) == 400_000_000
    assert all(r["label"].startswith("€\u00a025\u00a0mln · ") for r in rows)


def test_welfare_key_lists_the_15_areas_without_a_figure():
    at = run({"sc_key": "welfare_weighted"})
    frame = table(at)
    assert len(frame) == 5
    assert sum(euros(frame[t("sc_col_per_year", "nl")])) == 400_000_000
    left = excluded(at)
    assert len(left) == 15
    assert set(left[t("sc_col_reason", "nl")]) == {t("sc_reason_no_welfare", "nl")}
    assert any("15" in w.value for w in at.warning)
    assert "15 gebied(en) krijgen niets" in visible_text(at)


def test_criteria_with_a_welfare_threshold_list_who_is_left_out():
    at = run({"sc_basis": "criteria", "sc_min_welvaart": "15"})
    frame = table(at)
    assert sorted(frame[t("sc_col_area", "nl")]) == [
        "Arnhem-Oost", "Den Haag Zuidwest", "Groningen-Noord", "Utrecht Overvecht"]
    left = next(df.value for df in at.dataframe
                if t("sc_col_reason", "nl") in df.value.columns
                and t("sc_col_residents", "nl") in df.value.columns)
    assert len(left) == 16
    reasons = left[t("sc_col_reason", "nl")].tolist()
    assert reasons.count(t("sc_reason_no_welfare", "nl")) == 15


def test_blend_with_a_minimum():
    at = run({"sc_key": "welfare_weighted", "sc_mix": "per_resident", "sc_mix_pct": "30",
              "sc_minimum": "5000000", "sc_jaren": "4"})
    frame = table(at)
    per_year = euros(frame[t("sc_col_per_year", "nl")])
    assert len(frame) == 20 and sum(per_year) == 400_000_000 and min(per_year) >= 5_000_000
    assert sum(euros(frame["Totaal (4 jaar)"])) == 1_600_000_000
    text = visible_text(at)
    assert "€\u00a01,6\u00a0mld" in text
    assert "minstens €\u00a05.000.000 per jaar" in text
    assert "15 van de 20 gebieden hebben geen cijfer" in text


def test_dilution_16_versus_20_whatever_the_selection():
    for params in ({}, {"set": "added2022"}):
        text = visible_text(run(params))
        assert "−9,98%" in text
        assert "€\u00a0372,79" in text and "€\u00a0335,57" in text
        assert t("computed_sum", "nl") in text


@pytest.mark.parametrize("params", [
    {"sc_bedrag": "abc"}, {"sc_bedrag": "-5"}, {"sc_jaren": "1e9"}, {"sc_key": "<script>"},
    {"sc_mix_pct": "500", "sc_mix": "equal", "sc_key": "per_resident"},
    {"sc_basis": "x" * 200},
])
def test_hostile_url_values_are_ignored_with_a_notice(params):
    at = run(params, unfolded=False)
    notices = [w.value for w in at.warning]
    assert any("Genegeerd uit de link" in n for n in notices)
    assert not any("<script>" in n for n in notices)
    unfold(at)
    frame = table(at)
    assert sum(euros(frame[t("sc_col_per_year", "nl")])) == 400_000_000
    assert "Totaal over 1 jaar" in visible_text(at)


def test_minimum_too_large_shows_an_error_not_a_traceback():
    at = run({"sc_minimum": "30000000"})
    assert len(at.error) == 1
    message = at.error[0].value
    assert t("sc_error_lead", "nl") in message
    assert "€\u00a030.000.000 × 20 gebieden = €\u00a0600.000.000" in message
    assert table(at) is None
    assert "−9,98%" in visible_text(at)  # the dilution block still stands


def test_empty_selection_is_a_normal_state():
    at = run({"set": "custom"})
    assert t("selection_empty", "nl") in [i.value for i in at.info]
    assert table(at) is None and not at.error


def test_english():
    at = run({"set": "original16", "sc_key": "equal"}, lang="en")
    text = visible_text(at)
    assert "Scenario: what if?" in text
    assert "−9.98%" in text and "€372.79" in text
    frame = table(at, "en")
    assert set(frame["Per year"]) == {"€25,000,000"}
    assert "Total over 1 year" in text
