"""The server's garbage-collector settings: applied once per process, never inside AppTest."""

import gc
import threading

from app_support import run_page

from nplv_app.runtime import gc_tuning


def test_settle_freezes_and_raises_thresholds_once(monkeypatch):
    calls = []
    monkeypatch.setattr(gc_tuning, "_settled", False)
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    monkeypatch.setattr(gc, "set_threshold", lambda *limits: calls.append(limits))
    results = []
    threads = [threading.Thread(target=lambda: results.append(gc_tuning.settle()))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 7 + [True]
    assert calls == ["freeze", gc_tuning.THRESHOLDS]
    assert gc_tuning.settle() is False


def test_thresholds_are_above_pythons_defaults():
    young, middle, old = gc_tuning.THRESHOLDS
    assert young > 700 and middle >= 10 and old >= 10


def test_an_app_test_run_leaves_the_test_process_alone():
    before = gc.get_threshold(), gc.get_freeze_count()
    run_page("overzicht")
    assert (gc.get_threshold(), gc.get_freeze_count()) == before
