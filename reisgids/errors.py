"""Diagnostics as values: where, what, how to fix — in Dutch and English.

Every stage returns diagnostics instead of raising; the CLI sorts and prints them once.
Messages are written next to the check that finds them, in both UI languages, so no
central catalogue has to stay in sync with the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in the site: a POSIX path relative to the site root, 1-based line and column."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Text:
    """One sentence in both UI languages."""

    nl: str
    en: str

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.nl


@dataclass(frozen=True)
class Diagnostic:
    """One finding about the content. `code` is stable and documented; `field` is the
    dotted field path (``partners[0].role``) or empty when the finding is about the file."""

    location: Location
    code: str
    severity: Severity
    message: Text
    field: str = ""
    hint: Text | None = None
    subject: str = ""  # the value as written, when a later stage can suggest a better one

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.location.path, self.location.line, self.location.col, self.code, self.field)

    def format(self, language: str = "nl", *, col: int | None = None) -> str:
        """One line: `path:line:col: fout [code] field: message — hint`."""
        label = {"nl": {"error": "fout", "warning": "waarschuwing"},
                 "en": {"error": "error", "warning": "warning"}}
        lang = "en" if language == "en" else "nl"
        where = f"{self.location}:{col if col is not None else self.location.col}"
        head = f"{where}: {label[lang][self.severity.value]} [{self.code}]"
        text = f"{self.field}: {self.message.get(lang)}" if self.field else self.message.get(lang)
        line = f"{head} {text}"
        if self.hint is not None:
            line += f" — {self.hint.get(lang)}"
        return line


def error(
    code: str, location: Location, message: Text, *, field: str = "", hint: Text | None = None
) -> Diagnostic:
    return Diagnostic(location, code, Severity.ERROR, message, field, hint)


def warning(
    code: str, location: Location, message: Text, *, field: str = "", hint: Text | None = None
) -> Diagnostic:
    return Diagnostic(location, code, Severity.WARNING, message, field, hint)


@dataclass
class Report:
    """Collects diagnostics from every stage; never stops at the first one."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)

    def fails(self, *, strict: bool) -> bool:
        return bool(self.items) if strict else self.has_errors

    def sorted(self) -> list[Diagnostic]:
        unique = {(d.sort_key(), d.message.nl, d.severity): d for d in self.items}
        return [unique[k] for k in sorted(unique)]

    def summary(self, language: str = "nl") -> str:
        items = self.sorted()
        errors = sum(1 for d in items if d.is_error)
        warnings = len(items) - errors
        files = len({d.location.path for d in items})
        if language == "en":
            return (f"{errors} error{'s' if errors != 1 else ''}, "
                    f"{warnings} warning{'s' if warnings != 1 else ''} in {files} "
                    f"file{'s' if files != 1 else ''}")
        return (f"{errors} {'fout' if errors == 1 else 'fouten'}, "
                f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'} in {files} "
                f"{'bestand' if files == 1 else 'bestanden'}")
