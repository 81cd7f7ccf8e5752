"""The app at start-up when its data is damaged or missing, and the read-only database.

AppTest runs of app.py with ``NPLV_DB``/``NPLV_SOURCES`` pointing at temporary files:

(a) a corrupt or truncated database is rebuilt from the sources, with the toast and no exception;
(b) no sources and no database: a clear error (``sources_missing``), no traceback;
(c) invalid sources: with a good database the old one is served with the warning and the
    file:line problem; without one, a clear error listing the problem;
(d) the app's connection refuses writes;
(e) one ``Database`` shared by 10 threads x 20 queries: no errors, the same answers.

Streamlit's caches are process-wide and keyed on the data version, not the file, so each test
starts with empty caches (otherwise a broken file could be 'served' from another test's cache).
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import duckdb
import pytest
from pandas.testing import assert_frame_equal
from streamlit.testing.v1 import AppTest

from nplv_app import data
from nplv_app.content.i18n import t
from nplv_data import queries
from nplv_data.build import DEFAULT_SOURCES, build_database, database_version

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
TIMEOUT = 60


@pytest.fixture(autouse=True)
def empty_caches():
    data.clear_caches()
    data._version_of.cache_clear()
    yield
    data.clear_caches()
    data._version_of.cache_clear()


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the real sources (copy it before changing it)."""
    path = tmp_path_factory.mktemp("good") / "nplv.duckdb"
    build_database(DEFAULT_SOURCES, path)
    return path


def run_app(monkeypatch: pytest.MonkeyPatch, db: Path, sources: Path | None = None,
            page: str | None = None) -> AppTest:
    monkeypatch.setenv("NPLV_DB", str(db))
    if sources is None:
        monkeypatch.delenv("NPLV_SOURCES", raising=False)
    else:
        monkeypatch.setenv("NPLV_SOURCES", str(sources))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if page is not None:
        at.switch_page(f"views/{page}.py")
    at.run()
    return at


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value[:500] for e in at.exception]


def page_rendered(at: AppTest) -> None:
    assert [x.value for x in at.title] == [t("page_overzicht", "nl")]
    assert any("·" in c.value for c in at.sidebar.caption)  # the selection summary


def toasts(at: AppTest) -> list[str]:
    return [x.value for x in at.toast]


def broken_sources(tmp_path: Path) -> Path:
    """A copy of data/sources with one bad cell: population.csv line 2, column value."""
    target = tmp_path / "sources"
    shutil.copytree(DEFAULT_SOURCES, target)
    path = target / "population.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\r\n").split(",")
    cells = lines[1].rstrip("\r\n").split(",")
    cells[header.index("value")] = "veel"
    lines[1] = ",".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    return target


# --- (a) corrupt database --------------------------------------------------------------------

@pytest.mark.parametrize("damage", ["garbage", "half", "empty"])
def test_corrupt_database_is_rebuilt(monkeypatch, tmp_path, good_db, damage) -> None:
    db = tmp_path / "nplv.duckdb"
    if damage == "garbage":
        db.write_bytes(b"this is not a database\x00\xff" * 4096)
    elif damage == "half":
        shutil.copy(good_db, db)
        with db.open("r+b") as handle:
            handle.truncate(db.stat().st_size // 2)
    else:
        db.write_bytes(b"")
    at = run_app(monkeypatch, db)
    no_exception(at)
    assert t("database_rebuilt", "nl") in toasts(at)
    page_rendered(at)
    assert database_version(db) is not None


def _truncated_but_meta_readable(good_db: Path, tmp_path: Path) -> Path | None:
    """A truncated copy whose meta row still reads, while the rest of the file is gone."""
    size = good_db.stat().st_size
    target = tmp_path / "nplv.duckdb"
    for percent in range(95, 40, -5):
        shutil.copy(good_db, target)
        with target.open("r+b") as handle:
            handle.truncate(size * percent // 100)
        if database_version(target) is None:
            continue
        try:
            db = queries.Database(target)
            try:
                for name in queries.EXPORTABLE:
                    queries.table(db, name)
            finally:
                db.close()
        except duckdb.Error:
            return target
    return None


def test_truncated_database_with_readable_meta_is_rebuilt(monkeypatch, tmp_path, good_db):
    db = _truncated_but_meta_readable(good_db, tmp_path)
    if db is None:
        pytest.skip("no truncation of this database keeps the meta row readable")
    at = run_app(monkeypatch, db, page="tijdlijn")
    no_exception(at)
    assert t("database_rebuilt", "nl") in toasts(at)


# --- (b) no sources, no database -------------------------------------------------------------

def test_sources_missing_and_no_database(monkeypatch, tmp_path) -> None:
    db = tmp_path / "nplv.duckdb"
    at = run_app(monkeypatch, db, sources=tmp_path / "no-such-folder")
    no_exception(at)
    assert [e.value for e in at.error] == [t("sources_missing", "nl")]
    details = "\n".join(c.value for c in at.code)
    assert "Traceback" not in details
    assert not at.title  # nothing else is drawn
    assert not db.exists()


# --- (c) invalid sources ---------------------------------------------------------------------

def test_invalid_sources_serve_the_old_database(monkeypatch, tmp_path, good_db) -> None:
    db = tmp_path / "nplv.duckdb"
    shutil.copy(good_db, db)
    before = db.read_bytes()
    at = run_app(monkeypatch, db, sources=broken_sources(tmp_path))
    no_exception(at)
    assert t("sources_invalid_serving_old", "nl") in [w.value for w in at.warning]
    details = "\n".join(c.value for c in at.code)
    assert "population.csv:2" in details and "value" in details, details
    page_rendered(at)
    assert db.read_bytes() == before  # the old database is left as it was


def test_invalid_sources_and_no_database(monkeypatch, tmp_path) -> None:
    db = tmp_path / "nplv.duckdb"
    at = run_app(monkeypatch, db, sources=broken_sources(tmp_path))
    no_exception(at)
    assert [e.value for e in at.error] == [t("sources_invalid", "nl")]
    details = "\n".join(c.value for c in at.code)
    assert "population.csv:2" in details and "Traceback" not in details, details
    assert not at.title
    assert not db.exists()


# --- (d) read-only -----------------------------------------------------------------------------

@pytest.mark.parametrize("statement", [
    "CREATE TABLE x (i INT)",
    "INSERT INTO meta VALUES ('k', 'v')",
    "DROP TABLE areas",
    "UPDATE meta SET value = 'x'",
])
def test_database_connection_refuses_writes(good_db, statement) -> None:
    db = queries.Database(good_db)
    try:
        with pytest.raises(duckdb.Error):
            db._con.execute(statement)
        with pytest.raises(duckdb.Error):
            db.frame(statement)
    finally:
        db.close()
    assert database_version(good_db) is not None


# --- (e) one Database, many threads --------------------------------------------------------

def test_threads_share_one_database(good_db) -> None:
    db = queries.Database(good_db)
    ids = queries.areas(db)["area_id"].tolist()
    calls = [
        lambda: queries.areas(db),
        lambda: queries.selection_totals(db, ids[:5]),
        lambda: queries.area_ids_for_set(db, "original16"),
        lambda: queries.cohort_summary(db),
        lambda: queries.sources(db),
        lambda: queries.table(db, "allocations"),
        lambda: queries.indicators(db, ids[:3]),
        lambda: queries.build_info(db),
    ]
    expected = [call() for call in calls]
    errors: list[str] = []
    mismatches: list[str] = []
    start = threading.Barrier(10)

    def worker(index: int) -> None:
        start.wait(timeout=30)
        for n in range(20):
            which = (index + n) % len(calls)
            try:
                got = calls[which]()
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(f"thread {index} query {which}: {type(exc).__name__}: {exc}")
                continue
            want = expected[which]
            if isinstance(want, (dict, list)):
                if got != want:
                    mismatches.append(f"thread {index} query {which}")
                continue
            try:
                # DuckDB's sum() over DOUBLE is not bit-for-bit repeatable (the order of the
                # additions varies, threads or not), hence a relative tolerance
                assert_frame_equal(got, want, check_exact=False, rtol=1e-12)
            except AssertionError as exc:
                mismatches.append(f"thread {index} query {which}: {exc}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    db.close()
    assert not any(thread.is_alive() for thread in threads)
    assert not errors, errors[:5]
    assert not mismatches, mismatches[:5]
