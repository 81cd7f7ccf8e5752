"""The words for a figure's status and an area's cohort: one rule each, for every page, chart
and export.

A status the sources do not give (None, NaN, pandas NA or an empty text) reads as "niet
beschikbaar" / "not available", never as a code.
"""

from __future__ import annotations

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_data.schema import UNIT_CODES


def status_label(status, lang: str) -> str:
    """'bevestigd', 'benaderd', 'onbevestigd', or 'niet beschikbaar' when there is none."""
    if fmt.is_missing(status) or not isinstance(status, str) or not status:
        return t("not_available", lang)
    return t(f"status_{status}", lang)


# Period codes and English period texts of indicators.csv, as words (other periods, such as
# '2024' or '2014-2018', read the same in both languages).
PERIOD_WORDS = {
    "UNCONFIRMED-start-year": ("beginjaar onbevestigd", "start year unconfirmed"),
    "UNCONFIRMED-latest-year": ("laatste jaar onbevestigd", "latest year unconfirmed"),
    "10 years before report (UNCONFIRMED)": (
        "10 jaar vóór het rapport (onbevestigd)", "10 years before the report (unconfirmed)"),
    "as stated 2023": ("zoals vermeld, 2023", "as stated, 2023"),
    "as stated 2025": ("zoals vermeld, 2025", "as stated, 2025"),
    "by mid 2025": ("tot medio 2025", "by mid 2025"),
}


def period_label(period, lang: str) -> str:
    """A figure's period as words: 'laatste jaar onbevestigd', never the code
    'UNCONFIRMED-latest-year'; an ISO date reads as a date ('1 januari 2025')."""
    if fmt.is_missing(period) or not isinstance(period, str) or not period:
        return t("not_available", lang)
    if period in PERIOD_WORDS:
        return PERIOD_WORDS[period][0 if lang == "nl" else 1]
    if len(period) == 10 and period[4] == "-" and period[7] == "-":
        return fmt.iso_date(period, lang)
    return period


def unit_text(label, lang: str) -> str:
    """A figure's unit as words: a unit code ('percent', 'persons') through the app's words,
    a unit as the source words it ('percent of households') as the data has it (data_texts)."""
    if isinstance(label, str) and label in UNIT_CODES:
        return t(f"gb_unit_{label}", lang)
    return "" if fmt.is_missing(label) else str(label)


def cohort_label(cohort: str, lang: str) -> str:
    """The cohort's name in the page language ('de 16 van 2021', ...)."""
    return t(f"cohort_{cohort}", lang)


def cohort_labels(lang: str) -> dict[str, str]:
    """Every cohort's name, in the order of the charts' legends."""
    return {c: cohort_label(c, lang) for c in theme.COHORT_ORDER}


def cohort_mark(cohort: str, lang: str) -> str:
    """The short label a marked cohort's bars carry beside their value ('· 2022'), so that the
    cohort does not rest on colour alone; empty for the unmarked cohort."""
    return t(f"cohort_mark_{cohort}", lang) if cohort in theme.MARKED_COHORTS else ""


def with_cohort_mark(text: str, cohort: str, lang: str) -> str:
    """A bar's value label with its cohort mark, if any."""
    mark = cohort_mark(cohort, lang)
    return f"{text} {mark}" if mark else text
