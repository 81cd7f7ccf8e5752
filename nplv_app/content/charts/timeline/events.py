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
DOT_SIZE = 260  # the circle mark's area in px²: about 18 px across
DOT_PX = 18
# Events of one lane closer than this are stacked: two dots side by side at a 1280 px window
# would touch (18 px dots on a 600 px plot of 11 years: about 120 days a dot, plus air).
STACK_GAP_DAYS = 134
STACK_SLOTS = (0, 1, -1)  # centre, below, above
LANE_HEIGHT = 72
SLOT_PX = 21  # the rows of one lane apart: Vega's band of LANE_HEIGHT, less padding, by three
# Where a key label goes, relative to its dot: (dy, align). A label that would pass the plot's
# edge centred starts or ends at its dot instead.
KEY_PLACES = {"above": (-17, "center"), "below": (19, "center"),
              "above_start": (-17, "left"), "below_start": (19, "left"),
              "above_end": (-17, "right"), "below_end": (19, "right")}
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
    out["key_place"] = key_places(out)
    return out


def _x_px(day, plot_width: float) -> float:
    start, end = (pd.Timestamp(d) for d in DOMAIN)
    return (pd.Timestamp(day) - start).days * plot_width / (end - start).days


def _y_px(category: str, slot: int) -> float:
    """A dot's centre from the chart's top, lane by lane (``lanes`` order)."""
    lane = CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)
    return (lane + 0.5) * LANE_HEIGHT + slot * SLOT_PX


def _key_box(row, place: str, plot_width: float) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of a key label in px at ``plot_width``."""
    x, w = _x_px(row.day, plot_width), _text_px(row.key_label, KEY_FONT_PX)
    dy, align = KEY_PLACES[place]
    left = {"center": x - w / 2, "left": x - DOT_PX / 2, "right": x + DOT_PX / 2 - w}[align]
    y = _y_px(row.category, row.slot) + dy
    return left, left + w, y - KEY_FONT_PX / 2, y + KEY_FONT_PX / 2


def _dot_boxes(frame: pd.DataFrame, plot_width: float) -> list[tuple]:
    half = DOT_PX / 2
    return [(_x_px(r.day, plot_width) - half, _x_px(r.day, plot_width) + half,
             _y_px(r.category, r.slot) - half, _y_px(r.category, r.slot) + half)
            for r in frame.itertuples()]


def _meets(a: tuple, b: tuple, air: float = 2) -> bool:
    return a[0] < b[1] + air and b[0] < a[1] + air and a[2] < b[3] and b[2] < a[3]


def key_places(frame: pd.DataFrame, plot_width: float = PLOT_WIDTH_1280) -> list[str | None]:
    """A ``KEY_PLACES`` place for each key event (None for the others): centred above its dot
    unless that label would pass the plot's edge or cover a dot (of any lane) or an earlier
    label at a 1280 px window."""
    places: list[str | None] = [None] * len(frame)
    if "key_label" not in frame:
        return places
    dots = _dot_boxes(frame, plot_width)
    placed: list[tuple] = []
    for i, row in enumerate(frame.itertuples()):
        if not isinstance(row.key_label, str):
            continue
        inside = [p for p in KEY_PLACES if 0 <= _key_box(row, p, plot_width)[0]
                  and _key_box(row, p, plot_width)[1] <= plot_width]
        free = [p for p in inside if not any(_meets(_key_box(row, p, plot_width), box)
                                             for box in dots + placed)]
        places[i] = (free or inside or ["above"])[0]
        placed.append(_key_box(row, places[i], plot_width))
    return places


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
    """What would touch at ``plot_width`` px: two dots; a key label and a dot, another key
    label (as ``key_place`` puts it, in any lane) or the plot's edge; two horizon amounts of one
    row (below or above their squares). Pairs of (label or 'dot <date>') texts."""
    found = []
    dots = [(box, f"dot {r.date_label}")
            for box, r in zip(_dot_boxes(frame, plot_width), frame.itertuples())]
    for i, (a, name_a) in enumerate(dots):
        found += [(name_a, name_b) for b, name_b in dots[i + 1:] if _meets(a, b, air=0)]
    keyed = [(_key_box(r, r.key_place, plot_width), r.key_label) for r in frame.itertuples()
             if isinstance(r.key_label, str)]
    for i, (a, name_a) in enumerate(keyed):
        found += [(name_a, name_b) for b, name_b in keyed[i + 1:] + dots if _meets(a, b)]
        if a[0] < 0 or a[1] > plot_width:
            found.append((name_a, "plot edge"))
    hz = horizon_frame(series, lang)
    amounts = sorted(((_x_px(r.day, plot_width), _text_px(r.amount_label, AMOUNT_FONT_PX),
                       r.amount_label, r.above) for r in hz.itertuples()),
                     key=lambda b: (b[3], b[0]))
    for a, b in zip(amounts, amounts[1:]):
        if a[3] == b[3] and b[0] - b[1] / 2 < a[0] + a[1] / 2 + 4:  # 4 px of air
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
    points = base.mark_circle(size=DOT_SIZE, opacity=0.95, stroke="white", strokeWidth=1.5,
                              color=EVENT_COLOUR).encode(x=x, y=y, yOffset=y_offset,
                                                         tooltip=tooltip)
    # each key label above or below its dot, where it covers no dot (``key_places``)
    used = set(frame["key_place"].dropna()) if "key_place" in frame else set()
    keys = [base.transform_filter(f"datum.key_place === '{place}'").mark_text(
        dy=dy, dx={"center": 0, "left": -DOT_PX / 2, "right": DOT_PX / 2}[align],
        fontSize=KEY_FONT_PX, fontWeight="bold", color=theme.REFERENCE, align=align,
    ).encode(x=x, y=y, yOffset=y_offset, text="key_label:N")
        for place, (dy, align) in KEY_PLACES.items() if place in used]
    layers = [points, *keys]

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
