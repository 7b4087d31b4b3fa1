"""The timeline's events written out: CSV, JSON, TimelineJS JSON and iCalendar."""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import json

from django.utils.html import escape

from timeline.models import Precision

CSV_COLUMNS = [
    "id",
    "date",
    "precision",
    "type",
    "status",
    "planned",
    "summary",
    "actors",
    "place",
    "sources",
    "outlets",
    "url",
]


def outlets(event) -> list[str]:
    """Distinct outlets of an event's mentions, in the order first reported."""
    seen = []
    for mention in event.mentions.all():
        name = mention.article.outlet or mention.article.title
        if name and name not in seen:
            seen.append(name)
    return seen


def source_count(event) -> int:
    return len({m.article_id for m in event.mentions.all()})


def event_row(event, absolute) -> dict:
    return {
        "id": event.pk,
        "date": event.iso_date,
        "precision": event.precision,
        "type": event.type,
        "status": event.status,
        "planned": event.planned,
        "summary": event.summary,
        "actors": [link.actor.name for link in event.event_actors.all()],
        "place": event.place.name if event.place else "",
        "sources": source_count(event),
        "outlets": outlets(event),
        "url": absolute(event.get_absolute_url()),
    }


# What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """Text a spreadsheet would run as a formula, made inert with a leading apostrophe:
    `csv_safe('=HYPERLINK("http://evil.example/")')` -> `'=HYPERLINK(...)`; the rest as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


csv_cell = csv_safe  # the earlier name


def to_csv(events, absolute) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for event in events:
        row = event_row(event, absolute)
        row["actors"] = "; ".join(row["actors"])
        row["outlets"] = "; ".join(row["outlets"])
        row["planned"] = "yes" if row["planned"] else "no"
        writer.writerow({key: csv_safe(value) for key, value in row.items()})
    return out.getvalue()


def to_json(events, absolute, *, title: str) -> str:
    rows = []
    for event in events:
        row = event_row(event, absolute)
        row["actors"] = [
            {"name": link.actor.name, "slug": link.actor.slug, "role": link.role}
            for link in event.event_actors.all()
        ]
        row["mentions"] = [
            {
                "sentence": m.sentence,
                "date_text": m.date_text,
                "outlet": m.article.outlet,
                "title": m.article.title,
                "published": m.article.published.isoformat(),
                "article": absolute(m.article.get_absolute_url()),
            }
            for m in event.mentions.all()
        ]
        rows.append(row)
    return json.dumps({"title": title, "count": len(rows), "events": rows}, indent=2)


def to_timelinejs(events, *, title: str) -> str:
    """Knight Lab's TimelineJS format; its headline and text are HTML, so they are escaped."""
    items = []
    for event in events:
        start = {"year": str(event.date.year)}
        if event.precision in (Precision.MONTH, Precision.DAY):
            start["month"] = str(event.date.month)
        if event.precision == Precision.DAY:
            start["day"] = str(event.date.day)
        actors = ", ".join(link.actor.name for link in event.event_actors.all())
        where = f" in {event.place.name}" if event.place else ""
        text = f"{actors}{where}." if actors else where.strip()
        sources = ", ".join(outlets(event))
        if sources:
            text += f" Sources: {sources}."
        items.append(
            {
                "unique_id": f"event-{event.pk}",
                "start_date": start,
                "text": {"headline": escape(event.summary), "text": escape(text.strip())},
                "group": event.get_type_display(),
            }
        )
    return json.dumps({"title": {"text": {"headline": escape(title)}}, "events": items}, indent=2)


def ics_escape(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space, per RFC 5545."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines start with a space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def period_end(event) -> datetime.date:
    """The day after the event's period, for an all-day DTEND."""
    day = event.date
    if event.precision == Precision.YEAR:
        return datetime.date(day.year + 1, 1, 1)
    if event.precision == Precision.MONTH:
        return day.replace(day=calendar.monthrange(day.year, day.month)[1]) + datetime.timedelta(1)
    return day + datetime.timedelta(1)


def to_ics(events, absolute, *, title: str, host: str) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Syria diplomacy timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(title)}",
    ]
    for event in events:
        stamp = event.updated_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        actors = ", ".join(link.actor.name for link in event.event_actors.all())
        description = f"{event.get_type_display()} ({event.date_display()})"
        if actors:
            description += f"\nActors: {actors}"
        if outlets(event):
            description += f"\nSources: {', '.join(outlets(event))}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{period_end(event):%Y%m%d}",
            f"SUMMARY:{ics_escape(event.summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            f"CATEGORIES:{ics_escape(event.get_type_display())}",
            "STATUS:" + ("CONFIRMED" if event.status == "confirmed" else "TENTATIVE"),
            f"URL:{absolute(event.get_absolute_url())}",
        ]
        if event.place:
            lines.append(f"LOCATION:{ics_escape(event.place.name)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
