"""The tables about one area (facts, wijken, population, indicators, money, events, sources);
``nplv_app.derived.area_detail`` runs the queries and calls these."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.charts.areas.common import (
    ALWAYS_COMPARABLE,
    date_text,
    format_value,
    indicator_label,
    measure_label,
    scope_table,
)
from nplv_app.content.i18n import has, t
from nplv_app.content.labels import period_label, status_label, unit_text

# --- one area ----------------------------------------------------------------------------------

EVIDENCE_STATUS = {"explicit": "confirmed", "named": "confirmed", "indirect": "approximate",
                   "truncated": "approximate"}


def evidence_fact(evidence: pd.DataFrame | None, area: Mapping,
                  lang: str) -> tuple[str, str, str, str] | None:
    """The facts row 'named as one of the 16 of 2021': what the sources that name the area say
    (queries.original16_evidence rows of this area), or that none was found for an area of the
    16; None for an area of 2022 that no source names, and without ``evidence``."""
    if evidence is None:
        return None
    rows = evidence[evidence["evidence_id"].notna()]
    label = t("gb_fact_named16", lang)
    if rows.empty:
        if area.get("cohort") != "original16":
            return None
        return label, t("gb_named16_none", lang), status_label("unconfirmed", lang), ""
    parts = [t("gb_named16_found", lang, how=t(f"named16_{r.strength}", lang),
               date=fmt.iso_date(r.period, lang), source=r.source_id)
             for r in rows.itertuples()]
    best = min(EVIDENCE_STATUS[s] for s in rows["strength"])  # confirmed sorts first
    return label, "; ".join(parts), status_label(best, lang), ", ".join(rows["source_id"])


def facts_table(area: Mapping, lang: str, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Key facts of one area (a queries.area row as a mapping), each with status and source;
    with ``evidence`` (queries.original16_evidence of the area) whether sources name it as one
    of the 16 of 2021."""
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
        (t("gb_fact_residents", lang, date=date_text(area.get("residents_ref_date"), lang)),
         fmt.number(area.get("residents"), lang),
         status_label(area.get("residents_status"), lang), area.get("residents_source_id") or ""),
        (t("gb_fact_name_2021", lang), name_2021[0], name_2021[1], source if name_2021[1] else ""),
        (t("gb_fact_alt_names", lang),
         t("gb_none", lang) if fmt.is_missing(alt_names) or not alt_names
         else alt_names.replace(";", "; "), record_status, source),
    ]
    named = evidence_fact(evidence, area, lang)
    if named is not None:
        rows.insert(6, named)
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
        t("gb_col_ref_date", lang): [date_text(d, lang) for d in rows["ref_date"]],
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
        t("period", lang): [period_label(p, lang) for p in rows["period"]],
        t("gb_col_value", lang): [format_value(v, u, lang)
                                  for v, u in zip(rows["value"], rows["unit"], strict=True)],
        t("gb_col_unit", lang): [unit_text(u, lang) for u in rows["unit_label"]],
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
    return scope_table(refs[keep], lang, names)


def money_table(money: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Allocations to the area's municipality (queries.area_money); a missing amount reads
    'niet gevonden in de bronnen', an inferred round is flagged."""
    label_column = "label_en" if lang == "en" else "label_nl"
    return pd.DataFrame({
        t("gb_col_round", lang): money[label_column].tolist(),
        t("gb_col_date", lang): [date_text(d, lang) for d in money["date"]],
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
