"""``python -m loadtest [--sessions 25] [--seconds 60] [--out loadtest/RESULTS.md]``.

Through the proxy: ``--via-proxy --workers N`` (``make serve``'s set on loopback ports);
``--search MAX`` then raises the sessions from ``--sessions`` in steps of 10 up to MAX while the
rerun p95 stays within the target; ``--burst N`` opens N sessions' deep links within
``--spread`` seconds on a fresh set and measures their first loads; ``--kill-replica-after S``
SIGKILLs a replica S seconds in and reports the sessions moved.

Exits 0 when there were no errors and no isolation violations, 1 otherwise (the p95 target is
reported, not enforced: it depends on what else the machine is doing).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from loadtest.report import TARGET_P95_S, Results
from loadtest.runner import run

DEFAULT_OUT = Path(__file__).resolve().parent / "RESULTS.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtest", description=__doc__)
    parser.add_argument("--sessions", type=int, default=25, help="concurrent sessions")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long they interact")
    parser.add_argument("--think-min", type=float, default=1.0,
                        help="shortest pause between a session's interactions (s)")
    parser.add_argument("--think-max", type=float, default=3.0,
                        help="longest pause between a session's interactions (s)")
    parser.add_argument("--baseline", type=int, default=3,
                        help="afterwards, open each page this often in one session alone "
                             "(0: skip)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="markdown report")
    parser.add_argument("--via-proxy", action="store_true",
                        help="serve through HAProxy with --workers replicas")
    parser.add_argument("--workers", type=int, default=2, help="replicas behind the proxy")
    parser.add_argument("--search", type=int, default=0, metavar="MAX",
                        help="sessions from --sessions up to MAX in steps of 10 while p95 "
                             "holds")
    parser.add_argument("--burst", type=int, default=0, metavar="N",
                        help="N sessions open their deep links within --spread seconds")
    parser.add_argument("--spread", type=float, default=2.0,
                        help="seconds over which sessions open their links")
    parser.add_argument("--kill-replica-after", type=float, default=None, metavar="S",
                        help="SIGKILL one replica S seconds into the sessions (--via-proxy)")
    args = parser.parse_args(argv)
    if args.search and args.burst:
        parser.error("--search and --burst are separate runs")
    if args.kill_replica_after is not None and not (args.via_proxy and args.workers >= 2):
        parser.error("--kill-replica-after needs --via-proxy and --workers >= 2")
    if not 1 <= args.workers <= 16:
        parser.error("workers must be 1..16")
    if args.search and not args.sessions <= args.search <= 200:
        parser.error("--search MAX must be between --sessions and 200")
    if not (1 <= args.sessions <= 200 and 1 <= args.seconds <= 3600):
        parser.error("sessions must be 1..200 and seconds 1..3600")
    if not 0 <= args.baseline <= 20:
        parser.error("baseline must be 0..20")
    if not 0 <= args.think_min <= args.think_max <= 60:
        parser.error("need 0 <= think-min <= think-max <= 60")
    argv_text = " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    command = f"python -m loadtest {argv_text}".strip()
    workers = args.workers if args.via_proxy else 0
    think = (args.think_min, args.think_max)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.burst:
        results = run(args.burst, args.spread + 1, think, command=command, baseline=0,
                      workers=workers, start_spread=args.spread, first_load_only=True)
        args.out.write_text(results.markdown())
    elif args.search:
        steps = search(args, think, command, workers)
        results = steps[-1][1] if len(steps) == 1 else _largest_passing(steps)
        args.out.write_text(search_markdown(steps, command) + "\n" + results.markdown())
    else:
        results = run(args.sessions, args.seconds, think, command=command,
                      baseline=args.baseline, workers=workers,
                      kill_after=args.kill_replica_after)
        args.out.write_text(results.markdown())
    s = results.summary()
    sys.stdout.write(
        f"{s['sessions']} sessions, {s['interactions']} interactions, {s['errors']} errors, "
        f"{s['isolation_violations']} isolation violations; rerun p50 {s['p50_s'] * 1000:.0f} "
        f"ms, p95 {s['p95_s'] * 1000:.0f} ms, max {s['max_s'] * 1000:.0f} ms; "
        f"{s['downloads']} downloads; RSS {s['rss_start_kb']} -> {s['rss_end_kb']} KiB "
        f"(peak {s['rss_peak_kb']}); report: {args.out}\n")
    for line in results.errors[:10] + results.shared.isolation_violations[:10]:
        sys.stdout.write(f"  {line}\n")
    return 0 if not results.errors and not results.shared.isolation_violations else 1


def _passes(results: Results) -> bool:
    s = results.summary()
    return s["p95_s"] <= TARGET_P95_S and not s["errors"] and not s["isolation_violations"]


def search(args, think, command: str, workers: int) -> list[tuple[int, Results]]:
    """Fresh runs at --sessions, +10, ... up to --search, stopping after the first that
    misses the p95 target or has errors."""
    steps = []
    for sessions in range(args.sessions, args.search + 1, 10):
        results = run(sessions, args.seconds, think, command=command, baseline=0,
                      workers=workers)
        steps.append((sessions, results))
        s = results.summary()
        sys.stdout.write(f"{sessions} sessions: p95 {s['p95_s'] * 1000:.0f} ms, "
                         f"{s['errors']} errors\n")
        sys.stdout.flush()
        if not _passes(results):
            break
    return steps


def _largest_passing(steps: list[tuple[int, Results]]) -> Results:
    passing = [r for _, r in steps if _passes(r)]
    return passing[-1] if passing else steps[0][1]


def search_markdown(steps: list[tuple[int, Results]], command: str) -> str:
    passing = [n for n, r in steps if _passes(r)]
    lines = ["# Sessions search", "", f"Command: `{command}`", "",
             "Each step is a fresh run (new database copy, new server set).", "",
             "| sessions | rerun p50 | p95 | max | errors | isolation violations | "
             "p95 <= 500 ms |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for sessions, results in steps:
        s = results.summary()
        lines.append(f"| {sessions} | {s['p50_s'] * 1000:.0f} ms | {s['p95_s'] * 1000:.0f} ms"
                     f" | {s['max_s'] * 1000:.0f} ms | {s['errors']} | "
                     f"{s['isolation_violations']} | {'yes' if _passes(results) else 'no'} |")
    lines += ["", f"Largest number of sessions within the target: "
              f"{passing[-1] if passing else 'none of the steps'}"
              + (" (the search stopped at its upper bound)" if passing and
                 passing[-1] == steps[-1][0] else "") + ".", "",
              "The report of that run follows.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
