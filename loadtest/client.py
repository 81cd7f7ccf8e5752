"""One browserless Streamlit session: Streamlit's websocket protocol, spoken from Python.

What a browser tab does, as read from Streamlit 1.67 (``streamlit/web/server/starlette/
starlette_websocket.py``, ``streamlit/runtime/app_session.py`` and the protos):

* connect to ``ws://HOST:PORT/_stcore/stream`` with the subprotocol ``streamlit`` (the second and
  third subprotocol entries would carry an XSRF token and a session id to resume; a new session
  needs neither, and no Origin header means no cross-origin check);
* send a ``BackMsg`` with ``rerun_script`` = ``ClientState`` (query string, page script hash or
  page name, widget states); the server answers with ``ForwardMsg``\\ s: ``new_session`` when a
  script run starts (``initialize`` on the first), ``navigation`` (the pages), ``delta``\\ s whose
  ``metadata.delta_path`` places each element, ``page_info_changed`` when the script changed the
  URL, and ``script_finished``. ``FINISHED_EARLY_FOR_RERUN`` means the script called
  ``st.rerun()`` (a new run follows); ``FINISHED_SUCCESSFULLY`` ends the interaction.
* widget states are the browser's: every mounted widget's current value, keyed by the widget id
  from the element proto. We keep the values we set and drop those of widgets that are gone.

Large messages are never replaced by ``ref_hash`` references because we report no cached
message hashes; a reference is still resolved from our own cache, to be safe.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import (
    BackendOperationRequest,
    BackMsg,
    DeferredFileRequestPayload,
)
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

HOST = "127.0.0.1"
STREAM_PATH = "/_stcore/stream"
SIDEBAR = 1  # RootContainer.SIDEBAR: first index of a delta path in the sidebar
MAIN = 0
EVENT = 2  # toasts
FRAME_WIDGET_KEY = "lang"  # app.py's language control: present in every framed run

# Element kinds that are widgets, and the WidgetState field each one's value travels in.
WIDGET_VALUE_FIELDS = {
    "selectbox": "string_value",
    "radio": "string_value",
    "multiselect": "string_array_value",
    "slider": "double_array_value",
    "number_input": "double_value",
    "button_group": "string_array_value",
    "checkbox": "bool_value",
    "button": "trigger_value",
    "download_button": "trigger_value",
    "text_input": "string_value",
}


class ProtocolError(Exception):
    """The server broke off, or answered in a way no browser would accept."""


@dataclass
class Widget:
    id: str
    kind: str
    label: str
    path: tuple[int, ...]
    proto: Any

    @property
    def user_key(self) -> str:
        """The ``key=`` the app gave (ids look like ``$$ID-<hash>-<key>``)."""
        parts = self.id.split("-", 2)
        return parts[2] if len(parts) == 3 else ""

    @property
    def query_param_key(self) -> str:
        return getattr(self.proto, "query_param_key", "") or ""

    @property
    def options(self) -> list[str]:
        options = getattr(self.proto, "options", [])
        return [getattr(o, "content", o) for o in options]


@dataclass
class RunResult:
    """What one interaction (one rerun request) produced."""

    seconds: float
    status: str  # ok | compile_error | timeout | disconnected
    runs: int  # script runs in this interaction: more than 1 when the script called st.rerun()
    elements: dict[tuple[int, ...], Element] = field(default_factory=dict)
    exceptions: list[str] = field(default_factory=list)
    page_script_hash: str = ""  # the page that ran, from the app's navigation message
    page_not_found: bool = False
    messages: int = 0
    bytes: int = 0

    @property
    def ok(self) -> bool:
        return self.status == "ok" and not self.exceptions and not self.page_not_found

    @property
    def framed(self) -> bool:
        """Whether app.py drew its frame in the final run: its language control is there.

        (A page run alone, in Streamlit's pages-directory mode, sends a navigation message
        too, so that message does not tell.)"""
        return self.widget(key=FRAME_WIDGET_KEY) is not None

    def items(self, kind: str, root: int | None = None) -> Iterator[tuple[tuple, Any]]:
        for path, element in sorted(self.elements.items()):
            if element.WhichOneof("type") == kind and (root is None or path[0] == root):
                yield path, getattr(element, kind)

    def widgets(self) -> list[Widget]:
        found = []
        for path, element in sorted(self.elements.items()):
            kind = element.WhichOneof("type")
            if kind in WIDGET_VALUE_FIELDS:
                proto = getattr(element, kind)
                found.append(Widget(proto.id, kind, getattr(proto, "label", ""), path, proto))
        return found

    def widget(self, *, key: str | None = None, label: str | None = None,
               kind: str | None = None) -> Widget | None:
        for w in self.widgets():
            if kind is not None and w.kind != kind:
                continue
            if key is not None and key not in (w.user_key, w.query_param_key):
                continue
            if label is not None and w.label != label:
                continue
            return w
        return None

    def captions(self, root: int | None = None) -> list[str]:
        from streamlit.proto.Markdown_pb2 import Markdown

        return [m.body for _, m in self.items("markdown", root)
                if m.element_type == Markdown.CAPTION]

    def markdown(self) -> list[Any]:
        return [m for _, m in self.items("markdown")]

    def alerts(self, level: int) -> list[str]:
        return [a.body for _, a in self.items("alert") if a.format == level]

    def table_downloads(self, id_part: str) -> list[tuple[str, str, str]]:
        """(label, url, deferred file id) of the download buttons whose id holds ``id_part``:
        a file sent with the page has a url, one written on click a deferred file id."""
        return [(d.label, d.url, d.deferred_file_id) for _, d in self.items("download_button")
                if id_part in d.id and (d.url or d.deferred_file_id)]


def widget_state(widget: Widget | str, kind: str, value: Any) -> WidgetState:
    """The WidgetState a browser would send for ``value`` of this widget kind."""
    state = WidgetState(id=widget if isinstance(widget, str) else widget.id)
    name = WIDGET_VALUE_FIELDS[kind]
    if name == "string_array_value":
        state.string_array_value.data.extend(str(v) for v in value)
    elif name == "double_array_value":
        state.double_array_value.data.extend(float(v) for v in value)
    elif name == "double_value":
        state.double_value = float(value)
    elif name == "string_value":
        state.string_value = str(value)
    elif name in ("bool_value", "trigger_value"):
        setattr(state, name, bool(value))
    return state


class Session:
    """One websocket connection = one browser tab = one Streamlit session."""

    def __init__(self, port: int, query_string: str = "", message_timeout: float = 120.0,
                 headers: dict[str, str] | None = None):
        self.port = port
        self.headers = headers or {}  # e.g. a proxy's stickiness cookie
        self.response_headers: dict[str, str] = {}  # of the websocket upgrade, names lowercase
        self.query_string = query_string
        self.message_timeout = message_timeout
        self.page_script_hash = ""
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.widget_values: dict[str, WidgetState] = {}
        self.last: RunResult | None = None
        self._ws = None
        self._cache: dict[str, ForwardMsg] = {}
        self._requests = 0
        self.session_id = ""  # from the first new_session: backend requests must name it

    async def connect(self, timeout: float = 30.0) -> None:
        self._ws = await connect(
            f"ws://{HOST}:{self.port}{STREAM_PATH}", subprotocols=["streamlit"],
            proxy=None, max_size=None, compression=None, open_timeout=timeout,
            ping_interval=None, close_timeout=5, additional_headers=self.headers)
        self.response_headers = {k.lower(): v for k, v in self._ws.response.headers.raw_items()}

    async def close(self) -> None:
        if self._ws is not None:
            ws, self._ws = self._ws, None
            await ws.close()

    def set_widget(self, widget: Widget, value: Any) -> None:
        self.widget_values[widget.id] = widget_state(widget, widget.kind, value)

    async def rerun(self, *, page: str | None = None, query_string: str | None = None,
                    timeout: float = 120.0) -> RunResult:
        """Send rerun_script with the current client state; read until the run has finished.

        ``page`` is a url_pathname from the navigation ("gebieden"); the first run may name a
        page before its hash is known (as a deep link does).
        """
        if self._ws is None:
            raise ProtocolError("not connected")
        if query_string is not None:
            self.query_string = query_string
        state = ClientState(query_string=self.query_string)
        if page is not None:
            if page in self.pages:
                state.page_script_hash = self.pages[page]
            else:
                state.page_name = page
        else:
            state.page_script_hash = self.page_script_hash
        state.widget_states.widgets.extend(self.widget_values.values())
        message = BackMsg(rerun_script=state)
        started = time.perf_counter()
        result = RunResult(seconds=0.0, status="ok", runs=0)
        try:
            await self._ws.send(message.SerializeToString())
            await asyncio.wait_for(self._read_run(result), timeout)
        except TimeoutError:
            result.status = "timeout"
        except ConnectionClosed as exc:
            result.status = "disconnected"
            result.exceptions.append(f"websocket closed: {exc}")
        result.seconds = time.perf_counter() - started
        if result.status == "ok":
            self.page_script_hash = result.page_script_hash or self.page_script_hash
            alive = {w.id for w in result.widgets()}
            self.widget_values = {k: v for k, v in self.widget_values.items()
                                  if k in alive and v.WhichOneof("value") != "trigger_value"}
        self.last = result
        return result

    async def deferred_file_url(self, file_id: str, timeout: float = 120.0) -> str:
        """Ask the server to build a deferred download (as the browser does on click) and
        return the media URL it answers with."""
        if self._ws is None:
            raise ProtocolError("not connected")
        self._requests += 1
        request_id = f"loadtest-{self._requests}"
        request = BackendOperationRequest(request_id=request_id, session_id=self.session_id,
                                          deferred_file=DeferredFileRequestPayload(
                                              file_id=file_id))
        await self._ws.send(BackMsg(backend_operation_request=request).SerializeToString())

        async def answer() -> str:
            while True:
                raw = await self._ws.recv()
                msg = ForwardMsg()
                msg.ParseFromString(raw)
                if msg.WhichOneof("type") != "backend_operation_response":
                    continue
                response = msg.backend_operation_response
                if response.request_id != request_id:
                    continue
                if response.error_msg:
                    raise ProtocolError(f"deferred file {file_id}: {response.error_msg}")
                return response.deferred_file.url

        return await asyncio.wait_for(answer(), timeout)

    async def _read_run(self, result: RunResult) -> None:
        started_run = False
        while True:
            raw = await self._ws.recv()
            if isinstance(raw, str):
                raise ProtocolError("text frame from server")
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            result.messages += 1
            result.bytes += len(raw)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                cached = self._cache.get(msg.ref_hash)
                if cached is None:
                    result.exceptions.append(f"unknown ref_hash {msg.ref_hash}")
                    continue
                metadata = msg.metadata
                msg = ForwardMsg()
                msg.CopyFrom(cached)
                msg.metadata.CopyFrom(metadata)
                kind = msg.WhichOneof("type")
            elif msg.hash and msg.metadata.cacheable:
                self._cache[msg.hash] = msg
            if kind == "new_session":
                started_run = True
                if msg.new_session.initialize.session_id:
                    self.session_id = msg.new_session.initialize.session_id
                result.runs += 1
                result.elements.clear()
                result.page_script_hash = ""
            elif kind == "navigation":
                # st.navigation names a default page; the pages-directory listing does not
                if any(page.is_default for page in msg.navigation.app_pages):
                    result.page_script_hash = msg.navigation.page_script_hash
                    for page in msg.navigation.app_pages:
                        self.pages[page.url_pathname] = page.page_script_hash
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "page_not_found":
                result.page_not_found = True
            elif kind == "session_event":
                event = msg.session_event
                if event.WhichOneof("type") == "script_compilation_exception":
                    exc = event.script_compilation_exception
                    result.exceptions.append(f"{exc.type}: {exc.message}")
            elif kind == "delta":
                self._apply_delta(msg, result)
            elif kind == "script_finished" and started_run:
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.rerun(): the next run's new_session follows
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    result.status = "compile_error"
                return

    @staticmethod
    def _apply_delta(msg: ForwardMsg, result: RunResult) -> None:
        delta = msg.delta
        path = tuple(msg.metadata.delta_path)
        which = delta.WhichOneof("type")
        if which == "new_element":
            element = delta.new_element
            result.elements[path] = element
            if element.WhichOneof("type") == "exception":
                exc = element.exception
                result.exceptions.append(f"{exc.type}: {exc.message}")
        elif which == "new_transient":
            for element in getattr(delta.new_transient, "elements", []):
                if element.WhichOneof("type") == "exception":
                    result.exceptions.append(f"{element.exception.type}: "
                                             f"{element.exception.message}")


def first(items: Iterable[Any], default: Any = None) -> Any:
    return next(iter(items), default)
