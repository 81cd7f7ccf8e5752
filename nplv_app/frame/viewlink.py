"""'Link naar deze weergave': the exact address of the current view, ready to copy.

Every input is bound to the URL (sidebar selection, language, the page's own inputs,
presentation step), so the link is the page's address with those parameters. Parameters the
app does not know (left in a hand-edited link) are left out: the copied link reproduces the view
and nothing else. Drawn at the end of a run, after every widget has written its value.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from nplv_app.content.i18n import t
from nplv_app.frame import page_keys, presentation, sidebar, ui

KNOWN_KEYS = (*sidebar.SHARED_KEYS, *sorted(page_keys.ALL), presentation.KEY_PRESENTING,
              presentation.KEY_STEP)


def view_url(base: str, params: Mapping[str, Iterable[str]]) -> str:
    """``base`` (scheme, host and page path) with the known parameters in a fixed order; the
    default page's path is written ``/``, as the address bar shows it."""
    pairs = [(key, value) for key in KNOWN_KEYS for value in params.get(key, ())]
    scheme, netloc, path, _query, _fragment = urlsplit(base)
    return urlunsplit((scheme, netloc, path or ("/" if netloc else ""), urlencode(pairs), ""))


def current_url(page_path: str) -> str:
    """The view's URL: the browser's address (``st.context.url``, without its query) and the
    URL parameters as the widgets left them; a relative path where the address is unknown."""
    base = st.context.url or ("/" + page_path)
    params = {key: st.query_params.get_all(key) for key in KNOWN_KEYS if key in st.query_params}
    return view_url(base, params)


KEY_OPEN = "_view_link_open"


def show(page_path: str, lang: str) -> None:
    """The link in the sidebar, folded: opened, a code box with its copy button (the code box
    is the costliest element of a page load, so it is drawn only when asked for)."""
    with st.sidebar:
        box = ui.folded(t("view_link", lang), KEY_OPEN, icon=":material/link:")
        if box is not None:
            with box:
                st.code(current_url(page_path), language=None, wrap_lines=True)
                st.caption(t("view_link_help", lang))
