"""Entry point: page config, the data check, language, shared selection and navigation.

Each page in ``views/`` answers one question; this file only declares them (after Streamlit's
own hello app) and draws what all pages share.
"""

import streamlit as st

from nplv_app import data, presentation, sidebar, state, ui
from nplv_app.i18n import t
from nplv_data import queries

st.set_page_config(page_title="NPLV-dashboard", layout="wide")

raw_url = sidebar.raw_url_values(sidebar.SHARED_KEYS)
lang = sidebar.language()
state.set_language(lang)
presenting = presentation.read_switch(lang)

try:
    with st.spinner(t("building_database", lang)):
        rebuilt, problem = data.ensure()
except data.DataUnavailable as exc:
    st.error(t(exc.reason, lang))
    if exc.detail:
        st.code(exc.detail, language=None)
    st.stop()
if rebuilt:
    st.toast(t("database_rebuilt", lang))
if problem:
    st.warning(t("sources_invalid_serving_old", lang))
    with st.expander(t("sources_invalid", lang)):
        st.code(problem, language=None)

PAGES = [
    st.Page(
        "views/overzicht.py",
        title=t("page_overzicht", lang),
        icon=":material/map:",
        url_path="overzicht",
        default=True,
    ),
    st.Page(
        "views/gebieden.py",
        title=t("page_gebieden", lang),
        icon=":material/bar_chart:",
        url_path="gebieden",
    ),
    st.Page(
        "views/budgetten.py",
        title=t("page_budgetten", lang),
        icon=":material/euro:",
        url_path="budgetten",
    ),
    st.Page(
        "views/scenario.py",
        title=t("page_scenario", lang),
        icon=":material/calculate:",
        url_path="scenario",
    ),
    st.Page(
        "views/tijdlijn.py",
        title=t("page_tijdlijn", lang),
        icon=":material/history:",
        url_path="tijdlijn",
    ),
]
page = st.navigation(PAGES, position="sidebar")

areas = data.query(queries.areas)
state.set_selection(sidebar.selection(areas, lang, raw_url))

if presenting:
    presentation.header(lang)
page.run()

info = data.query(queries.build_info)
st.divider()
st.caption(
    t("footer", lang)
    + " "
    + ui.escape(
        t(
            "data_version",
            lang,
            version=info.get("data_version", "?"),
            built_at=info.get("built_at", "?"),
        )
    )
)
