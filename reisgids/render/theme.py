"""The Jinja environment: site templates override theme templates; strict, escaped and
sandboxed.

A site's own templates come from a pull request like any other file, so every template
runs in Jinja's immutable sandbox: no attribute starting with `_`, no `__globals__` or
`__class__` walk to `os`, no changing the data handed to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reisgids.config import BUILTIN_THEMES
from reisgids.source.frontmatter import decode
from reisgids.yamlsafe import load_mapping


@dataclass(frozen=True)
class Theme:
    name: str
    template_dirs: tuple[Path, ...]  # site first, then the theme
    static_dirs: tuple[Path, ...]  # theme first; the site's own theme static overrides
    strings: dict[str, str]
    root: Path | None = None  # the site: template errors are reported relative to it


def find_theme(root: Path, name: str, language: str) -> Theme:
    dirs = [d for d in (root / "themes" / name, BUILTIN_THEMES / name) if d.is_dir()]
    unique: list[Path] = []
    for d in dirs:
        if d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    strings: dict[str, str] = {}
    for d in reversed(unique):
        i18n = d / "i18n" / f"{language}.yml"
        if i18n.is_file():
            strings.update({k: str(v) for k, v in load_mapping(
                decode(i18n.read_bytes())).data.items()})
    return Theme(
        name=name,
        template_dirs=tuple(d / "templates" for d in unique if (d / "templates").is_dir()),
        static_dirs=tuple(d / "static" for d in reversed(unique) if (d / "static").is_dir()),
        strings=strings,
        root=root,
    )


def environment(theme: Theme) -> jinja2.Environment:
    """The environment every template runs in; see the module docstring for the sandbox."""
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(d)) for d in theme.template_dirs])
    env = ImmutableSandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    strings = theme.strings

    def translate(key: str) -> str:
        return strings.get(key, key)

    env.globals["t"] = translate
    return env
