"""Build the DuckDB file from the validated source files, atomically.

The database is written to a temporary file beside the target and renamed into place only when
complete, so a failed or killed build leaves the previous database as it was (after Observable
Framework's data loaders). The app treats the file as read-only (after Datasette).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from nplv_data import __version__
from nplv_data.schema import TABLES, Table
from nplv_data.snapshot import open_read_only, remove_stale_links
from nplv_data.validate import load_sources

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = ROOT / "data" / "sources"
DEFAULT_DB = ROOT / "data" / "nplv.duckdb"

_SQL_TYPES = {
    "text": "VARCHAR", "enum": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "date": "DATE",
    "month_or_date": "VARCHAR", "bool": "BOOLEAN",
}

EURO_SQL_TYPE = "DECIMAL(18,2)"


def sql_type(field) -> str:
    """The column type of a field. Euro amounts are exact cents: sums of DOUBLEs could differ in
    the last digit between two runs, so the same total would not always print the same."""
    if field.type == "float" and field.unit == "EUR":
        return EURO_SQL_TYPE
    return _SQL_TYPES[field.type]


VIEWS = """
CREATE VIEW area_residents AS
SELECT p.scope_id AS area_id, p.value AS residents, p.ref_date AS residents_ref_date,
       p.status AS residents_status, p.source_id AS residents_source_id
FROM population p
WHERE p.measure = 'inhabitants'
  AND p.scope_id IN (SELECT area_id FROM areas)
  AND p.ref_date = (SELECT max(q.ref_date) FROM population q
                    WHERE q.scope_id = p.scope_id AND q.measure = 'inhabitants');

CREATE VIEW municipality_round_money AS
SELECT al.gemeente_code, al.round_id, r.fund, r.date AS round_date,
       sum(al.amount_eur) AS amount_eur,
       count(*) AS n_projects,
       count(*) FILTER (WHERE al.amount_eur IS NULL) AS n_amount_unknown,
       bool_or(al.status <> 'confirmed') AS has_uncertain
FROM allocations al JOIN rounds r USING (round_id)
WHERE al.gemeente_code IS NOT NULL
GROUP BY ALL;

CREATE VIEW area_summary AS
WITH muni AS (
    SELECT a.gemeente_code, count(*) AS areas_in_municipality,
           sum(ar.residents) AS focus_residents_in_municipality
    FROM areas a LEFT JOIN area_residents ar USING (area_id)
    GROUP BY a.gemeente_code
), vhf AS (
    SELECT gemeente_code, sum(amount_eur) AS vhf_eur, sum(n_projects) AS vhf_projects,
           sum(n_amount_unknown) AS vhf_amount_unknown, bool_or(has_uncertain) AS vhf_uncertain
    FROM municipality_round_money WHERE fund = 'vhf' GROUP BY gemeente_code
)
SELECT a.area_id, a.name, a.municipality, a.gemeente_code, a.province, a.cohort,
       a.centroid_lat, a.centroid_lon, a.status, a.source_id,
       ar.residents, ar.residents_ref_date, ar.residents_status, ar.residents_source_id,
       muni.areas_in_municipality, muni.focus_residents_in_municipality,
       vhf.vhf_eur AS vhf_municipality_eur,
       coalesce(vhf.vhf_projects, 0) AS vhf_projects,
       coalesce(vhf.vhf_amount_unknown, 0) AS vhf_amount_unknown,
       coalesce(vhf.vhf_uncertain, false) AS vhf_uncertain,
       vhf.vhf_eur / muni.focus_residents_in_municipality
           AS vhf_eur_per_focus_resident
FROM areas a
LEFT JOIN area_residents ar USING (area_id)
LEFT JOIN muni USING (gemeente_code)
LEFT JOIN vhf USING (gemeente_code);

CREATE VIEW cohort_summary AS
WITH sets AS (
    SELECT 'original16' AS area_set, area_id FROM areas WHERE cohort = 'original16'
    UNION ALL SELECT 'added2022', area_id FROM areas WHERE cohort = 'added2022'
    UNION ALL SELECT 'all20', area_id FROM areas WHERE is_current
), per_set AS (
    SELECT s.area_set, count(*) AS n_areas,
           count(DISTINCT a.gemeente_code) AS n_municipalities,
           sum(a.residents) AS residents_sum
    FROM sets s JOIN area_summary a USING (area_id) GROUP BY s.area_set
), money AS (
    SELECT s.area_set, sum(m.amount_eur) AS vhf_eur
    FROM (SELECT DISTINCT s.area_set, a.gemeente_code FROM sets s JOIN areas a USING (area_id)) s
    JOIN municipality_round_money m USING (gemeente_code)
    WHERE m.fund = 'vhf' GROUP BY s.area_set
), reference AS (
    SELECT CASE scope_id WHEN 'ALL20' THEN 'all20' WHEN 'ALL16' THEN 'original16' END AS area_set,
           value AS residents_reference, source_id AS residents_reference_source_id,
           status AS residents_reference_status
    FROM population
    WHERE measure = 'inhabitants_sum_of_area_values' AND scope_id IN ('ALL20', 'ALL16')
)
SELECT per_set.*, coalesce(money.vhf_eur, 0) AS vhf_eur, reference.residents_reference,
       reference.residents_reference_source_id, reference.residents_reference_status
FROM per_set LEFT JOIN money USING (area_set) LEFT JOIN reference USING (area_set)
ORDER BY CASE per_set.area_set WHEN 'original16' THEN 1 WHEN 'added2022' THEN 2 ELSE 3 END;
"""


VIEW_NAMES = ("area_residents", "municipality_round_money", "area_summary", "cohort_summary")


@dataclass(frozen=True)
class BuildReport:
    path: Path
    seconds: float
    row_counts: dict[str, int]
    data_version: str


BUILD_FORMAT = "4"  # raise when the database layout changes (2: euro amounts as DECIMAL;
# 3: local_indicators, local_indicator_labels, original16_evidence, candidate_facts, changes;
# 4: data_texts)


def data_version(sources_dir: Path) -> str:
    """A short hash of every source file and the build format: the database records what it
    was built from, so a database of older sources or an older layout is rebuilt."""
    digest = hashlib.sha256(f"format {BUILD_FORMAT}".encode())
    for table in TABLES:
        path = Path(sources_dir) / table.file
        digest.update(table.file.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()[:16]


def _create_table(con: duckdb.DuckDBPyConnection, table: Table, frame) -> None:
    # Column names are quoted: changes has a column named "table".
    columns = ", ".join(f'"{f.name}" {sql_type(f)}' for f in table.fields)
    keys = ", ".join(f'"{k}"' for k in table.key)
    con.execute(f"CREATE TABLE {table.name} ({columns})")
    con.register("incoming", frame)
    casts = ", ".join(f'CAST("{f.name}" AS {sql_type(f)})' for f in table.fields)
    con.execute(f"INSERT INTO {table.name} SELECT {casts} FROM incoming ORDER BY {keys}")
    con.unregister("incoming")
    comment = table.description.replace("'", "''")
    con.execute(f"COMMENT ON TABLE {table.name} IS '{comment}'")


@contextmanager
def build_lock(db_path: Path):
    """One build at a time per database path, across processes."""
    lock_path = Path(str(db_path) + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_database(sources_dir: Path = DEFAULT_SOURCES, out: Path = DEFAULT_DB) -> BuildReport:
    """Validate the sources and write the database; raise SourceDataError and keep the old file."""
    started = time.perf_counter()
    sources_dir, out = Path(sources_dir), Path(out)
    version = data_version(sources_dir)
    frames = load_sources(sources_dir)  # raises before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = duckdb.connect(str(tmp))
        try:
            for table in TABLES:
                _create_table(con, table, frames[table.name])
            con.execute(VIEWS)
            con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("data_version", version),
                ("built_at", time.strftime("%Y-%m-%dT%H:%M:%S%z")),
                ("app_version", __version__),
                ("sources_dir", sources_dir.name),
            ])
            counts = {t.name: len(frames[t.name]) for t in TABLES}
            con.execute("CHECKPOINT")
        finally:
            con.close()
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, out)
        remove_stale_files(out)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return BuildReport(out, time.perf_counter() - started, counts, version)


def database_version(db_path: Path, verify: bool = False) -> str | None:
    """The data_version recorded in the database, or None if it is missing or unreadable.

    With ``verify`` every table is read in full, so a truncated file whose meta row survived is
    caught too (the file is a few MB; callers cache the answer per file state).
    """
    if not Path(db_path).exists():
        return None
    try:
        with open_read_only(Path(db_path)) as con:
            row = con.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone()
            if verify:
                names = [t.name for t in TABLES] + list(VIEW_NAMES)
                for name in names:  # names from the schema, never from input
                    con.execute(f"SELECT * FROM {name}").fetchall()
                blocks, block_size = con.execute(
                    "SELECT total_blocks, block_size FROM pragma_database_size()").fetchone()
                if Path(db_path).stat().st_size < blocks * block_size:
                    return None
            return row[0] if row else None
    except (duckdb.Error, OSError):
        return None


def remove_stale_files(out: Path) -> None:
    """Temp files of builds that were killed (their process is gone) and old snapshot links."""
    for tmp in out.parent.glob(f".{out.name}.*.tmp*"):
        pid = tmp.name[len(out.name) + 2:].split(".")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            tmp.unlink(missing_ok=True)
    remove_stale_links(out)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def ensure_database(sources_dir: Path = DEFAULT_SOURCES, db_path: Path = DEFAULT_DB) -> bool:
    """Build when the database is missing, unreadable or built from other sources.

    Returns True when it built. Raises SourceDataError when the sources are invalid; an existing
    readable database is then left in place for the caller to decide.
    """
    sources_dir, db_path = Path(sources_dir), Path(db_path)
    wanted = data_version(sources_dir) if sources_dir.is_dir() else None
    current = database_version(db_path, verify=True)
    if current is not None and (wanted is None or current == wanted):
        return False
    with build_lock(db_path):
        # Another process may have built it while we waited for the lock.
        if wanted is not None and database_version(db_path, verify=True) == wanted:
            return False
        build_database(sources_dir, db_path)
        return True
