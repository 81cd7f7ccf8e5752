"""The smallest shared pieces of drawing: text made inert for Markdown, and folded expanders.

Kept apart from ``ui`` so that both ``ui`` and ``downloads`` (which ``ui`` registers figures
with) can use them without importing each other.
"""

from __future__ import annotations

import html
import re

import streamlit as st

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape(text: str) -> str:
    """Make any text inert in st.markdown: no HTML, links or formatting survive."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def escape_html(text: str) -> str:
    """For the few places where we write our own HTML around text."""
    return html.escape(str(text), quote=True)


def folded(label: str, key: str, **options):
    """A collapsed expander whose content is built only while it is open (else ``None``).

    Why: a folded table or code box still costs its full server run, bytes and browser
    rendering (the data grid and the code highlighter are the slowest parts of a page load),
    for something most views never open. Opening it reruns the page with the content drawn.
    Use: ``if (box := folded(...)) is not None: with box: ...``.
    """
    box = st.expander(label, key=key, on_change="rerun", **options)
    return box if box.open else None
