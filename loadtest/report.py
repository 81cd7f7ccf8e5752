"""Sum up a load test: figures as a dict (for tests) and as markdown (for RESULTS.md)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from loadtest.users import Shared

TARGET_P95_S = 0.5
MAX_LISTED = 30


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Results:
    command: str
    sessions: int
    seconds: float
    think: tuple[float, float]
    cores: int
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    server_start_s: float
    rss_start_kb: int | None
    rss_after_first_load_kb: int | None
    rss_peak_kb: int | None
    rss_end_kb: int | None
    wall_s: float
    shared: Shared
    server_tracebacks: int
    server_alive: bool
    server_cpu_s: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # runner._cpu_account differences
    baseline: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    workers: int = 0  # > 0: that many replicas behind HAProxy (``--via-proxy``)
    killed: list[str] = field(default_factory=list)  # replicas SIGKILLed during the sessions

    # --- figures ----------------------------------------------------------------------------

    def reruns(self, kind: str | None = None, include_load: bool = False) -> list[float]:
        return [i.seconds for i in self.shared.interactions
                if i.kind != "download" and (include_load or i.kind != "load")
                and (kind is None or i.kind == kind)]

    @property
    def errors(self) -> list[str]:
        found = list(self.shared.errors)
        if self.server_tracebacks:
            found.append(f"server log: {self.server_tracebacks} traceback(s)")
        if not self.server_alive:
            found.append("server died during the test")
        return found

    def summary(self) -> dict:
        reruns = self.reruns()
        return {
            "sessions": self.sessions,
            "seconds": self.seconds,
            "interactions": len(self.shared.interactions),
            "reruns": len(reruns),
            "errors": len(self.errors),
            "isolation_checks": self.shared.isolation_checks,
            "isolation_violations": len(self.shared.isolation_violations),
            "p50_s": percentile(reruns, 50),
            "p95_s": percentile(reruns, 95),
            "max_s": max(reruns) if reruns else math.nan,
            "first_load_p95_s": percentile([i.seconds for i in self.shared.interactions
                                            if i.kind == "load"], 95),
            "first_loads_frameless": sum(1 for f in self.shared.first_loads if not f.framed),
            "first_loads": sum(1 for i in self.shared.interactions if i.kind == "load"),
            "server_cpu_s": self.server_cpu_s,
            "other_cpu_s": self.other_cpu_s(),
            "downloads": self.shared.downloads,
            "download_bytes": self.shared.download_bytes,
            "rss_start_kb": self.rss_start_kb,
            "rss_peak_kb": self.rss_peak_kb,
            "rss_end_kb": self.rss_end_kb,
            "workers": self.workers,
            "first_load_p50_s": percentile([f.seconds for f in self.shared.first_loads], 50),
            "first_load_only_p95_s": percentile([f.seconds for f in self.shared.first_loads],
                                                95),
            "moved": len(self.shared.moves),
            "moved_same_view": sum(1 for m in self.shared.moves if m[3]),
            "lost": self.shared.lost,
        }

    def other_cpu_s(self) -> float:
        """CPU time the machine spent on work other than the server, its chart workers and
        the load generator while the sessions ran (NaN when not measured)."""
        if not self.cpu:
            return math.nan
        return self.cpu["machine"] - self.cpu["server"] - self.cpu["workers"] - self.cpu["client"]

    def cpu_row(self) -> str:
        """Who used the cores during the sessions, as one table row."""
        if not self.cpu:
            return "| CPU during the sessions | not measured |"
        c = self.cpu
        return (f"| CPU during the sessions ({self.cores} cores × {c['wall']:.0f} s = "
                f"{self.cores * c['wall']:.0f} s) | server {c['server']:.1f} s, chart "
                f"workers {c['workers']:.1f} s, load generator {c['client']:.1f} s, other work "
                f"on the machine {self.other_cpu_s():.1f} s, steal {c['steal']:.1f} s |")

    # --- markdown ---------------------------------------------------------------------------

    def markdown(self) -> str:
        s = self.summary()
        ms = _ms
        verdict = "met" if s["p95_s"] <= TARGET_P95_S else "NOT met"
        lines = [
            "# Load test results",
            "",
            f"Command: `{self.command}`",
            "",
            f"{self.sessions} concurrent sessions for {self.seconds:.0f} s against "
            + (f"{self.workers} Streamlit replica(s) behind HAProxy (`make serve "
               f"WORKERS={self.workers}`; RSS and CPU summed over the replicas)"
               if self.workers else "one `streamlit run app.py`")
            + " on 127.0.0.1, driven over Streamlit's websocket protocol "
            f"(no browser). Think time between interactions: {self.think[0]:g}–"
            f"{self.think[1]:g} s. Machine: {self.cores} cores; load average before "
            f"{_load(self.load_before)}, after {_load(self.load_after)}; who used the cores "
            "while the sessions ran is in the row 'CPU during the sessions'.",
            "",
            "| figure | value |",
            "| --- | --- |",
            f"| sessions | {s['sessions']} |",
            f"| interactions (reruns + downloads) | {s['interactions']} |",
            f"| reruns measured (after each session's first load) | {s['reruns']} |",
            f"| errors | {s['errors']} |",
            f"| isolation checks / violations | {s['isolation_checks']} / "
            f"{s['isolation_violations']} |",
            f"| rerun time p50 / p95 / max | {ms(s['p50_s'])} / {ms(s['p95_s'])} / "
            f"{ms(s['max_s'])} |",
            f"| target p95 <= {ms(TARGET_P95_S)} | {verdict} |",
            f"| first load (deep link) p95 | {ms(s['first_load_p95_s'])} |",
            f"| downloads fetched (CSV, checked against the table) | {s['downloads']} "
            f"({s['download_bytes'] / 1024:.0f} KiB) |",
            f"| server start (until /_stcore/health) | {self.server_start_s:.1f} s |",
            f"| server RSS at start / after first loads / peak / end | "
            f"{_mib(self.rss_start_kb)} / {_mib(self.rss_after_first_load_kb)} / "
            f"{_mib(self.rss_peak_kb)} / {_mib(self.rss_end_kb)} |",
            f"| server CPU during the sessions | {self.server_cpu_s:.1f} s "
            f"({self.server_cpu_s / max(1, s['reruns'] + s['first_loads']):.2f} s per script "
            "rerun, first loads included) |",
            self.cpu_row(),
            f"| wall time | {self.wall_s:.1f} s |",
            "",
            "RSS at end is measured after every session has disconnected and the server had a "
            "few seconds to clean up.",
            "",
            "## Rerun time per interaction",
            "",
            "| interaction | count | p50 | p95 | max | script runs per interaction |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        kinds = Counter(i.kind for i in self.shared.interactions)
        for kind in ("load", "area_set", "custom_areas", "slider", "page", "amount",
                     "download"):
            if not kinds[kind]:
                continue
            values = [i.seconds for i in self.shared.interactions if i.kind == kind]
            runs = Counter(i.runs for i in self.shared.interactions if i.kind == kind)
            lines.append(f"| {kind} | {kinds[kind]} | {ms(percentile(values, 50))} | "
                         f"{ms(percentile(values, 95))} | {ms(max(values))} | "
                         f"{_runs(runs)} |")
        lines += ["", "## Rerun time per page (excluding first loads and downloads)", "",
                  "| page | count | p50 | p95 | max |", "| --- | --- | --- | --- | --- |"]
        for page in ("overzicht", "gebieden", "budgetten", "scenario", "tijdlijn"):
            values = [i.seconds for i in self.shared.interactions
                      if i.page == page and i.kind not in ("load", "download")]
            if values:
                lines.append(f"| {page} | {len(values)} | {ms(percentile(values, 50))} | "
                             f"{ms(percentile(values, 95))} | {ms(max(values))} |")
        if self.baseline:
            lines += ["", "## One session alone on the warm server (no concurrency)", "",
                      "Each page opened, then rerun with nothing changed; the floor under the "
                      "figures above.", "", "| page | runs | min | median | max |",
                      "| --- | --- | --- | --- | --- |"]
            for page, values in self.baseline.items():
                lines.append(f"| {page} | {len(values)} | {ms(min(values))} | "
                             f"{ms(percentile(values, 50))} | {ms(max(values))} |")
        first = sorted(self.shared.first_loads, key=lambda f: f.seconds)
        frameless = [f for f in first if not f.framed]
        lines += [
            "", "## First loads: deep links opened at once on a fresh server", "",
            "Every session starts with a deep link to a page (its own selection in the query "
            "string) at the same moment, as tabs reconnecting after a restart do. A page that "
            "ran without app.py's frame (no sidebar, no navigation, default language) is "
            "listed here and reloaded; it is not counted in the errors above.", "",
            f"{len(frameless)} of {len(first)} first loads ran without the frame"
            + (": " + ", ".join(f"user {f.user} ({f.page})" for f in frameless)
               if frameless else "."),
        ]
        if self.workers:
            lines += self._proxy_lines(s)
        lines += ["", "## Errors", ""]
        lines += _listed(self.errors) or ["None."]
        lines += ["", "## Isolation", "",
                  "Every session checks after every interaction that the sidebar summary "
                  "(\"N gebieden · M gemeenten · R inwoners\") equals the figures of its own "
                  "selection, computed independently from the same database, and on the "
                  "scenario page that the amount echo shows its own amount.", ""]
        lines += _listed(self.shared.isolation_violations) or ["No violations."]
        if self.shared.troubled:
            lines += ["", "## Traces of sessions with errors or violations", "",
                      "Per interaction: kind, page, seconds, sidebar summary, query string.", ""]
            for user, trace in sorted(self.shared.troubled.items())[:8]:
                lines += [f"User {user}:", "", "```"]
                lines += [" | ".join(str(x) for x in step) for step in trace[:25]]
                lines += ["```", ""]
        if self.notes:
            lines += ["", "## Notes", ""] + [f"- {n}" for n in self.notes]
        return "\n".join(lines) + "\n"


    def _proxy_lines(self, s: dict) -> list[str]:
        spread = Counter(self.shared.first_replicas.values())
        lines = ["", "## Through the proxy", "",
                 "Each session first gets its page over HTTP, as a browser does, keeps the "
                 "proxy's stickiness cookie and sends it with its websocket.", "",
                 "| figure | value |", "| --- | --- |",
                 f"| replicas | {self.workers} |",
                 "| sessions per replica when they opened (by cookie) | "
                 + (", ".join(f"{r}: {n}" for r, n in sorted(spread.items())) or "none")
                 + " |",
                 f"| first load p50 / p95 (deep link, HTTP page + websocket run) | "
                 f"{_ms(s['first_load_p50_s'])} / {_ms(s['first_load_only_p95_s'])} |"]
        if self.killed:
            lines += [f"| replica SIGKILLed during the sessions | {', '.join(self.killed)} |",
                      f"| sessions moved to another replica | {s['moved']} |",
                      f"| of those, back on the same view (page, selection) | "
                      f"{s['moved_same_view']} |",
                      f"| interactions lost with the replica (then reopened) | {s['lost']} |"]
        return lines


def _listed(items: list[str]) -> list[str]:
    shown = [f"- {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        shown.append(f"- … and {len(items) - MAX_LISTED} more")
    return shown


def _ms(seconds: float) -> str:
    return "n/a" if seconds is None or math.isnan(seconds) else f"{seconds * 1000:.0f} ms"


def _mib(kb: int | None) -> str:
    return "n/a" if kb is None else f"{kb / 1024:.0f} MiB"


def _load(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values)


def _runs(counter: Counter) -> str:
    return ", ".join(f"{runs}×{n}" for runs, n in sorted(counter.items()))
