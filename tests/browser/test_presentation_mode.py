"""Presentation mode in a real browser: no chrome, the workshop script stepped through with the
next control, each step reproducible from its URL; and a download from the downloads section.

Steps and headlines come from ``workshops/standaard.txt`` (through
``nplv_app.content.workshop``), so
the test follows the script when facilitators change it.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest

from nplv_app.content import workshop
from nplv_app.content.i18n import t

from .support import (
    EXCEPTION,
    SCREENS,
    SIDEBAR,
    full_page_screenshot,
    open_page,
    page_url,
    wait_for_app,
)

pytestmark = pytest.mark.browser

HEADLINE = ".nplv-headline"  # presentation.header's own markup
TOOLBAR = "[data-testid='stToolbar']"
HEADER = "[data-testid='stHeader']"
SECTION = ".st-key-dl_section"  # st.expander(key="dl_section") in nplv_app/frame/downloads.py
STEPS = workshop.load(workshop.DEFAULT_SCRIPT).steps


def _headline(page) -> str:
    return page.locator(HEADLINE).first.inner_text().strip()


def _step_caption(n: int) -> str:
    return t("present_step", "nl", n=n, total=len(STEPS), title="").split(" · ")[0]


def _assert_no_exception(page) -> None:
    exceptions = page.locator(EXCEPTION)
    assert exceptions.count() == 0, exceptions.first.inner_text()[:3000]


def _next(page) -> None:
    page.get_by_role("button", name=t("present_next", "nl")).click()
    wait_for_app(page)


def test_presentation_steps_through_the_workshop_script(page, browser, base_url):
    open_page(page, f"{base_url}/?presentatie=1")
    _assert_no_exception(page)
    # The projector view: no sidebar, no toolbar, no header.
    assert page.locator(SIDEBAR).count() == 0 or page.locator(SIDEBAR).first.is_hidden()
    for chrome in (TOOLBAR, HEADER):
        assert page.locator(chrome).count() == 0 or page.locator(chrome).first.is_hidden(), chrome
    # Without a step: the current page, and a button that starts the script at step 1.
    assert page.locator(HEADLINE).count() == 0
    start = page.get_by_role("button", name=re.compile(re.escape(
        t("present_start", "nl", title="").rstrip(": "))))
    start.click()
    wait_for_app(page)
    page.locator(HEADLINE).first.wait_for()
    assert _headline(page) == STEPS[0].headline("nl")
    assert _step_caption(1) in page.locator("[data-testid='stMain']").inner_text()
    assert urlsplit(page.url).path.rstrip("/") == urlsplit(
        page_url(base_url, STEPS[0].page)).path.rstrip("/"), page.url  # the step's page
    full_page_screenshot(page, SCREENS / "browser_presentatie_stap1.png")

    for number in (2, 3):
        _next(page)
        assert _headline(page) == STEPS[number - 1].headline("nl"), f"step {number}"
        params = parse_qs(urlsplit(page.url).query)
        assert params.get("stap") == [str(number)], page.url
        assert params.get("presentatie") == ["1"], page.url
    step3 = STEPS[2]
    _assert_no_exception(page)
    assert urlsplit(page.url).path.rstrip("/") == urlsplit(
        page_url(base_url, step3.page)).path.rstrip("/"), page.url
    for key, value in step3.params.items():  # the step's view parameters reached the URL
        assert parse_qs(urlsplit(page.url).query).get(key) == [value], page.url
    assert _headline(page) != STEPS[0].headline("nl")
    assert page.locator(SIDEBAR).count() == 0 or page.locator(SIDEBAR).first.is_hidden()
    full_page_screenshot(page, SCREENS / "browser_presentatie_stap3.png")

    # The address bar reproduces the step: a new browser context (a new session, no state).
    url = page.url
    context = browser.new_context(viewport=page.viewport_size, locale="nl-NL")
    try:
        other = context.new_page()
        open_page(other, url)
        _assert_no_exception(other)
        assert _headline(other) == step3.headline("nl")
        assert _step_caption(3) in other.locator("[data-testid='stMain']").inner_text()
        if step3.params.get("set") == "original16":  # the step's selection, not the default
            assert "16" in other.locator("[data-testid='stMetricValue']").first.inner_text()
    finally:
        context.close()


def test_a_step_link_opened_on_another_page_shows_that_step(page, base_url):
    open_page(page, f"{base_url}/?presentatie=1&stap=1")  # step 1 is not the start page
    page.locator(HEADLINE).first.wait_for()
    _assert_no_exception(page)
    assert _headline(page) == STEPS[0].headline("nl")
    assert urlsplit(page.url).path.rstrip("/") == urlsplit(
        page_url(base_url, STEPS[0].page)).path.rstrip("/"), page.url


def _open_downloads(page):
    section = page.locator(SECTION)
    section.get_by_text(t("dl_title", "nl")).first.click()
    page.wait_for_timeout(300)
    return section


def test_xlsx_download_has_the_expected_name_and_sheets(page, base_url, tmp_path):
    open_page(page, f"{base_url}/gebieden?set=original16")
    _assert_no_exception(page)
    section = _open_downloads(page)
    with page.expect_download(timeout=60_000) as info:
        section.get_by_role("button", name=t("dl_xlsx", "nl")).click()
    download = info.value
    assert re.fullmatch(r"nplv_gebieden_original16_\d{4}-\d{2}-\d{2}\.xlsx",
                        download.suggested_filename), download.suggested_filename
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    book = openpyxl.load_workbook(path)
    assert {"Bronnen", "Over", t("dl_selection_table", "nl")} <= set(book.sheetnames)
    assert book[t("dl_selection_table", "nl")].max_row == 16 + 1  # header + the 16 areas


def test_png_download_is_rendered_in_the_server(page, base_url, tmp_path):
    """A chart image: rendered by the server's render process (nplv_app.runtime.offload)."""
    open_page(page, f"{base_url}/budgetten")
    section = _open_downloads(page)
    with page.expect_download(timeout=120_000) as info:
        section.locator(".st-key-dl_png_bu_share_chart").get_by_role("button").click()
    download = info.value
    assert re.fullmatch(r"nplv_budgetten-share_all20_\d{4}-\d{2}-\d{2}\.png",
                        download.suggested_filename), download.suggested_filename
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
