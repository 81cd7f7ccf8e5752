"""Pure builders for the scenario page: area frames, criteria, display tables, Altair charts.

No Streamlit here: the page passes query results in and renders what comes back. The maths of
the distribution itself lives in ``nplv_data.scenario``; this module only prepares its input
(areas with the low-financial-welfare figure, the criteria filter, the ``ScenarioInput``) and
turns its output into translated tables, notes and charts.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import cohort_labels, status_label
from nplv_data import scenario as sc
from nplv_data.frames import isin

WELFARE_INDICATOR = "low_financial_welfare_share_12plus"
WELFARE_PERIOD = "2024"
ASK_LINE = "ask2021_16areas"  # the 2021 ask for the 16 areas: the default amount
ASK_TOTAL_LINE = "ask2021_total"
BASIS = ("selection", "criteria")
BLEND_NONE = "none"
BLEND_OPTIONS = (BLEND_NONE, *sc.KEYS)
SET_A, SET_B = "original16", "all20"  # the dilution block always compares these two
BAR_HEIGHT = 32
LABEL_ROOM = 1.45  # x-axis head room so the bar labels fit to the right of the longest bar


# --- inputs ---------------------------------------------------------------------------------

@kept
def ask_default(budget_lines: pd.DataFrame) -> dict | None:
    """The 2021 ask for the 16 areas (default amount) and the total ask, from budget_lines.

    Returns None when the line is missing or has no amount; otherwise amount (int euros),
    status, source_id and total / total_status / total_source_id (total None if missing).
    """
    rows = budget_lines.set_index("line_id")
    if ASK_LINE not in rows.index or fmt.is_missing(rows.at[ASK_LINE, "amount_eur"]):
        return None
    line = rows.loc[ASK_LINE]
    total = rows.loc[ASK_TOTAL_LINE] if ASK_TOTAL_LINE in rows.index else None
    has_total = total is not None and not fmt.is_missing(total["amount_eur"])
    return {
        "amount": int(line["amount_eur"]),
        "status": line["status"],
        "source_id": line["source_id"],
        "total": int(total["amount_eur"]) if has_total else None,
        "total_status": total["status"] if has_total else None,
        "total_source_id": total["source_id"] if has_total else None,
    }


def scenario_areas(areas: pd.DataFrame, welfare: pd.DataFrame) -> pd.DataFrame:
    """Areas (queries.areas rows) with the low-financial-welfare share where the sources have it.

    ``welfare`` is queries.indicator_by_area for WELFARE_INDICATOR / WELFARE_PERIOD. Columns:
    area_id, name, cohort, residents, low_fin_welfare_pct (NaN when not in the sources),
    welfare_status, welfare_source_id; row order as in ``areas``.
    """
    figures = welfare.loc[welfare["value"].notna(), ["area_id", "value", "status", "source_id"]]
    figures = figures.rename(columns={"value": sc.WELFARE_COLUMN, "status": "welfare_status",
                                      "source_id": "welfare_source_id"})
    frame = areas[["area_id", "name", "cohort", "residents"]].merge(
        figures, on="area_id", how="left")
    frame[sc.WELFARE_COLUMN] = frame[sc.WELFARE_COLUMN].astype("float64")
    return frame.reset_index(drop=True)


def welfare_coverage(frame: pd.DataFrame) -> tuple[int, int]:
    """(areas with a welfare figure, all areas) in a ``scenario_areas`` frame."""
    return int(frame[sc.WELFARE_COLUMN].notna().sum()), len(frame)


@kept
def welfare_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every area with its welfare figure, status and source; 'niet beschikbaar' where missing."""
    ordered = frame.sort_values([sc.WELFARE_COLUMN, "name"], ascending=[False, True],
                                na_position="last")
    return pd.DataFrame({
        t("sc_col_area", lang): ordered["name"].tolist(),
        t("sc_col_welfare", lang): [fmt.percent(v, lang) for v in ordered[sc.WELFARE_COLUMN]],
        t("sc_col_status", lang): [status_label(s, lang) for s in ordered["welfare_status"]],
        t("sc_col_source", lang): ["" if fmt.is_missing(s) else s
                                   for s in ordered["welfare_source_id"]],
    })


def by_criteria(frame: pd.DataFrame, min_residents: int = 0,
                min_welfare_pct: float = 0.0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split areas by the criteria: (chosen, left_out).

    An area is chosen when residents >= min_residents (0: no threshold) and, when
    min_welfare_pct > 0, its welfare share is known and >= min_welfare_pct. left_out has the
    columns area_id, name, residents, low_fin_welfare_pct, reason (below_residents,
    no_welfare_figure or below_welfare; the first that applies).
    """
    reasons = []
    for row in frame.itertuples(index=False):
        welfare = getattr(row, sc.WELFARE_COLUMN)
        if min_residents and row.residents < min_residents:
            reasons.append("below_residents")
        elif min_welfare_pct and fmt.is_missing(welfare):
            reasons.append("no_welfare_figure")
        elif min_welfare_pct and welfare < min_welfare_pct:
            reasons.append("below_welfare")
        else:
            reasons.append(None)
    keep = pd.Series([r is None for r in reasons], index=frame.index, dtype=bool)
    left_out = frame.loc[~keep, ["area_id", "name", "residents", sc.WELFARE_COLUMN]].copy()
    left_out["reason"] = [r for r in reasons if r is not None]
    return frame[keep].reset_index(drop=True), left_out.reset_index(drop=True)


def left_out_table(left_out: pd.DataFrame, lang: str, min_residents: int,
                   min_welfare_pct: float) -> pd.DataFrame:
    """The areas the criteria leave out, with a translated reason each."""
    def reason(row) -> str:
        if row.reason == "below_residents":
            return t("sc_reason_below_residents", lang, min=fmt.number(min_residents, lang))
        if row.reason == "below_welfare":
            return t("sc_reason_below_welfare", lang,
                     value=fmt.percent(getattr(row, sc.WELFARE_COLUMN), lang),
                     min=fmt.percent(min_welfare_pct, lang))
        return t("sc_reason_no_welfare", lang)

    return pd.DataFrame({
        t("sc_col_area", lang): left_out["name"].tolist(),
        t("sc_col_residents", lang): [fmt.number(v, lang) for v in left_out["residents"]],
        t("sc_col_reason", lang): [reason(r) for r in left_out.itertuples(index=False)],
    })


def effective_blend(key: str, blend: str) -> str | None:
    """The second key to blend with, or None ('none', or the same key as the first)."""
    return None if blend in (BLEND_NONE, key) else blend


def make_input(amount: int, years: int, key: str, blend: str = BLEND_NONE,
               blend_pct: int = 0, minimum: int = 0) -> sc.ScenarioInput:
    """The ScenarioInput for the page's widgets; blend_pct is the second key's weight in %.

    Raises ScenarioError for values the maths refuses (the page shows the message).
    """
    blend_key = effective_blend(key, blend)
    share = blend_pct / 100 if blend_key is not None else 0.0
    return sc.ScenarioInput(amount_per_year_eur=amount, years=years, key=key,
                            blend_key=blend_key, blend_share=share,
                            minimum_per_area_eur=minimum)


# --- result as text -------------------------------------------------------------------------

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


def key_label(key: str, lang: str) -> str:
    return t(f"sc_key_{key}", lang)


def blend_label(code: str, lang: str) -> str:
    return t("sc_blend_none", lang) if code == BLEND_NONE else key_label(code, lang)


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


# --- allocation chart -----------------------------------------------------------------------

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
        "label": [t("sc_label_per_resident", lang, amount=fmt.euro_compact(a, lang),
                    per_resident=fmt.euro(round(p), lang))
                  for a, p in zip(table["per_year_eur"], table["per_resident_per_year_eur"],
                                  strict=True)],
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


# --- dilution -------------------------------------------------------------------------------

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


@kept_chart
def dilution_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Two horizontal bars, € per resident per year for the 16 and for the 20."""
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
    return alt.layer(bars, text).properties(height=alt.Step(56))


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


# --- small helpers for the page -------------------------------------------------------------

@kept
def allocation(scenario_input: sc.ScenarioInput, areas: pd.DataFrame) -> sc.ScenarioResult:
    """``nplv_data.scenario.allocate``, kept per input and areas (the page asks on every rerun;
    raises ``ScenarioError`` as allocate does, and nothing is kept then)."""
    return sc.allocate(scenario_input, areas)


@kept
def restrict(frame: pd.DataFrame, area_ids) -> pd.DataFrame:
    """The rows of a ``scenario_areas`` frame whose area_id is in ``area_ids``."""
    return frame[isin(frame["area_id"], area_ids)].reset_index(drop=True)


@kept
def receivers_basis(areas: pd.DataFrame, area_ids, lang: str) -> dict:
    """``residents_basis`` of the areas (queries.areas rows) whose id is in ``area_ids``."""
    return residents_basis(areas[isin(areas["area_id"], area_ids)], lang)


@kept
def residents_basis(areas: pd.DataFrame, lang: str) -> dict:
    """Reference date(s), status(es) and source ids of the residents figures in ``areas``
    (queries.areas rows), for the caption under the result."""
    dates = sorted({fmt.date(d, lang) for d in areas["residents_ref_date"]})
    statuses = sorted({status_label(s, lang) for s in areas["residents_status"]})
    sources = [s for s in dict.fromkeys(areas["residents_source_id"]) if not fmt.is_missing(s)]
    return {"date": ", ".join(dates), "status": ", ".join(statuses), "source_ids": sources}


def welfare_source_ids(frame: pd.DataFrame) -> list[str]:
    """Sources of the welfare figures present in a ``scenario_areas`` frame."""
    return [s for s in dict.fromkeys(frame["welfare_source_id"]) if not fmt.is_missing(s)]


def count_reason(left_out: pd.DataFrame, reason: str) -> int:
    """How many areas ``by_criteria`` left out for this reason."""
    return int((left_out["reason"] == reason).sum())


@kept
def coverage_text(frame: pd.DataFrame, lang: str) -> str:
    """'... staat voor 5 van de 20 gebieden in de bronnen ...' for a ``scenario_areas`` frame."""
    known, total = welfare_coverage(frame)
    return t("sc_welfare_coverage", lang, n=known, total=total, missing=total - known)


def blend_caption(key: str, blend_key: str, blend_pct: int, lang: str) -> str:
    """'70% Per inwoner + 30% Gelijk per gebied'."""
    return t("sc_blend_explained", lang, first_pct=100 - blend_pct, first=key_label(key, lang),
             second_pct=blend_pct, second=key_label(blend_key, lang))
