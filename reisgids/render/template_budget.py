"""A render budget for the sandboxed templates: loop steps, text length and page size.

Jinja's sandbox stops attribute walks, and `range` at 100,000 items, but not a loop inside a
loop (`range(10**5)` twice is 10**10 steps), a text doubled by `~` or `+` a few dozen times,
`'x'.replace('x', big)`, `big_list|join` or `'%999999999d' % 1`. A site's template comes from
a pull request, so each of those is refused before it takes the machine's memory or time:

- every `{% for %}` counts its steps against MAX_STEPS per page (the compiled loop's iterable
  is wrapped; see BudgetedCodeGenerator);
- a text that one expression makes (`~`, `+`, `%`, `*`, `replace`, `join`, `format`, widths)
  may be at most MAX_TEXT characters, estimated *before* it is made;
- a page is rendered as a stream and stops at MAX_PAGE_CHARS characters.

All three raise jinja2's SecurityError: a `template-budget` diagnostic at the template's line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError

MAX_STEPS = 2_000_000  # loop steps per page: a list of 10,000 entries x 20 facets is 200,000
# a page holds at most one body (validate.MAX_BODY_BYTES, 8 MiB) and the theme around it
MAX_PAGE_CHARS = 32 * 1024 * 1024
MAX_TEXT = MAX_PAGE_CHARS  # the longest text one expression may make
STEP_FILTER = "counted_loop_steps"


class BudgetExceeded(SecurityError):
    """A template went over its render budget (a SecurityError: the sandbox's kind).
    `nl`: what went over, in Dutch; `filename`: the template, when no frame of it shows."""

    def __init__(self, nl: str, en: str, filename: str | None = None) -> None:
        super().__init__(en)
        self.nl = nl
        self.filename = filename


def _nl(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@dataclass
class Budget:
    steps: int = MAX_STEPS


_current: ContextVar[Budget | None] = ContextVar("render budget", default=None)


def _counted(iterable: Iterable[Any], budget: Budget) -> Iterator[Any]:
    for item in iterable:
        budget.steps -= 1
        if budget.steps < 0:
            raise BudgetExceeded(f"meer dan {_nl(MAX_STEPS)} lusstappen voor één pagina",
                                 f"more than {MAX_STEPS:,} loop steps for one page")
        yield item


def counted_steps(iterable: Any) -> Any:
    """The loop filter every `{% for %}` gets: steps counted while a page renders."""
    budget = _current.get()
    if budget is None or isinstance(iterable, jinja2.Undefined):
        return iterable
    return _counted(iterable, budget)


class BudgetedCodeGenerator(CodeGenerator):
    """Jinja's compiler, with every loop's iterable counted and every `~` bounded."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        # before Jinja's own pass, which collects the filters a template uses
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == STEP_FILTER):
                loop.iter = nodes.Filter(loop.iter, STEP_FILTER, [], [], None, None,
                                         lineno=loop.iter.lineno)
        super().visit_Template(node, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.bounded_text(")
        super().visit_Concat(node, frame)
        self.write(")")


def bounded_text(text: Any) -> Any:
    if isinstance(text, str) and len(text) > MAX_TEXT:
        raise BudgetExceeded(f"een tekst van meer dan {_nl(MAX_TEXT)} tekens",
                             f"a text longer than {MAX_TEXT:,} characters")
    return text


def refuse_over(size: int) -> None:
    if size > MAX_TEXT:
        raise BudgetExceeded(f"een tekst van meer dan {_nl(MAX_TEXT)} tekens",
                             f"a text longer than {MAX_TEXT:,} characters")


def _text_len(value: Any) -> int:
    return len(value) if isinstance(value, str) else 24  # a number or a short repr


_WIDTH = re.compile(r"(?<![%{])[%:][^a-zA-Z%{}]*?(\d{7,})")  # `%9999999d`, `{:9999999}`


def check_format(fmt: str, args: Iterable[Any]) -> None:
    """`fmt % args`, `fmt.format(*args)`: huge widths, or the arguments' texts summed."""
    if _WIDTH.search(fmt):
        raise BudgetExceeded("een breedte van meer dan zes cijfers",
                             "a width of more than six digits")
    refuse_over(len(fmt) + sum(_text_len(a) for a in args))


def check_join(sep: str, items: Iterable[Any]) -> list[Any]:
    listed = list(items)
    refuse_over(len(sep) * len(listed) + sum(_text_len(x) for x in listed))
    return listed


def check_replace(text: str, old: str, new: str, count: int = -1) -> None:
    found = len(text) + 1 if old == "" else text.count(old)
    if count >= 0:
        found = min(found, count)
    refuse_over(len(text) + found * max(0, len(new) - len(old)))


def check_widths(args: Iterable[Any]) -> None:
    for number in args:
        if isinstance(number, int) and not isinstance(number, bool) and abs(number) > MAX_TEXT:
            raise BudgetExceeded(f"een breedte boven {_nl(MAX_TEXT)}",
                                 f"a width larger than {MAX_TEXT:,}")


WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs"})


def check_str_call(text: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
                   ) -> tuple[Any, ...]:
    """Before `text.name(*args)` runs in a template; returns the arguments to use (a
    generator given to `join` is listed once, for counting and for joining)."""
    if name in WIDTH_METHODS:
        check_widths((*args, *kwargs.values()))
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        count = args[2] if len(args) > 2 and isinstance(args[2], int) else -1
        check_replace(text, args[0], args[1], count)
    elif name == "join" and len(args) == 1:
        return (check_join(text, args[0]),)
    elif name in ("format", "format_map"):
        values = list(args) + list(kwargs.values())
        if name == "format_map" and args and isinstance(args[0], dict):
            values = list(args[0].values())
        check_format(text, values)
    return args


def modulo_args(right: Any) -> Iterable[Any]:
    if isinstance(right, tuple):
        return right
    if isinstance(right, dict):
        return right.values()
    return (right,)


def render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """template.render(**context) within the budget: counted loops, at most MAX_PAGE_CHARS."""
    token = _current.set(Budget())
    try:
        parts: list[str] = []
        size = 0
        for part in template.generate(**context):
            size += len(part)
            if size > MAX_PAGE_CHARS:
                mib = MAX_PAGE_CHARS // (1024 * 1024)
                raise BudgetExceeded(f"een pagina van meer dan {mib} MiB",
                                     f"a page longer than {mib} MiB", template.filename)
            parts.append(part)
        return "".join(parts)
    finally:
        _current.reset(token)
