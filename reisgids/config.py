"""reisgids.yml: the site's configuration, typed; unknown keys are errors."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

from reisgids import BUILTIN_THEMES as BUILTIN_THEMES  # re-exported (render.theme)
from reisgids.diagnose import diagnostics_from
from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.hints import closest
from reisgids.model.base import Model
from reisgids.model.fields import Bool, OneOf, Title, Url
from reisgids.model.fields import Text as TextField
from reisgids.source.discover import suggest_slug
from reisgids.source.frontmatter import SplitProblem, decode
from reisgids.source.kinds import KINDS
from reisgids.source.links import link_error
from reisgids.yamlsafe import YamlProblem, load_mapping

CONFIG_FILE = "reisgids.yml"
VOCAB_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SEGMENT = r"[a-z0-9]+(?:-[a-z0-9]+)*"
PERMALINK_RE = re.compile(rf"/(?:(?:{SEGMENT}|\{{slug\}})/)*")
MAX_DAYS = 36_500
THEME_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def builtin_theme_names() -> frozenset[str]:
    return frozenset(p.name for p in BUILTIN_THEMES.iterdir()
                     if p.is_dir() and THEME_RE.fullmatch(p.name))


def theme_names(root: Path) -> frozenset[str]:
    """The themes a site can choose: its own themes/<name>/ folders (real folders, not
    links) and the built-in ones."""
    own = root / "themes"
    names = {p.name for p in own.iterdir() if p.is_dir() and not p.is_symlink()
             and THEME_RE.fullmatch(p.name)} if own.is_dir() and not own.is_symlink() else set()
    return frozenset(names) | builtin_theme_names()


def _problem(code: str, nl: str, en: str, hint_nl: str, hint_en: str) -> PydanticCustomError:
    """An error that carries its own message in both languages (see diagnose.explain)."""
    return PydanticCustomError(code, en, {"nl": nl, "en": en, "hint_nl": hint_nl,
                                          "hint_en": hint_en})


def _vocab_id(value: str) -> str:
    if VOCAB_ID.fullmatch(value):
        return value
    better = suggest_slug(value)
    raise _problem("reisgids_vocab_id",
                   f"'{value}' is geen geldige id: alleen kleine letters a-z, cijfers en "
                   "losse streepjes",
                   f"'{value}' is not a valid id: only lowercase a-z, digits and single "
                   "hyphens",
                   f"schrijf '{better}: {value}' (id: label)",
                   f"write '{better}: {value}' (id: label)")


def _permalink_kind(value: str) -> str:
    if value in KINDS:
        return value
    guess = closest(value, KINDS)
    raise _problem("reisgids_permalink_kind", f"'{value}' is geen soort",
                   f"'{value}' is not a kind",
                   f"bedoelde je '{guess}'?" if guess else f"kies uit: {', '.join(KINDS)}",
                   f"did you mean '{guess}'?" if guess else f"choose from: {', '.join(KINDS)}")


def _permalink_pattern(value: str) -> str:
    """A site path of plain segments and one `{slug}`: never `..`, a scheme, `//host` or a
    backslash, so that no pattern can place a page outside the output folder."""
    if PERMALINK_RE.fullmatch(value) and value.count("{slug}") == 1:
        return value
    raise _problem("reisgids_permalink",
                   f"'{value}' moet met / beginnen en eindigen, {{slug}} één keer bevatten en "
                   "verder alleen mapnamen van kleine letters a-z, cijfers en streepjes",
                   f"'{value}' must start and end with /, contain {{slug}} once and otherwise "
                   "only folder names of lowercase a-z, digits and hyphens",
                   "bijvoorbeeld /verhalen/{slug}/", "for example /stories/{slug}/")


def _theme_name(value: str, info: ValidationInfo) -> str:
    """A theme is a name looked up in the site's themes/ or the built-in themes, never a
    path: `theme: ../../etc` would read templates from outside the site."""
    root = (info.context or {}).get("root")
    known = theme_names(root) if isinstance(root, Path) else None
    if THEME_RE.fullmatch(value) and (known is None or value in known):
        return value
    choices = sorted(known or builtin_theme_names())
    guess = closest(value, choices)
    if not THEME_RE.fullmatch(value):
        nl = f"'{value}' is geen themanaam: alleen kleine letters a-z, cijfers en streepjes"
        en = f"'{value}' is not a theme name: only lowercase a-z, digits and hyphens"
    else:
        nl = f"het thema '{value}' bestaat niet in themes/ of in reisgids"
        en = f"the theme '{value}' exists neither in themes/ nor in reisgids"
    raise _problem("reisgids_theme", nl, en,
                   f"bedoelde je '{guess}'?" if guess else f"kies uit: {', '.join(choices)}",
                   f"did you mean '{guess}'?" if guess else f"choose from: {', '.join(choices)}")


VocabId = Annotated[str, AfterValidator(_vocab_id)]
PermalinkKind = Annotated[str, AfterValidator(_permalink_kind)]
Permalink = Annotated[TextField, AfterValidator(_permalink_pattern)]
ThemeName = Annotated[TextField, AfterValidator(_theme_name)]


class Vocabularies(Model):
    themes: dict[VocabId, TextField] = {}
    forms: dict[VocabId, TextField] = {}
    partner_types: dict[VocabId, TextField] = {}


class CompassSettings(Model):
    cadence: Annotated[TextField, OneOf("compass.cadence")] = "yearly"


def _days(value: int) -> int:
    """A freshness window in days: at least one, at most a hundred years (a date minus
    a larger window falls outside the calendar)."""
    if 1 <= value <= MAX_DAYS:
        return value
    raise _problem("reisgids_days", f"{value} dagen kan niet: kies 1 tot en met {MAX_DAYS}",
                   f"{value} days is not possible: choose 1 to {MAX_DAYS}",
                   "bijvoorbeeld 365 (een jaar)", "for example 365 (a year)")


Days = Annotated[int, AfterValidator(_days)]


class Freshness(Model):
    partner: Days | None = None
    instrument: Days | None = None


CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"


class Licence(Model):
    """The licence of the open data (facts: who works with whom, statuses, dates)."""

    name: TextField = "CC0 1.0"
    url: Url = CC0


class Repository(Model):
    """Where the guide's files live, for 'bewerk deze pagina' and 'meld een fout'. `edit`
    is a URL with {path} (the source file, e.g. content/deals/x.md); for github.com and
    gitlab.com it follows from `url` and `branch`."""

    url: Url
    branch: TextField = "main"
    edit: TextField | None = None
    issues: Url | None = None


EDITOR_BACKENDS = ("github", "gitlab", "gitea")


def _editor_backend(value: str) -> str:
    if value in EDITOR_BACKENDS:
        return value
    raise _problem("reisgids_editor_backend", f"'{value}' is geen bekende git-host",
                   f"'{value}' is not a known git host",
                   f"kies uit: {', '.join(EDITOR_BACKENDS)}",
                   f"choose from: {', '.join(EDITOR_BACKENDS)}")


def _editor_switch(value: Any) -> Any:
    """`editor: false` switches the editor off; `editor: true` is the default settings."""
    if isinstance(value, bool | str) and str(value).strip().lower() in {"true", "false"}:
        return {"enabled": str(value).strip().lower()}
    return value


class EditorSettings(Model):
    """The web editor at /admin/ (docs/editor.md): which git host it commits to."""

    enabled: Bool = True
    backend: Annotated[TextField, AfterValidator(_editor_backend)] = "github"
    repo: TextField | None = None  # owner/name
    branch: TextField = "main"
    base_url: Url | None = None  # the OAuth server (GitHub) or the GitLab instance
    auth_type: TextField | None = None  # GitLab: pkce or implicit
    app_id: TextField | None = None  # GitLab: the OAuth application id
    editorial_workflow: Bool = True  # every change a pull/merge request


class SiteConfig(Model):
    title: Title
    base_url: Url
    language: Annotated[TextField, OneOf("language")] = "nl"
    theme: ThemeName = "default"
    vocabularies: Vocabularies = Vocabularies()
    compass: CompassSettings = CompassSettings()
    freshness: Freshness | None = None
    permalinks: dict[PermalinkKind, Permalink] = {}
    licence: Licence = Licence()
    repository: Repository | None = None
    editor: Annotated[EditorSettings, BeforeValidator(_editor_switch)] = EditorSettings()
    git_dates: Bool = False  # an entry's `updated` from git when it has none

    @field_validator("base_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"

    @cached_property
    def base_path(self) -> str:
        """The path part of base_url ('/reisgids/'): internal links start with it."""
        match = re.match(r"^https?://[^/]+(/.*)\Z", self.base_url)
        return match.group(1) if match else "/"

    def vocabulary(self, name: str) -> dict[str, str]:
        vocab: dict[str, str] = getattr(self.vocabularies, name)
        return vocab


def load_config(root: Path, overrides: dict[str, Any] | None = None
                ) -> tuple[SiteConfig | None, list[Diagnostic]]:
    path = root / CONFIG_FILE
    if path.is_symlink():  # never followed: it could point at any file of the machine
        return None, [link_error(root, path)]
    if not path.is_file():
        return None, [error("config-missing", Location(CONFIG_FILE), Text(
            f"{CONFIG_FILE} ontbreekt in {root}", f"{CONFIG_FILE} is missing in {root}"),
            hint=Text("maak reisgids.yml aan met minstens 'title:' en 'base_url:'",
                      "create reisgids.yml with at least 'title:' and 'base_url:'"))]
    try:
        doc = load_mapping(decode(path.read_bytes()))
    except YamlProblem as problem:
        return None, [error(problem.code, Location(CONFIG_FILE, problem.line, problem.col),
                            problem.message, hint=problem.hint)]
    except SplitProblem as problem:
        return None, [error(problem.code, Location(CONFIG_FILE, problem.line), problem.message,
                            hint=problem.hint)]
    data = dict(doc.data)
    data.update(overrides or {})
    # no ' #' warnings here: a trailing comment after a setting is the usual way to explain
    # it in a configuration file (content files get them: see validate.read_entry)
    try:
        return SiteConfig.model_validate(data, context={"root": root}), []
    except ValidationError as exc:
        return None, diagnostics_from(exc, SiteConfig, doc, CONFIG_FILE, 1)
