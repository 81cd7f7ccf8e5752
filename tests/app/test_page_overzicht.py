"""The overzicht page: KPI tiles, map and area card (AppTest), its pure builders
(nplv_app.content.overview) and its named query (queries.vhf_rounds_for_areas).

Clicking a circle cannot be simulated in AppTest; the click only sets the list widget
``ov_gebied`` (via maps.picked_area_id, tested in test_maps.py), so the card is tested through
that widget and through the URL. The real click is for the browser tests.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest
from app_support import deck_specs, run_page, visible_text

from nplv_app.content import maps, overview
from nplv_app.content.i18n import t
from nplv_data import queries as q

ROUNDS_COLUMNS = [
    "round_id", "label_nl", "label_en", "round_date", "amount_eur", "n_projects",
    "n_amount_unknown", "n_approximate", "n_unconfirmed", "n_round_inferred", "source_ids"]


def _metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def _area_objects(at) -> int:
    (spec,) = deck_specs(at)
    layer = next(layer for layer in spec["layers"] if layer["id"] == maps.AREA_LAYER_ID)
    return len(layer["data"])


def _plain(text: str) -> str:
    """Markdown text without ui.escape's backslashes."""
    return text.replace("\\", "")


def _no_exception(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


# --- the page (AppTest) -------------------------------------------------------------------------

def test_all20_tiles_and_map():
    at = run_page("overzicht")
    _no_exception(at)
    tiles = _metrics(at)
    assert tiles[t("ov_tile_areas", "nl")] == ("20", "+4")
    assert tiles[t("ov_tile_municipalities", "nl")] == ("19", "+4")
    assert tiles[t("ov_tile_residents", "nl")] == ("1.192.000", "+119.000")
    assert tiles[t("ov_tile_share", "nl")][0] == "6,6%"
    assert tiles[t("ov_tile_vhf", "nl")][0].startswith("€\u00a0")
    text = _plain(visible_text(at))
    assert t("computed_sum", "nl") in text
    assert "CBS-referentie: 1.192.000 (bron S02" in text
    assert "S02" in "\n".join(c.value for c in at.caption if c.value.startswith("Bron"))
    assert _area_objects(at) == 20
    spec = deck_specs(at)[0]
    assert spec["mapStyle"] == "__MAP_STYLE__" and "mapProvider" not in spec
    assert t("ov_card_empty", "nl") in text  # nothing chosen yet: a hint, not an error
    footer = _plain("\n".join(c.value for c in at.caption))  # build time in words, not ISO
    assert re.search(r"opgebouwd \d{1,2} [a-z]+ 20\d\d, \d\d:\d\d UTC", footer), footer


def test_original16_is_compared_with_the_20():
    """Beside the 16 the delta says what it is: 4 areas fewer than the 20 (not '+4')."""
    at = run_page("overzicht", {"set": "original16"})
    _no_exception(at)
    tiles = _metrics(at)
    assert tiles[t("ov_tile_areas", "nl")] == ("16", "−4")
    assert tiles[t("ov_tile_municipalities", "nl")] == ("15", "−4")
    assert tiles[t("ov_tile_residents", "nl")] == ("1.073.000", "−119.000")
    assert all(m.proto.delta_description == t("ov_delta_vs20", "nl") for m in at.metric
               if m.delta)
    assert tiles[t("ov_tile_share", "nl")][0] == "niet beschikbaar"
    text = _plain(visible_text(at))
    assert t("ov_share_unavailable", "nl") in text
    assert "CBS-referentie: 1.073.000" in text
    assert _area_objects(at) == 16


def test_english():
    at = run_page("overzicht", {"lang": "en"})
    _no_exception(at)
    tiles = _metrics(at)
    assert tiles[t("ov_tile_residents", "en")] == ("1,192,000", "+119,000")
    assert tiles[t("ov_tile_share", "en")][0] == "6.6%"
    assert at.title[0].value == t("page_overzicht", "en")
    assert re.search(r"built \d{1,2} [A-Z][a-z]+ 20\d\d, \d\d:\d\d UTC",
                     _plain("\n".join(c.value for c in at.caption)))


def test_empty_selection_is_a_normal_state():
    at = run_page("overzicht", {"set": "custom"})
    _no_exception(at)
    assert t("selection_empty", "nl") in [el.value for el in at.info]
    assert not at.metric
    assert not deck_specs(at)


def test_hostile_url_is_ignored_with_a_notice():
    at = run_page("overzicht", {"gemeente": "<script>alert(1)</script>", "set": "DROP TABLE",
                                "ov_gebied": "<img src=x onerror=alert(1)>"})
    _no_exception(at)
    warnings = " ".join(w.value for w in at.warning)
    assert "Genegeerd" in warnings
    assert "ov_gebied=" in _plain(warnings)
    assert not re.search(r"(?<!\\)[<>]", warnings)  # every < and > escaped in the notice
    assert _area_objects(at) == 20  # the link's junk did not narrow the selection


def test_card_from_the_url_and_from_the_list():
    at = run_page("overzicht", {"ov_gebied": "Amsterdam Zuidoost"})
    _no_exception(at)
    assert _plain(at.subheader[-1].value) == "Amsterdam Zuidoost"
    text = _plain(visible_text(at))
    assert "Amsterdam, die 2 focusgebieden heeft" in text
    assert "VHF 2024 ronde 4 (4 december 2024)**: geen toekenning gevonden" in text
    (spec,) = deck_specs(at)
    ring = next(layer for layer in spec["layers"] if layer["id"] == maps.FOCUS_LAYER_ID)
    assert len(ring["data"]) == 1

    at.selectbox(key="ov_gebied").select("delft-west").run()
    _no_exception(at)
    assert _plain(at.subheader[-1].value) == "Delft-West"
    text = _plain(visible_text(at))
    assert t("ov_card_name_2021_added", "nl") in text
    assert "€\u00a02.235.449,17" in text


# --- pure builders ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def facts(db):
    areas = q.areas(db)
    sets = {name: q.area_ids_for_set(db, name) for name in overview.REFERENCE_SETS}
    share = q.indicators(db, ["ALL20"], "share_of_nl_population").iloc[-1].to_dict()
    return {"areas": areas, "sets": sets, "share": share, "cohorts": q.cohort_summary(db)}


def _tiles(db, facts, ids, lang="nl", areas=None):
    chosen = facts["areas"][facts["areas"]["area_id"].isin(ids)] if areas is None else areas
    totals = q.selection_totals(db, ids).iloc[0].to_dict()
    rounds = q.vhf_rounds_for_areas(db, ids)
    return {tile.key: tile for tile in overview.kpi_tiles(
        totals, facts["cohorts"], overview.reference_set(ids, facts["sets"]), facts["share"],
        chosen, overview.split_ids(rounds["source_ids"]), lang, q.vhf_by_status(db, ids))}


def test_reference_set(facts):
    sets = facts["sets"]
    assert overview.reference_set(reversed(sets["all20"]), sets) == "all20"
    assert overview.reference_set(sets["original16"], sets) == "original16"
    assert overview.reference_set(sets["original16"][:3], sets) is None
    assert overview.reference_set([], sets) is None


def test_other_selection_differs_from_the_16(db, facts):
    tiles = _tiles(db, facts, ["delft-west", "dordrecht-west", "roosendaal-ring"])
    assert tiles["areas"].value == "3"
    assert (tiles["areas"].delta, tiles["areas"].delta_arrow) == ("−13", "down")
    assert tiles["areas"].delta_description == t("ov_delta_vs16", "nl")
    assert tiles["residents"].value == "105.000"
    assert tiles["residents"].delta == "−968.000"
    assert tiles["share"].value == "niet beschikbaar"
    assert tiles["share"].notes == (t("ov_share_unavailable", "nl"),)
    assert tiles["vhf"].delta.startswith("−€\u00a0")
    assert not any("Amsterdam" in note for note in tiles["vhf"].notes)
    assert tiles["vhf"].notes[0].startswith(
        "Som van bekende toekenningen aan de 3 gemeenten, elke gemeente één keer (berekend): "
        "€\u00a0")
    one = _tiles(db, facts, ["heerlen-noord"], lang="en")
    # 2021 (8.2M, verified candidate) + 2023 (27.8M, changed from 'approx 28M') + the rest
    assert one["vhf"].notes[0] == ("Sum of known grants to this one municipality (computed): "
                                   "€64,043,571.37.")
    assert not any("xact" in note or "recies" in note for note in one["vhf"].notes)


def test_the_vhf_sum_says_what_part_is_confirmed_approximate_or_unconfirmed(db, facts):
    """A sum of press-rounded figures is never 'exact': the tile names each status's part, and
    the parts add up to the sum shown."""
    ids = facts["sets"]["all20"]
    parts = q.vhf_by_status(db, ids)
    total = q.selection_totals(db, ids).iloc[0]["vhf_eur"]
    assert abs(parts["amount_eur"].sum() - total) < 0.01
    assert set(parts["status"]) == {"confirmed", "approximate", "unconfirmed"}
    notes = _tiles(db, facts, ids)["vhf"].notes
    (line,) = [n for n in notes if n.startswith("Daarvan ")]
    assert " bevestigd, " in line and " benaderd/afgerond en " in line
    assert line.endswith(" onbevestigd.")


def test_all20_tiles_carry_sources_and_shared_money(db, facts):
    tiles = _tiles(db, facts, facts["sets"]["all20"])
    assert tiles["share"].value == "6,6%" and tiles["share"].source_ids == ("S02",)
    assert "S02" in tiles["residents"].source_ids
    assert {"S18", "S55", "S58"} <= set(tiles["vhf"].source_ids)
    assert any("Amsterdam dient 2 gebieden" in note for note in tiles["vhf"].notes)
    assert tiles["vhf"].delta == "+€\u00a055,7\u00a0mln"  # with Roosendaal's € 14,9 mln of 2023


def test_missing_figures_are_not_available_never_zero(db, facts):
    chosen = facts["areas"][facts["areas"]["area_id"] == "delft-west"].copy()
    chosen["residents"] = pd.NA
    tiles = _tiles(db, facts, ["delft-west"], areas=chosen)
    assert tiles["residents"].value == "niet beschikbaar"
    assert tiles["residents"].delta is None
    assert "1 gebied" in tiles["residents"].notes[0]
    totals = {"n_areas": 1, "n_municipalities": 1, "residents_sum": 1000, "vhf_eur": None}
    (vhf,) = [tile for tile in overview.kpi_tiles(
        totals, facts["cohorts"], None, None, chosen.assign(residents=1000), [], "en")
        if tile.key == "vhf"]
    assert vhf.value == "not available" and vhf.delta is None
    assert vhf.notes == (t("ov_vhf_none_tile", "en"),)


def test_area_card(db):
    area = q.area(db, "amsterdam-zuidoost").iloc[0].to_dict()
    card = overview.area_card(area, q.vhf_rounds_for_areas(db, ["amsterdam-zuidoost"]), "nl")
    facts = dict(card.facts)
    assert card.title == "Amsterdam Zuidoost"
    assert facts["Inwoners"] == "93.000 (1 januari 2025; benaderd/afgerond)"
    assert facts["Cohort"] == t("cohort_original16", "nl")
    assert len(card.rounds) == 4
    assert card.rounds[0] == ("VHF 2021 (15 juli 2021)",
                              "€\u00a041.000.000 · benaderd/afgerond · 1 project · bron S18")
    assert card.rounds[-1][1] == "geen toekenning gevonden in de bronnen"
    assert any("2 focusgebieden" in note for note in card.money_notes)
    assert {"S02", "S18", "S52", "S55"} <= set(card.source_ids)

    delft = overview.area_card(q.area(db, "delft-west").iloc[0].to_dict(),
                               q.vhf_rounds_for_areas(db, ["delft-west"]), "en")
    assert dict(delft.facts)["Name in 2021"] == "not applicable: added in 2022"
    assert not any("focus areas" in note for note in delft.money_notes)


def test_areas_table(facts):
    table = overview.areas_table(facts["areas"], "en")
    assert list(table.columns) == ["Area", "Municipality", "Cohort", "Residents", "Status",
                                   "Source"]
    assert len(table) == 20
    assert table.iloc[0].tolist() == ["Rotterdam-Zuid", "Rotterdam", "Original 16 (2021)",
                                      "215,000", "approximate/rounded", "S02"]


# --- the query ----------------------------------------------------------------------------------

def test_vhf_rounds_for_areas(db):
    amsterdam_one = q.vhf_rounds_for_areas(db, ["amsterdam-zuidoost"])
    amsterdam_two = q.vhf_rounds_for_areas(db, ["amsterdam-zuidoost", "amsterdam-nieuw-west"])
    assert list(amsterdam_one.columns) == ROUNDS_COLUMNS
    assert amsterdam_one["round_id"].tolist() == ["vhf2021", "vhf2023", "vhf2024r3", "vhf2024r4"]
    # money goes to the municipality: two Amsterdam areas count Amsterdam once
    pd.testing.assert_frame_equal(amsterdam_one, amsterdam_two)
    last = amsterdam_one.iloc[-1]
    assert pd.isna(last["amount_eur"]) and last["n_projects"] == 0 and pd.isna(last["source_ids"])

    all20 = q.area_ids_for_set(db, "all20")
    rounds = q.vhf_rounds_for_areas(db, all20)
    totals = q.selection_totals(db, all20).iloc[0]
    assert rounds["amount_eur"].sum() == pytest.approx(totals["vhf_eur"])
    assert rounds["n_projects"].sum() == totals["vhf_projects"]
    assert rounds.loc[0, "source_ids"].split(";") == sorted(rounds.loc[0, "source_ids"]
                                                            .split(";"))

    hostile = q.vhf_rounds_for_areas(db, ["x'); DROP TABLE areas; --"])
    assert len(hostile) == 4 and hostile["n_projects"].sum() == 0
    assert len(q.areas(db)) == 20
