"""`reisgids new`: every kind, every field, a file that passes check."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import SiteFactory, run_cli

from reisgids.config import load_config
from reisgids.errors import Diagnostic
from reisgids.graph.checks import check_graph
from reisgids.graph.link import link
from reisgids.model.describe import describe
from reisgids.model.kinds import MODELS
from reisgids.scaffold import new_file
from reisgids.scaffold_names import resolve_kind
from reisgids.source.discover import discover
from reisgids.source.kinds import FOLDER_OF, KINDS
from reisgids.validate import read_entry

NOW = date(2026, 11, 22)
HAS_RENDERER = importlib.util.find_spec("reisgids.markdown") is not None

# One entry of every kind that a required reference can point at.
REFERENCED = {
    "content/partners/humanitas.md": "---\ntitle: Humanitas\ntype: initiatief\n"
                                     "email: info@humanitas.example\n---\n",
    "content/areas/bloemhof.md": "---\ntitle: Bloemhof\n---\n",
    "content/deals/tienernetwerk.md": "---\ntitle: Tienernetwerk\nsummary: Een netwerk.\n"
                                      "goal: Tieners helpen.\nphase: idea\n---\n",
    "content/projects/wattwest.md": "---\ntitle: WattWest\nsummary: Energie.\n"
                                    "status: running\n---\n",
    "content/instruments/vraagwijzer.md": "---\ntitle: Vraagwijzer\ntype: scheme\n"
                                          "status: open\nreviewed: 2026-11-01\n---\n",
    "content/reviews/schouw-tienernetwerk.md": "---\ntitle: Schouw\ndeal: tienernetwerk\n"
                                               "date: 2026-10-01\n---\n",
    "content/lessons/begin-bij-het-doel.md": "---\ntitle: Begin bij het doel\n"
                                             "summary: Eerst het doel.\ndate: 2026-10-02\n"
                                             "sources:\n  - review: schouw-tienernetwerk\n"
                                             "level: network\ntype: content\n---\n",
}


def slug_for(kind: str) -> str:
    return "2026" if kind == "compass-edition" else f"nieuw-{kind}"


def check(root: Path) -> list[Diagnostic]:
    """What `reisgids check` finds, up to (not including) rendering the bodies."""
    config, found = load_config(root)
    assert config is not None, found
    sources, problems = discover(root)
    found += problems
    entries = []
    for source in sources:
        entry, problems = read_entry(source)
        found += problems
        if entry is not None:
            entries.append(entry)
    graph, problems = link(config, entries, NOW, drafts=False)
    found += problems
    found += check_graph(graph, root, [])
    return found


def errors_of(found: list[Diagnostic]) -> list[str]:
    return [d.format() for d in found if d.is_error]


def uncomment_examples(text: str) -> str:
    """Switch the example items on, as an editor would: drop the '#' before them."""
    return "\n".join(line[1:] if line.startswith("#  ") else line for line in text.split("\n"))


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site(REFERENCED)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_scaffolds_every_field_in_model_order(
        site: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = new_file(site, kind, slug_for(kind), today=NOW)
    assert path == site / "content" / FOLDER_OF[kind] / f"{slug_for(kind)}.md"
    assert capsys.readouterr().out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "---"
    keys = [re.match(r"^([a-z_]+):", line) for line in lines]
    written = [m[1] for m in keys if m]
    assert written == [spec.key for spec in describe(MODELS[kind])]
    for index, line in enumerate(lines):
        if re.match(r"^[a-z_]+:", line):
            assert lines[index - 1].startswith("# "), line  # each field is explained
    body = text.split("\n---\n", 1)[1]
    assert "\n## " in "\n" + body


def test_scaffolded_files_pass_check(site: Path) -> None:
    for kind in KINDS:
        new_file(site, kind, slug_for(kind), today=NOW)
    assert errors_of(check(site)) == []


def test_examples_pass_check_when_switched_on(site: Path) -> None:
    for kind in KINDS:
        path = new_file(site, kind, slug_for(kind), today=NOW)
        path.write_text(uncomment_examples(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert errors_of(check(site)) == []


@pytest.mark.skipif(not HAS_RENDERER, reason="reisgids.markdown._convert not there yet")
def test_scaffolded_files_pass_load_site(site: Path) -> None:
    from reisgids.build import load_site

    for kind in KINDS:
        new_file(site, kind, slug_for(kind), today=NOW)
    loaded, report = load_site(site, now=NOW)
    assert loaded is not None
    assert [d.format() for d in report.items if d.is_error] == []


def test_required_values(site: Path) -> None:
    review = new_file(site, "review", "schouw-2", today=NOW).read_text(encoding="utf-8")
    assert "\ndeal: tienernetwerk\n" in review
    assert "\ndate: 2026-11-22\n" in review
    assert "\ntitle: Schouw 2\n" in review
    listing = new_file(site, "listing", "hulp", today=NOW).read_text(encoding="utf-8")
    assert "\nby: humanitas\n" in listing
    assert "\ntype: request\n" in listing
    agenda = new_file(site, "agenda-item", "inkoop", today=NOW).read_text(encoding="utf-8")
    assert "\nlessons:\n  - begin-bij-het-doel\n" in agenda
    assert "\nhistory:\n" in agenda and "status: inventoried" in agenda
    lesson = new_file(site, "lesson", "les", today=NOW).read_text(encoding="utf-8")
    assert "\n  - review: schouw-2\n" in lesson
    partner = new_file(site, "partner", "nieuw", today=NOW).read_text(encoding="utf-8")
    assert "\ntype: gemeente\n" in partner
    assert "Kies uit: gemeente (Gemeente), initiatief (Initiatief)." in partner


def test_comments_explain_required_and_choices(site: Path) -> None:
    text = new_file(site, "deal", "x", today=NOW).read_text(encoding="utf-8")
    assert "Verplicht." in text
    assert "execution (Uitvoering)" in text
    assert "\n# Een korte" not in text  # deal has its own summary help
    assert "\nsummary: " in text and "\nfeasibility:\n" in text  # optional: empty
    assert "#  - partner: humanitas\n" in text  # nested lists: a commented example


def test_references_left_empty_when_nothing_to_point_at(make_site: SiteFactory) -> None:
    root = make_site({})
    for kind, field in [("review", "deal"), ("listing", "by"), ("agenda-item", "lessons"),
                        ("lesson", "sources")]:
        text = new_file(root, kind, "x", today=NOW).read_text(encoding="utf-8")
        assert f"\n{field}:\n" in text
    found = errors_of(check(root))
    assert any("content/marketplace/x.md" in line and "by" in line for line in found)


def test_compass_edition_period_from_its_id(site: Path) -> None:
    text = new_file(site, "compass-edition", "2027-2", today=NOW).read_text(encoding="utf-8")
    assert "  start: 2027-07-01\n" in text and "  end: 2027-12-31\n" in text
    assert "\ntitle: Reiskompas 2027-2\n" in text


def test_english_site_gets_english_comments(make_site: SiteFactory) -> None:
    root = make_site({"reisgids.yml": "title: Guide\nbase_url: https://example.org/\n"
                                      "language: en\n"})
    text = new_file(root, "deal", "x", today=NOW).read_text(encoding="utf-8")
    assert "Required." in text and "Verplicht" not in text
    assert "execution (Execution)" in text


@pytest.mark.parametrize(("typed", "kind"), [
    ("deal", "deal"), ("deals", "deal"), ("Deal", "deal"), ("marketplace", "listing"),
    ("marktplaats", "listing"), ("projecten", "project"), ("lessen", "lesson"),
    ("kompas-agenda", "agenda-item"), ("compass/agenda", "agenda-item"),
    ("content/deals/", "deal"), ("edities", "compass-edition"), ("wijken", "area"),
    ("agenda-item", "agenda-item"), ("nieuws", "news"), ("verhalen", "story"),
])
def test_kind_names(typed: str, kind: str) -> None:
    assert resolve_kind(typed) == kind


def test_unknown_kind(site: Path) -> None:
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "dael", "x")
    assert caught.value.exit_code == 2
    assert "'dael' is geen bekende soort" in caught.value.message
    assert "bedoelde je 'deal'?" in caught.value.message
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "kompas", "x")  # two kinds live there: not a guess
    assert "geen bekende soort" in caught.value.message


@pytest.mark.parametrize(("slug", "better"), [
    ("Logeerhuis De Buren", "logeerhuis-de-buren"), ("x.md", "x"), ("café--nu", "cafe-nu")])
def test_bad_slug(site: Path, slug: str, better: str) -> None:
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "deal", slug)
    assert caught.value.exit_code == 2
    assert "geen geldige naam" in caught.value.message
    assert f"probeer '{better}'" in caught.value.message
    assert [p.name for p in (site / "content" / "deals").iterdir()] == ["tienernetwerk.md"]


def test_existing_file_is_never_overwritten(site: Path) -> None:
    path = site / "content" / "deals" / "tienernetwerk.md"
    before = path.read_bytes()
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "deals", "tienernetwerk")
    assert caught.value.exit_code == 2
    assert "content/deals/tienernetwerk.md bestaat al" in caught.value.message
    assert path.read_bytes() == before


def test_not_a_site(tmp_path: Path) -> None:
    with pytest.raises(click.UsageError) as caught:
        new_file(tmp_path, "deal", "x")
    assert "reisgids.yml ontbreekt" in caught.value.message
    assert not (tmp_path / "content").exists()


@click.command()
@click.argument("kind")
@click.argument("slug")
@click.option("--site", type=click.Path(path_type=Path))
def _new(kind: str, slug: str, site: Path) -> None:
    new_file(site, kind, slug)


@pytest.mark.parametrize(("args", "message"), [
    (["dael", "x"], "bedoelde je 'deal'?"),
    (["deal", "Mijn Deal"], "probeer 'mijn-deal'"),
    (["deal", "tienernetwerk"], "bestaat al"),
])
def test_usage_errors_exit_2(site: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(_new, [*args, "--site", str(site)])
    assert result.exit_code == 2
    assert message in result.output


@pytest.mark.skipif(not HAS_RENDERER, reason="the CLI imports reisgids.markdown")
def test_cli_new(site: Path) -> None:
    result = run_cli("new", "deal", "via-cli", "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("content/deals/via-cli.md")
    result = run_cli("new", "dael", "x", "--site", str(site))
    assert result.returncode == 2
    assert "bedoelde je 'deal'?" in result.stderr
    result = run_cli("check", str(site), "--now", NOW.isoformat())
    assert result.returncode == 0, result.stderr


def test_a_new_file_is_a_draft_with_guidance_as_comments(site: Path) -> None:
    text = new_file(site, "deal", "nieuw", today=NOW).read_text(encoding="utf-8")
    assert "\ndraft: true\n" in text
    body = text.split("\n---\n", 1)[1]
    assert [line for line in body.split("\n") if line.strip()] == ["## Toelichting"]


def test_check_warns_about_what_new_left_unfinished(site: Path) -> None:
    new_file(site, "deal", "nieuw", today=NOW)
    result = run_cli("check", str(site), "--now", NOW.isoformat())
    assert result.returncode == 0, result.stderr
    assert "[placeholder-text] summary: hier staat nog de voorbeeldtekst" in result.stderr
    assert "[placeholder-text] goal: hier staat nog de voorbeeldtekst" in result.stderr
    assert "[body-heading-only] body: de tekst bestaat alleen uit koppen" in result.stderr
    strict = run_cli("check", str(site), "--now", NOW.isoformat(), "--strict")
    assert strict.returncode == 1


def test_title_sets_the_real_title_and_the_file_name(site: Path) -> None:
    path = new_file(site, "deal", None, today=NOW, title="Samen eten: in West")
    assert path.name == "samen-eten-in-west.md"
    assert '\ntitle: "Samen eten: in West"\n' in path.read_text(encoding="utf-8")
    other = new_file(site, "page", "over", today=NOW, title="Over de gids")
    assert "\ntitle: Over de gids\n" in other.read_text(encoding="utf-8")
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "deal", None)
    assert "--title" in caught.value.message


def test_agenda_is_ambiguous_and_says_so(site: Path) -> None:
    with pytest.raises(click.UsageError) as caught:
        new_file(site, "agenda", "x")
    assert "'agenda' kan twee soorten zijn" in caught.value.message
    assert "reisgids new event" in caught.value.message
    assert "reisgids new agenda-item" in caught.value.message


def test_help_lists_the_kinds_with_dutch_names() -> None:
    result = run_cli("new", "--help")
    assert result.returncode == 0
    for kind, dutch in (("review", "Schouw"), ("agenda-item", "Agendapunt"),
                        ("event", "Evenement"), ("listing", "Vraag of aanbod")):
        assert re.search(rf"^\s+{kind}\s+{dutch}$", result.stdout, re.MULTILINE), result.stdout
