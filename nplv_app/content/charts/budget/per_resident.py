"""Euros per focus-area resident: municipality money only; areas without a known allocation
are listed, never drawn as 0."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.budget.common import euro_axis_expr
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label, with_cohort_mark

# --- euros per focus-area resident ----------------------------------------------------------

@kept
def per_resident_frame(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas of the selection WITH a known allocation to their municipality, largest first.

    Columns of ``areas`` (queries.areas) plus cohort_label, value_label, text.
    """
    frame = areas[areas["vhf_eur_per_focus_resident"].notna()].copy()
    if frame.empty:
        return frame
    frame["cohort_label"] = [t(f"cohort_{c}", lang) for c in frame["cohort"]]
    frame["value_label"] = [fmt.euro(round(v), lang) for v in frame["vhf_eur_per_focus_resident"]]
    texts = []
    for r in frame.itertuples():
        text = r.value_label
        if r.vhf_uncertain:
            text += " " + t("bu_vhf_mark_approx", lang)
        if r.areas_in_municipality and r.areas_in_municipality > 1:
            text += " · " + t("bu_res_shared", lang, n=int(r.areas_in_municipality))
        texts.append(with_cohort_mark(text, r.cohort, lang))
    frame["text"] = texts
    return frame.sort_values(["vhf_eur_per_focus_resident", "name"],
                             ascending=[False, True]).reset_index(drop=True)


@kept
def per_resident_missing(areas: pd.DataFrame) -> pd.DataFrame:
    """Areas of the selection without any known allocation to their municipality."""
    return areas[areas["vhf_eur_per_focus_resident"].isna()].sort_values("name")


@kept_chart
def per_resident_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Sorted bars of € per focus-area resident, coloured by cohort."""
    labels = {c: t(f"cohort_{c}", lang) for c in theme.COHORT_ORDER}
    order = frame["name"].tolist()
    top = float(frame["vhf_eur_per_focus_resident"].max()) if len(frame) else 1.0
    y = alt.Y("name:N", sort=order, title=None,
              axis=alt.Axis(labelFontSize=15, labelLimit=280, ticks=False))
    x = alt.X("vhf_eur_per_focus_resident:Q", title=t("bu_res_axis", lang),
              scale=alt.Scale(domain=[0, top * 1.4], nice=False),
              axis=alt.Axis(tickCount=6, labelExpr=euro_axis_expr(lang, "eur")))
    base = alt.Chart(frame).encode(y=y)
    bars = base.mark_bar(height={"band": 0.7}).encode(
        x=x,
        color=alt.Color("cohort_label:N", title=t("cohort", lang),
                        scale=theme.cohort_scale(labels), legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("name:N", title=t("bu_col_area", lang)),
                 alt.Tooltip("municipality:N", title=t("municipality", lang)),
                 alt.Tooltip("text:N", title=t("bu_col_per_resident", lang))],
    )
    labels_layer = base.mark_text(align="left", baseline="middle", dx=6, fontSize=14,
                                  color="#222").encode(x="vhf_eur_per_focus_resident:Q",
                                                       text="text:N")
    return alt.layer(bars, labels_layer).properties(
        width=760, height={"step": 34}, usermeta={"id": "bu_per_resident"})


@kept
def per_resident_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every area of the selection: municipality money, residents and € per resident, or the
    reason there is none."""
    none = t("bu_res_none_value", lang)
    rows = []
    ordered = areas.sort_values(["vhf_eur_per_focus_resident", "name"],
                                ascending=[False, True], na_position="last")
    for r in ordered.itertuples():
        has_money = not fmt.is_missing(r.vhf_municipality_eur)
        rows.append({
            t("bu_col_area", lang): r.name,
            t("municipality", lang): r.municipality,
            t("bu_col_cohort", lang): t(f"cohort_{r.cohort}", lang),
            t("bu_col_vhf_muni", lang): fmt.euro(r.vhf_municipality_eur, lang) if has_money
            else none,
            t("bu_col_projects", lang): int(r.vhf_projects),
            t("bu_col_focus_residents", lang): fmt.number(r.focus_residents_in_municipality,
                                                          lang),
            t("bu_col_residents_status", lang): status_label(r.residents_status, lang)
            if not fmt.is_missing(r.residents_status) else fmt.NOT_AVAILABLE[lang],
            t("bu_col_per_resident", lang): fmt.euro(r.vhf_eur_per_focus_resident, lang,
                                                     cents=True) if has_money else none,
            t("bu_col_uncertain", lang): t("bu_yes" if r.vhf_uncertain else "bu_no", lang),
            t("source", lang): r.residents_source_id,
        })
    return pd.DataFrame(rows)
