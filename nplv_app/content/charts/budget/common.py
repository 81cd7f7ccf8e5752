"""Shared by the Budgetten builders: the euro axis, label wrapping and the source-id lists."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from nplv_app.content import fmt
from nplv_app.content.kept import kept
from nplv_data.frames import split_ids

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


_AMOUNT = re.compile(r"€[ \u00a0]?[0-9][0-9.,]*(?:[ \u00a0](?:mln|mld))?")


def keep_amounts_whole(text: str) -> str:
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


def plain_text(value) -> str:
    """A text cell: '' where the source gives nothing."""
    return "" if fmt.is_missing(value) else str(value)


# --- sources --------------------------------------------------------------------------------

split_sources = split_ids  # one rule for ';'-joined source ids (nplv_data.frames)


@kept
def source_ids_of(rows: pd.DataFrame) -> list[str]:
    """The source ids named in ``rows["source_id"]``, in order (kept: national-scale views
    have thousands of rows)."""
    return split_sources(rows["source_id"])


def allocation_sources(allocations: pd.DataFrame, codes: Iterable[str] | None = None) -> list[str]:
    """Sources of the allocations, optionally only to the municipalities with these codes."""
    rows = allocations if codes is None else allocations[allocations["gemeente_code"].isin(
        set(codes))]
    return split_sources(rows["source_id"])


@kept
def per_resident_sources(areas: pd.DataFrame, allocations: pd.DataFrame,
                         codes: Iterable[str]) -> list[str]:
    """Sources under euros per resident: the areas' residents figures, then the allocations to
    their municipalities (``codes``)."""
    return split_sources(areas["residents_source_id"]) + allocation_sources(allocations, codes)
