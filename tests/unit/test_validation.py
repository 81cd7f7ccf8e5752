"""Bad source files: every class of problem is reported as file:line: field and the existing
database stays byte-for-byte what it was.

Each test breaks a private copy of tests/fixtures/tiny_sources (``tiny_sources``), puts a
previously built database at the target path, builds again and checks the SourceDataError and
the database's hash.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from nplv_data import queries as q
from nplv_data import validate
from nplv_data.__main__ import main as cli_main
from nplv_data.build import build_database
from nplv_data.schema import TABLES
from nplv_data.validate import MAX_PROBLEMS, Problem, SourceDataError, load_sources

REPO_ROOT = Path(__file__).resolve().parents[2]
JUNK_BYTES = 50 * 1024 * 1024


# --- helpers ------------------------------------------------------------------------------------

def _sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _line_of(path: Path, prefix: str) -> int:
    """1-based line number (header = 1) of the first line starting with ``prefix``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"no line starting with {prefix!r} in {path.name}")


def _set_field(path: Path, row_prefix: str, column: str, value: str) -> int:
    """Set one cell of the row whose line starts with ``row_prefix``; returns its line number."""
    number = _line_of(path, row_prefix)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(csv.reader([lines[0]]))
    row = next(csv.reader([lines[number - 1]]))
    row[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(row)
    lines[number - 1] = buffer.getvalue()
    path.write_text("".join(lines), encoding="utf-8")
    return number


def _drop_column(path: Path, column: str) -> None:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    index = rows[0].index(column)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([r[:index] + r[index + 1:] for r in rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.fixture
def existing_db(tiny_db, tmp_path) -> Path:
    """A good database already at the target path of the build under test."""
    target = tmp_path / "out" / "nplv.duckdb"
    target.parent.mkdir()
    shutil.copyfile(tiny_db, target)
    return target


def _temp_files(folder: Path) -> list[str]:
    """Build debris: temporary databases and their write-ahead logs."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".wal")))


def _build_fails(sources: Path, db_path: Path) -> SourceDataError:
    """Build must raise SourceDataError and leave ``db_path`` byte-identical, with no debris."""
    before = _sha256(db_path)
    with pytest.raises(SourceDataError) as info:
        build_database(sources, db_path)
    assert _sha256(db_path) == before
    assert _temp_files(db_path.parent) == []
    assert info.value.problems, "SourceDataError without problems"
    return info.value


def _expect(error: SourceDataError, file: str, line: int, field: str, contains: str) -> Problem:
    """The error lists a problem at file:line: field whose message contains ``contains``."""
    matches = [p for p in error.problems
               if (p.file, p.line, p.field) == (file, line, field) and contains in p.message]
    assert matches, f"no {file}:{line}: {field}: ...{contains}... in\n{error}"
    problem = matches[0]
    text = str(problem)
    assert text == f"{file}:{line}: {field}: {problem.message}"
    assert text.startswith(f"{file}:{line}: {field}: ")
    assert text in str(error)
    return problem


# --- the Problem format -------------------------------------------------------------------------

def test_problem_string_format():
    problem = Problem("areas.csv", 3, "cohort", "unknown value")
    assert str(problem) == "areas.csv:3: cohort: unknown value"
    error = SourceDataError([problem, Problem("rounds.csv", 1, "date", "missing column")])
    assert str(error).splitlines()[1:] == [
        "areas.csv:3: cohort: unknown value", "rounds.csv:1: date: missing column"]
    assert str(error).startswith("2 problem(s)")


def test_fixture_sources_are_valid(tiny_sources, tmp_path):
    report = build_database(tiny_sources, tmp_path / "ok.duckdb")
    assert report.row_counts == {
        "sources": 4, "areas": 5, "area_wijken": 4, "population": 11, "indicators": 10,
        "budget_lines": 5, "rounds": 2, "allocations": 6, "timeline": 3,
        # tables the fixture predates are built empty
        "local_indicator_labels": 0, "local_indicators": 0, "original16_evidence": 0,
        "candidate_facts": 0,
        "changes": 0, "data_texts": 0}


# --- one test per class of bad value ------------------------------------------------------------

def test_missing_column(tiny_sources, existing_db):
    _drop_column(tiny_sources / "indicators.csv", "unit_label")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "indicators.csv", 1, "unit_label", "missing column")


def test_unknown_and_duplicate_header_columns(tiny_sources, existing_db):
    path = tiny_sources / "timeline.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[0] = lines[0].rstrip("\n") + ",extra_col\n"
    lines[1:] = [line.rstrip("\n") + ",x\n" for line in lines[1:]]
    path.write_text("".join(lines))
    path = tiny_sources / "rounds.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[0] = lines[0].rstrip("\n") + ",fund\n"
    lines[1:] = [line.rstrip("\n") + ",vhf\n" for line in lines[1:]]
    path.write_text("".join(lines))
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "timeline.csv", 1, "extra_col", "unknown column")
    _expect(error, "rounds.csv", 1, "(header)", "duplicate column")


@pytest.mark.parametrize(("file", "row", "column", "value", "message"), [
    ("population.csv", "fixture-zuid,", "value", "lots", "not an integer"),
    ("budget_lines.csv", "fix_vhf_r1,", "amount_eur", "twelve", "not a number"),
    ("allocations.csv", "X02,", "is_focus_municipality", "yes", "true or false"),
    ("budget_lines.csv", "fix_vhf_r1,", "amount_eur", "1000.125", "more precise than a cent"),
])
def test_wrong_type(tiny_sources, existing_db, file, row, column, value, message):
    line = _set_field(tiny_sources / file, row, column, value)
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, file, line, column, message)
    assert repr(value) in str(error)


# Found crashing with AttributeError (row._line of a renamed namedtuple field) before
# validate._check_key was rewritten; a duplicate key must be a located problem.
@pytest.mark.parametrize(("file", "row", "field"), [
    ("rounds.csv", "fixr2,", "round_id"),
    ("population.csv", "fixture-zuid,2025-01-01,inhabitants,", "scope_id"),
])
def test_duplicate_key(tiny_sources, existing_db, file, row, field):
    path = tiny_sources / file
    original = _line_of(path, row)
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines) + lines[original - 1])
    duplicate_line = len(lines) + 1
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, file, duplicate_line, field, "duplicate key")


@pytest.mark.parametrize(("file", "row", "column", "value"), [
    ("population.csv", "fixture-zuid,", "scope_id", "fixture-nowhere"),
    ("timeline.csv", "T02,", "area_ids", "fixture-noord;fixture-nowhere"),
])
def test_unknown_area_id(tiny_sources, existing_db, file, row, column, value):
    line = _set_field(tiny_sources / file, row, column, value)
    error = _build_fails(tiny_sources, existing_db)
    problem = _expect(error, file, line, column, "unknown area id")
    assert "'fixture-nowhere'" in problem.message


@pytest.mark.parametrize(("file", "row", "column", "value", "message"), [
    ("budget_lines.csv", "fix_vhf_r2,", "source_id", "F99", "unknown source id 'F99'"),
    ("allocations.csv", "X05,", "round_id", "fixr9", "unknown round id 'fixr9'"),
])
def test_unknown_source_id_and_other_references(tiny_sources, existing_db, file, row, column,
                                                value, message):
    line = _set_field(tiny_sources / file, row, column, value)
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, file, line, column, message)


def test_negative_amount(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "budget_lines.csv", "fix_vhf_r1,", "amount_eur", "-2000000")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "budget_lines.csv", line, "amount_eur", "must be >= 0")


def test_percentage_out_of_range(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "indicators.csv", "fixture-noord,fixture_low_income_share,,",
                      "value", "140")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "indicators.csv", line, "value", "percentage must be 0-100, got 140")


def test_percentage_of_100_and_count_of_0_are_accepted(tiny_sources):
    _set_field(tiny_sources / "indicators.csv", "fixture-noord,fixture_low_income_share,,",
               "value", "100")
    _set_field(tiny_sources / "indicators.csv", "GM9901,", "value", "0")
    assert len(load_sources(tiny_sources)["indicators"]) == 10


def test_negative_count_indicator(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "indicators.csv", "GM9901,", "value", "-3")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "indicators.csv", line, "value", "a count must be >= 0")


@pytest.mark.parametrize(("file", "row", "column", "value"), [
    ("rounds.csv", "fixr2,", "date", "2024-02-30"),
    ("timeline.csv", "T01,", "date", "2021-13"),
])
def test_bad_date(tiny_sources, existing_db, file, row, column, value):
    line = _set_field(tiny_sources / file, row, column, value)
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, file, line, column, "not a valid date")


def test_unknown_status(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "allocations.csv", "X02,", "status", "maybe")
    error = _build_fails(tiny_sources, existing_db)
    problem = _expect(error, "allocations.csv", line, "status", "unknown value 'maybe'")
    assert "confirmed, approximate, unconfirmed" in problem.message


def test_unknown_cohort(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "areas.csv", "fixture-mockstad,", "cohort", "added2023")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "areas.csv", line, "cohort", "unknown value 'added2023'")


@pytest.mark.parametrize("value", ["0", "-10"])
def test_residents_must_be_positive(tiny_sources, existing_db, value):
    line = _set_field(tiny_sources / "population.csv", "fixture-zuid,", "value", value)
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "population.csv", line, "value", f"must be > 0, got {value}")


def test_required_value_empty(tiny_sources, existing_db):
    line = _set_field(tiny_sources / "areas.csv", "fixture-noord,", "municipality", "")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "areas.csv", line, "municipality", "required value is empty")


def test_all_problems_are_collected(tiny_sources, existing_db):
    first = _set_field(tiny_sources / "budget_lines.csv", "fix_ask,", "amount_eur", "-1")
    second = _set_field(tiny_sources / "areas.csv", "fixture-proefwijk,", "cohort", "later")
    third = _set_field(tiny_sources / "rounds.csv", "fixr1,", "date", "2023-02-29")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "budget_lines.csv", first, "amount_eur", "must be >= 0")
    _expect(error, "areas.csv", second, "cohort", "unknown value")
    _expect(error, "rounds.csv", third, "date", "not a valid date")
    assert len(error.problems) == 3
    assert not error.truncated


# --- hostile files ------------------------------------------------------------------------------

def _assert_same_tables(left: Path, right: Path) -> None:
    a, b = q.Database(left), q.Database(right)
    try:
        for t in TABLES:
            pd.testing.assert_frame_equal(q.table(a, t.name), q.table(b, t.name), obj=t.name)
    finally:
        a.close()
        b.close()


@pytest.mark.parametrize("variant", ["bom", "crlf", "bom+crlf"])
def test_bom_and_crlf_are_accepted(tiny_sources, tiny_db, tmp_path, variant):
    for path in tiny_sources.glob("*.csv"):
        data = path.read_bytes()
        if "crlf" in variant:
            data = data.replace(b"\n", b"\r\n")
        if "bom" in variant:
            data = b"\xef\xbb\xbf" + data
        path.write_bytes(data)
    out = tmp_path / "hostile.duckdb"
    report = build_database(tiny_sources, out)
    assert report.row_counts["areas"] == 5
    _assert_same_tables(out, tiny_db)


def test_bom_only_in_one_file_keeps_first_column_name(tiny_sources, tmp_path):
    path = tiny_sources / "areas.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    out = tmp_path / "bom.duckdb"
    build_database(tiny_sources, out)
    db = q.Database(out)
    try:
        assert "fixture-noord" in set(q.areas(db)["area_id"])
    finally:
        db.close()


@pytest.mark.parametrize("content", [b"", b"\n  \r\n"])
def test_empty_file(tiny_sources, existing_db, content):
    (tiny_sources / "rounds.csv").write_bytes(content)
    error = _build_fails(tiny_sources, existing_db)
    problem = _expect(error, "rounds.csv", 1, "(file)", "empty file")
    assert "round_id,label_nl" in problem.message


def test_missing_file(tiny_sources, existing_db):
    (tiny_sources / "timeline.csv").unlink()
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "timeline.csv", 0, "(file)", "file is missing")


def test_truncated_last_line(tiny_sources, existing_db):
    path = tiny_sources / "allocations.csv"
    text = path.read_text()
    last = len(text.splitlines())
    cut = text.rstrip("\n")
    path.write_text(cut[: cut.rindex("\n") + 1 + 20])  # last row cut after 20 characters
    error = _build_fails(tiny_sources, existing_db)
    problem = _expect(error, "allocations.csv", last, "(row)", "expected 12")
    assert "truncated" in problem.message


def test_truncated_inside_quoted_field(tiny_sources, existing_db):
    path = tiny_sources / "timeline.csv"
    last = len(path.read_text().splitlines())
    path.write_text(path.read_text().rstrip("\n") + '\nT04,2025-01,month,"Fixture half')
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "timeline.csv", last + 1, "(row)", "expected 7")


def test_non_utf8_file(tiny_sources, existing_db):
    path = tiny_sources / "areas.csv"
    line = _line_of(path, "fixture-testdam,")
    path.write_bytes(path.read_bytes().replace(
        b"Fixture-Testdam West", "Fixture-Tëstdam West".encode("latin-1")))
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "areas.csv", line, "(file)", "not UTF-8")


def test_nul_bytes(tiny_sources, existing_db):
    path = tiny_sources / "timeline.csv"
    line = _line_of(path, "T02,")
    path.write_bytes(path.read_bytes().replace(b"T02,", b"T02\x00\x00,"))
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "timeline.csv", line, "(file)", "NUL byte")


def _write_junk(path: Path, kind: str) -> None:
    if kind == "random bytes":
        path.write_bytes(os.urandom(JUNK_BYTES))
    elif kind == "one endless line":
        path.write_bytes(b"junk" * (JUNK_BYTES // 4))
    elif kind == "header then ragged rows":
        header = (REPO_ROOT / "data" / "sources" / path.name).read_bytes().split(b"\n")[0]
        path.write_bytes(header + b"\n" + b"junk,junk\n" * (JUNK_BYTES // 10))


@pytest.mark.parametrize(("kind", "line", "field", "message"), [
    ("random bytes", 1, "(file)", "not UTF-8"),
    ("one endless line", 1, "(header)", "unreadable header"),
    ("header then ragged rows", 2, "(row)", "expected 10"),
])
def test_50mb_junk_file_fails_fast(tiny_sources, existing_db, record_property, kind, line, field,
                                   message):
    _write_junk(tiny_sources / "indicators.csv", kind)
    started, cpu = time.perf_counter(), time.process_time()
    error = _build_fails(tiny_sources, existing_db)
    cpu_seconds = time.process_time() - cpu
    record_property("junk_seconds", round(time.perf_counter() - started, 3))
    _expect(error, "indicators.csv", line, field, message)
    assert len(error.problems) <= MAX_PROBLEMS
    if kind == "header then ragged rows":
        assert error.truncated and f"stopped after {MAX_PROBLEMS} problems" in str(error)
    # "Fast", in CPU time so a busy machine does not trip it: under 1 s here; checking every
    # row of a 50 MB file took ~16 s before the probe of the first rows (validate.PROBE_ROWS).
    assert cpu_seconds < 8


def test_50mb_well_formed_junk_fails_fast(tiny_sources, tmp_path):
    """Rows with the right number of fields but junk values: the first rows alone hold the
    problem limit, so the rest of the file is not read (``validate.PROBE_ROWS``)."""
    header = (tiny_sources / "indicators.csv").read_bytes().split(b"\n")[0]
    (tiny_sources / "indicators.csv").write_bytes(
        header + b"\n" + b"a,b,,c,d,e,f,g,h,i\n" * (JUNK_BYTES // 20))
    out = tmp_path / "x.duckdb"
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "nplv_data", "build", "--sources", str(tiny_sources),
             "--out", str(out)],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=10)
    except subprocess.TimeoutExpired:
        pytest.fail("build of a 50 MB junk file did not finish within 10 s")
    assert proc.returncode == 1
    assert "indicators.csv:2: value: not a number" in proc.stderr
    assert not out.exists()


# --- the command line ---------------------------------------------------------------------------

def test_cli_bad_sources_exit_nonzero_with_located_problems(tiny_sources, existing_db):
    _set_field(tiny_sources / "rounds.csv", "fixr2,", "date", "2024-02-30")
    _set_field(tiny_sources / "areas.csv", "fixture-zuid,", "cohort", "someday")
    before = _sha256(existing_db)
    proc = subprocess.run(
        [sys.executable, "-m", "nplv_data", "build", "--sources", str(tiny_sources),
         "--out", str(existing_db)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "database left unchanged" in proc.stderr
    located = re.findall(r"^([a-z_]+\.csv):(\d+): ([^:]+): (.+)$", proc.stderr, re.M)
    assert ("rounds.csv", "3", "date") in [m[:3] for m in located]
    assert ("areas.csv", "3", "cohort") in [m[:3] for m in located]
    assert _sha256(existing_db) == before
    assert _temp_files(existing_db.parent) == []


def test_cli_missing_sources_folder(tmp_path, capsys):
    out = tmp_path / "x.duckdb"
    code = cli_main(["build", "--sources", str(tmp_path / "nowhere"), "--out", str(out)])
    captured = capsys.readouterr()
    assert code != 0
    assert captured.out == ""
    assert re.search(r"nowhere:0: \(folder\): sources folder is missing", captured.err)
    assert not out.exists()


def test_data_texts_name_a_column_and_a_text_it_holds(tiny_sources, existing_db):
    """data_texts.csv translates the text a column holds now: an unknown table or column, a text
    no row has (changed by a re-import), two Dutch texts for one English text and a code are
    located."""
    (tiny_sources / "data_texts.csv").write_text(
        "table,field,en,nl\n"
        "sources,publisher,Fixture Bureau,Fixturebureau\n"
        "sources,publisher,Fixture Bureau Two,Fixturebureau twee\n"
        "sources,colour,Fixture Bureau,Fixturebureau\n"
        "rounds,label,x,y\n"
        "sources,section,Fixture programme,Fixtureprogramma\n"
        "sources,used_for,Fixture programme,Programma van de fixture\n"
        "sources,section,percent,procent\n")
    error = _build_fails(tiny_sources, existing_db)
    _expect(error, "data_texts.csv", 3, "en", "no row of sources.csv has publisher")
    _expect(error, "data_texts.csv", 4, "field", "sources.csv has no column 'colour'")
    _expect(error, "data_texts.csv", 5, "table", "unknown value 'rounds'")
    _expect(error, "data_texts.csv", 7, "en", "no row of sources.csv has used_for")
    _expect(error, "data_texts.csv", 7, "nl", "translated as 'Fixtureprogramma'")
    _expect(error, "data_texts.csv", 8, "en", "'percent' is also a code")
    assert len(error.problems) == 7



def test_data_texts_are_checked_beyond_the_problem_limit():
    """Every row is checked, not only the first MAX_PROBLEMS: a code on a late row is found."""
    n = validate.MAX_PROBLEMS + 5
    texts = pd.DataFrame({"table": ["sources"] * (n + 1), "field": ["publisher"] * n + ["section"],
                          "en": ["Fixture Bureau"] * n + ["percent"],
                          "nl": ["Fixturebureau"] * n + ["procent"], "_line": range(2, n + 3)})
    sources = pd.DataFrame({"publisher": ["Fixture Bureau"], "section": ["percent"], "_line": [2]})
    out = validate._Collector()
    validate._check_text_rules({"data_texts": texts, "sources": sources}, out)
    assert [(p.line, p.field) for p in out.problems] == [(n + 2, "en")], out.problems
