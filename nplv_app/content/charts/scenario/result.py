"""The allocation as the page shows it: tiles' texts, the result table, notes and the bar chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.scenario.inputs import BAR_HEIGHT, LABEL_ROOM, key_label
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import cohort_labels, with_cohort_mark
from nplv_data import scenario as sc


def years_text(years: int, lang: str) -> str:
    """'1 jaar' / '1 year' / '4 years'."""
    return t("sc_years_one", lang) if years == 1 else t("sc_years_many", lang, n=years)


def minimum_hint(amount: int, minimum: int, n_areas: int, lang: str) -> str | None:
    """Plain words for a minimum the budget cannot pay to every area; None when it can."""
    need = minimum * n_areas
    if need <= amount:
        return None
    return t("sc_error_minimum", lang, minimum=fmt.euro(minimum, lang), n=n_areas,
             need=fmt.euro(need, lang), amount=fmt.euro(amount, lang))


def blend_note(inp: sc.ScenarioInput, chosen: pd.DataFrame, lang: str) -> str | None:
    """In a blend with the welfare key, areas without the figure only get the other key's
    part; say so (None when that does not happen)."""
    mix = dict(inp.key_mix())
    if "welfare_weighted" not in mix or len(mix) < 2:
        return None
    known = int(chosen[sc.WELFARE_COLUMN].notna().sum())
    missing = len(chosen) - known
    if missing == 0 or known == 0:
        return None
    other = next(k for k in mix if k != "welfare_weighted")
    return t("sc_note_blend_partial", lang, n=missing, total=len(chosen),
             other=key_label(other, lang), pct=fmt.short_number(
                 float(mix["welfare_weighted"]) * 100, lang), known=known)




@kept
def result_table(result: sc.ScenarioResult, lang: str) -> pd.DataFrame:
    """One row per receiving area in Dutch (or English) formats, full euros."""
    table = result.table
    return pd.DataFrame({
        t("sc_col_area", lang): table["name"].tolist(),
        t("sc_col_cohort", lang): [t(f"cohort_{c}", lang) for c in table["cohort"]],
        t("sc_col_residents", lang): [fmt.number(v, lang) for v in table["residents"]],
        t("sc_col_share", lang): [fmt.percent(v * 100, lang) for v in table["weight_share"]],
        t("sc_col_per_year", lang): [fmt.euro(v, lang) for v in table["per_year_eur"]],
        t("sc_col_total", lang, years=years_text(result.input.years, lang)): [
            fmt.euro(v, lang) for v in table["total_eur"]],
        t("sc_col_per_resident", lang): [
            fmt.euro(v, lang, cents=True) for v in table["per_resident_per_year_eur"]],
    })


def notes(result: sc.ScenarioResult, lang: str) -> list[str]:
    """result.notes in the page language; a note this module does not know is kept as it is."""
    out = []
    for note in result.notes:
        if note == sc.ROUNDING_NOTE:
            out.append(t("sc_note_rounding", lang))
        elif note.startswith("Every receiving area gets at least"):
            out.append(t("sc_note_minimum", lang,
                         amount=fmt.euro(result.input.minimum_per_area_eur, lang)))
        elif note.endswith(f"receive nothing: {sc.NO_WELFARE_FIGURE}."):
            out.append(t("sc_note_excluded", lang, n=len(result.excluded),
                         reason=t("sc_reason_no_welfare", lang)))
        else:
            out.append(note)
    return out


def excluded_table(excluded: pd.DataFrame, lang: str) -> pd.DataFrame:
    """result.excluded with translated reasons (unknown reasons as the maths words them)."""
    reasons = {sc.NO_WELFARE_FIGURE: t("sc_reason_no_welfare", lang)}
    return pd.DataFrame({
        t("sc_col_area", lang): excluded["name"].tolist(),
        t("sc_col_reason", lang): [reasons.get(r, r) for r in excluded["reason"]],
    })


def _euro_axis_expr(lang: str, top: float) -> str:
    """A Vega expression writing axis values as € 25 mln / €25M in the page language."""
    if top >= 1e9:
        scale, word = 1e9, {"nl": " mld", "en": "bn"}[lang]
    elif top >= 1e6:
        scale, word = 1e6, {"nl": " mln", "en": "M"}[lang]
    else:
        scale, word = 1, ""
    number = f"format(datum.value / {scale:g}, ',.4~g')"
    if lang == "nl":
        number = (f"replace(replace(replace({number}, regexp(',', 'g'), '_'), "
                  f"regexp('[.]', 'g'), ','), regexp('_', 'g'), '.')")
        return f"'€ ' + {number} + '{word}'"
    return f"'€' + {number} + '{word}'"


def allocation_frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Chart data from result.table: numbers plus the formatted strings for labels/tooltips."""
    labels = cohort_labels(lang)
    return pd.DataFrame({
        "name": table["name"].tolist(),
        "cohort": [labels.get(c, c) for c in table["cohort"]],
        "per_year_eur": table["per_year_eur"].astype("int64").tolist(),
        "per_year_text": [fmt.euro(v, lang) for v in table["per_year_eur"]],
        "total_text": [fmt.euro(v, lang) for v in table["total_eur"]],
        "per_resident_text": [fmt.euro(v, lang, cents=True)
                              for v in table["per_resident_per_year_eur"]],
        "residents_text": [fmt.number(v, lang) for v in table["residents"]],
        "label": [with_cohort_mark(
                      t("sc_label_per_resident", lang, amount=fmt.euro_compact(a, lang),
                        per_resident=fmt.euro(round(p), lang)), c, lang)
                  for a, p, c in zip(table["per_year_eur"], table["per_resident_per_year_eur"],
                                     table["cohort"], strict=True)],
    })


@kept_chart
def allocation_chart(table: pd.DataFrame, lang: str, years: int = 1) -> alt.LayerChart:
    """Horizontal bars: amount per year per area (largest first), cohort colours, labels with
    the compact amount and the amount per resident; the full figures are in the tooltip."""
    frame = allocation_frame(table, lang)
    top = float(frame["per_year_eur"].max()) if len(frame) else 0.0
    domain_top = top * LABEL_ROOM if top > 0 else 1.0
    y = alt.Y("name:N", sort=frame["name"].tolist(), title=None,
              scale=alt.Scale(paddingInner=0.25, paddingOuter=0.1),
              axis=alt.Axis(labelLimit=280, labelFontSize=15, ticks=False))
    x = alt.X("per_year_eur:Q", title=t("sc_chart_x", lang),
              scale=alt.Scale(domain=[0, domain_top], nice=False),
              axis=alt.Axis(labelExpr=_euro_axis_expr(lang, top), tickCount=5))
    tooltip = [
        alt.Tooltip("name:N", title=t("sc_col_area", lang)),
        alt.Tooltip("cohort:N", title=t("sc_col_cohort", lang)),
        alt.Tooltip("per_year_text:N", title=t("sc_col_per_year", lang)),
        alt.Tooltip("total_text:N", title=t("sc_col_total", lang,
                                             years=years_text(years, lang))),
        alt.Tooltip("per_resident_text:N", title=t("sc_col_per_resident", lang)),
        alt.Tooltip("residents_text:N", title=t("sc_col_residents", lang)),
    ]
    base = alt.Chart(frame).encode(y=y, x=x, tooltip=tooltip)
    bars = base.mark_bar().encode(
        color=alt.Color("cohort:N", scale=theme.cohort_scale(cohort_labels(lang)),
                        title=t("cohort", lang)))
    text = base.mark_text(align="left", dx=6, fontSize=15, font=theme.FONT,
                          color=theme.REFERENCE).encode(
        text="label:N")
    return alt.layer(bars, text).properties(height=alt.Step(BAR_HEIGHT))


@kept
def allocation_alt(table: pd.DataFrame, lang: str) -> str:
    """Alt text for the allocation chart: what it shows and its extremes."""
    if table.empty:
        return t("sc_chart_title", lang)
    first, last = table.iloc[0], table.iloc[-1]
    return t("sc_chart_alt", lang, n=len(table), top=first["name"],
             amount=fmt.euro(first["per_year_eur"], lang), bottom=last["name"],
             low=fmt.euro(last["per_year_eur"], lang))
