"""The order of the stages, and nothing else.

load_site(): read, validate and link everything, and check the links in bodies.
build():     render, stage, index, swap. It only runs when load_site() found no errors.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from reisgids.config import SiteConfig, load_config
from reisgids.errors import Report
from reisgids.graph.checks import check_graph
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.link import link
from reisgids.graph.routes import pattern_for
from reisgids.graph.suggest import suggest_slugs
from reisgids.model.document import ContentEntry
from reisgids.render.bodies import render_bodies
from reisgids.render.images import prepare_images
from reisgids.render.markdown import RenderedBody
from reisgids.render.outputs import render_site
from reisgids.render.planned_urls import planned_urls
from reisgids.render.theme import environment, find_theme
from reisgids.search import index_site
from reisgids.source.discover import SourceFile, discover
from reisgids.source.outlines import load_outlines
from reisgids.validate import read_entry
from reisgids.write import publish, write_files


@dataclass(frozen=True)
class Site:
    root: Path
    config: SiteConfig
    graph: ContentGraph
    bodies: dict[Key, RenderedBody]


def resolve_now(option: date | None) -> date:
    """--now, else the date of SOURCE_DATE_EPOCH, else today. Always a date.

    Raises ValueError when SOURCE_DATE_EPOCH is a number no date can hold."""
    if option is not None:
        return option
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch} ligt buiten het bereik van een "
                             "datum") from None
    return date.today()


def static_files(root: Path) -> frozenset[str]:
    static = root / "static"
    if not static.is_dir():
        return frozenset()
    return frozenset(p.relative_to(root).as_posix() for p in static.rglob("*")
                     if p.is_file() and not p.is_symlink())


def load_site(root: Path, *, now: date, drafts: bool = False, base_url: str | None = None
              ) -> tuple[Site | None, Report]:
    report = Report()
    config, problems = load_config(root, {"base_url": base_url} if base_url else None)
    report.extend(problems)
    sources, problems = discover(root)
    report.extend(problems)
    entries: list[ContentEntry] = []
    unreadable: list[SourceFile] = []  # exist, but failed to load: not "missing" elsewhere
    for source in sources:
        entry, problems = read_entry(source)
        if entry is None:
            unreadable.append(source)
        report.extend(problems)
        if entry is not None:
            entries.append(entry)
    report.items = suggest_slugs(report.items, entries)
    outlines, problems = load_outlines(root)
    report.extend(problems)
    if config is None:
        return None, report
    graph, problems = link(config, entries, now, drafts=drafts,
                           unreadable=frozenset((s.kind, s.slug) for s in unreadable),
                           outlines={o.slug: o for o in outlines})
    report.extend(problems)
    report.extend(check_graph(graph, root, outlines))
    bodies, problems = render_bodies(graph, static_files(root), {
        s.rel: pattern_for(config, s.kind).replace("{slug}", s.slug) for s in unreadable},
        planned_urls(graph))
    report.extend(problems)
    return Site(root, config, graph, bodies), report


def build(site: Site, out: Path, *, search: bool = True) -> Report:
    report = Report()
    theme = find_theme(site.root, site.config.theme, site.config.language)
    env = environment(theme)
    # responsive sizes of every image; the previous output is the cache of encoded files
    images, image_files, problems = prepare_images(site.root, site.graph,
                                                   out if out.is_dir() else None)
    report.extend(problems)
    env.globals["images"] = images
    files, problems = render_site(site.graph, site.bodies, env, theme)
    report.extend(problems)
    if report.has_errors:
        return report
    files.update(image_files)  # /_img/ is reisgids' own folder: no page lives there

    def fill(stage: Path) -> None:
        write_files(stage, files)
        if search:
            report.extend(index_site(stage, site.config.language))

    publish(out, fill, [*((d, "assets") for d in theme.static_dirs),
                        (site.root / "static", "static")])
    return report
