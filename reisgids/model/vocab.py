"""The fixed enums of the content model: id -> (Dutch label, English label)."""

from __future__ import annotations

Labels = dict[str, tuple[str, str]]

CHANGE: Labels = {
    "none": ("Geen", "None"), "deal-template": ("Dealsjabloon", "Deal template"),
    "procurement": ("Inkoop", "Procurement"), "subsidy": ("Subsidie", "Subsidy"),
    "policy": ("Beleid", "Policy"), "organisation": ("Organisatie", "Organisation"),
    "accountability": ("Verantwoording", "Accountability"),
    "funding-term": ("Financieringstermijn", "Funding term"),
    "governance": ("Governance", "Governance"), "real-estate": ("Vastgoed", "Real estate"),
}

VOCABS: dict[str, Labels] = {
    "deal.phase": {
        "partners": ("Partners zoeken", "Finding partners"), "idea": ("Idee", "Idea"),
        "test": ("Toetsing", "Testing"), "planning": ("Planning", "Planning"),
        "kick-off": ("Kick-off", "Kick-off"), "execution": ("Uitvoering", "Execution"),
        "review": ("Schouw", "Review"), "completed": ("Afgerond", "Completed"),
        "stopped": ("Gestopt", "Stopped"),
    },
    "deal.role": {
        "initiator": ("Initiatiefnemer", "Initiator"), "partner": ("Partner", "Partner"),
        "facilitator": ("Facilitator", "Facilitator"), "funder": ("Financier", "Funder"),
        "network-manager": ("Netwerkmanager", "Network manager"),
        "ambassador": ("Aanjager", "Ambassador"),
    },
    "contribution": {
        "money": ("Geld", "Money"), "knowledge": ("Kennis", "Knowledge"),
        "network": ("Netwerk", "Network"), "people": ("Menskracht", "People"),
        "space": ("Ruimte", "Space"), "rule-space": ("Regelruimte", "Room in the rules"),
        "other": ("Anders", "Other"),
    },
    "finance": {
        "subsidy": ("Subsidie", "Subsidy"), "donation": ("Donatie", "Donation"),
        "subcontracting": ("Onderaannemerschap", "Subcontracting"),
        "commission": ("Opdracht", "Commission"), "tender": ("Aanbesteding", "Tender"),
        "own-contribution": ("Eigen inbreng", "Own contribution"), "fund": ("Fonds", "Fund"),
    },
    "project.status": {
        "idea": ("Idee", "Idea"), "running": ("Lopend", "Running"),
        "completed": ("Afgerond", "Completed"), "stopped": ("Gestopt", "Stopped"),
    },
    "instrument.type": {
        "subsidy": ("Subsidie", "Subsidy"), "scheme": ("Regeling", "Scheme"),
        "budget": ("Budget", "Budget"), "right": ("Recht", "Right"),
        "network": ("Netwerk", "Network"), "programme": ("Programma", "Programme"),
    },
    "instrument.status": {
        "open": ("Open", "Open"), "closed": ("Gesloten", "Closed"),
        "ended": ("Beëindigd", "Ended"),
    },
    "review.steps": {
        "open": ("Open schouw", "Open review"), "yardstick": ("Meetlat", "Yardstick"),
        "appreciative": ("Waarderende schouw", "Appreciative review"),
        "discussion": ("Bespreking", "Discussion"), "report": ("Rapportage", "Report"),
    },
    "lesson.level": {
        "interaction": ("Interactie", "Interaction"), "network": ("Netwerk", "Network"),
        "institutional": ("Institutioneel", "Institutional"),
    },
    "lesson.type": {
        "content": ("Inhoud", "Content"), "cooperation": ("Samenwerking", "Cooperation"),
        "system": ("Systeem", "System"),
    },
    "lesson.effect": {"process": ("Proces", "Process"), "outcome": ("Uitkomst", "Outcome")},
    "change": CHANGE,
    "agenda.change": {k: v for k, v in CHANGE.items() if k != "none"},
    "agenda.status": {
        "inventoried": ("Geïnventariseerd", "Inventoried"),
        "on-agenda": ("Geagendeerd", "On the agenda"), "decided": ("Besloten", "Decided"),
        "fed-back": ("Teruggekoppeld", "Fed back"), "monitoring": ("Gemonitord", "Monitored"),
        "anchored": ("Geborgd", "Anchored"), "withdrawn": ("Ingetrokken", "Withdrawn"),
    },
    "decision": {
        "adopted": ("Aangenomen", "Adopted"), "rejected": ("Afgewezen", "Rejected"),
        "postponed": ("Aangehouden", "Postponed"),
    },
    "story.medium": {"blog": ("Blog", "Blog"), "video": ("Video", "Video"),
                     "podcast": ("Podcast", "Podcast")},
    "event.type": {
        "training": ("Training", "Training"), "meeting": ("Bijeenkomst", "Meeting"),
        "kick-off": ("Kick-off", "Kick-off"), "review": ("Schouw", "Review"),
        "awards": ("Prijsuitreiking", "Awards"), "other": ("Anders", "Other"),
    },
    "listing.type": {"request": ("Vraag", "Request"), "offer": ("Aanbod", "Offer")},
    "listing.category": {
        "knowledge": ("Kennis", "Knowledge"), "hands": ("Handen", "Hands"),
        "space": ("Ruimte", "Space"), "partner": ("Partner", "Partner"),
        "training": ("Training", "Training"), "money": ("Geld", "Money"),
        "other": ("Anders", "Other"),
    },
    "compass.cadence": {"yearly": ("Jaarlijks", "Yearly"),
                        "biennial": ("Tweejaarlijks", "Biennial"),
                        "half-yearly": ("Halfjaarlijks", "Half-yearly")},
    "language": {"nl": ("Nederlands", "Dutch"), "en": ("Engels", "English")},
}


def label(vocab: str, value: str, language: str = "nl") -> str:
    labels = VOCABS[vocab].get(value)
    if labels is None:
        return value
    return labels[1] if language == "en" else labels[0]
