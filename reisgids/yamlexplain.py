"""PyYAML's complaints, explained to an editor: the line of the cause, in Dutch and English,
with the fix. No parser word ('scalar', 'token', 'block end') reaches the message.

The parser reports where it gave up, which is often lines after the slip (an unclosed quote
is noticed at the end of the front matter). So each explanation looks at the text itself:
the line where the quote opens, the tab, the item without a space after its dash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reisgids.errors import Text

# characters YAML refuses, and that never belong in a front matter (tab and newline do)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[\]{}-][^:#]*?):(\s+|$)")
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w-]*):(?=[^\s:/])")
_DASH_NO_SPACE = re.compile(r"^(\s*)-(?=[^\s\-])")


@dataclass(frozen=True)
class Explained:
    """An explanation at a 1-based line and column of the YAML text."""

    line: int
    col: int
    code: str
    message: Text
    hint: Text


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _content_lines_before(lines: list[str], number: int) -> list[int]:
    """Line numbers before `number` that hold something other than a comment."""
    return [n for n in range(number - 1, 0, -1)
            if _line(lines, n).strip() and not _line(lines, n).lstrip().startswith("#")]


def control_character(lines: list[str]) -> Explained | None:
    for number, text in enumerate(lines, 1):
        found = CONTROL.search(text)
        if found:
            code = f"U+{ord(found.group()):04X}"
            return Explained(number, found.start() + 1, "yaml-control-char", Text(
                f"er staat een onzichtbaar stuurteken ({code}) in deze regel",
                f"there is an invisible control character ({code}) on this line"), Text(
                "typ de regel opnieuw, of plak de tekst als platte tekst (zonder opmaak)",
                "retype the line, or paste the text as plain text (without formatting)"))
    return None


def tab(lines: list[str], upto: int) -> Explained | None:
    for number in range(1, min(upto, len(lines)) + 1):
        text = _line(lines, number)
        lead = text[:len(text) - len(text.lstrip(" \t"))]
        if "\t" in lead:
            return Explained(number, lead.index("\t") + 1, "yaml-tab", Text(
                "er staat een tab aan het begin van de regel; YAML telt alleen spaties",
                "there is a tab at the start of the line; YAML counts only spaces"), Text(
                "gebruik spaties in plaats van tabs (2 per niveau)",
                "use spaces instead of tabs (2 per level)"))
    return None


def dash_without_space(lines: list[str]) -> Explained | None:
    """'-koffie' under a list field: YAML reads it as text, not as an item."""
    for number, text in enumerate(lines, 1):
        if _DASH_NO_SPACE.match(text) and text.strip() != "---":
            before = _content_lines_before(lines, number)
            previous = _line(lines, before[0]).rstrip() if before else ""
            if not (previous.endswith(":") or previous.lstrip().startswith("- ")
                    or _DASH_NO_SPACE.match(previous)):
                continue
            col = _indent(text) + 1
            item = text.strip()[1:]
            return Explained(number, col, "yaml-dash-space", Text(
                f"na het streepje van '-{item}' ontbreekt een spatie, dus het is geen lijstitem",
                f"'-{item}' has no space after its dash, so it is not a list item"), Text(
                f"schrijf '- {item}' (streepje, spatie, waarde)",
                f"write '- {item}' (dash, space, value)"))
    return None


def item_indent(lines: list[str], shift: int = 0) -> Explained | None:
    """'  - a' then '   - b': the second item is read as more text of the first."""
    for number, text in enumerate(lines, 1):
        if not text.lstrip().startswith("- "):
            continue
        before = _content_lines_before(lines, number)
        if not before:
            continue
        previous = _line(lines, before[0])
        if (previous.lstrip().startswith("- ") and _indent(text) > _indent(previous)
                and not previous.rstrip().endswith(":") and ": " not in previous):
            return _indent_problem(number, text, _indent(previous), before[0] + shift)
    return None


def _indent_problem(number: int, text: str, wanted: int, sibling: int) -> Explained:
    have = _indent(text)
    spaces = "spatie" if have == 1 else "spaties"
    return Explained(number, 1, "yaml-indent", Text(
        f"deze regel springt {have} {spaces} in, maar regel {sibling}, waar hij bij hoort, "
        f"{wanted}",
        f"this line is indented {have} spaces, but line {sibling}, which it belongs with, "
        f"{wanted}"), Text(
        f"laat de regel met precies {wanted} spaties beginnen, net als regel {sibling}",
        f"start the line with exactly {wanted} spaces, like line {sibling}"))


def unclosed_quote(lines: list[str], upto: int) -> Explained | None:
    """The first value, up to line `upto`, that opens a quote and does not close it."""
    for number in range(1, min(upto, len(lines)) + 1):
        text = _line(lines, number)
        match = _KEY.match(text)
        value = text[match.end():] if match else (
            text.lstrip()[2:] if text.lstrip().startswith("- ") else "")
        value = value.strip()
        if not value or value[0] not in "\"'":
            continue
        quote = value[0]
        rest = value[1:].replace("''", "") if quote == "'" else re.sub(r"\\.", "", value[1:])
        if quote not in rest:
            col = text.index(value) + 1
            return Explained(number, col, "yaml-quote-unclosed", Text(
                f"het aanhalingsteken {quote} op deze regel wordt niet gesloten",
                f"the quote {quote} on this line is never closed"), Text(
                f"zet aan het eind van de waarde ook een {quote}, of laat de aanhalingstekens weg",
                f"end the value with {quote} too, or leave the quotes out"))
    return None


def quote_inside(lines: list[str], number: int) -> Explained | None:
    """'in 't Zand' between single quotes: the apostrophe ends the value."""
    text = _line(lines, number)
    match = _KEY.match(text)
    value = (text[match.end():] if match else text.lstrip().removeprefix("- ")).strip()
    if len(value) < 3 or value[0] not in "\"'" or value.count(value[0]) < 2:
        return None
    if value.count(value[0]) == 2 and value[-1] != value[0]:
        return Explained(number, text.index(value) + 1, "yaml-syntax", Text(
            "na het sluitende aanhalingsteken staat nog tekst",
            "there is more text after the closing quote"), Text(
            "zet de hele waarde tussen aanhalingstekens, of haal de aanhalingstekens weg",
            "put the whole value in quotes, or remove the quotes"))
    if value.count(value[0]) < 3:
        return None
    inner = value[1:-1] if value[-1] == value[0] else value[1:]
    col = text.index(value) + 1
    if value[0] == "'":
        return Explained(number, col, "yaml-apostrophe", Text(
            "een apostrof binnen enkele aanhalingstekens sluit de waarde te vroeg af",
            "an apostrophe inside single quotes ends the value too early"), Text(
            f"zet de waarde tussen dubbele aanhalingstekens: \"{inner}\"",
            f"put the value in double quotes: \"{inner}\""))
    return Explained(number, col, "yaml-apostrophe", Text(
        "een aanhalingsteken binnen dubbele aanhalingstekens sluit de waarde te vroeg af",
        "a quote inside double quotes ends the value too early"), Text(
        f"zet de waarde tussen enkele aanhalingstekens: '{inner}'",
        f"put the value in single quotes: '{inner}'"))


def _colon(lines: list[str], number: int) -> Explained:
    text = _line(lines, number)
    match = _KEY.match(text)
    value = text[match.end():].strip() if match else text.strip()
    key = match.group("key") if match else ""
    col = (text.index(": ", match.end()) + 1) if match and ": " in text[match.end():] else (
        _indent(text) + 1)
    fixed = f"{key}: \"{value}\"" if key else f"\"{value}\""
    return Explained(number, col, "yaml-colon", Text(
        "er staat een dubbele punt met een spatie in de waarde; YAML leest dat als een "
        "nieuw veld",
        "there is a colon followed by a space in the value; YAML reads that as a new field"),
        Text(f"zet de waarde tussen aanhalingstekens: {fixed}",
             f"put the value in quotes: {fixed}"))


def _mapping_value(lines: list[str], number: int, shift: int) -> Explained:
    """'mapping values are not allowed': a field indented deeper than its sibling, a line
    without a colon above, or a colon inside a value."""
    text = _line(lines, number)
    before = _content_lines_before(lines, number)
    if before:
        previous = _line(lines, before[0])
        prev_key = _KEY.match(previous)
        this_key = _KEY.match(text)
        if prev_key and this_key and not previous.rstrip().endswith(":"):
            sibling = len(prev_key.group("indent")) + len(prev_key.group("dash") or "")
            if _indent(text) > sibling:
                return _indent_problem(number, text, sibling, before[0] + shift)
        if not prev_key and not previous.lstrip().startswith(("- ", "#")) and this_key:
            return Explained(before[0], _indent(previous) + 1, "yaml-syntax", Text(
                "deze regel is geen 'veld: waarde'", "this line is not 'field: value'"), Text(
                "zet een dubbele punt en een spatie na de veldnaam",
                "put a colon and a space after the field name"))
    return _colon(lines, number)


def _less_indented(lines: list[str], number: int, shift: int) -> Explained | None:
    text = _line(lines, number)
    for earlier in _content_lines_before(lines, number):
        other = _line(lines, earlier)
        if _indent(other) < _indent(text):
            return None  # its parent: the line is not less indented than a sibling
        if _indent(other) > _indent(text) and (
                _indent(other) - _indent(text) < 2 or text.lstrip().startswith("- ")
                == other.lstrip().startswith("- ")):
            return _indent_problem(number, text, _indent(other), earlier + shift)
    return None


def explain(text: str, problem: str, context: str, line: int, col: int,
            context_line: int, context_col: int, shift: int = 0) -> Explained:
    """Why the parser gave up at (`line`, `col`) — 1-based, 0 when unknown. Messages that
    name another line name it as a line of the file: text line + `shift`."""
    lines = text.split("\n")
    for check in (control_character(lines), tab(lines, max(line, context_line)),
                  unclosed_quote(lines, max(line, context_line) - 1)
                  if "end of stream" not in problem else None):
        if check is not None:
            return check
    for number, content in enumerate(lines[:max(line, context_line)], 1):
        if content.startswith("%"):
            return Explained(number, 1, "yaml-syntax", Text(
                "een regel mag niet met % beginnen", "a line cannot start with %"), Text(
                "zet de tekst als waarde achter een veld, tussen aanhalingstekens",
                "put the text as a value after a field, in quotes"))
    if "quoted scalar" in context:
        found = unclosed_quote(lines, context_line) or quote_inside(lines, context_line)
        if found is not None:
            return found
        if "end of stream" in problem:  # a quote in the middle of a value, never closed
            return Explained(context_line, context_col, "yaml-quote-unclosed", Text(
                "hier begint een tekst tussen aanhalingstekens die niet wordt gesloten",
                "a text in quotes starts here and is never closed"), Text(
                "sluit het aanhalingsteken, of zet de hele waarde tussen aanhalingstekens",
                "close the quote, or put the whole value in quotes"))
    if "nesting depth" in problem:
        return Explained(line, col, "yaml-too-deep", Text(
            "de velden zijn te diep in elkaar genest", "the fields are nested too deeply"),
            Text("maak de structuur platter; zo diep nest geen veld van reisgids",
                 "make the structure flatter; no reisgids field nests this deep"))
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return Explained(context_line, context_col, "yaml-bracket-unclosed", Text(
            f"het haakje {bracket} op deze regel wordt niet gesloten",
            f"the bracket {bracket} on this line is never closed"), Text(
            f"zet {closing} aan het eind van de waarde, of schrijf elk item op een eigen regel "
            "die begint met '- '",
            f"put {closing} at the end of the value, or write each item on its own line "
            "starting with '- '"))
    dash = dash_without_space(lines)
    if dash is not None and dash.line <= max(line, context_line):
        return dash
    if "did not find expected key" in problem or "expected <block end>" in problem:
        found = quote_inside(lines, line) or _less_indented(lines, line, shift)
        if found is not None:
            return found
    if "mapping values are not allowed" in problem:
        return _mapping_value(lines, line, shift)
    if "could not find expected ':'" in problem:
        glued = _NO_SPACE_AFTER_COLON.match(_line(lines, context_line))
        if glued:
            key = glued.group("key")
            return Explained(context_line, glued.end("key") + 2, "yaml-syntax", Text(
                f"na '{key}:' ontbreekt een spatie", f"'{key}:' is not followed by a space"),
                Text(f"schrijf '{key}: ' en dan de waarde", f"write '{key}: ' and then the value"))
        return Explained(context_line, context_col, "yaml-syntax", Text(
            "deze regel is geen 'veld: waarde'", "this line is not 'field: value'"), Text(
            "zet een dubbele punt en een spatie na de veldnaam, of spring de regel in als hij "
            "bij de vorige hoort",
            "put a colon and a space after the field name, or indent the line if it belongs "
            "to the one above"))
    if "expected node content" in problem:
        return Explained(line, col, "yaml-syntax", Text(
            "hier ontbreekt een waarde (twee komma's achter elkaar, of een streepje zonder "
            "item?)",
            "a value is missing here (two commas in a row, or a dash without an item?)"), Text(
            "haal de lege plek weg, of zet de waarde tussen aanhalingstekens",
            "remove the empty place, or put the value in quotes"))
    if "block scalar" in context:
        return Explained(context_line, context_col, "yaml-syntax", Text(
            "een waarde die met | of > begint is in YAML een tekstblok over meerdere regels",
            "a value starting with | or > is a multi-line text block in YAML"), Text(
            "zet de waarde tussen aanhalingstekens, of haal het teken weg",
            "put the value in quotes, or remove the character"))
    if "unknown escape" in problem:
        return Explained(line, col, "yaml-syntax", Text(
            "een \\ binnen dubbele aanhalingstekens is een speciaal teken",
            "a \\ inside double quotes is a special character"), Text(
            "gebruik enkele aanhalingstekens ('C:\\map'), of schrijf \\\\",
            "use single quotes ('C:\\folder'), or write \\\\"))
    if "cannot start any token" in problem:
        char = _line(lines, line)[col - 1:col] or "?"
        return Explained(line, col, "yaml-syntax", Text(
            f"een waarde mag in YAML niet met '{char}' beginnen",
            f"in YAML a value cannot start with '{char}'"), Text(
            "zet de waarde tussen aanhalingstekens", "put the value in quotes"))
    if "expected a comment or a line break" in problem:
        return Explained(line, col, "yaml-syntax", Text(
            "na het sluitende aanhalingsteken staat nog tekst",
            "there is more text after the closing quote"), Text(
            "zet de hele waarde tussen aanhalingstekens, of haal de aanhalingstekens weg",
            "put the whole value in quotes, or remove the quotes"))
    found = _less_indented(lines, line, shift) if line else None
    if found is not None:
        return found
    return Explained(max(line, 1), max(col, 1), "yaml-syntax", Text(
        "deze regel klopt niet als YAML", "this line is not valid YAML"), Text(
        "controleer het inspringen (2 spaties per niveau) en of elke regel 'veld: waarde' of "
        "'- item' is",
        "check the indentation (2 spaces per level) and that each line is 'field: value' or "
        "'- item'"))


@dataclass(frozen=True)
class Scalar:
    """A value as written: where it starts and ends (0-based, as the parser marks them),
    its quoting style ('' when plain) and its text."""

    line: int
    col: int
    end_line: int
    end_col: int
    style: str
    value: str


CURLY_OPEN = "“‘„‚«"
CURLY_CLOSE = "”’“‘»"


def silent_changes(text: str, scalars: list[Scalar]) -> list[Explained]:
    """Values YAML reads differently from how they look: the rest after ' #' becomes a
    comment; curly quotes from a word processor stay part of the text."""
    lines = text.split("\n")
    found: list[Explained] = []
    for scalar in scalars:
        if scalar.style == "" and scalar.value:
            rest = _line(lines, scalar.end_line + 1)[scalar.end_col:]
            if rest.strip().startswith("#") and rest.strip() != "#":
                dropped = rest.strip()
                col = scalar.end_col + len(rest) - len(rest.lstrip()) + 1
                whole = f"{scalar.value} {dropped}".replace('"', '\\"')
                found.append(Explained(scalar.end_line + 1, col, "value-comment", Text(
                    f"'{dropped}' valt weg: na ' #' leest YAML de rest van de regel als "
                    "commentaar",
                    f"'{dropped}' is dropped: after ' #' YAML reads the rest of the line as a "
                    "comment"), Text(
                    f"zet de hele waarde tussen aanhalingstekens: \"{whole}\"",
                    f"put the whole value in quotes: \"{whole}\"")))
        value = scalar.value.strip()
        if len(value) >= 2 and value[0] in CURLY_OPEN and value[-1] in CURLY_CLOSE:
            found.append(Explained(scalar.line + 1, scalar.col + 1, "value-curly-quotes", Text(
                f"de waarde staat tussen gekrulde aanhalingstekens ({value[0]}…{value[-1]}); "
                "die komen zo in de titel of tekst",
                f"the value is wrapped in curly quotes ({value[0]}…{value[-1]}); they end up "
                "in the title or text"), Text(
                f"haal ze weg, of gebruik rechte aanhalingstekens: \"{value[1:-1]}\"",
                f"remove them, or use straight quotes: \"{value[1:-1]}\"")))
    return found


def looks_wrong(text: str, shift: int = 0) -> Explained | None:
    """Slips that parse, but not as the editor meant: '-koffie' and a list item indented
    further than the one above (both become text of the line above)."""
    lines = text.split("\n")
    return dash_without_space(lines) or item_indent(lines, shift)
