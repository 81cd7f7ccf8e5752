"""What the benchmark modules share: paths, summaries of timings, the machine description."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
import time
from importlib import metadata
from pathlib import Path

from nplv_app.content.pages import FIRST, PAGES, page_file, url_path  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
REAL_SOURCES = ROOT / "data" / "sources"
SYNTHETIC_DIR = ROOT / "data" / "synthetic"
BARE_PAGE = Path(__file__).resolve().parent / "pages" / "bare.py"
FLOOR_PAGE = Path(__file__).resolve().parent / "pages" / "floor.py"
CLICK_FLOOR_PAGE = Path(__file__).resolve().parent / "pages" / "click_floor.py"
PAGE_FILES = {name: page_file(name) for name in PAGES}
DEFAULT_PAGE = FIRST  # app.py's first page: served at "/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-unsafe-swiftshader",
]

# Targets of issue "Speed and scale", with the load and click targets of the serving issue
# (they replace "content <= 1.25 x bare": the shared selection sidebar is a product decision).
TARGETS = {
    "content_vs_frame": 1.15,
    "frame_vs_bare": 1.2,
    "click_vs_floor": 1.5,
    "ready_vs_floor": 1.15,
    "rerun_median_ms_real": 100.0,
    "rerun_median_ms_national": 300.0,
    "payload_kb_real": 250.0,
    "build_s_real": 2.0,
    "build_s_national": 60.0,
}


def summary(values) -> dict | None:
    """min, median, p95 (nearest rank), max and n of a list of numbers; None when empty."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    rank = max(1, math.ceil(0.95 * len(values)))
    return {"n": len(values), "min": values[0], "median": statistics.median(values),
            "p95": values[rank - 1], "max": values[-1]}


def log(message: str) -> None:
    """Progress on stderr, with the time since the harness started."""
    elapsed = time.monotonic() - _STARTED
    os.write(2, f"[bench {elapsed:7.1f}s] {message}\n".encode())


_STARTED = time.monotonic()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                kib = int(line.split()[1])
                return f"{kib / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _chromium_version() -> str:
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True,
                             timeout=30, check=False)
        return out.stdout.strip() or out.stderr.strip()[:80] or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not available"


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def machine(with_browser: bool = True) -> dict:
    return {
        "nproc": os.cpu_count(),
        "memory": _memory(),
        "cpu_model": _cpu_model(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "streamlit": _version("streamlit"),
        "duckdb": _version("duckdb"),
        "pandas": _version("pandas"),
        "altair": _version("altair"),
        "pydeck": _version("pydeck"),
        "playwright": _version("playwright"),
        "chromium": _chromium_version() if with_browser else "not used (--no-browser)",
    }
