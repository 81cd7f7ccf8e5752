"""The app's only functions that take the database: each runs named queries and hands the frames
to the pure builders in ``nplv_app.content.charts``, so that the builders stay frames-in,
frames-out.

Each is written as ``function(db, ...)`` and called as ``function(...)``: ``data.with_database``
hands it the database of the run's data version and keeps the result per version and arguments.
"""

from __future__ import annotations

import pandas as pd

from nplv_app import data
from nplv_app.content.charts import areas, scenario, timeline
from nplv_data import queries


@data.with_database
def programme_view(db: queries.Database, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """The programme table and its source ids."""
    rows = queries.indicators(db, list(areas.PROGRAMME_SCOPES))
    return areas.programme_table(rows, lang), rows["source_id"].tolist()


@data.with_database
def area_detail(db: queries.Database, area_id: str, lang: str) -> dict | None:
    """Everything the area tabs show, in one kept call: the record and each tab's table, built
    from the named queries. None for an unknown area."""
    record = queries.area(db, area_id)
    if record.empty:
        return None
    area = record.iloc[0].to_dict()
    wijken = queries.area_wijken(db, area_id)
    population = queries.population(db, [area_id])
    indicators = queries.indicators(db, [area_id])
    money = queries.area_money(db, area_id)
    events = queries.area_events(db, area_id)
    sources = queries.area_sources(db, area_id)
    local = queries.local_indicators(db, area_id)
    evidence = queries.original16_evidence(db)
    return {
        "area": area,
        "facts": areas.facts_table(area, lang, evidence[evidence["area_id"] == area_id]),
        "wijken": areas.wijken_table(wijken, lang) if len(wijken) else None,
        "population": areas.population_table(population, lang) if len(population) else None,
        "indicators": (areas.area_indicator_table(indicators, wijken["wijk_name"].tolist(), lang)
                       if len(indicators) else None),
        "comparisons": (areas.comparison_table(queries.area_indicator_comparisons(db, area_id),
                                               area, lang) if len(indicators) else None),
        "money": areas.money_table(money, lang) if len(money) else None,
        "money_total": areas.money_total(money) if len(money) else None,
        "money_facts": timeline.candidate_facts_table(queries.candidate_facts(db, area_id), lang),
        "events": areas.events_table(events, lang) if len(events) else None,
        "local": areas.local_monitor_table(local, area, lang),
        "local_quotes": areas.local_monitor_quotes(local, area, lang),
        "local_source_ids": areas.local_monitor_sources(local),
        "sources": areas.sources_table(sources, lang),
        "source_ids": sources["source_id"].tolist(),
    }


@data.with_database
def scenario_areas_of(db: queries.Database) -> pd.DataFrame:
    """``scenario_areas`` of every area."""
    all_areas = queries.areas(db)
    welfare = queries.indicator_by_area(db, scenario.WELFARE_INDICATOR, scenario.WELFARE_PERIOD,
                                        all_areas["area_id"].tolist())
    return scenario.scenario_areas(all_areas, welfare)


@data.with_database
def method_facts_of(db: queries.Database, lang: str) -> dict:
    """``method_facts`` from the database."""
    return timeline.method_facts(queries.table(db, "areas"), queries.allocations(db),
                        queries.budget_lines(db),
                        queries.indicators(db, None, "low_financial_welfare_share_12plus"), lang)
