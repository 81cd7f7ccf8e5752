"""Start and stop Streamlit servers for the benchmark, all served the same way.

The dashboard (``app.py``) and the two reference pages run with the same command, flags, working
directory (so the same ``.streamlit/config.toml``) and Python; each on its own free loopback
port. No file watcher: other people edit pages while the benchmark runs.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.common import ROOT

START_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``streamlit run <script>`` on 127.0.0.1:<free port>; a context manager."""

    def __init__(self, script: Path, log_path: Path, env: dict[str, str] | None = None):
        self.script = Path(script)
        self.log_path = Path(log_path)
        self.env = env or {}
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        env = {k: v for k, v in os.environ.items() if k not in ("NPLV_DB", "NPLV_SOURCES")}
        env.update(self.env)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self._log = log
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(self.script),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--server.runOnSave", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        return self

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.script.name}: streamlit exited with code "
                                   f"{self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.script.name}: not healthy in {START_TIMEOUT_S} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if getattr(self, "_log", None):
            self._log.close()

    def __enter__(self) -> Server:
        self.start()
        self.wait_healthy()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_all(servers: list[Server]) -> None:
    """Start several servers at once and wait until all answer (stopping all on failure)."""
    for server in servers:
        server.start()
    try:
        for server in servers:
            server.wait_healthy()
    except Exception:
        for server in servers:
            server.stop()
        raise
