"""What the browser tests share: the Streamlit server, Chromium's settings and page waits.

Copied (not imported) from ``scripts/screenshot.py`` so the script and the tests can change
apart. Selectors are Streamlit ``data-testid`` values checked against the 1.67 frontend bundle
(``streamlit/static/static/js``); layouts and pixel positions are never assumed.
"""

from __future__ import annotations

import io
import math
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "artifacts" / "screens"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-unsafe-swiftshader",
]
VIEWPORT = {"width": 1600, "height": 1000}
PAGES = ["overzicht", "gebieden", "budgetten", "scenario", "tijdlijn"]

# Selectors (data-testid values of Streamlit 1.67's frontend).
APP = "[data-testid='stApp']"
SIDEBAR = "[data-testid='stSidebar']"
NAV_LINK = "[data-testid='stSidebarNavLink']"
EXCEPTION = "[data-testid='stException']"
ERROR_ALERT = "[data-testid='stAlertContentError']"
WARNING_ALERT = "[data-testid='stAlertContentWarning']"
TITLE = "[data-testid='stMain'] h1"
CAPTION = "[data-testid='stCaptionContainer']"
DECK = "[data-testid='stDeckGlJsonChart']"
VEGA = "[data-testid='stVegaLiteChart']"
VEGA_MARKS = f"{VEGA} canvas.marks, {VEGA} svg.marks"
DATAFRAME = "[data-testid='stDataFrame']"
DIALOG = "[data-testid='stDialog']"  # a modal: st.dialog, or Streamlit's 'Page not found'
SKELETON = "[data-testid='stSkeleton']"  # a lazily loaded element (map, chart, ...) not drawn yet

SERVER_START_TIMEOUT = 90  # seconds: the first start also builds the database
RUN_TIMEOUT_MS = 60_000
SETTLE_MS = 250
LAZY_TIMEOUT_MS = 30_000  # deck.gl's chunk is 3 MB of JS: slow to parse on a busy 2-core box
IDLE_STABLE_MS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, env: dict[str, str], log) -> subprocess.Popen:
    """``streamlit run app.py`` on 127.0.0.1:port with exactly ``env``; returns once
    ``/_stcore/health`` answers, or raises RuntimeError (the process is then stopped)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false",
         # Tests only: no file watcher (pages change under us while others edit), and the full
         # exception text in the page (the project's config redacts it) for failure messages.
         "--server.fileWatcherType", "none", "--client.showErrorDetails", "full"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} before healthy")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1):
                return process
        except OSError:
            time.sleep(0.3)
    stop_server(process)
    raise RuntimeError(f"streamlit did not become healthy in {SERVER_START_TIMEOUT} s")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


_IDLE_JS = """(stableMs) => {
  const app = document.querySelector("[data-testid='stApp']");
  const state = app && app.getAttribute('data-test-script-state');
  const now = performance.now();
  if (state !== 'notRunning') { window.__nplvIdleSince = undefined; return false; }
  if (window.__nplvIdleSince === undefined) window.__nplvIdleSince = now;
  return now - window.__nplvIdleSince >= stableMs;
}"""


def wait_for_app(page, settle_ms: int = SETTLE_MS) -> None:
    """Until Streamlit's script run is over and stays over.

    Signal: ``stApp``'s ``data-test-script-state`` (``initial`` before the first run,
    ``running`` during one, ``notRunning`` after). It must read ``notRunning`` for
    ``IDLE_STABLE_MS`` on end: a page's ``st.rerun()`` (``entry.require_frame`` on a fresh
    server's first visit) leaves a 20-90 ms ``notRunning`` gap between two runs, and a click's
    rerun starts a little after the click. Then lazily loaded elements (``stSkeleton``
    placeholders: the map, charts) get up to ``LAZY_TIMEOUT_MS`` to load (not an error here:
    tests assert what they need), and ``settle_ms`` lets them draw.
    """
    page.wait_for_selector(APP, state="attached", timeout=RUN_TIMEOUT_MS)
    page.evaluate("window.__nplvIdleSince = undefined")
    page.wait_for_function(_IDLE_JS, arg=IDLE_STABLE_MS, polling=50, timeout=RUN_TIMEOUT_MS)
    try:
        page.wait_for_function(
            "(sel) => document.querySelectorAll(sel).length === 0", arg=SKELETON,
            polling=100, timeout=LAZY_TIMEOUT_MS)
    except PlaywrightTimeoutError:
        pass
    page.wait_for_timeout(settle_ms)


def open_page(page, url: str, settle_ms: int = SETTLE_MS) -> None:
    """Navigate to ``url`` and wait until Streamlit finished running the script."""
    page.goto(url)
    wait_for_app(page, settle_ms)


def sidebar_summary(page) -> str:
    """The selection summary caption in the sidebar ('16 areas · … residents')."""
    captions = page.locator(f"{SIDEBAR} {CAPTION}")
    texts = [captions.nth(i).inner_text() for i in range(captions.count())]
    for text in texts:
        if "·" in text:
            return text
    return "\n".join(texts)


def full_page_screenshot(page, path: Path, max_height: int = 12_000) -> None:
    """A screenshot of the whole page. Streamlit scrolls inside ``stMain``, not the document,
    so Playwright's ``full_page`` alone gives one viewport: grow the viewport to the content."""
    size = page.viewport_size or VIEWPORT
    height = page.evaluate(
        """() => {
          const main = document.querySelector("[data-testid='stMain']");
          const side = document.querySelector("[data-testid='stSidebarContent']");
          return Math.max(document.documentElement.scrollHeight,
                          main ? main.scrollHeight : 0, side ? side.scrollHeight : 0);
        }""")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]),
                                                                   max_height)})
    try:
        page.wait_for_timeout(600)  # let charts re-layout to the new size
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)


def page_source(name: str) -> str:
    path = ROOT / "views" / f"{name}.py"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def is_placeholder(name: str) -> bool:
    """True while ``views/<name>.py`` is still the frame's stub (docstring 'Placeholder ...').

    Assertions about content other engineers are still building are ``xfail(strict=False)``
    under this condition, and become strict as soon as the real page lands.
    """
    return page_source(name).lstrip().startswith('"""Placeholder')


def nav_labels(page) -> list[str]:
    """Visible labels of the sidebar's page links (the Material icon's ligature text dropped)."""
    links = page.locator(NAV_LINK)
    return [links.nth(i).inner_text().strip().split("\n")[-1].strip()
            for i in range(links.count())]


def page_url(base_url: str, name: str) -> str:
    """The URL at which Streamlit serves a page.

    Streamlit 1.67 serves the default page (overzicht) only at the app root: its ``url_path``
    is ``""``, so ``/overzicht`` opens a modal 'Page not found' dialog (which makes the page
    inert) and then runs the main page at ``/``. See ``test_pages.test_overzicht_path``.
    """
    return f"{base_url}/" if name == PAGES[0] else f"{base_url}/{name}"


def mercator_px(lon: float, lat: float, zoom: float) -> tuple[float, float]:
    """Web-mercator pixel position (x right, y down) at a zoom, as deck.gl's MapView draws it."""
    size = 512.0 * 2 ** zoom
    x = (lon + 180.0) / 360.0 * size
    y = (1.0 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2.0 * size
    return x, y


def bar_centres(png: bytes, colours: list[str], min_run: int = 60,
                tolerance: int = 40) -> list[tuple[float, float]]:
    """Centres of horizontal bars in a chart screenshot, top to bottom (element pixels).

    A bar row is a pixel row with a run of at least ``min_run`` pixels within ``tolerance`` of
    one of ``colours`` (legend swatches are far shorter); adjacent rows form one bar.
    """
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    pixels = image.load()
    targets = [tuple(int(c.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)) for c in colours]

    def matches(rgb) -> bool:
        return any(all(abs(a - b) <= tolerance for a, b in zip(rgb, t)) for t in targets)

    rows: list[tuple[int, int, int]] = []  # (y, run start, run end)
    for y in range(height):
        best, start = (0, 0, 0), None
        for x in range(width + 1):
            if x < width and matches(pixels[x, y]):
                start = x if start is None else start
            elif start is not None:
                if x - start > best[0]:
                    best = (x - start, start, x)
                start = None
        if best[0] >= min_run:
            rows.append((y, best[1], best[2]))
    bars: list[list[tuple[int, int, int]]] = []
    for row in rows:
        if bars and row[0] == bars[-1][-1][0] + 1:
            bars[-1].append(row)
        else:
            bars.append([row])
    centres = []
    for bar in bars:
        y_mid = (bar[0][0] + bar[-1][0]) / 2
        x_start = max(r[1] for r in bar)
        x_end = min(r[2] for r in bar)
        centres.append(((x_start + x_end) / 2, y_mid))
    return centres
