"""Tijdlijn en bronnen: what happened when, where every figure comes from and how firm it is.

Answers "Wat gebeurde er sinds 2019, uit welke bron komt elk cijfer, en wat staat er níet in de
data?" from the tables timeline, budget_lines (the funding horizon: the NPLV line of the 2026
draft VRO budget), sources (with per-source usage over population, indicators, budget_lines,
allocations, areas, area_wijken and timeline), and offers every exportable table as CSV.
"""

import functools

import streamlit as st

from nplv_app import data, derived
from nplv_app.content import fmt, headlines
from nplv_app.content.charts import timeline
from nplv_app.content.i18n import t
from nplv_app.content.selection import notice_items
from nplv_app.frame import deployment, state, ui, urlstate
from nplv_app.frame.page_keys import Tijdlijn as URL
from nplv_app.frame.view import View
from nplv_data import queries


def main(view: View) -> None:
    """The page for the frame's view: timeline, funding horizon, sources, method, downloads."""
    lang, areas = view.lang, view.areas
    raw_url = {k: st.query_params.get_all(k) for k in (URL.ONLY_SELECTION,)
               if k in st.query_params}

    top = ui.page_header("page_tijdlijn", "tl_intro", lang)
    url_notice = st.empty()  # filled at the end, once the widgets have read the URL

    # --- 1. timeline ------------------------------------------------------------------------------
    st.header(t("tl_timeline_title", lang))
    events = data.query(queries.timeline)
    budget_lines = data.query(queries.budget_lines)
    all_areas = data.query(queries.areas)
    series = timeline.horizon_series(budget_lines)

    only_selection = st.toggle(t("tl_only_selection", lang), key=URL.ONLY_SELECTION,
                               bind="query-params", help=t("tl_only_selection_help", lang))
    if areas.empty:
        st.info(t("selection_empty", lang) + " " + t("tl_selection_note", lang))
    frame = timeline.event_frame(events, lang, timeline.horizon_source(series),
                                 all_areas,
                                 areas["area_id"] if only_selection else None)
    st.caption(t("tl_timeline_caption", lang) + " "
               + t("tl_events_shown", lang, shown=len(frame), total=len(events)))
    ui.chart(timeline.timeline_chart(frame, series, lang),
             timeline.chart_table(frame, series, lang),
             timeline.chart_alt_text(frame, series, lang), lang,
             key="tl_timeline")
    horizon = timeline.funding_horizon(series)
    ui.headline(top, headlines.timeline(len(frame), frame["day"].min() if len(frame) else None,
                                        horizon, lang))
    if horizon is None:
        st.caption(t("tl_horizon_missing", lang))
    else:
        st.caption(ui.escape(t(
            "tl_horizon_caption", lang, last_year=horizon["last_year"],
            last_amount=fmt.euro(horizon["last_amount_eur"], lang),
            last_status=ui.status_label(horizon["last_status"], lang),
            amount=fmt.euro(horizon["amount_eur"], lang), year=horizon["year"],
            status=ui.status_label(horizon["status"], lang),
            source_id=horizon["source_id"],
        )))
    ui.source_caption(list(frame["source_id"]) + list(series["source_id"]), lang)

    ui.end_of_key_visual()

    # --- 2. sources -------------------------------------------------------------------------------
    st.header(t("tl_sources_title", lang))
    st.caption(t("tl_sources_caption", lang))
    sources = timeline.sources_table(data.query(queries.sources), data.query(queries.source_usage),
                                     lang)
    left, right = st.columns([3, 2])
    with left:
        status = urlstate.choice(
            st.segmented_control, t("tl_filter_status", lang), timeline.SOURCE_STATUS_FILTERS,
            URL.STATUS, "all", format_func=lambda code: t(f"tl_status_{code}", lang),
        )
    with right:
        # codes in the URL (the section as the file writes it), names in the view's language
        names = timeline.section_labels(sources)
        section = urlstate.choice(
            st.selectbox, t("tl_filter_section", lang), ["", *names], URL.SECTION, "",
            format_func=lambda code: names.get(code) or t("tl_filter_section_all", lang),
        )
    listed = timeline.filter_sources(sources, status, section or None)
    st.caption(t("tl_sources_count", lang, shown=len(listed), total=len(sources)))
    if listed.empty:
        st.info(t("tl_sources_none", lang))
    else:
        # the register of all sources: 13 columns, wider than the page, scrolls with its id pinned
        with st.container(key="tl_sources_register"):
            st.dataframe(
                listed, hide_index=True, width="stretch", key="tl_sources_table",
                column_order=["source_id", "title", "publisher", "published", "url", "n_figures",
                              "n_confirmed", "n_approximate", "n_unconfirmed", "n_events", "tables",
                              "section", "used_for"],
                column_config=_source_columns(lang),
            )

    st.subheader(t("tl_status_title", lang))
    counts = data.query(queries.source_status_counts)
    ui.chart(timeline.status_chart(counts, lang), timeline.status_table(counts, lang),
             timeline.status_alt(counts, lang), lang, key="tl_status_chart")
    st.caption(t("tl_status_caption", lang))

    st.subheader(t("tl_changes_title", lang))
    st.caption(t("tl_changes_caption", lang))
    changes = data.query(queries.data_changes)
    if changes.empty:
        st.info(t("tl_changes_none", lang))
    else:
        ui.static_table(timeline.changes_table(changes, lang))
    st.subheader(t("tl_facts_title", lang))
    st.caption(t("tl_facts_caption", lang))
    facts = timeline.candidate_facts_table(data.query(queries.candidate_facts), lang,
                                           with_scope=True)
    if facts is not None:
        ui.static_table(facts)
    st.subheader(t("tl_evidence_title", lang))
    st.caption(t("tl_evidence_caption", lang))
    ui.static_table(timeline.evidence_table(data.query(queries.original16_evidence), lang))

    # --- 3. methodology ---------------------------------------------------------------------------
    st.header(t("tl_method_title", lang))
    facts = derived.method_facts_of(lang)
    for part in ("origin", "status", "rounding", "areas", "unconfirmed", "flows", "vhf2023",
                 "missing"):
        st.subheader(t(f"tl_method_{part}_title", lang))
        st.markdown(t(f"tl_method_{part}", lang, **facts))

    # --- 4. accessibility statement --------------------------------------------------------------
    st.header(t("tl_a11y_title", lang))
    for part in ("standard", "tested", "exceptions"):
        st.markdown(t(f"tl_a11y_{part}", lang))
    contact = deployment.accessibility_contact()
    st.markdown(t("tl_a11y_contact", lang, contact=ui.escape(contact)) if contact
                else t("tl_a11y_no_contact", lang))

    # --- 5. downloads -----------------------------------------------------------------------------
    st.header(t("tl_downloads_title", lang))
    version = data.query(queries.build_info).get("data_version", "")
    st.caption(ui.escape(t("tl_downloads_caption", lang, version=version or "?")))
    columns = st.columns(3)
    sizes = data.query(queries.table_sizes)


    for index, name in enumerate(queries.EXPORTABLE):
        file_name = timeline.csv_file_name(name, version)
        columns[index % 3].download_button(
            t("tl_download_label", lang, label=t(f"tl_table_{name}", lang)),
            # Small tables go with the page (the file then lives as long as the button); large
            # ones are written on click, since writing them on every run would cost seconds.
            data=(data.table_csv(name) if sizes.get(name, 0) <= data.SMALL_TABLE_ROWS
                  else functools.partial(data.table_csv, name)),
            file_name=file_name, mime="text/csv",
            key=f"tl_download_{name}", on_click="ignore", icon=":material/download:",
            help=t("tl_download_help", lang, rows=fmt.number(sizes.get(name), lang),
                   file_name=file_name), width="stretch",
        )

    # --- what the URL held that this page could not use -------------------------------------------
    accepted = {URL.ONLY_SELECTION: [str(only_selection).lower()]}
    ignored = urlstate.take_ignored() + timeline.url_ignored(raw_url, accepted)
    if ignored:
        url_notice.warning(ui.escape(t("url_ignored", lang, items=notice_items(ignored, lang))))


def _source_columns(lang: str) -> dict:
    """The sources register's column headers and kinds, in the view's language."""
    return {
        "source_id": st.column_config.TextColumn(t("tl_src_id", lang), pinned=True),
        "title": st.column_config.TextColumn(t("tl_src_title", lang), width="large"),
        "publisher": t("tl_src_publisher", lang),
        "published": t("tl_src_published", lang),
        "url": st.column_config.LinkColumn(t("tl_src_url", lang),
                                           display_text=t("tl_src_link_text", lang)),
        "n_figures": st.column_config.NumberColumn(t("tl_src_figures", lang), format="%d"),
        "n_confirmed": st.column_config.NumberColumn(ui.status_label("confirmed", lang),
                                                     format="%d"),
        "n_approximate": st.column_config.NumberColumn(ui.status_label("approximate", lang),
                                                       format="%d"),
        "n_unconfirmed": st.column_config.NumberColumn(ui.status_label("unconfirmed", lang),
                                                       format="%d"),
        "n_events": st.column_config.NumberColumn(t("tl_src_events", lang), format="%d"),
        "tables": t("tl_src_tables", lang),
        "section": t("tl_src_section", lang),
        "used_for": st.column_config.TextColumn(t("tl_src_used_for", lang), width="large"),
    }


main(state.view())
