"""A synthetic, national-scale NPLV source set, written for the same build code as the real one.

    python -m bench.synthetic [--out DIR] [--seed N] [--quick]

Every value is invented. Nothing here is real data, and nothing here is ever written to
``data/sources``: the default folder is ``data/synthetic/national/sources`` (git-ignored). Every
name carries the word SYNTHETISCH, every area id starts with ``syn-``, every source row says it
is synthetic, and the folder holds a ``SYNTHETIC.md`` note with the settings.

Shape at the national scale (``NATIONAL``): ~3,300 wijken (``syn-wk-0001``) and ~14,000 buurten
(``syn-bu-00001``) as candidate areas in 340 municipalities and 12 provinces; residents for 10
reference dates per area; 30 indicators x 10 years in long format (for the wijken, plus the
programme-wide, national and rest-of-programme reference scopes); allocations to every
municipality over 6 rounds. The first 16 wijken play the role of the original 16 focus areas and
the next 4 that of the 4 added in 2022 (``is_current`` true), so the app's cohort summaries work;
every other area is a candidate: ``cohort`` ``added2022`` with ``is_current`` false. (The schema
knows no ``candidate`` cohort, and the app has no text or colour for one.)

Deterministic: one seeded ``random.Random``, fixed iteration order, fixed number formats, ``\\n``
line ends, no timestamps. The same seed and scale give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "data" / "synthetic" / "national" / "sources"
DEFAULT_SEED = 20260211
LABEL = "SYNTHETISCH"
NOTE_FILE = "SYNTHETIC.md"

# Indicator codes the app asks for by name: present so its real code paths run at scale.
APP_INDICATORS = (
    ("low_financial_welfare_share_12plus", "percent", "percent of residents aged 12+"),
    ("inflow_share_12plus", "percent", "percent of residents aged 12+"),
    ("outflow_share_12plus", "percent", "percent of residents aged 12+"),
)
SYN_UNITS = (
    ("percent", "percent"), ("per_1000", "per 1000 residents"), ("persons", "persons"),
    ("ratio", "ratio"), ("years", "years"), ("dwellings", "dwellings"),
    ("households", "households"), ("percentage_points", "percentage points"),
)
STATUS_WEIGHTS = (("confirmed", 6), ("approximate", 3), ("unconfirmed", 1))
N_CURRENT_ORIGINAL = 16
N_CURRENT_ADDED = 4


@dataclass(frozen=True)
class Scale:
    """How big the synthetic set is."""

    n_buurten: int = 14_000
    n_wijken: int = 3_300
    n_municipalities: int = 340
    n_provinces: int = 12
    n_years: int = 10
    n_indicators: int = 30
    n_rounds: int = 6
    indicator_scope: str = "wijken"  # "wijken" or "all" (every area: 5.2 M rows nationally)

    @property
    def n_areas(self) -> int:
        return self.n_buurten + self.n_wijken


NATIONAL = Scale()
QUICK = Scale(n_buurten=240, n_wijken=60, n_municipalities=20, n_provinces=4)


# --- helpers ------------------------------------------------------------------------------------

def _weighted(rng: random.Random, pairs) -> str:
    total = sum(w for _, w in pairs)
    pick = rng.random() * total
    for value, weight in pairs:
        pick -= weight
        if pick < 0:
            return value
    return pairs[-1][0]


def _num(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


class _Table:
    """Rows for one CSV file, written with fixed formatting."""

    def __init__(self, header: list[str]):
        self.buffer = io.StringIO(newline="")
        self.writer = csv.writer(self.buffer, lineterminator="\n")
        self.writer.writerow(header)
        self.rows = 0

    def add(self, *row) -> None:
        self.writer.writerow(["" if v is None else v for v in row])
        self.rows += 1

    def data(self) -> bytes:
        return self.buffer.getvalue().encode("utf-8")


# --- the generator ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Area:
    area_id: str
    name: str
    kind: str  # wijk | buurt
    municipality: int
    lat: float
    lon: float
    cohort: str
    is_current: bool
    residents: int


def _municipality_name(number: int) -> str:
    return f"{LABEL} Gemeente {number:03d}"


def _gemeente_code(number: int) -> str:
    return f"GM9{number:03d}"  # GM9xxx: no real CBS code uses this range


def generate(scale: Scale = NATIONAL, seed: int = DEFAULT_SEED) -> dict[str, bytes]:
    """The source files as {file name: bytes}, plus the note; pure and deterministic."""
    rng = random.Random(seed)
    n_muni = scale.n_municipalities
    provinces = [f"{LABEL} Provincie {i:02d}" for i in range(1, scale.n_provinces + 1)]
    muni_province = {m: provinces[(m - 1) % len(provinces)] for m in range(1, n_muni + 1)}
    # municipality centres inside the Netherlands' bounding box (validation: 50.7-53.6, 3.3-7.3)
    centres = {m: (rng.uniform(50.85, 53.4), rng.uniform(3.6, 7.0)) for m in range(1, n_muni + 1)}

    # --- areas: the first 20 wijken are the 'current' ones, in 19 municipalities
    n_current = N_CURRENT_ORIGINAL + N_CURRENT_ADDED
    current_munis = list(range(1, min(n_current, n_muni + 1)))  # 19 municipalities (or fewer)
    areas: list[Area] = []
    for i in range(1, scale.n_wijken + 1):
        if i <= n_current:
            muni = current_munis[(i - 1) % len(current_munis)]
            cohort = "original16" if i <= N_CURRENT_ORIGINAL else "added2022"
            current = True
            residents = int(rng.lognormvariate(10.8, 0.45))  # ~ 50,000
        else:
            muni = rng.randint(1, n_muni)
            cohort, current = "added2022", False
            residents = int(rng.lognormvariate(8.4, 0.6))  # ~ 5,000
        lat, lon = centres[muni]
        areas.append(Area(f"syn-wk-{i:04d}", f"{LABEL} wijk {i:04d}", "wijk", muni,
                          round(lat + rng.uniform(-0.06, 0.06), 4),
                          round(lon + rng.uniform(-0.09, 0.09), 4), cohort, current,
                          max(residents, 50)))
    for i in range(1, scale.n_buurten + 1):
        muni = rng.randint(1, n_muni)
        lat, lon = centres[muni]
        areas.append(Area(f"syn-bu-{i:05d}", f"{LABEL} buurt {i:05d}", "buurt", muni,
                          round(lat + rng.uniform(-0.08, 0.08), 4),
                          round(lon + rng.uniform(-0.12, 0.12), 4), "added2022", False,
                          max(int(rng.lognormvariate(6.9, 0.7)), 20)))  # ~ 1,000

    files: dict[str, bytes] = {}

    # --- sources
    src = _Table(["source_id", "title", "publisher", "published", "url", "section", "used_for"])
    source_ids = [f"SYN{i:02d}" for i in range(1, 11)]
    for number, sid in enumerate(source_ids, 1):
        src.add(sid, f"{LABEL} testbron {number:02d} (geen echte bron)",
                "NPLV benchmark (synthetisch)", "2026-01-01",
                f"https://synthetic.invalid/nplv-bench/{sid}", f"{LABEL} (benchmark)",
                "synthetic benchmark data: every figure is invented")
    files["sources.csv"] = src.data()

    def source() -> str:
        return source_ids[rng.randrange(len(source_ids))]

    def status() -> str:
        return _weighted(rng, STATUS_WEIGHTS)

    # --- areas
    tab = _Table(["area_id", "name", "alt_names", "municipality", "gemeente_code",
                  "gemeente_code_status", "province", "cohort", "is_current", "name_2021",
                  "name_2021_status", "centroid_lat", "centroid_lon", "centroid_status",
                  "source_id", "status"])
    for a in areas:
        original = a.cohort == "original16" and a.is_current
        tab.add(a.area_id, a.name, f"{a.area_id} ({LABEL})", _municipality_name(a.municipality),
                _gemeente_code(a.municipality), "unconfirmed", muni_province[a.municipality],
                a.cohort, "true" if a.is_current else "false",
                f"{a.name} (2021)" if original else "", "unconfirmed" if original else "",
                _num(a.lat, 4), _num(a.lon, 4), "approximate", source(), "unconfirmed")
    files["areas.csv"] = tab.data()

    # --- area_wijken: the buurten listed under each wijk of the same municipality
    tab = _Table(["area_id", "position", "wijk_name", "note", "status", "source_id"])
    for a in areas:
        if a.kind != "wijk":
            continue
        for position in range(1, 1 + rng.randint(2, 6)):
            tab.add(a.area_id, position, f"{LABEL} deelwijk {a.area_id[-4:]}-{position}",
                    f"{LABEL}", status(), source())
    files["area_wijken.csv"] = tab.data()

    # --- population: inhabitants per area for n_years reference dates, plus reference totals
    last_year = 2025
    years = list(range(last_year - scale.n_years + 1, last_year + 1))
    tab = _Table(["scope_id", "ref_date", "measure", "value", "unit", "precision", "status",
                  "source_id"])
    for a in areas:
        drift = rng.uniform(-0.015, 0.02)
        for k, year in enumerate(years):
            factor = (1 + drift) ** (k - len(years) + 1) * rng.uniform(0.995, 1.005)
            value = a.residents if year == last_year else max(int(a.residents * factor), 1)
            tab.add(a.area_id, f"{year}-01-01", "inhabitants", value, "persons",
                    f"{LABEL}: invented", status(), source())
    current = [a for a in areas if a.is_current]
    sums = {"ALL20": sum(a.residents for a in current),
            "ALL16": sum(a.residents for a in current if a.cohort == "original16")}
    for scope, value in sums.items():
        tab.add(scope, f"{last_year}-01-01", "inhabitants_sum_of_area_values", max(value, 1),
                "persons", f"{LABEL}: sum of the invented area values", "approximate",
                source_ids[0])
    tab.add("NL", f"{last_year}-01-01", "inhabitants", 18_000_000, "persons",
            f"{LABEL}: invented national total", "approximate", source_ids[0])
    files["population.csv"] = tab.data()

    # --- indicators: n_indicators x n_years, long format
    codes = list(APP_INDICATORS[: scale.n_indicators])
    for number in range(len(codes) + 1, scale.n_indicators + 1):
        unit, label = SYN_UNITS[number % len(SYN_UNITS)]
        codes.append((f"syn_indicator_{number:02d}", unit, label))
    periods = [str(y) for y in range(last_year - scale.n_years, last_year)]  # 2015-2024
    scoped = [a for a in areas if scale.indicator_scope == "all" or a.kind == "wijk"]
    tab = _Table(["scope_id", "indicator", "subarea", "period", "value", "unit", "unit_label",
                  "status", "source_id", "note"])
    scopes = [a.area_id for a in scoped] + ["ALL20", "NL", "rest:ALL19"]
    for code, unit, label in codes:
        high = {"percent": 40.0, "percentage_points": 10.0, "per_1000": 120.0,
                "persons": 5000.0, "ratio": 3.0, "years": 80.0, "dwellings": 3000.0,
                "households": 2500.0}[unit]
        low = -high if unit == "percentage_points" else 0.0
        for scope in scopes:
            level = rng.uniform(low, high)
            for period in periods:
                value = min(max(level + rng.uniform(-0.05, 0.05) * (high - low), low), high)
                tab.add(scope, code, "", period, _num(value, 1), unit, f"{label} ({LABEL})",
                        status(), source(), f"{LABEL}")
    tab.add("ALL20", "share_of_nl_population", "", f"{last_year}-01-01",
            _num(100.0 * sums["ALL20"] / 18_000_000, 1), "percent", f"percent ({LABEL})",
            "approximate", source_ids[0], f"{LABEL}")
    for rank, a in enumerate(sorted(current, key=lambda x: x.area_id), 1):
        tab.add(a.area_id, "low_financial_welfare_rank_among_20", "", periods[-1], rank, "rank",
                f"rank ({LABEL})", "approximate", source(), f"{LABEL}")
    files["indicators.csv"] = tab.data()

    # --- budget lines and rounds
    lines = _Table(["line_id", "instrument", "ministry", "amount_eur", "kind", "period", "scope",
                    "category", "status", "source_id", "note"])
    lines.add("syn_ask_total", f"{LABEL} vraag totaal", f"{LABEL} ministerie", 500_000_000, "ask",
              "per jaar", f"{LABEL}", "ask2021", "confirmed", source_ids[0], f"{LABEL}")
    lines.add("syn_nplv_total", f"{LABEL} programma", f"{LABEL} ministerie", 370_000_000,
              "one_off", "2022-2030", f"{LABEL}", "nplv", "confirmed", source_ids[1], f"{LABEL}")
    rounds = _Table(["round_id", "label_nl", "label_en", "date", "fund", "budget_line_id"])
    round_ids = []
    for r in range(1, scale.n_rounds + 1):
        round_id = f"syn_round_{r}"
        round_ids.append(round_id)
        fund = "woontop" if r == scale.n_rounds and r > 1 else "vhf"
        line_id = f"syn_{fund}_round_{r}"
        lines.add(line_id, f"{LABEL} {fund.upper()} ronde {r}", f"{LABEL} ministerie",
                  100_000_000 + 25_000_000 * r, "one_off", str(2020 + r), f"{LABEL}",
                  "vhf" if fund == "vhf" else "nplv", status(), source(), f"{LABEL}")
        rounds.add(round_id, f"{LABEL} ronde {r}", f"{LABEL} round {r}",
                   f"{2020 + r}-{1 + (r * 5) % 12:02d}-15", fund, line_id)
    files["budget_lines.csv"] = lines.data()
    files["rounds.csv"] = rounds.data()

    # --- allocations: every municipality, several rounds
    focus = {a.municipality for a in current}
    tab = _Table(["allocation_id", "round_id", "is_round_inferred", "date", "municipality",
                  "gemeente_code", "project", "amount_eur", "homes", "is_focus_municipality",
                  "status", "source_id"])
    number = 0
    round_dates = {f"syn_round_{r}": f"{2020 + r}-{1 + (r * 5) % 12:02d}-15"
                   for r in range(1, scale.n_rounds + 1)}
    for m in range(1, n_muni + 1):
        for round_id in round_ids:
            if rng.random() > 0.55:
                continue
            for _ in range(rng.randint(1, 3)):
                number += 1
                amount = "" if rng.random() < 0.05 else str(rng.randrange(200_000, 45_000_000,
                                                                          1000))
                homes = "" if rng.random() < 0.5 else str(rng.randint(10, 900))
                tab.add(f"SYN-A{number:05d}", round_id, "true" if rng.random() < 0.1 else "false",
                        round_dates[round_id], _municipality_name(m), _gemeente_code(m),
                        f"{LABEL} project {number:05d}", amount, homes,
                        "true" if m in focus else "false", status(), source())
    files["allocations.csv"] = tab.data()

    # --- timeline
    tab = _Table(["event_id", "date", "date_precision", "event_nl", "event_en", "area_ids",
                  "source_id"])
    for e in range(1, 41):
        year, month = 2019 + (e * 7) // 40, 1 + (e * 5) % 12
        precise = e % 3 != 0
        date = f"{year}-{month:02d}-{1 + e % 27:02d}" if precise else f"{year}-{month:02d}"
        named = ";".join(a.area_id for a in rng.sample(current, k=min(len(current), e % 3)))
        tab.add(f"SYN-E{e:02d}", date, "day" if precise else "month",
                f"{LABEL} gebeurtenis {e:02d}", f"{LABEL} event {e:02d}", named, source())
    files["timeline.csv"] = tab.data()

    settings = "\n".join(f"- {k}: {v}" for k, v in asdict(scale).items())
    newline = b"\n"
    counts = "\n".join(f"- {name}: {data.count(newline) - 1} rows"
                       for name, data in files.items())
    files[NOTE_FILE] = (
        f"# {LABEL}: synthetic benchmark data, not real\n\n"
        "Every value in this folder is invented by `bench/synthetic.py` to measure the NPLV\n"
        "dashboard at national scale. Do not publish, quote or mix it with `data/sources`.\n\n"
        f"Seed: {seed}\n\nSettings:\n{settings}\n\nFiles:\n{counts}\n"
    ).encode("utf-8")
    return files


def write(out: Path, scale: Scale = NATIONAL, seed: int = DEFAULT_SEED) -> dict[str, int]:
    """Write the files to ``out`` (never into data/sources); returns {file: bytes}."""
    out = Path(out).resolve()
    real = (ROOT / "data" / "sources").resolve()
    if out == real or real in out.parents:
        raise ValueError(f"refusing to write synthetic data into {real}")
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for name, data in generate(scale, seed).items():
        (out / name).write_bytes(data)
        sizes[name] = len(data)
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--quick", action="store_true", help="300 areas instead of ~17,300")
    parser.add_argument("--indicators-for-all", action="store_true",
                        help="indicators for every area, not only the wijken (5.2 M rows)")
    args = parser.parse_args(argv)
    scale = QUICK if args.quick else NATIONAL
    if args.indicators_for_all:
        scale = replace(scale, indicator_scope="all")
    sizes = write(args.out, scale, args.seed)
    for name, size in sizes.items():
        sys.stdout.write(f"{args.out / name}: {size:,} bytes\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
