"""data/sources is the shared fact set in the project's layout, and its sources are linkable."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES = REPO_ROOT / "data" / "sources"
FACTS = REPO_ROOT.parent / "shared" / "facts"
# The project's own text beside the facts: the Dutch and English wording of their free text.
# The import leaves it alone; the build checks that each text it translates is still in the data.
PROJECT_FILES = {"data_texts.csv"}


@pytest.mark.skipif(not FACTS.is_dir(), reason="../shared/facts is not present")
def test_import_facts_reproduces_data_sources_byte_for_byte(tmp_path):
    out = tmp_path / "sources"
    proc = subprocess.run(
        [sys.executable, "scripts/import_facts.py", "--facts", str(FACTS), "--out", str(out)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    produced = sorted(p.name for p in out.iterdir())
    assert produced == sorted(p.name for p in SOURCES.glob("*.csv")
                              if p.name not in PROJECT_FILES)
    differ = [name for name in produced
              if (out / name).read_bytes() != (SOURCES / name).read_bytes()]
    assert not differ, f"data/sources differs from a fresh import of ../shared/facts: {differ}"


def test_source_urls_are_https_and_unique():
    with (SOURCES / "sources.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    ids = Counter(r["source_id"] for r in rows)
    assert [i for i, n in ids.items() if n > 1] == []
    not_https = [(r["source_id"], r["url"]) for r in rows
                 if urlsplit(r["url"]).scheme != "https" or not urlsplit(r["url"]).netloc]
    assert not_https == []
    urls = Counter(r["url"] for r in rows)
    assert [(u, n) for u, n in urls.items() if n > 1] == []
    assert all(r["url"] == r["url"].strip() and " " not in r["url"] for r in rows)
