"""The timeline's events written out: CSV, JSON, TimelineJS JSON and iCalendar.

Each `to_*` yields the file in pieces of about 64 KB while it reads the events from a
server-side cursor, CHUNK events at a time with their actors and sources: an export of
100,000 events starts at once and takes the memory of one chunk, not of the whole file.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import io
import json
from collections.abc import Iterable, Iterator

from django.urls import reverse
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


# Events read (and their actors and mentions prefetched) per round trip to the database.
CHUNK = 200
# Text held back before it is sent: small pieces cost a write each, large ones memory.
PIECE = 64 * 1024


def each_event(events) -> Iterator:
    """The events from a server-side cursor, with the queryset's prefetches done per chunk."""
    return events.iterator(chunk_size=CHUNK)


def pieces(texts: Iterable[str]) -> Iterator[str]:
    """The texts joined into pieces of about PIECE characters; the first (the file's header)
    goes at once, so the download starts before the first events are read."""
    texts = iter(texts)
    yield next(texts, "")
    held, size = [], 0
    for text in texts:
        held.append(text)
        size += len(text)
        if size >= PIECE:
            yield "".join(held)
            held, size = [], 0
    if held:
        yield "".join(held)


def json_file(head: dict, key: str, items: Iterable, tail) -> Iterator[str]:
    """What `json.dumps({**head, key: list(items), **tail(n)}, indent=2)` writes, written as
    the items come; `tail(n)` is given how many there were (so a count comes last)."""

    def value(obj, depth: int) -> str:
        return json.dumps(obj, indent=2).replace("\n", "\n" + "  " * depth)

    opening = "{"
    for name, obj in head.items():
        opening += f"\n  {json.dumps(name)}: {value(obj, 1)},"
    yield opening + f"\n  {json.dumps(key)}: ["
    n = 0
    for item in items:
        yield ("\n    " if n == 0 else ",\n    ") + value(item, 2)
        n += 1
    closing = "\n  ]" if n else "]"
    for name, obj in tail(n).items():
        closing += f",\n  {json.dumps(name)}: {value(obj, 1)}"
    yield closing + "\n}"


def url_of(absolute, name: str = "timeline:event"):
    """`absolute(obj.get_absolute_url())` without reversing the URL for each of 100,000."""
    sample = absolute(reverse(name, args=[987654321]))
    before, _, after = sample.partition("987654321")
    return lambda obj: f"{before}{obj.pk}{after}"


def outlets(event) -> list[str]:
    """Distinct outlets of an event's mentions, in the order first reported."""
    seen = []
    for mention in event.source_mentions():
        name = mention.article.outlet or mention.article.title
        if name and name not in seen:
            seen.append(name)
    return seen


def source_count(event) -> int:
    return len({m.article_id for m in event.source_mentions()})


def event_row(event, url) -> dict:
    return {
        "id": event.pk,
        "date": event.iso_date,
        "precision": event.precision,
        "type": event.type,
        "status": event.status,
        "planned": event.planned,
        "summary": event.summary,
        "actors": [link.actor.name for link in event.actor_links()],
        "place": event.place.name if event.place else "",
        "sources": source_count(event),
        "outlets": outlets(event),
        "url": url(event),
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


def to_csv(events, absolute) -> Iterator[str]:
    return pieces(csv_lines(events, url_of(absolute)))


def csv_lines(events, url) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    yield out.getvalue()
    for event in each_event(events):
        out.seek(0)
        out.truncate()
        row = event_row(event, url)
        row["actors"] = "; ".join(row["actors"])
        row["outlets"] = "; ".join(row["outlets"])
        row["planned"] = "yes" if row["planned"] else "no"
        writer.writerow({key: csv_safe(value) for key, value in row.items()})
        yield out.getvalue()


def to_json(events, absolute, *, title: str) -> Iterator[str]:
    """{"title", "events", "count"}: the count comes last, as the events stream by."""
    url = url_of(absolute)

    article_url = url_of(absolute, "timeline:article")

    def rows():
        for event in each_event(events):
            yield json_row(event, url, article_url)

    return pieces(json_file({"title": title}, "events", rows(), lambda n: {"count": n}))


def json_row(event, url, article_url) -> dict:
    row = event_row(event, url)
    row["actors"] = [
        {"name": link.actor.name, "slug": link.actor.slug, "role": link.role}
        for link in event.actor_links()
    ]
    row["mentions"] = [
        {
            "sentence": m.sentence,
            "date_text": m.date_text,
            "outlet": m.article.outlet,
            "title": m.article.title,
            "published": m.article.published.isoformat(),
            "article": article_url(m.article),
        }
        for m in event.source_mentions()
    ]
    return row


def to_timelinejs(events, *, title: str) -> Iterator[str]:
    """Knight Lab's TimelineJS format; its headline and text are HTML, so they are escaped."""
    items = (timelinejs_item(event) for event in each_event(events))
    head = {"title": {"text": {"headline": escape(title)}}}
    return pieces(json_file(head, "events", items, lambda n: {}))


def timelinejs_item(event) -> dict:
    start = {"year": str(event.date.year)}
    if event.precision in (Precision.MONTH, Precision.DAY):
        start["month"] = str(event.date.month)
    if event.precision == Precision.DAY:
        start["day"] = str(event.date.day)
    actors = ", ".join(link.actor.name for link in event.actor_links())
    where = f" in {event.place.name}" if event.place else ""
    text = f"{actors}{where}." if actors else where.strip()
    sources = ", ".join(outlets(event))
    if sources:
        text += f" Sources: {sources}."
    return {
        "unique_id": f"event-{event.pk}",
        "start_date": start,
        "text": {"headline": escape(event.summary), "text": escape(text.strip())},
        "group": event.get_type_display(),
    }


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


def to_ics(events, absolute, *, title: str, host: str) -> Iterator[str]:
    return pieces(fold(line) + "\r\n" for line in ics_lines(events, url_of(absolute), title, host))


def ics_lines(events, url, title: str, host: str) -> Iterator[str]:
    yield from [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Syria diplomacy timeline//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_escape(title)}",
    ]
    for event in each_event(events):
        stamp = event.updated_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        actors = ", ".join(link.actor.name for link in event.actor_links())
        description = f"{event.get_type_display()} ({event.date_display()})"
        if actors:
            description += f"\nActors: {actors}"
        if outlets(event):
            description += f"\nSources: {', '.join(outlets(event))}"
        yield from [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{period_end(event):%Y%m%d}",
            f"SUMMARY:{ics_escape(event.summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            f"CATEGORIES:{ics_escape(event.get_type_display())}",
            "STATUS:" + ("CONFIRMED" if event.status == "confirmed" else "TENTATIVE"),
            f"URL:{url(event)}",
        ]
        if event.place:
            yield f"LOCATION:{ics_escape(event.place.name)}"
        yield "END:VEVENT"
    yield "END:VCALENDAR"
