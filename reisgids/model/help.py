"""What every field is: one line of plain explanation in Dutch and English.

Keys of FIELD_HELP are ``"field"`` (every kind) or ``"kind.field"``; nested fields add
their parent's key (``"deal.partners.role"``). A kind-specific key wins over the general
one. Whether a field is required, which values a fixed list allows and how to write a date
are added by whoever shows the text (``reisgids new``, the JSON Schema, the reference):
they read them from the models through reisgids.model.describe. The lines here only say
what the field is for.
"""

from __future__ import annotations

Help = tuple[str, str]  # (Dutch, English)

KIND_LABELS: dict[str, Help] = {
    "deal": ("Deal", "Deal"),
    "project": ("Project", "Project"),
    "partner": ("Partner", "Partner"),
    "instrument": ("Instrument", "Instrument"),
    "review": ("Schouw", "Review"),
    "lesson": ("Les", "Lesson"),
    "agenda-item": ("Agendapunt", "Agenda item"),
    "compass-edition": ("Kompaseditie", "Compass edition"),
    "news": ("Nieuwsbericht", "News item"),
    "story": ("Verhaal", "Story"),
    "event": ("Evenement", "Event"),
    "listing": ("Vraag of aanbod", "Listing"),
    "area": ("Wijk", "Area"),
    "page": ("Pagina", "Page"),
}

KIND_HELP: dict[str, Help] = {
    "deal": ("Een zorg- en welzijnsdeal: partners die samen een doel in de wijk oppakken.",
             "A care and welfare deal: partners who take on a goal in the neighbourhood "
             "together."),
    "project": ("Een initiatief of voorbeeldcase: wat er in de praktijk gebeurt.",
                "An initiative or case: what happens in practice."),
    "partner": ("Een organisatie die meedoet: gemeente, zorgaanbieder, initiatief, fonds.",
                "An organisation that takes part: municipality, care provider, initiative, "
                "fund."),
    "instrument": ("Een subsidie, regeling, budget, recht, netwerk of programma.",
                   "A subsidy, scheme, budget, right, network or programme."),
    "review": ("Een schouw: het verslag van een gezamenlijke terugblik op één deal.",
               "A review (schouw): the report of a joint look back at one deal."),
    "lesson": ("Een les of succes, getrokken uit een schouw, deal, project of document.",
               "A lesson or success, drawn from a review, deal, project or document."),
    "agenda-item": ("Een voorstel voor een structurele verandering, gevolgd tot het klaar is.",
                    "A proposed structural change, followed until it ends."),
    "compass-edition": ("Een editie van het reiskompas: de stand van de agenda in een periode.",
                        "An edition of the compass: the state of the agenda in one period."),
    "news": ("Een nieuwsbericht.", "A news item."),
    "story": ("Een verhaal: blog, video of podcast.", "A story: blog, video or podcast."),
    "event": ("Een bijeenkomst, training, kick-off of andere activiteit.",
              "A meeting, training, kick-off or other event."),
    "listing": ("Een vraag of aanbod op de marktplaats.",
                "A request or offer on the marketplace."),
    "area": ("Een wijk of buurt.", "A neighbourhood or district."),
    "page": ("Een losse pagina, zoals 'over deze site' of de toegankelijkheidsverklaring.",
             "A standalone page, such as 'about' or the accessibility statement."),
}

FIELD_HELP: dict[str, Help] = {
    # --- every kind ------------------------------------------------------------------
    "title": ("De naam zoals bezoekers hem zien.", "The name as visitors see it."),
    "summary": ("Een korte samenvatting in één of twee zinnen (hoogstens 300 tekens), voor "
                "kaarten, zoekresultaten en zoekmachines.",
                "A short summary in one or two sentences (at most 300 characters), for cards, "
                "search results and search engines."),
    "themes": ("De thema's waar dit over gaat, uit de themalijst van de site.",
               "The themes this is about, from the site's list of themes."),
    "areas": ("De wijken waar dit speelt.", "The neighbourhoods where this takes place."),
    "tags": ("Vrije trefwoorden.", "Free keywords."),
    "date": ("De datum waarop dit verscheen of gebeurde.",
             "The date this appeared or happened."),
    "updated": ("De datum van de laatste inhoudelijke wijziging.",
                "The date of the last change to the content."),
    "draft": ("Zet op true zolang het nog niet af is: dan komt het niet op de site.",
              "Set to true while it is not finished: then it stays off the site."),
    "publish_date": ("Pas vanaf deze datum zichtbaar op de site.",
                     "Visible on the site only from this date."),
    "expiry_date": ("Na deze datum niet meer zichtbaar op de site.",
                    "No longer visible on the site after this date."),
    "image": ("Een afbeelding uit de map static/.", "An image from the static/ folder."),
    "image_alt": ("Wat er op de afbeelding staat, voor wie hem niet kan zien; nodig bij een "
                  "afbeelding.",
                  "What the image shows, for people who cannot see it; needed with an image."),
    "links": ("Links naar meer informatie elders.", "Links to more information elsewhere."),
    "links.title": ("De tekst van de link.", "The text of the link."),
    "links.url": ("Het webadres.", "The web address."),
    "aliases": ("Oude adressen van deze pagina (na een nieuwe bestandsnaam), zoals "
                "/deals/oude-naam/: die sturen bezoekers hierheen.",
                "Old addresses of this page (after a rename), such as /deals/old-name/: "
                "they send visitors here."),
    "related": ("Andere pagina's van deze site waar dit over gaat, als {soort: naam}.",
                "Other pages of this site this is about, as {kind: name}."),
    # --- deal ------------------------------------------------------------------------
    "deal.summary": ("Waar de deal over gaat, in één of twee zinnen (hoogstens 300 tekens).",
                     "What the deal is about, in one or two sentences (at most 300 "
                     "characters)."),
    "deal.goal": ("Het gezamenlijke doel: wat moet er voor de wijk of de bewoners beter "
                  "worden?",
                  "The shared goal: what should improve for the neighbourhood or residents?"),
    "deal.phase": ("De fase waarin de deal nu is.", "The phase the deal is in now."),
    "deal.partners": ("De partners en hun rol; vanaf de fase planning zijn er minstens twee.",
                      "The partners and their role; from the planning phase on there are at "
                      "least two."),
    "deal.partners.partner": ("De organisatie.", "The organisation."),
    "deal.partners.role": ("De rol van deze partner in de deal.",
                           "This partner's role in the deal."),
    "deal.partners.contributions": ("Wat deze partner inbrengt.",
                                    "What this partner contributes."),
    "deal.partners.note": ("Een korte toelichting op de bijdrage.",
                           "A short note on the contribution."),
    "deal.residents": ("Partners in residence: mensen die vanuit hun eigen organisatie "
                       "meewerken bij een andere partner.",
                       "Partners in residence: people who work at another partner on behalf "
                       "of their own organisation."),
    "deal.residents.name": ("De naam van de persoon.", "The person's name."),
    "deal.residents.from": ("De organisatie waar deze persoon vandaan komt.",
                            "The organisation this person comes from."),
    "deal.residents.at": ("De organisatie waar deze persoon meewerkt.",
                          "The organisation where this person works along."),
    "deal.residents.since": ("Sinds wanneer.", "Since when."),
    "deal.feasibility": ("Waarom de deal haalbaar is.", "Why the deal is feasible."),
    "deal.risks": ("Wat er mis kan gaan, en wat jullie daaraan doen.",
                   "What could go wrong, and what you do about it."),
    "deal.risks.risk": ("Het risico.", "The risk."),
    "deal.risks.mitigation": ("Hoe jullie het risico kleiner maken.",
                              "How you reduce the risk."),
    "deal.expected_results": ("De resultaten die jullie verwachten, één per regel.",
                              "The results you expect, one per line."),
    "deal.scalability": ("Of en hoe de aanpak ook elders of groter kan.",
                         "Whether and how the approach can work elsewhere or at a larger "
                         "scale."),
    "deal.finance": ("Hoe de deal betaald wordt.", "How the deal is paid for."),
    "deal.review_agreements": ("De afspraken over de schouw van deze deal.",
                               "The agreements about reviewing this deal."),
    "deal.review_agreements.frequency": ("Hoe vaak jullie schouwen.",
                                         "How often you review."),
    "deal.review_agreements.peers": ("Wie er als collega van buiten meekijkt.",
                                     "Which peers from outside take part."),
    "deal.review_agreements.setting": ("Waar en in welke vorm de schouw plaatsvindt.",
                                       "Where and in what form the review takes place."),
    "deal.start": ("De startdatum van de deal.", "The start date of the deal."),
    "deal.end": ("De geplande einddatum; niet vóór de start.",
                 "The planned end date; not before the start."),
    "deal.milestones": ("De mijlpalen van de deal.", "The milestones of the deal."),
    "deal.milestones.date": ("De datum van de mijlpaal.", "The date of the milestone."),
    "deal.milestones.title": ("Wat er dan klaar moet zijn.", "What should be done by then."),
    "deal.milestones.done": ("true als de mijlpaal gehaald is.",
                             "true when the milestone has been reached."),
    "deal.projects": ("De projecten die bij deze deal horen.",
                      "The projects that belong to this deal."),
    "deal.instruments": ("De regelingen of budgetten die de deal gebruikt.",
                         "The schemes or budgets the deal uses."),
    # --- project ---------------------------------------------------------------------
    "project.summary": ("Waar het project over gaat, in één of twee zinnen (hoogstens 300 "
                        "tekens).",
                        "What the project is about, in one or two sentences (at most 300 "
                        "characters)."),
    "project.status": ("Hoe het project er nu voor staat.", "Where the project stands now."),
    "project.form": ("De organisatievorm, uit de lijst van de site.",
                     "The form of organisation, from the site's list."),
    "project.lead": ("De organisatie die het project trekt.",
                     "The organisation that leads the project."),
    "project.partners": ("De organisaties die meedoen.", "The organisations that take part."),
    "project.started": ("Wanneer het begon: een jaar of een datum.",
                        "When it started: a year or a date."),
    "project.ended": ("Wanneer het stopte: een jaar of een datum.",
                      "When it ended: a year or a date."),
    "project.city": ("De gemeente of plaats.", "The municipality or town."),
    "project.website": ("De eigen website van het project.", "The project's own website."),
    "project.contact": ("Hoe je het project bereikt.", "How to reach the project."),
    "project.contact.email": ("Het e-mailadres; liefst een functioneel adres.",
                              "The e-mail address; preferably a shared address."),
    "project.contact.phone": ("Het telefoonnummer.", "The phone number."),
    "project.instruments": ("De regelingen of budgetten die het project gebruikt.",
                            "The schemes or budgets the project uses."),
    "project.funding": ("Hoe het project betaald wordt.", "How the project is paid for."),
    "project.figures": ("De belangrijkste cijfers van het project.",
                        "The project's key figures."),
    "project.figures.label": ("Wat er geteld is.", "What was counted."),
    "project.figures.value": ("Het getal of de waarde.", "The number or value."),
    "project.figures.year": ("Het jaar waar het cijfer over gaat.",
                             "The year the figure is about."),
    "project.deals": ("De deals waar dit project bij hoort.",
                      "The deals this project belongs to."),
    # --- partner ---------------------------------------------------------------------
    "partner.type": ("Het soort organisatie, uit de lijst van de site.",
                     "The type of organisation, from the site's list."),
    "partner.website": ("De website van de organisatie.", "The organisation's website."),
    "partner.email": ("Het algemene e-mailadres.", "The general e-mail address."),
    "partner.phone": ("Het algemene telefoonnummer.", "The general phone number."),
    "partner.address": ("Het bezoekadres.", "The visiting address."),
    "partner.parent": ("De organisatie waar deze organisatie onder valt.",
                       "The organisation this one is part of."),
    "partner.contacts": ("Aanspreekpunten: bij wie je terechtkunt, liefst met een functioneel "
                         "adres.",
                         "Contact points: who to turn to, preferably with a shared address."),
    "partner.contacts.role": ("Waarvoor je hier terechtkunt.", "What to contact them for."),
    "partner.contacts.team": ("Het team of de afdeling.", "The team or department."),
    "partner.contacts.name": ("De naam van de contactpersoon.", "The contact person's name."),
    "partner.contacts.email": ("Het e-mailadres.", "The e-mail address."),
    "partner.contacts.phone": ("Het telefoonnummer.", "The phone number."),
    "partner.reviewed": ("Wanneer de gegevens van deze partner voor het laatst zijn "
                         "nagekeken.",
                         "When this partner's details were last checked."),
    # --- instrument ------------------------------------------------------------------
    "instrument.type": ("Het soort instrument.", "The type of instrument."),
    "instrument.status": ("Of je er nu gebruik van kunt maken.", "Whether it can be used now."),
    "instrument.owner": ("De organisatie die het instrument beheert.",
                         "The organisation that runs the instrument."),
    "instrument.url": ("Waar je meer leest of aanvraagt.",
                       "Where to read more or to apply."),
    "instrument.for_whom": ("Voor wie het bedoeld is.", "Who it is meant for."),
    "instrument.amount": ("Hoeveel geld ermee gemoeid is, in woorden of cijfers.",
                          "How much money is involved, in words or figures."),
    "instrument.deadlines": ("De uiterste aanvraagdata.", "The application deadlines."),
    "instrument.reviewed": ("Wanneer de gegevens van dit instrument voor het laatst zijn "
                            "nagekeken.",
                            "When this instrument's details were last checked."),
    # --- review ----------------------------------------------------------------------
    "review.deal": ("De deal die geschouwd is.", "The deal that was reviewed."),
    "review.date": ("De dag van de schouw.", "The day of the review."),
    "review.steps": ("De stappen van de schouw die al gezet zijn.",
                     "The steps of the review that have been taken."),
    "review.participants": ("De organisaties die meededen.",
                            "The organisations that took part."),
    "review.peers": ("De collega's van buiten die meekeken.",
                     "The peers from outside who took part."),
    "review.peers.name": ("De naam van de collega.", "The peer's name."),
    "review.peers.partner": ("De organisatie van de collega.", "The peer's organisation."),
    "review.experience_experts": ("Welke ervaringsdeskundigen meededen, en hoe.",
                                  "Which experts by experience took part, and how."),
    "review.yardstick": ("De meetlat: waaraan elke partner de deal afmeet.",
                         "The yardstick: what each partner measures the deal by."),
    "review.yardstick.partner": ("De partner.", "The partner."),
    "review.yardstick.criteria": ("Waaraan deze partner succes afmeet, één per regel.",
                                  "What this partner measures success by, one per line."),
    "review.next_review": ("De datum van de volgende schouw.", "The date of the next review."),
    # --- lesson ----------------------------------------------------------------------
    "lesson.summary": ("De les in één of twee zinnen (hoogstens 300 tekens).",
                       "The lesson in one or two sentences (at most 300 characters)."),
    "lesson.date": ("Wanneer de les is getrokken.", "When the lesson was drawn."),
    "lesson.success": ("true als dit een succes is in plaats van een les.",
                       "true when this is a success rather than a lesson."),
    "lesson.sources": ("Waar de les vandaan komt: een schouw, deal, project of document.",
                       "Where the lesson comes from: a review, deal, project or document."),
    "lesson.sources.review": ("Een schouw.", "A review."),
    "lesson.sources.deal": ("Een deal.", "A deal."),
    "lesson.sources.project": ("Een project.", "A project."),
    "lesson.sources.document": ("De titel van een document, zoals een rapport.",
                                "The title of a document, such as a report."),
    "lesson.sources.url": ("Waar het document te vinden is.", "Where to find the document."),
    "lesson.sources.year": ("Het jaar van het document.", "The year of the document."),
    "lesson.level": ("Op welk niveau de les speelt.", "The level the lesson is about."),
    "lesson.type": ("Waar de les over gaat.", "What the lesson is about."),
    "lesson.effect": ("Of de les over de werkwijze gaat of over het resultaat.",
                      "Whether the lesson is about the way of working or about the result."),
    "lesson.change": ("Welke structurele verandering de les vraagt; none als er niets hoeft "
                      "te veranderen.",
                      "Which structural change the lesson calls for; none when nothing needs "
                      "to change."),
    "lesson.implication": ("Wat de les betekent voor de volgende keer.",
                           "What the lesson means for next time."),
    # --- agenda-item -----------------------------------------------------------------
    "agenda-item.summary": ("Het voorstel in één of twee zinnen (hoogstens 300 tekens).",
                            "The proposal in one or two sentences (at most 300 characters)."),
    "agenda-item.lessons": ("De lessen waar dit voorstel uit voortkomt.",
                            "The lessons this proposal comes from."),
    "agenda-item.change": ("Wat er structureel moet veranderen.",
                           "What should change structurally."),
    "agenda-item.proposal": ("Het voorstel: wat moet er anders, en door wie?",
                             "The proposal: what should change, and by whom?"),
    "agenda-item.owner": ("De organisatie die het voorstel trekt.",
                          "The organisation that takes the proposal forward."),
    "agenda-item.history": ("Het verloop, oudste eerst; de laatste regel is de huidige status.",
                            "What happened, oldest first; the last entry is the current "
                            "status."),
    "agenda-item.history.date": ("De datum van deze stap; nooit eerder dan de vorige.",
                                 "The date of this step; never before the previous one."),
    "agenda-item.history.status": ("De status vanaf deze datum.",
                                   "The status from this date on."),
    "agenda-item.history.note": ("Een toelichting; nodig bij besloten, geborgd en ingetrokken.",
                                 "A note; needed for decided, anchored and withdrawn."),
    "agenda-item.history.forum": ("Waar het geagendeerd is, zoals directie, college of "
                                  "gemeenteraad; nodig bij geagendeerd.",
                                  "Where it is on the agenda, such as the board, the executive "
                                  "or the council; needed for on-agenda."),
    "agenda-item.history.decision": ("Het besluit; nodig bij besloten.",
                                     "The decision; needed for decided."),
    "agenda-item.history.feedback": ("Wat er aan wie is teruggekoppeld; nodig bij "
                                     "teruggekoppeld.",
                                     "What was reported back, to whom; needed for fed-back."),
    "agenda-item.history.indicator": ("Waaraan je ziet of de verandering werkt; nodig bij "
                                      "gemonitord.",
                                      "How you can tell whether the change works; needed for "
                                      "monitoring."),
    "agenda-item.history.next_check": ("Wanneer er weer gekeken wordt; nodig bij gemonitord.",
                                       "When it will be checked again; needed for "
                                       "monitoring."),
    "agenda-item.history.documents": (
        "De stukken van deze stap, zoals een raadsbesluit of collegebrief: een titel en een "
        "adres (https://...) of een bestand in static/ (/static/...).",
        "The documents of this step, such as a council decision or a letter from the "
        "executive: a title and an address (https://...) or a file in static/ (/static/...)."),
    "agenda-item.history.documents.title": ("De titel van het document, zoals "
                                            "'Raadsbesluit 12 maart 2026'.",
                                            "The title of the document, such as 'Council "
                                            "decision 12 March 2026'."),
    "agenda-item.history.documents.url": ("Waar het document staat: https://... of "
                                          "/static/....",
                                          "Where the document is: https://... or "
                                          "/static/...."),
    # --- compass-edition -------------------------------------------------------------
    "compass-edition.period": ("De periode van deze editie, begin en einde meegerekend.",
                               "The period of this edition, start and end included."),
    "compass-edition.period.start": ("De eerste dag van de periode.",
                                     "The first day of the period."),
    "compass-edition.period.end": ("De laatste dag van de periode.",
                                   "The last day of the period."),
    "compass-edition.adopted": ("Wanneer en door wie de editie is vastgesteld; zonder dit "
                                "heet de editie een concept.",
                                "When and by whom the edition was adopted; without it the "
                                "edition is a draft."),
    "compass-edition.adopted.date": ("De datum van vaststelling.", "The date of adoption."),
    "compass-edition.adopted.forum": ("Wie de editie heeft vastgesteld.",
                                      "Who adopted the edition."),
    "compass-edition.co_created_with": ("De organisaties die aan deze editie meeschreven.",
                                        "The organisations that helped write this edition."),
    "compass-edition.priorities": ("De prioriteiten voor de volgende ronde deals.",
                                   "The priorities for the next round of deals."),
    "compass-edition.priorities.theme": ("Het thema, uit de themalijst van de site.",
                                         "The theme, from the site's list of themes."),
    "compass-edition.priorities.text": ("Wat er binnen dit thema voorrang krijgt.",
                                        "What gets priority within this theme."),
    # --- news, story -----------------------------------------------------------------
    "news.date": ("De datum van het bericht.", "The date of the news item."),
    "story.date": ("De datum van het verhaal.", "The date of the story."),
    "story.medium": ("De vorm van het verhaal.", "The form of the story."),
    "story.author": ("Wie het verhaal maakte.", "Who made the story."),
    "story.media_url": ("Het adres van de video of podcast.",
                        "The address of the video or podcast."),
    # --- event -----------------------------------------------------------------------
    "event.start": ("Wanneer het begint: een datum (hele dag) of datum en tijd.",
                    "When it starts: a date (whole day) or a date and time."),
    "event.end": ("Wanneer het eindigt, net zo geschreven als de start; niet vóór de start.",
                  "When it ends, written like the start; not before the start."),
    "event.type": ("Het soort evenement.", "The type of event."),
    "event.location": ("Waar het is.", "Where it is."),
    "event.online": ("true als je online kunt meedoen.", "true when you can join online."),
    "event.organisers": ("De organisaties die het organiseren.",
                         "The organisations that organise it."),
    "event.registration": ("Waar je je aanmeldt.", "Where to register."),
    # --- listing ---------------------------------------------------------------------
    "listing.type": ("Of dit een vraag of een aanbod is.", "Whether this is a request or an "
                     "offer."),
    "listing.category": ("Waar de vraag of het aanbod over gaat.",
                         "What the request or offer is about."),
    "listing.by": ("De organisatie die vraagt of aanbiedt.",
                   "The organisation that asks or offers."),
    "listing.contact": ("Het e-mailadres voor reacties.", "The e-mail address for replies."),
    "listing.valid_until": ("Tot wanneer het geldt; daarna gaat het naar het archief.",
                            "Until when it is valid; after that it moves to the archive."),
    # --- area ------------------------------------------------------------------------
    "area.city": ("De gemeente.", "The municipality."),
    "area.code": ("De wijk- of buurtcode van het CBS.",
                  "The neighbourhood code of Statistics Netherlands (CBS)."),
}


def help_for(kind: str, path: str) -> Help:
    """The explanation of field `path` (``partners.role``) of `kind`."""
    found = FIELD_HELP.get(f"{kind}.{path}") or FIELD_HELP.get(path)
    if found is None:
        raise KeyError(f"no help for {kind}.{path}")
    return found


