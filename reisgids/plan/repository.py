"""'Bewerk deze pagina' and 'meld een fout': links into the guide's repository, when
reisgids.yml names one (`repository:`). Nothing is linked when it does not."""

from __future__ import annotations

from urllib.parse import urlsplit

from reisgids.config import SiteConfig

# host -> (edit path, new-issue path) of the platforms whose URL scheme is known
PLATFORMS = {"github.com": ("/edit/{branch}/{path}", "/issues/new"),
             "gitlab.com": ("/-/edit/{branch}/{path}", "/-/issues/new"),
             "codeberg.org": ("/_edit/{branch}/{path}", "/issues/new")}


def edit_pattern(config: SiteConfig) -> str:
    """A URL with {path} for the source file of a page, or '' (no edit link)."""
    repo = config.repository
    if repo is None:
        return ""
    if repo.edit:
        return repo.edit
    platform = PLATFORMS.get(urlsplit(repo.url).hostname or "")
    if platform is None:
        return ""
    return repo.url.rstrip("/") + platform[0].replace("{branch}", repo.branch)


def issues_url(config: SiteConfig) -> str:
    """Where to report a mistake, or '' (no link)."""
    repo = config.repository
    if repo is None:
        return ""
    if repo.issues:
        return repo.issues
    platform = PLATFORMS.get(urlsplit(repo.url).hostname or "")
    return repo.url.rstrip("/") + platform[1] if platform else ""
