"""Language switch, shareable links, page switches and hostile links, in a real browser."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest

from nplv_app.content.i18n import t

from .support import (
    NAV_LINK,
    SIDEBAR,
    WARNING_ALERT,
    nav_labels,
    open_page,
    page_url,
    sidebar_summary,
    wait_for_app,
)

pytestmark = pytest.mark.browser


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _path(url: str) -> str:
    return urlsplit(url).path


def _click_nav(page, label: str) -> None:
    page.locator(NAV_LINK).filter(has_text=label).first.click()
    wait_for_app(page)


def test_en_button_switches_language_and_url(page, base_url):
    open_page(page, page_url(base_url, "overzicht"))
    assert t("page_overzicht", "nl") in nav_labels(page)
    assert "lang" not in _query(page.url)  # the default language stays out of the URL

    page.locator(SIDEBAR).get_by_role("radio", name="EN", exact=True).click()
    wait_for_app(page)

    labels = nav_labels(page)
    assert t("page_overzicht", "en") in labels, labels
    assert t("page_overzicht", "nl") not in labels, labels
    assert _query(page.url).get("lang") == ["en"], page.url
    assert "areas" in sidebar_summary(page)

    # The language chosen with the widget (not from a link) survives a page switch.
    _click_nav(page, t("page_gebieden", "en"))
    assert _path(page.url).endswith("/gebieden"), page.url
    assert _query(page.url).get("lang") == ["en"], page.url
    assert t("page_budgetten", "en") in nav_labels(page)


def test_link_opens_english_selection_and_page_switch_keeps_it(page, base_url):
    """A shared link sets language and selection; the navigation keeps both (URL and state)."""
    open_page(page, f"{base_url}/gebieden?set=original16&lang=en")
    summary = sidebar_summary(page)
    assert "16 areas" in summary and "1,073,000" in summary, f"link not applied: {summary!r}"
    assert t("page_gebieden", "en") in nav_labels(page)

    _click_nav(page, t("page_budgetten", "en"))
    assert _path(page.url).endswith("/budgetten"), page.url
    params = _query(page.url)
    assert params.get("set") == ["original16"], f"set dropped on page switch: {page.url}"
    assert params.get("lang") == ["en"], f"lang dropped on page switch: {page.url}"
    summary = sidebar_summary(page)
    assert "16 areas" in summary and "1,073,000" in summary, f"after switch: {summary!r}"

    # On to the default page (served at '/') and back: still the same selection.
    _click_nav(page, t("page_overzicht", "en"))
    assert _path(page.url) == "/", page.url
    assert _query(page.url).get("set") == ["original16"], page.url
    assert "16 areas" in sidebar_summary(page)
    _click_nav(page, t("page_gebieden", "en"))
    assert _path(page.url).endswith("/gebieden"), page.url
    assert "16 areas" in sidebar_summary(page)


def _address(page) -> str:
    """The address bar now (``page.url`` can trail a same-document URL change)."""
    return page.evaluate("location.href")


def _pick_area_set(page, label: str) -> None:
    page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name=label).click()
    wait_for_app(page)


def _view_link(page) -> str:
    box = page.locator(f"{SIDEBAR} [data-testid='stCode']")
    if not box.count():  # folded: open it
        page.locator(SIDEBAR).get_by_text(t("view_link", "nl")).first.click()
        wait_for_app(page)
    return box.first.inner_text().strip()


def test_own_areas_stay_in_the_link_through_set_and_page_switches(page, base_url):
    """An own selection survives switching the set away and back and then the page: in the
    address bar (which the browser writes for URL-bound widgets) and in the view-link box
    (which the server writes)."""
    own = [("gebieden", "Amsterdam Nieuw-West"), ("gebieden", "Arnhem-Oost")]
    open_page(page, f"{base_url}/gebieden?{urlencode([('set', 'custom'), *own])}")
    assert "2 gebieden" in sidebar_summary(page)

    _pick_area_set(page, t("set_original16", "nl"))
    assert _query(_address(page)) == {"set": ["original16"]}, _address(page)
    _click_nav(page, t("page_scenario", "nl"))
    _pick_area_set(page, t("set_custom", "nl"))
    for label, path in ((t("page_budgetten", "nl"), "/budgetten"),
                        (t("page_overzicht", "nl"), "/")):
        _click_nav(page, label)
        for where, link in (("address", _address(page)), ("view link", _view_link(page))):
            assert _path(link) == path, f"{where}: {link}"
            params = _query(link)
            assert params.get("set") == ["custom"], f"{where}: {link}"
            assert params.get("gebieden") == [name for _, name in own], f"{where}: {link}"
        assert "2 gebieden" in sidebar_summary(page)


def test_view_link_box_reproduces_the_view_in_a_new_browser(page, browser, base_url):
    """The 'link to this view' box holds the full address; a fresh context opening it shows
    the same page, language, selection and inputs."""
    open_page(page, f"{base_url}/scenario?set=original16&lang=en&sc_jaren=3&junk=x")
    page.locator(SIDEBAR).get_by_text(t("view_link", "en")).first.click()  # folded until opened
    box = page.locator(f"{SIDEBAR} [data-testid='stCode']").first
    box.wait_for(timeout=30_000)
    link = box.inner_text().strip()
    assert link.startswith(base_url) and _path(link).endswith("/scenario"), link
    assert _query(link) == {"lang": ["en"], "set": ["original16"], "sc_jaren": ["3"]}, link
    context = browser.new_context(viewport=page.viewport_size)
    try:
        other = context.new_page()
        open_page(other, link)
        assert sidebar_summary(other) == sidebar_summary(page)
        years = "[data-testid='stNumberInput'] input"
        assert other.locator(years).nth(1).input_value() == "3"
    finally:
        context.close()


def test_hostile_link_is_inert(page, base_url, dialogs):
    """Script in link values: a short escaped notice, no JS dialog, nothing injected.

    Opens ``/overzicht`` on purpose: the path people share (Streamlit answers it with its
    'Page not found' modal and runs the main page at '/', see test_pages).
    """
    hostile = {"gemeente": "<img src=x onerror=alert(1)>", "set": "<script>alert(1)</script>"}
    open_page(page, f"{base_url}/overzicht?{urlencode(hostile, quote_via=quote)}")
    page.wait_for_timeout(500)  # time for an injected handler to fire, were there one

    notice = page.locator(f"{SIDEBAR} {WARNING_ALERT}")
    assert notice.count() >= 1, "no notice about the ignored link values"
    text = notice.first.inner_text()
    assert t("url_ignored", "nl", items="").split(":")[0] in text, text
    assert "set=" in text and "gemeente=" in text, text
    assert "<script>" in text  # shown as text, literally

    assert dialogs == [], f"a JS dialog fired: {dialogs}"
    assert page.locator("img[src='x']").count() == 0, "an <img src=x> was injected"
    assert page.locator("[onerror]").count() == 0, "an element with onerror was injected"
    injected = page.evaluate(
        "() => [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length")
    assert injected == 0, "a <script> with the link's code was injected"
    # The hostile values were not applied: the default selection of all 20 areas shows.
    assert "20 gebieden" in sidebar_summary(page)
