"""Rendered pages written into the staging folder by the worker that rendered them.

With a pool (`--jobs` > 1) the staging folder is made before the pages are rendered, and
each worker writes the pages it renders into it (render.site.PageSink), handing back only
their size and digest: no page's bytes go through the pipe to the parent, and the kernel's
part of writing them (a folder and a file per page) is spread over the workers instead of
being done by the parent after them (docs/speed.md).

The output budget (output_budget.py) holds across the processes: the bytes written are
counted in memory the workers share, and a page that would take the count past the limit,
or is larger than one file may be, is not written but handed back whole. The parent counts
every page in their order as before (render.site._collect), so it reports
`output-too-large` at the same page as a build without a pool; the build then throws the
stage away (write.Stage.discard).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path

from reisgids.cache import content_hash
from reisgids.output_budget import OutputBudget
from reisgids.render.site import Staged
from reisgids.write import Stage

Link = Callable[[Path, str, str], bool]
"""(target in the stage, output path, digest) -> True when the previous output's file had
the same bytes and was hard-linked to the target (the build cache's, Incremental.link_same)."""


class StagePages:
    """A PageSink into `stage`: made in the parent before the pool forks (the workers
    inherit it, and the counter they share)."""

    def __init__(self, stage: Stage, budget: OutputBudget, link: Link | None = None) -> None:
        self.stage, self.link = stage, link
        self.limit, self.per_file = budget.limit, budget.per_file
        # the bytes written by every process; its lock makes "fits, then counted" one step
        self.used = multiprocessing.Value("q", budget.used)
        self.staged: dict[str, Staged] = {}  # noted in the parent (render.site._collect)
        self.parent = os.getpid()

    def write(self, rel: str, data: bytes) -> Staged | bytes:
        if os.getpid() == self.parent:
            # no pipe to spare (a page rendered before the fork, or too few pages for a
            # pool): it is written with the other files, after the budget's check
            return data
        size = len(data)
        with self.used.get_lock():
            if size > self.per_file or self.used.value + size > self.limit:
                return data  # the parent's count reports it; nothing past the limit is written
            self.used.value += size
        target = self.stage.target(rel)  # proven inside the stage
        target.parent.mkdir(parents=True, exist_ok=True)  # safe when two workers race
        digest = content_hash(data)
        if self.link is not None and self.link(target, rel, digest):
            return Staged(size, digest, True)
        target.write_bytes(data)
        return Staged(size, digest, False)
