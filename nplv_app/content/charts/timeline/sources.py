"""The sources table and its filters, the status chart, the method facts and download names."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.timeline.events import funding_horizon, horizon_series
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label
from nplv_app.content.selection import shorten
from nplv_data.frames import isin
from nplv_data.schema import STATUSES, TABLES

SOURCE_STATUS_FILTERS = ("all", "has_confirmed", "has_approximate", "has_unconfirmed", "none")


@kept
def sources_table(sources: pd.DataFrame, usage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every source with its usage counts (queries.sources joined with queries.source_usage);
    the tables it feeds by their names in the view's language, never as table codes."""
    table = sources.merge(usage, on="source_id", how="left", validate="one_to_one")
    return table.assign(
        tables=[table_names(codes, lang) for codes in table["tables"]],
        used_for=[named_tables(text, lang) for text in table["used_for"]],
    )


TABLE_CODES = frozenset(table.name for table in TABLES)
# A code with an underscore is never an English word ('candidate_facts'); 'areas' can be one.
_TABLE_CODE = re.compile(r"(?<![\w./])(" + "|".join(
    sorted((c for c in TABLE_CODES if "_" in c), key=len, reverse=True)) + r")(?![\w./])")


def named_tables(text, lang: str):
    """A source's 'used for' text with its table codes as the tables' names: a list of codes
    ('allocations (changed rows); candidate_facts') word by word, and a code with an underscore
    anywhere. Prose is kept as it is ('20 areas' stays)."""
    if fmt.is_missing(text):
        return text
    parts = [part.strip() for part in str(text).split(";")]
    if all(part.split(" ")[0] in TABLE_CODES for part in parts):
        return "; ".join(t(f"tl_table_{part.split(' ')[0]}", lang) + part[len(part.split(" ")[0]):]
                         for part in parts)
    return _TABLE_CODE.sub(lambda m: t(f"tl_table_{m.group(1)}", lang), str(text))


def table_names(codes, lang: str) -> str:
    """'area_wijken, areas' -> 'Wijken per gebied, Gebieden'; '' where a source feeds none."""
    if fmt.is_missing(codes) or not codes:
        return ""
    return ", ".join(t(f"tl_table_{code.strip()}", lang) for code in str(codes).split(","))


def filter_sources(table: pd.DataFrame, status: str = "all",
                   section: str | None = None) -> pd.DataFrame:
    """Sources with at least one figure of a status ('has_<status>'), without figures ('none'),
    or all; optionally only one section."""
    keep = pd.Series(True, index=table.index)
    if status.startswith("has_") and status[4:] in STATUSES:
        keep &= table[f"n_{status[4:]}"] > 0
    elif status == "none":
        keep &= table["n_figures"] == 0
    if section:
        keep &= table["section_code"] == section
    return table[keep]


def sections(table: pd.DataFrame) -> list[str]:
    """Section codes (the same in every language, for the URL) in the order they first appear
    in the list."""
    return list(dict.fromkeys(table["section_code"].dropna()))


def section_labels(table: pd.DataFrame) -> dict[str, str]:
    """Section code -> the section's name in the view's language."""
    return dict(zip(table["section_code"], table["section"], strict=True))


def status_frame(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """queries.source_status_counts with translated labels and a fixed status order."""
    order = {s: i for i, s in enumerate(STATUSES)}
    return counts.assign(
        status_label=[status_label(s, lang) for s in counts["status"]],
        status_order=counts["status"].map(order),
        table_label=[t(f"tl_table_{n}", lang) for n in counts["table_name"]],
    )


@kept_chart
def status_chart(counts: pd.DataFrame, lang: str) -> alt.Chart:
    """Stacked horizontal bars: figures per table by status (colour-blind-safe colours)."""
    frame = status_frame(counts, lang)
    domain = [status_label(s, lang) for s in STATUSES]
    colours = [theme.STATUS_COLOURS[s] for s in STATUSES]
    return alt.Chart(frame).mark_bar(stroke="white", strokeWidth=1).encode(
        y=alt.Y("table_label:N", title=None, axis=alt.Axis(labelFontSize=15, labelLimit=260)),
        x=alt.X("sum(n):Q", title=t("tl_col_count", lang), stack="zero",
                axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("status_label:N", title=t("tl_col_status", lang),
                        scale=alt.Scale(domain=domain, range=colours)),
        order=alt.Order("status_order:Q"),
        tooltip=[alt.Tooltip("table_label:N", title=t("tl_col_table", lang)),
                 alt.Tooltip("status_label:N", title=t("tl_col_status", lang)),
                 alt.Tooltip("n:Q", title=t("tl_col_count", lang))],
    ).properties(height=alt.Step(48), width="container")


@kept
def status_alt(counts: pd.DataFrame, lang: str) -> str:
    """The status chart's alt text with the totals per status."""
    totals = counts.groupby("status")["n"].sum()
    return t("tl_status_alt", lang, total=int(counts["n"].sum())) + " " + t(
        "tl_status_alt_counts", lang, **{s: fmt.number(int(totals.get(s, 0)), lang)
                                         for s in ("confirmed", "approximate", "unconfirmed")})


def status_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Tables by status (wide), with a computed total; a status a table lacks counts 0 rows."""
    frame = status_frame(counts, lang)
    wide = frame.pivot_table(index="table_label", columns="status", values="n", aggfunc="sum",
                             fill_value=0)
    wide = wide.reindex(columns=list(STATUSES), fill_value=0)
    wide[t("tl_col_total", lang)] = wide.sum(axis=1)
    wide = wide.rename(columns={s: status_label(s, lang) for s in STATUSES})
    wide.index.name = t("tl_col_table", lang)
    wide.columns.name = None
    return wide.reset_index()


def method_facts(areas_table: pd.DataFrame, allocations: pd.DataFrame,
                 budget_lines: pd.DataFrame, indicators: pd.DataFrame, lang: str) -> dict:
    """Counts and amounts the methodology text quotes, all taken from the data.

    areas_table: queries.table('areas'); allocations: queries.allocations();
    budget_lines: queries.budget_lines(); indicators: queries.indicators(indicator=
    'low_financial_welfare_share_12plus').
    """
    area_ids = set(areas_table["area_id"])
    original = areas_table[areas_table["cohort"] == "original16"]
    welfare_known = indicators[isin(indicators["scope_id"], area_ids)
                               & indicators["subarea"].isna()]["scope_id"].nunique()
    lines = budget_lines.set_index("line_id")

    def amount(line_id: str) -> tuple[str, str]:
        if line_id not in lines.index:
            return fmt.NOT_AVAILABLE[lang], fmt.NOT_AVAILABLE[lang]
        row = lines.loc[line_id]
        status = status_label(row['status'], lang)
        return fmt.euro(row["amount_eur"], lang), f"{row['source_id']}, {status}"

    initial, initial_source = amount("vhf2023_round_initial")
    final, final_source = amount("vhf2023_round")
    horizon = funding_horizon(horizon_series(budget_lines))
    if horizon is None:
        funding = t("tl_method_funding_na", lang)
    else:
        funding = t("tl_method_funding", lang, last_year=horizon["last_year"],
                    year=horizon["year"], amount=fmt.euro(horizon["amount_eur"], lang))
    return {
        "n_areas": len(areas_table),
        "n_names_2021": int((original["name_2021_status"] == "unconfirmed").sum()),
        "n_codes": int((areas_table["gemeente_code_status"] != "confirmed").sum()),
        "n_inferred": int(allocations["is_round_inferred"].fillna(False).astype(bool).sum()),
        "n_welfare_missing": len(area_ids) - welfare_known,
        "initial": initial, "initial_source": initial_source,
        "final": final, "final_source": final_source,
        "funding": funding,
    }


def url_ignored(raw: dict[str, list[str]], accepted: dict[str, list[str]]) -> list[str]:
    """'key=value' for each whole URL value a widget did not accept (values may hold commas)."""
    return [f"{key}={shorten(value)}" for key, values in raw.items() for value in values
            if value not in accepted.get(key, [])]


def csv_file_name(table_name: str, data_version: str) -> str:
    """nplv_<table>_<data version>.csv, with only safe characters in the version."""
    version = re.sub(r"[^A-Za-z0-9._-]", "", str(data_version or "")) or "unknown"
    return f"nplv_{table_name}_{version}.csv"
