"""One plain sentence per page that states its finding for the current view, computed from the
same frames the page draws (no Streamlit here). A page shows it under its title, before its key
visual; the method text moves under "Toelichting".

Every figure in a headline comes from a source row or is a sum/difference of such rows, in
the page's own formats; a missing figure gives a shorter sentence, never a guessed one.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.charts.budget import short_period
from nplv_app.content.i18n import t


def _rows_by_set(cohorts: pd.DataFrame) -> dict[str, Mapping]:
    return {row["area_set"]: row for row in cohorts.to_dict("records")}


def _known(value) -> bool:
    return not fmt.is_missing(value)


def overview(totals: Mapping, cohorts: pd.DataFrame, reference: str | None, lang: str) -> str:
    """'De 20 gebieden in 19 gemeenten tellen samen 1.2xx.xxx inwoners; de 4 van 2022 voegen
    er 119.000 aan de 16 van 2021 toe.' (the second half only for all 20 or the 16)."""
    n, m = totals.get("n_areas"), totals.get("n_municipalities")
    residents = totals.get("residents_sum")
    if not _known(residents):
        return t("hl_ov_no_residents", lang, n=fmt.number(n, lang), m=fmt.number(m, lang))
    text = t("hl_ov", lang, n=fmt.number(n, lang), m=fmt.number(m, lang),
             residents=fmt.number(residents, lang))
    sets = _rows_by_set(cohorts)
    added, base = sets.get("added2022", {}), sets.get("original16", {})
    if reference in ("all20", "original16") and _known(added.get("residents_sum")):
        text += " " + t("hl_ov_added", lang, n_added=fmt.number(added.get("n_areas"), lang),
                        residents=fmt.number(added["residents_sum"], lang),
                        n_base=fmt.number(base.get("n_areas"), lang))
    return text


def areas(frame: pd.DataFrame, lang: str) -> str:
    """'Rotterdam-Zuid heeft de meeste inwoners (215.000), Vlaardingen Westwijk de minste
    (14.000)': ``frame`` has name and residents per chosen area."""
    known = frame.dropna(subset=["residents"]) if len(frame) else frame
    if known.empty:
        return t("hl_gb_none", lang, n=fmt.number(len(frame), lang))
    ordered = known.sort_values("residents", ascending=False, kind="stable")
    most, least = ordered.iloc[0], ordered.iloc[-1]
    if len(ordered) == 1:
        return t("hl_gb_one", lang, name=most["name"], value=fmt.number(most["residents"], lang))
    return t("hl_gb", lang, n=fmt.number(len(frame), lang), most=most["name"],
             most_value=fmt.number(most["residents"], lang), least=least["name"],
             least_value=fmt.number(least["residents"], lang))


def budget(story: pd.DataFrame, lang: str) -> str:
    """'In 2021 vroegen de burgemeesters € 500 mln per jaar; sinds 2022 volgden vooral
    eenmalige bedragen (de grootste: …) en € 82 mln per jaar structureel (…).'

    ``story`` is ``charts.budget.story_frame``; nothing is added up across lines.
    """
    if story.empty:
        return ""
    ask = story[story["kind"] == "ask"]
    given = story[(story["kind"] != "ask") & story["amount_eur"].notna()
                  & (story["amount_eur"] > 0)]
    parts = []
    if len(ask):
        parts.append(t("hl_bu_ask", lang, amount=ask.iloc[0]["amount_label"],
                       period=short_period(ask.iloc[0]["period_label"])))
    one_off = given[given["kind"] == "one_off"]
    if len(one_off):
        top = one_off.loc[one_off["amount_eur"].astype(float).idxmax()]
        parts.append(t("hl_bu_one_off", lang, n=len(one_off), name=top["label"],
                       amount=top["amount_label"], status=top["status_label"]))
    yearly = given[given["kind"] == "structural_per_year"]
    if len(yearly):
        row = yearly.iloc[0]
        parts.append(t("hl_bu_structural", lang, name=row["label"], amount=row["amount_label"],
                       period=short_period(row["period_label"])))
    return t("hl_join", lang).join(parts) + t("hl_bu_end", lang) if parts else ""


def scenario(dilution: Mapping | None, amount: int, lang: str) -> str:
    """'De 4 gebieden van 2022 voegen 119.000 inwoners toe; per inwoner daalt € 400 mln per
    jaar van € 434,78 naar € 330,95 (−24%).' (``dilution``: charts.scenario.dilution_view)."""
    if dilution is None:
        return t("hl_sc_missing", lang, amount=fmt.euro_compact(amount, lang))
    frame = dilution["frame"]
    a, b = frame.iloc[0], frame.iloc[1]
    return t("hl_sc", lang, n_added=dilution["n_b"] - dilution["n_a"],
             residents=fmt.number(b["residents"] - a["residents"], lang),
             amount=fmt.euro_compact(amount, lang),
             per_a=fmt.euro(a["per_resident_eur"], lang, cents=True),
             per_b=fmt.euro(b["per_resident_eur"], lang, cents=True),
             pct=fmt.percent(abs(float(b["change_pct"])), lang),
             n_a=dilution["n_a"], n_b=dilution["n_b"])


def timeline(n_events: int, first_day, horizon: Mapping | None, lang: str) -> str:
    """'38 gebeurtenissen sinds juli 2021; de begroting noemt NPLV-geld tot en met 2028
    (€ 133,3 mln), voor 2029 niets.'"""
    text = t("hl_tl", lang, n=fmt.number(n_events, lang),
             since=fmt.date(str(first_day)[:10], lang, "month") if _known(first_day) else "")
    if horizon:
        text += " " + t("hl_tl_horizon", lang, last_year=horizon["last_year"],
                        last_amount=fmt.euro_compact(horizon["last_amount_eur"], lang),
                        year=horizon["year"])
    return text
