#!/usr/bin/env python3
"""Draw ``data/context/nl_context.png`` from ``data/context/nl_context.geojson``.

The map shows the context (land, neighbours, water, province lines) as one pre-drawn image:
see ``nplv_app.content.maps.render_context_image`` for why. Run after changing the GeoJSON or the
context colours; ``tests/test_maps.py`` checks that the committed image is up to date.

    .venv/bin/python scripts/make_context_image.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nplv_app.content import maps  # noqa: E402


def main() -> int:
    image = maps.render_context_image(maps.context_collections())
    # a handful of flat colours (no anti-aliasing): a palette image is lossless and small
    image.quantize(colors=16, dither=0).save(maps.CONTEXT_IMAGE_PATH, optimize=True)
    size = maps.CONTEXT_IMAGE_PATH.stat().st_size
    print(f"wrote {maps.CONTEXT_IMAGE_PATH} ({image.width}x{image.height}, {size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
