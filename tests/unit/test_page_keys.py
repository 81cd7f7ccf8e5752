"""Each page's URL keys are defined once, in nplv_app.frame.page_keys."""

from __future__ import annotations

import re
from pathlib import Path

from nplv_app.frame import page_keys

ROOT = Path(__file__).resolve().parents[2]


def test_no_page_writes_a_url_key_of_its_own():
    literal = re.compile(r"""(?<!t\()["']([a-z]{2}_[a-z_]+)["']""")  # not a text key: t("sc_key")
    found = [f"{path.name}: {key}" for path in sorted((ROOT / "views").glob("*.py"))
             for key in literal.findall(path.read_text()) if key in page_keys.ALL]
    assert found == []


def test_keys_are_unique_across_pages():
    pages = [page_keys.OVERZICHT, page_keys.GEBIEDEN, page_keys.BUDGETTEN, page_keys.SCENARIO,
             page_keys.TIJDLIJN]
    assert sum(map(len, pages)) == len(page_keys.ALL)
