"""The one YAML loader: YAML as editors write it.

Every scalar stays the text the editor typed (``0201234567``, ``12:30``, ``NO``, ``1.10``);
the field's declared type converts it later. Anchors, aliases, merge keys and tags are
refused (they let a small file expand into a huge one), and so are duplicate keys. Every
value's position is kept so that a message can point at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import yaml
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

from reisgids.errors import Text
from reisgids.yamlexplain import Explained, Scalar, explain, looks_wrong, silent_changes

FieldPath = tuple[str | int, ...]
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(frozen=True)
class YamlProblem(Exception):
    """Why a YAML text was refused, at a 1-based line and column of that text."""

    line: int
    col: int
    code: str
    message: Text
    hint: Text | None = None


@dataclass(frozen=True)
class YamlDocument:
    """Plain data (dict/list/str/None) and, for every path, where it was written."""

    data: dict[str, Any]
    positions: dict[FieldPath, tuple[int, int]]
    # values that parse but will not read as the editor meant (warnings, at lines of the text)
    notes: tuple[Explained, ...] = ()

    def line_of(self, path: FieldPath) -> int:
        """The line of `path`, or of its nearest written ancestor; 1-based, in the YAML text."""
        for cut in range(len(path), 0, -1):
            found = self.positions.get(path[:cut])
            if found is not None:
                return found[0]
        return 0


def _refuse_special(event: Any) -> None:
    """Anchors, aliases and tags are refused where they are written, before anything expands."""
    mark = event.start_mark
    if isinstance(event, AliasEvent):
        raise YamlProblem(
            mark.line + 1, mark.column + 1, "yaml-alias",
            Text("aliassen (*naam) zijn niet toegestaan", "aliases (*name) are not allowed"),
            Text("schrijf de waarde voluit", "write the value out in full"))
    if isinstance(event, NodeEvent) and event.anchor is not None:
        raise YamlProblem(
            mark.line + 1, mark.column + 1, "yaml-anchor",
            Text(f"ankers (&{event.anchor}) zijn niet toegestaan",
                 f"anchors (&{event.anchor}) are not allowed"),
            Text("haal het anker weg en schrijf waarden voluit",
                 "remove the anchor and write values out in full"))
    tag = getattr(event, "tag", None)
    if isinstance(event, ScalarEvent | CollectionStartEvent) and tag and tag != "!":
        shown = str(tag).replace("tag:yaml.org,2002:", "!!")
        raise YamlProblem(
            mark.line + 1, mark.column + 1, "yaml-tag",
            Text(f"YAML-tags ({shown}) zijn niet toegestaan",
                 f"YAML tags ({shown}) are not allowed"),
            Text("haal de tag weg; het veld bepaalt het type",
                 "remove the tag; the field decides the type"))


class _Frame:
    """A mapping or sequence being filled, and where its values go."""

    __slots__ = ("is_mapping", "key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: FieldPath) -> None:
        self.value = value
        self.is_mapping = type(value) is dict
        self.path = path
        self.key: str | None = None  # a mapping's pending key


# the parser's events by their exact type (PyYAML's classes, never subclassed): one look
# per event instead of a chain of isinstance() (a third of reading went to the chain)
_SKIPPED = frozenset({StreamStartEvent, DocumentEndEvent})
_ENDS = frozenset({MappingEndEvent, SequenceEndEvent})
_STARTS = frozenset({MappingStartEvent, SequenceStartEvent})


def _compose(parser: Any, shift: int = 0, scalars: list[Scalar] | None = None
             ) -> tuple[Any, dict[FieldPath, tuple[int, int]], int]:
    """Build plain data from parser events, iteratively (no recursion limit), recording the
    position of every key and list item (and, into `scalars`, every value as written).
    Returns (data, positions, line of the root)."""
    positions: dict[FieldPath, tuple[int, int]] = {}
    stack: list[_Frame] = []
    root: Any = None
    root_line = 1
    documents = 0
    while True:
        event = parser.get_event()
        kind = type(event)
        if kind is StreamEndEvent:
            return root, positions, root_line
        if kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YamlProblem(line, 1, "yaml-syntax", Text(
                    "er staat meer dan één YAML-document in de front matter",
                    "the front matter holds more than one YAML document"),
                    Text("haal de regel '...' of '---' weg", "remove the '...' or '---' line"))
            continue
        if kind in _SKIPPED:
            continue
        if kind in _ENDS:
            done = stack.pop()
            if not stack:
                root = done.value
            else:
                _place(stack[-1], done.value)
            continue
        if kind is AliasEvent or getattr(event, "anchor", None) is not None \
                or getattr(event, "tag", None) not in (None, "!"):
            _refuse_special(event)  # raises for an alias, an anchor or a tag
        mark = event.start_mark
        frame = stack[-1] if stack else None
        if frame is not None and frame.is_mapping and frame.key is None:
            if kind is not ScalarEvent:
                raise YamlProblem(mark.line + 1, mark.column + 1, "yaml-key", Text(
                    "een veldnaam moet gewone tekst zijn", "a field name must be plain text"))
            _take_key(frame, str(event.value), mark, positions, shift)
            continue
        path = _child_path(frame, positions, mark)
        if kind is ScalarEvent:
            value = event.value
            plain = event.style in (None, "")
            scalar = None if plain and value in NULL_WORDS else str(value)
            end = event.end_mark
            if scalars is not None and end is not None:
                scalars.append(Scalar(mark.line, mark.column, end.line, end.column,
                                      event.style or "", str(value)))
            if frame is None:
                root, root_line = scalar, mark.line + 1
            else:
                _place(frame, scalar)
        elif kind in _STARTS:
            if frame is None:
                root_line = mark.line + 1
            container: dict[str, Any] | list[Any] = {} if kind is MappingStartEvent else []
            stack.append(_Frame(container, path))
        else:
            raise YamlProblem(mark.line + 1, 1, "yaml-syntax",
                              Text("onbekend YAML-element", "unknown YAML element"))


def _take_key(frame: _Frame, key: str, mark: Any, positions: dict[FieldPath, tuple[int, int]],
              shift: int) -> None:
    line, col = mark.line + 1, mark.column + 1
    if key == "<<":
        raise YamlProblem(line, col, "yaml-merge",
                          Text("samenvoegsleutels (<<) zijn niet toegestaan",
                               "merge keys (<<) are not allowed"),
                          Text("schrijf de velden voluit", "write the fields out"))
    assert isinstance(frame.value, dict)
    if key in frame.value:
        first = positions[(*frame.path, key)][0] + shift  # as a line of the file
        raise YamlProblem(line, col, "yaml-duplicate-key",
                          Text(f"'{key}' staat er twee keer (eerst op regel {first})",
                               f"'{key}' appears twice (first on line {first})"),
                          Text("houd één van beide over", "keep only one of them"))
    positions[(*frame.path, key)] = (line, col)
    frame.value[key] = None  # reserve the key, in the order written
    frame.key = key


def _child_path(frame: _Frame | None, positions: dict[FieldPath, tuple[int, int]], mark: Any
                ) -> FieldPath:
    if frame is None:
        return ()
    if frame.is_mapping:
        assert frame.key is not None
        return (*frame.path, frame.key)
    path = (*frame.path, len(frame.value))
    positions[path] = (mark.line + 1, mark.column + 1)
    return path


def _place(frame: _Frame, value: Any) -> None:
    if frame.is_mapping:
        assert frame.key is not None
        cast(dict[str, Any], frame.value)[frame.key] = value
        frame.key = None
    else:
        cast(list[Any], frame.value).append(value)


def load_mapping(text: str, *, first_line: int = 1) -> YamlDocument:
    """Parse `text` as one YAML mapping. Raises YamlProblem; never anything else.

    `first_line` is the file line of the text's first line; only messages that name another
    line (a duplicate key's first occurrence) use it. Positions stay lines of `text`."""
    parser = _new_parser(text)
    scalars: list[Scalar] = []
    try:
        data, positions, root_line = _compose(parser, first_line - 1, scalars)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        problem, context = str(exc.problem or ""), str(exc.context or "")
        mark, where = exc.problem_mark, exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        context_line, context_col = (where.line + 1, where.column + 1) if where else (0, 0)
        raise _refusal(explain(text, problem, context, line, col, context_line,
                               context_col, first_line - 1)) from None
    except (yaml.YAMLError, ValueError, MemoryError) as exc:
        # libyaml's reader reports control characters without a position: find it
        raise _refusal(explain(text, str(exc), "", 0, 0, 0, 0, first_line - 1)) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    wrong = looks_wrong(text, first_line - 1)
    if wrong is not None:
        raise _refusal(wrong)
    notes = tuple(silent_changes(text, scalars))
    if data is None:
        return YamlDocument({}, positions, notes)
    if not isinstance(data, dict):
        raise YamlProblem(root_line, 1, "yaml-not-mapping",
                          Text("verwacht regels 'veld: waarde'", "expected 'field: value' lines"),
                          Text("begin elke regel met een veldnaam, bijvoorbeeld 'title: ...'",
                               "start each line with a field name, e.g. 'title: ...'"))
    return YamlDocument(data, positions, notes)


def _refusal(found: Explained) -> YamlProblem:
    return YamlProblem(found.line, found.col, found.code, found.message, found.hint)


class _PyParser(Reader, Scanner, Parser):
    """The pure-Python event parser, where libyaml is not installed."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


def _new_parser(text: str) -> Any:
    # libyaml's event parser is ~10x faster; both give the same events and marks
    try:
        from yaml._yaml import CParser
    except ImportError:  # pragma: no cover - PyYAML without libyaml
        return _PyParser(text)
    return CParser(text)
