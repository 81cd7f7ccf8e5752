"""Make every page run through ``app.py``, even on a fresh server's first deep link.

Streamlit treats a ``pages/`` folder beside the entry point as the old (v1) multipage layout
until some session has called ``st.navigation``; until then a link such as ``/gebieden`` runs
the page file alone, without the frame. Each page calls ``require_frame()`` first: in that case
it switches the server to ``st.navigation`` mode and reruns, so ``app.py`` draws the frame and
runs the page.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_frame() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
