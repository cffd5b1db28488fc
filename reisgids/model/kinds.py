"""The kind registry: everything reisgids knows about a kind, in one line per kind.

Folders, models, names, help, default URLs and the `reisgids new` names are all read from
here (source/kinds.py, graph/routes.py, schema, docs, the editor config, scaffold). The
order of SPECS is the order kinds are listed everywhere: the reference, the JSON Schema
files, the editor's collections, `reisgids new --help`, the open data.

Adding a kind: a model module (an Entry subclass with help on its fields), a member of
Kind in reisgids/model/kind.py and a KindSpec line below. The pages it gets are planned
by its CardSpec (reisgids/plan/kind_cards.py) and PlanSpec (reisgids/plan/kinds.py); see
docs/architecture.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.model.atlas import Area, Deal, Instrument, Partner, Project
from reisgids.model.base import Entry
from reisgids.model.compass import AgendaItem, CompassEdition
from reisgids.model.kind import Kind
from reisgids.model.learning import Lesson, Review
from reisgids.model.publication import Event, Listing, News, Page, Story

Names = tuple[str, str]  # (Dutch, English)


@dataclass(frozen=True)
class KindSpec:
    kind: Kind
    folder: str  # under content/
    model: type[Entry]
    name: Names  # singular, as a label: "Schouw", "Review"
    plural: Names  # the editor's collection label
    help: Names  # one line: what an entry of this kind is
    url: str  # the default URL pattern; `permalinks:` in reisgids.yml may change it
    names: tuple[str, ...] = ()  # more words `reisgids new` accepts (besides id and folder)
    body_heading: Names = ("Toelichting", "Details")  # the body's first heading (new file)
    article: bool = False  # og:type article (dated writing) rather than website


SPECS: tuple[KindSpec, ...] = (
    KindSpec(Kind.DEAL, "deals", Deal, ("Deal", "Deal"), ("Deals", "Deals"),
             ("Een zorg- en welzijnsdeal: partners die samen een doel in de wijk oppakken.",
              "A care and welfare deal: partners who take on a goal in the neighbourhood "
              "together."),
             "/deals/{slug}/"),
    KindSpec(Kind.PROJECT, "projects", Project, ("Project", "Project"),
             ("Projecten", "Projects"),
             ("Een initiatief of voorbeeldcase: wat er in de praktijk gebeurt.",
              "An initiative or case: what happens in practice."),
             "/projecten/{slug}/", names=("initiatief",)),
    KindSpec(Kind.PARTNER, "partners", Partner, ("Partner", "Partner"),
             ("Partners", "Partners"),
             ("Een organisatie die meedoet: gemeente, zorgaanbieder, initiatief, fonds.",
              "An organisation that takes part: municipality, care provider, initiative, "
              "fund."),
             "/partners/{slug}/", names=("organisatie",)),
    KindSpec(Kind.INSTRUMENT, "instruments", Instrument, ("Instrument", "Instrument"),
             ("Instrumenten", "Instruments"),
             ("Een subsidie, regeling, budget, recht, netwerk of programma.",
              "A subsidy, scheme, budget, right, network or programme."),
             "/instrumenten/{slug}/", names=("regeling",)),
    KindSpec(Kind.REVIEW, "reviews", Review, ("Schouw", "Review"), ("Schouwen", "Reviews"),
             ("Een schouw: het verslag van een gezamenlijke terugblik op één deal.",
              "A review (schouw): the report of a joint look back at one deal."),
             "/schouwen/{slug}/", body_heading=("Verslag", "Report"), article=True),
    KindSpec(Kind.LESSON, "lessons", Lesson, ("Les", "Lesson"), ("Lessen", "Lessons"),
             ("Een les of succes, getrokken uit een schouw, deal, project of document.",
              "A lesson or success, drawn from a review, deal, project or document."),
             "/lessen/{slug}/", names=("succes",),
             body_heading=("Wat we leerden", "What we learned"), article=True),
    KindSpec(Kind.COMPASS_EDITION, "compass/editions", CompassEdition,
             ("Kompaseditie", "Compass edition"), ("Kompasedities", "Compass editions"),
             ("Een editie van het reiskompas: de stand van de agenda in een periode.",
              "An edition of the compass: the state of the agenda in one period."),
             "/kompas/{slug}/", names=("editie", "kompas-editie", "kompaseditie",
                                       "reiskompas", "compass-editions"), article=True),
    KindSpec(Kind.AGENDA_ITEM, "compass/agenda", AgendaItem, ("Agendapunt", "Agenda item"),
             ("Agendapunten", "Agenda items"),
             ("Een voorstel voor een structurele verandering, gevolgd tot het klaar is.",
              "A proposed structural change, followed until it ends."),
             "/kompas/agenda/{slug}/", names=("agendapunt", "kompas-agenda", "kompasagenda",
                                              "compass-agenda")),
    KindSpec(Kind.NEWS, "news", News, ("Nieuwsbericht", "News item"), ("Nieuws", "News"),
             ("Een nieuwsbericht.", "A news item."),
             "/nieuws/{slug}/", names=("nieuwsbericht", "bericht"), article=True),
    KindSpec(Kind.STORY, "stories", Story, ("Verhaal", "Story"), ("Verhalen", "Stories"),
             ("Een verhaal: blog, video of podcast.", "A story: blog, video or podcast."),
             "/verhalen/{slug}/", names=("verhaal",), article=True),
    KindSpec(Kind.EVENT, "events", Event, ("Evenement", "Event"),
             ("Evenementen", "Events"),
             ("Een bijeenkomst, training, kick-off of andere activiteit.",
              "A meeting, training, kick-off or other event."),
             "/agenda/{slug}/", names=("evenement", "bijeenkomst")),
    KindSpec(Kind.LISTING, "marketplace", Listing, ("Vraag of aanbod", "Listing"),
             ("Vraag en aanbod", "Listings"),
             ("Een vraag of aanbod op de marktplaats.",
              "A request or offer on the marketplace."),
             "/marktplaats/{slug}/", names=("vraag-en-aanbod",)),
    KindSpec(Kind.AREA, "areas", Area, ("Wijk", "Area"), ("Wijken", "Areas"),
             ("Een wijk of buurt.", "A neighbourhood or district."),
             "/wijken/{slug}/"),
    KindSpec(Kind.PAGE, "pages", Page, ("Pagina", "Page"), ("Pagina's", "Pages"),
             ("Een losse pagina, zoals 'over deze site' of de toegankelijkheidsverklaring.",
              "A standalone page, such as 'about' or the accessibility statement."),
             "/{slug}/", body_heading=("Inleiding", "Introduction")),
)

SPEC: dict[str, KindSpec] = {spec.kind: spec for spec in SPECS}
# plain strings, in registry order: what files, URLs and outputs carry
KINDS: tuple[str, ...] = tuple(spec.kind.value for spec in SPECS)
MODELS: dict[str, type[Entry]] = {spec.kind.value: spec.model for spec in SPECS}


def spec_of(kind: str) -> KindSpec:
    """The spec of a kind id (a Kind member or its text); KeyError for anything else."""
    return SPEC[kind]
