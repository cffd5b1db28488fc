"""Short field labels for the editor's forms, (Dutch, English), by YAML key.

The explanation of each field sits on the model's field, doc() (shown as the form's hint);
a label is only the name above the input. Kind-specific keys ("lesson.type") win.
"""

from __future__ import annotations

Label = tuple[str, str]

FIELD_LABELS: dict[str, Label] = {
    "address": ("Adres", "Address"), "adopted": ("Vastgesteld", "Adopted"),
    "amount": ("Bedrag", "Amount"), "areas": ("Wijken", "Areas"), "at": ("Bij", "At"),
    "author": ("Auteur", "Author"), "by": ("Van", "By"), "category": ("Categorie", "Category"),
    "change": ("Soort verandering", "Kind of change"), "city": ("Gemeente", "City"),
    "co_created_with": ("Samen gemaakt met", "Co-created with"), "code": ("Wijkcode", "Code"),
    "contact": ("Contact", "Contact"), "contacts": ("Contactpunten", "Contact points"),
    "contributions": ("Inbreng", "Contributions"), "criteria": ("Criteria", "Criteria"),
    "date": ("Datum", "Date"), "deadlines": ("Deadlines", "Deadlines"),
    "deal": ("Deal", "Deal"), "deals": ("Deals", "Deals"), "decision": ("Besluit", "Decision"),
    "document": ("Document", "Document"), "done": ("Klaar", "Done"),
    "draft": ("Concept", "Draft"), "effect": ("Effect", "Effect"),
    "email": ("E-mail", "E-mail"), "end": ("Einde", "End"), "ended": ("Gestopt", "Ended"),
    "expected_results": ("Verwachte resultaten", "Expected results"),
    "experience_experts": ("Ervaringsdeskundigen", "Experience experts"),
    "expiry_date": ("Zichtbaar tot", "Expiry date"),
    "feasibility": ("Haalbaarheid", "Feasibility"), "feedback": ("Terugkoppeling", "Feedback"),
    "documents": ("Besluitdocumenten", "Decision documents"),
    "figures": ("Cijfers", "Figures"), "finance": ("Financiering", "Finance"),
    "for_whom": ("Voor wie", "For whom"), "form": ("Vorm", "Form"),
    "forum": ("Gremium", "Forum"), "frequency": ("Hoe vaak", "Frequency"),
    "from": ("Van organisatie", "From"), "funding": ("Financiering", "Funding"),
    "goal": ("Doel", "Goal"), "history": ("Verloop", "History"),
    "aliases": ("Oude adressen (doorsturen)", "Old addresses (redirects)"),
    "image": ("Afbeelding", "Image"), "image_alt": ("Beschrijving van de afbeelding",
                                                    "Image description"),
    "implication": ("Wat dit betekent", "Implication"), "indicator": ("Indicator", "Indicator"),
    "instruments": ("Instrumenten", "Instruments"), "label": ("Omschrijving", "Label"),
    "lead": ("Trekker", "Lead"), "lessons": ("Lessen", "Lessons"), "level": ("Niveau", "Level"),
    "links": ("Links", "Links"), "location": ("Locatie", "Location"),
    "media_url": ("Link naar video of audio", "Media URL"), "medium": ("Medium", "Medium"),
    "milestones": ("Mijlpalen", "Milestones"), "mitigation": ("Wat we eraan doen",
                                                              "Mitigation"),
    "name": ("Naam", "Name"), "next_check": ("Volgende meting", "Next check"),
    "next_review": ("Volgende schouw", "Next review"), "note": ("Toelichting", "Note"),
    "online": ("Online", "Online"), "organisers": ("Organisatoren", "Organisers"),
    "owner": ("Eigenaar", "Owner"), "parent": ("Onderdeel van", "Part of"),
    "participants": ("Deelnemers", "Participants"), "partner": ("Partner", "Partner"),
    "partners": ("Partners", "Partners"), "peers": ("Collega's", "Peers"),
    "period": ("Periode", "Period"), "phase": ("Fase", "Phase"),
    "phone": ("Telefoon", "Phone"), "priorities": ("Prioriteiten", "Priorities"),
    "project": ("Project", "Project"), "projects": ("Projecten", "Projects"),
    "proposal": ("Voorstel", "Proposal"), "publish_date": ("Zichtbaar vanaf", "Publish date"),
    "registration": ("Aanmelden", "Registration"), "related": ("Zie ook", "Related"),
    "residents": ("Partners in residence", "Partners in residence"),
    "review": ("Schouw", "Review"), "review_agreements": ("Afspraken over de schouw",
                                                         "Review agreements"),
    "reviewed": ("Gecontroleerd op", "Reviewed"), "risk": ("Risico", "Risk"),
    "risks": ("Risico's", "Risks"), "role": ("Rol", "Role"),
    "scalability": ("Opschaalbaarheid", "Scalability"), "setting": ("Vorm", "Setting"),
    "since": ("Sinds", "Since"), "sources": ("Bronnen", "Sources"), "start": ("Begin", "Start"),
    "started": ("Gestart", "Started"), "status": ("Status", "Status"),
    "steps": ("Stappen", "Steps"), "success": ("Succes", "Success"),
    "summary": ("Samenvatting", "Summary"), "tags": ("Trefwoorden", "Tags"),
    "team": ("Team", "Team"), "text": ("Tekst", "Text"), "theme": ("Thema", "Theme"),
    "themes": ("Thema's", "Themes"), "title": ("Titel", "Title"),
    "type": ("Soort", "Type"), "updated": ("Bijgewerkt", "Updated"),
    "url": ("Webadres", "URL"), "valid_until": ("Geldig tot", "Valid until"),
    "value": ("Waarde", "Value"), "website": ("Website", "Website"),
    "yardstick": ("Meetlat", "Yardstick"), "year": ("Jaar", "Year"),
    "body": ("Tekst", "Text"),
    # kind-specific
    "lesson.sources.review": ("Schouw", "Review"),
    "review.peers": ("Collega-schouwers", "Peers"),
}


def label_for(kind: str, path: str) -> Label:
    """The label of the field at dotted `path` of `kind`; the key itself when unknown."""
    key = path.rsplit(".", 1)[-1]
    return FIELD_LABELS.get(f"{kind}.{path}") or FIELD_LABELS.get(key) or (key, key)
