"""The web editor end to end: `reisgids serve --editor` (the real CLI) on a copy of the
example guide, Decap CMS in Debian chromium, the local backend writing the files.

Creates a deal through the form (a phase, two partners, a contribution), edits a lesson's
summary, uploads an image into a news item, and checks the files on disk, `reisgids check
--strict` and the live preview; then saves one entry of every kind with a changed title and
checks each diff is that one line. axe-core on the editor's pages is reported, not asserted
(third-party UI).
"""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from conftest import NOW, REPO  # tests/conftest.py
from playwright.sync_api import Page, expect

from reisgids.source.kinds import FOLDERS

pytestmark = pytest.mark.browser

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
SERVING = re.compile(r"http://127\.0\.0\.1:(\d+)/")
LESSON = "aanbesteding-wist-lokale-afspraken"
AXE = Axe()
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a",
                                                     "wcag21aa"]},
               "resultTypes": ["violations"]}
AXE_REPORT = REPO / "tests" / "artifacts" / "editor-axe.txt"


def _axe(page: Page, name: str, report: list[str]) -> None:
    """Decap's UI is third-party: what axe finds is reported (docs/editor.md), not asserted."""
    page.evaluate(AXE.axe_script)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    report.append(f"== {name}: {len(result['violations'])} rules violated")
    for violation in result["violations"]:
        report.append(f"{violation['id']} [{violation.get('impact')}] "
                      f"{len(violation['nodes'])}x: {violation['help']}")
        for node in violation["nodes"][:3]:
            report.append(f"    at {' '.join(map(str, node['target']))}")


def _git(site: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(site), *args], check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def editor_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A git copy of the example guide, served with --editor; stops at the end."""
    site = tmp_path / "site"
    site.mkdir()
    for name in ("content", "data", "static"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, site / name)
    shutil.copy(REPO / "reisgids.yml", site / "reisgids.yml")
    _git(site, "init", "-q")
    _git(site, "add", "-A")
    _git(site, "-c", "user.email=test@example.org", "-c", "user.name=test", "commit", "-qm",
         "start")
    process = subprocess.Popen(
        [sys.executable, "-m", "reisgids", "serve", str(site), "--port", "0", "--editor",
         "--now", NOW, "--out", str(tmp_path / "preview")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert process.stdout is not None
        port = None
        for line in process.stdout:
            match = SERVING.search(line)
            if match and ("serveert" in line or "serving" in line):
                port = match[1]
                break
        assert port is not None, "serve did not start"
        yield site, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_for(predicate: object, what: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status)
    except OSError as exc:
        return int(getattr(exc, "code", 0) or 0)


def _choose(page: Page, field: object, text: str) -> None:
    """Pick `text` in a react-select (select and relation widgets) by typing it."""
    field.click()  # type: ignore[attr-defined]
    field.fill(text)  # type: ignore[attr-defined]
    option = page.get_by_role("option", name=text, exact=True)
    option.first.wait_for()
    option.first.click()


def _login(page: Page, url: str, report: list[str]) -> None:
    page.goto(f"{url}/admin/")
    login = page.get_by_role("button", name="Inloggen")
    login.wait_for()
    _axe(page, "login", report)
    login.click()
    expect(page.get_by_role("link", name="Deals").first).to_be_visible(timeout=30_000)
    page.get_by_role("link", name="Deals").first.click()
    page.get_by_text("Basisbanen in de wijk", exact=False).first.wait_for()
    _axe(page, "collection (deals)", report)


def _publish(page: Page) -> None:
    page.get_by_role("button", name="Publiceer").click()
    page.get_by_text("Publiceer nu", exact=True).click()


def _check(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reisgids", "check", str(site), "--strict",
                           "--now", NOW], capture_output=True, text=True)


def test_create_a_deal_and_edit_a_lesson(page: Page, editor_site: tuple[Path, str]) -> None:
    site, url = editor_site
    page.set_default_timeout(20_000)
    report: list[str] = []
    _login(page, url, report)

    page.goto(f"{url}/admin/#/collections/deal/new")
    page.get_by_label("Titel", exact=True).wait_for()
    _axe(page, "new deal form", report)
    AXE_REPORT.parent.mkdir(exist_ok=True)
    AXE_REPORT.write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    page.get_by_label("Titel", exact=True).fill("Buurtkeuken Hillesluis")
    page.get_by_label("Samenvatting", exact=True).fill(
        "Buren koken samen: een vaste maaltijd per week, gemaakt en gedeeld in de wijk.")
    page.get_by_label("Doel", exact=True).fill("Minder mensen die alleen eten.")
    _choose(page, page.get_by_label("Fase", exact=True), "Uitvoering")
    add = page.get_by_role("button", name=re.compile("Voeg partners toe"))
    for index, (partner, role, gives) in enumerate((
            ("Achmea", "Financier", "Geld"), ("Albeda College", "Partner", "Kennis"))):
        add.click()
        _choose(page, page.get_by_label("Partner", exact=True).nth(index), partner)
        _choose(page, page.get_by_label("Rol", exact=True).nth(index), role)
        _choose(page, page.get_by_label(re.compile(r"^Inbreng")).nth(index), gives)
    _publish(page)

    deal = site / "content" / "deals" / "buurtkeuken-hillesluis.md"
    _wait_for(deal.is_file, "the deal file")
    text = deal.read_text(encoding="utf-8")
    assert text == (
        "---\n"
        "title: Buurtkeuken Hillesluis\n"
        'summary: "Buren koken samen: een vaste maaltijd per week, gemaakt en gedeeld in de '
        'wijk."\n'
        "goal: Minder mensen die alleen eten.\n"
        "phase: execution\n"
        "partners:\n"
        "  - partner: achmea\n"
        "    role: funder\n"
        "    contributions:\n"
        "      - money\n"
        "  - partner: albeda-college\n"
        "    role: partner\n"
        "    contributions:\n"
        "      - knowledge\n"
        "---\n"), text
    checked = _check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    preview = f"{url}/deals/buurtkeuken-hillesluis/"
    _wait_for(lambda: _status(preview) == 200, "the live preview")
    page.goto(preview)
    expect(page.get_by_role("heading", level=1)).to_have_text("Buurtkeuken Hillesluis")

    # edit an existing lesson (still logged in): the diff touches the summary line only
    page.goto(f"{url}/admin/#/collections/lesson/entries/{LESSON}")
    summary = page.get_by_label("Samenvatting", exact=True)
    expect(summary).not_to_have_value("", timeout=30_000)
    summary.fill("Een aanbesteding kan lokale afspraken over stages en ketenzorg wegvagen.")
    _publish(page)
    lesson = f"content/lessons/{LESSON}.md"
    _wait_for(lambda: bool(_git(site, "diff", "--stat", "--", lesson)), "the lesson change")
    diff = _git(site, "diff", "-U0", "--", lesson)
    changed = [line for line in diff.splitlines()
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert changed == [
        next(line for line in diff.splitlines() if line.startswith("-summary: ")),
        "+summary: Een aanbesteding kan lokale afspraken over stages en ketenzorg wegvagen.",
    ], diff
    checked = _check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    # an image uploaded through the editor lands in static/uploads/ and passes the check
    upload = site.parent / "buurtkeuken.png"
    upload.write_bytes(PNG)
    page.goto(f"{url}/admin/#/collections/news/new")
    page.get_by_label("Titel", exact=True).fill("Foto van de buurtkeuken")
    page.get_by_label("Datum", exact=True).fill("2026-11-20")
    page.get_by_role("button", name="Kies een afbeelding").click()
    page.locator("input[type=file]").set_input_files(upload)
    page.get_by_role("button", name="Gebruik selectie").click()
    page.get_by_label(re.compile("^Beschrijving van de afbeelding")).fill("Buren aan tafel")
    _publish(page)
    news = site / "content" / "news" / "foto-van-de-buurtkeuken.md"
    _wait_for(news.is_file, "the news file")
    assert (site / "static" / "uploads" / "buurtkeuken.png").read_bytes() == PNG
    assert news.read_text(encoding="utf-8") == (
        "---\ntitle: Foto van de buurtkeuken\ndate: 2026-11-20\n"
        "image: /static/uploads/buurtkeuken.png\nimage_alt: Buren aan tafel\n---\n")
    checked = _check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_kind_saves_back_with_a_one_line_diff(page: Page,
                                                    editor_site: tuple[Path, str]) -> None:
    """Open one entry of every kind, change its title, save: only the title line changes
    (and Decap's form accepts every example entry as it is)."""
    site, url = editor_site
    page.set_default_timeout(20_000)
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved changes?"
    _login(page, url, [])
    for folder, kind in FOLDERS.items():
        entries = sorted((site / "content" / folder).glob("*.md"))
        # an adopted edition is frozen (retitling it is `edition-frozen`, by design): take
        # the concept edition, which stays live
        first = entries[-1] if kind == "compass-edition" else entries[0]
        rel = first.relative_to(site).as_posix()
        # through the list: going from one entry's form straight to another's by URL,
        # Decap 3.16 keeps the first one's values in the form
        page.goto(f"{url}/admin/#/collections/{kind}")
        page.get_by_role("link", name=re.compile("Nieuw|Nieuwe")).first.wait_for()
        page.goto(f"{url}/admin/#/collections/{kind}/entries/{first.stem}")
        title = page.get_by_label("Titel", exact=True).first
        expect(title).not_to_have_value("", timeout=30_000)
        old = title.input_value()
        title.fill(old + " (bijgewerkt)")
        _publish(page)
        _wait_for(lambda rel=rel: bool(_git(site, "diff", "--stat", "--", rel)), rel)
        diff = _git(site, "diff", "-U0", "--", rel)
        changed = [line for line in diff.splitlines()
                   if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        assert len(changed) == 2 and changed[0].startswith("-title:"), diff
        assert changed[1].startswith("+title:") and "(bijgewerkt)" in changed[1], diff
    checked = _check(site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
