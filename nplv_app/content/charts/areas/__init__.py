"""Pure builders for the Gebieden page: residents and indicator charts, and display tables.

No Streamlit here: the page passes query results in and renders what comes back. Every figure
in the output comes from the frames passed in; a missing figure stays missing and is written
as 'niet beschikbaar' with a reason (words from the text module), never as 0.

Besides charts, the package holds the small helpers the page needs to keep the residents chart
and the residents table in step (``selected_ids``, ``rows_for_ids``, ``ids_for_rows``).

One module per question: ``residents``, ``indicators`` (and the programme-wide table),
``area_detail`` (the tables about one area), ``local_monitor`` (its local-monitor block), and
``common`` for the formats and labels they share; the names the page uses are listed here.
"""

from __future__ import annotations

from nplv_app.content.charts.areas.area_detail import (  # noqa: F401
    area_indicator_table,
    comparable,
    comparison_table,
    events_table,
    facts_table,
    money_table,
    money_total,
    population_table,
    sources_table,
    subarea_label,
    wijken_table,
)
from nplv_app.content.charts.areas.common import (  # noqa: F401
    ALWAYS_COMPARABLE,
    AUTOSIZE,
    BAR_HEIGHT,
    CODE_SEP,
    DIM_OPACITY,
    LABEL_ROOM,
    N_AREAS,
    PICK_PARAM,
    PREFERRED_INDICATORS,
    PROGRAMME_SCOPES,
    RANK_INDICATORS,
    REASON_KEYS,
    REF_LABEL_STEP,
    SKIPPED_UNITS,
    axis_expr,
    date_text,
    format_value,
    indicator_label,
    measure_label,
    scope_label,
    unit_name,
)
from nplv_app.content.charts.areas.indicators import (  # noqa: F401
    indicator_alt,
    indicator_chart,
    indicator_code,
    indicator_frame,
    indicator_option_label,
    indicator_option_labels,
    indicator_options,
    indicator_table,
    missing_reasons,
    missing_summary,
    programme_table,
    reference_frame,
    split_code,
    widest_option,
)
from nplv_app.content.charts.areas.local_monitor import (  # noqa: F401
    local_monitor_quotes,
    local_monitor_rows,
    local_monitor_sources,
    local_monitor_table,
    local_value,
)
from nplv_app.content.charts.areas.residents import (  # noqa: F401
    ids_for_rows,
    municipality_names,
    residents_alt,
    residents_caption,
    residents_chart,
    residents_frame,
    residents_table,
    residents_view,
    rows_for_ids,
    selected_ids,
)
