"""Named queries: the only way the app reads the database.

Every function takes a ``Database`` and plain, typed parameters, binds them as SQL parameters
(never formatted into the SQL text) and returns a pandas DataFrame whose columns its docstring
lists. Figures travel with their ``status`` and ``source_id`` so a page can always show where a
number comes from.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from nplv_data.snapshot import open_read_only

AREA_SETS = ("all20", "original16", "added2022", "custom")

# Tables and views offered as CSV downloads; the only names ever placed in SQL text.
EXPORTABLE = (
    "area_summary", "cohort_summary", "areas", "area_wijken", "population", "indicators",
    "budget_lines", "rounds", "allocations", "timeline", "sources", "local_indicators",
    "local_indicator_labels", "original16_evidence", "candidate_facts", "changes", "data_texts",
)


class Database:
    """A read-only connection; each query runs on its own cursor, so threads never share one.

    It opens the file through a snapshot link named after the file's inode (see
    ``build.open_read_only``): DuckDB shares one instance per path, so after a rebuild replaced
    the file, a connection by the plain path could still be handed the old one.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._con = open_read_only(self.path)

    def frame(self, sql: str, params: Sequence | dict | None = None) -> pd.DataFrame:
        with self._con.cursor() as cursor:
            return cursor.execute(sql, params or []).df()

    def close(self) -> None:
        self._con.close()


class TranslatedDatabase:
    """The same connection, its results' free text in another language: every text cell that
    equals a key of ``texts`` reads as its value (``data_texts.csv``: only texts the file lists
    change, by whole value, so names and codes stay as they are; a column named ``*_code`` is a
    code and stays as written)."""

    def __init__(self, db: Database, texts: dict[str, str]):
        self.path = db.path
        self.raw = db  # for whole-table downloads: the source files as they are
        self._texts = texts

    def frame(self, sql: str, params: Sequence | dict | None = None) -> pd.DataFrame:
        return translated(self.raw.frame(sql, params), self._texts)


def translated(frame: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """``frame`` with each text cell found in ``texts`` replaced by its translation."""
    changed = {}
    for name in frame.columns:
        column = frame[name]
        if str(name).endswith("_code") or (
                column.dtype != object and not pd.api.types.is_string_dtype(column)):
            continue
        hits = column.isin(texts.keys())
        if hits.any():
            changed[name] = column.map(lambda v: texts.get(v, v) if isinstance(v, str) else v)
    return frame.assign(**changed) if changed else frame


def _ids(values: Sequence[str] | None) -> list[str] | None:
    return None if values is None else [str(v) for v in values]


# --- areas and selections -------------------------------------------------------------------

def areas(db: Database) -> pd.DataFrame:
    """All focus areas with residents and money, largest first.

    Columns: area_id, name, municipality, gemeente_code, province, cohort, centroid_lat,
    centroid_lon, status, source_id, residents, residents_ref_date, residents_status,
    residents_source_id, areas_in_municipality, focus_residents_in_municipality,
    vhf_municipality_eur (None when no allocation is known), vhf_projects, vhf_amount_unknown,
    vhf_uncertain, vhf_eur_per_focus_resident.
    """
    return db.frame("SELECT * FROM area_summary ORDER BY residents DESC, name")


def area_ids_for_set(db: Database, area_set: str) -> list[str]:
    """Area ids of a named set: all20, original16 or added2022."""
    if area_set not in AREA_SETS[:3]:
        raise ValueError(f"unknown area set {area_set!r}")
    frame = db.frame(
        "SELECT area_id FROM areas WHERE (? = 'all20' AND is_current) OR cohort = ? "
        "ORDER BY area_id",
        [area_set, area_set],
    )
    return frame["area_id"].tolist()


def selection_totals(db: Database, area_ids: Sequence[str]) -> pd.DataFrame:
    """One row for a set of areas.

    Columns: n_areas, n_municipalities, residents_sum (computed from rounded area values),
    vhf_eur (known VHF allocations to the municipalities involved, each counted once),
    vhf_projects, vhf_amount_unknown.
    """
    return db.frame(
        """
        WITH chosen AS (SELECT * FROM area_summary WHERE list_contains(?, area_id)),
        munis AS (SELECT DISTINCT gemeente_code FROM chosen)
        SELECT (SELECT count(*) FROM chosen) AS n_areas,
               (SELECT count(*) FROM munis) AS n_municipalities,
               (SELECT sum(residents) FROM chosen) AS residents_sum,
               (SELECT sum(amount_eur) FROM municipality_round_money m
                 WHERE fund = 'vhf' AND m.gemeente_code IN (SELECT gemeente_code FROM munis))
                 AS vhf_eur,
               (SELECT coalesce(sum(n_projects), 0) FROM municipality_round_money m
                 WHERE fund = 'vhf' AND m.gemeente_code IN (SELECT gemeente_code FROM munis))
                 AS vhf_projects,
               (SELECT coalesce(sum(n_amount_unknown), 0) FROM municipality_round_money m
                 WHERE fund = 'vhf' AND m.gemeente_code IN (SELECT gemeente_code FROM munis))
                 AS vhf_amount_unknown
        """,
        [_ids(area_ids)],
    )


def vhf_by_status(db: Database, area_ids: Sequence[str]) -> pd.DataFrame:
    """Known VHF allocations to the municipalities of these areas (each municipality once),
    summed per status, so a total can say how much of it is confirmed, approximate (rounded in
    the source) or unconfirmed.

    Columns: status, amount_eur, n_allocations (only statuses with a known amount).
    """
    return db.frame(
        """
        WITH munis AS (
            SELECT DISTINCT gemeente_code FROM areas WHERE list_contains(?, area_id)
        )
        SELECT al.status, sum(al.amount_eur) AS amount_eur, count(*) AS n_allocations
        FROM allocations al JOIN rounds r USING (round_id)
        WHERE r.fund = 'vhf' AND al.amount_eur IS NOT NULL
          AND al.gemeente_code IN (SELECT gemeente_code FROM munis)
        GROUP BY al.status ORDER BY al.status
        """,
        [_ids(area_ids)],
    )


def cohort_summary(db: Database) -> pd.DataFrame:
    """Original 16, the 4 added in 2022, and all 20.

    Columns: area_set, n_areas, n_municipalities, residents_sum (computed), vhf_eur,
    residents_reference (sourced total, where one exists), residents_reference_source_id,
    residents_reference_status.
    """
    return db.frame("SELECT * FROM cohort_summary")


# --- population and indicators --------------------------------------------------------------

def population(db: Database, scope_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Population rows, all measures and dates.

    Columns: scope_id, ref_date, measure, value, unit, precision, status, source_id.
    """
    return db.frame(
        "SELECT * FROM population WHERE ? IS NULL OR list_contains(?, scope_id) "
        "ORDER BY scope_id, measure, ref_date NULLS LAST",
        [_ids(scope_ids), _ids(scope_ids)],
    )


def indicators(db: Database, scope_ids: Sequence[str] | None = None,
               indicator: str | None = None) -> pd.DataFrame:
    """Indicator rows in long format.

    Columns: scope_id, indicator, subarea, period, value, unit, unit_label, status, source_id,
    note.
    """
    return db.frame(
        """
        SELECT * FROM indicators
        WHERE (? IS NULL OR list_contains(?, scope_id)) AND (? IS NULL OR indicator = ?)
        ORDER BY indicator, scope_id, subarea NULLS FIRST, period
        """,
        [_ids(scope_ids), _ids(scope_ids), indicator, indicator],
    )


def indicator_by_area(db: Database, indicator: str, period: str,
                      area_ids: Sequence[str]) -> pd.DataFrame:
    """One row per chosen area for one indicator and period; value None where not in sources.

    Columns: area_id, name, cohort, residents, value, unit, unit_label, status, source_id, note.
    """
    return db.frame(
        """
        SELECT a.area_id, a.name, a.cohort, a.residents, i.value, i.unit, i.unit_label,
               i.status, i.source_id, i.note
        FROM area_summary a
        LEFT JOIN indicators i
          ON i.scope_id = a.area_id AND i.indicator = ? AND i.period = ? AND i.subarea IS NULL
        WHERE list_contains(?, a.area_id)
        ORDER BY i.value DESC NULLS LAST, a.name
        """,
        [indicator, period, _ids(area_ids)],
    )


def indicator_references(db: Database, indicator: str, period: str) -> pd.DataFrame:
    """Comparison values for one indicator: programme-wide, national and rest-of-municipality.

    Columns: scope_id, value, unit, unit_label, status, source_id, note.
    """
    return db.frame(
        """
        SELECT scope_id, value, unit, unit_label, status, source_id, note FROM indicators
        WHERE indicator = ? AND period = ? AND subarea IS NULL
          AND scope_id NOT IN (SELECT area_id FROM areas)
        ORDER BY scope_id
        """,
        [indicator, period],
    )


def indicator_catalog(db: Database) -> pd.DataFrame:
    """Which indicator/period pairs exist and for how many areas.

    Columns: indicator, period, unit, n_areas, n_rows.
    """
    return db.frame(
        """
        SELECT indicator, period, any_value(unit) AS unit,
               count(*) FILTER (WHERE scope_id IN (SELECT area_id FROM areas)
                                AND subarea IS NULL) AS n_areas,
               count(*) AS n_rows
        FROM indicators GROUP BY indicator, period ORDER BY indicator, period
        """
    )


# The local figures one area's detail shows (``local_indicators``), as CTEs ending in ``chosen``;
# ``area_sources`` lists their sources. $1 is the area id.
_LOCAL_ROWS_OF_AREA = """
        local_area AS (SELECT area_id, gemeente_code FROM areas WHERE area_id = $1),
        local_area_sources AS (
            SELECT DISTINCT source_id FROM local_indicators WHERE scope_id = $1
        ), local_sources_with_areas AS (
            SELECT DISTINCT source_id FROM local_indicators
            WHERE scope_id IN (SELECT area_id FROM areas)
        ), chosen AS (
            SELECT l.*, 'area' AS scope_level FROM local_indicators l WHERE l.scope_id = $1
            UNION ALL
            SELECT l.*, 'municipality' FROM local_indicators l
            WHERE l.scope_id = (SELECT gemeente_code FROM local_area)
              AND (l.source_id IN (SELECT source_id FROM local_area_sources)
                   OR l.source_id NOT IN (SELECT source_id FROM local_sources_with_areas))
        )"""


def local_indicators(db: Database, area_id: str) -> pd.DataFrame:
    """Local monitor and press figures for one area, beside its own municipality's figures.

    The area's rows (whole area and wijken in it), and the rows of the area's municipality
    (scope_id = its gemeente code) that come from a source that also has rows for this area,
    or from a source with no area rows at all (a municipal report, as Heerlen's on people
    moving in). Local figures compare an area with its own municipality only: never with other
    areas or the CBS indicators.

    Columns: local_id, scope_id, scope_level ('area' or 'municipality'), indicator, label_nl,
    label_en, subarea, period, period_nl, period_en, value, unit, unit_nl, unit_en, unit_label,
    status, source_id,
    source_kind, population, quote, note, candidate_row, source_title, source_url,
    source_publisher, source_published, pair_local_id (the row on the other side with the same
    indicator, period and source, the area side of it not a wijk; None when there is none).
    """
    return db.frame(
        f"""
        WITH {_LOCAL_ROWS_OF_AREA}
        SELECT c.local_id, c.scope_id, c.scope_level, c.indicator, lab.label_nl, lab.label_en,
               c.subarea, c.period, c.period_nl, c.period_en, c.value, c.unit, lab.unit_nl,
               lab.unit_en, c.unit_label,
               c.status, c.source_id, c.source_kind, c.population, c.quote, c.note,
               c.candidate_row, s.title AS source_title, s.url AS source_url,
               s.publisher AS source_publisher, s.published AS source_published,
               (SELECT min(o.local_id) FROM chosen o
                 WHERE o.scope_level <> c.scope_level AND o.indicator = c.indicator
                   AND o.period = c.period AND o.source_id = c.source_id
                   AND c.subarea IS NULL AND o.subarea IS NULL) AS pair_local_id
        FROM chosen c
        LEFT JOIN local_indicator_labels lab USING (indicator)
        LEFT JOIN sources s ON s.source_id = c.source_id
        ORDER BY c.source_id, c.indicator, c.period, c.scope_level, c.subarea NULLS FIRST,
                 c.local_id
        """,
        {"1": area_id},
    )


# --- money ----------------------------------------------------------------------------------

def budget_lines(db: Database, categories: Sequence[str] | None = None) -> pd.DataFrame:
    """Budget lines in file order of ids.

    Columns: line_id, instrument, ministry, amount_eur, kind, period, scope, category, status,
    source_id, note.
    """
    return db.frame(
        "SELECT * FROM budget_lines WHERE ? IS NULL OR list_contains(?, category) "
        "ORDER BY category, line_id",
        [_ids(categories), _ids(categories)],
    )


def rounds(db: Database) -> pd.DataFrame:
    """Allocation rounds. Columns: round_id, label_nl, label_en, date, fund, budget_line_id."""
    return db.frame("SELECT * FROM rounds ORDER BY date")


def allocations(db: Database, round_id: str | None = None, municipality: str | None = None,
                fund: str | None = None) -> pd.DataFrame:
    """Allocations with their round.

    Columns: allocation_id, round_id, label_nl, label_en, fund, is_round_inferred, date,
    municipality, gemeente_code, project, amount_eur, homes, is_focus_municipality, status,
    source_id.
    """
    return db.frame(
        """
        SELECT al.allocation_id, al.round_id, r.label_nl, r.label_en, r.fund,
               al.is_round_inferred, al.date, al.municipality, al.gemeente_code, al.project,
               al.amount_eur, al.homes, al.is_focus_municipality, al.status, al.source_id
        FROM allocations al JOIN rounds r USING (round_id)
        WHERE (? IS NULL OR al.round_id = ?) AND (? IS NULL OR al.municipality = ?)
          AND (? IS NULL OR r.fund = ?)
        ORDER BY r.date, al.amount_eur DESC NULLS LAST, al.municipality
        """,
        [round_id, round_id, municipality, municipality, fund, fund],
    )


def money_by_round_municipality(db: Database, fund: str = "vhf") -> pd.DataFrame:
    """Known money per round and receiving municipality or region.

    Columns: round_id, label_nl, label_en, round_date, municipality, is_focus_municipality,
    amount_eur, n_projects, n_amount_unknown, has_uncertain.
    """
    return db.frame(
        """
        SELECT al.round_id, r.label_nl, r.label_en, r.date AS round_date, al.municipality,
               bool_or(al.is_focus_municipality) AS is_focus_municipality,
               sum(al.amount_eur) AS amount_eur, count(*) AS n_projects,
               count(*) FILTER (WHERE al.amount_eur IS NULL) AS n_amount_unknown,
               bool_or(al.status <> 'confirmed') AS has_uncertain
        FROM allocations al JOIN rounds r USING (round_id)
        WHERE r.fund = ?
        GROUP BY ALL ORDER BY round_date, amount_eur DESC NULLS LAST
        """,
        [fund],
    )


def focus_share_by_round(db: Database, fund: str = "vhf") -> pd.DataFrame:
    """Per round: known allocations, the part to focus municipalities, and the round's budget.

    Columns: round_id, label_nl, label_en, round_date, known_eur, focus_eur, focus_share_pct
    (of the known allocations), n_projects, n_amount_unknown, budget_eur, budget_line_id,
    budget_source_id.
    """
    return db.frame(
        """
        SELECT r.round_id, r.label_nl, r.label_en, r.date AS round_date,
               sum(al.amount_eur) AS known_eur,
               coalesce(sum(al.amount_eur) FILTER (WHERE al.is_focus_municipality), 0)
                   AS focus_eur,
               100.0 * coalesce(sum(al.amount_eur) FILTER (WHERE al.is_focus_municipality), 0)
                   / sum(al.amount_eur) AS focus_share_pct,
               count(*) AS n_projects,
               count(*) FILTER (WHERE al.amount_eur IS NULL) AS n_amount_unknown,
               any_value(b.amount_eur) AS budget_eur, r.budget_line_id,
               any_value(b.source_id) AS budget_source_id
        FROM rounds r JOIN allocations al USING (round_id)
        LEFT JOIN budget_lines b ON b.line_id = r.budget_line_id
        WHERE r.fund = ?
        GROUP BY r.round_id, r.label_nl, r.label_en, r.date, r.budget_line_id
        ORDER BY round_date
        """,
        [fund],
    )


# --- one area -------------------------------------------------------------------------------

def area(db: Database, area_id: str) -> pd.DataFrame:
    """The area record (areas table) joined with its summary; empty if the id is unknown."""
    return db.frame(
        """
        SELECT a.*, s.residents, s.residents_ref_date, s.residents_status, s.residents_source_id,
               s.vhf_municipality_eur, s.vhf_eur_per_focus_resident, s.areas_in_municipality
        FROM areas a JOIN area_summary s USING (area_id) WHERE a.area_id = ?
        """,
        [area_id],
    )


def area_wijken(db: Database, area_id: str) -> pd.DataFrame:
    """Listed wijken. Columns: area_id, position, wijk_name, note, status, source_id."""
    return db.frame("SELECT * FROM area_wijken WHERE area_id = ? ORDER BY position", [area_id])


def area_money(db: Database, area_id: str) -> pd.DataFrame:
    """Allocations to the area's municipality (all funds); same columns as ``allocations``."""
    return db.frame(
        """
        SELECT al.allocation_id, al.round_id, r.label_nl, r.label_en, r.fund,
               al.is_round_inferred, al.date, al.municipality, al.gemeente_code, al.project,
               al.amount_eur, al.homes, al.is_focus_municipality, al.status, al.source_id
        FROM allocations al JOIN rounds r USING (round_id)
        WHERE al.gemeente_code = (SELECT gemeente_code FROM areas WHERE area_id = ?)
        ORDER BY r.date, al.amount_eur DESC NULLS LAST
        """,
        [area_id],
    )


def area_events(db: Database, area_id: str) -> pd.DataFrame:
    """Timeline events that name this area. Columns as ``timeline``."""
    return db.frame(
        "SELECT * FROM timeline WHERE list_contains(string_split(area_ids, ';'), ?) ORDER BY date",
        [area_id],
    )


def area_sources(db: Database, area_id: str) -> pd.DataFrame:
    """Every source behind a row about this area, with that row's kind and status.

    Columns: source_id, title, publisher, published, url, used_in, statuses.
    """
    return db.frame(
        f"""
        WITH {_LOCAL_ROWS_OF_AREA}, used AS (
            SELECT source_id, 'area' AS used_in, status FROM areas WHERE area_id = $1
            UNION ALL SELECT source_id, 'wijken', status FROM area_wijken WHERE area_id = $1
            UNION ALL SELECT source_id, 'population', status FROM population WHERE scope_id = $1
            UNION ALL SELECT source_id, 'indicators', status FROM indicators WHERE scope_id = $1
            UNION ALL SELECT al.source_id, 'allocations', al.status FROM allocations al
                WHERE al.gemeente_code = (SELECT gemeente_code FROM areas WHERE area_id = $1)
            UNION ALL SELECT source_id, 'timeline', 'confirmed' FROM timeline
                WHERE list_contains(string_split(area_ids, ';'), $1)
            UNION ALL SELECT source_id, 'local_indicators', status FROM chosen
            UNION ALL SELECT source_id, 'candidate_facts', status FROM candidate_facts
                WHERE scope_id = $1
                   OR scope_id = (SELECT gemeente_code FROM areas WHERE area_id = $1)
            UNION ALL SELECT source_id, 'original16_evidence',
                    CASE WHEN strength IN ('explicit', 'named') THEN 'confirmed'
                         ELSE 'approximate' END
                FROM original16_evidence WHERE area_id = $1
        )
        SELECT s.source_id, s.title, s.publisher, s.published, s.url,
               string_agg(DISTINCT u.used_in, ', ' ORDER BY u.used_in) AS used_in,
               string_agg(DISTINCT u.status, ', ' ORDER BY u.status) AS statuses
        FROM used u JOIN sources s USING (source_id)
        GROUP BY ALL ORDER BY s.source_id
        """,
        {"1": area_id},
    )


# --- timeline, sources, tables --------------------------------------------------------------

def timeline(db: Database) -> pd.DataFrame:
    """Events. Columns: event_id, date (text), date_precision, event_nl, event_en, area_ids,
    source_id, day (DATE: the first day of the month for month-precision dates)."""
    return db.frame(
        "SELECT *, CAST(CASE WHEN length(date) = 7 THEN date || '-01' ELSE date END AS DATE) AS day"
        " FROM timeline ORDER BY day, event_id"
    )


def sources(db: Database, source_ids: Sequence[str] | None = None) -> pd.DataFrame:
    """Sources. Columns: source_id, title, publisher, published, url, section, used_for."""
    return db.frame(
        "SELECT * FROM sources WHERE ? IS NULL OR list_contains(?, source_id) ORDER BY source_id",
        [_ids(source_ids), _ids(source_ids)],
    )


def source_status_counts(db: Database) -> pd.DataFrame:
    """How many figures per table have each status. Columns: table_name, status, n."""
    return db.frame(
        """
        SELECT 'population' AS table_name, status, count(*) AS n FROM population GROUP BY ALL
        UNION ALL SELECT 'indicators', status, count(*) FROM indicators GROUP BY ALL
        UNION ALL SELECT 'budget_lines', status, count(*) FROM budget_lines GROUP BY ALL
        UNION ALL SELECT 'allocations', status, count(*) FROM allocations GROUP BY ALL
        UNION ALL SELECT 'local_indicators', status, count(*) FROM local_indicators GROUP BY ALL
        UNION ALL SELECT 'candidate_facts', status, count(*) FROM candidate_facts GROUP BY ALL
        ORDER BY table_name, status
        """
    )


def data_changes(db: Database) -> pd.DataFrame:
    """What verified sources changed in the fact set: one row per changed field.

    Columns: change_id, table_name, row_id, field, old_value, new_value, old_source_id,
    old_source_title, old_source_url, new_source_id, new_source_title, new_source_url,
    reason_nl, reason_en, and for a changed allocation its municipality, project and round
    label (row_municipality, row_project, row_round_nl, row_round_en; None for other tables).
    """
    return db.frame(
        """
        SELECT c.change_id, c."table" AS table_name, c.row_id, c.field, c.old_value,
               c.new_value, c.old_source_id, o.title AS old_source_title,
               o.url AS old_source_url, c.new_source_id, n.title AS new_source_title,
               n.url AS new_source_url, c.reason_nl, c.reason_en,
               a.municipality AS row_municipality, a.project AS row_project,
               r.label_nl AS row_round_nl,
               r.label_en AS row_round_en
        FROM changes c
        LEFT JOIN sources o ON o.source_id = c.old_source_id
        LEFT JOIN sources n ON n.source_id = c.new_source_id
        LEFT JOIN allocations a ON c."table" = 'allocations' AND a.allocation_id = c.row_id
        LEFT JOIN rounds r ON r.round_id = a.round_id
        ORDER BY c.change_id
        """
    )


def candidate_facts(db: Database, area_id: str | None = None) -> pd.DataFrame:
    """Verified facts the other tables have no field for (candidate_facts), with their source.

    For an area: the rows about the area itself or its municipality; without one: every row,
    with the name of the area or municipality it is about (scope_name; 'NL' rows keep None).

    Columns: the candidate_facts columns, scope_name, source_title, source_url,
    source_published.
    """
    return db.frame(
        """
        WITH names AS (
            SELECT area_id AS scope_id, name AS scope_name FROM areas
            UNION ALL SELECT DISTINCT gemeente_code, municipality FROM areas
        )
        SELECT f.*, n.scope_name, s.title AS source_title, s.url AS source_url,
               s.published AS source_published
        FROM candidate_facts f
        LEFT JOIN names n USING (scope_id)
        LEFT JOIN sources s ON s.source_id = f.source_id
        WHERE $1 IS NULL OR f.scope_id = $1
           OR f.scope_id = (SELECT gemeente_code FROM areas WHERE area_id = $1)
        ORDER BY f.fact_id
        """,
        {"1": area_id},
    )


def original16_evidence(db: Database) -> pd.DataFrame:
    """Sources naming an area as one of the 16 of 2020-2021, beside the areas' cohort.

    Every area of the original16 cohort (an inference: the official list was not found) and
    every area named by a source; an area no source names has one row with evidence None.

    Columns: area_id, name, cohort, name_2021, name_2021_status, evidence_id, source_id,
    source_title, source_url, source_published, period, quote, strength, note, candidate_row.
    """
    return db.frame(
        """
        SELECT a.area_id, a.name, a.cohort, a.name_2021, a.name_2021_status, e.evidence_id,
               e.source_id, s.title AS source_title, s.url AS source_url,
               s.published AS source_published, e.period, e.quote, e.strength, e.note,
               e.candidate_row
        FROM areas a
        LEFT JOIN original16_evidence e USING (area_id)
        LEFT JOIN sources s ON s.source_id = e.source_id
        WHERE a.cohort = 'original16' OR e.evidence_id IS NOT NULL
        ORDER BY a.area_id, e.evidence_id NULLS LAST
        """
    )


def table(db: Database, name: str) -> pd.DataFrame:
    """A whole table or view for download; ``name`` must be one of EXPORTABLE."""
    if name not in EXPORTABLE:
        raise ValueError(f"not an exportable table: {name!r}")
    db = getattr(db, "raw", db)  # a download is the source file's text, untranslated
    return db.frame(f"SELECT * FROM {name}")  # name checked against the fixed list above


def table_sizes(db: Database) -> dict[str, int]:
    """Rows per EXPORTABLE table or view, for download labels (without reading the rows)."""
    sql = " UNION ALL ".join(f"SELECT '{name}' AS name, count(*) AS n FROM {name}"
                             for name in EXPORTABLE)  # names from the fixed list above
    return {row.name: int(row.n) for row in db.frame(sql).itertuples()}


def source_usage(db: Database) -> pd.DataFrame:
    """How each source is used: every source once, in source_id order.

    Figures are the rows of population, indicators, budget_lines, allocations,
    local_indicators and candidate_facts (the tables of ``source_status_counts``); area
    records, wijk listings, timeline events, original-16 evidence and the earlier source of a
    changed allocation cite sources too but carry no figure.

    Columns: source_id, n_figures, n_confirmed, n_approximate, n_unconfirmed, n_events (timeline
    events citing it), tables (comma-separated table names that cite it; None when none do),
    section_code (its section as sources.csv writes it, the same in every language: the
    section filter's URL value).
    """
    return db.frame(
        """
        WITH used AS (
            SELECT source_id, 'population' AS table_name, status FROM population
            UNION ALL SELECT source_id, 'indicators', status FROM indicators
            UNION ALL SELECT source_id, 'budget_lines', status FROM budget_lines
            UNION ALL SELECT source_id, 'allocations', status FROM allocations
            UNION ALL SELECT source_id, 'local_indicators', status FROM local_indicators
            UNION ALL SELECT previous_source_id, 'allocations', NULL FROM allocations
                WHERE previous_source_id IS NOT NULL
            UNION ALL SELECT source_id, 'original16_evidence', NULL FROM original16_evidence
            UNION ALL SELECT source_id, 'candidate_facts', status FROM candidate_facts
            UNION ALL SELECT source_id, 'areas', NULL FROM areas
            UNION ALL SELECT source_id, 'area_wijken', NULL FROM area_wijken
            UNION ALL SELECT source_id, 'timeline', NULL FROM timeline
        )
        SELECT s.source_id,
               count(u.status) AS n_figures,
               count(*) FILTER (WHERE u.status = 'confirmed') AS n_confirmed,
               count(*) FILTER (WHERE u.status = 'approximate') AS n_approximate,
               count(*) FILTER (WHERE u.status = 'unconfirmed') AS n_unconfirmed,
               count(*) FILTER (WHERE u.table_name = 'timeline') AS n_events,
               string_agg(DISTINCT u.table_name, ', ' ORDER BY u.table_name) AS tables,
               s.section AS section_code
        FROM sources s LEFT JOIN used u USING (source_id)
        GROUP BY s.source_id, s.section ORDER BY s.source_id
        """
    )


def money_by_round_municipality_detail(db: Database, fund: str = "vhf") -> pd.DataFrame:
    """Known money per round and receiving municipality or region, with what makes it uncertain.

    Like ``money_by_round_municipality``, plus the CBS code (to match the sidebar selection) and
    the flags a chart needs to mark approximate amounts and inferred rounds.

    Columns: round_id, label_nl, label_en, round_date, municipality, gemeente_code (None for
    regions), is_focus_municipality, amount_eur (sum of the known amounts; None when no amount
    is known), n_projects, n_amount_unknown, n_approximate, n_unconfirmed, n_round_inferred,
    source_ids (';'-separated, sorted).
    """
    return db.frame(
        """
        SELECT al.round_id, r.label_nl, r.label_en, r.date AS round_date, al.municipality,
               any_value(al.gemeente_code) AS gemeente_code,
               bool_or(al.is_focus_municipality) AS is_focus_municipality,
               sum(al.amount_eur) AS amount_eur, count(*) AS n_projects,
               count(*) FILTER (WHERE al.amount_eur IS NULL) AS n_amount_unknown,
               count(*) FILTER (WHERE al.status = 'approximate') AS n_approximate,
               count(*) FILTER (WHERE al.status = 'unconfirmed') AS n_unconfirmed,
               count(*) FILTER (WHERE al.is_round_inferred) AS n_round_inferred,
               string_agg(DISTINCT al.source_id, ';' ORDER BY al.source_id) AS source_ids
        FROM allocations al JOIN rounds r USING (round_id)
        WHERE r.fund = ?
        GROUP BY al.round_id, r.label_nl, r.label_en, r.date, al.municipality
        ORDER BY round_date, amount_eur DESC NULLS LAST, al.municipality
        """,
        [fund],
    )


def vhf_rounds_for_areas(db: Database, area_ids: Sequence[str]) -> pd.DataFrame:
    """Volkshuisvestingsfonds money per round to the municipalities of these areas.

    Each municipality counts once, however many of its areas are chosen (money is granted to
    municipalities, not to areas). Every VHF round is listed, also when no allocation to these
    municipalities is known (then amount_eur is None and n_projects 0).

    Columns: round_id, label_nl, label_en, round_date, amount_eur (sum of the known amounts; None
    when none is known), n_projects, n_amount_unknown, n_approximate, n_unconfirmed,
    n_round_inferred, source_ids (';'-separated, sorted; None when no allocation is known).
    """
    return db.frame(
        """
        WITH munis AS (
            SELECT DISTINCT gemeente_code FROM areas WHERE list_contains(?, area_id)
        ), chosen AS (
            SELECT * FROM allocations WHERE gemeente_code IN (SELECT gemeente_code FROM munis)
        )
        SELECT r.round_id, r.label_nl, r.label_en, r.date AS round_date,
               sum(c.amount_eur) AS amount_eur,
               count(c.allocation_id) AS n_projects,
               count(c.allocation_id) FILTER (WHERE c.amount_eur IS NULL) AS n_amount_unknown,
               count(c.allocation_id) FILTER (WHERE c.status = 'approximate') AS n_approximate,
               count(c.allocation_id) FILTER (WHERE c.status = 'unconfirmed') AS n_unconfirmed,
               count(c.allocation_id) FILTER (WHERE c.is_round_inferred) AS n_round_inferred,
               string_agg(DISTINCT c.source_id, ';' ORDER BY c.source_id) AS source_ids
        FROM rounds r LEFT JOIN chosen c USING (round_id)
        WHERE r.fund = 'vhf'
        GROUP BY r.round_id, r.label_nl, r.label_en, r.date
        ORDER BY round_date, r.round_id
        """,
        [_ids(area_ids)],
    )


def area_indicator_comparisons(db: Database, area_id: str) -> pd.DataFrame:
    """Comparison values for the indicators one area has: for every indicator/period pair with
    a row for this area (whole area or a wijk in it), the rows of scopes that are not areas
    (ALL20, NL, rest:<place>, gemeente codes). The caller decides which scopes fit the area.

    Columns: indicator, period, scope_id, value, unit, unit_label, status, source_id, note.
    """
    return db.frame(
        """
        SELECT r.indicator, r.period, r.scope_id, r.value, r.unit, r.unit_label, r.status,
               r.source_id, r.note
        FROM indicators r
        JOIN (SELECT DISTINCT indicator, period FROM indicators WHERE scope_id = ?) p
          USING (indicator, period)
        WHERE r.subarea IS NULL AND r.scope_id NOT IN (SELECT area_id FROM areas)
        ORDER BY r.indicator, r.period, r.scope_id
        """,
        [area_id],
    )


def data_texts(db: Database) -> dict[str, str]:
    """English text -> Dutch text of the free text in the data (``data_texts.csv``), with the
    source dates as written (``sources.published``) for the app to add its own wording."""
    frame = db.frame("SELECT en, nl FROM data_texts ORDER BY en")
    return dict(zip(frame["en"], frame["nl"], strict=True))


def source_dates(db: Database) -> list[str]:
    """Every date text of sources.csv as written ('11 Feb 2026', 'undated', ...)."""
    frame = db.frame("SELECT DISTINCT published FROM sources WHERE published IS NOT NULL"
                     " ORDER BY published")
    return frame["published"].tolist()


def build_info(db: Database) -> dict[str, str]:
    """What the database was built from: data_version, built_at, app_version, sources_dir."""
    frame = db.frame("SELECT key, value FROM meta")
    return dict(zip(frame["key"], frame["value"]))
