"""Data-side timings: the build (real and synthetic) and every named query.

Builds call ``nplv_data.build.build_database`` exactly as ``python -m nplv_data build`` does;
the validation step (``load_sources``) is timed apart by wrapping the name the build module
looks up, without changing it. Queries: every public function of ``nplv_data.queries`` with
representative arguments (what the pages pass for the default selection: every area).
"""

from __future__ import annotations

import inspect
import os
import time
from pathlib import Path

from bench.common import log, summary


def _timed_load_sources():
    import nplv_data.build as build

    original = build.load_sources
    spent: list[float] = []

    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - t0)

    return build, original, wrapper, spent


def time_builds(sources: Path, out: Path, runs: int) -> dict:
    """Median of ``runs`` full builds (wall and CPU seconds), validation timed apart."""
    build, original, wrapper, spent = _timed_load_sources()
    walls, cpus, report = [], [], None
    build.load_sources = wrapper
    try:
        for number in range(runs):
            c0, t0 = time.process_time(), time.perf_counter()
            report = build.build_database(sources, out)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
            log(f"  build {number + 1}/{runs} of {sources}: {walls[-1]:.2f} s")
    finally:
        build.load_sources = original
    sizes = {p.name: p.stat().st_size for p in sorted(Path(sources).glob("*.csv"))}
    return {
        "sources": str(sources), "out": str(out), "runs": runs,
        "wall_s": summary(walls), "cpu_s": summary(cpus),
        "validate_s": summary(spent),
        "write_s": summary([w - v for w, v in zip(walls, spent)]),
        "rows": report.row_counts if report else {},
        "source_bytes": sizes, "db_bytes": Path(out).stat().st_size if Path(out).exists() else 0,
    }


def time_freshness_check(sources: Path, db: Path, runs: int = 5) -> dict:
    """What the app's data check costs: ``nplv_app.data.ensure()`` runs at the top of every
    script run. The first call per process (and file state) runs ``ensure_database``: it hashes
    every source file (``data_version``) and reads the whole database to verify it
    (``database_version(verify=True)``); later calls compare file stats only."""
    from nplv_data.build import data_version, database_version

    hashes, verifies, app_checks = [], [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        data_version(sources)
        t1 = time.perf_counter()
        try:
            database_version(db, verify=True)
        except TypeError:  # an older build module without verify
            database_version(db)
        t2 = time.perf_counter()
        hashes.append((t1 - t0) * 1000)
        verifies.append((t2 - t1) * 1000)
    saved = {k: os.environ.get(k) for k in ("NPLV_DB", "NPLV_SOURCES")}
    os.environ["NPLV_DB"], os.environ["NPLV_SOURCES"] = str(db), str(sources)
    try:
        from nplv_app import data as app_data

        t0 = time.perf_counter()
        app_data.ensure()  # first call in this process for these files: the full check
        first = (time.perf_counter() - t0) * 1000
        for _ in range(runs):
            t0 = time.perf_counter()
            app_data.ensure()
            app_checks.append((time.perf_counter() - t0) * 1000)
    except Exception as exc:  # noqa: BLE001 - someone else's module: report, do not stop
        first = None
        app_checks = []
        note = f"{type(exc).__name__}: {exc}"[:200]
    else:
        note = ""
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {"data_version_ms": summary(hashes), "verify_ms": summary(verifies),
            "app_first_ms": first, "app_per_run_ms": summary(app_checks), "note": note}


# --- queries ------------------------------------------------------------------------------------

def public_queries() -> dict:
    """Every public function defined in nplv_data.queries, by name."""
    from nplv_data import queries

    return {name: fn for name, fn in inspect.getmembers(queries, inspect.isfunction)
            if not name.startswith("_") and fn.__module__ == queries.__name__}


def _context(db) -> dict:
    from nplv_data import queries

    areas = queries.areas(db)
    catalog = queries.indicator_catalog(db)
    preferred = catalog[catalog["indicator"] == "low_financial_welfare_share_12plus"]
    row = (preferred if len(preferred) else catalog).iloc[-1] if len(catalog) else None
    return {
        "area_ids": areas["area_id"].tolist(),
        "area_id": areas["area_id"].iloc[0] if len(areas) else "",
        "indicator": row["indicator"] if row is not None else "",
        "period": row["period"] if row is not None else "",
    }


def _arguments(fn, ctx: dict) -> list[tuple[str, tuple]] | str:
    """[(label, args)] for a query function; a string says why it cannot be called."""
    from nplv_data import queries

    params = list(inspect.signature(fn).parameters.values())[1:]  # after db
    args: list = []
    labels: list[str] = []
    for p in params:
        name = p.name
        if name == "area_ids":
            args.append(ctx["area_ids"])
            labels.append(f"{len(ctx['area_ids'])} area ids")
        elif name == "area_id":
            args.append(ctx["area_id"])
            labels.append("largest area")
        elif name == "area_set":
            args.append("all20")
            labels.append("all20")
        elif name in ("scope_ids", "source_ids", "categories"):
            value = [ctx["area_id"]] if name == "scope_ids" else None
            args.append(value)
            labels.append("[largest area]" if value else "None")
        elif name == "indicator":
            args.append(ctx["indicator"])
            labels.append(ctx["indicator"])
        elif name == "period":
            args.append(ctx["period"])
            labels.append(ctx["period"])
        elif name == "fund":
            args.append("vhf")
            labels.append("vhf")
        elif name == "name":
            args.append(None)  # expanded below
            labels.append("name")
        elif p.default is not inspect.Parameter.empty:
            args.append(p.default)
            labels.append(f"{name}={p.default!r}")
        else:
            return f"no representative value for parameter {name!r}"
    if "name" in [p.name for p in params]:
        at = [p.name for p in params].index("name")
        out = []
        for table in getattr(queries, "EXPORTABLE", ()):
            call = list(args)
            call[at] = table
            out.append((f"{table}", tuple(call)))
        return out
    return [(", ".join(labels), tuple(args))]


def time_queries(db_path: Path, reps: int) -> dict:
    from nplv_data import queries

    db = queries.Database(db_path)
    results = {}
    try:
        ctx = _context(db)
        for name, fn in public_queries().items():
            calls = _arguments(fn, ctx)
            if isinstance(calls, str):
                results[name] = {"skipped": calls}
                continue
            for label, args in calls:
                key = name if len(calls) == 1 else f"{name}({label})"
                times = []
                try:
                    value = fn(db, *args)  # warm-up
                    for _ in range(reps):
                        t0 = time.perf_counter()
                        value = fn(db, *args)
                        times.append((time.perf_counter() - t0) * 1000)
                except Exception as exc:  # noqa: BLE001 - report, do not stop the benchmark
                    results[key] = {"args": label, "error": f"{type(exc).__name__}: {exc}"[:200]}
                    continue
                rows = len(value) if hasattr(value, "__len__") else None
                results[key] = {"args": label, "ms": summary(times), "rows": rows}
    finally:
        db.close()
    return results


def projected_indicators_for_all(scale, seed: int, sample_rows: int = 50_000) -> dict:
    """Size of indicators.csv if every area (not only the wijken) had all indicators, from the
    bytes per row of a generated sample; the build refuses files over MAX_FILE_BYTES."""
    from dataclasses import replace

    from bench.synthetic import generate
    from nplv_data.validate import MAX_FILE_BYTES

    small = replace(scale, n_buurten=max(1, sample_rows // (scale.n_indicators * scale.n_years)),
                    n_wijken=1, indicator_scope="all")
    data = generate(small, seed)["indicators.csv"]
    rows = data.count(b"\n") - 1
    per_row = len(data) / rows
    total_rows = scale.n_areas * scale.n_indicators * scale.n_years
    return {"rows": total_rows, "bytes_per_row": per_row,
            "projected_bytes": int(per_row * total_rows), "max_file_bytes": MAX_FILE_BYTES,
            "refused": per_row * total_rows > MAX_FILE_BYTES}


def env_note() -> str:
    return ", ".join(f"{k}={os.environ[k]}" for k in ("NPLV_DB", "NPLV_SOURCES") if k in os.environ)
