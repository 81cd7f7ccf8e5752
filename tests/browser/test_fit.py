"""What a reader sees fits and speaks one language (issue 16), measured in the browser.

* Clipping: on every page at 1280, 1400 and 1920 px wide, every chart, map and table lies inside
  the main column (its content box), a chart's drawing is no wider than the chart, no chart
  label sticks out of either, and no table's columns scroll sideways out of view (except the
  full register of sources, ``WIDE_BY_DESIGN``: 13 columns with the id pinned).
* Language: the same loads' text (the main column and the charts' SVG labels, which AppTest
  never sees: Vega formats axis dates itself) holds no word of the other language; English at
  1400 px, with its own loads.
* Presentation: at 1920x1080 every workshop step's headline and key visual are on screen without
  scrolling, chart text is at least 18 px and KPI figures at least 48 px.

Each page is loaded once per width and language (``measured``, module-scoped and parametrized
indirectly) and the measurements are taken in one script in the page.
"""

from __future__ import annotations

import pytest
from language_words import data_names, foreign, report

from nplv_app.content import pages, workshop

from .support import open_page, page_url

pytestmark = pytest.mark.browser

WIDTHS = (1280, 1400, 1920)
HEIGHT = 1000
EN_WIDTH = 1400
TOLERANCE_PX = 2
PROJECTOR = {"width": 1920, "height": 1080}
MIN_CHART_TEXT_PX = 18
MIN_KPI_PX = 48
STEPS = workshop.load(workshop.DEFAULT_SCRIPT).steps

# (page, width, lang) as one string: a module-scoped fixture's parameter, shared by the tests.
CASES = [f"{page}-{width}-nl" for page in pages.PAGES for width in WIDTHS]
CASES += [f"{page}-{EN_WIDTH}-en" for page in pages.PAGES]

# Tables that may scroll sideways: the register of all sources on Tijdlijn (its key's class).
WIDE_BY_DESIGN = ("st-key-tl_sources_register",)  # views/tijdlijn.py

# Real product problems, named here until the product is fixed (strict: fixed means remove).
KNOWN_CLIPPING: dict[str, str] = {}

# What both page scripts start with: the main column, and whether an element is drawn.
_COMMON_JS = """
  const block = document.querySelector("[data-testid='stMainBlockContainer']");
  const shown = (e) => {
    const b = e.getBoundingClientRect();
    return b.width > 0 && b.height > 0 && e.checkVisibility();
  };
  const px = (v) => Math.round(v * 10) / 10;
  const problems = [];
  const say = (...parts) => problems.push(parts.join(""));
"""

# One pass over the main column: what sticks out, and the text a reader sees.
_MEASURE_JS = """([tol, wide]) => {""" + _COMMON_JS + """
  const style = getComputedStyle(block), box = block.getBoundingClientRect();
  const left = box.left + parseFloat(style.paddingLeft);
  const right = box.right - parseFloat(style.paddingRight);
  const name = (e) => {
    const all = [...block.querySelectorAll(`[data-testid='${e.dataset.testid}']`)];
    return `${e.dataset.testid} #${all.indexOf(e) + 1}`;
  };
  const kinds = ["stVegaLiteChart", "stDeckGlJsonChart", "stDataFrame", "stTable"]
    .map((k) => `[data-testid='${k}']`).join(", ");
  const elements = [...block.querySelectorAll(kinds)].filter(shown);
  for (const el of elements) {
    const b = el.getBoundingClientRect();
    if (b.left < left - tol) say(name(el), ": ", px(left - b.left), " px past the column's left");
    if (b.right > right + tol) {
      say(name(el), ": ", px(b.right - right), " px past the column's right edge");
    }
    for (const inner of el.querySelectorAll("svg.marks, canvas")) {
      const w = inner.getBoundingClientRect().width;
      if (w > b.width + tol) {
        say(name(el), ": its ", inner.tagName.toLowerCase(), " is ", px(w - b.width),
            " px wider than the element (", px(w), " > ", px(b.width), ")");
      }
    }
    const scroller = el.querySelector(".dvn-scroller");
    const exempt = wide.some((k) => el.closest("." + k));
    if (scroller && !exempt && scroller.scrollWidth > scroller.clientWidth + tol) {
      say(name(el), ": its columns are ", px(scroller.scrollWidth - scroller.clientWidth),
          " px wider than the table (they scroll out of view)");
    }
    const lo = Math.max(b.left, left), hi = Math.min(b.right, right);
    for (const text of el.querySelectorAll("svg.marks text")) {
      const t = text.getBoundingClientRect();
      if (!t.width || !text.textContent.trim()) continue;
      const out = Math.max(t.right - hi, lo - t.left);
      if (out > tol) {
        say(name(el), ": label ", JSON.stringify(text.textContent.slice(0, 60)), " ", px(out),
            " px outside");
      }
    }
  }
  const svgTexts = [...block.querySelectorAll("[data-testid='stVegaLiteChart'] svg text")]
    .filter(shown).map((e) => e.textContent.trim()).filter(Boolean);
  return {problems, elements: elements.length,
          texts: [...block.innerText.split("\\n"), ...svgTexts].filter((s) => s.trim())};
}"""

# A presented step: what of the headline and key visual is off screen, and type that is too small.
_PROJECTOR_JS = """([minText, minKpi]) => {""" + _COMMON_JS + """
  const vw = window.innerWidth, vh = window.innerHeight;
  const headline = block.querySelector(".nplv-headline");
  if (!headline) say("no step headline");
  const kinds = ["stVegaLiteChart", "stDeckGlJsonChart", "stMetric"]
    .map((k) => `[data-testid='${k}']`).join(", ");
  const visual = [...block.querySelectorAll(kinds)]
    .filter((e) => shown(e) && !e.closest(".st-key-dl_section"));
  if (!visual.length) say("no key visual (chart, map or KPI) shown");
  for (const el of [headline, ...visual].filter(Boolean)) {
    const b = el.getBoundingClientRect();
    const what = el === headline ? "headline" : el.dataset.testid;
    if (b.bottom > vh) say(what, ": bottom at ", px(b.bottom), " px, below the ", vh, " px screen");
    if (b.right > vw) say(what, ": right edge at ", px(b.right), " px, past the ", vw, " px");
    if (b.top < 0 || b.left < 0) say(what, ": starts off screen at ", px(b.left), ",", px(b.top));
  }
  const small = new Map();
  for (const text of block.querySelectorAll("[data-testid='stVegaLiteChart'] svg.marks text")) {
    if (!shown(text) || !text.textContent.trim()) continue;
    const ctm = text.getScreenCTM();
    const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < minText - 0.05 && !small.has(text.textContent)) small.set(text.textContent, size);
  }
  for (const [label, size] of [...small].slice(0, 8)) {
    say("chart text ", JSON.stringify(label.slice(0, 50)), " is ", px(size), " px (< ", minText,
        ")");
  }
  if (small.size > 8) say("... and ", small.size - 8, " more chart texts under ", minText, " px");
  for (const value of block.querySelectorAll("[data-testid='stMetricValue']")) {
    const size = parseFloat(getComputedStyle(value).fontSize);
    if (shown(value) && size < minKpi) {
      say("KPI ", JSON.stringify(value.innerText.slice(0, 30)), " is ", px(size), " px (< ",
          minKpi, ")");
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def measured(request, browser_context, base_url):
    """(page, width, lang, measurements): the page loaded once at that width and language."""
    page, width, lang = request.param.split("-")
    url = page_url(base_url, page) + ("?lang=en" if lang == "en" else "")
    tab = browser_context.new_page()
    try:
        tab.set_viewport_size({"width": int(width), "height": HEIGHT})
        open_page(tab, url)
        found = tab.evaluate(_MEASURE_JS, [TOLERANCE_PX, list(WIDE_BY_DESIGN)])
        yield page, int(width), lang, found
    finally:
        tab.close()


@pytest.fixture(scope="module")
def dutch_names(real_db) -> tuple[str, ...]:
    return data_names(real_db)


def _clipping_case(case: str):
    reason = KNOWN_CLIPPING.get(case)
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=reason) if reason else ())


@pytest.mark.parametrize("measured", [_clipping_case(c) for c in CASES], indirect=True)
def test_nothing_sticks_out_of_the_main_column(measured):
    page, width, lang, found = measured
    assert found["elements"] or page == pages.FIRST, f"/{page}: no chart or table measured"
    assert not found["problems"], (f"/{pages.url_path(page)} at {width} px ({lang}):\n  "
                                   + "\n  ".join(found["problems"]))


@pytest.mark.parametrize("measured", CASES, indirect=True)
def test_page_speaks_one_language_in_the_browser(measured, dutch_names):
    page, width, lang, found = measured
    hits = foreign(found["texts"], lang, dutch_names if lang == "en" else ())
    assert not hits, (f"/{pages.url_path(page)} at {width} px ({lang}): words of the other "
                      f"language:\n{report(hits)}")


@pytest.mark.parametrize("number", range(1, len(STEPS) + 1))
def test_presented_step_fits_the_projector(number, page, base_url):
    page.set_viewport_size(PROJECTOR)
    open_page(page, f"{base_url}/?presentatie=1&stap={number}")
    page.locator(".nplv-headline").first.wait_for()
    problems = page.evaluate(_PROJECTOR_JS, [MIN_CHART_TEXT_PX, MIN_KPI_PX])
    screen = f"{PROJECTOR['width']}x{PROJECTOR['height']}"
    assert not problems, (f"step {number} ({STEPS[number - 1].page}) at {screen}:\n  "
                          + "\n  ".join(problems))
