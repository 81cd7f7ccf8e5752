"""Alt texts of the Budgetten charts that state what each chart shows, computed from the same
frames (WCAG 1.1.1: a screen reader hears the finding, not only the chart type)."""

from __future__ import annotations

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.i18n import t


def vhf_alt(segments: pd.DataFrame, lang: str) -> str:
    """'… for 23 municipalities and regions; most: Zaanstad (€ 80 mln), least: …'."""
    base = t("bu_vhf_alt", lang, n=segments["municipality"].nunique())
    totals = segments.groupby("municipality")["amount_eur"].sum().sort_values()
    if totals.empty:
        return base
    return base + " " + t("bu_alt_most_least", lang, most=totals.index[-1],
                          most_value=fmt.euro_compact(totals.iloc[-1], lang),
                          least=totals.index[0], least_value=fmt.euro_compact(totals.iloc[0], lang))


def per_resident_alt(frame: pd.DataFrame, lang: str) -> str:
    """'… for 19 areas; most per resident: Vlaardingen Westwijk (€ 809), least: …'."""
    base = t("bu_res_alt", lang, n=len(frame))
    if frame.empty:
        return base
    ordered = frame.sort_values("vhf_eur_per_focus_resident")
    top, low = ordered.iloc[-1], ordered.iloc[0]
    return base + " " + t("bu_alt_most_least", lang, most=top["name"],
                          most_value=top["value_label"], least=low["name"],
                          least_value=low["value_label"])


def share_alt(share: pd.DataFrame, lang: str) -> str:
    """'… To NPLV municipalities: VHF 2021 73,8% of known; VHF 2023 …'."""
    col = "label_en" if lang == "en" else "label_nl"
    parts = [f"{getattr(r, col)} {fmt.percent(r.focus_share_pct, lang)}"
             for r in share.sort_values("round_date").itertuples()
             if not fmt.is_missing(r.focus_share_pct)]
    base = t("bu_share_alt", lang)
    return base + (" " + t("bu_alt_share_rounds", lang, rounds="; ".join(parts)) if parts else "")


def lines_alt(shown: pd.DataFrame, lang: str) -> str:
    """'Bar chart of 35 budget lines …; the largest: Volkshuisvestingsfonds (€ 1 mld).'"""
    base = t("bu_lines_alt", lang, n=len(shown))
    known = shown.dropna(subset=["amount_eur"]) if "amount_eur" in shown else shown.iloc[0:0]
    if known.empty:
        return base
    top = known.loc[known["amount_eur"].astype(float).idxmax()]
    label = top.get("label") if "label" in top else None
    if fmt.is_missing(label) or not label:
        return base
    return base + " " + t("bu_alt_largest", lang, name=label, kind=top["kind_label"],
                          value=fmt.euro_compact(float(top["amount_eur"]), lang))
