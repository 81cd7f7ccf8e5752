"""The keeping of builder results (nplv_app.runtime.cache behind nplv_app.content.kept): keys
from the arguments, copies for each caller, and builders that run as written without a store."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pandas as pd
import pytest

from nplv_app.content import kept
from nplv_app.runtime import cache

ROOT = Path(__file__).resolve().parents[2]
CALLS: list[tuple] = []


@kept.kept
def _share(frame: pd.DataFrame, column: str, flag: bool | int = False) -> pd.DataFrame:
    CALLS.append((column, flag))
    return frame.assign(share=frame[column] / frame[column].sum())


@pytest.fixture
def store():
    CALLS.clear()
    cache.RESULTS.clear()
    cache.activate()
    yield
    kept.activate(None)


def test_without_a_store_a_builder_runs_as_written():
    kept.activate(None)
    CALLS.clear()
    frame = pd.DataFrame({"n": [1, 3]})
    _share(frame, "n")
    _share(frame, "n")
    assert len(CALLS) == 2


def test_same_content_same_result_computed_once(store):
    first = _share(pd.DataFrame({"n": [1, 3]}), "n")
    again = _share(pd.DataFrame({"n": [1, 3]}), "n")
    _share(pd.DataFrame({"n": [1, 4]}), "n")
    assert first["share"].tolist() == again["share"].tolist() == [0.25, 0.75]
    assert len(CALLS) == 2


def test_true_and_one_are_different_keys(store):
    frame = pd.DataFrame({"n": [1]})
    _share(frame, "n", True)
    _share(frame, "n", 1)
    assert CALLS == [("n", True), ("n", 1)]


def test_each_caller_gets_its_own_copy(store):
    frame = pd.DataFrame({"n": [1, 3]})
    mine = _share(frame, "n")
    mine["share"] = 0.0  # a caller's change stays in its copy
    assert _share(frame, "n")["share"].tolist() == [0.25, 0.75]


def test_a_handed_out_frame_keeps_its_key_until_its_shape_changes(store):
    result = _share(pd.DataFrame({"n": [1, 3]}), "n")
    key = cache.token(result)
    assert key[0] != "frame"  # named by the call that made it, not by a digest
    assert cache.token(result) == key
    grown = result
    grown["extra"] = 1  # a new column: keyed by content again
    assert cache.token(grown)[0] == "frame"


def test_parts_of_kept_results_are_named_by_where_they_sit(store):
    @kept.kept
    def two(frame):
        return {"head": frame.head(1), "all": frame}

    parts = two(pd.DataFrame({"n": [1, 2]}))
    assert cache.token(parts["head"])[1] == "head"
    assert cache.token(parts["head"]) != cache.token(parts["all"])


def test_a_store_is_per_thread(store):
    seen = []
    thread = threading.Thread(target=lambda: seen.append(kept.active()))
    thread.start()
    thread.join()
    assert seen == [None] and kept.active() is cache.STORE


def test_pages_hold_no_cache_calls_and_no_keys():
    """``views/*.py`` read as 'get data, build, draw': builders are called directly."""
    pattern = re.compile(r"by_key|derived\(|cached\(|selection_key|Memo\(")
    found = [f"{path.name}:{n}" for path in sorted((ROOT / "views").glob("*.py"))
             for n, line in enumerate(path.read_text().splitlines(), 1) if pattern.search(line)]
    assert found == []
