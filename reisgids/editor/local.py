"""The local backend of `reisgids serve --editor`: Decap's proxy API on 127.0.0.1.

Decap's `local_backend` posts `{action, params}` to one URL (the API of the decap-server
npm package: info, entriesByFolder, entriesByFiles, getEntry, persistEntry, getMedia,
getMediaFile, persistMedia, deleteFile(s), getDeployPreview). This is that API in Python,
so no Node.js is needed. Every request is untrusted: the Host and Origin must be this
server; entries are read and written only as content/<folder>/<slug>.md of a known kind,
media only as static/uploads/<name> with an image extension; no path may pass through a
symbolic link. What is written goes through editor.persist (the hand-written form).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from reisgids.editor.decap import MEDIA_FOLDER
from reisgids.editor.persist import merge
from reisgids.source.frontmatter import SplitProblem, decode, split
from reisgids.source.kinds import FOLDERS
from reisgids.yamlsafe import YamlProblem, load_mapping

API_PATH = "/__reisgids__/editor/api/v1"
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
ENTRY_PATH = re.compile(r"^content/(" + "|".join(re.escape(f) for f in FOLDERS)
                        + r")/(" + SLUG + r")\.md$")
MEDIA_PATH = re.compile(r"^" + re.escape(MEDIA_FOLDER)
                        + r"/([A-Za-z0-9][A-Za-z0-9._-]{0,120})\.(jpe?g|png|gif|webp|avif)$",
                        re.IGNORECASE)
MAX_MEDIA_BYTES = 10 * 1024 * 1024


class Refused(Exception):
    """A request the backend will not carry out: answered with HTTP 422 and the reason."""


def _say(language: str, nl: str, en: str) -> str:
    return en if language == "en" else nl


class LocalBackend:
    """The actions, on the site at `root` (absolute)."""

    def __init__(self, root: Path, language: str = "nl") -> None:
        self.root = root
        self.language = language

    # -- paths

    def _safe(self, rel: str) -> Path:
        """`rel` under the site, with no symbolic link on the way."""
        path = self.root
        for part in rel.split("/"):
            path = path / part
            if path.is_symlink():
                raise Refused(_say(self.language, f"{rel}: een symbolische link; geweigerd",
                                   f"{rel}: a symbolic link; refused"))
        return path

    def entry_path(self, rel: Any) -> tuple[str, Path]:
        """(kind, path) of a content file the editor may touch."""
        match = ENTRY_PATH.match(rel) if isinstance(rel, str) else None
        if match is None:
            raise Refused(_say(
                self.language,
                f"{rel!s:.200}: geen inhoudsbestand; alleen content/<map>/<naam>.md, met "
                "kleine letters, cijfers en streepjes in de naam",
                f"{rel!s:.200}: not a content file; only content/<folder>/<name>.md, with "
                "lowercase letters, digits and hyphens in the name"))
        return FOLDERS[match[1]], self._safe(rel)

    def media_path(self, rel: Any) -> Path:
        if not isinstance(rel, str) or MEDIA_PATH.match(rel) is None:
            raise Refused(_say(
                self.language,
                f"{rel!s:.200}: afbeeldingen komen in {MEDIA_FOLDER}/ met een naam van "
                "letters, cijfers, punten en streepjes (jpg, png, gif, webp, avif)",
                f"{rel!s:.200}: images go into {MEDIA_FOLDER}/ with a name of letters, "
                "digits, dots and hyphens (jpg, png, gif, webp, avif)"))
        return self._safe(rel)

    # -- reading

    def _entry(self, rel: Any) -> dict[str, Any]:
        _, path = self.entry_path(rel)
        try:
            raw = path.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": rel, "id": None}}
        return {"data": raw.decode("utf-8", "replace"),
                "file": {"path": rel, "id": hashlib.sha256(raw).hexdigest()}}

    def _folder(self, folder: Any) -> list[dict[str, Any]]:
        if not isinstance(folder, str) or folder.removeprefix("content/") not in FOLDERS \
                or not folder.startswith("content/"):
            raise Refused(f"{folder!s:.200}: not a content folder")
        base = self._safe(folder)
        if not base.is_dir():
            return []
        names = sorted(p.name for p in base.iterdir()
                       if p.is_file() and not p.is_symlink() and p.suffix == ".md")
        return [self._entry(f"{folder}/{name}") for name in names
                if ENTRY_PATH.match(f"{folder}/{name}")]

    def _media(self, rel: Any) -> dict[str, Any]:
        raw = self.media_path(rel).read_bytes()
        return {"id": hashlib.sha256(raw).hexdigest(),
                "content": base64.b64encode(raw).decode("ascii"), "encoding": "base64",
                "path": rel, "name": rel.rsplit("/", 1)[-1]}

    # -- writing

    def _write(self, path: Path, data: bytes) -> None:
        """Atomically: the watcher of serve never sees half a file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".reisgids-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def _persist_entry(self, rel: Any, raw: Any, *, new_entry: bool) -> None:
        kind, path = self.entry_path(rel)
        if new_entry and path.exists():  # a title that makes an existing file name
            raise Refused(_say(self.language,
                               f"{rel} bestaat al; kies een andere titel",
                               f"{rel} already exists; choose another title"))
        if not isinstance(raw, str):
            raise Refused("entry.raw: expected text")
        try:
            new = split(raw.replace("\r\n", "\n"))
            new_data = load_mapping(new.yaml_text).data
        except (SplitProblem, YamlProblem) as problem:
            raise Refused(f"{rel}: {problem.message.get(self.language)}") from None
        old_text: str | None = None
        old_data: dict[str, Any] | None = None
        if path.is_file():
            try:
                old_text = decode(path.read_bytes())
                old_data = load_mapping(split(old_text).yaml_text).data
            except (SplitProblem, YamlProblem):  # unreadable before: write it whole
                old_text = old_data = None
        text = merge(kind, new_data, new.body, old_text, old_data)
        self._write(path, text.encode("utf-8"))

    def _persist_media(self, asset: Any) -> dict[str, Any]:
        if not isinstance(asset, dict) or asset.get("encoding") != "base64":
            raise Refused("asset: expected base64 content")
        rel = asset.get("path")
        path = self.media_path(rel)
        try:
            data = base64.b64decode(str(asset.get("content", "")), validate=True)
        except (binascii.Error, ValueError):
            raise Refused("asset: invalid base64") from None
        if len(data) > MAX_MEDIA_BYTES:
            raise Refused(_say(self.language, "afbeelding groter dan 10 MB",
                               "image larger than 10 MB"))
        self._write(path, data)
        return self._media(str(rel))

    # -- the API

    def handle(self, body: Any) -> Any:
        if not isinstance(body, dict) or not isinstance(body.get("params", {}), dict):
            raise Refused("expected {action, params}")
        action = body.get("action")
        params: dict[str, Any] = body.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return self._folder(params.get("folder"))
        if action == "entriesByFiles":
            files = params.get("files")
            if not isinstance(files, list):
                raise Refused("files: expected a list")
            return [self._entry(f.get("path") if isinstance(f, dict) else f) for f in files]
        if action == "getEntry":
            return self._entry(params.get("path"))
        if action == "persistEntry":
            entry = params.get("entry")
            files = params.get("dataFiles") or [entry]
            if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
                raise Refused("entry: expected {path, raw}")
            if any(f.get("newPath") for f in files):
                raise Refused(_say(self.language, "hernoemen kan niet in de editor; "
                                   "hernoem het bestand in git", "renaming is not possible "
                                   "in the editor; rename the file in git"))
            for asset in params.get("assets") or []:
                self._persist_media(asset)
            options = params.get("options")
            new_entry = isinstance(options, dict) and options.get("newEntry") is True
            for data_file in files:
                self._persist_entry(data_file.get("path"), data_file.get("raw"),
                                    new_entry=new_entry)
            return {"message": "entry persisted"}
        if action == "getMedia":
            if params.get("mediaFolder") != MEDIA_FOLDER:
                raise Refused(f"mediaFolder: only {MEDIA_FOLDER}")
            folder = self._safe(MEDIA_FOLDER)
            names = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
            return [self._media(f"{MEDIA_FOLDER}/{n}") for n in names
                    if MEDIA_PATH.match(f"{MEDIA_FOLDER}/{n}")
                    and not (folder / n).is_symlink()]
        if action == "getMediaFile":
            return self._media(params.get("path"))
        if action == "persistMedia":
            return self._persist_media(params.get("asset"))
        if action in ("deleteFile", "deleteFiles"):
            paths = params.get("paths") if action == "deleteFiles" else [params.get("path")]
            if not isinstance(paths, list):
                raise Refused("paths: expected a list")
            for rel in paths:  # only uploaded images; entries are deleted in git
                self.media_path(rel).unlink(missing_ok=True)
            return {"message": "deleted"}
        if action == "getDeployPreview":
            return None
        raise Refused(f"unknown action {str(action)[:50]}")


def answer(backend: LocalBackend, body: bytes) -> tuple[int, bytes]:
    """(HTTP status, JSON) for one request body."""
    try:
        request = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return 400, b'{"error": "expected JSON"}'
    try:
        result = backend.handle(request)
    except Refused as refused:
        return 422, json.dumps({"error": str(refused)}, ensure_ascii=False).encode()
    except OSError as exc:
        return 500, json.dumps({"error": exc.strerror or "I/O error"}).encode()
    return 200, json.dumps(result, ensure_ascii=False).encode()
