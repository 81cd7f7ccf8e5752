"""Read the source files and check them against the schema before anything is written.

Every problem is collected, not just the first, and each names ``file:line: field: what``, so a
person fixing a source file sees all of it at once. Line numbers count the header as line 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from nplv_data.schema import (
    AGGREGATE_PREFIXES,
    AGGREGATE_SCOPES,
    TABLES,
    TABLES_BY_NAME,
    Field,
    Table,
)

MAX_FILE_BYTES = 200 * 1024 * 1024  # far above any real source file; junk stops here
MAX_PROBLEMS = 200  # enough to fix a file by; a junk file would otherwise list millions
PROBE_ROWS = 1_000  # rows checked before the rest is read: junk stops here


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


class SourceDataError(Exception):
    """The source files are not valid; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem], truncated: bool = False):
        self.problems = problems
        self.truncated = truncated
        lines = [str(p) for p in problems]
        if truncated:
            lines.append(f"... stopped after {len(problems)} problems")
        super().__init__(f"{len(problems)} problem(s) in the source files:\n" + "\n".join(lines))


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, field: str, message: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(file, line, field, message))

    @property
    def full(self) -> bool:
        return len(self.problems) >= MAX_PROBLEMS


def _read_rows(path: Path, table: Table, out: _Collector) -> pd.DataFrame | None:
    """Parse one CSV into a frame of strings with a ``_line`` column; None if unreadable."""
    name = path.name
    if not path.exists():
        out.add(name, 0, "(file)", "file is missing")
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        out.add(name, 0, "(file)", f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,} limit")
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # tolerates a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        out.add(name, line, "(file)", f"not UTF-8 text (byte {exc.start})")
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        out.add(name, line, "(file)", "contains a NUL byte: not a CSV text file")
        return None
    if not text.strip():
        out.add(name, 1, "(file)", f"empty file; expected header {','.join(table.columns)}")
        return None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        out.add(name, 1, "(header)", f"unreadable header: {exc}")
        return None
    absent_ok = {f.name for f in table.fields if f.optional_column}
    missing = [c for c in table.columns if c not in header and c not in absent_ok]
    for column in missing:
        out.add(name, 1, column, "missing column")
    unknown = [c for c in header if c not in table.columns]
    for column in unknown:
        out.add(name, 1, column, "unknown column")
    if missing or len(set(header)) != len(header):
        if len(set(header)) != len(header):
            out.add(name, 1, "(header)", "duplicate column name")
        return None
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        start = reader.line_num + 1
        for row in reader:
            if not row:
                start = reader.line_num + 1
                continue
            if len(row) != len(header):
                out.add(name, start, "(row)",
                        f"has {len(row)} fields, expected {len(header)} (truncated or extra"
                        " commas?)")
                if out.full:
                    return None
            else:
                records.append(row)
                lines.append(start)
                if len(records) == PROBE_ROWS and _junk(records, lines, header, table, out):
                    return None
            start = reader.line_num + 1
    except csv.Error as exc:
        out.add(name, reader.line_num, "(row)", f"unreadable CSV: {exc}")
        return None
    return _frame(records, lines, header, table)


def _frame(records: list[list[str]], lines: list[int], header: list[str],
           table: Table) -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=header, dtype=object)
    for column in table.columns:  # an optional column the file lacks is empty
        if column not in frame:
            frame[column] = ""
    frame = frame[table.columns].apply(lambda col: col.astype(object).str.strip())
    frame["_line"] = lines
    return frame


def _junk(records, lines, header, table: Table, out: _Collector) -> bool:
    """Whether the first ``PROBE_ROWS`` rows alone hold ``MAX_PROBLEMS`` field problems; then
    those are reported and the rest of the file is not read (a 50 MB file of junk would
    otherwise be parsed and type-checked in full, for a list that stops at the limit)."""
    probe = _Collector()
    frame = _frame(records, lines, header, table)
    for f in table.fields:
        _check_field(frame, table.file, f, probe)
    if not probe.full:
        return False
    for problem in probe.problems:
        out.add(problem.file, problem.line, problem.field, problem.message)
    return True


def _first(frame: pd.DataFrame, mask: pd.Series, *columns: str):
    """The first rows a mask picks (enough to report; a junk file would have millions)."""
    return frame.loc[mask, list(columns)].head(MAX_PROBLEMS).itertuples(index=False)


def _check_field(frame: pd.DataFrame, name: str, f: Field, out: _Collector) -> pd.Series:
    """Check one column and return it converted to its type (None where empty or invalid)."""
    raw = frame[f.name]
    empty = raw == ""
    for line in frame.loc[empty & f.required, "_line"].head(MAX_PROBLEMS):
        out.add(name, line, f.name, "required value is empty")
    present = ~empty
    if f.type in ("int", "float"):
        values = pd.to_numeric(raw.where(present), errors="coerce")
        bad = present & values.isna()
        if f.type == "int":
            bad |= present & values.notna() & (values % 1 != 0)
        for line, value in _first(frame, bad, "_line", f.name):
            out.add(name, line, f.name, f"not a{'n integer' if f.type == 'int' else ' number'}:"
                    f" {value[:40]!r}")
        if f.unit == "EUR":  # stored as exact cents (DECIMAL): finer amounts would be rounded
            cents = present & ~bad & raw.str.strip().str.contains(r"\.\d{3,}$", na=False)
            for line, value in _first(frame, cents, "_line", f.name):
                out.add(name, line, f.name, f"more precise than a cent: {value[:40]!r}")
            bad |= cents
        ok = present & ~bad
        if f.min_value is not None:
            low = values < f.min_value if not f.min_exclusive else values <= f.min_value
            for line, value in _first(frame, ok & low, "_line", f.name):
                op = ">" if f.min_exclusive else ">="
                out.add(name, line, f.name, f"must be {op} {f.min_value:g}, got {value}")
        if f.max_value is not None:
            for line, value in _first(frame, ok & (values > f.max_value), "_line", f.name):
                out.add(name, line, f.name, f"must be <= {f.max_value:g}, got {value}")
        return values.where(ok)
    if f.type in ("date", "month_or_date"):
        parsed = raw.where(present).map(_parse_date(f.type), na_action="ignore")
        bad = present & parsed.isna()
        expected = "YYYY-MM-DD" if f.type == "date" else "YYYY-MM-DD or YYYY-MM"
        for line, value in _first(frame, bad, "_line", f.name):
            out.add(name, line, f.name, f"not a valid date ({expected}): {value[:40]!r}")
        return raw.where(present & ~bad)
    if f.type == "bool":
        bad = present & ~raw.isin(["true", "false"])
        for line, value in _first(frame, bad, "_line", f.name):
            out.add(name, line, f.name, f"must be true or false, got {value[:40]!r}")
        return raw.map({"true": True, "false": False}).where(present & ~bad)
    if f.type == "enum":
        bad = present & ~raw.isin(f.enum)
        for line, value in _first(frame, bad, "_line", f.name):
            out.add(name, line, f.name,
                    f"unknown value {value[:40]!r}; expected one of {', '.join(f.enum)}")
        return raw.where(present & ~bad)
    return raw.where(present)


def _parse_date(kind: str):
    def parse(value: str):
        try:
            if kind == "month_or_date" and len(value) == 7:
                return dt.datetime.strptime(value, "%Y-%m").date()
            if len(value) != 10:
                return None
            return dt.date.fromisoformat(value)
        except ValueError:
            return None

    return parse


def _check_key(frame: pd.DataFrame, name: str, table: Table, out: _Collector) -> None:
    key = list(table.key)
    dupes = frame.loc[frame.duplicated(key, keep="first"), [*key, "_line"]].head(MAX_PROBLEMS)
    for row in dupes.to_dict("records"):
        values = ", ".join(f"{k}={row[k]!r}" for k in key)
        out.add(name, row["_line"], key[0], f"duplicate key ({values})")


def _is_scope(value: str, area_ids: set[str]) -> bool:
    return (value in area_ids or value in AGGREGATE_SCOPES
            or value.startswith(AGGREGATE_PREFIXES))


def _check_references(frames: dict[str, pd.DataFrame], out: _Collector) -> None:
    known = {
        "sources.source_id": set(frames["sources"]["source_id"]) if "sources" in frames else None,
        "areas.area_id": set(frames["areas"]["area_id"]) if "areas" in frames else None,
        "rounds.round_id": set(frames["rounds"]["round_id"]) if "rounds" in frames else None,
        "budget_lines.line_id": set(frames["budget_lines"]["line_id"])
        if "budget_lines" in frames else None,
        "local_indicator_labels.indicator": set(frames["local_indicator_labels"]["indicator"])
        if "local_indicator_labels" in frames else None,
    }
    for table in TABLES:
        frame = frames.get(table.name)
        if frame is None:
            continue
        for column, target in table.references.items():
            values = frame[column]
            present = values.notna() & (values != "")
            if target == "scope":
                area_ids = known["areas.area_id"]
                if area_ids is None:
                    continue
                text = values.astype("string")
                ok = (text.isin(area_ids) | text.isin(AGGREGATE_SCOPES)
                      | text.str.startswith(AGGREGATE_PREFIXES).fillna(False))
                for line, value in _first(frame, present & ~ok, "_line", column):
                    out.add(table.file, line, column, f"unknown area id {value[:60]!r}")
                continue
            many = target.endswith("[]")
            ids = known[target.removesuffix("[]")]
            if ids is None:
                continue
            what = target.split(".")[1].replace("_id", " id").replace("_", " ")
            if many:
                items = values.where(present).str.split(";").explode().dropna()
                bad_items = items[~items.isin(ids)].head(MAX_PROBLEMS)
                for index, item in bad_items.items():
                    out.add(table.file, frame.at[index, "_line"], column,
                            f"unknown {what} {item[:60]!r}")
            else:
                for line, value in _first(frame, present & ~values.isin(ids), "_line", column):
                    out.add(table.file, line, column, f"unknown {what} {value[:60]!r}")


def _check_rules(frames: dict[str, pd.DataFrame], out: _Collector) -> None:
    """Range rules that depend on another column."""
    ind = frames.get("indicators")
    if ind is not None:
        percent = (ind["unit"] == "percent") & ind["value"].notna()
        outside = percent & ((ind["value"] < 0) | (ind["value"] > 100))
        for line, value in _first(ind, outside, "_line", "value"):
            out.add("indicators.csv", line, "value", f"percentage must be 0-100, got {value:g}")
        counts = ind["unit"].isin(["persons", "dwellings", "households"]) & (ind["value"] < 0)
        for line, value in _first(ind, counts, "_line", "value"):
            out.add("indicators.csv", line, "value", f"a count must be >= 0, got {value:g}")


def _check_local_rules(frames: dict[str, pd.DataFrame], out: _Collector) -> None:
    """Local indicators: percent within 0-100, counts not negative, one figure per scope,
    indicator, sub-area, period and source."""
    local = frames.get("local_indicators")
    if local is None:
        return
    name = "local_indicators.csv"
    percent = (local["unit"] == "percent") & local["value"].notna()
    outside = percent & ((local["value"] < 0) | (local["value"] > 100))
    for line, value in _first(local, outside, "_line", "value"):
        out.add(name, line, "value", f"percentage must be 0-100, got {value:g}")
    counts = local["unit"].isin(["persons", "count"]) & (local["value"] < 0)
    for line, value in _first(local, counts, "_line", "value"):
        out.add(name, line, "value", f"a count must be >= 0, got {value:g}")
    natural = ["scope_id", "indicator", "subarea", "period", "source_id"]
    dupes = local[local.fillna({"subarea": ""}).duplicated(natural, keep="first")]
    for row in dupes.head(MAX_PROBLEMS).to_dict("records"):
        out.add(name, row["_line"], "indicator",
                f"same figure twice ({row['scope_id']}, {row['indicator']}, {row['period']!r},"
                f" {row['source_id']})")


def _check_change_rules(frames: dict[str, pd.DataFrame], out: _Collector) -> None:
    """Each change names a row that exists; the row now cites the change's new source and keeps
    the old one in previous_source_id (allocations)."""
    changes = frames.get("changes")
    if changes is None:
        return
    name = "changes.csv"
    for row in changes.head(MAX_PROBLEMS).to_dict("records"):
        target = TABLES_BY_NAME.get(row["table"] or "")
        frame = frames.get(row["table"] or "")
        if target is None or frame is None:
            continue
        key = target.key[0]
        match = frame[frame[key] == row["row_id"]]
        if match.empty:
            out.add(name, row["_line"], "row_id",
                    f"no row {row['row_id']!r} in {target.file}")
            continue
        current = match.iloc[0]
        if row["field"] not in target.columns:
            out.add(name, row["_line"], "field", f"{target.file} has no column {row['field']!r}")
        if "source_id" in target.columns and current["source_id"] != row["new_source_id"]:
            out.add(name, row["_line"], "new_source_id",
                    f"{target.file} row {row['row_id']} cites {current['source_id']!r}, not"
                    f" {row['new_source_id']!r}")
        if ("previous_source_id" in target.columns
                and current["previous_source_id"] != row["old_source_id"]):
            out.add(name, row["_line"], "old_source_id",
                    f"{target.file} row {row['row_id']} keeps"
                    f" {current['previous_source_id']!r} as previous source, not"
                    f" {row['old_source_id']!r}")
    alloc = frames.get("allocations")
    if alloc is not None:
        same = alloc["previous_source_id"].notna() & (
            alloc["previous_source_id"] == alloc["source_id"])
        for line, value in _first(alloc, same, "_line", "previous_source_id"):
            out.add("allocations.csv", line, "previous_source_id",
                    f"same as source_id ({value!r})")


def _check_text_rules(frames: dict[str, pd.DataFrame], out: _Collector) -> None:
    """Each translation names a column of its table and a text that column holds now (a
    re-import that changed the text shows here), and one English text reads one way in Dutch."""
    texts = frames.get("data_texts")
    if texts is None:
        return
    name = "data_texts.csv"
    dutch: dict[str, str] = {}
    # A translation applies to a whole text wherever a result holds it, so it must never be a
    # code ('percent', 'confirmed', a table's name): those are worded by the app's text keys.
    codes = {value for table in TABLES for f in table.fields if f.type == "enum"
             for value in f.enum} | {table.name for table in TABLES}
    for row in texts.to_dict("records"):  # every row: the collector stops at MAX_PROBLEMS
        if out.full:
            break
        target = TABLES_BY_NAME.get(row["table"] or "")
        frame = frames.get(row["table"] or "")
        if target is None or frame is None:
            continue
        if row["field"] not in target.columns:
            out.add(name, row["_line"], "field", f"{target.file} has no column {row['field']!r}")
            continue
        if row["en"] in codes:
            out.add(name, row["_line"], "en",
                    f"{row['en']!r} is also a code; a code is worded by the app, not here")
        if not (frame[row["field"]] == row["en"]).any():
            out.add(name, row["_line"], "en",
                    f"no row of {target.file} has {row['field']} = {row['en']!r}"
                    " (text changed by an import? translate the new text)")
        if dutch.setdefault(row["en"], row["nl"]) != row["nl"]:
            out.add(name, row["_line"], "nl",
                    f"{row['en']!r} is translated as {dutch[row['en']]!r} on an earlier row")


def load_sources(sources_dir: Path) -> dict[str, pd.DataFrame]:
    """Read and validate every source file; typed frames by table name, or SourceDataError."""
    sources_dir = Path(sources_dir)
    out = _Collector()
    if not sources_dir.is_dir():
        out.add(str(sources_dir), 0, "(folder)", "sources folder is missing")
        raise SourceDataError(out.problems)
    frames: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        path = sources_dir / table.file
        if table.optional and not path.exists():
            frame = _frame([], [], table.columns, table)  # an older folder: built empty
        else:
            frame = _read_rows(path, table, out)
        if frame is None:
            continue
        typed = {f.name: _check_field(frame, table.file, f, out) for f in table.fields}
        typed["_line"] = frame["_line"]
        frames[table.name] = pd.DataFrame(typed)
        _check_key(frame, table.file, table, out)
    _check_references(frames, out)
    _check_rules(frames, out)
    _check_local_rules(frames, out)
    _check_change_rules(frames, out)
    _check_text_rules(frames, out)
    if out.problems:
        raise SourceDataError(out.problems, truncated=out.full)
    return {name: frame.drop(columns="_line") for name, frame in frames.items()}
