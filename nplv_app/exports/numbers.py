"""Display tables back to numbers for Excel: '€ 500.000.000' -> 500000000 with a euro format.

Pages hand the exports the table they show, with amounts formatted as text. A column whose
every filled cell is a full-precision amount, count or percentage in the page's language becomes
numbers (exactly the shown value, only its type changes); texts that say why a value is missing
leave an empty cell and move to a note column beside it. Compact amounts ('€ 1,2 mln') are
rounded, so a column holding one stays text.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pandas as pd

from nplv_app.content import fmt
from nplv_app.exports.common import EURO_CENTS_FORMAT, EURO_FORMAT, tr

# Excel draws the separators of the reader's locale: '#,##0' shows as 1.234 in a Dutch Excel and
# as 1,234 in an English one.
THOUSANDS_FORMAT = "#,##0"
PERCENT_FORMAT = "0.0%"
_SPACE = "[ \u00a0\u202f]?"
_SEPARATORS = {"nl": (".", ","), "en": (",", ".")}


def _patterns(lang: str) -> dict[str, re.Pattern]:
    group, decimal = (re.escape(s) for s in _SEPARATORS["en" if lang == "en" else "nl"])
    digits = rf"-?\d{{1,3}}(?:{group}\d{{3}})*(?:{decimal}\d+)?"
    return {"euro": re.compile(rf"€{_SPACE}({digits})"),
            "percent": re.compile(rf"({digits}){_SPACE}%"),
            "number": re.compile(rf"({digits})")}


def _value(text: str, lang: str) -> Decimal | int:
    group, decimal = _SEPARATORS["en" if lang == "en" else "nl"]
    plain = text.replace(group, "").replace(decimal, ".")
    return Decimal(plain) if "." in plain else int(plain)


def _kind(texts: list[str], lang: str) -> str | None:
    """'euro', 'percent' or 'number' when every text is one of that kind; else None."""
    for kind, pattern in _patterns(lang).items():
        if texts and all(pattern.fullmatch(text) for text in texts):
            return kind
    return None


def _decimals(values) -> int:
    return max((-v.as_tuple().exponent for v in values if isinstance(v, Decimal)), default=0)


def numeric_table(frame: pd.DataFrame, lang: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """The table with its formatted-number columns as numbers, and their Excel formats.

    A text without digits in such a column ('niet beschikbaar', 'geen bedrag bekend') becomes an
    empty cell; the text goes to a column '<header>: toelichting' right after it.
    """
    out, formats = {}, {}
    for name in frame.columns:
        column = frame[name]
        texts = [v.strip() for v in column if isinstance(v, str) and v.strip()]
        numeric = [v for v in texts if re.search(r"\d", v)]
        kind = _kind(numeric, lang) if len(numeric) == len(texts) - _wordy(texts) else None
        if kind is None or column.map(lambda v: not (isinstance(v, str)
                                                     or fmt.is_missing(v))).any():
            out[name] = column
            continue
        pattern = _patterns(lang)[kind]
        values, notes = [], []
        for cell in column:
            text = cell.strip() if isinstance(cell, str) else ""
            match = pattern.fullmatch(text)
            value = _value(match.group(1), lang) if match else None
            if value is not None and kind == "percent":
                value = Decimal(value) / 100
            values.append(value)
            notes.append(None if match or not text else text)
        out[name] = pd.Series(values, index=frame.index, dtype=object)
        places = _decimals(v for v in values if v is not None)
        formats[name] = {
            "euro": EURO_CENTS_FORMAT if places else EURO_FORMAT,
            "percent": PERCENT_FORMAT if kind == "percent" and places <= 3 else "0.00%",
            "number": THOUSANDS_FORMAT + ("." + "0" * places if places else ""),
        }[kind]
        if any(notes):
            out[tr("ex_col_note_of", lang, column=name)] = notes
    return pd.DataFrame(out, index=frame.index), formats


def _wordy(texts: list[str]) -> int:
    """How many texts hold no digit at all (a reason instead of a value)."""
    return sum(not re.search(r"\d", text) for text in texts)
