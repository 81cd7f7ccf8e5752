"""What verification changed in the fact set (queries.data_changes) and which sources name an
area as one of the 16 of 2021 (queries.original16_evidence), as tables for the sources page:
no figure is ever replaced silently."""

from __future__ import annotations

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.i18n import has, t
from nplv_app.content.labels import status_label


def _changed_value(field: str, value, lang: str) -> str:
    """An old or new value as the screen words it: amounts in euros, yes/no, statuses."""
    if fmt.is_missing(value) or value == "":
        return t("tl_change_empty", lang)
    if field == "amount_eur":
        return fmt.euro(float(value), lang)
    if field == "homes":
        return fmt.number(float(value), lang)
    if field == "status":
        return status_label(value, lang)
    if value in ("true", "false"):
        return t(f"tl_change_{value}", lang)
    return str(value)


def _row_label(row, lang: str) -> str:
    """'Toekenning Leeuwarden Oost (Leeuwarden, VHF 2021)': the row by what it is about, never
    by its internal id."""
    kind = t(f"tl_change_row_{row.table_name}", lang) if has(
        f"tl_change_row_{row.table_name}") else t("tl_change_row_other", lang)
    if fmt.is_missing(row.row_municipality):
        return kind
    round_label = row.row_round_en if lang == "en" else row.row_round_nl
    project = "" if fmt.is_missing(row.row_project) else f" {row.row_project}"
    return f"{kind}{project} ({row.row_municipality}, {round_label})"


def changes_table(changes: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per changed field: what, old and new value with their sources, and why."""
    rows = list(changes.itertuples())
    return pd.DataFrame({
        t("tl_change_col_row", lang): [_row_label(r, lang) for r in rows],
        t("tl_change_col_field", lang): [t(f"tl_change_field_{r.field}", lang)
                                         if has(f"tl_change_field_{r.field}") else r.field
                                         for r in rows],
        t("tl_change_col_old", lang): [_changed_value(r.field, r.old_value, lang) for r in rows],
        t("tl_change_col_new", lang): [_changed_value(r.field, r.new_value, lang) for r in rows],
        t("tl_change_col_old_source", lang): [r.old_source_id for r in rows],
        t("tl_change_col_new_source", lang): [r.new_source_id for r in rows],
        t("tl_change_col_reason", lang): [r.reason_en if lang == "en" else r.reason_nl
                                          for r in rows],
    })


def evidence_table(evidence: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas a source names as one of the 16 of 2021: area, source, date, how, the quote.
    Areas of the 16 that no source names are listed too, as 'no source found'."""
    rows = list(evidence.itertuples())
    found = [not fmt.is_missing(r.evidence_id) for r in rows]
    return pd.DataFrame({
        t("tl_ev_col_area", lang): [r.name for r in rows],
        t("tl_ev_col_cohort", lang): [t(f"cohort_{r.cohort}", lang) for r in rows],
        t("tl_ev_col_how", lang): [t(f"named16_{r.strength}", lang) if f else t("tl_ev_none", lang)
                                   for r, f in zip(rows, found, strict=True)],
        t("tl_ev_col_date", lang): [fmt.iso_date(r.period, lang)
                                    if f and not fmt.is_missing(r.period) else ""
                                    for r, f in zip(rows, found, strict=True)],
        t("source", lang): [r.source_id if f else "" for r, f in zip(rows, found, strict=True)],
        # a quote the stored page cuts off ends in an ellipsis
        t("tl_ev_col_quote", lang): [f"“{r.quote}{'…' if r.strength == 'truncated' else ''}”"
                                     if f else ""
                                     for r, f in zip(rows, found, strict=True)],
    })


def _fact_value(row, lang: str) -> str:
    """€ 45.000.000 / € 22.500.000 – € 27.000.000 / 850 woningen / 16."""
    def one(value) -> str:
        if row.unit == "eur":
            return fmt.euro(value, lang)
        if row.unit == "dwellings":
            return t("gb_fmt_dwellings", lang, value=fmt.number(value, lang))
        return fmt.number(value, lang)

    text = one(row.value)
    if not fmt.is_missing(row.value_high):
        text += " – " + one(row.value_high)
    return text


def candidate_facts_table(facts: pd.DataFrame, lang: str, with_scope: bool = False
                          ) -> pd.DataFrame | None:
    """Verified facts without a field elsewhere (queries.candidate_facts), as a table; with
    ``with_scope`` a column says which area or municipality each is about. None when empty."""
    if facts.empty:
        return None
    rows = list(facts.itertuples())
    columns = {}
    if with_scope:
        columns[t("tl_fact_col_scope", lang)] = [
            t("tl_fact_scope_nl", lang) if r.scope_id == "NL" else r.scope_name for r in rows]
    columns |= {
        t("tl_fact_col_topic", lang): [r.topic_en if lang == "en" else r.topic_nl for r in rows],
        t("value", lang): [_fact_value(r, lang) for r in rows],
        t("tl_fact_col_kind", lang): [t(f"tl_fact_kind_{r.kind}", lang) for r in rows],
        t("period", lang): [r.period_en if lang == "en" else r.period_nl for r in rows],
        t("tl_fact_col_status_source", lang): [f"{status_label(r.status, lang)} · {r.source_id}"
                                               for r in rows],
    }
    return pd.DataFrame(columns)
