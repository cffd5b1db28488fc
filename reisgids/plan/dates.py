"""Dates as readers read them ('10 december 2026, 14:00'), without the system locale."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

MONTHS: dict[str, tuple[str, ...]] = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def format_date(day: date, language: str = "nl") -> str:
    """'10 december 2026' (nl) or '10 December 2026' (en)."""
    months = MONTHS.get(language, MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_month(day: date, language: str = "nl") -> str:
    months = MONTHS.get(language, MONTHS["nl"])
    return f"{months[day.month - 1]} {day.year}"


def local(moment: datetime) -> datetime:
    """A date-time in Amsterdam time (the site's clock for events)."""
    return moment.astimezone(AMSTERDAM) if moment.tzinfo is not None else moment


def format_moment(moment: date | datetime, language: str = "nl") -> str:
    """A whole day as a date; a date-time as '10 december 2026, 14:00'."""
    if isinstance(moment, datetime):
        at = local(moment)
        return f"{format_date(at.date(), language)}, {at:%H:%M}"
    return format_date(moment, language)


def moment_day(moment: date | datetime) -> date:
    """The calendar day of a moment (in Amsterdam time)."""
    if isinstance(moment, datetime):
        return local(moment).date()
    return moment


def format_span(start: date | datetime, end: date | datetime | None,
                language: str = "nl") -> str:
    """'10 december 2026, 14:00–16:00', '3–4 maart 2027' style spans, kept simple."""
    if end is None:
        return format_moment(start, language)
    if isinstance(start, datetime) and isinstance(end, datetime):
        a, b = local(start), local(end)
        if a.date() == b.date():
            return f"{format_date(a.date(), language)}, {a:%H:%M}–{b:%H:%M}"
    if moment_day(start) == moment_day(end):
        return format_moment(start, language)
    return f"{format_moment(start, language)} – {format_moment(end, language)}"


def iso(moment: date | datetime) -> str:
    """For <time datetime="...">: '2026-12-10' or '2026-12-10T14:00+01:00'."""
    if isinstance(moment, datetime):
        return local(moment).isoformat(timespec="minutes")
    return moment.isoformat()
