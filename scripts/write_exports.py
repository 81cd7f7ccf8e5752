"""Write a page's workbook and slide deck to a folder, to look at them (e.g. in LibreOffice).

    .venv/bin/python scripts/write_exports.py budgetten out/ --lang en

Runs the page once headless (Streamlit's AppTest, the test database built from data/sources)
and builds the files its downloads section offers, as a click would.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--kinds", default="xlsx,pptx", help="comma-separated: xlsx,pptx,png")
    args = parser.parse_args()

    from app_support import download_exports, run_page

    params = {"lang": args.lang} if args.lang != "nl" else {}
    at = run_page(args.page, params, unfolded=True)
    if at.exception:
        raise SystemExit([e.value for e in at.exception])
    args.folder.mkdir(parents=True, exist_ok=True)
    kinds = set(args.kinds.split(","))
    for export in download_exports(at).values():
        if export.kind in kinds:
            path = args.folder / f"{args.lang}_{export.file_name}"
            path.write_bytes(export.build())
            print(path)


if __name__ == "__main__":
    main()
