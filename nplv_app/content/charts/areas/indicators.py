"""Indicators per area against programme-wide, national and rest-of-municipality values; a
missing figure is shown with its reason, never as 0. Also the programme-wide table."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.areas.common import (
    AUTOSIZE,
    BAR_HEIGHT,
    CODE_SEP,
    LABEL_ROOM,
    N_AREAS,
    PREFERRED_INDICATORS,
    REASON_KEYS,
    REF_LABEL_STEP,
    SKIPPED_UNITS,
    axis_expr,
    format_value,
    indicator_label,
    scope_label,
    scope_table,
)
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import period_label, status_label, unit_text

# --- indicators per area -----------------------------------------------------------------------

def indicator_code(indicator: str, period: str) -> str:
    return f"{indicator}{CODE_SEP}{period}"


def split_code(code: str) -> tuple[str, str]:
    indicator, _, period = code.partition(CODE_SEP)
    return indicator, period


@kept
def indicator_options(catalog: pd.DataFrame) -> list[str]:
    """Codes of the indicator/period pairs that some area has (queries.indicator_catalog), the
    preferred ones first; ranks are left out (they are used as reasons, not drawn as bars)."""
    rows = catalog[(catalog["n_areas"] > 0) & ~catalog["unit"].isin(SKIPPED_UNITS)]
    codes = [indicator_code(i, p) for i, p in zip(rows["indicator"], rows["period"], strict=True)]
    preferred = [c for name in PREFERRED_INDICATORS for c in codes if split_code(c)[0] == name]
    return preferred + [c for c in codes if c not in preferred]


def widest_option(catalog: pd.DataFrame, options: list[str]) -> str:
    """The option with values for the most areas (the first of ``options`` on a tie): the
    picker opens on a chart of figures, not of "niet beschikbaar"."""
    counts = {indicator_code(i, p): int(n) for i, p, n in
              zip(catalog["indicator"], catalog["period"], catalog["n_areas"], strict=True)}
    return max(options, key=lambda code: (counts.get(code, 0), -options.index(code)))


def indicator_option_label(code: str, catalog: pd.DataFrame, lang: str) -> str:
    return indicator_option_labels(catalog, lang).get(code) or code


@kept
def indicator_option_labels(catalog: pd.DataFrame, lang: str) -> dict[str, str]:
    """Picker label per indicator code, for every row of the catalog at once."""
    return {
        indicator_code(i, p): t("gb_indicator_option", lang, label=indicator_label(i, lang),
                                period=period_label(p, lang), n=int(n))
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


@kept
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
            "period": period_label(period, lang),
            "unit_label": unit_text(row.unit_label, lang) if available else "",
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


@kept
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
            "unit_label": unit_text(row.unit_label, lang), "status": row.status,
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


@kept_chart
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
              axis=alt.Axis(labelExpr=axis_expr(lang), tickCount=6))
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
                                         autosize=AUTOSIZE)


def indicator_alt(frame: pd.DataFrame, refs: pd.DataFrame, label: str, period: str,
                  lang: str) -> str:
    refs_text = "; ".join(refs["label"]) if len(refs) else t("gb_no_refs", lang)
    return t("gb_indicator_alt", lang, indicator=label, period=period_label(period, lang),
             n_with=int(frame["available"].sum()), n=len(frame), refs=refs_text)


@kept
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


@kept
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
    return scope_table(rows, lang)
