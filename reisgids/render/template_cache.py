"""The built-in themes' templates, compiled once per machine instead of once per build.

Compiling the default theme's ~40 templates costs about 0.4 s, a tenth of a cold build of
1,000 entries; loaded from Jinja's bytecode cache it costs 0.015 s. Like Python's own
`__pycache__`, the compiled code is kept outside the site, in
`$XDG_CACHE_HOME/reisgids/templates/<version>/` (`~/.cache/…`), never in the site folder
(a pull request could commit code there; a site's own templates are compiled every time).

`<version>` hashes what the compiled code depends on besides the template's text, which Jinja
checks itself: reisgids' version, Jinja's, and the two modules that shape the code
(theme.py: the environment's options; template_budget.py: the code generator). Python's
version is in Jinja's own header of every file.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import suppress
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from reisgids import __version__
from reisgids.config import BUILTIN_THEMES

_SHAPERS = ("theme.py", "template_budget.py")


def _version() -> str:
    digest = hashlib.blake2b(f"{__version__}\x00{jinja2.__version__}".encode(),
                             digest_size=12)
    for name in _SHAPERS:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


class BuiltinTemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file bytecode cache for the templates of the built-in themes only."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory)
        self._builtin: set[str] = set()  # bucket keys of built-in templates

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> Bucket:
        if filename is None or not Path(filename).is_relative_to(BUILTIN_THEMES):
            return Bucket(environment, self.get_cache_key(name, filename),
                          self.get_source_checksum(source))  # neither loaded nor kept
        bucket = Bucket(environment, self.get_cache_key(name, filename),
                        self.get_source_checksum(source))
        self._builtin.add(bucket.key)
        try:
            self.load_bytecode(bucket)
        except Exception:  # a damaged file (Jinja checks its header and the checksum)
            bucket.reset()  # compiled again, and the file replaced
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        if bucket.key in self._builtin:
            with suppress(OSError):  # a full disk or a removed folder: the build goes on
                super().set_bucket(bucket)


_made: dict[str, BuiltinTemplateCache | None] = {}


def template_cache() -> BuiltinTemplateCache | None:
    """The cache of this machine; None when its folder cannot be made (a read-only home):
    templates are then compiled every time."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = base / "reisgids" / "templates" / _version()
    key = str(folder)
    if key not in _made:
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            _made[key] = BuiltinTemplateCache(key) if os.access(folder, os.W_OK) else None
        except OSError:
            _made[key] = None
    return _made[key]
