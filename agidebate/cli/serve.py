"""`agidebate serve`: the HTML map in a browser, rebuilt and reloaded as you edit."""

from __future__ import annotations

import errno
import signal
import sys
import threading
from typing import TYPE_CHECKING, Annotated

import typer

from agidebate.cli._common import DirOption, console, fail, handles_errors, print_problems

if TYPE_CHECKING:
    from agidebate.export.server import Build, Server

DEFAULT_HOST = "127.0.0.1"


@handles_errors
def serve(
    directory: DirOption = None,
    port: Annotated[
        int,
        typer.Option(
            "--port",
            "-p",
            min=0,
            max=65535,
            metavar="PORT",
            help="Port to listen on (0: any free one).",
        ),
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            metavar="HOST",
            help="Address to listen on. Default 127.0.0.1: only this computer can connect.",
        ),
    ] = DEFAULT_HOST,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the map in the default web browser.")
    ] = False,
) -> None:
    """Serve the debate's HTML map on this computer, rebuilt whenever a file changes.

    Open the address it prints: the page is the one `agidebate export --format
    html` writes, and it reloads itself (keeping your place) whenever an argument
    or perspective file of the debate folder changes. While a file is broken the
    page lists its problems as path:line:col, and the map comes back when the
    file is fixed. Ctrl-C stops the server.

    Exit status: 0 when stopped with Ctrl-C; 1 when the port is taken or cannot
    be used; 2 when the command line is wrong (no such folder, a bad host).

    Examples:

      agidebate serve --dir my-debate --open

      agidebate serve --port 8001
    """
    from agidebate.cli._common import use_cache
    from agidebate.export.server import Live, is_loopback, url, watch
    from agidebate.format.load import find_debate_dir

    folder = find_debate_dir(directory)
    if not is_loopback(host):
        warn(
            f"serving on {host}: anyone who can reach this computer there can read the debate",
            "leave out --host to serve to this computer only",
        )
    server = bind(host, port)  # first: a taken port is reported before any work
    live = server.live = Live(folder, use_cache())
    say(f"Serving {folder} at {url(server)}")
    say("  the page reloads when a file changes; Ctrl-C stops")
    report(live.build)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(live, report, stop), daemon=True)
    watcher.start()
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if open_browser:
            import webbrowser

            webbrowser.open(url(server))
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop.set()
        live.close()
        server.server_close()
        watcher.join(timeout=3)
    say("stopped")


def bind(host: str, port: int) -> Server:
    """The bound server; a clear error for a taken port, a refused one or an unknown host."""
    import socket

    from agidebate.export.server import make_server

    try:
        return make_server(host, port)
    except socket.gaierror as error:
        raise fail(
            f"--host {host}: {error.strerror}", "give an address such as 127.0.0.1", 2
        ) from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else 8000
            raise fail(
                f"port {port} on {host} is already in use",
                f"stop the program using it, or choose another port: --port {other} "
                "(--port 0 picks a free one)",
            ) from None
        if error.errno in (errno.EACCES, errno.EPERM):
            raise fail(
                f"not allowed to listen on port {port}",
                "ports below 1024 need special rights: choose --port 8000 or above",
            ) from None
        if error.errno == errno.EADDRNOTAVAIL:
            raise fail(
                f"--host {host} is not an address of this computer",
                "leave out --host, or give one of this computer's addresses",
                2,
            ) from None
        raise fail(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def say(text: str) -> None:
    typer.echo(text)
    sys.stdout.flush()


def warn(message: str, hint: str) -> None:
    err = console(stderr=True)
    from rich.text import Text

    from agidebate.text import inert

    err.print(Text("warning: ", style="bold yellow") + Text(inert(message)), soft_wrap=True)
    err.print(Text("    hint: " + inert(hint), style="dim"), soft_wrap=True)


def report(build: Build) -> None:
    """One line per build; a broken build's problems on stderr, as `check` prints them."""
    if build.ok:
        say(f"build {build.version}: {build.claims} claims in {build.seconds:.2f} s")
        return
    errors = sum(1 for p in build.problems if p.severity.value == "error")
    print_problems(console(stderr=True), build.problems)
    say(
        f"build {build.version}: {errors} error{'s' * (errors != 1)}; "
        "the page shows them until the files are fixed"
    )
