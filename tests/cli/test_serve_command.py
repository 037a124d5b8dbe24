"""`agidebate serve` as a process: what it says, what it refuses, how it stops.

(The page itself, live in Chromium, is in tests/html/test_serve.py.)
"""

from __future__ import annotations

import http.client
import signal
import socket
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import invoke, run_process
from tests.serving import copy_example, start

pytestmark = pytest.mark.slow


def get(url: str, path: str, host: str | None = None, method: str = "GET") -> tuple[int, bytes]:
    address = url.removeprefix("http://").rstrip("/")
    name, port = address.rsplit(":", 1)
    connection = http.client.HTTPConnection(name, int(port), timeout=10)
    headers = {"Host": host} if host else {}
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    if path == "/events":  # a stream that does not end: read up to the first event
        lines: list[bytes] = []
        while not lines or lines[-1] != b"\n" or not any(x.startswith(b"data:") for x in lines):
            lines.append(response.readline())
        body = b"".join(lines)
    else:
        body = response.read()
    connection.close()
    return response.status, body


def test_serves_the_page_and_its_events_to_this_computer_only(tmp_path: Path) -> None:
    served = start(copy_example(tmp_path))
    try:
        assert served.url.startswith("http://127.0.0.1:")
        status, body = get(served.url, "/")
        assert status == 200 and body.startswith(b"<!DOCTYPE html>")
        assert b"connect-src 'self'" in body and b'"live":{"version":1}' in body
        assert get(served.url, "/", method="HEAD")[0] == 200
        status, body = get(served.url, "/events")
        assert status == 200 and b"event: version\ndata: 1\n\n" in body
        assert get(served.url, "/../safety.yaml")[0] == 404
        assert get(served.url, "/safety.yaml")[0] == 404
        # A page on another site that points a name of its own at this address gets nothing.
        port = served.url.rsplit(":", 1)[1].rstrip("/")
        assert get(served.url, "/", host=f"attacker.example:{port}")[0] == 403
        assert get(served.url, "/", host=f"localhost:{port}")[0] == 200
    finally:
        code, out, err = served.stop(signal.SIGINT)  # as Ctrl-C does
    assert code == 0 and out.rstrip().endswith("stopped"), err
    assert "Traceback" not in err and "interrupted" not in err


def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_process(["serve", "--dir", str(copy_example(tmp_path)), "--port", str(port)])
    assert result.returncode == 1
    assert f"error: port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "hint:" in result.stderr and "--port 0 picks a free one" in result.stderr
    assert "Traceback" not in result.stderr


def test_another_host_only_when_asked_and_with_a_warning(tmp_path: Path) -> None:
    served = start(copy_example(tmp_path), "--host", "0.0.0.0")
    try:
        assert served.url.startswith("http://0.0.0.0:")
        port = int(served.url.rsplit(":", 1)[1].rstrip("/"))
        status, _ = get(f"http://127.0.0.1:{port}/", "/", host=f"192.0.2.7:{port}")
        assert status == 200  # the user chose to be reachable by any name
    finally:
        code, _, err = served.stop()
    assert code == 0
    assert "warning: serving on 0.0.0.0" in err and "leave out --host" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dir", "no-such-folder"], "folder 'no-such-folder' does not exist"),
        (["--host", "no-such-host.invalid"], "--host no-such-host.invalid"),
        (["--port", "70000"], "70000"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    full = args if "--dir" in args else ["--dir", str(copy_example(tmp_path)), *args]
    result = run_process(["serve", *full])
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr


def test_help_names_the_exit_statuses() -> None:
    result = invoke(["serve", "--help"])
    assert result.exit_code == 0
    assert "Exit status" in result.stdout and "Ctrl-C" in result.stdout


def test_open_hands_the_address_to_the_web_browser(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = (
        f"{sys.executable} -c \"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\" %s"
    )
    served = start(copy_example(tmp_path), "--open", env={"BROWSER": browser})
    try:
        deadline = time.monotonic() + 10
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text() == served.url
    finally:
        code, _, _ = served.stop()
    assert code == 0
