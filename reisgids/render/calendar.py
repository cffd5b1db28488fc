"""The events as iCalendar (RFC 5545): /agenda.ics with every published event, and one
small calendar per event for "add to my calendar".

Deterministic: DTSTAMP comes from the event's content dates, never from the clock;
UIDs are '<slug>@<host of base_url>'. Lines end in CRLF and are folded at 75 octets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta

from reisgids.errors import Text
from reisgids.graph.content import ContentGraph, Key
from reisgids.graph.urls import CALENDAR_URL, event_ics_url
from reisgids.model.kind import Kind
from reisgids.model.publication import Event
from reisgids.model.vocab import label
from reisgids.render.machine import AMSTERDAM, absolute, host

TZID = "Europe/Amsterdam"
LIMIT = 75  # octets per line, without the CRLF

LABELS: dict[str, Text] = {"calendar": Text("Agenda", "Events"),
                           "online": Text("Online", "Online"),
                           "register": Text("Aanmelden", "Register")}

# Europe/Amsterdam since 1996: CET/CEST, switching on the last Sundays of March and October.
VTIMEZONE: tuple[str, ...] = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line folded so that no physical line exceeds 75 octets (CRLF apart);
    continuation lines start with one space; UTF-8 sequences are never split."""
    octets = len(line) if len(line) * 4 <= LIMIT else len(line.encode("utf-8"))
    if octets <= LIMIT:
        return line  # most lines: nothing to fold, no walk over each character
    if octets == len(line):  # ASCII, an octet a character: cut by position
        rest = LIMIT - 1  # after the leading space of a continuation line
        return "\r\n".join([line[:LIMIT], *(" " + line[at:at + rest]
                                           for at in range(LIMIT, len(line), rest))])
    out: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LIMIT:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def day_value(day: date) -> str:
    return f"{day:%Y%m%d}"


def local_value(moment: datetime) -> str:
    """A date-time as Amsterdam wall-clock time, for a TZID=Europe/Amsterdam property."""
    return f"{moment.astimezone(AMSTERDAM):%Y%m%dT%H%M%S}"


def utc_value(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _day_of(moment: date | datetime) -> date:
    if isinstance(moment, datetime):
        return moment.astimezone(AMSTERDAM).date()
    return moment


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=AMSTERDAM)


def when(start: date | datetime, end: date | datetime | None) -> list[str]:
    """DTSTART and DTEND. A whole day (a date start) gives VALUE=DATE and an exclusive end
    (the day after the last day); a date-time gives Amsterdam time with TZID. A date end
    after a date-time start counts as the whole day."""
    if not isinstance(start, datetime):
        last = _day_of(end) if end is not None else start
        last = max(last, start)
        return [f"DTSTART;VALUE=DATE:{day_value(start)}",
                f"DTEND;VALUE=DATE:{day_value(last + timedelta(days=1))}"]
    lines = [f"DTSTART;TZID={TZID}:{local_value(start)}"]
    if end is not None:
        finish = end if isinstance(end, datetime) else _midnight(end + timedelta(days=1))
        lines.append(f"DTEND;TZID={TZID}:{local_value(max(finish, start))}")
    return lines


def stamp(data: Event) -> str:
    """DTSTAMP from content: the event's updated or date, else its start (UTC)."""
    day = data.updated or data.date
    if day is not None:
        return utc_value(_midnight(day))
    if isinstance(data.start, datetime):
        return utc_value(data.start)
    return utc_value(_midnight(data.start))


def event_lines(graph: ContentGraph, key: Key) -> list[str]:
    """The unfolded content lines of one event's VEVENT."""
    data = graph.entries[key].data_as(Event)
    language = str(graph.config.language)
    words = {key: text.get(str(language)) for key, text in LABELS.items()}
    url = absolute(graph, graph.urls[key])
    description = data.summary or ""
    if data.registration:
        description += ("\n\n" if description else "") + \
            f"{words['register']}: {data.registration}"
    location = data.location or (words["online"] if data.online else "")
    lines = ["BEGIN:VEVENT", f"UID:{escape_text(f'{key[1]}@{host(graph)}')}",
             f"DTSTAMP:{stamp(data)}", *when(data.start, data.end),
             f"SUMMARY:{escape_text(data.title)}"]
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    lines += [f"CATEGORIES:{escape_text(label('event.type', str(data.type), language))}",
              f"URL;VALUE=URI:{url}", "STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def sort_key(graph: ContentGraph, key: Key) -> tuple[str, str]:
    data = graph.entries[key].data_as(Event)
    start = data.start
    at = _midnight(start) if not isinstance(start, datetime) else start
    return (utc_value(at), key[1])


def calendar_text(graph: ContentGraph, keys: Iterable[Key], name: str) -> bytes:
    """A VCALENDAR of the given events (sorted by start, then slug), CRLF line endings."""
    ordered: Sequence[Key] = sorted(keys, key=lambda k: sort_key(graph, k))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//reisgids//reisgids//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}",
             f"X-WR-TIMEZONE:{TZID}", *VTIMEZONE]
    for key in ordered:
        lines += event_lines(graph, key)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines).encode("utf-8")


def calendar_files(graph: ContentGraph) -> dict[str, bytes]:
    """{output path: bytes}: /agenda.ics and one .ics per published event."""
    language = str(graph.config.language)
    words = {key: text.get(str(language)) for key, text in LABELS.items()}
    keys = [e.key for e in graph.of_kind(Kind.EVENT)]
    files = {CALENDAR_URL.lstrip("/"): calendar_text(
        graph, keys, f"{graph.config.title} · {words['calendar']}")}
    for key in keys:
        files[event_ics_url(graph, key).lstrip("/")] = calendar_text(
            graph, [key], graph.entries[key].data.title)
    return files
