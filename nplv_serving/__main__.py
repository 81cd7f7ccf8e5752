"""Command line: ``python -m nplv_serving start [--workers N] [--port P] [--address A]`` (in the
foreground until Ctrl-C) and ``python -m nplv_serving stop`` (from another terminal)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nplv_serving.processes import DEFAULT_RUN_DIR, ServingError, serve, stop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nplv_serving")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="replicas behind HAProxy, until Ctrl-C")
    start.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                       help="Streamlit replicas (default: the number of cores)")
    start.add_argument("--port", type=int, default=8501, help="the proxy's port")
    start.add_argument("--address", default="0.0.0.0",
                       help="the proxy's address (default: all interfaces, as `make run`)")
    start.add_argument("--run-dir", type=Path, default=DEFAULT_RUN_DIR)
    halt = commands.add_parser("stop", help="stop a set started with `start`")
    halt.add_argument("--run-dir", type=Path, default=DEFAULT_RUN_DIR)
    args = parser.parse_args(argv)
    if args.command == "stop":
        stopped = stop(args.run_dir)
        sys.stderr.write(f"stopped: {', '.join(stopped) or 'nothing was running'}\n")
        return 0
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    try:
        return serve(args.workers, args.port, args.address, args.run_dir)
    except ServingError as exc:
        sys.stderr.write(f"nplv_serving: {exc}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
