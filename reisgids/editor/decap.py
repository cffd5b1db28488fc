"""The Decap CMS config (admin/config.yml), generated from the models.

One collection per kind, its fields in the order `reisgids new` writes them (model order),
each with a label and the help on the model's field (its doc()) as hint. What Decap's widgets
cannot express (a history status that depends on the previous entry, a reference that may
point at several kinds) is said in the hint and left to `reisgids check`.
"""

from __future__ import annotations

from typing import Any

from reisgids.compass.history import MOVES
from reisgids.config import SiteConfig
from reisgids.editor.labels import label_for
from reisgids.model.describe import (
    BOOL,
    CHOICE,
    DATE,
    EMAIL,
    ENUM,
    KINDREF,
    MODEL,
    MOMENT,
    PATH,
    REF,
    URL,
    VOCAB,
    YEAR,
    FieldSpec,
    Shape,
    describe,
    help_for,
    sub_fields,
)
from reisgids.model.kinds import SPEC, SPECS
from reisgids.model.vocab import VOCABS, label

MEDIA_FOLDER = "static/uploads"
PUBLIC_FOLDER = "/static/uploads"
API_PATHS = {"gitlab": "/api/v4", "gitea": "/api/v1"}
DATE_FORMAT = "YYYY-MM-DD"  # moment.js tokens, as Decap's datetime widget reads them
MOMENT_FORMAT = "YYYY-MM-DD HH:mm"
# free text that is usually longer than one line gets a text area
LONG_TEXT = frozenset({"summary", "goal", "proposal", "feasibility", "scalability",
                       "implication", "note", "feedback", "mitigation", "risk", "text",
                       "experience_experts", "for_whom", "funding"})


class _Builder:
    def __init__(self, config: SiteConfig | None, language: str) -> None:
        self.config = config
        self.language = language

    def t(self, pair: tuple[str, str]) -> str:
        return pair[1] if self.language == "en" else pair[0]

    def hint(self, kind: str, path: str) -> str:
        try:
            text = self.t(help_for(kind, path))
        except KeyError:
            text = ""
        if f"{kind}.{path}" == "agenda-item.history.status":
            text += " " + self.moves_hint()
        return text.strip()

    def moves_hint(self) -> str:
        """Decap's select cannot depend on the entry before; the hint lists the moves."""
        def name(state: str) -> str:
            status, _, decision = state.partition(":")
            shown = label("agenda.status", status, self.language)
            if decision and decision != "None":
                shown += f" ({label('decision', decision, self.language).lower()})"
            return shown

        parts = [f"{name(state)} → " + ", ".join(
            label("agenda.status", m, self.language) for m in sorted(moves))
            for state, moves in MOVES.items()]
        lead = ("Toegestane stappen na de vorige regel: " if self.language != "en"
                else "Allowed moves after the previous entry: ")
        return lead + "; ".join(parts) + "."

    def options(self, shape: Shape) -> list[dict[str, str]] | None:
        if shape.leaf == ENUM:
            return [{"label": self.t(labels), "value": value}
                    for value, labels in VOCABS[shape.name].items()]
        if shape.leaf == VOCAB and self.config is not None:
            vocab = self.config.vocabulary(shape.name)
            return [{"label": text, "value": value} for value, text in vocab.items()] or None
        return None

    def leaf(self, shape: Shape, key: str) -> dict[str, Any]:
        """The widget settings for one value of `shape`."""
        leaf = shape.leaf
        options = self.options(shape)
        if options is not None:
            return {"widget": "select", "options": options}
        if leaf == REF:
            return {"widget": "relation", "collection": shape.name,
                    "search_fields": ["title"], "display_fields": ["title"],
                    "value_field": "{{slug}}"}
        if leaf == DATE:
            return {"widget": "datetime", "format": DATE_FORMAT,
                    "date_format": "DD-MM-YYYY", "time_format": False, "picker_utc": True}
        if leaf == MOMENT:
            return {"widget": "datetime", "format": MOMENT_FORMAT,
                    "date_format": "DD-MM-YYYY", "time_format": "HH:mm"}
        if leaf == BOOL:
            return {"widget": "boolean"}
        if leaf == YEAR:
            return {"widget": "number", "value_type": "int", "min": 1900, "max": 2100}
        if leaf == URL:
            return {"widget": "string", "pattern": [
                "^https?://", self.t(("Begint met https://", "Starts with https://"))]}
        if leaf == EMAIL:
            return {"widget": "string", "pattern": [
                "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
                self.t(("Een e-mailadres", "An e-mail address"))]}
        if leaf == PATH:
            return {"widget": "image", "choose_url": False}
        widget = "text" if key in LONG_TEXT or shape.max_length else "string"
        if shape.max_length:
            return {"widget": widget, "pattern": [
                f"^[\\s\\S]{{0,{shape.max_length}}}$",
                self.t((f"Hoogstens {shape.max_length} tekens",
                        f"At most {shape.max_length} characters"))]}
        return {"widget": widget}

    def field(self, kind: str, spec: FieldSpec, path: str) -> dict[str, Any]:
        shape = spec.shape
        out: dict[str, Any] = {"label": self.t(label_for(kind, path)), "name": spec.key}
        hint = self.hint(kind, path)
        if hint:
            out["hint"] = hint
        out["required"] = spec.required
        if shape.leaf in (MODEL, CHOICE, KINDREF):
            groups = sub_fields(shape)
            nested = [self.field(kind, sub, f"{path}.{sub.key}")
                      for _, fields in groups for sub in fields]
            # {kind: slug} or a document: every key optional. And Decap checks the fields
            # of an optional object even when it is left empty (`adopted` of an edition
            # still in draft), so their `required` moves to `reisgids check`.
            if shape.leaf != MODEL or not (spec.many or spec.required):
                for sub in nested:
                    sub["required"] = False
            if spec.many:
                out.update({"widget": "list", "collapsed": False, "fields": nested})
            else:
                out.update({"widget": "object", "collapsed": False, "fields": nested})
        elif spec.many:
            inner = self.leaf(shape, spec.key)
            if inner["widget"] in ("select", "relation"):
                out.update(inner)
                out["multiple"] = True
            else:
                out.update({"widget": "list", "field": {
                    "label": out["label"], "name": spec.key, **inner}})
        else:
            out.update(self.leaf(shape, spec.key))
        if spec.many and spec.min_items:
            out["min"] = spec.min_items
        if spec.default not in (None, [], "") and not spec.many:
            out["default"] = spec.default
        elif spec.many and not spec.required and out["widget"] == "list":
            # without it, Decap starts a list whose items have a default with one item
            out["default"] = []
        return out

    def collection(self, kind: str) -> dict[str, Any]:
        spec = SPEC[kind]
        fields = [self.field(kind, field, field.key) for field in describe(spec.model)]
        fields.append({"label": self.t(label_for(kind, "body")), "name": "body",
                       "widget": "markdown", "required": False,
                       "modes": ["raw", "rich_text"], "sanitize_preview": True})
        return {
            "name": kind,
            "label": self.t(spec.plural),
            "label_singular": self.t(spec.name),
            "description": self.t(spec.help),
            "folder": f"content/{spec.folder}",
            "extension": "md",
            "format": "yaml-frontmatter",
            "create": True,
            "delete": False,
            "identifier_field": "title",
            "slug": "{{slug}}",
            "summary": "{{title}}",
            "sortable_fields": ["title"],
            "editor": {"preview": False},
            "fields": fields,
        }


def decap_config(config: SiteConfig | None, *, local_url: str | None = None,
                 site_url: str | None = None) -> dict[str, Any]:
    """The whole config.yml as data. `local_url` (from `reisgids serve --editor`) points
    Decap at the local backend instead of the git host, `site_url` at the live preview."""
    language = config.language if config is not None else "nl"
    builder = _Builder(config, language)
    settings = config.editor if config is not None else None
    backend: dict[str, Any] = {"name": settings.backend if settings else "github",
                               "branch": settings.branch if settings else "main"}
    if settings is not None and settings.repo:
        backend["repo"] = settings.repo
    if settings is not None and settings.base_url:
        backend["base_url"] = settings.base_url.rstrip("/")
        if settings.backend in API_PATHS:  # a GitLab or Gitea instance of your own
            backend["api_root"] = backend["base_url"] + API_PATHS[settings.backend]
    if settings is not None and settings.auth_type:
        backend["auth_type"] = settings.auth_type
    if settings is not None and settings.app_id:
        backend["app_id"] = settings.app_id
    workflow = settings.editorial_workflow if settings is not None else True
    result: dict[str, Any] = {"backend": backend}
    if workflow and local_url is None:  # locally, "save" writes the file: no pull request
        result["publish_mode"] = "editorial_workflow"
    if local_url is not None:
        result["local_backend"] = {"url": local_url}
    result.update({
        "locale": language,
        "site_url": site_url or (config.base_url if config is not None else "/"),
        "display_url": site_url or (config.base_url if config is not None else "/"),
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [builder.collection(spec.kind.value) for spec in SPECS],
    })
    return result
