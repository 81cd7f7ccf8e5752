"""The 2021 ask against the commitments since 2022: one bar per budget line, grouped, coloured
by kind, with its relation to other lines; nothing is summed across kinds or periods."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.budget.common import (
    euro_axis_expr,
    plain_text,
)
from nplv_app.content.charts.tooltips import tooltips
from nplv_app.content.i18n import has, t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label

# --- budget lines ---------------------------------------------------------------------------

KIND_ORDER = ("ask", "one_off", "per_year", "structural_per_year")
# Okabe-Ito colours (theme palette) that differ in lightness too; the ask is light grey with an
# outline: asked for, not committed.
KIND_COLOURS = {
    "ask": "#C8C8C8",
    "one_off": theme.ROUND_COLOURS[0],
    "structural_per_year": theme.ROUND_COLOURS[2],
    "per_year": theme.ROUND_COLOURS[1],
}
GROUP_ORDER = ("ask2021", "launch2022", "later", "vhf", "context")

# Display order of the known lines; lines not listed follow in their group by line_id.
LINE_ORDER = (
    "ask2021_total", "ask2021_16areas", "ask2021_other",
    "nplv2022_total", "nplv2022_vhf", "nplv2022_youthcrime_total", "nplv2022_youthcrime_jenv",
    "nplv2022_youthcrime_rb", "nplv2022_debts",
    "pmg2023", "nplv2023_prior_total", "nplv2023_extra", "spuk_kw_2023_2025",
    "woontop_nplv_2025", "woontop_nplv_2025_public_space",
    "spuk_kw_2026_2028_total", "spuk_kw_2026_2028_ocw", "spuk_kw_2026_2028_szw",
    "spuk_kw_2026_2028_vro",
    "vro_owb2026_nplv_2026", "vro_owb2026_nplv_2027", "vro_owb2026_nplv_2028",
    "vro_owb2026_nplv_2029",
    "vhf2021_budget", "vhf2021_granted", "vhf2023_round_initial", "vhf2023_round",
    "vhf2024_round3", "vhf2024_round4_initial", "vhf2024_round4_granted", "vhf_cumulative_r1_r3",
    "regiodeal_rdam_zuid", "regiodeal_dh_zuidwest", "regiodeal_gron_noord",
)

# How lines overlap, read from the notes in budget_lines.csv (the notes themselves are shown in
# the table). Each entry: (relation, other line ids); the first relation is shown on the chart.
RELATIONS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ask2021_total": (("sum_of", ("ask2021_16areas", "ask2021_other")),),
    "ask2021_16areas": (("part_of", ("ask2021_total",)),),
    "ask2021_other": (("part_of", ("ask2021_total",)),),
    "nplv2022_total": (("headline", ()),),
    "nplv2022_vhf": (("in_headline", ("nplv2022_total",)), ("paid_via", ())),
    "nplv2022_youthcrime_total": (
        ("sum_of", ("nplv2022_youthcrime_jenv", "nplv2022_youthcrime_rb")),),
    "nplv2022_youthcrime_jenv": (("part_of", ("nplv2022_youthcrime_total",)),
                                 ("in_headline", ("nplv2022_total",))),
    "nplv2022_youthcrime_rb": (("part_of", ("nplv2022_youthcrime_total",)),),
    "nplv2022_debts": (("in_headline", ("nplv2022_total",)),),
    "pmg2023": (("same_programme", ("nplv2022_youthcrime_jenv",)),),
    "nplv2023_prior_total": (("not_itemised", ()),),
    "nplv2023_extra": (("bundled_in", ("spuk_kw_2023_2025",)),),
    "spuk_kw_2023_2025": (("bundles", ("nplv2023_extra",)),),
    "woontop_nplv_2025": (("includes", ("woontop_nplv_2025_public_space",)),),
    "woontop_nplv_2025_public_space": (("part_of", ("woontop_nplv_2025",)),),
    "spuk_kw_2026_2028_total": (
        ("sum_of", ("spuk_kw_2026_2028_ocw", "spuk_kw_2026_2028_szw", "spuk_kw_2026_2028_vro")),),
    "spuk_kw_2026_2028_ocw": (("part_of", ("spuk_kw_2026_2028_total",)),),
    "spuk_kw_2026_2028_szw": (("part_of", ("spuk_kw_2026_2028_total",)),),
    "spuk_kw_2026_2028_vro": (("part_of", ("spuk_kw_2026_2028_total",)),),
    "vro_owb2026_nplv_2026": (("possible_overlap", ("spuk_kw_2026_2028_total",)),),
    "vro_owb2026_nplv_2027": (("possible_overlap", ("spuk_kw_2026_2028_total",)),),
    "vro_owb2026_nplv_2028": (("possible_overlap", ("spuk_kw_2026_2028_total",)),),
    "vro_owb2026_nplv_2029": (("no_mutation", ()),),
    "vhf2021_budget": (("includes", ("vhf2021_granted",)),),
    "vhf2021_granted": (("part_of", ("vhf2021_budget",)),),
    "vhf2023_round_initial": (("same_money", ("vhf2023_round",)),),
    "vhf2023_round": (("earlier_version", ("vhf2023_round_initial",)),
                      ("paid_from", ("nplv2022_vhf",))),
    "vhf2024_round3": (("paid_from", ("nplv2022_vhf",)),),
    "vhf2024_round4_initial": (("same_money", ("vhf2024_round4_granted",)),),
    "vhf2024_round4_granted": (("earlier_version", ("vhf2024_round4_initial",)),
                               ("paid_from", ("nplv2022_vhf",))),
    "vhf_cumulative_r1_r3": (
        ("cumulative", ("vhf2021_granted", "vhf2023_round", "vhf2024_round3")),),
}
# The first view of the money story: the 2021 ask against the main commitments since 2022, one
# row each (the full list is the table under the chart). Grouped by moment; kinds and periods
# stay on every row and nothing is added up. Lines missing from the data are left out.
STORY_LINES = (
    "ask2021_total",
    "nplv2022_total", "nplv2022_vhf", "nplv2022_youthcrime_jenv", "nplv2022_debts",
    "spuk_kw_2023_2025", "woontop_nplv_2025", "spuk_kw_2026_2028_total",
    "vro_owb2026_nplv_2026", "vro_owb2026_nplv_2027", "vro_owb2026_nplv_2028",
)
MAX_STORY_ROWS = 12

# Lines with one of these relations are sub-lines (or earlier versions) of another line.
SUB_RELATIONS = frozenset(
    {"part_of", "same_money", "paid_from", "same_programme", "bundled_in", "in_headline"})

# Relations whose other lines the chart names by amount only (the table names them in full).
BY_AMOUNT = frozenset({"sum_of", "cumulative"})

LINE_STEP = 50  # px per bar: two-line labels at projector size
LABEL_WIDTH = 400
BAR_WIDTH = 340  # label + bars + amount stay inside the main column from 1280 px on
PROJECTED_BAR_WIDTH = 760  # presentation mode: the main column is the whole 1920 px screen


def line_group(line_id: str, category: str) -> str:
    """ask2021, launch2022 (the NPLV launch lines of July 2022), later, vhf or context."""
    if category in ("ask2021", "vhf", "context"):
        return category
    return "launch2022" if str(line_id).startswith("nplv2022_") else "later"


def short_label(line_id: str, instrument: str, lang: str) -> str:
    """A short name for the line; the instrument text from the data when none is defined."""
    key = f"bu_line_{line_id}"
    return t(key, lang) if has(key) else str(instrument)


def period_label(period: str, lang: str) -> str:
    """The period as the data has it (a Dutch run reads it in Dutch: data_texts.csv), or 'niet
    beschikbaar' where the source gives none."""
    if fmt.is_missing(period):
        return fmt.NOT_AVAILABLE[lang]
    return str(period)


def short_period(label: str) -> str:
    """'vanaf 2025 (ca. 42 mln in 2022, oplopend)' -> 'vanaf 2025': the axis label and the
    headline; the tooltip and the table keep the whole period text."""
    return str(label).split(" (")[0]


def relations_of(line_id: str, category: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if category == "context":
        return (("context", ()),)
    return RELATIONS.get(line_id, ())


def _relation_text(relation: str, others: tuple[str, ...], names: dict[str, str],
                   amounts: dict[str, str], lang: str, with_amounts: bool) -> str:
    known = [o for o in others if o in names]
    if others and not known:
        return ""
    if relation in BY_AMOUNT and not with_amounts:
        refs = [amounts[o] for o in known]  # "sum of € 82 mln + € 61 mln": short on the chart
    else:
        refs = [f"{names[o]} ({amounts[o]})" if with_amounts else names[o] for o in known]
    other = (" + " if relation in BY_AMOUNT else t("bu_and", lang)).join(refs)
    return t(f"bu_rel_{relation}", lang, other=other) if others else t(f"bu_rel_{relation}", lang)


@kept
def budget_frame(lines: pd.DataFrame, lang: str, show_sublines: bool = True) -> pd.DataFrame:
    """One row per budget line to draw, in display order, with every label the chart needs.

    Columns: line_id, group, group_label, order, label, kind, kind_label, period_label,
    status, status_label, amount_eur, amount_label, relation, relation_label, is_sub,
    axis_label (name, then kind · period · status), source_id, category.
    """
    rows = []
    names = {r.line_id: short_label(r.line_id, r.instrument, lang) for r in lines.itertuples()}
    amounts = {r.line_id: fmt.euro_compact(r.amount_eur, lang) for r in lines.itertuples()}
    position = {line_id: i for i, line_id in enumerate(LINE_ORDER)}
    for r in lines.itertuples():
        group = line_group(r.line_id, r.category)
        rels = relations_of(r.line_id, r.category)
        first = _relation_text(*rels[0], names, amounts, lang, False) if rels else ""
        kind_label = t(f"kind_{r.kind}", lang)
        period = period_label(r.period, lang)
        rows.append({
            "line_id": r.line_id, "group": group, "group_label": t(f"bu_group_{group}", lang),
            "order": (GROUP_ORDER.index(group), position.get(r.line_id, len(LINE_ORDER)),
                      r.line_id),
            "label": names[r.line_id], "kind": r.kind, "kind_label": kind_label,
            "period_label": period, "status": r.status,
            "status_label": status_label(r.status, lang),
            "amount_eur": r.amount_eur, "amount_label": amounts[r.line_id],
            "relation": rels[0][0] if rels else "",
            "relation_label": first,
            "is_sub": any(rel in SUB_RELATIONS for rel, _ in rels),
            "axis_label": (f"{names[r.line_id]}\n{kind_label} · {short_period(period)} · "
                           f"{status_label(r.status, lang)}"),
            "source_id": r.source_id, "category": r.category,
        })
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    frame = frame.sort_values("order").reset_index(drop=True)
    frame["order"] = range(len(frame))
    # Two lines with the same label would share one bar row: number the repeats (never an id).
    repeat = frame.groupby("axis_label").cumcount()
    frame.loc[repeat > 0, "axis_label"] += " (" + (repeat[repeat > 0] + 1).astype(str) + ")"
    if not show_sublines:
        frame = frame[~frame["is_sub"]].reset_index(drop=True)
    return frame


@kept
def story_frame(lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The rows of ``budget_frame`` that tell the story at a glance (``STORY_LINES``), at most
    ``MAX_STORY_ROWS``; data without those lines falls back to its first main lines."""
    frame = budget_frame(lines, lang)
    if frame.empty:
        return frame
    story = frame[frame["line_id"].isin(STORY_LINES)]
    if story.empty:
        story = frame[~frame["is_sub"] & (frame["category"] != "context")]
    return story.head(MAX_STORY_ROWS).reset_index(drop=True)


@kept
def budget_table(lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every budget line with full euros, kind, period, scope, status, source, note and the
    relations to other lines, in display order (for the table under the chart)."""
    if lines.empty:
        return pd.DataFrame()
    shown = budget_frame(lines, lang)
    names = dict(zip(shown["line_id"], shown["label"]))
    amounts = dict(zip(shown["line_id"], shown["amount_label"]))
    by_id = lines.set_index("line_id")
    out = []
    for r in shown.itertuples():
        src = by_id.loc[r.line_id]
        rels = relations_of(r.line_id, r.category)
        relation = "; ".join(
            filter(None, (_relation_text(rel, others, names, amounts, lang, True)
                          for rel, others in rels)))
        out.append({
            t("bu_col_group", lang): r.group_label,
            t("bu_col_line", lang): r.label,
            t("bu_col_amount", lang): fmt.euro(src["amount_eur"], lang),
            t("bu_col_kind", lang): r.kind_label,
            t("bu_col_period", lang): r.period_label,
            t("bu_col_status", lang): r.status_label,
            t("bu_col_relation", lang): relation,
            t("bu_col_instrument", lang): src["instrument"],
            t("bu_col_ministry", lang): plain_text(src["ministry"]),
            t("bu_col_scope", lang): plain_text(src["scope"]),
            t("bu_col_source", lang): src["source_id"],
            t("bu_col_note", lang): plain_text(src["note"]),
        })
    return pd.DataFrame(out)


def kind_scale(lang: str, kinds: Iterable[str] = KIND_ORDER) -> alt.Scale:
    present = [k for k in KIND_ORDER if k in set(kinds)]
    return alt.Scale(domain=[t(f"kind_{k}", lang) for k in present],
                     range=[KIND_COLOURS[k] for k in present])


@kept_chart
def budget_chart(frame: pd.DataFrame, lang: str, bar_width: int = BAR_WIDTH
                 ) -> alt.VConcatChart:
    """Per group: name with kind · period · status | bar coloured by kind, amount at its end
    (``bar_width``: px of the bars' plot).
    The relation to other lines is in the tooltip and the table (a text layer beside the bars
    would run past the page column).

    The x scale is the same in every group and nothing is aggregated or stacked.
    """
    top = float(frame["amount_eur"].max()) if len(frame) else 1.0
    x_scale = alt.Scale(domain=[0, max(top, 1.0) * 1.3], nice=False)
    colour = alt.Color("kind_label:N", scale=kind_scale(lang, frame["kind"]),
                       title=t("bu_kind_legend", lang),
                       legend=alt.Legend(orient="top", symbolStrokeColor="#444",
                                         symbolStrokeWidth=1))
    tooltip = tooltips(
        lang,
        ("label:N", "bu_col_line"),
        ("amount_label:N", "amount"),
        ("kind_label:N", "bu_col_kind"),
        ("period_label:N", "period"),
        ("status_label:N", "status"),
        ("relation_label:N", "bu_col_relation"),
        ("source_id:N", "source"),
    )
    groups = [g for g in GROUP_ORDER if g in set(frame["group"])]
    rows = []
    for group in groups:
        part = frame[frame["group"] == group]
        order = part["axis_label"].tolist()
        y = alt.Y("axis_label:N", sort=order, title=None,
                  axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=LABEL_WIDTH,
                                minExtent=LABEL_WIDTH, maxExtent=LABEL_WIDTH, labelFontSize=14,
                                labelLineHeight=17, ticks=False, domain=False, labelPadding=8))
        if group == groups[-1]:
            x_axis = alt.Axis(title=t("bu_amount_axis", lang), tickCount=4,
                              labelExpr=euro_axis_expr(lang), labelFlush=False)
        else:
            x_axis = alt.Axis(title=None, labels=False, ticks=False, tickCount=4)
        base = alt.Chart(frame).transform_filter(alt.datum.group == group)
        bars = base.mark_bar(stroke="#444", strokeWidth=0.6, height={"band": 0.62}).encode(
            x=alt.X("amount_eur:Q", scale=x_scale, axis=x_axis),
            y=y, color=colour, tooltip=tooltip,
            opacity=alt.condition("datum.category === 'context'", alt.value(0.4),
                                  alt.value(1.0)),
        )
        amounts = base.mark_text(align="left", baseline="middle", dx=5, fontSize=15,
                                 fontWeight="bold", color="#111").encode(
            x=alt.X("amount_eur:Q", scale=x_scale), y=y, text="amount_label:N",
            tooltip=tooltip)
        left = alt.layer(bars, amounts).properties(
            width=bar_width, height={"step": LINE_STEP},
            title=alt.TitleParams(part["group_label"].iloc[0], fontSize=17))
        rows.append(left)
    return alt.vconcat(*rows, spacing=16, usermeta={"id": "bu_lines"}).resolve_scale(
        color="shared", x="shared")
