"""The timeline: events in lanes by kind, stacked where they are close, with the funding horizon
of the programme's budget lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

import altair as alt
import pandas as pd

from nplv_app.content import fmt, theme
from nplv_app.content.charts.tooltips import tooltips
from nplv_app.content.i18n import has, t
from nplv_app.content.kept import kept, kept_chart
from nplv_app.content.labels import status_label
from nplv_app.content.selection import names_by_id

# Lanes from top to bottom: the story from the ask to the funding horizon.
CATEGORIES = ("ask", "launch", "letter", "budget", "vhf", "area", "cbs", "horizon")
OTHER = "other"
# Ordered rules on the Dutch and English event text (lower case): the first that matches wins.
# Events whose source is the horizon budget line's source go to the "horizon" lane first.
_RULES: tuple[tuple[str, re.Pattern], ...] = (
    ("ask", re.compile(r"manifest|motie|motion")),
    ("launch", re.compile(r"lancering|launched|treden toe|join as")),
    ("vhf", re.compile(r"volkshuisvestingsfonds|housing fund")),
    ("cbs", re.compile(r"\bcbs\b|statistics netherlands")),
    ("letter", re.compile(
        r"brief|voortgang|overleg|letter to parliament|progress (letter|report)")),
    ("budget", re.compile(r"miljoen|spuk|preventie met gezag|woontop|regeling|grant")),
)


# Key events that get a short label on the chart (stable event ids from timeline.csv).
# Chosen so that no two labels of one lane meet at a 1280 px window (``label_overlaps``).
KEY_EVENTS = {"E07": "tl_key_ask", "E11": "tl_key_launch", "E37": "tl_key_cbs",
              "E01": "tl_key_regiodeal", "E09": "tl_key_vhf2021", "E22": "tl_key_vhf2023",
              "E10": "tl_key_jenv", "E31": "tl_key_woontop", "E17": "tl_key_letter2023"}
KEY_FONT_PX = 15
AMOUNT_FONT_PX = 14
# The plot's width at a 1280 px window (sidebar open, lane names beside it), for the check.
PLOT_WIDTH_1280 = 600
# The NPLV line of the 2026 draft VRO budget: one row per year (budget_lines.line_id prefix).
HORIZON_LINE_PREFIX = "vro_owb2026_nplv_"
STACK_GAP_DAYS = 75  # events closer than this in one lane are stacked
STACK_SLOTS = (0, 1, -1)  # centre, below, above
LANE_HEIGHT = 62
DOMAIN = ("2019-01-01", "2030-01-01")
EVENT_COLOUR = "#0072B2"


def categorize(event_nl: str, event_en: str, area_ids, source_id: str,
               horizon_source_id: str | None = None) -> str:
    """The lane of one event, from its text, its area ids and its source."""
    if horizon_source_id and source_id == horizon_source_id:
        return "horizon"
    text = f"{event_nl or ''} {event_en or ''}".lower()
    for category, pattern in _RULES:
        if pattern.search(text):
            return category
    if isinstance(area_ids, str) and area_ids.strip():
        return "area"
    return OTHER


def split_ids(area_ids) -> list[str]:
    """'a;b' -> ['a', 'b']; empty or missing -> []."""
    if not isinstance(area_ids, str):
        return []
    return [part.strip() for part in area_ids.split(";") if part.strip()]


def names_any(area_ids, chosen: set[str]) -> bool:
    """Whether an 'a;b' id list names at least one of ``chosen``."""
    return bool(chosen & set(split_ids(area_ids)))


def stack_slots(days: pd.Series, gap_days: int = STACK_GAP_DAYS) -> list[int]:
    """A slot per event (in the given order, sorted by day) so close events do not overlap."""
    last: dict[int, pd.Timestamp] = {}
    slots = []
    for day in days:
        free = [s for s in STACK_SLOTS if s not in last or (day - last[s]).days >= gap_days]
        slot = free[0] if free else min(last, key=last.get)
        last[slot] = day
        slots.append(slot)
    return slots


@kept
def horizon_series(budget_lines: pd.DataFrame) -> pd.DataFrame:
    """The yearly rows of the NPLV line in the 2026 draft VRO budget, by year.

    Columns: line_id, year, day (mid-year, for plotting), amount_eur, status, source_id, note.
    Empty when the lines are not in the data.
    """
    columns = ["line_id", "year", "day", "amount_eur", "status", "source_id", "note"]
    rows = budget_lines[budget_lines["line_id"].str.startswith(HORIZON_LINE_PREFIX)
                        & budget_lines["period"].astype(str).str.fullmatch(r"\d{4}")]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    frame = rows.assign(year=rows["period"].astype(int))
    frame = frame.assign(day=pd.to_datetime(frame["year"].astype(str) + "-07-01"))
    return frame[columns].sort_values("year").reset_index(drop=True)


@kept
def funding_horizon(series: pd.DataFrame) -> dict | None:
    """The first year with 0 after a year with money in the horizon series, or None.

    Keys: line_id, year, day (1 January of that year), amount_eur, status, source_id,
    last_line_id, last_year, last_amount_eur, last_status.
    """
    previous = None
    for row in series.itertuples():
        if previous is not None and previous.amount_eur > 0 and row.amount_eur == 0:
            return {
                "line_id": row.line_id, "year": int(row.year),
                "day": pd.Timestamp(f"{int(row.year)}-01-01"), "amount_eur": row.amount_eur,
                "status": row.status, "source_id": row.source_id,
                "last_line_id": previous.line_id, "last_year": int(previous.year),
                "last_amount_eur": previous.amount_eur, "last_status": previous.status,
            }
        previous = row
    return None


def horizon_source(series: pd.DataFrame) -> str | None:
    sources = series["source_id"].dropna().unique() if len(series) else []
    return sources[0] if len(sources) == 1 else None


def category_label(category: str, lang: str) -> str:
    return t(f"tl_cat_{category}", lang)


@kept
def event_frame(events: pd.DataFrame, lang: str, horizon_source_id: str | None = None,
                area_names: dict[str, str] | pd.DataFrame | None = None,
                only_area_ids: Iterable[str] | None = None) -> pd.DataFrame:
    """Events ready to plot: one row per event, in date order.

    With ``only_area_ids``, events in the "area" lane are kept only when they name one of those
    areas; programme-wide events (and launch, budget or CBS events that happen to name a place)
    always stay.

    ``area_names`` is {area id: name} or the areas frame itself (a page passes the frame: a
    kept builder's arguments are keyed, and a frame is keyed once, a 17.000-entry dict on every
    call).

    Columns: event_id, day, date_label, category, category_label, event, area_ids, areas,
    source_id, slot, key_label (None unless a key event).
    """
    names = (names_by_id(area_names) if isinstance(area_names, pd.DataFrame)
             else area_names or {})
    frame = events.sort_values(["day", "event_id"]).reset_index(drop=True)
    category = [categorize(r.event_nl, r.event_en, r.area_ids, r.source_id, horizon_source_id)
                for r in frame.itertuples()]
    if only_area_ids is not None:
        chosen = set(only_area_ids)
        keep = [c != "area" or names_any(ids, chosen)
                for c, ids in zip(category, frame["area_ids"])]
        frame = frame[keep].reset_index(drop=True)
        category = [c for c, k in zip(category, keep) if k]
    text_column = "event_en" if lang == "en" else "event_nl"
    out = pd.DataFrame({
        "event_id": frame["event_id"],
        "day": pd.to_datetime(frame["day"]),
        "date_label": [fmt.date(r.day, lang, r.date_precision) for r in frame.itertuples()],
        "category": category,
        "category_label": [category_label(c, lang) for c in category],
        "event": frame[text_column],
        "area_ids": frame["area_ids"],
        "areas": [", ".join(names.get(a, a) for a in split_ids(ids)) or t("tl_programme_wide", lang)
                  for ids in frame["area_ids"]],
        "source_id": frame["source_id"],
    })
    out["slot"] = 0
    for _, index in out.groupby("category").groups.items():
        out.loc[index, "slot"] = stack_slots(out.loc[index, "day"])
    out["key_label"] = [t(KEY_EVENTS[e], lang) if e in KEY_EVENTS else None
                        for e in out["event_id"]]
    return out


def lanes(frame: pd.DataFrame, lang: str) -> list[str]:
    """Lane labels top to bottom: every category always, 'other' only when used."""
    codes = list(CATEGORIES) + ([OTHER] if (frame["category"] == OTHER).any() else [])
    return [category_label(c, lang) for c in codes]


def horizon_frame(series: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The horizon series with labels for the chart (empty when there is no series)."""
    if series.empty:
        return series.assign(amount_label=[], amount_full=[], status_label=[], year_label=[],
                             category_label=[], event=[], filled=[], line_label=[], above=[])
    return series.assign(
        amount_label=[fmt.euro_compact(v, lang) for v in series["amount_eur"]],
        amount_full=[fmt.euro(v, lang) for v in series["amount_eur"]],
        status_label=[status_label(s, lang) for s in series["status"]],
        year_label=series["year"].astype(str),
        category_label=category_label("horizon", lang),
        event=[t("tl_budget_year", lang, year=y, amount=fmt.euro(v, lang))
               for y, v in zip(series["year"], series["amount_eur"])],
        filled=series["status"] == "confirmed",
        line_label=[line_label(i, lang) for i in series["line_id"]],
        above=[i % 2 == 1 for i in range(len(series))],
    )


def _text_px(text: str, font_px: float) -> float:
    """About how wide a text is drawn (Source Sans: 0.55 em per character on average)."""
    return 0.55 * font_px * len(str(text))


def label_overlaps(frame: pd.DataFrame, series: pd.DataFrame, lang: str,
                   plot_width: float = PLOT_WIDTH_1280) -> list[tuple[str, str]]:
    """Pairs of chart labels that would touch at ``plot_width`` px: key-event labels in one
    lane, horizon amounts in one row (below or above their squares)."""
    start, end = (pd.Timestamp(d) for d in DOMAIN)
    per_day = plot_width / (end - start).days

    def boxes(rows) -> list[tuple[float, float, str, tuple]]:
        return [(x - w / 2, x + w / 2, text, row) for x, w, text, row in rows]

    keyed = frame[frame["key_label"].notna()]
    rows = [((pd.Timestamp(r.day) - start).days * per_day, _text_px(r.key_label, KEY_FONT_PX),
             r.key_label, (r.category, r.slot)) for r in keyed.itertuples()]
    hz = horizon_frame(series, lang)
    rows += [((pd.Timestamp(r.day) - start).days * per_day,
              _text_px(r.amount_label, AMOUNT_FONT_PX), r.amount_label, ("horizon", r.above))
             for r in hz.itertuples()]
    found = []
    placed = sorted(boxes(rows), key=lambda b: (b[3], b[0]))
    for a, b in zip(placed, placed[1:]):
        if a[3] == b[3] and b[0] < a[1] + 4:  # 4 px of air between two labels
            found.append((a[2], b[2]))
    return found


def line_label(line_id: str, lang: str) -> str:
    """The budget line's name (its text key), never its internal id."""
    key = f"bu_line_{line_id}"
    return t(key, lang) if has(key) else t("tl_col_line", lang)


@kept_chart
def timeline_chart(frame: pd.DataFrame, series: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Events in lanes on a time axis, key-event labels, and the funding-horizon annotation."""
    lane_order = lanes(frame, lang)
    x_scale = alt.Scale(domain=list(DOMAIN))
    y = alt.Y("category_label:N", title=None, sort=lane_order, scale=alt.Scale(domain=lane_order),
              axis=alt.Axis(labelFontSize=15, labelLimit=260, labelPadding=8, ticks=False,
                            domain=False, grid=True, gridColor="#f0f0f0"))
    y_offset = alt.YOffset("slot:O", scale=alt.Scale(domain=list(sorted(STACK_SLOTS))))
    x = alt.X("day:T", title=None, scale=x_scale,
              axis=alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1},
                            labelFontSize=15, grid=True, gridColor="#e6e6e6"))
    tooltip = tooltips(
        lang,
        ("date_label:N", "tl_col_date"),
        ("event:N", "tl_col_event"),
        ("category_label:N", "tl_col_kind"),
        ("areas:N", "tl_col_areas"),
        ("source_id:N", "tl_col_source"),
    )
    base = alt.Chart(frame)
    points = base.mark_circle(size=260, opacity=0.95, stroke="white", strokeWidth=1.5,
                              color=EVENT_COLOUR).encode(x=x, y=y, yOffset=y_offset,
                                                         tooltip=tooltip)
    keys = base.transform_filter("isValid(datum.key_label)").mark_text(
        dy=-17, fontSize=KEY_FONT_PX, fontWeight="bold", color=theme.REFERENCE, align="center",
    ).encode(x=x, y=y, yOffset=y_offset, text="key_label:N")
    layers = [points, keys]

    hz = horizon_frame(series, lang)
    if not hz.empty:
        hz_tooltip = tooltips(
            lang,
            ("year_label:N", "period"),
            ("amount_full:N", "tl_col_amount"),
            ("status_label:N", "tl_col_status"),
            ("line_label:N", "tl_col_line"),
            ("source_id:N", "tl_col_source"),
        )
        squares = alt.Chart(hz).mark_point(shape="square", size=170, strokeWidth=2,
                                           color=theme.REFERENCE).encode(
            x=x, y=y,
            fill=alt.condition("datum.filled", alt.value(theme.REFERENCE), alt.value("white")),
            tooltip=hz_tooltip,
        )
        # Neighbouring years' amounts alternate below and above their squares: side by side
        # they would run into each other at a 1280 px window.
        amounts = [alt.Chart(hz).transform_filter(test).mark_text(
            dy=dy, fontSize=AMOUNT_FONT_PX, color=theme.REFERENCE).encode(
            x=x, y=y, text="amount_label:N")
            for test, dy in (("!datum.above", 21), ("datum.above", -19))]
        layers += [squares, *amounts]
        horizon = funding_horizon(series)
        if horizon is not None:
            rule_data = pd.DataFrame([{
                "day": horizon["day"], "line_id": horizon["line_id"],  # data, never shown
                "line_label": line_label(horizon["line_id"], lang),
                "source_id": horizon["source_id"], "year_label": str(horizon["year"]),
                "amount_full": fmt.euro(horizon["amount_eur"], lang),
                "status_label": status_label(horizon['status'], lang),
                "label": t("tl_horizon_label", lang, year=horizon["year"],
                           amount=fmt.euro(horizon["amount_eur"], lang)),
            }])
            rule = alt.Chart(rule_data).mark_rule(
                strokeDash=[7, 5], strokeWidth=2, color=theme.REFERENCE,
            ).encode(x=x, tooltip=hz_tooltip)
            label = alt.Chart(rule_data).mark_text(
                align="right", baseline="top", dx=-8, dy=6, fontSize=15, fontWeight="bold",
                color=theme.REFERENCE,
            ).encode(x=x, y=alt.value(0), text="label:N")
            layers += [rule, label]
    return alt.layer(*layers).properties(
        height=LANE_HEIGHT * len(lane_order), width="container",
    )


@kept
def chart_table(frame: pd.DataFrame, series: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table under the chart: every event and every horizon year, with its source."""
    events = pd.DataFrame({
        t("tl_col_date", lang): frame["date_label"],
        t("tl_col_kind", lang): frame["category_label"],
        t("tl_col_event", lang): frame["event"],
        t("tl_col_areas", lang): frame["areas"],
        t("tl_col_status", lang): None,
        t("tl_col_source", lang): frame["source_id"],
    })
    hz = horizon_frame(series, lang)
    if hz.empty:
        return events
    years = pd.DataFrame({
        t("tl_col_date", lang): hz["year_label"],
        t("tl_col_kind", lang): hz["category_label"],
        t("tl_col_event", lang): hz["event"] + " (" + hz["line_label"] + ")",
        t("tl_col_areas", lang): t("tl_programme_wide", lang),
        t("tl_col_status", lang): hz["status_label"],
        t("tl_col_source", lang): hz["source_id"],
    })
    return pd.concat([events, years], ignore_index=True)


@kept
def chart_alt_text(frame: pd.DataFrame, series: pd.DataFrame, lang: str) -> str:
    horizon = funding_horizon(series)
    horizon_text = "" if horizon is None else t(
        "tl_horizon_alt", lang, year=horizon["year"], amount=fmt.euro(horizon["amount_eur"], lang))
    if frame.empty:
        first = last = fmt.NOT_AVAILABLE[lang]
    else:
        first, last = frame["date_label"].iloc[0], frame["date_label"].iloc[-1]
    return t("tl_chart_alt", lang, n=len(frame), first=first, last=last, horizon=horizon_text)
