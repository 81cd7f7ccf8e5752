"""Zoom and reflow (WCAG 1.4.4, 1.4.10): at 200 % zoom of a 640x800 window (320 CSS px wide)
every page keeps its title and figures in view, and nothing but charts, tables and the map
needs scrolling sideways. Screenshots go to artifacts/screens/zoom_<page>.png."""

from __future__ import annotations

import pytest

from .support import PAGES, SCREENS, TITLE, open_page, page_url

pytestmark = pytest.mark.browser

ZOOMED = {"width": 320, "height": 400}  # 640x800 device pixels at 200 %
# Elements that may scroll sideways inside themselves (WCAG 1.4.10 exempts them).
OWN_SCROLL = ("[data-testid='stVegaLiteChart']", "[data-testid='stDeckGlJsonChart']",
              "[data-testid='stDataFrame']", "[data-testid='stTable']",
              "[data-testid='stCode']", "[role='tablist']")

_OVERFLOW_JS = """(exempt) => {
  const width = document.documentElement.clientWidth;
  const main = document.querySelector("[data-testid='stMain']");
  const inExempt = e => exempt.some(sel => e.closest(sel));
  const cut = [];
  const texts = 'p, h1, h2, h3, li, [data-testid="stMetricValue"], button, label';
  for (const e of main.querySelectorAll(texts)) {
    if (inExempt(e)) continue;
    const box = e.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      cut.push(e.tagName + ': ' + (e.innerText || '').slice(0, 60));
    }
  }
  const wide = [];
  for (const e of main.querySelectorAll('[data-testid]')) {
    if (inExempt(e)) continue;
    if (e.getBoundingClientRect().right > width + 1) wide.push(e.getAttribute('data-testid'));
  }
  return {wide: [...new Set(wide)].slice(0, 8), page: document.scrollingElement.scrollWidth - width,
          main: main.scrollWidth - main.clientWidth, cut: cut.slice(0, 8)};
}"""


@pytest.fixture(scope="module")
def zoomed(browser):
    context = browser.new_context(viewport=ZOOMED, device_scale_factor=2, locale="nl-NL")
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_page_reflows_at_200_percent(zoomed, base_url, name):
    SCREENS.mkdir(parents=True, exist_ok=True)
    page = zoomed.new_page()
    try:
        open_page(page, page_url(base_url, name))
        title = page.locator(TITLE).first
        assert title.is_visible()
        box = title.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= ZOOMED["width"] + 1
        found = page.evaluate(_OVERFLOW_JS, list(OWN_SCROLL))
        page.screenshot(path=str(SCREENS / f"zoom_{name}.png"))
        assert found["page"] <= 1 and found["main"] <= 1, found
        assert not found["cut"], found
    finally:
        page.close()
