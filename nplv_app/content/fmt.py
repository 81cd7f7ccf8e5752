"""Number, money, percentage and date formats: Dutch by default, English on request.

Compact money (``€ 1,2 mln``) is for tiles and labels; tables and tooltips show the full figure,
so no figure is ever only available rounded.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
NOT_AVAILABLE = {"nl": "niet beschikbaar", "en": "not available"}
MONTHS_SHORT = {
    "nl": ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.",
           "nov.", "dec."],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
UNDATED = {"nl": "ongedateerd", "en": "undated"}
# English month names and abbreviations as the source files write them ('Sept' too).
_MONTH_NUMBER = {
    **{name.lower(): i for i, name in enumerate(MONTHS["en"])},
    **{name.lower(): i for i, name in enumerate(MONTHS_SHORT["en"])},
    "sept": 8,
}
_TEXT_DATE = re.compile(r"(?:(\d{1,2}) )?([A-Za-z]+)\.? (\d{4})")


def is_missing(value) -> bool:
    """None, NaN, pandas NA or NaT: a figure the sources do not have."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def _group(text: str, lang: str) -> str:
    """Swap the English separators for Dutch ones when needed."""
    if lang == "nl":
        return text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def number(value, lang: str = "nl", decimals: int = 0) -> str:
    """1.234.567 (nl) or 1,234,567 (en)."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    return _group(f"{value:,.{decimals}f}", lang)


def short_number(value, lang: str = "nl") -> str:
    """Up to one decimal, no trailing zero: 18,2 / 9 (so no false precision is added)."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    text = f"{value:,.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return _group(text, lang)


def percent(value, lang: str = "nl") -> str:
    """6,6% (nl) or 6.6% (en); whole numbers stay whole."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    return short_number(value, lang) + "%"


def signed(value, lang: str = "nl", decimals: int = 0) -> str:
    """+4 / −119.000: differences always carry their sign."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + number(abs(value), lang, decimals)


# Between "€" and the figure, and before "mln": a space that never breaks a line, so an amount
# is not split over two lines ("€" at the end of one, "372,79" on the next).
NBSP = "\u00a0"


def euro(value, lang: str = "nl", cents: bool = False) -> str:
    """The full amount: € 16.838.349,54 (nl, a non-breaking space) or €16,838,349.54 (en)."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    has_cents = cents or (round(value, 2) != round(value))
    body = number(abs(value), lang, 2 if has_cents else 0)
    sign = "−" if value < 0 else ""
    return f"{sign}€{NBSP}{body}" if lang == "nl" else f"{sign}€{body}"


def euro_compact(value, lang: str = "nl") -> str:
    """€ 1,2 mln / € 1,1 mld (nl) or €1.2M / €1.1bn (en); smaller amounts in full."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    size = abs(value)
    if size >= 1e9:
        scaled, word = value / 1e9, {"nl": "mld", "en": "bn"}[lang]
    elif size >= 1e6:
        scaled, word = value / 1e6, {"nl": "mln", "en": "M"}[lang]
    else:
        return euro(round(value), lang)
    body = short_number(abs(scaled), lang)
    sign = "−" if value < 0 else ""
    return f"{sign}€{NBSP}{body}{NBSP}{word}" if lang == "nl" else f"{sign}€{body}{word}"


def iso_date(text: str, lang: str = "nl") -> str:
    """'2021-07-15' -> 15 juli 2021, '2021-07' -> juli 2021: the precision the text has."""
    return date(text, lang, "day" if len(str(text)) == 10 else "month")


def date(value, lang: str = "nl", precision: str = "day") -> str:
    """4 juli 2022 / 4 July 2022; month precision gives 'juni 2020'."""
    if is_missing(value) or value == "":
        return NOT_AVAILABLE[lang]
    if isinstance(value, str):
        value = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    if hasattr(value, "date") and callable(value.date):
        value = value.date()
    month = MONTHS[lang][value.month - 1]
    if precision == "month":
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def timestamp(text: str, lang: str = "nl") -> str:
    """'2026-11-23T08:58:40+0000' -> 23 november 2026, 08:58 UTC (the time as recorded, in
    its own zone); a text that is not a timestamp is returned as it is."""
    try:
        moment = dt.datetime.strptime(str(text), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return str(text)
    zone = "UTC" if moment.utcoffset() == dt.timedelta(0) else moment.strftime("%z")
    return f"{date(moment, lang)}, {moment:%H:%M} {zone}"


def text_date(text: str, lang: str = "nl") -> str | None:
    """A date as the sources write it, in ``lang``: '11 Feb 2026' -> 11 feb. 2026 / 11 Feb 2026,
    'July 2021' -> juli 2021 / July 2021, 'undated' -> ongedateerd / undated, '2020' -> 2020.
    The month stays long or short as written. None when the text is more than a date (those are
    translated in data_texts.csv)."""
    value = str(text).strip()
    if value.lower() == "undated":
        return UNDATED[lang]
    if re.fullmatch(r"\d{4}", value):
        return value
    match = _TEXT_DATE.fullmatch(value)
    if not match or match.group(2).lower() not in _MONTH_NUMBER:
        return None
    day, word, year = match.groups()
    month = _MONTH_NUMBER[word.lower()]
    names = MONTHS if word.lower() == MONTHS["en"][month].lower() else MONTHS_SHORT
    return f"{int(day)} {names[lang][month]} {year}" if day else f"{names[lang][month]} {year}"
