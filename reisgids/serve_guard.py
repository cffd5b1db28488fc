"""The preview server answers only its own pages, and only to its own pages.

A web page on another site can make the browser talk to 127.0.0.1 (DNS rebinding: a name
that first points at the attacker, then at 127.0.0.1), read the drafts `serve --drafts`
shows, or open the live-reload websocket. So a request is answered only when its `Host`
is 127.0.0.1 or localhost with the server's port, and the websocket only when the page that
opens it comes from there too (`Origin`). Odd paths (a NUL byte, a path longer than any
page's) are refused with a 4xx before they reach the file handler, which would otherwise
log a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from tornado import httputil, web

LOCAL_NAMES = ("127.0.0.1", "localhost")
MAX_URI = 2048  # longer than any page's URL; browsers stop around 2 MB, we need far less


def host_allowed(host: str | None, port: int) -> bool:
    return (host or "").strip().lower() in {f"{name}:{port}" for name in LOCAL_NAMES}


def origin_allowed(origin: str | None, port: int) -> bool:
    """A browser always sends Origin with a websocket; a missing one is not a browser."""
    if origin is None:
        return True
    return origin.strip().lower() in {f"http://{name}:{port}" for name in LOCAL_NAMES}


def refusal(request: httputil.HTTPServerRequest, port: int,
            websocket_path: str = "/livereload") -> tuple[int, str] | None:
    """(status, reason) when the request is not for us, else None."""
    uri = request.uri or ""
    if len(uri) > MAX_URI:
        return 414, "URI too long"
    path = request.path or ""
    if "\x00" in path or "\x00" in unquote(path) or "%00" in uri:
        return 400, "Bad path"
    if not host_allowed(request.headers.get("Host"), port):
        return 403, "Host not allowed"
    if path == websocket_path and not origin_allowed(request.headers.get("Origin"), port):
        return 403, "Origin not allowed"
    return None


class Refused(web.RequestHandler):
    def initialize(self, status: int, reason: str) -> None:
        self.status, self.reason_text = status, reason

    def prepare(self) -> None:
        self.set_status(self.status)
        self.set_header("Content-Type", "text/plain; charset=UTF-8")
        self.finish(f"{self.status} {self.reason_text}\n")


class GuardedApplication(web.Application):
    """A tornado Application that sends every request through `refusal` first; `port()`
    gives the port the server listens on (known only after binding)."""

    def __init__(self, port: Callable[[], int], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._port = port

    def find_handler(self, request: httputil.HTTPServerRequest,
                     **kwargs: Any) -> web._HandlerDelegate:
        refused = refusal(request, self._port())
        if refused is not None:
            status, reason = refused
            return self.get_handler_delegate(request, Refused,
                                             {"status": status, "reason": reason})
        return super().find_handler(request, **kwargs)
