"""reisgids.render.calendar: the events as iCalendar (RFC 5545)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from outputs_support import basic_site, graph_of

from reisgids.graph.urls import event_ics_url
from reisgids.render.calendar import calendar_files, escape_text, fold, when
from reisgids.render.machine import AMSTERDAM

SiteFactory = Callable[[dict[str, str]], Path]

WHOLE_DAY = """\
---
title: Open dag; buurthuis, tuin en keuken
summary: "Twee dagen open huis.\\nWelkom!"
start: 2026-12-12
end: 2026-12-13
type: meeting
location: Buurthuis, Middenwijk
---
"""
SUMMER = """\
---
title: Zomerfeest
summary: Feest in de zomer, met een heel lange omschrijving die zeker over de
  vijfenzeventig octetten van een regel heen gaat en dus gevouwen moet worden — met
  één of twee tekens buiten ASCII.
start: 2026-07-04 12:00 +00:00
end: 2026-07-04 15:30 +00:00
updated: 2026-06-01
type: other
online: true
---
"""


def unfold(data: bytes) -> list[str]:
    """Content lines of an iCalendar stream: CRLF-separated, continuations joined."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def events(lines: list[str]) -> list[dict[str, str]]:
    """VEVENTs as {property with parameters: value}."""
    found: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


def calendar_of(make_site: SiteFactory, extra: dict[str, str | None]) -> list[str]:
    graph = graph_of(basic_site(make_site, extra))
    return unfold(calendar_files(graph)["agenda.ics"])


def test_escape_text() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert escape_text("regel\r\nregel\rregel") == "regel\\nregel\\nregel"
    assert escape_text("Geïnventariseerd: ok") == "Geïnventariseerd: ok"  # colon stays


def test_fold_limits_octets_and_keeps_characters_whole() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line
    assert fold("SUMMARY:kort") == "SUMMARY:kort"


@pytest.mark.parametrize("char", ["x", "é", "€", "😀"])
def test_fold_fills_every_line(char: str) -> None:
    parts = fold("DESCRIPTION:" + char * 300).split("\r\n")
    width = len(char.encode("utf-8"))
    assert [len(p.encode("utf-8")) for p in parts[:-1]] == \
        [75 - 75 % width] + [1 + 74 - 74 % width] * (len(parts) - 2)


@given(st.text(min_size=0, max_size=400) | st.text(alphabet="abc ;,", max_size=400))
def test_fold_round_trips(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    parts = fold(line).split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line
    # folded as late as possible: the next character would not have fitted
    for part, following in pairwise(parts):
        assert len(part.encode("utf-8")) + len(following[1].encode("utf-8")) > 75


def test_calendar_structure_and_timezone(make_site: SiteFactory) -> None:
    lines = calendar_of(make_site, {})
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and "METHOD:PUBLISH" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    begins = [line[6:] for line in lines if line.startswith("BEGIN:")]
    ends = [line[4:] for line in lines if line.startswith("END:")]
    assert sorted(begins) == sorted(ends)
    assert "TZID:Europe/Amsterdam" in lines  # the VTIMEZONE every TZID refers to
    (event,) = events(lines)
    assert event["UID"] == "kookworkshop@example.org"
    assert event["DTSTART;TZID=Europe/Amsterdam"] == "20261205T140000"
    assert event["DTEND;TZID=Europe/Amsterdam"] == "20261205T163000"
    assert event["DTSTAMP"] == "20261205T130000Z"  # from the start, not the clock
    assert event["SUMMARY"] == "Kookworkshop"
    assert event["LOCATION"] == "Buurtkamer Middenwijk"
    assert event["URL;VALUE=URI"] == "https://example.org/gids/agenda/kookworkshop/"
    assert event["DESCRIPTION"] == (
        "Samen koken in de buurtkamer.\\n\\nAanmelden: https://teststad.example/aanmelden")


def test_whole_day_events_and_escaping(make_site: SiteFactory) -> None:
    lines = calendar_of(make_site, {"content/events/open-dag.md": WHOLE_DAY})
    found = {e["UID"]: e for e in events(lines)}
    event = found["open-dag@example.org"]
    assert event["DTSTART;VALUE=DATE"] == "20261212"
    assert event["DTEND;VALUE=DATE"] == "20261214"  # exclusive: the day after the last
    assert event["SUMMARY"] == "Open dag\\; buurthuis\\, tuin en keuken"
    assert event["LOCATION"] == "Buurthuis\\, Middenwijk"
    assert event["DESCRIPTION"] == "Twee dagen open huis.\\nWelkom!"
    # sorted by start: the workshop (5 December) comes before the open day
    assert [e["UID"] for e in events(lines)] == ["kookworkshop@example.org",
                                                 "open-dag@example.org"]


def test_offsets_become_amsterdam_time(make_site: SiteFactory) -> None:
    lines = calendar_of(make_site, {"content/events/zomerfeest.md": SUMMER})
    event = {e["UID"]: e for e in events(lines)}["zomerfeest@example.org"]
    assert event["DTSTART;TZID=Europe/Amsterdam"] == "20260704T140000"  # CEST, UTC+2
    assert event["DTEND;TZID=Europe/Amsterdam"] == "20260704T173000"
    assert event["DTSTAMP"] == "20260531T220000Z"  # updated: midnight in Amsterdam
    assert event["LOCATION"] == "Online"


@pytest.mark.parametrize(("start", "end", "expected"), [
    (date(2026, 3, 1), None, ["DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260302"]),
    (date(2026, 3, 1), datetime(2026, 3, 2, 12, 0, tzinfo=AMSTERDAM),
     ["DTSTART;VALUE=DATE:20260301", "DTEND;VALUE=DATE:20260303"]),
    (datetime(2026, 3, 1, 9, 0, tzinfo=AMSTERDAM), None,
     ["DTSTART;TZID=Europe/Amsterdam:20260301T090000"]),
    (datetime(2026, 3, 1, 9, 0, tzinfo=AMSTERDAM), date(2026, 3, 1),
     ["DTSTART;TZID=Europe/Amsterdam:20260301T090000",
      "DTEND;TZID=Europe/Amsterdam:20260302T000000"]),
    (datetime(2026, 10, 25, 1, 30, tzinfo=timezone(timedelta(hours=2))),
     datetime(2026, 10, 25, 3, 30, tzinfo=UTC),
     ["DTSTART;TZID=Europe/Amsterdam:20261025T013000",
      "DTEND;TZID=Europe/Amsterdam:20261025T043000"]),
])
def test_when(start: date | datetime, end: date | datetime | None,
              expected: list[str]) -> None:
    assert when(start, end) == expected


def test_one_calendar_per_event_and_stable_bytes(make_site: SiteFactory) -> None:
    root = basic_site(make_site, {"content/events/open-dag.md": WHOLE_DAY})
    files = calendar_files(graph_of(root))
    graph = graph_of(root, now=date(2027, 6, 1))
    assert files == calendar_files(graph)
    assert event_ics_url(graph, ("event", "open-dag")) == "/agenda/open-dag/open-dag.ics"
    assert sorted(files) == ["agenda.ics", "agenda/kookworkshop/kookworkshop.ics",
                             "agenda/open-dag/open-dag.ics"]
    single = unfold(files["agenda/open-dag/open-dag.ics"])
    assert [e["UID"] for e in events(single)] == ["open-dag@example.org"]
    assert "X-WR-CALNAME:Open dag\\; buurthuis\\, tuin en keuken" in single


def test_draft_events_stay_out(make_site: SiteFactory) -> None:
    draft = WHOLE_DAY.replace("type: meeting", "type: meeting\ndraft: true")
    lines = calendar_of(make_site, {"content/events/open-dag.md": draft,
                                    "content/events/kookworkshop.md": None})
    assert events(lines) == []
    assert lines[-1] == "END:VCALENDAR"
