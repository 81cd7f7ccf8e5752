"""The "Lokale monitor" block of one area: figures from local monitors and the press, each beside
the same figure for the area's own municipality from the same source and period.

Local monitors define their figures each in their own way, so these figures are only ever shown
for one area at a time (never in a chart or ranking across areas, never in place of a missing
CBS figure). A figure about a group in the whole municipality (Heerlen's adults who moved there
in 2021) is shown as that group's figure, never as one of the area's residents.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.i18n import has, t
from nplv_app.content.labels import status_label

# Groups that a municipality-wide figure describes which are not the municipality's residents:
# the words that say so (text key gb_local_group_<population>).
GROUP_POPULATIONS = ("adults_moved_in_2021",)


def stated_number(value, lang: str) -> str:
    """The value with exactly the decimals it was stated with (up to three): 88,6 / 20.300."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    for decimals in range(4):
        if round(value, decimals) == value:
            return fmt.number(value, lang, decimals)
    return fmt.number(value, lang, 3)


def local_value(value, unit: str, lang: str) -> str:
    """14% / € 20.300 / 529 (the unit column says what the number counts)."""
    if fmt.is_missing(value):
        return t("not_available", lang)
    if unit == "percent":
        return stated_number(value, lang) + "%"
    if unit == "eur_per_year":
        return fmt.euro(value, lang)
    return stated_number(value, lang)


def _label(row: Mapping, lang: str) -> str:
    text = row.get(f"label_{lang}")
    return row["indicator"] if fmt.is_missing(text) or not text else text


def _wijk_label(code: str) -> str:
    """moerwijk -> Moerwijk; bouwlust_vrederust -> Bouwlust/Vrederust (the source's grouping)."""
    return "/".join(part.capitalize() for part in str(code).split("_"))


def _about(row: Mapping, area: Mapping, lang: str) -> str | None:
    """What the figure describes when it is not the whole area: one of its wijken, the whole
    municipality, or a group in the municipality; None for the whole area."""
    if row["scope_level"] == "municipality":
        if row["population"] in GROUP_POPULATIONS:
            return t(f"gb_local_group_{row['population']}", lang,
                     municipality=area["municipality"])
        return t("gb_local_about_municipality", lang, municipality=area["municipality"])
    if not fmt.is_missing(row.get("subarea")) and row.get("subarea"):
        if row["subarea"] == "focuswijken":
            return t("gb_local_about_focuswijken", lang)
        return t("gb_local_about_wijk", lang, wijk=_wijk_label(row["subarea"]))
    return None


def _figure(label: str, about: str | None, group: bool) -> str:
    """'Bijstandsuitkering, van de volwassenen die ...' / 'Cito-score (wijk Moerwijk, ...)'."""
    if about is None:
        return label
    return f"{label}, {about}" if group else f"{label} ({about})"


def kind_label(kind: str, lang: str) -> str:
    """'lokale monitor' / 'pers'."""
    key = f"gb_local_kind_{kind}"
    return t(key, lang) if has(key) else kind


def _source(row: Mapping, lang: str) -> str:
    return f"{row['source_id']} ({kind_label(row['source_kind'], lang)})"


def _status(area_row: Mapping | None, town_row: Mapping | None, lang: str) -> str:
    statuses = [r["status"] for r in (area_row, town_row) if r is not None]
    if len(set(statuses)) == 1:
        return status_label(statuses[0], lang)
    return t("gb_local_status_pair", lang, area=status_label(statuses[0], lang),
             municipality=status_label(statuses[1], lang))


def local_monitor_rows(rows: pd.DataFrame, area: Mapping, lang: str) -> list[dict]:
    """One entry per line of the block: an area figure with its municipality partner (same
    indicator, source and period) or without one, and municipality figures without an area
    partner. Fields: about, label, period, unit, area_value, municipality_value, status,
    source, source_id, local_ids, quote."""
    by_id = {r["local_id"]: r for r in rows.to_dict("records")}
    no_pair = t("gb_local_no_pair", lang)
    lines = []
    used: set[str] = set()
    for row in by_id.values():
        if row["local_id"] in used:
            continue
        partner = by_id.get(row["pair_local_id"]) if not fmt.is_missing(
            row["pair_local_id"]) else None
        area_row, town_row = ((row, partner) if row["scope_level"] == "area"
                              else (partner, row))
        used.update(r["local_id"] for r in (area_row, town_row) if r is not None)
        unit = row.get(f"unit_{lang}") or ""
        about = _about(row if area_row is None else area_row, area, lang)
        lines.append({
            "about": about,
            "label": _label(row, lang),
            "figure": _figure(_label(row, lang), about, row["population"] in GROUP_POPULATIONS),
            "period": row[f"period_{lang}"],
            "unit": "" if fmt.is_missing(unit) else unit,
            "area_value": (local_value(area_row["value"], area_row["unit"], lang)
                           if area_row is not None else t("gb_local_no_area_value", lang)),
            "municipality_value": (local_value(town_row["value"], town_row["unit"], lang)
                                   if town_row is not None else no_pair),
            "status": _status(area_row, town_row, lang),
            "source": _source(row, lang),
            "source_id": row["source_id"],
            "local_ids": [r["local_id"] for r in (area_row, town_row) if r is not None],
            "quote": row["quote"],
            "order": _order(area_row, town_row),
        })
    return sorted(lines, key=lambda line: line["order"])


def _order(area_row: Mapping | None, town_row: Mapping | None) -> int:
    """Pairs first, then whole-area figures, then wijken, then figures about the municipality."""
    if area_row is None:
        return 3
    if town_row is not None:
        return 0
    return 2 if not fmt.is_missing(area_row.get("subarea")) and area_row.get("subarea") else 1


def local_monitor_table(rows: pd.DataFrame, area: Mapping, lang: str) -> pd.DataFrame | None:
    """The block as a table (queries.local_indicators for the area), None when there are no
    local figures for it. The value columns are named after the area and its municipality."""
    if rows.empty:
        return None
    lines = local_monitor_rows(rows, area, lang)
    return pd.DataFrame({  # the answer (figure, area, municipality) first, then its caveats
        t("gb_local_col_figure", lang): [line["figure"] for line in lines],
        area["name"]: [line["area_value"] for line in lines],
        t("gb_local_col_municipality", lang, municipality=area["municipality"]):
            [line["municipality_value"] for line in lines],
        t("gb_col_unit", lang): [line["unit"] for line in lines],
        t("period", lang): [line["period"] for line in lines],
        t("gb_local_col_status_source", lang): [f"{line['status']} · {line['source']}"
                                                for line in lines],
    })


def local_monitor_quotes(rows: pd.DataFrame, area: Mapping, lang: str) -> list[tuple[str, str]]:
    """(figure and source, the sentence it was taken from), once per sentence."""
    seen: dict[str, str] = {}
    for line in local_monitor_rows(rows, area, lang):
        heading = f"{line['figure']} · {line['source_id']}"
        if line["quote"] not in seen.values():
            seen[heading] = line["quote"]
    return list(seen.items())


def local_monitor_sources(rows: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(rows["source_id"])) if len(rows) else []

