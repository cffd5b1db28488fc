"""What a process tree holds at once: RSS and PSS of every descendant, summed, sampled.

GNU time and getrusage give each process's own peak, never what the processes held at the
same moment; a forked worker's RSS also counts pages it still shares with its parent. PSS
(/proc/<pid>/smaps_rollup) divides a shared page among the processes that map it, so the
sum of PSS is what the tree really uses. Sampled every `interval` seconds: a short spike
between two samples can be missed, so the figures are a lower bound of the true peak.

    with TreeSampler() as tree:
        subprocess.run(...)
    print(tree.report())
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

PROC = Path("/proc")


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, from /proc/<pid>/stat (a process may go while read)."""
    tree: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # the command name is in parentheses and may hold spaces: the ppid follows the last ')'
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def descendants(root: int) -> list[int]:
    tree, found, todo = _children(), [], [root]
    while todo:
        for child in tree.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _rollup(pid: int) -> tuple[int, int, str] | None:
    """(RSS KiB, PSS KiB, command name) of one process, or None when it is gone."""
    try:
        text = (PROC / str(pid) / "smaps_rollup").read_text(encoding="utf-8")
        name = (PROC / str(pid) / "comm").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    fields = {}
    for line in text.splitlines()[1:]:
        key, _, value = line.partition(":")
        fields[key] = int(value.split()[0]) if value.split() else 0
    return fields.get("Rss", 0), fields.get("Pss", 0), name


def stage(names: list[str]) -> str:
    """The build's stage, told from its processes: Pagefind runs; a pool of workers (or the
    second process) beside reisgids; reisgids alone."""
    if any(name.startswith("pagefind") for name in names):
        return "Pagefind"
    pythons = sum(1 for name in names if name.startswith("python"))
    return {0: "-", 1: "reisgids alone", 2: "reisgids + 1 process"}.get(
        pythons, f"reisgids + {pythons - 1} workers")


@dataclass
class TreeSampler:
    """Samples this process's descendants in a thread while the `with` block runs."""

    interval: float = 0.05
    peak_rss: int = 0  # KiB, the largest sum of RSS over the tree in one sample
    peak_pss: int = 0  # KiB, the largest sum of PSS
    at_peak: list[str] = field(default_factory=list)  # the processes of the PSS peak
    samples: int = 0
    peak_pss_indexing: int = 0  # KiB, the largest sum of PSS while a Pagefind process ran
    by_stage: dict[str, int] = field(default_factory=dict)  # stage (see stage()) -> peak PSS
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> TreeSampler:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.interval):
            rows = [row for pid in descendants(me) if (row := _rollup(pid)) is not None]
            self.samples += 1
            rss, pss = sum(r[0] for r in rows), sum(r[1] for r in rows)
            self.peak_rss = max(self.peak_rss, rss)
            if any(name.startswith("pagefind") for _, _, name in rows):
                self.peak_pss_indexing = max(self.peak_pss_indexing, pss)
            where = stage([name for _, _, name in rows])
            self.by_stage[where] = max(self.by_stage.get(where, 0), pss)
            if pss > self.peak_pss:
                self.peak_pss = pss
                self.at_peak = [f"{name} {p // 1024} MiB" for _, p, name in
                                sorted(rows, key=lambda r: -r[1]) if p >= 10 * 1024]

    def report(self) -> str:
        return (f"{self.peak_pss / 1024:,.0f} MiB PSS, {self.peak_rss / 1024:,.0f} MiB RSS "
                f"summed over the tree ({self.samples} samples; at the PSS peak: "
                f"{', '.join(self.at_peak) or 'nothing over 10 MiB'}); while Pagefind ran: "
                f"{self.peak_pss_indexing / 1024:,.0f} MiB PSS; peak PSS by stage: "
                + ", ".join(f"{name} {kib / 1024:,.0f} MiB"
                            for name, kib in sorted(self.by_stage.items())))
