"""Every kind is planned in one place: one PlanSpec (its page) and one CardSpec (how it
shows up elsewhere), and everything they name exists."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import yaml

from reisgids.model.kind import Kind
from reisgids.model.kinds import MODELS
from reisgids.plan.kind_cards import CARDS, KIND_ORDER
from reisgids.plan.kinds import PLANS, Detail

THEME = Path(__file__).parents[2] / "reisgids" / "themes" / "default"


def test_every_kind_has_exactly_one_plan_spec_and_one_card_spec() -> None:
    for specs in (PLANS, CARDS):
        kinds = [spec.kind for spec in specs]
        assert sorted(kinds) == sorted(Kind), "a kind missing or planned twice"
    # one order, for the reader of plan/kinds.py as for the pages
    assert tuple(spec.kind.value for spec in PLANS) == KIND_ORDER


def test_every_kind_has_its_own_template_in_the_theme() -> None:
    templates = [spec.template for spec in PLANS]
    assert len(set(templates)) == len(templates)
    for template in templates:
        assert (THEME / "templates" / template).is_file(), template


def test_detail_views_and_builders_come_in_pairs() -> None:
    for spec in PLANS:
        assert (spec.detail is None) == (spec.detail_view is None), spec.kind
    views = {spec.detail_view for spec in PLANS if spec.detail_view is not None}
    assert views == set(get_args(Detail))  # the union templates are typed with


def test_backlink_headings_name_real_fields_and_translated_keys() -> None:
    for language in ("nl", "en"):
        strings = yaml.safe_load((THEME / "i18n" / f"{language}.yml").read_text("utf-8"))
        for card in CARDS:
            fields = MODELS[card.kind].model_fields
            for field, key in card.headings.items():
                assert field in fields, (card.kind, field)
                assert key in strings, (language, key)


def test_shown_backlinks_name_real_kinds_and_fields() -> None:
    for spec in PLANS:
        for kind, field in spec.shown:
            assert field == "*" or field in MODELS[kind].model_fields, (spec.kind, kind, field)


def test_every_kind_has_its_ui_strings_in_both_languages() -> None:
    for language in ("nl", "en"):
        strings = yaml.safe_load((THEME / "i18n" / f"{language}.yml").read_text("utf-8"))
        for kind in Kind:
            for prefix in ("kinds", "intro", "backlinks"):  # name, overview, backlink group
                assert f"{prefix}.{kind}" in strings, (language, prefix, kind)
