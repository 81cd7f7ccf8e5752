"""Local monitor figures, verified candidate rows, changes and original-16 evidence: the files
under data/sources, their validation, and the named queries on them."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from nplv_data import queries as q
from nplv_data.build import build_database
from nplv_data.validate import SourceDataError

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES = REPO_ROOT / "data" / "sources"
REVIEW = REPO_ROOT / "data" / "review" / "candidates_verification.csv"
FACTS = REPO_ROOT.parent / "shared" / "facts"
TINY_SOURCES = REPO_ROOT / "tests" / "fixtures" / "tiny_sources"


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def local() -> list[dict[str, str]]:
    return _read(SOURCES / "local_indicators.csv")


# --- the 28 local monitor figures ----------------------------------------------------------------

def test_build_carries_all_28_local_monitor_rows(db, local):
    frame = q.table(db, "local_indicators")
    assert len(frame) == len(local)
    from_facts = frame[frame["candidate_row"].isna()]
    assert len(from_facts) == 28
    assert from_facts["local_id"].tolist() == [f"L{n:02d}" for n in range(1, 29)]
    assert set(from_facts["source_kind"]) == {"local_monitor"}
    assert set(from_facts["source_id"]) == {"S84", "S84b", "S84c", "S84d", "S85", "S85b", "S86"}
    labels = q.table(db, "local_indicator_labels")
    assert set(frame["indicator"]) == set(labels["indicator"])
    assert labels[["label_nl", "label_en", "unit_nl", "unit_en"]].notna().all().all()


@pytest.mark.skipif(not FACTS.is_dir(), reason="../shared/facts is not present")
def test_local_values_are_the_shared_facts_verbatim(local):
    facts = _read(FACTS / "local_indicators.csv")
    sources = {r["source_id"]: r["url"] for r in _read(SOURCES / "sources.csv")}
    ours = [r for r in local if not r["candidate_row"]]
    assert len(ours) == len(facts) == 28
    for fact, row in zip(facts, ours, strict=True):
        indicator, _, subarea = fact["indicator"].partition("__")
        assert (row["scope_id"], row["indicator"], row["subarea"]) == (
            fact["area_id"], indicator, subarea)
        assert row["value"] == fact["value"], row["local_id"]  # text, never re-rounded
        assert row["period"] == fact["period"]
        assert row["unit_label"] == fact["unit"]
        assert sources[row["source_id"]] == fact["source_url"]
        assert row["quote"] in fact["note"] and not row["quote"].startswith("quote: ")


def test_local_status_rules(local):
    by_id = {r["local_id"]: r for r in local}
    for row in local:
        if row["candidate_row"]:
            continue
        caption = "source label" in row["period"]
        cut = "mid-sentence" in row["note"] or "cut off" in row["quote"]
        assert row["status"] == ("approximate" if caption or cut else "confirmed"), row
    assert by_id["L01"]["status"] == "approximate"  # chart caption CBS 2021
    assert by_id["L05"]["status"] == "confirmed"    # undated page, no caption
    assert by_id["L14"]["status"] == "approximate"  # excerpt ends mid-sentence
    assert by_id["L26"]["status"] == "confirmed"    # 'as stated May 2023' is a period, not a hedge
    # Heerlen's two figures describe adults who moved into the whole municipality in 2021.
    heerlen = [r for r in local if r["scope_id"] == "GM0917" and not r["candidate_row"]]
    assert {r["population"] for r in heerlen} == {"adults_moved_in_2021"} and len(heerlen) == 2
    assert all("not residents of Heerlen-Noord" in r["note"] for r in heerlen)


def test_candidate_local_rows_keep_hedges_and_subareas(local):
    rows = {int(r["candidate_row"]): r for r in local if r["candidate_row"]}
    assert rows[77]["status"] == "approximate"   # 'bijna een kwart'
    assert rows[83]["status"] == "approximate"   # 'één op de negen'
    assert rows[76]["status"] == "unconfirmed"   # period UNCONFIRMED
    assert rows[85]["subarea"] == "poelenburg" and rows[104]["subarea"] == "focuswijken"
    assert rows[99]["source_kind"] == "press" and rows[95]["source_kind"] == "local_monitor"


# --- validation ----------------------------------------------------------------------------------

LABELS = "indicator,label_nl,label_en,unit_nl,unit_en\nfix_share,Aandeel,Share,%,%\n"
LOCAL_HEADER = ("local_id,scope_id,indicator,subarea,period,period_nl,period_en,value,unit,"
                "unit_label,status,source_id,source_kind,population,quote,note,candidate_row\n")


def _with_local_tables(tmp_path: Path, rows: list[str]) -> Path:
    target = tmp_path / "sources"
    shutil.copytree(TINY_SOURCES, target)
    (target / "local_indicator_labels.csv").write_text(LABELS, encoding="utf-8")
    # the rows below give the period once: it is worded the same in Dutch and English here
    rows = [row.replace(",2024,", ",2024,2024,2024,", 1) for row in rows]
    (target / "local_indicators.csv").write_text(LOCAL_HEADER + "".join(rows), encoding="utf-8")
    return target


def test_fixture_with_local_rows_builds(tmp_path):
    sources = _with_local_tables(tmp_path, [
        "L01,fixture-noord,fix_share,,2024,40,percent,percent,confirmed,F01,local_monitor,"
        "residents,q,,\n",
        "L02,GM9901,fix_share,,2024,20,percent,percent,confirmed,F01,local_monitor,"
        "residents,q,,\n",
    ])
    report = build_database(sources, tmp_path / "ok.duckdb")
    assert report.row_counts["local_indicators"] == 2
    db = q.Database(tmp_path / "ok.duckdb")
    try:
        frame = q.local_indicators(db, "fixture-noord")
        assert frame["pair_local_id"].tolist() == ["L01", "L02"][::-1]
        assert frame["label_en"].tolist() == ["Share", "Share"]
    finally:
        db.close()


@pytest.mark.parametrize("row, field, message", [
    ("L01,fixture-noord,fix_share,,2024,140,percent,percent,confirmed,F01,local_monitor,"
     "residents,q,,\n", "value", "percentage must be 0-100"),
    ("L01,fixture-noord,fix_share,,2024,40,percent,percent,sure,F01,local_monitor,"
     "residents,q,,\n", "status", "unknown value 'sure'"),
    ("L01,fixture-noord,no_label,,2024,40,percent,percent,confirmed,F01,local_monitor,"
     "residents,q,,\n", "indicator", "unknown"),
    ("L01,nowhere,fix_share,,2024,40,percent,percent,confirmed,F01,local_monitor,"
     "residents,q,,\n", "scope_id", "unknown area id"),
    ("L01,fixture-noord,fix_share,,2024,40,percent,percent,confirmed,F99,blog,"
     "residents,q,,\n", "source_id", "unknown source id"),
])
def test_bad_local_row_names_file_row_and_field(tmp_path, tiny_db, row, field, message):
    sources = _with_local_tables(tmp_path, [row])
    target = tmp_path / "out" / "nplv.duckdb"
    target.parent.mkdir()
    shutil.copyfile(tiny_db, target)
    before = hashlib.sha256(target.read_bytes()).hexdigest()
    with pytest.raises(SourceDataError) as info:
        build_database(sources, target)
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before  # old database kept
    hits = [p for p in info.value.problems
            if (p.file, p.line, p.field) == ("local_indicators.csv", 2, field)]
    assert hits and message in hits[0].message, info.value.problems


def test_change_naming_a_missing_row_fails(tmp_path):
    target = tmp_path / "sources"
    shutil.copytree(TINY_SOURCES, target)
    (target / "changes.csv").write_text(
        "change_id,table,row_id,field,old_value,new_value,old_source_id,new_source_id,"
        "reason_nl,reason_en\nC01,allocations,X99,amount_eur,1,2,F03,F03,r,r\n",
        encoding="utf-8")
    with pytest.raises(SourceDataError) as info:
        build_database(target, tmp_path / "x.duckdb")
    assert "changes.csv:2: row_id: no row 'X99' in allocations.csv" in str(info.value)


# --- named queries -------------------------------------------------------------------------------

def test_local_indicators_query_pairs_area_and_municipality_of_one_source(db):
    zuidwest = q.local_indicators(db, "den-haag-zuidwest")
    assert set(zuidwest["scope_id"]) == {"den-haag-zuidwest", "GM0518"}
    assert zuidwest["source_title"].notna().all() and zuidwest["label_nl"].notna().all()
    by_id = zuidwest.set_index("local_id")
    paired = zuidwest.dropna(subset=["pair_local_id"])
    assert len(paired) >= 8
    for row in paired.itertuples():
        other = by_id.loc[row.pair_local_id]
        assert (other["source_id"], other["period"], other["indicator"]) == (
            row.source_id, row.period, row.indicator)
        assert {row.scope_level, other["scope_level"]} == {"area", "municipality"}
    assert by_id.loc["L01", "pair_local_id"] == "L02"  # bijstand 14% against Den Haag 7%

    overvecht = q.local_indicators(db, "utrecht-overvecht").set_index("local_id")
    # 67% pairs with 36% (May 2022), 66% with 35% (May 2021): never across editions.
    assert overvecht.loc["L17", "pair_local_id"] == "L18"
    assert overvecht.loc["L19", "pair_local_id"] == "L20"
    assert set(overvecht["scope_id"]) == {"utrecht-overvecht", "GM0344"}

    heerlen = q.local_indicators(db, "heerlen-noord")
    gm = heerlen[heerlen["scope_id"] == "GM0917"]
    assert {"L27", "L28"} <= set(gm["local_id"])
    assert set(gm["scope_level"]) == {"municipality"}
    # Another area's municipality figures never show up.
    assert "GM0518" not in set(q.local_indicators(db, "utrecht-overvecht")["scope_id"])
    assert q.local_indicators(db, "no-such-area").empty


def test_data_changes_keep_old_sources_that_resolve(db):
    changes = q.data_changes(db)
    assert len(changes) == len(_read(SOURCES / "changes.csv")) > 0
    assert changes["old_source_url"].notna().all() and changes["new_source_url"].notna().all()
    assert (changes["old_source_id"] != changes["new_source_id"]).all()
    allocations = q.table(db, "allocations").set_index("allocation_id")
    for row in changes.itertuples():
        assert allocations.loc[row.row_id, "previous_source_id"] == row.old_source_id
        assert allocations.loc[row.row_id, "source_id"] == row.new_source_id
    leeuwarden = allocations.loc["A008"]
    assert float(leeuwarden["amount_eur"]) == 20_568_166
    assert not leeuwarden["is_round_inferred"] and leeuwarden["status"] == "confirmed"
    assert allocations["previous_source_id"].notna().sum() == changes["row_id"].nunique()


def test_original16_evidence_query(db):
    frame = q.original16_evidence(db)
    named = frame.dropna(subset=["evidence_id"])
    assert set(named["area_id"]) == {
        "utrecht-overvecht", "schiedam-nieuwland-oost", "lelystad-oost", "heerlen-noord",
        "groningen-noord", "leeuwarden-oost"}
    assert set(frame["cohort"]) == {"original16"}  # the cohort field is left as it was
    assert frame["area_id"].nunique() == 16
    assert named["source_url"].notna().all()
    assert named.set_index("area_id").loc["utrecht-overvecht", "strength"] == "truncated"


# --- candidates: only verified rows are carried ------------------------------------------------

def test_only_verified_candidates_are_carried(local):
    review = _read(REVIEW)
    verified = {int(r["row"]) for r in review if r["verified"] == "yes"}
    unverified = {int(r["row"]) for r in review if r["verified"] != "yes"}
    assert len(verified) == 115 and unverified == {38, 39, 41}
    # Local-indicator candidates (rows 50-105): every verified one that is not a duplicate of
    # local_indicators.csv is carried, once.
    expected = {int(r["row"]) for r in review if 50 <= int(r["row"]) <= 105
                and r["verified"] == "yes" and not r["effect"].startswith("duplicate")}
    carried = [int(r["candidate_row"]) for r in local if r["candidate_row"]]
    assert sorted(carried) == sorted(expected) and len(carried) == 34
    evidence = {int(r["candidate_row"]) for r in _read(SOURCES / "original16_evidence.csv")}
    assert evidence == {106, 107, 108, 109, 110, 111}
    assert not (set(carried) | evidence) & unverified
    # The pages only unverified rows cite are in no table.
    candidates = _read(FACTS / "candidates.csv") if FACTS.is_dir() else None
    urls = {r["url"] for r in _read(SOURCES / "sources.csv")}
    assert not any("pactzaandamoost.nl" in u or "eindhovennews.com" in u for u in urls)
    if candidates is not None:
        only_unverified = ({candidates[n - 1]["source_url"] for n in unverified}
                           - {candidates[n - 1]["source_url"] for n in verified})
        assert not only_unverified & urls


def test_new_allocations_from_verified_awards():
    rows = _read(SOURCES / "allocations.csv")
    sources = {r["source_id"]: r for r in _read(SOURCES / "sources.csv")}
    new = [r for r in rows if sources[r["source_id"]]["section"].startswith("Verified candidate")
           and not r["previous_source_id"]]
    assert len(new) == 13
    by_key = {(r["round_id"], r["municipality"]): r for r in new}
    assert by_key[("vhf2021", "Arnhem")]["amount_eur"] == "25000000"
    assert by_key[("vhf2021", "Arnhem")]["homes"] == "1750"
    assert by_key[("vhf2021", "Arnhem")]["status"] == "approximate"  # 'ruim € 25 miljoen'
    assert by_key[("vhf2021", "Utrecht")]["amount_eur"] == "0"
    assert by_key[("vhf2023", "Roosendaal")]["is_round_inferred"] == "true"
    assert by_key[("vhf2023", "Roosendaal")]["status"] == "unconfirmed"
    assert all(r["previous_source_id"] == "" for r in new)
