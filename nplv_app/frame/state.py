"""Per-session state the entry point sets and pages read: language, selection, areas."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nplv_app import data
from nplv_app.content.i18n import DEFAULT_LANGUAGE
from nplv_app.content.selection import Selection, apply
from nplv_app.frame.view import View
from nplv_data import queries


def set_language(lang: str) -> None:
    st.session_state["_lang"] = lang


def language() -> str:
    return st.session_state.get("_lang", DEFAULT_LANGUAGE)


def set_selection(selection: Selection) -> None:
    st.session_state["_selection"] = selection


def selection() -> Selection:
    return st.session_state.get("_selection", Selection())


def selected_areas() -> pd.DataFrame:
    """queries.areas filtered by the sidebar selection."""
    return areas_of(selection())


def areas_of(chosen: Selection) -> pd.DataFrame:
    """queries.areas filtered by ``chosen`` (``selection.apply`` is kept: worked out once per
    selection and data version, though the sidebar and the page both ask on every rerun)."""
    return apply(chosen, data.query(queries.areas))


def presenting() -> bool:
    """Presentation mode (set by nplv_app.frame.presentation): pages show only their key visual."""
    return bool(st.session_state.get("presentatie", False))


def set_view(view: View) -> None:
    """The frame's view of this run, for the page file's last line (``main(state.view())``)."""
    st.session_state["_view"] = view


def view() -> View:
    return st.session_state["_view"]
