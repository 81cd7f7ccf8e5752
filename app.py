"""Entry point: page config, the data check, language, shared selection and navigation.

Each page in ``views/`` answers one question; this file only declares them (after Streamlit's
own hello app) and draws what all pages share.
"""

import streamlit as st

from nplv_app import data, downloads, gc_tuning, presentation, sidebar, specs, state, ui, viewlink
from nplv_app.i18n import t
from nplv_data import queries

st.set_page_config(page_title="NPLV-dashboard", layout="wide")
if __name__ == "__main__":  # not in a worker, which re-runs this file as __mp_main__ to start
    specs.start_chart_workers()  # once per process: they import Altair while this run goes on

raw_url = sidebar.raw_url_values(sidebar.SHARED_KEYS)
lang = sidebar.language()
state.set_language(lang)
presenting = presentation.read_switch(lang)

try:
    if data.checked():  # the usual case: no spinner (it starts a thread on every run)
        rebuilt, problem = False, None
    else:
        with st.spinner(t("building_database", lang)):
            rebuilt, problem = data.ensure()
except data.DataUnavailable as exc:
    st.error(t(exc.reason, lang))
    if exc.detail:
        st.code(exc.detail, language=None)
    st.stop()
data.pin_version()  # one file stat per run; every query of this run uses that version
if rebuilt:
    st.toast(t("database_rebuilt", lang))
if problem:
    st.warning(t("sources_invalid_serving_old", lang))
    with st.expander(t("sources_invalid", lang)):
        st.code(problem, language=None)

# (name, icon): the file is views/<name>.py, the URL /<name>; the first page is served at "/".
PAGE_ICONS = (
    ("overzicht", ":material/map:"),
    ("gebieden", ":material/bar_chart:"),
    ("budgetten", ":material/euro:"),
    ("scenario", ":material/calculate:"),
    ("tijdlijn", ":material/history:"),
)
PAGES = [
    st.Page(f"views/{name}.py", title=t(f"page_{name}", lang), icon=icon,
            url_path="" if index == 0 else name, default=index == 0)
    for index, (name, icon) in enumerate(PAGE_ICONS)
]
# '/overzicht' (the page's own name, as typed by hand) opens the first page too: Streamlit
# serves a default page only at '/', and would show 'Page not found' for its name.
FIRST = PAGE_ICONS[0][0]
FIRST_BY_NAME = st.Page(f"views/{FIRST}.py", title=t(f"page_{FIRST}", lang), url_path=FIRST,
                        visibility="hidden")
page = st.navigation([*PAGES, FIRST_BY_NAME], position="sidebar")

areas = data.query(queries.areas)
state.set_selection(sidebar.selection(areas, lang, raw_url))

page_name = FIRST if page is FIRST_BY_NAME else PAGE_ICONS[PAGES.index(page)][0]
if presenting:
    presentation.header(lang, page_name)
downloads.reset(page_name)  # ui.chart and ui.source_caption register what the page shows
page.run()
downloads.section(page_name, lang)  # "Downloads / exporteren": this view as files
viewlink.show("" if page_name == FIRST else page_name, lang)  # after every widget

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

# Once per server process, after its first full run (see gc_tuning); not in a worker, and not in
# an AppTest, which runs in the test process.
if __name__ == "__main__" and not st.get_option("global.appTest"):
    gc_tuning.settle()
