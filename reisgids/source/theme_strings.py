"""The site's own theme strings, checked as they are read (`check` finds their mistakes too;
render.theme reads them again for the templates)."""

from __future__ import annotations

from pathlib import Path

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.source.frontmatter import SplitProblem, decode
from reisgids.source.links import is_link_free
from reisgids.yamlsafe import YamlProblem, load_mapping


def theme_string_problems(root: Path, name: str) -> list[Diagnostic]:
    """The site's own theme strings (themes/<name>/i18n/*.yml), read as any YAML of the
    site: a mistake there is a diagnostic at its line, found by `check` too."""
    folder = root / "themes" / name / "i18n"
    if not folder.is_dir() or not is_link_free(root, folder):
        return []
    problems: list[Diagnostic] = []
    for path in sorted(folder.glob("*.yml")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            continue  # source.links reports it
        try:
            data = load_mapping(decode(path.read_bytes())).data
        except YamlProblem as problem:
            problems.append(error(problem.code, Location(rel, problem.line, problem.col),
                                  problem.message, hint=problem.hint))
            continue
        except SplitProblem as problem:
            problems.append(error(problem.code, Location(rel, problem.line), problem.message,
                                  hint=problem.hint))
            continue
        for key, value in sorted(data.items()):
            if not isinstance(value, str):
                problems.append(error("theme-string", Location(rel), Text(
                    f"'{key}' moet een tekst zijn", f"'{key}' must be a text"), field=key,
                    hint=Text("schrijf 'sleutel: tekst' op één regel",
                              "write 'key: text' on one line")))
    return problems
