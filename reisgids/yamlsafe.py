"""The one YAML loader: YAML as editors write it.

Every scalar stays the text the editor typed (``0201234567``, ``12:30``, ``NO``, ``1.10``);
the field's declared type converts it later. Anchors, aliases, merge keys and tags are
refused (they let a small file expand into a huge one), and so are duplicate keys. Every
value's position is kept so that a message can point at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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

    def line_of(self, path: FieldPath) -> int:
        """The line of `path`, or of its nearest written ancestor; 1-based, in the YAML text."""
        for cut in range(len(path), 0, -1):
            found = self.positions.get(path[:cut])
            if found is not None:
                return found[0]
        return 0


def _hint_for(problem: str) -> Text | None:
    if "mapping values are not allowed" in problem:
        return Text("staat er een dubbele punt in de waarde? Zet de waarde dan tussen "
                    "aanhalingstekens",
                    "is there a colon in the value? Then put the value in quotes")
    if "\\t" in problem or "tab" in problem:
        return Text("gebruik spaties in plaats van tabs", "use spaces instead of tabs")
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return Text("controleer het inspringen en of elke regel 'veld: waarde' is",
                    "check the indentation and that each line is 'field: value'")
    return None


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

    __slots__ = ("key", "path", "value")

    def __init__(self, value: dict[str, Any] | list[Any], path: FieldPath) -> None:
        self.value = value
        self.path = path
        self.key: str | None = None  # a mapping's pending key


def _compose(parser: Any, shift: int = 0) -> tuple[Any, dict[FieldPath, tuple[int, int]], int]:
    """Build plain data from parser events, iteratively (no recursion limit), recording the
    position of every key and list item. Returns (data, positions, line of the root)."""
    positions: dict[FieldPath, tuple[int, int]] = {}
    stack: list[_Frame] = []
    root: Any = None
    root_line = 1
    documents = 0
    while True:
        event = parser.get_event()
        if isinstance(event, StreamEndEvent):
            return root, positions, root_line
        if isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YamlProblem(line, 1, "yaml-syntax", Text(
                    "er staat meer dan één YAML-document in de front matter",
                    "the front matter holds more than one YAML document"),
                    Text("haal de regel '...' of '---' weg", "remove the '...' or '---' line"))
            continue
        if isinstance(event, StreamStartEvent | DocumentEndEvent):
            continue
        if isinstance(event, MappingEndEvent | SequenceEndEvent):
            done = stack.pop()
            if not stack:
                root = done.value
            else:
                _place(stack[-1], done.value)
            continue
        _refuse_special(event)
        mark = event.start_mark
        frame = stack[-1] if stack else None
        if frame is not None and isinstance(frame.value, dict) and frame.key is None:
            if not isinstance(event, ScalarEvent):
                raise YamlProblem(mark.line + 1, mark.column + 1, "yaml-key", Text(
                    "een veldnaam moet gewone tekst zijn", "a field name must be plain text"))
            _take_key(frame, str(event.value), mark, positions, shift)
            continue
        path = _child_path(frame, positions, mark)
        if isinstance(event, ScalarEvent):
            value = event.value
            plain = event.style in (None, "")
            scalar = None if plain and value in NULL_WORDS else str(value)
            if frame is None:
                root, root_line = scalar, mark.line + 1
            else:
                _place(frame, scalar)
        elif isinstance(event, MappingStartEvent | SequenceStartEvent):
            if frame is None:
                root_line = mark.line + 1
            container: dict[str, Any] | list[Any] = (
                {} if isinstance(event, MappingStartEvent) else [])
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
    if isinstance(frame.value, dict):
        assert frame.key is not None
        return (*frame.path, frame.key)
    path = (*frame.path, len(frame.value))
    positions[path] = (mark.line + 1, mark.column + 1)
    return path


def _place(frame: _Frame, value: Any) -> None:
    if isinstance(frame.value, dict):
        assert frame.key is not None
        frame.value[frame.key] = value
        frame.key = None
    else:
        frame.value.append(value)


def load_mapping(text: str, *, first_line: int = 1) -> YamlDocument:
    """Parse `text` as one YAML mapping. Raises YamlProblem; never anything else.

    `first_line` is the file line of the text's first line; only messages that name another
    line (a duplicate key's first occurrence) use it. Positions stay lines of `text`."""
    parser = _new_parser(text)
    try:
        data, positions, root_line = _compose(parser, first_line - 1)
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = str(exc.problem or exc.context or "")
        raise YamlProblem(line, col, "yaml-syntax",
                          Text(f"de YAML klopt niet: {problem}", f"invalid YAML: {problem}"),
                          _hint_for(problem)) from None
    except (yaml.YAMLError, ValueError, MemoryError) as exc:
        raise YamlProblem(1, 1, "yaml-syntax",
                          Text(f"de YAML klopt niet: {type(exc).__name__}",
                               f"invalid YAML: {type(exc).__name__}")) from None
    finally:
        dispose = getattr(parser, "dispose", None)
        if dispose is not None:
            dispose()
    if data is None:
        return YamlDocument({}, positions)
    if not isinstance(data, dict):
        raise YamlProblem(root_line, 1, "yaml-not-mapping",
                          Text("verwacht regels 'veld: waarde'", "expected 'field: value' lines"),
                          Text("begin elke regel met een veldnaam, bijvoorbeeld 'title: ...'",
                               "start each line with a field name, e.g. 'title: ...'"))
    return YamlDocument(data, positions)


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
