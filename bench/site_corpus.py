"""A synthetic reisgids guide, and the same guide in the formats of other generators.

    python bench/site_corpus.py /tmp/corpus --entries 1000               # reisgids format
    python bench/site_corpus.py /tmp/corpus --entries 1000 --format all  # + hugo, mkdocs, ...

`make_corpus(entries, seed)` builds the guide in memory: every kind of the content model in a
mix like the example guide's (many lessons, projects, partners and news; few reviews and
agenda items), Dutch-sounding titles and bodies of a few paragraphs, references between the
entries in front matter (partners of a deal, sources of a lesson, ...) and Markdown links
between them in the bodies. It is deterministic: the same arguments give the same corpus.

The writers put one corpus on disk in one generator's format. Every format gets the same
titles, summaries, dates, themes, areas and Markdown bodies; only the front-matter syntax
and the way a body links to another entry differ (each generator's own convention, so that
the generators that check links, check them):

    reisgids, MkDocs  ../deals/slug.md           (relative file link)
    Hugo              {{< relref "/deals/slug.md" >}}
    Pelican           {filename}/deals/slug.md
    Eleventy          /deals/slug/               (a plain URL; Eleventy does not check links)
"""

from __future__ import annotations

import argparse
import json
import posixpath
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

NOW = date(2026, 11, 22)
SEED = 1

THEMES = {
    "informele-zorg": "Informele zorg", "mantelzorg": "Mantelzorg en respijtzorg",
    "eenzaamheid": "Eenzaamheid", "sociale-cohesie": "Sociale cohesie en ontmoeting",
    "jeugd": "Jeugd en opvoeding", "onderwijs": "Onderwijs en talent",
    "ouderen": "Ouderen en langer thuis wonen", "armoede-en-schulden": "Armoede en schulden",
    "wonen": "Wonen", "werk-en-participatie": "Werk en participatie",
    "gezondheid": "Gezondheid en preventie", "veiligheid": "Veiligheid",
    "leefbaarheid": "Leefbaarheid en openbare ruimte", "taal-en-inclusie": "Taal en inclusie",
}
FORMS = {
    "bewonersinitiatief": "Bewonersinitiatief", "sociale-onderneming": "Sociale onderneming",
    "wijkonderneming": "Wijkonderneming", "wijkcooperatie": "Wijkcoöperatie",
    "zorgcooperatie": "Zorgcoöperatie", "alliantie": "Alliantie", "netwerk": "Netwerk",
    "platform": "Platform", "wijkteam": "Wijkteam", "programma": "Programma",
}
PARTNER_TYPES = {
    "gemeente": "Gemeente", "welzijnsorganisatie": "Welzijnsorganisatie",
    "zorgaanbieder": "Zorgaanbieder", "woningcorporatie": "Woningcorporatie",
    "bewonersinitiatief": "Bewonersinitiatief", "sociale-onderneming": "Sociale onderneming",
    "onderwijsinstelling": "Onderwijsinstelling", "kennisinstelling": "Kennisinstelling",
    "fonds": "Fonds", "netwerk": "Netwerk of samenwerkingsverband", "bedrijf": "Bedrijf",
}

# kind -> content folder (as in the content model)
FOLDERS = {
    "area": "areas", "partner": "partners", "instrument": "instruments",
    "project": "projects", "deal": "deals", "review": "reviews", "lesson": "lessons",
    "agenda-item": "compass/agenda", "compass-edition": "compass/editions", "news": "news",
    "story": "stories", "event": "events", "listing": "marketplace", "page": "pages",
}
# kind -> share of the entries; lessons take what is left. Editions and pages are fixed.
SHARES = {
    "area": 0.02, "partner": 0.10, "instrument": 0.03, "project": 0.14, "deal": 0.06,
    "review": 0.02, "agenda-item": 0.02, "news": 0.16, "story": 0.05, "event": 0.10,
    "listing": 0.07,
}
FIXED = {"compass-edition": ("2025", "2026"),
         "page": ("over", "colofon", "toegankelijkheid")}
# Dutch section titles for list pages of the peer sites.
SECTION_TITLES = {
    "area": "Wijken", "partner": "Partners", "instrument": "Instrumenten",
    "project": "Projecten", "deal": "Deals", "review": "Schouwen", "lesson": "Lessen",
    "agenda-item": "Kompasagenda", "compass-edition": "Kompas", "news": "Nieuws",
    "story": "Verhalen", "event": "Agenda", "listing": "Marktplaats", "page": "Pagina's",
}

# --- words -------------------------------------------------------------------------------

PLACES = [
    "Middelland", "Hillesluis", "Bospolder", "Tussendijken", "Feijenoord", "Afrikaanderwijk",
    "Laak", "Doornakkers", "Kralingen", "Oude Westen", "Carnisse", "Tarwewijk", "Ommoord",
    "Lombardijen", "Pendrecht", "Zuidwijk", "Charlois", "Delfshaven", "Spangen", "Overschie",
    "Schiebroek", "Hoogvliet", "Crooswijk", "Bloemhof", "Vreewijk", "Beverwaard", "Ijsselmonde",
    "Het Lage Land", "Prinsenland", "Oosterflank", "Agniesebuurt", "Provenierswijk",
    "Liskwartier", "Blijdorp", "Bergpolder", "Noordereiland", "Katendrecht", "Kop van Zuid",
    "Heijplaat", "Pernis", "Rozenburg", "Nesselande", "Zevenkamp", "Kralingen-West",
    "Struisenburg", "De Esch", "Baardwijk", "Laageinde", "De Hoef", "Helmond-Oost",
    "Almere Haven", "Stad", "Botu", "Aalburg", "Schilderswijk", "Transvaal", "Moerwijk",
    "Morgenstond", "Bouwlust", "Vrederust",
]
PLACE_PARTS = ["Noord", "Zuid", "Oost", "West", "Centrum", "Buiten", "Haven", "Park"]
CITIES = ["Rotterdam", "Den Haag", "Helmond", "Almere", "Waalwijk", "Eindhoven", "Utrecht"]
GROUPS = [
    "bewoners", "mantelzorgers", "jongeren", "ouderen", "nieuwkomers", "vrijwilligers",
    "ouders", "statushouders", "buurtbewoners met geldzorgen", "tieners", "alleenstaanden",
    "mensen met een beperking", "werkzoekenden", "kinderen", "buren",
]
ACTIVITIES = [
    "een wekelijkse aanschuifmaaltijd", "een taalcafé", "een klussendienst",
    "huiswerkbegeleiding", "een inloopspreekuur", "een buurtmoestuin", "een wandelgroep",
    "een ontmoetingsochtend", "schuldhulp aan de keukentafel", "een repaircafé",
    "logeerweekenden voor mantelzorgers", "een tienernetwerk", "een buurtkamer",
    "sport in het park", "een kledingbank", "een voorleesproject", "een digitaal spreekuur",
    "een buddyproject", "een zomerschool", "een wijkbus",
]
ACTIVITY_TITLES = [
    "Aanschuiftafel", "Taalcafé", "Klussendienst", "Huiswerkklas", "Inloopspreekuur",
    "Buurtmoestuin", "Wandelgroep", "Ontmoetingsochtend", "Keukentafelhulp", "Repaircafé",
    "Logeerhuis", "Tienernetwerk", "Buurtkamer", "Sport in het park", "Kledingbank",
    "Voorleesproject", "Digitaal spreekuur", "Buddyproject", "Zomerschool", "Wijkbus",
]
ORG_PREFIXES = [
    "Stichting", "Vereniging", "Coöperatie", "Welzijn", "Buurtwerk", "Woonstichting",
    "Zorggroep", "Huisartsenpraktijk", "Bibliotheek", "Wijkteam", "Fonds", "Netwerk",
]
ORG_NAMES = [
    "Samen Sterk", "Buurtkracht", "De Verbinding", "Thuis in de Wijk", "Op Eigen Kracht",
    "De Brug", "Naoberschap", "Zorgzaam", "Het Anker", "De Huiskamer", "Wijkpunt",
    "Krachtig Zuid", "De Schakel", "Nieuwe Buren", "De Vonk", "Lichtpunt", "Het Trefpunt",
    "De Kleine Kracht", "Stadsdorp", "Hart voor de Wijk",
]
GOALS = [
    "minder eenzaamheid", "meer contact tussen buren", "een vast aanspreekpunt in de wijk",
    "snellere hulp bij geldzorgen", "mantelzorgers die het volhouden",
    "jongeren die hun talent ontdekken", "ouderen die langer thuis kunnen wonen",
    "een wijk waar iedereen meedoet", "werk voor wie nu langs de kant staat",
    "taal die niemand buitensluit",
]
LESSON_SUBJECTS = [
    "Een vast aanspreekpunt", "Vertrouwen", "Een lichte verantwoording", "Een meerjarige deal",
    "De waarderende schouw", "Een kwartiermaker met mandaat", "Samenwerking",
    "Eigen inbreng van partners", "Een gezamenlijke agenda", "Ruimte in de regels",
    "Een vaste plek in de wijk", "De stem van bewoners", "Een heldere rolverdeling",
    "Tijd voor het gesprek", "Kleine initiatieven",
]
LESSON_PREDICATES = [
    "verlaagt de drempel", "kost tijd", "vraagt om geduld", "maakt het verschil",
    "overleeft het project", "verdient erkenning", "begint bij het doel",
    "heeft een gezicht nodig", "groeit met de wijk", "houdt partners bij elkaar",
    "voorkomt dubbel werk", "vraagt om eenvoudige taal", "geeft zekerheid",
    "breekt door schotten heen", "werkt alleen samen",
]
HEADINGS = [
    "Waar het om gaat", "Wat we deden", "Wat we leerden", "Hoe nu verder?", "Wie doen er mee",
    "Resultaten", "Wat er nodig is", "Achtergrond", "Wat opviel", "De volgende stap",
]
FORUMS = ["directie", "college", "gemeenteraad", "stuurgroep", "wijkraad"]
CHANGES = ["deal-template", "procurement", "subsidy", "policy", "organisation",
           "accountability", "funding-term", "governance", "real-estate"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

SENTENCES = [
    "In {place} begonnen {group} met {activity}.",
    "{org} en {org2} spraken af om samen {activity} te organiseren.",
    "Het doel is {goal}, en dat vraagt om afspraken die langer duren dan één subsidiejaar.",
    "Na {n} maanden kwamen er elke week zo'n {m} mensen.",
    "Wat goed werkte: een vaste plek, een vaste dag en een gezicht dat mensen kennen.",
    "De gemeente gaf ruimte binnen de regels, maar de verantwoording bleef zwaar voor een "
    "klein initiatief.",
    "Volgens de deelnemers is **{goal}** geen project maar een manier van werken.",
    "Vrijwilligers uit {place} doen het meeste werk; zij kennen de straat en de mensen.",
    "In {month} volgt een tweede bijeenkomst met alle partners.",
    "De partners verdelen uren en geld expliciet, zodat niemand achteraf verrast wordt.",
    "{group_cap} vertelden dat ze nu weten waar ze terechtkunnen.",
    "Een medewerker van {org} is twee dagen per week aanwezig in de buurtkamer.",
    "Er is nog geen vaste financiering voor na {year}.",
    "De schouw liet zien dat de samenwerking sterker is dan de cijfers doen vermoeden.",
    "Het initiatief groeide van {n} naar {m} deelnemers, zonder extra personeel.",
    "Wie meedoet, praat ook mee over hoe het werkt.",
    "De wijkverpleegkundige en het wijkteam verwijzen inmiddels actief door.",
    "Dat vraagt om geduld van alle kanten, en om een partner die de kar trekt.",
    "{org} levert de ruimte, {org2} de mensen en de gemeente het netwerk.",
    "Met {activity} bereiken we {group} die eerder buiten beeld bleven.",
    "Bij de evaluatie in {month} {year} bleek dat het bereik verdubbeld was.",
    "De aanpak is inmiddels overgenomen in {place}.",
    "Niet alles lukte: de avondopenstelling bleek te weinig mensen te trekken.",
    "Ervaringsdeskundigen denken mee over de opzet en toetsen de resultaten.",
    "Dit past bij het thema {theme} uit het reiskompas.",
    "Kleine bedragen, snel beschikbaar, maken hier meer verschil dan één grote subsidie.",
    "De kwartiermaker houdt overzicht en spreekt partners aan op hun afspraken.",
    "Het contract liep af, maar de samenwerking ging gewoon door.",
]
LINK_SENTENCES = [
    "Lees ook [{title}]({ref}).",
    "Dit bouwt voort op [{title}]({ref}).",
    "Meer daarover staat bij [{title}]({ref}).",
    "Samen met [{title}]({ref}) is een eerste stap gezet.",
    "Zie [{title}]({ref}) voor de achtergrond.",
]
LIST_ITEMS = [
    "een vaste contactpersoon per partner", "een jaarlijkse schouw met externe peers",
    "een gedeelde agenda", "eenvoudige verantwoording in woorden en cijfers",
    "een budget dat meerdere jaren vastligt", "ruimte voor bewoners om mee te beslissen",
    "een plek in de wijk met een koffiezetapparaat", "afspraken over wie wat betaalt",
    "een vervolg na de pilot", "een warme overdracht naar het wijkteam",
]

REF = re.compile(r"\]\(ref:([a-z/]+)/([a-z0-9-]+)\)")


@dataclass
class Entry:
    kind: str
    slug: str
    title: str
    summary: str = ""
    day: date = NOW  # the entry's own date (or, for kinds without one, a date for the peers)
    themes: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    fields: list[str] = field(default_factory=list)  # kind-specific front matter, YAML lines
    body: str = ""  # Markdown; links to entries are written [text](ref:folder/slug)

    @property
    def folder(self) -> str:
        return FOLDERS[self.kind]

    @property
    def section(self) -> str:
        """The folder name the peer generators use (one level: compass-agenda)."""
        return self.folder.replace("/", "-")

    def links(self) -> list[tuple[str, str]]:
        """(folder, slug) of every entry the body links to."""
        return REF.findall(self.body)


@dataclass
class Corpus:
    seed: int
    entries: list[Entry]

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.entries if e.kind == kind]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for entry in self.entries:
            found[entry.kind] = found.get(entry.kind, 0) + 1
        return found

    def edit_target(self) -> Entry:
        """The entry the rebuild benchmarks edit: a lesson in the middle of the list."""
        lessons = self.by_kind("lesson")
        return lessons[len(lessons) // 2]

    def words(self) -> int:
        return sum(len(e.body.split()) for e in self.entries)


# --- helpers -----------------------------------------------------------------------------

def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "x"


PLAIN = re.compile(r"^[A-Za-zÀ-ÿ0-9][^:#\"'\[\]{},&*!|>%@`\n]*$")


def scalar(text: str) -> str:
    """A YAML scalar: plain when that reads back as the same text, else double-quoted."""
    if PLAIN.match(text) and not text.endswith(" ") and not text.endswith("?"):
        return text
    return json.dumps(text, ensure_ascii=False)


def counts_for(entries: int) -> dict[str, int]:
    counts = {kind: max(1, round(entries * share)) for kind, share in SHARES.items()}
    counts["area"] = max(3, counts["area"])
    counts["partner"] = max(4, counts["partner"])
    counts["deal"] = max(2, counts["deal"])
    counts["review"] = min(counts["review"], counts["deal"])
    fixed = sum(len(v) for v in FIXED.values())
    counts["lesson"] = max(2, entries - sum(counts.values()) - fixed)
    return counts


class Words:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, items: Sequence[str]) -> str:
        return self.rng.choice(items)

    def day(self, first: date, last: date) -> date:
        return first + timedelta(days=self.rng.randint(0, (last - first).days))

    def sentence(self, orgs: Sequence[str], places: Sequence[str], template: str = "") -> str:
        rng = self.rng
        text = (template or rng.choice(SENTENCES)).format(
            place=rng.choice(places), group=rng.choice(GROUPS),
            group_cap=rng.choice(GROUPS).capitalize(), activity=rng.choice(ACTIVITIES),
            org=rng.choice(orgs), org2=rng.choice(orgs), goal=rng.choice(GOALS),
            n=rng.randint(2, 14), m=rng.randint(15, 120), month=rng.choice(MONTHS),
            year=rng.randint(2024, 2028), theme=rng.choice(list(THEMES.values())).lower())
        return text[0].upper() + text[1:]

    def summary(self, orgs: Sequence[str], places: Sequence[str]) -> str:
        text = " ".join(self.sentence(orgs, places, t) for t in self.rng.sample(SENTENCES, 2))
        return text if len(text) <= 280 else text[:277].rsplit(" ", 1)[0] + "…"

    def paragraph(self, orgs: Sequence[str], places: Sequence[str], links: list[str]) -> str:
        parts = [self.sentence(orgs, places, t)
                 for t in self.rng.sample(SENTENCES, self.rng.randint(3, 6))]
        while links and self.rng.random() < 0.7:
            parts.insert(self.rng.randint(1, len(parts)), links.pop())
        return " ".join(parts)

    def body(self, orgs: Sequence[str], places: Sequence[str], links: list[str]) -> str:
        rng = self.rng
        blocks = [self.paragraph(orgs, places, links)]
        for heading in rng.sample(HEADINGS, rng.randint(1, 3)):
            blocks.append(f"## {heading}")
            blocks.append(self.paragraph(orgs, places, links))
            if rng.random() < 0.3:
                blocks.append("\n".join(f"- {item}" for item in
                                        rng.sample(LIST_ITEMS, rng.randint(3, 5))))
            if rng.random() < 0.4:
                blocks.append(self.paragraph(orgs, places, links))
        if links:
            blocks.append(" ".join(links))
        return "\n\n".join(blocks) + "\n"


# --- the corpus --------------------------------------------------------------------------

def _titles(kind: str, count: int, words: Words, places: list[str]) -> list[str]:
    rng = words.rng
    if kind == "area":
        return places[:count]
    if kind == "partner":
        return [f"{rng.choice(ORG_PREFIXES)} {rng.choice(ORG_NAMES)} {rng.choice(places)}"
                for _ in range(count)]
    if kind == "instrument":
        return [f"{rng.choice(('Fonds', 'Subsidie', 'Regeling', 'Budget', 'Programma'))} "
                f"{rng.choice(list(THEMES.values()))} {rng.choice(places)}"
                for _ in range(count)]
    if kind == "project":
        return [f"{rng.choice(ORG_NAMES)} {rng.choice(places)}" for _ in range(count)]
    if kind == "deal":
        return [f"{rng.choice(ACTIVITY_TITLES)} voor {rng.choice(GROUPS)} in {rng.choice(places)}"
                for _ in range(count)]
    if kind == "lesson":
        return [f"{rng.choice(LESSON_SUBJECTS)} {rng.choice(LESSON_PREDICATES)}"
                for _ in range(count)]
    if kind == "agenda-item":
        return [f"{rng.choice(LESSON_SUBJECTS)} in {rng.choice(('elke deal', 'het beleid', 'de inkoop', 'de subsidieregels', 'de organisatie'))}"  # noqa: E501
                for _ in range(count)]
    if kind == "news":
        return [f"{rng.choice(('Aftrap van', 'Nieuwe partner voor', 'Eerste jaar', 'Schouw van', 'Afscheid van'))} "  # noqa: E501
                f"{rng.choice(ACTIVITY_TITLES).lower()} in {rng.choice(places)}"
                for _ in range(count)]
    if kind == "story":
        return [f"Hoe {rng.choice(GROUPS)} in {rng.choice(places)} "
                f"{rng.choice(('elkaar vonden', 'het heft in handen namen', 'een plek kregen', 'meepraten'))}"  # noqa: E501
                for _ in range(count)]
    if kind == "event":
        return [f"{rng.choice(('Training', 'Bijeenkomst', 'Kick-off', 'Schouw', 'Netwerkmiddag'))}: "  # noqa: E501
                f"{rng.choice(ACTIVITY_TITLES).lower()} in {rng.choice(places)}"
                for _ in range(count)]
    if kind == "listing":
        return [f"{rng.choice(('Gezocht', 'Aangeboden'))}: "
                f"{rng.choice(('vrijwilligers', 'een ruimte', 'kennis van subsidies', 'een partner', 'handen', 'een training'))} "  # noqa: E501
                f"voor {rng.choice(ACTIVITY_TITLES).lower()}"
                for _ in range(count)]
    if kind == "review":
        return [""] * count  # named after their deal below
    raise ValueError(kind)


def _area_names(count: int) -> list[str]:
    names = list(PLACES)
    for part in PLACE_PARTS:
        names += [f"{p} {part}" for p in PLACES]
    for n in range(2, 2 + max(0, count - len(names))):
        names.append(f"Wijk {n}")
    return names[:max(count, len(PLACES))]


def make_corpus(entries: int = 1000, seed: int = SEED) -> Corpus:
    """A valid reisgids guide of `entries` entries (at least 40), in memory."""
    if entries < 40:
        raise ValueError("at least 40 entries")
    rng = random.Random(seed)
    words = Words(rng)
    counts = counts_for(entries)
    places = _area_names(counts["area"])
    used: set[str] = set()

    def unique(title: str) -> str:
        base = slugify(title)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        return slug

    made: dict[str, list[Entry]] = {}
    for kind in ("area", "partner", "instrument", "project", "deal", "review", "lesson",
                 "agenda-item", "news", "story", "event", "listing"):
        made[kind] = [Entry(kind, unique(t) if t else "", t)
                      for t in _titles(kind, counts[kind], words, places)]
    for deal, review in zip(rng.sample(made["deal"], len(made["review"])), made["review"],
                            strict=True):
        review.title = f"Schouw {deal.title} {rng.choice((2025, 2026))}"
        review.slug = unique(review.title)
        review.fields = [f"deal: {deal.slug}"]
        deal.fields = ["phase: completed"]
    made["compass-edition"] = [Entry("compass-edition", e, f"Reiskompas {e}")
                               for e in FIXED["compass-edition"]]
    made["page"] = [Entry("page", slug, title) for slug, title in zip(
        FIXED["page"], ("Over deze reisgids", "Colofon", "Toegankelijkheid"), strict=True)]

    slugs = {kind: [e.slug for e in es] for kind, es in made.items()}
    area_slugs = slugs["area"]
    org_titles = [e.title for e in made["partner"]]
    linkable = [e for kind in ("partner", "project", "deal", "lesson", "instrument", "news")
                for e in made[kind]]

    def some(kind: str, low: int, high: int) -> list[str]:
        pool = slugs[kind]
        return rng.sample(pool, min(len(pool), rng.randint(low, high)))

    # agenda items cite lessons; the lessons they cite carry the same change
    lesson_change: dict[str, str] = {}
    agenda_lessons: dict[str, tuple[list[str], str]] = {}
    for item in made["agenda-item"]:
        change = rng.choice(CHANGES)
        cited = some("lesson", 1, 3)
        for slug in cited:
            lesson_change.setdefault(slug, change)
        agenda_lessons[item.slug] = (cited, change)

    def partners_of_deal() -> list[str]:
        lines = ["partners:"]
        for n, slug in enumerate(some("partner", 2, 4)):
            role = "initiator" if n == 0 else rng.choice(
                ("partner", "facilitator", "funder", "network-manager", "ambassador"))
            gifts = rng.sample(("money", "knowledge", "network", "people", "space",
                                "rule-space"), rng.randint(1, 3))
            lines += [f"  - partner: {slug}", f"    role: {role}",
                      f"    contributions: [{', '.join(gifts)}]"]
        return lines

    def kind_fields(entry: Entry) -> list[str]:
        kind = entry.kind
        sentence = words.sentence(org_titles, places)
        if kind == "area":
            return [f"city: {rng.choice(CITIES)}", f"code: WK{rng.randint(1000, 9999):04d}"
                                                     f"{rng.randint(0, 99):02d}"]
        if kind == "partner":
            entry.day = words.day(date(2026, 1, 1), NOW - timedelta(days=2))
            ptype = rng.choice(list(PARTNER_TYPES))
            return [f"type: {ptype}", f"website: https://{entry.slug[:40]}.example.org/",
                    f"email: info@{entry.slug[:40]}.example.org",
                    f"phone: 010 {rng.randint(100, 999)} {rng.randint(10, 99)} "
                    f"{rng.randint(10, 99)}",
                    f"address: {rng.choice(ORG_NAMES)}straat {rng.randint(1, 200)}, "
                    f"{rng.choice(CITIES)}",
                    "contacts:", "  - role: Aanspreekpunt samenwerking",
                    f"    email: samenwerken@{entry.slug[:40]}.example.org",
                    f"reviewed: {entry.day}"]
        if kind == "instrument":
            entry.day = words.day(date(2026, 6, 15), NOW - timedelta(days=2))
            return [f"type: {rng.choice(('subsidy', 'scheme', 'budget', 'programme'))}",
                    f"status: {rng.choice(('open', 'open', 'closed', 'ended'))}",
                    f"owner: {rng.choice(slugs['partner'])}",
                    f"for_whom: {scalar(rng.choice(GROUPS).capitalize() + ' en initiatieven')}",
                    f"amount: {scalar(f'tot € {rng.randint(2, 50)}.000 per jaar')}",
                    f"url: https://regelingen.example.org/{entry.slug[:40]}/",
                    f"reviewed: {entry.day}"]
        if kind == "project":
            entry.day = words.day(date(2018, 1, 1), date(2026, 6, 1))
            lines = [f"status: {rng.choice(('idea', 'running', 'running', 'completed'))}",
                     f"form: {rng.choice(list(FORMS))}", f"lead: {rng.choice(slugs['partner'])}",
                     f"partners: [{', '.join(some('partner', 1, 3))}]",
                     f"started: {entry.day.year}", f"city: {rng.choice(CITIES)}",
                     "figures:", "  - label: Deelnemers per week",
                     f"    value: {rng.randint(10, 200)}", f"    year: {rng.randint(2023, 2026)}"]
            if rng.random() < 0.4:
                lines.append(f"instruments: [{', '.join(some('instrument', 1, 2))}]")
            return lines
        if kind == "deal":
            entry.day = words.day(date(2023, 1, 1), date(2026, 10, 1))
            phase = entry.fields[0] if entry.fields else "phase: " + rng.choice(
                ("partners", "idea", "test", "planning", "kick-off", "execution"))
            return [f"goal: {scalar(words.sentence(org_titles, places))}", phase,
                    *partners_of_deal(), f"start: {entry.day}",
                    f"feasibility: {scalar(sentence)}",
                    "expected_results:",
                    *(f"  - {scalar(words.sentence(org_titles, places))}" for _ in range(2)),
                    f"finance: [{', '.join(rng.sample(('subsidy', 'fund', 'own-contribution', 'commission'), 2))}]",  # noqa: E501
                    "milestones:", f"  - date: {entry.day + timedelta(days=90)}",
                    "    title: Kick-off met alle partners", "    done: true",
                    f"projects: [{', '.join(some('project', 1, 2))}]"]
        if kind == "review":
            entry.day = words.day(date(2025, 1, 1), NOW - timedelta(days=5))
            return [*entry.fields, f"date: {entry.day}",
                    "steps: [open, yardstick, appreciative, discussion, report]",
                    f"participants: [{', '.join(some('partner', 2, 4))}]",
                    "peers:", f"  - name: {scalar(rng.choice(ORG_NAMES))}",
                    f"    partner: {rng.choice(slugs['partner'])}",
                    f"next_review: {entry.day + timedelta(days=365)}"]
        if kind == "lesson":
            entry.day = words.day(NOW - timedelta(days=360), NOW - timedelta(days=1))
            source = rng.choice(("review", "deal", "project")) if slugs["review"] else "deal"
            lines = [f"date: {entry.day}", "sources:",
                     f"  - {source}: {rng.choice(slugs[source])}",
                     f"level: {rng.choice(('interaction', 'network', 'institutional'))}",
                     f"type: {rng.choice(('content', 'cooperation', 'system'))}",
                     f"effect: {rng.choice(('process', 'outcome'))}"]
            if entry.slug in lesson_change:
                lines += [f"change: {lesson_change[entry.slug]}",
                          f"implication: {scalar(sentence)}"]
            return lines
        if kind == "agenda-item":
            cited, change = agenda_lessons[entry.slug]
            day = words.day(date(2025, 1, 1), date(2025, 12, 31))
            entry.day = day
            lines = [f"lessons: [{', '.join(cited)}]", f"change: {change}",
                     f"proposal: {scalar(sentence)}", f"owner: {rng.choice(slugs['partner'])}",
                     "history:", f"  - date: {day}", "    status: inventoried"]
            if rng.random() < 0.7:
                day += timedelta(days=rng.randint(10, 90))
                lines += [f"  - date: {day}", "    status: on-agenda",
                          f"    forum: {rng.choice(FORUMS)}"]
                if rng.random() < 0.5:
                    day += timedelta(days=rng.randint(10, 90))
                    lines += [f"  - date: {day}", "    status: decided",
                              "    decision: adopted",
                              f"    note: {scalar(words.sentence(org_titles, places))}"]
                    if rng.random() < 0.5:
                        day += timedelta(days=rng.randint(10, 60))
                        lines += [f"  - date: {day}", "    status: fed-back",
                                  "    feedback: Teruggekoppeld aan de partners van de deal."]
            return lines
        if kind == "compass-edition":
            year = int(entry.slug)
            entry.day = date(year, 1, 1)
            lines = ["period:", f"  start: {year}-01-01", f"  end: {year}-12-31"]
            if year < NOW.year:
                lines += ["adopted:", f"  date: {year}-03-01", "  forum: gemeenteraad"]
            lines += [f"co_created_with: [{', '.join(some('partner', 2, 4))}]", "priorities:"]
            for theme in rng.sample(list(THEMES), 3):
                lines += [f"  - theme: {theme}",
                          f"    text: {scalar(words.sentence(org_titles, places))}"]
            return lines
        if kind == "news":
            entry.day = words.day(date(2024, 1, 1), NOW - timedelta(days=1))
            return [f"date: {entry.day}", "related:",
                    f"  - deal: {rng.choice(slugs['deal'])}",
                    f"  - project: {rng.choice(slugs['project'])}"]
        if kind == "story":
            entry.day = words.day(date(2024, 1, 1), NOW - timedelta(days=1))
            return [f"date: {entry.day}", f"medium: {rng.choice(('blog', 'video', 'podcast'))}",
                    f"author: {scalar(rng.choice(ORG_NAMES))}",
                    "related:", f"  - partner: {rng.choice(slugs['partner'])}"]
        if kind == "event":
            entry.day = words.day(date(2026, 1, 1), date(2027, 6, 30))
            hour = rng.randint(9, 19)
            return [f"start: {entry.day} {hour:02d}:30", f"end: {entry.day} {hour + 2:02d}:00",
                    f"type: {rng.choice(('training', 'meeting', 'kick-off', 'review', 'other'))}",
                    f"location: {scalar('Buurtkamer ' + rng.choice(places))}", "online: false",
                    f"organisers: [{', '.join(some('partner', 1, 2))}]"]
        if kind == "listing":
            entry.day = words.day(date(2026, 1, 1), NOW - timedelta(days=1))
            return [f"type: {'request' if entry.title.startswith('Gezocht') else 'offer'}",
                    f"category: {rng.choice(('knowledge', 'hands', 'space', 'partner', 'training', 'money'))}",  # noqa: E501
                    f"by: {rng.choice(slugs['partner'])}",
                    f"contact: marktplaats@{entry.slug[:40]}.example.org",
                    f"valid_until: {words.day(date(2027, 1, 1), date(2027, 12, 31))}"]
        if kind == "page":
            entry.day = date(2026, 1, 1)
            return []
        raise ValueError(kind)

    everything = [e for kind in ("area", "partner", "instrument", "project", "deal", "review",
                                 "lesson", "agenda-item", "compass-edition", "news", "story",
                                 "event", "listing", "page") for e in made[kind]]
    for entry in everything:
        entry.fields = kind_fields(entry)
        if entry.kind not in ("area", "page"):
            entry.summary = words.summary(org_titles, places)
            entry.themes = tuple(rng.sample(list(THEMES), rng.choice((0, 1, 1, 2, 2, 3))))
            entry.areas = tuple(rng.sample(area_slugs, rng.choice((0, 1, 1, 2))))
        targets = [t for t in rng.sample(linkable, 4) if t is not entry][:rng.randint(1, 3)]
        links = [rng.choice(LINK_SENTENCES).format(title=t.title, ref=f"ref:{t.folder}/{t.slug}")
                 for t in targets]
        entry.body = words.body(org_titles, places, links)
    return Corpus(seed, everything)


# --- writers -----------------------------------------------------------------------------

Linker = Callable[[Entry, str, str], str]  # (entry, target folder, target slug) -> link


def resolve(entry: Entry, link: Linker) -> str:
    return REF.sub(lambda m: f"]({link(entry, m.group(1), m.group(2))})", entry.body)


def relative_link(entry: Entry, folder: str, slug: str) -> str:
    return posixpath.relpath(f"{folder}/{slug}.md", entry.folder)


def section_of(folder: str) -> str:
    return folder.replace("/", "-")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def reisgids_path(root: Path, entry: Entry) -> Path:
    return root / "content" / entry.folder / f"{entry.slug}.md"


def write_reisgids(corpus: Corpus, root: Path) -> None:
    """reisgids.yml and content/ (the edit target is reisgids_path(root, entry))."""
    def vocab(items: dict[str, str]) -> str:
        return "\n".join(f"    {k}: {scalar(v)}" for k, v in items.items())

    write(root / "reisgids.yml", "title: Benchmarkgids\nbase_url: https://bench.example/\n"
          "language: nl\nvocabularies:\n"
          f"  themes:\n{vocab(THEMES)}\n  forms:\n{vocab(FORMS)}\n"
          f"  partner_types:\n{vocab(PARTNER_TYPES)}\n"
          "compass:\n  cadence: yearly\nfreshness:\n  partner: 365\n  instrument: 180\n")
    for entry in corpus.entries:
        front = [f"title: {scalar(entry.title)}"]
        if entry.summary:
            front.append(f"summary: {scalar(entry.summary)}")
        if entry.themes:
            front.append(f"themes: [{', '.join(entry.themes)}]")
        if entry.areas:
            front.append(f"areas: [{', '.join(entry.areas)}]")
        front += entry.fields
        write(reisgids_path(root, entry),
              "---\n" + "\n".join(front) + "\n---\n" + resolve(entry, relative_link))
    _freeze_adopted(root)


def _freeze_adopted(root: Path) -> None:
    """The snapshot of each adopted edition, as `reisgids compass freeze` makes it: a guide
    commits one when its edition is adopted, and without it `check` warns
    (`edition-unfrozen`)."""
    from reisgids.freeze import freeze
    from reisgids.read_site import read_site

    linked, report = read_site(root, now=NOW)
    assert linked is not None and not report.has_errors, report.items
    for entry in linked.graph.of_kind("compass-edition"):
        if getattr(entry.data, "adopted", None) is not None:
            freeze(root, linked.graph, entry.slug)


def _yaml_front(entry: Entry, extra: Sequence[str] = ()) -> str:
    lines = [f"title: {json.dumps(entry.title, ensure_ascii=False)}", f"date: {entry.day}"]
    if entry.summary:
        lines.append(f"description: {json.dumps(entry.summary, ensure_ascii=False)}")
    lines += extra
    return "---\n" + "\n".join(lines) + "\n---\n"


def hugo_path(root: Path, entry: Entry) -> Path:
    return root / "content" / entry.section / f"{entry.slug}.md"


def write_hugo(corpus: Corpus, root: Path) -> None:
    """A Hugo site: one section per kind, taxonomies `themas` and `wijken`, a tiny layouts/."""
    write(root / "hugo.toml", HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(root / "layouts" / name, text)
    for kind, title in SECTION_TITLES.items():
        write(root / "content" / section_of(FOLDERS[kind]) / "_index.md",
              f"---\ntitle: {json.dumps(title)}\n---\n")

    def link(entry: Entry, folder: str, slug: str) -> str:
        return f'{{{{< relref "/{section_of(folder)}/{slug}.md" >}}}}'

    for entry in corpus.entries:
        extra = [f"slug: {entry.slug}"]
        if entry.themes:
            extra.append(f"themas: [{', '.join(entry.themes)}]")
        if entry.areas:
            extra.append(f"wijken: [{', '.join(entry.areas)}]")
        write(hugo_path(root, entry), _yaml_front(entry, extra) + "\n" + resolve(entry, link))


HUGO_CONFIG = """baseURL = "https://bench.example/"
languageCode = "nl"
title = "Benchmarkgids"
buildFuture = true
buildExpired = true
enableRobotsTXT = false
[pagination]
  pagerSize = 20
[taxonomies]
  thema = "themas"
  wijk = "wijken"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ .Title }} | {{ site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</header><main>{{ block "main" . }}{{ end }}</main><footer>Benchmark</footer></body></html>
""",
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
{{ with .GetTerms "themas" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}</article>{{ end }}
""",  # noqa: E501
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}<ul>{{ range $pager.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
<nav>{{ with $pager.Prev }}<a href="{{ .URL }}">vorige</a>{{ end }}
{{ with $pager.Next }}<a href="{{ .URL }}">volgende</a>{{ end }}</nav>{{ end }}
""",
    "_default/terms.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
""",  # noqa: E501
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>{{ end }}</ul>{{ end }}
""",  # noqa: E501
}


def mkdocs_path(root: Path, entry: Entry) -> Path:
    return root / "docs" / entry.folder / f"{entry.slug}.md"


def write_mkdocs(corpus: Corpus, root: Path) -> None:
    """An MkDocs site (default theme, no search plugin). MkDocs has no list pages or
    taxonomies, so the list pages (one per kind, one per theme) are written as Markdown."""
    kinds = [k for k in SECTION_TITLES if corpus.by_kind(k)]
    nav = ["  - Home: index.md"] + [
        f"  - {json.dumps(SECTION_TITLES[k])}: {FOLDERS[k]}/index.md" for k in kinds]
    nav.append("  - Thema's: themas/index.md")
    write(root / "mkdocs.yml", "site_name: Benchmarkgids\nsite_url: https://bench.example/\n"
          "docs_dir: docs\ntheme:\n  name: mkdocs\nplugins: []\nnav:\n" + "\n".join(nav) + "\n")
    docs = root / "docs"
    write(docs / "index.md", "# Benchmarkgids\n\n" + "\n".join(
        f"- [{SECTION_TITLES[k]}]({FOLDERS[k]}/index.md)" for k in kinds) + "\n")
    for kind in kinds:
        items = corpus.by_kind(kind)
        write(docs / FOLDERS[kind] / "index.md", f"# {SECTION_TITLES[kind]}\n\n" + "\n".join(
            f"- [{e.title}]({e.slug}.md) {e.summary}" for e in items) + "\n")
    write(docs / "themas" / "index.md", "# Thema's\n\n" + "\n".join(
        f"- [{label}]({theme}.md)" for theme, label in THEMES.items()) + "\n")
    for theme, label in THEMES.items():
        write(docs / "themas" / f"{theme}.md", f"# {label}\n\n" + "\n".join(
            f"- [{e.title}](../{e.folder}/{e.slug}.md)" for e in corpus.entries
            if theme in e.themes) + "\n")
    for entry in corpus.entries:
        head = f"# {entry.title}\n\n*{entry.day}*\n\n"
        if entry.summary:
            head += f"{entry.summary}\n\n"
        write(mkdocs_path(root, entry), head + resolve(entry, relative_link))


def pelican_path(root: Path, entry: Entry) -> Path:
    folder = "pages" if entry.kind == "page" else entry.section
    return root / "content" / folder / f"{entry.slug}.md"


def write_pelican(corpus: Corpus, root: Path) -> None:
    """A Pelican site (default theme): a category per kind, tags for themes and areas."""
    write(root / "pelicanconf.py", PELICAN_CONFIG)

    def link(entry: Entry, folder: str, slug: str) -> str:
        return f"{{filename}}/{section_of(folder)}/{slug}.md"

    for entry in corpus.entries:
        meta = [f"Title: {entry.title}", f"Date: {entry.day}", f"Slug: {entry.slug}"]
        if entry.kind != "page":
            meta.append(f"Category: {entry.section}")
        tags = [*entry.themes, *(f"wijk-{a}" for a in entry.areas)]
        if tags:
            meta.append(f"Tags: {', '.join(tags)}")
        if entry.summary:
            meta.append(f"Summary: {entry.summary}")
        write(pelican_path(root, entry), "\n".join(meta) + "\n\n" + resolve(entry, link))


PELICAN_CONFIG = """AUTHOR = "Benchmark"
SITENAME = "Benchmarkgids"
SITEURL = ""
PATH = "content"
TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
DEFAULT_PAGINATION = 20
USE_FOLDER_AS_CATEGORY = False
ARTICLE_URL = "{category}/{slug}/"
ARTICLE_SAVE_AS = "{category}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
RELATIVE_URLS = True
"""


def eleventy_path(root: Path, entry: Entry) -> Path:
    return root / "src" / entry.section / f"{entry.slug}.md"


def _tag(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text)


def write_eleventy(corpus: Corpus, root: Path) -> None:
    """An Eleventy site: Nunjucks layouts, a paginated list page per kind, theme and area."""
    write(root / "eleventy.config.cjs", ELEVENTY_CONFIG)
    src = root / "src"
    for name, text in ELEVENTY_LAYOUTS.items():
        write(src / "_includes" / name, text)
    lists: list[tuple[str, str, str]] = [  # (collection, url base, title)
        (_tag(section_of(FOLDERS[k])), f"/{section_of(FOLDERS[k])}/", t)
        for k, t in SECTION_TITLES.items() if corpus.by_kind(k)]
    used_themes = {t for e in corpus.entries for t in e.themes}
    lists += [(f"thema_{_tag(t)}", f"/themas/{t}/", label) for t, label in THEMES.items()
              if t in used_themes]
    area_titles = {e.slug: e.title for e in corpus.by_kind("area")}
    used_areas = sorted({a for e in corpus.entries for a in e.areas})
    lists += [(f"wijk_{_tag(a)}", f"/wijken/{a}/", area_titles[a]) for a in used_areas]
    for collection, base, title in lists:
        write(src / "_lists" / f"{collection}.njk", ELEVENTY_LIST.format(
            collection=collection, base=base, title=json.dumps(title, ensure_ascii=False)))
    write(src / "index.njk", "---\nlayout: base.njk\ntitle: Benchmarkgids\n---\n<h1>Benchmarkgids"
          "</h1>\n<ul>\n" + "".join(
              f'<li><a href="{base}">{title}</a></li>\n' for _, base, title in lists[:14])
          + "</ul>\n")

    def link(entry: Entry, folder: str, slug: str) -> str:
        return f"/{section_of(folder)}/{slug}/"

    for entry in corpus.entries:
        tags = [_tag(entry.section), *(f"thema_{_tag(t)}" for t in entry.themes),
                *(f"wijk_{_tag(a)}" for a in entry.areas)]
        extra = ["layout: entry.njk", f"tags: [{', '.join(tags)}]"]
        if entry.themes:
            extra.append(f"themes: [{', '.join(entry.themes)}]")
        write(eleventy_path(root, entry), _yaml_front(entry, extra) + "\n" + resolve(entry, link))


ELEVENTY_CONFIG = """module.exports = function () {
  return {
    dir: { input: "src", includes: "_includes" },
    templateFormats: ["md", "njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
};
"""
ELEVENTY_LAYOUTS = {
    "base.njk": """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>{{ title }} | Benchmarkgids</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><header><a href="/">Benchmarkgids</a></header>
<main>{{ content | safe }}</main><footer>Benchmark</footer></body></html>
""",
    "entry.njk": """---
layout: base.njk
---
<article><h1>{{ title }}</h1><p><time>{{ page.date.toISOString().slice(0, 10) }}</time></p>
{% if description %}<p>{{ description }}</p>{% endif %}
{% if themes %}<ul>{% for t in themes %}<li><a href="/themas/{{ t }}/">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
{{ content | safe }}</article>
""",  # noqa: E501
}
ELEVENTY_LIST = """---
pagination:
  data: collections.{collection}
  size: 20
  alias: items
permalink: "{base}{{% if pagination.pageNumber > 0 %}}pagina/{{{{ pagination.pageNumber + 1 }}}}/{{% endif %}}index.html"
layout: base.njk
title: {title}
eleventyExcludeFromCollections: true
---
<h1>{{{{ title }}}}</h1>
<ul>{{% for item in items %}}<li><a href="{{{{ item.url }}}}">{{{{ item.data.title }}}}</a> {{{{ item.data.description }}}}</li>{{% endfor %}}</ul>
<nav>{{% if pagination.href.previous %}}<a href="{{{{ pagination.href.previous }}}}">vorige</a>{{% endif %}}
{{% if pagination.href.next %}}<a href="{{{{ pagination.href.next }}}}">volgende</a>{{% endif %}}</nav>
"""  # noqa: E501

WRITERS: dict[str, tuple[Callable[[Corpus, Path], None], Callable[[Path, Entry], Path]]] = {
    "reisgids": (write_reisgids, reisgids_path),
    "hugo": (write_hugo, hugo_path),
    "mkdocs": (write_mkdocs, mkdocs_path),
    "pelican": (write_pelican, pelican_path),
    "eleventy": (write_eleventy, eleventy_path),
}


def append_edit(path: Path, n: int) -> None:
    """The one-file edit of the rebuild benchmarks: a paragraph added to the end of a body."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nAanvulling {n}: de partners spraken opnieuw af om elkaar elk kwartaal "
                     "te zien en de resultaten samen te bespreken.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("root", type=Path, help="folder to write into (one subfolder per format)")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--format", default="reisgids",
                        help=f"one of {', '.join(WRITERS)}, or all")
    args = parser.parse_args()
    corpus = make_corpus(args.entries, args.seed)
    formats = list(WRITERS) if args.format == "all" else [args.format]
    for name in formats:
        target = args.root if len(formats) == 1 else args.root / name
        WRITERS[name][0](corpus, target)
        print(f"{name}: {len(corpus.entries)} entries in {target}")
    print(", ".join(f"{k} {v}" for k, v in corpus.counts().items()))


if __name__ == "__main__":
    main()
