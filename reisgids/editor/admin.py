"""The files of /admin/: index.html (with its own Content-Security-Policy), config.yml and
the vendored Decap CMS bundle (package data, see tools/vendor_editor.py)."""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from reisgids.config import SiteConfig
from reisgids.editor.decap import decap_config

ADMIN = "admin"
PIN: dict[str, object] = json.loads(
    resources.files("reisgids.editor").joinpath("vendor/decap-cms.pin.json").read_text("utf-8"))
VERSION = str(PIN["version"])
# libyaml's emitter where PyYAML has it (its wheels do): PyYAML's own is a port of it and
# writes the same YAML, five times slower (0.1 CPU s for the config of every kind, in every
# build; tests/unit/test_editor_config.py compares the two)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# What each git host's API and avatars need, beyond the page's own origin.
HOST_ORIGINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # backend: (connect-src, img-src)
    "github": (("https://api.github.com",),
               ("https://avatars.githubusercontent.com", "https://raw.githubusercontent.com")),
    "gitlab": (("https://gitlab.com",), ("https://gitlab.com", "https://secure.gravatar.com")),
    "gitea": ((), ()),
}


def vendor_dir() -> Path:
    """The vendored bundle inside the installed package."""
    return Path(str(resources.files("reisgids.editor").joinpath("vendor/decap-cms")))


def _origin(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def content_security_policy(config: SiteConfig | None, *, local: bool = False) -> str:
    """Exactly what the chosen git host needs. Decap compiles its config schema at run
    time (ajv: 'unsafe-eval'), injects its styles ('unsafe-inline'), and its image
    previews are blob: URLs; the local editor talks only to its own origin."""
    connect: list[str] = ["'self'", "blob:"]  # Decap reads its own uploads back as blobs
    images: list[str] = ["'self'", "data:", "blob:"]
    settings = config.editor if config is not None else None
    if not local:
        backend = settings.backend if settings is not None else "github"
        api, avatars = HOST_ORIGINS[backend]
        own = _origin(settings.base_url if settings is not None else None)
        if backend in ("gitlab", "gitea") and own is not None:
            api, avatars = (own,), (own, *avatars[1:])
        connect += api
        images += avatars
        if own is not None and own not in connect:
            connect.append(own)
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        "img-src " + " ".join(images),
        "font-src 'self' data:",
        "connect-src " + " ".join(connect),
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def index_html(config: SiteConfig | None, *, local: bool = False) -> bytes:
    language = config.language if config is not None else "nl"
    title = ("Content editor" if language == "en" else "Redactie") + (
        f" — {config.title}" if config is not None else "")
    csp = html.escape(content_security_policy(config, local=local))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        f'<script src="decap-cms.js?v={html.escape(VERSION)}"></script>\n'
        "</body>\n</html>\n").encode()


def config_yml(config: SiteConfig | None, *, local_url: str | None = None,
               site_url: str | None = None) -> bytes:
    data = decap_config(config, local_url=local_url, site_url=site_url)
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True,
                     width=100).encode()


def admin_files(config: SiteConfig) -> dict[str, bytes]:
    """What `reisgids build` writes under admin/, besides the vendored bundle."""
    return {f"{ADMIN}/index.html": index_html(config),
            f"{ADMIN}/config.yml": config_yml(config)}
