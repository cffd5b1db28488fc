"""The tornado handlers `reisgids serve --editor` adds: /admin/ and the local backend.

/admin/ is served from the package (not from the build), with a config.yml that points
Decap at the local backend, and without the live-reload script: a rebuild must not reload
the form an editor is typing in. Requests must name this server as Host and, when they
carry one, as Origin: a web page elsewhere cannot drive the backend, not even through a
DNS name that resolves to 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tornado import web

from reisgids.config import load_config
from reisgids.editor.admin import ADMIN, config_yml, index_html, vendor_dir
from reisgids.editor.local import API_PATH, LocalBackend, answer

MAX_BODY = 16 * 1024 * 1024  # an image of 10 MB, base64-encoded, fits


def _allowed(handler: web.RequestHandler, port: int) -> bool:
    hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
    if handler.request.host not in hosts:
        return False
    origin = handler.request.headers.get("Origin")
    return origin is None or origin in {f"http://{h}" for h in hosts}


def handlers(root: Path, port: Callable[[], int], base_path: str
             ) -> list[tuple[str, type[web.RequestHandler], dict[str, Any]]]:
    """Routes to put before the site's own; `port` is read per request (bound late)."""

    def config() -> Any:
        return load_config(root)[0]

    class Api(web.RequestHandler):
        def check_xsrf_cookie(self) -> None:  # Host and Origin are checked instead
            pass

        def post(self) -> None:
            if not _allowed(self, port()):
                raise web.HTTPError(403)
            if not self.request.headers.get("Content-Type", "").startswith("application/json") \
                    or len(self.request.body) > MAX_BODY:
                raise web.HTTPError(415)
            site = config()
            backend = LocalBackend(root, site.language if site is not None else "nl")
            status, body = answer(backend, self.request.body)
            self.set_status(status)
            self.set_header("Content-Type", "application/json; charset=UTF-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(body)

    class Admin(web.StaticFileHandler):
        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-cache")

        def compute_etag(self) -> str | None:  # the generated pages have no file behind them
            return None if getattr(self, "absolute_path", None) is None \
                else super().compute_etag()

        async def get(self, path: str | None, include_body: bool = True) -> None:
            if not _allowed(self, port()):
                raise web.HTTPError(403)
            if path is None:
                self.redirect(self.request.path + "/")
                return
            if path in ("", "index.html"):
                self.set_header("Content-Type", "text/html; charset=UTF-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(index_html(config(), local=True))
                return
            if path == "config.yml":
                self.set_header("Content-Type", "text/yaml; charset=UTF-8")
                self.set_header("Cache-Control", "no-store")
                origin = f"http://{self.request.host}"
                self.finish(config_yml(config(), local_url=origin + API_PATH,
                                       site_url=origin + base_path))
                return
            await super().get(path, include_body)

    admin = re.escape(f"{base_path}{ADMIN}")
    return [(re.escape(API_PATH), Api, {}),
            (admin + r"(?:/(.*))?", Admin, {"path": str(vendor_dir())})]
