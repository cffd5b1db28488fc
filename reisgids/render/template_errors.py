"""A template that fails is a diagnostic at the template's file and line, not a traceback.

A site may override any template of its theme, so a typo, an undefined name, a missing
`{% include %}` or a reach for `__globals__` (stopped by the sandbox) are content errors
like a bad YAML field: exit 1, with the place to fix it.
"""

from __future__ import annotations

import traceback
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError

from reisgids.errors import Diagnostic, Location, Text, error
from reisgids.render.template_budget import MAX_STEPS, BudgetExceeded

# What a template can get wrong; anything else is a bug in reisgids.
TEMPLATE_ERRORS = (jinja2.TemplateError, SecurityError, TypeError, ValueError, ArithmeticError,
                   LookupError, RecursionError)


def _shown(filename: str | None, root: Path | None) -> str | None:
    """A site-relative path for a template of the site; a short name for a built-in one."""
    if not filename:
        return None
    path = Path(filename)
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    parts = path.parts
    if "themes" in parts:  # reisgids/themes/default/templates/x.html
        return "/".join(parts[parts.index("themes"):])
    return path.name


def _place(exc: BaseException, root: Path | None, page_template: str) -> Location:
    """The innermost template frame of the error (Jinja rewrites tracebacks so that its
    frames carry the template's file name and line)."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        shown = _shown(exc.filename, root) or exc.name or page_template
        return Location(shown, exc.lineno or 1)
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2", ".jinja")):
            return Location(_shown(frame.filename, root) or page_template, frame.lineno or 1)
    if isinstance(exc, BudgetExceeded) and exc.filename:  # the page as a whole was too big
        return Location(_shown(exc.filename, root) or page_template, 1)
    return Location(f"templates/{page_template}")


def _what(exc: BaseException) -> Text:
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    if isinstance(exc, BudgetExceeded):
        steps = f"{MAX_STEPS:,}".replace(",", ".")
        return Text(f"het sjabloon maakt te veel ({exc.nl}); een pagina mag hooguit "
                    f"{steps} lusstappen zetten en 32 MiB groot worden",
                    f"the template makes too much ({detail}); a page may take at most "
                    f"{MAX_STEPS:,} loop steps and be at most 32 MiB")
    if isinstance(exc, SecurityError):
        return Text(f"het sjabloon probeert iets wat niet mag ({detail})",
                    f"the template tries something it may not do ({detail})")
    if isinstance(exc, jinja2.TemplateNotFound):
        return Text(f"het sjabloon '{exc.name}' bestaat niet",
                    f"the template '{exc.name}' does not exist")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Text(f"schrijffout in het sjabloon: {detail}",
                    f"syntax error in the template: {detail}")
    if isinstance(exc, jinja2.UndefinedError):
        return Text(f"onbekende naam in het sjabloon: {detail}",
                    f"unknown name in the template: {detail}")
    return Text(f"het sjabloon faalt: {detail}", f"the template fails: {detail}")


def template_problem(exc: BaseException, root: Path | None, page_template: str) -> Diagnostic:
    code = ("template-budget" if isinstance(exc, BudgetExceeded) else
            "template-unsafe" if isinstance(exc, SecurityError) else "template-error")
    hint = (Text("sjablonen tonen alleen de gegevens die ze krijgen: geen interne "
                 "attributen (__...__) en geen reusachtige herhalingen",
                 "templates only show the data they are given: no internal attributes "
                 "(__...__) and no gigantic repetitions") if code == "template-unsafe"
            else Text("haal de lus in de lus of de steeds langere tekst weg; een lijst van "
                      "alle items heeft één lus nodig",
                      "remove the loop inside a loop or the ever longer text; a list of all "
                      "items needs one loop") if code == "template-budget"
            else Text("vergelijk met het sjabloon van het ingebouwde thema "
                      "(reisgids/themes/default/templates/)",
                      "compare with the built-in theme's template "
                      "(reisgids/themes/default/templates/)"))
    return error(code, _place(exc, root, page_template), _what(exc), hint=hint)


def is_template_fault(exc: BaseException, root: Path | None) -> bool:
    """Jinja's own errors always are; a Python error (1/0, 'a' + 1) only when a template of
    the site raised it — in a built-in template it is a bug in reisgids."""
    if isinstance(exc, jinja2.TemplateError | SecurityError):
        return True
    if root is None:
        return False
    site = root.resolve()
    return any(Path(f.filename).resolve().is_relative_to(site)
               for f in traceback.extract_tb(exc.__traceback__))
