"""The sandbox remembers its attribute decisions per (type, name): the same answers as
Jinja's own ImmutableSandboxedEnvironment, whatever was asked before."""

from __future__ import annotations

import collections
import itertools
from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reisgids.render.theme import environment, find_theme


class Record:
    title = "t"

    def upper(self) -> str:
        return "U"


class Posing:
    """An object whose __class__ says dict: isinstance() then answers for dict."""

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        return dict

    def pop(self) -> str:
        return "popped"


def _function() -> None:
    pass


OBJECTS: list[Any] = [{}, [], set(), collections.deque(), "text", Record(), _function,
                      Record().upper, (n for n in range(0)), Record, Posing(), 3]
NAMES = ["pop", "append", "add", "clear", "keys", "upper", "title", "mro", "gi_frame",
         "__class__", "_private", "__globals__", "update", "index"]


@pytest.fixture()
def env() -> ImmutableSandboxedEnvironment:
    made = environment(find_theme(Path("/nonexistent"), "default", "nl"))
    assert isinstance(made, ImmutableSandboxedEnvironment)
    return made


def test_every_answer_is_jinjas_in_any_order(env: ImmutableSandboxedEnvironment) -> None:
    reference = ImmutableSandboxedEnvironment()
    pairs = list(itertools.product(OBJECTS, NAMES))
    for round_ in (pairs, list(reversed(pairs)), pairs):
        for obj, name in round_:
            assert env.is_safe_attribute(obj, name, None) == \
                reference.is_safe_attribute(obj, name, None), (type(obj), name)


def test_a_mutating_method_stays_refused_after_a_safe_read(
        env: ImmutableSandboxedEnvironment) -> None:
    template = env.from_string("{{ d.keys()|list|length }}{{ d.pop('a') }}")
    with pytest.raises(jinja2.exceptions.SecurityError):
        template.render(d={"a": 1})
    with pytest.raises(jinja2.exceptions.SecurityError):  # now from the memo
        template.render(d={"a": 1})


def test_an_object_posing_as_another_type_is_never_remembered(
        env: ImmutableSandboxedEnvironment) -> None:
    posing = Posing()
    assert not env.is_safe_attribute(posing, "pop", None)  # isinstance(posing, dict)
    assert env.is_safe_attribute(Record(), "upper", None)
    assert all(kind is not Posing for kind, _ in env._safe)  # type: ignore[attr-defined]
