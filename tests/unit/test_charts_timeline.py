"""Pure builders of the Tijdlijn en bronnen page, on the real data: the timeline spec (temporal x,
category lanes, tooltips, language, all events, the funding horizon), the sources helpers, the
methodology facts, file names, and the source_usage query."""

from __future__ import annotations

import pandas as pd
import pytest

from nplv_app.content.charts import timeline as tl
from nplv_app.content.i18n import t
from nplv_data import queries as q


@pytest.fixture(scope="module")
def events(db):
    return q.timeline(db)


@pytest.fixture(scope="module")
def series(db):
    return tl.horizon_series(q.budget_lines(db))


def build(events, series, lang):
    frame = tl.event_frame(events, lang, tl.horizon_source(series))
    return frame, tl.timeline_chart(frame, series, lang).to_dict()


@pytest.fixture(scope="module")
def nl(events, series):
    """(frame, spec) in Dutch, built once for the module."""
    return build(events, series, "nl")


@pytest.fixture(scope="module")
def en(events, series):
    return build(events, series, "en")


def layers(spec):
    """Each layer with its rows (Altair moves inline data into top-level 'datasets')."""
    return [(layer, spec["datasets"][layer.get("data", spec.get("data"))["name"]])
            for layer in spec["layer"]]


def event_layer(spec):
    return next((lay, rows) for lay, rows in layers(spec) if lay["mark"]["type"] == "circle")


# --- timeline spec ----------------------------------------------------------------------------

def test_spec_has_temporal_x_and_category_lanes(nl):
    frame, spec = nl
    layer, _ = event_layer(spec)
    assert layer["encoding"]["x"]["type"] == "temporal"
    assert layer["encoding"]["x"]["field"] == "day"
    y = layer["encoding"]["y"]
    assert y["type"] == "nominal" and y["field"] == "category_label"
    assert y["sort"] == [t(f"tl_cat_{c}", "nl") for c in tl.CATEGORIES]
    assert spec["height"] == tl.LANE_HEIGHT * len(tl.CATEGORIES)


def test_tooltip_fields(nl):
    _, spec = nl
    layer, _ = event_layer(spec)
    fields = [tip["field"] for tip in layer["encoding"]["tooltip"]]
    assert fields == ["date_label", "event", "category_label", "areas", "source_id"]
    titles = [tip["title"] for tip in layer["encoding"]["tooltip"]]
    assert titles[0] == "Datum" and titles[-1] == "Bron"


def test_all_38_events_present_once(events, nl):
    _, spec = nl
    _, rows = event_layer(spec)
    assert len(events) == 38
    assert sorted(r["event_id"] for r in rows) == sorted(events["event_id"])


def test_language_switch_changes_text_and_dates(events, nl, en):
    nl_spec, en_spec = nl[1], en[1]
    nl = {r["event_id"]: r for r in event_layer(nl_spec)[1]}
    en = {r["event_id"]: r for r in event_layer(en_spec)[1]}
    by_id = events.set_index("event_id")
    assert nl["E11"]["event"] == by_id.loc["E11", "event_nl"]
    assert en["E11"]["event"] == by_id.loc["E11", "event_en"]
    assert nl["E11"]["date_label"] == "4 juli 2022" and en["E11"]["date_label"] == "4 July 2022"
    # Month precision shows the month only.
    assert nl["E04"]["date_label"] == "juni 2020" and en["E04"]["date_label"] == "June 2020"
    assert nl["E07"]["category_label"] == "Vraag burgemeesters"
    assert en["E07"]["category_label"] == "Mayors' ask"
    tips = [tip["title"] for tip in event_layer(en_spec)[0]["encoding"]["tooltip"]]
    assert tips[0] == "Date"


def test_horizon_annotation_traceable_to_budget_line(nl):
    _, spec = nl
    rules = [(lay, rows) for lay, rows in layers(spec) if lay["mark"]["type"] == "rule"]
    assert len(rules) == 1
    layer, rows = rules[0]
    assert len(rows) == 1
    assert rows[0]["line_id"] == "vro_owb2026_nplv_2029"
    assert rows[0]["source_id"] == "S45"
    assert str(rows[0]["day"]).startswith("2029-01-01")
    assert rows[0]["amount_full"] == "€\u00a00"
    tips = [tip["field"] for tip in layer["encoding"]["tooltip"]]
    assert "line_label" in tips and "line_id" not in tips  # its name, never the internal id
    assert rows[0]["line_label"] == "VRO-ontwerpbegroting: NPLV-mutatie"
    labels = [rows for lay, rows in layers(spec) if lay["mark"]["type"] == "text"
              and lay["encoding"]["text"]["field"] == "label"]
    assert labels and labels[0][0]["label"] == "Vanaf 2029: €\u00a00 in VRO-begroting"


def test_horizon_series_and_funding_horizon_from_budget_lines(series):
    assert series["line_id"].tolist() == [
        "vro_owb2026_nplv_2026", "vro_owb2026_nplv_2027", "vro_owb2026_nplv_2028",
        "vro_owb2026_nplv_2029"]
    horizon = tl.funding_horizon(series)
    assert horizon["line_id"] == "vro_owb2026_nplv_2029"
    assert horizon["year"] == 2029 and horizon["amount_eur"] == 0
    assert horizon["last_year"] == 2028 and horizon["last_amount_eur"] == 133_344_000
    assert tl.horizon_source(series) == "S45"


def test_no_horizon_without_the_budget_lines(events):
    empty = tl.horizon_series(pd.DataFrame({
        "line_id": ["other"], "period": ["2029"], "amount_eur": [0.0], "status": ["confirmed"],
        "source_id": ["S01"], "note": [None]}))
    assert empty.empty and tl.funding_horizon(empty) is None
    frame, spec = build(events, empty, "nl")
    assert not any(lay["mark"]["type"] == "rule" for lay, _ in layers(spec))
    assert len(tl.chart_table(frame, empty, "nl")) == 38
    # A series that never reaches zero has no horizon either.
    still_funded = pd.DataFrame({"line_id": ["a", "b"], "year": [2027, 2028],
                                 "amount_eur": [5.0, 5.0], "status": ["confirmed"] * 2,
                                 "source_id": ["S45"] * 2})
    assert tl.funding_horizon(still_funded) is None


def test_key_event_labels(nl):
    frame, spec = nl
    keyed = frame.dropna(subset=["key_label"]).set_index("event_id")["key_label"].to_dict()
    assert keyed == {"E07": "Manifest 'Dicht de kloof'", "E11": "Start NPLV",
                     "E37": "CBS-onderzoek", "E01": "Regio Deal Den Haag", "E09": "VHF 2021",
                     "E22": "VHF 2023", "E10": "Preventie met gezag", "E31": "Woontop",
                     "E17": "Voortgangsbrief 2023"}
    text_layers = [lay for lay, _ in layers(spec) if lay["mark"]["type"] == "text"
                   and lay["encoding"]["text"]["field"] == "key_label"]
    # one layer per place in use: above or below its dot, centred or from it (``key_places``)
    assert len(text_layers) == len(set(frame["key_place"].dropna()))
    assert set(frame.dropna(subset=["key_label"])["key_place"]) <= set(tl.KEY_PLACES)


def test_every_real_event_gets_a_lane(events, series):
    frame = tl.event_frame(events, "nl", tl.horizon_source(series))
    assert tl.OTHER not in set(frame["category"])
    cat = frame.set_index("event_id")["category"]
    assert cat["E04"] == cat["E07"] == "ask"
    assert cat["E11"] == cat["E12"] == "launch"
    assert cat["E09"] == cat["E22"] == "vhf"
    assert cat["E03"] == cat["E35"] == "letter"
    assert cat["E10"] == cat["E31"] == "budget"
    assert cat["E01"] == cat["E16"] == "area"
    assert cat["E37"] == "cbs"
    assert cat["E33"] == "horizon"  # the draft budget with the NPLV line (S45)
    assert set(frame["category"]) == set(tl.CATEGORIES)


def test_close_events_in_a_lane_are_stacked(events, series):
    frame = tl.event_frame(events, "nl", tl.horizon_source(series))
    for _, lane in frame.groupby("category"):
        for _slot, rows in lane.groupby("slot"):
            gaps = rows["day"].sort_values().diff().dropna().dt.days
            assert (gaps >= tl.STACK_GAP_DAYS).all()
    slots = frame.set_index("event_id")["slot"]
    assert slots["E11"] != slots["E12"]  # same day, same lane
    days = pd.Series(pd.to_datetime(["2020-01-01", "2020-01-10", "2020-01-20", "2020-01-30"]))
    assert tl.stack_slots(days) == [0, 1, -1, 0]


def test_only_area_ids_filters_area_lane_only(events, series):
    full = tl.event_frame(events, "nl", tl.horizon_source(series))
    kept = tl.event_frame(events, "nl", tl.horizon_source(series), only_area_ids=["lelystad-oost"])
    area_events = set(full.loc[full["category"] == "area", "event_id"])
    assert set(kept.loc[kept["category"] == "area", "event_id"]) == {"E20"}
    assert set(kept["event_id"]) == set(full["event_id"]) - (area_events - {"E20"})
    # The launch names Schiedam but is no area event: it stays for any selection.
    assert "E11" in set(tl.event_frame(events, "nl", None, only_area_ids=[])["event_id"])


def test_area_names_and_programme_wide(events, series):
    frame = tl.event_frame(events, "en", None, {"delft-west": "Delft-West"}).set_index("event_id")
    assert "Delft-West" in frame.loc["E12", "areas"]
    assert frame.loc["E02", "areas"] == "whole programme"
    # the page passes the areas frame itself (keyed once, not entry by entry): same names
    areas = pd.DataFrame({"area_id": ["delft-west"], "name": ["Delft-West"]})
    by_frame = tl.event_frame(events, "en", None, areas).set_index("event_id")
    assert by_frame["areas"].equals(frame["areas"])


def test_chart_table_lists_events_and_horizon_years(events, series):
    frame = tl.event_frame(events, "nl", tl.horizon_source(series))
    table = tl.chart_table(frame, series, "nl")
    assert len(table) == 38 + 4
    assert list(table.columns) == ["Datum", "Soort", "Gebeurtenis", "Gebieden", "Status", "Bron"]
    last = table.iloc[-1]
    assert "(VRO-ontwerpbegroting: NPLV-mutatie)" in last["Gebeurtenis"] and last["Bron"] == "S45"
    assert not table["Gebeurtenis"].str.contains("vro_owb2026").any()  # no internal id in text
    assert "€\u00a00" in last["Gebeurtenis"]
    alt_text = tl.chart_alt_text(frame, series, "nl")
    assert "38 gebeurtenissen" in alt_text and "2029" in alt_text


# --- sources ----------------------------------------------------------------------------------

def test_source_usage_query_on_real_data(db):
    usage = q.source_usage(db)
    assert list(usage.columns) == ["source_id", "n_figures", "n_confirmed", "n_approximate",
                                   "n_unconfirmed", "n_events", "tables", "section_code"]
    assert len(usage) == 137 and usage["source_id"].is_unique
    assert (usage["n_confirmed"] + usage["n_approximate"] + usage["n_unconfirmed"]).equals(
        usage["n_figures"])
    counts = q.source_status_counts(db)
    assert usage["n_figures"].sum() == counts["n"].sum()
    for status in ("confirmed", "approximate", "unconfirmed"):
        assert usage[f"n_{status}"].sum() == counts.loc[counts["status"] == status, "n"].sum()
    assert usage["n_events"].sum() == 38
    s45 = usage.set_index("source_id").loc["S45"]
    assert (s45["n_figures"], s45["n_confirmed"], s45["n_unconfirmed"]) == (4, 3, 1)
    assert s45["tables"] == "budget_lines, timeline"


def test_sources_table_and_filters(db):
    table = tl.sources_table(q.sources(db), q.source_usage(db), "nl")
    assert len(table) == 137
    assert len(tl.filter_sources(table)) == 137
    unconfirmed = tl.filter_sources(table, "has_unconfirmed")
    assert (unconfirmed["n_unconfirmed"] > 0).all() and "S45" in set(unconfirmed["source_id"])
    none = tl.filter_sources(table, "none")
    assert (none["n_figures"] == 0).all() and "S09" in set(none["source_id"])
    section = tl.sections(table)[0]
    both = tl.filter_sources(table, "has_confirmed", section)
    assert (both["section"] == section).all() and (both["n_confirmed"] > 0).all()
    assert len(tl.filter_sources(table, "nonsense", None)) == 137
    assert len(tl.filter_sources(table, "all", "no such section")) == 0
    s45 = table.set_index("source_id").loc["S45"]
    assert s45["tables"] == "Begrotingsregels, Tijdlijn"  # words, never table codes
    assert not set(table["used_for"]) & tl.TABLE_CODES
    s94 = table.set_index("source_id").loc["S94", "used_for"]
    assert "candidate_facts" not in s94 and "Toekenningen" in s94


def test_status_table_and_chart(db):
    counts = q.source_status_counts(db)
    table = tl.status_table(counts, "nl").set_index("Tabel")
    assert list(table.columns) == ["bevestigd", "benaderd/afgerond", "onbevestigd",
                                   "Totaal (berekend)"]
    assert table["Totaal (berekend)"].sum() == counts["n"].sum()
    assert table.loc["Bevolking", "bevestigd"] == 0  # no confirmed population row: a count
    spec = tl.status_chart(counts, "en").to_dict()
    assert spec["encoding"]["color"]["scale"]["domain"] == [
        "confirmed", "approximate/rounded", "unconfirmed"]
    assert spec["encoding"]["color"]["scale"]["range"] == ["#009E73", "#2A8FC7", "#D55E00"]


# --- methodology facts, URL notice, file names ------------------------------------------------

def test_method_facts_come_from_the_data(db):
    facts = tl.method_facts(
        q.table(db, "areas"), q.allocations(db), q.budget_lines(db),
        q.indicators(db, None, "low_financial_welfare_share_12plus"), "nl")
    assert facts["n_areas"] == 20
    assert facts["n_welfare_missing"] == 15
    assert facts["n_codes"] == 11
    assert facts["n_inferred"] == 2
    assert facts["n_names_2021"] == 5
    assert facts["initial"] == "€\u00a0140.000.000" and facts["initial_source"].startswith("S50")
    assert facts["final"] == "€\u00a0280.000.000" and facts["final_source"].startswith("S51")
    assert "2028" in facts["funding"] and "2029" in facts["funding"]
    for part in ("unconfirmed", "vhf2023", "missing"):
        for lang in ("nl", "en"):
            assert "{" not in t(f"tl_method_{part}", lang, **facts)


def test_url_ignored_compares_whole_values():
    raw = {"tl_section": ["CBS study, February 2026 (core statistics)", "<b>x</b>"]}
    accepted = {"tl_section": ["CBS study, February 2026 (core statistics)"]}
    assert tl.url_ignored(raw, accepted) == ["tl_section=<b>x</b>"]
    assert tl.url_ignored({"k": ["y" * 200]}, {})[0].endswith("…")


def test_csv_file_name():
    assert tl.csv_file_name("areas", "00d38ee0dc827668") == "nplv_areas_00d38ee0dc827668.csv"
    assert tl.csv_file_name("areas", "../x y") == "nplv_areas_..xy.csv"
    assert tl.csv_file_name("areas", "") == "nplv_areas_unknown.csv"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_labels_never_meet_at_a_1280_px_window(events, series, lang):
    """Key events labelled in every lane but one, and no two labels of one row touching
    (the funding-horizon amounts alternate below and above their squares)."""
    frame = tl.event_frame(events, lang, tl.horizon_source(series))
    assert frame["key_label"].notna().sum() == len(tl.KEY_EVENTS) >= 9
    assert tl.label_overlaps(frame, series, lang) == []  # dots, labels and amounts
    hz = tl.horizon_frame(series, lang)
    assert list(hz["above"][:2]) == [False, True]
    # the check does find labels that meet: at a quarter of the width they do
    assert tl.label_overlaps(frame, series, lang, plot_width=150)
