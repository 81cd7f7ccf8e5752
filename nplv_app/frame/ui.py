"""Small Streamlit components every page uses: headers, tiles, charts with a table, sources.

Text from the data or the URL is always escaped before it reaches Markdown.
"""

from __future__ import annotations

from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from nplv_app import data, exports
from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_app.content.labels import cohort_label, status_label  # noqa: F401 (pages use ui.*)
from nplv_app.frame import downloads, state
from nplv_app.frame.widgets import escape, escape_html, folded  # noqa: F401 (pages use ui.*)
from nplv_app.runtime import cache, specs
from nplv_data import queries

HEADLINE_KEY = "nplv_headline"  # the headline's container; its CSS class is st-key-<this>


def page_header(title_key: str, intro_key: str | None, lang: str, **values):
    """The page title, a place for its one-sentence headline (``headline``), and the method
    text folded under "Toelichting" (left out in presentation mode, where the sidebar and
    its controls are hidden). Returns the headline's place."""
    st.title(t(title_key, lang))
    slot = st.container(key=HEADLINE_KEY)
    if intro_key and not state.presenting():
        with st.expander(t("hl_explain", lang)):
            st.markdown(t(intro_key, lang, **values))
    return slot


def headline(slot, text: str) -> None:
    """The page's finding in one sentence, in the place ``page_header`` kept for it."""
    if text:
        slot.markdown(escape(text))


def source_caption(source_ids: Sequence[str], lang: str) -> None:
    """'Bron: S02 (title, publisher, date)' under a figure, linked to the source URL."""
    ids = [s for s in dict.fromkeys(source_ids) if isinstance(s, str) and s]
    if not ids:
        return
    downloads.register_sources(ids)
    presenting = state.presenting()  # a projector gets one line: the first sources and a count
    key = (tuple(ids), lang, data.version(), presenting)
    st.caption(cache.SOURCE_TEXTS.get(key, lambda: _source_text(ids, lang, presenting)))


def exported_table(key: str, title: str, sheet: str, table: pd.DataFrame,
                   source_ids: Sequence[str]) -> None:
    """Put a table the page shows without a chart into the view's workbook (as sheet
    ``sheet``) and slides (headed ``title``)."""
    downloads.register_table(key, title, sheet, table, source_ids)


DOCUMENT_LANGUAGES = ("nl", "en")
# Streamlit draws captions at 60 % opacity: grey text at 3.9:1 and links in them at 3:1 on
# white, below WCAG AA's 4.5:1. Full opacity and a grey of 7:1 instead (the links keep the
# theme's link colour). Its sidebar links, selectboxes and several buttons show no focus when
# reached by keyboard (WCAG 2.4.7): every keyboard focus gets the same 3 px outline. At 200 %
# zoom (320 CSS px, WCAG 1.4.10) a chart of fixed width scrolls inside its own box instead of
# pushing the whole page sideways, and segmented buttons and long button labels wrap.
ACCESSIBLE_CSS = """<style>
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #595959; }
.st-key-nplv_headline p { font-size: 1.35rem; font-weight: 600; line-height: 1.45; }
:focus-visible { outline: 3px solid #005A8C !important; outline-offset: 2px !important; }
[data-testid="stVegaLiteChart"] { max-width: 100%; overflow-x: auto; }
[data-testid="stButtonGroup"] > div { flex-wrap: wrap; }
button [data-testid="stMarkdownContainer"] p { white-space: normal; overflow-wrap: anywhere; }
</style>"""


def document_setup(lang: str) -> None:
    """Set ``<html lang>`` to the view's language (Streamlit's page always says ``en``), so
    screen readers pronounce Dutch views as Dutch, and add the contrast fixes above. One
    element in the sidebar: it runs on every view, presentation mode included, and takes no
    room."""
    st.sidebar.html(document_markup(lang), unsafe_allow_javascript=True)


def document_markup(lang: str) -> str:
    """The app's own markup of ``document_setup``: a fixed text, no data or URL value in it
    (the language is one of DOCUMENT_LANGUAGES)."""
    code = lang if lang in DOCUMENT_LANGUAGES else DOCUMENT_LANGUAGES[0]
    return f"{ACCESSIBLE_CSS}<script>document.documentElement.lang = '{code}';</script>"


def static_table(frame: pd.DataFrame) -> None:
    """A small table whose cells wrap (st.table), so long texts never push columns out of
    view; a real <table> with header cells. Cells are plain text (st.table reads Markdown)."""
    st.table(frame.map(escape).rename(columns=escape), hide_index=True, border="horizontal")


def _plain_text(value) -> str:
    """Escaped text of an optional field ('' when missing: a source may have no date)."""
    return "" if fmt.is_missing(value) or not value else escape(value)


PRESENTED_SOURCES = 3


def _source_text(ids: list[str], lang: str, short: bool = False) -> str:
    frame = data.query(queries.sources, ids)
    more = len(frame) - PRESENTED_SOURCES if short else 0
    if more > 0:
        frame = frame.head(PRESENTED_SOURCES)
    parts = [
        f"[{escape(row.source_id)}]({row.url}) {_plain_text(row.publisher)}"
        f"{', ' + _plain_text(row.published) if _plain_text(row.published) else ''}"
        for row in frame.itertuples()
    ]
    if more > 0:
        parts[-1] += " " + t("source_footnote_more", lang, n=more)
    return t("source_footnote", lang, sources="; ".join(parts))


def chart(chart_spec: alt.TopLevelMixin | dict, table: pd.DataFrame, alt_text: str, lang: str,
          key: str, on_select=None, table_label_key: str = "data_table",
          table_key: str | None = None, width: str = "stretch"):
    """A chart with alt text and its data as a table in a folded expander.

    ``chart_spec`` is a Vega-Lite dict (what a ``@kept_chart`` builder returns in the app) or
    an Altair chart.
    ``table_key`` names the table (default ``key``): stable where the chart's key changes.
    ``width="content"`` keeps a concatenated chart at the widths it was built with (stretched,
    Streamlit widens its inner plots to the whole column and the labels push it past the edge).
    Returns the selection event when ``on_select`` is given.
    """
    spec = chart_spec if isinstance(chart_spec, dict) else specs.to_spec(chart_spec)
    downloads.register_chart(key, alt_text, spec, table)  # a reference: no copy, no work
    if state.presenting():
        spec = theme.projector(spec)
    event = st.vega_lite_chart(spec=spec, theme=None, width=width, key=key, alt=alt_text,
                               on_select=on_select or "ignore")
    table_key = table_key or key
    if (box := folded(t(table_label_key, lang), f"{table_key}_table_open")) is not None:
        with box:
            data_table(table, lang, key=f"{table_key}_table")
    return event if on_select else None


MAX_CHART_ROWS = 50  # bars per chart: more are unreadable on a projector and slow to draw


def first_rows(frame: pd.DataFrame, lang: str, caption_key: str = "chart_capped"
               ) -> pd.DataFrame:
    """The first ``MAX_CHART_ROWS`` rows of a frame in chart order; when rows are left out a
    caption says how many are shown (the table and its CSV keep every row)."""
    capped_caption(len(frame), lang, caption_key)
    return frame if len(frame) <= MAX_CHART_ROWS else frame.head(MAX_CHART_ROWS)


def capped_caption(n_rows: int, lang: str, caption_key: str = "chart_capped") -> None:
    """'The first N of M are shown' when a chart of ``n_rows`` rows is capped."""
    if n_rows > MAX_CHART_ROWS:
        st.caption(t(caption_key, lang, shown=fmt.number(MAX_CHART_ROWS, lang),
                     total=fmt.number(n_rows, lang)))


SHORT_TABLE_ROWS = 12  # a table this short is read in full: its cells wrap


def reading_table(frame: pd.DataFrame, lang: str, *, key: str) -> None:
    """A short table as ``static_table`` (its long texts wrap, no column out of view), a long
    one as ``data_table`` (it scrolls, sorts and stays light at national scale)."""
    if len(frame) <= SHORT_TABLE_ROWS:
        static_table(frame)
    else:
        data_table(frame, lang, key=key)


MAX_TABLE_ROWS = 500  # rows sent to the browser; a national-scale table offers the rest as CSV


def data_table(frame: pd.DataFrame, lang: str, *, key: str, **options) -> None:
    """``st.dataframe`` of at most ``MAX_TABLE_ROWS`` rows, in the given order; a longer table
    says how many rows are shown and offers all of them as CSV, written when clicked."""
    options = {"hide_index": True, "width": "stretch", **options}
    if len(frame) <= MAX_TABLE_ROWS:
        st.dataframe(frame, **options)
        return
    st.dataframe(frame.head(MAX_TABLE_ROWS), **options)
    st.caption(t("table_capped", lang, shown=fmt.number(MAX_TABLE_ROWS, lang),
                 total=fmt.number(len(frame), lang)))
    st.download_button(t("table_capped_download", lang), data=lambda: exports.table_csv(frame),
                       file_name=f"nplv_{key}.csv", mime="text/csv", key=f"{key}_csv",
                       on_click="ignore", icon=":material/download:")


def end_of_key_visual() -> None:
    """In presentation mode a page shows one key visual; the rest of the page stops here
    (after the downloads of what is shown: app.py's call after the page is not reached)."""
    if state.presenting():
        downloads.section(None, state.language())
        st.stop()
