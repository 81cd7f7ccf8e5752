"""Tooltips whose titles come from the translation table: one line per field instead of one
``alt.Tooltip`` call each."""

from __future__ import annotations

import altair as alt

from nplv_app.content.i18n import t


def tooltips(lang: str, *fields: tuple[str, str]) -> list[alt.Tooltip]:
    """``tooltips("nl", ("name:N", "area"))``: each (shorthand, text key) as a tooltip."""
    return [alt.Tooltip(shorthand, title=t(key, lang)) for shorthand, key in fields]
