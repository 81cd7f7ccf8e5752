"""A replica lost mid-session (issue 18): a browser on a scenario view, served by one of two
replicas behind HAProxy, comes back by itself to the same view on the other replica after its
replica is SIGKILLed: same page, same selection, same inputs, the same figures.

Streamlit's client reconnects on its own; the proxy sends the reconnect (cookie of a dead
replica) to the living one, where the page runs again from the view's URL. The real data; a
set of its own (``nplv_serving.start``), not the session's one-process server.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from machine import require_haproxy

from nplv_serving import config
from nplv_serving.processes import free_port, start

from .support import SIDEBAR, open_page, sidebar_summary, wait_for_app

pytestmark = pytest.mark.browser

# A view off every default: the 16 of 2021, EUR 250 mln a year, per resident.
VIEW = "scenario?set=original16&sc_bedrag=250000000&sc_key=per_resident"
RECONNECT_MS = 45_000


@pytest.fixture
def serving(tmp_path: Path):
    require_haproxy()
    env = {k: v for k, v in os.environ.items() if k not in ("NPLV_SOURCES", "NPLV_CHART_WORKERS")}
    env["NPLV_DB"] = str(tmp_path / "nplv.duckdb")
    running = start(2, port=free_port(), address="127.0.0.1", run_dir=tmp_path / "run", env=env)
    try:
        yield running
    finally:
        running.stop()


def _replica(context) -> str:
    """The replica the proxy's stickiness cookie names for this browser."""
    return next((c["value"] for c in context.cookies() if c["name"] == config.COOKIE), "")


def _figures(tab) -> dict[str, str]:
    """What the reader sees of the view: the main column's text (headline, figures, notes),
    the KPI figures, the selection, the address."""
    return {
        "text": tab.locator("[data-testid='stMainBlockContainer']").inner_text(),
        "metrics": " | ".join(tab.locator("[data-testid='stMetricValue']").all_inner_texts()),
        "selection": sidebar_summary(tab),
        "address": tab.url.split("/", 3)[-1],
    }


def test_a_killed_replica_brings_the_browser_back_to_the_same_view(serving, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="nl-NL")
    try:
        tab = context.new_page()
        open_page(tab, f"http://127.0.0.1:{serving.port}/{VIEW}")
        before = _figures(tab)
        victim = _replica(context)
        assert victim in serving.replicas, f"no stickiness cookie: {context.cookies()}"
        assert "250" in before["text"] and "16" in before["selection"], before

        serving.replicas[victim][1].send_signal(signal.SIGKILL)
        survivor = next(name for name in serving.replicas if name != victim)
        # the client reconnects by itself; the proxy gives it the living replica's cookie
        # (HttpOnly: read from the browser's cookie jar, not from the page)
        for _ in range(RECONNECT_MS // 250):
            if _replica(context) == survivor:
                break
            tab.wait_for_timeout(250)
        wait_for_app(tab)
        after = _figures(tab)

        assert _replica(context) == survivor
        assert not tab.locator("[data-testid='stException']").count()
        assert after == before, f"the view changed on {survivor}:\n{before}\n{after}"

        # and the session there is live with the view's inputs: a click reruns it on the survivor
        tab.locator(SIDEBAR).get_by_role("radio", name="EN", exact=True).click()
        wait_for_app(tab)
        english = _figures(tab)
        assert _replica(context) == survivor and "lang=en" in english["address"]
        assert "16 areas" in english["selection"] and "250" in english["text"], english
    finally:
        context.close()
