"""The sidebar shared by all pages: language and the 'Selectie' of areas.

Every widget is bound to the URL (``bind="query-params"``), so a copied link reopens the same
view. Streamlit drops URL values that are not valid options; we compare what the URL held with
what the widgets accepted and say, briefly and escaped, what was ignored.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nplv_app.content import fmt
from nplv_app.content.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from nplv_app.content.kept import kept
from nplv_app.content.selection import (
    AREA_SETS,
    Selection,
    ignored_values,
    names_by_id,
    notice_items,
)
from nplv_app.frame import state, ui, urlstate

# URL parameter names (short, Dutch) for the shared widgets.
KEY_LANG = "lang"  # codes in the URL: nl, en
KEY_SET = "set"
KEY_MUNICIPALITY = "gemeente"
KEY_PROVINCE = "provincie"
KEY_RESIDENTS = "inwoners"
KEY_CUSTOM = "gebieden"
SHARED_KEYS = (KEY_LANG, KEY_SET, KEY_MUNICIPALITY, KEY_PROVINCE, KEY_RESIDENTS, KEY_CUSTOM)
RESIDENTS_STEP = 1000


def raw_url_values(keys) -> dict[str, list[str]]:
    """What the URL holds for these keys, before widgets validate it."""
    return {k: st.query_params.get_all(k) for k in keys if k in st.query_params}


def language() -> str:
    """The language toggle, first in the sidebar because every other label depends on it."""
    return urlstate.choice(
        st.sidebar.segmented_control, "Taal / Language", LANGUAGES, KEY_LANG, DEFAULT_LANGUAGE,
        format_func=lambda code: t(f"lang_{code}", code), label_visibility="collapsed",
    )


def residents_bounds(areas: pd.DataFrame) -> tuple[int, int]:
    """Slider bounds that contain every area, on whole thousands."""
    top = int(areas["residents"].max()) if len(areas) else RESIDENTS_STEP
    return 0, -(-top // RESIDENTS_STEP) * RESIDENTS_STEP


@kept
def options(areas: pd.DataFrame) -> dict:
    """The widgets' choices: area names by id (sorted by name), municipalities, provinces and
    the residents slider's bounds."""
    names = names_by_id(areas)
    return {"names": names, "area_ids": sorted(names, key=names.get),
            "municipalities": sorted(areas["municipality"].unique()),
            "provinces": sorted(areas["province"].unique()), "bounds": residents_bounds(areas)}


def selection(areas: pd.DataFrame, lang: str, raw: dict[str, list[str]]) -> Selection:
    """Draw the selection widgets and return what they say. ``areas`` is queries.areas of the
    current data version (its options are kept per version)."""
    choices = options(areas)
    names = choices["names"]
    bar = st.sidebar
    bar.header(t("selection", lang))
    area_set = urlstate.choice(
        bar.selectbox, t("area_set", lang), AREA_SETS, KEY_SET, "all20",
        format_func=lambda s: t(f"set_{s}", lang),
    )
    custom = ()
    if area_set == "custom":
        custom = bar.multiselect(
            t("custom_areas", lang), choices["area_ids"], key=KEY_CUSTOM,
            bind="query-params", format_func=names.get, placeholder=t("filter_all", lang),
        )
    municipalities = bar.multiselect(
        t("municipality", lang), choices["municipalities"], key=KEY_MUNICIPALITY,
        bind="query-params", placeholder=t("filter_all", lang),
    )
    provinces = bar.multiselect(
        t("province", lang), choices["provinces"], key=KEY_PROVINCE,
        bind="query-params", placeholder=t("filter_all", lang),
    )
    low, high = choices["bounds"]
    chosen_low, chosen_high = bar.slider(
        t("residents_range", lang), low, high, (low, high), step=RESIDENTS_STEP,
        key=KEY_RESIDENTS, bind="query-params",
        format="%d",
    )
    # the slider's own numbers have no thousands separator; the range as the language writes it
    bar.caption(t("residents_range_echo", lang, low=fmt.number(chosen_low, lang),
                  high=fmt.number(chosen_high, lang)))
    result = Selection(
        area_set=area_set or "all20",
        municipalities=tuple(municipalities),
        provinces=tuple(provinces),
        residents_min=None if chosen_low == low else chosen_low,
        residents_max=None if chosen_high == high else chosen_high,
        custom_area_ids=tuple(custom),
    )
    accepted = {
        KEY_CUSTOM: [names[a] for a in custom], KEY_MUNICIPALITY: municipalities,
        KEY_PROVINCE: provinces, KEY_RESIDENTS: [str(chosen_low), str(chosen_high)],
    }
    ignored = urlstate.take_ignored() + ignored_values(
        {k: v for k, v in raw.items() if k in accepted}, accepted)
    if ignored:
        bar.warning(ui.escape(t("url_ignored", lang, items=notice_items(ignored, lang))))
    chosen = state.areas_of(result)
    summary = t("selection_summary", lang, n_areas=len(chosen),
                n_municipalities=chosen["municipality"].nunique(),
                residents=fmt.number(chosen["residents"].sum(), lang))
    bar.caption(summary)
    return result
