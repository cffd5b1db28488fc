"""Progress of a long build on a terminal: the stage and its count, on one line.

Quiet unless stderr is a terminal, never in CI (the CI variable that GitHub, GitLab and
most others set) or with --quiet. Nothing shows during the first SHOW_AFTER seconds, so a
quick build prints exactly what it printed before.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

SHOW_AFTER = 2.0  # seconds


def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    return not quiet and not os.environ.get("CI") and stream.isatty()


class Progress:
    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self.shown = False
        self.language = "nl"

    def stage(self, nl: str, en: str) -> None:
        """A new stage: 'pagina's maken (1166)'."""
        if not self.enabled:
            return
        text = en if self.language == "en" else nl
        if self.shown or time.monotonic() - self.started >= SHOW_AFTER:
            elapsed = time.monotonic() - self.started
            self.stream.write(f"\r\x1b[K[{elapsed:5.1f} s] {text}")
            self.stream.flush()
            self.shown = True

    def go_on(self, language: str) -> None:
        """Go on where another process left the terminal (cli.py: a big site is built in a
        process of its own): clear the line it may have shown; later stages show at once."""
        self.language = language
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.enabled and self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
