"""The open-data licence (reisgids.yml `licence`, default CC0) and the optional 'bewerk
deze pagina / meld een fout' links (`repository`), through a real build."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import NOW, SiteFactory, run_cli
from outputs_support import BASIC, basic_site

CONFIG = (BASIC / "reisgids.yml").read_text(encoding="utf-8")


def build(make_site: SiteFactory, tmp_path: Path, extra: str = "") -> Path:
    root = basic_site(make_site, {"reisgids.yml": CONFIG + extra})
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def footer(out: Path, page: str) -> str:
    html = (out / page).read_text(encoding="utf-8")
    return html[html.index("<footer"):]


def test_default_licence_is_cc0_in_every_footer_the_data_page_and_the_json(
        make_site: SiteFactory, tmp_path: Path) -> None:
    out = build(make_site, tmp_path)
    cc0 = "https://creativecommons.org/publicdomain/zero/1.0/"
    for page in ("index.html", "deals/samen-eten/index.html", "404.html", "data/index.html"):
        text = footer(out, page)
        assert f'<a href="{cc0}" rel="license">CC0 1.0</a>' in text, page
        assert '<a href="/gids/data/">Open data</a>' in text, page
        assert "Bewerk deze pagina" not in text and "Meld een fout" not in text
    data_page = (out / "data/index.html").read_text(encoding="utf-8")
    assert 'href="/gids/data/reisgids.json"' in data_page
    assert 'href="/gids/data/deal.csv"' in data_page
    site = json.loads((out / "data/reisgids.json").read_text(encoding="utf-8"))["site"]
    assert site["license"] == {"name": "CC0 1.0", "url": cc0}


def test_a_licence_and_a_github_repository_from_reisgids_yml(make_site: SiteFactory,
                                                             tmp_path: Path) -> None:
    out = build(make_site, tmp_path, (
        "licence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n"
        "repository:\n  url: https://github.com/teststad/gids\n  branch: live\n"))
    text = footer(out, "deals/samen-eten/index.html")
    assert 'rel="license">CC BY 4.0</a>' in text
    assert ('<a href="https://github.com/teststad/gids/edit/live/content/deals/'
            'samen-eten.md">Bewerk deze pagina</a>') in text
    assert '<a href="https://github.com/teststad/gids/issues/new">Meld een fout</a>' in text
    # a generated page has no source file to edit, but a mistake can still be reported
    home = footer(out, "index.html")
    assert "Bewerk deze pagina" not in home and "Meld een fout" in home


def test_an_edit_pattern_of_its_own_and_an_unknown_host(make_site: SiteFactory,
                                                        tmp_path: Path) -> None:
    out = build(make_site, tmp_path, (
        "repository:\n  url: https://git.teststad.example/gids\n"
        "  edit: https://cms.teststad.example/bewerk?bestand={path}\n"))
    text = footer(out, "over/index.html")
    assert "https://cms.teststad.example/bewerk?bestand=content/pages/over.md" in text
    assert "Meld een fout" not in text  # no issues URL known for that host


def test_a_repository_without_a_valid_url_is_an_error_in_reisgids_yml(
        make_site: SiteFactory) -> None:
    root = basic_site(make_site, {"reisgids.yml": CONFIG + "repository:\n  url: gids\n"})
    result = run_cli("check", str(root), "--now", NOW)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "reisgids.yml:" in out and "[schema-url] repository.url" in out
