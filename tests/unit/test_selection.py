"""The shared selection as a pure value: filtering and the URL notice."""

import pandas as pd

from nplv_app.content.selection import Selection, apply, ignored_values, notice_items, shorten

AREAS = pd.DataFrame({
    "area_id": ["a", "b", "c", "d"],
    "municipality": ["X", "X", "Y", "Z"],
    "province": ["P", "P", "Q", "Q"],
    "cohort": ["original16", "original16", "original16", "added2022"],
    "residents": [10_000, 50_000, 200_000, 14_000],
})


def ids(selection):
    return apply(selection, AREAS)["area_id"].tolist()


def test_sets_and_filters():
    assert ids(Selection()) == ["a", "b", "c", "d"]
    assert ids(Selection(area_set="original16")) == ["a", "b", "c"]
    assert ids(Selection(area_set="added2022")) == ["d"]
    assert ids(Selection(area_set="custom", custom_area_ids=("d", "a"))) == ["a", "d"]
    assert ids(Selection(area_set="custom")) == []
    assert ids(Selection(municipalities=("X",))) == ["a", "b"]
    assert ids(Selection(provinces=("Q",), residents_min=20_000)) == ["c"]
    assert ids(Selection(residents_max=14_000)) == ["a", "d"]


def test_ignored_values_are_shortened_and_listed():
    raw = {"gemeente": ["X", "<script>alert(1)</script>" * 5], "provincie": ["P"]}
    accepted = {"gemeente": ["X"], "provincie": ["P"]}
    ignored = ignored_values(raw, accepted)
    assert len(ignored) == 1 and ignored[0].startswith("gemeente=<script>")
    assert len(ignored[0]) <= len("gemeente=") + 40
    assert shorten("x" * 100).endswith("…")
    assert notice_items([str(i) for i in range(8)], "nl").endswith("en 3 meer")
