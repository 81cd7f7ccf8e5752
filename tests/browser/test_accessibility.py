"""WCAG 2.1 AA in the browser: axe-core (axe-playwright-python) on every page in Dutch and
English, normal and in presentation mode, and the document language of each view; and every
page at national scale (the benchmark's synthetic 17.300 areas, on a server of its own).
The same page loads also record every request and websocket: none may go to a host other than
the server's own (the dashboard runs offline; an outside request is a leak and a wait).

A serious or critical violation fails the test unless its rule is in ``axe_allowlist.json``
(Streamlit-chrome items only, each with its reason). Charts are canvas or SVG drawn by Vega: axe
checks their container and alt text, not the marks (their colours are checked in the unit tests
of the palette).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .support import PAGES, free_port, open_page, page_url, start_server, stop_server

pytestmark = pytest.mark.browser

ALLOWLIST = json.loads((Path(__file__).with_name("axe_allowlist.json")).read_text())["rules"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = ("serious", "critical")
OWN_HOSTS = {"127.0.0.1", "localhost"}
VIEWS = [(name, lang, presenting) for presenting in (False, True) for lang in ("nl", "en")
         for name in PAGES]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def view_url(base_url: str, name: str, lang: str, presenting: bool) -> str:
    params = [p for p, on in (("lang=en", lang == "en"), ("presentatie=1", presenting)) if on]
    return page_url(base_url, name) + ("?" + "&".join(params) if params else "")


def record_outside_requests(page) -> list[str]:
    """The URLs of every request and websocket the page opens to another host (data: and blob:
    URLs are no requests); the list fills while the page loads."""
    outside: list[str] = []

    def note(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in OWN_HOSTS:
            outside.append(url)

    page.on("request", lambda request: note(request.url))
    page.on("websocket", lambda socket: note(socket.url))
    return outside


def failing(violations: list[dict]) -> list[str]:
    """'rule (impact): n nodes, e.g. <target>; <summary>' for each violation that counts."""
    found = []
    for rule in violations:
        if rule["impact"] in FAILING_IMPACTS and rule["id"] not in ALLOWLIST:
            node = rule["nodes"][0]
            found.append(f"{rule['id']} ({rule['impact']}): {len(rule['nodes'])} nodes, e.g. "
                         f"{node['target']}; {node.get('failureSummary', '')[:300]}")
    return found


@pytest.mark.parametrize(("name", "lang", "presenting"), VIEWS,
                         ids=[f"{n}-{lang}{'-presentatie' if p else ''}" for n, lang, p in VIEWS])
def test_view_meets_wcag_aa(page, base_url, axe, name, lang, presenting):
    outside = record_outside_requests(page)
    open_page(page, view_url(base_url, name, lang, presenting))
    assert page.evaluate("document.documentElement.lang") == lang
    assert not outside, f"requests leaving the machine: {sorted(set(outside))}"
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA},
                                     "resultTypes": ["violations"]})
    problems = failing(results.response["violations"])
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def national_url(tmp_path_factory):
    """A second server on the synthetic national data set (bench.synthetic), built first."""
    from bench import synthetic
    from nplv_data.build import build_database

    folder = tmp_path_factory.mktemp("national_a11y")
    synthetic.write(folder / "sources")
    build_database(folder / "sources", folder / "nplv.duckdb")
    env = {k: v for k, v in os.environ.items() if k != "NPLV_CHART_WORKERS"}
    env |= {"NPLV_SOURCES": str(folder / "sources"), "NPLV_DB": str(folder / "nplv.duckdb")}
    port = free_port()
    with open(folder / "streamlit.log", "wb") as log:
        process = start_server(port, env, log)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            stop_server(process)


@pytest.mark.parametrize("name", PAGES)
def test_view_meets_wcag_aa_at_national_scale(page, national_url, axe, name):
    outside = record_outside_requests(page)
    open_page(page, page_url(national_url, name))
    assert not outside, f"requests leaving the machine: {sorted(set(outside))}"
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA},
                                     "resultTypes": ["violations"]})
    problems = failing(results.response["violations"])
    assert not problems, "\n".join(problems)


def test_allowlist_names_a_reason_for_each_rule():
    assert all(isinstance(reason, str) and len(reason) > 20 for reason in ALLOWLIST.values())
