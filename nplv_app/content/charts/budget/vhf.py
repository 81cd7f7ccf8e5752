"""Housing Fund (Volkshuisvestingsfonds) rounds per municipality: stacked by round; missing
amounts are listed, not drawn."""

from __future__ import annotations

import json
from collections.abc import Iterable

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.budget.common import euro_axis_expr
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label

# --- Housing Fund rounds per municipality ---------------------------------------------------

@kept
def round_labels(money: pd.DataFrame, lang: str) -> list[str]:
    """Round labels in date order."""
    col = "label_nl" if lang == "nl" else "label_en"
    ordered = money.sort_values("round_date").drop_duplicates("round_id")
    return ordered[col].tolist()


@kept
def vhf_frame(money: pd.DataFrame, selected_codes: Iterable[str], lang: str,
              only_selection: bool = False) -> pd.DataFrame:
    """Segments to stack: one row per round and municipality WITH a known amount.

    Columns of ``money`` (queries.money_by_round_municipality_detail) plus: round_label,
    round_order, panel, in_selection, uncertain, inferred, segment_label (full euros),
    total_eur (computed, known amounts of the municipality), total_label, show_total,
    muni_order.
    """
    codes = set(selected_codes)
    col = "label_nl" if lang == "nl" else "label_en"
    frame = money.copy()
    if frame.empty:
        return frame
    frame["in_selection"] = frame["gemeente_code"].isin(codes) & frame["is_focus_municipality"]
    if only_selection:
        frame = frame[frame["in_selection"]]
    frame = frame[frame["amount_eur"].notna()].copy()
    if frame.empty:
        return frame
    rounds = money.sort_values("round_date").drop_duplicates("round_id")["round_id"].tolist()
    frame["round_label"] = frame[col]
    frame["round_order"] = frame["round_id"].map(rounds.index)
    frame["panel"] = [t("bu_vhf_panel_focus" if f else "bu_vhf_panel_other", lang)
                      for f in frame["is_focus_municipality"]]
    frame["uncertain"] = (frame["n_approximate"] + frame["n_unconfirmed"]) > 0
    frame["inferred"] = frame["n_round_inferred"] > 0
    frame["segment_label"] = [fmt.euro(v, lang) for v in frame["amount_eur"]]
    per_muni = frame.groupby("municipality")
    frame["total_eur"] = per_muni["amount_eur"].transform("sum")
    any_uncertain = per_muni["uncertain"].transform("any")
    any_inferred = per_muni["inferred"].transform("any")
    n_partial = per_muni["n_amount_unknown"].transform("sum")
    labels = []
    for total, unc, inf, part in zip(frame["total_eur"], any_uncertain, any_inferred, n_partial):
        text = fmt.euro_compact(total, lang)
        if unc:
            text += " " + t("bu_vhf_mark_approx", lang)
        if inf:
            text += " · " + t("bu_vhf_mark_inferred", lang)
        if part:
            text += " · " + t("bu_vhf_mark_partial", lang, n=int(part))
        labels.append(text)
    frame["total_label"] = labels
    frame["show_total"] = frame["round_order"] == per_muni["round_order"].transform("max")
    frame = frame.sort_values(["is_focus_municipality", "total_eur", "municipality"],
                              ascending=[False, False, True])
    frame["muni_order"] = pd.factorize(frame["municipality"])[0]
    return frame.reset_index(drop=True)


def _js_list(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False)


VHF_BARS_PX = 560


@kept_chart
def vhf_chart(frame: pd.DataFrame, all_rounds: list[str], lang: str) -> alt.FacetChart:
    """Stacked bars by round, NPLV municipalities and others in separate panels, sorted by the
    known total; municipalities in the selection bold, others of the 19 lighter."""
    selected = frame.loc[frame["in_selection"], "municipality"].tolist()
    colour = alt.Color(
        "round_label:N", title=t("bu_vhf_round_legend", lang),
        scale=alt.Scale(domain=all_rounds, range=list(theme.ROUND_COLOURS[:len(all_rounds)])),
        legend=alt.Legend(orient="top"))
    y = alt.Y("municipality:N", title=None,
              sort=alt.EncodingSortField("muni_order", op="min", order="ascending"),
              axis=alt.Axis(labelFontSize=15, labelLimit=260, ticks=False,
                            labelFontWeight=alt.ExprRef(
                                f"indexof({_js_list(selected)}, datum.value) >= 0 "
                                "? 'bold' : 'normal'")))
    x_axis = alt.Axis(title=t("bu_vhf_axis", lang), tickCount=6, labelExpr=euro_axis_expr(lang))
    tooltip = [
        alt.Tooltip("municipality:N", title=t("bu_col_municipality", lang)),
        alt.Tooltip("round_label:N", title=t("bu_col_round", lang)),
        alt.Tooltip("segment_label:N", title=t("amount", lang)),
        alt.Tooltip("n_projects:Q", title=t("bu_col_projects", lang)),
        alt.Tooltip("total_label:N", title="Σ"),
        alt.Tooltip("source_ids:N", title=t("source", lang)),
    ]
    fade = ~frame["is_focus_municipality"] | frame["in_selection"]
    data = frame.assign(opaque=fade)
    bars = alt.Chart().mark_bar(height={"band": 0.75}).encode(
        x=alt.X("amount_eur:Q", stack="zero", axis=x_axis),
        y=y, color=colour,
        order=alt.Order("round_order:Q"),
        opacity=alt.condition("datum.opaque", alt.value(1.0), alt.value(0.35)),
        stroke=alt.condition("datum.uncertain", alt.value("#222222"), alt.value("white")),
        strokeDash=alt.condition("datum.uncertain", alt.value([3, 2]), alt.value([1, 0])),
        strokeWidth=alt.condition("datum.uncertain", alt.value(1.4), alt.value(0.5)),
        tooltip=tooltip,
    )
    totals = alt.Chart().transform_filter("datum.show_total").mark_text(
        align="left", baseline="middle", dx=6, fontSize=14, color="#222").encode(
        x=alt.X("total_eur:Q"), y=y, text="total_label:N",
    )
    # A faceted chart cannot follow its column: 560 px of bars keep names, bars and totals
    # inside the page column from a 1280 px window on (tests/browser/test_fit.py).
    layered = alt.layer(bars, totals, data=data).properties(width=VHF_BARS_PX,
                                                             height={"step": 30})
    return layered.facet(
        row=alt.Row("panel:N", title=None, sort=[t("bu_vhf_panel_focus", lang),
                                                   t("bu_vhf_panel_other", lang)],
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                      labelOrient="top", labelFontSize=17,
                                      labelFontWeight="bold")),
        spacing=24, usermeta={"id": "bu_vhf"},
    ).resolve_scale(y="independent")


@kept
def allocations_in_view(allocations: pd.DataFrame, selected_codes: Iterable[str],
                        only_selection: bool = False) -> pd.DataFrame:
    """Allocations (queries.allocations) with an ``in_selection`` flag: an NPLV municipality of
    the sidebar selection. With ``only_selection`` only those rows are kept."""
    rows = allocations.copy()
    rows["in_selection"] = (rows["gemeente_code"].isin(set(selected_codes))
                            & rows["is_focus_municipality"].astype(bool))
    return rows[rows["in_selection"]] if only_selection else rows


@kept
def vhf_missing(allocations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Allocations without an amount, as a table: round, municipality, project, source."""
    missing = allocations[allocations["amount_eur"].isna()]
    col = "label_nl" if lang == "nl" else "label_en"
    return pd.DataFrame({
        t("bu_col_round", lang): missing[col].tolist(),
        t("bu_col_municipality", lang): missing["municipality"].tolist(),
        t("bu_col_project", lang): missing["project"].tolist(),
        t("bu_col_amount", lang): [t("bu_vhf_missing_value", lang)] * len(missing),
        t("bu_col_status", lang): [status_label(s, lang) for s in missing["status"]],
        t("bu_col_source", lang): missing["source_id"].tolist(),
    })


@kept
def vhf_table(allocations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every allocation in view (``allocations_in_view``), project level, with full euros;
    missing amounts say so instead of showing 0."""
    col = "label_nl" if lang == "nl" else "label_en"
    rows = allocations
    yes, no = t("bu_yes", lang), t("bu_no", lang)
    return pd.DataFrame({
        t("bu_col_round", lang): rows[col].tolist(),
        t("bu_col_municipality", lang): rows["municipality"].tolist(),
        t("bu_col_project", lang): rows["project"].tolist(),
        t("bu_col_amount", lang): [t("bu_vhf_missing_value", lang) if fmt.is_missing(v)
                                   else fmt.euro(v, lang) for v in rows["amount_eur"]],
        t("bu_col_homes", lang): ["" if fmt.is_missing(v) else fmt.number(v, lang)
                                  for v in rows["homes"]],
        t("bu_col_focus", lang): [yes if v else no for v in rows["is_focus_municipality"]],
        t("bu_col_in_selection", lang): [yes if v else no for v in rows["in_selection"]],
        t("bu_col_round_inferred", lang): [yes if v else no for v in rows["is_round_inferred"]],
        t("bu_col_status", lang): [status_label(s, lang) for s in rows["status"]],
        t("bu_col_source", lang): rows["source_id"].tolist(),
    })
