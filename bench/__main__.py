"""``python -m bench``: measure the dashboard and write ``bench/RESULTS.md``.

    python -m bench [--loads N] [--pages P ...] [--quick] [--no-browser] [--out PATH]
                    [--national-loads N] [--no-national] [--seed N] [--no-profile]

Steps, all in one run: (1) build the real data 5 times and time every named query; (2)
generate the synthetic national data set (``data/synthetic/national/sources``), build it with
the same code and time the queries on it; (3) time server-side reruns after typical
interactions on every page (AppTest), real and national; (4) load every page in headless
Chromium next to the two reference pages and the shared frame's probes (``bench/probes.py``;
at national scale the bare frame only), real and national; (5) time click to settled on a warm
page (``bench/clicks.py``) beside the click floor page, real and national; (6) write the
report.

``--quick``: tiny settings for a smoke test (1 warm-up + 2 loads of 2 pages and of the frame
probe, 300 synthetic areas written into a work folder beside ``--out``, few samples); no
national browser loads.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

from bench import browser as browser_bench
from bench import clicks, datatime, probes, reruns, synthetic
from bench.common import (
    APP,
    BARE_PAGE,
    CHROMIUM,
    CLICK_FLOOR_PAGE,
    FLOOR_PAGE,
    PAGES,
    REAL_SOURCES,
    ROOT,
    load_average,
    log,
    machine,
)
from bench.report import evaluate, write
from bench.server import Server, start_all

DEFAULT_OUT = Path(__file__).resolve().parent / "RESULTS.md"
QUICK_PAGES = ("overzicht", "scenario")


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=5, help="measured loads per page (5)")
    parser.add_argument("--pages", nargs="+", choices=PAGES, help="pages to measure (all)")
    parser.add_argument("--quick", action="store_true", help="tiny settings for a smoke test")
    parser.add_argument("--no-browser", action="store_true", help="skip the page loads")
    parser.add_argument("--no-national", action="store_true",
                        help="skip the synthetic national data set")
    parser.add_argument("--national-loads", type=int, default=3,
                        help="measured loads per page on the national data (3)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="report path (RESULTS.md)")
    parser.add_argument("--work", type=Path,
                        help="folder for databases and server logs (default: bench/out/ for "
                             "the default --out, else <out>-work/ beside it)")
    parser.add_argument("--seed", type=int, default=synthetic.DEFAULT_SEED)
    parser.add_argument("--no-profile", action="store_true",
                        help="skip the one profiled rerun per page")
    args = parser.parse_args(argv)
    if args.loads < 1 or args.national_loads < 1:
        parser.error("--loads and --national-loads must be at least 1")
    return args


class Settings:
    """Every knob, from the command line and --quick."""

    def __init__(self, args: argparse.Namespace):
        quick = args.quick
        self.quick = quick
        self.pages = tuple(args.pages or (QUICK_PAGES if quick else PAGES))
        self.loads = 2 if quick and args.loads == 5 else args.loads
        self.national_loads = min(args.national_loads, self.loads)
        self.warmups = 1
        self.browser = not args.no_browser
        self.national = not args.no_national
        self.national_browser = self.browser and self.national and not quick
        self.real_builds = 2 if quick else 5
        self.national_builds = 1 if quick else 3
        self.query_reps = 2 if quick else 10
        self.national_query_reps = 2 if quick else 5
        self.rerun_samples = 1 if quick else 10
        self.national_rerun_samples = 1 if quick else 3
        self.rerun_budget_s = 20 if quick else 120
        self.national_rerun_budget_s = 20 if quick else 300
        self.profile = not args.no_profile and not quick
        self.scale = synthetic.QUICK if quick else synthetic.NATIONAL
        self.seed = args.seed
        self.out = args.out
        if args.work:
            self.work = args.work
        elif args.out.resolve() == DEFAULT_OUT:
            self.work = ROOT / "bench" / "out"
        else:
            self.work = args.out.parent / f"{args.out.stem}-work"
        if quick:
            self.synthetic_dir = self.work / "synthetic-quick"
        else:
            self.synthetic_dir = ROOT / "data" / "synthetic" / "national"
        self.probes = probes.QUICK_PROBES if quick else probes.PROBES
        self.national_probes = probes.QUICK_PROBES
        self.click_samples = 1 if quick else 5
        self.national_click_samples = 1 if quick else 3
        self.load_timeout_s = 120.0
        self.national_load_timeout_s = 420.0


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    s = Settings(args)
    started = time.time()
    load_start = load_average()
    samples: list[tuple[str, float]] = []

    def sample(phase: str) -> None:
        samples.append((phase, load_average()[0]))

    s.work.mkdir(parents=True, exist_ok=True)
    browser_ok = s.browser and Path(CHROMIUM).exists()
    if s.browser and not browser_ok:
        log(f"{CHROMIUM} is missing: skipping the page loads")
    results: dict = {"meta": {}, "data": {}, "reruns": {}, "browser": None, "clicks": None}
    data = results["data"]

    # 1. real data: builds, freshness check, queries
    log("real data: builds")
    real_db = s.work / "real" / "nplv.duckdb"
    data["real_build"] = datatime.time_builds(REAL_SOURCES, real_db, s.real_builds)
    data["real_freshness"] = datatime.time_freshness_check(REAL_SOURCES, real_db)
    log("real data: queries")
    data["real_queries"] = datatime.time_queries(real_db, s.query_reps)
    sample("data")

    # 2. synthetic national data
    national_db = national_sources = None
    if s.national:
        national_sources = s.synthetic_dir / "sources"
        national_db = s.synthetic_dir / "nplv-synthetic.duckdb"
        log(f"synthetic data: generating {s.scale.n_areas} areas into {national_sources}")
        t0 = time.perf_counter()
        sizes = synthetic.write(national_sources, s.scale, s.seed)
        data["synthetic"] = {"dir": _rel(national_sources), "seed": s.seed,
                             "generate_s": time.perf_counter() - t0, "sizes": sizes,
                             "scale": ", ".join(f"{k}={v}" for k, v in asdict(s.scale).items())}
        log("synthetic data: builds")
        try:
            data["national_build"] = datatime.time_builds(national_sources, national_db,
                                                          s.national_builds)
        except Exception as exc:  # noqa: BLE001 - a failed build is a result
            data["national_build"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        if national_db.exists():
            data["national_freshness"] = datatime.time_freshness_check(national_sources,
                                                                      national_db, 3)
            log("synthetic data: queries")
            data["national_queries"] = datatime.time_queries(national_db, s.national_query_reps)
        data["projection"] = datatime.projected_indicators_for_all(
            replace(synthetic.NATIONAL), s.seed)
        sample("synthetic")

    # 3. reruns (AppTest, in process)
    real_ds = reruns.Dataset("real", str(real_db), str(REAL_SOURCES), "original16",
                             reruns.choices(str(real_db)))
    results["reruns"]["real"] = reruns.measure(s.pages, real_ds, s.rerun_samples,
                                               s.rerun_budget_s, 120, s.profile)
    sample("reruns real")
    if national_db is not None and national_db.exists():
        national_ds = reruns.Dataset("national", str(national_db), str(national_sources),
                                     "added2022", reruns.choices(str(national_db)))
        results["reruns"]["national"] = reruns.measure(
            s.pages, national_ds, s.national_rerun_samples, s.national_rerun_budget_s, 900,
            s.profile)
        sample("reruns national")
    for key in ("NPLV_DB", "NPLV_SOURCES"):
        os.environ.pop(key, None)

    # 4. page loads in the browser
    if browser_ok:
        results["browser"], results["clicks"] = {}, {}
        real_env = {"NPLV_DB": str(real_db), "NPLV_SOURCES": str(REAL_SOURCES)}
        results["browser"]["real"] = _browser_phase(
            s, "real", real_env, s.loads, s.load_timeout_s, s.probes)
        sample("browser real")
        results["clicks"]["real"] = _click_phase(s, "real", real_env, s.click_samples)
        sample("clicks real")
        if s.national_browser and national_db is not None and national_db.exists():
            national_env = {"NPLV_DB": str(national_db), "NPLV_SOURCES": str(national_sources)}
            results["browser"]["national"] = _browser_phase(
                s, "national", national_env, s.national_loads, s.national_load_timeout_s,
                s.national_probes)
            sample("browser national")
            results["clicks"]["national"] = _click_phase(s, "national", national_env,
                                                         s.national_click_samples)
            sample("clicks national")

    # 5. report
    command = "python -m bench" + ("" if argv is None and len(sys.argv) <= 1 else " " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv)))
    results["meta"] = {
        "command": command, "mode": "quick" if s.quick else "full",
        "started": time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(started)),
        "duration_s": time.time() - started, "machine": machine(browser_ok),
        "load_start": load_start, "load_end": load_average(), "load_samples": samples,
        "loads_note": (f"{s.warmups} warm-up load + {s.loads} measured loads per page on the "
                       f"real data; {s.national_loads} on the national data (timeout "
                       f"{s.national_load_timeout_s:.0f} s per load; a page whose load times "
                       "out is not loaded again)."),
        "pages": list(s.pages),
    }
    write(results, s.out)
    rows = evaluate(results)
    failed = [r for r in rows if r["verdict"] != "pass"]
    log(f"wrote {s.out}: {len(rows) - len(failed)} of {len(rows)} targets pass")
    return 0


def _browser_phase(s: Settings, dataset: str, env: dict, loads: int, timeout_s: float,
                   frame_probes) -> dict:
    log(f"browser: {dataset} data, starting servers")
    logs = s.work / "logs"
    servers = [Server(BARE_PAGE, logs / f"{dataset}-bare.log"),
               Server(FLOOR_PAGE, logs / f"{dataset}-floor.log"),
               Server(APP, logs / f"{dataset}-app.log", env)]
    with_probes = bool(frame_probes)
    if with_probes:  # the frame holds the data's options (sidebar lists): probed per data set
        script = probes.write_app(s.work / "probe-app")
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        servers.append(Server(script, logs / f"{dataset}-probes.log", {**env, "PYTHONPATH": path}))
    start_all(servers)
    try:
        bare, floor, app = servers[:3]
        targets = browser_bench.reference_targets(bare.url, floor.url, s.load_timeout_s)
        if with_probes:
            targets += browser_bench.probe_targets(servers[3].url, frame_probes, timeout_s)
        targets += browser_bench.app_targets(app.url, s.pages, dataset, timeout_s)
        return browser_bench.run_loads(targets, loads, s.warmups)
    finally:
        for server in servers:
            server.stop()


def _click_phase(s: Settings, dataset: str, env: dict, samples: int) -> dict:
    log(f"clicks: {dataset} data, starting servers")
    logs = s.work / "logs"
    servers = [Server(CLICK_FLOOR_PAGE, logs / f"{dataset}-click-floor.log"),
               Server(APP, logs / f"{dataset}-click-app.log", env)]
    start_all(servers)
    try:
        if s.quick:
            return clicks.measure(servers[1].url, servers[0].url, samples,
                                  clicks.QUICK_APP_CLICKS, clicks.QUICK_FLOOR_CLICKS)
        return clicks.measure(servers[1].url, servers[0].url, samples)
    finally:
        for server in servers:
            server.stop()


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
