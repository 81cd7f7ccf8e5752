"""Pure builders for the scenario page: area frames, criteria, display tables, Altair charts.

No Streamlit here: the page passes query results in and renders what comes back. The maths of
the distribution itself lives in ``nplv_data.scenario``; this module only prepares its input
(areas with the low-financial-welfare figure, the criteria filter, the ``ScenarioInput``) and
turns its output into translated tables, notes and charts.

Modules: ``inputs`` (areas, criteria, input, defaults); ``result`` (result tables, notes and chart);
``dilution`` (16 versus 20 per resident).
"""

from __future__ import annotations

from nplv_app.content.charts.scenario.dilution import (  # noqa: F401
    BAR_STEP_PX,
    PROJECTED_BAR_STEP_PX,
    change_eur_text,
    change_pct_text,
    dilution_alt,
    dilution_chart,
    dilution_sentence,
    dilution_table,
    dilution_view,
)
from nplv_app.content.charts.scenario.inputs import (  # noqa: F401
    ASK_LINE,
    ASK_TOTAL_LINE,
    BAR_HEIGHT,
    BASIS,
    BLEND_NONE,
    BLEND_OPTIONS,
    LABEL_ROOM,
    SET_A,
    SET_B,
    WELFARE_INDICATOR,
    WELFARE_PERIOD,
    allocation,
    ask_default,
    blend_caption,
    blend_label,
    by_criteria,
    count_reason,
    coverage_text,
    effective_blend,
    key_label,
    left_out_table,
    make_input,
    receivers_basis,
    residents_basis,
    restrict,
    scenario_areas,
    welfare_coverage,
    welfare_source_ids,
    welfare_table,
)
from nplv_app.content.charts.scenario.result import (  # noqa: F401
    _euro_axis_expr,
    allocation_alt,
    allocation_chart,
    allocation_frame,
    blend_note,
    excluded_table,
    minimum_hint,
    notes,
    result_table,
    years_text,
)
