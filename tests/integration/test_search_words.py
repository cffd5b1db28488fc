"""What the search index holds as words. An e-mail address is not one: Pagefind squashes it
into a single word ("samenwerken@zorggroep.example" -> "samenwerkenzorggroepexampl") that
nobody types, and which a query matches as a longer word: every partner with a
"samenwerken@" address was a hit for "samenwerken". The addresses are shown on the pages as
before, outside the index (data-pagefind-ignore)."""

from __future__ import annotations

import re
from pathlib import Path

from reisgids.pagefind_files import word_entries
from tests.conftest import REPO

# the contact fields of partners, their contacts, projects and listings (front matter)
CONTACT = re.compile(r"^\s*(?:- )?(?:email|contact):\s*(\S+@\S+)\s*$", re.MULTILINE)


def index_words(out: Path) -> list[str]:
    return [word for chunk in sorted((out / "pagefind" / "index").glob("*.pf_index"))
            for word, _ in word_entries(chunk)]


def test_email_addresses_are_shown_but_not_indexed(example_site: Path) -> None:
    shown = {address for source in (REPO / "content").rglob("*.md")
             for address in CONTACT.findall(source.read_text(encoding="utf-8"))}
    pages = "".join(page.read_text(encoding="utf-8") for page in example_site.rglob("*.html"))
    # still shown (an archived listing's address is not)
    assert len([a for a in shown if f'href="mailto:{a}"' in pages]) >= 0.9 * len(shown) > 50
    words = index_words(example_site)
    assert "mantelzorg" in words and "roffabriek" in words  # the text around them is indexed
    for address in shown:
        squashed = re.sub(r"[\W_]", "", address.lower())[:-2]  # as Pagefind (stemmed end)
        assert not [w for w in words if w.startswith(squashed)], address
