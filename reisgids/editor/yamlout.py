"""Write front-matter values the way an editor writes them by hand.

Block style only (lists as `- item` lines, two spaces per level), plain scalars wherever
reisgids reads them back as the same text, double quotes otherwise, `|` blocks for text
with line breaks. No anchors, tags, flow style or line folding: diffs stay one line per
change.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reisgids.yamlsafe import NULL_WORDS, YamlProblem, load_mapping

# first characters that start YAML syntax instead of text
_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or "\n" in text or text in NULL_WORDS:
        return False
    if not all(_printable(char) for char in text):
        return False
    if text[0] in _SPECIAL_START and not re.match(r"^-\d", text):
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    try:  # the reader of reisgids is the judge
        return load_mapping(f"k: {text}\n").data == {"k": text}
    except YamlProblem:
        return False


def _printable(char: str) -> bool:
    """YAML's printable set (spec 5.1), minus the characters PyYAML reads as line breaks
    (NEL, LS, PS): those are written escaped."""
    code = ord(char)
    if code in (0x85, 0x2028, 0x2029):
        return False
    return (0x20 <= code <= 0x7E or 0xA0 <= code <= 0xD7FF
            or (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or code >= 0x10000)


def quoted(text: str) -> str:
    """A double-quoted YAML scalar; control characters escaped, lone surrogates (which
    UTF-8 cannot hold) replaced."""
    out = []
    for char in json.dumps(text, ensure_ascii=False)[1:-1]:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")
        elif _printable(char):
            out.append(char)
        else:
            out.append(f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}")
    return '"' + "".join(out) + '"'


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = "" if value is None else str(value)
    return text if _plain_ok(text) else quoted(text)


def _key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key) else quoted(key)


def _text_block(text: str, indent: str) -> list[str]:
    chomp = "" if text.endswith("\n") else "-"
    lines = text.rstrip("\n").split("\n")
    return [f"|{chomp}", *[(indent + line) if line else "" for line in lines]]


def emit(key: str, value: Any, indent: str = "") -> list[str]:
    """The lines of `key: value` at `indent`."""
    key = _key(str(key))
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for sub, item in value.items():
            lines += emit(sub, item, indent + "  ")
        return lines
    if isinstance(value, list):
        lines = [f"{indent}{key}:"]
        for item in value:
            lines += _item(item, indent + "  ")
        return lines
    if isinstance(value, str) and "\n" in value.strip("\n") \
            and all(_printable(c) or c == "\n" for c in value) and value == value.strip(" "):
        first, *rest = _text_block(value, indent + "  ")
        return [f"{indent}{key}: {first}", *rest]
    return [f"{indent}{key}: {scalar(value)}"]


def _item(item: Any, indent: str) -> list[str]:
    if isinstance(item, dict) and item:
        lines: list[str] = []
        for sub, value in item.items():
            lines += emit(sub, value, indent + "  ")
        lines[0] = indent + "- " + lines[0][len(indent) + 2:]
        return lines
    if isinstance(item, list):
        inner = [line for sub in item for line in _item(sub, indent + "  ")]
        return [indent + "-", *inner]
    return [f"{indent}- {scalar(item)}"]


def emit_mapping(data: dict[str, Any]) -> str:
    return "".join(line + "\n" for key, value in data.items() for line in emit(key, value))
