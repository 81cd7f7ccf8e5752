"""Helpers that keep national-scale reruns fast give the answers pandas gives:
``frames.isin`` and ``data.fresh`` (copies of shared cache results)."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pandas as pd
import pytest

from nplv_app.data import fresh
from nplv_data.frames import isin

POOL = ["a", "b", "c", "d", "e", None, float("nan"), pd.NA, 1, "é", ""]


@pytest.mark.parametrize("seed", range(40))
def test_isin_agrees_with_pandas(seed):
    rng = random.Random(seed)
    column = pd.Series([rng.choice(["a", "b", "c", None, "e", "é", ""]) for _ in range(30)],
                       dtype="str", index=range(100, 130), name="area_id")
    values = rng.sample(POOL, rng.randint(0, len(POOL)))
    hashable = {v for v in values if v is not pd.NA and v == v}
    for given in (values, hashable, pd.Series(values, dtype=object)):
        expected = column.isin(list(given))
        got = isin(column, given)
        assert got.tolist() == expected.tolist()
        assert got.index.equals(column.index) and got.dtype == bool


def test_isin_on_numbers_and_many_values():
    assert isin(pd.Series([1, 2, 3]), {2, 3}).tolist() == [False, True, True]
    ids = pd.Series([f"a{i}" for i in range(17_000)], dtype="str")
    assert int(isin(ids, ids.iloc[::2]).sum()) == 8_500


@dataclass(frozen=True)
class Result:
    table: pd.DataFrame
    totals: dict


def test_fresh_copies_leave_the_cached_value_as_it_was():
    frame = pd.DataFrame({"a": [1, 2]})
    cached = {"frame": frame, "ids": ["x", "y"], "pair": (frame, [1]),
              "result": Result(frame, {"n": 2})}
    mine = fresh(cached)
    mine["frame"]["a"] = [5, 6]
    mine["frame"].loc[0, "a"] = 9
    mine["ids"].append("z")
    mine["pair"][1].append(2)
    mine["result"].table["b"] = 1
    mine["result"].totals["n"] = 3
    assert frame.to_dict("list") == {"a": [1, 2]}
    assert cached["ids"] == ["x", "y"] and cached["pair"][1] == [1]
    assert cached["result"].totals == {"n": 2} and list(cached["result"].table) == ["a"]
