"""Entry point: page config, the data check, language, shared selection and navigation.

Each page in ``views/`` answers one question; this file only declares them (after Streamlit's
own hello app) and draws what all pages share.

The frame lives in ``main()``, run only as the script: a chart worker process re-imports this
file as ``__mp_main__`` when it starts, and must not run the frame (data check, queries).
"""

import streamlit as st
from streamlit import config

from nplv_app import data
from nplv_app.content import fmt
from nplv_app.content.i18n import t
from nplv_app.content.pages import FAVICON, FIRST, PAGE_ICONS, PAGES, page_file, url_path
from nplv_app.frame import downloads, presentation, sidebar, state, ui, viewlink
from nplv_app.frame.view import View
from nplv_app.runtime import cache, gc_tuning, specs
from nplv_data import queries


def main() -> None:
    st.set_page_config(page_title="NPLV-dashboard", page_icon=FAVICON, layout="wide")
    cache.activate()  # kept builders called in this run are computed once per input
    specs.start_chart_workers()  # once per process: they import Altair while this run goes on

    raw_url = sidebar.raw_url_values(sidebar.SHARED_KEYS)
    lang = sidebar.language()
    state.set_language(lang)
    ui.document_setup(lang)  # <html lang> (Streamlit's page says 'en') and contrast fixes
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
    data.pin_language(lang)  # the data's own free text (notes, dates as written) in this language
    if rebuilt:
        st.toast(t("database_rebuilt", lang))
    if problem:
        st.warning(t("sources_invalid_serving_old", lang))
        with st.expander(t("sources_invalid", lang)):
            st.code(problem, language=None)

    page_list = [
        st.Page(page_file(name), title=t(f"page_{name}", lang), icon=icon,
                url_path=url_path(name), default=name == FIRST)
        for name, icon in PAGE_ICONS
    ]
    # '/overzicht' (the page's own name, as typed by hand) opens the first page too: Streamlit
    # serves a default page only at '/', and would show 'Page not found' for its name.
    first_by_name = st.Page(page_file(FIRST), title=t(f"page_{FIRST}", lang), url_path=FIRST,
                            visibility="hidden")
    page = st.navigation([*page_list, first_by_name], position="sidebar")

    areas = data.query(queries.areas)
    state.set_selection(sidebar.selection(areas, lang, raw_url))
    state.set_view(View(lang=lang, areas=state.selected_areas(), data_version=data.version(),
                        presenting=presenting))

    page_name = FIRST if page is first_by_name else PAGES[page_list.index(page)]
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
                built_at=fmt.timestamp(info.get("built_at", "?"), lang),
            )
        )
    )

    # Once per server process, after its first full run (see gc_tuning); not in an AppTest, which
    # runs in the test process. AppTest marks its runs by patching ``streamlit.config.get_option``
    # (``st.get_option`` is bound at import and does not see that).
    if not config.get_option("global.appTest"):
        gc_tuning.settle()


if __name__ == "__main__":
    main()
