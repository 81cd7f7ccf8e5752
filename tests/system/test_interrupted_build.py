"""A build killed at any moment leaves the previous database usable.

``python -m nplv_data build --out X`` is started against the real sources while a good database
already sits at X and is SIGKILLed at fixed times and at moments keyed to its temporary file
appearing (the build has no hook to pause it, so timing is all there is). After every kill X
must still open, carry the same data_version and list 20 areas.

Temporary files: a kill after the build created ``.X.<pid>.tmp`` leaves that file (about
12 KB) and often ``.X.<pid>.tmp.wal`` behind. They are harmless - nothing reads them, and a later
build with the same pid deletes them before it starts - and the next successful build removes
those of builds whose process is gone, so they do not accumulate (they did at first: the
build only ever removed its own pid's files).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nplv_data import queries as q
from nplv_data.build import build_database, data_version, database_version

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_SOURCES = REPO_ROOT / "data" / "sources"
NAME = "nplv.duckdb"


def _start_build(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "nplv_data", "build", "--out", str(out)],
        cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=30)


def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 30) -> bool:
    """Poll until ``path`` exists; False if the process ended first."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def _assert_serving(db_path: Path, version: str) -> None:
    assert database_version(db_path) == version
    db = q.Database(db_path)
    try:
        assert len(q.areas(db)) == 20
        assert len(q.table(db, "areas")) == 20
        assert q.build_info(db)["data_version"] == version
    finally:
        db.close()


def _leftovers(folder: Path) -> list[str]:
    """Temporary files of builds: ``.nplv.duckdb.<pid>.tmp`` and its ``.wal``."""
    pattern = re.compile(rf"^\.{re.escape(NAME)}\.\d+\.tmp(\.wal)?$")
    return sorted(p.name for p in folder.iterdir() if pattern.match(p.name))


@pytest.fixture
def good_db(real_db, tmp_path) -> tuple[Path, str]:
    """A good database from the real sources already at X (a copy of the session build)."""
    out = tmp_path / NAME
    shutil.copyfile(real_db, out)
    version = database_version(out)
    assert version == data_version(REAL_SOURCES)
    return out, version


def test_sigkill_at_many_points_keeps_the_old_database(good_db, record_property):
    db_path, version = good_db
    landed = []
    # Fixed delays after start: these land in interpreter start-up, import or validation.
    for delay in (0.05, 0.15, 0.3, 0.6):
        proc = _start_build(db_path)
        time.sleep(delay)
        code = _kill(proc)
        tmp = db_path.with_name(f".{NAME}.{proc.pid}.tmp")
        landed.append(f"t={delay}s:{'finished' if code == 0 else 'killed'}"
                      f"{'+tmp' if tmp.exists() else ''}")
        _assert_serving(db_path, version)
    # Delays after the temporary database appears: these land while tables are written.
    for delay in (0.0, 0.03, 0.1):
        proc = _start_build(db_path)
        tmp = db_path.with_name(f".{NAME}.{proc.pid}.tmp")
        appeared = _wait_for(tmp, proc)
        time.sleep(delay)
        code = _kill(proc)
        state = "finished" if code == 0 else "killed"
        landed.append(f"tmp+{delay}s:{state}{'+tmp' if appeared and tmp.exists() else ''}"
                      f"{'+wal' if Path(str(tmp) + '.wal').exists() else ''}")
        _assert_serving(db_path, version)
    record_property("kill_points", "; ".join(landed))
    record_property("leftovers", ", ".join(_leftovers(db_path.parent)))
    # Whatever was left behind, a normal build still works and replaces the database.
    before = db_path.stat().st_ino
    build_database(REAL_SOURCES, db_path)
    assert db_path.stat().st_ino != before
    _assert_serving(db_path, version)
    # Nothing else of the killed builds is left: no stray WAL beside the database itself.
    assert not Path(str(db_path) + ".wal").exists()


def test_leftover_tmp_from_killed_build_does_not_break_next_build(good_db):
    db_path, version = good_db
    folder = db_path.parent
    proc = _start_build(db_path)
    tmp = db_path.with_name(f".{NAME}.{proc.pid}.tmp")
    _wait_for(Path(str(tmp) + ".wal"), proc)
    _kill(proc)
    if not tmp.exists():  # the build outran the poll; stand in for its debris
        tmp.write_bytes(os.urandom(12288))
        Path(str(tmp) + ".wal").write_bytes(os.urandom(4096))
    _assert_serving(db_path, version)
    # The same debris under this process's pid: pid reuse, e.g. in a container.
    mine = db_path.with_name(f".{NAME}.{os.getpid()}.tmp")
    shutil.copyfile(tmp, mine)
    if Path(str(tmp) + ".wal").exists():
        shutil.copyfile(str(tmp) + ".wal", str(mine) + ".wal")
    else:
        Path(str(mine) + ".wal").write_bytes(os.urandom(4096))
    report = build_database(REAL_SOURCES, db_path)
    assert report.row_counts["areas"] == 20
    _assert_serving(db_path, version)
    assert not mine.exists() and not Path(str(mine) + ".wal").exists()
    # The killed build's debris (another, dead pid) did not disturb it and is cleaned up.
    assert _leftovers(folder) == []


def test_stale_temp_files_of_killed_builds_are_cleaned_up(good_db):
    db_path, version = good_db
    dead = subprocess.Popen(["true"])
    dead.wait()  # a pid that no longer runs, like a killed build's
    stale = db_path.with_name(f".{NAME}.{dead.pid}.tmp")
    stale.write_bytes(os.urandom(12288))
    Path(str(stale) + ".wal").write_bytes(os.urandom(4096))
    live = subprocess.Popen(["sleep", "30"])  # stands in for a build still running
    try:
        busy = db_path.with_name(f".{NAME}.{live.pid}.tmp")
        busy.write_bytes(b"a build still writing")
        build_database(REAL_SOURCES, db_path)
        _assert_serving(db_path, version)
        assert _leftovers(db_path.parent) == [busy.name]  # only the live build's file is kept
    finally:
        live.kill()
        live.wait()
