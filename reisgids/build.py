"""The stages of a build, in order, and nothing else: each hands the next a value.

    read_site()   load      reisgids.yml, content files, outlines, snapshots   (source/, config)
                  validate  each file against its kind's model                 (validate.py)
                  graph     link references, assign URLs, check the graph      (graph/)
    load_site()   markdown  every body to safe HTML, links checked             (markdown/)
                  plan      every page and its URL, collisions found           (plan/)
    build()       render    pages through the theme, feeds, calendar, data     (render/)
                  write     into a staging folder, swapped in whole            (write.py)
                  index     Pagefind over the staged pages                     (search.py)

read_site() lives in read_site.py (importing none of the later stages); load_read() is
load_site() after it. `reisgids check` and `build` call those two apart (the CLI imports
this module while the files are read), `serve` calls load_site(); `build` and `serve` then
run build() when nothing was found wrong. Tests call the same functions. build_to_index()
and index_handed() are build() in two processes (cli.py: a big site's search index is made
after the process that built the site has ended).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reisgids.build_date import resolve_now as resolve_now  # re-exported (serve)
from reisgids.cache import BuildCache
from reisgids.config import SiteConfig
from reisgids.editor.admin import ADMIN, admin_files, vendor_dir
from reisgids.errors import Diagnostic, Report
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.routes import pattern_for
from reisgids.incremental import Incremental, Notes, Unfinished
from reisgids.markdown import RenderedBody, render_bodies
from reisgids.memory import release as release_memory
from reisgids.output_budget import OutputBudget
from reisgids.plan.pages import site_pages
from reisgids.plan.planned_urls import planned_urls
from reisgids.plan.replan import KeptPlan
from reisgids.plan.site_plan import SitePlan, plan_site, translator
from reisgids.pool import in_background
from reisgids.progress import Progress
from reisgids.read_site import Linked, Reader, read_site
from reisgids.render.images import WithImages, prepare_images
from reisgids.render.outputs import Rest, render_site_pages
from reisgids.render.theme import Theme, environment, find_theme
from reisgids.search import index_site
from reisgids.source.listing import Listing
from reisgids.stage_pages import StagePages
from reisgids.validate import read_entry
from reisgids.write import Stage, staged, swap_staged


@dataclass(frozen=True)
class Site:
    root: Path
    config: SiteConfig
    graph: ContentGraph
    bodies: dict[Key, RenderedBody]
    theme: Theme
    plan: SitePlan | None  # None when an earlier stage found errors: build() never runs then


def admin_ahead(config: SiteConfig, jobs: int, run: Incremental | None
                ) -> Callable[[], dict[str, bytes]]:
    """The editor's admin/ files, made in a forked process (pool.in_background) while this
    one makes the outputs besides pages; the function returned waits for them and takes
    the cache's notes the child made. The child reads only the configuration, so it keeps
    sharing its memory with this process; one that made the feeds and open data (as
    before) touched every entry and held ~400 MiB of its own at 10,000 entries
    (docs/speed.md, "Search at 10,000 entries")."""
    if jobs <= 1:  # made here when asked for (serve): no notes to hand over
        return lambda: run.admin_files(config) if run is not None else admin_files(config)

    def make() -> tuple[dict[str, bytes], Notes | None, tuple[str, Any] | None]:
        if run is None:
            return admin_files(config), None, None
        mark = run.notes()
        files = run.admin_files(config)
        return files, run.notes_since(mark), run.cache.derived.get("admin")

    made = in_background(make, jobs)

    def result() -> dict[str, bytes]:
        files, notes, kept = made()
        if run is not None and notes is not None:
            run.take_notes(notes)  # the same notes twice (made here) change nothing
            if kept is not None:
                run.cache.derived["admin"] = kept
        return files

    return result


Others = tuple[dict[str, bytes], list[Diagnostic]]
"""The outputs besides pages and the problems making them found."""


def others_here(rest: Rest, pages: Mapping[str, bytes], run: Incremental | None) -> Others:
    """The outputs besides pages, made in this process while the pool renders the pages
    (render_pages' `meanwhile`): the pages' paths are all they need of them. Its CPU would
    otherwise sit idle waiting for the workers."""
    return run.outputs(rest, pages, defer=False) if run is not None else rest.files(pages)


def static_files(root: Path) -> frozenset[str]:
    static = root / "static"
    if not static.is_dir():
        return frozenset()
    return frozenset(p.relative_to(root).as_posix() for p in static.rglob("*")
                     if p.is_file() and not p.is_symlink())


def load_site(root: Path, *, now: date, drafts: bool = False, base_url: str | None = None,
              jobs: int = 1, cache: BuildCache | None = None, read: Reader = read_entry,
              progress: Progress | None = None, git_dates: bool = False,
              kept: KeptPlan | None = None, listing: Listing | None = None
              ) -> tuple[Site | None, Report]:
    """read_site(), then stages markdown and plan: everything `check` reports.

    `jobs`, `cache`: see build(); `read`: how one file is read (serve remembers files that
    did not change); `progress`: stages shown on a terminal; `git_dates`: an entry's
    `updated` from git when it has none (also `git_dates: true` in reisgids.yml); `kept`
    (serve): the previous plan, so that only pages whose inputs changed are planned;
    `listing` (serve): its scan of the folders (read_site)."""
    show = progress or Progress(False)
    linked, report = read_site(root, now=now, drafts=drafts, base_url=base_url, read=read,
                               progress=show, git_dates=git_dates, jobs=jobs,
                               cache=cache, walks=kept.walks if kept is not None else None,
                               listing=listing)
    return load_read(linked, report, jobs=jobs, cache=cache, progress=show, kept=kept)


def load_read(linked: Linked | None, report: Report, *, jobs: int = 1,
              cache: BuildCache | None = None, progress: Progress | None = None,
              kept: KeptPlan | None = None) -> tuple[Site | None, Report]:
    """load_site() after read_site(): stages markdown and plan. The CLI calls the two
    apart, to import this module while the files are read (read_site.py)."""
    if linked is None:
        return None, report
    show = progress or Progress(False)
    root, config, graph = linked.root, linked.config, linked.graph
    # markdown
    show.stage(f"Markdown omzetten ({len(graph.entries)})",
               f"converting Markdown ({len(graph.entries)})")
    theme = find_theme(root, config.theme, config.language)
    translate = translator(theme.strings)
    if kept is not None:
        kept.theme = json.dumps(theme.strings, sort_keys=True)
    lists = site_pages(graph, translate, kept)  # once: their URLs are checked links too
    bodies, problems = render_bodies(graph, static_files(root), {
        s.rel: pattern_for(config, s.kind).replace("{slug}", s.slug)
        for s in linked.unreadable}, planned_urls(graph, lists), jobs=jobs, memo=cache)
    report.extend(problems)
    # plan: only over a graph without errors (views trust that references resolve)
    if report.has_errors:
        return Site(root, config, graph, bodies, theme, None), report
    plan, problems = plan_site(graph, bodies, translate, kept, lists)
    report.extend(problems)
    return Site(root, config, graph, bodies, theme, plan), report


def build(site: Site, out: Path, *, search: bool = True, jobs: int = 1,
          cache: BuildCache | None = None, defer_search: bool = False,
          in_place: bool = False, defer_rest: bool = False,
          progress: Progress | None = None) -> Report:
    """Stages render, write and index. `jobs`: processes for rendering; `cache`: reuse what
    earlier builds made (the output is the same bytes either way); `defer_search` (serve,
    with a cache): keep the previous search index and leave `cache.index_stale` set instead
    of running Pagefind now; `in_place` (serve, with a cache): update `out` file by file
    instead of swapping it; `defer_rest` (serve, in place): leave the outputs besides pages
    in `cache.pending`."""
    return _build(site, out, search, jobs, cache, defer_search, in_place, defer_rest,
                  progress, hand_over=False)[0]


@dataclass(frozen=True)
class Handover:
    """A staged output that waits for its search index (build_to_index): the process holding
    the output's lock indexes it and swaps it in (index_handed)."""

    stage: Stage
    unfinished: Unfinished | None  # with a cache: what Incremental.resume() needs


def build_to_index(site: Site, out: Path, *, jobs: int = 1, cache: BuildCache | None = None,
                   progress: Progress | None = None) -> tuple[Report, Handover | None]:
    """build() up to its search index, for a caller that holds the lock of `out` and makes
    the index in another process (cli.py): the stage is left for index_handed(). No
    Handover when the build failed (its stage is gone) or wrote nothing."""
    return _build(site, out, True, jobs, cache, False, False, False, progress, hand_over=True)


def index_handed(handover: Handover, out: Path, root: Path, language: str,
                 cache: BuildCache | None, progress: Progress | None = None
                 ) -> list[Diagnostic]:
    """The end of build_to_index()'s build, in the process that holds the lock of `out`:
    index the stage, swap it in and record it in `cache` (which need not hold what the
    build read: only its outputs are saved). As in build(), a search index that cannot be
    made is an error: the stage is removed and the previous output stays as it was."""
    show = progress or Progress(False)
    show.stage("zoekindex maken", "making the search index")
    stage = handover.stage
    try:
        run = Incremental.resume(cache, root, out, handover.unfinished) \
            if cache is not None and handover.unfinished is not None else None
        problems = _index(run, stage.root, language)
        if any(p.is_error for p in problems):
            shutil.rmtree(stage.root, ignore_errors=True)
            return problems
        swap_staged(stage, out)
    except BaseException:
        shutil.rmtree(stage.root, ignore_errors=True)
        raise
    if run is not None:
        run.finish(indexed=True)
    show.done()
    return problems


def _index(run: Incremental | None, stage: Path, language: str, defer_search: bool = False
           ) -> list[Diagnostic]:
    """The search index of `stage`: through the build cache (carried over when no page
    changed) or, without one, made."""
    return run.index(stage, language=language, defer_search=defer_search) if run is not None \
        else index_site(stage, language)


def _build(site: Site, out: Path, search: bool, jobs: int, cache: BuildCache | None,
           defer_search: bool, in_place: bool, defer_rest: bool, progress: Progress | None,
           *, hand_over: bool) -> tuple[Report, Handover | None]:
    if site.plan is None:
        raise ValueError("build() needs a site that load_site() planned (it found no errors)")
    show = progress or Progress(False)
    run = Incremental(cache, site.root, out) if cache is not None else None
    stages = _Stages(site, out, run, search, jobs, defer_search, in_place, defer_rest, show,
                     hand_over)
    if jobs > 1 and not in_place:
        # the pool's workers write the pages they render into the stage (stage_pages.py),
        # so it is made first; a build that fails throws it away (Stage.discard)
        with staged(out, locked=hand_over) as stage:
            report, written = stages.render_and_write(stage)
    else:
        report, written = stages.render_and_write(None)
    if stages.handed:
        handed = stages.handed[0]
        return report, Handover(handed, run.unfinished() if run is not None else None)
    if written:
        if run is not None:
            run.finish(indexed=search and not report.has_errors)
        show.done()
    return report, None


@dataclass(frozen=True)
class _Stages:
    """build()'s arguments, for its stages render and write."""

    site: Site
    out: Path
    run: Incremental | None
    search: bool
    jobs: int
    defer_search: bool
    in_place: bool
    defer_rest: bool
    show: Progress
    hand_over: bool  # build_to_index(): leave the stage for index_handed()
    handed: list[Stage] = field(default_factory=list)  # the stage left, when it was

    def render_and_write(self, stage: Stage | None) -> tuple[Report, bool]:
        """The report, and whether anything was written (the build found no error).
        `stage`: made before rendering, for the workers to write their pages into."""
        site, out, run, jobs, show = self.site, self.out, self.run, self.jobs, self.show
        assert site.plan is not None  # build() made sure
        search, defer_search, in_place = self.search, self.defer_search, self.in_place
        report = Report()
        language = site.config.language
        # render
        show.stage("pagina's maken", "making pages")
        theme = site.theme
        env = run.environment(theme) if run is not None else environment(theme)
        # responsive sizes of every image; the previous output is the cache of encoded files
        images, image_files, problems = prepare_images(site.root, site.graph,
                                                       out if out.is_dir() else None)
        report.extend(problems)
        env.globals["images"] = images
        budget = OutputBudget.for_site(site.root)  # total output is bounded (output_budget.py)
        sink = StagePages(stage, budget, run.link_same if run is not None else None) \
            if stage is not None else None

        def failed() -> tuple[Report, bool]:
            if stage is not None:
                stage.discard()  # the previous output stays as it was
            return report, False

        # feeds, open data, sitemap, PDFs, redirects: serve makes them after the reload
        deferred = self.defer_rest and in_place
        editor = site.config.editor.enabled  # the web editor at /admin/ (docs/editor.md)
        early: list[Others] = []  # the outputs besides pages, made while the pool rendered
        # admin/ needs only the configuration: made in a process of its own (a fork that
        # ends at once) while the pool renders and this one makes the other outputs, which
        # is the longest of the three (serve: made here, when asked for)
        admin = admin_ahead(site.config, 1 if deferred else jobs, run) if editor else dict
        try:
            files, problems, rest = render_site_pages(
                site.graph, site.plan, site.bodies, env, theme, jobs=jobs, budget=budget,
                reuse=WithImages(run, images) if run is not None else None,
                meanwhile=None if deferred or jobs <= 1 else
                lambda rest, paths: early.append(others_here(rest, paths, run)),
                sink=sink)
            report.extend(problems)
            if any(p.code == "output-too-large" for p in problems):
                return failed()  # the pages outgrew the budget: making the rest only adds
            if early and not problems:  # else made again: a failed page leaves its path free
                more, problems = early[0]
            else:
                more, problems = run.outputs(rest, files, defer=deferred) if run is not None \
                    else rest.files(files)
        finally:
            made = admin()  # waited for either way: no process is left behind
        files.update(more)
        report.extend(problems)
        if report.has_errors:
            return failed()
        files.update(image_files)  # /_img/ is reisgids' own folder: no page lives there
        files.update(made)  # one dict of every file: the build lets go of it before indexing
        static = [*((d, "assets") for d in theme.static_dirs),
                  (site.root / "static", "static"),
                  *([(vendor_dir(), ADMIN)] if editor else [])]
        staged_pages = sink.staged if sink is not None else {}
        # before anything else is written (the pages in the stage fitted as they came)
        report.extend(budget.check(files, static, {},
                                   {p: page.size for p, page in staged_pages.items()}))
        if report.has_errors:
            return failed()
        # write and index
        if run is not None and in_place:
            report.extend(run.update_in_place(files, static, search=search,
                                              language=language, defer_search=defer_search))
            return report, True

        def write(stage: Stage) -> None:
            for source, prefix in static:
                stage.copy_tree(source, prefix)
            show.stage(f"schrijven ({len(files)} bestanden)" + (" en zoekindex" if search
                                                                 else ""),
                       f"writing ({len(files)} files)" + (" and search index" if search
                                                          else ""))
            if run is not None:
                run.stage(stage.root, files, staged_pages)
            else:
                stage.write_files({p: b for p, b in files.items() if p not in staged_pages})
            if search and self.hand_over:
                stage.hand_over()  # indexed in the process that holds the lock (cli.py)
                self.handed.append(stage)
            elif search:
                # the bytes are on disk now; Pagefind runs beside this process, so give
                # their memory back first (the whole build stays under 1 GiB at 10k)
                files.clear()
                more.clear()
                release_memory()
                report.extend(_index(run, stage.root, language, defer_search))
                if report.has_errors:  # no search index: the previous output stays
                    stage.discard()

        if stage is not None:
            write(stage)
        else:
            with staged(out, locked=self.hand_over) as new:
                write(new)
        return report, not report.has_errors
