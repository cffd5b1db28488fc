"""The sandbox's shortcut for the calls templates make most (render/theme.py, `call`):
reisgids' own globals, macros and str.startswith/endswith give what Jinja's own path gives,
and every other call still goes through Jinja's checks and the render budget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import pytest
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, unsafe

from reisgids.render.theme import environment, find_theme


def _stop() -> str:
    raise StopIteration


def _greet(name: str, punctuation: str = "!") -> str:
    return f"dag {name}{punctuation}"


TEMPLATES = [
    '{% for i in [1, 2] %}{{ t("nav.home") }}{{ greet(i, punctuation="?") }}{% endfor %}',
    "{% macro m(a, b=2) %}[{{ a }}{{ b }}{{ varargs }}{{ kwargs }}]{% endmacro %}"
    "{{ m(1) }}{{ m(1, b=3) }}{{ m(1, 2, 3, x=4) }}"
    "{% for i in [1] %}{{ m(i) }}{% set y = i %}{{ m(y) }}{% endfor %}",
    "{% macro box() %}<{{ caller() }}>{% endmacro %}{% call box() %}in{% endcall %}",
    "{% macro row(x) %}{{ x }}{% endmacro %}{% for x in ['a', 'b'] %}{{ row(x) }}"
    "{{ loop.index }}{% endfor %}",
    '{{ "/deals/x/".startswith("/deals/") }}{{ "abc".startswith(("x", "a")) }}'
    '{{ "abc".endswith("c", 0, 2) }}{% for h in ["/a/", "/b/"] %}'
    '{{ "/a/b/".startswith(h) }}{% endfor %}',
    '{% if stop() is undefined %}stopped{% endif %}',
]


def _reference() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.globals.update(t=lambda key: {"nav.home": "Home"}.get(key, key), greet=_greet,
                       stop=_stop)
    return env


@pytest.fixture()
def env() -> Any:
    made: Any = environment(find_theme(Path("/nonexistent"), "default", "nl"))
    made.globals.update(greet=made.own(_greet), stop=made.own(_stop))
    return made


@pytest.mark.parametrize("source", TEMPLATES)
def test_the_same_output_as_jinjas_own_path(env: Any, source: str) -> None:
    reference = _reference()
    reference.globals["t"] = env.globals["t"]
    assert env.from_string(source).render() == reference.from_string(source).render()


def test_other_calls_still_go_through_jinjas_checks(env: Any) -> None:
    env.globals["danger"] = unsafe(lambda: "ran")  # not one of reisgids' own
    with pytest.raises(SecurityError):
        env.from_string("{{ danger() }}").render()
    with pytest.raises(SecurityError):  # a str method that makes text: still bounded
        env.from_string("{{ 'x'.center(10 ** 9) }}").render()
    with pytest.raises(SecurityError):  # and str.format still sandboxed
        env.from_string("{{ '{0.__class__}'.format(1) }}").render()


class Holder:
    title = "t"
    fmt = "{0}!".format  # a str.format under another name: wrapped all the same

    def method(self) -> str:
        return "m"


READS: list[tuple[Any, str]] = [
    (Holder(), "title"), (Holder(), "method"), (Holder(), "missing"), (Holder(), "fmt"),
    (Holder(), "__class__"), (Holder(), "_private"), ({"a": 1}, "a"), ({"a": 1}, "b"),
    ({"a": 1}, "pop"), ({"a": 1}, "items"), ("tekst", "format"), ("tekst", "upper"),
    ("{0}", "format_map"), ([1], "append"), ([1], "index"), (3, "real"), (None, "x"),
]


def _seen(value: Any) -> Any:
    """What a read gives, comparable between two environments (a function by what it
    does: str.format comes back wrapped, as a new function each time)."""
    if isinstance(value, jinja2.Undefined):
        return ("undefined", type(value).__name__, value._undefined_hint,
                value._undefined_name, value._undefined_exception)
    if callable(value):
        try:
            return ("called", value(1))
        except Exception as exc:  # the same failure from both
            return ("failed", type(exc).__name__, str(exc))
    return ("value", value)


@pytest.mark.parametrize(("obj", "name"), READS)
def test_a_read_gives_what_jinjas_sandbox_gives(env: Any, obj: Any, name: str) -> None:
    reference = ImmutableSandboxedEnvironment(undefined=jinja2.StrictUndefined)
    for _ in range(2):  # the second time from what the sandbox remembered
        assert _seen(env.getattr(obj, name)) == _seen(reference.getattr(obj, name))


class Html:
    def __html__(self) -> str:
        return "<b>al veilig</b>"

    def __str__(self) -> str:
        return "<niet gebruikt>"


PRINTED = {
    "base.html": "<{% block b %}{{ x }}&{% endblock %}>",
    "page.html": '{% extends "base.html" %}{% block b %}[{{ super() }}]{{ y }}{% endblock %}',
    "part.html": "{{ x }}|{{ n }}|{{ none }}|{{ safe }}|{{ obj }}",
    "all.html": '{% import "macros.html" as m %}{% include "part.html" %}'
                "{{ m.show(x) }}{% call m.wrap() %}{{ y }}{% endcall %}"
                "{% set held %}{{ x }}{% endset %}{{ held }}|{{ held|length }}"
                "{% filter upper %}{{ x }}{% endfilter %}"
                "{% autoescape false %}{{ x }}{% endautoescape %}{{ x ~ y }}{{ x|e }}",
    "macros.html": "{% macro show(v) %}({{ v }}){% endmacro %}"
                   "{% macro wrap() %}<{{ caller() }}>{% endmacro %}",
}


@pytest.mark.parametrize("name", ["page.html", "all.html"])
def test_printed_values_are_escaped_as_jinja_escapes_them(name: str) -> None:
    """The templates print through a faster escape (render/theme.py, `_Template`): the
    same text as Jinja's own on text, markup, numbers, None and objects with __html__,
    in blocks, macros, callers, set blocks, filter and autoescape blocks and includes."""
    made: Any = environment(find_theme(Path("/nonexistent"), "default", "nl"))
    made.loader = jinja2.DictLoader(PRINTED)
    reference = ImmutableSandboxedEnvironment(loader=jinja2.DictLoader(PRINTED),
                                              undefined=jinja2.StrictUndefined,
                                              autoescape=True)
    values = {"x": "<a href='x'>&amp;\"</a>", "y": "ü & é", "n": 3, "none": None,
              "safe": jinja2.utils.markupsafe.Markup("<i>ja</i>"), "obj": Html()}
    expected = reference.get_template(name).render(**values)
    assert "&lt;a href=&#39;x&#39;&gt;" in expected
    assert made.get_template(name).render(**values) == expected
