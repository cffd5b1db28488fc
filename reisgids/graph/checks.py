"""Checks beyond the schema that need the whole graph or the calendar."""

from __future__ import annotations

from pathlib import Path

from reisgids.errors import Diagnostic, Location, Text, error, warning
from reisgids.graph.aliases import check_aliases
from reisgids.graph.content import ContentGraph
from reisgids.graph.frozen import decision_documents, frozen_editions
from reisgids.model.atlas import Deal
from reisgids.model.compass import AgendaItem
from reisgids.model.kind import Kind
from reisgids.model.learning import Lesson, Review
from reisgids.source.images import MAX_BYTES, RASTER, ImageProblem, read_header, too_large
from reisgids.source.outlines import OUTLINES_FILE, Outline

CITE_WINDOW_DAYS = 365


def check_graph(graph: ContentGraph, root: Path, outlines: list[Outline]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    found += _images(graph, root)
    found += _outlines(graph, outlines)
    found += _freshness(graph)
    found += _deals_without_review(graph)
    found += _uncited_lessons(graph)
    found += check_aliases(graph)
    found += frozen_editions(graph, root)
    found += decision_documents(graph, root)
    return found


def _images(graph: ContentGraph, root: Path) -> list[Diagnostic]:
    found = []
    for entry in graph.entries.values():
        image = entry.data.image
        if image and not (root / image.lstrip("/")).is_file():
            found.append(error("image-missing", Location(entry.rel, entry.line_of("image")), Text(
                f"de afbeelding {image} bestaat niet", f"the image {image} does not exist"),
                field="image", hint=Text(f"zet het bestand in {image.lstrip('/')}",
                                         f"put the file at {image.lstrip('/')}")))
        elif image and image.lower().endswith(RASTER) and entry.key in graph.published:
            problem = image_header_problem(root / image.lstrip("/"))
            if problem is not None:
                found.append(error(problem.code, Location(entry.rel, entry.line_of("image")),
                                   problem.message, field="image", hint=problem.hint))
    return found


def image_header_problem(path: Path) -> ImageProblem | None:
    """Too large, a bomb or not an image, judged from the header (build decodes the rest)."""
    try:
        if path.is_symlink() or path.stat().st_size > MAX_BYTES:
            return too_large(path.stat().st_size) if not path.is_symlink() else None
        read_header(path.read_bytes())
    except ImageProblem as problem:
        return problem
    except OSError:
        return None  # unreadable files are reported where the site is discovered
    return None


def _outlines(graph: ContentGraph, outlines: list[Outline]) -> list[Diagnostic]:
    return [warning("outline-orphan", Location(OUTLINES_FILE, o.line), Text(
        f"er is een omtrek voor '{o.slug}', maar geen wijk met die naam",
        f"there is an outline for '{o.slug}', but no area by that name"), field="id",
        hint=Text(f"maak content/areas/{o.slug}.md aan of haal de omtrek weg",
                  f"create content/areas/{o.slug}.md or remove the outline"))
        for o in outlines if (Kind.AREA, o.slug) not in graph.entries]


def _freshness(graph: ContentGraph) -> list[Diagnostic]:
    windows = graph.config.freshness
    if windows is None:
        return []
    found = []
    for kind in (Kind.PARTNER, Kind.INSTRUMENT):
        days = getattr(windows, kind)
        if days is None:
            continue
        for entry in graph.of_kind(kind):
            reviewed = getattr(entry.data, "reviewed", None)
            if reviewed is None:
                found.append(warning("stale-missing", Location(entry.rel), Text(
                    "er staat niet bij wanneer deze gegevens zijn gecontroleerd",
                    "it does not say when this data was last checked"), field="reviewed",
                    hint=Text(f"controleer de gegevens en zet 'reviewed: "
                              f"{graph.now.isoformat()}'",
                              f"check the data and set 'reviewed: {graph.now.isoformat()}'")))
            elif (graph.now - reviewed).days > days:
                found.append(warning("stale", Location(entry.rel, entry.line_of("reviewed")),
                                     Text(f"de gegevens zijn sinds {reviewed} niet gecontroleerd "
                                          f"(meer dan {days} dagen)",
                                          f"the data has not been checked since {reviewed} "
                                          f"(more than {days} days)"), field="reviewed",
                                     hint=Text("controleer contactgegevens en tekst, en werk "
                                               "'reviewed' bij",
                                               "check contacts and text, then update "
                                               "'reviewed'")))
    return found


def _deals_without_review(graph: ContentGraph) -> list[Diagnostic]:
    reviewed = {e.data.deal for e in graph.entries.values() if isinstance(e.data, Review)}
    found = []
    for entry in graph.of_kind(Kind.DEAL):
        deal = entry.data_as(Deal)
        if deal.end is not None and deal.end < graph.now and entry.slug not in reviewed:
            found.append(warning("deal-no-review", Location(entry.rel, entry.line_of("end")),
                                 Text(f"de deal is op {deal.end} afgelopen maar heeft geen schouw",
                                      f"the deal ended on {deal.end} but has no review"),
                                 field="end",
                                 hint=Text(f"voeg een schouw toe met 'deal: {entry.slug}' in "
                                           "content/reviews/",
                                           f"add a review with 'deal: {entry.slug}' in "
                                           "content/reviews/")))
    return found


def _uncited_lessons(graph: ContentGraph) -> list[Diagnostic]:
    cited = {slug for e in graph.entries.values() if isinstance(e.data, AgendaItem)
             for slug in e.data.lessons}
    found = []
    for entry in graph.of_kind(Kind.LESSON):
        lesson = entry.data_as(Lesson)
        if (lesson.change != "none" and entry.slug not in cited
                and (graph.now - lesson.date).days > CITE_WINDOW_DAYS):
            found.append(warning("lesson-uncited", Location(entry.rel, entry.line_of("change")),
                                 Text(f"deze les vraagt om verandering ({lesson.change}), maar "
                                      "staat na 12 maanden op geen kompasagenda",
                                      f"this lesson asks for change ({lesson.change}) but no "
                                      "agenda item cites it after 12 months"), field="change",
                                 hint=Text(f"noem '{entry.slug}' onder 'lessons' van een "
                                           "agendapunt in content/compass/agenda/, of zet "
                                           "'change: none'",
                                           f"list '{entry.slug}' under 'lessons' of an agenda "
                                           "item in content/compass/agenda/, or set "
                                           "'change: none'")))
    return found
