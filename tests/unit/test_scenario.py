"""The what-if scenario maths: exact totals, no negatives, determinism, keys, minimum, errors."""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from nplv_data.scenario import (
    EXCLUDED_COLUMNS,
    KEYS,
    NO_WELFARE_FIGURE,
    TABLE_COLUMNS,
    ScenarioError,
    ScenarioInput,
    allocate,
    dilution,
    largest_remainder,
)

AMOUNTS = (0, 1, 7, 400_000_000, 999_999_999)
NAN = float("nan")


def make_areas(n: int, rng: random.Random, welfare_missing: float = 0.3) -> pd.DataFrame:
    """n areas with random residents and a welfare figure that is sometimes missing."""
    ids = [f"area-{i:02d}" for i in range(n)]
    rng.shuffle(ids)
    return pd.DataFrame({
        "area_id": ids,
        "name": [f"Area {a[-2:]}" for a in ids],
        "cohort": [rng.choice(["original16", "added2022"]) for _ in ids],
        "residents": [rng.randint(1, 200_000) for _ in ids],
        "low_fin_welfare_pct": [
            NAN if rng.random() < welfare_missing else round(rng.uniform(0.5, 40.0), 1)
            for _ in ids],
    })


def random_input(rng: random.Random, amount: int, n: int) -> ScenarioInput:
    """A random valid scenario whose minimum the budget can always pay."""
    key = rng.choice(KEYS)
    blend_key = rng.choice([None, *[k for k in KEYS if k != key]])
    share = 0.0 if blend_key is None else rng.choice([0.0, 1.0, rng.random()])
    minimum = rng.choice([0, amount // n, rng.randint(0, amount // n)])
    return ScenarioInput(amount_per_year_eur=amount, years=rng.randint(1, 30), key=key,
                         blend_key=blend_key, blend_share=share, minimum_per_area_eur=minimum)


def fixed_areas(residents: list[int], welfare: list[float] | None = None) -> pd.DataFrame:
    n = len(residents)
    return pd.DataFrame({
        "area_id": [f"a{i:02d}" for i in range(n)],
        "name": [f"Area {i}" for i in range(n)],
        "cohort": ["original16"] * n,
        "residents": residents,
        "low_fin_welfare_pct": welfare if welfare is not None else [10.0] * n,
    })


def per_year(result) -> dict[str, int]:
    return dict(zip(result.table["area_id"], result.table["per_year_eur"], strict=True))


def assert_sound(inp: ScenarioInput, areas: pd.DataFrame, result) -> None:
    """Invariants every result must satisfy."""
    table = result.table
    assert list(table.columns) == list(TABLE_COLUMNS)
    assert list(result.excluded.columns) == list(EXCLUDED_COLUMNS)
    assert int(table["per_year_eur"].sum()) == inp.amount_per_year_eur
    assert (table["per_year_eur"] >= 0).all()
    assert (table["per_year_eur"] >= inp.minimum_per_area_eur).all()
    assert (table["total_eur"] == table["per_year_eur"] * inp.years).all()
    assert int(table["total_eur"].sum()) == result.totals["total_eur"]
    assert result.totals["total_eur"] == inp.amount_per_year_eur * inp.years
    assert result.totals["n_areas"] == len(table)
    assert result.totals["residents"] == int(table["residents"].sum())
    assert math.isclose(table["weight_share"].sum(), 1.0, rel_tol=1e-9)
    assert (table["weight_share"] >= 0).all()
    assert sorted([*table["area_id"], *result.excluded["area_id"]]) == sorted(areas["area_id"])
    ordered = table.sort_values(["per_year_eur", "area_id"], ascending=[False, True])
    assert list(ordered["area_id"]) == list(table["area_id"])


# --- totals, no negatives, determinism ------------------------------------------------------

@pytest.mark.parametrize("seed", range(8))
def test_random_scenarios_preserve_total_to_the_euro(seed):
    rng = random.Random(seed)
    for _ in range(8):
        n = rng.randint(1, 25)
        areas = make_areas(n, rng)
        inp = random_input(rng, rng.choice([*AMOUNTS, rng.randint(0, 10**9)]), n)
        try:
            result = allocate(inp, areas)
        except ScenarioError as err:  # only legitimate refusals: no welfare figures at all
            assert "no area has" in str(err) and areas["low_fin_welfare_pct"].isna().all()
            continue
        assert_sound(inp, areas, result)


@pytest.mark.parametrize("amount", AMOUNTS)
def test_every_amount_size_and_key_preserves_total(amount):
    rng = random.Random(amount)
    for n in (1, 2, 3, 7, 16, 20, 25):
        areas = make_areas(n, rng, welfare_missing=0.0)
        for key in KEYS:
            inp = ScenarioInput(amount_per_year_eur=amount, key=key)
            assert_sound(inp, areas, allocate(inp, areas))


@pytest.mark.parametrize("seed", range(3))
def test_same_input_same_output_whatever_the_row_order(seed):
    rng = random.Random(100 + seed)
    areas = make_areas(20, rng)
    inp = ScenarioInput(amount_per_year_eur=400_000_001, years=4, key="welfare_weighted",
                        blend_key="per_resident", blend_share=0.35, minimum_per_area_eur=5_000_000)
    first = allocate(inp, areas)
    again = allocate(inp, areas.copy())
    shuffled = allocate(inp, areas.sample(frac=1.0, random_state=seed))
    for other in (again, shuffled):
        pd.testing.assert_frame_equal(first.table, other.table)
        pd.testing.assert_frame_equal(first.excluded, other.excluded)
        assert first.totals == other.totals


def test_ties_go_to_the_smaller_area_id():
    areas = fixed_areas([10, 10, 10]).iloc[::-1]
    result = allocate(ScenarioInput(amount_per_year_eur=7), areas)
    assert per_year(result) == {"a00": 3, "a01": 2, "a02": 2}
    assert list(result.table["area_id"]) == ["a00", "a01", "a02"]


# --- keys -----------------------------------------------------------------------------------

def test_equal_key_sixteen_areas_get_25_million_each():
    areas = fixed_areas([random.Random(16).randint(1_000, 100_000) for _ in range(16)])
    result = allocate(ScenarioInput(amount_per_year_eur=400_000_000, key="equal"), areas)
    assert set(result.table["per_year_eur"]) == {25_000_000}
    assert result.totals["n_areas"] == 16
    assert (result.table["weight_share"] == 1 / 16).all()


def test_per_resident_is_proportional():
    areas = fixed_areas([100_000, 300_000, 600_000])
    result = allocate(ScenarioInput(amount_per_year_eur=400_000_000, key="per_resident",
                                    years=3), areas)
    assert per_year(result) == {"a00": 40_000_000, "a01": 120_000_000, "a02": 240_000_000}
    assert set(result.table["per_resident_per_year_eur"]) == {400.0}
    assert result.totals["per_resident_per_year_eur"] == 400.0
    assert result.totals["total_eur"] == 1_200_000_000


def test_per_resident_rounding_is_within_one_euro_of_exact():
    areas = make_areas(20, random.Random(7))
    result = allocate(ScenarioInput(amount_per_year_eur=999_999_999, key="per_resident"), areas)
    exact = result.table["residents"] / result.table["residents"].sum() * 999_999_999
    assert ((result.table["per_year_eur"] - exact).abs() < 1.0).all()


def test_welfare_weighted_excludes_and_lists_areas_without_the_figure():
    areas = fixed_areas([1_000, 2_000, 3_000, 4_000], [10.0, NAN, 20.0, NAN])
    result = allocate(ScenarioInput(amount_per_year_eur=700, key="welfare_weighted"), areas)
    # weights 1000*10 = 10,000 and 3000*20 = 60,000
    assert per_year(result) == {"a00": 100, "a02": 600}
    assert list(result.excluded["area_id"]) == ["a01", "a03"]
    assert set(result.excluded["reason"]) == {NO_WELFARE_FIGURE}
    assert result.totals["residents"] == 4_000
    assert any("receive nothing" in note for note in result.notes)


def test_welfare_weighted_without_any_figure_is_refused():
    areas = fixed_areas([1_000, 2_000], [NAN, NAN])
    with pytest.raises(ScenarioError, match="low_fin_welfare_pct"):
        allocate(ScenarioInput(key="welfare_weighted"), areas)


def test_blend_gives_areas_without_welfare_figure_their_part_of_the_other_key():
    areas = fixed_areas([1_000, 1_000, 1_000, 1_000], [10.0, NAN, 30.0, NAN])
    inp = ScenarioInput(amount_per_year_eur=1_000, key="equal", blend_key="welfare_weighted",
                        blend_share=0.5)
    result = allocate(inp, areas)
    # equal: 250 each; welfare: a00 250, a02 750; blend halves both
    assert per_year(result) == {"a00": 250, "a01": 125, "a02": 500, "a03": 125}
    assert result.excluded.empty


@pytest.mark.parametrize("key, other", [("equal", "per_resident"),
                                        ("per_resident", "welfare_weighted"),
                                        ("welfare_weighted", "equal")])
def test_blend_share_zero_and_one_equal_the_pure_keys(key, other):
    areas = make_areas(18, random.Random(5))
    for share, pure in ((0.0, key), (1.0, other)):
        blended = allocate(ScenarioInput(key=key, blend_key=other, blend_share=share), areas)
        plain = allocate(ScenarioInput(key=pure), areas)
        pd.testing.assert_frame_equal(blended.table, plain.table)
        pd.testing.assert_frame_equal(blended.excluded, plain.excluded)
        assert blended.totals == plain.totals


# --- minimum --------------------------------------------------------------------------------

def test_minimum_is_respected_and_the_rest_follows_the_key():
    areas = fixed_areas([1_000, 9_000, 90_000])
    inp = ScenarioInput(amount_per_year_eur=1_000_000, key="per_resident",
                        minimum_per_area_eur=100_000)
    result = allocate(inp, areas)
    # a00 (10k) and a01 (90k) fall below 100k and are fixed; a02 takes the remaining 800k
    assert per_year(result) == {"a00": 100_000, "a01": 100_000, "a02": 800_000}
    assert_sound(inp, areas, result)


def test_minimum_water_filling_keeps_proportions_among_the_free_areas():
    areas = fixed_areas([1_000, 40_000, 60_000, 100_000])
    inp = ScenarioInput(amount_per_year_eur=2_000_000, key="per_resident",
                        minimum_per_area_eur=200_000)
    got = per_year(allocate(inp, areas))
    # a00 fixed at 200k; 1.8M over 200k residents = 9 per resident for the others
    assert got == {"a00": 200_000, "a01": 360_000, "a02": 540_000, "a03": 900_000}


def test_minimum_equal_to_the_even_split_gives_everyone_the_minimum():
    areas = make_areas(20, random.Random(3))
    inp = ScenarioInput(amount_per_year_eur=400_000_000, key="per_resident",
                        minimum_per_area_eur=20_000_000)
    assert set(allocate(inp, areas).table["per_year_eur"]) == {20_000_000}


def test_minimum_the_budget_cannot_pay_is_refused():
    areas = fixed_areas([1_000] * 20)
    inp = ScenarioInput(amount_per_year_eur=400_000_000, minimum_per_area_eur=20_000_001)
    with pytest.raises(ScenarioError, match="minimum_per_area_eur .* exceeds amount_per_year_eur"):
        allocate(inp, areas)


# --- invalid input --------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, field", [
    ({"amount_per_year_eur": -1}, "amount_per_year_eur"),
    ({"amount_per_year_eur": 1.5}, "amount_per_year_eur"),
    ({"years": 0}, "years"),
    ({"years": 31}, "years"),
    ({"key": "per_household"}, "key"),
    ({"blend_key": "nonsense", "blend_share": 0.5}, "blend_key"),
    ({"blend_key": "per_resident", "blend_share": 1.5}, "blend_share"),
    ({"blend_key": "per_resident", "blend_share": NAN}, "blend_share"),
    ({"blend_share": 0.5}, "blend_key"),
    ({"minimum_per_area_eur": -5}, "minimum_per_area_eur"),
])
def test_invalid_input_names_the_field(kwargs, field):
    with pytest.raises(ScenarioError, match=field):
        ScenarioInput(**kwargs)


@pytest.mark.parametrize("residents", [0, -3, NAN, 2.5])
def test_bad_residents_are_refused(residents):
    areas = fixed_areas([1_000, 2_000])
    areas["residents"] = areas["residents"].astype(object)
    areas.loc[1, "residents"] = residents
    with pytest.raises(ScenarioError, match="residents"):
        allocate(ScenarioInput(), areas)


@pytest.mark.parametrize("mutate, match", [
    (lambda df: df.drop(columns="cohort"), "cohort"),
    (lambda df: df.iloc[0:0], "empty"),
    (lambda df: df.assign(area_id=["a00", "a00"]), "area_id"),
    (lambda df: df.assign(low_fin_welfare_pct=[-1.0, 5.0]), "low_fin_welfare_pct"),
])
def test_bad_area_tables_are_refused(mutate, match):
    with pytest.raises(ScenarioError, match=match):
        allocate(ScenarioInput(key="welfare_weighted"), mutate(fixed_areas([1_000, 2_000])))


# --- largest remainder ----------------------------------------------------------------------

@pytest.mark.parametrize("amount, weights, expected", [
    (10, [1, 1, 1], [4, 3, 3]),
    (7, [0.5, 0.25, 0.25], [3, 2, 2]),  # quotas 3.5, 1.75, 1.75
    (1, [1, 1], [1, 0]),
    (0, [3, 2], [0, 0]),
    (100, [0, 1, 0], [0, 100, 0]),
    (0, [], []),
    (400_000_000, [1] * 16, [25_000_000] * 16),
])
def test_largest_remainder_examples(amount, weights, expected):
    assert largest_remainder(amount, weights) == expected


@pytest.mark.parametrize("amount, weights", [(5, []), (5, [0, 0]), (5, [1, -1]), (5, [NAN]),
                                             (-1, [1])])
def test_largest_remainder_refuses_what_it_cannot_split(amount, weights):
    with pytest.raises(ScenarioError):
        largest_remainder(amount, weights)


# --- dilution -------------------------------------------------------------------------------

def test_dilution_of_400_million_over_the_16_and_the_20():
    frame = dilution(400_000_000, 1_073_000, 1_192_000)
    assert list(frame.columns) == ["label", "residents", "per_resident_eur", "change_eur",
                                   "change_pct"]
    assert list(frame["label"]) == ["16", "20"]
    assert frame.loc[0, "per_resident_eur"] == pytest.approx(372.7866, abs=1e-4)
    assert frame.loc[1, "per_resident_eur"] == pytest.approx(335.5705, abs=1e-4)
    assert frame.loc[1, "change_eur"] == pytest.approx(-37.2161, abs=1e-4)
    assert frame.loc[1, "change_pct"] == pytest.approx(-9.9832, abs=1e-4)
    assert math.isnan(frame.loc[0, "change_pct"])


@pytest.mark.parametrize("args, field", [((-1, 10, 20), "amount_per_year_eur"),
                                         ((1, 0, 20), "residents_a"),
                                         ((1, 10, -2), "residents_b")])
def test_dilution_refuses_bad_input(args, field):
    with pytest.raises(ScenarioError, match=field):
        dilution(*args)
