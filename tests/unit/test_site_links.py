"""Links written as URLs of the site: what counts as this site, and which page they name."""

from __future__ import annotations

from reisgids.markdown import LinkTarget, SiteUrls, host_of


def target(url: str) -> LinkTarget:
    return LinkTarget("/gids" + url, frozenset(), True, url)


SITE = SiteUrls("example.org", "/gids/", {u: target(u) for u in (
    "/", "/deals/", "/deals/samen-eten/", "/lessen/luisteren/", "/feeds/nieuws.xml")})


def test_own_host_with_and_without_the_base_path() -> None:
    assert SITE.own_path("https://example.org/gids/deals/samen-eten/") == "/gids/deals/samen-eten/"
    assert SITE.own_path("http://EXAMPLE.org/deals/") == "/deals/"
    assert SITE.own_path("https://elders.example/gids/deals/") is None
    assert SITE.own_path("mailto:a@example.org") is None
    assert SITE.own_path("https://[bad") is None
    assert SITE.site_path("/gids/deals/samen-eten/") == "/deals/samen-eten/"
    assert SITE.site_path("/gids") == "/"
    assert SITE.site_path("/deals/samen-eten/index.html") == "/deals/samen-eten/"
    assert SITE.site_path("/gidsen/x/") == "/gidsen/x/", "only the whole base path is cut"


def test_find_and_nearest() -> None:
    found = SITE.find("/deals/samen-eten")
    assert found == ("/deals/samen-eten/", SITE.pages["/deals/samen-eten/"])
    assert SITE.find("/feeds/nieuws.xml") is not None
    assert SITE.find("/deals/weg/") is None
    assert SITE.nearest("/deals/samen-etn/") == "/deals/samen-eten/"
    assert SITE.nearest("/lessons/luisteren/") == "/lessen/luisteren/", "same name, other folder"
    assert SITE.nearest("/zzzzzzzzzzzzzzzzzz/") is None


def test_host_of() -> None:
    assert host_of("https://Reisgids.example/gids/") == "reisgids.example"
    assert host_of("geen url") == ""
