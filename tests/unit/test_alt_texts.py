"""Alt texts state what the chart or map shows (WCAG 1.1.1), computed from the same frames and
translated: extremes, shares and counts a sighted reader would take from the picture."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from nplv_app.content import labels, maps, theme
from nplv_app.content.charts import areas, budget, scenario, timeline
from nplv_data import queries as q
from nplv_data import scenario as sc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_per_resident_alt_names_most_and_least(real_areas, lang):
    frame = budget.per_resident_frame(real_areas, lang)
    text = budget.per_resident_alt(frame, lang)
    ordered = frame.sort_values("vhf_eur_per_focus_resident")
    assert ordered.iloc[-1]["name"] in text and ordered.iloc[-1]["value_label"] in text
    assert ordered.iloc[0]["name"] in text and ordered.iloc[0]["value_label"] in text


def test_share_alt_lists_each_rounds_share(db):
    share = q.focus_share_by_round(db, "vhf")
    text = budget.share_alt(share, "nl")
    assert "VHF 2021 73,8%" in text
    assert text.count("%") >= len(share.dropna(subset=["focus_share_pct"]))


def test_vhf_and_lines_alt_state_the_largest(db, real_areas):
    money = q.money_by_round_municipality_detail(db, "vhf")
    segments = budget.vhf_frame(money, real_areas["gemeente_code"].tolist(), "en")
    top = segments.groupby("municipality")["amount_eur"].sum().idxmax()
    assert f"Most: {top}" in budget.vhf_alt(segments, "en")
    shown = budget.budget_frame(q.budget_lines(db), "nl", True)
    assert "De langste balk:" in budget.lines_alt(shown, "nl")


def test_status_alt_counts_each_status(db):
    counts = q.source_status_counts(db)
    text = timeline.status_alt(counts, "en")
    confirmed = int(counts.loc[counts["status"] == "confirmed", "n"].sum())
    assert f"Confirmed: {confirmed:,}" in text


def test_map_alt_lists_every_area_with_residents_and_cohort(real_areas):
    text = maps.alt_text(real_areas, "nl")
    for row in real_areas.itertuples():
        assert row.name in text
    assert "Rotterdam-Zuid (215.000, Oorspronkelijke 16 (2021))" in text
    many = real_areas.sample(n=maps.ALT_LIST_MAX + 5, replace=True, random_state=1)
    assert "en nog 5 (de tabel onder de kaart noemt ze allemaal)" in maps.alt_text(many, "nl")


def _contrast_on_white(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_chart_colours_reach_3_to_1_on_white():
    """WCAG 1.4.11: cohort, status and round colours are chart marks on the white page."""
    from nplv_app.content import theme

    colours = [*theme.COHORT_COLOURS.values(), *theme.STATUS_COLOURS.values(),
               *theme.ROUND_COLOURS, theme.NEUTRAL]
    weak = {c: round(_contrast_on_white(c), 2) for c in colours if _contrast_on_white(c) < 3}
    assert not weak


# --- colour is never the only carrier of the cohort (WCAG 1.4.1) --------------------------------

def _marked(cohort: str) -> bool:
    return cohort in theme.MARKED_COHORTS


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_bars_carry_the_cohort_mark_beside_their_value(real_areas, lang):
    mark = labels.cohort_mark("added2022", lang)
    assert mark and labels.cohort_mark("original16", lang) == ""
    residents = areas.residents_frame(real_areas, lang)
    per_resident = budget.per_resident_frame(real_areas, lang)
    no_welfare = pd.DataFrame({"area_id": [], "value": [], "status": [], "source_id": []})
    frame = scenario.scenario_areas(real_areas, no_welfare)
    result = sc.allocate(sc.ScenarioInput(amount_per_year_eur=400_000_000), frame)
    allocation = scenario.allocation_frame(result.table, lang)
    cohort_of = dict(zip(real_areas["name"], real_areas["cohort"], strict=True))
    for names, texts in ((residents["name"], residents["value_text"]),
                         (per_resident["name"], per_resident["text"]),
                         (allocation["name"], allocation["label"])):
        for name, text in zip(names, texts, strict=True):
            assert text.endswith(" " + mark) == _marked(cohort_of[name]), (name, text)
    assert {"original16", "added2022"} <= set(real_areas["cohort"])


def test_map_circles_of_the_marked_cohort_carry_a_dot(real_areas):
    spec = json.loads(maps.area_deck(real_areas, "nl").to_json())
    layers = {layer["id"]: layer for layer in spec["layers"]}
    dots = layers[maps.COHORT_MARK_LAYER_ID]
    assert dots["pickable"] is False
    expected = real_areas[real_areas["cohort"].map(_marked)]
    assert len(dots["data"]) == len(expected) > 0
    legend = maps.legend_svg("nl")
    assert legend.count('r="3" fill="#fff"') == len(theme.MARKED_COHORTS)


def test_map_image_for_slides_carries_the_same_dots(real_areas):
    from nplv_app.exports import map_image

    spec = map_image.area_map_chart(real_areas, maps.context_collections(), "nl")
    dots = spec["layer"][-1]
    assert dots["mark"]["fill"] == "#ffffff"
    assert len(dots["data"]["values"]) == int(real_areas["cohort"].map(_marked).sum()) > 0
