"""What the set runs, as text and argument lists (pure: no processes started here)."""

from __future__ import annotations

import sys
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = Path(__file__).with_name("haproxy.cfg.tmpl")
REPLICA_ADDRESS = "127.0.0.1"  # replicas are reachable through the proxy only
COOKIE = "NPLV_REPLICA"  # the proxy's stickiness cookie: its value names the replica


def replica_name(index: int) -> str:
    return f"r{index + 1}"


def replica_command(port: int) -> list[str]:
    """``streamlit run app.py`` for one replica behind the proxy.

    The proxy serves the app on its own origin (browser to HAProxy is same-origin, and HAProxy
    passes the Host header on), so Streamlit's protections stay on, set here so that nobody
    turns them off "for the proxy": ``enableCORS`` keeps other sites' pages from opening the
    websocket; ``enableXsrfProtection`` keeps the XSRF cookie check. Both work unchanged behind
    a same-origin proxy; they only need loosening when the app is embedded on another origin
    (then list it in ``server.corsAllowedOrigins``). No ``server.baseUrlPath``: the proxy
    serves the app at ``/``. No file watcher: a served app does not change under it (and the
    watcher costs every replica CPU time). The cookie secret is shared by all replicas
    (environment, see ``processes.start``) so that a session moved to another replica keeps
    valid cookies.
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.address", REPLICA_ADDRESS, "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
        "--server.enableCORS", "true",
        "--server.enableXsrfProtection", "true",
        "--browser.gatherUsageStats", "false",
    ]


def haproxy_config(address: str, port: int, replica_ports: list[int]) -> str:
    """The proxy's configuration: one ``server`` line per replica, each with its health check
    every second (out after 2 failures, back after 1 success) and its stickiness cookie value."""
    servers = "\n".join(
        f"    server {replica_name(i)} {REPLICA_ADDRESS}:{p} check inter 1s fall 2 rise 1 "
        f"cookie {replica_name(i)}"
        for i, p in enumerate(replica_ports))
    return Template(TEMPLATE.read_text()).substitute(address=address, port=port,
                                                     servers=servers, cookie=COOKIE)
