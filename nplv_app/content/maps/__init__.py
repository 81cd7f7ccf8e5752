"""Pure pydeck builder for the national map: areas as circles over an offline context layer.

No Streamlit here: ``area_deck`` takes ``queries.areas`` rows and returns a ``pydeck.Deck``;
tests read it through ``deck.to_json()``.

Offline by design. The land, water and province lines come from the bundled Natural Earth
GeoJSON (``data/context/nl_context.geojson``), drawn once into ``nl_context.png`` and shown as
one image layer (see ``render_context_image``); the deck has no map provider and keeps pydeck's
``"__MAP_STYLE__"`` placeholder, which Streamlit removes *without* adding its default Carto
basemap (an explicit ``map_style=None`` would make Streamlit fetch Carto tiles). The map
background (the view's clear colour) is the water colour, so the edge of the context box does
not show on the sea side.

Circle *area* is proportional to residents: radius = ``RADIUS_M_PER_SQRT_RESIDENT`` ×
√residents metres (Rotterdam-Zuid, 215.000 residents, gets about 9,3 km). Larger circles are
drawn first so smaller neighbours stay on top. Labels: a static deck cannot show labels by zoom
level, so names are placed greedily at the initial view, largest area first (the area shown in
the card always first), and a name is left out when its box would overlap another label or
circle; the tooltip and the table below the map name every area. Above ``MAP_MAX_AREAS`` areas
(national scale) the circles are municipalities, so the map stays small and quick.

Modules: ``common`` (layer ids, sizes, colours, projection); ``context`` (the offline land and water
image); ``placement`` (label placement); ``deck`` (records, layers, the deck and its stand-in);
``legend`` (alt text and legend).
"""

from __future__ import annotations

from nplv_app.content.maps.common import (  # noqa: F401
    _EARTH_CIRCUMFERENCE_M,
    _METRES_PER_DEGREE_LAT,
    _TILE_PX,
    AREA_LAYER_ID,
    COASTLINE_RGBA,
    COHORT_MARK_LAYER_ID,
    COHORT_MARK_RADIUS_PX,
    CONTEXT_KINDS,
    CONTEXT_PATH,
    FILL_ALPHA,
    FOCUS_LAYER_ID,
    FOCUS_RGBA,
    HALO_RGBA,
    INITIAL_VIEW,
    LABEL_CHAR_WIDTH,
    LABEL_GAP_PX,
    LABEL_HEIGHT,
    LABEL_LAYER_ID,
    LABEL_RGBA,
    LABEL_SIZE_PX,
    LAND_RGB,
    MAX_ZOOM,
    MIN_ZOOM,
    NEIGHBOUR_RGB,
    OUTLINE_RGBA,
    PROVINCE_RGBA,
    RADIUS_M_PER_SQRT_RESIDENT,
    RADIUS_MIN_PIXELS,
    WATER_RGB,
    _literal,
    cohort_rgba,
    hex_to_rgb,
    metres_per_pixel,
    project,
    radius_m,
)
from nplv_app.content.maps.context import (  # noqa: F401
    _CONTEXT_MARGIN_DEG,
    CONTEXT_IMAGE_PATH,
    CONTEXT_IMAGE_WIDTH,
    CONTEXT_LAYER_ID,
    _context_collections,
    _context_image_url,
    context_bounds,
    context_collections,
    context_layers,
    render_context_image,
)
from nplv_app.content.maps.deck import (  # noqa: F401
    MAP_MAX_AREAS,
    CompactDeck,
    PrebuiltDeck,
    _vhf_text,
    area_deck,
    area_layer,
    area_records,
    focus_layer,
    is_aggregated,
    label_layer,
    municipality_records,
    picked_area_id,
    tooltip,
)
from nplv_app.content.maps.legend import (  # noqa: F401
    ALT_LIST_MAX,
    alt_text,
    legend_svg,
)
from nplv_app.content.maps.placement import (  # noqa: F401
    LABEL_MAX,
    _boxes_overlap,
    _label_candidates,
    place_labels,
    view_bounds,
)
