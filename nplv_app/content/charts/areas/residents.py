"""Residents per area (CBS, 1 Jan 2025): the chart, its table and caption, and the helpers that
keep the chart's and the table's selection in step."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.areas.common import (
    AUTOSIZE,
    BAR_HEIGHT,
    DIM_OPACITY,
    LABEL_ROOM,
    PICK_PARAM,
    axis_expr,
    date_text,
)
from nplv_app.content.charts.tooltips import tooltips
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import cohort_labels, status_label, with_cohort_mark

# --- residents ---------------------------------------------------------------------------------

def residents_frame(areas: pd.DataFrame, lang: str,
                    highlighted: Sequence[str] = ()) -> pd.DataFrame:
    """Areas (queries.areas rows), largest first, with labels for chart and table.

    Columns: area_id, name, municipality, province, cohort, cohort_label, residents,
    residents_label, value_text (the bar's label: residents with the cohort mark),
    ref_date_label, status_label, source_id, highlighted.
    """
    ordered = areas.sort_values(["residents", "name"], ascending=[False, True])
    labels = cohort_labels(lang)
    chosen = set(highlighted)
    return pd.DataFrame({
        "area_id": ordered["area_id"].tolist(),
        "name": ordered["name"].tolist(),
        "municipality": ordered["municipality"].tolist(),
        "province": ordered["province"].tolist(),
        "cohort": ordered["cohort"].tolist(),
        "cohort_label": [labels.get(c, c) for c in ordered["cohort"]],
        "residents": ordered["residents"].astype("int64").tolist(),
        "residents_label": [fmt.number(v, lang) for v in ordered["residents"]],
        "value_text": [with_cohort_mark(fmt.number(v, lang), c, lang)
                       for v, c in zip(ordered["residents"], ordered["cohort"], strict=True)],
        "ref_date_label": [date_text(d, lang) for d in ordered["residents_ref_date"]],
        "status_label": [status_label(s, lang) for s in ordered["residents_status"]],
        "source_id": ordered["residents_source_id"].tolist(),
        "highlighted": [a in chosen for a in ordered["area_id"]],
    })


@kept_chart
def residents_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Horizontal bars of residents (a ``residents_frame``), largest on top, cohort colours,
    Dutch value labels; clicking a bar fills the point selection ``PICK_PARAM``; highlighted
    rows are drawn opaque with an outline and the others dimmed."""
    data = frame[["area_id", "name", "municipality", "cohort_label", "residents",
                  "residents_label", "value_text", "status_label", "highlighted"]]
    order = data["name"].tolist()
    top = float(data["residents"].max()) if len(data) else 1.0
    pick = alt.selection_point(name=PICK_PARAM, fields=["area_id"], on="click", clear="dblclick")
    dimmed = DIM_OPACITY if bool(data["highlighted"].any()) else 1.0
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("residents:Q", title=t("residents", lang),
              scale=alt.Scale(domain=[0, top * LABEL_ROOM], nice=False),
              axis=alt.Axis(labelExpr=axis_expr(lang), tickCount=5))
    tooltip = tooltips(
        lang,
        ("name:N", "area"),
        ("municipality:N", "municipality"),
        ("residents_label:N", "residents"),
        ("status_label:N", "status"),
        ("cohort_label:N", "cohort"),
    )
    base = alt.Chart(data).encode(y=y, x=x, tooltip=tooltip)
    opacity = (alt.when(pick, empty=False).then(alt.value(1.0))
               .when(alt.datum.highlighted).then(alt.value(1.0))
               .otherwise(alt.value(dimmed)))
    bars = base.mark_bar(height=BAR_HEIGHT - 8, cursor="pointer").encode(
        color=alt.Color("cohort_label:N", scale=theme.cohort_scale(cohort_labels(lang)),
                        title=t("cohort", lang)),
        opacity=opacity,
        stroke=alt.when(alt.datum.highlighted).then(alt.value(theme.REFERENCE))
        .otherwise(alt.value(None)),
        strokeWidth=alt.when(alt.datum.highlighted).then(alt.value(2.5))
        .otherwise(alt.value(0)),
    ).add_params(pick)
    text = base.mark_text(align="left", dx=5, fontSize=15, color=theme.REFERENCE).encode(
        text="value_text:N")
    return alt.layer(bars, text).properties(height=max(len(data), 1) * BAR_HEIGHT + 10,
                                            autosize=AUTOSIZE)


@kept
def municipality_names(areas: pd.DataFrame) -> dict[str, str]:
    """Municipality name by gemeente code (queries.areas rows)."""
    return dict(zip(areas["gemeente_code"].tolist(), areas["municipality"].tolist(),
                    strict=True))


@kept
def residents_view(areas: pd.DataFrame, lang: str, highlight: Sequence[str],
                   max_rows: int) -> dict:
    """What the residents section draws for one selection, worked out at once (it is kept per
    selection, language and highlight, so a rerun reuses it).

    Keys: n_areas (all chosen areas), frame (``residents_frame`` of the ``max_rows`` largest),
    highlighted (the ids of ``highlight`` among them), chart_table (the chart's data table),
    alt, caption (``residents_caption`` of all chosen areas), table (``residents_table``).
    """
    largest = areas.sort_values(["residents", "name"], ascending=[False, True]).head(max_rows)
    shown = set(largest["area_id"])
    highlighted = [a for a in highlight if a in shown]
    frame = residents_frame(largest, lang, highlighted)
    chart_table = frame[["name", "cohort_label", "residents_label", "status_label", "source_id"]]
    return {
        "n_areas": len(areas), "frame": frame, "highlighted": highlighted,
        "chart_table": chart_table.rename(columns={
            "name": t("area", lang), "cohort_label": t("cohort", lang),
            "residents_label": t("residents", lang), "status_label": t("status", lang),
            "source_id": t("source", lang)}),
        "alt": residents_alt(frame, lang), "caption": residents_caption(areas, lang),
        "table": residents_table(frame, lang),
    }


def residents_alt(frame: pd.DataFrame, lang: str) -> str:
    """Alt text: what the residents chart shows and its extremes."""
    first, last = frame.iloc[0], frame.iloc[-1]
    return t("gb_residents_alt", lang, n=len(frame), largest=first["name"],
             largest_value=first["residents_label"], smallest=last["name"],
             smallest_value=last["residents_label"])


def residents_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The residents frame as a table with translated headers, in chart order. It fits the
    column from 1280 px on: the province is in the area's detail, and a reference date, status
    or source shared by all rows is said once (the header, the caption and the source line
    under the table) instead of a column of repeats."""
    dates = frame["ref_date_label"].drop_duplicates()
    one_date = len(dates) == 1
    residents = (t("gb_col_residents_on", lang, date=dates.iloc[0]) if one_date
                 else t("residents", lang))
    table = {
        t("area", lang): frame["name"],
        t("municipality", lang): frame["municipality"],
        t("cohort", lang): [t(f"cohort_short_{c}", lang) for c in frame["cohort"]],
        residents: frame["residents_label"],
    }
    if not one_date:
        table[t("gb_col_ref_date", lang)] = frame["ref_date_label"]
    if frame["status_label"].nunique() > 1:
        table[t("status", lang)] = frame["status_label"]
    if frame["source_id"].nunique() > 1:
        table[t("source", lang)] = frame["source_id"]
    return pd.DataFrame(table)


def residents_caption(areas: pd.DataFrame, lang: str) -> str:
    """Reference date(s), status and the computed total of the rounded values of ``areas``
    (queries.areas rows: all chosen areas, also when the chart shows only the largest)."""
    dates = ", ".join(date_text(d, lang) for d in areas["residents_ref_date"].drop_duplicates())
    statuses = ", ".join(status_label(s, lang)
                         for s in areas["residents_status"].drop_duplicates())
    return t("gb_residents_caption", lang, date=dates, status=statuses,
             total=fmt.number(int(areas["residents"].sum()), lang),
             computed=t("computed_sum", lang))


# --- keeping chart and table selection in step -------------------------------------------------

def selected_ids(event, param: str = PICK_PARAM) -> list[str]:
    """Area ids in a chart selection event (``event["selection"][param]``: a list of dicts with
    the selection's fields, or an empty dict when nothing is selected)."""
    try:
        points = event["selection"][param]
    except (KeyError, TypeError):
        return []
    if not isinstance(points, list):
        return []
    ids = [p.get("area_id") for p in points if isinstance(p, Mapping)]
    return list(dict.fromkeys(i for i in ids if isinstance(i, str)))


def rows_for_ids(order: Sequence[str], ids: Sequence[str]) -> list[int]:
    """Table row positions of these area ids (``order``: the table's area ids, top to bottom)."""
    wanted = set(ids)
    return [i for i, area_id in enumerate(order) if area_id in wanted]


def ids_for_rows(order: Sequence[str], rows: Sequence[int]) -> list[str]:
    """Area ids of table row positions; positions outside the table are dropped."""
    return [order[r] for r in sorted(set(rows)) if isinstance(r, int) and 0 <= r < len(order)]
