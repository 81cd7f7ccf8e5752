"""Overzicht: how large is the chosen part of the programme, and where are its areas?

Answers, for the sidebar selection: how many areas, municipalities and residents, how that
compares with the 16 areas of the 2021 ask, what share of the Dutch population lives there (only
sourced for all 20), and how much known Volkshuisvestingsfonds money went to the municipalities
involved. A map shows every area; a click opens an area card.

Tables: area_summary (queries.areas, queries.selection_totals), cohort_summary, indicators
(share_of_nl_population), allocations and rounds (queries.vhf_rounds_for_areas), areas
(queries.area for the card); the map's context layer is data/context/nl_context.geojson.
"""

import streamlit as st

from nplv_app import data
from nplv_app.content import fmt, headlines, maps, overview
from nplv_app.content.i18n import t
from nplv_app.content.selection import shorten
from nplv_app.frame import state, ui
from nplv_app.frame.page_keys import Overzicht as URL
from nplv_app.frame.view import View
from nplv_data import queries

KEY_MAP = "ov_map"
KEY_MAP_GENERATION = "_ov_map_generation"
MAP_HEIGHT = 620


def on_map_select(map_key: str) -> None:
    """A click on a circle opens its card; a click beside the circles closes it."""
    event = st.session_state.get(map_key)
    st.session_state[URL.AREA] = maps.picked_area_id(event.selection if event else None)


def on_pick_area() -> None:
    """Chosen in the list: start the map afresh so it shows no stale click selection."""
    st.session_state[KEY_MAP_GENERATION] = st.session_state.get(KEY_MAP_GENERATION, 0) + 1


def render_tiles(areas, lang: str, top) -> None:
    chosen_ids = areas["area_id"].tolist()
    cohorts = data.query(queries.cohort_summary)
    set_ids = {name: data.query(queries.area_ids_for_set, name)
               for name in overview.REFERENCE_SETS}
    reference = overview.reference_set(chosen_ids, set_ids)
    totals = data.query(queries.selection_totals, chosen_ids).iloc[0].to_dict()
    share_rows = data.query(queries.indicators, ["ALL20"], "share_of_nl_population")
    share = share_rows.iloc[-1].to_dict() if len(share_rows) else None
    rounds = data.query(queries.vhf_rounds_for_areas, chosen_ids)
    tiles = overview.kpi_tiles(totals, cohorts, reference, share, areas,
                               overview.split_ids(rounds["source_ids"]), lang,
                               data.query(queries.vhf_by_status, chosen_ids))
    ui.headline(top, headlines.overview(totals, cohorts, reference, lang))
    if state.presenting():  # a projector shows what is known, not a tile of "niet beschikbaar"
        tiles = [tile for tile in tiles if tile.value != fmt.NOT_AVAILABLE[lang]]
    # two rows (3 + 2), so that the values stay whole at projector resolutions
    columns = list(st.columns(3)) + list(st.columns(2))
    for column, tile in zip(columns, tiles):
        with column:
            st.metric(tile.label, tile.value, tile.delta, delta_color="off",
                      delta_arrow=tile.delta_arrow, delta_description=tile.delta_description,
                      border=True, help=t("ov_delta_help", lang) if tile.delta else None)
            for note in tile.notes:
                st.caption(ui.escape(note))
    ui.source_caption([s for tile in tiles for s in tile.source_ids], lang)


def render_card(area_id: str, lang: str) -> None:
    """The area card: facts, VHF money to its municipality per round, sources, a link on."""
    area = data.query(queries.area, area_id)
    if area.empty:
        return
    rounds = data.query(queries.vhf_rounds_for_areas, [area_id])
    card = overview.area_card(area.iloc[0].to_dict(), rounds, lang)
    with st.container(border=True, key="ov_area_card"):
        st.subheader(ui.escape(card.title))
        st.markdown("  \n".join(f"**{ui.escape(label)}:** {ui.escape(value)}"
                                for label, value in card.facts))
        st.markdown(f"**{ui.escape(card.money_title)}**")
        st.markdown("\n".join(f"- **{ui.escape(head)}**: {ui.escape(detail)}"
                              for head, detail in card.rounds))
        for note in card.money_notes:
            st.caption(ui.escape(note))
        ui.source_caption(card.source_ids, lang)
        st.page_link("views/gebieden.py", label=t("ov_card_more", lang),
                     icon=":material/bar_chart:")


def pick_area(options: list[str], names: dict[str, str], lang: str) -> str | None:
    """The list beside the map; bound to the URL so a shared link reopens the same card."""
    if URL.AREA not in st.session_state:
        from_url = st.query_params.get(URL.AREA)
        if from_url and from_url not in {names[a] for a in options}:
            st.warning(ui.escape(t("url_ignored", lang, items=f"{URL.AREA}={shorten(from_url)}")))
    return st.selectbox(
        t("ov_pick_area", lang), options, index=None, key=URL.AREA, bind="query-params",
        format_func=names.get, placeholder=t("ov_pick_placeholder", lang),
        on_change=on_pick_area,
    )


def render_map(areas, selection: str, lang: str) -> None:
    st.header(t("ov_map_title", lang))  # h2 under the page title: headings in order
    st.caption(t("ov_map_hint", lang))
    names, options, alt_text, cohorts = overview.map_view(areas, lang)
    map_column, card_column = st.columns([3, 2], gap="medium")
    with card_column:
        chosen = pick_area(options, names, lang)
        if chosen is None:
            st.info(t("ov_card_empty", lang))
        else:
            render_card(chosen, lang)
    with map_column:
        # A new selection of areas (or a choice in the list) starts a fresh map widget, so a
        # click selection never points at another area's index.
        map_key = f"{KEY_MAP}_{selection}_{st.session_state.get(KEY_MAP_GENERATION, 0)}"
        if maps.is_aggregated(areas):
            st.caption(t("ov_map_aggregated", lang, n=fmt.number(len(areas), lang)))
        st.pydeck_chart(
            maps.area_deck(areas, lang, focus_area_id=chosen),
            on_select=lambda: on_map_select(map_key), selection_mode="single-object",
            key=map_key, alt=alt_text, height=MAP_HEIGHT,
        )
        st.image(maps.legend_svg(lang, cohorts, focus=chosen is not None),
                 alt=t("ov_legend_alt", lang))
        st.caption(t("ov_map_attribution", lang))
        if (box := ui.folded(t("data_table_map", lang), "ov_areas_table_open")) is not None:
            with box:
                ui.data_table(overview.areas_table(areas, lang), lang, key="ov_areas")


def main(view: View) -> None:
    """The page for the frame's view: the intro, the key figures, the map and its card."""
    lang, areas = view.lang, view.areas
    cohort_rows = {row["area_set"]: row for row in data.query(queries.cohort_summary)
                   .to_dict("records")}
    top = ui.page_header("page_overzicht", "ov_intro", lang,
                         n16=cohort_rows["original16"]["n_areas"],
                         m16=cohort_rows["original16"]["n_municipalities"],
                         n20=cohort_rows["all20"]["n_areas"],
                         m20=cohort_rows["all20"]["n_municipalities"])

    if areas.empty:
        st.info(t("selection_empty", lang))
    else:
        render_tiles(areas, lang, top)
        ui.end_of_key_visual()  # presentation mode: the tiles are this page's one visual
        render_map(areas, view.selection_id, lang)


main(state.view())
