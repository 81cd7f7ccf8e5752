"""Fixtures for the browser tests: one Streamlit server and one Chromium for the whole session.

* ``base_url`` (session): ``streamlit run app.py`` on a free loopback port, headless, with
  ``NPLV_DB`` pointing at a temp file (the app builds it on first start); stopped at the end,
  also when a test or the start itself fails. Its output goes to ``streamlit.log`` in the
  session's temp folder, shown when the server fails to start.
* ``browser`` (session): Debian's ``/usr/bin/chromium`` driven by Playwright (never a browser
  that Playwright downloads). Missing: skipped on a developer's machine, a failure in CI.
* ``browser_context`` (session) and ``page`` (function): a fresh tab, so a fresh Streamlit
  session, in one shared context (its cache keeps the JS bundles); ``dialogs`` lists any JS
  dialog the tab opened.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    VIEWPORT,
    free_port,
    start_server,
    stop_server,
)

_SERVER_LOG: list[Path] = []  # the session server's output file, for failure reports
LOG_TAIL_CHARS = 6000


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test's report gets the tail of the Streamlit server's output."""
    report = yield
    if report.failed and _SERVER_LOG and _SERVER_LOG[0].exists():
        tail = _SERVER_LOG[0].read_text(errors="replace")[-LOG_TAIL_CHARS:]
        report.sections.append(("streamlit server output (tail)", tail))
    return report


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing (run scripts/install_browser.sh)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: CI must run the browser tests", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory):
    _require_chromium()  # no server for nothing
    folder = tmp_path_factory.mktemp("browser_server")
    # the real sources, and the app's default chart workers (tests/conftest.py sets 0)
    env = {k: v for k, v in os.environ.items() if k not in ("NPLV_SOURCES", "NPLV_CHART_WORKERS")}
    env["NPLV_DB"] = str(folder / "nplv.duckdb")
    log_path = folder / "streamlit.log"
    _SERVER_LOG[:] = [log_path]
    port = free_port()
    with open(log_path, "wb") as log:
        try:
            process = start_server(port, env, log)
        except RuntimeError as exc:
            tail = log_path.read_text(errors="replace")[-4000:]
            pytest.fail(f"{exc}\n--- streamlit output ---\n{tail}", pytrace=False)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            stop_server(process)


@pytest.fixture(scope="session")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        chromium = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of JS dialogs (alert, confirm, prompt) any page of this test opened."""
    return []


@pytest.fixture(scope="session")
def browser_context(browser):
    """One context for the session: its HTTP and code cache keep Streamlit's JS (deck.gl alone
    is 3 MB) parsed between tests. Every page is still its own Streamlit session (one websocket
    per tab) and the app keeps no state in cookies or storage."""
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context, base_url, dialogs):
    """A fresh tab (a fresh Streamlit session), 1600x1000; JS dialogs go to ``dialogs``."""

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab = browser_context.new_page()
    tab.on("dialog", on_dialog)
    try:
        yield tab
    finally:
        tab.close()
