"""The pydeck stand-in (``maps.PrebuiltDeck``) against what Streamlit reads from a deck: only the
attributes its docstring lists, and the same map element as the deck itself gives."""

from __future__ import annotations

import sys

from streamlit.testing.v1 import AppTest

from nplv_app.content import maps


def _show_both():
    import pandas as pd
    import streamlit as st

    from nplv_app.content import maps

    areas = pd.DataFrame({
        "area_id": ["a"], "name": ["Zuid"], "municipality": ["Rotterdam"], "province": ["ZH"],
        "cohort": ["original16"], "residents": [215000.0], "residents_status": ["confirmed"],
        "centroid_lon": [4.5], "centroid_lat": [51.9], "gemeente_code": ["GM0599"],
        "vhf_municipality_eur": [None], "areas_in_municipality": [1],
    })
    deck = maps.area_deck.__wrapped__(areas, "nl")
    seen: list[str] = []

    class Recording:
        """Passes every attribute through to the stand-in and writes down its name."""

        def __init__(self, inner):
            object.__setattr__(self, "_inner", inner)

        def __getattr__(self, name):
            seen.append(name)
            return getattr(self._inner, name)

    st.pydeck_chart(deck, key="own")
    st.pydeck_chart(Recording(maps.PrebuiltDeck.of(deck)), key="prebuilt")
    st.session_state["seen"] = seen


def test_streamlit_reads_only_the_listed_attributes_and_shows_the_same_map(monkeypatch):
    # Streamlit installs the script as ``__main__``; a chart worker started later in this
    # process would re-run it, so the test's own ``__main__`` comes back afterwards.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    app = AppTest.from_function(_show_both, default_timeout=30).run()
    assert not app.exception
    seen = set(app.session_state["seen"])
    assert seen and seen <= maps.PrebuiltDeck.READ_BY_STREAMLIT, seen
    own, prebuilt = (element.proto for element in app.get("deck_gl_json_chart"))
    assert prebuilt.json == own.json and prebuilt.tooltip == own.tooltip
