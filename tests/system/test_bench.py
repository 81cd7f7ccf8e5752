"""The benchmark harness (``python -m bench``) and its synthetic national data set.

* The generator is deterministic (same seed and scale -> same bytes), labels everything
  synthetic, never writes into data/sources, and its output passes the real build code.
* ``python -m bench --quick`` runs end to end into a temporary folder and writes a well-formed
  report; the run with page loads in headless Chromium is marked ``browser``.

The quick run takes about 15 s without and about 60 s with the browser on an idle 2-CPU
machine; the limits below are generous because the test machines are shared.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import probes, synthetic
from bench.common import PAGES
from bench.report import evaluate
from nplv_data.build import build_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# A hung harness is stopped, not judged: how long a run takes is measured by the bench itself.
HANG_TIMEOUT_S = 900


def _rows(files: dict[str, bytes], name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8"))))


# --- the synthetic data set -----------------------------------------------------------------------

def test_generator_is_deterministic():
    first = synthetic.generate(synthetic.QUICK, seed=7)
    second = synthetic.generate(synthetic.QUICK, seed=7)
    assert first == second
    assert synthetic.generate(synthetic.QUICK, seed=8)["population.csv"] != first["population.csv"]


def test_write_is_deterministic_on_disk(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    synthetic.write(a, synthetic.QUICK, seed=3)
    synthetic.write(b, synthetic.QUICK, seed=3)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_everything_is_labelled_synthetic():
    files = synthetic.generate(synthetic.QUICK)
    areas = _rows(files, "areas.csv")
    scale = synthetic.QUICK
    assert len(areas) == scale.n_wijken + scale.n_buurten
    assert all(a["area_id"].startswith(("syn-wk-", "syn-bu-")) for a in areas)
    assert all("SYNTHETISCH" in a["name"] and "SYNTHETISCH" in a["municipality"]
               and "SYNTHETISCH" in a["province"] for a in areas)
    assert sum(a["is_current"] == "true" for a in areas) == 20
    assert sum(a["cohort"] == "original16" for a in areas) == 16
    for source in _rows(files, "sources.csv"):
        assert "SYNTHETISCH" in source["title"] and ".invalid/" in source["url"]
    assert all("SYNTHETISCH" in r["project"] for r in _rows(files, "allocations.csv"))
    assert all("SYNTHETISCH" in r["label_nl"] for r in _rows(files, "rounds.csv"))
    assert all("SYNTHETISCH" in r["instrument"] for r in _rows(files, "budget_lines.csv"))
    assert all("SYNTHETISCH" in r["event_nl"] for r in _rows(files, "timeline.csv"))
    note = files[synthetic.NOTE_FILE].decode()
    assert "SYNTHETISCH" in note and "not real" in note


def test_never_writes_into_the_real_sources():
    with pytest.raises(ValueError):
        synthetic.write(ROOT / "data" / "sources", synthetic.QUICK)
    with pytest.raises(ValueError):
        synthetic.write(ROOT / "data" / "sources" / "sub", synthetic.QUICK)


def test_output_validates_with_the_real_build(tmp_path):
    sources = tmp_path / "sources"
    synthetic.write(sources, synthetic.QUICK)
    report = build_database(sources, tmp_path / "synthetic.duckdb")
    scale = synthetic.QUICK
    assert report.row_counts["areas"] == scale.n_areas
    assert report.row_counts["population"] == scale.n_areas * scale.n_years + 3
    per_scope = scale.n_indicators * scale.n_years
    assert report.row_counts["indicators"] >= (scale.n_wijken + 3) * per_scope
    assert report.row_counts["allocations"] > 0


# --- the harness ----------------------------------------------------------------------------------

def test_probe_app_is_the_app_with_probe_pages(tmp_path):
    script = probes.write_app(tmp_path / "probe-app")
    assert script.read_text(encoding="utf-8") == (ROOT / "app.py").read_text(encoding="utf-8")
    views = sorted(p.stem for p in (script.parent / "views").glob("*.py"))
    assert views == sorted(PAGES)  # every page app.py declares exists in the copy
    for probe in probes.PROBES:
        view = script.parent / "views" / f"{probe.page}.py"
        assert view.read_text(encoding="utf-8") == probe.code, probe.name
        compile(probe.code, probe.name, "exec")
    probes.write_app(tmp_path / "probe-app")  # written again at every run, over the old one


def _run_quick(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "RESULTS.md"
    env = {k: v for k, v in os.environ.items() if k not in ("NPLV_DB", "NPLV_SOURCES")}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out), *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=HANG_TIMEOUT_S,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return out


def _check_report(out: Path) -> dict:
    text = out.read_text(encoding="utf-8")
    for heading in ("## Machine", "## Targets", "## Page loads", "## Server-side reruns",
                    "## Data", "### Named queries", "## Method"):
        assert heading in text, heading
    assert "load average at start" in text and "load average at end" in text
    results = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    rows = evaluate(results)
    assert rows and all(r["verdict"] in ("pass", "**FAIL**", "n/a") for r in rows)
    for row in rows:  # every verdict row is in the report's targets table
        assert f"| {row['target']} | {row['scope']} |" in text
    assert results["data"]["real_build"]["wall_s"]["n"] >= 1
    assert results["data"]["national_build"]["wall_s"]["n"] == 1
    for page in ("overzicht", "scenario"):
        assert results["reruns"]["real"][page]["all_ms"]["n"] >= 1
    # the real data was never touched: the quick synthetic set lives beside the report
    assert (out.parent / "RESULTS-work" / "synthetic-quick" / "sources" / "areas.csv").exists()
    return results


def test_quick_run_without_browser(tmp_path):
    out = _run_quick(tmp_path, "--no-browser")
    results = _check_report(out)
    assert results["browser"] is None
    assert "Not measured (`--no-browser`)" in out.read_text(encoding="utf-8")


@pytest.mark.browser
def test_quick_run_with_browser(tmp_path):
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must run the browser tests")
        pytest.skip(f"{CHROMIUM} is missing (run scripts/install_browser.sh)")
    out = _run_quick(tmp_path, "--loads", "1")  # one warm-up and one measured load
    results = _check_report(out)
    loads = results["browser"]["real"]
    assert set(loads) == {"bare@reference", "floor@reference", "frame@probe",
                          "overzicht@real", "scenario@real"}
    for key, item in loads.items():
        assert item["content_ms"] and item["content_ms"]["n"] == 1, key
        assert item["ready_ms"]["median"] >= item["content_ms"]["median"] > 0, key
        assert item["ws_kb"]["median"] > 0, key
    assert loads["floor@reference"]["counts"]["deck"] == 1
    assert loads["floor@reference"]["counts"]["vega"] == 1
    assert loads["overzicht@real"]["map_chart_kb"]["median"] > 1  # the map's JSON
    text = out.read_text(encoding="utf-8")
    assert "content ≤ 1.15 × frame" in text and "ready ≤ 1.15 × floor" in text
    assert "frame ≤ 1.20 × bare" in text and "click ≤ 1.5 × floor" in text
    # the frame probe is the content target's yardstick, judged once against the bare page
    assert "The frame: the yardstick" in text and "| frame | 1 |" in text
    assert [r["scope"] for r in evaluate(results) if r["target"].startswith("frame")] == [
        "real/frame probe"]
    clicks = results["clicks"]["real"]
    assert set(clicks["floor"]) == {"select"} and len(clicks["app"]) == 1  # quick: one each
    for item in [*clicks["app"].values(), *clicks["floor"].values()]:
        assert item["ms"] and item["ms"]["n"] == 1 and item["ms"]["median"] > 0, item
    assert "## Click to settled" in text
