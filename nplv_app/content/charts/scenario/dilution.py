"""The same amount over the original 16 and over all 20 areas: per resident, as a chart and in
words."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.scenario.inputs import SET_A, SET_B
from nplv_app.content.charts.scenario.result import _euro_axis_expr
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_data import scenario as sc


@kept
def dilution_view(amount: int, cohort_summary: pd.DataFrame, lang: str) -> dict | None:
    """The same amount per resident over the original 16 and over all 20.

    Residents are cohort_summary.residents_sum (computed sums of rounded area values). Returns
    None when either sum is missing; otherwise a dict with ``frame`` (nplv_data.scenario
    .dilution columns plus n_areas and a translated ``set_label``), n_a, n_b, and the
    residents_reference status/source of each set.
    """
    rows = cohort_summary.set_index("area_set")
    if SET_A not in rows.index or SET_B not in rows.index:
        return None
    a, b = rows.loc[SET_A], rows.loc[SET_B]
    sums = [a["residents_sum"], b["residents_sum"]]
    if any(fmt.is_missing(s) or float(s) <= 0 or float(s) != int(s) for s in sums):
        return None
    frame = sc.dilution(amount, int(sums[0]), int(sums[1]), SET_A, SET_B)
    frame["n_areas"] = [int(a["n_areas"]), int(b["n_areas"])]
    frame["set_label"] = [t(f"set_{SET_A}", lang), t(f"set_{SET_B}", lang)]
    return {
        "frame": frame,
        "n_a": int(a["n_areas"]),
        "n_b": int(b["n_areas"]),
        "source_ids": [s for s in (a["residents_reference_source_id"],
                                   b["residents_reference_source_id"])
                       if not fmt.is_missing(s)],
        "statuses": [s for s in (a["residents_reference_status"],
                                 b["residents_reference_status"]) if not fmt.is_missing(s)],
    }


def change_pct_text(value: float, lang: str) -> str:
    """−9,98%: the change in percent with two decimals and a real minus sign."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    return fmt.signed(value, lang, decimals=2) + "%"


def change_eur_text(value: float, lang: str) -> str:
    """−€ 37,22 / +€ 1,00 / ±€ 0: a change per resident in euros with cents and its sign."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    body = fmt.euro(abs(value), lang, cents=True)
    return ("+" if value > 0 else "−" if value < 0 else "±") + body


@kept
def dilution_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The dilution frame as a display table."""
    return pd.DataFrame({
        t("sc_col_set", lang): frame["set_label"].tolist(),
        t("sc_col_residents", lang) + " (" + t("computed_sum", lang) + ")": [
            fmt.number(v, lang) for v in frame["residents"]],
        t("sc_dilution_x", lang): [fmt.euro(v, lang, cents=True)
                                   for v in frame["per_resident_eur"]],
        t("sc_col_change_eur", lang): ["" if math.isnan(v) else change_eur_text(v, lang)
                                       for v in frame["change_eur"]],
        t("sc_col_change_pct", lang): ["" if math.isnan(v) else change_pct_text(v, lang)
                                       for v in frame["change_pct"]],
    })


BAR_STEP_PX = 56  # each bar's band on the page
PROJECTED_BAR_STEP_PX = 190  # on a projector the two bars are the screen's one visual


@kept_chart
def dilution_chart(frame: pd.DataFrame, lang: str, step: int = BAR_STEP_PX) -> alt.LayerChart:
    """Two horizontal bars, € per resident per year for the 16 and for the 20 (``step``: the
    band of each bar in px)."""
    data = pd.DataFrame({
        "set_label": frame["set_label"].tolist(),
        "per_resident_eur": frame["per_resident_eur"].astype("float64").tolist(),
        "label": [fmt.euro(v, lang, cents=True) for v in frame["per_resident_eur"]],
        "residents_text": [fmt.number(v, lang) for v in frame["residents"]],
    })
    top = float(data["per_resident_eur"].max())
    colours = alt.Scale(domain=data["set_label"].tolist(),
                        range=[theme.COHORT_COLOURS[SET_A], theme.NEUTRAL])
    base = alt.Chart(data).encode(
        y=alt.Y("set_label:N", sort=data["set_label"].tolist(), title=None,
                scale=alt.Scale(paddingInner=0.3, paddingOuter=0.15),
                axis=alt.Axis(labelLimit=260, ticks=False)),
        x=alt.X("per_resident_eur:Q", title=t("sc_dilution_x", lang),
                scale=alt.Scale(domain=[0, top * 1.3 if top > 0 else 1.0], nice=False),
                axis=alt.Axis(labelExpr=_euro_axis_expr(lang, top), tickCount=4)),
        tooltip=[alt.Tooltip("set_label:N", title=t("sc_col_set", lang)),
                 alt.Tooltip("label:N", title=t("sc_dilution_x", lang)),
                 alt.Tooltip("residents_text:N", title=t("sc_col_residents", lang))],
    )
    bars = base.mark_bar().encode(
        color=alt.Color("set_label:N", scale=colours, legend=None))
    text = base.mark_text(align="left", dx=6, fontSize=16, fontWeight="bold",
                          font=theme.FONT, color=theme.REFERENCE).encode(text="label:N")
    return alt.layer(bars, text).properties(height=alt.Step(step))


def dilution_sentence(view: dict, amount: int, lang: str) -> str:
    """The dilution in one Markdown sentence (figures only, nothing from the data as text)."""
    frame = view["frame"]
    return t(
        "sc_dilution_text", lang, amount=fmt.euro(amount, lang), n_a=view["n_a"],
        n_b=view["n_b"], per_a=fmt.euro(frame["per_resident_eur"].iloc[0], lang, cents=True),
        per_b=fmt.euro(frame["per_resident_eur"].iloc[1], lang, cents=True),
        res_a=fmt.number(frame["residents"].iloc[0], lang),
        res_b=fmt.number(frame["residents"].iloc[1], lang),
        change_eur=change_eur_text(frame["change_eur"].iloc[1], lang),
        change_pct=change_pct_text(frame["change_pct"].iloc[1], lang),
    )


def dilution_alt(view: dict, amount: int, lang: str) -> str:
    """Alt text for the dilution chart."""
    frame = view["frame"]
    return t(
        "sc_dilution_alt", lang, amount=fmt.euro(amount, lang),
        per_a=fmt.euro(frame["per_resident_eur"].iloc[0], lang, cents=True),
        per_b=fmt.euro(frame["per_resident_eur"].iloc[1], lang, cents=True),
        label_a=frame["set_label"].iloc[0], label_b=frame["set_label"].iloc[1],
        change_pct=change_pct_text(frame["change_pct"].iloc[1], lang),
    )
