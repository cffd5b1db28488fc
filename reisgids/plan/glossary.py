"""/begrippen/: the words of the guide explained in plain Dutch (B1), once, so that the
home page and every other page can link a term instead of explaining it again.

Two parts: the core terms (deal, partner in residence, schouw, les, kompas, agendapunt, ...),
each with an anchor (`/begrippen/#deal`) and a link to where they live; and the fixed
vocabularies, generated from reisgids.model.vocab (the phases of a deal, the steps of an
agenda item, ...) plus the site's own themes from reisgids.yml.
"""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.graph.content import ContentGraph
from reisgids.graph.routes import GLOSSARY_URL, overview_url
from reisgids.graph.urls import page_url
from reisgids.model.vocab import VOCABS, label
from reisgids.plan.views import Translate, theme_url

# core term -> the kind whose overview shows it ('' for none)
TERMS = (("deal", "deal"), ("partner", "partner"), ("partner-in-residence", ""),
         ("schouw", "review"), ("les", "lesson"), ("kompas", "compass-edition"),
         ("agendapunt", "agenda-item"), ("instrument", "instrument"), ("project", "project"),
         ("wijk", "area"), ("thema", ""), ("marktplaats", "listing"))
# fixed vocabularies worth listing, with the i18n key of their heading
LISTS = (("deal.phase", "glossary.list.deal_phase"),
         ("agenda.status", "glossary.list.agenda_status"),
         ("contribution", "glossary.list.contribution"),
         ("lesson.level", "glossary.list.lesson_level"))


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    text: str
    url: str  # where to see them, or ''


@dataclass(frozen=True)
class TermList:
    heading: str
    labels: tuple[tuple[str, str], ...]  # (label, url or '')


def term_url(graph: ContentGraph, term: str) -> str:
    """The link to one term's explanation: '/begrippen/#schouw' under base_path."""
    return page_url(graph, f"{GLOSSARY_URL}#{term}")


def glossary(graph: ContentGraph, translate: Translate
             ) -> tuple[tuple[Term, ...], tuple[TermList, ...]]:
    """(the terms, the fixed lists and the themes) of the glossary page."""
    language = graph.config.language
    terms = tuple(Term(term, translate(f"glossary.{term}.term"),
                       translate(f"glossary.{term}.text"),
                       page_url(graph, overview_url(graph.config, kind)) if kind else "")
                  for term, kind in TERMS)
    lists = [TermList(translate(heading), tuple(
        (label(vocab, value, language), "") for value in VOCABS[vocab]))
        for vocab, heading in LISTS]
    themes = graph.config.vocabulary("themes")
    lists.append(TermList(translate("nav.themes"), tuple(
        (name, theme_url(graph, theme)) for theme, name in themes.items())))
    return terms, tuple(lists)
