"""Which entries are published in this build, judged against "now"."""

from __future__ import annotations

from datetime import date

from reisgids.model.document import ContentEntry


def is_published(entry: ContentEntry, now: date, drafts: bool) -> bool:
    data = entry.data
    if data.draft and not drafts:
        return False
    if data.publish_date is not None and data.publish_date > now:
        return False
    return not (data.expiry_date is not None and data.expiry_date < now)
