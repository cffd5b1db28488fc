"""/admin/ in the built site, its opt-out, and `reisgids serve --editor` over HTTP."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import MINIMAL_CONFIG, NOW, REPO, SiteFactory, run_cli

from reisgids.editor.admin import VERSION, vendor_dir
from reisgids.editor.local import API_PATH

NEWS = "---\ntitle: Eerste bericht\ndate: 2026-10-01\n---\nNieuws uit de wijk.\n"
URL_RE = re.compile(r"http://127\.0\.0\.1:(\d+)(/\S*)")


def test_the_vendored_bundle_is_the_pinned_version() -> None:
    pin = json.loads((vendor_dir().parent / "decap-cms.pin.json").read_text(encoding="utf-8"))
    assert pin["version"] == VERSION
    bundle = (vendor_dir() / "decap-cms.js").read_text(encoding="utf-8")
    assert f'"decap-cms {VERSION}"' in bundle or f"decap-cms {VERSION}" in bundle
    assert (vendor_dir() / "decap-cms.js.LICENSE.txt").is_file()


def test_build_writes_admin_and_editor_false_switches_it_off(
        make_site: SiteFactory, tmp_path: Path) -> None:
    site = make_site({"content/news/eerste-bericht.md": NEWS})
    out = tmp_path / "out"
    result = run_cli("build", str(site), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    admin = out / "admin"
    assert (admin / "decap-cms.js").read_bytes() == (vendor_dir() / "decap-cms.js").read_bytes()
    config = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert [c["name"] for c in config["collections"]][:2] == ["deal", "project"]
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "https://api.github.com" in page
    # the public pages keep their own policy and never mention the git host
    for html in out.rglob("*.html"):
        if "admin" not in html.relative_to(out).parts:
            text = html.read_text(encoding="utf-8")
            assert "api.github.com" not in text and "decap" not in text, html

    (site / "reisgids.yml").write_text(MINIMAL_CONFIG + "editor: false\n", encoding="utf-8")
    result = run_cli("build", str(site), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (out / "admin").exists()


@pytest.fixture
def editor_server(make_site: SiteFactory, tmp_path: Path) -> Iterator[tuple[Path, int, str]]:
    site = make_site({"content/news/eerste-bericht.md": NEWS})
    proc = subprocess.Popen(
        [sys.executable, "-m", "reisgids", "serve", str(site), "--port", "0", "--editor",
         "--now", NOW, "--out", str(tmp_path / "served")],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        encoding="utf-8", env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + 120
        match = None
        while match is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            assert line, "serve stopped"
            match = URL_RE.search(line)
        assert match is not None
        yield site, int(match[1]), match[2]
    finally:
        proc.kill()
        proc.wait(timeout=30)


def request(port: int, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, str]:
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body,
                                 headers=headers or {}, method="POST" if body else "GET")
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_serve_editor_offers_the_local_backend(editor_server: tuple[Path, int, str]) -> None:
    site, port, base = editor_server
    status, page = request(port, f"{base}admin/")
    assert status == 200
    assert "livereload" not in page, "a rebuild must not reload the form"
    assert "connect-src &#x27;self&#x27; blob:;" in page
    status, text = request(port, f"{base}admin/config.yml")
    config = yaml.safe_load(text)
    assert config["local_backend"] == {"url": f"http://127.0.0.1:{port}{API_PATH}"}
    assert config["site_url"] == f"http://127.0.0.1:{port}{base}"  # the live preview
    assert request(port, f"{base}admin/decap-cms.js")[0] == 200
    assert request(port, f"{base}admin/../reisgids.yml")[0] in (403, 404)

    info = json.dumps({"action": "info", "params": {}}).encode()
    json_type = {"Content-Type": "application/json"}
    assert request(port, API_PATH, info, json_type) == (
        200, '{"repo": "site", "publish_modes": ["simple"], "type": "local_fs"}')
    # another site in the same browser, or a DNS name pointing here, is refused
    assert request(port, API_PATH, info, {**json_type, "Origin": "https://evil.example"}
                   )[0] == 403
    assert request(port, API_PATH, info, {**json_type, "Host": "evil.example"})[0] == 403
    assert request(port, f"{base}admin/", None, {"Host": "evil.example"})[0] == 403
    assert request(port, API_PATH, info, {"Content-Type": "text/plain"})[0] == 415

    raw = "---\ntitle: Tweede bericht\ndate: 2026-10-02\n---\nMeer nieuws.\n"
    persist = json.dumps({"action": "persistEntry", "params": {
        "entry": {"path": "content/news/tweede-bericht.md", "raw": raw}, "assets": []}})
    assert request(port, API_PATH, persist.encode(), json_type)[0] == 200
    assert (site / "content" / "news" / "tweede-bericht.md").read_text(encoding="utf-8") == raw
    deadline = time.monotonic() + 30
    while request(port, f"{base}nieuws/tweede-bericht/")[0] != 200:
        assert time.monotonic() < deadline, "the live preview did not show the new entry"
        time.sleep(0.2)
