"""Shared test fixtures.

Data fixtures (this block): the hand-made ``tests/fixtures/tiny_sources`` set and databases
built from it and from the real ``data/sources``. Every database is built into a pytest tmp
folder; no test ever writes ``data/nplv.duckdb``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from nplv_data.build import build_database

# AppTest runs the pages in this process: chart specs are built here too (no worker pool to
# spawn per test process, and patched limits apply). test_offload covers the worker path, and
# the browser tests' server runs with the app's default.
os.environ["NPLV_CHART_WORKERS"] = "0"

REPO_ROOT = Path(__file__).resolve().parent.parent
REAL_SOURCES = REPO_ROOT / "data" / "sources"
TINY_SOURCES = Path(__file__).resolve().parent / "fixtures" / "tiny_sources"


# --- data fixtures ------------------------------------------------------------------------------

@pytest.fixture
def tiny_sources(tmp_path: Path) -> Path:
    """A private, writable copy of the tiny fixture sources (tests may break it)."""
    target = tmp_path / "sources"
    shutil.copytree(TINY_SOURCES, target)
    return target


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a database built once per session from the tiny fixture sources (read it only)."""
    out = tmp_path_factory.mktemp("tiny_db") / "tiny.duckdb"
    build_database(TINY_SOURCES, out)
    return out


@pytest.fixture(scope="session")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a database built once per session from the real data/sources (read it only)."""
    out = tmp_path_factory.mktemp("real_db") / "nplv.duckdb"
    build_database(REAL_SOURCES, out)
    return out


@pytest.fixture(scope="module")
def db(real_db: Path):
    """A connection to the real-data database, one per test module (a module may define its
    own ``db``, which then wins)."""
    from nplv_data import queries

    database = queries.Database(real_db)
    yield database
    database.close()


@pytest.fixture(scope="session")
def real_areas(real_db: Path):
    """``queries.areas`` of the real database (treat as read-only)."""
    from nplv_data import queries

    db = queries.Database(real_db)
    try:
        yield queries.areas(db)
    finally:
        db.close()
