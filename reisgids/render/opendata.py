"""Open data: /data/reisgids.json (every published entry, its fields, body and links both
ways, and the site's vocabularies) and one CSV per kind, /data/<kind>.csv.

Deterministic: sorted keys and rows, no date of the build anywhere.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import typing
from typing import Any

from pydantic import BaseModel

from reisgids.graph.content import ContentGraph, Key, Link
from reisgids.graph.urls import JSON_URL, csv_url
from reisgids.json_text import dumps_indented
from reisgids.model.fields import Text
from reisgids.model.kinds import MODELS
from reisgids.model.vocab import VOCABS
from reisgids.render.machine import absolute
from reisgids.source.kinds import KINDS

FORMAT_VERSION = 1

# Columns every kind's CSV starts with, in this order; the kind's own fields follow.
LEADING = ("slug", "url", "title", "summary", "date", "updated", "themes", "areas", "tags")
# Common fields that come after the kind's own ones.
TRAILING = ("image", "image_alt", "links", "publish_date", "expiry_date", "draft")
# Lists of free text go into a column as JSON (their items may hold ';'); tags are words.
WORD_LISTS = frozenset({"tags"})


def fields_of(graph: ContentGraph, key: Key) -> dict[str, Any]:
    data: dict[str, Any] = graph.entries[key].data.model_dump(
        mode="json", by_alias=True, exclude_none=True)
    return data


def link_view(graph: ContentGraph, link: Link, other: Key) -> dict[str, str]:
    return {"kind": other[0], "slug": other[1], "url": absolute(graph, graph.urls[other]),
            "field": link.field}


def entry_record(graph: ContentGraph, key: Key) -> dict[str, Any]:
    """One published entry: its fields as typed, its raw Markdown body, and its links to
    and from other published entries."""
    entry = graph.entries[key]
    links = sorted({(lk.target, lk.field) for lk in graph.forward(key)
                    if lk.target in graph.published})
    backlinks = sorted({(lk.source, lk.field) for lk in graph.backlinks(key)})
    return {
        "kind": key[0], "slug": key[1], "url": absolute(graph, graph.urls[key]),
        "title": entry.data.title, "summary": entry.data.summary or "",
        "fields": fields_of(graph, key), "body_markdown": entry.body,
        "links": [link_view(graph, Link(key, f, t), t) for t, f in links],
        "backlinks": [link_view(graph, Link(s, f, key), s) for s, f in backlinks],
    }


def site_record(graph: ContentGraph) -> dict[str, Any]:
    config = graph.config
    enums = {name: {id_: {"nl": nl, "en": en} for id_, (nl, en) in labels.items()}
             for name, labels in VOCABS.items() if name not in ("compass.cadence", "language")}
    return {
        "title": config.title, "base_url": config.base_url, "language": config.language,
        "license": {"name": config.licence.name, "url": config.licence.url},
        "vocabularies": config.vocabularies.model_dump(mode="json"),
        "enums": enums,
        "kinds": {kind: {"csv": absolute(graph, csv_url(kind))} for kind in KINDS},
    }


def open_data(graph: ContentGraph) -> dict[str, Any]:
    return {"format": FORMAT_VERSION, "site": site_record(graph),
            "entries": [entry_record(graph, key) for key in sorted(graph.published)]}


def open_data_json(graph: ContentGraph, pieces: dict[str, str] | None = None) -> bytes:
    """The JSON, indented. `pieces` (serve): the text of each entry record made before, by
    a digest of the record; json's indented form is written in Python and cost ~4 s at
    10,000 entries (json_text.py writes the same text in about half the time), its compact
    form (the digest's input) is written in C."""
    if pieces is None:
        text = dumps_indented(open_data(graph))
        return (text + "\n").encode("utf-8")
    made: dict[str, str] = {}
    listed: list[str] = []
    for key in sorted(graph.published):
        record = entry_record(graph, key)
        digest = hashlib.blake2b(json.dumps(record, sort_keys=True, ensure_ascii=False,
                                            separators=(",", ":")).encode("utf-8", "surrogatepass"),
                                 digest_size=20).hexdigest()
        piece = pieces.get(digest)
        if piece is None:
            piece = "  " + dumps_indented(record, depth=2)  # an entry sits two levels deep
        made[digest] = piece
        listed.append(piece)
    pieces.clear()
    pieces.update(made)
    rest = dumps_indented({"entries": [], "format": FORMAT_VERSION, "site": site_record(graph)})
    head = '{\n "entries": []'  # "entries" sorts first
    text = '{\n "entries": ' + ("[\n" + ",\n".join(listed) + "\n ]" if listed else "[]") \
        + rest[len(head):]
    return (text + "\n").encode("utf-8")


_HEAD = '{\n "entries": [\n'  # how a file with entries starts (open_data_json)


def earlier_pieces(text: str, digests: list[str]) -> dict[str, str]:
    """The pieces of an open data file open_data_json wrote, by the digests of their
    records (`digests`, in the file's order, kept by the build cache); {} when the file
    does not hold that many. Each piece's lines but its first are indented three spaces or
    more, and a JSON string holds no raw newline, so "\n  }," ends a piece and "\n ]" the
    list."""
    if not text.startswith(_HEAD) or not digests:
        return {}
    end = text.find("\n ]", len(_HEAD))
    if end < 0:
        return {}
    cuts = text[len(_HEAD):end].split("\n  },\n")
    if len(cuts) != len(digests):
        return {}
    pieces = [cut + "\n  }" for cut in cuts[:-1]] + cuts[-1:]
    return dict(zip(digests, pieces, strict=True))


def _is_free_text_list(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields[name]
    args = typing.get_args(info.annotation)
    return typing.get_origin(info.annotation) is list and args[0] == Text \
        and name not in WORD_LISTS


def columns(kind: str) -> list[tuple[str, str]]:
    """(column name, model field name) of a kind's CSV: the leading common fields, the
    kind's own fields in model order, then the remaining common ones."""
    model = MODELS[kind]
    alias = {name: (info.alias or name) for name, info in model.model_fields.items()}
    own = [n for n in model.model_fields if n not in LEADING and n not in TRAILING]
    cols = [("slug", ""), ("url", "")]
    cols += [(alias[n], n) for n in (*LEADING[2:], *own, *TRAILING) if n in alias]
    return cols


# A spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...), +cmd|...): OWASP "CSV injection" advises a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    """`text` as a spreadsheet shows it, never runs it."""
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(value: Any, *, as_json: bool) -> str:
    """One CSV cell: scalars as text, lists of ids joined with ';', anything nested (and
    lists of free text) as compact JSON. Formula-like text is neutralised, also per list
    item (a Dutch spreadsheet splits on ';')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list) and not as_json and all(
            isinstance(v, str | int | float) for v in value):
        return ";".join(neutralised(str(v)) for v in value)
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return neutralised(str(value))


def kind_csv(graph: ContentGraph, kind: str) -> bytes:
    """One row per published entry of `kind`, sorted by slug; plain UTF-8, '\\n' lines."""
    model = MODELS[kind]
    cols = columns(kind)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in cols])
    as_json = [(name, _is_free_text_list(model, field)) for name, field in cols[2:]]
    for entry in graph.of_kind(kind):
        dumped = entry.data.model_dump(mode="json", by_alias=True, exclude_none=True)
        row = [entry.slug, absolute(graph, graph.urls[entry.key])]
        for name, free_text in as_json:
            row.append(cell(dumped.get(name), as_json=free_text))
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def open_data_json_file(graph: ContentGraph, pieces: dict[str, str] | None = None
                        ) -> dict[str, bytes]:
    """The JSON of every published entry, bodies included (`pieces`: see open_data_json)."""
    return {JSON_URL.lstrip("/"): open_data_json(graph, pieces)}


def open_data_csv_files(graph: ContentGraph) -> dict[str, bytes]:
    """One CSV per kind: fields only, no bodies (an edited body leaves them as they are)."""
    return {csv_url(kind).lstrip("/"): kind_csv(graph, kind) for kind in KINDS}


def open_data_files(graph: ContentGraph) -> dict[str, bytes]:
    return {**open_data_json_file(graph), **open_data_csv_files(graph)}
