"""The kinds of content, as a closed set of names.

Only the names live here (no models), so that fields and models can say which kind a
reference points at without importing the registry that imports them. Everything else
about a kind is in its spec in reisgids.model.kinds.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """A kind's id: the word in `{deal: slug}`, `permalinks:` and `reisgids new deal`.

    A member is a str, so entries keep plain strings at run time and compare equal."""

    DEAL = "deal"
    PROJECT = "project"
    PARTNER = "partner"
    INSTRUMENT = "instrument"
    REVIEW = "review"
    LESSON = "lesson"
    COMPASS_EDITION = "compass-edition"
    AGENDA_ITEM = "agenda-item"
    NEWS = "news"
    STORY = "story"
    EVENT = "event"
    LISTING = "listing"
    AREA = "area"
    PAGE = "page"
