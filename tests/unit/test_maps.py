"""The pure map builder nplv_app.content.maps: layers, colours, sizes, offline JSON, labels,
legend."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from nplv_app.content import maps, theme

MAX_DECK_BYTES = 250 * 1024


@pytest.fixture(scope="module")
def areas(real_areas) -> pd.DataFrame:
    return real_areas


@pytest.fixture(scope="module")
def deck_json(areas) -> dict:
    return json.loads(maps.area_deck(areas, "nl").to_json())


def _layer(spec: dict, layer_id: str) -> dict:
    return next(layer for layer in spec["layers"] if layer["id"] == layer_id)


def _rgba(colour: str, alpha: int = maps.FILL_ALPHA) -> list[int]:
    colour = colour.lstrip("#")
    return [int(colour[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def test_deck_has_the_context_image_then_pickable_area_layer(deck_json):
    ids = [layer["id"] for layer in deck_json["layers"]]
    assert ids[0] == maps.CONTEXT_LAYER_ID  # drawn first
    context = _layer(deck_json, maps.CONTEXT_LAYER_ID)
    assert context["@@type"] == "BitmapLayer" and context["pickable"] is False
    assert context["image"].startswith("data:image/png;base64,")  # inline: no network
    assert context["bounds"] == maps.context_bounds()
    area = _layer(deck_json, maps.AREA_LAYER_ID)
    assert area["@@type"] == "ScatterplotLayer"
    assert area["pickable"] is True
    assert len(area["data"]) == 20
    # every layer has an id: st.pydeck_chart needs them to keep a selection across reruns
    assert all(layer.get("id") for layer in deck_json["layers"])
    assert [layer["pickable"] for layer in deck_json["layers"]].count(True) == 1


def test_context_image_is_drawn_from_the_geojson_and_up_to_date():
    """The committed PNG equals a fresh drawing (scripts/make_context_image.py)."""
    import io

    from PIL import Image, ImageChops

    fresh = maps.render_context_image(maps.context_collections()).convert("RGB")
    committed = Image.open(io.BytesIO(maps.CONTEXT_IMAGE_PATH.read_bytes())).convert("RGB")
    assert committed.size == fresh.size and committed.width == maps.CONTEXT_IMAGE_WIDTH
    assert ImageChops.difference(committed, fresh).getbbox() is None
    colours = {colour for _n, colour in committed.getcolors()}
    assert tuple(maps.WATER_RGB) in colours and tuple(maps.LAND_RGB) in colours
    assert tuple(maps.NEIGHBOUR_RGB) in colours
    # Amsterdam is on land, the North Sea off Zandvoort is water (mercator placement)
    west, south, east, north = maps.context_bounds()
    x0, y0 = maps.project(west, north, 0)
    x1, _ = maps.project(east, south, 0)
    scale = committed.width / (x1 - x0)

    def pixel(lon, lat):
        x, y = maps.project(lon, lat, 0)
        return committed.getpixel((round((x - x0) * scale), round((y - y0) * scale)))

    assert pixel(4.90, 52.37) == tuple(maps.LAND_RGB)
    assert pixel(4.30, 52.40) == tuple(maps.WATER_RGB)
    assert pixel(7.00, 51.40) == tuple(maps.NEIGHBOUR_RGB)  # Germany


def test_context_geojson_is_loaded_once():
    assert maps.context_collections() is maps.context_collections()


def test_colours_follow_the_cohort(deck_json, areas):
    cohort = dict(zip(areas["area_id"], areas["cohort"]))
    records = _layer(deck_json, maps.AREA_LAYER_ID)["data"]
    for record in records:
        assert record["fill"] == _rgba(theme.COHORT_COLOURS[cohort[record["area_id"]]])
    assert {tuple(r["fill"]) for r in records} == {
        tuple(_rgba(c)) for c in theme.COHORT_COLOURS.values()}
    # a dark outline keeps the light orange visible on the white land
    assert _layer(deck_json, maps.AREA_LAYER_ID)["stroked"] is True
    assert max(_layer(deck_json, maps.AREA_LAYER_ID)["getLineColor"][:3]) < 60


def test_radius_is_monotone_and_area_proportional():
    values = [1_000, 14_000, 29_000, 57_000, 215_000]
    radii = [maps.radius_m(v) for v in values]
    assert radii == sorted(radii) and len(set(radii)) == len(radii)
    for a, b in zip(values, values[1:]):
        assert maps.radius_m(b) / maps.radius_m(a) == pytest.approx(math.sqrt(b / a))
    assert 9_000 <= maps.radius_m(215_000) <= 10_000  # Rotterdam-Zuid: about 9-10 km
    assert maps.radius_m(None) is None and maps.radius_m(float("nan")) is None


def test_larger_circles_are_drawn_first(deck_json):
    radii = [r["radius_m"] for r in _layer(deck_json, maps.AREA_LAYER_ID)["data"]]
    assert radii == sorted(radii, reverse=True)


def test_offline_no_provider_style_or_key(areas):
    text = maps.area_deck(areas, "nl", focus_area_id="rotterdam-zuid").to_json()
    spec = json.loads(text)
    assert "mapProvider" not in spec
    # pydeck's placeholder: Streamlit drops it and adds no basemap. A missing or null
    # mapStyle would make Streamlit load Carto's basemap from the internet.
    assert spec["mapStyle"] == "__MAP_STYLE__"
    for word in ("carto", "mapbox", "google", "apikey", "api_key", "accesstoken", "http"):
        assert word not in text.lower(), word
    assert spec["initialViewState"]["pitch"] == 0
    assert spec["views"][0]["@@type"] == "MapView"


def test_string_props_stay_constants(deck_json):
    """pydeck turns unquoted strings into accessor expressions ('@@=...'); ours are quoted."""
    area = _layer(deck_json, maps.AREA_LAYER_ID)
    labels = _layer(deck_json, maps.LABEL_LAYER_ID)
    assert area["radiusUnits"] == "meters" and area["lineWidthUnits"] == "pixels"
    assert labels["sizeUnits"] == "pixels" and labels["characterSet"] == "auto"
    assert labels["fontFamily"] == theme.FONT


def test_payload_is_small(areas):
    size = len(maps.area_deck(areas, "nl", focus_area_id="rotterdam-zuid").to_json()
               .encode("utf-8"))
    assert size < MAX_DECK_BYTES, size


def test_tooltip_shows_dutch_residents(deck_json):
    template = maps.tooltip("nl")["html"]
    for field in ("{name}", "{municipality}", "{residents_text}", "{cohort_text}", "{vhf_text}"):
        assert field in template
    rotterdam = next(r for r in _layer(deck_json, maps.AREA_LAYER_ID)["data"]
                     if r["area_id"] == "rotterdam-zuid")
    assert rotterdam["residents_text"] == "215.000"
    assert rotterdam["vhf_text"].startswith("€\u00a0") and "mln" in rotterdam["vhf_text"]
    english = maps.area_records(pd.DataFrame([{
        "area_id": "x", "name": "X", "municipality": "Y", "cohort": "added2022",
        "centroid_lat": 52.0, "centroid_lon": 5.0, "residents": 215000,
        "vhf_municipality_eur": None, "areas_in_municipality": 1}]), "en")[0]
    assert english["residents_text"] == "215,000"
    assert english["vhf_text"] == "no grant found in the sources"  # never €\u00a00


def test_shared_municipality_money_is_marked(deck_json):
    records = {r["area_id"]: r for r in _layer(deck_json, maps.AREA_LAYER_ID)["data"]}
    assert "(voor 2 gebieden)" in records["amsterdam-zuidoost"]["vhf_text"]
    assert "gebieden)" not in records["rotterdam-zuid"]["vhf_text"]


def test_missing_residents_draw_a_marker_and_say_not_available():
    record = maps.area_records(pd.DataFrame([{
        "area_id": "x", "name": "X", "municipality": "Y", "cohort": "original16",
        "centroid_lat": 52.0, "centroid_lon": 5.0, "residents": None,
        "vhf_municipality_eur": 1.0, "areas_in_municipality": 1}]), "nl")[0]
    assert record["radius_m"] == 0.0  # drawn at radius_min_pixels, not with a made-up size
    assert record["residents_text"] == "niet beschikbaar"


def _label_boxes(records, labels, zoom):
    by_id = {r["area_id"]: r for r in records}
    boxes = []
    for label in labels:
        rec = by_id[label["area_id"]]
        x, y = maps.project(rec["lon"], rec["lat"], zoom)
        r = max(rec["radius_m"] / maps.metres_per_pixel(rec["lat"], zoom), maps.RADIUS_MIN_PIXELS)
        width = len(rec["name"]) * maps.LABEL_SIZE_PX * maps.LABEL_CHAR_WIDTH
        height = maps.LABEL_SIZE_PX * maps.LABEL_HEIGHT
        boxes.append(next(box for box, (anchor, _, _) in maps._label_candidates(
            x, y, r, width, height) if anchor == label["anchor"]
            and (anchor != "middle" or (label["baseline"] == "bottom") == (box[3] <= y))))
    return boxes


def test_labels_do_not_overlap_and_the_focus_area_is_labelled(areas):
    records = maps.area_records(areas, "nl")
    zoom = maps.INITIAL_VIEW["zoom"]
    for focus in (None, "schiedam-nieuwland-oost", "vlaardingen-westwijk"):
        labels = maps.place_labels(records, zoom, first=focus)
        assert len(labels) >= 12  # most areas named on the map; the rest via tooltip and table
        assert len({label["area_id"] for label in labels}) == len(labels)
        boxes = _label_boxes(records, labels, zoom)
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                assert not maps._boxes_overlap(a, b)
        assert labels[0]["area_id"] == (focus or "rotterdam-zuid")


def test_labels_stay_inside_the_map_at_a_1280_px_window(areas):
    """No name runs past the map's edge ("Groningen-N…" was cut): every label box lies in the
    initial view, and names near the edge move to the inner side of their circle."""
    records = maps.area_records(areas, "nl")
    zoom = maps.INITIAL_VIEW["zoom"]
    bounds = maps.view_bounds(zoom)
    for focus in (None, "groningen-noord", "heerlen-noord"):
        labels = maps.place_labels(records, zoom, first=focus)
        for label, box in zip(labels, _label_boxes(records, labels, zoom), strict=True):
            assert bounds[0] < box[0] and box[2] < bounds[2], label["name"]
            assert bounds[1] < box[1] and box[3] < bounds[3], label["name"]
        if focus:
            assert labels[0]["area_id"] == focus


def test_focus_ring_only_for_the_chosen_area(areas):
    spec = json.loads(maps.area_deck(areas, "nl", focus_area_id="delft-west").to_json())
    ring = _layer(spec, maps.FOCUS_LAYER_ID)
    assert len(ring["data"]) == 1 and ring["pickable"] is False and ring["filled"] is False
    spec = json.loads(maps.area_deck(areas, "nl").to_json())
    assert _layer(spec, maps.FOCUS_LAYER_ID)["data"] == []


def test_picked_area_id_reads_the_selection_state():
    selection = {"indices": {maps.AREA_LAYER_ID: [3]},
                 "objects": {maps.AREA_LAYER_ID: [{"area_id": "delft-west", "name": "Delft-West"}]}}
    assert maps.picked_area_id(selection) == "delft-west"
    assert maps.picked_area_id({"indices": {}, "objects": {}}) is None
    assert maps.picked_area_id(None) is None
    assert maps.picked_area_id({"objects": {"other-layer": [{"area_id": "x"}]}}) is None


def test_alt_text_and_legend(areas):
    alt = maps.alt_text(areas, "nl")
    assert "20 cirkels" in alt and "16" in alt and "Rotterdam-Zuid" in alt and "215.000" in alt
    assert "20 circles" in maps.alt_text(areas, "en")
    svg = maps.legend_svg("nl", focus=True)
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    for colour in theme.COHORT_COLOURS.values():
        assert colour in svg
    assert "gekozen gebied" in svg
