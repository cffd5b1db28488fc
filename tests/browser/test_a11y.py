"""WCAG 2.1 AA on every page type of the example guide, at phone and desktop width.

One visit per (page type, viewport) checks everything at once, so a failure lists every
problem of that page: axe-core (tags wcag2a, wcag2aa, wcag21a, wcag21aa, plus the 2.5.8
`target-size` rule), one h1, <html lang="nl">, a skip link to <main>, landmarks, breadcrumbs
(every page but home), a visible focus indicator, targets of at least 24×24 CSS px (with
WCAG 2.5.8's inline and spacing exceptions), no request to a host other than 127.0.0.1, and
no console errors.

axe-core comes bundled with axe-playwright-python; it is evaluated in the page through the
DevTools protocol (`page.evaluate`), which the site's strict CSP does not block.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from conftest import REPO

if TYPE_CHECKING:
    from browser.conftest import Tab

pytestmark = pytest.mark.browser

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG},
               # WCAG 2.2's 2.5.8 (24px targets) is a requirement of the house style guide
               "rules": {"target-size": {"enabled": True}},
               "resultTypes": ["violations"]}
LOCAL_HOSTS = {"127.0.0.1"}
AXE = Axe()


@cache
def ui(key: str) -> str:
    """A Dutch UI string of the default theme (the names of landmarks and the skip link)."""
    strings: dict[str, str] = yaml.safe_load(
        (REPO / "reisgids/themes/default/i18n/nl.yml").read_text(encoding="utf-8"))
    return strings[key]


# --- checks that run inside the page -------------------------------------------------------

PAGE_FACTS = """() => {
  const TARGETS = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
                + '[tabindex]:not([tabindex="-1"])';
  const shown = el => {
    // checkVisibility() also knows the inside of a closed <details> is not rendered
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;  // .visually-hidden is 1×1
  };
  const describe = el => {
    const text = (el.textContent || el.getAttribute('aria-label') || el.name || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 50);
    const cls = el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const parent = el.parentElement.tagName.toLowerCase();
    return `${el.tagName.toLowerCase()}${cls} "${text}" in ${parent}`;
  };
  const focusable = [...document.querySelectorAll(TARGETS)].filter(el => !el.disabled);
  const targets = focusable.filter(shown);

  // skip link: the first thing to tab to, pointing at <main>
  const main = document.querySelector('main');
  const first = focusable[0];
  const skip = first && first.tagName === 'A' && main && main.id
    && first.getAttribute('href') === '#' + main.id ? first : null;

  // focus indicator: compare the computed style of a control with and without focus
  const PROPS = ['outline-style', 'outline-width', 'outline-color', 'box-shadow',
                 'background-color', 'border-color', 'text-decoration-line'];
  const styleOf = el => PROPS.map(p => getComputedStyle(el).getPropertyValue(p));
  const focusProblems = [];
  const checkFocus = (el, mustAppear) => {
    const before = styleOf(el);
    el.focus();
    if (document.activeElement !== el) {
      focusProblems.push(`${describe(el)}: cannot take focus`);
      return;
    }
    const after = styleOf(el);
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
      || s.boxShadow !== 'none';
    if (!ring || before.join('|') === after.join('|')) {
      focusProblems.push(`${describe(el)}: no visible focus indicator `
        + `(unfocused ${before.join(' / ')}; focused ${after.join(' / ')})`);
    }
    if (mustAppear) {
      const r = el.getBoundingClientRect();
      if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.width < 2) {
        focusProblems.push(`${describe(el)}: not on screen when focused`);
      }
    }
    el.blur();
  };
  if (skip) checkFocus(skip, true);
  const SAMPLES = ['header a[href]', 'header input', 'header button', 'nav a[href]',
                   'main a[href]', 'main button', 'main input', 'main select', 'main summary',
                   'main [tabindex="0"]', 'footer a[href]'];
  const sampled = new Set();
  for (const selector of SAMPLES) {
    const el = [...document.querySelectorAll(selector)].find(e => shown(e) && e !== skip);
    if (el && !sampled.has(el)) { sampled.add(el); checkFocus(el, false); }
  }

  // WCAG 2.5.8: 24×24 CSS px, unless inline in text or spaced so that a 24px circle on
  // each undersized target touches no other target (nor another undersized one's circle)
  const blockOf = el => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node;
  };
  const inText = el => {
    if (!getComputedStyle(el).display.startsWith('inline') || el.tagName !== 'A') return false;
    const block = blockOf(el);
    if (!block) return false;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest(TARGETS)) text += node.textContent;
    }
    return /[\\p{L}\\p{N}]/u.test(text);
  };
  const boxes = targets.map(el => {
    const r = el.getBoundingClientRect();
    // a link that wraps has one box per line: its bounding box would cover the text
    // beside it, so distances are measured to each line box
    return {el, r, rects: [...el.getClientRects()], cx: r.left + r.width / 2,
            cy: r.top + r.height / 2, small: r.width < 24 || r.height < 24};
  });
  const distance = (x, y, rect) => Math.hypot(
    x - Math.max(rect.left, Math.min(x, rect.right)),
    y - Math.max(rect.top, Math.min(y, rect.bottom)));
  const targetProblems = [];
  for (const a of boxes) {
    if (!a.small || inText(a.el)) continue;
    for (const b of boxes) {
      if (a === b || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const touches = b.small
        ? Math.hypot(a.cx - b.cx, a.cy - b.cy) < 24
        : Math.min(...b.rects.map(rect => distance(a.cx, a.cy, rect))) < 12;
      if (touches) {
        targetProblems.push(`${describe(a.el)} is ${Math.round(a.r.width)}×`
          + `${Math.round(a.r.height)} px and too close to ${describe(b.el)}`);
        break;
      }
    }
  }
  return {
    lang: document.documentElement.getAttribute('lang'),
    h1: [...document.querySelectorAll('h1')].map(h => h.textContent.trim()),
    h1Shown: [...document.querySelectorAll('h1')].filter(shown).length,
    skip: skip ? skip.textContent.trim() : null,
    firstFocusable: first ? describe(first) : null,
    focusProblems, targetProblems, targets: targets.length,
  };
}"""


def axe_report(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation and one per offending element: rule id, help, selectors."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} [{violation.get('impact')}]: {violation['help']} "
                     f"({violation['helpUrl']})")
        for node in violation["nodes"][:10]:
            summary = " ".join(node.get("failureSummary", "").split("\n")[1:2]).strip()
            lines.append(f"    at {' '.join(map(str, node['target']))}: {summary}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    ... and {len(violation['nodes']) - 10} more elements")
    return lines


def landmark_problems(tab: Tab, page_type: str) -> list[str]:
    """Landmarks as the accessibility tree has them (a <header> in an <article> is no
    banner); counted with Playwright's role locators."""
    page = tab.page
    problems = []
    for role in ("banner", "main", "contentinfo"):
        count = page.get_by_role(role).count()  # type: ignore[arg-type]
        if count != 1:
            problems.append(f"{count} {role} landmarks, expected 1")
    if page.get_by_role("navigation", name=ui("nav.main"), exact=True).count() != 1:
        problems.append(f"no navigation landmark named {ui('nav.main')!r}")
    crumbs = page.get_by_role("navigation", name=ui("nav.breadcrumbs"), exact=True).count()
    expected = 0 if page_type == "home" else 1
    if crumbs != expected:
        problems.append(f"{crumbs} breadcrumb navigations ({ui('nav.breadcrumbs')!r}), "
                        f"expected {expected}")
    return problems


def start_axe(tab: Tab) -> None:
    """Start axe-core in the page and return at once: the phone and desktop tabs live in
    separate renderer processes, so their runs overlap."""
    tab.page.evaluate(AXE.axe_script)
    tab.page.evaluate("options => { window.__axeRun = axe.run(document, options); }",
                      AXE_OPTIONS)


def axe_violations(tab: Tab) -> list[dict[str, Any]]:
    results: dict[str, Any] = tab.page.evaluate("() => window.__axeRun")
    violations: list[dict[str, Any]] = results["violations"]
    return violations


def page_problems(tab: Tab, page_type: str, status: int) -> dict[str, list[str]]:
    """Everything wrong with the page open in `tab`, by sort of problem."""
    problems: dict[str, list[str]] = {"http": [] if status == 200 else [f"status {status}"]}
    problems["axe"] = axe_report(axe_violations(tab))
    facts = tab.page.evaluate(PAGE_FACTS)
    structure = []
    if facts["lang"] != "nl":
        structure.append(f'<html lang="{facts["lang"]}">, expected "nl"')
    if len(facts["h1"]) != 1 or facts["h1Shown"] != 1:
        structure.append(f"h1 elements (shown: {facts['h1Shown']}): {facts['h1']}, expected one")
    if facts["skip"] != ui("nav.skip"):
        structure.append(f"the first focusable element is {facts['firstFocusable']}, "
                         f"not a skip link {ui('nav.skip')!r} to <main>")
    structure += landmark_problems(tab, page_type)
    # the map: an image, or (when other areas are links) a group named by its <title>
    maps = tab.page.locator("main svg[role=img][aria-labelledby], "
                            "main svg[role=group][aria-labelledby]")
    if page_type == "detail-area" and maps.count() != 1:
        structure.append("the area page has no named SVG map (svg role=img|group in main)")
    if page_type in ("detail-area", "overview-area"):
        nameless = tab.page.locator("main svg a:not([aria-label])").count()
        if nameless or not tab.page.locator("main svg a[aria-label]").count():
            structure.append(f"the map's areas are no named links ({nameless} without a name)")
    if facts["targets"] == 0:
        structure.append("no interactive element found at all")
    problems["structure"] = structure
    problems["focus"] = facts["focusProblems"]
    problems["target size"] = facts["targetProblems"]
    problems["third-party requests"] = sorted(
        {u for u in tab.requests
         if urlsplit(u).scheme in ("http", "https", "ws", "wss")
         and urlsplit(u).hostname not in LOCAL_HOSTS})
    problems["console"] = list(tab.errors)
    return {kind: lines for kind, lines in problems.items() if lines}


def test_page_meets_wcag_21_aa(tabs: dict[str, Tab], page_type_urls: dict[str, str],
                               page_type: str) -> None:
    """At phone (390×844) and desktop (1280×900) width."""
    url = page_type_urls[page_type]
    statuses = {name: tab.open(url) for name, tab in tabs.items()}
    for tab in tabs.values():
        start_axe(tab)
    report = []
    for name, tab in tabs.items():
        for kind, lines in page_problems(tab, page_type, statuses[name]).items():
            report.append(f"{name} width, {kind}:")
            report += [f"  {line}" for line in lines]
    assert not report, f"{page_type} ({url}):\n" + "\n".join(report)


# A new guide (`reisgids init`): its empty states and the standard pages meet the same bar.
NEW_GUIDE_URLS = {"home": "/", "list-empty": "/deals/", "compass-empty": "/kompas/",
                  "statement": "/toegankelijkheid/"}


@pytest.fixture(scope="session")
def new_guide_url(tmp_path_factory: pytest.TempPathFactory,
                  serve_folder: Any) -> str:
    from conftest import NOW, run_cli

    root = tmp_path_factory.mktemp("new-guide")
    assert run_cli("init", str(root / "gids")).returncode == 0
    result = run_cli("build", str(root / "gids"), "--out", str(root / "out"), "--now", NOW)
    assert result.returncode == 0, result.stderr
    url: str = serve_folder(root / "out")
    return url


@pytest.mark.parametrize("name", list(NEW_GUIDE_URLS))
def test_new_guide_meets_wcag_21_aa(tabs: dict[str, Tab], new_guide_url: str,
                                    name: str) -> None:
    url = new_guide_url + NEW_GUIDE_URLS[name]
    statuses = {viewport: tab.open(url) for viewport, tab in tabs.items()}
    for tab in tabs.values():
        start_axe(tab)
    report = []
    for viewport, tab in tabs.items():
        page_type = "home" if name == "home" else name
        for kind, lines in page_problems(tab, page_type, statuses[viewport]).items():
            report.append(f"{viewport} width, {kind}:")
            report += [f"  {line}" for line in lines]
    assert not report, f"new guide {name} ({url}):\n" + "\n".join(report)
