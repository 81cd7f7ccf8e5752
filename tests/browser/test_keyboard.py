"""Keyboard only (WCAG 2.1.1, 2.4.7): a policymaker without a mouse changes the area set, opens
another page, picks an area for the detail view, moves a scenario input, downloads the XLSX and
starts and steps the workshop script, with Tab, Enter, Space and arrow keys alone, and sees
where the focus is at every step (screenshots of the focus path go to artifacts/screens)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from nplv_app.content.i18n import t

from .support import SCREENS, open_page, page_url, sidebar_summary, wait_for_app

pytestmark = pytest.mark.browser

MAX_TABS = 120  # more stops than any page has before the control a step looks for

# The focused element, described; and whether a focus indicator is drawn on it (an outline or
# a focus ring as box shadow, on it or on the widget around it).
_FOCUS_JS = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  let shown = false, n = e;
  for (let i = 0; i < 4 && n; i++, n = n.parentElement) {
    const s = getComputedStyle(n);
    if ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) ||
        (s.boxShadow && s.boxShadow !== 'none')) { shown = true; break; }
  }
  return {tag: e.tagName, role: e.getAttribute('role') || '',
          label: e.getAttribute('aria-label') || '', text: (e.innerText || '').trim().slice(0, 80),
          shown: shown};
}"""


def focused(page) -> dict | None:
    return page.evaluate(_FOCUS_JS)


def tab_to(page, matches, what: str, shot: str | None = None) -> dict:
    """Press Tab until the focused element ``matches``; assert a visible focus indicator."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        here = focused(page)
        if here and matches(here):
            assert here["shown"], f"no visible focus indicator on {what}: {here}"
            if shot:
                lang = page.evaluate("document.documentElement.lang")
                page.screenshot(path=str(SCREENS / f"keyboard_{lang}_{shot}.png"))
            return here
    raise AssertionError(f"{what}: not reached with {MAX_TABS} presses of Tab")


def labelled(label: str):
    return lambda here: here["label"] == label


def with_text(text: str):
    """A link, button or expander header showing ``text`` (not a region that contains it)."""
    return lambda here: here["tag"] in ("A", "BUTTON", "SUMMARY") and text in here["text"]


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def lang_url(base_url: str, name: str, lang: str) -> str:
    return page_url(base_url, name) + ("?lang=en" if lang == "en" else "")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_whole_workflow_by_keyboard(page, base_url, lang):
    SCREENS.mkdir(parents=True, exist_ok=True)
    open_page(page, lang_url(base_url, "overzicht", lang))

    # 1. The area set: the sidebar's selectbox, opened with the arrow key, chosen with Enter.
    tab_to(page, labelled(t("area_set", lang)), "the area set", "1_area_set")
    page.keyboard.press("ArrowDown")
    page.keyboard.type(t("set_original16", lang))
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert sidebar_summary(page).startswith("16 "), sidebar_summary(page)
    assert params(page).get("set") == ["original16"], page.url

    # 2. Another page: the sidebar link, followed with Enter; the selection stays.
    tab_to(page, with_text(t("page_gebieden", lang)), "the Gebieden link", "2_nav")
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert urlsplit(page.url).path.rstrip("/").endswith("gebieden"), page.url
    assert sidebar_summary(page).startswith("16 ")

    # 3. An area for the detail view: the picker, typed into and chosen with Enter.
    tab_to(page, labelled(t("gb_detail_pick", lang)), "the area picker", "3_area")
    page.keyboard.press("ArrowDown")
    page.keyboard.type("Heerlen")
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert params(page).get("gb_gebied") == ["Heerlen-Noord"], page.url  # the link shows names

    # 4. A scenario input: the amount, raised with the arrow key.
    tab_to(page, with_text(t("page_scenario", lang)), "the Scenario link")
    page.keyboard.press("Enter")
    wait_for_app(page)
    tab_to(page, labelled(t("sc_amount", lang)), "the amount", "4_amount")
    before = page.evaluate("document.activeElement.value")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")  # leaving the field commits it
    wait_for_app(page)
    after = page.get_by_role("spinbutton", name=t("sc_amount", lang)).input_value()
    assert after != before, (before, after)

    # 5. The XLSX: the downloads expander opened with Enter, the button pressed with Enter.
    tab_to(page, with_text(t("dl_title", lang)), "the downloads section", "5_downloads")
    page.keyboard.press("Enter")
    wait_for_app(page)
    tab_to(page, with_text(t("dl_xlsx", lang)), "the XLSX button", "6_xlsx")
    with page.expect_download(timeout=60_000) as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".xlsx")

    # 6. The workshop script: presentation mode switched on with Space, started and stepped
    # with Enter.
    open_page(page, lang_url(base_url, "overzicht", lang))
    tab_to(page, labelled(t("present_mode", lang)), "the presentation switch", "7_present")
    page.keyboard.press("Space")
    wait_for_app(page)
    start = t("present_start", lang, title="").rstrip(": ")
    tab_to(page, with_text(start), "the start button", "8_start")
    page.keyboard.press("Enter")
    wait_for_app(page)
    page.locator(".nplv-headline").first.wait_for()
    assert params(page).get("stap") == ["1"], page.url
    tab_to(page, with_text(t("present_next", lang)), "the next button", "9_next")
    page.keyboard.press("Enter")
    wait_for_app(page)
    assert params(page).get("stap") == ["2"], page.url
    page.screenshot(path=str(SCREENS / f"keyboard_{lang}_10_step2.png"))
