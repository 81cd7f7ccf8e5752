"""The Streamlit settings the project relies on (.streamlit/config.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml"


def test_no_telemetry_and_no_full_gc_after_every_run():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    # a full gc.collect(2) after each script run cost more than the run itself (py-spy)
    assert config["runner"]["postScriptGC"] is False
    assert config["server"]["headless"] is True
    # no inotify watches per session and no module re-scan after each run (production server)
    assert config["server"]["fileWatcherType"] == "none"
