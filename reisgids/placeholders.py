"""The sentences `reisgids new` writes where an editor's own text belongs. Shared by the
scaffold (which writes them) and the check (which warns while any is left)."""

from __future__ import annotations

# by field path (kind-specific first); (Dutch, English)
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "summary": ("Vat hier in één of twee zinnen samen waar dit over gaat.",
                "Summarise here in one or two sentences what this is about."),
    "deal.goal": ("Beschrijf hier het gezamenlijke doel van de deal.",
                  "Describe the shared goal of the deal here."),
    "agenda-item.proposal": ("Beschrijf hier wat er moet veranderen, en door wie.",
                             "Describe here what should change, and by whom."),
    "links.title": ("Meer informatie", "More information"),
    "deal.residents.name": ("Naam van de persoon", "Name of the person"),
    "deal.risks.risk": ("Wat kan er misgaan?", "What could go wrong?"),
    "deal.milestones.title": ("Wat er dan klaar is", "What is done by then"),
    "project.figures.label": ("Deelnemers", "Participants"),
    "project.figures.value": ("100", "100"),
    "partner.contacts.role": ("Algemene vragen", "General questions"),
    "review.peers.name": ("Naam van de collega", "Name of the peer"),
    "lesson.sources.document": ("Titel van het document", "Title of the document"),
    "compass-edition.adopted.forum": ("gemeenteraad", "city council"),
    "compass-edition.priorities.text": ("Wat voorrang krijgt", "What gets priority"),
}
FILL_IN = ("Vul dit in.", "Fill this in.")
# earlier versions of `reisgids new` wrote this sentence into the body
OLD_BODY_TEXT = ("Schrijf hier de tekst. Tussenkopjes begin je met ##.",
                 "Write the text here. Start subheadings with ##.")
# examples that may well be real text ('Meer informatie', '100') are not reported
_ALSO_REAL = {"links.title", "project.figures.label", "project.figures.value",
              "partner.contacts.role", "compass-edition.adopted.forum"}

LEFTOVERS: frozenset[str] = frozenset(
    text for path, pair in PLACEHOLDERS.items() if path not in _ALSO_REAL for text in pair
) | frozenset(FILL_IN) | frozenset(OLD_BODY_TEXT)
