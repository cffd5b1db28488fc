"""docs/content-model.md (the contract) stays in step with the models, and no link in the
README or docs/ leaves the repository."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from pydantic import BaseModel

from reisgids.config import CompassSettings, Freshness, SiteConfig, Vocabularies
from reisgids.model.describe import field_paths
from reisgids.model.kinds import MODELS
from reisgids.source.kinds import KINDS

REPO = Path(__file__).resolve().parents[2]
DOC = (REPO / "docs" / "content-model.md").read_text(encoding="utf-8")
SECTIONS = {"compass": CompassSettings, "freshness": Freshness, "vocabularies": Vocabularies}


def section(title: str) -> str:
    found = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.M | re.S)
    assert found, title
    return found[1]


def mentioned(name: str, text: str = DOC) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def test_every_kind_is_described_and_nothing_else() -> None:
    kinds_text = section("Kinds and their own fields")
    described = set(re.findall(r"\*\*([a-z-]+)\*\*", kinds_text)) - {"r"}
    assert described == set(KINDS)


def test_every_field_of_every_kind_appears() -> None:
    missing = {f"{kind}: {path}" for kind in MODELS for path in field_paths(kind)
               if not mentioned(path.rsplit(".", 1)[-1])}
    assert not missing, sorted(missing)


def test_fields_every_kind_has_are_the_models_common_fields() -> None:
    table = section("Fields every kind has")
    documented = set()
    for row in re.findall(r"^\| (`[^|]+`) \|", table, re.M):
        documented |= set(re.findall(r"`([a-z_]+)`", row))
    common = set.intersection(*(set(field_paths(kind)) for kind in MODELS))
    assert documented == {p for p in common if "." not in p}


def keys(model: type[BaseModel]) -> set[str]:
    return {info.alias or name for name, info in model.model_fields.items()}


def test_the_reisgids_yml_example_is_complete_and_valid() -> None:
    block = re.search(r"```yaml\n(.*?)```", section("reisgids.yml"), re.S)
    assert block
    example = yaml.safe_load(block[1])
    SiteConfig.model_validate(example)  # the documented example is a real configuration
    assert set(example) == keys(SiteConfig), "every top-level key, and no other"
    for key, model in SECTIONS.items():
        assert set(example[key]) == keys(model), key
    assert set(example["permalinks"]) <= set(KINDS)


def links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", "", text, flags=re.S)  # examples in code are not links
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_no_link_leaves_the_repository() -> None:
    """Relative links resolve to a file inside the repository (web links are fine)."""
    broken = []
    for doc in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]:
        for target in links(doc):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            resolved = (doc.parent / target.split("#", 1)[0]).resolve()
            if not resolved.is_relative_to(REPO) or not resolved.exists():
                broken.append(f"{doc.relative_to(REPO)}: {target}")
    assert not broken, broken
