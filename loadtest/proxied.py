"""The load test's server through the proxy: ``make serve``'s set (N replicas behind HAProxy)
on a free loopback port, with the same face as ``server.Server`` (port, RSS, CPU, alive, log),
summed over the replicas; and the stickiness cookie a browser gets with its first page."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from loadtest.server import HOST, free_port, http_get, rss_kb, session_cpu_seconds
from nplv_serving import config
from nplv_serving.processes import ServingSet, start


class ProxiedServer:
    """``workers`` replicas behind HAProxy; use as a context manager."""

    def __init__(self, workers: int, env_overrides: dict[str, str], run_dir: Path):
        self.workers = workers
        self.port = free_port()
        self.run_dir = run_dir
        self.env = {**os.environ, **env_overrides}
        self.serving: ServingSet | None = None
        self.started_in: float | None = None
        self.killed: list[str] = []
        self._dead_cpu = (0.0, 0.0)  # what the killed replicas had used, kept in the sums

    def __enter__(self) -> ProxiedServer:
        started = time.monotonic()
        self.serving = start(self.workers, port=self.port, address=HOST, run_dir=self.run_dir,
                             env=self.env)
        self.started_in = time.monotonic() - started
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _live(self) -> list[int]:
        assert self.serving is not None
        return [p.pid for _, p in self.serving.replicas.values() if p.poll() is None]

    def rss_kb(self) -> int | None:
        sizes = [rss_kb(pid) for pid in self._live()]
        return sum(s for s in sizes if s) or None

    def group_cpu_seconds(self) -> tuple[float, float]:
        """(replica processes, their chart workers) CPU time so far, summed."""
        totals = [session_cpu_seconds(pid) for pid in self._live()] + [self._dead_cpu]
        return sum(t[0] for t in totals), sum(t[1] for t in totals)

    def alive(self) -> bool:
        return (self.serving is not None and self.serving.proxy is not None
                and self.serving.proxy.poll() is None
                and len(self._live()) == len(self.serving.replicas) - len(self.killed))

    def kill_replica(self, name: str) -> None:
        """SIGKILL one replica, as a crash or an evicted pod would."""
        assert self.serving is not None
        _, process = self.serving.replicas[name]
        used = session_cpu_seconds(process.pid)
        os.killpg(process.pid, signal.SIGKILL)
        self._dead_cpu = (self._dead_cpu[0] + used[0], self._dead_cpu[1] + used[1])
        self.killed.append(name)

    def stop(self) -> None:
        if self.serving is not None:
            serving, self.serving = self.serving, None
            serving.stop()

    @property
    def log_paths(self) -> list[Path]:
        return sorted(self.run_dir.glob("r*.log"))

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.log_paths)


def replica_of(set_cookie: str) -> str | None:
    """The replica a Set-Cookie header names (``NPLV_REPLICA=r2; ...``), if any."""
    for part in set_cookie.replace(",", ";").split(";"):
        name, _, value = part.strip().partition("=")
        if name == config.COOKIE and value:
            return value
    return None


def page_cookie(port: int, path: str) -> str:
    """GET a page as a browser does first, and return the proxy's cookie ``NAME=replica``."""
    status, headers, _ = http_get(port, path)
    replica = replica_of(headers.get("set-cookie", ""))
    if status != 200 or replica is None:
        raise RuntimeError(f"GET {path} through the proxy: status {status}, no {config.COOKIE}")
    return f"{config.COOKIE}={replica}"
