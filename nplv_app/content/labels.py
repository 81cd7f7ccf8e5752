"""The words for a figure's status and an area's cohort: one rule each, for every page, chart
and export.

A status the sources do not give (None, NaN, pandas NA or an empty text) reads as "niet
beschikbaar" / "not available", never as a code.
"""

from __future__ import annotations

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t


def status_label(status, lang: str) -> str:
    """'bevestigd', 'benaderd', 'onbevestigd', or 'niet beschikbaar' when there is none."""
    if fmt.is_missing(status) or not isinstance(status, str) or not status:
        return t("not_available", lang)
    return t(f"status_{status}", lang)


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
