"""What the Gebieden builders share: constants, value and unit formats, indicator and scope
labels."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.i18n import has, t
from nplv_app.content.labels import period_label, status_label

PICK_PARAM = "gb_pick"  # the point-selection parameter of the residents chart
BAR_HEIGHT = 30
DIM_OPACITY = 0.3
LABEL_ROOM = 1.18  # x-axis head room so bar labels fit right of the longest bar
REF_LABEL_STEP = 19  # pixels between stacked reference labels above the plot
CODE_SEP = ":"  # indicator code in the URL: "<indicator>:<period>"

# Scopes shown in the programme-wide table (aggregates from the sources, never computed here).
PROGRAMME_SCOPES = ("ALL20", "ALL16", "NL", "rest:ALL19")
ALWAYS_COMPARABLE = ("ALL20", "ALL16", "NL", "rest:ALL19")
# Indicators offered first in the picker; ranks are not offered as a bar chart.
PREFERRED_INDICATORS = ("low_financial_welfare_share_12plus", "inflow_share_12plus")
SKIPPED_UNITS = ("rank",)
# Why an area lacks a figure: a text key per indicator (words, not figures).
REASON_KEYS = {
    "low_financial_welfare_share_12plus": "gb_reason_low_financial_welfare",
    "inflow_share_12plus": "gb_reason_flow_share",
    "outflow_share_12plus": "gb_reason_flow_share",
    "inflow_12plus_from_elsewhere_in_nl": "gb_reason_flow_table",
    "inflow_12plus_from_abroad": "gb_reason_flow_table",
    "youth_hic_suspect_share_12_17": "gb_reason_zuidwest_study",
    "youth_hic_suspect_share_17_22": "gb_reason_zuidwest_study",
    "youth_hic_suspect_share_22_27": "gb_reason_zuidwest_study",
    "households_near_social_minimum_share": "gb_reason_zuidwest_study",
    "social_assistance_share_15_64": "gb_reason_zuidwest_study",
    "violent_crimes_per_1000": "gb_reason_zuidwest_study",
    "in_migrants_from_outside_heerlen_10yr": "gb_reason_heerlen_sources",
    "newborn_later_health_problem_risk": "gb_reason_heerlen_sources",
}
# An indicator whose rank among the 20 is in the sources even where the value is not.
RANK_INDICATORS = {"low_financial_welfare_share_12plus": "low_financial_welfare_rank_among_20"}
N_AREAS = 20
# Fit the width to the page but keep the height for the plot itself: Streamlit's default
# ("fit") squeezes legend and axes into the height, which crushes charts with few bars.
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")


# --- small formats -----------------------------------------------------------------------------

def _plain(value, lang: str) -> str:
    """Up to one decimal, a real minus sign for negatives."""
    text = fmt.short_number(abs(value), lang)
    return ("−" + text) if value < 0 else text


# Indicators whose count covers more than its unit says: the Woontop's 50.000 are dwellings
# and facilities together (unit_label in indicators.csv), not dwellings alone.
COUNTED_AS = {"dwellings_and_facilities_planned_2025_2029": "dwellings_and_facilities"}


def display_unit(indicator: str, unit: str | None) -> str | None:
    return COUNTED_AS.get(indicator, unit)


def format_value(value, unit: str | None, lang: str) -> str:
    """A figure with its unit: 18,2% / −7 procentpunt / 98.000 personen / 2,3 keer / nr. 20."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    if unit == "percent":
        return ("−" if value < 0 else "") + fmt.percent(abs(value), lang)
    if unit in ("persons", "dwellings", "dwellings_and_facilities", "households"):
        return t(f"gb_fmt_{unit}", lang, value=fmt.number(value, lang))
    if unit == "rank":
        return t("gb_fmt_rank", lang, value=fmt.number(value, lang))
    if unit in ("percentage_points", "ratio", "years", "per_1000"):
        return t(f"gb_fmt_{unit}", lang, value=_plain(value, lang))
    return _plain(value, lang)


def unit_name(unit: str | None, lang: str) -> str:
    key = f"gb_unit_{unit}"
    return t(key, lang) if unit and has(key) else (unit or "")


def indicator_label(indicator: str, lang: str) -> str:
    """The translated name of an indicator code; the code itself when none is written."""
    key = f"gb_ind_{indicator}"
    return t(key, lang) if has(key) else indicator


def measure_label(measure: str, lang: str) -> str:
    key = f"gb_measure_{measure}"
    return t(key, lang) if has(key) else measure


def scope_label(scope: str, lang: str, municipality_names: Mapping[str, str] | None = None) -> str:
    """ALL20 -> 'Gemiddelde 20 focusgebieden', rest:Den Haag -> 'Rest van Den Haag', GM0518 ->
    'Gemeente 's-Gravenhage (Den Haag) (heel)'."""
    if scope in ("ALL20", "ALL16", "NL"):
        return t(f"gb_ref_{scope}", lang)
    if scope == "rest:ALL19":
        return t("gb_ref_rest_all19", lang)
    if scope.startswith("rest:"):
        return t("gb_ref_rest", lang, place=scope[len("rest:"):])
    if scope.startswith("GM"):
        return t("gb_ref_municipality", lang, name=(municipality_names or {}).get(scope, scope))
    return scope


def scope_table(rows: pd.DataFrame, lang: str,
                municipality_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Indicator rows of scopes (programme-wide, national, municipality) as a table: the period
    in words, value with its unit, status and source per figure."""
    return pd.DataFrame({
        t("gb_col_indicator", lang): [indicator_label(i, lang) for i in rows["indicator"]],
        t("gb_col_scope", lang): [scope_label(s, lang, municipality_names)
                                  for s in rows["scope_id"]],
        t("period", lang): [period_label(p, lang) for p in rows["period"]],
        t("gb_col_value", lang): [
            format_value(v, display_unit(i, u), lang)
            for v, u, i in zip(rows["value"], rows["unit"], rows["indicator"], strict=True)],
        t("status", lang): [status_label(s, lang) for s in rows["status"]],
        t("source", lang): rows["source_id"].tolist(),
        t("gb_col_note", lang): ["" if fmt.is_missing(n) else n for n in rows["note"]],
    })


def axis_expr(lang: str) -> str:
    """Vega expression for axis labels: 200.000 / 12,5 (nl) or 200,000 / 12.5 (en)."""
    number = "format(datum.value, ',~f')"
    if lang != "nl":
        return number
    return (f"replace(replace(replace({number}, regexp(',', 'g'), '_'), "
            f"regexp('[.]', 'g'), ','), regexp('_', 'g'), '.')")


def date_text(value, lang: str) -> str:
    return t("gb_date_unknown", lang) if fmt.is_missing(value) else fmt.date(value, lang)
