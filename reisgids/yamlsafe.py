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
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
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


class _Composer(Composer):
    """PyYAML's composer, refusing anchors, aliases and tags before anything expands."""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            raise YamlProblem(
                mark.line + 1, mark.column + 1, "yaml-alias",
                Text("aliassen (*naam) zijn niet toegestaan",
                     "aliases (*name) are not allowed"),
                Text("schrijf de waarde voluit", "write the value out in full"))
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise YamlProblem(
                mark.line + 1, mark.column + 1, "yaml-anchor",
                Text(f"ankers (&{event.anchor}) zijn niet toegestaan",
                     f"anchors (&{event.anchor}) are not allowed"),
                Text("haal het anker weg en schrijf waarden voluit",
                     "remove the anchor and write values out in full"))
        tag = getattr(event, "tag", None)
        if isinstance(tag, str):
            tag = tag.replace("tag:yaml.org,2002:", "!!")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and tag is not None:
            if not (isinstance(event, ScalarEvent) and tag == "!" and event.implicit[1]):
                raise YamlProblem(
                    mark.line + 1, mark.column + 1, "yaml-tag",
                    Text(f"YAML-tags ({tag}) zijn niet toegestaan",
                         f"YAML tags ({tag}) are not allowed"),
                    Text("haal de tag weg; het veld bepaalt het type",
                         "remove the tag; the field decides the type"))
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


class _Loader(Reader, Scanner, Parser, _Composer, BaseConstructor, BaseResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseConstructor.__init__(self)
        BaseResolver.__init__(self)


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


def _convert(node: Node, path: FieldPath, positions: dict[FieldPath, tuple[int, int]]) -> Any:
    if isinstance(node, ScalarNode):
        value = str(node.value)
        if node.style is None and value in NULL_WORDS:
            return None
        return value
    if isinstance(node, SequenceNode):
        items = []
        for index, child in enumerate(node.value):
            positions[(*path, index)] = (child.start_mark.line + 1, child.start_mark.column + 1)
            items.append(_convert(child, (*path, index), positions))
        return items
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if not isinstance(key_node, ScalarNode):
                raise YamlProblem(line, col, "yaml-key",
                                  Text("een veldnaam moet gewone tekst zijn",
                                       "a field name must be plain text"))
            key = str(key_node.value)
            if key == "<<":
                raise YamlProblem(line, col, "yaml-merge",
                                  Text("samenvoegsleutels (<<) zijn niet toegestaan",
                                       "merge keys (<<) are not allowed"),
                                  Text("schrijf de velden voluit", "write the fields out"))
            if key in result:
                first = positions[(*path, key)][0]
                raise YamlProblem(line, col, "yaml-duplicate-key",
                                  Text(f"'{key}' staat er twee keer (eerst op regel {first})",
                                       f"'{key}' appears twice (first on line {first})"),
                                  Text("houd één van beide over", "keep only one of them"))
            positions[(*path, key)] = (line, col)
            result[key] = _convert(value_node, (*path, key), positions)
        return result
    raise YamlProblem(node.start_mark.line + 1, 1, "yaml-syntax",
                      Text("onbekend YAML-element", "unknown YAML element"))


def load_mapping(text: str) -> YamlDocument:
    """Parse `text` as one YAML mapping. Raises YamlProblem; never anything else."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()  # type: ignore[no-untyped-call]
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = str(exc.problem or exc.context or "")
        raise YamlProblem(line, col, "yaml-syntax",
                          Text(f"de YAML klopt niet: {problem}", f"invalid YAML: {problem}"),
                          _hint_for(problem)) from None
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        raise YamlProblem(1, 1, "yaml-syntax",
                          Text(f"de YAML klopt niet: {type(exc).__name__}",
                               f"invalid YAML: {type(exc).__name__}")) from None
    positions: dict[FieldPath, tuple[int, int]] = {}
    if root is None:
        return YamlDocument({}, positions)
    try:
        data = _convert(root, (), positions)
    except RecursionError:
        raise YamlProblem(1, 1, "yaml-syntax",
                          Text("de YAML is te diep genest", "the YAML is nested too deeply")) from None
    if data is None:
        return YamlDocument({}, positions)
    if not isinstance(data, dict):
        raise YamlProblem(root.start_mark.line + 1, 1, "yaml-not-mapping",
                          Text("verwacht regels 'veld: waarde'", "expected 'field: value' lines"),
                          Text("begin elke regel met een veldnaam, bijvoorbeeld 'title: ...'",
                               "start each line with a field name, e.g. 'title: ...'"))
    return YamlDocument(data, positions)
