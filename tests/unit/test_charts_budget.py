"""Pure builders of the Budgetten page, on the real sources: kinds and periods on every bar,
nothing summed across kinds, rounds as colour, missing amounts listed rather than drawn as 0,
and per-resident bars only where an allocation is known. Plus the page's named query."""

from __future__ import annotations

import pandas as pd
import pytest

from nplv_app.content.charts import budget
from nplv_app.content.i18n import t
from nplv_app.content.selection import Selection, apply
from nplv_data import queries

LANGS = ("nl", "en")
# Keys that would sum or combine rows inside Vega-Lite.
AGGREGATING = ("aggregate", "joinaggregate", "window", "pivot", "fold", "density", "regression",
               "loess", "bin", "impute")


@pytest.fixture(scope="module")
def lines(db):
    return queries.budget_lines(db)


@pytest.fixture(scope="module")
def money(db):
    return queries.money_by_round_municipality_detail(db, "vhf")


@pytest.fixture(scope="module")
def allocations(db):
    return queries.allocations(db, fund="vhf")


@pytest.fixture(scope="module")
def areas(db):
    return queries.areas(db)


@pytest.fixture(scope="module")
def budget_specs(lines):
    """The budget-lines chart spec per language, built once (validation is slow)."""
    return {lang: budget.budget_chart(budget.budget_frame(lines, lang), lang).to_dict()
            for lang in LANGS}


def walk(node):
    """Every dict in a Vega-Lite spec."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def spec_rows(chart) -> list[dict]:
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def codes_of(areas: pd.DataFrame, area_set: str) -> list[str]:
    return apply(Selection(area_set=area_set), areas)["gemeente_code"].tolist()


# --- named query -----------------------------------------------------------------------------

def test_detail_query_matches_money_by_round_and_keeps_missing_amounts(db, money):
    plain = queries.money_by_round_municipality(db, "vhf")
    assert list(money.columns) == [
        "round_id", "label_nl", "label_en", "round_date", "municipality", "gemeente_code",
        "is_focus_municipality", "amount_eur", "n_projects", "n_amount_unknown",
        "n_approximate", "n_unconfirmed", "n_round_inferred", "source_ids"]
    merged = plain.merge(money, on=["round_id", "municipality"], suffixes=("", "_d"))
    assert len(merged) == len(plain) == len(money)
    both = merged["amount_eur"].notna()
    assert (merged.loc[both, "amount_eur"] == merged.loc[both, "amount_eur_d"]).all()
    assert (merged["amount_eur"].isna() == merged["amount_eur_d"].isna()).all()
    venlo = money[money["municipality"] == "Venlo"].iloc[0]
    assert pd.isna(venlo["amount_eur"]) and venlo["n_amount_unknown"] == 1
    eindhoven = money[(money["municipality"] == "Eindhoven") & (money["round_id"] == "vhf2021")]
    assert eindhoven["n_round_inferred"].iloc[0] == 1
    assert money.loc[money["municipality"] == "Achterhoek (region)", "gemeente_code"].isna().all()
    assert (money["source_ids"].str.len() > 0).all()


def test_detail_query_binds_the_fund(db):
    assert queries.money_by_round_municipality_detail(db, "woontop")["round_id"].unique().tolist() \
        == ["woontop2025"]
    assert queries.money_by_round_municipality_detail(db, "x' OR '1'='1").empty


# --- budget lines ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_every_bar_has_kind_period_and_status(lines, budget_specs, lang):
    assert len(budget.budget_frame(lines, lang)) == len(lines)
    rows = spec_rows(budget_specs[lang])
    assert {r["line_id"] for r in rows} == set(lines["line_id"])
    for row in rows:
        assert row["kind_label"] and row["period_label"] and row["status_label"], row
        assert row["kind_label"] in row["axis_label"]
        assert budget.short_period(row["period_label"]) in row["axis_label"]
        assert row["axis_label"].endswith(row["status_label"])
        assert row["kind_label"] == t(f"kind_{row['kind']}", lang)


def test_budget_chart_never_aggregates_or_stacks(budget_specs):
    spec = budget_specs["nl"]
    for node in walk(spec):
        for key in AGGREGATING:
            assert key not in node, (key, node)
        assert node.get("stack") in (None, False)
    colour_fields = {n["color"]["field"] for n in walk(spec) if "field" in n.get("color", {})}
    assert colour_fields == {"kind_label"}


def test_kind_colours_follow_the_palette_and_differ(lines):
    scale = budget.kind_scale("nl", lines["kind"]).to_dict()
    assert scale["domain"] == [t(f"kind_{k}", "nl") for k in budget.KIND_ORDER]
    assert len(set(scale["range"])) == len(budget.KIND_ORDER)


def test_key_lines_and_amounts_are_shown(lines):
    frame = budget.budget_frame(lines, "nl").set_index("line_id")
    assert frame.loc["ask2021_total", "amount_label"] == "€\u00a0500\u00a0mln"
    assert frame.loc["ask2021_total", "kind_label"] == "gevraagd"
    assert frame.loc["nplv2022_vhf", "amount_label"] == "€\u00a0600\u00a0mln"
    assert frame.loc["nplv2022_youthcrime_jenv", "kind_label"] == "structureel per jaar"
    assert frame.loc["nplv2022_debts", "status_label"] == "onbevestigd"
    assert frame.loc["vro_owb2026_nplv_2029", "amount_eur"] == 0  # a sourced 0, not a gap
    assert frame.loc["regiodeal_rdam_zuid", "group"] == "context"
    en = budget.budget_frame(lines, "en").set_index("line_id")
    assert en.loc["ask2021_total", "amount_label"] == "€500M"


def test_overlapping_lines_say_so(lines):
    rel = budget.budget_frame(lines, "nl").set_index("line_id")["relation_label"]
    assert rel["vhf2023_round_initial"].startswith("zelfde geld als")
    assert "VHF 2023" in rel["vhf2023_round_initial"]
    assert rel["ask2021_16areas"] == "deel van Vraag: totaal"
    assert rel["nplv2022_youthcrime_total"] == "som van €\u00a082\u00a0mln + €\u00a061\u00a0mln"
    assert rel["spuk_kw_2026_2028_total"] == (
        "som van €\u00a0327\u00a0mln + €\u00a051\u00a0mln + €\u00a030\u00a0mln")
    assert rel["woontop_nplv_2025_public_space"].startswith("deel van Woontop")
    assert rel["nplv2022_total"].startswith("kopbedrag")
    assert rel["regiodeal_gron_noord"] == "context, geen NPLV-geld"
    table = budget.budget_table(lines, "en")
    text = " ".join(table[t("bu_col_relation", "en")])
    assert "same money as" in text and "(€280M)" in text


def test_sub_lines_can_be_hidden(lines):
    full = budget.budget_frame(lines, "nl")
    tops = budget.budget_frame(lines, "nl", show_sublines=False)
    assert 0 < len(tops) < len(full)
    kept = set(tops["line_id"])
    assert {"ask2021_total", "nplv2022_youthcrime_total", "spuk_kw_2026_2028_total",
            "woontop_nplv_2025", "vhf2021_budget", "regiodeal_rdam_zuid"} <= kept
    assert not {"ask2021_16areas", "vhf2023_round_initial", "spuk_kw_2026_2028_ocw",
                "woontop_nplv_2025_public_space"} & kept


def test_the_story_is_at_most_12_main_lines_ask_first(lines):
    story = budget.story_frame(lines, "nl")
    assert 0 < len(story) <= budget.MAX_STORY_ROWS == 12
    assert story.iloc[0]["line_id"] == "ask2021_total"
    assert set(story["group"]) <= {"ask2021", "launch2022", "later"}  # VHF rounds: own chart
    assert {"nplv2022_vhf", "nplv2022_youthcrime_jenv"} <= set(story["line_id"])
    # data without the story's lines falls back to its main lines, never to nothing
    other = lines.assign(line_id="x_" + lines["line_id"])
    assert 0 < len(budget.story_frame(other, "nl")) <= 12


def test_budget_table_has_every_line_in_full_euros(lines):
    table = budget.budget_table(lines, "nl")
    assert len(table) == len(lines)
    amounts = set(table[t("bu_col_amount", "nl")])
    assert {"€\u00a0500.000.000", "€\u00a0600.000.000", "€\u00a0107.978.000", "€\u00a00"} <= amounts
    assert set(table[t("bu_col_source", "nl")]) == set(lines["source_id"])


def test_unknown_lines_fall_back_to_the_data(lines):
    extra = lines.iloc[:1].copy()
    extra[["line_id", "instrument", "category", "period"]] = [
        "new_line", "Some new instrument", "nplv", "odd period"]
    frame = budget.budget_frame(pd.concat([lines, extra]), "nl").set_index("line_id")
    assert frame.loc["new_line", "label"] == "Some new instrument"
    assert frame.loc["new_line", "group"] == "later"
    assert frame.loc["new_line", "period_label"] == "odd period"
    assert frame.loc["new_line", "relation_label"] == ""


def test_period_translation_only_on_exact_text():
    assert budget.period_label("2023 onward", "en") == "2023 onward"  # Dutch: data_texts.csv
    assert budget.period_label(None, "nl") == "niet beschikbaar"


def test_wrap_and_axis_expressions():
    assert budget.wrap("a b c", 3, 2) == "a b\nc"
    assert budget.wrap("aa bb cc dd ee", 5, 2) == "aa bb\ncc dd …"
    assert "mln" in budget.euro_axis_expr("nl") and "replace" in budget.euro_axis_expr("nl")
    assert "'M'" in budget.euro_axis_expr("en")
    assert "','" in budget.euro_axis_expr("nl", "eur")


# --- Housing Fund rounds per municipality ---------------------------------------------------

def test_vhf_chart_stacks_by_round_colour(money, areas):
    frame = budget.vhf_frame(money, codes_of(areas, "all20"), "nl")
    rounds = budget.round_labels(money, "nl")
    spec = budget.vhf_chart(frame, rounds, "nl").to_dict()
    bars = [n for n in walk(spec) if n.get("mark", {}) in ("bar",)
            or (isinstance(n.get("mark"), dict) and n["mark"].get("type") == "bar")]
    assert len(bars) == 1
    enc = bars[0]["encoding"]
    assert enc["color"]["field"] == "round_label"
    assert enc["x"]["stack"] == "zero" and enc["x"]["field"] == "amount_eur"
    assert enc["color"]["scale"]["domain"] == rounds == [
        "VHF 2021", "VHF 2023", "VHF 2024 ronde 3", "VHF 2024 ronde 4"]
    assert spec["usermeta"] == {"id": "bu_vhf"}


def test_missing_amounts_are_not_bars_but_are_in_the_tables(money, allocations, areas):
    codes = codes_of(areas, "all20")
    frame = budget.vhf_frame(money, codes, "nl")
    assert frame["amount_eur"].notna().all()
    assert not {"Venlo", "Weert"} & set(frame["municipality"])
    in_view = budget.allocations_in_view(allocations, codes)
    table = budget.vhf_table(in_view, "nl")
    assert len(table) == len(allocations)
    missing_rows = table[table[t("bu_col_amount", "nl")] == "bedrag niet gevonden"]
    assert set(missing_rows[t("bu_col_municipality", "nl")]) == {"Venlo", "Weert"}
    listed = budget.vhf_missing(in_view, "en")
    assert set(listed[t("bu_col_municipality", "en")]) == {"Venlo", "Weert"}
    assert set(listed[t("bu_col_amount", "en")]) == {"amount not found"}


def test_vhf_sorting_flags_and_panels(money, areas):
    frame = budget.vhf_frame(money, codes_of(areas, "all20"), "nl")
    firsts = frame.drop_duplicates("municipality")
    focus = firsts[firsts["is_focus_municipality"]]
    assert focus["total_eur"].is_monotonic_decreasing
    assert focus["muni_order"].max() < firsts.loc[~firsts["is_focus_municipality"],
                                                   "muni_order"].min()
    labels = dict(zip(firsts["municipality"], firsts["total_label"]))
    assert "ronde afgeleid" in labels["Eindhoven"] and "≈" in labels["Amsterdam"]
    # Arnhem's 2021 award is 'ruim €\u00a025 miljoen' (verified candidate, approximate); Schiedam's
    # two awards are stated exactly.
    assert "≈" in labels["Arnhem"] and "≈" not in labels["Schiedam"]
    assert frame["show_total"].sum() == frame["municipality"].nunique()
    assert set(frame["panel"]) == {"NPLV-gemeenten", "Overige gemeenten en regio's"}


def test_vhf_selection_highlight_and_filter(money, allocations, areas):
    codes = codes_of(areas, "added2022")
    frame = budget.vhf_frame(money, codes, "nl")
    assert set(frame.loc[frame["in_selection"], "municipality"]) == {
        "Delft", "Dordrecht", "Vlaardingen", "Roosendaal"}
    assert len(frame["municipality"].unique()) > 3  # all recipients by default
    only = budget.vhf_frame(money, codes, "nl", only_selection=True)
    assert set(only["municipality"]) == {"Delft", "Dordrecht", "Vlaardingen", "Roosendaal"}
    spec = budget.vhf_chart(only, budget.round_labels(money, "nl"), "nl").to_dict()
    weight = next(n["labelFontWeight"] for n in walk(spec)
                  if isinstance(n.get("labelFontWeight"), dict))
    assert "Delft" in weight["expr"] and "bold" in weight["expr"]
    assert budget.vhf_frame(money, [], "nl", only_selection=True).empty
    assert budget.allocations_in_view(allocations, [], only_selection=True).empty


# --- share per round -------------------------------------------------------------------------

def test_share_frame_and_chart(db, lines):
    share = queries.focus_share_by_round(db, "vhf")
    frame = budget.share_frame(share, lines, "nl")
    assert len(frame) == 3 * len(share)
    assert frame["amount_eur"].notna().all()
    focus = frame[frame["measure"] == "focus"].set_index("round_id")["text"]
    assert "73,8% van bekend" in focus["vhf2021"]  # with the verified 2021 awards
    budget_text = frame[frame["measure"] == "budget"].set_index("round_id")["text"]
    assert "benaderd/afgerond" in budget_text["vhf2024r3"]
    spec = budget.share_chart(frame, "nl").to_dict()
    assert not any(key in node for node in walk(spec) for key in AGGREGATING)
    table = budget.share_table(share, lines, "en")
    assert list(table[t("bu_col_n_unknown", "en")]) == [0, 1, 0, 1]
    notes = budget.share_notes(share, lines, "nl", escape=lambda s: s)
    assert "33 sub-plans" in notes[0] and "9 toekenningen" in notes[0]
    assert "1 zonder bedrag" in notes[1]


def test_share_frame_leaves_out_missing_figures(db, lines):
    share = queries.focus_share_by_round(db, "vhf").copy()
    share.loc[0, "budget_eur"] = None
    frame = budget.share_frame(share, lines, "nl")
    assert len(frame) == 3 * len(share) - 1
    assert "niet beschikbaar" in budget.share_table(share, lines, "nl").iloc[0].tolist()


# --- euros per resident ----------------------------------------------------------------------

def test_per_resident_excludes_areas_without_allocation(areas):
    chosen = apply(Selection(area_set="all20"), areas)
    frame = budget.per_resident_frame(chosen, "nl")
    without = budget.per_resident_missing(chosen)
    assert len(frame) + len(without) == len(chosen)
    assert frame["vhf_eur_per_focus_resident"].notna().all()
    # Tilburg and Roosendaal have verified VHF awards since the candidate rows were carried.
    assert set(without["name"]) == {"Nieuwegein Centrale As"}
    assert not set(without["name"]) & set(frame["name"])
    assert frame["vhf_eur_per_focus_resident"].is_monotonic_decreasing
    amsterdam = frame[frame["municipality"] == "Amsterdam"]
    assert len(amsterdam) == 2 and amsterdam["text"].str.contains("verdeeld over 2").all()
    rows = spec_rows(budget.per_resident_chart(frame, "nl"))
    assert {r["name"] for r in rows} == set(frame["name"])
    table = budget.per_resident_table(chosen, "nl")
    assert len(table) == len(chosen)
    none_rows = table[table[t("bu_col_per_resident", "nl")] == "geen toekenning gevonden"]
    assert set(none_rows[t("bu_col_area", "nl")]) == set(without["name"])


def test_per_resident_chart_uses_cohort_colours(areas):
    chosen = apply(Selection(area_set="added2022"), areas)
    frame = budget.per_resident_frame(chosen, "en")
    assert len(frame) == 4 and budget.per_resident_missing(chosen).empty
    spec = budget.per_resident_chart(frame, "en").to_dict()
    colour = next(n["color"] for n in walk(spec) if "field" in n.get("color", {}))
    assert colour["field"] == "cohort_label"
    assert colour["scale"]["range"] == ["#0072B2", "#B07800"]


def test_sources_are_split_and_deduplicated(allocations):
    assert budget.split_sources(["S1;S2", "S2", None, "S3"]) == ["S1", "S2", "S3"]
    assert budget.allocation_sources(allocations, ["GM0983"]) == ["S52"]
