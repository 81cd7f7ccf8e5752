"""Pure builders for the Tijdlijn en bronnen page (no Streamlit).

- Timeline: events (queries.timeline) get a kind ("lane") derived from their text and ids, a
  stacking slot so that close events do not overlap, and Dutch/English labels; the funding
  horizon comes from the NPLV line in the 2026 draft VRO budget (queries.budget_lines), not from
  an invented event.
- Sources: the sources list joined with per-source usage (queries.sources, queries.source_usage)
  and its filters; the status overview per table (queries.source_status_counts).
- Facts for the methodology text and CSV file names.

- Changes: what verified sources changed in the fact set, and the sources that name an area as
  one of the 16 of 2021 (queries.data_changes, queries.original16_evidence).

Modules: ``events`` (events, lanes, funding horizon); ``sources`` (sources, statuses, method
facts); ``changes`` (changed figures, original-16 evidence).
"""

from __future__ import annotations

from nplv_app.content.charts.timeline.changes import (  # noqa: F401
    candidate_facts_table,
    changes_table,
    evidence_table,
)
from nplv_app.content.charts.timeline.events import (  # noqa: F401
    _RULES,
    CATEGORIES,
    DOMAIN,
    EVENT_COLOUR,
    HORIZON_LINE_PREFIX,
    KEY_EVENTS,
    KEY_PLACES,
    LANE_HEIGHT,
    OTHER,
    STACK_GAP_DAYS,
    STACK_SLOTS,
    categorize,
    category_label,
    chart_alt_text,
    chart_table,
    event_frame,
    funding_horizon,
    horizon_frame,
    horizon_series,
    horizon_source,
    key_places,
    label_overlaps,
    lanes,
    names_any,
    split_ids,
    stack_slots,
    timeline_chart,
)
from nplv_app.content.charts.timeline.sources import (  # noqa: F401
    SOURCE_STATUS_FILTERS,
    TABLE_CODES,
    csv_file_name,
    filter_sources,
    method_facts,
    section_labels,
    sections,
    sources_table,
    status_alt,
    status_chart,
    status_frame,
    status_table,
    table_names,
    url_ignored,
)
