"""docs/theme.md, generated from the context types: what each template receives.

    python -m reisgids.plan.theme_doc > docs/theme.md

The meaning of a field is the comment behind it in its dataclass (`url: str  # this page`),
so the reference cannot drift from the code: tests/unit/test_theme_doc.py fails when the
file is stale.
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import sys
import types
from collections.abc import Iterator

from reisgids.plan.contexts import SHARED, TEMPLATES, EntryContext
from reisgids.plan.kinds import PLANS
from reisgids.plan.page import Context

_NAME = re.compile(r"\b[A-Z][A-Za-z]+\b")
_FIELD = re.compile(r"^\s+(\w+): [^#]*?(?:#\s*(.*))?$")

INTRO = """\
# The theme: what each template receives

<!-- generated: python -m reisgids.plan.theme_doc > docs/theme.md -->

Templates only show what Python decided: every page is planned first (`reisgids/plan/`) into
a `Page` whose `context` is one of the frozen types below, and the renderer hands that
context's fields to the page's template by name, beside a few names every template gets.
Templates receive views (dataclasses of texts, hrefs, numbers and other views), never the
content models, and never query anything.

## Overriding a template

A site sets `theme:` in reisgids.yml (default `default`). Its own folder
`themes/<theme>/templates/` comes before the built-in theme's templates, one file at a time:
copy `reisgids/themes/default/templates/deal.html` to `themes/default/templates/deal.html`
and change it, and every deal page uses it; `{% extends "entry.html" %}` still finds the
theme's `entry.html` unless the site has its own. `themes/<theme>/static/` overrides the
theme's assets (under `/assets/`) and `themes/<theme>/i18n/<language>.yml` overrides UI
strings key by key (what `t(key)` returns).

A site's templates come from pull requests like any other file, so they run in Jinja's
immutable sandbox: no attribute starting with `_`, no changing the data handed over, `*` and
`**` bounded, no template read through a symbolic link. A name a template does not receive
is an error (`StrictUndefined`), and a mistake in a site's template is a diagnostic at its
line rather than a traceback. Output is escaped unless marked `|safe` (only
`entry.body_html` and other ready HTML need it).

A field that holds an *i18n key* (`intro`, `heading`, ...) is shown with `t(...)`; hrefs
already carry the site's base path."""


def _field_notes(cls: type) -> dict[str, str]:
    """Field name -> the comment behind it in the class's source."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    notes: dict[str, str] = {}
    for line in source.splitlines()[1:]:
        match = _FIELD.match(line)
        if match and match.group(1) not in notes:
            notes[match.group(1)] = (match.group(2) or "").strip()
    return notes


def _rows(cls: type) -> list[tuple[str, str, str]]:
    """(name, type as written, meaning) of a dataclass or NamedTuple, then its properties."""
    notes = _field_notes(cls)
    rows: list[tuple[str, str, str]] = []
    if dataclasses.is_dataclass(cls):
        rows = [(f.name, str(f.type), notes.get(f.name, "")) for f in dataclasses.fields(cls)]
    elif issubclass(cls, tuple) and hasattr(cls, "_fields"):
        hints = cls.__annotations__
        rows = [(name, str(hints[name]), notes.get(name, "")) for name in cls._fields]
    for name, member in sorted(vars(cls).items()):
        if isinstance(member, property) and member.fget is not None:
            returns = str(member.fget.__annotations__.get("return", ""))
            rows.append((name, returns, (member.fget.__doc__ or "").strip()))
    return rows


def _is_view(value: object) -> bool:
    return isinstance(value, type) and value.__module__.startswith("reisgids.") and (
        dataclasses.is_dataclass(value) or (issubclass(value, tuple)
                                            and hasattr(value, "_fields")))


def _named(cls: type, written: str) -> Iterator[type]:
    """The view types a field's annotation names, resolved in its class's module."""
    names = vars(sys.modules[cls.__module__])
    for name in _NAME.findall(written):
        value = names.get(name)
        found = value.__args__ if isinstance(value, types.UnionType) else (value,)
        yield from (v for v in found if _is_view(v))


def reachable(roots: list[type]) -> list[type]:
    """Every view type the roots hold, depth first, each once, in order of appearance."""
    seen: list[type] = []

    def visit(cls: type) -> None:
        if cls in seen or cls is Context:
            return
        seen.append(cls)
        for _, written, _ in _rows(cls):
            for found in _named(cls, written):
                visit(found)

    for root in roots:
        visit(root)
    return seen


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _lead(cls: type) -> str:
    """The first paragraph of a class's docstring, on one line."""
    return " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())


def _table(rows: list[tuple[str, str, str]]) -> list[str]:
    if not rows:
        return ["Nothing besides the shared names."]
    return ["| name | type | meaning |", "| --- | --- | --- |",
            *(f"| `{name}` | `{_cell(kind)}` | {_cell(meaning)} |"
              for name, kind, meaning in rows)]


def _anchor(cls: type) -> str:
    return cls.__name__.lower()


def render_theme_doc() -> str:
    lines = [INTRO, "", "## Names every template receives", ""]
    lines += _table([(name, kind if isinstance(kind, str) else kind.__name__, meaning)
                     for name, kind, meaning in SHARED])
    lines += ["", "## Entry pages", "",
              "`<kind>.html` for each published entry (`page.html` for free pages), all "
              f"extending `entry.html`. Type: `{EntryContext.__name__}`.", ""]
    lines += _table(_rows(EntryContext))
    lines += ["", "`detail` per template:", "", "| template | `detail` |", "| --- | --- |"]
    lines += [f"| `{spec.template}` | [`{spec.detail_view.__name__}`]"
              f"(#{_anchor(spec.detail_view)}) |" if spec.detail_view else
              f"| `{spec.template}` | `None` |" for spec in PLANS]
    lines += ["", "## Other pages", ""]
    grouped: dict[type, list[str]] = {}
    for template, context in TEMPLATES:
        grouped.setdefault(context, []).append(template)
    for context, templates in grouped.items():
        lines += [f"### {', '.join(templates)}", "", f"{_lead(context)} Type: "
                  f"`{context.__name__}`.", ""]
        lines += _table(_rows(context))
        lines.append("")
    shared = [kind for _, kind, _ in SHARED if isinstance(kind, type)]
    views = reachable([*shared, EntryContext, *(s.detail_view for s in PLANS if s.detail_view),
                       *(context for _, context in TEMPLATES)])
    lines += ["## The views", "",
              "Every type the names above hold, with its fields. `tuple[X, ...]` is a list "
              "to loop over; `X | None` may be `none`.", ""]
    for cls in views:
        if issubclass(cls, Context):
            continue  # documented per template above
        lines += [f"### {cls.__name__}", ""]
        lead = _lead(cls)
        if lead and not lead.startswith(f"{cls.__name__}("):  # not the generated signature
            lines += [lead, ""]
        lines += _table(_rows(cls))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def main() -> None:
    sys.stdout.write(render_theme_doc())


if __name__ == "__main__":
    main()
