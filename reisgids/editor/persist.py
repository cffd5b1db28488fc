"""Turn what the web editor sends into the file an editor would have written by hand.

Decap serialises the whole front matter with its own YAML library: empty fields as `''`
or `[]`, defaults written out, its own quoting. The local backend does not write that.
It reads Decap's text with reisgids's own YAML reader and compares, field by field, with
the file on disk (both made canonical through the model's field shapes): a top-level field
whose value did not change keeps its original lines byte for byte; a changed field is
written anew (yamlout: block style, plain scalars, ids, YYYY-MM-DD); a field emptied is
removed; a new field goes after the field that precedes it in the model. An unchanged body
stays as it was. So editing one summary changes one line.
"""

from __future__ import annotations

import re
from typing import Any

from reisgids.editor.yamlout import emit, emit_mapping
from reisgids.model.describe import (
    BOOL,
    CHOICE,
    DATE,
    KINDREF,
    MODEL,
    YEAR,
    FieldSpec,
    Shape,
    describe,
    sub_fields,
)
from reisgids.model.kinds import MODELS
from reisgids.source.frontmatter import split

TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:(\s|$)")
ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?)?$")


def _empty(value: Any) -> bool:
    return value is None or value in ("", [], {})


def _one(shape: Shape, value: Any) -> Any:
    """One value in canonical form: bools and years typed, dates as YYYY-MM-DD, text
    stripped, nested mappings in model order without empty fields."""
    if isinstance(value, dict):
        if shape.leaf not in (MODEL, CHOICE, KINDREF):
            return value
        specs = [spec for _, group in sub_fields(shape) for spec in group]
        return _mapping(specs, value, top=False)
    if isinstance(value, list):
        return [v for v in (_one(shape, item) for item in value) if not _empty(v)] or None
    if shape.leaf == BOOL and isinstance(value, str) and value.strip() in ("true", "false"):
        return value.strip() == "true"
    if shape.leaf == YEAR and isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, str):
        text = value.strip()
        if shape.leaf == DATE:
            match = ISO_DAY.match(text)
            return match[1] if match else text
        return text or None
    return value


def _field(spec: FieldSpec, value: Any, *, top: bool) -> Any:
    if _empty(value):
        return None
    if spec.many and not isinstance(value, list):
        value = [value]
    canonical = _one(spec.shape, value)
    if _empty(canonical):
        return None
    if top and not spec.many and canonical == spec.default:
        return None  # `draft: false` written by a form is what leaving it out means
    return canonical


def _mapping(specs: list[FieldSpec], data: dict[str, Any], *, top: bool) -> dict[str, Any]:
    known = {spec.key: spec for spec in specs}
    out: dict[str, Any] = {}
    for spec in specs:
        if spec.key in data:
            value = _field(spec, data[spec.key], top=top)
            if value is not None:
                out[spec.key] = value
    for key, value in data.items():  # not in the model: `reisgids check` will say so
        if key not in known and not _empty(value):
            out[key] = value
    return out


def canonical(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The front matter of `kind` in model order, typed, without empty or default fields."""
    return _mapping(describe(MODELS[kind]), data, top=True)


def _blocks(yaml_text: str) -> list[tuple[str | None, list[str]]]:
    """The front matter's lines grouped per top-level key; leading comments under None."""
    blocks: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in yaml_text.split("\n"):
        match = TOP_KEY.match(line)
        if match:
            blocks.append((match[1], [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def _body(text: str) -> str:
    text = text.rstrip()
    return text + "\n" if text else ""


def merge(kind: str, new_data: dict[str, Any], new_body: str,
          old_text: str | None, old_data: dict[str, Any] | None) -> str:
    """The file text: `old_text` changed only where `new_data`/`new_body` differ."""
    new = canonical(kind, new_data)
    if old_text is None or old_data is None:
        return "---\n" + emit_mapping(new) + "---\n" + _body(new_body)
    old_split = split(old_text)
    old = canonical(kind, old_data)
    model_keys = [spec.key for spec in describe(MODELS[kind])]
    blocks: list[tuple[str | None, list[str]]] = []
    for key, lines in _blocks(old_split.yaml_text):
        if key is None or key not in model_keys or old.get(key) == new.get(key):
            blocks.append((key, lines))
        elif key in new:
            # keep the comments and blank lines that followed the old value
            trailing: list[str] = []
            for line in reversed(lines[1:]):
                if line.strip() and not line.startswith("#"):
                    break
                trailing.insert(0, line)
            blocks.append((key, [*emit(key, new[key]), *trailing]))
    written = {key for key, _ in blocks}
    for key in (k for k in model_keys if k in new and k not in written):
        # after the nearest field before it in the model that the file has
        before = reversed(model_keys[:model_keys.index(key)])
        where = {k: i for i, (k, _) in enumerate(blocks) if k is not None}
        at = next((where[k] for k in before if k in where), 0)
        blocks.insert(at + 1, (key, emit(key, new[key])))
    yaml_text = "\n".join(line for _, lines in blocks for line in lines)
    body = old_split.body if old_split.body.strip() == new_body.strip() else _body(new_body)
    return "---\n" + yaml_text.rstrip("\n") + "\n---\n" + body
