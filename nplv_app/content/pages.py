"""The dashboard's pages, in menu order: the one list that the app, the workshop parser, the
benchmark, the load test and the tests read.

Each page ``name`` is the file ``views/<name>.py`` and the URL ``/<name>``; the first page is
also served at ``/``.
"""

from __future__ import annotations

# The browser tab's icon. An emoji: Streamlit draws it as an inline SVG. Without one it shows the
# page's Material icon, which its frontend fetches from fonts.gstatic.com (a request leaving the
# machine; the menu's icons come from the font bundled with Streamlit).
FAVICON = "📊"

# (name, icon)
PAGE_ICONS: tuple[tuple[str, str], ...] = (
    ("overzicht", ":material/map:"),
    ("gebieden", ":material/bar_chart:"),
    ("budgetten", ":material/euro:"),
    ("scenario", ":material/calculate:"),
    ("tijdlijn", ":material/history:"),
)
PAGES: tuple[str, ...] = tuple(name for name, _icon in PAGE_ICONS)
FIRST = PAGES[0]


def page_file(name: str) -> str:
    """The page's script, relative to the repository (as ``st.Page`` and AppTest take it)."""
    return f"views/{name}.py"


def url_path(name: str) -> str:
    """The page's URL pathname as Streamlit serves it: the first page at the root."""
    return "" if name == FIRST else name
