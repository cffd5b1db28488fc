"""`reisgids build` end to end: the basic site, determinism, the atomic swap, static files,
drafts, publish and expiry dates against "now", and exit codes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import NOW, REPO

from reisgids.source.discover import discover
from reisgids.source.kinds import KINDS

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"

# every kind of the basic site, and the page it must produce
ENTRY_PAGES = {
    "deal": "deals/samen-eten/index.html",
    "project": "projecten/buurtkamer/index.html",
    "partner": "partners/buurtkracht/index.html",
    "instrument": "instrumenten/wijkbudget/index.html",
    "review": "schouwen/schouw-samen-eten/index.html",
    "lesson": "lessen/vaste-coordinator/index.html",
    "compass-edition": "kompas/2026/index.html",
    "agenda-item": "kompas/agenda/meerjarige-coordinatie/index.html",
    "news": "nieuws/maaltijd-gestart/index.html",
    "story": "verhalen/aan-tafel/index.html",
    "event": "agenda/kookworkshop/index.html",
    "listing": "marktplaats/koks-gezocht/index.html",
    "area": "wijken/middenwijk/index.html",
    "page": "over/index.html",
}


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path = REPO
        ) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess, without the caller's SOURCE_DATE_EPOCH unless given."""
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run([sys.executable, "-m", "reisgids", *args], cwd=cwd,
                          env={**base, **(env or {})}, capture_output=True, text=True,
                          timeout=300, check=False)


def build(site: Path, out: Path, *extra: str, env: dict[str, str] | None = None,
          now: str | None = NOW) -> subprocess.CompletedProcess[str]:
    args = ["build", str(site), "--out", str(out), *extra]
    if now is not None:
        args += ["--now", now]
    return cli(*args, env=env)


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def tree(root: Path) -> dict[str, str]:
    """Every file under root (relative POSIX path) with the SHA-256 of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def copy_basic(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(BASIC, site)
    return site


def write(site: Path, rel: str, text: str) -> Path:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def epoch(day: str) -> str:
    return str(int(datetime.fromisoformat(day).replace(hour=12, tzinfo=UTC).timestamp()))


@pytest.fixture(scope="module")
def basic_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("basic") / "output"
    result = ok(build(BASIC, out))
    assert result.stderr == "", result.stderr
    return out


# ---- the basic site ----

def test_basic_site_has_one_of_every_kind() -> None:
    files, problems = discover(BASIC)
    assert problems == []
    assert {f.kind for f in files} == set(KINDS) == set(ENTRY_PAGES)
    assert (BASIC / "data" / "areas.geojson").is_file()
    assert any((BASIC / "static").rglob("*.png"))


def test_basic_site_builds_every_page(basic_out: Path) -> None:
    assert (basic_out / "index.html").is_file()
    for kind, page in ENTRY_PAGES.items():
        assert (basic_out / page).is_file(), f"{kind}: {page} missing"
        html = (basic_out / page).read_text(encoding="utf-8")
        assert "<html" in html and "</html>" in html


def test_basic_site_has_no_staging_left(basic_out: Path) -> None:
    assert sorted(p.name for p in basic_out.parent.iterdir()) == ["output"]


def test_check_strict_on_the_basic_site_is_silent() -> None:
    result = ok(cli("check", str(BASIC), "--strict", "--now", NOW))
    assert result.stderr == ""


def test_static_files_are_copied_as_they_are(basic_out: Path) -> None:
    source = BASIC / "static" / "img" / "maaltijd.png"
    assert (basic_out / "static" / "img" / "maaltijd.png").read_bytes() == source.read_bytes()


def test_rendered_links_are_rewritten(basic_out: Path) -> None:
    html = (basic_out / ENTRY_PAGES["deal"]).read_text(encoding="utf-8")
    assert "/gids/schouwen/schouw-samen-eten/#wat-opviel" in html
    assert "../reviews/schouw-samen-eten.md" not in html


# ---- determinism ----

def test_two_builds_are_byte_identical(basic_out: Path, tmp_path: Path) -> None:
    other = tmp_path / "elders" / "uit"
    ok(build(BASIC, other, env={"TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "12345",
                                "LC_ALL": "C"}))
    assert tree(other) == tree(basic_out)


def test_same_bytes_from_source_date_epoch_as_from_now(basic_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok(build(BASIC, out, now=None, env={"SOURCE_DATE_EPOCH": epoch(NOW), "TZ": "America/Adak",
                                        "PYTHONHASHSEED": "1"}))
    assert tree(out) == tree(basic_out)


def test_crlf_and_bom_build_the_same_site(basic_out: Path, tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    for path in [site / "reisgids.yml", *sorted((site / "content").rglob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "out"
    result = ok(build(site, out))
    assert result.stderr == ""
    assert tree(out) == tree(basic_out)


# ---- the atomic swap ----

def test_a_failing_build_leaves_the_previous_output_as_it_was(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    out = tmp_path / "out"
    ok(build(site, out, "--no-search"))
    before = tree(out)
    write(site, "content/pages/kapot.md", "---\ntitle: Kapot\ndraft: ja\n---\n")
    result = build(site, out, "--no-search")
    assert result.returncode == 1
    assert "content/pages/kapot.md:3:8: fout [schema-bool]" in result.stderr
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


def test_an_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    out = tmp_path / "out"
    ok(build(site, out))
    write(out, "oud/verouderd.html", "<p>van een vorige build</p>")
    (out / "deals" / "samen-eten" / "extra.txt").write_text("x", encoding="utf-8")
    (site / "content" / "news" / "maaltijd-gestart.md").unlink()
    ok(build(site, out))
    assert not (out / "oud").exists()
    assert not (out / "deals" / "samen-eten" / "extra.txt").exists()
    assert not (out / ENTRY_PAGES["news"]).exists()
    assert (out / ENTRY_PAGES["deal"]).is_file()
    # beside it only the replaced output's folders, without a file, for the next build
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.folders", "out", "site"]
    assert not [p for p in (tmp_path / ".out.folders").rglob("*") if not p.is_dir()]


def test_the_default_output_folder(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    ok(cli("build", str(site), "--now", NOW, "--no-search"))
    assert (site / "output" / "index.html").is_file()


# ---- drafts, publish and expiry dates ----

def test_drafts_only_with_drafts(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    write(site, "content/pages/concept.md", "---\ntitle: Concept\ndraft: true\n---\nNog niet.\n")
    ok(build(site, tmp_path / "zonder", "--no-search"))
    assert not (tmp_path / "zonder" / "concept" / "index.html").exists()
    ok(build(site, tmp_path / "met", "--drafts", "--no-search"))
    assert (tmp_path / "met" / "concept" / "index.html").is_file()


@pytest.fixture(scope="module")
def dated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The basic site with a page that appears on 1 December and one that expires on
    30 November (visible on that day, gone the day after)."""
    site = copy_basic(tmp_path_factory.mktemp("dated"))
    write(site, "content/pages/straks.md", "---\ntitle: Straks\npublish_date: 2026-12-01\n---\n")
    write(site, "content/pages/tijdelijk.md",
          "---\ntitle: Tijdelijk\nexpiry_date: 2026-11-30\n---\n")
    return site


def visible(out: Path) -> dict[str, bool]:
    return {slug: (out / slug / "index.html").is_file() for slug in ("straks", "tijdelijk")}


@pytest.mark.parametrize(("now", "expected"), [
    ("2026-11-30", {"straks": False, "tijdelijk": True}),
    ("2026-12-01", {"straks": True, "tijdelijk": False}),
])
def test_publish_and_expiry_dates_against_now(dated_site: Path, tmp_path: Path, now: str,
                                              expected: dict[str, bool]) -> None:
    out = tmp_path / "out"
    ok(build(dated_site, out, "--no-search", now=now))
    assert visible(out) == expected


@pytest.mark.parametrize(("day", "expected"), [
    ("2026-11-30", {"straks": False, "tijdelijk": True}),
    ("2026-12-01", {"straks": True, "tijdelijk": False}),
])
def test_publish_and_expiry_dates_against_source_date_epoch(
        dated_site: Path, tmp_path: Path, day: str, expected: dict[str, bool]) -> None:
    out = tmp_path / "out"
    ok(build(dated_site, out, "--no-search", now=None, env={"SOURCE_DATE_EPOCH": epoch(day)}))
    assert visible(out) == expected


def test_now_wins_over_source_date_epoch(dated_site: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok(build(dated_site, out, "--no-search", now="2026-11-30",
             env={"SOURCE_DATE_EPOCH": epoch("2027-01-01")}))
    assert visible(out) == {"straks": False, "tijdelijk": True}


def test_source_date_epoch_is_a_utc_date(dated_site: Path, tmp_path: Path) -> None:
    """23:30 UTC on 30 November is already 1 December in Amsterdam; "now" is the UTC date."""
    late = int(datetime(2026, 11, 30, 23, 30, tzinfo=UTC).timestamp())
    out = tmp_path / "out"
    ok(build(dated_site, out, "--no-search", now=None,
             env={"SOURCE_DATE_EPOCH": str(late), "TZ": "Europe/Amsterdam"}))
    assert visible(out) == {"straks": False, "tijdelijk": True}


# ---- large and unusual files that must simply work ----

def test_a_9_mb_body_is_refused_with_a_message_and_nothing_written(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    paragraph = ("Samen eten in de wijk helpt tegen eenzaamheid, zeggen bewoners en partners. "
                 * 8 + "\n\n")
    body = "## Een lang verslag\n\n" + paragraph * (9_000_000 // len(paragraph) + 1)
    assert len(body.encode()) > 9_000_000
    write(site, "content/pages/lang.md", "---\ntitle: Lang\n---\n" + body)
    out = tmp_path / "out"
    result = build(site, out, "--no-search")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "content/pages/lang.md:4:1: fout [body-too-large]" in result.stderr
    assert not out.exists()


def test_a_long_body_under_the_limit_builds(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    paragraph = "Samen eten in de wijk helpt tegen eenzaamheid. " * 8 + "\n\n"
    body = "## Een lang verslag\n\n" + paragraph * (200_000 // len(paragraph))
    write(site, "content/pages/lang.md", "---\ntitle: Lang\n---\n" + body)
    out = tmp_path / "out"
    ok(build(site, out, "--no-search"))
    assert len((out / "lang" / "index.html").read_text(encoding="utf-8")) > 190_000


# ---- exit codes ----

def test_exit_code_0_1_2(tmp_path: Path) -> None:
    site = copy_basic(tmp_path)
    assert ok(build(site, tmp_path / "a", "--no-search")).returncode == 0
    unknown = cli("build", str(site), "--onbekend")
    assert unknown.returncode == 2, unknown.stderr
    assert "Traceback" not in unknown.stderr
    assert cli("build", str(tmp_path / "bestaat-niet")).returncode == 2
    assert cli("build", str(site), "--now", "22-11-2026").returncode == 2
    assert cli("bouw", str(site)).returncode == 2
    write(site, "content/pages/kapot.md", "---\ntitle: [\n---\n")
    broken = build(site, tmp_path / "b")
    assert broken.returncode == 1
    assert "Traceback" not in broken.stdout + broken.stderr


@pytest.mark.parametrize("out", [".", "..", "content", "content/pages", "static", "data",
                                 "themes"])
def test_the_output_may_not_replace_the_sources(tmp_path: Path, out: str) -> None:
    site = copy_basic(tmp_path / "a")
    before = tree(tmp_path)
    result = cli("build", str(site), "--out", str(site / out), "--now", NOW)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "--out" in result.stderr
    assert tree(tmp_path) == before


def test_a_source_date_epoch_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    result = build(BASIC, tmp_path / "out", now=None,
                   env={"SOURCE_DATE_EPOCH": "99999999999999999999"})
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "SOURCE_DATE_EPOCH" in result.stderr
    assert not (tmp_path / "out").exists()
