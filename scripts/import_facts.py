"""Carry the shared NPLV fact set into the project's own layout under ``data/sources/``.

A developer tool, run by hand when the fact set changes: the app and the build never read the
shared folder.  It changes the *layout*, never a figure: values are copied verbatim, every row
gets a ``source_id`` that resolves to ``sources.csv``, and hedges in the facts ("approx",
"UNCONFIRMED", "inferred", rounded values) become an explicit ``status`` column.

    python scripts/import_facts.py [--facts ../shared/facts] [--out data/sources]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FACTS = ROOT.parent / "shared" / "facts"
DEFAULT_OUT = ROOT / "data" / "sources"

UNCONFIRMED = re.compile(r"UNCONFIRMED|inferred", re.I)
APPROXIMATE = re.compile(
    r"approx|rounded|derived|'ruim|'bijna|'circa|'ongeveer|about|\bca\.|~|whole number|as stated",
    re.I,
)

# Gemeente codes checked against CBS StatLine 85067NED (SOURCES.md item 83); the rest were filled
# from general knowledge and are marked unconfirmed.
CONFIRMED_GEMEENTE_CODES = {
    "GM0363", "GM0518", "GM0599", "GM0344", "GM0772",
    "GM0202", "GM0014", "GM0080", "GM0392", "GM0935",
}

ROUNDS = [
    # round_id, label in the facts, label_nl, label_en, date, fund, budget_line_id
    ("vhf2021", "VHF 2021", "VHF 2021", "VHF 2021", "2021-07-15", "vhf", "vhf2021_granted"),
    ("vhf2023", "VHF 2023", "VHF 2023", "VHF 2023", "2023-12-12", "vhf", "vhf2023_round"),
    ("vhf2024r3", "VHF 2024 round 3", "VHF 2024 ronde 3", "VHF 2024 round 3", "2024-05-13", "vhf",
     "vhf2024_round3"),
    ("vhf2024r4", "VHF 2024 round 4", "VHF 2024 ronde 4", "VHF 2024 round 4", "2024-12-04", "vhf",
     "vhf2024_round4_granted"),
    ("woontop2025", "Woontop NPLV 2025", "Woontop NPLV 2025", "Housing summit NPLV 2025",
     "2025-06-24", "woontop", "woontop_nplv_2025"),
]

BUDGET_CATEGORY = {
    "ask": "ask2021",
    "vhf": "vhf",
    "nplv": "nplv",
    "pmg": "nplv",
    "spuk": "nplv",
    "woontop": "nplv",
    "vro": "nplv",
    "regiodeal": "context",
}

# Timeline events that concern specific focus areas (the rest are programme-wide).
TIMELINE_AREAS = {
    "Regio Deal Den Haag Zuidwest": "den-haag-zuidwest",
    "Vlaardingen Westwijk, Delft-West, Dordrecht West en Roosendaal":
        "vlaardingen-westwijk;delft-west;dordrecht-west;roosendaal-ring",
    "Pact Woensel Zuid": "eindhoven-woensel-zuid",
    "Lelystad Oost": "lelystad-oost",
    "Heerlen-Noord": "heerlen-noord",
    "Lancering NPLV in Schiedam": "schiedam-nieuwland-oost",
    "getekend in Overvecht": "utrecht-overvecht",
}


def status_of(*texts: str) -> str:
    """The weakest status any hedge in the texts implies."""
    joined = " ".join(t for t in texts if t)
    if UNCONFIRMED.search(joined):
        return "unconfirmed"
    if APPROXIMATE.search(joined):
        return "approximate"
    return "confirmed"


def unit_code(unit: str) -> str:
    """A short, enumerable unit for the free-text unit in the facts."""
    text = unit.lower()
    for prefix, code in [
        ("percentage points", "percentage_points"), ("percent", "percent"),
        ("persons", "persons"), ("ratio", "ratio"), ("rank", "rank"), ("years", "years"),
        ("per 1000", "per_1000"), ("dwellings", "dwellings"), ("households", "households"),
    ]:
        if text.startswith(prefix):
            return code
    raise ValueError(f"unknown unit {unit!r}")


def read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def parse_sources(text: str) -> list[dict[str, str]]:
    """One row per URL in SOURCES.md, numbered as there (S01, S26b for a second URL)."""
    rows = []
    section = ""
    items: list[tuple[str, str, str]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("### "):
            section = line[4:].strip()
            continue
        if line.startswith("## "):
            section = ""
            current = None
            continue
        match = re.match(r"^(\d+)\. (.*)", line)
        if match and section:
            current = [match.group(2)]
            items.append((match.group(1), section, ""))
            items[-1] = (match.group(1), section, current)  # type: ignore[assignment]
        elif current is not None and line.startswith("   "):
            current.append(line.strip())
    for number, section, lines in items:
        body = " ".join(lines)  # type: ignore[arg-type]
        pairs = re.findall(r"\*\*(.+?)\*\*[^<]*?<(https?://[^>]+)>", body)
        publisher_match = re.search(r"Publisher: (.+?)\. Date: (.+?)\.(?: |$)", body)
        taken = re.search(r"(Taken|Supporting|Used)[^:]*: (.*)", body)
        for index, (title, url) in enumerate(pairs):
            after = body.split(f"<{url}>", 1)[1]
            paren = re.match(r"\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)", after)
            publisher, published = "", ""
            if publisher_match:
                publisher, published = publisher_match.group(1), publisher_match.group(2)
            elif paren:
                parts = [p.strip() for p in paren.group(1).split(",")]
                dated = [p for p in parts if re.search(r"\d{4}|undated|checked", p)]
                publisher = ", ".join(p for p in parts if p not in dated)
                published = ", ".join(dated)
            if title.startswith("Same study") and rows:
                publisher, published = rows[-1]["publisher"], rows[-1]["published"]
            if not publisher:
                publisher = title.split(", ")[0] if ", " in title else title.split(" (")[0]
            rows.append(
                {
                    "source_id": f"S{int(number):02d}" + ("" if index == 0 else "bcdef"[index - 1]),
                    "title": title.strip(),
                    "publisher": publisher,
                    "published": published,
                    "url": url,
                    "section": section,
                    "used_for": taken.group(2) if taken else body,
                }
            )
    return rows


def split_wijken(text: str) -> list[tuple[str, str]]:
    """Split a wijken list on ';' outside brackets, keeping [notes] apart from names."""
    note = ""
    bracket = re.search(r"\[(.*)\]", text)
    if bracket:
        note = bracket.group(1)
        text = text[: bracket.start()] + text[bracket.end():]
    parts, depth, buf = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char == ";" and depth == 0:
            parts.append(buf)
            buf = ""
        else:
            buf += char
    parts.append(buf)
    return [(p.strip(), note) for p in parts if p.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=Path, default=DEFAULT_FACTS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    facts, out = args.facts, args.out
    out.mkdir(parents=True, exist_ok=True)

    sources = parse_sources((facts / "SOURCES.md").read_text(encoding="utf-8"))
    by_url = {row["url"]: row["source_id"] for row in sources}
    write(out / "sources.csv",
          ["source_id", "title", "publisher", "published", "url", "section", "used_for"], sources)

    areas, wijken = [], []
    for row in read(facts / "areas.csv"):
        code = row["gemeente_code"]
        name_2021 = row["original_name_2021"]
        areas.append({
            "area_id": row["area_id"],
            "name": row["name"],
            "alt_names": row["alt_names"],
            "municipality": row["municipality"],
            "gemeente_code": code,
            "gemeente_code_status": "confirmed" if code in CONFIRMED_GEMEENTE_CODES
            else "unconfirmed",
            "province": row["province"],
            "cohort": "original16" if row["in_original_16"] == "true" else "added2022",
            "is_current": row["in_current_20"],
            "name_2021": name_2021,
            "name_2021_status": status_of(name_2021) if name_2021 else "",
            "centroid_lat": row["centroid_lat"],
            "centroid_lon": row["centroid_lon"],
            "centroid_status": "approximate",
            "source_id": by_url[row["source_url"]],
            "status": "confirmed",
        })
        for position, (wijk, note) in enumerate(split_wijken(row["wijken"]), start=1):
            wijken.append({
                "area_id": row["area_id"], "position": position, "wijk_name": wijk,
                "note": note, "status": status_of(wijk, note) if note or "UNCONF" in wijk
                else "confirmed",
                "source_id": by_url[row["source_url"]],
            })
    write(out / "areas.csv", list(areas[0]), areas)
    write(out / "area_wijken.csv",
          ["area_id", "position", "wijk_name", "note", "status", "source_id"], wijken)

    population = [
        {
            "scope_id": r["area_id"], "ref_date": r["ref_date"], "measure": r["measure"],
            "value": r["value"], "unit": "persons", "precision": r["precision"],
            "status": status_of(r["precision"], "undated" if not r["ref_date"] else ""),
            "source_id": by_url[r["source_url"]],
        }
        for r in read(facts / "population.csv")
    ]
    write(out / "population.csv", list(population[0]), population)

    indicators = []
    for r in read(facts / "indicators.csv"):
        indicator, _, subarea = r["indicator"].partition("__")
        indicators.append({
            "scope_id": r["area_id"], "indicator": indicator, "subarea": subarea,
            "period": r["period"], "value": r["value"], "unit": unit_code(r["unit"]),
            "unit_label": r["unit"],
            "status": status_of(r["note"], r["period"], r["unit"]),
            "source_id": by_url[r["source_url"]], "note": r["note"],
        })
    write(out / "indicators.csv", list(indicators[0]), indicators)

    budgets = []
    for r in read(facts / "budgets.csv"):
        prefix = r["line_id"].split("_")[0].rstrip("0123456789")
        budgets.append({
            "line_id": r["line_id"], "instrument": r["instrument"], "ministry": r["ministry"],
            "amount_eur": r["amount_eur"], "kind": r["kind"].replace("-", "_"),
            "period": r["period"], "scope": r["scope"],
            "category": BUDGET_CATEGORY.get(prefix, "nplv"),
            "status": status_of(r["note"], r["period"]),
            "source_id": by_url[r["source_url"]], "note": r["note"],
        })
    write(out / "budget_lines.csv", list(budgets[0]), budgets)

    round_by_label = {label: rid for rid, label, *_ in ROUNDS}
    write(out / "rounds.csv",
          ["round_id", "label_nl", "label_en", "date", "fund", "budget_line_id"],
          [dict(zip(["round_id", "_", "label_nl", "label_en", "date", "fund", "budget_line_id"],
                    r)) for r in ROUNDS])
    allocations = []
    for number, r in enumerate(read(facts / "allocations.csv"), start=1):
        label = r["round"]
        inferred = "(inferred)" in label
        amount = r["amount_eur"]
        allocations.append({
            "allocation_id": f"A{number:03d}",
            "round_id": round_by_label[label.replace(" (inferred)", "")],
            "is_round_inferred": str(inferred).lower(),
            "date": r["date"], "municipality": r["municipality"],
            "gemeente_code": r["gemeente_code"], "project": r["project"],
            "amount_eur": amount, "homes": r["homes"],
            "is_focus_municipality": r["is_focus_municipality"],
            "status": "unconfirmed" if not amount or inferred or "UNCONFIRMED" in r["project"]
            else status_of(r["project"]),
            "source_id": by_url[r["source_url"]],
        })
    write(out / "allocations.csv", list(allocations[0]), allocations)

    timeline = []
    for number, r in enumerate(read(facts / "timeline.csv"), start=1):
        area_ids = next((ids for key, ids in TIMELINE_AREAS.items() if key in r["event"]), "")
        timeline.append({
            "event_id": f"E{number:02d}", "date": r["date"],
            "date_precision": "day" if len(r["date"]) == 10 else "month",
            "event_nl": r["event"], "event_en": r["event_en"], "area_ids": area_ids,
            "source_id": by_url[r["source_url"]],
        })
    write(out / "timeline.csv", list(timeline[0]), timeline)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
