"""The generated Decap config against the models: every kind, every field, every widget."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

from reisgids.config import SiteConfig, load_config
from reisgids.editor.admin import config_yml, content_security_policy, index_html
from reisgids.editor.decap import decap_config
from reisgids.editor.labels import FIELD_LABELS, label_for
from reisgids.model.describe import (
    BOOL,
    CHOICE,
    DATE,
    ENUM,
    KINDREF,
    MODEL,
    MOMENT,
    PATH,
    REF,
    VOCAB,
    YEAR,
    FieldSpec,
    describe,
    field_paths,
    sub_fields,
)
from reisgids.model.kinds import MODELS
from reisgids.model.vocab import VOCABS
from reisgids.source.kinds import FOLDER_OF, KINDS


@pytest.fixture(scope="module")
def site_config() -> SiteConfig:
    config, problems = load_config(REPO)
    assert config is not None, problems
    return config


@pytest.fixture(scope="module")
def collections(site_config: SiteConfig) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in decap_config(site_config)["collections"]}


def _check_field(config: SiteConfig, kind: str, spec: FieldSpec, field: dict[str, Any],
                 path: str, *, in_optional_object: bool = False) -> None:
    where = f"{kind}.{path}"
    assert field["name"] == spec.key, where
    assert field["label"] and field["label"] != spec.key, where
    assert field["required"] == (spec.required and not in_optional_object), where
    if spec.many and spec.min_items:
        assert field["min"] == spec.min_items, where
    shape = spec.shape
    leaf = shape.leaf
    if leaf in (MODEL, CHOICE, KINDREF):
        assert field["widget"] == ("list" if spec.many else "object"), where
        nested = [sub for _, group in sub_fields(shape) for sub in group]
        assert [f["name"] for f in field["fields"]] == [s.key for s in nested], where
        for sub, sub_field in zip(nested, field["fields"], strict=True):
            if leaf == MODEL:
                _check_field(config, kind, sub, sub_field, f"{path}.{sub.key}",
                             in_optional_object=not (spec.many or spec.required))
            else:  # one key of a {kind: slug} or a document source: all optional
                assert sub_field["required"] is False, where
        return
    # a list of plain values is a list widget around one field; selects take `multiple`
    if field["widget"] == "list":
        assert spec.many, where
        field = field["field"]
    elif spec.many:
        assert field.get("multiple") is True, where
    if leaf == ENUM:
        assert field["widget"] == "select", where
        assert [o["value"] for o in field["options"]] == list(VOCABS[shape.name]), where
        assert [o["label"] for o in field["options"]] == [
            nl for nl, _ in VOCABS[shape.name].values()], where
    elif leaf == VOCAB:
        assert field["widget"] == "select", where
        assert [o["value"] for o in field["options"]] == list(config.vocabulary(shape.name))
    elif leaf == REF:
        assert field["widget"] == "relation", where
        assert field["collection"] == shape.name, where
        assert field["value_field"] == "{{slug}}", where
        assert field["search_fields"] == ["title"], where
    elif leaf == DATE:
        assert (field["widget"], field["format"], field["time_format"]) == (
            "datetime", "YYYY-MM-DD", False), where
    elif leaf == MOMENT:
        assert (field["widget"], field["format"]) == ("datetime", "YYYY-MM-DD HH:mm"), where
    elif leaf == BOOL:
        assert field["widget"] == "boolean", where
    elif leaf == YEAR:
        assert (field["widget"], field["value_type"]) == ("number", "int"), where
    elif leaf == PATH:
        assert field["widget"] == "image", where
    else:
        assert field["widget"] in ("string", "text"), where
        if shape.max_length:  # the summary: Decap counts characters with the pattern
            assert field["pattern"][0] == f"^[\\s\\S]{{0,{shape.max_length}}}$", where


def test_a_collection_per_kind_in_its_folder(collections: dict[str, dict[str, Any]]) -> None:
    assert list(collections) == list(KINDS)
    for kind, collection in collections.items():
        assert collection["folder"] == f"content/{FOLDER_OF[kind]}"
        assert collection["slug"] == "{{slug}}"
        assert collection["format"] == "yaml-frontmatter"
        assert collection["extension"] == "md"


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_in_model_order_with_its_widget(
        kind: str, site_config: SiteConfig, collections: dict[str, dict[str, Any]]) -> None:
    fields = collections[kind]["fields"]
    specs = describe(MODELS[kind])
    assert [f["name"] for f in fields] == [s.key for s in specs] + ["body"]
    for spec, field in zip(specs, fields, strict=False):
        _check_field(site_config, kind, spec, field, spec.key)
        assert field["hint"], f"{kind}.{spec.key} has no help text"
    assert fields[-1]["widget"] == "markdown"


def test_every_relation_points_at_a_collection(collections: dict[str, dict[str, Any]]) -> None:
    def relations(fields: list[dict[str, Any]]) -> list[str]:
        found = []
        for field in fields:
            found += [field["collection"]] if field.get("widget") == "relation" else []
            found += relations(field.get("fields", []))
            found += relations([field["field"]] if "field" in field else [])
        return found

    every = [target for c in collections.values() for target in relations(c["fields"])]
    assert every and set(every) <= set(collections)


def test_every_field_has_a_dutch_label() -> None:
    for kind in KINDS:
        for path in field_paths(kind):
            key = path.rsplit(".", 1)[-1]
            assert label_for(kind, path) != (key, key), f"{kind}.{path}: no label"
    assert all(nl and en for nl, en in FIELD_LABELS.values())


def test_history_status_lists_the_allowed_moves(collections: dict[str, dict[str, Any]]) -> None:
    history = next(f for f in collections["agenda-item"]["fields"] if f["name"] == "history")
    status = next(f for f in history["fields"] if f["name"] == "status")
    assert status["widget"] == "select"
    assert "Geïnventariseerd → Geagendeerd" in status["hint"]
    assert history["min"] == 1


def test_publishing_and_local_settings(site_config: SiteConfig) -> None:
    published = decap_config(site_config)
    assert published["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in published
    assert published["locale"] == "nl"
    assert (published["media_folder"], published["public_folder"]) == (
        "static/uploads", "/static/uploads")
    local = decap_config(site_config, local_url="http://127.0.0.1:8000/api")
    assert local["local_backend"] == {"url": "http://127.0.0.1:8000/api"}
    assert "publish_mode" not in local  # locally, saving writes the file
    assert yaml.safe_load(config_yml(site_config)) == published


def test_settings_from_reisgids_yml(tmp_path: Path) -> None:
    (tmp_path / "reisgids.yml").write_text(
        "title: T\nbase_url: https://example.org/\nlanguage: en\neditor:\n  backend: gitlab\n"
        "  repo: stad/gids\n  base_url: https://git.stad.nl\n  auth_type: pkce\n"
        "  app_id: abc\n  editorial_workflow: false\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert config is not None, problems
    data = decap_config(config)
    assert data["backend"] == {"name": "gitlab", "branch": "main", "repo": "stad/gids",
                               "base_url": "https://git.stad.nl", "auth_type": "pkce",
                               "api_root": "https://git.stad.nl/api/v4",
                               "app_id": "abc"}
    assert "publish_mode" not in data and data["locale"] == "en"
    assert data["collections"][0]["label"] == "Deals"
    csp = content_security_policy(config)
    assert "connect-src 'self' blob: https://git.stad.nl;" in csp
    assert "https://api.github.com" not in csp


def test_editor_false_and_bad_backend(tmp_path: Path) -> None:
    (tmp_path / "reisgids.yml").write_text(
        "title: T\nbase_url: https://example.org/\neditor: false\n", encoding="utf-8")
    config, _ = load_config(tmp_path)
    assert config is not None and config.editor.enabled is False
    (tmp_path / "reisgids.yml").write_text(
        "title: T\nbase_url: https://example.org/\neditor:\n  backend: svn\n", encoding="utf-8")
    config, problems = load_config(tmp_path)
    assert config is None
    text = problems[0].format("nl")
    assert "reisgids.yml:4" in text and "svn" in text and "github, gitlab, gitea" in text


def test_admin_page_has_its_own_policy(site_config: SiteConfig) -> None:
    page = index_html(site_config).decode()
    assert "connect-src &#x27;self&#x27; blob: https://api.github.com" in page
    assert '<script src="decap-cms.js?v=3.16.3"></script>' in page
    local = index_html(site_config, local=True).decode()
    assert "connect-src &#x27;self&#x27; blob:;" in local and "github" not in local


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML without libyaml")
def test_libyaml_writes_the_config_as_pyyaml_does(tmp_path: Path,
                                                  site_config: SiteConfig) -> None:
    # config_yml() uses libyaml's emitter for speed; the YAML must be what PyYAML's own
    # emitter writes, also for awkward titles (quotes, colons, accents, long lines, breaks)
    odd = site_config.model_copy(update={"title": (
        'Gids "zorg": één — \'welzijn\' # niet: een commentaar, ' * 6 + "\u2028regel\ttab\x85")})
    for config in (site_config, odd):
        data = decap_config(config, local_url="http://127.0.0.1:8000/api")
        python = yaml.dump(data, Dumper=yaml.SafeDumper, sort_keys=False,
                           allow_unicode=True, width=100)
        assert config_yml(config, local_url="http://127.0.0.1:8000/api").decode() == python
    assert "één" in config_yml(odd).decode()
