"""The message catalogue: every diagnostic code, what it says, an example and the fix.

Messages are still written next to the check that finds them (errors.py); this registry is
the editors' index of them, generated into docs/meldingen.md:

    python -m reisgids.codes > docs/meldingen.md

A test fails when the package emits a code that is not listed here, and says what to add.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from reisgids.errors import Text


@dataclass(frozen=True)
class Code:
    """One code: its message as a template ({...} is filled in), a slip that causes it, the
    fix, and whether it stops the build ('fout') or only warns ('waarschuwing')."""

    message: Text
    example: str
    fix: Text
    severity: str = "fout"


def _c(nl: str, en: str, example: str, fix_nl: str, fix_en: str,
       severity: str = "fout") -> Code:
    return Code(Text(nl, en), example, Text(fix_nl, fix_en), severity)


W = "waarschuwing"
B = "fout of waarschuwing"  # an error in a field, a warning where the text is kept

CODES: dict[str, Code] = {
    # --- files and folders
    "path-content": _c("de map content/ ontbreekt", "the folder content/ is missing",
                       "(geen map content/)", "maak content/ aan naast reisgids.yml",
                       "create content/ next to reisgids.yml"),
    "path-folder": _c("de map {map} is geen bekende soort", "the folder {folder} is no known kind",
                      "content/dealz/x.md", "zet het bestand in een bekende map, zoals deals/",
                      "put the file in a known folder, such as deals/"),
    "path-subfolder": _c("submappen worden niet gelezen", "subfolders are not read",
                         "content/deals/2026/x.md", "zet het bestand direct in de map van zijn "
                         "soort", "put the file directly in its kind's folder"),
    "path-extension": _c("alleen .md-bestanden worden gelezen", "only .md files are read",
                         "content/deals/x.txt", "hernoem naar x.md", "rename to x.md"),
    "path-slug": _c("de bestandsnaam is geen geldige naam", "the file name is not a valid name",
                    "content/deals/Tiener Netwerk.md",
                    "gebruik kleine letters, cijfers en streepjes: tiener-netwerk.md",
                    "use lower case letters, digits and hyphens: tiener-netwerk.md"),
    "path-symlink": _c("'{pad}' is een symbolische link; reisgids volgt geen links",
                       "'{path}' is a symbolic link; reisgids does not follow links",
                       "static/logo.png -> /home/ci/.ssh/id_rsa",
                       "vervang de link door een echt bestand in de site",
                       "replace the link with a real file inside the site"),
    "path-file": _c("hier hoort geen los bestand", "no loose file belongs here",
                    "content/over.md", "zet het bestand in de map van zijn soort",
                    "put the file in its kind's folder"),
    "file-unreadable": _c("het bestand kan niet gelezen worden", "the file cannot be read",
                          "(geen leesrechten)", "controleer de rechten van het bestand",
                          "check the file's permissions"),
    "file-too-large": _c("het bestand is te groot", "the file is too large",
                         "(een bestand van 30 MB)", "splits de tekst over meerdere bestanden",
                         "split the text over several files"),
    "encoding": _c("het bestand is geen UTF-8", "the file is not UTF-8",
                   "(opgeslagen als Latin-1)", "sla het bestand op als UTF-8",
                   "save the file as UTF-8"),
    "frontmatter-missing": _c("het bestand begint niet met front matter ('---')",
                              "the file does not start with front matter ('---')",
                              "title: Over (zonder '---' erboven)",
                              "zet op regel 1 '---', dan de velden, dan weer '---'",
                              "put '---' on line 1, then the fields, then '---' again"),
    "frontmatter-unclosed": _c("de front matter wordt niet afgesloten met '---'",
                               "the front matter is not closed with '---'",
                               "---\\ntitle: Over\\nTekst", "zet een regel '---' tussen de "
                               "velden en de tekst", "put a line '---' between fields and text"),
    "body-too-large": _c("de tekst is te lang voor één pagina", "the text is too long for one "
                         "page", "(een tekst van 9 MB)", "verdeel de tekst over meerdere "
                         "bestanden", "split the text over several files"),
    # --- YAML
    "yaml-syntax": _c("de YAML klopt niet: {uitleg}", "invalid YAML: {explanation}",
                      "summary: Let op: dubbele punt", "volg de uitleg bij de melding",
                      "follow the explanation in the message"),
    "yaml-colon": _c("er staat een dubbele punt met een spatie in de waarde",
                     "there is a colon followed by a space in the value",
                     "summary: Let op: dubbele punt",
                     "zet de waarde tussen aanhalingstekens: summary: \"Let op: dubbele punt\"",
                     "put the value in quotes: summary: \"Let op: dubbele punt\""),
    "yaml-tab": _c("er staat een tab in het inspringen", "there is a tab in the indentation",
                   "partners:\\n\\t- partner: naam", "gebruik spaties in plaats van tabs",
                   "use spaces instead of tabs"),
    "yaml-quote-unclosed": _c("het aanhalingsteken op deze regel wordt niet gesloten",
                              "the quote on this line is never closed",
                              "title: \"Buurtteam Noord", "zet aan het eind van de waarde "
                              "hetzelfde aanhalingsteken", "close the value with the same quote"),
    "yaml-apostrophe": _c("een apostrof binnen enkele aanhalingstekens sluit de waarde af",
                          "an apostrophe inside single quotes ends the value",
                          "title: 'in 't Zand'", "gebruik dubbele aanhalingstekens: "
                          "\"in 't Zand\", of schrijf de apostrof twee keer: 'in ''t Zand'",
                          "use double quotes: \"in 't Zand\", or double the apostrophe"),
    "yaml-indent": _c("het inspringen klopt niet", "the indentation is wrong",
                      "period:\\n  start: 2026-01-01\\n   end: 2026-12-31",
                      "spring velden die bij elkaar horen precies even ver in (2 spaties)",
                      "indent fields that belong together by exactly the same (2 spaces)"),
    "yaml-dash-space": _c("na het streepje van een lijstitem ontbreekt een spatie",
                          "a list item's dash is not followed by a space",
                          "tags:\\n  -koffie", "schrijf '- koffie' (streepje, spatie, waarde)",
                          "write '- koffie' (dash, space, value)"),
    "yaml-bracket-unclosed": _c("een haakje [ of { wordt niet gesloten",
                                "a bracket [ or { is never closed", "themes: [zorg, wonen",
                                "sluit het haakje, of schrijf elk item op een eigen regel met '- '",
                                "close the bracket, or write each item on its own line with '- '"),
    "yaml-control-char": _c("er staat een onzichtbaar stuurteken in het bestand",
                            "there is an invisible control character in the file",
                            "title: Over\\x00", "typ de regel opnieuw, of plak hem als platte "
                            "tekst", "retype the line, or paste it as plain text"),
    "yaml-too-deep": _c("de velden zijn te diep genest", "the fields are nested too deeply",
                        "a: [[[[[[ ... ]]]]]]", "maak de structuur platter",
                        "make the structure flatter"),
    "yaml-duplicate-key": _c("'{veld}' staat er twee keer", "'{field}' appears twice",
                             "title: A\\ntitle: B", "houd één van beide over",
                             "keep only one of them"),
    "yaml-alias": _c("aliassen (*naam) zijn niet toegestaan", "aliases (*name) are not allowed",
                     "themes: *lijst", "schrijf de waarde voluit", "write the value in full"),
    "yaml-anchor": _c("ankers (&naam) zijn niet toegestaan", "anchors (&name) are not allowed",
                      "themes: &lijst [zorg]", "haal het anker weg", "remove the anchor"),
    "yaml-tag": _c("YAML-tags zijn niet toegestaan", "YAML tags are not allowed",
                   "date: !!str 2026", "haal de tag weg; het veld bepaalt het type",
                   "remove the tag; the field decides the type"),
    "yaml-merge": _c("samenvoegsleutels (<<) zijn niet toegestaan", "merge keys (<<) are not "
                     "allowed", "<<: *basis", "schrijf de velden voluit", "write the fields out"),
    "yaml-key": _c("een veldnaam moet gewone tekst zijn", "a field name must be plain text",
                   "[a, b]: waarde", "schrijf 'veld: waarde'", "write 'field: value'"),
    "yaml-not-mapping": _c("verwacht regels 'veld: waarde'", "expected 'field: value' lines",
                           "- title", "begin elke regel met een veldnaam",
                           "start each line with a field name"),
    "value-comment": _c("alles na ' #' is weggevallen: YAML leest het als commentaar",
                        "everything after ' #' was dropped: YAML reads it as a comment",
                        "summary: Buurtteam #1 en meer", "zet de waarde tussen aanhalingstekens: "
                        "summary: \"Buurtteam #1 en meer\"",
                        "put the value in quotes: summary: \"Buurtteam #1 en meer\"", W),
    "value-curly-quotes": _c("de waarde staat tussen gekrulde aanhalingstekens; die komen in "
                             "de tekst", "the value is wrapped in curly quotes; they become "
                             "part of the text", "title: “Buurtteam”",
                             "gebruik rechte aanhalingstekens (\") of laat ze weg",
                             "use straight quotes (\") or leave them out", W),
    # --- fields (the content model)
    "schema-missing": _c("'{veld}' ontbreekt (verplicht veld)", "'{field}' is missing",
                         "(geen regel 'summary:')", "voeg '{veld}: ...' toe",
                         "add '{field}: ...'"),
    "schema-empty": _c("'{veld}' is leeg", "'{field}' is empty", "goal:",
                       "schrijf de waarde achter '{veld}:'", "write the value after '{field}:'"),
    "schema-extra-forbidden": _c("'{veld}' is geen bekend veld", "'{field}' is not a known "
                                 "field", "titel: Over", "bedoelde je 'title'?",
                                 "did you mean 'title'?"),
    "schema-enum": _c("'{waarde}' bestaat niet", "'{value}' does not exist", "phase: bezig",
                      "kies een van de genoemde waarden", "choose one of the values listed"),
    "schema-bool": _c("'{waarde}' is geen ja/nee-waarde", "'{value}' is not a yes/no value",
                      "draft: ja", "schrijf true of false", "write true or false"),
    "schema-date": _c("'{waarde}' is geen geldige datum", "'{value}' is not a valid date",
                      "date: 1-3-2026", "schrijf JJJJ-MM-DD", "write YYYY-MM-DD"),
    "schema-moment": _c("'{waarde}' is geen geldige datum of tijd", "'{value}' is not a valid "
                        "date or time", "start: morgen 14u", "schrijf JJJJ-MM-DD UU:MM",
                        "write YYYY-MM-DD HH:MM"),
    "schema-year": _c("'{waarde}' is geen jaartal", "'{value}' is not a year", "since: '12",
                      "schrijf vier cijfers", "write four digits"),
    "schema-url": _c("'{waarde}' is geen webadres", "'{value}' is not a web address",
                     "website: www.voorbeeld.nl", "begin met https://", "start with https://"),
    "schema-email": _c("'{waarde}' is geen e-mailadres", "'{value}' is not an e-mail address",
                       "email: info-at-voorbeeld.nl", "schrijf naam@domein.nl",
                       "write name@domain.org"),
    "schema-slug": _c("'{waarde}' is geen geldige verwijzing", "'{value}' is not a valid "
                      "reference", "owner: Gemeente Noord!", "verwijs met de bestandsnaam zonder "
                      ".md", "refer by the file name without .md"),
    "schema-static-path": _c("'{waarde}' ligt niet in static/", "'{value}' is not in static/",
                             "image: ../foto.jpg", "schrijf '/static/bestand.jpg'",
                             "write '/static/file.jpg'"),
    "schema-site-path": _c("'{waarde}' is geen pad op deze site", "'{value}' is not a path on "
                           "this site", "aliases: [https://oud.example/x/]",
                           "schrijf het oude adres zonder domein, zoals '/deals/oude-naam/'",
                           "write the old address without the domain, like '/deals/old-name/'"),
    "schema-text": _c("verwacht een tekst, geen lijst of blok velden", "expected text, not a "
                      "list or block of fields", "title:\\n  - Over", "schrijf de waarde op "
                      "dezelfde regel", "write the value on the same line"),
    "schema-kindref": _c("verwacht één verwijzing als '{soort: naam}'", "expected one "
                         "reference as '{kind: name}'", "about: naam-van-de-deal",
                         "bijvoorbeeld '{deal: naam-van-de-deal}'", "e.g. '{deal: name}'"),
    "schema-kindref-kind": _c("'{waarde}' is hier geen toegestane soort", "'{value}' is not an "
                              "allowed kind here", "about: {news: x}", "kies een van de "
                              "genoemde soorten", "choose one of the kinds listed"),
    "schema-string-too-long": _c("te lang", "too long", "summary: (400 tekens)",
                                 "kort de tekst in; de rest kan in de hoofdtekst",
                                 "shorten it; the rest can go into the body"),
    "schema-too-short": _c("hier hoort minstens één item", "at least one item is needed",
                           "partners: []", "voeg een item toe", "add an item"),
    "schema-list-type": _c("verwacht een lijst", "expected a list", "themes: zorg, wonen",
                           "zet elk item op een eigen regel die begint met '- '",
                           "put each item on its own line starting with '- '"),
    "schema-model-type": _c("verwacht een blok velden", "expected a block of fields",
                            "period: 2026", "zet de velden ingesprongen onder deze regel",
                            "indent the fields below this line"),
    "schema-model-attributes-type": _c("verwacht een blok velden", "expected a block of "
                                       "fields", "location: Noord", "zet de velden "
                                       "ingesprongen onder deze regel", "indent the fields "
                                       "below this line"),
    "schema-dict-type": _c("verwacht een blok velden", "expected a block of fields",
                           "vocabularies: zorg", "zet de velden ingesprongen eronder",
                           "indent the fields below it"),
    "schema-int-parsing": _c("'{waarde}' is geen geheel getal", "'{value}' is not a whole "
                             "number", "days: veel", "schrijf alleen cijfers", "write digits"),
    "schema-string-type": _c("verwacht een tekst", "expected text", "title: [a]",
                             "schrijf gewone tekst", "write plain text"),
    "schema-vocab-id": _c("'{waarde}' is geen geldige naam in een woordenlijst",
                          "'{value}' is not a valid vocabulary name", "Zorg & Welzijn: ...",
                          "gebruik kleine letters en streepjes", "use lower case and hyphens"),
    "schema-permalink": _c("het permalinkpatroon klopt niet", "the permalink pattern is wrong",
                           "deal: /deals/", "gebruik {slug} in het patroon",
                           "use {slug} in the pattern"),
    "schema-permalink-kind": _c("'{waarde}' is geen soort", "'{value}' is not a kind",
                                "permalinks:\\n  dealz: ...", "kies een bestaande soort",
                                "choose an existing kind"),
    "schema-editor-backend": _c("'{waarde}' is geen bekende git-host",
                                "'{value}' is not a known git host",
                                "editor:\\n  backend: svn", "kies github, gitlab of gitea",
                                "choose github, gitlab or gitea"),
    "schema-theme": _c("het thema '{waarde}' bestaat niet of is geen naam",
                       "the theme '{value}' does not exist or is not a name",
                       "theme: ../../etc", "kies een map uit themes/ of 'default'",
                       "choose a folder of themes/ or 'default'"),
    "schema-days": _c("{getal} dagen kan niet: kies 1 tot en met 36500",
                      "{number} days is not possible: choose 1 to 36500",
                      "freshness:\n  partner: -30", "bijvoorbeeld 365 (een jaar)",
                      "for example 365 (a year)"),
    "template-error": _c("het sjabloon faalt: {reden}", "the template fails: {reason}",
                         "{{ geen_naam.veld }}", "vergelijk met het sjabloon van het "
                         "ingebouwde thema", "compare with the built-in theme's template"),
    "template-budget": _c("het sjabloon maakt te veel (lusstappen, tekst of paginagrootte)",
                          "the template makes too much (loop steps, text or page size)",
                          "{% for i in range(99999) %}{% for j in range(99999) %}",
                          "één lus over de items; geen lus in een lus over alles",
                          "one loop over the items; no loop inside a loop over everything"),
    "template-unsafe": _c("het sjabloon probeert iets wat niet mag", "the template tries "
                          "something it may not do", "{{ t.__globals__ }}",
                          "toon alleen de gegevens die het sjabloon krijgt", "only show the "
                          "data the template is given"),
    "theme-string": _c("'{sleutel}' moet een tekst zijn", "'{key}' must be a text",
                       "menu.home: [Home]", "schrijf 'sleutel: tekst' op één regel",
                       "write 'key: text' on one line"),
    # --- rules over several fields
    "end-before-start": _c("het einde ligt vóór het begin", "the end is before the start",
                           "start: 2026-05-01\\nend: 2026-04-01", "controleer beide datums",
                           "check both dates"),
    "deal-partners": _c("een deal in deze fase heeft minstens twee partners", "a deal in this "
                        "phase has at least two partners", "phase: execution (één partner)",
                        "voeg partners toe of zet de fase terug", "add partners or set the "
                        "phase back"),
    "image-alt": _c("een afbeelding heeft een beschrijving nodig", "an image needs a "
                    "description", "image: /static/foto.jpg (zonder image_alt)",
                    "voeg 'image_alt: ...' toe", "add 'image_alt: ...'"),
    "image-missing": _c("de afbeelding {pad} bestaat niet", "the image {path} does not exist",
                        "image: /static/fot.jpg", "zet het bestand in static/",
                        "put the file in static/"),
    "image-broken": _c("het bestand is geen afbeelding die reisgids kan lezen",
                       "the file is not an image reisgids can read",
                       "image: /static/foto.jpg (een half gekopieerd bestand)",
                       "sla de afbeelding opnieuw op als JPEG, PNG of WebP",
                       "save the image again as JPEG, PNG or WebP"),
    "image-too-large": _c("de afbeelding is te groot om te verwerken", "the image is too "
                          "large to process", "image: /static/scan.png (30.000 × 20.000 pixels)",
                          "verklein de foto (2000 pixels breed is genoeg)",
                          "make the photo smaller (2000 pixels wide is enough)"),
    "partner-contact": _c("deze partner heeft geen aanspreekpunt", "this partner has no "
                          "contact point", "(geen email, phone of contacts)",
                          "voeg 'contacts:' toe", "add 'contacts:'", W),
    "listing-valid-until": _c("deze vraag of dit aanbod heeft geen einddatum", "this listing "
                              "has no end date", "(geen valid_until)",
                              "voeg 'valid_until: JJJJ-MM-DD' toe",
                              "add 'valid_until: YYYY-MM-DD'", W),
    "agenda-first": _c("de eerste stap moet inventoried zijn", "the first entry must be "
                       "inventoried", "history:\\n  - status: adopted", "begin met status "
                       "inventoried", "start with status inventoried"),
    "agenda-move": _c("van {status} naar {status} mag niet", "moving from {status} to {status} "
                      "is not allowed", "inventoried -> adopted", "zet de tussenstappen erbij",
                      "add the steps in between"),
    "agenda-ended": _c("het agendapunt is afgesloten", "the agenda item has ended",
                       "rejected -> discussed", "begin een nieuw agendapunt",
                       "start a new agenda item"),
    "agenda-requires": _c("deze status vereist een veld", "this status requires a field",
                          "status: adopted (zonder decision)", "voeg het genoemde veld toe",
                          "add the field named"),
    "agenda-date-back": _c("de datum ligt vóór de vorige stap", "the date is before the "
                           "previous entry", "2026-03-01 na 2026-05-01", "zet de stappen op "
                           "volgorde van datum", "put the entries in date order"),
    "document-missing": _c("het document {pad} bestaat niet", "the document {path} does not "
                           "exist", "documents:\n  - {title: Raadsbesluit, url: "
                           "/static/weg.pdf}", "zet het bestand in static/ of link naar de "
                           "vindplaats (https://...)", "put the file in static/ or link to "
                           "where it is published (https://...)"),
    # --- frozen compass editions (docs/kompas.md)
    "edition-frozen": _c("deze wijziging zou het vastgestelde '{editie}' veranderen",
                         "this edit would change the adopted '{edition}'",
                         "de datum van een stap uit 2025 aangepast na vaststelling van 2025",
                         "laat wat binnen de editie viel staan en voeg een nieuwe stap toe; "
                         "echt herstellen: reisgids compass freeze <editie>",
                         "leave what the edition covered and add a new entry; to really "
                         "correct it: reisgids compass freeze <edition>"),
    "edition-unfrozen": _c("editie '{editie}' is vastgesteld maar niet bevroren",
                           "edition '{edition}' is adopted but not frozen",
                           "adopted: {date: 2025-12-16, forum: college} (zonder momentopname)",
                           "reisgids compass freeze <editie>, en commit de momentopname",
                           "reisgids compass freeze <edition>, and commit the snapshot", W),
    "snapshot-concept": _c("editie '{editie}' is een concept, maar heeft een momentopname",
                           "edition '{edition}' is a concept, but has a snapshot",
                           "2025.snapshot.yml naast een editie zonder adopted",
                           "zet 'adopted' terug of haal de momentopname weg",
                           "put 'adopted' back or remove the snapshot"),
    "snapshot-orphan": _c("er is een momentopname voor editie '{editie}', maar geen "
                          "gepubliceerde editie", "there is a snapshot for edition "
                          "'{edition}', but no published edition", "1999.snapshot.yml zonder "
                          "1999.md", "maak de editie aan of haal de momentopname weg",
                          "create the edition or remove the snapshot"),
    "snapshot-edition": _c("deze momentopname hoort bij een andere editie",
                           "this snapshot belongs to another edition",
                           "edition: '2024' in 2025.snapshot.yml",
                           "maak de momentopname opnieuw met reisgids compass freeze <editie>",
                           "make the snapshot again with reisgids compass freeze <edition>"),
    # --- references between files
    "ref-unresolved": _c("er is geen {soort} '{naam}'", "there is no {kind} '{name}'",
                         "partners:\\n  - slug: Humanitas Noord", "verwijs met de bestandsnaam "
                         "(de hint noemt de naam die bij de titel hoort)", "refer by file name "
                         "(the hint names the one whose title matches)"),
    "ref-unpublished": _c("{soort} '{naam}' is niet gepubliceerd in deze build", "{kind} "
                          "'{name}' is not published in this build", "owner: concept-partner",
                          "publiceer het doel of haal de verwijzing weg", "publish the target "
                          "or remove the reference", W),
    "vocab-unknown": _c("{woordenlijst} '{waarde}' bestaat niet", "{vocabulary} '{value}' does "
                        "not exist", "themes:\\n  - zorgg", "kies een waarde uit reisgids.yml",
                        "choose a value from reisgids.yml"),
    "output-too-large": _c("de uitvoer wordt te groot voor de invoer",
                           "the output grows too large for the input",
                           "een filterpagina per thema x wijk x soort",
                           "minder filters of een kleiner sjabloon; de grens staat in "
                           "docs/security.md", "fewer filters or a smaller template; the limit "
                           "is in docs/security.md"),
    "url-collision": _c("twee bronnen voor de URL {url}", "two sources for the URL {url}",
                        "permalink: /over/ in twee bestanden", "geef één van beide een andere "
                        "naam of permalink", "give one of them another name or permalink"),
    "url-reserved": _c("de URL {url} is al van een overzichtspagina", "the URL {url} already "
                       "belongs to an overview page", "content/pages/deals.md",
                       "kies een andere bestandsnaam", "choose another file name"),
    "alias-collision": _c("het oude adres {url} kan niet doorsturen", "the old address {url} "
                          "cannot redirect", "aliases: [/deals/] (een overzichtspagina)",
                          "haal dit adres uit 'aliases' of hernoem de andere pagina",
                          "remove this address from 'aliases' or rename the other page"),
    # --- links and images in the text
    "link-broken": _c("link naar '{doel}' wijst naar niets", "link to '{target}' points "
                      "nowhere", "[deal](/deals/bestaat-niet/)", "de hint noemt de dichtstbij "
                      "liggende bestaande URL", "the hint names the nearest existing URL"),
    "link-anchor": _c("de pagina heeft geen kop met anker '#{anker}'", "the page has no "
                      "heading with anchor '#{anchor}'", "[les](/lessen/x/#kopp)",
                      "kies een van de genoemde ankers", "choose one of the anchors listed"),
    "link-unpublished": _c("de link wijst naar iets dat niet gepubliceerd is", "the link points "
                           "to something not published", "[x](../deals/concept.md)",
                           "publiceer het doel of haal de link weg", "publish the target or "
                           "remove the link", W),
    "image-remote": _c("een afbeelding van een andere website is weggehaald", "an image from "
                       "another website was removed", "![foto](https://elders.nl/f.jpg)",
                       "zet de afbeelding in static/", "put the image in static/", W),
    "image-src": _c("de afbeelding is geen bestand in static/", "the image is not a file in "
                    "static/", "![foto](foto.jpg)", "schrijf /static/foto.jpg",
                    "write /static/foto.jpg"),
    "url-unsafe": _c("een link met een onveilig adres is weggehaald", "a link with an unsafe "
                     "address was removed", "[x](javascript:alert(1))", "link naar https://",
                     "link to https://", W),
    "html-removed": _c("HTML die niet is toegestaan is weggehaald", "HTML that is not allowed "
                       "was removed", "<script>...</script>", "schrijf het in Markdown",
                       "write it in Markdown", W),
    "markdown-failed": _c("de tekst kon niet als Markdown verwerkt worden", "the text could "
                          "not be processed as Markdown", "(1000 geneste lijsten)",
                          "maak diep geneste lijsten minder diep", "make nested lists "
                          "shallower"),
    "link-space": _c("het adres '{adres}' bevat een spatie; de link verliest zo zijn adres",
                     "the address '{address}' holds a space; the link loses its address",
                     "[regels](https://example.org (de \"nieuwe\" regels))",
                     "schrijf [tekst](adres \"titel\") zonder \" in de titel",
                     "write [text](address \"title\") without \" inside the title", W),
    # --- unfinished content
    "placeholder-text": _c("hier staat nog voorbeeldtekst van 'reisgids new'", "placeholder "
                           "text from 'reisgids new' is still here",
                           "Beschrijf hier het gezamenlijke doel van de deal.",
                           "vervang de zin door je eigen tekst", "replace it with your own "
                           "text", W),
    "body-heading-only": _c("de tekst bestaat alleen uit koppen", "the text is only headings",
                            "## Doel", "schrijf onder de kop wat de lezer moet weten",
                            "write what the reader needs below the heading", W),
    # --- freshness and follow-up
    "stale": _c("de gegevens zijn lang niet gecontroleerd", "the data has not been checked "
                "for long", "reviewed: 2024-01-01", "controleer en zet 'reviewed:' op vandaag",
                "check and set 'reviewed:' to today", W),
    "stale-missing": _c("er staat niet bij wanneer de gegevens zijn gecontroleerd", "it does "
                        "not say when the data was checked", "(geen reviewed)",
                        "voeg 'reviewed: JJJJ-MM-DD' toe", "add 'reviewed: YYYY-MM-DD'", W),
    "deal-no-review": _c("de deal is afgelopen maar heeft geen schouw", "the deal ended but "
                         "has no review", "end: 2025-01-01", "schrijf een schouw in "
                         "content/reviews/", "write a review in content/reviews/", W),
    "lesson-uncited": _c("deze les staat na 12 maanden op geen kompasagenda", "this lesson is "
                         "on no compass agenda after 12 months", "change: policy",
                         "neem de les op in een agendapunt", "cite it in an agenda item", W),
    # --- area outlines, configuration, search
    "outline-json": _c("data/wijken.geojson is geen geldige JSON", "data/wijken.geojson is not "
                       "valid JSON", "{\"type\": \"FeatureCollection\",", "controleer komma's en "
                       "haakjes", "check commas and brackets"),
    "outline-shape": _c("de omtrekken hebben niet de verwachte vorm", "the outlines do not "
                        "have the expected shape", "(een feature zonder id)",
                        "geef elke feature een 'id' en een Polygon", "give each feature an "
                        "'id' and a Polygon"),
    "outline-coordinates": _c("de coördinaten van '{wijk}' kloppen niet",
                              "the coordinates of '{area}' are wrong",
                              "\"coordinates\": [[[\"4.4\", NaN]]]",
                              "exporteer de omtrek opnieuw als GeoJSON in WGS84",
                              "export the outline again as GeoJSON in WGS84"),
    "outline-orphan": _c("er is een omtrek zonder wijk", "there is an outline without an area",
                         "id: noordd", "maak de wijk aan of verbeter de id", "create the area "
                         "or fix the id", W),
    "config-missing": _c("reisgids.yml ontbreekt", "reisgids.yml is missing", "(geen "
                         "reisgids.yml)", "maak reisgids.yml aan met title en base_url",
                         "create reisgids.yml with title and base_url"),
    "search-index": _c("de zoekindex kan niet worden gemaakt", "the search index cannot be "
                       "made", "(Pagefind faalt)", "meld het aan de beheerder", "tell the "
                       "maintainer"),
    "search-pages": _c("de zoekindex mist pagina's", "the search index misses pages",
                       "(minder pagina's geïndexeerd)", "meld het aan de beheerder",
                       "tell the maintainer", W),
}


def missing_entry(code: str, where: str = "") -> str:
    """What to paste into CODES for a code the catalogue lacks (the failing test says it)."""
    place = f" (uitgegeven in {where})" if where else ""
    return (f"code '{code}'{place} staat niet in reisgids/codes.py; voeg toe aan CODES:\n"
            f'    "{code}": _c("<Nederlandse melding>", "<English message>", "<voorbeeld>",\n'
            f'                 "<oplossing>", "<fix>"),  # voeg W toe voor een waarschuwing\n'
            f"en draai `python -m reisgids.codes > docs/meldingen.md`")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_catalogue() -> str:
    """docs/meldingen.md: every code, grouped as in CODES, in Dutch with the English text."""
    lines = [
        "# Meldingen van reisgids",
        "",
        "<!-- gegenereerd: python -m reisgids.codes > docs/meldingen.md -->",
        "",
        "Elke melding van `reisgids check`, `build` en `serve` heeft een code tussen blokhaken,",
        "zoals `[schema-missing]`. Hieronder staat per code wat de melding zegt, een voorbeeld",
        "van de vergissing en hoe je hem oplost. Tekst tussen `{...}` wordt in de echte",
        "melding ingevuld. Een *fout* houdt de build tegen; een *waarschuwing* alleen onder",
        "`--strict`. Zie ook [de redactiegids](redactie.md).",
        "",
        "| code | soort | melding | voorbeeld | oplossing |",
        "| --- | --- | --- | --- | --- |",
    ]
    for code, entry in CODES.items():
        lines.append(
            f"| `{code}` | {entry.severity} | {_cell(entry.message.nl)}<br>"
            f"*{_cell(entry.message.en)}* | `{_cell(entry.example)}` | "
            f"{_cell(entry.fix.nl)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    sys.stdout.write(render_catalogue())


if __name__ == "__main__":
    main()
