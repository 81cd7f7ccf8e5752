"""Gebieden: who lives in the chosen focus areas, what the indicator figures say about them, and
what the sources know about one area.

Questions: how many residents does each selected area have (CBS, 1 Jan 2025)? How do the areas
compare on the indicators the sources give per area, against programme-wide, national and
rest-of-municipality values, and where is a figure missing and why? What is known about one
area: municipality, wijken, population counts, indicators, money to its municipality, events
and sources?

Tables (through nplv_data.queries): area_summary and areas, population, indicators,
area_wijken, allocations with rounds, timeline, sources.
"""

from __future__ import annotations

import streamlit as st

from nplv_app import data, derived
from nplv_app.content import fmt, headlines
from nplv_app.content.charts import areas as charts
from nplv_app.content.i18n import t
from nplv_app.content.selection import names_by_id, notice_items, shorten
from nplv_app.frame import state, ui, urlstate
from nplv_app.frame.page_keys import Gebieden as URL
from nplv_app.frame.view import View
from nplv_data import queries

CHART_KEY = "gb_residents_chart"
TABLE_KEY = "gb_residents_table"
HIGHLIGHT = "_gb_highlight"  # area ids highlighted in the residents chart and table
TABLE_ORDER = "_gb_table_order"  # area ids of the residents table, top to bottom
CHART_GENERATION = "_gb_chart_generation"  # bumped to reset the chart's own click state
KEY_TAB = "_gb_tab"  # the open tab of the area detail


# --- keeping the residents chart and table in step ---------------------------------------------

def _highlight(ids: list[str]) -> None:
    st.session_state[HIGHLIGHT] = ids
    if len(ids) == 1:  # one chosen area opens in the detail view
        st.session_state[URL.AREA] = ids[0]


def _on_chart_select(chart_key: str) -> None:
    _highlight(charts.selected_ids(st.session_state.get(chart_key)))


def _on_table_select() -> None:
    event = st.session_state.get(TABLE_KEY)
    rows = list(event["selection"]["rows"]) if event else []
    _highlight(charts.ids_for_rows(st.session_state.get(TABLE_ORDER, []), rows))
    # A new chart key drops the chart's own click selection, so it cannot contradict the table.
    st.session_state[CHART_GENERATION] = st.session_state.get(CHART_GENERATION, 0) + 1


def _sync_table_selection(order: list[str], highlighted: list[str]) -> None:
    """Select the table rows of the highlighted areas (programmatic dataframe selection)."""
    rows = charts.rows_for_ids(order, highlighted)
    event = st.session_state.get(TABLE_KEY)
    current = sorted(event["selection"]["rows"]) if event else []
    if current != rows:
        st.session_state[TABLE_KEY] = {"selection": {"rows": rows, "columns": [], "cells": []}}


# --- sections ----------------------------------------------------------------------------------

def residents_section(areas, lang: str) -> None:
    st.header(t("gb_residents_header", lang))
    highlight = tuple(st.session_state.get(HIGHLIGHT, []))
    view = charts.residents_view(areas, lang, highlight, ui.MAX_CHART_ROWS)
    frame, highlighted = view["frame"], view["highlighted"]
    ui.capped_caption(view["n_areas"], lang, "chart_capped_areas")
    st.caption(t("gb_residents_hint", lang))
    chart_key = f"{CHART_KEY}_{st.session_state.get(CHART_GENERATION, 0)}"
    ui.chart(charts.residents_chart(frame, lang), view["chart_table"],
             view["alt"], lang, key=chart_key, table_key=CHART_KEY,
             on_select=lambda: _on_chart_select(chart_key))
    st.caption(view["caption"])
    if highlighted:
        names = names_by_id(frame)
        st.caption(ui.escape(t("gb_highlighted", lang,
                                names=", ".join(names[a] for a in highlighted))))
    st.session_state[TABLE_ORDER] = frame["area_id"].tolist()
    _sync_table_selection(frame["area_id"].tolist(), highlighted)
    st.dataframe(view["table"], hide_index=True, width="stretch",
                 height="content", key=TABLE_KEY, on_select=_on_table_select,
                 selection_mode="multi-row")
    ui.source_caption(frame["source_id"].tolist(), lang)


def indicator_section(areas, all_areas, lang: str) -> list[str]:
    """The indicator picker, chart and table; returns URL values it ignored."""
    st.header(t("gb_indicators_header", lang))
    catalog = data.query(queries.indicator_catalog)
    options = charts.indicator_options(catalog)
    if not options:
        st.info(t("gb_indicator_none", lang))
        return []
    code = urlstate.choice(
        st.selectbox, t("gb_indicator_pick", lang), options, URL.INDICATOR,
        charts.widest_option(catalog, options),
        format_func=charts.indicator_option_labels(catalog, lang).get)
    ignored = urlstate.take_ignored()
    indicator, period = charts.split_code(code)
    ids = areas["area_id"].tolist()
    by_area = data.query(queries.indicator_by_area, indicator, period, ids)
    rank_indicator = charts.RANK_INDICATORS.get(indicator)
    ranks = (data.query(queries.indicator_by_area, rank_indicator, period, ids)
             if rank_indicator else None)
    frame = charts.indicator_frame(by_area, indicator, period, lang, ranks)
    refs = charts.reference_frame(data.query(queries.indicator_references, indicator, period),
                                  lang, charts.municipality_names(all_areas))
    label = charts.indicator_label(indicator, lang)
    n_with = int(frame["available"].sum())
    drawn = frame[frame["available"]] if n_with else frame  # bars of figures, not of gaps
    if n_with == len(frame):
        st.caption(t("gb_indicator_coverage_all", lang, n=len(frame)))
    elif n_with:
        st.caption(t("gb_indicator_coverage", lang, n_with=n_with, n=len(frame)))
    else:
        st.info(t("gb_indicator_none", lang))
    ui.chart(charts.indicator_chart(ui.first_rows(drawn, lang), refs, lang, label),
             charts.indicator_table(frame, refs, lang),
             charts.indicator_alt(frame, refs, label, period, lang), lang,
             key="gb_indicator_chart")
    unit = catalog.loc[(catalog["indicator"] == indicator) & (catalog["period"] == period), "unit"]
    st.caption(t("gb_indicator_caption", lang, period=period,
                 unit=charts.unit_name(unit.iloc[0] if len(unit) else None, lang)))
    summary = charts.missing_summary(frame, lang)
    if summary:
        st.caption(ui.escape(summary))
    rank_sources = [] if ranks is None else ranks.loc[ranks["value"].notna(), "source_id"].tolist()
    ui.source_caption([*frame["source_id"], *refs["source_id"], *rank_sources], lang)
    return ignored


def programme_section(lang: str) -> None:
    st.subheader(t("gb_programme_header", lang))
    table, source_ids = derived.programme_view(lang)
    st.caption(t("gb_programme_caption", lang))
    # a table whose cells wrap (long indicator names and notes), one click away: 34 rows
    with st.expander(t("gb_programme_table", lang, n=len(table))):
        ui.static_table(table)
    ui.source_caption(source_ids, lang)


# --- the tabs about one area (``derived.area_detail``) -------------------------------------------

def _table_or_note(frame, none_key: str, lang: str, caption_key: str | None = None) -> bool:
    """The tab's table (cells wrap: notes and names are read in full) and caption, or its
    'none' note; whether there was a table."""
    if frame is None:
        st.info(t(none_key, lang))
        return False
    ui.static_table(frame)
    if caption_key:
        st.caption(t(caption_key, lang))
    return True


def _facts_tab(detail, area, lang: str) -> None:
    ui.static_table(detail["facts"])
    st.caption(t("gb_facts_caption", lang))


def _wijken_tab(detail, area, lang: str) -> None:
    _table_or_note(detail["wijken"], "gb_wijken_none", lang, "gb_wijken_caption")


def _population_tab(detail, area, lang: str) -> None:
    _table_or_note(detail["population"], "gb_population_none", lang, "gb_population_caption")


def _indicators_tab(detail, area, lang: str) -> None:
    if (_table_or_note(detail["indicators"], "gb_area_indicators_none", lang,
                       "gb_area_indicators_caption") and len(detail["comparisons"])):
        st.subheader(t("gb_comparisons_header", lang))
        ui.static_table(detail["comparisons"])


def _local_tab(detail, area, lang: str) -> None:
    """Local monitor and press figures beside the municipality's, for this area only."""
    if detail["local"] is None:
        st.info(t("gb_local_none", lang))
        return
    st.caption(t("gb_local_intro", lang))
    ui.static_table(detail["local"])  # the long period texts wrap beside the figures
    st.caption(t("gb_local_caption", lang))
    ui.source_caption(detail["local_source_ids"], lang)
    with st.expander(t("gb_local_quotes", lang)):
        for heading, quote in detail["local_quotes"]:
            st.markdown(f"**{ui.escape(heading)}**  \n“{ui.escape(quote)}”")


def _money_tab(detail, area, lang: str) -> None:
    st.caption(ui.escape(t("gb_money_caption", lang, municipality=area["municipality"])))
    if area.get("areas_in_municipality", 1) > 1:
        st.caption(ui.escape(t("gb_money_shared", lang, municipality=area["municipality"],
                               n=area["areas_in_municipality"])))
    if _table_or_note(detail["money"], "gb_money_none", lang):
        total, n_unknown = detail["money_total"]
        st.caption(t("gb_money_total", lang, total=fmt.euro(total, lang), n_unknown=n_unknown))
    if detail["money_facts"] is not None:  # co-financing, other schemes: never in the total
        st.subheader(t("gb_money_facts_header", lang))
        ui.static_table(detail["money_facts"])


def _events_tab(detail, area, lang: str) -> None:
    _table_or_note(detail["events"], "gb_events_none", lang)


def _sources_tab(detail, area, lang: str) -> None:
    link = t("gb_col_link", lang)
    st.dataframe(detail["sources"], hide_index=True, width="stretch",
                 column_config={link: st.column_config.LinkColumn(
                     link, display_text=t("gb_link_text", lang))})


DETAIL_TABS = (  # (label key, renderer), in tab order
    ("gb_tab_facts", _facts_tab), ("gb_tab_wijken", _wijken_tab),
    ("gb_tab_population", _population_tab), ("gb_tab_indicators", _indicators_tab),
    ("gb_tab_local", _local_tab), ("gb_tab_money", _money_tab), ("gb_tab_events", _events_tab),
    ("gb_tab_sources", _sources_tab))


def detail_section(areas, lang: str) -> list[str]:
    """The area picker and the tabs about one area; returns URL values it ignored."""
    st.header(t("gb_detail_header", lang))
    names = names_by_id(areas)
    raw = None
    if URL.AREA not in st.session_state:
        raw = st.query_params.get(URL.AREA)
        if raw in names:  # an area id in the link works as well as its name
            st.session_state[URL.AREA] = raw
    area_id = st.selectbox(t("gb_detail_pick", lang), list(names), key=URL.AREA,
                           bind="query-params", format_func=names.get,
                           help=t("gb_detail_hint", lang))
    ignored = []
    if raw is not None and raw not in (area_id, names.get(area_id)):
        ignored.append(f"{URL.AREA}={shorten(raw)}")
    if area_id is None:
        return ignored
    detail = derived.area_detail(area_id, lang)
    if detail is None:
        return ignored
    area = detail["area"]
    date_text = fmt.date(area["residents_ref_date"], lang)
    first, second = st.columns([1, 3], vertical_alignment="center")
    first.metric(t("gb_metric_residents", lang, date=date_text),
                 fmt.number(area["residents"], lang))
    second.markdown(t("gb_detail_line", lang, municipality=ui.escape(area["municipality"]),
                      province=ui.escape(area["province"]),
                      cohort=ui.escape(t(f"cohort_{area['cohort']}", lang))))
    if detail["local"] is not None:  # in the view's workbook and slides whichever tab is open
        ui.exported_table("gb_local", t("gb_local_export_title", lang, area=area["name"]),
                          t("gb_tab_local", lang), detail["local"], detail["local_source_ids"])
    tabs = st.tabs([t(key, lang) for key, _ in DETAIL_TABS], key=KEY_TAB, on_change="rerun")
    for tab, (_, render) in zip(tabs, DETAIL_TABS, strict=True):
        if tab.open:  # only the chosen tab is built: nine tables would cost every rerun
            with tab:
                render(detail, area, lang)
    ui.source_caption(detail["source_ids"], lang)
    return ignored


def main(view: View) -> None:
    """The page for the frame's view: residents, indicators, programme figures, one area."""
    areas, lang = view.areas, view.lang
    top = ui.page_header("gb_title", "gb_intro", lang)
    if areas.empty:
        st.info(t("selection_empty", lang))
        return
    ui.headline(top, headlines.areas(areas, lang))
    notice = st.empty()
    residents_section(areas, lang)
    ui.end_of_key_visual()  # presentation mode: the residents chart is this page's one visual
    st.divider()
    ignored = indicator_section(areas, data.query(queries.areas), lang)
    programme_section(lang)
    st.divider()
    ignored += detail_section(areas, lang)
    if ignored:
        notice.warning(ui.escape(t("gb_url_ignored", lang, items=notice_items(ignored, lang))))


main(state.view())
