"""Screenshot dashboard pages in headless Chromium (Debian's package), for a person to look at.

    python scripts/screenshot.py [--port 8599] [--out artifacts/screens] [PATH?QUERY ...]

Starts ``streamlit run app.py`` on a free loopback port (unless --url is given), opens each
path (default: every page), waits for Streamlit to finish, and writes full-page PNGs.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-unsafe-swiftshader",
]
# The default page (Overzicht) lives at "/", not at "/overzicht".
DEFAULT_PATHS = ["", "gebieden", "budgetten", "scenario", "tijdlijn"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, env: dict | None = None) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not become healthy in 60 s")


def wait_for_app(page) -> None:
    """Until Streamlit's script run is over and its spinners are gone."""
    page.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    page.wait_for_timeout(500)
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stApp\"]')"
        "?.getAttribute('data-test-script-state') === 'notRunning'", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=60_000)
    page.wait_for_timeout(2500)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--out", type=Path, default=ROOT / "artifacts" / "screens")
    parser.add_argument("--url", help="use a running server, e.g. http://127.0.0.1:8501")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1000)
    parser.add_argument("--viewport-only", action="store_true",
                        help="what the screen shows (presentation mode at 1920x1080), not the "
                             "whole page")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    server = None
    base = args.url
    if base is None:
        port = free_port()
        server = start_server(port)
        base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as play:
            browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            for path in args.paths:
                page.set_viewport_size({"width": args.width, "height": args.height})
                page.goto(f"{base}/{path}")
                wait_for_app(page)
                name = (path or "overzicht").replace("/", "_").replace("?", "__")
                name = name.replace("&", "_")[:80]
                target = args.out / f"{name}.png"
                if args.viewport_only:
                    page.screenshot(path=str(target))
                    print(target)
                    continue
                # Streamlit scrolls inside its own container: grow the viewport to fit it.
                height = page.evaluate(
                    "() => Math.max(...[...document.querySelectorAll('section, div')]"
                    ".map(e => e.scrollHeight))")
                page.set_viewport_size({"width": args.width,
                                        "height": max(args.height, min(height + 50, 12000))})
                page.wait_for_timeout(800)
                page.screenshot(path=str(target), full_page=True)
                print(target)
            browser.close()
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
