"""Small Streamlit components every page uses: headers, tiles, charts with a table, sources.

Text from the data or the URL is always escaped before it reaches Markdown.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import altair as alt
import pandas as pd
import streamlit as st

from nplv_app import data, state, theme
from nplv_app.i18n import t
from nplv_data import queries

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape(text: str) -> str:
    """Make any text inert in st.markdown: no HTML, links or formatting survive."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def escape_html(text: str) -> str:
    """For the few places where we write our own HTML around text."""
    return html.escape(str(text), quote=True)


def page_header(title_key: str, intro_key: str | None, lang: str) -> None:
    st.title(t(title_key, lang))
    if intro_key:
        st.caption(t(intro_key, lang))


def source_caption(source_ids: Sequence[str], lang: str) -> None:
    """'Bron: S02 (title, publisher, date)' under a figure, linked to the source URL."""
    ids = [s for s in dict.fromkeys(source_ids) if isinstance(s, str) and s]
    if not ids:
        return
    frame = data.query(queries.sources, ids)
    parts = [
        f"[{escape(row.source_id)}]({row.url}) {escape(row.publisher or '')}"
        f"{', ' + escape(row.published) if row.published else ''}"
        for row in frame.itertuples()
    ]
    st.caption(t("source_footnote", lang, sources="; ".join(parts)))


def chart(chart_spec: alt.TopLevelMixin, table: pd.DataFrame, alt_text: str, lang: str,
          key: str, on_select=None, table_label_key: str = "data_table"):
    """An Altair chart with alt text and its data as a table in an expander.

    Returns the selection event when ``on_select`` is given.
    """
    if state.presenting():
        chart_spec = theme.projector(chart_spec)
    event = st.altair_chart(chart_spec, theme=None, width="stretch", key=key, alt=alt_text,
                            on_select=on_select or "ignore")
    with st.expander(t(table_label_key, lang)):
        st.dataframe(table, hide_index=True, width="stretch")
    return event if on_select else None


def status_label(status: str | None, lang: str) -> str:
    return t(f"status_{status}", lang) if status else t("not_available", lang)


def cohort_label(cohort: str, lang: str) -> str:
    return t(f"cohort_{cohort}", lang)


def end_of_key_visual() -> None:
    """In presentation mode a page shows one key visual; the rest of the page stops here."""
    if state.presenting():
        st.stop()
