"""Diagnostics for machines: GitHub workflow commands, a GitLab Code Quality report, JSON.

The plain format (errors.Diagnostic.format) is for people in a terminal; these put the same
messages on the lines of a pull request (GitHub), into a merge request's Code Quality
widget (GitLab), or into any other tool (JSON). Every format carries file, line, column,
code, field, severity and the message with its hint in the site's language.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from reisgids.errors import Diagnostic

FORMATS = ("plain", "github", "gitlab", "json")


def message(diagnostic: Diagnostic, language: str) -> str:
    """The message without its location: 'field: what is wrong — how to fix it'."""
    text = diagnostic.message.get(language)
    if diagnostic.field:
        text = f"{diagnostic.field}: {text}"
    if diagnostic.hint is not None:
        text += f" — {diagnostic.hint.get(language)}"
    return text


def _escape_data(value: str) -> str:
    # GitHub's rules for the message of a workflow command (toolkit/core command.ts).
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    # Properties additionally escape ':' and ',', which separate them.
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(diagnostics: Sequence[Diagnostic], language: str) -> str:
    """One workflow command per diagnostic: `::error file=…,line=…,col=…,title=…::…`."""
    lines = []
    for d in diagnostics:
        command = "error" if d.is_error else "warning"
        title = f"reisgids [{d.code}]" + (f" {d.field}" if d.field else "")
        props = ",".join(f"{key}={_escape_property(value)}" for key, value in (
            ("file", d.location.path), ("line", str(d.location.line)),
            ("col", str(d.location.col)), ("title", title)))
        lines.append(f"::{command} {props}::{_escape_data(message(d, language))}")
    return "".join(line + "\n" for line in lines)


def fingerprint(diagnostic: Diagnostic) -> str:
    """Stable across runs and machines, different per finding (GitLab compares them
    between the merge request and its target branch)."""
    d = diagnostic
    key = "\0".join((d.location.path, str(d.location.line), str(d.location.col), d.code,
                     d.field, d.message.en))
    return hashlib.sha256(key.encode()).hexdigest()


def gitlab(diagnostics: Sequence[Diagnostic], language: str) -> str:
    """A GitLab Code Quality report (a JSON array, the subset of the Code Climate spec
    GitLab reads)."""
    issues = [{
        "description": message(d, language),
        "check_name": d.code,
        "fingerprint": fingerprint(d),
        "severity": "major" if d.is_error else "minor",
        "location": {"path": d.location.path, "lines": {"begin": d.location.line}},
    } for d in diagnostics]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def as_json(diagnostics: Sequence[Diagnostic], language: str, summary: str) -> str:
    items: list[dict[str, Any]] = [{
        "path": d.location.path, "line": d.location.line, "col": d.location.col,
        "severity": d.severity.value, "code": d.code, "field": d.field,
        "message": d.message.get(language),
        "hint": d.hint.get(language) if d.hint is not None else None,
    } for d in diagnostics]
    errors = sum(1 for d in diagnostics if d.is_error)
    return json.dumps({"errors": errors, "warnings": len(diagnostics) - errors,
                       "summary": summary, "diagnostics": items},
                      ensure_ascii=False, indent=2) + "\n"
