"""Presentation mode for workshops: no sidebar or toolbar, large type, one visual per screen.

Turned on with the sidebar toggle or ``?presentatie=1``. With a workshop script (``workshop.py``)
the facilitator steps through named views with Vorige/Volgende; each step is a URL too
(``?presentatie=1&stap=3``), so a step can be shared or reopened.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from nplv_app.content import workshop
from nplv_app.content.i18n import t
from nplv_app.frame import sidebar, ui, urlstate

KEY_PRESENTING = "presentatie"
KEY_STEP = "stap"
_STEP_STATE = "_present_step"
_GO_TO = "_present_go_to"
_SEEN = "_present_seen"  # this session has shown a step: its link's parameters were applied
PAGE_FILES = {page: f"views/{page}.py" for page in workshop.PAGES}

# Our own stylesheet (no data in it): hide the chrome, scale the rem-based type for a projector.
PRESENTATION_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stHeader"], [data-testid="stDecoration"] {
  display: none !important;
}
html { font-size: 22px; }
[data-testid="stMainBlockContainer"] { padding-top: 1.2rem; max-width: 100%; }
[data-testid="stMetricValue"] { font-size: 3rem; }
[data-testid="stMetricLabel"] p { font-size: 1.1rem; }
.nplv-step { font-size: 0.8rem; color: #595959; }
.nplv-headline { font-size: 2.1rem; font-weight: 700; line-height: 1.2; margin: 0.2rem 0 0.8rem; }
/* One key visual per step: the step's headline replaces the page's title, headline, section
   headings and method captions; tables, toggles and folded details stay in the normal view.
   The source line of what is shown stays (the captions that link a source). */
.st-key-nplv_headline,
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(h1, h2),
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(
  [data-testid="stCaptionContainer"]):not(:has(a)):not(:has([data-testid="stMetric"])),
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(
  [data-testid="stDataFrame"]),
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(
  [data-testid="stCheckbox"]),
[data-testid="stMainBlockContainer"] [data-testid="stExpander"] {
  display: none !important;
}
</style>
"""


def is_on() -> bool:
    return bool(st.session_state.get(KEY_PRESENTING, False))


def read_switch(lang: str) -> bool:
    """The mode from the URL (``presentatie=1``) on first load, then from the sidebar toggle."""
    from_url = st.query_params.get(KEY_PRESENTING) in ("1", "ja")
    on = st.sidebar.toggle(t("present_mode", lang), value=from_url, key=KEY_PRESENTING)
    urlstate.sync(KEY_PRESENTING, "1" if on else "0", "0")
    return on


def _go(index: int) -> None:
    """Button callback: remember where to go; the run that follows opens that step."""
    st.session_state[_GO_TO] = index


def _exit() -> None:
    st.session_state.pop(KEY_PRESENTING, None)
    for key in (KEY_PRESENTING, KEY_STEP):
        if key in st.query_params:
            del st.query_params[key]


def script() -> workshop.Script | None:
    """The default workshop script, or None with an error shown when it has mistakes."""
    try:
        return workshop.load(Path(workshop.DEFAULT_SCRIPT), allowed_params=allowed_params())
    except workshop.WorkshopScriptError as exc:
        st.error(t("present_script_error", st.session_state.get("_lang", "nl")))
        st.code(str(exc), language=None)
        return None


def allowed_params() -> frozenset[str]:
    from nplv_app.frame import page_keys

    return frozenset(sidebar.SHARED_KEYS) | page_keys.ALL


def step_target(step: workshop.Step, index: int, lang: str) -> tuple[str, dict[str, str]]:
    """Where step ``index`` goes: the page file and the URL parameters of its view."""
    params = {**step.params, KEY_PRESENTING: "1", KEY_STEP: str(index + 1)}
    if lang != "nl":
        params[sidebar.KEY_LANG] = lang
    return PAGE_FILES[step.page], params


def apply_step(steps: tuple[workshop.Step, ...], index: int, lang: str) -> None:
    """Open step ``index``: forget the view's inputs, then switch page with its parameters.

    Widgets whose state is forgotten start again from the URL, so the step's parameters take
    effect exactly as they would from a shared link.
    """
    from nplv_app.frame import page_keys

    page, params = step_target(steps[index], index, lang)
    for key in (*sidebar.SHARED_KEYS, *page_keys.ALL):
        if key != sidebar.KEY_LANG and key in st.session_state:
            del st.session_state[key]
    st.session_state[_STEP_STATE] = index
    st.switch_page(page, query_params=params)


def _has_params(step: workshop.Step) -> bool:
    """Whether the URL already carries the step's view ('/?presentatie=1&stap=3' does not)."""
    return all(st.query_params.get(key) == value for key, value in step.params.items())


def current_index(n_steps: int) -> int:
    """The step being shown: the one just opened, else the URL's ``stap``, else the first."""
    index = st.session_state.pop(_STEP_STATE, None)
    if index is None:
        try:
            index = int(st.query_params.get(KEY_STEP, "1")) - 1
        except ValueError:
            index = 0
    return min(max(index, 0), n_steps - 1)


def header(lang: str, page_name: str) -> None:
    """Stylesheet, step headline and the step controls at the top of every presented page.

    On a step (``stap`` in the URL, or just opened) the page must be the step's page: a link
    opened elsewhere (``/?presentatie=1&stap=1``) is taken to it, so a step's link always shows
    that step. Without a step, presentation mode shows the current page and offers to start
    the script.
    """
    st.html(PRESENTATION_CSS)
    current = script()
    if current is None or not current.steps:
        return
    steps = current.steps
    go_to = st.session_state.pop(_GO_TO, None)
    if go_to is not None and 0 <= go_to < len(steps):
        apply_step(steps, go_to, lang)
    on_step = _STEP_STATE in st.session_state or KEY_STEP in st.query_params
    if not on_step:
        left, right = st.columns([8, 2], vertical_alignment="center")
        title = current.title_for(lang)
        left.button(t("present_start", lang, title=title), key="present_start",
                    type="primary", on_click=_go, args=(0,))
        right.button(t("present_exit", lang), key="present_exit", on_click=_exit)
        return
    opened_from_link = _STEP_STATE not in st.session_state and _SEEN not in st.session_state
    st.session_state[_SEEN] = True
    index = current_index(len(steps))
    step = steps[index]
    if step.page != page_name or (opened_from_link and not _has_params(step)):
        apply_step(steps, index, lang)
    urlstate.sync(KEY_STEP, str(index + 1), "")
    left, middle, right = st.columns([1, 6, 2], vertical_alignment="center")
    with left:
        st.button(t("present_previous", lang), disabled=index == 0, key="present_prev",
                  on_click=_go, args=(index - 1,))
    with middle:
        st.markdown(f'<div class="nplv-headline">{ui.escape_html(step.headline(lang))}</div>',
                    unsafe_allow_html=True)
        step_line = t("present_step", lang, n=index + 1, total=len(steps),
                      title=current.title_for(lang))
        st.markdown(f'<div class="nplv-step">{ui.escape_html(step_line)}</div>',
                    unsafe_allow_html=True)
    with right:
        st.button(t("present_next", lang), disabled=index == len(steps) - 1,
                  key="present_next", type="primary", on_click=_go, args=(index + 1,))
        st.button(t("present_exit", lang), key="present_exit", on_click=_exit)
