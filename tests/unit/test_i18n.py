"""The translation table: every text in both languages, with the same placeholders."""

import re
import string
from pathlib import Path

import pytest

from nplv_app.content import i18n

ROOT = Path(__file__).resolve().parents[2]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(i18n.TEXT))
def test_every_text_has_both_languages_and_same_placeholders(key):
    nl, en = i18n.TEXT[key]
    assert nl.strip() and en.strip(), key
    assert placeholders(nl) == placeholders(en), key


def test_t_fills_placeholders_and_falls_back_to_dutch():
    assert i18n.t("selection_summary", "en", n_areas=16, n_municipalities=15,
                  residents="1,073,000").startswith("16 areas")
    assert i18n.t("page_overzicht") == "Overzicht"


def test_every_key_used_in_code_exists():
    """t("key") calls in the code name keys that exist (catches typos before a user does)."""
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("nplv_app/**/*.py")]:
        used |= set(re.findall(r"\bt\(\s*\"([a-z0-9_]+)\"", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if not i18n.has(k))
    assert not missing, missing
