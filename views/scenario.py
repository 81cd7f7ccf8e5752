"""Scenario: what if an amount per year were spread over the focus areas by a chosen key?

Answers: how much would each area, and each resident, get from a given budget when it is
divided equally, per resident, or per resident weighted by the share with low financial
welfare (optionally a blend of two keys and a minimum per area); and how much the same amount
is diluted per resident when it covers all 20 areas instead of the original 16.

Tables: area_summary (queries.areas: residents, cohort), indicators
(low_financial_welfare_share_12plus, 2024, via queries.indicator_by_area), budget_lines (the
2021 ask for the 16 areas as default amount), cohort_summary (computed residents of the 16 and
the 20) and sources. The maths is nplv_data.scenario; every input lives in the URL (sc_* keys).
"""

import streamlit as st

from nplv_app import data, derived
from nplv_app.content import fmt, headlines
from nplv_app.content.charts import scenario as charts
from nplv_app.content.i18n import t
from nplv_app.content.selection import notice_items
from nplv_app.frame import state, ui, urlstate
from nplv_app.frame.page_keys import Scenario as URL
from nplv_app.frame.sidebar import residents_bounds
from nplv_app.frame.view import View
from nplv_data import queries
from nplv_data.scenario import KEYS, MAX_YEARS, ScenarioError, ScenarioInput

MAX_AMOUNT = 10_000_000_000  # input bound (EUR 10 bn a year), not a figure
AMOUNT_STEP = 1_000_000
MINIMUM_STEP = 100_000
RESIDENTS_STEP = 1_000
DEFAULT_KEY = "per_resident"  # the question users come with: what is it per resident?
ROW_PX = 35  # st.dataframe row height, to show every excluded area without scrolling


def show_result(result, scenario_input, chosen, years: int, all_areas, lang: str) -> None:
    """Tiles, the bar chart with its table, notes and the areas that receive nothing."""
    totals = result.totals
    tiles = st.columns(5)
    tiles[0].metric(t("sc_metric_per_year", lang),
                    fmt.euro_compact(totals["amount_per_year_eur"], lang),
                    help=fmt.euro(totals["amount_per_year_eur"], lang))
    tiles[1].metric(t("sc_metric_total", lang, years=charts.years_text(years, lang)),
                    fmt.euro_compact(totals["total_eur"], lang),
                    help=fmt.euro(totals["total_eur"], lang))
    tiles[2].metric(t("sc_metric_areas", lang), fmt.number(totals["n_areas"], lang))
    tiles[3].metric(t("sc_metric_residents", lang), fmt.number(totals["residents"], lang),
                    help=t("computed_sum", lang))
    tiles[4].metric(t("sc_metric_per_resident", lang),
                    fmt.euro(totals["per_resident_per_year_eur"], lang, cents=True),
                    help=t("sc_per_resident_help", lang))
    if len(result.excluded):
        st.warning(t("sc_excluded_title", lang, n=len(result.excluded)) + ": "
                   + t("sc_reason_no_welfare", lang) + ".")

    st.subheader(t("sc_chart_title", lang))
    st.caption(t("sc_chart_caption", lang))
    ui.chart(charts.allocation_chart(ui.first_rows(result.table, lang), lang, years),
             charts.result_table(result, lang), charts.allocation_alt(result.table, lang),
             lang, key="sc_chart", table_label_key="sc_table_title")
    basis_info = charts.receivers_basis(all_areas, result.table["area_id"], lang)
    st.caption(t("sc_residents_note", lang, date=basis_info["date"],
                 status=basis_info["status"]))

    st.markdown(f"**{t('sc_notes', lang)}**")
    notes = charts.notes(result, lang)
    partial = charts.blend_note(scenario_input, chosen, lang)
    notes += [partial] if partial else []
    st.markdown("\n".join(f"- {ui.escape(note)}" for note in notes))
    if len(result.excluded):
        st.markdown(f"**{t('sc_excluded_title', lang, n=len(result.excluded))}**")
        ui.data_table(charts.excluded_table(result.excluded, lang), lang, key="sc_excluded",
                      height=ROW_PX * (min(len(result.excluded), ui.MAX_TABLE_ROWS) + 1) + 3)


def show_dilution(amount: int, lang: str, top, presenting: bool) -> None:
    """Always the original 16 against all 20 with the chosen amount: the page's headline."""
    dilution = charts.dilution_view(amount, data.query(queries.cohort_summary), lang)
    ui.headline(top, headlines.scenario(dilution, amount, lang))
    if dilution is None:
        st.header(t("sc_dilution_plain", lang))
        st.warning(t("sc_dilution_missing", lang))
    else:
        st.header(t("sc_dilution_title", lang, n_a=dilution["n_a"], n_b=dilution["n_b"]))
        st.caption(t("sc_dilution_intro", lang, n_a=dilution["n_a"], n_b=dilution["n_b"]))
        chart_col, text_col = st.columns([3, 2], gap="large")
        with chart_col:
            step = charts.PROJECTED_BAR_STEP_PX if presenting else charts.BAR_STEP_PX
            ui.chart(charts.dilution_chart(dilution["frame"], lang, step),
                     charts.dilution_table(dilution["frame"], lang),
                     charts.dilution_alt(dilution, amount, lang), lang, key="sc_dilution_chart")
        with text_col:
            st.markdown(charts.dilution_sentence(dilution, amount, lang))
            st.caption(t("sc_dilution_residents", lang, computed=t("computed_sum", lang),
                         status=", ".join(ui.status_label(s, lang)
                                          for s in dict.fromkeys(dilution["statuses"]))))
            ui.source_caption(dilution["source_ids"], lang)
    if not presenting:
        st.divider()  # the comparison above, the user's own scenario below


def main(view: View) -> None:
    """The page for the frame's view: the inputs, the allocation and the dilution."""
    lang, areas = view.lang, view.areas
    top = ui.page_header("sc_title", "sc_intro", lang)
    notice = st.empty()
    comparison = st.container()  # the 16 against the 20 first; filled once the amount is read

    all_areas = data.query(queries.areas)
    frame_all = derived.scenario_areas_of()
    n_all = len(frame_all)
    ask = charts.ask_default(data.query(queries.budget_lines, ["ask2021"]))
    default_amount = ask["amount"] if ask else ScenarioInput().amount_per_year_eur

    # In presentation mode the inputs fold away: the screen belongs to the key visual.
    inputs = st.expander(t("sc_inputs_folded", lang)) if view.presenting else st.container()
    inputs.header(t("sc_inputs_title", lang))  # h2 above the boxes' h3 (heading order)
    money_col, areas_col, key_col = inputs.columns(3, gap="medium", border=True)

    with money_col:
        st.subheader(t("sc_inputs_money", lang))
        amount = urlstate.number(
            st.number_input, t("sc_amount", lang), URL.AMOUNT, default_amount, 0, MAX_AMOUNT,
            step=AMOUNT_STEP, format="%d", help=t("sc_amount_help", lang))
        st.caption(t("sc_amount_echo", lang, amount=fmt.euro(amount, lang)))
        years = urlstate.number(st.number_input, t("sc_years", lang), URL.YEARS, 1, 1, MAX_YEARS,
                                step=1, format="%d")
        if ask:
            st.caption(t("sc_default_from_ask", lang, amount=fmt.euro(ask["amount"], lang),
                         total=fmt.euro(ask["total"], lang),
                         status=ui.status_label(ask["status"], lang)))
            ui.source_caption([ask["source_id"], ask["total_source_id"]], lang)
        else:
            st.caption(t("sc_default_missing", lang, amount=fmt.euro(default_amount, lang)))

    left_out = None
    with areas_col:
        st.subheader(t("sc_inputs_areas", lang))
        basis = urlstate.choice(
            st.radio, t("sc_basis", lang), charts.BASIS, URL.BASIS, "selection",
            format_func=lambda code: t(f"sc_basis_{code}", lang))
        if basis == "selection":
            chosen = charts.restrict(frame_all, areas["area_id"])
            st.caption(t("sc_basis_selection_note", lang, n=len(chosen)))
        else:
            st.caption(t("sc_basis_criteria_note", lang, n=n_all))
            min_residents = urlstate.number(
                st.number_input, t("sc_min_residents", lang), URL.MIN_RESIDENTS, 0, 0,
                residents_bounds(all_areas)[1], step=RESIDENTS_STEP, format="%d")
            min_welfare = urlstate.number(
                st.number_input, t("sc_min_welfare", lang), URL.MIN_WELFARE, 0.0, 0.0, 100.0,
                step=0.5, format="%.1f")
            chosen, left_out = charts.by_criteria(frame_all, min_residents, min_welfare)
        st.info(charts.coverage_text(frame_all, lang))
        if (box := ui.folded(t("sc_welfare_table", lang), "sc_welfare_table_open")) is not None:
            with box:
                ui.data_table(charts.welfare_table(frame_all, lang), lang, key="sc_welfare")
                ui.source_caption(charts.welfare_source_ids(frame_all), lang)

    with key_col:
        st.subheader(t("sc_inputs_key", lang))
        key = urlstate.choice(st.radio, t("sc_key", lang), KEYS, URL.KEY, DEFAULT_KEY,
                              format_func=lambda code: charts.key_label(code, lang))
        blend = urlstate.choice(st.selectbox, t("sc_blend", lang), charts.BLEND_OPTIONS, URL.BLEND,
                                charts.BLEND_NONE,
                                format_func=lambda code: charts.blend_label(code, lang))
        blend_key = charts.effective_blend(key, blend)
        blend_pct = 0
        if blend_key is None and blend != charts.BLEND_NONE:
            st.caption(t("sc_blend_same", lang))
        if blend_key is not None:
            blend_pct = urlstate.number(st.slider, t("sc_blend_share", lang), URL.BLEND_PCT, 50, 0,
                                        100, step=5, format="%d%%")
            st.caption(charts.blend_caption(key, blend_key, blend_pct, lang))
        minimum = urlstate.number(st.number_input, t("sc_minimum", lang), URL.MINIMUM, 0, 0,
                                  MAX_AMOUNT, step=MINIMUM_STEP, format="%d")
        if minimum:
            st.caption(t("sc_minimum_echo", lang, amount=fmt.euro(minimum, lang)))

    ignored = urlstate.take_ignored()
    if ignored:
        notice.warning(ui.escape(t("url_ignored", lang, items=notice_items(ignored, lang))))

    # --- result ---------------------------------------------------------------------------------
    if not view.presenting:  # one key visual per screen: the dilution below
        st.header(t("sc_result", lang))
        if left_out is not None:
            no_figure = charts.count_reason(left_out, "no_welfare_figure")
            if no_figure:
                st.warning(t("sc_excluded_title", lang, n=no_figure) + ": "
                           + t("sc_reason_no_welfare", lang) + ".")
        if chosen.empty:
            st.info(t("selection_empty" if basis == "selection" else "sc_criteria_empty", lang))
        else:
            try:
                scenario_input = charts.make_input(amount, years, key, blend, blend_pct, minimum)
                result = charts.allocation(scenario_input, chosen)
            except ScenarioError as err:
                hint = charts.minimum_hint(amount, minimum, len(chosen), lang)
                st.error("\n\n".join(part for part in (
                    t("sc_error_lead", lang), hint,
                    f"{t('sc_error_detail', lang)}: {ui.escape(str(err))}") if part))
            else:
                show_result(result, scenario_input, chosen, years, all_areas, lang)
                sources = charts.residents_basis(all_areas, lang)["source_ids"]
                if basis == "criteria" or "welfare_weighted" in (key, blend_key):
                    sources += charts.welfare_source_ids(frame_all)
                ui.source_caption(sources, lang)

        if left_out is not None and len(left_out):
            if (box := ui.folded(t("sc_left_out_title", lang, n=len(left_out)),
                                 "sc_left_out_table_open")) is not None:
                with box:
                    ui.data_table(charts.left_out_table(left_out, lang, min_residents, min_welfare),
                                  lang, key="sc_left_out")

    with comparison:
        show_dilution(amount, lang, top, view.presenting)
    ui.end_of_key_visual()  # presentation mode: the dilution is this page's one visual


main(state.view())
