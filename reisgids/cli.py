"""The reisgids command. Exit codes: 0 ok, 1 content errors, 2 usage errors."""

from __future__ import annotations

import gc
import io
import os
import sys
import traceback
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from datetime import date
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from reisgids import __version__
from reisgids.errors import Report
from reisgids.excerpt import SourceLines, render
from reisgids.outfolder import OutputRefused, refusal
from reisgids.progress import Progress, wanted

if TYPE_CHECKING:
    from reisgids.build import Handover, Site
    from reisgids.cache import BuildCache

# The stages (reisgids.build and what it imports: pydantic, Jinja, Markdown, the planner)
# are imported by the commands that run them: `--version`, `--help` and a build whose
# inputs did not change (unchanged.replay) never load them (docs/speed.md, "One edited
# entry: start-up, exit, cards, open data").

F = TypeVar("F", bound=Callable[..., Any])
EXIT_CONTENT = 1


def _parse_now(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is geen datum; schrijf JJJJ-MM-DD") from None


def site_options(func: F) -> F:
    func = click.option("--now", callback=_parse_now, metavar="JJJJ-MM-DD",
                        help="Datum waartegen publicatie en versheid worden beoordeeld.")(func)
    func = click.option("--strict", is_flag=True,
                        help="Waarschuwingen tellen als fouten.")(func)
    func = click.option("--drafts", is_flag=True, help="Neem concepten (draft: true) mee.")(func)
    return click.argument("site", default=".", type=click.Path(
        exists=True, file_okay=False, path_type=Path))(func)


def print_report(report: Report, language: str, *, strict: bool,
                 root: Path | None = None) -> None:
    sources = SourceLines(root)
    for diagnostic in report.sorted():
        click.echo(render(diagnostic, language, sources), err=True)
    if report.items:
        click.echo(report.summary(language), err=True)
    if strict and report.items and not report.has_errors:
        click.echo("--strict: waarschuwingen tellen als fouten" if language != "en"
                   else "--strict: warnings count as errors", err=True)


SOURCES = ("content", "static", "data", "themes", "reisgids.yml")


def check_out(site: Path, out: Path) -> None:
    """The output folder is replaced whole, so it may not be the site, hold the site, or lie
    inside the site's sources: `build . --out .` would otherwise delete the sources."""
    root, target = site.resolve(), out.resolve()
    sources = [root / name for name in SOURCES]
    if target == root or target in root.parents or any(
            target == source or source in target.parents for source in sources):
        raise click.UsageError(
            f"--out {out}: de uitvoermap wordt in zijn geheel vervangen en mag de site of haar "
            "bronnen (content/, static/, data/, themes/) niet bevatten; kies een aparte map, "
            "bijvoorbeeld output/")
    reason = refusal(out)  # checked again, under the output's lock, before the swap
    if reason is not None:
        raise click.UsageError(f"--out: {reason}")


def _language(site: Site | None) -> str:
    return site.config.language if site is not None else "nl"


def emit_report(report: Report, language: str, *, strict: bool, fmt: str,
                output: Path | None, root: Path | None = None) -> None:
    """The findings in the chosen format: github on stdout (GitHub reads workflow commands
    there), gitlab and json on stdout or into --output. The plain lines always reach stderr
    for the people reading the log: GitHub shows at most 10 annotations per kind per step,
    and its log shows a workflow command without its file and line."""
    from reisgids import report_formats

    print_report(report, language, strict=strict, root=root)
    if fmt == "plain":
        return
    items = report.sorted()
    if fmt == "github":
        click.echo(report_formats.github(items, language), nl=False)
        return
    text = (report_formats.gitlab(items, language) if fmt == "gitlab"
            else report_formats.as_json(items, language, report.summary(language)))
    if output is None:
        click.echo(text, nl=False)
    else:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise click.UsageError(f"--output {output}: {exc.strerror}") from None


def run_load(root: Path, now: date | None, drafts: bool, strict: bool,
             base_url: str | None = None, *, jobs: int = 1,
             cache: BuildCache | None = None, progress: Progress | None = None,
             git_dates: bool = False) -> Site:
    """Load and check; print the findings; exit 1 when they stop the build."""
    return load_and_report(root, now, drafts, strict, base_url, jobs=jobs, cache=cache,
                           progress=progress, git_dates=git_dates)[0]


def done_line(report: Report, language: str) -> str:
    """The last line of `check`: honest about warnings that did not stop it."""
    warnings = sum(1 for d in report.sorted() if not d.is_error)
    if language == "en":
        return (f"no errors; {warnings} warning{'s' if warnings != 1 else ''} above"
                if warnings else "no errors or warnings found")
    return (f"geen fouten; wel {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}"
            " hierboven" if warnings else "geen fouten of waarschuwingen gevonden")


def load_and_report(root: Path, now: date | None, drafts: bool, strict: bool,
                    base_url: str | None = None, *, jobs: int = 1,
                    cache: BuildCache | None = None, progress: Progress | None = None,
                    fmt: str = "plain", output: Path | None = None, git_dates: bool = False
                    ) -> tuple[Site, Report]:
    from reisgids.build_date import resolve_now
    from reisgids.read_site import read_site

    try:
        day = resolve_now(now)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    # the later stages are imported while other processes read the files (read_site.py)
    linked, report = read_site(root, now=day, drafts=drafts, base_url=base_url, jobs=jobs,
                               cache=cache, progress=progress, git_dates=git_dates,
                               meanwhile=lambda: import_module("reisgids.build"))
    from reisgids.build import load_read

    site, report = load_read(linked, report, jobs=jobs, cache=cache, progress=progress)
    if progress is not None:
        progress.done()
    language = _language(site)
    emit_report(report, language, strict=strict, fmt=fmt, output=output, root=root)
    if site is None or report.fails(strict=strict):
        sys.exit(EXIT_CONTENT)
    return site, report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="reisgids")
def cli() -> None:
    """reisgids: bouw een reisgids zorg en welzijn uit Markdown en YAML."""


@cli.command("check")
@site_options
@click.option("--format", "fmt", type=click.Choice(["plain", "github", "gitlab", "json"]),
              default="plain", show_default=True,
              help="plain voor mensen; github: meldingen op de regels van een pull request; "
                   "gitlab: Code Quality-rapport; json voor andere hulpmiddelen.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Schrijf het gitlab- of json-rapport naar dit bestand (anders stdout).")
def check_command(site: Path, now: date | None, strict: bool, drafts: bool, fmt: str,
                  output: Path | None) -> None:
    """Lees en controleer alle inhoud, zonder te bouwen."""
    if output is not None and fmt not in ("gitlab", "json"):
        raise click.UsageError("--output hoort bij --format gitlab of --format json")
    loaded, report = load_and_report(site, now, drafts, strict, fmt=fmt, output=output)
    if fmt in ("plain", "github") or output is not None:
        # stdout stays pure JSON for --format gitlab|json without --output
        click.echo(done_line(report, loaded.config.language), err=fmt != "plain")


@cli.command("build")
@site_options
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Uitvoermap (standaard: SITE/output).")
@click.option("--base-url", default=None, help="Overschrijft base_url uit reisgids.yml.")
@click.option("--no-search", is_flag=True, help="Sla de zoekindex over (sneller).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Aantal processen (standaard: de CPU's die dit proces mag gebruiken).")
@click.option("--no-cache", is_flag=True,
              help="Gebruik en vul de bouwcache (.reisgids-cache/) niet.")
@click.option("--quiet", "-q", is_flag=True, help="Geen voortgang tonen.")
@click.option("--git-dates", is_flag=True,
              help="Zonder 'updated:' geldt de datum van de laatste commit van het bestand "
                   "(ook via git_dates: true in reisgids.yml).")
def build_command(site: Path, now: date | None, strict: bool, drafts: bool, out: Path | None,
                  base_url: str | None, no_search: bool, jobs: int | None,
                  no_cache: bool, quiet: bool, git_dates: bool) -> None:
    """Bouw de site naar de uitvoermap; bij fouten blijft de vorige uitvoer staan."""
    from reisgids.build_date import resolve_now
    from reisgids.cache_open import open_cache
    from reisgids.unchanged import inputs_key, replay

    target = out if out is not None else site / "output"
    check_out(site, target)
    # the outputs file only: a build with nothing to do needs no more (unchanged.py)
    cache = None if no_cache else open_cache(site, read=False)
    progress = Progress(wanted(quiet))
    try:
        day = resolve_now(now)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    # every input as last time and the output untouched: nothing to do (unchanged.py)
    key = inputs_key(site, now=day, drafts=drafts, base_url=base_url, search=not no_search,
                     git_dates=git_dates) if cache is not None else None
    same = replay(cache, target, key) if cache is not None else None
    pages: int | None = None  # counted from a walk of the output made anyway, if one is
    if same is not None:
        loaded_report, report, language, pages = same
        emit_report(loaded_report, language, strict=strict, fmt="plain", output=None,
                    root=site)
        if loaded_report.fails(strict=strict):
            sys.exit(EXIT_CONTENT)
    else:
        from reisgids.pool import available_cpus
        from reisgids.unchanged import remember

        workers = jobs if jobs is not None else available_cpus()
        if cache is not None:
            cache.autosave = False  # saved once, below, with this build's record
        options = _Options(site, target, day, drafts, strict, base_url, workers, cache,
                           progress, git_dates)
        try:
            if not no_search and index_apart(site):
                loaded_report, report, language = _build_apart(options)
            else:
                loaded_report, report, language = _build_here(options, search=not no_search)
        except OutputRefused as exc:
            raise click.UsageError(f"--out: {exc}") from None
        if cache is not None and not report.has_errors:
            pages = remember(cache, site, target, key, loaded_report, report, language)
    print_report(report, language, strict=strict, root=site)
    if report.fails(strict=strict):
        sys.exit(EXIT_CONTENT)
    if pages is None:
        pages = sum(1 for _ in target.rglob("*.html"))
    click.echo(f"{pages} pagina's gebouwd in {target}" if language != "en"
               else f"built {pages} pages in {target}")


@dataclass(frozen=True)
class _Options:
    """build_command's options, for its two ways of building."""

    site: Path
    target: Path
    day: date
    drafts: bool
    strict: bool
    base_url: str | None
    workers: int
    cache: BuildCache | None
    progress: Progress
    git_dates: bool


def _load(o: _Options) -> tuple[Site, Report]:
    """load_and_report(), with what the cache holds of files read and bodies rendered."""
    if o.cache is not None:
        o.cache.load_read(o.site)
    return load_and_report(o.site, o.day, o.drafts, o.strict, o.base_url, jobs=o.workers,
                           cache=o.cache, progress=o.progress, git_dates=o.git_dates)


def _build_here(o: _Options, *, search: bool) -> tuple[Report, Report, str]:
    """Load, check and build in this process: (load report, build report, language)."""
    loaded, loaded_report = _load(o)
    # imported by load_and_report while the files were read, not before (read_site.py)
    from reisgids.build import build

    report = build(loaded, o.target, search=search, jobs=o.workers, cache=o.cache,
                   progress=o.progress)
    return loaded_report, report, loaded.config.language


# A site with this many content files or more is built in a process of its own that ends
# before the search index is made, which this one makes: the hundreds of MiB the build
# held (the site, its plan, the cache) are gone while Pagefind runs (docs/speed.md).
INDEX_APART_FROM = 2000


def index_apart(site: Path) -> bool:
    """Whether `site` holds INDEX_APART_FROM content files or more (counted until then)."""
    if INDEX_APART_FROM <= 0:
        return True
    count = 0
    folders = [site / "content"]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(Path(entry.path))
                    elif entry.name.endswith(".md"):
                        count += 1
                        if count >= INDEX_APART_FROM:
                            return True
        except OSError:
            continue
    return False


def _build_apart(o: _Options) -> tuple[Report, Report, str]:
    """As _build_here(), with the search index made here after the process that loaded and
    built the site has ended: that process stages the output and saves what it read in the
    cache; this one holds the output's lock throughout, indexes the stage, swaps it in and
    records the outputs. What the other process printed is printed here."""
    from reisgids.outfolder import check_output, output_lock
    from reisgids.pool import in_child

    target = o.target.absolute()
    check_output(target)  # refused before waiting for the lock, as write.staged() does
    with output_lock(target):
        # what indexes the stage here is imported while the other process builds
        ended = in_child(lambda: _staged_apart(o),
                         meanwhile=lambda: import_module("reisgids.build"))
        o.progress.go_on(ended.built[2] if ended.built is not None else o.progress.language)
        click.echo(ended.printed, nl=False)
        click.echo(ended.printed_err, nl=False, err=True)
        if ended.exit_code is not None:
            sys.exit(ended.exit_code)
        assert ended.built is not None
        loaded_report, report, language, handover = ended.built
        if handover is not None:
            from reisgids.build import index_handed

            report.extend(index_handed(handover, o.target, o.site, language, o.cache,
                                       o.progress))
    return loaded_report, report, language


@dataclass(frozen=True)
class _Ended:
    """What the process of _staged_apart() hands back."""

    printed: str  # on stdout
    printed_err: str  # on stderr (the diagnostics; progress is shown as it goes)
    exit_code: int | str | None = None  # it stopped (content errors): exit with this
    built: tuple[Report, Report, str, Handover | None] | None = None


def _staged_apart(o: _Options) -> _Ended:
    """In the process _build_apart() forks: load, check, build up to the search index and
    save what was read in the cache. Its output is caught and handed back (so that it is
    printed by the command's own process, as click's test runner sees it)."""
    printed, printed_err = io.StringIO(), io.StringIO()
    with redirect_stdout(printed), redirect_stderr(printed_err):
        try:
            loaded, loaded_report = _load(o)
            from reisgids.build import build_to_index

            report, handover = build_to_index(loaded, o.target, jobs=o.workers,
                                              cache=o.cache, progress=o.progress)
            if o.cache is not None and not report.has_errors:
                o.cache.save(o.site, outputs=False)  # the outputs: recorded after the swap
        except SystemExit as stop:
            return _Ended(printed.getvalue(), printed_err.getvalue(), exit_code=stop.code)
    return _Ended(printed.getvalue(), printed_err.getvalue(),
                  built=(loaded_report, report, loaded.config.language, handover))


def _kinds_epilog() -> str:
    from reisgids.model.kinds import SPECS

    listed = "\n".join(f"  {spec.kind:<16} {spec.name[0]}" for spec in SPECS)
    return ("\b\nSoorten (KIND), met hun Nederlandse naam:\n" + listed
            + "\n\n\bVoorbeeld: reisgids new deal --title \"Samen eten in West\"")


class _WithKinds(click.Command):
    """`new --help` lists the kinds: read from the models when the help is shown, not at
    every start (the models are a third of reisgids' import time)."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.epilog = _kinds_epilog()
        super().format_epilog(ctx, formatter)


@cli.command("new", cls=_WithKinds)
@click.argument("kind")
@click.argument("slug", required=False)
@click.option("--site", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("."), help="De site (standaard: deze map).")
@click.option("--title", default="", help="De echte titel; zonder SLUG wordt de bestandsnaam "
              "ervan gemaakt.")
def new_command(kind: str, slug: str | None, site: Path, title: str) -> None:
    """Maak een nieuw inhoudsbestand (een concept, draft: true) met alle velden en uitleg.

    SLUG is de bestandsnaam zonder .md, bijvoorbeeld samen-eten."""
    from reisgids.scaffold import new_file

    new_file(site, kind, slug, title=title)


@cli.command("init")
@click.argument("folder", metavar="[MAP]", default=".",
                type=click.Path(file_okay=True, path_type=Path))
@click.option("--title", default=None, help="De naam van de gids (later te wijzigen in "
              "reisgids.yml).")
@click.option("--base-url", default=None, help="Het adres waar de gids komt te staan.")
def init_command(folder: Path, title: str | None, base_url: str | None) -> None:
    """Begin een nieuwe gids in een lege (of nieuwe) map."""
    from reisgids.init import InitRefused, init_site

    try:
        written = init_site(folder, title=title, base_url=base_url)
    except InitRefused as exc:
        raise click.UsageError(str(exc)) from None
    steps = [] if folder == Path(".") else [f"cd {folder}"]
    steps += ["reisgids serve                       de gids op http://127.0.0.1:8000",
              "reisgids new deal mijn-eerste-deal   een eerste deal"]
    click.echo(f"nieuwe reisgids in {folder} ({len(written)} bestanden). Verder:\n"
               + "".join(f"  {step}\n" for step in steps)
               + "Lees README.md in de nieuwe map voor de volgende stappen.")


@cli.command("schema")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("schema"),
              help="Map voor de JSON Schema-bestanden (standaard: schema/).")
def schema_command(out: Path) -> None:
    """Schrijf JSON Schema (draft-07) per soort, voor editors' YAML-hulpmiddelen."""
    from reisgids.schema import write_schemas

    written = write_schemas(out)
    click.echo(f"{len(written)} schema's geschreven in {out}")


@cli.group("compass")
def compass_group() -> None:
    """Het reiskompas: edities vastleggen."""


@compass_group.command("freeze")
@click.argument("edition")
@click.argument("site", default=".", type=click.Path(exists=True, file_okay=False,
                                                      path_type=Path))
@click.option("--now", callback=_parse_now, metavar="JJJJ-MM-DD")
def freeze_command(edition: str, site: Path, now: date | None) -> None:
    """Bevries een vastgestelde editie: schrijf haar momentopname naast de editie."""
    from reisgids.build import load_site, resolve_now
    from reisgids.freeze import FREEZE_RESOLVES, FreezeRefused, freeze

    try:
        day = resolve_now(now)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    loaded, report = load_site(site, now=day)
    language = _language(loaded)
    blocking = Report([d for d in report.items if d.code not in FREEZE_RESOLVES])
    print_report(blocking, language, strict=False)
    if loaded is None or blocking.has_errors:
        sys.exit(EXIT_CONTENT)
    try:
        target = freeze(site, loaded.graph, edition)
    except FreezeRefused as refused:
        click.echo(refused.message.get(language), err=True)
        sys.exit(EXIT_CONTENT)
    rel = target.relative_to(site).as_posix()
    click.echo(f"momentopname geschreven: {rel}" if language != "en"
               else f"snapshot written: {rel}")


@cli.command("serve")
@click.argument("site", default=".", type=click.Path(exists=True, file_okay=False,
                                                      path_type=Path))
@click.option("--port", default=8000, show_default=True, help="Poort op 127.0.0.1.")
@click.option("--now", callback=_parse_now, metavar="JJJJ-MM-DD")
@click.option("--drafts", is_flag=True)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Uitvoermap (standaard: SITE/.reisgids-serve, nooit output/).")
@click.option("--editor", is_flag=True,
              help="De webredactie op /admin/, die in deze map opslaat (docs/editor.md).")
def serve_command(site: Path, port: int, now: date | None, drafts: bool,
                  out: Path | None, editor: bool) -> None:
    """Bouw, serveer op 127.0.0.1 en bouw opnieuw bij elke wijziging."""
    from reisgids.serve import serve

    if out is not None:
        check_out(site, out)
    serve(site, port=port, now=now, drafts=drafts, out=out, editor=editor)


def main() -> None:
    """Entry point: no Python traceback ever reaches an editor."""
    # A build makes millions of objects that live until it ends; with Python's default
    # threshold (700) the collector ran ~460 times per 1,000 entries, 0.2 s CPU; now ~150,
    # 0.06 s (docs/speed.md, "Cold build"). Pool workers inherit it.
    gc.set_threshold(10_000, 50, 100)
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:  # a bug in reisgids, not in the content
        click.echo("interne fout in reisgids (geen fout in de inhoud); meld dit aan de "
                   "ontwikkelaars met de details hieronder:", err=True)
        click.echo("".join(traceback.format_exc(limit=-3)), err=True)
        sys.exit(70)
    finally:
        # The command is over and the interpreter's last full collection would walk the whole
        # heap the build left (0.08-0.1 s of a 1,000-entry rebuild): frozen, it is skipped.
        # Nothing is lost by it: every file reisgids writes is closed where it is written,
        # the interpreter still flushes stdout and stderr, and only cyclic garbage would
        # have been finalised (docs/speed.md, the same section).
        gc.freeze()
