"""Cold page loads in headless Chromium: two clocks per load and the bytes on the websocket.

Each load gets a fresh browser context (empty HTTP cache, new Streamlit session) against a
server whose caches were warmed by one load of the same page first. An init script, injected
before any page script runs, polls the DOM every 10 ms. When a condition first holds it asks
for an animation frame: the callback runs just before the browser paints the next frame, after
whatever long task holds the main thread (e.g. deck.gl's first WebGL draw in SwiftShader), so
its ``performance.now()`` (milliseconds since navigation start) is when the state reaches the
screen. The clock stops there once the condition has kept holding for ``STABLE_MS``:

* content: ``stApp``'s ``data-test-script-state`` is ``notRunning`` (the script run is over)
  and the page's headline elements are visible (the first ``h1`` of ``stMain``; for overzicht
  also the ``stMetric`` tiles);
* ready: content, no ``stSkeleton`` left, every visible ``stVegaLiteChart`` holds a
  ``canvas.marks``/``svg.marks`` of nonzero size and every visible ``stDeckGlJsonChart`` a
  ``canvas`` of nonzero size on which WebGL has drawn (draw calls are counted by wrapping
  the WebGL context's draw functions).

Bytes: every websocket frame the browser receives is summed, and decoded as Streamlit's
``ForwardMsg`` protobuf so that new elements are counted by type (``deck_gl_json_chart``,
``vega_lite_chart``, ``dataframe``, ...). These are the real bytes the server sends (websocket
compression is off by default in Streamlit 1.67, so on the wire they are the same).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field

from bench.common import CHROMIUM, CHROMIUM_ARGS, log, summary, url_path

VIEWPORT = {"width": 1600, "height": 1000}
STABLE_MS = 300
ERROR_GRACE_S = 60  # after 'content', wait this long for 'ready' once the page threw an error
MAP_AND_CHART_KINDS = ("deck_gl_json_chart", "vega_lite_chart")

_INIT_JS = """
(() => {
  const spec = __SPEC__;
  const B = window.__bench = {content: null, ready: null, scriptDone: null,
                              wsFirst: null, wsLast: null, wsAtContent: null,
                              cand: {content: null, ready: null},
                              frame: {content: 0, ready: 0}};
  // Time stamps of the websocket messages: the last one before 'content' is about when the
  // server finished sending the script run (script_finished comes last).
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        const now = performance.now();
        if (B.wsFirst === null) B.wsFirst = now;
        B.wsLast = now;
      });
    }
  };
  const visible = (el) => { const r = el.getBoundingClientRect();
                            return r.width > 0 && r.height > 0; };
  const hidden = (el) => el.offsetParent === null || !!el.closest('details:not([open])');
  // Count WebGL draw calls per canvas: a deck.gl canvas exists before anything is drawn on it.
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced',
                        'drawElementsInstanced', 'drawRangeElements']) {
      const original = C.prototype[name];
      if (!original) continue;
      C.prototype[name] = function (...args) {
        if (this.canvas) this.canvas.__benchDraws = (this.canvas.__benchDraws || 0) + 1;
        return original.apply(this, args);
      };
    }
  }
  // Main-thread long tasks (over 50 ms) before 'ready': where the browser's own time goes.
  B.longTaskMs = 0; B.longTasks = 0;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (B.ready === null) { B.longTaskMs += e.duration; B.longTasks += 1; }
      }
    }).observe({type: 'longtask', buffered: true});
  } catch (e) { B.longTaskMs = null; }
  function check() {
    const now = performance.now();
    const app = document.querySelector("[data-testid='stApp']");
    const done = !!app && app.getAttribute('data-test-script-state') === 'notRunning';
    if (done && B.scriptDone === null) B.scriptDone = now;
    let content = done;
    for (const [selector, least] of spec.headline) {
      if (!content) break;
      let n = 0;
      for (const el of document.querySelectorAll(selector)) if (visible(el)) n += 1;
      if (n < least) content = false;
    }
    let ready = content && !document.querySelector("[data-testid='stSkeleton']");
    if (ready) for (const chart of document.querySelectorAll("[data-testid='stVegaLiteChart']")) {
      if (hidden(chart)) continue;
      const marks = chart.querySelector('canvas.marks, svg.marks');
      if (!marks || !visible(marks)) { ready = false; break; }
    }
    if (ready) for (const deck of document.querySelectorAll("[data-testid='stDeckGlJsonChart']")) {
      if (hidden(deck)) continue;
      const canvas = deck.querySelector('canvas');
      if (!canvas || !visible(canvas) || canvas.width === 0 || !canvas.__benchDraws) {
        ready = false; break;
      }
    }
    for (const [key, ok] of [['content', content], ['ready', ready]]) {
      if (B[key] !== null) continue;
      if (!ok) { B.cand[key] = null; B.frame[key] += 1; continue; }
      // The state is on screen from the next painted frame: its requestAnimationFrame
      // callback runs just before that frame is drawn (after any long task that holds the
      // main thread now). It counts once it has kept holding for stableMs.
      if (B.cand[key] === null) {
        B.cand[key] = 'pending';
        const frame = B.frame[key];
        requestAnimationFrame(() => {
          if (B.cand[key] === 'pending' && B.frame[key] === frame) B.cand[key] = performance.now();
        });
      }
      if (typeof B.cand[key] === 'number' && now - B.cand[key] >= spec.stableMs) {
        B[key] = B.cand[key];
        if (key === 'content') B.wsAtContent = B.wsLast;
      }
    }
    if (B.ready !== null) {
      const count = (s) => document.querySelectorAll(s).length;
      B.counts = {vega: count("[data-testid='stVegaLiteChart']"),
                  deck: count("[data-testid='stDeckGlJsonChart']"),
                  metric: count("[data-testid='stMetric']"),
                  dataframe: count("[data-testid='stDataFrame']"),
                  exception: count("[data-testid='stException']"),
                  error: count("[data-testid='stAlertContentError']")};
      clearInterval(B.timer);
    }
  }
  B.timer = setInterval(check, 10);
})();
"""

_STATE_JS = """() => {
  const B = window.__bench || {};
  const count = (s) => document.querySelectorAll(s).length;
  const app = document.querySelector("[data-testid='stApp']");
  return {content: B.content ?? null, ready: B.ready ?? null, scriptDone: B.scriptDone ?? null,
          wsFirst: B.wsFirst ?? null, wsLast: B.wsAtContent ?? B.wsLast ?? null,
          longTaskMs: B.longTaskMs ?? null, longTasks: B.longTasks ?? null,
          counts: B.counts || {vega: count("[data-testid='stVegaLiteChart']"),
                               deck: count("[data-testid='stDeckGlJsonChart']"),
                               metric: count("[data-testid='stMetric']"),
                               dataframe: count("[data-testid='stDataFrame']"),
                               exception: count("[data-testid='stException']"),
                               error: count("[data-testid='stAlertContentError']"),
                               skeleton: count("[data-testid='stSkeleton']")},
          undrawn: {
            vega: [...document.querySelectorAll("[data-testid='stVegaLiteChart']")].filter(
              (c) => c.offsetParent !== null && !c.querySelector('canvas.marks, svg.marks')).length,
            deck: [...document.querySelectorAll("[data-testid='stDeckGlJsonChart'] canvas")]
              .filter((c) => !c.__benchDraws).length},
          scriptState: app ? app.getAttribute('data-test-script-state') : null};
}"""


@dataclass
class Target:
    """One thing to load: a name, a URL and what its headline is."""

    name: str
    url: str
    headline: list[tuple[str, int]]
    group: str  # reference | probe | real | national
    timeout_s: float = 90.0


def headline(tiles: bool) -> list[tuple[str, int]]:
    """A page's headline: its title, and the metric tiles where it draws them."""
    title = [("[data-testid='stMain'] h1", 1)]
    return title + [("[data-testid='stMain'] [data-testid='stMetric']", 1)] if tiles else title


def app_targets(base: str, pages, group: str, timeout_s: float) -> list[Target]:
    return [Target(page, f"{base}/{url_path(page)}", headline(page == "overzicht"), group,
                   timeout_s) for page in pages]


def probe_targets(base: str, probes, timeout_s: float) -> list[Target]:
    """The frame probes (``bench.probes.PROBES``), headlined like the pages."""
    return [Target(p.name, f"{base}/{url_path(p.page)}", headline(p.tiles), "probe", timeout_s)
            for p in probes]


def reference_targets(bare_url: str, floor_url: str, timeout_s: float) -> list[Target]:
    return [
        Target("bare", f"{bare_url}/",
               [("[data-testid='stMain'] [data-testid='stMarkdownContainer']", 1)], "reference",
               timeout_s),
        Target("floor", f"{floor_url}/", [], "reference", timeout_s),
    ]


@dataclass
class _Frames:
    """Websocket frames received by one page, summed and split by message kind."""

    total: int = 0
    count: int = 0
    by_kind: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def attach(self, ws) -> None:
        ws.on("framereceived", self.received)

    def received(self, payload) -> None:
        data = payload if isinstance(payload, (bytes, bytearray)) else payload.encode()
        self.total += len(data)
        self.count += 1
        self.by_kind[_kind(bytes(data))] += len(data)


def _kind(data: bytes) -> str:
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        msg = ForwardMsg.FromString(data)
    except Exception:  # noqa: BLE001 - a frame we cannot parse still counts in the total
        return "(unparsed)"
    kind = msg.WhichOneof("type") or "(none)"
    if kind == "delta":
        delta = msg.delta.WhichOneof("type")
        if delta == "new_element":
            return msg.delta.new_element.WhichOneof("type") or "(element)"
        return f"delta.{delta}"
    return kind


def load_once(browser, target: Target) -> dict:
    """One cold load: fresh context, navigate, wait for 'content', then for 'ready'.

    Gives up on 'ready' ``ERROR_GRACE_S`` after 'content' when the page has thrown a
    JavaScript error (a chart that throws is never drawn), else at the target's timeout.
    """
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(viewport=VIEWPORT)
    spec = {"headline": target.headline, "stableMs": STABLE_MS}
    context.add_init_script(script=_INIT_JS.replace("__SPEC__", json.dumps(spec)))
    page = context.new_page()
    frames = _Frames()
    errors: list[str] = []
    page.on("websocket", frames.attach)
    page.on("pageerror", lambda exc: errors.append(str(exc)[:200]))
    started = time.monotonic()
    deadline = started + target.timeout_s
    outcome = "ready"
    try:
        page.goto(target.url, wait_until="commit", timeout=target.timeout_s * 1000)
        page.wait_for_function("() => window.__bench && window.__bench.content !== null",
                               polling=50, timeout=max(1.0, deadline - time.monotonic()) * 1000)
        content_seen = time.monotonic()
        while True:
            try:
                page.wait_for_function("() => window.__bench.ready !== null", polling=50,
                                       timeout=max(0.5, min(5.0, deadline - time.monotonic()))
                                       * 1000)
                break
            except PlaywrightError:
                now = time.monotonic()
                if now >= deadline:
                    outcome = "ready_timeout"
                    break
                if errors and now - content_seen >= ERROR_GRACE_S:
                    outcome = "ready_abandoned"
                    break
    except PlaywrightError:
        outcome = "content_timeout"
    try:
        state = page.evaluate(_STATE_JS)
        page.wait_for_timeout(50)  # deliver frames still in flight to our handler
    except PlaywrightError as exc:
        state = {"content": None, "ready": None, "scriptDone": None, "counts": {},
                 "error": str(exc)[:200]}
    finally:
        context.close()
    state["outcome"] = outcome
    state["timed_out"] = outcome != "ready"
    state["page_errors"] = errors[:5]
    state["wall_s"] = time.monotonic() - started
    state["ws_bytes"] = frames.total
    state["ws_frames"] = frames.count
    state["ws_by_kind"] = dict(frames.by_kind)
    return state


def run_loads(targets: list[Target], loads: int, warmups: int = 1) -> dict[str, dict]:
    """Warm each target up, then load them round-robin (interleaved, so that changes in the
    machine's load hit every page alike); returns per-target samples and summaries."""
    from playwright.sync_api import sync_playwright

    samples: dict[str, list[dict]] = {t.name + "@" + t.group: [] for t in targets}
    warm: dict[str, list[dict]] = {t.name + "@" + t.group: [] for t in targets}
    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            skip: set[str] = set()
            for target in targets:
                key = target.name + "@" + target.group
                for _ in range(warmups):
                    result = load_once(browser, target)
                    warm[key].append(result)
                    log(f"  warm-up {target.group}/{target.name}: "
                        f"{_ms(result['content'])} / {_ms(result['ready'])}"
                        + ("" if result["outcome"] == "ready" else f" {result['outcome']}"))
                    if result["outcome"] == "content_timeout" and target.group == "national":
                        skip.add(key)  # a page that cannot load once is not loaded 5 more times
                        break
            for round_number in range(loads):
                for target in targets:
                    key = target.name + "@" + target.group
                    if key in skip:
                        continue
                    result = load_once(browser, target)
                    samples[key].append(result)
                    log(f"  load {round_number + 1}/{loads} {target.group}/{target.name}: "
                        f"content {_ms(result['content'])}, ready {_ms(result['ready'])}, "
                        f"{result['ws_bytes'] / 1000:.0f} kB"
                        + ("" if result["outcome"] == "ready" else f" {result['outcome']}"))
                    if result["outcome"] == "content_timeout" and target.group == "national":
                        skip.add(key)
        finally:
            browser.close()
    out = {}
    for target in targets:
        key = target.name + "@" + target.group
        rows = samples[key]
        out[key] = {
            "name": target.name, "group": target.group, "url": target.url,
            "timeout_s": target.timeout_s,
            "warmup": warm[key],
            "loads": rows,
            "content_ms": summary(r["content"] for r in rows),
            "ready_ms": summary(r["ready"] for r in rows),
            "script_done_ms": summary(r["scriptDone"] for r in rows),
            "ws_first_ms": summary(r.get("wsFirst") for r in rows),
            "ws_last_ms": summary(r.get("wsLast") for r in rows),
            "long_task_ms": summary(r.get("longTaskMs") for r in rows),
            "ws_kb": summary(r["ws_bytes"] / 1000 for r in rows or warm[key]),
            "map_chart_kb": summary(
                sum(r["ws_by_kind"].get(k, 0) for k in MAP_AND_CHART_KINDS) / 1000
                for r in rows or warm[key]),
            "timeouts": sum(1 for r in rows + warm[key] if r["timed_out"]),
            "outcomes": {o: sum(1 for r in rows + warm[key] if r["outcome"] == o)
                         for o in ("ready", "ready_abandoned", "ready_timeout",
                                   "content_timeout")},
            "page_errors": sorted({e for r in rows + warm[key] for e in r["page_errors"]})[:5],
            "warmup_content_ms": (warm[key] or [{}])[0].get("content"),
            "undrawn": (rows or warm[key] or [{}])[-1].get("undrawn", {}),
            "exceptions": max((r.get("counts", {}).get("exception", 0) or 0
                               for r in rows + warm[key]), default=0),
            "counts": (rows or warm[key] or [{}])[-1].get("counts", {}),
            "by_kind_kb": _by_kind(rows or warm[key]),
        }
    return out


def _by_kind(rows: list[dict]) -> dict[str, float]:
    """Median kB per message kind over the loads."""
    kinds = sorted({k for r in rows for k in r["ws_by_kind"]})
    result = {}
    for kind in kinds:
        s = summary(r["ws_by_kind"].get(kind, 0) / 1000 for r in rows)
        result[kind] = s["median"] if s else 0.0
    return result


def _ms(value) -> str:
    return "-" if value is None else f"{value:.0f} ms"
