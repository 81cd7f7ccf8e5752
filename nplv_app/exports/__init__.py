"""Server-side exports for workshops: CSV, an Excel workbook, chart images and a slide deck.

Pure functions, data in and bytes out: no Streamlit, no database, no network, so tests and a
background thread can call them. Charts are rendered by vl-convert (an embedded JavaScript
engine) with the same ``nplv`` theme as on screen; external data URLs are refused, so nothing is
ever fetched while rendering (vl-convert 1.9 uses installed fonts only; checked to work in a
network namespace without any network).

Provenance travels with every export: the workbook has a ``Bronnen`` sheet (source, link and the
status of the figures used) and an ``Over`` sheet (selection, data version, build and export
time), and every slide of the deck carries a source footnote.

One module per kind of file: ``csv``, ``workbook``, ``images`` (PNG, SVG), ``map_image``,
``deck`` (PPTX), and ``common`` for what they share; the names the app uses are listed here.
"""

from __future__ import annotations

from nplv_app.exports.common import (  # noqa: F401
    DATE_FORMAT,
    DATETIME_FORMAT,
    EURO_CENTS_FORMAT,
    EURO_FORMAT,
    EXPORT_HEIGHT,
    EXPORT_WIDTH,
    MIN_PNG_WIDTH,
    export_filename,
    now,
    tr,
)
from nplv_app.exports.csv import (  # noqa: F401
    table_csv,
)
from nplv_app.exports.deck import (  # noqa: F401
    CHART_FRAME_PT,
    FOOTER_CHARS_PER_LINE,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    evidence_pack_pptx,
    pack_footnote,
    source_line,
    table_parts,
)
from nplv_app.exports.images import (  # noqa: F401
    chart_png,
    chart_svg,
    export_spec,
    png_size,
    records_datasets,
)
from nplv_app.exports.map_image import (  # noqa: F401
    MAP_FILL_OPACITY,
    MAP_HEIGHT,
    MAP_MAX_CIRCLE_PX2,
    MAP_WIDTH,
    area_map_chart,
)
from nplv_app.exports.numbers import (  # noqa: F401
    numeric_table,
)
from nplv_app.exports.slide_charts import (  # noqa: F401
    MAX_SLIDES,
    MIN_TEXT_PT,
    slide_images,
)
from nplv_app.exports.workbook import (  # noqa: F401
    about_info,
    workbook_xlsx,
)
