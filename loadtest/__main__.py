"""``python -m loadtest [--sessions 25] [--seconds 60] [--out loadtest/RESULTS.md]``.

Exits 0 when there were no errors and no isolation violations, 1 otherwise (the p95 target is
reported, not enforced: it depends on what else the machine is doing).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

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
    args = parser.parse_args(argv)
    if not (1 <= args.sessions <= 200 and 1 <= args.seconds <= 3600):
        parser.error("sessions must be 1..200 and seconds 1..3600")
    if not 0 <= args.baseline <= 20:
        parser.error("baseline must be 0..20")
    if not 0 <= args.think_min <= args.think_max <= 60:
        parser.error("need 0 <= think-min <= think-max <= 60")
    argv_text = " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))
    results = run(args.sessions, args.seconds, (args.think_min, args.think_max),
                  command=f"python -m loadtest {argv_text}".strip(), baseline=args.baseline)
    args.out.parent.mkdir(parents=True, exist_ok=True)
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


if __name__ == "__main__":
    sys.exit(main())
