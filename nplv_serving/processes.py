"""Starting and stopping the set: the database check, the replicas, HAProxy, pid files.

Children run in sessions of their own, so a Ctrl-C in the terminal reaches only the supervisor
(``serve``), which then stops them in order: the proxy first (no new requests), then the
replicas (SIGTERM, SIGKILL after a grace period). The pid files in the run dir let
``stop`` do the same from another terminal.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from nplv_serving.config import ROOT, haproxy_config, replica_command, replica_name

DEFAULT_RUN_DIR = ROOT / "artifacts" / "serve"
START_TIMEOUT = 90.0  # seconds until every replica answers its health check
STOP_GRACE = 10.0  # seconds a process gets after SIGTERM before SIGKILL
SUPERVISOR = "supervisor"
PROXY = "haproxy"


class ServingError(RuntimeError):
    """The set could not start (the message says which part and why)."""


def haproxy_binary() -> str | None:
    """Debian's haproxy (scripts/install_haproxy.sh); /usr/sbin is not on every user's PATH."""
    found = shutil.which("haproxy")
    if found:
        return found
    return "/usr/sbin/haproxy" if os.access("/usr/sbin/haproxy", os.X_OK) else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(port: int, host: str = "127.0.0.1", timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(f"http://{host}:{port}/_stcore/health", timeout=timeout):
            return True
    except OSError:
        return False


def check_database(env: dict[str, str]) -> None:
    """Build the database once, before any replica starts (atomic; a no-op when current)."""
    from nplv_data.build import DEFAULT_DB, DEFAULT_SOURCES, ensure_database

    sources = Path(env.get("NPLV_SOURCES", DEFAULT_SOURCES))
    ensure_database(sources, Path(env.get("NPLV_DB", DEFAULT_DB)))


@dataclass
class ServingSet:
    """A running set: its replicas (name -> (port, process)) and the proxy."""

    run_dir: Path
    port: int
    replicas: dict[str, tuple[int, subprocess.Popen]] = field(default_factory=dict)
    proxy: subprocess.Popen | None = None

    def stop(self) -> None:
        processes = ([self.proxy] if self.proxy else []) + [p for _, p in self.replicas.values()]
        for process in processes:
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + STOP_GRACE
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        for pid_file in self.run_dir.glob("*.pid"):
            if pid_file.stem != SUPERVISOR:
                pid_file.unlink(missing_ok=True)


def _spawn(command: list[str], log_path: Path, env: dict[str, str]) -> subprocess.Popen:
    with open(log_path, "ab") as log:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)


def _write_pid(run_dir: Path, name: str, pid: int) -> None:
    (run_dir / f"{name}.pid").write_text(f"{pid}\n")


def start(workers: int, port: int = 8501, address: str = "0.0.0.0",
          run_dir: Path = DEFAULT_RUN_DIR, env: dict[str, str] | None = None) -> ServingSet:
    """Check the database, start ``workers`` replicas, wait until all are healthy, then
    HAProxy on ``address:port``. On any failure everything started is stopped again."""
    binary = haproxy_binary()
    if binary is None:
        raise ServingError("haproxy is missing (run scripts/install_haproxy.sh)")
    env = dict(os.environ if env is None else env)
    # One cookie secret for all replicas (Streamlit signs cookies with it).
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    run_dir.mkdir(parents=True, exist_ok=True)
    check_database(env)
    serving = ServingSet(run_dir=run_dir, port=port)
    try:
        for index in range(workers):
            name, replica_port = replica_name(index), free_port()
            process = _spawn(replica_command(replica_port), run_dir / f"{name}.log", env)
            serving.replicas[name] = (replica_port, process)
            _write_pid(run_dir, name, process.pid)
        _wait_healthy(serving)
        config_path = run_dir / "haproxy.cfg"
        config_path.write_text(haproxy_config(address, port, [p for p, _ in
                                                              serving.replicas.values()]))
        checked = subprocess.run([binary, "-c", "-q", "-f", str(config_path)],
                                 capture_output=True, text=True)
        if checked.returncode != 0:
            raise ServingError(f"haproxy.cfg rejected: {checked.stderr.strip()}")
        serving.proxy = _spawn([binary, "-db", "-f", str(config_path)],
                               run_dir / "haproxy.log", env)
        _write_pid(run_dir, PROXY, serving.proxy.pid)
        _wait_for(lambda: healthy(port), serving.proxy, "haproxy")
    except BaseException:
        serving.stop()
        raise
    return serving


def _wait_for(ready, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not ready():
        if process.poll() is not None:
            raise ServingError(f"{what} exited with code {process.returncode} while starting")
        if time.monotonic() > deadline:
            raise ServingError(f"{what} not healthy after {START_TIMEOUT:.0f} s")
        time.sleep(0.2)


def _wait_healthy(serving: ServingSet) -> None:
    for name, (port, process) in serving.replicas.items():
        _wait_for(lambda p=port: healthy(p), process, f"replica {name}")


def serve(workers: int, port: int, address: str, run_dir: Path = DEFAULT_RUN_DIR) -> int:
    """Start the set and keep it until Ctrl-C, SIGTERM (``stop``) or the proxy dies."""
    stopping = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stopping.set())
    run_dir.mkdir(parents=True, exist_ok=True)
    _write_pid(run_dir, SUPERVISOR, os.getpid())
    try:
        serving = start(workers, port, address, run_dir)
        try:
            _log(f"serving on http://{address}:{port} with {workers} replicas "
                 f"(logs in {run_dir}); Ctrl-C or `make stop` stops all")
            while not stopping.wait(1.0):
                if serving.proxy is not None and serving.proxy.poll() is not None:
                    _log(f"haproxy exited with code {serving.proxy.returncode}; stopping")
                    return 1
        finally:
            _log("stopping the proxy and the replicas")
            serving.stop()
    finally:
        (run_dir / f"{SUPERVISOR}.pid").unlink(missing_ok=True)
    return 0


def _log(message: str) -> None:
    os.write(2, f"nplv_serving: {message}\n".encode())


def _ours(pid: int) -> bool:
    """Whether ``pid`` still runs one of ours (a pid file may outlive its process, and the
    number be reused by another program)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    return any(word in command for word in (b"nplv_serving", b"haproxy", b"streamlit"))


def stop(run_dir: Path = DEFAULT_RUN_DIR) -> list[str]:
    """Stop a set started by ``serve`` in another terminal; returns what was stopped. The
    supervisor is asked first (it stops its children in order), stragglers after it."""
    stopped = []
    names = sorted(run_dir.glob("*.pid"), key=lambda p: p.stem != SUPERVISOR)
    for pid_file in names:
        try:
            pid = int(pid_file.read_text().strip())
        except (OSError, ValueError):
            continue
        if _ours(pid):
            os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + STOP_GRACE + 5
            while _ours(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            if _ours(pid):
                os.kill(pid, signal.SIGKILL)
            stopped.append(pid_file.stem)
        pid_file.unlink(missing_ok=True)
    return stopped
