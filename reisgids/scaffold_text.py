"""`reisgids new`: the text of a new content file, every field written and explained.

Required fields get a value that passes `reisgids check` (a title made from the slug,
today's date, the first allowed value, the first existing entry a reference can point
at); optional fields are written empty (``field:`` counts as not written); lists of
items show one example item as comment lines, to be switched on by removing the ``#``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reisgids.config import CONFIG_FILE, SiteConfig
from reisgids.model.describe import (
    BOOL,
    CHOICE,
    DATE,
    EMAIL,
    ENUM,
    KINDREF,
    LINK,
    MODEL,
    MOMENT,
    PATH,
    REF,
    TEXT,
    URL,
    VOCAB,
    YEAR,
    FieldSpec,
    Shape,
    describe,
    help_for,
    sub_fields,
)
from reisgids.model.kinds import SPEC
from reisgids.model.vocab import VOCABS
from reisgids.placeholders import FILL_IN, PLACEHOLDERS
from reisgids.scaffold_names import in_language
from reisgids.source.discover import SLUG_RE
from reisgids.source.kinds import FOLDER_OF, KINDS

EXAMPLE_URL = "https://www.example.org/"
SOURCE_PREFERENCE = ("review", "deal", "project")


@dataclass
class _Writer:
    kind: str
    slug: str
    site: Path
    config: SiteConfig | None
    language: str
    today: date
    given_title: str = ""
    _slugs: dict[str, list[str]] = field(default_factory=dict)

    def t(self, nl: str, en: str) -> str:
        return in_language(self.language, nl, en)

    def slugs(self, kind: str) -> list[str]:
        """The slugs of the existing entries of `kind`, sorted."""
        if kind not in self._slugs:
            folder = self.site / "content" / FOLDER_OF[kind]
            found = sorted(p.stem for p in folder.glob("*.md")
                           if p.is_file() and SLUG_RE.match(p.stem)) if folder.is_dir() else []
            self._slugs[kind] = found
        return self._slugs[kind]

    def site_vocab(self, name: str) -> dict[str, str]:
        return self.config.vocabulary(name) if self.config is not None else {}

    # -- comments

    def comment(self, spec: FieldSpec, path: str) -> str:
        nl, en = help_for(self.kind, path)
        parts = [self.t(nl, en)]
        shape = spec.shape
        fmt = self.format_hint(shape, spec.many)
        if fmt:
            parts.append(fmt)
        if spec.required:
            parts.append(self.t("Verplicht, minstens één.", "Required, at least one.")
                         if spec.many and spec.min_items else self.t("Verplicht.", "Required."))
        elif spec.default not in (None, [], ""):
            shown = str(spec.default).lower() if isinstance(spec.default, bool) else spec.default
            parts.append(self.t(f"Standaard: {shown}.", f"Default: {shown}."))
        choices = self.choices(shape)
        if choices:
            parts.append(choices)
        return "# " + " ".join(parts)

    def format_hint(self, shape: Shape, many: bool) -> str:
        leaf = shape.leaf
        folder = f"content/{FOLDER_OF[shape.name]}/" if leaf == REF else ""
        hints = {
            DATE: self.t("Schrijf JJJJ-MM-DD.", "Write YYYY-MM-DD."),
            MOMENT: self.t("Schrijf JJJJ-MM-DD of JJJJ-MM-DD UU:MM.",
                           "Write YYYY-MM-DD or YYYY-MM-DD HH:MM."),
            BOOL: self.t("Schrijf true of false.", "Write true or false."),
            YEAR: self.t("Een jaartal.", "A year."),
            URL: self.t("Begint met https://.", "Starts with https://."),
            EMAIL: self.t("Een e-mailadres.", "An e-mail address."),
            PATH: self.t("Begint met /static/.", "Starts with /static/."),
            LINK: self.t("Begint met https:// of /static/.", "Starts with https:// or /static/."),
            REF: (self.t(f"Bestandsnamen uit {folder}, zonder .md.",
                         f"File names from {folder}, without .md.") if many else
                  self.t(f"Bestandsnaam uit {folder}, zonder .md.",
                         f"File name from {folder}, without .md.")),
            KINDREF: self.t("Schrijf {soort: bestandsnaam}; soorten: ",
                            "Write {kind: file name}; kinds: ") + ", ".join(shape.kinds) + ".",
        }
        hint = hints.get(leaf, "")
        if many and leaf not in (REF, MODEL, CHOICE, KINDREF):
            hint = (self.t("Een lijst.", "A list.") + " " + hint).strip()
        return hint

    def choices(self, shape: Shape) -> str:
        if shape.leaf == ENUM:
            labels = VOCABS[shape.name]
            listed = ", ".join(f"{k} ({self.t(*labels[k])})" for k in labels)
            return self.t(f"Kies uit: {listed}.", f"Choose from: {listed}.")
        if shape.leaf == VOCAB:
            vocab = self.site_vocab(shape.name)
            if not vocab:
                return self.t(f"Nog geen keuzes: zet ze onder vocabularies.{shape.name} in "
                              f"{CONFIG_FILE}.",
                              f"No choices yet: add them under vocabularies.{shape.name} in "
                              f"{CONFIG_FILE}.")
            listed = ", ".join(f"{k} ({v})" for k, v in vocab.items())
            return self.t(f"Kies uit: {listed}.", f"Choose from: {listed}.")
        return ""

    # -- values

    def period(self) -> tuple[date, date]:
        match = re.match(r"^(\d{4})(?:-([12]))?\Z", self.slug)
        year = int(match[1]) if match else self.today.year
        if match and match[2] == "1":
            return date(year, 1, 1), date(year, 6, 30)
        if match and match[2] == "2":
            return date(year, 7, 1), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)

    def title(self) -> str:
        if self.given_title:
            return self.given_title
        if self.kind == "compass-edition":
            return self.t(f"Reiskompas {self.slug}", f"Compass {self.slug}")
        return self.slug.replace("-", " ").capitalize()

    def value(self, shape: Shape, path: str) -> str:
        """A value that validates for a required leaf; '' when none can be guessed."""
        full = f"{self.kind}.{path}"
        if full == "compass-edition.period.start":
            return self.period()[0].isoformat()
        if full == "compass-edition.period.end":
            return self.period()[1].isoformat()
        leaf = shape.leaf
        if leaf == TEXT:
            if path == "title":
                return self.title()
            text = PLACEHOLDERS.get(full) or PLACEHOLDERS.get(path) or FILL_IN
            return self.t(*text)
        if leaf in (DATE, MOMENT):
            return self.today.isoformat()
        if leaf == BOOL:
            return "false"
        if leaf == YEAR:
            return str(self.today.year)
        if leaf in (URL, LINK):
            return EXAMPLE_URL
        if leaf == EMAIL:
            return "info@example.org"
        if leaf == PATH:
            return "/static/afbeelding.jpg"
        if leaf == ENUM:
            return next(iter(VOCABS[shape.name]))
        if leaf == VOCAB:
            return next(iter(self.site_vocab(shape.name)), "")
        if leaf == REF:
            return next(iter(self.slugs(shape.name)), "")
        return ""

    def example_ref(self, kind: str) -> str:
        return next(iter(self.slugs(kind)), self.t("bestandsnaam", "file-name"))

    # -- lines

    def fields(self, specs: list[FieldSpec], prefix: str, indent: str) -> list[str]:
        lines: list[str] = []
        for spec in specs:
            lines += self.field(spec, f"{prefix}{spec.key}", indent)
        return lines

    def field(self, spec: FieldSpec, path: str, indent: str) -> list[str]:
        lines = [indent + self.comment(spec, path)]
        shape = spec.shape
        key = f"{indent}{spec.key}:"
        nested = shape.leaf in (MODEL, CHOICE, KINDREF)
        if not nested:
            value = self.value(shape, path) if spec.required else ""
            if path == "draft":  # unfinished until the editor says otherwise
                lines[0] += " " + self.t("Een nieuw bestand is een concept: zet dit op false "
                                         "(of haal de regel weg) om te publiceren.",
                                         "A new file is a draft: set this to false (or "
                                         "remove the line) to publish.")
                value = "true"
            if spec.many and value:
                return [*lines, key, f"{indent}  - {value}"]
            return [*lines, f"{key} {value}".rstrip()]
        lines.append(key)
        inner = indent + "  "
        if not spec.many:  # a nested object, such as period or contact
            body = self.fields(sub_fields(shape)[0][1], f"{path}.", inner)
            return lines + (body if spec.required else self.commented(body))
        real, examples = self.items(spec, path, inner)
        return lines + real + self.commented(examples)

    def items(self, spec: FieldSpec, path: str, indent: str) -> tuple[list[str], list[str]]:
        """The item written for real (for a required list, when one can be made) and the
        example items written as comments."""
        shape = spec.shape
        if shape.leaf == KINDREF:
            return [], self.kind_ref_example(shape, path, indent)
        if shape.leaf == MODEL:
            item = self.item(sub_fields(shape)[0][1], path, indent, real=spec.required)
            return (item, []) if spec.required else ([], item)
        # a choice, such as a lesson source: {review: slug} or {document: title, ...}
        real: list[str] = []
        examples: list[str] = []
        for option in shape.options:
            if option.leaf == KINDREF:
                kinds = sorted(option.kinds, key=lambda k: (
                    SOURCE_PREFERENCE.index(k) if k in SOURCE_PREFERENCE else 99, k))
                for kind in kinds:
                    lines = self.one_kind_ref(kind, path, indent, self.example_ref(kind))
                    if spec.required and not real and self.slugs(kind):
                        real = lines
                    else:
                        examples += lines
            else:
                examples += self.item(sub_fields(option)[0][1], path, indent, real=False)
        return real, examples

    def kind_ref_example(self, shape: Shape, path: str, indent: str) -> list[str]:
        kind = next((k for k in KINDS if k in shape.kinds and self.slugs(k)), shape.kinds[0])
        return [f"{indent}- {kind}: {self.example_ref(kind)}"]

    def one_kind_ref(self, kind: str, path: str, indent: str, slug: str) -> list[str]:
        spec = FieldSpec(kind, kind, False, False, 0, Shape(REF, name=kind), None)
        comment = self.comment(spec, f"{path}.{kind}")
        return [f"{indent}{comment}", f"{indent}- {kind}: {slug}"]

    def item(self, specs: list[FieldSpec], path: str, indent: str, *, real: bool) -> list[str]:
        """One list item: required fields with a value, the others empty."""
        lines: list[str] = []
        first = True
        for spec in specs:
            sub = f"{path}.{spec.key}"
            lead = indent + "  "
            field_lines = self.field(spec, sub, lead)
            if spec.shape.leaf in (REF,) and spec.required and not real:
                field_lines[-1] = f"{lead}{spec.key}: {self.example_ref(spec.shape.name)}"
            if first:
                # the comment stays at the item's indent, the key moves behind "- "
                field_lines = [indent + field_lines[0].lstrip(),
                               indent + "- " + field_lines[1].lstrip(), *field_lines[2:]]
                first = False
            lines += field_lines
        return lines

    def commented(self, lines: list[str]) -> list[str]:
        return ["#" + line for line in lines]

    def render(self) -> str:
        spec = SPEC[self.kind]
        label = self.t(*spec.name)
        lines = ["---",
                 "# " + self.t(f"Nieuw: {label.lower()}. {spec.help[0]}",
                               f"New: {label.lower()}. {spec.help[1]}"),
                 "# " + self.t("Regels met # zijn uitleg. Een veld zonder waarde telt als niet "
                               "ingevuld; haal de # weg om een voorbeeld te gebruiken.",
                               "Lines starting with # are explanation. A field without a value "
                               "counts as not written; remove the # to use an example."),
                 *self.fields(describe(spec.model), "", ""),
                 "# " + self.t("Onder de volgende regel '---' komt de tekst van de pagina, in "
                               "Markdown. Tussenkopjes begin je met ##. Zolang er alleen een "
                               "kop staat, waarschuwt 'reisgids check'.",
                               "Below the next '---' line comes the page's text, in Markdown. "
                               "Start subheadings with ##. While there is only a heading, "
                               "'reisgids check' warns."),
                 "---", ""]
        heading = spec.body_heading
        lines += ["## " + self.t(*heading), ""]
        return "\n".join(lines)


def render_file(site: Path, kind: str, slug: str, *, config: SiteConfig | None = None,
                today: date | None = None, title: str = "") -> str:
    """The text `reisgids new` writes for `kind` (a kind id) and `slug`."""
    language = config.language if config is not None else "nl"
    return _Writer(kind, slug, site, config, language, today or date.today(),
                   _yaml_text(title)).render()


def _yaml_text(title: str) -> str:
    """A title as one safe YAML value: quoted when YAML would read it otherwise."""
    title = " ".join("".join(c for c in title if c.isprintable() or c.isspace()).split())
    if not title:
        return ""
    plain = re.match(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$", title) and ": " not in title
    if plain and not title.endswith(":"):
        return title
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
