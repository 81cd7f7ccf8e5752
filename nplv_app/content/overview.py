"""Pure builders for the overzicht page: the KPI tiles, the area card and the map's table.

No Streamlit here. Inputs are the frames of the named queries (``selection_totals``,
``cohort_summary``, ``indicators``, ``area``, ``vhf_rounds_for_areas``, ``areas``); outputs are
plain values with their text already formatted (Dutch or English), so a page only renders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from nplv_app.content import fmt, maps, theme
from nplv_app.content.i18n import t
from nplv_app.content.kept import kept
from nplv_app.content.labels import cohort_label, status_label
from nplv_app.content.selection import names_by_id
from nplv_data.frames import split_ids  # noqa: F401 (callers use overview.split_ids)

REFERENCE_SETS = ("all20", "original16")


@dataclass(frozen=True)
class Tile:
    """One KPI tile: what st.metric shows, plus the captions under it."""

    key: str
    label: str
    value: str
    delta: str | None = None
    delta_arrow: str = "off"
    delta_description: str | None = None
    notes: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class AreaCard:
    """What the area card shows for one area."""

    area_id: str
    title: str
    facts: tuple[tuple[str, str], ...]
    money_title: str
    rounds: tuple[tuple[str, str], ...]
    money_notes: tuple[str, ...]
    source_ids: tuple[str, ...] = field(default_factory=tuple)


# --- helpers --------------------------------------------------------------------------------

def reference_set(selected_ids: Iterable[str], set_ids: Mapping[str, Iterable[str]]) -> str | None:
    """'all20' or 'original16' when the selection is exactly that set, else None."""
    chosen = set(selected_ids)
    for name in REFERENCE_SETS:
        if name in set_ids and chosen == set(set_ids[name]):
            return name
    return None


def _signed(value, lang: str, money: bool = False) -> tuple[str | None, str]:
    """Delta text and arrow direction for st.metric; (None, 'off') when it cannot be computed."""
    if fmt.is_missing(value):
        return None, "off"
    arrow = "up" if value > 0 else "down" if value < 0 else "off"
    if not money:
        return fmt.signed(value, lang), arrow
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + fmt.euro_compact(abs(value), lang), arrow


def _difference(a, b):
    if fmt.is_missing(a) or fmt.is_missing(b):
        return None
    return a - b


def shared_municipality(areas: pd.DataFrame) -> tuple[str, int] | None:
    """The municipality with the most chosen areas, when it has more than one."""
    if areas.empty:
        return None
    counts = areas.groupby("municipality").size().sort_values(ascending=False, kind="stable")
    counts = counts[counts > 1]
    if counts.empty:
        return None
    top = counts[counts == counts.iloc[0]].sort_index()
    return str(top.index[0]), int(top.iloc[0])


# --- KPI tiles ------------------------------------------------------------------------------

@kept
def kpi_tiles(totals: Mapping, cohorts: pd.DataFrame, reference: str | None,
              share: Mapping | None, areas: pd.DataFrame, vhf_source_ids: Sequence[str],
              lang: str, vhf_parts: pd.DataFrame | None = None) -> list[Tile]:
    """The five tiles for the current selection.

    ``totals``: the row of ``queries.selection_totals``; ``cohorts``: ``queries.cohort_summary``;
    ``reference``: ``reference_set(...)``; ``share``: the ``share_of_nl_population`` row for
    ALL20 (or None); ``areas``: the chosen rows of ``queries.areas``.

    ``vhf_parts``: ``queries.vhf_by_status`` for the selection, so the VHF sum says how much
    of it is confirmed, approximate or unconfirmed (a sum of rounded figures is never "exact").

    Deltas: when the selection is the original 16, the 16 against all 20 (the 16 minus the 20:
    "−4 t.o.v. de 20 van 2022", never a "+4" beside the 16 that reads as growth);
    otherwise this selection minus the original 16.
    """
    sets = {row["area_set"]: row for row in cohorts.to_dict("records")}
    base = sets.get("original16", {})
    if reference == "original16":
        compare_to, description = sets.get("all20", {}), t("ov_delta_vs20", lang)

        def delta(column):
            return _difference(base.get(column), compare_to.get(column))
    else:
        description = t("ov_delta_vs16", lang)

        def delta(column):
            return _difference(totals.get(column), base.get(column))

    tiles = []
    for key, column in (("areas", "n_areas"), ("municipalities", "n_municipalities")):
        text, arrow = _signed(delta(column), lang)
        tiles.append(Tile(key, t(f"ov_tile_{key}", lang), fmt.number(totals.get(column), lang),
                          text, arrow, description if text else None))

    # residents: a computed sum of rounded area values, unless an area lacks its figure
    n_missing = int(areas["residents"].isna().sum()) if "residents" in areas else 0
    residents_sources = tuple(split_ids(areas.get("residents_source_id", [])))
    notes = [t("computed_sum", lang)]
    if n_missing:
        value, text, arrow = fmt.NOT_AVAILABLE[lang], None, "off"
        notes = [t("ov_residents_missing", lang, n=n_missing)]
    else:
        value = fmt.number(totals.get("residents_sum"), lang)
        text, arrow = _signed(delta("residents_sum"), lang)
    ref_row = sets.get(reference, {}) if reference else {}
    ref_value = ref_row.get("residents_reference")
    ref_source = ref_row.get("residents_reference_source_id")
    if not fmt.is_missing(ref_value):
        notes.append(t("ov_residents_reference", lang, value=fmt.number(ref_value, lang),
                       source=ref_source,
                       status=status_label(ref_row.get("residents_reference_status"), lang)))
        residents_sources += tuple(split_ids([ref_source]))
    tiles.append(Tile("residents", t("ov_tile_residents", lang), value, text, arrow,
                      description if text else None, tuple(notes),
                      tuple(dict.fromkeys(residents_sources))))

    # share of the Dutch population: only the sourced figure for exactly all 20
    if reference == "all20" and share is not None and not fmt.is_missing(share.get("value")):
        tiles.append(Tile(
            "share", t("ov_tile_share", lang), fmt.percent(share["value"], lang),
            notes=(t("ov_share_note", lang, status=status_label(share.get("status"), lang),
                     date=fmt.date(str(share.get("period")), lang)),),
            source_ids=tuple(split_ids([share.get("source_id")])),
        ))
    else:
        tiles.append(Tile("share", t("ov_tile_share", lang), fmt.NOT_AVAILABLE[lang],
                          notes=(t("ov_share_unavailable", lang),)))

    # Volkshuisvestingsfonds: known grants to the municipalities involved, each once
    vhf = totals.get("vhf_eur")
    if fmt.is_missing(vhf):
        vhf_notes = (t("ov_vhf_none_tile", lang),)
        value, text, arrow = fmt.NOT_AVAILABLE[lang], None, "off"
    else:
        value = fmt.euro_compact(vhf, lang)
        text, arrow = _signed(delta("vhf_eur"), lang, money=True)
        shared = shared_municipality(areas)
        example = (t("ov_vhf_caveat_example", lang, municipality=shared[0], n=shared[1])
                   if shared else "")
        vhf_notes = (
            t("ov_vhf_full_one" if totals.get("n_municipalities") == 1 else "ov_vhf_full", lang,
              amount=fmt.euro(vhf, lang), n=fmt.number(totals.get("n_municipalities"), lang)),
            *vhf_parts_note(vhf_parts, lang),
            t("ov_vhf_caveat", lang, example=example),
        )
    tiles.append(Tile("vhf", t("ov_tile_vhf", lang), value, text, arrow,
                      description if text else None, vhf_notes, tuple(vhf_source_ids)))
    return tiles


STATUS_ORDER = ("confirmed", "approximate", "unconfirmed")


def vhf_parts_note(parts: pd.DataFrame | None, lang: str) -> tuple[str, ...]:
    """'Daarvan € 354,8 mln bevestigd, € 270,4 mln benaderd/afgerond en € 38,6 mln
    onbevestigd.' (nothing when the parts are not known)."""
    if parts is None or parts.empty:
        return ()
    by_status = dict(zip(parts["status"], parts["amount_eur"], strict=True))
    if set(by_status) == {"confirmed"}:
        return (t("ov_vhf_all_confirmed", lang),)
    texts = [t("ov_vhf_part", lang, amount=fmt.euro_compact(by_status[s], lang),
               status=status_label(s, lang))
             for s in (*STATUS_ORDER, *sorted(set(by_status) - set(STATUS_ORDER)))
             if s in by_status]
    joined = ", ".join(texts[:-1]) + t("bu_and", lang) + texts[-1] if len(texts) > 1 else texts[0]
    return (t("ov_vhf_parts", lang, parts=joined),)


# --- area card ------------------------------------------------------------------------------

def _round_amount(row: Mapping, lang: str) -> str:
    n_projects = int(row.get("n_projects") or 0)
    unknown = int(row.get("n_amount_unknown") or 0)
    amount = row.get("amount_eur")
    if n_projects == 0:
        return t("ov_vhf_none_found", lang)
    if fmt.is_missing(amount):
        return t("ov_round_amount_unknown", lang, n=unknown)
    if unknown:
        return t("ov_round_partly_unknown", lang, amount=fmt.euro(amount, lang), n=unknown)
    return fmt.euro(amount, lang)


def _round_status(row: Mapping, lang: str) -> str:
    n_projects = int(row.get("n_projects") or 0)
    if n_projects == 0:
        return ""
    approx = int(row.get("n_approximate") or 0)
    unconfirmed = int(row.get("n_unconfirmed") or 0)
    parts = []
    if n_projects - approx - unconfirmed > 0:
        parts.append(t("status_confirmed", lang))
    if approx:
        parts.append(t("status_approximate", lang))
    if unconfirmed:
        parts.append(t("status_unconfirmed", lang))
    if int(row.get("n_round_inferred") or 0):
        parts.append(t("ov_round_inferred", lang))
    return ", ".join(parts)


def round_lines(rounds: pd.DataFrame, lang: str) -> list[tuple[str, str]]:
    """``queries.vhf_rounds_for_areas`` as (round label, detail) lines, one per VHF round.

    Lines rather than a table: the card is narrow, and a projector needs large text.
    """
    label = "label_en" if lang == "en" else "label_nl"
    lines = []
    for row in rounds.to_dict("records"):
        parts = [_round_amount(row, lang)]
        n_projects = int(row.get("n_projects") or 0)
        if n_projects:
            parts.append(_round_status(row, lang))
            parts.append(t("ov_projects_one" if n_projects == 1 else "ov_projects_many", lang,
                           n=n_projects))
            parts.append(t("source", lang).lower() + " " + ", ".join(
                split_ids([row.get("source_ids")])))
        head = f"{row[label]} ({fmt.date(row['round_date'], lang)})"
        lines.append((head, " · ".join(parts)))
    return lines


@kept
def area_card(area: Mapping, rounds: pd.DataFrame, lang: str) -> AreaCard:
    """The card for one area: ``area`` is the row of ``queries.area``, ``rounds`` the frame of
    ``queries.vhf_rounds_for_areas`` for that one area."""
    residents = area.get("residents")
    if fmt.is_missing(residents):
        residents_text = fmt.NOT_AVAILABLE[lang]
    else:
        residents_text = t("ov_card_residents_value", lang,
                           value=fmt.number(residents, lang),
                           date=fmt.date(area.get("residents_ref_date"), lang),
                           status=status_label(area.get("residents_status"), lang))
    name_2021 = area.get("name_2021")
    if not fmt.is_missing(name_2021) and str(name_2021).strip():
        name_2021_text = f"{name_2021} ({status_label(area.get('name_2021_status'), lang)})"
    elif area.get("cohort") == "added2022":
        name_2021_text = t("ov_card_name_2021_added", lang)
    else:
        name_2021_text = t("ov_card_name_2021_missing", lang)
    facts = (
        (t("municipality", lang), str(area.get("municipality"))),
        (t("province", lang), str(area.get("province"))),
        (t("cohort", lang), cohort_label(area.get('cohort'), lang)),
        (t("residents", lang), residents_text),
        (t("ov_card_name_2021", lang), name_2021_text),
    )
    notes = []
    total = area.get("vhf_municipality_eur")
    if not fmt.is_missing(total):
        notes.append(t("ov_card_vhf_total", lang, amount=fmt.euro(total, lang)))
    shared = area.get("areas_in_municipality")
    if not fmt.is_missing(shared) and shared > 1:
        notes.append(t("ov_card_vhf_shared", lang, municipality=area.get("municipality"),
                       n=int(shared)))
    notes.append(t("ov_card_rounds_incomplete", lang))
    sources = split_ids([area.get("source_id"), area.get("residents_source_id")]
                        + list(rounds.get("source_ids", [])))
    return AreaCard(
        area_id=str(area.get("area_id")),
        title=str(area.get("name")),
        facts=facts,
        money_title=t("ov_card_vhf_title", lang, municipality=area.get("municipality")),
        rounds=tuple(round_lines(rounds, lang)),
        money_notes=tuple(notes),
        source_ids=tuple(sources),
    )


# --- the table under the map ----------------------------------------------------------------

@kept
def areas_table(areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The map's areas as display text: name, municipality, cohort, residents, status, source."""
    return pd.DataFrame({
        t("area", lang): areas["name"].astype(str).tolist(),
        t("municipality", lang): areas["municipality"].astype(str).tolist(),
        t("cohort", lang): [cohort_label(c, lang) for c in areas["cohort"]],
        t("residents", lang): [fmt.number(v, lang) for v in areas["residents"]],
        t("status", lang): [status_label(s, lang) for s in areas["residents_status"]],
        t("source", lang): [s if isinstance(s, str) else "" for s in areas["residents_source_id"]],
    })


@kept
def map_view(areas: pd.DataFrame, lang: str) -> tuple[dict[str, str], list[str], str, list[str]]:
    """What the map section needs of a selection: names by area id, the ids sorted by name
    (the picker), the map's alt text and the cohorts present (the legend), in legend order."""
    names = names_by_id(areas)
    present = set(areas["cohort"].unique().tolist())
    return (names, sorted(names, key=names.get), maps.alt_text(areas, lang),
            [c for c in theme.COHORT_ORDER if c in present])
