"""Reference page 2 of the benchmark ("floor"): one trivial pydeck map and one trivial Altair chart.

The map is built like the dashboard's (a pickable ScatterplotLayer, ``map_provider=None`` so no
tiles are fetched); the chart is drawn with ``theme=None`` like ours. Nothing else: this is the
least a page with a map and a chart can cost in this setting.
"""

import altair as alt
import pandas as pd
import pydeck as pdk
import streamlit as st

POINTS = pd.DataFrame({
    "name": ["a", "b", "c", "d", "e"],
    "lon": [4.90, 4.48, 5.12, 5.47, 6.57],
    "lat": [52.37, 51.92, 52.09, 51.44, 53.22],
    "value": [3, 5, 2, 4, 1],
})

deck = pdk.Deck(
    layers=[pdk.Layer("ScatterplotLayer", id="points", data=POINTS, get_position="[lon, lat]",
                      get_radius=8000, get_fill_color=[0, 114, 178, 200], pickable=True)],
    initial_view_state=pdk.ViewState(latitude=52.2, longitude=5.3, zoom=6.3),
    map_provider=None,
)
st.pydeck_chart(deck, height=400)
chart = alt.Chart(POINTS).mark_bar().encode(x="value:Q", y="name:N")
st.altair_chart(chart, theme=None, width="stretch")
