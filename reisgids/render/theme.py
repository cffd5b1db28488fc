"""The Jinja environment: site templates override theme templates; strict, escaped and
sandboxed.

A site's own templates come from a pull request like any other file, so every template
runs in Jinja's immutable sandbox: no attribute starting with `_`, no `__globals__` or
`__class__` walk to `os`, no changing the data handed to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from reisgids.config import BUILTIN_THEMES
from reisgids.source.frontmatter import decode
from reisgids.source.links import is_link_free
from reisgids.yamlsafe import load_mapping


@dataclass(frozen=True)
class Theme:
    name: str
    template_dirs: tuple[Path, ...]  # site first, then the theme
    static_dirs: tuple[Path, ...]  # theme first; the site's own theme static overrides
    strings: dict[str, str]
    root: Path | None = None  # the site: template errors are reported relative to it


class LinkFreeLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that never reads a template through a symbolic link (a link in a
    site's templates/ could point at any file of the machine; source.links reports it)."""

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        for base in self.searchpath:
            if Path(filename).is_relative_to(base) and not is_link_free(Path(base),
                                                                        Path(filename)):
                raise jinja2.TemplateNotFound(template)
        return source, filename, uptodate


def _real_dir(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def find_theme(root: Path, name: str, language: str) -> Theme:
    own = root / "themes" / name
    dirs = [d for d in (own, BUILTIN_THEMES / name) if d.is_dir()
            and (d != own or is_link_free(root, own))]
    unique: list[Path] = []
    for d in dirs:
        if d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    strings: dict[str, str] = {}
    for d in reversed(unique):
        i18n = d / "i18n" / f"{language}.yml"
        if i18n.is_file() and not i18n.is_symlink() and not i18n.parent.is_symlink():
            strings.update({k: str(v) for k, v in load_mapping(
                decode(i18n.read_bytes())).data.items()})
    return Theme(
        name=name,
        template_dirs=tuple(d / "templates" for d in unique if _real_dir(d / "templates")),
        static_dirs=tuple(d / "static" for d in reversed(unique) if _real_dir(d / "static")),
        strings=strings,
        root=root,
    )


def environment(theme: Theme) -> jinja2.Environment:
    """The environment every template runs in; see the module docstring for the sandbox."""
    loader = jinja2.ChoiceLoader([LinkFreeLoader(str(d)) for d in theme.template_dirs])
    env = ImmutableSandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined,
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    strings = theme.strings

    def translate(key: str) -> str:
        return strings.get(key, key)

    env.globals["t"] = translate
    return env
