"""The frozen snapshot of an adopted compass edition: what it held, as it was adopted.

Written by `reisgids compass freeze` beside the edition
(content/compass/editions/<id>.snapshot.yml) and read back as untrusted input, like every
site file. The edition page of an adopted edition renders from it, not from today's files.
"""

from __future__ import annotations

from pydantic import Field

from reisgids.model.base import Model
from reisgids.model.compass import Adoption, HistoryEntry, Period, Priority
from reisgids.model.fields import Slug, Summary, Text

SNAPSHOT_FORMAT = 1


class SnapshotItem(Model):
    """An agenda item as the edition saw it: its history up to the end of the period."""

    slug: Slug
    title: Text
    summary: Summary | None = None
    themes: list[Text] = []
    history: list[HistoryEntry] = Field(min_length=1)


class PreviousEdition(Model):
    """The edition this one was compared with, and its period."""

    edition: Slug
    period: Period


class EditionSnapshot(Model):
    format: int = SNAPSHOT_FORMAT
    edition: Slug
    title: Text
    summary: Summary | None = None
    period: Period
    adopted: Adoption
    priorities: list[Priority] = []
    co_created_with: list[Slug] = []
    body_sha256: Text
    previous: PreviousEdition | None = None
    # the items held by this edition or by the previous one (for the diff), by slug
    items: list[SnapshotItem] = []
