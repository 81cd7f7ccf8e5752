"""Start, watch and stop ``streamlit run app.py`` on a free loopback port."""

from __future__ import annotations

import http.client
import math
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_TIMEOUT = 90.0  # seconds: imports are slow on a busy 2-core machine
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def http_get(port: int, path: str, timeout: float = 30.0,
             cookie: str = "") -> tuple[int, dict[str, str], bytes]:
    """GET http://127.0.0.1:port/path directly (no proxy from the environment is ever used);
    headers with lowercase names, all Set-Cookie values joined by '; '."""
    con = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        con.request("GET", path, headers={"Accept-Encoding": "identity"}
                    | ({"Cookie": cookie} if cookie else {}))
        response = con.getresponse()
        body = response.read()
        headers = {k.lower(): v for k, v in response.getheaders()}
        if response.msg.get_all("Set-Cookie"):
            headers["set-cookie"] = "; ".join(response.msg.get_all("Set-Cookie"))
        return response.status, headers, body
    finally:
        con.close()


def rss_kb(pid: int) -> int | None:
    """Resident set size of a process in KiB (psutil when installed, else /proc)."""
    try:
        import psutil  # optional

        return psutil.Process(pid).memory_info().rss // 1024
    except ImportError:
        pass
    except Exception:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _stat_fields(pid: int | str) -> list[str]:
    """/proc/<pid>/stat after the command name: fields[0] is the state (field 3 of proc(5))."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def session_cpu_seconds(sid: int) -> tuple[float, float]:
    """CPU time (user + system) of the processes in session ``sid``: (its leader, the rest).

    The server is started in a session of its own, so 'the rest' are the chart workers it
    spawned; the leader's count includes children it has already reaped."""
    tick = os.sysconf("SC_CLK_TCK")
    leader = others = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = _stat_fields(entry.name)
        except (OSError, IndexError):
            continue  # gone while we looked
        if int(fields[3]) != sid:
            continue
        if int(entry.name) == sid:
            leader = (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / tick
        else:
            others += (int(fields[11]) + int(fields[12])) / tick
    return leader, others


def machine_cpu_seconds() -> tuple[float, float]:
    """The whole machine's busy CPU time so far, all cores (from /proc/stat), and the part
    the hypervisor gave to others while we were ready to run (steal)."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return math.nan, math.nan
    tick = os.sysconf("SC_CLK_TCK")
    user, nice, system, _idle, _iowait, irq, softirq, steal = (values + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / tick, steal / tick


class Server:
    """``streamlit run app.py`` with its own environment; use as a context manager."""

    def __init__(self, env_overrides: dict[str, str], log_path: Path, port: int | None = None):
        self.port = port or free_port()
        self.log_path = log_path
        self.env = {**os.environ, **env_overrides}
        self.process: subprocess.Popen | None = None
        self.started_in: float | None = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        started = time.monotonic()
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.port", str(self.port), "--server.address", HOST,
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none", "--server.runOnSave", "false",
             "--client.showErrorDetails", "full"],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = started + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"streamlit exited with code {self.process.returncode} before it was "
                    f"healthy; log: {self.log_path}")
            try:
                status, _, _ = http_get(self.port, "/_stcore/health", timeout=2)
                if status == 200:
                    self.started_in = time.monotonic() - started
                    return
            except OSError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"streamlit was not healthy within {START_TIMEOUT:.0f} s")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def rss_kb(self) -> int | None:
        return rss_kb(self.pid) if self.process and self.process.poll() is None else None

    def group_cpu_seconds(self) -> tuple[float, float]:
        """(server process, its chart workers) CPU time so far."""
        return session_cpu_seconds(self.pid)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM to the server we started (by its id), SIGKILL if it does not go."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=STOP_TIMEOUT)
        if getattr(self, "_log", None) is not None:
            self._log.close()
            self._log = None

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""
