"""Hostile URLs: every page, every URL parameter it reads, every class of nasty value.

A link is input from anyone. For each page and each value class, one AppTest run sets *all*
the page's parameters (the shared sidebar keys, the presentation switch and the page's own keys)
to the hostile value at once; a few extra cases reach parameters that only count behind another
one (``gebieden`` needs ``set=custom``, ``stap`` needs ``presentatie=1``, the scenario's criteria
and blend inputs need their basis and keys). Each run must:

* raise nothing (``not at.exception``);
* never put the raw value into Markdown: no raw ``<script``/``<img``/``onerror=`` in any element
  rendered with ``unsafe_allow_html`` or in ``st.html`` (that would be script injection), and
  no raw hostile value in any other Markdown, alert or heading either (the project's rule:
  "text from data or URLs is escaped (``ui.escape``) before Markdown"; a raw
  ``[x](javascript:...)`` would be a live link);
* leave the database with all its tables.

Streamlit drops a query string with more than 1000 parameters entirely (``sanitize_query_string``
in ``streamlit/runtime/state/query_params.py``); the 10,000-element class checks that nothing
breaks then, and a 990-element case stays just under that limit so the app itself must cope.
"""

from __future__ import annotations

import duckdb
import pytest
from app_support import run_page, use_test_database

from nplv_app.frame import page_keys, ui
from nplv_app.frame.sidebar import SHARED_KEYS
from nplv_data.schema import TABLES

# The presentation switch and step, read by app.py on every page (nplv_app.frame.presentation).
FRAME_KEYS = ("presentatie", "stap")
PAGE_KEYS = {
    "overzicht": page_keys.OVERZICHT,
    "gebieden": page_keys.GEBIEDEN,
    "budgetten": page_keys.BUDGETTEN,
    "scenario": page_keys.SCENARIO,
    "tijdlijn": page_keys.TIJDLIJN,
}
# Read from the URL by a page but not (yet) listed in nplv_app.frame.page_keys.
UNLISTED_KEYS = {"gebieden": {"gb_indicator"}}
# Valid values that open inputs shown only behind another choice; they do not hide the rest
# of the page (unlike set=custom or presentatie=1, which get their own cases below).
GATES = {"scenario": {"sc_basis": "criteria", "sc_key": "per_resident",
                      "sc_mix": "welfare_weighted"}}

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
MD_LINK = "[klik](javascript:alert(1))"
HOSTILE: dict[str, str | list[str]] = {
    "unknown_id": "gebied-bestaat-niet-9f3a",
    "script": SCRIPT,
    "img": IMG,
    "markdown_link": MD_LINK,
    "sql": "x'; DROP TABLE areas; --",
    "quotes": "\"'`\\\"\\'",
    "unicode": "🏠💥 مرحبا \u202egnp.exe 漢字 \u200b",
    "long_5000": (SCRIPT + "x" * 5000)[:5000],
    "list_10000": [SCRIPT] * 10_000,
    "not_a_number": "NaN",
    "negative": "-1",
    "huge": "1e308",
    "overflow": "1e309",
    "empty": "",
}
# Raw forms that must never reach Markdown unescaped.
RAW_MARKUP = (SCRIPT, IMG, MD_LINK, "<script", "<img", "onerror=")


def page_params(page: str) -> list[str]:
    return sorted({*SHARED_KEYS, *FRAME_KEYS, *PAGE_KEYS[page], *UNLISTED_KEYS.get(page, ())})


# --- checks -------------------------------------------------------------------------------------

# The frame's own fixed markup (<html lang> and the contrast stylesheet): the only script allowed.
OWN_MARKUP = {ui.document_markup(lang) for lang in ui.DOCUMENT_LANGUAGES}


def _walk(node):
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        children = children.values()
    for child in children or ():
        yield from _walk(child)


def _texts(at):
    """(kind, text, renders_html) for every element whose text is rendered as Markdown/HTML."""
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        name = type(proto).__name__
        if name == "Markdown":
            yield type(node).__name__, proto.body, proto.allow_html
        elif name == "Html" and proto.body not in OWN_MARKUP:
            yield "Html", proto.body, True
        elif name in ("Alert", "Heading"):
            yield type(node).__name__, proto.body, False
        elif name == "Toast":
            yield "Toast", proto.body, False


def check(at, case: str) -> None:
    assert not at.exception, f"{case}: " + "; ".join(e.value[:300] for e in at.exception)
    for kind, text, html in _texts(at):
        lowered = text.lower()
        if html:
            found = [m for m in RAW_MARKUP if m in lowered]
            assert not found, f"{case}: raw {found} in a {kind} rendered as HTML: {text[:200]!r}"
        else:
            found = [m for m in (SCRIPT, IMG, MD_LINK) if m in text]
            assert not found, f"{case}: unescaped {found} in {kind}: {text[:200]!r}"
    path = use_test_database()
    with duckdb.connect(str(path), read_only=True) as con:
        names = {row[0] for row in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        missing = {t.name for t in TABLES} - names
        assert not missing, f"{case}: tables gone: {missing}"
        assert con.execute("SELECT count(*) FROM areas").fetchone()[0] > 0


# --- every page x every value class, all parameters at once ----------------------------------

@pytest.mark.parametrize("value_class", list(HOSTILE))
@pytest.mark.parametrize("page", list(PAGE_KEYS))
def test_all_parameters_hostile(page: str, value_class: str) -> None:
    value = HOSTILE[value_class]
    keys = page_params(page)
    if isinstance(value, list):
        # the 10,000 elements spread over all parameters: the query string has 10,000 fields
        # either way (and is dropped), without paying to encode that list once per key
        params = {key: value[i::len(keys)] for i, key in enumerate(keys)}
    else:
        params = {key: value for key in keys}
    params.update(GATES.get(page, {}))
    at = run_page(page, params)
    check(at, f"{page} with every parameter = {value_class}")


# --- parameters behind another one, and lists just under Streamlit's limit --------------------

GATED_CLASSES = ("script", "markdown_link", "sql", "long_5000", "not_a_number", "huge")


@pytest.mark.parametrize("value_class", GATED_CLASSES)
@pytest.mark.parametrize(("page", "gate", "keys"), [
    ("overzicht", {"set": "custom"}, ("gebieden",)),
    ("overzicht", {"presentatie": "1"}, ("stap",)),
    ("scenario", {}, tuple(sorted(page_keys.SCENARIO))),  # the gates themselves hostile too
], ids=["custom-areas", "presentation-step", "scenario-ungated"])
def test_gated_parameters_hostile(page: str, gate: dict, keys: tuple, value_class: str) -> None:
    value = HOSTILE[value_class]
    at = run_page(page, {**gate, **{key: value for key in keys}})
    check(at, f"{page} {gate} with {keys} = {value_class}")


@pytest.mark.parametrize(("page", "params"), [
    ("overzicht", {"set": "custom", "gebieden": [f"{SCRIPT}{i}" for i in range(990)]}),
    ("gebieden", {"gemeente": [f"{IMG}{i}" for i in range(990)]}),
    ("tijdlijn", {"tl_section": [MD_LINK] * 990}),
], ids=["990-custom-areas", "990-municipalities", "990-sections"])
def test_long_lists_under_the_limit(page: str, params: dict) -> None:
    at = run_page(page, params)
    check(at, f"{page} with a 990-element list")
    notices = [w.value for w in at.warning]
    # the notice names at most a handful of ignored values, shortened, then a count
    assert all(len(n) < 1000 for n in notices), [len(n) for n in notices]


def test_a_valid_link_still_works_beside_hostile_ones() -> None:
    """Hostile values next to valid ones: the valid ones are kept."""
    at = run_page("overzicht", {"set": "custom", "gebieden": ["Delft-West", SCRIPT, MD_LINK]})
    check(at, "mixed custom areas")
    summary = [c.value for c in at.sidebar.caption if "·" in c.value]
    assert summary and summary[0].startswith("1 gebieden"), summary
