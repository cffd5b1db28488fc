"""`reisgids new KIND SLUG`: a new content file with every field, each explained.

This module is the command: it finds the kind and the file name (scaffold_names.py),
refuses to overwrite, and writes the text scaffold_text.py makes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from reisgids.config import CONFIG_FILE, load_config
from reisgids.errors import Text
from reisgids.scaffold_names import check_slug, resolve_kind, usage_error
from reisgids.scaffold_text import render_file
from reisgids.source.discover import suggest_slug
from reisgids.source.kinds import FOLDER_OF


def new_file(site: Path, kind: str, slug: str | None, *, today: date | None = None,
             title: str = "") -> Path:
    """Write content/<folder>/<slug>.md for `kind`; never overwrites. Prints the path."""
    if not (site / CONFIG_FILE).is_file():
        raise usage_error(Text(f"{CONFIG_FILE} ontbreekt in {site}: dit is geen reisgids-site",
                          f"{CONFIG_FILE} is missing in {site}: this is not a reisgids site"),
                     Text("ga naar de map van de site, of geef --site MAP",
                          "go to the site's folder, or pass --site FOLDER"), "nl")
    config, _ = load_config(site)
    language = config.language if config is not None else "nl"
    kind_id = resolve_kind(kind, language)
    if not slug:
        if not title.strip():
            raise usage_error(Text("geef een bestandsnaam of een titel (--title)",
                              "give a file name or a title (--title)"),
                         Text("bijvoorbeeld: reisgids new deal --title \"Samen eten\"",
                              "for example: reisgids new deal --title \"Eating together\""),
                         language)
        slug = suggest_slug(title)
    check_slug(slug, language)
    path = site / "content" / FOLDER_OF[kind_id] / f"{slug}.md"
    rel = f"content/{FOLDER_OF[kind_id]}/{slug}.md"
    if path.exists():
        raise usage_error(Text(f"{rel} bestaat al; reisgids overschrijft geen bestanden",
                          f"{rel} already exists; reisgids never overwrites files"),
                     Text("kies een andere naam, of open het bestaande bestand",
                          "choose another name, or open the existing file"), language)
    text = render_file(site, kind_id, slug, config=config, today=today, title=title)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:  # written by someone else in the meantime
        raise usage_error(Text(f"{rel} bestaat al; reisgids overschrijft geen bestanden",
                          f"{rel} already exists; reisgids never overwrites files"),
                     None, language) from None
    click.echo(str(path))
    return path
