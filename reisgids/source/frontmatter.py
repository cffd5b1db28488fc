"""Split a content file into front matter and body, as text, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from reisgids.errors import Text


@dataclass(frozen=True)
class Split:
    yaml_text: str
    yaml_first_line: int  # file line of the first YAML line
    body: str
    body_first_line: int  # file line of the first body line


@dataclass(frozen=True)
class SplitProblem(Exception):
    line: int
    code: str
    message: Text
    hint: Text | None = None


def decode(raw: bytes) -> str:
    """UTF-8 with an optional BOM; CRLF and CR become LF. Raises SplitProblem on bad bytes."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SplitProblem(
            line, "encoding",
            Text(f"het bestand is geen UTF-8 (byte {raw[exc.start]:#04x})",
                 f"the file is not UTF-8 (byte {raw[exc.start]:#04x})"),
            Text("sla het bestand op als UTF-8", "save the file as UTF-8")) from None
    text = text.removeprefix("\ufeff")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split(text: str) -> Split:
    """Front matter between '---' lines at the very top, then the body."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise SplitProblem(
            1, "frontmatter-missing",
            Text("het bestand begint niet met front matter ('---')",
                 "the file does not start with front matter ('---')"),
            Text("zet op regel 1 '---', dan de velden (zoals 'title: ...'), dan weer '---'",
                 "put '---' on line 1, then the fields (like 'title: ...'), then '---' again"))
    for index in range(1, len(lines)):
        if lines[index].rstrip() == "---":
            return Split(
                yaml_text="\n".join(lines[1:index]),
                yaml_first_line=2,
                body="\n".join(lines[index + 1:]),
                body_first_line=index + 2,
            )
    raise SplitProblem(
        1, "frontmatter-unclosed",
        Text("de front matter wordt niet afgesloten met '---'",
             "the front matter is not closed with '---'"),
        Text("zet een regel '---' tussen de velden en de tekst",
             "put a line '---' between the fields and the text"))
