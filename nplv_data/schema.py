"""The data dictionary: every source table and every field defined once.

The build validates files against these definitions and creates the DuckDB tables from them, so
a field's type, unit and meaning live in one place (after PUDL's ``metadata/fields.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("confirmed", "approximate", "unconfirmed")
COHORTS = ("original16", "added2022")
BUDGET_KINDS = ("ask", "one_off", "per_year", "structural_per_year")
BUDGET_CATEGORIES = ("ask2021", "vhf", "nplv", "context")
UNIT_CODES = (
    "percent", "percentage_points", "persons", "ratio", "rank", "years", "per_1000",
    "dwellings", "households",
)
FUNDS = ("vhf", "woontop")
DATE_PRECISIONS = ("day", "month")

# Aggregate scopes that stand beside the area ids in population and indicators: reference
# values from the sources, never sums computed here.
AGGREGATE_SCOPES = ("ALL20", "ALL16", "NL")
AGGREGATE_PREFIXES = ("rest:", "GM")


@dataclass(frozen=True)
class Field:
    """One column: its type, whether it may be empty, and what it means."""

    name: str
    type: str  # text | int | float | date | month_or_date | bool | enum
    description: str
    required: bool = True
    enum: tuple[str, ...] = ()
    min_value: float | None = None
    min_exclusive: bool = False
    max_value: float | None = None
    unit: str = ""


@dataclass(frozen=True)
class Table:
    """One source file and the table it becomes."""

    name: str
    file: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    references: dict[str, str] = field(default_factory=dict)  # column -> "table.column"

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]


def _status(what: str = "the figure") -> Field:
    return Field("status", "enum", f"How firm {what} is in its source.", enum=STATUSES)


_SOURCE = Field("source_id", "text", "The source this row was taken from (sources.source_id).")

SOURCES = Table(
    "sources", "sources.csv", "Every source with title, publisher, date and URL.",
    (
        Field("source_id", "text", "Stable id: S + number in the fact set's SOURCES.md."),
        Field("title", "text", "Title of the page or document."),
        Field("publisher", "text", "Who published it.", required=False),
        Field("published", "text", "Publication date as the source gives it.", required=False),
        Field("url", "text", "Where it can be read."),
        Field("section", "text", "Group in the sources list."),
        Field("used_for", "text", "What was taken from it.", required=False),
    ),
    key=("source_id",),
)

AREAS = Table(
    "areas", "areas.csv", "The 20 current focus areas and their cohort (16 of 2021 or added 2022).",
    (
        Field("area_id", "text", "Slug id of the focus area."),
        Field("name", "text", "Name as CBS spells it (2026 study)."),
        Field("alt_names", "text", "Other names, ';'-separated.", required=False),
        Field("municipality", "text", "Municipality the area lies in."),
        Field("gemeente_code", "text", "CBS gemeente code (GMxxxx)."),
        Field("gemeente_code_status", "enum", "Whether the code was checked against CBS.",
              enum=STATUSES),
        Field("province", "text", "Province."),
        Field("cohort", "enum", "original16: among the 16 areas of the 2021 ask; added2022.",
              enum=COHORTS),
        Field("is_current", "bool", "Part of the programme since July 2022."),
        Field("name_2021", "text", "Name used for the area in 2020-2021 sources.", required=False),
        Field("name_2021_status", "enum", "How firm the 2021 name is.", required=False,
              enum=STATUSES),
        Field("centroid_lat", "float", "Approximate centroid latitude (WGS84).",
              min_value=50.7, max_value=53.6, unit="degrees"),
        Field("centroid_lon", "float", "Approximate centroid longitude (WGS84).",
              min_value=3.3, max_value=7.3, unit="degrees"),
        Field("centroid_status", "enum", "Centroids are estimates for a national map.",
              enum=STATUSES),
        _SOURCE,
        _status("the area record"),
    ),
    key=("area_id",),
    references={"source_id": "sources.source_id"},
)

AREA_WIJKEN = Table(
    "area_wijken", "area_wijken.csv",
    "Constituent wijken of each area as programme pages list them.",
    (
        Field("area_id", "text", "Focus area."),
        Field("position", "int", "Order in the source list.", min_value=1),
        Field("wijk_name", "text", "Wijk (or description) as listed."),
        Field("note", "text", "Caveat on the list.", required=False),
        _status("the listing"),
        _SOURCE,
    ),
    key=("area_id", "position"),
    references={"area_id": "areas.area_id", "source_id": "sources.source_id"},
)

POPULATION = Table(
    "population", "population.csv", "Residents per area and sourced reference totals.",
    (
        Field("scope_id", "text", "Area id or aggregate (ALL20, ALL16, NL)."),
        Field("ref_date", "date", "Reference date; empty when the source is undated.",
              required=False),
        Field("measure", "text", "What is counted (inhabitants, inhabitants_12plus, ...)."),
        Field("value", "int", "Number of persons.", min_value=0, min_exclusive=True,
              unit="persons"),
        Field("unit", "enum", "Unit of value.", enum=("persons",)),
        Field("precision", "text", "Rounding and hedges of the source.", required=False),
        _status(),
        _SOURCE,
    ),
    key=("scope_id", "ref_date", "measure"),
    references={"scope_id": "scope", "source_id": "sources.source_id"},
)

INDICATORS = Table(
    "indicators", "indicators.csv", "Indicators in long format: scope, indicator, period, value.",
    (
        Field("scope_id", "text", "Area id, aggregate, rest:<municipality> or gemeente code."),
        Field("indicator", "text", "Indicator name (snake_case)."),
        Field("subarea", "text", "Wijk inside the focus area, when the figure is wijk-level.",
              required=False),
        Field("period", "text", "Period or date as the source gives it."),
        Field("value", "float", "The figure."),
        Field("unit", "enum", "Unit code.", enum=UNIT_CODES),
        Field("unit_label", "text", "Unit as the source words it."),
        _status(),
        _SOURCE,
        Field("note", "text", "Caveats from the fact set.", required=False),
    ),
    key=("scope_id", "indicator", "subarea", "period"),
    references={"scope_id": "scope", "source_id": "sources.source_id"},
)

BUDGET_LINES = Table(
    "budget_lines", "budget_lines.csv", "Programme money: the 2021 ask and lines from 2022 on.",
    (
        Field("line_id", "text", "Stable id of the budget line."),
        Field("instrument", "text", "Name of the instrument."),
        Field("ministry", "text", "Ministry or party.", required=False),
        Field("amount_eur", "float", "Amount in euros.", min_value=0, unit="EUR"),
        Field("kind", "enum", "ask, one_off, per_year or structural_per_year.",
              enum=BUDGET_KINDS),
        Field("period", "text", "Period the amount covers."),
        Field("scope", "text", "Who it is for.", required=False),
        Field("category", "enum", "ask2021, vhf, nplv or context.", enum=BUDGET_CATEGORIES),
        _status(),
        _SOURCE,
        Field("note", "text", "Caveats.", required=False),
    ),
    key=("line_id",),
    references={"source_id": "sources.source_id"},
)

ROUNDS = Table(
    "rounds", "rounds.csv", "Allocation rounds (Volkshuisvestingsfonds, Woontop).",
    (
        Field("round_id", "text", "Stable id."),
        Field("label_nl", "text", "Dutch label."),
        Field("label_en", "text", "English label."),
        Field("date", "date", "Award date."),
        Field("fund", "enum", "vhf or woontop.", enum=FUNDS),
        Field("budget_line_id", "text", "The budget line of the round."),
    ),
    key=("round_id",),
    references={"budget_line_id": "budget_lines.line_id"},
)

ALLOCATIONS = Table(
    "allocations", "allocations.csv", "Money per round, municipality and project.",
    (
        Field("allocation_id", "text", "Stable id."),
        Field("round_id", "text", "Round (rounds.round_id)."),
        Field("is_round_inferred", "bool", "Round assigned by inference from dates."),
        Field("date", "date", "Award date."),
        Field("municipality", "text", "Receiving municipality or region."),
        Field("gemeente_code", "text", "CBS code; empty for regions.", required=False),
        Field("project", "text", "Project as published."),
        Field("amount_eur", "float", "Amount in euros; empty when not found.", required=False,
              min_value=0, unit="EUR"),
        Field("homes", "int", "Dwellings, where given.", required=False, min_value=0,
              unit="dwellings"),
        Field("is_focus_municipality", "bool", "One of the 19 NPLV municipalities."),
        _status(),
        _SOURCE,
    ),
    key=("allocation_id",),
    references={"round_id": "rounds.round_id", "source_id": "sources.source_id"},
)

TIMELINE = Table(
    "timeline", "timeline.csv", "Events 2019-2026 in Dutch and English.",
    (
        Field("event_id", "text", "Stable id."),
        Field("date", "month_or_date", "YYYY-MM-DD or YYYY-MM."),
        Field("date_precision", "enum", "day or month.", enum=DATE_PRECISIONS),
        Field("event_nl", "text", "Event in Dutch."),
        Field("event_en", "text", "Event in English."),
        Field("area_ids", "text", "Focus areas the event concerns, ';'-separated.",
              required=False),
        _SOURCE,
    ),
    key=("event_id",),
    references={"area_ids": "areas.area_id[]", "source_id": "sources.source_id"},
)

# Build order: referenced tables first.
TABLES: tuple[Table, ...] = (
    SOURCES, AREAS, AREA_WIJKEN, POPULATION, INDICATORS, BUDGET_LINES, ROUNDS, ALLOCATIONS,
    TIMELINE,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
