"""Turn the benchmark's results into ``RESULTS.md`` (and keep the raw numbers as JSON)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.clicks import QUIET_MS
from bench.common import TARGETS

PASS, FAIL, NA = "pass", "**FAIL**", "n/a"
NOT_TARGETS = ("reference", "probe")  # load groups measured beside the pages, not judged


def _f(value, digits: int = 0, unit: str = "") -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}{unit}".replace(",", " ")


def _mmm(s: dict | None, digits: int = 0) -> str:
    """'min / median / max' of a summary."""
    if not s:
        return "–"
    return f"{_f(s['min'], digits)} / **{_f(s['median'], digits)}** / {_f(s['max'], digits)}"


def _median(s: dict | None):
    return s["median"] if s else None


def _verdict(value, limit) -> str:
    if value is None:
        return NA
    return PASS if value <= limit else FAIL


# --- targets ------------------------------------------------------------------------------------

def _click_vs_floor(item: dict, measured: dict) -> tuple:
    """(median ms, the floor click's median ms, their ratio or None) of one dashboard click."""
    reference = measured.get("floor", {}).get(item["reference"]) or {}
    value, base = _median(item.get("ms")), _median(reference.get("ms"))
    return value, base, (value / base if value and base else None)


def evaluate(results: dict) -> list[dict]:
    """One row per target and page/dataset: threshold, measured value, pass/fail."""
    rows: list[dict] = []
    browser = results.get("browser") or {}
    quick = (results.get("meta") or {}).get("mode") == "quick"

    def scope(dataset: str, rest: str = "") -> str:
        name = "synthetic-quick" if quick and dataset == "national" else dataset
        return f"{name}/{rest}" if rest else name

    for dataset in ("real", "national"):
        loads = browser.get(dataset) or {}
        bare = _median((loads.get("bare@reference") or {}).get("content_ms"))
        floor = _median((loads.get("floor@reference") or {}).get("ready_ms"))
        frame = _median((loads.get("frame@probe") or {}).get("content_ms"))
        if loads:
            ratio_f = frame / bare if frame and bare else None
            rows.append({"target": f"frame ≤ {TARGETS['frame_vs_bare']:.2f} × bare",
                         "scope": scope(dataset, "frame probe"),
                         "limit": TARGETS["frame_vs_bare"], "value": ratio_f,
                         "shown": _f(ratio_f, 2, "×"),
                         "verdict": _verdict(ratio_f, TARGETS["frame_vs_bare"])})
        for item in loads.values():
            if item["group"] in NOT_TARGETS:
                continue
            content, ready = _median(item["content_ms"]), _median(item["ready_ms"])
            ratio_c = content / frame if content and frame else None
            ratio_r = ready / floor if ready and floor else None
            note = _load_note(item)
            outcomes = item.get("outcomes") or {}
            no_content = bool(outcomes.get("content_timeout")) or content is None
            no_ready = item.get("timeouts", 0) > 0 or ready is None
            rows.append({"target": f"content ≤ {TARGETS['content_vs_frame']:.2f} × frame",
                         "scope": scope(dataset, item["name"]),
                         "limit": TARGETS["content_vs_frame"], "value": ratio_c,
                         "shown": _f(ratio_c, 2, "×") + (note if no_content else ""),
                         "verdict": FAIL if no_content
                         else _verdict(ratio_c, TARGETS["content_vs_frame"])})
            rows.append({"target": "ready ≤ 1.15 × floor", "scope": scope(dataset, item["name"]),
                         "limit": TARGETS["ready_vs_floor"], "value": ratio_r,
                         "shown": _f(ratio_r, 2, "×") + note,
                         "verdict": FAIL if no_ready
                         else _verdict(ratio_r, TARGETS["ready_vs_floor"])})
    limit = TARGETS["click_vs_floor"]
    for dataset, measured in (results.get("clicks") or {}).items():
        for item in (measured or {}).get("app", {}).values():
            value, base, ratio = _click_vs_floor(item, measured)
            rows.append({"target": f"click ≤ {limit:.1f} × floor", "scope": scope(dataset,
                                                                                   item["name"]),
                         "limit": limit, "value": ratio,
                         "shown": (f"{_f(ratio, 1, '×')} ({_f(value)} / {_f(base)} ms)"
                                   if ratio else "; ".join(item.get("errors") or ["–"])[:120]),
                         "verdict": _verdict(ratio, limit) if ratio else FAIL})
    for dataset, limit_key in (("real", "rerun_median_ms_real"),
                               ("national", "rerun_median_ms_national")):
        for page, item in (results.get("reruns", {}).get(dataset) or {}).items():
            value = _median(item.get("all_ms"))
            shown = _f(value, 0, " ms") if value is not None else item.get("error", "–")
            rows.append({"target": f"rerun median ≤ {TARGETS[limit_key]:.0f} ms",
                         "scope": scope(dataset, page), "limit": TARGETS[limit_key],
                         "value": value, "shown": shown,
                         "verdict": _verdict(value, TARGETS[limit_key])
                         if value is not None else FAIL})
    limit = TARGETS["payload_kb_real"]
    real_loads = browser.get("real") or {}
    real_reruns = (results.get("reruns") or {}).get("real") or {}
    pages = [i["name"] for i in real_loads.values() if i["group"] not in NOT_TARGETS] or list(
        real_reruns)
    for page in pages:
        item = real_loads.get(f"{page}@real")
        if item and item.get("map_chart_kb"):
            value, how = item["map_chart_kb"]["median"], "websocket"
        elif page in real_reruns and real_reruns[page].get("payload"):
            value, how = real_reruns[page]["payload"]["map_chart_kb"], "AppTest"
        else:
            value, how = None, ""
        rows.append({"target": f"map+chart payload ≤ {limit:.0f} kB", "scope": f"real/{page}",
                     "limit": limit, "value": value,
                     "shown": f"{_f(value, 1, ' kB')} ({how})" if value is not None else "–",
                     "verdict": _verdict(value, limit)})
    for dataset, key in (("real", "build_s_real"), ("national", "build_s_national")):
        build = (results.get("data") or {}).get(f"{dataset}_build")
        value = _median(build["wall_s"]) if build and build.get("wall_s") else None
        shown = _f(value, 2, " s") if value is not None else (build or {}).get("error", "–")
        rows.append({"target": f"build ≤ {TARGETS[key]:g} s", "scope": scope(dataset),
                     "limit": TARGETS[key], "value": value, "shown": shown,
                     "verdict": _verdict(value, TARGETS[key]) if value is not None else FAIL})
    return rows


def _load_note(item: dict) -> str:
    notes = []
    outcomes = item.get("outcomes") or {}
    total = sum(outcomes.values()) or len(item.get("loads", [])) + len(item.get("warmup", []))
    missed = total - outcomes.get("ready", 0) if outcomes else item.get("timeouts", 0)
    if outcomes.get("content_timeout"):
        notes.append(f"content not reached in {item['timeout_s']:.0f} s "
                     f"({outcomes['content_timeout']} of {total} loads incl. warm-up)")
    elif missed:
        notes.append(f"ready not reached in {missed} of {total} loads incl. warm-up")
    undrawn = item.get("undrawn") or {}
    if missed and (undrawn.get("vega") or undrawn.get("deck")):
        notes.append(f"never drawn: {undrawn.get('vega', 0)} chart(s), "
                     f"{undrawn.get('deck', 0)} map(s)")
    if item.get("page_errors"):
        notes.append("page error: " + "; ".join(item["page_errors"])[:160])
    if not item.get("content_ms") and item.get("warmup_content_ms"):
        notes.append(f"warm-up content {item['warmup_content_ms']:,.0f} ms".replace(",", " "))
    if item.get("exceptions"):
        notes.append("exception shown on the page")
    return f" ({'; '.join(notes)})" if notes else ""


# --- the document -------------------------------------------------------------------------------

def render(results: dict) -> str:
    meta = results["meta"]
    out: list[str] = []
    w = out.append
    w("# Benchmark results: issue \"Speed and scale\"\n")
    w(f"Written by `{meta['command']}` ({meta['mode']} mode) on {meta['started']}; the run took "
      f"{meta['duration_s'] / 60:.1f} min. Raw numbers: `{meta['json_name']}` beside this file. "
      "Timings are min / **median** / max unless said otherwise.\n")
    _machine(w, meta)
    rows = evaluate(results)
    _targets(w, rows)
    if results.get("browser"):
        _loads(w, results["browser"], meta)
    else:
        w("## Page loads (browser)\n\nNot measured (`--no-browser`).\n")
    if results.get("clicks"):
        _clicks(w, results["clicks"], meta)
    _reruns(w, results.get("reruns") or {}, meta)
    _before_after(w, results)
    _data(w, results.get("data") or {})
    _profiles(w, results.get("reruns") or {})
    _method(w, meta)
    return "\n".join(out)


BASELINE = Path(__file__).resolve().parent / "BASELINE.json"


def _before_after(w, results: dict, baseline_path: Path = BASELINE) -> None:
    """Medians of this run beside those of ``BASELINE.json`` (the run before the fixes)."""
    if not baseline_path.is_file():
        return
    before = json.loads(baseline_path.read_text(encoding="utf-8"))
    w("## Before and after\n")
    w(f"Before: the full run of {before['meta']['started']} (`bench/{baseline_path.name}`), "
      "before the fixes listed below; that machine was busier (1-min load up to 7.5), so "
      "its absolute times are inflated, its ratios less so. Medians.\n")
    w("| figure | data | page | before | after |")
    w("|---|---|---|---|---|")
    for dataset in ("real", "national"):
        for page in (results.get("reruns", {}).get(dataset) or {}):
            old = (before.get("reruns", {}).get(dataset) or {}).get(page, {}).get("all_ms")
            new = results["reruns"][dataset][page].get("all_ms")
            w(f"| rerun after an interaction | {dataset} | {page} | {_f(_median(old), 0, ' ms')}"
              f" | {_f(_median(new), 0, ' ms')} |")
    for dataset in ("real", "national"):
        old_loads = (before.get("browser") or {}).get(dataset) or {}
        new_loads = (results.get("browser") or {}).get(dataset) or {}
        refs = {}
        for label, loads in (("before", old_loads), ("after", new_loads)):
            refs[label] = (_median(loads.get("bare@reference", {}).get("content_ms")),
                           _median(loads.get("floor@reference", {}).get("ready_ms")))
        for item in new_loads.values():
            if item["group"] in NOT_TARGETS:
                continue
            key = f"{item['name']}@{item['group']}"
            old = old_loads.get(key, {})
            cells = []
            for label, entry in (("before", old), ("after", item)):
                bare, floor = refs[label]
                content, ready = _median(entry.get("content_ms")), _median(entry.get("ready_ms"))
                cells.append(
                    f"{_f(content / bare if content and bare else None, 2, '×')} / "
                    f"{_f(ready / floor if ready and floor else None, 2, '×')}")
            w(f"| content / bare, ready / floor | {dataset} | {item['name']} | {cells[0]} | "
              f"{cells[1]} |")
    w("")
    w("What changed in between: chart specs built once per input as plain Vega-Lite dicts "
      "(no schema validation at run time, no process-wide Altair lock); small cache keys for "
      "per-selection frames and tables; no full garbage collection after every script run "
      "(`runner.postScriptGC = false`); no source-file watching (`server.fileWatcherType = "
      "\"none\"`); the map's context as one pre-drawn image instead of four GeoJSON layers; at "
      "national scale one map circle per municipality and cohort, charts capped at 50 rows and "
      "tables at 500 (with a CSV of every row), quadratic loops made linear; large table "
      "CSVs written on click; content that most views never open built only when opened (chart "
      "tables, the downloads section, the view link's code box, the area-detail tabs); chart "
      "specs for a new selection built in a worker process; query results shared per process "
      "instead of unpickled per call; set membership of 17,300 ids in one Arrow call; "
      "process-wide memo tables with small tuple keys instead of Streamlit's cache (whose key "
      "building cost 0.2-0.4 ms a lookup), chart specs kept as JSON text instead of copied "
      "dict by dict, one data-version stat per run, and each page section's per-selection work "
      "kept as a whole (sidebar options, the selection filter, residents, map and tiles, "
      "scenario and budget helpers); the chart worker started at the server's first run, "
      "the garbage collector settled after it (startup objects frozen, higher thresholds), "
      "and Altair's deep copy without re-running constructors (charts 17-33 % faster to "
      "build). The page "
      "clocks changed too (see Method): the 'before' ratios used the older, stricter clock.\n")


QUIET_START_LOAD = 0.5  # 1-min load below which nothing else was running when the bench began


def _machine(w, meta: dict) -> None:
    m = meta["machine"]
    start, end = meta["load_start"], meta["load_end"]
    w("## Machine\n")
    w("| | |\n|---|---|")
    w(f"| CPU | {m['cpu_model']}, {m['nproc']} logical CPUs (nproc) |")
    w(f"| memory | {m['memory']} |")
    w(f"| kernel | {m['kernel']} |")
    w(f"| python / streamlit / duckdb | {m['python']} / {m['streamlit']} / {m['duckdb']} |")
    w(f"| pandas / altair / pydeck | {m['pandas']} / {m['altair']} / {m['pydeck']} |")
    w(f"| playwright / browser | {m['playwright']} / {m['chromium']} |")
    w(f"| load average at start (1/5/15 min) | {start[0]:.2f} / {start[1]:.2f} / {start[2]:.2f} |")
    w(f"| load average at end (1/5/15 min) | {end[0]:.2f} / {end[1]:.2f} / {end[2]:.2f} |")
    samples = meta.get("load_samples") or []
    if samples:
        w("| 1-min load during the run | " + ", ".join(
            f"{phase} {load:.1f}" for phase, load in samples) + " |")
    busy = max([end[0]] + [s[1] for s in samples])
    w("")
    if start[0] > QUIET_START_LOAD:
        w(f"**The machine was busy before the run began** (1-min load {start[0]:.1f} on "
          f"{m['nproc']} CPUs): absolute times are inflated and noisy. The ratios against the "
          "reference pages are more robust, because the pages were loaded interleaved "
          "(round-robin) in the same run, but they are noisy too.\n")
    elif busy > (m["nproc"] or 1):
        w(f"The machine was quiet when the run began (1-min load {start[0]:.2f}). The load "
          f"during the run (up to {busy:.1f} on {m['nproc']} CPUs) is the bench's own: the "
          "server, headless Chromium and the reference pages loaded beside it.\n")


def _targets(w, rows: list[dict]) -> None:
    w("## Targets\n")
    passed = sum(r["verdict"] == PASS for r in rows)
    failed = sum(r["verdict"] == FAIL for r in rows)
    w(f"{passed} pass, {failed} fail, {len(rows) - passed - failed} not measured.\n")
    w("| target | scope | measured | verdict |\n|---|---|---|---|")
    for r in rows:
        w(f"| {r['target']} | {r['scope']} | {r['shown']} | {r['verdict']} |")
    w("")


def _loads(w, browser: dict, meta: dict) -> None:
    w("## Page loads (headless Chromium, cold context per load, warm server)\n")
    w(f"{meta.get('loads_note', '')}\n")
    for dataset, loads in browser.items():
        if not loads:
            continue
        bare = _median((loads.get("bare@reference") or {}).get("content_ms"))
        floor = _median((loads.get("floor@reference") or {}).get("ready_ms"))
        frame = _median((loads.get("frame@probe") or {}).get("content_ms"))
        w(f"### {_label(dataset, meta)} data\n")
        w("| page | n | content ms | ready ms | content / frame | ready / floor | "
          "server done ms¹ | long tasks ms² | websocket kB | map+chart kB | maps / charts | "
          "notes |")
        w("|---|---|---|---|---|---|---|---|---|---|---|---|")
        shown = [i for i in loads.values() if i["group"] != "probe"]
        for item in shown:
            content, ready = _median(item["content_ms"]), _median(item["ready_ms"])
            counts = item.get("counts") or {}
            n = item["content_ms"]["n"] if item["content_ms"] else 0
            notes = _load_note(item).strip(" ()")
            w(f"| {item['name']} | {n} | {_mmm(item['content_ms'])} | {_mmm(item['ready_ms'])} | "
              f"{_f(content / frame, 2, '×') if content and frame else '–'} | "
              f"{_f(ready / floor, 2, '×') if ready and floor else '–'} | "
              f"{_f(_median(item.get('ws_last_ms')))} | {_f(_median(item.get('long_task_ms')))} | "
              f"{_f(_median(item['ws_kb']), 1)} | "
              f"{_f(_median(item['map_chart_kb']), 1)} | "
              f"{counts.get('deck', '–')} / {counts.get('vega', '–')} | {notes} |")
        w("\n¹ median time of the last websocket message before 'content' (the server's "
          "`script_finished` comes last): what is left until 'content' is the browser's "
          "rendering. ² median total of the browser's main-thread long tasks (> 50 ms) "
          "before 'ready': script parsing, layout, WebGL and Vega drawing.\n")
        w("<details><summary>Websocket bytes by message kind (median kB per load)</summary>\n")
        kinds = sorted({k for i in shown for k in i.get("by_kind_kb", {})})
        names = [i["name"] for i in shown]
        w("| kind | " + " | ".join(names) + " |")
        w("|---|" + "---|" * len(names))
        for kind in kinds:
            w(f"| {kind} | " + " | ".join(
                _f(i.get("by_kind_kb", {}).get(kind), 1) for i in shown) + " |")
        w("\n</details>\n")
        _probes(w, [i for i in loads.values() if i["group"] == "probe"], bare, floor)


def _probes(w, items: list[dict], bare, floor) -> None:
    """The frame probes (``bench/probes.py``): the yardstick of the content target."""
    if not items or not bare:
        return
    frame = next((_median(i["content_ms"]) for i in items if i["name"] == "frame"), None)
    w("#### The frame: the yardstick of the content target\n")
    w(f"A page's content may take {TARGETS['content_vs_frame']:.2f} × the frame probe, and the "
      f"frame {TARGETS['frame_vs_bare']:.2f} × the bare page. The probes are the dashboard's "
      "own `app.py` (data check, language switch, selection sidebar, navigation, downloads, "
      "view link, footer), copied by `bench/probes.py` with page files that draw only a title "
      "and what the probe names; loaded in the same rounds as the pages above.\n")
    w("| probe | n | content ms | content / bare | content / frame | ready ms | ready / floor |")
    w("|---|---|---|---|---|---|---|")
    for item in items:
        content, ready = _median(item["content_ms"]), _median(item["ready_ms"])
        n = item["content_ms"]["n"] if item["content_ms"] else 0
        w(f"| {item['name']} | {n} | {_mmm(item['content_ms'])} | "
          f"{_f(content / bare, 2, '×') if content else '–'} | "
          f"{_f(content / frame, 2, '×') if content and frame else '–'} | "
          f"{_mmm(item['ready_ms'])} | {_f(ready / floor, 2, '×') if ready and floor else '–'} |")
    w("")


def _clicks(w, clicks: dict, meta: dict) -> None:
    """Click to settled (``bench/clicks.py``), each click beside its click floor click."""
    w("## Click to settled (headless Chromium, warm page)\n")
    w("From the input event that commits a change until the app is idle and nothing on the "
      f"page has changed for {QUIET_MS} ms (the time of the last change is taken). Each click "
      "alternates between two values on one page; the first click is a warm-up. The click "
      "floor page (`bench/pages/click_floor.py`) has one select and one chart; the area set and "
      "the slider are judged against its select, the bar pick against its bar pick.\n")
    for dataset, measured in clicks.items():
        if not measured:
            continue
        w(f"### {_label(dataset, meta)} data\n")
        w("| click | page | n | ms | floor click | floor ms | median / floor | notes |")
        w("|---|---|---|---|---|---|---|---|")
        for item in measured.get("app", {}).values():
            ref = measured.get("floor", {}).get(item["reference"]) or {}
            ratio = _click_vs_floor(item, measured)[2]
            n = item["ms"]["n"] if item.get("ms") else 0
            notes = "; ".join(item.get("errors") or [])[:120]
            w(f"| {item['name']} | /{item['path']} | {n} | {_mmm(item.get('ms'))} | "
              f"{item['reference']} | {_mmm(ref.get('ms'))} | "
              f"{_f(ratio, 1, '×') if ratio else '–'} | {notes} |")
        w("")


def _label(dataset: str, meta: dict) -> str:
    if dataset == "national" and meta.get("mode") == "quick":
        return "synthetic (quick scale, not national)"
    return dataset


def _reruns(w, reruns: dict, meta: dict) -> None:
    w("## Server-side reruns (streamlit.testing AppTest, in process)\n")
    w("Time of `at.run()` after one widget change; each interaction alternates between two "
      "values. 'first run' is the page's first run in the process (its queries not cached yet). "
      "Payload: serialised size of the map and chart elements after the first run.\n")
    for dataset, pages in reruns.items():
        if not pages:
            continue
        w(f"### {_label(dataset, meta)} data\n")
        w("| page | first run s | rerun ms (min / median / max) | p95 ms | n | per interaction "
          "(median ms) | map / chart kB (AppTest) | notes |")
        w("|---|---|---|---|---|---|---|---|")
        for page, item in pages.items():
            s = item.get("all_ms")
            inter = "; ".join(
                f"{name} {_f(_median(x['ms']))}" for name, x in item.get("interactions", {}).items()
                if x.get("ms"))
            notes = [f"{name}: {x['note']}" for name, x in item.get("interactions", {}).items()
                     if x.get("note")]
            if item.get("error"):
                notes.append(item["error"])
            if item.get("errors"):
                notes.append("exception on first run: " + item["errors"][0][:120])
            payload = item.get("payload") or {}
            w(f"| {page} | {_f(item.get('first_run_s'), 1)} | {_mmm(s)} | "
              f"{_f(s['p95']) if s else '–'} | {s['n'] if s else 0} | {inter} | "
              f"{_f(payload.get('deck_kb'), 1)} / {_f(payload.get('vega_kb'), 1)} | "
              f"{'; '.join(notes)[:400]} |")
        w("")


def _data(w, data: dict) -> None:
    w("## Data\n")
    w("### Build (`nplv_data.build.build_database`, as `python -m nplv_data build`)\n")
    w("| data | runs | wall s | CPU s (median) | validate s (median) | write s (median) | rows | "
      "source MB | database MB |")
    w("|---|---|---|---|---|---|---|---|---|")
    for dataset in ("real", "national"):
        b = data.get(f"{dataset}_build")
        if not b:
            continue
        if b.get("error"):
            w(f"| {dataset} | – | {b['error']} | | | | | | |")
            continue
        rows = sum(b["rows"].values())
        w(f"| {dataset} | {b['runs']} | {_mmm(b['wall_s'], 2)} | {_f(_median(b['cpu_s']), 2)} | "
          f"{_f(_median(b['validate_s']), 2)} | {_f(_median(b['write_s']), 2)} | "
          f"{rows:,} | {sum(b['source_bytes'].values()) / 1e6:.1f} | {b['db_bytes'] / 1e6:.1f} |")
    w("")
    for dataset in ("real", "national"):
        fresh = data.get(f"{dataset}_freshness")
        if fresh:
            w(f"Data check ({dataset}): `nplv_app.data.ensure()` at the top of every script run "
              f"costs {_f(_median(fresh.get('app_per_run_ms')), 2)} ms median once it has "
              f"checked these files (file stats only); its first call per process took "
              f"{_f(fresh.get('app_first_ms'), 0)} ms: hashing the sources (`data_version`) "
              f"{_f(_median(fresh['data_version_ms']), 1)} ms and reading the whole database "
              f"to verify it {_f(_median(fresh.get('verify_ms')), 1)} ms (medians of separate "
              f"calls). {fresh.get('note', '')}\n")
    syn = data.get("synthetic")
    if syn:
        w("### Synthetic national data set\n")
        w(f"Generated by `bench/synthetic.py` (seed {syn['seed']}) into `{syn['dir']}` in "
          f"{syn['generate_s']:.1f} s; every name says SYNTHETISCH, ids start with `syn-`, the "
          f"folder holds `SYNTHETIC.md`. Scale: {syn['scale']}.\n")
        w("| file | MB | rows |\n|---|---|---|")
        rows = (data.get("national_build") or {}).get("rows", {})
        for name, size in syn["sizes"].items():
            table = name.removesuffix(".csv")
            w(f"| {name} | {size / 1e6:.2f} | {rows.get(table, '')} |")
        w("")
        proj = data.get("projection")
        if proj:
            w(f"Indicators for *every* area (not only the wijken) would be {proj['rows']:,} rows, "
              f"about {proj['projected_bytes'] / 1e6:.0f} MB "
              f"({proj['bytes_per_row']:.0f} bytes per row, projected from a generated sample): "
              + ("over the validator's limit of "
                 f"{proj['max_file_bytes'] / 2**20:.0f} MiB per file "
                 "(`nplv_data.validate.MAX_FILE_BYTES`), so the build refuses it."
                 if proj["refused"] else "within the validator's file limit.") + "\n")
    w("### Named queries (`nplv_data.queries`, every public function)\n")
    w("Representative arguments: what the pages pass for the default selection (every area), "
      "the largest area, the low-financial-welfare indicator and its latest period. ms per "
      "call after one warm-up call.\n")
    real, national = data.get("real_queries") or {}, data.get("national_queries") or {}
    w("| query | arguments | real ms | real rows | national ms | national rows |")
    w("|---|---|---|---|---|---|")
    for name in sorted(set(real) | set(national)):
        r, n = real.get(name, {}), national.get(name, {})
        args = r.get("args") or n.get("args") or r.get("skipped") or n.get("skipped") or ""
        w(f"| {name} | {args} | {_mmm(r.get('ms'), 1) if r.get('ms') else r.get('error', '–')} "
          f"| {r.get('rows', '')} | "
          f"{_mmm(n.get('ms'), 1) if n.get('ms') else n.get('error', '–')} | {n.get('rows', '')} |")
    w("")


def _profiles(w, reruns: dict) -> None:
    shown = False
    for dataset, pages in reruns.items():
        for page, item in (pages or {}).items():
            rows = item.get("profile")
            if not rows:
                continue
            if not shown:
                w("## Where a rerun's time goes (one rerun after an area-set change, cProfile)\n")
                w("Project functions by cumulative time, then library functions by own time. "
                  "cProfile slows Python code down, so read the shares, not the absolute "
                  "numbers.\n")
                shown = True
            w(f"<details><summary>{dataset}/{page}</summary>\n")
            w("| function | calls | own ms | cumulative ms |\n|---|---|---|---|")
            for r in rows:
                w(f"| `{r['where']}` | {r['calls']} | {_f(r['tottime_ms'])} | "
                  f"{_f(r['cumtime_ms'])} |")
            w("\n</details>\n")


def _method(w, meta: dict) -> None:
    w("## Method\n")
    w("- Page loads: the harness starts three Streamlit servers with the same command, flags "
      "and working directory (so the same `.streamlit/config.toml`): the dashboard (`app.py`, "
      "pointed at a database the harness built, via `NPLV_DB`), `bench/pages/bare.py` "
      "(`st.write(\"bare\")`) and `bench/pages/floor.py` (one trivial pydeck ScatterplotLayer "
      "map, `map_provider=None`, and one trivial Altair chart, `theme=None`). Each target is "
      "loaded once to warm the server, then all targets are loaded round-robin. Every load is a "
      "fresh browser context (empty cache, new session), 1600×1000. Clocks are "
      "`performance.now()` since navigation start, taken in the page by a 10 ms poll: "
      "'content' = script run over (`data-test-script-state` = `notRunning`) and the headline "
      "visible (first `h1`; on overzicht also the `stMetric` tiles); 'ready' = content, no "
      "`stSkeleton`, every visible Vega chart has a `canvas.marks`/`svg.marks` of nonzero size "
      "and every deck.gl chart a nonzero canvas on which WebGL has drawn. A clock stops at the "
      "first painted frame in which its condition holds (the time of the "
      "`requestAnimationFrame` callback asked for when the poll first sees it, so a long task "
      "that holds the main thread delays it), provided the condition then keeps holding for "
      "300 ms. (Runs before 2026-11-23 17:00 used a proxy instead: a condition counted from "
      "its first poll after the last main-thread block of more than 250 ms, so every long "
      "task until 'ready', even after the headline was on screen, moved 'content' on.)")
    w("- Frame probes (real data only): a fourth server runs a copy of `app.py` whose page "
      "files draw only a title and one more thing (`bench/probes.py`), loaded in the same "
      "rounds; they are not judged against the targets.")
    w("- Bytes: every websocket frame the browser received, decoded as Streamlit `ForwardMsg` "
      "and counted by element type; 'map+chart' = `deck_gl_json_chart` + `vega_lite_chart` "
      "messages. Websocket compression is off (Streamlit's default), so these are wire bytes "
      "(excluding the static JavaScript, the same for every page).")
    w("- Reruns: in process with `streamlit.testing.v1.AppTest` (server-side cost only; see "
      "`bench/reruns.py` for why), alternating each widget between two values.")
    w("- National scale: the same app and build code, pointed at the synthetic set with "
      "`NPLV_DB` and `NPLV_SOURCES`.")
    w(f"- Command line: `{meta['command']}`.")
    w("")


def write(results: dict, out: Path) -> None:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    json_path = out.with_suffix(".json")
    results["meta"]["json_name"] = json_path.name
    json_path.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    out.write_text(render(results), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.report RESULTS.json [OUT.md]``: render the report again from the raw
    numbers (after a change to this module, without measuring again)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    if not args:
        sys.stderr.write("usage: python -m bench.report RESULTS.json [OUT.md]\n")
        return 2
    source = Path(args[0])
    target = Path(args[1]) if len(args) > 1 else source.with_suffix(".md")
    results = json.loads(source.read_text(encoding="utf-8"))
    results["meta"]["json_name"] = source.name
    target.write_text(render(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
