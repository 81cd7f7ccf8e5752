"""Budgetten: what did the mayors ask in 2021, what has the cabinet committed since 2022, where
did the Housing Fund (Volkshuisvestingsfonds) money go, and what is that per focus-area resident?

Tables: budget_lines (queries.budget_lines); rounds and allocations
(queries.money_by_round_municipality_detail, queries.allocations, queries.focus_share_by_round);
area_summary (queries.areas, through the sidebar selection). Charts come from
nplv_app.content.charts.budget; nothing is summed across kinds of amount.
"""

import streamlit as st

from nplv_app import data
from nplv_app.content import headlines
from nplv_app.content.charts import budget
from nplv_app.content.i18n import t
from nplv_app.frame import state, ui
from nplv_app.frame.page_keys import Budgetten as URL
from nplv_app.frame.view import View
from nplv_data import queries

FUND = "vhf"


def main(view: View) -> None:
    """The page for the frame's view: the ask and commitments, VHF rounds, shares, per resident."""
    lang, areas = view.lang, view.areas
    top = ui.page_header("bu_title", "bu_intro", lang)

    lines = data.query(queries.budget_lines)
    money = data.query(queries.money_by_round_municipality_detail, FUND)
    allocations = data.query(queries.allocations, None, None, FUND)
    share = data.query(queries.focus_share_by_round, FUND)
    codes = areas["gemeente_code"].dropna().tolist()

    # --- 1. the 2021 ask and what was committed since ------------------------------------------
    st.header(t("bu_lines_header", lang))
    st.caption(t("bu_lines_intro", lang))
    if lines.empty:
        st.info(t("bu_no_data", lang))
    else:
        story = budget.story_frame(lines, lang)
        ui.headline(top, headlines.budget(story, lang))
        st.caption(t("bu_story_rows", lang, shown=len(story), total=len(lines)))
        bar_width = budget.PROJECTED_BAR_WIDTH if view.presenting else budget.BAR_WIDTH
        ui.chart(budget.budget_chart(story, lang, bar_width), budget.budget_table(lines, lang),
                 budget.lines_alt(story, lang), lang, key="bu_lines_chart",
                 table_label_key="bu_lines_table", width="content")
        st.caption(t("bu_context_caption", lang))
        ui.source_caption(budget.split_sources(lines["source_id"]), lang)

    ui.end_of_key_visual()

    # --- 2. Housing Fund rounds per municipality ---------------------------------------------
    st.header(t("bu_vhf_header", lang))
    st.caption(t("bu_vhf_intro", lang))
    if areas.empty:
        st.info(t("selection_empty", lang))
    only_selection = st.toggle(t("bu_vhf_only_selection", lang), value=False,
                               key=URL.ONLY_SELECTION, bind="query-params",
                               help=t("bu_vhf_only_selection_help", lang))
    in_view = budget.allocations_in_view(allocations, codes, only_selection)
    segments = budget.vhf_frame(money, codes, lang, only_selection)
    if segments.empty:
        st.info(t("bu_vhf_no_selection_match", lang))
    else:
        ui.chart(budget.vhf_chart(segments, budget.round_labels(money, lang), lang),
                 budget.vhf_table(in_view, lang),
                 budget.vhf_alt(segments, lang), lang,
                 key="bu_vhf_chart", table_label_key="bu_vhf_table")
        st.caption(t("bu_vhf_legend_caption", lang))
    missing = budget.vhf_missing(in_view, lang)
    if len(missing):
        st.subheader(t("bu_vhf_missing_header", lang))
        st.caption(t("bu_vhf_missing_intro", lang))
        ui.reading_table(missing, lang, key="bu_vhf_missing")
    ui.source_caption(budget.source_ids_of(in_view), lang)

    # --- 3. share of the known allocations to NPLV municipalities -------------------------------
    st.header(t("bu_share_header", lang))
    st.warning(t("bu_share_caveat", lang))
    if share.empty:
        st.info(t("bu_no_data", lang))
    else:
        ui.chart(budget.share_chart(budget.share_frame(share, lines, lang), lang),
                 budget.share_table(share, lines, lang), budget.share_alt(share, lang), lang,
                 key="bu_share_chart")
        st.markdown("\n".join(
            f"- {note}" for note in budget.share_notes(share, lines, lang, ui.escape)))
        ui.source_caption(budget.split_sources(share["budget_source_id"])
                          + budget.split_sources(allocations["source_id"]), lang)

    # --- 4. euros per resident of the focus area ---------------------------------------------
    st.header(t("bu_res_header", lang))
    st.warning(t("bu_res_warning", lang))
    if areas.empty:
        st.info(t("selection_empty", lang))
    else:
        per_resident = budget.per_resident_frame(areas, lang)
        resident_table = budget.per_resident_table(areas, lang)
        if len(per_resident):
            ui.chart(budget.per_resident_chart(ui.first_rows(per_resident, lang), lang),
                     resident_table,
                     budget.per_resident_alt(per_resident, lang), lang, key="bu_res_chart")
        without = budget.per_resident_missing(areas)
        if len(without):
            st.markdown(f"**{t('bu_res_none_header', lang)}**")
            st.caption(t("bu_res_none_intro", lang))
            if len(without) <= ui.MAX_CHART_ROWS:
                st.markdown("\n".join(
                    f"- {ui.escape(r.name)} ({ui.escape(r.municipality)}): "
                    f"{t('bu_res_none_value', lang)}" for r in without.itertuples()))
            else:  # national scale: a table instead of thousands of lines
                ui.data_table(without[["name", "municipality"]].rename(columns={
                    "name": t("area", lang), "municipality": t("municipality", lang)}),
                    lang, key="bu_res_none")
        if not len(per_resident):
            ui.data_table(resident_table, lang, key="bu_res")
        st.caption(t("bu_res_caption", lang))
        ui.source_caption(budget.per_resident_sources(areas, allocations, codes), lang)


main(state.view())
