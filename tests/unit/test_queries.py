"""Every named query: documented columns, values on the tiny fixture, bound parameters,
read-only connection and use from many threads."""

from __future__ import annotations

import inspect
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from nplv_data import queries as q
from nplv_data.build import data_version
from nplv_data.schema import TABLES_BY_NAME

TESTS_DIR = Path(__file__).resolve().parents[1]
TINY_SOURCES = TESTS_DIR / "fixtures" / "tiny_sources"

ALL_TINY = ["fixture-noord", "fixture-zuid", "fixture-testdam", "fixture-mockstad",
            "fixture-proefwijk"]
ALLOCATION_COLUMNS = [
    "allocation_id", "round_id", "label_nl", "label_en", "fund", "is_round_inferred", "date",
    "municipality", "gemeente_code", "project", "amount_eur", "homes", "is_focus_municipality",
    "status", "source_id"]
AREA_SUMMARY_COLUMNS = [
    "area_id", "name", "municipality", "gemeente_code", "province", "cohort", "centroid_lat",
    "centroid_lon", "status", "source_id", "residents", "residents_ref_date", "residents_status",
    "residents_source_id", "areas_in_municipality", "focus_residents_in_municipality",
    "vhf_municipality_eur", "vhf_projects", "vhf_amount_unknown", "vhf_uncertain",
    "vhf_eur_per_focus_resident"]


def _columns(table: str) -> list[str]:
    return TABLES_BY_NAME[table].columns


@pytest.fixture(scope="module")
def tiny(tiny_db):
    db = q.Database(tiny_db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def real(real_db):
    db = q.Database(real_db)
    yield db
    db.close()


# --- areas and selections -----------------------------------------------------------------------

def test_areas(tiny):
    frame = q.areas(tiny)
    assert list(frame.columns) == AREA_SUMMARY_COLUMNS
    assert frame["area_id"].tolist() == [
        "fixture-noord", "fixture-testdam", "fixture-zuid", "fixture-mockstad",
        "fixture-proefwijk"]  # largest first
    rows = frame.set_index("area_id")
    assert rows.loc["fixture-noord", "residents"] == 10_000  # latest date, not the 2020 row
    assert str(rows.loc["fixture-noord", "residents_ref_date"])[:10] == "2025-01-01"
    # Two areas share Fixtureburg: its money is counted per municipality, not per area.
    for area_id in ("fixture-noord", "fixture-zuid"):
        assert rows.loc[area_id, "areas_in_municipality"] == 2
        assert rows.loc[area_id, "focus_residents_in_municipality"] == 15_000
        assert rows.loc[area_id, "vhf_municipality_eur"] == 1_000_000
        assert rows.loc[area_id, "vhf_projects"] == 2
        assert rows.loc[area_id, "vhf_amount_unknown"] == 1
        assert bool(rows.loc[area_id, "vhf_uncertain"])
        assert rows.loc[area_id, "vhf_eur_per_focus_resident"] == pytest.approx(1e6 / 15_000)
    assert pd.isna(rows.loc["fixture-proefwijk", "vhf_municipality_eur"])
    assert rows.loc["fixture-proefwijk", "vhf_projects"] == 0
    assert not bool(rows.loc["fixture-proefwijk", "vhf_uncertain"])
    assert rows.loc["fixture-mockstad", "vhf_municipality_eur"] == pytest.approx(750_000.5)


def test_area_ids_for_set(tiny):
    assert q.area_ids_for_set(tiny, "original16") == [
        "fixture-noord", "fixture-testdam", "fixture-zuid"]
    assert q.area_ids_for_set(tiny, "added2022") == ["fixture-mockstad", "fixture-proefwijk"]
    assert q.area_ids_for_set(tiny, "all20") == sorted(ALL_TINY)
    for bad in ("custom", "ALL20", "x'; DROP TABLE areas; --"):
        with pytest.raises(ValueError):
            q.area_ids_for_set(tiny, bad)


def test_selection_totals(tiny):
    frame = q.selection_totals(tiny, ["fixture-noord", "fixture-zuid"])
    assert list(frame.columns) == [
        "n_areas", "n_municipalities", "residents_sum", "vhf_eur", "vhf_projects",
        "vhf_amount_unknown"]
    row = frame.iloc[0]
    assert (row["n_areas"], row["n_municipalities"], row["residents_sum"]) == (2, 1, 15_000)
    assert row["vhf_eur"] == 1_000_000  # the shared municipality counted once
    assert (row["vhf_projects"], row["vhf_amount_unknown"]) == (2, 1)
    everything = q.selection_totals(tiny, ALL_TINY).iloc[0]
    assert (everything["n_areas"], everything["n_municipalities"]) == (5, 4)
    assert everything["residents_sum"] == 30_000
    assert everything["vhf_eur"] == pytest.approx(2_250_000.5)
    nothing = q.selection_totals(tiny, []).iloc[0]
    assert nothing["n_areas"] == 0 and pd.isna(nothing["residents_sum"])


def test_cohort_summary(tiny):
    frame = q.cohort_summary(tiny)
    assert list(frame.columns) == [
        "area_set", "n_areas", "n_municipalities", "residents_sum", "vhf_eur",
        "residents_reference", "residents_reference_source_id", "residents_reference_status"]
    rows = frame.set_index("area_set")
    assert list(rows.index) == ["original16", "added2022", "all20"]
    assert rows["n_areas"].tolist() == [3, 2, 5]
    assert rows["n_municipalities"].tolist() == [2, 2, 4]
    assert rows["residents_sum"].tolist() == [23_000, 7_000, 30_000]
    assert rows["vhf_eur"].tolist() == pytest.approx([1_500_000, 750_000.5, 2_250_000.5])
    assert rows.loc["all20", "residents_reference"] == 30_000
    assert rows.loc["original16", "residents_reference"] == 23_000
    assert pd.isna(rows.loc["added2022", "residents_reference"])
    assert rows.loc["all20", "residents_reference_source_id"] == "F01"


# --- population and indicators ------------------------------------------------------------------

def test_population(tiny):
    frame = q.population(tiny)
    assert list(frame.columns) == _columns("population")
    assert len(frame) == 11
    aggregates = q.population(tiny, ["ALL20", "ALL16"])
    assert sorted(aggregates["scope_id"]) == ["ALL16", "ALL20", "ALL20"]
    noord = q.population(tiny, ["fixture-noord"])
    assert noord["measure"].tolist() == ["inhabitants", "inhabitants", "inhabitants_12plus"]
    assert noord["value"].tolist() == [9_000, 10_000, 8_500]  # ref_date order
    undated = q.population(tiny, ["fixture-proefwijk"])
    assert undated["ref_date"].isna().sum() == 1


def test_indicators(tiny):
    frame = q.indicators(tiny)
    assert list(frame.columns) == _columns("indicators")
    assert len(frame) == 10
    share = q.indicators(tiny, indicator="fixture_low_income_share")
    assert len(share) == 8
    noord = q.indicators(tiny, ["fixture-noord"], "fixture_low_income_share")
    assert noord["subarea"].tolist()[0] is None or pd.isna(noord["subarea"].tolist()[0])
    assert noord["value"].tolist() == [20.5, 25]
    assert q.indicators(tiny, ["fixture-noord"], "no_such_indicator").empty


def test_indicator_by_area(tiny):
    frame = q.indicator_by_area(tiny, "fixture_low_income_share", "2024", ALL_TINY)
    assert list(frame.columns) == [
        "area_id", "name", "cohort", "residents", "value", "unit", "unit_label", "status",
        "source_id", "note"]
    assert frame["area_id"].tolist() == [
        "fixture-noord", "fixture-testdam", "fixture-zuid", "fixture-mockstad",
        "fixture-proefwijk"]
    assert frame["value"].tolist()[:3] == [20.5, 15.25, 12]  # area level, not the wijk row
    assert frame["value"].iloc[3:].isna().all()  # mockstad has 2023 only; proefwijk nothing
    only = q.indicator_by_area(tiny, "fixture_low_income_share", "2023", ["fixture-mockstad"])
    assert only["value"].tolist() == [9.5]


def test_indicator_references(tiny):
    frame = q.indicator_references(tiny, "fixture_low_income_share", "2024")
    assert list(frame.columns) == [
        "scope_id", "value", "unit", "unit_label", "status", "source_id", "note"]
    assert dict(zip(frame["scope_id"], frame["value"])) == {
        "ALL20": 14, "NL": 5, "rest:Fixtureburg": 8}


def test_indicator_catalog(tiny):
    frame = q.indicator_catalog(tiny)
    assert list(frame.columns) == ["indicator", "period", "unit", "n_areas", "n_rows"]
    rows = {(r.indicator, r.period): (r.unit, r.n_areas, r.n_rows)
            for r in frame.itertuples(index=False)}
    assert rows == {
        ("fixture_households", "2024"): ("households", 0, 1),
        ("fixture_low_income_share", "2023"): ("percent", 1, 1),
        ("fixture_low_income_share", "2024"): ("percent", 3, 7),
        ("fixture_rank", "2024"): ("rank", 1, 1),
    }


# --- money --------------------------------------------------------------------------------------

def test_budget_lines(tiny):
    frame = q.budget_lines(tiny)
    assert list(frame.columns) == _columns("budget_lines")
    assert frame["line_id"].tolist() == [
        "fix_ask", "fix_context", "fix_structural", "fix_vhf_r1", "fix_vhf_r2"]
    vhf = q.budget_lines(tiny, ["vhf"])
    assert vhf["amount_eur"].tolist() == [2_000_000, 1_500_000]
    assert q.budget_lines(tiny, ["nplv", "context"])["line_id"].tolist() == [
        "fix_context", "fix_structural"]


def test_rounds(tiny):
    frame = q.rounds(tiny)
    assert list(frame.columns) == _columns("rounds")
    assert frame["round_id"].tolist() == ["fixr1", "fixr2"]


def test_allocations(tiny):
    frame = q.allocations(tiny)
    assert list(frame.columns) == ALLOCATION_COLUMNS
    assert frame["allocation_id"].tolist() == ["X01", "X02", "X03", "X05", "X06", "X04"]
    assert pd.isna(frame.set_index("allocation_id").loc["X04", "amount_eur"])
    assert q.allocations(tiny, round_id="fixr1")["allocation_id"].tolist() == [
        "X01", "X02", "X03"]
    assert q.allocations(tiny, municipality="Fixtureburg")["allocation_id"].tolist() == [
        "X01", "X04"]
    assert len(q.allocations(tiny, fund="vhf")) == 6
    assert q.allocations(tiny, fund="woontop").empty
    assert q.allocations(tiny, round_id="fixr2", municipality="Fixture-Mockstad",
                         fund="vhf")["homes"].tolist() == [120]


def test_money_by_round_municipality(tiny):
    frame = q.money_by_round_municipality(tiny)
    assert list(frame.columns) == [
        "round_id", "label_nl", "label_en", "round_date", "municipality",
        "is_focus_municipality", "amount_eur", "n_projects", "n_amount_unknown", "has_uncertain"]
    rows = frame.set_index(["round_id", "municipality"])
    assert rows.loc[("fixr1", "Fixtureburg"), "amount_eur"] == 1_000_000
    assert rows.loc[("fixr2", "Fixture-Mockstad"), "amount_eur"] == pytest.approx(750_000.5)
    unknown = rows.loc[("fixr2", "Fixtureburg")]
    assert pd.isna(unknown["amount_eur"]) and unknown["n_amount_unknown"] == 1
    assert bool(unknown["has_uncertain"])
    assert not bool(rows.loc[("fixr1", "Fixture-Elders"), "is_focus_municipality"])
    assert len(frame) == 6
    assert q.money_by_round_municipality(tiny, "woontop").empty


def test_focus_share_by_round(tiny):
    frame = q.focus_share_by_round(tiny)
    assert list(frame.columns) == [
        "round_id", "label_nl", "label_en", "round_date", "known_eur", "focus_eur",
        "focus_share_pct", "n_projects", "n_amount_unknown", "budget_eur", "budget_line_id",
        "budget_source_id"]
    rows = frame.set_index("round_id")
    assert rows.loc["fixr1", "known_eur"] == 1_750_000
    assert rows.loc["fixr1", "focus_eur"] == 1_500_000
    assert rows.loc["fixr1", "focus_share_pct"] == pytest.approx(100 * 1.5 / 1.75)
    assert rows.loc["fixr2", "n_amount_unknown"] == 1
    assert rows.loc["fixr2", "budget_eur"] == 1_500_000
    assert rows.loc["fixr2", "budget_source_id"] == "F03"
    assert q.focus_share_by_round(tiny, "woontop").empty


def test_money_by_round_municipality_detail(tiny):
    frame = q.money_by_round_municipality_detail(tiny)
    assert list(frame.columns) == [
        "round_id", "label_nl", "label_en", "round_date", "municipality", "gemeente_code",
        "is_focus_municipality", "amount_eur", "n_projects", "n_amount_unknown", "n_approximate",
        "n_unconfirmed", "n_round_inferred", "source_ids"]
    assert len(frame) == 6
    rows = frame.set_index(["round_id", "municipality"])
    unknown = rows.loc[("fixr2", "Fixtureburg")]
    assert unknown["gemeente_code"] == "GM9901" and pd.isna(unknown["amount_eur"])
    assert (unknown["n_amount_unknown"], unknown["n_unconfirmed"]) == (1, 1)
    assert rows.loc[("fixr1", "Fixture-Testdam"), "n_approximate"] == 1
    assert rows.loc[("fixr1", "Fixture-Elders"), "n_round_inferred"] == 1
    assert pd.isna(rows.loc[("fixr2", "Fixture region (region)"), "gemeente_code"])
    assert set(frame["source_ids"]) == {"F03"}
    assert q.money_by_round_municipality_detail(tiny, "woontop").empty


def test_vhf_rounds_for_areas(tiny):
    frame = q.vhf_rounds_for_areas(tiny, ["fixture-noord", "fixture-zuid"])
    assert list(frame.columns) == [
        "round_id", "label_nl", "label_en", "round_date", "amount_eur", "n_projects",
        "n_amount_unknown", "n_approximate", "n_unconfirmed", "n_round_inferred", "source_ids"]
    rows = frame.set_index("round_id")
    assert list(rows.index) == ["fixr1", "fixr2"]
    # Fixtureburg's money once, although both of its areas are chosen.
    assert rows.loc["fixr1", "amount_eur"] == 1_000_000 and rows.loc["fixr1", "n_projects"] == 1
    assert pd.isna(rows.loc["fixr2", "amount_eur"])
    assert (rows.loc["fixr2", "n_amount_unknown"], rows.loc["fixr2", "n_unconfirmed"]) == (1, 1)
    assert rows["source_ids"].tolist() == ["F03", "F03"]
    none = q.vhf_rounds_for_areas(tiny, ["fixture-proefwijk"])
    assert none["round_id"].tolist() == ["fixr1", "fixr2"]  # every round, even without money
    assert none["n_projects"].tolist() == [0, 0] and none["amount_eur"].isna().all()
    assert none["source_ids"].isna().all()


# --- one area -----------------------------------------------------------------------------------

def test_area(tiny):
    frame = q.area(tiny, "fixture-noord")
    assert list(frame.columns) == _columns("areas") + [
        "residents", "residents_ref_date", "residents_status", "residents_source_id",
        "vhf_municipality_eur", "vhf_eur_per_focus_resident", "areas_in_municipality"]
    assert len(frame) == 1
    assert frame.loc[0, "name"] == "Fixture-Noord" and frame.loc[0, "residents"] == 10_000
    assert q.area(tiny, "no-such-area").empty


def test_area_wijken(tiny):
    frame = q.area_wijken(tiny, "fixture-noord")
    assert list(frame.columns) == _columns("area_wijken")
    assert frame["position"].tolist() == [1, 2]
    assert q.area_wijken(tiny, "fixture-proefwijk").empty


def test_area_money(tiny):
    frame = q.area_money(tiny, "fixture-zuid")
    assert list(frame.columns) == ALLOCATION_COLUMNS
    assert frame["allocation_id"].tolist() == ["X01", "X04"]  # the whole municipality's money
    assert q.area_money(tiny, "fixture-proefwijk").empty


def test_area_events(tiny):
    assert list(q.area_events(tiny, "fixture-zuid").columns) == _columns("timeline")
    assert q.area_events(tiny, "fixture-zuid")["event_id"].tolist() == ["T02"]
    assert q.area_events(tiny, "fixture-mockstad")["event_id"].tolist() == ["T03"]
    assert q.area_events(tiny, "fixture").empty  # whole ids only, no substring match


def test_area_indicator_comparisons(tiny):
    frame = q.area_indicator_comparisons(tiny, "fixture-noord")
    assert list(frame.columns) == [
        "indicator", "period", "scope_id", "value", "unit", "unit_label", "status", "source_id",
        "note"]
    assert list(zip(frame["indicator"], frame["period"], frame["scope_id"], frame["value"])) == [
        ("fixture_low_income_share", "2024", "ALL20", 14),
        ("fixture_low_income_share", "2024", "NL", 5),
        ("fixture_low_income_share", "2024", "rest:Fixtureburg", 8),
    ]
    assert q.area_indicator_comparisons(tiny, "fixture-mockstad").empty  # 2023: no references
    assert q.area_indicator_comparisons(tiny, "no-such-area").empty


def test_area_sources(tiny):
    frame = q.area_sources(tiny, "fixture-noord")
    assert list(frame.columns) == [
        "source_id", "title", "publisher", "published", "url", "used_in", "statuses"]
    used = dict(zip(frame["source_id"], frame["used_in"]))
    assert used == {
        "F01": "indicators, population", "F02": "area, timeline, wijken",
        "F03": "allocations", "F04": "population"}
    assert q.area_sources(tiny, "no-such-area").empty


# --- timeline, sources, tables ------------------------------------------------------------------

def test_timeline(tiny):
    frame = q.timeline(tiny)
    assert list(frame.columns) == _columns("timeline") + ["day"]
    assert frame["event_id"].tolist() == ["T01", "T02", "T03"]
    assert str(frame.loc[0, "day"])[:10] == "2021-05-01"
    assert frame.loc[0, "date"] == "2021-05"


def test_sources(tiny):
    frame = q.sources(tiny)
    assert list(frame.columns) == _columns("sources")
    assert frame["source_id"].tolist() == ["F01", "F02", "F03", "F04"]
    assert q.sources(tiny, ["F03", "F99"])["source_id"].tolist() == ["F03"]


def test_source_status_counts(tiny):
    frame = q.source_status_counts(tiny)
    assert list(frame.columns) == ["table_name", "status", "n"]
    totals = frame.groupby("table_name")["n"].sum().to_dict()
    assert totals == {"allocations": 6, "budget_lines": 5, "indicators": 10, "population": 11}


def test_source_usage(tiny):
    frame = q.source_usage(tiny)
    assert list(frame.columns) == [
        "source_id", "n_figures", "n_confirmed", "n_approximate", "n_unconfirmed", "n_events",
        "tables", "section_code"]
    assert frame["source_id"].tolist() == ["F01", "F02", "F03", "F04"]
    rows = frame.set_index("source_id")
    assert rows["n_figures"].to_dict() == {"F01": 17, "F02": 2, "F03": 8, "F04": 5}
    assert rows["n_events"].to_dict() == {"F01": 0, "F02": 2, "F03": 1, "F04": 0}
    assert (rows["n_confirmed"] + rows["n_approximate"] + rows["n_unconfirmed"]).equals(
        rows["n_figures"])
    assert rows.loc["F01", "tables"] == "indicators, population"
    assert rows.loc["F03", "tables"] == "allocations, budget_lines, timeline"


@pytest.mark.parametrize("name", q.EXPORTABLE)
def test_table_exports_every_exportable_name(tiny, real, name):
    # The tiny fixture predates the optional tables (local indicators, changes, original-16
    # evidence), which it builds empty: those are exported from the real data.
    optional = name in TABLES_BY_NAME and TABLES_BY_NAME[name].optional
    frame = q.table(real if optional else tiny, name)
    assert not frame.empty
    if name in TABLES_BY_NAME:
        assert list(frame.columns) == _columns(name)


@pytest.mark.parametrize("name", [
    "meta", "AREAS", "areas; DROP TABLE areas", "area_residents", "municipality_round_money",
    "information_schema.tables", "", "areas --"])
def test_table_rejects_other_names(tiny, name):
    with pytest.raises(ValueError):
        q.table(tiny, name)


def test_build_info(tiny):
    info = q.build_info(tiny)
    assert set(info) == {"data_version", "built_at", "app_version", "sources_dir"}
    assert info["data_version"] == data_version(TINY_SOURCES)
    assert info["sources_dir"] == "tiny_sources"


def test_queries_on_the_real_database(real):
    """A smoke pass over the real data: every area resolves, area pages have content."""
    all20 = q.area_ids_for_set(real, "all20")
    assert len(q.areas(real)) == 20
    for area_id in ("rotterdam-zuid", "heerlen-noord", "vlaardingen-westwijk"):
        assert len(q.area(real, area_id)) == 1
        assert not q.area_sources(real, area_id).empty
        assert not q.area_money(real, area_id).empty
    assert len(q.area_wijken(real, "arnhem-oost")) == 5
    assert q.area_events(real, "den-haag-zuidwest")["event_id"].tolist()[0] == "E01"
    catalog = q.indicator_catalog(real)
    first = catalog[catalog["n_areas"] > 1].iloc[0]
    assert len(q.indicator_by_area(real, first["indicator"], first["period"], all20)) == 20


# --- bound parameters ---------------------------------------------------------------------------

HOSTILE = [
    "x'; DROP TABLE areas; --",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "fixture-noord;fixture-zuid",
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_hostile_strings_are_bound_not_executed(tiny, evil):
    assert q.area(tiny, evil).empty
    assert q.area_wijken(tiny, evil).empty
    assert q.area_money(tiny, evil).empty
    assert q.area_events(tiny, evil).empty
    assert q.area_sources(tiny, evil).empty
    assert q.allocations(tiny, round_id=evil).empty
    assert q.allocations(tiny, municipality=evil).empty
    assert q.allocations(tiny, fund=evil).empty
    assert q.money_by_round_municipality(tiny, evil).empty
    assert q.focus_share_by_round(tiny, evil).empty
    assert q.population(tiny, [evil]).empty
    assert q.indicators(tiny, [evil]).empty
    assert q.indicators(tiny, indicator=evil).empty
    assert q.indicator_references(tiny, evil, evil).empty
    assert q.indicator_by_area(tiny, evil, "2024", [evil]).empty
    assert q.budget_lines(tiny, [evil]).empty
    assert q.sources(tiny, [evil]).empty
    assert q.selection_totals(tiny, [evil]).loc[0, "n_areas"] == 0
    assert q.vhf_rounds_for_areas(tiny, [evil])["n_projects"].sum() == 0
    assert q.money_by_round_municipality_detail(tiny, evil).empty
    assert q.area_indicator_comparisons(tiny, evil).empty
    with pytest.raises(ValueError):
        q.table(tiny, evil)
    with pytest.raises(ValueError):
        q.area_ids_for_set(tiny, evil)
    assert len(q.table(tiny, "areas")) == 5


def test_connection_is_read_only(tiny):
    with pytest.raises(duckdb.Error):
        tiny._con.execute("CREATE TABLE t(x INT)")
    with pytest.raises(duckdb.Error):
        tiny.frame("DROP TABLE areas")
    with pytest.raises(duckdb.Error):
        tiny.frame("DELETE FROM areas")
    assert len(q.areas(tiny)) == 5


def test_concurrent_queries_on_one_database(tiny):
    # Mostly light queries (the point is sharing one connection, not load); two use the views.
    calls = [
        (lambda: q.rounds(tiny), 2),
        (lambda: q.area(tiny, "fixture-zuid"), 1),
        (lambda: q.allocations(tiny, round_id="fixr1"), 3),
        (lambda: q.area_wijken(tiny, "fixture-noord"), 2),
        (lambda: q.sources(tiny, ["F01", "F02"]), 2),
        (lambda: q.population(tiny, ["ALL20"]), 2),
        (lambda: q.area_events(tiny, "fixture-zuid"), 1),
        (lambda: q.areas(tiny), 5),
    ]

    def worker(offset: int) -> int:
        done = 0
        for i in range(50):
            call, rows = calls[(offset + i) % len(calls)]
            assert len(call()) == rows
            done += 1
        return done

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))  # re-raises any worker's error
    assert results == [50] * 8


# --- every query is tested ----------------------------------------------------------------------

def test_every_query_function_is_referenced_by_a_test():
    public = [name for name, obj in inspect.getmembers(q, inspect.isfunction)
              if not name.startswith("_") and obj.__module__ == q.__name__]
    assert len(public) >= 20
    text = "\n".join(p.read_text(encoding="utf-8") for p in TESTS_DIR.rglob("test_*.py"))
    # A call such as ``q.areas(`` or ``areas(``; ``test_areas(`` does not count.
    missing = [name for name in public if not re.search(rf"(?<!\w){re.escape(name)}\(", text)]
    assert not missing, f"queries without a test: {missing}"


def test_data_texts_read_the_free_text_in_dutch(db):
    """data_texts.csv maps whole English texts to Dutch; TranslatedDatabase applies it to every
    text cell of every result, and leaves codes, names and downloads as they are."""
    texts = q.data_texts(db)
    assert texts["Parkstad Limburg (region)"] == "Parkstad Limburg (regio)"
    assert "undated" in q.source_dates(db) and "11 Feb 2026" in q.source_dates(db)
    dutch = q.TranslatedDatabase(db, {**texts, "undated": "ongedateerd"})
    allocations = q.allocations(dutch)
    assert "Parkstad Limburg (regio)" in set(allocations["municipality"])
    assert "Parkstad Limburg (region)" not in set(allocations["municipality"])
    assert allocations["amount_eur"].equals(q.allocations(db)["amount_eur"])  # no figure changes
    assert set(q.sources(dutch)["source_id"]) == set(q.sources(db)["source_id"])
    assert "ongedateerd" in set(q.sources(dutch)["published"])
    periods = set(q.budget_lines(dutch)["period"])  # periods read in Dutch from the data
    assert "vanaf 2023" in periods and "2023 onward" not in periods
    assert q.table(dutch, "allocations").equals(q.table(db, "allocations"))
    frame = pd.DataFrame({"a": ["x", "y", None], "n": [1, 2, 3]})
    result = q.translated(frame, {"x": "z"})
    assert result["a"].tolist()[:2] == ["z", "y"] and pd.isna(result["a"].iloc[2])
    assert result["n"].tolist() == [1, 2, 3]
    assert q.translated(frame, {"q": "z"}) is frame
