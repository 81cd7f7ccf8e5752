"""Command line: ``python -m nplv_data build [--sources DIR] [--out PATH]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nplv_data.build import DEFAULT_DB, DEFAULT_SOURCES, build_database
from nplv_data.validate import SourceDataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nplv_data")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="validate data/sources and write the database")
    build.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    build.add_argument("--out", type=Path, default=DEFAULT_DB)
    args = parser.parse_args(argv)
    try:
        report = build_database(args.sources, args.out)
    except SourceDataError as exc:
        sys.stderr.write(f"build failed, database left unchanged: {exc}\n")
        return 1
    rows = ", ".join(f"{name} {count}" for name, count in report.row_counts.items())
    sys.stdout.write(f"built {report.path} in {report.seconds:.2f} s ({rows})\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
