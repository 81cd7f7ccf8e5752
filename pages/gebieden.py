"""Placeholder for the gebieden page."""

import streamlit as st

from nplv_app import entry, state
from nplv_app.i18n import t

entry.require_frame()
lang = state.language()
st.title(t("page_gebieden", lang))
st.write(len(state.selected_areas()))
