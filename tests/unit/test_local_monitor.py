"""The "Lokale monitor" block of the area detail: pairs of area and own municipality from one
source and period, Heerlen's figures about people who moved in, every value from a source row,
and no local figure in any cross-area builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nplv_app.content.charts import areas, timeline
from nplv_app.content.charts.areas.local_monitor import local_value, stated_number
from nplv_app.content.i18n import t
from nplv_data import queries as q

ROOT = Path(__file__).resolve().parents[2]


def _area(db, area_id):
    return q.area(db, area_id).iloc[0].to_dict()


def _block(db, area_id, lang):
    rows = q.local_indicators(db, area_id)
    return rows, areas.local_monitor_table(rows, _area(db, area_id), lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_zuidwest_pairs_with_den_haag_from_one_source_and_period(db, lang):
    rows, table = _block(db, "den-haag-zuidwest", lang)
    town = t("gb_local_col_municipality", lang, municipality="'s-Gravenhage (Den Haag)")
    assert list(table.columns)[1:3] == ["Den Haag Zuidwest", town]
    lines = areas.local_monitor_rows(rows, _area(db, "den-haag-zuidwest"), lang)
    pairs = [line for line in lines if len(line["local_ids"]) == 2]
    by_id = rows.set_index("local_id")
    assert {tuple(p["local_ids"]) for p in pairs} == {("L01", "L02"), ("L03", "L04"),
                                                      ("L05", "L06"), ("L11", "L12")}
    for pair in pairs:
        first, second = (by_id.loc[i] for i in pair["local_ids"])
        assert first["source_id"] == second["source_id"] and first["period"] == second["period"]
        assert first["scope_level"] == "area" and second["scope_level"] == "municipality"
    assert lines[:len(pairs)] == pairs  # pairs lead
    social = table[table[t("gb_local_col_figure", lang)] == by_id.loc["L01", f"label_{lang}"]]
    assert social.iloc[0]["Den Haag Zuidwest"] == "14%" and social.iloc[0][town] == "7%"
    assert social.iloc[0][t("gb_local_col_status_source", lang)].startswith(
        t("status_approximate", lang) + " · S84")
    # a wijk figure says so and is never paired with the municipality
    wijk = [line for line in lines if "Moerwijk" in (line["about"] or "")]
    assert len(wijk) == 1 and wijk[0]["municipality_value"] == t("gb_local_no_pair", lang)
    assert t("gb_local_about_wijk", lang, wijk="Moerwijk") == wijk[0]["about"]
    assert wijk[0]["figure"] == f"{wijk[0]['label']} ({wijk[0]['about']})"
    assert {line["about"] for line in pairs} == {None}  # whole-area figures need no word


def test_overvecht_against_utrecht_in_both_monitor_editions(db):
    rows, table = _block(db, "utrecht-overvecht", "nl")
    pairs = table[table["Gemeente Utrecht"] != t("gb_local_no_pair", "nl")]
    housing = pairs[pairs["Cijfer"] == "Sociale huurwoningen (corporatiebezit)"]
    assert housing[["Periode", "Utrecht Overvecht", "Gemeente Utrecht"]].values.tolist() == [
        ["monitor van mei 2022", "67%", "36%"],
        ["monitor van mei 2021 (tweede monitor)", "66%", "35%"]]
    # as stated, never rounded: 88,6% and 87,5% keep their decimal
    assert {"88,6%", "87,5%"} <= set(table["Utrecht Overvecht"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_heerlen_figures_describe_adults_who_moved_in(db, lang):
    rows, table = _block(db, "heerlen-noord", lang)
    group = t("gb_local_group_adults_moved_in_2021", lang, municipality="Heerlen")
    assert group in {"nl": "van de volwassenen die in 2021 naar Heerlen verhuisden",
                     "en": "of the adults who moved to Heerlen in 2021"}.values()
    movers = table[table[t("gb_local_col_figure", lang)].str.endswith(", " + group)]
    assert len(movers) == 2
    # never a figure of the area's residents: the area column says there is none
    assert set(movers["Heerlen-Noord"]) == {t("gb_local_no_area_value", lang)}
    town = t("gb_local_col_municipality", lang, municipality="Heerlen")
    assert sorted(movers[town]) == ["18%", "38%"]
    assert {s.split(" · ")[1] for s in movers[t("gb_local_col_status_source", lang)]} == {
        f"S86 ({t('gb_local_kind_local_monitor', lang)})"}


def test_every_value_on_screen_is_a_source_row(db, real_areas):
    for area_id in real_areas["area_id"]:
        rows = q.local_indicators(db, area_id)
        area = _area(db, area_id)
        for lang in ("nl", "en"):
            by_id = rows.set_index("local_id") if len(rows) else None
            for line in areas.local_monitor_rows(rows, area, lang):
                shown = [v for v in (line["area_value"], line["municipality_value"])
                         if not v.startswith("–")]
                stated = [local_value(by_id.loc[i, "value"], by_id.loc[i, "unit"], lang)
                          for i in line["local_ids"]]
                assert sorted(shown) == sorted(stated), (area_id, line)
                assert line["source_id"] in set(rows["source_id"])
                assert not re.search(r"\b(undated|as stated)\b", line["period"]) or lang == "en"


def test_no_local_figures_gives_no_block(db):
    rows, table = _block(db, "delft-west", "nl")
    assert rows.empty and table is None
    assert areas.local_monitor_quotes(rows, _area(db, "delft-west"), "nl") == []


def test_quotes_once_per_sentence(db):
    rows = q.local_indicators(db, "den-haag-zuidwest")
    quotes = areas.local_monitor_quotes(rows, _area(db, "den-haag-zuidwest"), "nl")
    sentences = [quote for _, quote in quotes]
    assert len(sentences) == len(set(sentences)) and sentences
    assert any("Zuidwest (14%)" in s for s in sentences)


@pytest.mark.parametrize("value,lang,text", [
    (88.6, "nl", "88,6"), (20300.0, "nl", "20.300"), (530.8, "en", "530.8"), (7.0, "nl", "7"),
    (3.25, "nl", "3,25")])
def test_stated_number_keeps_the_stated_decimals(value, lang, text):
    assert stated_number(value, lang) == text


def test_area_sources_list_local_and_evidence_sources(db):
    sources = q.area_sources(db, "heerlen-noord").set_index("source_id")
    assert {"S86", "S69", "S114", "S91"} <= set(sources.index)
    assert "local_indicators" in sources.loc["S86", "used_in"]
    assert "original16_evidence" in sources.loc["S91", "used_in"]


def test_facts_say_which_source_names_the_area_as_one_of_the_16(db):
    evidence = q.original16_evidence(db)
    for area_id, expected in (("schiedam-nieuwland-oost", "met zoveel woorden (S96, 15 juli 2021)"),
                              ("utrecht-overvecht", "waarschijnlijk")):
        facts = areas.facts_table(_area(db, area_id), "nl",
                                  evidence[evidence["area_id"] == area_id]).set_index("Gegeven")
        assert facts.loc["Genoemd als een van de 16 van 2021", "Waarde"].startswith(expected)
    added = areas.facts_table(_area(db, "delft-west"), "nl",
                              evidence[evidence["area_id"] == "delft-west"])
    assert "Genoemd als een van de 16 van 2021" not in set(added["Gegeven"])


def test_no_cross_area_builder_reads_local_figures():
    """Local figures are read by the area detail only: never by a chart, ranking or scenario."""
    readers = []
    for path in [*ROOT.glob("nplv_app/**/*.py"), *ROOT.glob("views/*.py")]:
        if re.search(r"queries\.local_indicators\(", path.read_text(encoding="utf-8")):
            readers.append(path.relative_to(ROOT).as_posix())
    assert readers == ["nplv_app/derived.py"]


def test_candidate_facts_of_an_area_are_its_own_and_its_municipalitys(db):
    facts = q.candidate_facts(db, "heerlen-noord")
    assert set(facts["scope_id"]) == {"heerlen-noord", "GM0917"}
    everything = q.candidate_facts(db)
    assert len(everything) == 31 and everything["candidate_row"].is_unique
    assert set(everything.loc[everything["scope_id"] == "NL", "scope_name"].isna()) == {True}
    table = timeline.candidate_facts_table(facts, "nl")
    woontop = table[table["Gegeven"].str.contains("rijksbijdrage \\(bandbreedte\\)")].iloc[0]
    assert woontop["Waarde"] == "€\u00a019.600.000 – €\u00a022.300.000"  # a range stays a range
    assert woontop["Status en bron"].startswith("benaderd/afgerond · S")
    assert timeline.candidate_facts_table(q.candidate_facts(db, "delft-west"), "nl") is None
    listed = timeline.candidate_facts_table(everything, "en", with_scope=True)
    assert "the Netherlands" in set(listed["About"]) and "Heerlen" in set(listed["About"])


def test_candidate_facts_never_enter_a_money_total(db):
    """Co-financing, other schemes and confirmations stand alone: the area's money is the
    allocations' only."""
    money = q.area_money(db, "heerlen-noord")
    assert set(money["source_id"]) & set(q.candidate_facts(db, "heerlen-noord")["source_id"]) \
        <= set(q.allocations(db)["source_id"])
    assert areas.money_total(money)[0] == pytest.approx(
        q.allocations(db).query("gemeente_code == 'GM0917'")["amount_eur"].astype(float).sum())
