"""The scenario's inputs: areas with the welfare figure, the criteria filter, the ScenarioInput, the
default amount from the 2021 ask, and the small helpers the page needs around them."""

from __future__ import annotations

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept
from nplv_app.content.labels import status_label
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



def key_label(key: str, lang: str) -> str:
    return t(f"sc_key_{key}", lang)



def blend_label(code: str, lang: str) -> str:
    return t("sc_blend_none", lang) if code == BLEND_NONE else key_label(code, lang)
