"""serve: Pagefind in a process of its own, which a newer save can stop.

Indexing is more than the Pagefind binary: reading every entry page, the words of the
whole site, rewriting the bundle's CBOR (reisgids/search.py) — at 10,000 entries about
20 s of Python. In serve's own process that work shared the interpreter lock with the next
save's rebuild. Here it runs in a child (`python -m reisgids.index_process`), at a lower
priority, in a session of its own, so `stop()` ends it and the Pagefind it started at
once. The child indexes a snapshot in a folder of its own (the caller's), so a stopped run
leaves nothing in the site.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import threading
from pathlib import Path

from reisgids.errors import Diagnostic

NICENESS = 10  # below the editor's own work; the rebuild comes first


class IndexProcess:
    """`index_site(stage, language, previous)` in a child process."""

    def __init__(self, stage: Path, language: str, previous: Path | None) -> None:
        command = [sys.executable, "-m", "reisgids.index_process", str(stage), language,
                   str(previous) if previous is not None else ""]
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                         start_new_session=True)
        self._stopped = threading.Event()

    def stop(self) -> None:
        """End the child and everything it started (its session's process group)."""
        self._stopped.set()
        with contextlib.suppress(OSError):  # already gone
            os.killpg(self._process.pid, signal.SIGKILL)

    def result(self) -> list[Diagnostic] | None:
        """The child's diagnostics; None when it was stopped (or died)."""
        output, _ = self._process.communicate()
        if self._stopped.is_set() or self._process.returncode != 0:
            return None
        found = pickle.loads(output)  # our own child's answer, never a file of the site
        return list(found) if isinstance(found, list) else None


def main() -> None:
    os.nice(NICENESS)
    from reisgids.search import index_site  # after nice: Pagefind inherits the priority

    stage, language, previous = sys.argv[1], sys.argv[2], sys.argv[3]
    problems = index_site(Path(stage), language, previous=Path(previous) if previous else None)
    sys.stdout.buffer.write(pickle.dumps(problems))


if __name__ == "__main__":
    main()
