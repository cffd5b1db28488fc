"""`reisgids new`: which kind and which file name an editor asked for.

Every word the kind registry (reisgids.model.kinds) accepts for a kind, a hint for a
near miss, and the usage errors (in the site's language) the command stops with.
"""

from __future__ import annotations

import click

from reisgids.errors import Text
from reisgids.hints import closest
from reisgids.model.kinds import SPECS
from reisgids.source.discover import SLUG_RE, suggest_slug
from reisgids.source.kinds import COMPASS_SYNONYMS, FOLDER_SYNONYMS, FOLDERS, KINDS


def in_language(language: str, nl: str, en: str) -> str:
    """The Dutch or English text: the file and the errors speak the site's language."""
    return en if language == "en" else nl


def usage_error(message: Text, hint: Text | None, language: str) -> click.UsageError:
    """A click usage error, so the CLI prints it without a traceback."""
    text = message.get(language)
    if hint is not None:
        text += f" — {hint.get(language)}"
    return click.UsageError(text, ctx=click.get_current_context(silent=True))


# words editors use for two kinds at once: asked, never guessed
AMBIGUOUS = frozenset({"agenda"})


def kind_names() -> dict[str, str]:
    """Every name `reisgids new` accepts for a kind -> the kind id."""
    names: dict[str, str] = {kind: kind for kind in KINDS}
    names.update(FOLDERS)
    for name, folder in FOLDER_SYNONYMS.items():
        if folder in FOLDERS:
            names.setdefault(name, FOLDERS[folder])
    for name, sub in COMPASS_SYNONYMS.items():
        if f"compass/{sub}" in FOLDERS:
            names.setdefault(name, FOLDERS[f"compass/{sub}"])
    for spec in SPECS:  # the words each kind's spec adds
        for name in spec.names:
            names.setdefault(name, spec.kind.value)
    return names


def _normalise(name: str) -> str:
    text = name.strip().lower().replace("\\", "/").replace("_", "-").strip("/")
    text = text.removeprefix("content/")
    for prefix in ("kompas/", "compass/"):
        if text.startswith(prefix):
            rest = text[len(prefix):]
            text = "compass/" + COMPASS_SYNONYMS.get(rest, rest)
    return text


def resolve_kind(name: str, language: str = "nl") -> str:
    """The kind id for what an editor typed; a usage error with a hint when unknown."""
    names = kind_names()
    if _normalise(name) in AMBIGUOUS:
        raise usage_error(Text(f"'{name}' kan twee soorten zijn: een evenement (event, in "
                          "content/events/) of een agendapunt van het reiskompas (agenda-item, "
                          "in content/compass/agenda/)",
                          f"'{name}' can be two kinds: an event (event, in content/events/) "
                          "or an agenda item of the compass (agenda-item, in "
                          "content/compass/agenda/)"),
                     Text("schrijf 'reisgids new event ...' of 'reisgids new agenda-item ...'",
                          "write 'reisgids new event ...' or 'reisgids new agenda-item ...'"),
                     language)
    found = names.get(_normalise(name))
    if found is not None:
        return found
    guess = closest(_normalise(name), names)
    listing = ", ".join(KINDS)
    hint = (Text(f"bedoelde je '{names[guess]}'? Soorten: {listing}",
                 f"did you mean '{names[guess]}'? Kinds: {listing}") if guess else
            Text(f"kies een van: {listing}", f"choose one of: {listing}"))
    raise usage_error(Text(f"'{name}' is geen bekende soort", f"'{name}' is not a known kind"),
                 hint, language)


def check_slug(slug: str, language: str = "nl") -> None:
    if SLUG_RE.match(slug):
        return
    stem = slug[:-3] if slug.lower().endswith(".md") else slug
    better = suggest_slug(stem)
    raise usage_error(Text(f"'{slug}' is geen geldige naam: alleen kleine letters a-z, cijfers en "
                      "losse streepjes, zonder .md",
                      f"'{slug}' is not a valid name: only lowercase a-z, digits and single "
                      "hyphens, without .md"),
                 Text(f"probeer '{better}'", f"try '{better}'"), language)
