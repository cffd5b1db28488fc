"""Quadrant 3: schouw reports and the lessons knowledge base with its filter pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import page_url
from reisgids.model.base import DocumentSource
from reisgids.model.kind import Kind
from reisgids.model.learning import Lesson, Review
from reisgids.model.vocab import VOCABS
from reisgids.plan.compass_views import ItemLine, agenda_items, item_line, status_now
from reisgids.plan.dates import iso
from reisgids.plan.labels import fdate, vocab_label
from reisgids.plan.lessons_index import lessons_citing, lessons_of
from reisgids.plan.views import RefView, card_view, ref_view

REVIEW_STEPS = tuple(VOCABS["review.steps"])


@dataclass(frozen=True)
class LessonFilter:
    """A way to filter lessons: URL segment, i18n heading, values in order, value of a lesson,
    label of a value."""

    segment: str
    heading: str
    values: Callable[[ContentGraph], list[str]]
    of: Callable[[Lesson], list[str]]
    vocab: str


LESSON_FILTERS: tuple[LessonFilter, ...] = (
    LessonFilter("thema", "lessons.filter.theme",
                 lambda g: list(g.config.vocabulary("themes")), lambda x: list(x.themes),
                 "themes"),
    LessonFilter("niveau", "lessons.filter.level", lambda g: list(VOCABS["lesson.level"]),
                 lambda x: [str(x.level)], "lesson.level"),
    LessonFilter("type", "lessons.filter.type", lambda g: list(VOCABS["lesson.type"]),
                 lambda x: [str(x.type)], "lesson.type"),
    LessonFilter("verandering", "lessons.filter.change", lambda g: list(VOCABS["change"]),
                 lambda x: [str(x.change)], "change"),
)


def lesson_of(graph: ContentGraph, key: Key) -> Lesson:
    data = graph.entries[key].data_as(Lesson)
    return data


def lesson_keys(graph: ContentGraph) -> list[Key]:
    """Published lessons, newest first, then by title."""
    keys = [e.key for e in graph.of_kind(Kind.LESSON)]
    return sorted(keys, key=lambda k: (-lesson_of(graph, k).date.toordinal(),
                                       graph.entries[k].data.title.casefold(), k))


def filter_url(graph: ContentGraph, segment: str, value: str) -> str:
    return page_url(graph, f"/lessen/{segment}/{value}/")


def filter_counts(graph: ContentGraph, how: LessonFilter) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in lesson_keys(graph):
        for value in set(how.of(lesson_of(graph, key))):
            counts[value] = counts.get(value, 0) + 1
    return counts


def used_values(graph: ContentGraph, how: LessonFilter) -> list[str]:
    """The values of a filter that some published lesson has, in vocabulary order."""
    counts = filter_counts(graph, how)
    return [v for v in how.values(graph) if counts.get(v)]


def lessons_with(graph: ContentGraph, how: LessonFilter, value: str) -> list[Key]:
    return [k for k in lesson_keys(graph) if value in how.of(lesson_of(graph, k))]


def successes(graph: ContentGraph) -> list[Key]:
    return [k for k in lesson_keys(graph) if lesson_of(graph, k).success]


@dataclass(frozen=True)
class SourceView:
    kind: str  # 'document', 'review', 'deal', 'project'
    ref: RefView | None
    document: str
    url: str
    year: str


@dataclass(frozen=True)
class Facts:
    """A labelled fact linking to the filter page of its value."""

    heading: str  # i18n key
    label: str
    url: str


@dataclass(frozen=True)
class LessonView:
    success: bool
    facts: tuple[Facts, ...]
    effect: str
    implication: str
    sources: tuple[SourceView, ...]
    agenda: tuple[ItemLine, ...]


def lesson_view(graph: ContentGraph, slug: str) -> LessonView:
    lesson = lesson_of(graph, (Kind.LESSON, slug))
    facts = []
    for how in LESSON_FILTERS[1:]:
        value = how.of(lesson)[0]
        facts.append(Facts(how.heading, vocab_label(graph, how.vocab, value),
                           filter_url(graph, how.segment, value)))
    sources = []
    for source in lesson.sources:
        if isinstance(source, DocumentSource):
            sources.append(SourceView("document", None, source.document, source.url or "",
                                      str(source.year) if source.year else ""))
        else:
            sources.append(SourceView(source.kind, card_view(graph, (source.kind, source.slug)),
                                      "", "", ""))
    items = agenda_items(graph)
    agenda = []
    for link in graph.backlinks((Kind.LESSON, slug)):
        if link.source[0] == "agenda-item" and link.source[1] in items:
            entry = status_now(graph, items[link.source[1]])
            if entry is not None:
                agenda.append(item_line(graph, link.source[1], entry))
    return LessonView(
        lesson.success, tuple(facts),
        vocab_label(graph, "lesson.effect", lesson.effect) if lesson.effect else "",
        lesson.implication or "", tuple(sources), tuple(agenda))


@dataclass(frozen=True)
class StepView:
    label: str
    done: bool


@dataclass(frozen=True)
class YardstickView:
    partner: RefView
    criteria: tuple[str, ...]


@dataclass(frozen=True)
class PeerView:
    name: str
    partner: RefView | None


@dataclass(frozen=True)
class ReviewView:
    deal: RefView
    date_text: str
    date_iso: str
    steps: tuple[StepView, ...]
    steps_done: int
    participants: tuple[RefView, ...]
    peers: tuple[PeerView, ...]
    experience_experts: str
    yardstick: tuple[YardstickView, ...]
    next_review: str
    next_review_iso: str
    lessons: tuple[RefView, ...]


def review_view(graph: ContentGraph, slug: str) -> ReviewView:
    data = graph.entries[(Kind.REVIEW, slug)].data_as(Review)
    lessons = lessons_of(lessons_citing(graph), [(Kind.REVIEW, slug)])
    return ReviewView(
        deal=card_view(graph, (Kind.DEAL, data.deal)), date_text=fdate(graph, data.date),
        date_iso=iso(data.date),
        steps=tuple(StepView(vocab_label(graph, "review.steps", s), s in data.steps)
                    for s in REVIEW_STEPS),
        steps_done=sum(1 for s in REVIEW_STEPS if s in data.steps),
        participants=tuple(ref_view(graph, (Kind.PARTNER, p)) for p in data.participants),
        peers=tuple(PeerView(p.name, ref_view(graph, (Kind.PARTNER, p.partner))
                             if p.partner else None) for p in data.peers),
        experience_experts=data.experience_experts or "",
        yardstick=tuple(YardstickView(ref_view(graph, (Kind.PARTNER, y.partner)),
                                      tuple(y.criteria)) for y in data.yardstick),
        next_review=fdate(graph, data.next_review),
        next_review_iso=iso(data.next_review) if data.next_review else "",
        lessons=tuple(sorted((card_view(graph, k) for k in lessons),
                             key=lambda r: (r.title.casefold(), r.slug))))


def review_keys(graph: ContentGraph) -> list[Key]:
    """Published reviews, newest first."""
    return sorted((e.key for e in graph.of_kind(Kind.REVIEW)),
                  key=lambda k: (-(graph.entries[k].data.date or graph.now).toordinal(), k))
