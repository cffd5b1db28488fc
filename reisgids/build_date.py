"""The date a build judges publication and freshness against: --now, SOURCE_DATE_EPOCH or
today. Apart from build.py because the CLI needs it before it knows whether the build has
anything to do (cli.build_command, unchanged.py), and build.py imports every stage."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def resolve_now(option: date | None) -> date:
    """--now, else the date of SOURCE_DATE_EPOCH, else today. Always a date.

    Raises ValueError when SOURCE_DATE_EPOCH is a number no date can hold."""
    if option is not None:
        return option
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            raise ValueError(f"SOURCE_DATE_EPOCH={epoch} ligt buiten het bereik van een "
                             "datum") from None
    return date.today()
