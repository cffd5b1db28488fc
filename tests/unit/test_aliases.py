"""`aliases:`: old URLs of a renamed entry become redirect pages; collisions are errors."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import NOW, SiteFactory, run_cli
from outputs_support import BASIC

PAGE = (BASIC / "content/pages/over.md").read_text(encoding="utf-8")


def with_aliases(aliases: str, path: str = "content/pages/over.md") -> dict[str, str]:
    text = (BASIC / path).read_text(encoding="utf-8")
    return {path: text.replace("---\n", f"---\naliases: {aliases}\n", 1)}


def basic(make_site: SiteFactory, changes: dict[str, str]) -> Path:
    from outputs_support import basic_site
    return basic_site(make_site, changes)


def test_an_alias_writes_a_redirect_page(make_site: SiteFactory, tmp_path: Path) -> None:
    root = basic(make_site, with_aliases("[/over-de-gids/, /oud/over.html]"))
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 0, result.stdout + result.stderr
    for rel in ("over-de-gids/index.html", "oud/over.html"):
        html = (out / rel).read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=/gids/over/">' in html
        assert '<link rel="canonical" href="https://example.org/gids/over/">' in html
        assert '<meta name="robots" content="noindex">' in html
        assert '<a href="/gids/over/">Over deze gids</a>' in html
    # the redirect is no page of its own: not in the sitemap
    assert "over-de-gids" not in (out / "sitemap.xml").read_text(encoding="utf-8")
    # same input, same bytes
    again = tmp_path / "again"
    run_cli("build", str(root), "--out", str(again), "--now", NOW, "--no-search")
    assert (again / "oud/over.html").read_bytes() == (out / "oud/over.html").read_bytes()


def check(root: Path) -> str:
    result = run_cli("check", str(root), "--now", NOW)
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_an_alias_on_another_entrys_url_is_an_error_at_its_line(make_site: SiteFactory) -> None:
    out = check(basic(make_site, with_aliases("[/over-oud/, /deals/samen-eten/]")))
    assert re.search(r"content/pages/over\.md:2(:\d+)?: fout \[alias-collision\] aliases\[1\]: "
                     r"het oude adres /deals/samen-eten/ kan niet doorsturen: dat adres is van "
                     r"content/deals/samen-eten\.md", out), out


def test_an_alias_on_an_overview_own_url_or_copied_folder_is_an_error(
        make_site: SiteFactory) -> None:
    out = check(basic(make_site, with_aliases("[/deals/, /over/, /static/x/, /zoeken/]")))
    assert "/deals/ kan niet doorsturen: dat adres is van de overzichtspagina" in out
    assert "/over/ kan niet doorsturen: dat is het huidige adres" in out
    assert "/static/x/ kan niet doorsturen: in die map zet reisgids zelf" in out
    assert "/zoeken/ kan niet doorsturen" in out


def test_two_entries_with_one_alias_is_an_error(make_site: SiteFactory) -> None:
    changes = {**with_aliases("/oud/"),
               **with_aliases("/oud/", "content/news/maaltijd-gestart.md")}
    out = check(basic(make_site, changes))
    assert "/oud/ kan niet doorsturen:" in out and "gebruikt dat oude adres ook" in out


def test_an_alias_on_a_generated_page_is_an_error_at_build(make_site: SiteFactory,
                                                           tmp_path: Path) -> None:
    # a filter page is only known when the site is planned: build reports it, never
    # overwrites the page
    root = basic(make_site, with_aliases("/deals/fase/execution/"))
    out = tmp_path / "out"
    result = run_cli("build", str(root), "--out", str(out), "--now", NOW, "--no-search")
    assert result.returncode == 1
    assert "[alias-collision] aliases[0]: het oude adres /deals/fase/execution/ is al een " \
           "pagina van de site" in result.stdout + result.stderr


def test_an_alias_must_be_a_safe_path_of_this_site(make_site: SiteFactory) -> None:
    for bad in ("https://elders.example/x/", "/../buiten/", "/a//b/", "/Oud/", "oud/",
                "/oud", "/a/%2e%2e/", "/oud/?q=1"):
        out = check(basic(make_site, with_aliases(f"['{bad}']")))
        assert f"'{bad}' is geen pad op deze site" in out, (bad, out)
