"""`reisgids check`: every finding once, sorted, in the site's language, then a summary."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import MINIMAL_CONFIG, NOW, SiteFactory, run_cli

BASIC = Path(__file__).resolve().parent.parent / "sites" / "basic"
DIAGNOSTIC = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):\d+: (?P<label>\S+) \[(?P<code>[a-z0-9-]+)\]")

PARTNER_WITHOUT_CONTACT = "---\ntitle: Buurtkracht\ntype: initiatief\n---\n"
DEAL = """\
---
title: Samen eten
summary: Samen eten tegen eenzaamheid.
goal: Minder eenzaamheid.
phase: uitvoerng
partners:
  - partner: buurtkracht
    role: initiator
  - partner: buurtkracht
    role: funder
---
"""
PAGE_WITH_PROBLEMS = """\
---
title: Over
draft: ja
themes: [eenzaamheid]
tags: [a]
tags2: [b]
updated: gisteren
summary: Over de gids.
image: /static/weg.png
---
"""


def check(site: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("check", str(site), "--now", NOW, *args)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr


def diagnostics(stderr: str) -> list[tuple[str, int, str, str]]:
    return [(m["path"], int(m["line"]), m["label"], m["code"])
            for m in map(DIAGNOSTIC.match, stderr.splitlines()) if m]


def test_a_clean_site(tmp_path: Path) -> None:
    code, stdout, stderr = check(BASIC)
    assert (code, stderr) == (0, "")
    assert "geen fouten of waarschuwingen gevonden" in stdout


def test_check_writes_nothing(make_site: SiteFactory) -> None:
    site = make_site({"content/pages/over.md": "---\ntitle: Over\n---\n"})
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    code, _, _ = check(site)
    assert code == 0
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_errors_sorted_once_with_a_summary(make_site: SiteFactory) -> None:
    site = make_site({
        "content/partners/buurtkracht.md": PARTNER_WITHOUT_CONTACT,
        "content/deals/samen-eten.md": DEAL,
        "content/pages/over.md": PAGE_WITH_PROBLEMS,
        "content/pages/Contact.md": "---\ntitle: Contact\n---\n",
    })
    code, stdout, stderr = check(site)
    assert code == 1
    found = diagnostics(stderr)
    assert found == [
        ("content/deals/samen-eten.md", 5, "fout", "schema-enum"),
        ("content/pages/Contact.md", 1, "fout", "path-slug"),
        ("content/pages/over.md", 3, "fout", "schema-bool"),
        ("content/pages/over.md", 6, "fout", "schema-extra-forbidden"),
        ("content/pages/over.md", 7, "fout", "schema-date"),
        ("content/partners/buurtkracht.md", 1, "waarschuwing", "partner-contact"),
    ]
    lines = stderr.splitlines()
    heads = [line for line in lines if DIAGNOSTIC.match(line)]
    assert len(heads) == len(set(heads))
    assert lines[-1] == "5 fouten, 1 waarschuwing in 4 bestanden"
    assert ("content/deals/samen-eten.md:5:8: fout [schema-enum] phase: 'uitvoerng' bestaat niet "
            "— bedoelde je 'execution' (Uitvoering)?") in lines
    assert "geen fouten gevonden" not in stdout
    # like rustc: the source line, and a caret under the value
    at = lines.index(next(line for line in lines if line.startswith("content/deals/samen")))
    assert lines[at + 1:at + 3] == ["  5 | phase: uitvoerng", "    |        ^"]


def test_lines_sort_as_numbers(make_site: SiteFactory) -> None:
    fields = "".join(f"veld{i}: x\n" for i in range(12))
    site = make_site({"content/pages/over.md": f"---\ntitle: Over\n{fields}---\n"})
    code, _, stderr = check(site)
    assert code == 1
    assert [line for _, line, _, _ in diagnostics(stderr)] == list(range(3, 15))
    assert stderr.splitlines()[-1] == "12 fouten, 0 waarschuwingen in 1 bestand"


def test_singular_summary(make_site: SiteFactory) -> None:
    site = make_site({"content/pages/over.md": "---\ntitle: Over\ndraft: nee\n---\n",
                      "content/partners/p.md": PARTNER_WITHOUT_CONTACT})
    code, _, stderr = check(site)
    assert code == 1
    assert stderr.splitlines()[-1] == "1 fout, 1 waarschuwing in 2 bestanden"


def test_warnings_pass_unless_strict(make_site: SiteFactory) -> None:
    site = make_site({"content/partners/buurtkracht.md": PARTNER_WITHOUT_CONTACT,
                      "content/partners/humanitas.md": PARTNER_WITHOUT_CONTACT.replace(
                          "Buurtkracht", "Humanitas")})
    code, stdout, stderr = check(site)
    assert code == 0
    assert [d[3] for d in diagnostics(stderr)] == ["partner-contact"] * 2
    assert stderr.splitlines()[-1] == "0 fouten, 2 waarschuwingen in 2 bestanden"
    assert stdout.strip() == "geen fouten; wel 2 waarschuwingen hierboven"
    code, stdout, stderr = check(site, "--strict")
    assert code == 1
    assert [d[3] for d in diagnostics(stderr)] == ["partner-contact"] * 2
    assert "--strict: waarschuwingen tellen als fouten" in stderr
    assert "geen fouten gevonden" not in stdout


def test_english_messages(make_site: SiteFactory) -> None:
    config = MINIMAL_CONFIG.replace("language: nl", "language: en")
    site = make_site({"reisgids.yml": config,
                      "content/partners/buurtkracht.md": PARTNER_WITHOUT_CONTACT,
                      "content/deals/samen-eten.md": DEAL,
                      "content/nieuws/x.md": "---\ntitle: X\n---\n"})
    code, _, stderr = check(site)
    assert code == 1
    lines = stderr.splitlines()
    assert ("content/deals/samen-eten.md:5:8: error [schema-enum] phase: 'uitvoerng' does not "
            "exist — did you mean 'execution' (Execution)?") in lines
    assert ("content/nieuws:1:1: error [path-folder] 'content/nieuws/' is not a known folder — "
            "did you mean 'content/news/'?") in lines
    assert any(line.startswith("content/partners/buurtkracht.md:1:1: warning [partner-contact] "
                               "contacts: this partner has no contact point") for line in lines)
    assert lines[-1] == "2 errors, 1 warning in 3 files"


def test_english_clean_site(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "reisgids.yml").write_text(
        MINIMAL_CONFIG.replace("language: nl", "language: en"), encoding="utf-8")
    code, stdout, stderr = check(tmp_path)
    assert (code, stderr) == (0, "")
    assert "no errors or warnings found" in stdout


def test_english_strict_line(make_site: SiteFactory) -> None:
    site = make_site({"reisgids.yml": MINIMAL_CONFIG.replace("language: nl", "language: en"),
                      "content/partners/buurtkracht.md": PARTNER_WITHOUT_CONTACT})
    code, _, stderr = check(site, "--strict")
    assert code == 1
    assert "--strict: warnings count as errors" in stderr
    assert stderr.splitlines()[-2] == "0 errors, 1 warning in 1 file"


def test_config_errors_are_in_dutch_when_the_language_is_unknown(make_site: SiteFactory) -> None:
    site = make_site({"reisgids.yml": MINIMAL_CONFIG.replace("language: nl", "language: en")
                      + "permalinks:\n  story: /verhalen/\n"})
    code, _, stderr = check(site)
    assert code == 1
    # the configuration did not load, so its language is unknown: messages are in Dutch
    assert "reisgids.yml:9:10: fout [schema-permalink] permalinks.story:" in stderr
    assert "Value error" not in stderr


def test_a_missing_configuration(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    code, _, stderr = check(tmp_path)
    assert code == 1
    assert diagnostics(stderr) == [("reisgids.yml", 1, "fout", "config-missing")]


def test_every_file_is_checked_even_after_errors(make_site: SiteFactory) -> None:
    files = {f"content/pages/p{i}.md": "---\ntitle: P\ndraft: ja\n---\n" for i in range(5)}
    code, _, stderr = check(make_site(files))
    assert code == 1
    assert [d[0] for d in diagnostics(stderr)] == [f"content/pages/p{i}.md" for i in range(5)]


def test_usage_errors_exit_2(make_site: SiteFactory, tmp_path: Path) -> None:
    site = make_site({})
    for args in (["check", str(site), "--onbekend"], ["check", str(tmp_path / "nergens")],
                 ["check", str(site), "--now", "morgen"], ["controleer", str(site)]):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_drafts_are_checked_too(make_site: SiteFactory) -> None:
    site = make_site({"content/pages/concept.md": "---\ntitle: C\ndraft: true\nupdated: ooit\n"
                                                  "---\n"})
    code, _, stderr = check(site)
    assert code == 1
    assert diagnostics(stderr) == [("content/pages/concept.md", 4, "fout", "schema-date")]


def test_warning_boundaries(make_site: SiteFactory) -> None:
    """Freshness, the 12-month window for lessons and a deal's end, each a day either side."""
    partner = "---\ntitle: P\ntype: gemeente\nemail: a@b.nl\nreviewed: {day}\n---\n"
    lesson = ("---\ntitle: L\nsummary: s\ndate: {day}\nsources:\n  - {{document: Evaluatie}}\n"
              "level: network\ntype: system\nchange: policy\n---\n")
    deal = ("---\ntitle: D\nsummary: s\ngoal: g\nphase: idea\nstart: 2025-01-01\nend: {day}\n"
            "---\n")
    site = make_site({
        "reisgids.yml": MINIMAL_CONFIG + "freshness:\n  partner: 365\n  instrument: 180\n",
        "content/partners/vers.md": partner.format(day="2025-11-22"),  # 365 days: fresh
        "content/partners/oud.md": partner.format(day="2025-11-21"),  # 366 days: stale
        "content/lessons/net.md": lesson.format(day="2025-11-22"),
        "content/lessons/lang-geleden.md": lesson.format(day="2025-11-21"),
        "content/deals/vandaag.md": deal.format(day=NOW),
        "content/deals/gisteren.md": deal.format(day="2026-11-21"),
        "content/instruments/zonder-datum.md": "---\ntitle: I\ntype: budget\nstatus: open\n---\n",
    })
    code, _, stderr = check(site)
    assert code == 0
    assert diagnostics(stderr) == [
        ("content/deals/gisteren.md", 7, "waarschuwing", "deal-no-review"),
        ("content/instruments/zonder-datum.md", 1, "waarschuwing", "stale-missing"),
        ("content/lessons/lang-geleden.md", 9, "waarschuwing", "lesson-uncited"),
        ("content/partners/oud.md", 5, "waarschuwing", "stale"),
    ]


def test_no_freshness_key_no_freshness_warnings(make_site: SiteFactory) -> None:
    site = make_site({
        "content/partners/oud.md": "---\ntitle: P\ntype: gemeente\nemail: a@b.nl\n"
                                   "reviewed: 2001-01-01\n---\n",
        "content/instruments/zonder-datum.md": "---\ntitle: I\ntype: budget\nstatus: open\n---\n",
    })
    code, _, stderr = check(site, "--strict")
    assert (code, stderr) == (0, "")


def test_an_agenda_item_cites_a_lesson(make_site: SiteFactory) -> None:
    lesson = ("---\ntitle: L\nsummary: s\ndate: 2020-01-01\nsources:\n  - {document: E}\n"
              "level: network\ntype: system\nchange: policy\n---\n")
    agenda = ("---\ntitle: A\nsummary: s\nlessons: [oud]\nchange: policy\nproposal: p\n"
              "history:\n  - date: 2020-02-01\n    status: inventoried\n---\n")
    site = make_site({"content/lessons/oud.md": lesson,
                      "content/compass/agenda/voorstel.md": agenda})
    code, _, stderr = check(site, "--strict")
    assert (code, stderr) == (0, "")


def test_an_unknown_field_points_at_its_name(make_site: SiteFactory) -> None:
    site = make_site({"content/deals/samen.md": (
        "---\ntitle: Samen\nsummary: Samen eten.\ngoal: Eten.\nphase: idea\npartners:\n"
        "  - partner: buurtkracht\n    rol: initiator\n---\n")})
    code, _, stderr = check(site)
    assert code == 1
    lines = stderr.splitlines()
    at = next(i for i, line in enumerate(lines) if "[schema-extra-forbidden]" in line)
    assert lines[at].startswith("content/deals/samen.md:8:5: fout [schema-extra-forbidden]")
    assert lines[at + 1:at + 3] == ["  8 |     rol: initiator", "    |     ^"]
