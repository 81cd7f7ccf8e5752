"""``make serve`` in small: two replicas behind HAProxy (nplv_serving), on free loopback ports.

One test, in steps that build on each other (so that ``pytest -n 2`` cannot split them): health
through the proxy; the stickiness cookie and every request with it on one replica; a websocket
session through the proxy running a page; a rebuild of the database while both replicas serve
pages (each must still run them without error); then one replica SIGKILLed, and its cookie
routed to the other within seconds, where a page runs again. No browser; the tiny fixture
sources keep builds and page runs short. Without haproxy: skipped locally, a failure in CI.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from machine import require_haproxy

from loadtest.client import Session
from loadtest.runner import run_coroutine
from nplv_serving import config
from nplv_serving.processes import ServingSet, free_port, start

REPO_ROOT = Path(__file__).resolve().parents[2]
TINY_SOURCES = REPO_ROOT / "tests" / "fixtures" / "tiny_sources"
COOKIE = config.COOKIE
FAILOVER_SECONDS = 8.0


def _get(port: int, path: str, replica: str | None = None) -> tuple[int, dict[str, str]]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if replica:
        request.add_header("Cookie", f"{COOKIE}={replica}")
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()
        headers = {k.lower(): v for k, v in response.headers.items() if k.lower() != "set-cookie"}
        headers["set-cookie"] = "; ".join(response.headers.get_all("Set-Cookie") or [])
        return response.status, headers


async def _run_page(port: int, replica: str | None, page: str = "gebieden") -> tuple[str, bool]:
    """(replica that served the websocket, whether the page ran framed and without error)."""
    session = Session(port, headers={"Cookie": f"{COOKIE}={replica}"} if replica else None)
    await session.connect()
    try:
        result = await session.rerun(page=page, timeout=60)
        return session.response_headers.get("x-nplv-replica", ""), result.ok and result.framed
    finally:
        await session.close()


@pytest.fixture
def serving(tmp_path: Path):
    require_haproxy()
    sources = tmp_path / "sources"
    shutil.copytree(TINY_SOURCES, sources)
    env = dict(os.environ, NPLV_SOURCES=str(sources), NPLV_DB=str(tmp_path / "nplv.duckdb"))
    running = start(2, port=free_port(), address="127.0.0.1", run_dir=tmp_path / "run", env=env)
    try:
        yield running, env
    finally:
        running.stop()


def test_two_replicas_behind_the_proxy(serving: tuple[ServingSet, dict[str, str]]) -> None:
    running, env = serving
    port = running.port

    # Health through the proxy; the proxy inserts its cookie and names the replica.
    status, headers = _get(port, "/_stcore/health")
    first = headers["x-nplv-replica"]
    assert status == 200 and first in running.replicas
    assert f"{COOKIE}={first}" in headers["set-cookie"]

    # With the cookie, every request (HTTP and the websocket) goes to that replica.
    for replica in running.replicas:
        assert {_get(port, "/", replica)[1]["x-nplv-replica"] for _ in range(4)} == {replica}
        assert run_coroutine(lambda r=replica: _run_page(port, r)) == (replica, True)

    # A rebuild while both serve: pages run during and after it on both, without error.
    build = subprocess.Popen(
        [sys.executable, "-m", "nplv_data", "build", "--sources", env["NPLV_SOURCES"],
         "--out", env["NPLV_DB"]], cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL)

    async def both() -> list[tuple[str, bool]]:
        return await asyncio.gather(*(_run_page(port, r) for r in running.replicas))

    during = run_coroutine(both)
    assert build.wait(timeout=60) == 0
    after = run_coroutine(both)
    assert during == after == [(r, True) for r in running.replicas]
    assert all(_get(port, "/_stcore/health", r)[0] == 200 for r in running.replicas)

    # One replica killed: its cookie is routed to the other within seconds, pages run there.
    victim, survivor = list(running.replicas)
    running.replicas[victim][1].send_signal(signal.SIGKILL)
    deadline = time.monotonic() + FAILOVER_SECONDS
    moved = None
    while time.monotonic() < deadline:
        try:
            status, headers = _get(port, "/_stcore/health", victim)
            if status == 200 and headers["x-nplv-replica"] == survivor:
                moved = headers
                break
        except OSError:
            pass  # the proxy may answer 503 until its health check has marked the replica down
        time.sleep(0.2)
    assert moved is not None, f"{victim}'s cookie not routed to {survivor} in {FAILOVER_SECONDS} s"
    assert f"{COOKIE}={survivor}" in moved["set-cookie"]
    assert run_coroutine(lambda: _run_page(port, victim)) == (survivor, True)
