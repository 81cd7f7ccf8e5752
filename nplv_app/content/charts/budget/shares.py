"""The share of the known allocations per round that went to NPLV municipalities."""

from __future__ import annotations

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.budget.common import euro_axis_expr, plain_text
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label

# --- share to focus municipalities per round ------------------------------------------------

SHARE_MEASURES = ("budget", "known", "focus")
SHARE_COLOURS = {"budget": theme.NEUTRAL, "known": theme.STATUS_COLOURS["approximate"],
                 "focus": theme.ROUND_COLOURS[0]}


@kept
def share_frame(share: pd.DataFrame, lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Long frame for the grouped bars: per round its budget line, the known allocations and the
    part to NPLV municipalities (rows with a missing figure are left out, never drawn as 0).

    Columns: round_id, round_label, round_order, measure, measure_label, amount_eur, text.
    """
    col = "label_nl" if lang == "nl" else "label_en"
    status = dict(zip(lines["line_id"], lines["status"])) if len(lines) else {}
    rows = []
    for i, r in enumerate(share.sort_values("round_date").itertuples()):
        budget_status = status.get(r.budget_line_id)
        values = {
            "budget": (r.budget_eur, fmt.euro_compact(r.budget_eur, lang)
                       + (f" ({t(f'status_{budget_status}', lang)})"
                          if budget_status and budget_status != "confirmed" else "")),
            "known": (r.known_eur, fmt.euro_compact(r.known_eur, lang)),
            "focus": (r.focus_eur, fmt.euro_compact(r.focus_eur, lang) + " · "
                      + t("bu_share_of_known", lang, pct=fmt.percent(r.focus_share_pct, lang))),
        }
        for measure in SHARE_MEASURES:
            amount, text = values[measure]
            if fmt.is_missing(amount):
                continue
            rows.append({"round_id": r.round_id, "round_label": getattr(r, col),
                         "round_order": i, "measure": measure,
                         "measure_label": t(f"bu_share_measure_{measure}", lang),
                         "amount_eur": amount, "text": text})
    return pd.DataFrame(rows)


@kept_chart
def share_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Grouped horizontal bars per round (round amount, known, to NPLV municipalities)."""
    measures = [t(f"bu_share_measure_{m}", lang) for m in SHARE_MEASURES]
    rounds = frame.sort_values("round_order")["round_label"].drop_duplicates().tolist()
    y = alt.Y("round_label:N", sort=rounds, title=None,
              axis=alt.Axis(labelFontSize=15, ticks=False, labelLimit=240))
    y_offset = alt.YOffset("measure_label:N", sort=measures)
    top = float(frame["amount_eur"].max()) if len(frame) else 1.0
    x = alt.X("amount_eur:Q", title=t("bu_share_axis", lang),
              scale=alt.Scale(domain=[0, top * 1.45], nice=False),
              axis=alt.Axis(tickCount=6, labelExpr=euro_axis_expr(lang)))
    colour = alt.Color("measure_label:N", title=None,
                       scale=alt.Scale(domain=measures,
                                       range=[SHARE_COLOURS[m] for m in SHARE_MEASURES]),
                       legend=alt.Legend(orient="top", columns=1))
    base = alt.Chart(frame).encode(y=y, yOffset=y_offset)
    bars = base.mark_bar().encode(
        x=x, color=colour,
        tooltip=[alt.Tooltip("round_label:N", title=t("bu_col_round", lang)),
                 alt.Tooltip("measure_label:N", title=" "),
                 alt.Tooltip("text:N", title=t("amount", lang))])
    labels = base.mark_text(align="left", baseline="middle", dx=6, fontSize=14,
                            color="#222").encode(x="amount_eur:Q", text="text:N")
    return alt.layer(bars, labels).properties(
        width=760, height={"step": 24}, usermeta={"id": "bu_share"})


@kept
def share_table(share: pd.DataFrame, lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per round: round amount and its status, known and focus sums, shares, counts, source."""
    col = "label_nl" if lang == "nl" else "label_en"
    status = dict(zip(lines["line_id"], lines["status"])) if len(lines) else {}
    rows = []
    for r in share.sort_values("round_date").itertuples():
        coverage = (None if fmt.is_missing(r.budget_eur) or not r.budget_eur
                    or fmt.is_missing(r.known_eur) else 100.0 * r.known_eur / r.budget_eur)
        rows.append({
            t("bu_col_round", lang): getattr(r, col),
            t("bu_col_budget", lang): fmt.euro(r.budget_eur, lang),
            t("bu_col_budget_status", lang): (status_label(status[r.budget_line_id], lang)
                                              if r.budget_line_id in status else
                                              fmt.NOT_AVAILABLE[lang]),
            t("bu_col_known", lang): fmt.euro(r.known_eur, lang),
            t("bu_col_coverage", lang): fmt.percent(
                None if coverage is None else round(coverage, 1), lang),
            t("bu_col_focus_eur", lang): fmt.euro(r.focus_eur, lang),
            t("bu_col_share", lang): fmt.percent(
                None if fmt.is_missing(r.focus_share_pct) else round(r.focus_share_pct, 1),
                lang),
            t("bu_col_n_known", lang): int(r.n_projects - r.n_amount_unknown),
            t("bu_col_n_unknown", lang): int(r.n_amount_unknown),
            t("bu_col_source", lang): r.budget_source_id,
        })
    return pd.DataFrame(rows)


@kept
def share_notes(share: pd.DataFrame, lines: pd.DataFrame, lang: str, escape) -> list[str]:
    """One Markdown line per round; every piece of data text goes through ``escape``."""
    col = "label_nl" if lang == "nl" else "label_en"
    by_id = lines.set_index("line_id") if len(lines) else pd.DataFrame()
    notes = []
    for r in share.sort_values("round_date").itertuples():
        line = by_id.loc[r.budget_line_id] if r.budget_line_id in by_id.index else None
        scope = plain_text(line["scope"]) if line is not None else ""
        status = line["status"] if line is not None else None
        unknown = (t("bu_share_unknown_part", lang, n=int(r.n_amount_unknown))
                   if r.n_amount_unknown else "")
        notes.append(t(
            "bu_share_round_line", lang,
            round=escape(getattr(r, col)), n_known=int(r.n_projects - r.n_amount_unknown),
            unknown=unknown, known=escape(fmt.euro(r.known_eur, lang)),
            budget=escape(fmt.euro(r.budget_eur, lang)),
            status=status_label(status, lang) if status else fmt.NOT_AVAILABLE[lang],
            scope=escape(scope or fmt.NOT_AVAILABLE[lang]),
        ))
    return notes
