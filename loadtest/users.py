"""What a simulated user does, and what it checks after every interaction.

Each user has its own selection (a custom set of areas, a residents range, a scenario amount and
a language), opens the app through a deep link carrying that selection, then, until its time is
up, picks interactions as a person would: change the area set, move the residents slider,
switch page, type an amount on the scenario page, download a CSV on the timeline page.

After every interaction it checks what came back: no exception element, no compile error, no
error alert, the page asked for, and, for isolation, that the sidebar summary
("N gebieden · M gemeenten · R inwoners") and the scenario amount echo are the figures of *its
own* selection, computed here independently from the same database. A mismatch that equals
another user's figures is reported as cross-talk.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

import pandas as pd
from streamlit.proto.Alert_pb2 import Alert

from loadtest.client import SIDEBAR, ProtocolError, RunResult, Session, Widget
from loadtest.server import http_get
from nplv_app.content import fmt
from nplv_app.content.i18n import t
from nplv_app.content.pages import PAGES, url_path
from nplv_app.content.selection import AREA_SETS, Selection, apply
from nplv_data import queries

# URL pathname of each page: the default page (overzicht) is served at the root.
PATHS = {page: url_path(page) for page in PAGES}
RESIDENTS_STEP = 1000
AMOUNT_STEP = 1_000_000
ACTIONS = (  # (name, weight)
    ("area_set", 3), ("slider", 2), ("page", 3), ("amount", 1), ("download", 1),
)


@dataclass
class Reference:
    """The figures a user's selection must produce, computed without the app."""

    areas: pd.DataFrame
    csv: dict[str, bytes]  # exportable table -> the bytes its download must hold
    residents_high: int

    @classmethod
    def load(cls, db_path) -> Reference:
        db = queries.Database(db_path)
        try:
            areas = queries.areas(db)
            csv = {name: queries.table(db, name).to_csv(index=False).encode("utf-8")
                   for name in queries.EXPORTABLE}
        finally:
            db.close()
        top = int(areas["residents"].max())
        return cls(areas, csv, -(-top // RESIDENTS_STEP) * RESIDENTS_STEP)

    def summary(self, selection: Selection, lang: str) -> str:
        chosen = apply(selection, self.areas)
        return t("selection_summary", lang, n_areas=len(chosen),
                 n_municipalities=chosen["municipality"].nunique(),
                 residents=fmt.number(chosen["residents"].sum(), lang))


@dataclass
class Interaction:
    user: int
    kind: str
    page: str
    seconds: float
    ok: bool
    runs: int
    bytes: int
    ended: float = 0.0  # time.monotonic() when the answer was complete


@dataclass
class FirstLoad:
    user: int
    page: str
    seconds: float
    framed: bool


@dataclass
class Shared:
    """What all users of one load test share: where to go, what to expect, what happened."""

    port: int
    reference: Reference
    deadline: float
    think: tuple[float, float]
    max_interactions: int
    interactions: list[Interaction] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    isolation_checks: int = 0
    isolation_violations: list[str] = field(default_factory=list)
    downloads: int = 0
    download_bytes: int = 0
    current: dict[int, tuple[str, str]] = field(default_factory=dict)  # user -> (summary, echo)
    first_loads: list[FirstLoad] = field(default_factory=list)
    troubled: dict[int, list[tuple]] = field(default_factory=dict)  # user -> its trace
    # Through the proxy (``--via-proxy``): each session's replica, and the sessions a lost
    # replica moved: (user, from, to, the view came back the same).
    via_proxy: bool = False
    start_spread: float = 0.0  # users open their links spread over this many seconds
    first_load_only: bool = False  # a burst: each session opens its link, nothing more
    replicas: dict[int, str] = field(default_factory=dict)  # now
    first_replicas: dict[int, str] = field(default_factory=dict)  # when the session opened
    moves: list[tuple[int, str, str, bool]] = field(default_factory=list)
    lost: int = 0  # interactions that died with their replica


class ReplicaLost(Exception):
    """The websocket closed under a running interaction (its replica went away)."""


class User:
    def __init__(self, index: int, shared: Shared, seed: int = 20260101):
        self.index = index
        self.shared = shared
        self.rng = random.Random(seed + index)
        self.lang = "en" if index % 2 else "nl"
        ref = shared.reference
        ids = ref.areas["area_id"].tolist()
        self.names = dict(zip(ref.areas["area_id"], ref.areas["name"]))
        self.own_ids = tuple(self.rng.sample(ids, self.rng.randint(2, 9)))
        self.own_range = (self.rng.choice([0, 20_000, 30_000, 36_000, 40_000]),
                          self.rng.choice([90_000, 170_000, ref.residents_high]))
        # distinct per user, so a leaked figure is recognisable
        self.own_amount = (100 + 7 * index) * AMOUNT_STEP
        self.selection = Selection(area_set="custom", custom_area_ids=self.own_ids)
        self.amount: int | None = None  # None until set: the page's default is then shown
        self.page = "overzicht"
        self.session = Session(shared.port)
        self.cookie = ""  # the proxy's stickiness cookie, as a browser keeps it
        # The hidden area picker keeps its value within a session only: a session moved to
        # another replica while on another set starts with an empty picker.
        self.picker_remembers = True
        # (interaction, page, seconds, sidebar summary, query string), for the report
        self.trace: list[tuple] = []

    # --- what the user does -----------------------------------------------------------------

    async def run(self) -> None:
        shared = self.shared
        if shared.start_spread:
            await asyncio.sleep(self.rng.uniform(0, shared.start_spread))
        # A deep link to some page that carries the user's own selection. All users start
        # at once on a fresh server, as tabs reconnecting after a restart do.
        query = [("lang", self.lang), ("set", "custom")]
        query += [("gebieden", self.names[a]) for a in self.own_ids]
        self.page = self.rng.choice(PAGES)
        try:
            if shared.via_proxy:  # the browser first gets the page, and the proxy's cookie
                await self._first_page("/" + PATHS[self.page] + "?" + urlencode(query))
            await self.session.connect()
        except Exception as exc:  # noqa: BLE001 - every failure is a finding
            self._error("connect", f"{type(exc).__name__}: {exc}")
            return
        try:
            result = await self._interact("load", page=PATHS[self.page],
                                          query_string=urlencode(query), first=True)
            shared.first_loads.append(FirstLoad(self.index, self.page, result.seconds,
                                                result.framed))
            if not result.framed:  # what a person then does: reload the page
                await self._interact("load", page=PATHS[self.page])
            if not shared.first_load_only:
                await self._interactions()
        except ProtocolError as exc:
            self._error("protocol", str(exc))
        except Exception as exc:  # noqa: BLE001
            self._error("client", f"{type(exc).__name__}: {exc}")
        finally:
            await self.session.close()

    async def _interactions(self) -> None:
        shared = self.shared
        step = 0
        while time.monotonic() < shared.deadline and step < shared.max_interactions:
            step += 1
            await asyncio.sleep(self.rng.uniform(*shared.think))
            if time.monotonic() >= shared.deadline:
                break
            if step == 1:  # users start with different actions, so that even a short
                action = ACTIONS[self.index % len(ACTIONS)][0]  # run has every kind
            else:
                action = self.rng.choices([a for a, _ in ACTIONS],
                                          [w for _, w in ACTIONS])[0]
            # What the view was after the last completed interaction: a click lost with its
            # replica is lost, the view it left is what comes back.
            before = (self.selection, self.amount, self.page, self.session.query_string)
            try:
                await getattr(self, f"_do_{action}")()
            except ReplicaLost:
                self.selection, self.amount, self.page, self.session.query_string = before
                await self._move()

    async def _first_page(self, path: str) -> None:
        from loadtest.proxied import page_cookie

        self.cookie = await asyncio.to_thread(page_cookie, self.shared.port, path)
        replica = self.cookie.partition("=")[2]
        self.shared.replicas[self.index] = replica
        self.shared.first_replicas[self.index] = replica
        self.session = Session(self.shared.port, headers={"Cookie": self.cookie})

    async def _move(self) -> None:
        """The replica died under this session: reconnect as Streamlit's client does (same
        cookie; the proxy routes it to a live replica and sets a new one) and open the view's
        own URL again; the view must come back the same (checked as after every interaction)."""
        from loadtest.proxied import replica_of

        shared, before = self.shared, self.shared.replicas.get(self.index, "?")
        shared.lost += 1
        self.picker_remembers = self.selection.area_set == "custom"  # then its URL has them
        await self.session.close()
        query_string = self.session.query_string
        tries = 20  # the proxy needs up to 2 s to see the replica down
        old = self.session
        for _ in range(tries):
            # Only the URL carries over (as on a reload): the view must come back from it.
            self.session = Session(shared.port, headers={"Cookie": self.cookie})
            self.session.pages, self.session.query_string = old.pages, old.query_string
            self.session.page_script_hash = old.page_script_hash
            try:
                await self.session.connect()
                break
            except Exception:  # noqa: BLE001 - retried
                await asyncio.sleep(0.5)
        else:
            raise ProtocolError(f"no replica took the session over after {tries} tries")
        after = replica_of(self.session.response_headers.get("set-cookie", "")) or before
        if after != before:
            self.cookie = f"{self.cookie.partition('=')[0]}={after}"
            shared.replicas[self.index] = after
        result = await self._interact("reload", page=PATHS[self.page],
                                      query_string=self._address(query_string))
        shared.moves.append((self.index, before, after, result.ok and self._same_view(result)))

    def _address(self, query_string: str) -> str:
        """The address bar's query string: the browser writes every URL-bound widget's value
        there (the session's own copy holds only what the server set), so it is rebuilt from
        the view this user has."""
        sel = self.selection
        keep = [(k, v) for k, v in parse_qsl(query_string, keep_blank_values=True)
                if k not in ("set", "gebieden", "inwoners", "sc_bedrag")]
        keep += [("set", sel.area_set)] if sel.area_set != "all20" else []
        keep += [("gebieden", self.names[a]) for a in sel.custom_area_ids
                 if sel.area_set == "custom"]
        if sel.residents_min is not None or sel.residents_max is not None:
            keep += [("inwoners", str(sel.residents_min or 0)),
                     ("inwoners", str(sel.residents_max or self.shared.reference.residents_high))]
        keep += [("sc_bedrag", str(self.amount))] if self.amount is not None else []
        return urlencode(keep)

    def _same_view(self, result: RunResult) -> bool:
        expected = self.shared.reference.summary(self.selection, self.lang)
        return [c for c in result.captions(SIDEBAR) if "·" in c][:1] == [expected]

    async def _do_area_set(self) -> int:
        choices = [s for s in AREA_SETS if s != self.selection.area_set]
        choice = self.rng.choice(choices)
        widget = self._widget(key="set", kind="selectbox")
        if widget is None:
            return 0
        self.session.set_widget(widget, t(f"set_{choice}", self.lang))
        self._set_query("set", [] if choice == "all20" else [choice])
        # Streamlit keeps a URL-bound widget's last value while it is hidden, so going back to
        # 'custom' brings back this user's own areas (the only custom areas it ever picks).
        remembered = self.own_ids if self.picker_remembers else ()
        self.selection = _replace(self.selection, area_set=choice,
                                  custom_area_ids=remembered if choice == "custom" else ())
        done = 1
        result = await self._interact("area_set")
        if choice == "custom" and result.ok:
            # The multiselect appears once the set is 'custom': pick the user's own areas.
            picker = self._widget(key="gebieden", kind="multiselect")
            if picker is None:
                self._error("area_set", "custom area picker missing")
                return done
            names = [self.names[a] for a in self.own_ids]
            self.session.set_widget(picker, names)
            self._set_query("gebieden", names)
            self.selection = _replace(self.selection, custom_area_ids=self.own_ids)
            self.picker_remembers = True
            await self._interact("custom_areas")
            done += 1
        return done

    async def _do_slider(self) -> int:
        widget = self._widget(key="inwoners", kind="slider")
        if widget is None:
            return 0
        full = (0, self.shared.reference.residents_high)
        current = (self.selection.residents_min or 0,
                   self.selection.residents_max or full[1])
        new = self.own_range if current == full else full
        self.session.set_widget(widget, new)
        self._set_query("inwoners", [] if new == full else [str(v) for v in new])
        self.selection = _replace(
            self.selection, residents_min=None if new[0] == full[0] else new[0],
            residents_max=None if new[1] == full[1] else new[1])
        await self._interact("slider")
        return 1

    async def _do_page(self) -> int:
        target = self.rng.choice([p for p in PAGES if p != self.page])
        return await self._goto(target)

    async def _goto(self, page: str) -> int:
        # Whether the address keeps the selection is the browser's part (it writes URL-bound
        # widgets' values): tests/browser/test_language_and_links.py checks it there.
        self.page = page
        await self._interact("page", page=PATHS[page])
        return 1

    async def _do_amount(self) -> int:
        done = 0
        if self.page != "scenario":
            done += await self._goto("scenario")
        widget = self._widget(key="sc_bedrag", kind="number_input")
        if widget is None:
            self._error("amount", "amount input missing on the scenario page")
            return done
        self.amount = self.own_amount + (AMOUNT_STEP if self.amount == self.own_amount else 0)
        self.session.set_widget(widget, self.amount)
        await self._interact("amount")
        return done + 1

    async def _do_download(self) -> int:
        done = 0
        if self.page != "tijdlijn":
            done += await self._goto("tijdlijn")
        result = self.session.last
        buttons = [b for b in (result.table_downloads("tl_download_") if result else [])]
        if not buttons:
            self._error("download", "no download buttons on the timeline page")
            return done
        label, url, file_id = self.rng.choice(buttons)
        expected = self._expected_csv(label)
        started = time.perf_counter()
        try:  # a large table is written on click: ask for it as the browser does, then fetch
            url = url or await self.session.deferred_file_url(file_id)
            status, headers, body = await asyncio.to_thread(http_get, self.shared.port, url,
                                                           cookie=self.cookie)
        except (OSError, ProtocolError, TimeoutError) as exc:
            self._error("download", f"{label}: {exc}")
            return done
        seconds = time.perf_counter() - started
        ok = (status == 200 and url.startswith("/media/") and url.endswith(".csv")
              and "attachment" in headers.get("content-disposition", ""))
        if not ok:
            self._error("download", f"{url}: HTTP {status}, headers {headers}")
        elif expected is not None and body != expected:
            ok = False
            self._error("download", f"{url} ({label}): content differs from the table")
        self.shared.interactions.append(
            Interaction(self.index, "download", self.page, seconds, ok, 0, len(body)))
        if ok:
            self.shared.downloads += 1
            self.shared.download_bytes += len(body)
        return done + 1

    # --- checks -----------------------------------------------------------------------------

    async def _interact(self, kind: str, page: str | None = None,
                        query_string: str | None = None, first: bool = False) -> RunResult:
        shared = self.shared
        self._publish()
        result = await self.session.rerun(page=page, query_string=query_string)
        if result.status == "disconnected" and shared.via_proxy and kind != "reload":
            raise ReplicaLost(kind)  # not this session's fault: counted as moved and lost
        ok = self._check(kind, result, first)
        shared.interactions.append(Interaction(self.index, kind, self.page, result.seconds, ok,
                                               result.runs, result.bytes, time.monotonic()))
        if result.status == "disconnected":
            raise ProtocolError("server closed the websocket")
        return result

    def _check(self, kind: str, result: RunResult, first: bool = False) -> bool:
        """All checks of one interaction; ``first``: a frameless first load is a cold-start
        finding (reported in its own table), not an error of this session."""
        where = f"{kind} on {self.page}"
        if first and result.status == "ok" and not result.framed and not result.exceptions:
            return False
        if result.status != "ok":
            self._error(where, f"run {result.status} after {result.seconds:.1f} s")
            return False
        ok = True
        for text in result.exceptions:
            self._error(where, f"exception: {text[:300]}")
            ok = False
        for text in result.alerts(Alert.ERROR):
            self._error(where, f"error alert: {text[:300]}")
            ok = False
        if result.page_not_found:
            self._error(where, "page not found")
            ok = False
        if not result.framed:
            self._error(where, "the page ran without app.py (no navigation, no sidebar)")
            ok = False
        wanted = self.session.pages.get(PATHS[self.page])
        if wanted and result.page_script_hash != wanted:
            self._error(where, f"ran page {result.page_script_hash}, wanted {wanted}")
            ok = False
        # isolation: the sidebar shows this user's own selection
        expected = self.shared.reference.summary(self.selection, self.lang)
        summaries = [c for c in result.captions(SIDEBAR) if "·" in c]
        self.trace.append((kind, self.page, round(result.seconds, 2), summaries[:1],
                           self.session.query_string[:120]))
        self.shared.isolation_checks += 1
        other_lang = "nl" if self.lang == "en" else "en"
        if summaries == [self.shared.reference.summary(self.selection, other_lang)]:
            ok = False  # its own figures, in the other language: state lost, not cross-talk
            self._error(where, f"language lost: sidebar in {other_lang!r}, session chose "
                               f"{self.lang!r} ({summaries[0]!r})")
        elif summaries != [expected]:
            ok = False
            self._violation(where, f"sidebar shows {summaries}, own selection is {expected!r}")
        if self.page == "scenario" and self.amount is not None:
            echo = t("sc_amount_echo", self.lang, amount=fmt.euro(self.amount, self.lang))
            echo_other = t("sc_amount_echo", other_lang, amount=fmt.euro(self.amount, other_lang))
            self.shared.isolation_checks += 1
            if echo_other in result.captions():
                ok = False
                self._error(where, f"language lost: amount echo in {other_lang!r}")
            elif echo not in result.captions():
                ok = False
                shown = [c for c in result.captions() if c.startswith("=")]
                self._violation(where, f"amount echo {shown}, own amount is {echo!r}")
        return ok

    def _publish(self) -> None:
        echo = ("" if self.amount is None else
                t("sc_amount_echo", self.lang, amount=fmt.euro(self.amount, self.lang)))
        self.shared.current[self.index] = (
            self.shared.reference.summary(self.selection, self.lang), echo)

    def _violation(self, where: str, text: str) -> None:
        own = self.shared.current.get(self.index, ("", ""))
        others = [i for i, figures in self.shared.current.items()
                  if i != self.index and any(f and f in text and f not in own for f in figures)]
        suffix = f" (the current figures of user(s) {others})" if others else ""
        self.shared.isolation_violations.append(f"user {self.index}, {where}: {text}{suffix}")
        self.shared.troubled[self.index] = self.trace

    def _error(self, where: str, text: str) -> None:
        self.shared.errors.append(f"user {self.index}, {where}: {text}")
        self.shared.troubled[self.index] = self.trace

    # --- helpers ----------------------------------------------------------------------------

    def _widget(self, **match) -> Widget | None:
        result = self.session.last
        widget = result.widget(**match) if result else None
        if widget is None:
            self._error("widget", f"no widget {match} on {self.page}")
        return widget

    def _set_query(self, key: str, values: list[str]) -> None:
        """Bound widgets keep their value in the URL; the browser writes it (as here)."""
        pairs = [(k, v) for k, v in parse_qsl(self.session.query_string, keep_blank_values=True)
                 if k != key]
        pairs += [(key, v) for v in values]
        self.session.query_string = urlencode(pairs)

    def _expected_csv(self, label: str) -> bytes | None:
        for name, body in self.shared.reference.csv.items():
            if label == t("tl_download_label", self.lang, label=t(f"tl_table_{name}", self.lang)):
                return body
        return None


def _replace(selection: Selection, **changes) -> Selection:
    from dataclasses import replace

    return replace(selection, **changes)
