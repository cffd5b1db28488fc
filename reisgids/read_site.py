"""Stages load, validate and graph (`read_site`): what build.load_site() starts with.

A module of its own, importing only these stages, so that the CLI can start reading files
in other processes before it imports the later ones (Markdown, planning, Jinja, the
renderers: about 0.1 CPU s), and import those meanwhile (docs/speed.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reisgids.cache import BuildCache
from reisgids.cached_entries import read_cached
from reisgids.config import SiteConfig, load_config
from reisgids.errors import Diagnostic, Report
from reisgids.graph.checks import check_graph
from reisgids.graph.content import ContentGraph
from reisgids.graph.link import Walks, link
from reisgids.graph.suggest import suggest_slugs
from reisgids.model.document import ContentEntry
from reisgids.pool import parallel_iter
from reisgids.progress import Progress
from reisgids.source.discover import SourceFile, discover
from reisgids.source.gitdates import last_commit_dates, with_git_dates
from reisgids.source.links import find_links
from reisgids.source.listing import Listing
from reisgids.source.outlines import load_outlines
from reisgids.source.snapshots import load_snapshots
from reisgids.source.theme_strings import theme_string_problems
from reisgids.validate import read_entry


@dataclass(frozen=True)
class Linked:
    """What read_site() hands on: the linked graph, and the files that failed to load
    (they exist, so a link to one is not "missing" elsewhere)."""

    root: Path
    config: SiteConfig
    graph: ContentGraph
    unreadable: tuple[SourceFile, ...] = ()


Reader = Callable[[SourceFile], tuple[ContentEntry | None, list[Diagnostic]]]


def read_site(root: Path, *, now: date, drafts: bool = False, base_url: str | None = None,
              read: Reader = read_entry, progress: Progress | None = None,
              git_dates: bool = False, walks: Walks | None = None, jobs: int = 1,
              cache: BuildCache | None = None, listing: Listing | None = None,
              meanwhile: Callable[[], object] | None = None
              ) -> tuple[Linked | None, Report]:
    """Stages load, validate and graph. None when reisgids.yml cannot be read; otherwise
    the graph of every entry that validated, whatever else the report holds. `walks`
    (serve): the references of the entries read before, kept (graph/link.py). `jobs`:
    processes to read the files in, and `cache`: files read before (both only with the
    plain reader: serve's remembers). `listing` (serve): the folders as its scan listed
    them, so that discover and the link check do not list them again. `meanwhile`: called
    once while the files are read in other processes (or before they are read here): the
    CLI imports the later stages then, instead of before."""
    report = Report()
    show = progress or Progress(False)
    # load
    overrides: dict[str, object] = {"base_url": base_url} if base_url else {}
    if git_dates:
        overrides["git_dates"] = True
    config, problems = load_config(root, overrides or None)
    report.extend(problems)
    report.extend(find_links(root, listing))
    if config is not None:
        show.language = config.language
    sources, problems = discover(root, listing)
    report.extend(problems)
    # validate
    show.stage(f"bestanden lezen ({len(sources)})", f"reading files ({len(sources)})")
    entries: list[ContentEntry] = []
    unreadable: list[SourceFile] = []
    if read is not read_entry:
        if meanwhile is not None:
            meanwhile()
        read_all = [read(source) for source in sources]
    elif cache is not None:
        read_all = read_cached(cache, sources, jobs, meanwhile)
    else:
        read_all = list(parallel_iter(read, sources, jobs, meanwhile))
    for source, (entry, problems) in zip(sources, read_all, strict=True):
        if entry is None:
            unreadable.append(source)
        report.extend(problems)
        if entry is not None:
            entries.append(entry)
    report.items = suggest_slugs(report.items, entries)
    outlines, problems = load_outlines(root)
    report.extend(problems)
    snapshots, problems = load_snapshots(root)
    report.extend(problems)
    if config is None:
        return None, report
    if config.git_dates:
        entries = with_git_dates(entries, last_commit_dates(root))
    report.extend(theme_string_problems(root, config.theme))
    # graph
    graph, problems = link(config, entries, now, drafts=drafts,
                           unreadable=frozenset((s.kind, s.slug) for s in unreadable),
                           outlines={o.slug: o for o in outlines}, snapshots=snapshots,
                           walks=walks)
    report.extend(problems)
    report.extend(check_graph(graph, root, outlines))
    return Linked(root, config, graph, tuple(unreadable)), report
