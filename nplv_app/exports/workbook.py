"""The Excel workbook of a view: one sheet per table, a Bronnen sheet with every source and the
status of its figures, an Over sheet with selection, data version and times."""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from decimal import Decimal
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from nplv_app.content import fmt
from nplv_app.exports.common import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    EURO_CENTS_FORMAT,
    EURO_FORMAT,
    now,
    tr,
)
from nplv_app.exports.numbers import numeric_table

# --- Excel workbook -----------------------------------------------------------------------------

_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_EURO_COLUMN = re.compile(r"(^|_)eur(_|$)", re.IGNORECASE)
_SOURCE_ORDER = (
    ("source_id",), ("title",), ("publisher",), ("published", "date"), ("url",),
    ("statuses", "status"),
)
_MAX_CELL_TEXT = 32767          # Excel's limit per cell


def _sheet_name(name: str, taken: set[str]) -> str:
    """A legal, unique sheet name: no []:*?/\\, no edge apostrophes, at most 31 characters."""
    base = _SHEET_FORBIDDEN.sub("_", str(name)).strip().strip("'").strip() or "Data"
    if len(base) > 31:  # cut at a word, never inside one
        base = base[:32].rsplit(" ", 1)[0].rstrip(" –-,") if " " in base[:32] else base[:31]
    candidate, number = base, 2
    while candidate.casefold() in taken or candidate.casefold() == "history":
        suffix = f" ({number})"
        candidate = base[:31 - len(suffix)].rstrip() + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


def _cell_value(value):
    """A value openpyxl stores natively: numbers as numbers, missing as None (an empty cell)."""
    if isinstance(value, (list, tuple, dict, set, np.ndarray)):
        return str(value)
    if fmt.is_missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None  # Excel has no infinity
    if isinstance(value, Decimal):
        return value
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:  # Excel has no time zones: store the UTC clock time
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value
    if isinstance(value, (dt.date, dt.time)):
        return value
    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return text[:_MAX_CELL_TEXT]


def _column_format(name: str, values: pd.Series, number_formats: Mapping[str, str]) -> str | None:
    if name in number_formats:
        return number_formats[name]
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_numeric_dtype(values) and _EURO_COLUMN.search(str(name)):
        known = pd.to_numeric(values, errors="coerce").dropna()
        known = known[np.isfinite(known)]
        whole = bool((known.round() == known).all()) if len(known) else True
        return EURO_FORMAT if whole else EURO_CENTS_FORMAT
    if pd.api.types.is_datetime64_any_dtype(values):
        known = values.dropna()
        midnight = bool((known == known.dt.normalize()).all()) if len(known) else True
        return DATE_FORMAT if midnight else DATETIME_FORMAT
    return None


def _display_width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, (dt.date, dt.datetime)):
        return 16 if isinstance(value, dt.datetime) else 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _write_table(sheet, frame: pd.DataFrame, number_formats: Mapping[str, str],
                 link_column: str | None = None) -> None:
    """Header (bold, frozen, filter) and rows; numbers stay numbers; columns sized to fit."""
    header_font = Font(bold=True)
    widths = []
    for col_idx, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=col_idx, value=_cell_value(str(name)))
        cell.data_type = "s"
        cell.font = header_font
        widths.append(len(str(name)))
    sheet.freeze_panes = "A2"
    for col_idx, name in enumerate(frame.columns, start=1):
        series = frame.iloc[:, col_idx - 1]
        number_format = _column_format(str(name), series, number_formats)
        width = widths[col_idx - 1]
        for row_idx, raw in enumerate(series.tolist(), start=2):
            value = _cell_value(raw)
            if value is None:
                continue  # missing stays an EMPTY cell, never 0
            cell = sheet.cell(row=row_idx, column=col_idx, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text that starts with "=" is text, not a formula
                if name == link_column and urlsplit(value).scheme in ("http", "https"):
                    cell.hyperlink = value
                    cell.style = "Hyperlink"
            if number_format and not isinstance(value, str):
                cell.number_format = number_format
            if row_idx <= 501:  # size columns from the first 500 rows: fast on big tables
                width = max(width, _display_width(value))
        sheet.column_dimensions[get_column_letter(col_idx)].width = min(max(width + 2, 8), 60)
    if len(frame.columns):
        last = get_column_letter(len(frame.columns))
        sheet.auto_filter.ref = f"A1:{last}{max(len(frame) + 1, 1)}"


def _sources_sheet(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The Bronnen sheet: source, title, publisher, date, link and the status of the figures
    used, headed in ``lang``. Only these columns: the others ('section', 'used_for') are notes
    in one language. The one place to plug in source texts translated to ``lang``."""
    headers = {"source_id": "ex_col_source_id", "title": "ex_col_title",
               "publisher": "ex_col_publisher", "published": "ex_col_published",
               "date": "ex_col_published", "url": "ex_col_url", "statuses": "ex_col_statuses",
               "status": "ex_col_statuses"}
    ordered = []
    for names in _SOURCE_ORDER:
        ordered += [n for n in names if n in sources.columns][:1]
    return sources[ordered].rename(columns={n: tr(headers[n], lang) for n in ordered})


def about_info(selection_label: str, build_info: Mapping[str, str],
               lang: str = "nl") -> dict[str, str]:
    """The ``about`` rows of ``workbook_xlsx`` from ``queries.build_info(db)``, translated."""
    return {
        tr("ex_about_selection", lang): selection_label,
        tr("ex_about_built_at", lang): str(build_info.get("built_at", "")),
        tr("ex_about_data_version", lang): str(build_info.get("data_version", "")),
        tr("ex_about_app_version", lang): str(build_info.get("app_version", "")),
    }


def workbook_xlsx(sheets: Mapping[str, pd.DataFrame], sources: pd.DataFrame,
                  about: Mapping[str, str], *, lang: str = "nl",
                  number_formats: Mapping[str, str] | None = None,
                  exported_at: dt.datetime | None = None) -> bytes:
    """An .xlsx with the data sheet(s), a ``Bronnen`` sheet and an ``Over`` sheet.

    ``sheets`` maps a sheet name (sanitised: at most 31 characters, no ``[]:*?/\\``, unique) to
    its table. ``sources`` has the columns source_id, title, publisher, published (or date), url
    and statuses (or status); URLs become hyperlinks. ``about`` holds key/value rows (see
    ``about_info``); the export time and a provenance line are added unless already present.

    Numbers are stored as numbers: amounts, counts and percentages a page formatted as text are
    turned back into the same numbers (``numbers.numeric_table``); columns named ``*_eur*`` get
    ``"€" #,##0`` (or with cents when any amount has cents), which Excel shows with Dutch
    separators in a Dutch Excel; ``number_formats`` (column -> Excel format) overrides. Missing
    values stay empty cells.
    """
    number_formats = dict(number_formats or {})
    moment = exported_at or now()
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    sources_name = _sheet_name(tr("ex_sheet_sources", lang), taken)
    about_name = _sheet_name(tr("ex_sheet_about", lang), taken)

    for name, frame in sheets.items():
        table, formats = numeric_table(frame, lang)
        _write_table(book.create_sheet(_sheet_name(name, taken)), table,
                     formats | number_formats)

    _write_table(book.create_sheet(sources_name), _sources_sheet(sources, lang), {},
                 link_column=tr("ex_col_url", lang))

    rows = dict(about)
    exported_key = tr("ex_about_exported_at", lang)
    rows.setdefault(exported_key, moment.isoformat(sep=" ", timespec="minutes"))
    rows.setdefault(tr("ex_about_provenance_key", lang), tr("ex_about_provenance", lang))
    about_frame = pd.DataFrame({tr("ex_about_item", lang): list(rows),
                                tr("ex_about_value", lang): [str(v) for v in rows.values()]})
    about_sheet = book.create_sheet(about_name)
    _write_table(about_sheet, about_frame, {})
    about_sheet.auto_filter.ref = None
    about_sheet.column_dimensions["B"].width = 100
    for row in about_sheet.iter_rows(min_row=2, min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")

    book.active = 0
    book.properties.creator = tr("ex_deck_label", lang)
    book.properties.created = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
