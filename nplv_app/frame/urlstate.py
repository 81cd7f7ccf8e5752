"""Choices with translated labels, kept in the URL as stable codes.

Streamlit's ``bind="query-params"`` writes a selectbox's *formatted* label into the URL, which
would make links depend on the language and on label wording. For such widgets we keep the
code in the URL ourselves: read it once per session, validate it against the options, write it
back when it differs from the default. Widgets whose options read the same in every language
(area and municipality names, numbers) use ``bind`` directly.

The URL's value is the widget's *initial* value (``index``, ``default`` or ``value``), never
written into Session State first: a session that is new on this server while its browser is
not (a reconnect after a replica was lost) sends the browser's widget values with its first
run, and a value put into Session State before the widget would override them, losing that
click. A keyed widget's identity is its key, so the initial value may differ between runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from nplv_app.content.selection import shorten

_IGNORED = "_url_ignored"


def ignored() -> list[str]:
    """URL values ignored during this session's first read, for the notice."""
    return st.session_state.setdefault(_IGNORED, [])


def take_ignored() -> list[str]:
    """The ignored values, once: the notice shows on the run that read the link."""
    return st.session_state.pop(_IGNORED, [])


def choice(widget: Callable, label: str, options: Sequence[str], key: str, default: str,
           format_func: Callable[[str], str], **kwargs) -> str:
    """A single-choice widget (selectbox, radio, segmented_control) whose code lives in the URL."""
    if key not in st.session_state:
        from_url = st.query_params.get(key)
        if from_url is not None and from_url not in options:
            ignored().append(f"{key}={shorten(from_url)}")
            from_url = None
        initial = from_url if from_url is not None else default
        if getattr(widget, "__name__", "") == "segmented_control":
            kwargs["default"] = initial
        else:
            kwargs["index"] = list(options).index(initial)
    value = widget(label, list(options), key=key, format_func=format_func, **kwargs)
    if value is None:  # a segmented control can be clicked off; keep the previous choice
        value = default
    sync(key, value, default)
    return value


def number(widget: Callable, label: str, key: str, default, low, high, **kwargs):
    """A numeric input (number_input or slider) whose value lives in the URL, clamped to range."""
    if key not in st.session_state:
        from_url = st.query_params.get(key)
        value = default
        if from_url is not None:
            try:
                parsed = type(default)(float(from_url)) if len(from_url) < 30 else None
            except (TypeError, ValueError, OverflowError):
                parsed = None
            if parsed is None or not (low <= parsed <= high):
                ignored().append(f"{key}={shorten(from_url)}")
            else:
                value = parsed
        kwargs["value"] = value
    value = widget(label, min_value=low, max_value=high, key=key, **kwargs)
    sync(key, value, default)
    return value


def sync(key: str, value, default) -> None:
    """Write the value to the URL, or drop it there when it is the default."""
    text = None if value == default else str(value)
    if text is None:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get(key) != text:
        st.query_params[key] = text
