"""The load test in its reduced form: 6 sessions for 15 s through the proxy (< 60 s).

``python -m loadtest --via-proxy --workers 2 --sessions 6 --seconds 15 --kill-replica-after 7``
as a test: ``make serve``'s set (two replicas behind HAProxy) on free loopback ports with a
temporary database, six browserless sessions speaking Streamlit's websocket protocol
(loadtest/client.py), each with the proxy's cookie from its first page, that change the area
set, move the residents slider, switch pages, type a scenario amount and download CSV exports;
7 s in, one replica is SIGKILLed: its sessions reconnect, land on the other replica and must get
their view back from its URL. Timing figures are printed, not asserted: they depend on what
else the machine does. Errors, isolation and the moved sessions' views are asserted.
"""

from __future__ import annotations

import sys

import pytest
from machine import require_haproxy

from loadtest.report import Results
from loadtest.runner import run

SESSIONS = 6
SECONDS = 15.0
KILL_AFTER = 7.0


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Results:
    require_haproxy()
    workdir = tmp_path_factory.mktemp("loadtest")
    outcome = run(SESSIONS, SECONDS, command=f"python -m loadtest --via-proxy --workers 2 "
                  f"--sessions {SESSIONS} --seconds {SECONDS:g} --kill-replica-after "
                  f"{KILL_AFTER:g}", workdir=workdir, baseline=0, workers=2,
                  kill_after=KILL_AFTER)
    (workdir / "RESULTS.md").write_text(outcome.markdown())
    return outcome


def test_figures_printed(results: Results, capsys: pytest.CaptureFixture) -> None:
    s = results.summary()
    with capsys.disabled():
        sys.stdout.write(
            f"\nloadtest {s['sessions']} sessions x {s['seconds']:g} s: {s['interactions']} "
            f"interactions, rerun p50 {s['p50_s'] * 1000:.0f} ms, p95 {s['p95_s'] * 1000:.0f} ms, "
            f"max {s['max_s'] * 1000:.0f} ms; first-load p95 "
            f"{s['first_load_p95_s'] * 1000:.0f} ms; {s['downloads']} downloads; server RSS "
            f"{s['rss_start_kb'] / 1024:.0f} -> {(s['rss_end_kb'] or 0) / 1024:.0f} MiB "
            f"(peak {(s['rss_peak_kb'] or 0) / 1024:.0f} MiB); wall {results.wall_s:.0f} s\n")
    assert s["interactions"] >= SESSIONS
    assert s["rss_start_kb"] and s["rss_end_kb"]


def test_no_errors(results: Results) -> None:
    """No exception element, compile error, error alert, disconnect, failed download or
    server traceback in any session."""
    assert not results.errors, "\n".join(results.errors[:20])


def test_isolation_held(results: Results) -> None:
    """Each session saw its own selection's figures after every interaction."""
    assert results.shared.isolation_checks >= SESSIONS
    assert not results.shared.isolation_violations, \
        "\n".join(results.shared.isolation_violations[:20])


def test_every_kind_of_interaction_ran(results: Results) -> None:
    kinds = {i.kind for i in results.shared.interactions}
    assert {"load", "area_set", "slider", "page", "amount", "download"} <= kinds, kinds
    assert results.shared.downloads >= 1


def test_server_survived(results: Results) -> None:
    assert results.server_alive  # the proxy and the replica that was not killed


def test_sessions_of_the_killed_replica_came_back_to_their_view(results: Results) -> None:
    """Every session on the killed replica moved to the other one and got the same page,
    selection and amount back from its URL (checked as after every interaction)."""
    shared = results.shared
    assert results.killed == ["r1"]
    on_victim = [u for u, r in shared.first_replicas.items() if r == "r1"]
    assert on_victim, "no session was routed to the first replica"
    assert sorted(m[0] for m in shared.moves) == sorted(on_victim)
    assert all(m[2] == "r2" and m[3] for m in shared.moves), shared.moves
    assert shared.lost == len(shared.moves)


def test_first_deep_links_get_the_frame(results: Results) -> None:
    frameless = [f"user {f.user} ({f.page})" for f in results.shared.first_loads if not f.framed]
    assert not frameless


def test_cpu_account_names_who_used_the_cores(results: Results) -> None:
    """Server, chart workers, load generator and other work are each measured, so a slow run
    can be told apart from a busy machine."""
    cpu = results.cpu
    assert cpu["server"] > 0 and cpu["client"] > 0, cpu
    assert cpu["workers"] >= 0 and cpu["steal"] >= 0, cpu
    # the whole machine's count holds ours (ticks are 10 ms: allow a little rounding)
    assert cpu["machine"] >= cpu["server"] + cpu["workers"] + cpu["client"] - 1.0, cpu
    assert "load generator" in results.markdown()
