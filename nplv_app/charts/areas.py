"""Pure builders for the Gebieden page: residents and indicator charts, and display tables.

No Streamlit here: the page passes query results in and renders what comes back. Every figure
in the output comes from the frames passed in; a missing figure stays missing and is written
as 'niet beschikbaar' with a reason (words from the text module), never as 0.

Besides charts, this module holds the small helpers the page needs to keep the residents chart
and the residents table in step (``selected_ids``, ``rows_for_ids``, ``ids_for_rows``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from nplv_app import fmt, theme
from nplv_app.i18n import has, t
from nplv_app.labels import cohort_labels, status_label

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
_AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")


# --- small formats -----------------------------------------------------------------------------

def _plain(value, lang: str) -> str:
    """Up to one decimal, a real minus sign for negatives."""
    text = fmt.short_number(abs(value), lang)
    return ("−" + text) if value < 0 else text


def format_value(value, unit: str | None, lang: str) -> str:
    """A figure with its unit: 18,2% / −7 procentpunt / 98.000 personen / 2,3 keer / nr. 20."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    if unit == "percent":
        return ("−" if value < 0 else "") + fmt.percent(abs(value), lang)
    if unit in ("persons", "dwellings", "households"):
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


def _axis_expr(lang: str) -> str:
    """Vega expression for axis labels: 200.000 / 12,5 (nl) or 200,000 / 12.5 (en)."""
    number = "format(datum.value, ',~f')"
    if lang != "nl":
        return number
    return (f"replace(replace(replace({number}, regexp(',', 'g'), '_'), "
            f"regexp('[.]', 'g'), ','), regexp('_', 'g'), '.')")


def _date_text(value, lang: str) -> str:
    return t("gb_date_unknown", lang) if fmt.is_missing(value) else fmt.date(value, lang)


# --- residents ---------------------------------------------------------------------------------

def residents_frame(areas: pd.DataFrame, lang: str,
                    highlighted: Sequence[str] = ()) -> pd.DataFrame:
    """Areas (queries.areas rows), largest first, with labels for chart and table.

    Columns: area_id, name, municipality, province, cohort, cohort_label, residents,
    residents_label, ref_date_label, status_label, source_id, highlighted.
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
        "ref_date_label": [_date_text(d, lang) for d in ordered["residents_ref_date"]],
        "status_label": [status_label(s, lang) for s in ordered["residents_status"]],
        "source_id": ordered["residents_source_id"].tolist(),
        "highlighted": [a in chosen for a in ordered["area_id"]],
    })


def residents_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Horizontal bars of residents (a ``residents_frame``), largest on top, cohort colours,
    Dutch value labels; clicking a bar fills the point selection ``PICK_PARAM``; highlighted
    rows are drawn opaque with an outline and the others dimmed."""
    data = frame[["area_id", "name", "municipality", "cohort_label", "residents",
                  "residents_label", "status_label", "highlighted"]]
    order = data["name"].tolist()
    top = float(data["residents"].max()) if len(data) else 1.0
    pick = alt.selection_point(name=PICK_PARAM, fields=["area_id"], on="click", clear="dblclick")
    dimmed = DIM_OPACITY if bool(data["highlighted"].any()) else 1.0
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    x = alt.X("residents:Q", title=t("residents", lang),
              scale=alt.Scale(domain=[0, top * LABEL_ROOM], nice=False),
              axis=alt.Axis(labelExpr=_axis_expr(lang), tickCount=5))
    tooltip = [
        alt.Tooltip("name:N", title=t("area", lang)),
        alt.Tooltip("municipality:N", title=t("municipality", lang)),
        alt.Tooltip("residents_label:N", title=t("residents", lang)),
        alt.Tooltip("status_label:N", title=t("status", lang)),
        alt.Tooltip("cohort_label:N", title=t("cohort", lang)),
    ]
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
        text="residents_label:N")
    return alt.layer(bars, text).properties(height=max(len(data), 1) * BAR_HEIGHT + 10,
                                            autosize=_AUTOSIZE)


def municipality_names(areas: pd.DataFrame) -> dict[str, str]:
    """Municipality name by gemeente code (queries.areas rows)."""
    return dict(zip(areas["gemeente_code"].tolist(), areas["municipality"].tolist(),
                    strict=True))


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
    """The residents frame as a table with translated headers, in chart order."""
    return pd.DataFrame({
        t("area", lang): frame["name"],
        t("municipality", lang): frame["municipality"],
        t("province", lang): frame["province"],
        t("cohort", lang): frame["cohort_label"],
        t("residents", lang): frame["residents_label"],
        t("gb_col_ref_date", lang): frame["ref_date_label"],
        t("status", lang): frame["status_label"],
        t("source", lang): frame["source_id"],
    })


def residents_caption(areas: pd.DataFrame, lang: str) -> str:
    """Reference date(s), status and the computed total of the rounded values of ``areas``
    (queries.areas rows: all chosen areas, also when the chart shows only the largest)."""
    dates = ", ".join(_date_text(d, lang) for d in areas["residents_ref_date"].drop_duplicates())
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


# --- indicators per area -----------------------------------------------------------------------

def indicator_code(indicator: str, period: str) -> str:
    return f"{indicator}{CODE_SEP}{period}"


def split_code(code: str) -> tuple[str, str]:
    indicator, _, period = code.partition(CODE_SEP)
    return indicator, period


def indicator_options(catalog: pd.DataFrame) -> list[str]:
    """Codes of the indicator/period pairs that some area has (queries.indicator_catalog), the
    preferred ones first; ranks are left out (they are used as reasons, not drawn as bars)."""
    rows = catalog[(catalog["n_areas"] > 0) & ~catalog["unit"].isin(SKIPPED_UNITS)]
    codes = [indicator_code(i, p) for i, p in zip(rows["indicator"], rows["period"], strict=True)]
    preferred = [c for name in PREFERRED_INDICATORS for c in codes if split_code(c)[0] == name]
    return preferred + [c for c in codes if c not in preferred]


def indicator_option_label(code: str, catalog: pd.DataFrame, lang: str) -> str:
    return indicator_option_labels(catalog, lang).get(code) or code


def indicator_option_labels(catalog: pd.DataFrame, lang: str) -> dict[str, str]:
    """Picker label per indicator code, for every row of the catalog at once."""
    return {
        indicator_code(i, p): t("gb_indicator_option", lang, label=indicator_label(i, lang),
                                period=p, n=int(n))
        for i, p, n in zip(catalog["indicator"], catalog["period"], catalog["n_areas"],
                           strict=True)}


def _known_ranks(ranks: pd.DataFrame | None) -> dict[str, int]:
    """Area id -> its known rank (the first one), looked up once instead of per area."""
    if ranks is None or not len(ranks):
        return {}
    known = ranks[ranks["value"].notna()].drop_duplicates("area_id")
    return {str(a): int(v) for a, v in zip(known["area_id"], known["value"], strict=True)}


def _reason(indicator: str, rank: int | None, lang: str) -> str:
    if rank is not None:
        which = ("gb_rank_highest" if rank == 1 else
                 "gb_rank_lowest" if rank == N_AREAS else "gb_rank_other")
        return t("gb_reason_rank", lang, rank=rank, which=t(which, lang))
    return t(REASON_KEYS.get(indicator, "gb_reason_default"), lang)


def indicator_frame(by_area: pd.DataFrame, indicator: str, period: str, lang: str,
                    ranks: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per chosen area (queries.indicator_by_area), figures first (highest on top),
    then the areas without a figure by name, each with the reason it is missing.

    ``ranks``: queries.indicator_by_area for the rank indicator of RANK_INDICATORS, if any.
    Columns: area_id, name, available, value (NaN where missing), value_text, value_label
    (≈ before approximate figures), period, unit_label, status, status_label, source_id, note,
    reason (empty where a figure exists), na_label.
    """
    ordered = by_area.assign(_has=by_area["value"].notna()).sort_values(
        ["_has", "value", "name"], ascending=[False, False, True], na_position="last")
    unit = ordered["unit"].dropna().iloc[0] if ordered["unit"].notna().any() else None
    known_ranks = _known_ranks(ranks)
    rows = []
    for row in ordered.itertuples(index=False):
        available = not fmt.is_missing(row.value)
        text = format_value(row.value, row.unit if available else unit, lang)
        approx = available and row.status == "approximate"
        rows.append({
            "area_id": row.area_id,
            "name": row.name,
            "available": available,
            "value": float(row.value) if available else float("nan"),
            "value_text": text,
            "value_label": ("≈ " + text) if approx else text,
            "period": period,
            "unit_label": row.unit_label if available else "",
            "status": row.status if available else None,
            "status_label": status_label(row.status if available else None, lang),
            "source_id": row.source_id if available else "",
            "note": (row.note or "") if available and not fmt.is_missing(row.note) else "",
            "reason": "" if available else _reason(indicator, known_ranks.get(row.area_id),
                                                   lang),
            "na_label": "" if available else t("gb_na_short", lang),
        })
    return pd.DataFrame(rows, columns=[
        "area_id", "name", "available", "value", "value_text", "value_label", "period",
        "unit_label", "status", "status_label", "source_id", "note", "reason", "na_label"])


def reference_frame(refs: pd.DataFrame, lang: str,
                    municipality_names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Comparison values (queries.indicator_references), lowest first, with labels.

    Columns: scope_id, scope_label, value, value_text, label (scope: value, ≈ when approximate),
    unit_label, status, status_label, source_id, note.
    """
    refs = refs[refs["value"].notna()].sort_values("value")
    rows = []
    for row in refs.itertuples(index=False):
        text = format_value(row.value, row.unit, lang)
        scope = scope_label(row.scope_id, lang, municipality_names)
        approx = "≈ " if row.status == "approximate" else ""
        rows.append({
            "scope_id": row.scope_id, "scope_label": scope, "value": float(row.value),
            "value_text": text, "label": f"{scope}: {approx}{text}",
            "unit_label": row.unit_label, "status": row.status,
            "status_label": status_label(row.status, lang), "source_id": row.source_id,
            "note": "" if fmt.is_missing(row.note) else row.note,
        })
    return pd.DataFrame(rows, columns=[
        "scope_id", "scope_label", "value", "value_text", "label", "unit_label", "status",
        "status_label", "source_id", "note"])


def _status_scale(lang: str) -> alt.Scale:
    order = ("confirmed", "approximate", "unconfirmed")
    return alt.Scale(domain=[status_label(s, lang) for s in order],
                     range=[theme.STATUS_COLOURS[s] for s in order])


def indicator_chart(frame: pd.DataFrame, refs: pd.DataFrame, lang: str,
                    axis_title: str) -> alt.LayerChart:
    """Bars for the areas with a figure (colour = status), 'niet beschikbaar' text (no bar) for
    the others, and dashed reference rules with stacked labels above the plot."""
    order = frame["name"].tolist()
    have = frame[frame["available"]]
    missing = frame[~frame["available"]]
    values = [*have["value"].tolist(), *refs["value"].tolist()]
    top = max(values) if values else 1.0
    domain_top = top * LABEL_ROOM if top > 0 else 1.0
    y = alt.Y("name:N", sort=order, title=None, scale=alt.Scale(domain=order),
              axis=alt.Axis(labelLimit=320))
    x = alt.X("value:Q", title=axis_title, scale=alt.Scale(domain=[0, domain_top], nice=False),
              axis=alt.Axis(labelExpr=_axis_expr(lang), tickCount=6))
    layers: list[alt.Chart] = []
    if len(have):
        data = have[["name", "value", "value_label", "value_text", "status_label", "source_id",
                     "period"]]
        tooltip = [alt.Tooltip("name:N", title=t("area", lang)),
                   alt.Tooltip("value_text:N", title=t("gb_col_value", lang)),
                   alt.Tooltip("period:N", title=t("period", lang)),
                   alt.Tooltip("status_label:N", title=t("status", lang)),
                   alt.Tooltip("source_id:N", title=t("source", lang))]
        base = alt.Chart(data).encode(y=y, x=x, tooltip=tooltip)
        layers.append(base.mark_bar(height=BAR_HEIGHT - 8).encode(
            color=alt.Color("status_label:N", scale=_status_scale(lang), title=t("status", lang),
                            legend=alt.Legend(orient="bottom"))))
        layers.append(base.mark_text(align="left", dx=5, fontSize=15,
                                     color=theme.REFERENCE).encode(text="value_label:N"))
    if len(missing):
        data = missing[["name", "na_label", "reason"]]
        layers.append(alt.Chart(data).mark_text(
            align="left", dx=6, fontSize=14, fontStyle="italic", color=theme.NEUTRAL,
        ).encode(y=y, x=alt.value(0), text="na_label:N",
                 tooltip=[alt.Tooltip("name:N", title=t("area", lang)),
                          alt.Tooltip("reason:N", title=t("gb_col_note", lang))]))
    for i, ref in enumerate(refs.itertuples(index=False)):
        one = pd.DataFrame([{"value": ref.value, "label": ref.label,
                             "status_label": ref.status_label, "source_id": ref.source_id}])
        tooltip = [alt.Tooltip("label:N", title=t("gb_kind_reference", lang)),
                   alt.Tooltip("status_label:N", title=t("status", lang)),
                   alt.Tooltip("source_id:N", title=t("source", lang))]
        right = ref.value > 0.6 * domain_top
        layers.append(alt.Chart(one).mark_rule(
            strokeDash=[6, 4], strokeWidth=2, color=theme.REFERENCE,
        ).encode(x=x, tooltip=tooltip))
        layers.append(alt.Chart(one).mark_text(
            align="right" if right else "left", dx=-4 if right else 4, fontSize=14,
            color=theme.REFERENCE,
        ).encode(x=x, y=alt.value(-8 - REF_LABEL_STEP * (len(refs) - 1 - i)),
                 text="label:N", tooltip=tooltip))
    return alt.layer(*layers).properties(height=max(len(frame), 1) * BAR_HEIGHT + 10,
                                         autosize=_AUTOSIZE)


def indicator_alt(frame: pd.DataFrame, refs: pd.DataFrame, label: str, period: str,
                  lang: str) -> str:
    refs_text = "; ".join(refs["label"]) if len(refs) else t("gb_no_refs", lang)
    return t("gb_indicator_alt", lang, indicator=label, period=period,
             n_with=int(frame["available"].sum()), n=len(frame), refs=refs_text)


def indicator_table(frame: pd.DataFrame, refs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every chosen area (figure or 'niet beschikbaar' with reason), then the comparison
    values; with period, unit, status and source per figure."""
    areas = pd.DataFrame({
        t("gb_col_kind", lang): t("gb_kind_area", lang),
        t("area", lang): frame["name"],
        t("gb_col_value", lang): frame["value_text"],
        t("period", lang): frame["period"],
        t("gb_col_unit", lang): frame["unit_label"],
        t("status", lang): frame["status_label"],
        t("source", lang): frame["source_id"],
        t("gb_col_note", lang): [r or n for r, n in zip(frame["reason"], frame["note"],
                                                        strict=True)],
    })
    period = frame["period"].iloc[0] if len(frame) else ""
    comparisons = pd.DataFrame({
        t("gb_col_kind", lang): t("gb_kind_reference", lang),
        t("area", lang): refs["scope_label"],
        t("gb_col_value", lang): refs["value_text"],
        t("period", lang): period,
        t("gb_col_unit", lang): refs["unit_label"],
        t("status", lang): refs["status_label"],
        t("source", lang): refs["source_id"],
        t("gb_col_note", lang): refs["note"],
    })
    return pd.concat([areas, comparisons], ignore_index=True)


def missing_reasons(frame: pd.DataFrame) -> dict[str, list[str]]:
    """Reason -> names of the areas it applies to, in table order."""
    out: dict[str, list[str]] = {}
    for name, reason in zip(frame["name"], frame["reason"], strict=True):
        if reason:
            out.setdefault(reason, []).append(name)
    return out


def missing_summary(frame: pd.DataFrame, lang: str, max_names: int = 3) -> str:
    """'Waarom niet beschikbaar: <reason> (Nieuwegein Centrale As); <reason> (14 gebieden)';
    empty when every area has a figure."""
    parts = []
    for reason, names in missing_reasons(frame).items():
        who = ", ".join(names) if len(names) <= max_names else t("gb_n_areas", lang, n=len(names))
        parts.append(f"{reason} ({who})")
    return t("gb_na_reasons", lang, reasons="; ".join(parts)) if parts else ""


# --- programme-wide figures --------------------------------------------------------------------

def programme_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Indicators for the aggregate scopes (queries.indicators for PROGRAMME_SCOPES), as the
    sources give them: the period text verbatim, status and source per figure."""
    rows = rows[rows["subarea"].isna()]
    return pd.DataFrame({
        t("gb_col_indicator", lang): [indicator_label(i, lang) for i in rows["indicator"]],
        t("gb_col_scope", lang): [scope_label(s, lang) for s in rows["scope_id"]],
        t("period", lang): rows["period"].tolist(),
        t("gb_col_value", lang): [format_value(v, u, lang)
                                  for v, u in zip(rows["value"], rows["unit"], strict=True)],
        t("status", lang): [status_label(s, lang) for s in rows["status"]],
        t("source", lang): rows["source_id"].tolist(),
        t("gb_col_note", lang): ["" if fmt.is_missing(n) else n for n in rows["note"]],
    })


# --- one area ----------------------------------------------------------------------------------

def facts_table(area: Mapping, lang: str) -> pd.DataFrame:
    """Key facts of one area (a queries.area row as a mapping), each with status and source."""
    record_status = status_label(area.get("status"), lang)
    source = area.get("source_id") or ""
    if not fmt.is_missing(area.get("name_2021")) and area.get("name_2021"):
        name_2021 = (area["name_2021"], status_label(area.get("name_2021_status"), lang))
    elif area.get("cohort") == "added2022":
        name_2021 = (t("gb_none", lang) + " (" + t("cohort_added2022", lang) + ")", "")
    else:
        name_2021 = (t("not_available", lang), "")
    alt_names = area.get("alt_names")
    rows = [
        (t("gb_fact_municipality", lang), area.get("municipality"), record_status, source),
        (t("gb_fact_code", lang), area.get("gemeente_code"),
         status_label(area.get("gemeente_code_status"), lang), source),
        (t("gb_fact_province", lang), area.get("province"), record_status, source),
        (t("gb_fact_cohort", lang), t(f"cohort_{area.get('cohort')}", lang), record_status,
         source),
        (t("gb_fact_residents", lang, date=_date_text(area.get("residents_ref_date"), lang)),
         fmt.number(area.get("residents"), lang),
         status_label(area.get("residents_status"), lang), area.get("residents_source_id") or ""),
        (t("gb_fact_name_2021", lang), name_2021[0], name_2021[1], source if name_2021[1] else ""),
        (t("gb_fact_alt_names", lang),
         t("gb_none", lang) if fmt.is_missing(alt_names) or not alt_names
         else alt_names.replace(";", "; "), record_status, source),
    ]
    return pd.DataFrame(rows, columns=[t("gb_col_fact", lang), t("value", lang),
                                       t("status", lang), t("source", lang)])


def wijken_table(wijken: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        t("gb_col_position", lang): wijken["position"].tolist(),
        t("gb_col_wijk", lang): wijken["wijk_name"].tolist(),
        t("gb_col_note", lang): ["" if fmt.is_missing(n) else n for n in wijken["note"]],
        t("status", lang): [status_label(s, lang) for s in wijken["status"]],
        t("source", lang): wijken["source_id"].tolist(),
    })


def population_table(population: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every count for one area (queries.population), dated ones first by date."""
    rows = population.sort_values(["ref_date", "measure"], na_position="last")
    return pd.DataFrame({
        t("gb_col_measure", lang): [measure_label(m, lang) for m in rows["measure"]],
        t("gb_col_ref_date", lang): [_date_text(d, lang) for d in rows["ref_date"]],
        t("value", lang): [fmt.number(v, lang) for v in rows["value"]],
        t("gb_col_precision", lang): ["" if fmt.is_missing(p) else p for p in rows["precision"]],
        t("status", lang): [status_label(s, lang) for s in rows["status"]],
        t("source", lang): rows["source_id"].tolist(),
    })


def _normal(name: str) -> str:
    words = str(name).lower().replace("-", " ").replace("/", " ").split()
    return "_".join(w for w in words if w != "en")


def subarea_label(code, wijk_names: Sequence[str], lang: str) -> str:
    """The wijk name for a subarea code (moerwijk -> Moerwijk; bouwlust_vrederust ->
    Bouwlust en Vrederust); 'heel gebied' for area-level rows; the code when no name matches."""
    if fmt.is_missing(code) or not code:
        return t("gb_subarea_whole", lang)
    for name in wijk_names:
        if _normal(name) == _normal(code):
            return name
    return str(code)


def area_indicator_table(rows: pd.DataFrame, wijk_names: Sequence[str],
                         lang: str) -> pd.DataFrame:
    """Every indicator row of one area (queries.indicators for the area), wijk-level included."""
    return pd.DataFrame({
        t("gb_col_indicator", lang): [indicator_label(i, lang) for i in rows["indicator"]],
        t("gb_col_subarea", lang): [subarea_label(s, wijk_names, lang) for s in rows["subarea"]],
        t("period", lang): rows["period"].tolist(),
        t("gb_col_value", lang): [format_value(v, u, lang)
                                  for v, u in zip(rows["value"], rows["unit"], strict=True)],
        t("gb_col_unit", lang): rows["unit_label"].tolist(),
        t("status", lang): [status_label(s, lang) for s in rows["status"]],
        t("source", lang): rows["source_id"].tolist(),
        t("gb_col_note", lang): ["" if fmt.is_missing(n) else n for n in rows["note"]],
    })


def comparable(scope: str, municipality: str, gemeente_code: str) -> bool:
    """Whether a reference scope fits an area: programme-wide and national values always; the
    whole municipality or 'rest of <place>' only for the area's own municipality."""
    if scope in ALWAYS_COMPARABLE:
        return True
    if scope == gemeente_code:
        return True
    if scope.startswith("rest:"):
        place = scope[len("rest:"):].split(" excl")[0].strip().lower()
        return bool(place) and place in str(municipality).lower()
    return False


def comparison_table(refs: pd.DataFrame, area: Mapping, lang: str) -> pd.DataFrame:
    """Comparison values for one area's indicators (queries.area_indicator_comparisons), only
    the scopes that fit this area (see ``comparable``)."""
    names = {area.get("gemeente_code"): area.get("municipality")}
    keep = pd.Series([comparable(s, area.get("municipality", ""), area.get("gemeente_code", ""))
                      for s in refs["scope_id"]], index=refs.index, dtype=bool)
    rows = refs[keep]
    return pd.DataFrame({
        t("gb_col_indicator", lang): [indicator_label(i, lang) for i in rows["indicator"]],
        t("gb_col_scope", lang): [scope_label(s, lang, names) for s in rows["scope_id"]],
        t("period", lang): rows["period"].tolist(),
        t("gb_col_value", lang): [format_value(v, u, lang)
                                  for v, u in zip(rows["value"], rows["unit"], strict=True)],
        t("status", lang): [status_label(s, lang) for s in rows["status"]],
        t("source", lang): rows["source_id"].tolist(),
        t("gb_col_note", lang): ["" if fmt.is_missing(n) else n for n in rows["note"]],
    })


def money_table(money: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Allocations to the area's municipality (queries.area_money); a missing amount reads
    'niet gevonden in de bronnen', an inferred round is flagged."""
    label_column = "label_en" if lang == "en" else "label_nl"
    return pd.DataFrame({
        t("gb_col_round", lang): money[label_column].tolist(),
        t("gb_col_date", lang): [_date_text(d, lang) for d in money["date"]],
        t("amount", lang): [t("gb_amount_not_found", lang) if fmt.is_missing(a)
                            else fmt.euro(a, lang) for a in money["amount_eur"]],
        t("status", lang): [status_label(s, lang) for s in money["status"]],
        t("gb_col_round_inferred", lang): [t("gb_round_inferred_yes" if f else
                                             "gb_round_inferred_no", lang)
                                           for f in money["is_round_inferred"]],
        t("gb_col_project", lang): money["project"].tolist(),
        t("gb_col_fund", lang): [t(f"gb_fund_{f}", lang) if has(f"gb_fund_{f}") else f
                                 for f in money["fund"]],
        t("gb_col_homes", lang): ["" if fmt.is_missing(h) else fmt.number(h, lang)
                                  for h in money["homes"]],
        t("source", lang): money["source_id"].tolist(),
    })


def money_total(money: pd.DataFrame) -> tuple[float | None, int]:
    """(sum of the amounts found, or None when none was found; number of amounts not found)."""
    known = money["amount_eur"].dropna()
    return (float(known.sum()) if len(known) else None), int(money["amount_eur"].isna().sum())


def events_table(events: pd.DataFrame, lang: str) -> pd.DataFrame:
    text_column = "event_en" if lang == "en" else "event_nl"
    return pd.DataFrame({
        t("gb_col_date", lang): [fmt.date(d, lang, p) for d, p in
                                 zip(events["date"], events["date_precision"], strict=True)],
        t("gb_col_event", lang): events[text_column].tolist(),
        t("source", lang): events["source_id"].tolist(),
    })


def sources_table(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Sources behind one area (queries.area_sources) with what they were used for and the
    statuses of the rows taken from them."""
    def used(text) -> str:
        parts = [p.strip() for p in str(text or "").split(",") if p.strip()]
        return ", ".join(t(f"gb_used_{p}", lang) if has(f"gb_used_{p}") else p for p in parts)

    def statuses(text) -> str:
        parts = [p.strip() for p in str(text or "").split(",") if p.strip()]
        return ", ".join(status_label(p, lang) for p in parts)

    return pd.DataFrame({
        t("gb_col_source_id", lang): sources["source_id"].tolist(),
        t("gb_col_title", lang): sources["title"].tolist(),
        t("gb_col_used_in", lang): [used(u) for u in sources["used_in"]],
        t("gb_col_statuses", lang): [statuses(s) for s in sources["statuses"]],
        t("gb_col_link", lang): sources["url"].tolist(),
        t("gb_col_publisher", lang): ["" if fmt.is_missing(p) else p
                                      for p in sources["publisher"]],
        t("gb_col_published", lang): ["" if fmt.is_missing(p) else p
                                      for p in sources["published"]],
    })
