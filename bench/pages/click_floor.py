"""Reference page 3 of the benchmark ("click floor"): one select and one chart.

The least a click can cost in this setting: a select that redraws the chart, and a bar a click
picks (a point selection with ``on_select="rerun"``, like the dashboard's charts). The
dashboard's clicks are judged against the same clicks here (``bench/clicks.py``).
"""

import altair as alt
import pandas as pd
import streamlit as st

SERIES = {"a": [3, 5, 2, 4, 1], "b": [1, 4, 2, 5, 3]}

choice = st.selectbox("Reeks", list(SERIES), key="floor_series")
data = pd.DataFrame({"name": ["a", "b", "c", "d", "e"], "value": SERIES[choice]})
pick = alt.selection_point(name="pick", fields=["name"])
chart = alt.Chart(data).mark_bar().encode(
    x="value:Q", y="name:N", opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)),
).add_params(pick).properties(height=240)
st.altair_chart(chart, theme=None, width="stretch", on_select="rerun", key="floor_chart")
