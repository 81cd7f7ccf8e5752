"""CSV files that open safely in a spreadsheet: cells that would start a formula are made inert."""

from __future__ import annotations

import re

import pandas as pd

# --- CSV ----------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*(e[+-]?\d+)?", re.IGNORECASE)


def _inert(value):
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) \
            and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def table_csv(frame: pd.DataFrame, *, sep: str = ",") -> bytes:
    """The table as CSV bytes: UTF-8 *with* a byte-order mark, header row, no index.

    Why the BOM: Excel (the tool most workshop participants open a CSV with) reads a CSV without
    one in the Windows code page, so "één" and "€" turn into "Ã©Ã©n" and "â‚¬". With the BOM
    Excel knows it is UTF-8; pandas, R and Python's csv module (with ``encoding="utf-8-sig"``)
    read it without trouble.

    Missing figures are empty fields, never 0. Numbers keep a decimal point (machine-readable);
    a Dutch Excel that expects ``;`` may put everything in one column — offer the XLSX for Excel
    users, or pass ``sep=";"``. Text that starts like a formula (``=``, ``+``, ``-``, ``@``) is
    prefixed with ``'`` so opening the file never runs anything.
    """
    safe = frame.copy()
    for column in safe.columns:
        if not (pd.api.types.is_numeric_dtype(safe[column])
                or pd.api.types.is_datetime64_any_dtype(safe[column])):
            safe[column] = safe[column].map(_inert)
    text = safe.to_csv(index=False, sep=sep, lineterminator="\r\n", na_rep="")
    return text.encode("utf-8-sig")
