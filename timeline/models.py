"""The chronology: articles, the actors and places they name, and the events found in them."""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import math
import random
import unicodedata
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.text import slugify

from timeline import ranking
from timeline.extraction.coordinates import coordinates
from timeline.extraction.types import EVENT_TYPE_TABLE, EVENT_TYPES, KnownOffice


class Precision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


# The extraction's vocabulary is the one source of the types; a new type there is a new choice.
EventType = models.TextChoices(
    "EventType", [(t.key.upper(), (t.key, t.label)) for t in EVENT_TYPE_TABLE]
)
TYPE_LABELS = dict(EventType.choices)


def content_hash(text: str) -> str:
    """The same article text, whatever its line endings and trailing spaces, hashes the same."""
    normal = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    normal = "\n".join(line.rstrip() for line in normal.strip().split("\n"))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def is_web_address(url: str) -> bool:
    """ "https://example.org/a" yes; "javascript:alert(1)", "data:...", "/relative" no."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def unique_slug(model, text: str, *, max_length: int = 120) -> str:
    base = slugify(text, allow_unicode=False)[: max_length - 8] or "item"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def url_with_id(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a URL whose one argument is an integer id:
    `url_with_id("timeline:event", 7)` -> "/events/7/". A list page links each of its 50
    events three times; reverse() matched the pattern again for each."""
    before, after = url_around_id(name, get_script_prefix(), get_urlconf())
    return f"{before}{int(pk)}{after}"


@functools.lru_cache(maxsize=64)
def url_around_id(name: str, script_prefix: str, urlconf) -> tuple[str, str]:
    marker = "918273645"
    before, found, after = reverse(name, args=[int(marker)], urlconf=urlconf).partition(marker)
    if not found:
        raise ValueError(f"{name} does not take one integer id")
    return before, after


@receiver(setting_changed)
def forget_url_patterns(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        url_around_id.cache_clear()


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "waiting for extraction"
        DONE = "done", "extracted"
        FAILED = "failed", "extraction failed"
        UNSUPPORTED = "unsupported", "language not supported"

    class PublishedHow(models.TextChoices):
        GIVEN = "given", "given by the person who added it"
        METADATA = "metadata", "read from the page's metadata"
        DATELINE = "dateline", "read from the dateline"
        MANIFEST = "manifest", "given in the batch manifest"

    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=1000, blank=True)
    filename = models.CharField(max_length=300, blank=True)
    published = models.DateField(db_index=True)
    published_how = models.CharField(
        max_length=20, choices=PublishedHow.choices, default=PublishedHow.GIVEN
    )
    published_note = models.CharField(max_length=300, blank=True)
    raw_text = models.TextField(help_text="The text exactly as read; every offset points into it.")
    clean_text = models.TextField(blank=True, help_text="The text analysed: boilerplate removed.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    # Date expressions and actor names found in raw_text, for highlighting:
    # {"dates": [{start, end, text, value, precision, anchor, anchor_value}], "actors": [{start, end, name}]}
    annotations = models.JSONField(default=dict, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-published", "-id"]

    def __str__(self) -> str:
        return self.title or self.filename or f"Article {self.pk}"

    def save(self, *args, **kwargs):
        if not self.content_hash:
            self.content_hash = content_hash(self.raw_text)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_with_id("timeline:article", self.pk)

    @property
    def original_url(self) -> str:
        """The address it was read from, when that is a web page (never `javascript:` etc.)."""
        return self.url.strip() if is_web_address(self.url) else ""

    @property
    def label(self) -> str:
        """What a source line calls it: "Reuters, “Syria talks open in Geneva”"."""
        parts = [p for p in (self.outlet, f"“{self.title}”" if self.title else "") if p]
        return ", ".join(parts) or f"Untitled article {self.pk}"

    def citation(self) -> str:
        """ "Reuters, “Syria talks open in Geneva”, 22 Jan 2014, https://…" """
        parts = [self.label, format_date(self.published, "day")]
        if self.original_url:
            parts.append(self.original_url)
        return ", ".join(parts)


class ActorQuerySet(models.QuerySet):
    def named(self, text: str):
        """Actors whose name or an alias contains `text`, each row once."""
        aliased = ActorAlias.objects.filter(name__icontains=text).values("actor_id")
        return self.filter(Q(name__icontains=text) | Q(pk__in=aliased))

    def most_active(self, limit: int) -> list[Actor]:
        """Of these actors, the `limit` in most public events, each with `event_count`,
        from the counts kept for every actor (actor_event_counts())."""
        counts = actor_event_counts()
        named = [
            (-counts[pk], name, pk) for pk, name in self.values_list("pk", "name") if pk in counts
        ]
        top = [pk for _, _, pk in sorted(named)[:limit]]
        actors = Actor.objects.in_bulk(top)
        for pk, actor in actors.items():
            actor.event_count = counts[pk]
        return [actors[pk] for pk in top]


def actor_event_counts() -> dict[int, int]:
    """{actor id: public events}, for every actor in any: one grouped count of the links,
    kept until the data change, so a type-ahead need not count 200,000 links a keystroke."""

    def count():
        links = EventActor.objects.exclude(event__status=Event.Status.REJECTED)
        return dict(links.values_list("actor").annotate(n=Count("pk")).order_by())

    return summary("actor-event-counts", "", count)


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "person"
        ORGANIZATION = "organization", "organization"
        COUNTRY = "country", "country"
        GROUP = "group", "group"

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    country = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        limit_choices_to={"kind": "country"},
        help_text="The country a person or group belongs to.",
    )
    description = models.TextField(blank=True)

    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Actor, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("timeline:actor", args=[self.slug])

    def is_busy(self) -> bool:
        """In one public event in twenty or more (kept until the data change)."""
        return actor_event_counts().get(self.pk, 0) * 20 >= sum(public_month_counts().values())

    def partners(self, events, *, limit: int) -> list[Actor]:
        """The actors most often in `events` (this actor's) beside this one, each with
        `shared`, the number of those events."""
        rows = (
            EventActor.objects.filter(event__in=events.order_by().values("pk"))
            .exclude(actor=self)
            .values("actor", "actor__name", "actor__slug", "actor__kind")
            .annotate(n=Count("pk"))  # one link per event and actor: no DISTINCT
            .order_by("-n", "actor__name")[:limit]
        )
        partners = []
        for row in rows:
            partner = Actor(
                pk=row["actor"],
                name=row["actor__name"],
                slug=row["actor__slug"],
                kind=row["actor__kind"],
            )
            partner.shared = row["n"]
            partners.append(partner)
        return partners


class Office(models.Model):
    """Who held an office when, so that "the US secretary of state" in a 2012 article is
    Hillary Clinton and in 2014 John Kerry. Seeded from the extraction's table of offices;
    curators add and correct terms here, and the next extraction uses them."""

    role = models.CharField(
        max_length=60,
        db_index=True,
        help_text="president, prime minister, foreign minister, defence minister, un ambassador, "
        "secretary-general, envoy, head, king, emir, supreme leader, chancellor, leader, ...",
    )
    body = models.CharField(
        max_length=200, help_text="The country or organisation: United States, United Nations."
    )
    topic = models.CharField(
        max_length=200, blank=True, help_text="For an envoy or a mission: the country it is for."
    )
    holder = models.CharField(max_length=200, help_text="The holder's name as actors know it.")
    holder_country = models.CharField(max_length=200, blank=True)
    start = models.DateField()
    end = models.DateField(null=True, blank=True, help_text="Empty while in office.")
    # Tells running pipelines that the table changed (see ingest.get_pipeline).
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["body", "role", "start"]
        indexes = [models.Index(fields=["role", "body"])]

    def __str__(self) -> str:
        until = f"{self.end:%Y}" if self.end else ""
        return f"{self.body} {self.role}: {self.holder} ({self.start:%Y}–{until})"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.end is not None and self.start is not None and self.end < self.start:
            raise ValidationError({"end": "A term ends after it starts."})

    def as_known(self) -> KnownOffice:
        return KnownOffice(
            role=self.role,
            body=self.body,
            holder=self.holder,
            start=self.start,
            end=self.end,
            topic=self.topic,
            holder_country=self.holder_country or None,
        )


class ActorAlias(models.Model):
    """Another name of an actor: "Sergei Lavrov", "Mr Lavrov", "Moscow" for Russia."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(
        max_length=200, unique=True, editable=False, help_text="The name folded for matching."
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "actor aliases"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        from timeline.extraction.actors import actor_key

        self.key = actor_key(self.name)
        super().save(*args, **kwargs)


class Place(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    country = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
        limit_choices_to={"kind": "country"},
    )
    # Where the map draws it; filled from the gazetteer of coordinates when the place is
    # first stored, and set or fixed by curators in the admin.
    latitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Decimal degrees, north positive: Geneva is 46.20.",
    )
    longitude = models.FloatField(
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Decimal degrees, east positive: Geneva is 6.15.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__gte=-90, latitude__lte=90, longitude__gte=-180, longitude__lte=180),
                name="place_coordinates_on_the_globe",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Place, self.name)
        if self.pk is None and self.latitude is None and self.longitude is None:
            self.latitude, self.longitude = coordinates(self.name) or (None, None)
        super().save(*args, **kwargs)


@dataclass(frozen=True)
class Position:
    """Where a page of the chronology starts or ends: an event's place in the order
    (date, precision_rank, id). In URLs as "2012-12-28.0.1234" (`?after=` / `?before=`), so
    the next page is an index range, however deep, and not an OFFSET."""

    date: datetime.date
    precision_rank: int
    id: int

    def __str__(self) -> str:
        return f"{self.date.isoformat()}.{self.precision_rank}.{self.id}"

    @classmethod
    def parse(cls, text: str) -> Position:
        """`Position.parse("2012-12-28.0.1234")`; ValueError for anything else."""
        day, rank, pk = text.strip().split(".")
        position = cls(datetime.date.fromisoformat(day), int(rank), int(pk))
        if position.precision_rank not in PRECISION_RANK.values() or not 0 < position.id < 2**63:
            raise ValueError(text)
        return position

    @classmethod
    def of(cls, event: Event) -> Position:
        return cls(event.date, event.precision_rank, event.pk)

    @property
    def group_key(self) -> tuple:
        """The (year, month, day) headings the event at this position sits under."""
        return (
            self.date.year,
            self.date.month if self.precision_rank < PRECISION_RANK["year"] else None,
            self.date.day if self.precision_rank == PRECISION_RANK["day"] else None,
        )


@dataclass(frozen=True)
class Relevance:
    """Where a page of search results sorted by relevance starts: "r0.0607927_1234"."""

    score: float
    id: int

    def __str__(self) -> str:
        return f"r{self.score!r}_{self.id}"

    @classmethod
    def parse(cls, text: str) -> Relevance:
        score, _, pk = text.strip().removeprefix("r").partition("_")
        position = cls(float(score), int(pk))
        if not math.isfinite(position.score) or not 0 < position.id < 2**63:
            raise ValueError(text)
        return position

    @classmethod
    def of(cls, event: Event) -> Relevance:
        return cls(event.relevance, event.pk)

    group_key = None


@dataclass
class EventPage:
    """One page of events and the positions that lead to the pages on either side."""

    events: list
    earlier: Position | None  # ?before= for the page above, if there is one
    later: Position | Relevance | None  # ?after= for the page below, if there is one


ORDER_COLUMNS = ("date", "precision_rank", "id")


def beyond(position: Position, directions: tuple[int, int, int]) -> Q:
    """The rows strictly past `position` in the order whose columns (date, precision_rank,
    id) go up (+1) or down (-1): (a > x) or (a = x and b > y) or (a = x and b = y and c > z),
    with the first column's bound on its own, so that it is an index range."""
    values = (position.date, position.precision_rank, position.id)
    past, equal = Q(), Q()
    for column, value, direction in zip(ORDER_COLUMNS, values, directions, strict=True):
        op = "gt" if direction > 0 else "lt"
        past |= equal & Q(**{f"{column}__{op}": value})
        equal &= Q(**{column: value})
    first_op = "gte" if directions[0] > 0 else "lte"
    return Q(**{f"date__{first_op}": position.date}) & past


class EventQuerySet(models.QuerySet):
    def visible(self):
        """What the public timeline shows: everything but rejected events."""
        return self.exclude(status=Event.Status.REJECTED)

    def key(self):
        """The milestones: events ranked at or above the key threshold (an index range)."""
        return self.filter(importance__gte=ranking.KEY_THRESHOLD)

    def rescore(self) -> int:
        """Store each event's importance again from its type, status and sources; returns how
        many changed. For writes that bypass save() and the signals (bulk_create, update())."""
        changed = []
        rows = self.annotate(n_sources=Count("mentions__article", distinct=True)).order_by()
        for event in rows.only("pk", "type", "status", "importance").iterator(chunk_size=2000):
            score = event.score(event.n_sources)
            if score != event.importance:
                event.importance = score
                changed.append(event)
        Event.objects.bulk_update(changed, ["importance"], batch_size=1000)
        if changed:
            data_changed()
        return len(changed)

    def chronological(self, newest_first: bool = False):
        order = ["date", "precision_rank", "id"]
        if newest_first:
            order = ["-date", "precision_rank", "-id"]
        return self.order_by(*order)

    def filtered(self, filters: dict):
        """The events that the timeline's filters select (TimelineFilterForm.cleaned_data):
        `Event.objects.visible().filtered({"type": ["meeting"], "year": 2012})`.

        Related rows are tested with IN (subquery) on their indexes rather than joined, so
        the result has one row per event: counts need no DISTINCT, and a later join (the
        actor facet's) is not narrowed by the filter's.
        """
        events = self
        for actor in filters.get("actor") or []:
            # Each chosen actor narrows the list: events with Lavrov *and* Khatib.
            links = EventActor.objects.filter(actor=actor)
            if self.db_is_sqlite() and actor.is_busy():
                # SQLite, without PostgreSQL's statistics, would sort all of an actor's 40,000
                # events to show 50; tested row by row, the date index gives them in order.
                events = events.filter(models.Exists(links.filter(event=models.OuterRef("pk"))))
            else:
                events = events.filter(pk__in=links.values("event_id"))
        if filters.get("type"):
            events = events.filter(type__in=filters["type"])
        if filters.get("place"):
            events = events.filter(place__in=[place.pk for place in filters["place"]])
        if filters.get("outlet"):
            reported = Mention.objects.filter(article__outlet__in=filters["outlet"])
            events = events.filter(pk__in=reported.values("event_id"))
        if filters.get("year"):
            year = filters["year"]
            # A range, not date__year: the date indexes serve it on both databases.
            events = events.filter(
                date__gte=datetime.date(year, 1, 1), date__lte=datetime.date(year, 12, 31)
            )
        if filters.get("start"):
            events = events.filter(date__gte=filters["start"])
        if filters.get("end"):
            events = events.filter(date__lte=filters["end"])
        if filters.get("status"):
            events = events.filter(status=filters["status"])
        if filters.get("key"):
            events = events.key()
        if filters.get("q"):
            events = events.search(filters["q"])
        return events

    def db_is_sqlite(self) -> bool:
        from django.db import connections

        return connections[self.db].vendor == "sqlite"

    def search(self, text: str):
        """Events whose summary, place or a source sentence match `text`, a web-search
        query (timeline/search.py): `Event.objects.search('ceasefire "Geneva talks" -Russia')`."""
        from timeline import search

        return search.search(self, text)

    # Facets: each counts the events of this QuerySet (one row per event, see filtered()).

    def month_counts(self) -> dict[datetime.date, int]:
        """{first day of the month: events}, in order."""
        from django.db.models.functions import Substr, TruncMonth

        if self.db_is_sqlite():
            # SQLite truncates dates with a Python function called for every row; the first
            # seven characters of its ISO text are the month, at C speed.
            rows = (
                self.order_by()
                .annotate(month=Substr("date", 1, 7))
                .values("month")
                .annotate(n=Count("pk"))
                .order_by("month")
            )
            return {
                datetime.date(int(row["month"][:4]), int(row["month"][5:7]), 1): row["n"]
                for row in rows
            }
        rows = (
            self.order_by()
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(n=Count("pk"))
            .order_by("month")
        )
        return {row["month"]: row["n"] for row in rows}

    def type_counts(self) -> dict[str, int]:
        return dict(self.order_by().values_list("type").annotate(n=Count("pk")))

    def status_counts(self) -> dict[str, int]:
        return dict(self.order_by().values_list("status").annotate(n=Count("pk")))

    def place_counts(self, limit: int) -> list[dict]:
        """The places with most events: [{place__slug, place__name, place__latitude,
        place__longitude, n}]."""
        return list(
            self.exclude(place=None)
            .order_by()
            .values("place__slug", "place__name", "place__latitude", "place__longitude")
            .annotate(n=Count("pk"))
            .order_by("-n", "place__name")[:limit]
        )

    def actor_counts(self, limit: int) -> list[dict]:
        """The actors in most events: [{actor__slug, actor__name, n}]."""
        return list(
            EventActor.objects.filter(event__in=self.order_by().values("pk"))
            .values("actor__slug", "actor__name")
            .annotate(n=Count("pk"))  # one link per event and actor: no DISTINCT
            .order_by("-n", "actor__name")[:limit]
        )

    def outlet_counts(self, limit: int) -> list[dict]:
        """The outlets reporting most events: [{article__outlet, n}]."""
        return list(
            Mention.objects.filter(event__in=self.order_by().values("pk"))
            .exclude(article__outlet="")
            .values("article__outlet")
            .annotate(n=Count("event", distinct=True))  # an outlet may report one twice
            .order_by("-n", "article__outlet")[:limit]
        )

    def same_happening(
        self, day: datetime.date, precision: str, kin, actor_ids: set[int], *, planned: bool
    ):
        """Events that may be the happening found on `day` at `precision` (see
        ingest.find_same_event), narrowed in the database: a kindred type; a date the same
        at the coarser precision or, for a report of something held, a planned event up to a
        week before; actors that overlap, or none on either side. Each carries `shared`
        (actors in common) and `n_actors`."""
        in_year = Q(date__gte=day.replace(month=1, day=1), date__lte=day.replace(month=12, day=31))
        if precision == Precision.YEAR:
            same_date = in_year
        else:
            month_start = day.replace(day=1)
            month_end = (month_start + datetime.timedelta(days=32)).replace(day=1)
            in_month = Q(date__gte=month_start, date__lt=month_end)
            same_date = Q(precision=Precision.YEAR) & in_year
            if precision == Precision.MONTH:
                same_date |= ~Q(precision=Precision.YEAR) & in_month
            else:
                same_date |= Q(precision=Precision.MONTH) & in_month
                same_date |= Q(precision=Precision.DAY, date=day)
        window = same_date
        if not planned:
            window |= Q(planned=True, date__gte=day - HELD_LATER, date__lte=day)
        events = self.filter(window, type__in=kin).order_by("id")
        if not actor_ids:
            no_actors = events.exclude(pk__in=EventActor.objects.values("event_id"))
            return no_actors.annotate(shared=models.Value(0), n_actors=models.Value(0))
        sharing = EventActor.objects.filter(actor__in=actor_ids).values("event_id")
        return events.filter(pk__in=sharing).annotate(
            shared=Count("event_actors", filter=Q(event_actors__actor__in=actor_ids)),
            n_actors=Count("event_actors"),
        )

    def page(
        self,
        size: int,
        *,
        after: Position | None = None,
        before: Position | None = None,
        newest_first: bool = False,
    ) -> EventPage:
        """`size` events in chronological order (newest first if asked) that come after
        `after`, or else the last `size` before `before`, or else the first: one indexed
        query however deep the page, with the positions of the pages around it."""
        # +1 for oldest first, -1 for newest first, per column of the order.
        directions = (-1, 1, -1) if newest_first else (1, 1, 1)
        if before is not None:
            directions = tuple(-d for d in directions)
        order = [("-" if d < 0 else "") + c for d, c in zip(directions, ORDER_COLUMNS, strict=True)]
        events = self.order_by(*order)
        cursor = before or after
        if cursor is not None:
            events = events.filter(beyond(cursor, directions))
        rows = list(events[: size + 1])
        more, rows = len(rows) > size, rows[:size]
        if before is not None:
            rows.reverse()
            return EventPage(
                rows,
                earlier=Position.of(rows[0]) if more else None,
                later=Position.of(rows[-1]) if rows else before,
            )
        return EventPage(
            rows,
            earlier=Position.of(rows[0]) if after is not None and rows else None,
            later=Position.of(rows[-1]) if more else None,
        )

    def page_by_relevance(self, size: int, text: str, *, after: Relevance | None = None):
        """`size` events, those whose summary best matches `text` first, after `after`."""
        from django.db import connections

        from timeline import search

        score = search.relevance(connections[self.db], text)
        events = self.annotate(relevance=score).order_by("-relevance", "-id")
        if after is not None:
            events = events.filter(
                Q(relevance__lt=after.score) | Q(relevance=after.score, id__lt=after.id)
            )
        rows = list(events[: size + 1])
        more, rows = len(rows) > size, rows[:size]
        return EventPage(rows, earlier=None, later=Relevance.of(rows[-1]) if more else None)

    def for_listing(self, *, full_articles: bool = False):
        """With what a list shows, in a fixed number of queries; the articles' long text
        fields stay in the database unless `full_articles` (to highlight the sentences)."""
        articles = Mention.objects.select_related("article")
        if not full_articles:
            articles = articles.defer(
                "article__raw_text", "article__clean_text", "article__annotations"
            )
        # Plain lists (to_attr), read by Event.actor_links() and Event.source_mentions():
        # a prefetch kept as a QuerySet is one more QuerySet built per event.
        return self.select_related("place").prefetch_related(
            models.Prefetch(
                "event_actors",
                queryset=EventActor.objects.select_related("actor").order_by("id"),
                to_attr="listed_actor_links",
            ),
            models.Prefetch(
                "mentions",
                queryset=articles.order_by("article__published", "id"),
                to_attr="listed_mentions",
            ),
        )


PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
# A planned event reported as held this many days after its planned date is the same one
# (talks put off by a few days); beyond that it is another.
HELD_LATER = datetime.timedelta(days=7)


class Event(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        CONFIRMED = "confirmed", "confirmed"
        REJECTED = "rejected", "rejected"

    date = models.DateField(help_text="The first day of the period the event is known to within.")
    precision = models.CharField(max_length=5, choices=Precision.choices, default=Precision.DAY)
    # Day before month before year on the same first day: the more exact date sorts first.
    precision_rank = models.PositiveSmallIntegerField(default=0, editable=False)
    type = models.CharField(max_length=20, choices=EventType.choices, default=EventType.OTHER)
    summary = models.CharField(max_length=500)
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    actors = models.ManyToManyField(Actor, through="EventActor", related_name="events")
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    confidence = models.FloatField(default=0.5)
    planned = models.BooleanField(
        default=False, help_text="Still in the future when the article was published."
    )
    curated = models.BooleanField(
        default=False, help_text="A curator edited it: re-extraction leaves it alone."
    )
    # How much it matters to a reader (timeline/ranking.py): kept up to date on every write
    # of the event or its mentions, so "key events only" is an index range, not a computation.
    importance = models.PositiveSmallIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date", "precision_rank", "id"]
        indexes = [
            models.Index(fields=["status", "date"]),
            models.Index(fields=["type", "date"]),
            models.Index(fields=["date", "precision_rank", "id"]),
            # Newest first: date down, the more exact date first, then id down.
            models.Index(
                models.F("date").desc(),
                "precision_rank",
                models.F("id").desc(),
                name="event_newest_first",
            ),
            models.Index(fields=["importance", "date"]),
        ]

    def __str__(self) -> str:
        return f"{self.date_display()}: {self.summary}"

    def save(self, *args, **kwargs):
        self.precision_rank = PRECISION_RANK.get(self.precision, 0)
        sources = self.mentions.values("article_id").distinct().count() if self.pk else 0
        self.importance = self.score(sources)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "importance"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return url_with_id("timeline:event", self.pk)

    def score(self, sources: int) -> int:
        confirmed = self.status == Event.Status.CONFIRMED
        return ranking.importance(event_type=self.type, confirmed=confirmed, sources=sources)

    @property
    def is_key(self) -> bool:
        return self.importance >= ranking.KEY_THRESHOLD

    @property
    def cameo(self) -> str:
        return EVENT_TYPES.get(self.type, "")

    @property
    def type_label(self) -> str:
        """`get_type_display()` from a dict made once: "Meeting" for "meeting" (a list page
        asks fifty times; Django's rebuilds the choices each time)."""
        return TYPE_LABELS.get(self.type, self.type)

    @property
    def iso_date(self) -> str:
        """ISO at the event's precision: "2012-12-28", "2012-06", "2012"."""
        if self.precision == Precision.YEAR:
            return f"{self.date.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def date_display(self) -> str:
        """The date as precise as it is known: "28 Dec 2012", "June 2012", "2012"."""
        return format_date(self.date, self.precision)

    def actor_links(self) -> list[EventActor]:
        """Its links to actors, with the actors, in the order they were linked: those
        `EventQuerySet.for_listing()` fetched, else one query."""
        links = getattr(self, "listed_actor_links", None)
        if links is None:
            links = list(self.event_actors.select_related("actor").order_by("id"))
        return links

    def source_mentions(self) -> list[Mention]:
        """Its mentions, with their articles, first published first: those
        `EventQuerySet.for_listing()` fetched, else one query."""
        mentions = getattr(self, "listed_mentions", None)
        if mentions is None:
            mentions = list(
                self.mentions.select_related("article").order_by("article__published", "id")
            )
        return mentions

    def sources(self) -> list[Article]:
        """The articles reporting it, first published first, from its mentions."""
        seen: dict[int, Article] = {}
        for mention in self.source_mentions():
            seen.setdefault(mention.article_id, mention.article)
        return sorted(seen.values(), key=lambda a: (a.published, a.pk))

    def citation(self, permalink: str, *, site: str, accessed: datetime.date) -> str:
        """A plain-text reference to the event and each of its sources, for a paper or a note."""
        lines = [
            f"“{self.summary}”, {self.date_display()}. {site}, event {self.pk}. "
            f"{permalink} (accessed {format_date(accessed, 'day')})."
        ]
        sources = self.sources()
        if sources:
            lines.append("Sources:")
            lines += [f"- {article.citation()}." for article in sources]
        return "\n".join(lines)


class ReviewQueue(Event):
    """Proposed events, least confident first: what a curator looks at next."""

    class Meta:
        proxy = True
        verbose_name = "proposed event"
        verbose_name_plural = "review queue"


def format_date(day: datetime.date, precision: str) -> str:
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%b %Y')}"


class EventActor(models.Model):
    class Role(models.TextChoices):
        SOURCE = "source", "source (acted)"
        TARGET = "target", "target (acted on)"
        OTHER = "other", "other"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="event_actors")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="event_links")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.OTHER)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "actor"], name="unique_actor_per_event")
        ]
        indexes = [models.Index(fields=["actor", "event"])]

    def __str__(self) -> str:
        return f"{self.actor} ({self.role})"


class Mention(models.Model):
    """Where an event is reported: one sentence of one article, and how its date was read."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="mentions")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    sentence = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the sentence in the article's text.")
    end = models.PositiveIntegerField()
    date_text = models.CharField(max_length=200, blank=True)
    date_start = models.IntegerField(null=True, blank=True)
    date_end = models.IntegerField(null=True, blank=True)
    date_value = models.CharField(max_length=10, blank=True)
    date_anchor = models.CharField(max_length=12, blank=True)
    date_anchor_value = models.CharField(max_length=10, blank=True)
    confidence = models.FloatField(default=0.5)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "start"], name="unique_mention_per_sentence"
            )
        ]

    def __str__(self) -> str:
        return self.sentence[:80]

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        mention = super().from_db(db, field_names, values, **kwargs)
        # Moving a mention to another event changes the sources of both.
        mention._loaded_event_id = mention.__dict__.get("event_id")
        return mention

    def resolution(self) -> str:
        """How the date was read: "Friday, relative to the publication date 28 Dec 2012"."""
        anchor = {
            "published": "the publication date",
            "dateline": "the dateline",
            "previous": "the date mentioned before it",
        }.get(self.date_anchor)
        anchor_value = format_iso(self.date_anchor_value)
        if not self.date_text:
            if anchor and anchor_value:
                return f"no date in the sentence: {anchor}, {anchor_value}, was used"
            published = format_date(self.article.published, "day")
            return f"no date in the sentence: the publication date, {published}, was used"
        if self.date_anchor == "absolute" or not anchor or not anchor_value:
            return f"“{self.date_text}”, a calendar date"
        return f"“{self.date_text}”, relative to {anchor} {anchor_value}"


def format_iso(value: str) -> str:
    """ "2012-12-28" -> "28 Dec 2012", "2012-06" -> "June 2012", "2012" -> "2012"; "" for junk."""
    parts = value.split("-") if value else []
    try:
        if len(parts) == 3:
            return format_date(datetime.date.fromisoformat(value), "day")
        if len(parts) == 2:
            return format_date(datetime.date(int(parts[0]), int(parts[1]), 1), "month")
        if len(parts) == 1:
            return str(int(parts[0]))
    except ValueError:
        pass
    return ""


class Submission(models.Model):
    """An article given through the web form, from upload through extraction in the background.

    One batch is what one form sent: a pasted text, a URL, or several files.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "waiting for the publication date to be confirmed"
        QUEUED = "queued", "waiting for a worker"
        RUNNING = "running", "extracting"
        DONE = "done", "extracted"
        DUPLICATE = "duplicate", "already in the timeline"
        UNSUPPORTED = "unsupported", "language not supported"
        FAILED = "failed", "failed"

    FINISHED = {Status.DONE, Status.DUPLICATE, Status.UNSUPPORTED, Status.FAILED}

    batch = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    name = models.CharField(max_length=1000, help_text="The file name, the URL or “pasted text”.")
    data = models.BinaryField(blank=True, help_text="The text to analyse; emptied once stored.")
    filename = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, blank=True)
    detected_published = models.DateField(null=True, blank=True)
    detected_how = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True)
    published_how = models.CharField(
        max_length=20, choices=Article.PublishedHow.choices, default=Article.PublishedHow.GIVEN
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    error = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    new_events = models.JSONField(default=list, blank=True)
    merged_events = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The task that extracts it (django_tasks_db's DBTaskResult id): requeueing a task whose
    # worker died requeues the submission too, so the two always say the same.
    task_id = models.CharField(max_length=64, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="How many times a worker started extracting it."
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def finished(self) -> bool:
        return self.status in self.FINISHED

    def enqueue(self) -> None:
        """Queue its extraction. With the database queue the task row is written in the
        current transaction, so the submission and its task commit together; another backend
        (the immediate one runs the task at once) gets it when the transaction commits."""
        from django.db import transaction

        from timeline.tasks import extract_submission, uses_database_queue

        def enqueue():
            self.task_id = str(extract_submission.enqueue(self.pk).id)
            Submission.objects.filter(pk=self.pk).update(task_id=self.task_id)

        if uses_database_queue():
            enqueue()
        else:
            transaction.on_commit(enqueue)


class WorkerHeartbeatQuerySet(models.QuerySet):
    def alive(self) -> WorkerHeartbeatQuerySet:
        """Workers heard from within TASKS_WORKER_TIMEOUT seconds."""
        from django.utils import timezone

        since = timezone.now() - datetime.timedelta(seconds=settings.TASKS_WORKER_TIMEOUT)
        return self.filter(seen_at__gte=since)


class WorkerHeartbeat(models.Model):
    """A `manage.py db_worker` process, as last heard from: it writes this row every
    TASKS_HEARTBEAT seconds, idle or busy. A task whose worker has gone quiet is requeued."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(db_index=True)

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}, pid {self.pid})"


GENERATION_KEY = "timeline:generation"


def generation() -> int:
    """A number that changes whenever events, their actors, mentions, places or articles
    are written: the key of every summary kept in the cache."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Random, so that a generation lost from the cache is not started again at a number
        # that summaries of older data are still kept under.
        cache.add(GENERATION_KEY, random.randrange(1 << 48), None)
        value = cache.get(GENERATION_KEY)
    return value


def data_changed(**kwargs) -> None:
    with contextlib.suppress(ValueError):  # none yet: the next reader starts one
        cache.incr(GENERATION_KEY)


def summary(name: str, key: str, compute):
    """`compute()`, kept in the cache under `name` and `key` until the data change (or for
    SUMMARY_CACHE_SECONDS, the longest another process's writes can go unseen)."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()
    cache_key = f"timeline:{name}:{generation()}:{digest}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, settings.SUMMARY_CACHE_SECONDS)
    return value


def public_month_counts() -> dict[datetime.date, int]:
    """Public events per month, {first day of month: n}: the chart's full period and the
    header's years. Kept until an event is written, so pages do not count every row."""
    return summary("public-months", "", lambda: Event.objects.visible().month_counts())


for model in (Event, EventActor, Mention, Place, Article):
    post_save.connect(data_changed, sender=model, dispatch_uid=f"data_changed_save_{model}")
    post_delete.connect(data_changed, sender=model, dispatch_uid=f"data_changed_del_{model}")


@receiver([post_save, post_delete], sender=Mention)
def rescore_events(sender, instance, **kwargs):
    """An event's sources changed: store its importance again (and the old event's, if the
    mention moved). Bulk writes skip signals: they call EventQuerySet.rescore(). A backup
    being restored (raw) brings the scores it had."""
    if kwargs.get("raw"):
        return
    ids = {instance.event_id, getattr(instance, "_loaded_event_id", None)} - {None}
    Event.objects.filter(pk__in=ids).rescore()
