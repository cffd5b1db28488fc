"""'Bedoelde je ...?': the closest known id or label to what an editor typed."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def closest(value: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    options = list(choices)
    lowered = {c.lower(): c for c in options}
    if value.lower() in lowered:
        return lowered[value.lower()]
    found = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


def closest_id(value: str, labels: Mapping[str, str]) -> str | None:
    """Match against ids and their labels alike: 'uitvoerng' and 'Uitvoering' -> 'execution'."""
    by_text: dict[str, str] = {}
    for key, text in labels.items():
        by_text.setdefault(text, key)
        by_text[key] = key
    match = closest(value, by_text)
    return by_text[match] if match is not None else None
