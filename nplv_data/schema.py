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
LOCAL_UNIT_CODES = ("percent", "eur_per_year", "score_points", "per_1000", "persons", "count")
SOURCE_KINDS = ("local_monitor", "press")
EVIDENCE_STRENGTHS = ("explicit", "named", "indirect", "truncated")
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
    # A column added after files of the older layout existed: a file may lack it, and then it is
    # empty in every row (the hand-made test fixtures predate it).
    optional_column: bool = False


@dataclass(frozen=True)
class Table:
    """One source file and the table it becomes."""

    name: str
    file: str
    description: str
    fields: tuple[Field, ...]
    key: tuple[str, ...]
    references: dict[str, str] = field(default_factory=dict)  # column -> "table.column"
    # A table added after source folders of the older layout existed: a folder may lack the
    # file, and then the table is built empty. A file that is present is validated in full.
    optional: bool = False

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
        Field("previous_source_id", "text",
              "The source the row cited before a verified source changed it (changes.csv);"
              " empty when never changed.", required=False, optional_column=True),
    ),
    key=("allocation_id",),
    references={"round_id": "rounds.round_id", "source_id": "sources.source_id",
                "previous_source_id": "sources.source_id"},
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

LOCAL_INDICATOR_LABELS = Table(
    "local_indicator_labels", "local_indicator_labels.csv",
    "Dutch and English label and unit of every local indicator.",
    (
        Field("indicator", "text", "Indicator name (local_indicators.indicator)."),
        Field("label_nl", "text", "Dutch label."),
        Field("label_en", "text", "English label."),
        Field("unit_nl", "text", "Unit in Dutch."),
        Field("unit_en", "text", "Unit in English."),
    ),
    key=("indicator",),
    optional=True,
)

LOCAL_INDICATORS = Table(
    "local_indicators", "local_indicators.csv",
    "Figures from local monitors and press: an area against its own municipality only"
    " (definitions and years differ from the CBS indicators and from each other).",
    (
        Field("local_id", "text", "Stable id (L01, ...)."),
        Field("scope_id", "text", "Area id, or the gemeente code of the area's municipality."),
        Field("indicator", "text", "Indicator name (local_indicator_labels.indicator)."),
        Field("subarea", "text", "Wijk inside the focus area, when the figure is wijk-level.",
              required=False),
        Field("period", "text", "Period exactly as the source states it."),
        Field("period_nl", "text", "That period in Dutch, for the screen."),
        Field("period_en", "text", "That period in English, for the screen."),
        Field("value", "float", "The figure, as stated."),
        Field("unit", "enum", "Unit code.", enum=LOCAL_UNIT_CODES),
        Field("unit_label", "text", "Unit as the fact set words it."),
        _status(),
        _SOURCE,
        Field("source_kind", "enum", "local_monitor (programme or municipal page) or press.",
              enum=SOURCE_KINDS),
        Field("population", "text",
              "What the figure describes (residents, households, adults_moved_in_2021, ...)."),
        Field("quote", "text", "The sentence the figure comes from, as stored."),
        Field("note", "text", "Caveats.", required=False),
        Field("candidate_row", "int", "Row of candidates.csv it was verified as; empty for the"
              " rows of local_indicators.csv.", required=False, min_value=1),
    ),
    key=("local_id",),
    references={"scope_id": "scope", "source_id": "sources.source_id",
                "indicator": "local_indicator_labels.indicator"},
    optional=True,
)

ORIGINAL16_EVIDENCE = Table(
    "original16_evidence", "original16_evidence.csv",
    "Sources that name an area as one of the 16 areas of 2020-2021 (the official list was not"
    " found; areas.cohort stays as it is).",
    (
        Field("evidence_id", "text", "Stable id (O01, ...)."),
        Field("area_id", "text", "Focus area named."),
        _SOURCE,
        Field("period", "text", "Date of the source as stated.", required=False),
        Field("quote", "text", "The sentence, as stored."),
        Field("strength", "enum", "explicit, named (as a beneficiary), indirect or truncated.",
              enum=EVIDENCE_STRENGTHS),
        Field("note", "text", "What the verification found.", required=False),
        Field("candidate_row", "int", "Row of candidates.csv.", required=False, min_value=1),
    ),
    key=("evidence_id",),
    references={"area_id": "areas.area_id", "source_id": "sources.source_id"},
    optional=True,
)

CANDIDATE_FACT_KINDS = ("context", "confirms", "rejected", "other_fund")
CANDIDATE_FACT_UNITS = ("eur", "dwellings", "count")

CANDIDATE_FACTS = Table(
    "candidate_facts", "candidate_facts.csv",
    "Verified candidate rows the other tables have no field for (co-financing, totals, rejected"
    " applications, other funds, dwelling counts) or that confirm a figure already there: shown"
    " beside an area's money and on the sources page, never added into a total.",
    (
        Field("fact_id", "text", "Stable id (F01, ...)."),
        Field("scope_id", "text", "Area id, gemeente code or NL."),
        Field("kind", "enum", "context, confirms (a figure already in the data), rejected (an"
              " application not honoured) or other_fund.", enum=CANDIDATE_FACT_KINDS),
        Field("topic_nl", "text", "What the figure is, in Dutch."),
        Field("topic_en", "text", "What the figure is, in English."),
        Field("period", "text", "Period as the candidate row states it."),
        Field("period_nl", "text", "That period in Dutch, for the screen."),
        Field("period_en", "text", "That period in English, for the screen."),
        Field("value", "float", "The figure (the low end of a range).", min_value=0),
        Field("value_high", "float", "The high end of a range; empty for one number.",
              required=False, min_value=0),
        Field("unit", "enum", "eur, dwellings or count.", enum=CANDIDATE_FACT_UNITS),
        Field("value_as_stated", "text", "Value and unit words as the candidate row has them."),
        _status(),
        _SOURCE,
        Field("quote", "text", "The sentence, as stored."),
        Field("note", "text", "What the verification found.", required=False),
        Field("candidate_row", "int", "Row of candidates.csv.", min_value=1),
    ),
    key=("fact_id",),
    references={"scope_id": "scope", "source_id": "sources.source_id"},
    optional=True,
)

# Tables whose rows a change can name (a single-column key).
CHANGEABLE_TABLES = ("areas", "budget_lines", "allocations", "timeline", "local_indicators")

CHANGES = Table(
    "changes", "changes.csv",
    "Every field a verified source changed, with the old and the new source.",
    (
        Field("change_id", "text", "Stable id (C01, ...)."),
        Field("table", "enum", "Table of the changed row.", enum=CHANGEABLE_TABLES),
        Field("row_id", "text", "Key of the changed row in that table."),
        Field("field", "text", "Changed column."),
        Field("old_value", "text", "Value before the change (empty: none).", required=False),
        Field("new_value", "text", "Value after the change.", required=False),
        Field("old_source_id", "text", "Source of the old value (sources.source_id)."),
        Field("new_source_id", "text", "Source of the new value (sources.source_id)."),
        Field("reason_nl", "text", "Why, in Dutch."),
        Field("reason_en", "text", "Why, in English."),
    ),
    key=("change_id",),
    references={"old_source_id": "sources.source_id", "new_source_id": "sources.source_id"},
    optional=True,
)

# Tables whose free text (notes, publishers, dates as written) data_texts.csv may translate.
TRANSLATABLE_TABLES = (
    "sources", "areas", "area_wijken", "population", "indicators", "budget_lines", "allocations",
    "changes",
)

DATA_TEXTS = Table(
    "data_texts", "data_texts.csv",
    "Dutch and English wording of free text in the other source files (the project's own text,"
    " not a fact: scripts/import_facts.py leaves this file alone).",
    (
        Field("table", "enum", "Table whose text this is.", enum=TRANSLATABLE_TABLES),
        Field("field", "text", "Column of that table."),
        Field("en", "text", "The text exactly as that column holds it (English)."),
        Field("nl", "text", "The same in Dutch: what the text says, no figure changed."),
    ),
    key=("table", "field", "en"),
    optional=True,
)

# Build order: referenced tables first.
TABLES: tuple[Table, ...] = (
    SOURCES, AREAS, AREA_WIJKEN, POPULATION, INDICATORS, BUDGET_LINES, ROUNDS, ALLOCATIONS,
    TIMELINE, LOCAL_INDICATOR_LABELS, LOCAL_INDICATORS, ORIGINAL16_EVIDENCE, CANDIDATE_FACTS,
    CHANGES, DATA_TEXTS,
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
