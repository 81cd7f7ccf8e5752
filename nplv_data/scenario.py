"""What-if distribution of a budget over focus areas: pure, deterministic, exact to the euro.

A scenario spreads ``amount_per_year_eur`` over areas by a distribution key (optionally a blend
of two keys and a minimum per area). The maths runs on exact fractions, so ties are real ties and
the result does not depend on float noise or on the order of the input rows. Only the per-year
amounts are rounded (largest remainder, to whole euros, summing exactly to the budget); amounts
over several years are the rounded per-year amount times ``years``.

Nothing here reads the database or knows Streamlit: pages pass a DataFrame of areas in.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

import pandas as pd

KEYS = ("equal", "per_resident", "welfare_weighted")
KEY_LABELS = {
    "equal": "Equal per area",
    "per_resident": "Per resident",
    "welfare_weighted": "Residents × share with low financial welfare",
}
NO_WELFARE_FIGURE = "no low-financial-welfare figure in the sources"
ROUNDING_NOTE = (
    "Per-year amounts are rounded to whole euros by the largest-remainder method, so they add "
    "up exactly to the budget; amounts over several years are the per-year amount × years."
)
MAX_YEARS = 30
AREA_COLUMNS = ("area_id", "name", "cohort", "residents")
WELFARE_COLUMN = "low_fin_welfare_pct"
TABLE_COLUMNS = (
    "area_id", "name", "cohort", "residents", "weight_share", "per_year_eur", "total_eur",
    "per_resident_per_year_eur",
)
EXCLUDED_COLUMNS = ("area_id", "name", "reason")


class ScenarioError(ValueError):
    """A scenario that cannot be computed; the message names the offending field."""


# --- input ----------------------------------------------------------------------------------

def _whole(name: str, value: object) -> int:
    """Accept integers only (not bools, not floats), so a typo never silently truncates."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ScenarioError(f"{name} must be a whole number, got {value!r}")
    return int(value)


@dataclass(frozen=True)
class ScenarioInput:
    """The what-if settings; validated on creation so a bad slider value fails loudly."""

    amount_per_year_eur: int = 400_000_000
    years: int = 1
    key: str = "equal"
    blend_key: str | None = None
    blend_share: float = 0.0
    minimum_per_area_eur: int = 0

    def __post_init__(self) -> None:
        amount = _whole("amount_per_year_eur", self.amount_per_year_eur)
        if amount < 0:
            raise ScenarioError(f"amount_per_year_eur must be >= 0, got {amount}")
        years = _whole("years", self.years)
        if not 1 <= years <= MAX_YEARS:
            raise ScenarioError(f"years must be between 1 and {MAX_YEARS}, got {years}")
        minimum = _whole("minimum_per_area_eur", self.minimum_per_area_eur)
        if minimum < 0:
            raise ScenarioError(f"minimum_per_area_eur must be >= 0, got {minimum}")
        if self.key not in KEYS:
            raise ScenarioError(f"key must be one of {', '.join(KEYS)}; got {self.key!r}")
        share = self._checked_blend()
        object.__setattr__(self, "amount_per_year_eur", amount)
        object.__setattr__(self, "years", years)
        object.__setattr__(self, "minimum_per_area_eur", minimum)
        object.__setattr__(self, "blend_share", share)

    def _checked_blend(self) -> float:
        """Blend share as a float in [0, 1]; a share without a second key is an error."""
        share = self.blend_share
        if isinstance(share, bool) or not isinstance(share, numbers.Real):
            raise ScenarioError(f"blend_share must be a number between 0 and 1, got {share!r}")
        share = float(share)
        if not 0.0 <= share <= 1.0:  # also rejects NaN
            raise ScenarioError(f"blend_share must be between 0 and 1, got {share}")
        if self.blend_key is None:
            if share != 0.0:
                raise ScenarioError("blend_share is set but blend_key is None; choose a blend_key")
            return share
        if self.blend_key not in KEYS:
            raise ScenarioError(
                f"blend_key must be one of {', '.join(KEYS)} or None; got {self.blend_key!r}")
        if self.blend_key == self.key:
            raise ScenarioError(f"blend_key must differ from key (both {self.key!r})")
        return share

    def key_mix(self) -> list[tuple[str, Fraction]]:
        """(key, exact share) pairs with a positive share; a key at share 0 is not computed."""
        s = Fraction(self.blend_share)
        mix = [(self.key, 1 - s)]
        if self.blend_key is not None:
            mix.append((self.blend_key, s))
        return [(k, w) for k, w in mix if w > 0]


@dataclass(frozen=True)
class ScenarioResult:
    """The outcome of ``allocate``.

    table: one row per receiving area, columns ``TABLE_COLUMNS``, sorted by per_year_eur
      descending then area_id. weight_share is the key's (blended) share before the minimum
      and rounding; per_year_eur are rounded whole euros summing exactly to the budget.
    totals: amount_per_year_eur, total_eur, n_areas, residents, per_resident_per_year_eur.
    excluded: areas given but receiving nothing, columns ``EXCLUDED_COLUMNS``, by area_id.
    notes: plain-language caveats to show beside the figures.
    """

    input: ScenarioInput
    table: pd.DataFrame
    totals: dict
    excluded: pd.DataFrame
    notes: tuple[str, ...] = field(default=())


# --- rounding -------------------------------------------------------------------------------

def largest_remainder(amount: int, weights: Sequence[float]) -> list[int]:
    """Split ``amount`` whole units in proportion to ``weights``, summing exactly to ``amount``.

    Each position gets the floor of its exact quota; the units left over go to the largest
    remainders, ties to the earlier position (callers order by area_id to make that the rule).
    Weights may be int, float or Fraction; they are used exactly, never via float sums.
    """
    amount = _whole("amount", amount)
    if amount < 0:
        raise ScenarioError(f"amount must be >= 0, got {amount}")
    exact = [_exact_weight(w) for w in weights]
    total = sum(exact, Fraction(0))
    if amount == 0:
        return [0] * len(exact)
    if total <= 0:
        raise ScenarioError("weights must include a positive value to split a positive amount")
    quotas = [amount * w / total for w in exact]
    floors = [math.floor(q) for q in quotas]
    leftover = amount - sum(floors)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - floors[i]), i))
    for i in order[:leftover]:
        floors[i] += 1
    return floors


def _exact_weight(value: object) -> Fraction:
    """A weight as an exact Fraction; NaN, infinite or negative weights are refused."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ScenarioError(f"weights must be numbers, got {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ScenarioError(f"weights must be finite, got {value!r}")
    exact = Fraction(value)
    if exact < 0:
        raise ScenarioError(f"weights must be >= 0, got {value!r}")
    return exact


# --- areas ----------------------------------------------------------------------------------

class _Area(NamedTuple):
    """One checked input row; plain Python so the exact maths needs no pandas per step."""

    area_id: str
    name: object
    cohort: object
    residents: int
    welfare_pct: float  # NaN when the sources have no figure


def _clean_areas(areas: pd.DataFrame, need_welfare: bool) -> list[_Area]:
    """Checked rows, sorted by area_id so row order never changes the result."""
    if not isinstance(areas, pd.DataFrame):
        raise ScenarioError("areas must be a pandas DataFrame")
    wanted = AREA_COLUMNS + ((WELFARE_COLUMN,) if need_welfare else ())
    missing = [c for c in wanted if c not in areas.columns]
    if missing:
        raise ScenarioError(f"areas is missing column(s): {', '.join(missing)}")
    if areas.empty:
        raise ScenarioError("areas is empty; choose at least one area")
    ids = areas["area_id"]
    if ids.isna().any() or ids.astype(str).duplicated().any():
        raise ScenarioError("area_id must be present and unique in areas")
    welfare = (_clean_welfare(areas[WELFARE_COLUMN]) if WELFARE_COLUMN in areas.columns
               else [math.nan] * len(areas))
    rows = zip(ids.astype(str), areas["name"], areas["cohort"],
               _clean_residents(areas["residents"]), welfare, strict=True)
    return sorted((_Area(*row) for row in rows), key=lambda a: a.area_id)


def _clean_residents(values: pd.Series) -> list[int]:
    """Residents as ints, each a whole number > 0 (an area without residents gets no share)."""
    bad = [v for v in values.tolist() if not _is_positive_whole(v)]
    if bad:
        raise ScenarioError(f"residents must be whole numbers > 0; bad value(s): {bad[:5]}")
    return [int(v) for v in values.tolist()]


def _is_positive_whole(value: object) -> bool:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return False
    return math.isfinite(value) and value > 0 and value == int(value)


def _clean_welfare(values: pd.Series) -> list[float]:
    """Low-financial-welfare share in percent (0..100) as float; missing (None/NaN) is NaN."""
    pct = [math.nan if _is_missing(v) else v for v in values.tolist()]
    bad = [v for v in pct if isinstance(v, bool) or not isinstance(v, numbers.Real)
           or not (math.isnan(v) or 0.0 <= v <= 100.0)]
    if bad:
        raise ScenarioError(
            f"{WELFARE_COLUMN} must be between 0 and 100 or missing; bad value(s): {bad[:5]}")
    return [float(v) for v in pct]


def _is_missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# --- keys -----------------------------------------------------------------------------------

def _key_weights(key: str, rows: list[_Area]) -> list[Fraction | None]:
    """Raw weight per area for one key; None where the key has no figure for the area."""
    if key == "equal":
        return [Fraction(1)] * len(rows)
    if key == "per_resident":
        return [Fraction(a.residents) for a in rows]
    return [None if math.isnan(a.welfare_pct) else a.residents * Fraction(a.welfare_pct)
            for a in rows]


def _key_shares(key: str, rows: list[_Area]) -> list[Fraction | None]:
    """Normalized shares (summing to 1 over covered areas) so keys can be blended fairly."""
    weights = _key_weights(key, rows)
    covered = [w for w in weights if w is not None]
    if not covered:
        raise ScenarioError(f"key {key!r}: no area has a {WELFARE_COLUMN} figure in the sources")
    total = sum(covered, Fraction(0))
    if total == 0:
        raise ScenarioError(f"key {key!r}: all chosen areas have weight 0; nothing to divide by")
    return [None if w is None else w / total for w in weights]


def _blended_shares(inp: ScenarioInput, rows: list[_Area]) -> list[Fraction | None]:
    """(1-s)·share₁ + s·share₂ per area; None when no key with a positive share covers it."""
    blended: list[Fraction | None] = [None] * len(rows)
    for key, mix in inp.key_mix():
        for i, share in enumerate(_key_shares(key, rows)):
            if share is not None:
                blended[i] = (blended[i] or Fraction(0)) + mix * share
    return blended


# --- minimum --------------------------------------------------------------------------------

def _water_fill(amount: int, shares: list[Fraction], minimum: int) -> list[Fraction]:
    """Exact amounts by share with a floor: areas below the minimum are fixed at it, the rest
    re-split by share over what remains, until no free area falls below (water-filling).

    Terminates with at least one free area because amount >= minimum · n is checked first.
    """
    fixed = [False] * len(shares)
    while True:
        free = [i for i, f in enumerate(fixed) if not f]
        remaining = amount - minimum * (len(shares) - len(free))
        free_total = sum((shares[i] for i in free), Fraction(0))
        exact = {i: remaining * shares[i] / free_total for i in free}
        below = [i for i in free if exact[i] < minimum]
        if not below:
            return [Fraction(minimum) if fixed[i] else exact[i] for i in range(len(shares))]
        for i in below:
            fixed[i] = True


# --- allocation -----------------------------------------------------------------------------

def allocate(inp: ScenarioInput, areas: pd.DataFrame) -> ScenarioResult:
    """Distribute ``inp`` over ``areas`` (columns area_id, name, cohort, residents and, for the
    welfare key, low_fin_welfare_pct); see ``ScenarioResult`` for what comes back."""
    if not isinstance(inp, ScenarioInput):
        raise ScenarioError("inp must be a ScenarioInput")
    need_welfare = any(k == "welfare_weighted" for k, _ in inp.key_mix())
    rows = _clean_areas(areas, need_welfare)
    shares = _blended_shares(inp, rows)
    receiving = [(a, s) for a, s in zip(rows, shares, strict=True) if s is not None]
    _check_minimum(inp, len(receiving))
    exact = _water_fill(inp.amount_per_year_eur, [s for _, s in receiving],
                        inp.minimum_per_area_eur)
    per_year = largest_remainder(inp.amount_per_year_eur, exact)
    table = _table(receiving, per_year, inp.years)
    excluded = _excluded([a for a, s in zip(rows, shares, strict=True) if s is None])
    return ScenarioResult(
        input=inp, table=table, totals=_totals(inp, table), excluded=excluded,
        notes=_notes(inp, excluded))


def _check_minimum(inp: ScenarioInput, n_areas: int) -> None:
    """Refuse a minimum the budget cannot pay to every receiving area."""
    need = inp.minimum_per_area_eur * n_areas
    if need > inp.amount_per_year_eur:
        raise ScenarioError(
            f"minimum_per_area_eur {inp.minimum_per_area_eur:,} × {n_areas} areas = EUR {need:,} "
            f"exceeds amount_per_year_eur {inp.amount_per_year_eur:,}")


def _table(receiving: list[tuple[_Area, Fraction]], per_year: list[int],
           years: int) -> pd.DataFrame:
    """The per-area table, largest amount first, ties by area_id."""
    order = sorted(range(len(receiving)), key=lambda i: (-per_year[i], receiving[i][0].area_id))
    areas = [receiving[i][0] for i in order]
    euros = [per_year[i] for i in order]
    return pd.DataFrame({
        "area_id": [a.area_id for a in areas],
        "name": [a.name for a in areas],
        "cohort": [a.cohort for a in areas],
        "residents": pd.Series([a.residents for a in areas], dtype="int64"),
        "weight_share": pd.Series([float(receiving[i][1]) for i in order], dtype="float64"),
        "per_year_eur": pd.Series(euros, dtype="int64"),
        "total_eur": pd.Series([e * years for e in euros], dtype="int64"),
        "per_resident_per_year_eur": pd.Series(
            [e / a.residents for e, a in zip(euros, areas, strict=True)], dtype="float64"),
    })


def _excluded(rows: list[_Area]) -> pd.DataFrame:
    """Areas that receive nothing; today only for lack of a welfare figure."""
    return pd.DataFrame({
        "area_id": pd.Series([a.area_id for a in rows], dtype="str"),
        "name": [a.name for a in rows],
        "reason": pd.Series([NO_WELFARE_FIGURE] * len(rows), dtype="str"),
    })


def _totals(inp: ScenarioInput, table: pd.DataFrame) -> dict:
    """Headline numbers over the receiving areas."""
    residents = int(table["residents"].sum())
    return {
        "amount_per_year_eur": inp.amount_per_year_eur,
        "total_eur": inp.amount_per_year_eur * inp.years,
        "n_areas": len(table),
        "residents": residents,
        "per_resident_per_year_eur": inp.amount_per_year_eur / residents,
    }


def _notes(inp: ScenarioInput, excluded: pd.DataFrame) -> tuple[str, ...]:
    """Caveats a page should print next to the numbers."""
    notes = [ROUNDING_NOTE]
    if inp.minimum_per_area_eur:
        notes.append(f"Every receiving area gets at least EUR {inp.minimum_per_area_eur:,} a "
                     "year; the rest follows the key.")
    if len(excluded):
        notes.append(f"{len(excluded)} area(s) receive nothing: {NO_WELFARE_FIGURE}.")
    return tuple(notes)


# --- dilution -------------------------------------------------------------------------------

def dilution(amount_per_year_eur: int, residents_a: int, residents_b: int,
             label_a: str = "16", label_b: str = "20") -> pd.DataFrame:
    """The same budget per resident over set a and over set b (e.g. the 16 vs the 20).

    Columns: label, residents, per_resident_eur, change_eur, change_pct (b vs a, in percent;
    NaN on row a, the reference).
    """
    amount = _whole("amount_per_year_eur", amount_per_year_eur)
    if amount < 0:
        raise ScenarioError(f"amount_per_year_eur must be >= 0, got {amount}")
    for name, value in (("residents_a", residents_a), ("residents_b", residents_b)):
        if _whole(name, value) <= 0:
            raise ScenarioError(f"{name} must be > 0, got {value}")
    per_a = amount / residents_a
    per_b = amount / residents_b
    change_pct = (per_b / per_a - 1.0) * 100.0 if per_a else 0.0
    return pd.DataFrame({
        "label": [str(label_a), str(label_b)],
        "residents": pd.Series([int(residents_a), int(residents_b)], dtype="int64"),
        "per_resident_eur": [per_a, per_b],
        "change_eur": [float("nan"), per_b - per_a],
        "change_pct": [float("nan"), change_pct],
    })
