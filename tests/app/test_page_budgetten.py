"""The Budgetten page in AppTest: it runs, draws its four charts, shows the ask and the Housing
Fund line, follows the sidebar selection and its own URL keys, and works in English and with an
empty selection."""

from __future__ import annotations

import pandas as pd
import pytest
from app_support import chart_datasets, run_page, visible_text

CHARTS = {"bu_lines", "bu_vhf", "bu_share", "bu_per_resident"}


def charts(at) -> dict[str, pd.DataFrame]:
    """The page's Altair charts by their usermeta id, with their data rows."""
    return {spec.get("usermeta", {}).get("id"):
            pd.concat(frames.values()) if frames else pd.DataFrame()
            for spec, frames in chart_datasets(at)}


def table_text(at) -> str:
    frames = [el.value for el in at.dataframe] + [el.value for el in at.table]
    return "\n".join(frame.to_csv(index=False) for frame in frames)


@pytest.fixture(scope="module")
def default_page():
    return run_page("budgetten", unfolded=True)


def test_page_runs_and_draws_its_charts(default_page):
    at = default_page
    assert not at.exception
    found = charts(at)
    assert set(found) == CHARTS
    lines = found["bu_lines"]
    amounts = set(lines["amount_label"])
    assert "€\u00a0500\u00a0mln" in amounts and "€\u00a0600\u00a0mln" in amounts
    assert "gevraagd" in set(lines["kind_label"])
    tables = table_text(at)
    assert "€\u00a0500.000.000" in tables and "€\u00a0600.000.000" in tables
    assert "bedrag niet gevonden" in tables
    text = visible_text(at)
    assert "Bron:" in text and "S06" in text
    assert "geen toekenning gevonden" in text
    # every area whose municipality has a VHF award (Nieuwegein has none in the sources)
    assert len(found["bu_per_resident"]) == 19
    assert found["bu_vhf"]["amount_eur"].notna().all()


def test_added2022_narrows_the_per_resident_block():
    at = run_page("budgetten", {"set": "added2022"})
    assert not at.exception
    found = charts(at)
    assert set(found["bu_per_resident"]["name"]) == {
        "Delft-West", "Dordrecht West", "Vlaardingen Westwijk", "Roosendaal Ring"}
    assert "geen toekenning gevonden" not in visible_text(at)  # Roosendaal's 2023 award
    vhf = found["bu_vhf"].drop_duplicates("municipality")
    assert set(vhf.loc[vhf["in_selection"], "municipality"]) == {
        "Delft", "Dordrecht", "Vlaardingen", "Roosendaal"}
    assert len(vhf) > 3  # all recipients stay in view by default


def test_english():
    at = run_page("budgetten", {"lang": "en"})
    assert not at.exception
    assert at.title[0].value == "Budgets"
    found = charts(at)
    assert "€500M" in set(found["bu_lines"]["amount_label"])
    assert "requested" in set(found["bu_lines"]["kind_label"])
    assert "amount not found" in table_text(at)
    assert "no allocation found" in visible_text(at)


def test_empty_selection_is_a_normal_state():
    at = run_page("budgetten", {"set": "added2022", "gemeente": "Amsterdam"})
    assert not at.exception
    assert "Geen gebieden in deze selectie" in visible_text(at)
    found = charts(at)
    assert "bu_per_resident" not in found
    assert {"bu_lines", "bu_vhf", "bu_share"} <= set(found)
    assert not found["bu_vhf"]["in_selection"].any()


def test_page_url_keys():
    at = run_page("budgetten", {"set": "added2022", "bu_alleen_selectie": "true"})
    assert not at.exception
    found = charts(at)
    assert set(found["bu_vhf"]["municipality"]) == {"Delft", "Dordrecht", "Vlaardingen",
                                                    "Roosendaal"}


def test_the_money_story_leads_with_a_headline_and_a_short_chart(default_page):
    """At most 12 main lines drawn (the ask first), every line in the table under it, and a
    headline sentence with the ask's amount before the chart."""
    at = default_page
    lines = charts(at)["bu_lines"].drop_duplicates("line_id")
    assert 0 < len(lines) <= 12
    assert lines.iloc[0]["line_id"] == "ask2021_total"
    assert "ask2021_16areas" not in set(lines["line_id"])
    assert "€\u00a0500.000.000" in table_text(at) and "€\u00a0400.000.000" in table_text(at)
    assert "In 2021 vroegen de burgemeesters €\u00a0500\u00a0mln" in visible_text(at)
