"""`reisgids serve` answers only its own pages: a foreign Host gets 403 (DNS rebinding), the
live-reload websocket refuses a foreign Origin, odd paths get a 4xx and no traceback."""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.client
from collections.abc import Callable, Coroutine
from pathlib import Path

import pytest
from test_serve import Served, serve_site, small_site  # noqa: F401  (fixtures)
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from reisgids.serve_guard import host_allowed, origin_allowed


def get(port: int, path: str, host: str | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_host=True)
        conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


async def open_socket(port: int, origin: str | None) -> str:
    headers = {"Origin": origin} if origin else {}
    request = HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers=headers)
    try:
        ws = await asyncio.wait_for(websocket_connect(request), 10)
    except HTTPClientError as exc:
        return f"refused {exc.code}"
    ws.close()
    return "open"


def in_thread(coroutine: Coroutine[None, None, str]) -> str:
    """A loop of its own on a thread of its own: the browser tests (Playwright's sync API)
    may leave an event loop running on the main thread of this process."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result(timeout=30)


def test_foreign_hosts_origins_and_odd_paths(small_site: Path,  # noqa: F811
                                             serve_site: Callable[[Path], Served],  # noqa: F811
                                             ) -> None:
    served = serve_site(small_site)
    port = served.port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert get(port, "/gids/over/", host)[0] == 200, host
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1", f"127.0.0.2:{port}",
                 f"localhost.evil.example:{port}", ""):
        status, body = get(port, "/gids/over/", host)
        assert status == 403, (host, status)
        assert "Over ons" not in body

    assert in_thread(open_socket(port, f"http://127.0.0.1:{port}")) == "open"
    assert in_thread(open_socket(port, f"http://localhost:{port}")) == "open"
    assert in_thread(open_socket(port, "https://evil.example")) == "refused 403"
    assert in_thread(open_socket(port, f"http://127.0.0.1:{port + 1}")) == "refused 403"

    for path in ("/gids/%00", "/gids/over/%00/index.html", "/gids/" + "a" * 5000,
                 "/gids/%ff%fe/", "/gids/../../etc/passwd", "/gids/%2e%2e/%2e%2e/etc/passwd",
                 "/gids/%0d%0aSet-Cookie:x=1"):
        status, _ = get(port, path)
        assert 400 <= status < 500, (path, status)
    assert served.proc.poll() is None
    assert "Traceback" not in served.output, served.output
    assert " 500 " not in served.output, served.output


@pytest.mark.parametrize(("host", "ok"), [
    ("127.0.0.1:8000", True), ("localhost:8000", True), ("127.0.0.1:8001", False),
    ("127.0.0.1", False), ("evil.example:8000", False), (None, False)])
def test_host_allowed(host: str | None, ok: bool) -> None:
    assert host_allowed(host, 8000) is ok


@pytest.mark.parametrize(("origin", "ok"), [
    ("http://127.0.0.1:8000", True), ("http://localhost:8000", True), (None, True),
    ("https://127.0.0.1:8000", False), ("http://evil.example", False), ("null", False)])
def test_origin_allowed(origin: str | None, ok: bool) -> None:
    assert origin_allowed(origin, 8000) is ok
