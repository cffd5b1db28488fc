"""reisgids.source.discover: the folder decides the kind; everything in the wrong place is
named, with the right place as a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from reisgids.errors import Diagnostic
from reisgids.source.discover import discover, suggest_slug
from reisgids.source.kinds import FOLDER_OF, FOLDERS, KINDS

PAGE = "---\ntitle: X\n---\n"


def site(tmp_path: Path, *paths: str) -> Path:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    for rel in paths:
        path = root / rel
        if rel.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(PAGE, encoding="utf-8")
    return root


def only(problems: list[Diagnostic]) -> Diagnostic:
    assert len(problems) == 1, [p.format() for p in problems]
    return problems[0]


def test_every_folder_gives_its_kind(tmp_path: Path) -> None:
    root = site(tmp_path, *(f"content/{folder}/een-naam.md" for folder in FOLDERS))
    files, problems = discover(root)
    assert problems == []
    assert sorted(f.kind for f in files) == sorted(KINDS)
    assert len(KINDS) == 14
    for found in files:
        assert found.slug == "een-naam"
        assert found.rel == f"content/{FOLDER_OF[found.kind]}/een-naam.md"
        assert found.path == root / found.rel


def test_edition_ids_are_slugs(tmp_path: Path) -> None:
    root = site(tmp_path, "content/compass/editions/2026.md",
                "content/compass/editions/2026-1.md")
    files, problems = discover(root)
    assert problems == []
    assert sorted((f.kind, f.slug) for f in files) == [("compass-edition", "2026"),
                                                       ("compass-edition", "2026-1")]


def test_files_come_sorted_by_path(tmp_path: Path) -> None:
    root = site(tmp_path, "content/pages/b.md", "content/deals/z.md", "content/pages/a.md")
    files, _ = discover(root)
    assert [f.rel for f in files] == ["content/deals/z.md", "content/pages/a.md",
                                      "content/pages/b.md"]


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    root = site(tmp_path, "content/.git/config", "content/pages/.DS_Store",
                "content/pages/.over.md.swp", "content/.concepten/x.md",
                "content/compass/.hidden/x.md", "content/pages/over.md")
    files, problems = discover(root)
    assert problems == []
    assert [f.rel for f in files] == ["content/pages/over.md"]


def test_no_content_folder(tmp_path: Path) -> None:
    problem = only(discover(tmp_path)[1])
    assert problem.code == "path-content"
    assert problem.is_error


@pytest.mark.parametrize(("folder", "guess"), [
    ("nieuws", "news"), ("projecten", "projects"), ("partner", "partners"),
    ("instrumenten", "instruments"), ("regelingen", "instruments"), ("schouwen", "reviews"),
    ("lessen", "lessons"), ("kompas", "compass"), ("verhalen", "stories"),
    ("evenementen", "events"), ("agenda", "events"), ("marktplaats", "marketplace"),
    ("wijken", "areas"), ("paginas", "pages"), ("deal", "deals"), ("Deals", "deals"),
    ("newss", "news"), ("storys", "stories"), ("edities", "compass/editions"),
])
def test_unknown_folder_proposes_the_right_one(tmp_path: Path, folder: str, guess: str) -> None:
    root = site(tmp_path, f"content/{folder}/x.md")
    files, problems = discover(root)
    assert files == []
    problem = only(problems)
    assert problem.code == "path-folder"
    assert problem.location.path == f"content/{folder}"
    assert problem.location.line == 1
    assert f"'content/{folder}/'" in problem.message.nl
    assert problem.hint is not None
    assert f"'content/{guess}/'" in problem.hint.nl
    assert f"'content/{guess}/'" in problem.hint.en


def test_unknown_folder_without_a_guess_lists_the_known_ones(tmp_path: Path) -> None:
    root = site(tmp_path, "content/xyzzy/x.md")
    problem = only(discover(root)[1])
    assert problem.hint is not None
    assert "content/deals/" in problem.hint.nl and "content/pages/" in problem.hint.nl


def test_empty_unknown_folder_is_reported_too(tmp_path: Path) -> None:
    root = site(tmp_path, "content/nieuws/")
    assert only(discover(root)[1]).code == "path-folder"


@pytest.mark.parametrize(("folder", "guess"), [
    ("edities", "editions"), ("editie", "editions"), ("edition", "editions"),
    ("agendapunten", "agenda"), ("items", "agenda"), ("agend", "agenda"),
])
def test_unknown_compass_folder(tmp_path: Path, folder: str, guess: str) -> None:
    root = site(tmp_path, f"content/compass/{folder}/x.md")
    problem = only(discover(root)[1])
    assert problem.code == "path-folder"
    assert problem.location.path == f"content/compass/{folder}"
    assert problem.hint is not None and f"'content/compass/{guess}/'" in problem.hint.nl


def test_file_directly_in_content(tmp_path: Path) -> None:
    root = site(tmp_path, "content/over.md")
    problem = only(discover(root)[1])
    assert (problem.code, problem.location.path) == ("path-file", "content/over.md")
    assert problem.hint is not None and "pages" in problem.hint.nl


def test_file_directly_in_compass(tmp_path: Path) -> None:
    root = site(tmp_path, "content/compass/2026.md")
    problem = only(discover(root)[1])
    assert (problem.code, problem.location.path) == ("path-file", "content/compass/2026.md")
    assert problem.hint is not None and "content/compass/editions/" in problem.hint.nl


@pytest.mark.parametrize("folder", ["deals", "pages", "compass/agenda", "compass/editions"])
def test_subfolder_in_a_kind_folder(tmp_path: Path, folder: str) -> None:
    root = site(tmp_path, f"content/{folder}/oud/x.md", f"content/{folder}/goed.md")
    files, problems = discover(root)
    assert [f.slug for f in files] == ["goed"]
    problem = only(problems)
    assert (problem.code, problem.location.path) == ("path-subfolder", f"content/{folder}/oud")
    assert problem.hint is not None and f"content/{folder}/" in problem.hint.nl


@pytest.mark.parametrize(("name", "wanted"), [
    ("over.markdown", "over.md"), ("over.MD", "over.md"), ("over.txt", "over.md"),
    ("over.mdown", "over.md"),
])
def test_markdown_under_another_extension_is_told_its_name(tmp_path: Path, name: str,
                                                           wanted: str) -> None:
    root = site(tmp_path, f"content/pages/{name}")
    problem = only(discover(root)[1])
    assert (problem.code, problem.location.path) == ("path-extension", f"content/pages/{name}")
    assert problem.hint is not None and f"'{wanted}'" in problem.hint.nl


@pytest.mark.parametrize("name", ["foto.jpg", "verslag.pdf", "README", "data.yml"])
def test_other_files_belong_in_static(tmp_path: Path, name: str) -> None:
    root = site(tmp_path, f"content/pages/{name}")
    problem = only(discover(root)[1])
    assert (problem.code, problem.location.path) == ("path-extension", f"content/pages/{name}")
    assert problem.hint is not None and "static/" in problem.hint.nl


@pytest.mark.parametrize(("name", "better"), [
    ("Over Ons", "over-ons"), ("over_ons", "over-ons"), ("over--ons", "over-ons"),
    ("-over", "over"), ("over-", "over"), ("Café de Buren", "cafe-de-buren"),
    ("2026 Editie", "2026-editie"), ("ÜBER", "uber"), ("a.b", "a-b"),
])
def test_bad_slug_proposes_the_corrected_name(tmp_path: Path, name: str, better: str) -> None:
    root = site(tmp_path, f"content/pages/{name}.md")
    files, problems = discover(root)
    assert files == []
    problem = only(problems)
    assert (problem.code, problem.location.path) == ("path-slug", f"content/pages/{name}.md")
    assert problem.hint is not None
    assert f"'{better}.md'" in problem.hint.nl and f"'{better}.md'" in problem.hint.en
    assert f"'{name}'" in problem.message.nl


@pytest.mark.parametrize(("name", "expected"), [
    ("Logeerhuis De Buren", "logeerhuis-de-buren"), ("ëëë", "eee"), ("!!!", "naam"),
    ("a  b", "a-b"), ("Zorg & Welzijn", "zorg-welzijn"),
])
def test_suggest_slug(name: str, expected: str) -> None:
    assert suggest_slug(name) == expected


def test_every_misplaced_file_is_reported_not_just_the_first(tmp_path: Path) -> None:
    root = site(tmp_path, "content/nieuws/a.md", "content/over.md", "content/pages/Fout.md",
                "content/pages/x.txt", "content/deals/sub/y.md", "content/pages/goed.md")
    files, problems = discover(root)
    assert [f.rel for f in files] == ["content/pages/goed.md"]
    assert sorted((p.code, p.location.path) for p in problems) == [
        ("path-extension", "content/pages/x.txt"),
        ("path-file", "content/over.md"),
        ("path-folder", "content/nieuws"),
        ("path-slug", "content/pages/Fout.md"),
        ("path-subfolder", "content/deals/sub"),
    ]
    assert all(p.is_error for p in problems)
