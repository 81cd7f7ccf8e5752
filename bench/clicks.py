"""Click to settled, in the browser: the time a reader waits after an input on a warm page.

From the input event that commits a change (the pointer-down on a select's option or a bar,
the key press on a slider) until the app is idle and the page has stopped changing: Streamlit's
script state is ``notRunning`` again (after a run, or at least ``3 × QUIET_MS`` after the input
when a run was too short to show) and no element of the app has changed for ``QUIET_MS``.
The time is that of the last change, so the quiet wait itself is not counted. Each click is
repeated, alternating between two values, on one page of one session (a warm page, as in a
workshop); a click on the dashboard is judged against the same kind of click on the click
floor page (``bench/pages/click_floor.py``: one select, one chart), measured in the same run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bench.common import CHROMIUM, CHROMIUM_ARGS, log, summary

QUIET_MS = 500
SETTLE_TIMEOUT_MS = 120_000  # a page's first load
CLICK_TIMEOUT_MS = 30_000
VIEWPORT = {"width": 1400, "height": 1000}
SIDEBAR = "[data-testid='stSidebar']"
MAIN = "[data-testid='stMain']"

# Installed before the app's own scripts: the time of the last committing input and of the
# last change anywhere inside the app (attributes too: a chart redrawn in place changes them).
_INIT_JS = """
(() => {
  const c = window.__nplvClick = {t0: null, last: null, ran: false, any: performance.now()};
  for (const type of ["pointerdown", "keydown"]) {
    document.addEventListener(type, () => {
      c.t0 = performance.now(); c.last = null; c.ran = false;
    }, true);
  }
  const watch = () => {
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) { setTimeout(watch, 20); return; }
    const STATE = "data-test-script-state";
    new MutationObserver((records) => {
      c.any = performance.now();
      if (c.t0 === null) return;
      c.last = performance.now();
      // a run seen even when it began and ended between two callbacks (the old value says so)
      if (records.some((r) => r.target === app && r.attributeName === STATE
                       && (r.oldValue === "running" || app.getAttribute(STATE) === "running"))) {
        c.ran = true;
      }
    }).observe(app, {subtree: true, childList: true, attributes: true, characterData: true,
                     attributeOldValue: true});
  };
  watch();
})();
"""

_SETTLED_JS = """(quiet) => {
  const c = window.__nplvClick, app = document.querySelector("[data-testid='stApp']");
  if (!c || c.t0 === null || c.last === null) return false;
  if (app.getAttribute("data-test-script-state") !== "notRunning") return false;
  // a run too short to show in the script state (the floor page) is still waited for
  const now = performance.now();
  return now - c.last >= quiet && (c.ran || now - c.t0 >= 3 * quiet);
}"""


# A loaded page: its first run is over, nothing is left to load lazily, and it has been still.
_LOADED_JS = """(quiet) => {
  const c = window.__nplvClick, app = document.querySelector("[data-testid='stApp']");
  if (!c || !app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  if (document.querySelector("[data-testid='stSkeleton']")) return false;
  return performance.now() - c.any >= quiet;
}"""


class Click(NamedTuple):
    name: str  # what the reader does, as the report names it
    reference: str  # the click floor's click it is judged against
    path: str  # the page, with a query for the state the click starts from
    act: Callable  # act(page, round_number): one committing input


def _select(select: str, labels: tuple[str, str]) -> Callable:
    """Open the select ``select`` and choose one of two options, alternating."""
    def act(page, number: int) -> None:
        page.locator(select).first.click()
        page.get_by_role("option", name=labels[number % 2], exact=True).click()
    return act


def _bar(chart: str) -> Callable:
    """Click a bar of the chart ``chart``: the first and the second bar, alternating."""
    def act(page, number: int) -> None:
        bars = page.locator(f"{chart} svg g.mark-rect path")
        bars.nth(number % 2).click()
    return act


def _slider(slider: str) -> Callable:
    """A key press on the slider's thumb: one step right, then one back."""
    def act(page, number: int) -> None:
        thumb = page.locator(f"{slider} input, {slider} [role='slider']").first
        thumb.focus()
        thumb.press("ArrowRight" if number % 2 == 0 else "ArrowLeft")
    return act


_FIRST_CHART = f"{MAIN} [data-testid='stVegaLiteChart']"
APP_CLICKS = (
    Click("area set (sidebar select)", "select", "gebieden",
          _select(f"{SIDEBAR} [data-testid='stSelectbox']", ("De 16 van 2021", "Alle 20 (2022)"))),
    Click("bar pick (residents chart)", "bar pick", "gebieden", _bar(_FIRST_CHART)),
    Click("scenario slider (blend share)", "select", "scenario?sc_mix=equal",
          _slider(f"{MAIN} [data-testid='stSlider']")),
)
FLOOR_CLICKS = (
    Click("select", "select", "", _select(f"{MAIN} [data-testid='stSelectbox']", ("b", "a"))),
    Click("bar pick", "bar pick", "", _bar(_FIRST_CHART)),
)


def _open(browser, url: str):
    context = browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    context.add_init_script(script=_INIT_JS)
    page = context.new_page()
    page.goto(url, timeout=SETTLE_TIMEOUT_MS)
    page.wait_for_function(_LOADED_JS, arg=2 * QUIET_MS, polling=100, timeout=SETTLE_TIMEOUT_MS)
    return context, page


def measure_click(browser, base: str, click: Click, samples: int) -> dict:
    """One warm-up and ``samples`` measured clicks; ms from the input to the last change."""
    from playwright.sync_api import Error as PlaywrightError

    context, page = _open(browser, f"{base}/{click.path}")
    times, errors = [], []
    try:
        for number in range(samples + 1):
            try:
                click.act(page, number)
                page.wait_for_function(_SETTLED_JS, arg=QUIET_MS, polling=50,
                                       timeout=CLICK_TIMEOUT_MS)
                ms = page.evaluate("() => window.__nplvClick.last - window.__nplvClick.t0")
            except PlaywrightError as exc:
                errors.append(str(exc).splitlines()[0][:160])
                continue
            if number:  # the first click warms the page's code paths up
                times.append(ms)
    finally:
        context.close()
    return {"name": click.name, "reference": click.reference, "path": click.path,
            "ms": summary(times), "errors": errors[:3]}


QUICK_APP_CLICKS, QUICK_FLOOR_CLICKS = APP_CLICKS[:1], FLOOR_CLICKS[:1]


def measure(app_url: str, floor_url: str, samples: int, app_clicks=APP_CLICKS,
            floor_clicks=FLOOR_CLICKS) -> dict:
    """The dashboard's clicks and the click floor's clicks (``--quick``: one of each)."""
    from playwright.sync_api import sync_playwright

    out: dict = {"app": {}, "floor": {}}
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for click in floor_clicks:
                log(f"  click floor: {click.name}")
                out["floor"][click.name] = measure_click(browser, floor_url, click, samples)
            for click in app_clicks:
                log(f"  click: {click.name}")
                out["app"][click.name] = measure_click(browser, app_url, click, samples)
        finally:
            browser.close()
    return out
