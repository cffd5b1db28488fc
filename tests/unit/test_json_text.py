"""reisgids/json_text.py writes the text json.dumps(sort_keys=True, indent=N,
ensure_ascii=False) writes, for every value, and fails as it fails."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reisgids.json_text import dumps_indented

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=30)


def stock(value: Any, indent: int = 1) -> str:
    return json.dumps(value, sort_keys=True, indent=indent, ensure_ascii=False)


@given(VALUES, st.integers(min_value=0, max_value=3))
def test_the_same_text_as_json_dumps(value: Any, indent: int) -> None:
    assert dumps_indented(value, indent) == stock(value, indent)


@given(VALUES)
def test_nested_is_the_text_moved_in(value: Any) -> None:
    assert dumps_indented(value, depth=2) == stock(value).replace("\n", "\n  ")


@pytest.mark.parametrize("value", [
    {1: "a", 2: ["b"]},  # keys that are not strings: json writes them as strings
    {"a": {True: 1, 2: 2}, "b": {None: 1}},
    [math.nan, math.inf, -math.inf, 1e300, -0.0],
    {"text": "\x00\u2028\"\\é\U0001f600", "": []},
    [{}, [], (), {"x": ()}],
])
def test_edge_values(value: Any) -> None:
    assert dumps_indented(value) == stock(value)


def test_what_json_refuses_it_refuses() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"a": [object()]})
    with pytest.raises(TypeError):
        dumps_indented({"a": 1, 2: 3})  # keys that cannot be sorted together
