"""Pure builders for the Budgetten page (no Streamlit): frames in, Altair charts and tables out,
one module per question:

- ``lines``: the 2021 ask against the commitments since 2022 (queries.budget_lines); nothing is
  ever summed across kinds and periods;
- ``vhf``: Housing Fund (Volkshuisvestingsfonds) rounds per municipality
  (queries.money_by_round_municipality_detail, queries.allocations);
- ``shares``: the share of the known allocations that went to NPLV municipalities
  (queries.focus_share_by_round);
- ``per_resident``: euros per focus-area resident (queries.areas);
- ``common``: the euro axis, label wrapping and source-id lists they share.

The page imports the package and calls ``budget.<builder>``; the names are listed here once.
"""

from __future__ import annotations

from nplv_app.content.charts.budget.alt_texts import (  # noqa: F401
    lines_alt,
    per_resident_alt,
    share_alt,
    vhf_alt,
)
from nplv_app.content.charts.budget.common import (  # noqa: F401
    allocation_sources,
    euro_axis_expr,
    keep_amounts_whole,
    per_resident_sources,
    plain_text,
    source_ids_of,
    split_sources,
    wrap,
)
from nplv_app.content.charts.budget.lines import (  # noqa: F401
    BAR_WIDTH,
    BY_AMOUNT,
    GROUP_ORDER,
    KIND_COLOURS,
    KIND_ORDER,
    LABEL_WIDTH,
    LINE_ORDER,
    LINE_STEP,
    MAX_STORY_ROWS,
    PROJECTED_BAR_WIDTH,
    STORY_LINES,
    SUB_RELATIONS,
    budget_chart,
    budget_frame,
    budget_table,
    kind_scale,
    line_group,
    period_label,
    relations_of,
    short_label,
    short_period,
    story_frame,
)
from nplv_app.content.charts.budget.per_resident import (  # noqa: F401
    per_resident_chart,
    per_resident_frame,
    per_resident_missing,
    per_resident_table,
)
from nplv_app.content.charts.budget.shares import (  # noqa: F401
    SHARE_COLOURS,
    SHARE_MEASURES,
    share_chart,
    share_frame,
    share_notes,
    share_table,
)
from nplv_app.content.charts.budget.vhf import (  # noqa: F401
    allocations_in_view,
    round_labels,
    vhf_chart,
    vhf_frame,
    vhf_missing,
    vhf_table,
)
