"""The content folders and the kind each one holds (read from reisgids.model.kinds)."""

from __future__ import annotations

from reisgids.model.kinds import SPECS

# folder under content/ -> kind id, in registry order
FOLDERS: dict[str, str] = {spec.folder: spec.kind.value for spec in SPECS}
KINDS: tuple[str, ...] = tuple(FOLDERS.values())
# An adopted edition's frozen snapshot lies beside it: content/compass/editions/2025.snapshot.yml
SNAPSHOT_FOLDER = "compass/editions"
SNAPSHOT_SUFFIX = ".snapshot.yml"
FOLDER_OF: dict[str, str] = {spec.kind.value: spec.folder for spec in SPECS}

# Names an editor may reach for (Dutch, singular, the URL word) -> the right folder.
FOLDER_SYNONYMS: dict[str, str] = {
    "deal": "deals", "projecten": "projects", "project": "projects", "initiatieven": "projects",
    "partner": "partners", "organisaties": "partners", "instrumenten": "instruments",
    "instrument": "instruments", "regelingen": "instruments", "schouwen": "reviews",
    "schouw": "reviews", "review": "reviews", "lessen": "lessons", "les": "lessons",
    "lesson": "lessons", "kompas": "compass", "nieuws": "news", "verhalen": "stories",
    "story": "stories", "evenementen": "events", "agenda": "events", "event": "events",
    "marktplaats": "marketplace", "listings": "marketplace", "wijken": "areas",
    "wijk": "areas", "area": "areas", "paginas": "pages", "pagina": "pages", "page": "pages",
    "edities": "compass/editions", "editions": "compass/editions",
}
COMPASS_SYNONYMS: dict[str, str] = {"edities": "editions", "edition": "editions",
                                    "editie": "editions", "agendapunten": "agenda",
                                    "items": "agenda"}
