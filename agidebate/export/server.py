"""`agidebate serve`: the HTML map of a debate folder, rebuilt whenever one of its files changes.

`Live` holds the latest build of the page: the map exported as `agidebate export
--format html` does (every perspective under every semantics), or, when a file
is broken, a page listing its problems as `path:line:col` instead. `watch`
rebuilds on every change to an argument or perspective file, using the
`watchfiles` package (a Rust file-system watcher; imported only here, so that
start-up stays light). The HTTP server sends the page at `/` and the number of
the latest build as server-sent events at `/events`; the page's live script
reloads when that number moves on.

The server listens on the loopback address unless told otherwise, and answers
only requests addressed to it by that name (a web page elsewhere cannot reach it
through DNS rebinding). It serves nothing but the page and its events.
"""

from __future__ import annotations

import hashlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from agidebate.errors import AgidebateError, Location, Problem, Severity

HEARTBEAT = 15.0  # seconds between keep-alive comments on an idle event stream
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Build:
    """One build of the page: its number, its bytes, and what went wrong (if anything)."""

    version: int
    page: bytes
    digest: str
    problems: tuple[Problem, ...] = ()
    claims: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


def build_page(folder: Path, version: int, cache: bool = True) -> Build:
    """The page for the debate in `folder`, or the page of its problems (`cache`: use the
    parse cache, as `load_debate` does)."""
    from agidebate.errors import DebateError, WeightsFileError
    from agidebate.export import ExportOptions
    from agidebate.export.to_html import page_data, problems_data, served_page
    from agidebate.export.weighings import weigh
    from agidebate.format.load import load_debate

    start = time.perf_counter()
    claims = 0
    problems: tuple[Problem, ...] = ()
    try:
        debate = load_debate(folder, cache=cache)
        found = weigh(debate, folder)
        run = found.run(*found.initial)
        options = ExportOptions(scores=run.scores, semantics=run.semantics, weighings=found)
        data: dict[str, Any] = page_data(debate, options)
        claims = len(debate)
    except (DebateError, WeightsFileError) as error:
        problems = tuple(error.problems)
    except AgidebateError as error:  # the folder itself is gone or unreadable
        hint = getattr(error, "hint", None)
        problems = (Problem("unreadable", str(error), Location(str(folder)), hint),)
    if problems:
        data = problems_data(folder.name, problems)
    digest = hashlib.blake2b(repr(data).encode("utf-8"), digest_size=16).hexdigest()
    page = served_page(data, version).encode("utf-8")
    return Build(version, page, digest, problems, claims, time.perf_counter() - start)


@dataclass
class Live:
    """The latest build, and the event streams waiting for the next one."""

    folder: Path
    cache: bool = True
    build: Build = field(init=False)
    closed: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def __post_init__(self) -> None:
        self.build = build_page(self.folder, 1, self.cache)

    def rebuild(self) -> Build | None:
        """Build again; the new build, or None when the page would be the same."""
        fresh = build_page(self.folder, self.build.version + 1, self.cache)
        if fresh.digest == self.build.digest:
            return None
        with self.changed:
            self.build = fresh
            self.changed.notify_all()
        return fresh

    def wait(self, version: int, timeout: float) -> int | None:
        """The latest build's number once it is not `version` (or after `timeout`);
        None when the server is closing."""
        with self.changed:
            self.changed.wait_for(lambda: self.closed or self.build.version != version, timeout)
            return None if self.closed else self.build.version

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


def is_argument_file(path: str) -> bool:
    """Whether a change to `path` can change the debate: a .yaml/.yml file (argument
    files and perspectives alike), not a hidden one such as an editor's swap file."""
    name = Path(path).name
    return name.endswith(SUFFIXES) and not name.startswith(".")


def watch(live: Live, report: Callable[[Build], None], stop: threading.Event) -> None:
    """Rebuild after every change to the folder's argument files, until `stop` is set."""
    from watchfiles import watch as changes  # lazy: only `serve` pays for it

    def relevant(_change: object, path: str) -> bool:
        return is_argument_file(path)

    for _ in changes(
        live.folder, watch_filter=relevant, stop_event=stop, step=50, raise_interrupt=False
    ):
        built = live.rebuild()
        if built is not None:
            report(built)


def is_loopback(host: str) -> bool:
    """Whether `host` names this computer only (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Server(ThreadingHTTPServer):
    daemon_threads = True
    live: Live
    names: frozenset[str]


class _Server6(Server):
    address_family = socket.AF_INET6


def make_server(host: str, port: int) -> Server:
    """A server bound to `host`:`port` (0: any free port), to be given its `live` page
    before it serves; raises OSError as binding does (a taken port, say)."""
    kind = _Server6 if ":" in host else Server
    server = kind((host, port), _Handler)
    bound = server.server_address[1]
    names = {f"{host}:{bound}", f"[{host}]:{bound}"}
    if is_loopback(host):
        names |= {f"localhost:{bound}", f"127.0.0.1:{bound}", f"[::1]:{bound}"}
    else:
        names = set()  # reachable by any name the user gave out: no check
    server.names = frozenset(names)
    return server


def url(server: Server) -> str:
    host, port = server.server_address[:2]
    name = host.decode() if isinstance(host, bytes) else str(host)
    shown = f"[{name}]" if ":" in name else name
    return f"http://{shown}:{port}/"


class _Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the command reports builds, not requests."""

    def _addressed_to_us(self) -> bool:
        names = self.server.names
        if names and self.headers.get("Host", "") not in names:
            self.send_error(403, "unknown Host")
            return False
        return True

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        if not self._addressed_to_us():
            return
        path = self.path.split("?", 1)[0]
        if path == "/":
            page = self.server.live.build.page
            self._head(200, "text/html; charset=utf-8", len(page))
            if body:
                self.wfile.write(page)
        elif path == "/events" and body:
            self._events()
        else:
            self.send_error(404, "agidebate serve has only / and /events")

    def _head(self, status: int, kind: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def _events(self) -> None:
        """Server-sent events: the latest build's number now and whenever it changes."""
        live = self.server.live
        self._head(200, "text/event-stream; charset=utf-8")
        version: int | None = live.build.version
        try:
            self._send(f"retry: 1000\nevent: version\ndata: {version}\n\n")
            while version is not None:
                latest = live.wait(version, HEARTBEAT)
                if latest is None:
                    return
                self._send(
                    f"event: version\ndata: {latest}\n\n" if latest != version else ": alive\n\n"
                )
                version = latest
        except (BrokenPipeError, ConnectionResetError):
            return  # the page went away

    def _send(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()
