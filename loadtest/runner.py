"""Run one load test: database, server, users, measurements; returns the Results."""

from __future__ import annotations

import asyncio
import os
import re
import resource
import tempfile
import threading
import time
from pathlib import Path

from loadtest.client import Session
from loadtest.proxied import ProxiedServer
from loadtest.report import Results
from loadtest.server import Server, machine_cpu_seconds
from loadtest.users import PAGES, PATHS, Reference, Shared, User
from nplv_data.build import DEFAULT_SOURCES, ensure_database
from nplv_serving.config import replica_name


def run_coroutine(make):
    """``asyncio.run(make())``, in a thread of its own when this thread already runs an event
    loop (Playwright's sync API keeps one running in a test process that also drove a browser):
    the load test's sessions get a loop of their own either way. Exceptions propagate."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = asyncio.run(make())
        except BaseException as exc:  # handed to the caller below
            outcome["error"] = exc

    worker = threading.Thread(target=target, name="loadtest-loop")
    worker.start()
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")

GRACE_S = 120.0  # a session's last interaction may still be running at the deadline
SETTLE_S = 3.0  # after the sessions disconnect, before the final RSS
RSS_EVERY_S = 0.5


async def _baseline(port: int, repeats: int) -> dict[str, list[float]]:
    """One session alone on the warm server: each page opened, then rerun ``repeats - 1``
    times (a rerun with nothing changed, the cheapest a widget change can be)."""
    times: dict[str, list[float]] = {}
    session = Session(port)
    await session.connect()
    try:
        await session.rerun(page="")
        for page in PAGES:
            for _ in range(repeats):
                result = await session.rerun(page=PATHS[page])
                if result.ok:
                    times.setdefault(page, []).append(result.seconds)
    finally:
        await session.close()
    return times


async def _users(shared: Shared, sessions: int, server: Server, stats: dict) -> None:
    users = [User(i, shared) for i in range(sessions)]
    stop = asyncio.Event()

    async def watch_rss() -> None:
        while not stop.is_set():
            rss = server.rss_kb()
            if rss is not None:
                stats["peak"] = max(stats.get("peak") or 0, rss)
            loads = sum(1 for i in shared.interactions if i.kind == "load")
            if "after_first_load" not in stats and loads >= sessions:
                stats["after_first_load"] = rss
            try:
                await asyncio.wait_for(stop.wait(), RSS_EVERY_S)
            except TimeoutError:
                pass

    watcher = asyncio.create_task(watch_rss())
    try:
        await asyncio.wait_for(asyncio.gather(*(u.run() for u in users)),
                               shared.deadline - time.monotonic() + GRACE_S)
    except TimeoutError:
        shared.errors.append(f"sessions still busy {GRACE_S:.0f} s after the deadline")
    finally:
        stop.set()
        await watcher


def _cpu_account(server: Server) -> dict[str, float]:
    """CPU seconds so far: the server, its chart workers, this load generator, the whole
    machine and steal. Differences over the sessions show who used the two cores."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    main, workers = server.group_cpu_seconds()
    machine, steal = machine_cpu_seconds()
    return {"wall": time.monotonic(), "server": main, "workers": workers,
            "client": own.ru_utime + own.ru_stime, "machine": machine, "steal": steal}


def run(sessions: int, seconds: float, think: tuple[float, float] = (1.0, 3.0),
        command: str = "", workdir: Path | None = None, baseline: int = 0, workers: int = 0,
        start_spread: float = 0.0, kill_after: float | None = None,
        first_load_only: bool = False) -> Results:
    """Start a server on a temporary database, run the users, stop the server.

    With ``baseline`` > 0, a single session then measures each page alone on the warm server.
    ``workers`` > 0: ``make serve``'s set of that many replicas behind HAProxy instead of one
    process; ``kill_after``: SIGKILL the first replica that many seconds into the sessions.
    ``start_spread``: the sessions open their deep links spread over that many seconds;
    ``first_load_only``: and do nothing else (a burst).
    """
    started = time.monotonic()
    load_before = os.getloadavg()
    tmp = Path(workdir or tempfile.mkdtemp(prefix="nplv-loadtest-"))
    db = tmp / "nplv.duckdb"
    ensure_database(DEFAULT_SOURCES, db)  # the server then finds it current and serves it
    reference = Reference.load(db)
    env = {"NPLV_DB": str(db)}
    env_drop = ("NPLV_SOURCES",)
    server = (ProxiedServer(workers, env, tmp / "serve") if workers
              else Server(env, tmp / "server.log"))
    for key in env_drop:
        server.env.pop(key, None)
    stats: dict = {}
    with server:
        rss_start = server.rss_kb()
        shared = Shared(port=server.port, reference=reference,
                        deadline=time.monotonic() + start_spread + seconds, think=think,
                        max_interactions=max(10, int(seconds * 20)), via_proxy=bool(workers),
                        start_spread=start_spread, first_load_only=first_load_only)
        account_before = _cpu_account(server)
        killer = None
        if workers and kill_after is not None:
            killer = threading.Timer(kill_after, server.kill_replica, args=(replica_name(0),))
            killer.start()
        try:
            run_coroutine(lambda: _users(shared, sessions, server, stats))
        finally:
            if killer is not None:
                killer.cancel()
        cpu = {k: v - account_before[k] for k, v in _cpu_account(server).items()}
        time.sleep(SETTLE_S)
        rss_end = server.rss_kb()
        alone = run_coroutine(lambda: _baseline(server.port, baseline)) if baseline else {}
        alive = server.alive()
        start_s = server.started_in or 0.0
    log = (server.log_text() if workers
           else (tmp / "server.log").read_text(errors="replace"))
    tracebacks = len(re.findall(r"^Traceback \(most recent call last\)", log, re.M))
    results = Results(
        command=command, sessions=sessions, seconds=seconds, think=think,
        cores=os.cpu_count() or 0, load_before=load_before, load_after=os.getloadavg(),
        server_start_s=start_s, rss_start_kb=rss_start,
        rss_after_first_load_kb=stats.get("after_first_load"), rss_peak_kb=stats.get("peak"),
        rss_end_kb=rss_end, wall_s=time.monotonic() - started, shared=shared,
        server_tracebacks=tracebacks, server_alive=alive, server_cpu_s=cpu["server"],
        cpu=cpu, baseline=alone, workers=workers,
        killed=list(getattr(server, "killed", [])),
    )
    if tracebacks:
        first = log[log.index("Traceback"):][:1500]
        results.notes.append(f"first server traceback:\n\n```\n{first}\n```")
    if any("language lost" in e for e in shared.errors):
        results.notes.append(
            "'language lost' errors: sessions that opened the root URL on the fresh server "
            "while other sessions' deep links were still running in Streamlit's "
            "pages-directory mode (see 'First loads') fall back to Dutch on their next "
            "interaction. Measured: with pages/ renamed (so that Streamlit never enters that "
            "mode) neither this nor the frameless first loads happen.")
    results.notes.append(f"server log: {tmp / ('serve' if workers else 'server.log')}")
    return results
