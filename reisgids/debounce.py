"""Debounce file events: a burst of saves gives one rebuild once it has been quiet.

Live reload that rebuilds per file event is what made MkDocs drop `livereload`: a `git
checkout` touching a hundred files started a hundred builds. The Debouncer collects events
and says "now" only after `quiet` seconds without a new one; `max_wait` bounds the wait
when events never stop (a tool writing into content/ every few milliseconds).

Pure and clock-driven: the caller asks, nothing sleeps or runs in the background.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable


class Debouncer:
    """Collects changed paths; `take()` hands them over once the burst is quiet.

    >>> now = [0.0]
    >>> d = Debouncer(quiet=0.3, clock=lambda: now[0])
    >>> d.notify(["content/a.md"]); now[0] = 0.2; d.take()
    >>> now[0] = 0.5; sorted(d.take() or ())
    ['content/a.md']
    """

    def __init__(self, quiet: float = 0.3, *, max_wait: float | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if quiet < 0:
            raise ValueError("quiet must be >= 0")
        if max_wait is not None and max_wait < quiet:
            raise ValueError("max_wait must be >= quiet")
        self.quiet = quiet
        self.max_wait = max_wait
        self._clock = clock
        self._paths: set[str] = set()
        self._first: float | None = None
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        """True while events are waiting for their rebuild."""
        return self._last is not None

    def notify(self, paths: Iterable[str] = ()) -> None:
        """Record one event (a scan that found changes); restarts the quiet period."""
        now = self._clock()
        if self._first is None:
            self._first = now
        self._last = now
        self._paths.update(paths)

    def due(self) -> bool:
        """True when the burst has been quiet long enough, or has waited `max_wait`."""
        if self._first is None or self._last is None:
            return False
        now = self._clock()
        if now - self._last >= self.quiet:
            return True
        return self.max_wait is not None and now - self._first >= self.max_wait

    def take(self) -> frozenset[str] | None:
        """The changed paths of a finished burst (and reset), or None if not due yet."""
        if not self.due():
            return None
        paths = frozenset(self._paths)
        self._paths.clear()
        self._first = self._last = None
        return paths
