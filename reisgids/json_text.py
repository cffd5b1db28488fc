"""Indented JSON, the same text as `json.dumps(value, sort_keys=True, indent=N,
ensure_ascii=False)`, in about half the time.

Why: given `indent`, the json module leaves its C encoder and writes every value through
generators in Python; the open data file (reisgids.json, indented so that a change shows as
a readable diff) spent most of its making there. Here the containers are laid out by one
recursive function, and every string is still written by the json module's own C function,
so the text is the same (tests/unit/test_json_text.py compares the two on generated
values). What this does not lay out itself (keys that are not strings, NaN and infinities,
types JSON has no form for) is left to `json.dumps`, which gives its own text or error.
"""

from __future__ import annotations

import json
import json.encoder
from typing import Any

# what json.dumps(ensure_ascii=False) writes a string with: C when the _json module is there
_string = json.encoder.encode_basestring
_float = float.__repr__
_int = int.__repr__
_INFINITY = float("inf")


def dumps_indented(value: Any, indent: int = 1, depth: int = 0) -> str:
    """`json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False)`; `depth`: as
    the value is written nested that deep in a larger text (every line after the first
    indented `depth` steps further)."""
    return _text(value, indent, depth)


def _text(value: Any, indent: int, depth: int) -> str:
    kind = type(value)
    if kind is str:
        return str(_string(value))
    if kind is dict:
        if not value:
            return "{}"
        inner = "\n" + " " * (indent * (depth + 1))
        items = []
        for key in sorted(value):
            if type(key) is not str:
                return _fallback(value, indent, depth)
            item = value[key]
            items.append(_string(key) + ": " + (_string(item) if type(item) is str
                                                 else _text(item, indent, depth + 1)))
        return "{" + inner + ("," + inner).join(items) + "\n" + " " * (indent * depth) + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = "\n" + " " * (indent * (depth + 1))
        items = [_string(item) if type(item) is str else _text(item, indent, depth + 1)
                 for item in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + " " * (indent * depth) + "]"
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return _int(value)
    if kind is float and value == value and value not in (_INFINITY, -_INFINITY):
        return _float(value)
    return _fallback(value, indent, depth)


def _fallback(value: Any, indent: int, depth: int) -> str:
    # moved in to this depth: a JSON text holds no raw newline but the indenter's
    text = json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * (indent * depth))
