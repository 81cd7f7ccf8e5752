"""The process-wide memo tables (``nplv_app.runtime.memo``) and what the app keeps in them: one
computation per key under concurrency, nothing kept on failure, least recently used out first,
keys that change with the data version, and cached chart specs no caller can change."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pytest

from nplv_app import data
from nplv_app.content import kept
from nplv_app.content.selection import Selection
from nplv_app.runtime import cache, memo, specs
from nplv_app.runtime.memo import Memo


def test_a_value_is_computed_once_and_then_served():
    table = Memo("test_once", 4)
    calls = []
    assert table.get("k", lambda: calls.append(1) or "v") == "v"
    assert table.get("k", lambda: calls.append(1) or "other") == "v"
    assert calls == [1] and (table.hits, table.misses) == (1, 1)


def test_sessions_asking_at_once_share_one_computation():
    table = Memo("test_concurrent", 4)
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(table.get("k", slow)))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 8


def test_a_failed_computation_keeps_nothing_and_can_be_retried():
    table = Memo("test_failure", 4)

    def broken():
        raise ValueError("no")

    with pytest.raises(ValueError):
        table.get("k", broken)
    assert len(table) == 0
    assert table.get("k", lambda: 2) == 2


def test_the_least_recently_used_value_goes_first():
    table = Memo("test_lru", 2)
    table.get("a", lambda: 1)
    table.get("b", lambda: 2)
    table.get("a", lambda: 0)  # a is used again: b is now the oldest
    table.get("c", lambda: 3)
    assert "b" not in table and "a" in table and "c" in table


def test_clear_all_empties_every_table():
    table = Memo("test_clear", 2)
    table.get("a", lambda: 1)
    memo.clear_all()
    assert len(table) == 0


def test_frozen_specs_give_each_caller_its_own_dict():
    spec = {"mark": "bar", "encoding": {"x": {"field": "a"}}, "config": {"view": {"stroke": None}},
            "datasets": {"d1": b"arrow bytes"}, "data": {"name": "d1"}}
    frozen = specs.FrozenSpec.of(spec)
    mine = frozen.thaw()
    assert mine == spec
    mine["encoding"]["x"]["field"] = "changed"
    mine["datasets"]["d2"] = b"more"
    mine["autosize"] = "fit"
    assert frozen.thaw() == spec


def test_cached_charts_without_a_key_are_keyed_by_content():
    built = []

    def chart(frame):
        built.append(1)
        import altair as alt
        return alt.Chart(frame).mark_bar().encode(x="a:Q")

    chart.__module__ = "tests.test_memo"
    chart = kept.kept_chart(chart)
    cache.activate()
    try:
        first = chart(pd.DataFrame({"a": [1, 2]}))
        again = chart(pd.DataFrame({"a": [1, 2]}))
        other = chart(pd.DataFrame({"a": [1, 3]}))
    finally:
        kept.activate(None)
    assert first == again and first != other and len(built) == 2


def test_query_results_follow_the_data_version(monkeypatch):
    versions = iter(["v1", "v2"])
    monkeypatch.setattr(data, "version", lambda: current)
    monkeypatch.setattr(data, "database", lambda: None)
    calls = []

    def areas(db):
        calls.append(current)
        return pd.DataFrame({"v": [current]})

    monkeypatch.setattr(data.queries, "areas", areas)
    cache.QUERIES.clear()
    current = next(versions)
    assert data.query(areas)["v"].tolist() == ["v1"]
    assert data.query(areas)["v"].tolist() == ["v1"]
    current = next(versions)
    assert data.query(areas)["v"].tolist() == ["v2"]
    assert calls == ["v1", "v2"]


def test_the_selection_filter_is_kept_per_selection(monkeypatch):
    from nplv_app.frame import state

    frame = pd.DataFrame({"area_id": ["a", "b"], "cohort": ["original16", "added2022"],
                          "municipality": ["X", "Y"], "province": ["P", "P"],
                          "residents": [10, 20]})
    monkeypatch.setattr(data, "version", lambda: "test-version")
    monkeypatch.setattr(data, "query", lambda function, *args: frame.copy())
    first = state.areas_of(Selection(area_set="original16"))
    first["area_id"] = "changed"
    assert state.areas_of(Selection(area_set="original16"))["area_id"].tolist() == ["a"]
    assert state.areas_of(Selection())["area_id"].tolist() == ["a", "b"]
