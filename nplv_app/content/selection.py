"""The shared area selection as a plain value, and the filtering it implies.

Pure: the sidebar builds a ``Selection`` from widgets, every page filters with ``apply``; tests
call both without Streamlit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from nplv_app.content.kept import kept
from nplv_data.frames import isin

AREA_SETS = ("all20", "original16", "added2022", "custom")
MAX_NOTICE_ITEMS = 5
MAX_NOTICE_CHARS = 40


@dataclass(frozen=True)
class Selection:
    """What the user picked in the sidebar; empty filters mean 'all'."""

    area_set: str = "all20"
    municipalities: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    residents_min: int | None = None
    residents_max: int | None = None
    custom_area_ids: tuple[str, ...] = ()


@kept
def apply(selection: Selection, areas: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``areas`` (queries.areas) that the selection keeps, in their order."""
    if selection.area_set == "custom":
        keep = isin(areas["area_id"], selection.custom_area_ids)
    elif selection.area_set in ("original16", "added2022"):
        keep = areas["cohort"] == selection.area_set
    else:
        keep = pd.Series(True, index=areas.index)
    if selection.municipalities:
        keep &= isin(areas["municipality"], selection.municipalities)
    if selection.provinces:
        keep &= isin(areas["province"], selection.provinces)
    if selection.residents_min is not None:
        keep &= areas["residents"] >= selection.residents_min
    if selection.residents_max is not None:
        keep &= areas["residents"] <= selection.residents_max
    return areas[keep]


@kept
def names_by_id(areas: pd.DataFrame) -> dict[str, str]:
    """Area name by area id (queries.areas rows), in row order: the pickers' labels."""
    return dict(zip(areas["area_id"].tolist(), areas["name"].tolist(), strict=True))


def ignored_values(raw: Mapping[str, Sequence[str]], accepted: Mapping[str, Iterable]) -> list[str]:
    """URL values the widgets dropped, shortened for a notice (never echoed at full length)."""
    ignored: list[str] = []
    for key, values in raw.items():
        kept = {str(v) for v in accepted.get(key, ())}
        for value in values:
            for part in str(value).split(","):
                if part and part not in kept:
                    ignored.append(f"{key}={shorten(part)}")
    return ignored


def shorten(text: str, limit: int = MAX_NOTICE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def notice_items(items: Sequence[str], lang: str = "nl") -> str:
    """At most a handful of items, then 'and N more'."""
    shown = list(items[:MAX_NOTICE_ITEMS])
    rest = len(items) - len(shown)
    if rest > 0:
        more = f"en {rest} meer" if lang == "nl" else f"and {rest} more"
        shown.append(more)
    return ", ".join(shown)
