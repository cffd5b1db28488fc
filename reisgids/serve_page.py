"""What `reisgids serve` adds to the pages it serves: after a failed build, a banner with the
diagnostics (each with its source line and a caret, as the terminal shows them), all text
escaped; and a page of its own where no built page answers. The files on disk are never
touched."""

from __future__ import annotations

import html
import re

from reisgids.errors import Report
from reisgids.excerpt import SourceLines, excerpt

BANNER_CSS_URL = "/__reisgids__/serve.css"
HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def say(language: str, nl: str, en: str) -> str:
    return en if language == "en" else nl


def banner_html(report: Report, language: str, *, has_previous: bool,
                internal: str | None = None, sources: SourceLines | None = None) -> bytes:
    """The banner shown over every page after a failed build; all text escaped. With
    `sources`, each diagnostic shows its source line with a caret, as the terminal does."""
    esc = html.escape
    lines = [f'<div id="reisgids-serve-fouten" role="alert" lang="{esc(language)}">',
             "<p><strong>" + esc(say(language, "Bouwen mislukt.", "Build failed.")) + "</strong> "
             + esc(say(language, "Je ziet de laatste versie die wel lukte."
                        if has_previous else "Er is nog geen versie die wel lukte.",
                        "You are looking at the last build that worked."
                        if has_previous else "No build has worked yet."))
             + " " + esc(say(language, "Deze melding verdwijnt na de volgende geslaagde build.",
                              "This notice goes away after the next build that works."))
             + "</p>"]
    if internal is not None:
        lines.append("<p>" + esc(say(
            language, "Interne fout in reisgids (geen fout in de inhoud); zie de terminal: ",
            "Internal error in reisgids (not in the content); see the terminal: "))
            + f"<code>{esc(internal)}</code></p>")
    items = report.sorted()
    if items:
        lines.append("<ul>")
        for d in items:
            severity = say(language, "fout" if d.is_error else "waarschuwing",
                            "error" if d.is_error else "warning")
            shown = excerpt(d, sources) if sources is not None else None
            where = str(d.location) + (f":{shown[0]}" if shown is not None else "")
            parts = [f'<code class="plek">{esc(where)}</code>',
                     f'<span class="{esc(d.severity.value)}">{esc(severity)}</span>',
                     f'<code class="code">[{esc(d.code)}]</code>']
            if d.field:
                parts.append(f'<code class="veld">{esc(d.field)}</code>:')
            parts.append(f'<span class="bericht">{esc(d.message.get(language))}</span>')
            if d.hint is not None:
                parts.append(f'<span class="hint">— {esc(d.hint.get(language))}</span>')
            if shown is not None:  # <pre> keeps the caret under its spot
                parts.append('<pre class="bron">' + esc("\n".join(shown[1])) + "</pre>")
            lines.append("<li>" + " ".join(parts) + "</li>")
        lines.append("</ul>")
        lines.append(f"<p>{esc(report.summary(language))}</p>")
    lines.append("</div>")
    return "\n".join(lines).encode("utf-8")


BANNER_CSS = """\
#reisgids-serve-fouten { position: relative; z-index: 2147483647; margin: 0;
  padding: 1rem 1.25rem; max-height: 60vh; overflow: auto; background: #fff4f4;
  color: #1a1a1a; border-bottom: 4px solid #b00020; font: 1rem/1.5 system-ui, sans-serif; }
#reisgids-serve-fouten p { margin: 0 0 .5rem; }
#reisgids-serve-fouten ul { margin: 0 0 .5rem; padding-left: 1.25rem; }
#reisgids-serve-fouten li { margin: .25rem 0; }
#reisgids-serve-fouten code { font: .95em/1.4 ui-monospace, monospace; }
#reisgids-serve-fouten .error { color: #b00020; font-weight: bold; }
#reisgids-serve-fouten .warning { color: #7a4d00; font-weight: bold; }
#reisgids-serve-fouten .hint { color: #333; }
#reisgids-serve-fouten pre.bron { margin: .25rem 0 0; padding: .25rem .5rem; overflow-x: auto;
  background: #fff; border-left: 3px solid #b00020; font: .9em/1.3 ui-monospace, monospace; }
"""


def decorate(page: bytes, head: bytes, banner: bytes | None) -> bytes:
    """`head` before </head>, `banner` right after <body ...>; the page is otherwise as built."""
    end = HEAD_END.search(page)
    if end is not None:
        page = page[:end.start()] + head + page[end.start():]
        after_head = end.start() + len(head)
    else:
        page = head + page
        after_head = len(head)
    if banner is not None:
        body = BODY_START.search(page, after_head)
        at = body.end() if body is not None else after_head
        page = page[:at] + banner + page[at:]
    return page


def standalone_page(language: str, title: str) -> bytes:
    """For a request with no built page behind it (nothing built yet, or not found)."""
    esc = html.escape
    return (f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(title)}</title>\n</head>\n<body>\n<main><h1>{esc(title)}</h1></main>\n"
            "</body>\n</html>\n").encode()
