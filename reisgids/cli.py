"""The reisgids command. Exit codes: 0 ok, 1 content errors, 2 usage errors."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from reisgids.build import Site, build, load_site, resolve_now
from reisgids.cache import BuildCache
from reisgids.errors import Report
from reisgids.excerpt import SourceLines, render
from reisgids.incremental import open_cache
from reisgids.pool import available_cpus
from reisgids.progress import Progress, wanted

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


def _language(site: Site | None) -> str:
    return site.config.language if site is not None else "nl"


def run_load(root: Path, now: date | None, drafts: bool, strict: bool,
             base_url: str | None = None, *, jobs: int = 1,
             cache: BuildCache | None = None, progress: Progress | None = None) -> Site:
    """Load and check; print the findings; exit 1 when they stop the build."""
    return load_and_report(root, now, drafts, strict, base_url, jobs=jobs, cache=cache,
                           progress=progress)[0]


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
                    cache: BuildCache | None = None, progress: Progress | None = None
                    ) -> tuple[Site, Report]:
    try:
        day = resolve_now(now)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    site, report = load_site(root, now=day, drafts=drafts, base_url=base_url, jobs=jobs,
                             cache=cache, progress=progress)
    if progress is not None:
        progress.done()
    language = _language(site)
    print_report(report, language, strict=strict, root=root)
    if site is None or report.fails(strict=strict):
        sys.exit(EXIT_CONTENT)
    return site, report


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reisgids")
def cli() -> None:
    """reisgids: bouw een reisgids zorg en welzijn uit Markdown en YAML."""


@cli.command("check")
@site_options
def check_command(site: Path, now: date | None, strict: bool, drafts: bool) -> None:
    """Lees en controleer alle inhoud, zonder te bouwen."""
    loaded, report = load_and_report(site, now, drafts, strict)
    click.echo(done_line(report, loaded.config.language))


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
def build_command(site: Path, now: date | None, strict: bool, drafts: bool, out: Path | None,
                  base_url: str | None, no_search: bool, jobs: int | None,
                  no_cache: bool, quiet: bool) -> None:
    """Bouw de site naar de uitvoermap; bij fouten blijft de vorige uitvoer staan."""
    target = out if out is not None else site / "output"
    check_out(site, target)
    workers = jobs if jobs is not None else available_cpus()
    cache = None if no_cache else open_cache(site)
    progress = Progress(wanted(quiet))
    loaded = run_load(site, now, drafts, strict, base_url, jobs=workers, cache=cache,
                      progress=progress)
    report = build(loaded, target, search=not no_search, jobs=workers, cache=cache,
                   progress=progress)
    print_report(report, loaded.config.language, strict=strict, root=site)
    if report.fails(strict=strict):
        sys.exit(EXIT_CONTENT)
    pages = sum(1 for _ in target.rglob("*.html"))
    click.echo(f"{pages} pagina's gebouwd in {target}" if loaded.config.language != "en"
               else f"built {pages} pages in {target}")


def _kinds_epilog() -> str:
    from reisgids.model.help import KIND_LABELS
    from reisgids.source.kinds import KINDS

    listed = "\n".join(f"  {kind:<16} {KIND_LABELS[kind][0]}" for kind in KINDS)
    return ("\b\nSoorten (KIND), met hun Nederlandse naam:\n" + listed
            + "\n\n\bVoorbeeld: reisgids new deal --title \"Samen eten in West\"")


@cli.command("new", epilog=_kinds_epilog())
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
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception:  # a bug in reisgids, not in the content
        click.echo("interne fout in reisgids (geen fout in de inhoud); meld dit aan de "
                   "ontwikkelaars met de details hieronder:", err=True)
        click.echo("".join(traceback.format_exc(limit=-3)), err=True)
        sys.exit(70)
