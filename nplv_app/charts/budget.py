"""Pure builders for the Budgetten page (no Streamlit): frames in, Altair charts and tables out.

- Budget lines (queries.budget_lines): one bar per line, grouped (2021 ask, 2022 launch, later
  decisions, Housing Fund rounds, context), coloured by kind, with kind, period and status on
  every bar and the relation to other lines ("part of", "same money as") beside it. Nothing is
  ever summed: amounts of different kinds and periods are not additive.
- Housing Fund (Volkshuisvestingsfonds) rounds per municipality
  (queries.money_by_round_municipality_detail, queries.allocations): stacked by round; missing
  amounts are left out of the bars and listed instead.
- Share of the known allocations that went to NPLV municipalities (queries.focus_share_by_round).
- Euros per focus-area resident (queries.areas): municipality money only, areas without a known
  allocation listed, not drawn as 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

import altair as alt
import pandas as pd

from nplv_app import fmt, theme
from nplv_app.i18n import has, t
from nplv_app.text.budgetten import PERIODS_NL

# --- shared ---------------------------------------------------------------------------------

def euro_axis_expr(lang: str, unit: str = "mln") -> str:
    """A Vega label expression for euro axes in the page's language: € 200 mln / €200M, or
    whole euros (€ 1.200 / €1,200) with ``unit="eur"``."""
    if unit == "eur":
        if lang == "nl":
            return "'€ ' + replace(format(datum.value, ',d'), ',', '.')"
        return "'€' + format(datum.value, ',d')"
    if lang == "nl":
        return ("datum.value >= 1e9 ? '€ ' + replace(format(datum.value / 1e9, '.3~f'), '.', ',')"
                " + ' mld' : '€ ' + replace(format(datum.value / 1e6, '.3~f'), '.', ',')"
                " + ' mln'")
    return ("datum.value >= 1e9 ? '€' + format(datum.value / 1e9, '.3~f') + 'bn'"
            " : '€' + format(datum.value / 1e6, '.3~f') + 'M'")


_AMOUNT = re.compile(r"€ ?[0-9][0-9.,]*(?: (?:mln|mld))?")


def _keep_amounts_whole(text: str) -> str:
    """No line break inside '€ 82 mln': its spaces become non-breaking."""
    return _AMOUNT.sub(lambda m: m.group(0).replace(" ", "\u00a0"), text)


def wrap(text: str, width: int, max_lines: int) -> str:
    """Break text into at most ``max_lines`` lines of about ``width`` characters (for chart text
    marks with ``lineBreak``); an ellipsis marks a cut, the full text is in the table."""
    words, lines, current = [w for w in str(text).split(" ") if w], [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,;·") + " …"
    return "\n".join(lines)


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
# Lines with one of these relations are sub-lines (or earlier versions) of another line.
SUB_RELATIONS = frozenset(
    {"part_of", "same_money", "paid_from", "same_programme", "bundled_in", "in_headline"})

# Relations whose other lines the chart names by amount only (the table names them in full).
BY_AMOUNT = frozenset({"sum_of", "cumulative"})

LINE_STEP = 50  # px per bar: two-line labels at projector size
LABEL_WIDTH = 410
BAR_WIDTH = 330
NOTE_WIDTH = 300
NOTE_CHARS = 42  # characters per line of the relation note


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
    """The period as the data has it; Dutch only where the exact text has a rendering."""
    if fmt.is_missing(period):
        return fmt.NOT_AVAILABLE[lang]
    return PERIODS_NL.get(period, period) if lang == "nl" else str(period)


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


def budget_frame(lines: pd.DataFrame, lang: str, show_sublines: bool = True) -> pd.DataFrame:
    """One row per budget line to draw, in display order, with every label the chart needs.

    Columns: line_id, group, group_label, order, label, kind, kind_label, period_label,
    status, status_label, amount_eur, amount_label, relation, relation_label, relation_note
    (wrapped for the chart), is_sub, axis_label (name, then kind · period), source_id,
    category.
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
            "status_label": t(f"status_{r.status}", lang),
            "amount_eur": r.amount_eur, "amount_label": amounts[r.line_id],
            "relation": rels[0][0] if rels else "",
            "relation_label": first,
            "relation_note": wrap(_keep_amounts_whole(first), NOTE_CHARS, 2),
            "is_sub": any(rel in SUB_RELATIONS for rel, _ in rels),
            "axis_label": f"{names[r.line_id]}\n{kind_label} · {period}",
            "source_id": r.source_id, "category": r.category,
        })
    frame = pd.DataFrame(rows)
    if frame.empty:
        return frame
    frame = frame.sort_values("order").reset_index(drop=True)
    frame["order"] = range(len(frame))
    duplicated = frame["axis_label"].duplicated(keep=False)
    frame.loc[duplicated, "axis_label"] += " (" + frame.loc[duplicated, "line_id"] + ")"
    if not show_sublines:
        frame = frame[~frame["is_sub"]].reset_index(drop=True)
    return frame


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
            t("bu_col_ministry", lang): _text(src["ministry"]),
            t("bu_col_scope", lang): _text(src["scope"]),
            t("bu_col_source", lang): src["source_id"],
            t("bu_col_note", lang): _text(src["note"]),
        })
    return pd.DataFrame(out)


def _text(value) -> str:
    return "" if fmt.is_missing(value) else str(value)


def kind_scale(lang: str, kinds: Iterable[str] = KIND_ORDER) -> alt.Scale:
    present = [k for k in KIND_ORDER if k in set(kinds)]
    return alt.Scale(domain=[t(f"kind_{k}", lang) for k in present],
                     range=[KIND_COLOURS[k] for k in present])


def budget_chart(frame: pd.DataFrame, lang: str) -> alt.VConcatChart:
    """Per group, three columns: name with kind · period | bar coloured by kind, amount at its
    end | status and the relation to other lines.

    The x scale is the same in every group and nothing is aggregated or stacked.
    """
    top = float(frame["amount_eur"].max()) if len(frame) else 1.0
    x_scale = alt.Scale(domain=[0, max(top, 1.0) * 1.3], nice=False)
    colour = alt.Color("kind_label:N", scale=kind_scale(lang, frame["kind"]),
                       title=t("bu_kind_legend", lang),
                       legend=alt.Legend(orient="top", symbolStrokeColor="#444",
                                         symbolStrokeWidth=1))
    tooltip = [
        alt.Tooltip("label:N", title=t("bu_col_line", lang)),
        alt.Tooltip("amount_label:N", title=t("amount", lang)),
        alt.Tooltip("kind_label:N", title=t("bu_col_kind", lang)),
        alt.Tooltip("period_label:N", title=t("period", lang)),
        alt.Tooltip("status_label:N", title=t("status", lang)),
        alt.Tooltip("relation_label:N", title=t("bu_col_relation", lang)),
        alt.Tooltip("source_id:N", title=t("source", lang)),
    ]
    groups = [g for g in GROUP_ORDER if g in set(frame["group"])]
    rows = []
    for group in groups:
        part = frame[frame["group"] == group]
        order = part["axis_label"].tolist()
        y = alt.Y("axis_label:N", sort=order, title=None,
                  axis=alt.Axis(labelExpr="split(datum.label, '\\n')", labelLimit=LABEL_WIDTH,
                                minExtent=LABEL_WIDTH, maxExtent=LABEL_WIDTH, labelFontSize=14,
                                labelLineHeight=17, ticks=False, domain=False, labelPadding=8))
        y_plain = alt.Y("axis_label:N", sort=order, axis=None)
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
            width=BAR_WIDTH, height={"step": LINE_STEP},
            title=alt.TitleParams(part["group_label"].iloc[0], fontSize=17))
        status = base.mark_text(align="left", baseline="bottom", dy=-1, fontSize=14,
                                fontWeight="bold").encode(
            y=y_plain, x=alt.value(0), text="status_label:N",
            color=alt.condition("datum.status === 'unconfirmed'",
                                alt.value(theme.STATUS_COLOURS["unconfirmed"]),
                                alt.value("#333333")),
            tooltip=tooltip)
        relation = base.mark_text(align="left", baseline="top", dy=1, fontSize=13,
                                  lineBreak="\n", lineHeight=14, color="#333333").encode(
            y=y_plain, x=alt.value(0), text="relation_note:N", tooltip=tooltip)
        right = alt.layer(status, relation).properties(
            width=NOTE_WIDTH, height={"step": LINE_STEP})
        rows.append(alt.hconcat(left, right, spacing=14))
    return alt.vconcat(*rows, spacing=16, usermeta={"id": "bu_lines"}).resolve_scale(
        color="shared", x="shared")


# --- Housing Fund rounds per municipality ---------------------------------------------------

def round_labels(money: pd.DataFrame, lang: str) -> list[str]:
    """Round labels in date order."""
    col = "label_nl" if lang == "nl" else "label_en"
    ordered = money.sort_values("round_date").drop_duplicates("round_id")
    return ordered[col].tolist()


def vhf_frame(money: pd.DataFrame, selected_codes: Iterable[str], lang: str,
              only_selection: bool = False) -> pd.DataFrame:
    """Segments to stack: one row per round and municipality WITH a known amount.

    Columns of ``money`` (queries.money_by_round_municipality_detail) plus: round_label,
    round_order, panel, in_selection, uncertain, inferred, segment_label (full euros),
    total_eur (computed, known amounts of the municipality), total_label, show_total,
    muni_order.
    """
    codes = set(selected_codes)
    col = "label_nl" if lang == "nl" else "label_en"
    frame = money.copy()
    if frame.empty:
        return frame
    frame["in_selection"] = frame["gemeente_code"].isin(codes) & frame["is_focus_municipality"]
    if only_selection:
        frame = frame[frame["in_selection"]]
    frame = frame[frame["amount_eur"].notna()].copy()
    if frame.empty:
        return frame
    rounds = money.sort_values("round_date").drop_duplicates("round_id")["round_id"].tolist()
    frame["round_label"] = frame[col]
    frame["round_order"] = frame["round_id"].map(rounds.index)
    frame["panel"] = [t("bu_vhf_panel_focus" if f else "bu_vhf_panel_other", lang)
                      for f in frame["is_focus_municipality"]]
    frame["uncertain"] = (frame["n_approximate"] + frame["n_unconfirmed"]) > 0
    frame["inferred"] = frame["n_round_inferred"] > 0
    frame["segment_label"] = [fmt.euro(v, lang) for v in frame["amount_eur"]]
    per_muni = frame.groupby("municipality")
    frame["total_eur"] = per_muni["amount_eur"].transform("sum")
    any_uncertain = per_muni["uncertain"].transform("any")
    any_inferred = per_muni["inferred"].transform("any")
    n_partial = per_muni["n_amount_unknown"].transform("sum")
    labels = []
    for total, unc, inf, part in zip(frame["total_eur"], any_uncertain, any_inferred, n_partial):
        text = fmt.euro_compact(total, lang)
        if unc:
            text += " " + t("bu_vhf_mark_approx", lang)
        if inf:
            text += " · " + t("bu_vhf_mark_inferred", lang)
        if part:
            text += " · " + t("bu_vhf_mark_partial", lang, n=int(part))
        labels.append(text)
    frame["total_label"] = labels
    frame["show_total"] = frame["round_order"] == per_muni["round_order"].transform("max")
    frame = frame.sort_values(["is_focus_municipality", "total_eur", "municipality"],
                              ascending=[False, False, True])
    frame["muni_order"] = pd.factorize(frame["municipality"])[0]
    return frame.reset_index(drop=True)


def _js_list(values: Iterable[str]) -> str:
    return json.dumps(sorted(set(values)), ensure_ascii=False)


def vhf_chart(frame: pd.DataFrame, all_rounds: list[str], lang: str) -> alt.FacetChart:
    """Stacked bars by round, NPLV municipalities and others in separate panels, sorted by the
    known total; municipalities in the selection bold, others of the 19 lighter."""
    selected = frame.loc[frame["in_selection"], "municipality"].tolist()
    colour = alt.Color(
        "round_label:N", title=t("bu_vhf_round_legend", lang),
        scale=alt.Scale(domain=all_rounds, range=list(theme.ROUND_COLOURS[:len(all_rounds)])),
        legend=alt.Legend(orient="top"))
    y = alt.Y("municipality:N", title=None,
              sort=alt.EncodingSortField("muni_order", op="min", order="ascending"),
              axis=alt.Axis(labelFontSize=15, labelLimit=260, ticks=False,
                            labelFontWeight=alt.ExprRef(
                                f"indexof({_js_list(selected)}, datum.value) >= 0 "
                                "? 'bold' : 'normal'")))
    x_axis = alt.Axis(title=t("bu_vhf_axis", lang), tickCount=6, labelExpr=euro_axis_expr(lang))
    tooltip = [
        alt.Tooltip("municipality:N", title=t("bu_col_municipality", lang)),
        alt.Tooltip("round_label:N", title=t("bu_col_round", lang)),
        alt.Tooltip("segment_label:N", title=t("amount", lang)),
        alt.Tooltip("n_projects:Q", title=t("bu_col_projects", lang)),
        alt.Tooltip("total_label:N", title="Σ"),
        alt.Tooltip("source_ids:N", title=t("source", lang)),
    ]
    fade = ~frame["is_focus_municipality"] | frame["in_selection"]
    data = frame.assign(opaque=fade)
    bars = alt.Chart().mark_bar(height={"band": 0.75}).encode(
        x=alt.X("amount_eur:Q", stack="zero", axis=x_axis),
        y=y, color=colour,
        order=alt.Order("round_order:Q"),
        opacity=alt.condition("datum.opaque", alt.value(1.0), alt.value(0.35)),
        stroke=alt.condition("datum.uncertain", alt.value("#222222"), alt.value("white")),
        strokeDash=alt.condition("datum.uncertain", alt.value([3, 2]), alt.value([1, 0])),
        strokeWidth=alt.condition("datum.uncertain", alt.value(1.4), alt.value(0.5)),
        tooltip=tooltip,
    )
    totals = alt.Chart().transform_filter("datum.show_total").mark_text(
        align="left", baseline="middle", dx=6, fontSize=14, color="#222").encode(
        x=alt.X("total_eur:Q"), y=y, text="total_label:N",
    )
    layered = alt.layer(bars, totals, data=data).properties(width=760,
                                                             height={"step": 30})
    return layered.facet(
        row=alt.Row("panel:N", title=None, sort=[t("bu_vhf_panel_focus", lang),
                                                   t("bu_vhf_panel_other", lang)],
                    header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                      labelOrient="top", labelFontSize=17,
                                      labelFontWeight="bold")),
        spacing=24, usermeta={"id": "bu_vhf"},
    ).resolve_scale(y="independent")


def allocations_in_view(allocations: pd.DataFrame, selected_codes: Iterable[str],
                        only_selection: bool = False) -> pd.DataFrame:
    """Allocations (queries.allocations) with an ``in_selection`` flag: an NPLV municipality of
    the sidebar selection. With ``only_selection`` only those rows are kept."""
    rows = allocations.copy()
    rows["in_selection"] = (rows["gemeente_code"].isin(set(selected_codes))
                            & rows["is_focus_municipality"].astype(bool))
    return rows[rows["in_selection"]] if only_selection else rows


def vhf_missing(allocations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Allocations without an amount, as a table: round, municipality, project, source."""
    missing = allocations[allocations["amount_eur"].isna()]
    col = "label_nl" if lang == "nl" else "label_en"
    return pd.DataFrame({
        t("bu_col_round", lang): missing[col].tolist(),
        t("bu_col_municipality", lang): missing["municipality"].tolist(),
        t("bu_col_project", lang): missing["project"].tolist(),
        t("bu_col_amount", lang): [t("bu_vhf_missing_value", lang)] * len(missing),
        t("bu_col_status", lang): [t(f"status_{s}", lang) for s in missing["status"]],
        t("bu_col_source", lang): missing["source_id"].tolist(),
    })


def vhf_table(allocations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every allocation in view (``allocations_in_view``), project level, with full euros;
    missing amounts say so instead of showing 0."""
    col = "label_nl" if lang == "nl" else "label_en"
    rows = allocations
    yes, no = t("bu_yes", lang), t("bu_no", lang)
    return pd.DataFrame({
        t("bu_col_round", lang): rows[col].tolist(),
        t("bu_col_municipality", lang): rows["municipality"].tolist(),
        t("bu_col_project", lang): rows["project"].tolist(),
        t("bu_col_amount", lang): [t("bu_vhf_missing_value", lang) if fmt.is_missing(v)
                                   else fmt.euro(v, lang) for v in rows["amount_eur"]],
        t("bu_col_homes", lang): ["" if fmt.is_missing(v) else fmt.number(v, lang)
                                  for v in rows["homes"]],
        t("bu_col_focus", lang): [yes if v else no for v in rows["is_focus_municipality"]],
        t("bu_col_in_selection", lang): [yes if v else no for v in rows["in_selection"]],
        t("bu_col_round_inferred", lang): [yes if v else no for v in rows["is_round_inferred"]],
        t("bu_col_status", lang): [t(f"status_{s}", lang) for s in rows["status"]],
        t("bu_col_source", lang): rows["source_id"].tolist(),
    })


# --- share to focus municipalities per round ------------------------------------------------

SHARE_MEASURES = ("budget", "known", "focus")
SHARE_COLOURS = {"budget": theme.NEUTRAL, "known": "#56B4E9", "focus": theme.ROUND_COLOURS[0]}


def share_frame(share: pd.DataFrame, lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Long frame for the grouped bars: per round its budget line, the known allocations and the
    part to NPLV municipalities (rows with a missing figure are left out, never drawn as 0).

    Columns: round_id, round_label, round_order, measure, measure_label, amount_eur, text.
    """
    col = "label_nl" if lang == "nl" else "label_en"
    status = dict(zip(lines["line_id"], lines["status"])) if len(lines) else {}
    rows = []
    for i, r in enumerate(share.sort_values("round_date").itertuples()):
        budget_status = status.get(r.budget_line_id)
        values = {
            "budget": (r.budget_eur, fmt.euro_compact(r.budget_eur, lang)
                       + (f" ({t(f'status_{budget_status}', lang)})"
                          if budget_status and budget_status != "confirmed" else "")),
            "known": (r.known_eur, fmt.euro_compact(r.known_eur, lang)),
            "focus": (r.focus_eur, fmt.euro_compact(r.focus_eur, lang) + " · "
                      + t("bu_share_of_known", lang, pct=fmt.percent(r.focus_share_pct, lang))),
        }
        for measure in SHARE_MEASURES:
            amount, text = values[measure]
            if fmt.is_missing(amount):
                continue
            rows.append({"round_id": r.round_id, "round_label": getattr(r, col),
                         "round_order": i, "measure": measure,
                         "measure_label": t(f"bu_share_measure_{measure}", lang),
                         "amount_eur": amount, "text": text})
    return pd.DataFrame(rows)


def share_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Grouped horizontal bars per round (round amount, known, to NPLV municipalities)."""
    measures = [t(f"bu_share_measure_{m}", lang) for m in SHARE_MEASURES]
    rounds = frame.sort_values("round_order")["round_label"].drop_duplicates().tolist()
    y = alt.Y("round_label:N", sort=rounds, title=None,
              axis=alt.Axis(labelFontSize=15, ticks=False, labelLimit=240))
    y_offset = alt.YOffset("measure_label:N", sort=measures)
    top = float(frame["amount_eur"].max()) if len(frame) else 1.0
    x = alt.X("amount_eur:Q", title=t("bu_share_axis", lang),
              scale=alt.Scale(domain=[0, top * 1.45], nice=False),
              axis=alt.Axis(tickCount=6, labelExpr=euro_axis_expr(lang)))
    colour = alt.Color("measure_label:N", title=None,
                       scale=alt.Scale(domain=measures,
                                       range=[SHARE_COLOURS[m] for m in SHARE_MEASURES]),
                       legend=alt.Legend(orient="top", columns=1))
    base = alt.Chart(frame).encode(y=y, yOffset=y_offset)
    bars = base.mark_bar().encode(
        x=x, color=colour,
        tooltip=[alt.Tooltip("round_label:N", title=t("bu_col_round", lang)),
                 alt.Tooltip("measure_label:N", title=" "),
                 alt.Tooltip("text:N", title=t("amount", lang))])
    labels = base.mark_text(align="left", baseline="middle", dx=6, fontSize=14,
                            color="#222").encode(x="amount_eur:Q", text="text:N")
    return alt.layer(bars, labels).properties(
        width=760, height={"step": 24}, usermeta={"id": "bu_share"})


def share_table(share: pd.DataFrame, lines: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per round: round amount and its status, known and focus sums, shares, counts, source."""
    col = "label_nl" if lang == "nl" else "label_en"
    status = dict(zip(lines["line_id"], lines["status"])) if len(lines) else {}
    rows = []
    for r in share.sort_values("round_date").itertuples():
        coverage = (None if fmt.is_missing(r.budget_eur) or not r.budget_eur
                    or fmt.is_missing(r.known_eur) else 100.0 * r.known_eur / r.budget_eur)
        rows.append({
            t("bu_col_round", lang): getattr(r, col),
            t("bu_col_budget", lang): fmt.euro(r.budget_eur, lang),
            t("bu_col_budget_status", lang): (t(f"status_{status[r.budget_line_id]}", lang)
                                              if r.budget_line_id in status else
                                              fmt.NOT_AVAILABLE[lang]),
            t("bu_col_known", lang): fmt.euro(r.known_eur, lang),
            t("bu_col_coverage", lang): fmt.percent(
                None if coverage is None else round(coverage, 1), lang),
            t("bu_col_focus_eur", lang): fmt.euro(r.focus_eur, lang),
            t("bu_col_share", lang): fmt.percent(
                None if fmt.is_missing(r.focus_share_pct) else round(r.focus_share_pct, 1),
                lang),
            t("bu_col_n_known", lang): int(r.n_projects - r.n_amount_unknown),
            t("bu_col_n_unknown", lang): int(r.n_amount_unknown),
            t("bu_col_source", lang): r.budget_source_id,
        })
    return pd.DataFrame(rows)


def share_notes(share: pd.DataFrame, lines: pd.DataFrame, lang: str, escape) -> list[str]:
    """One Markdown line per round; every piece of data text goes through ``escape``."""
    col = "label_nl" if lang == "nl" else "label_en"
    by_id = lines.set_index("line_id") if len(lines) else pd.DataFrame()
    notes = []
    for r in share.sort_values("round_date").itertuples():
        line = by_id.loc[r.budget_line_id] if r.budget_line_id in by_id.index else None
        scope = _text(line["scope"]) if line is not None else ""
        status = line["status"] if line is not None else None
        unknown = (t("bu_share_unknown_part", lang, n=int(r.n_amount_unknown))
                   if r.n_amount_unknown else "")
        notes.append(t(
            "bu_share_round_line", lang,
            round=escape(getattr(r, col)), n_known=int(r.n_projects - r.n_amount_unknown),
            unknown=unknown, known=escape(fmt.euro(r.known_eur, lang)),
            budget=escape(fmt.euro(r.budget_eur, lang)),
            status=t(f"status_{status}", lang) if status else fmt.NOT_AVAILABLE[lang],
            scope=escape(scope or fmt.NOT_AVAILABLE[lang]),
        ))
    return notes


# --- euros per focus-area resident ----------------------------------------------------------

def per_resident_frame(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Areas of the selection WITH a known allocation to their municipality, largest first.

    Columns of ``areas`` (queries.areas) plus cohort_label, value_label, text.
    """
    frame = areas[areas["vhf_eur_per_focus_resident"].notna()].copy()
    if frame.empty:
        return frame
    frame["cohort_label"] = [t(f"cohort_{c}", lang) for c in frame["cohort"]]
    frame["value_label"] = [fmt.euro(round(v), lang) for v in frame["vhf_eur_per_focus_resident"]]
    texts = []
    for r in frame.itertuples():
        text = r.value_label
        if r.vhf_uncertain:
            text += " " + t("bu_vhf_mark_approx", lang)
        if r.areas_in_municipality and r.areas_in_municipality > 1:
            text += " · " + t("bu_res_shared", lang, n=int(r.areas_in_municipality))
        texts.append(text)
    frame["text"] = texts
    return frame.sort_values(["vhf_eur_per_focus_resident", "name"],
                             ascending=[False, True]).reset_index(drop=True)


def per_resident_missing(areas: pd.DataFrame) -> pd.DataFrame:
    """Areas of the selection without any known allocation to their municipality."""
    return areas[areas["vhf_eur_per_focus_resident"].isna()].sort_values("name")


def per_resident_chart(frame: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Sorted bars of € per focus-area resident, coloured by cohort."""
    labels = {c: t(f"cohort_{c}", lang) for c in theme.COHORT_ORDER}
    order = frame["name"].tolist()
    top = float(frame["vhf_eur_per_focus_resident"].max()) if len(frame) else 1.0
    y = alt.Y("name:N", sort=order, title=None,
              axis=alt.Axis(labelFontSize=15, labelLimit=280, ticks=False))
    x = alt.X("vhf_eur_per_focus_resident:Q", title=t("bu_res_axis", lang),
              scale=alt.Scale(domain=[0, top * 1.4], nice=False),
              axis=alt.Axis(tickCount=6, labelExpr=euro_axis_expr(lang, "eur")))
    base = alt.Chart(frame).encode(y=y)
    bars = base.mark_bar(height={"band": 0.7}).encode(
        x=x,
        color=alt.Color("cohort_label:N", title=t("cohort", lang),
                        scale=theme.cohort_scale(labels), legend=alt.Legend(orient="top")),
        tooltip=[alt.Tooltip("name:N", title=t("bu_col_area", lang)),
                 alt.Tooltip("municipality:N", title=t("municipality", lang)),
                 alt.Tooltip("text:N", title=t("bu_col_per_resident", lang))],
    )
    labels_layer = base.mark_text(align="left", baseline="middle", dx=6, fontSize=14,
                                  color="#222").encode(x="vhf_eur_per_focus_resident:Q",
                                                       text="text:N")
    return alt.layer(bars, labels_layer).properties(
        width=760, height={"step": 34}, usermeta={"id": "bu_per_resident"})


def per_resident_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every area of the selection: municipality money, residents and € per resident, or the
    reason there is none."""
    none = t("bu_res_none_value", lang)
    rows = []
    ordered = areas.sort_values(["vhf_eur_per_focus_resident", "name"],
                                ascending=[False, True], na_position="last")
    for r in ordered.itertuples():
        has_money = not fmt.is_missing(r.vhf_municipality_eur)
        rows.append({
            t("bu_col_area", lang): r.name,
            t("municipality", lang): r.municipality,
            t("bu_col_cohort", lang): t(f"cohort_{r.cohort}", lang),
            t("bu_col_vhf_muni", lang): fmt.euro(r.vhf_municipality_eur, lang) if has_money
            else none,
            t("bu_col_projects", lang): int(r.vhf_projects),
            t("bu_col_focus_residents", lang): fmt.number(r.focus_residents_in_municipality,
                                                          lang),
            t("bu_col_residents_status", lang): t(f"status_{r.residents_status}", lang)
            if not fmt.is_missing(r.residents_status) else fmt.NOT_AVAILABLE[lang],
            t("bu_col_per_resident", lang): fmt.euro(r.vhf_eur_per_focus_resident, lang,
                                                     cents=True) if has_money else none,
            t("bu_col_uncertain", lang): t("bu_yes" if r.vhf_uncertain else "bu_no", lang),
            t("source", lang): r.residents_source_id,
        })
    return pd.DataFrame(rows)


# --- sources --------------------------------------------------------------------------------

def split_sources(values: Iterable) -> list[str]:
    """Source ids from single ids and ';'-joined lists, once each, in order of appearance."""
    out: list[str] = []
    for value in values:
        if fmt.is_missing(value):
            continue
        for part in str(value).split(";"):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def allocation_sources(allocations: pd.DataFrame, codes: Iterable[str] | None = None) -> list[str]:
    """Sources of the allocations, optionally only to the municipalities with these codes."""
    rows = allocations if codes is None else allocations[allocations["gemeente_code"].isin(
        set(codes))]
    return split_sources(rows["source_id"])


def per_resident_sources(areas: pd.DataFrame, allocations: pd.DataFrame,
                         codes: Iterable[str]) -> list[str]:
    """Sources under euros per resident: the areas' residents figures, then the allocations to
    their municipalities (``codes``)."""
    return split_sources(areas["residents_source_id"]) + allocation_sources(allocations, codes)
