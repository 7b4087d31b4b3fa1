"""Where text becomes rows: `ingest_article(...)` and the pipeline it shares with re-extraction."""

from __future__ import annotations

import datetime
import logging
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from timeline.extraction.actors import actor_key
from timeline.extraction.clean import (
    Document,
    UnreadableArticle,
    headline,
    is_headline,
    load_document,
)
from timeline.extraction.pipeline import NoPublicationDate, Pipeline
from timeline.extraction.types import Event as FoundEvent
from timeline.extraction.types import Extraction, KnownActor, KnownOffice, same_kin
from timeline.models import (
    PRECISION_RANK,
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    EventType,
    Mention,
    Office,
    Place,
    content_hash,
    data_changed,
    is_web_address,
)

log = logging.getLogger(__name__)


class IngestError(ValueError):
    """Input that cannot become an article; the message is for the person who gave it."""


# Older dates are typos (and the calendar arithmetic of relative dates runs off year 1).
EARLIEST_PUBLISHED = datetime.date(1800, 1, 1)


def check_published(day: datetime.date) -> None:
    """IngestError unless `day` can be a publication date: not before 1800, not in the future.

    A day of slack covers time zones ahead of the server's.
    """
    latest = timezone.now().date() + datetime.timedelta(days=1)
    if day > latest:
        raise IngestError(f"The publication date {day.isoformat()} is in the future.")
    if day < EARLIEST_PUBLISHED:
        raise IngestError(
            f"The publication date {day.isoformat()} is before "
            f"{EARLIEST_PUBLISHED.year}: is it a typo?"
        )


def web_address(url: str, *, what: str = "The URL") -> str:
    """`url` stripped if it is an http(s) address with a host, else IngestError.

    Only such addresses become links: a page's canonical link may say `javascript:`.
    """
    url = url.strip()
    if url and not is_web_address(url):
        raise IngestError(f"{what} {url[:100]!r} is not a web address (http or https).")
    return url


@dataclass
class IngestResult:
    name: str
    status: str  # "created", "duplicate", "unsupported"
    article: Article | None = None
    events_new: int = 0
    events_merged: int = 0
    actors_new: int = 0
    messages: list[str] = field(default_factory=list)
    new_event_ids: list[int] = field(default_factory=list)
    merged_event_ids: list[int] = field(default_factory=list)
    mention_ids: set[int] = field(default_factory=set)


# One pipeline per process. New actors and aliases are taught to it (Pipeline.learn); it is
# built again only when rows went away or changed (a merge, a deletion) or the offices did.
_pipeline_lock = threading.Lock()
_pipeline: tuple[tuple, Pipeline] | None = None
# How often the pipeline was built and taught, for the benchmarks and the tests.
pipeline_builds = {"built": 0, "taught": 0}


def actors_version() -> tuple:
    """(actors, aliases, last actor id, last alias id, offices, offices' last change), in one
    query: it is asked before every article."""
    actor, alias, office = (
        connection.ops.quote_name(m._meta.db_table) for m in (Actor, ActorAlias, Office)
    )
    updated = connection.ops.quote_name(Office._meta.get_field("updated").column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {actor}), (SELECT COUNT(*) FROM {alias}), "
            f"(SELECT MAX(id) FROM {actor}), (SELECT MAX(id) FROM {alias}), "
            f"(SELECT COUNT(*) FROM {office}), (SELECT MAX({updated}) FROM {office})"
        )
        actors, aliases, last_actor, last_alias, offices, changed = cursor.fetchone()
    return (actors, aliases, last_actor or 0, last_alias or 0, offices, changed)


def known_offices() -> list[KnownOffice]:
    """The offices curators keep in the admin; what "the UN envoy" resolves by."""
    return [office.as_known() for office in Office.objects.all()]


def known_actors(actors=None) -> list[KnownActor]:
    actors = (actors if actors is not None else Actor.objects.all()).select_related("country")
    return [
        KnownActor(
            name=a.name,
            kind=a.kind,
            aliases=tuple(alias.name for alias in a.aliases.all() if alias.name != a.name),
            country=a.country.name if a.country else None,
        )
        for a in actors.prefetch_related("aliases")
    ]


def actors_since(old: tuple, new: tuple) -> list[KnownActor] | None:
    """What the database gained between two versions, when it only gained: new actors with
    their aliases, and known actors with only their new aliases. None when anything went
    away or the offices changed."""
    actors, aliases, last_actor, last_alias, *offices = old
    if tuple(offices) != tuple(new[4:]):
        return None
    # Up to the new version's last ids: rows another process stores meanwhile are for the
    # next version (counted here they would look like a deletion and cost a rebuild).
    new_actors = Actor.objects.filter(pk__gt=last_actor, pk__lte=new[2])
    new_aliases = ActorAlias.objects.filter(pk__gt=last_alias, pk__lte=new[3])
    # Only additions since: every row counted is one of the new ones.
    if new[0] - actors != new_actors.count() or new[1] - aliases != new_aliases.count():
        return None
    gained = known_actors(new_actors.order_by("name"))
    new_names: dict[int, list[str]] = {}
    for actor_id, name in new_aliases.filter(actor__pk__lte=last_actor).values_list(
        "actor_id", "name"
    ):
        new_names.setdefault(actor_id, []).append(name)
    older = Actor.objects.filter(pk__in=new_names).select_related("country").order_by("name")
    for a in older:
        names = [name for name in new_names[a.pk] if name != a.name]
        if names:
            gained.append(
                KnownActor(
                    name=a.name,
                    kind=a.kind,
                    aliases=tuple(sorted(names)),
                    country=a.country.name if a.country else None,
                )
            )
    return gained


def get_pipeline() -> Pipeline:
    """The process's pipeline, knowing the database's actors and offices."""
    global _pipeline
    version = actors_version()
    with _pipeline_lock:
        if _pipeline is not None and _pipeline[0] != version:
            gained = actors_since(_pipeline[0], version)
            if gained is not None and _pipeline[1].learn(gained):
                pipeline_builds["taught"] += 1
                _pipeline = (version, _pipeline[1])
        if _pipeline is None or _pipeline[0] != version:
            nlp = _pipeline[1].nlp if _pipeline is not None else None
            _pipeline = (
                version,
                Pipeline(settings.SPACY_MODEL, known_actors(), nlp=nlp, offices=known_offices()),
            )
            pipeline_builds["built"] += 1
        return _pipeline[1]


# Any fixed number: the PostgreSQL advisory lock that ingest, re-extraction and merges share.
STORE_LOCK = 7_231_104


def lock_the_store() -> None:
    """Let one transaction at a time turn findings into rows; call inside the transaction.

    Several processes extract in parallel (that is the slow part), but storing must see what
    the others stored: the same text, a new actor, the same event reported elsewhere. SQLite
    already takes its write lock at BEGIN (IMMEDIATE transactions, see settings); PostgreSQL
    takes this advisory lock, released at commit or rollback.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK])


def read_document(data: bytes | str, filename: str = "") -> Document:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > settings.INGEST_MAX_BYTES:
        limit = settings.INGEST_MAX_BYTES / 1024 / 1024
        raise IngestError(f"the file is larger than the {limit:g} MB limit")
    try:
        return load_document(data, filename)
    except UnreadableArticle as exc:
        raise IngestError(str(exc)) from exc


def ingest_article(
    *,
    data: bytes | str,
    filename: str = "",
    published: datetime.date | None = None,
    published_how: str = Article.PublishedHow.GIVEN,
    title: str = "",
    outlet: str = "",
    url: str = "",
    pipeline: Pipeline | None = None,
) -> IngestResult:
    """Read, extract and store one article in one transaction; raise IngestError on bad input.

    Ingesting the same text again adds nothing and says "duplicate".
    """
    # NUL cannot be stored in PostgreSQL text and is never meant: drop it from the labels.
    title, outlet, url, filename = (v.replace("\x00", "") for v in (title, outlet, url, filename))
    name = filename or title or url or "text"
    url = web_address(url)
    if published is not None:
        check_published(published)
    document = read_document(data, filename)
    digest = content_hash(document.source)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(name=name, status="duplicate", article=existing)
    how, note = published_how, ""
    if published is None and document.published is not None:
        how, note = Article.PublishedHow.METADATA, document.published_how
    pipeline = pipeline or get_pipeline()
    try:
        extraction = pipeline.extract(document, published=published, title=title)
    except NoPublicationDate as exc:
        raise IngestError(str(exc)) from exc
    except (OverflowError, ValueError) as exc:
        # Calendar arithmetic past year 9999 or before year 1, from a date in the text.
        log.warning("Extraction of %s failed: %s", name, exc, exc_info=True)
        raise IngestError(f"A date in the article is off the calendar ({exc}).") from exc
    if published is None:
        check_published(extraction.published)  # read from a dateline
    if published is None and document.published is None:
        how, note = Article.PublishedHow.DATELINE, "the dateline"
    article = Article(
        title=article_title(title, extraction.title, document.text, outlet or document.outlet),
        outlet=(outlet or document.outlet)[:200],
        url=url or (document.url.strip() if is_web_address(document.url) else ""),
        filename=filename[:300],
        published=extraction.published,
        published_how=how,
        published_note=note[:300],
        raw_text=document.source,
        clean_text=document.text,
        content_hash=digest,
        language=document.language,
    )
    with transaction.atomic():
        lock_the_store()
        # Another process may have stored the same text while this one was extracting.
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is not None:
            return IngestResult(name=name, status="duplicate", article=existing)
        result = store_extraction(article, extraction)
    result.name = name
    return result


def article_title(given: str, found: str, text: str, outlet: str) -> str:
    """The title a person gave; else the one read from the page or text if it is a headline,
    else the first headline-like line of the text; never page furniture ("World News >")."""
    if given.strip():
        return given.strip()[:500]
    if found and is_headline(found, outlet=outlet):
        return found.strip()[:500]
    return headline(text, outlet=outlet)[:500]


def store_extraction(article: Article, extraction: Extraction) -> IngestResult:
    """Save an article (new or re-extracted) and its events; call inside a transaction."""
    supported = extraction.language in {"en", "und"}
    article.status = Article.Status.DONE if supported else Article.Status.UNSUPPORTED
    article.error = "" if supported else f"language not supported ({extraction.language})"
    article.extracted_at = timezone.now()
    article.annotations = {
        "dates": [
            {
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value,
                "precision": d.precision,
                "anchor": d.anchor,
                "anchor_value": d.anchor_value,
            }
            for d in extraction.dates
        ],
        "actors": [{"start": a.start, "end": a.end, "name": a.name} for a in extraction.actors],
    }
    stored_before = article.pk is not None
    article.save()
    result = IngestResult(
        name=str(article), status="created" if supported else "unsupported", article=article
    )
    store = EventStore(result, article, stored_before=stored_before)
    store.look_up_actors(extraction.events)
    for found in extraction.events:
        store.add(found)
    store.flush()
    return result


class EventStore:
    """Turns one article's found events into rows, merging into events other articles already
    reported. It runs under the store lock, where parallel ingest takes turns, so it keeps
    round trips few: the actors of all the article's names are read at once
    (`look_up_actors`), its mentions and new aliases are written at once (`flush`)."""

    def __init__(self, result: IngestResult, article: Article, *, stored_before: bool = True):
        self.result = result
        self.article = article
        self.actors: dict[str, Actor] = {}  # by actor_key, found or created
        self.looked_up: set[str] = set()  # keys read from the database
        self.by_name: dict[str, Actor] = {}  # actors that have no alias of their name's key
        self.claimed: set[int] = set()  # events this article's findings went to
        self.new_aliases: list[ActorAlias] = []
        self.new_mentions: dict[tuple[int, int], Mention] = {}  # by (event, start)
        self.found: set[tuple[int, int]] = set()  # (event, start) of this extraction's mentions
        self.touched: set[int] = set()  # events whose mentions may have changed
        # A new article has no mentions yet; a re-extracted one keeps those found again.
        self.stored_mentions: dict[tuple[int, int], int] = {}
        if stored_before:
            rows = article.mentions.values_list("event_id", "start", "id")
            self.stored_mentions = {(event, start): pk for event, start, pk in rows}

    def look_up_actors(self, found_events) -> None:
        """Read the stored actors of every name (and country) in `found_events` in two
        queries rather than two a name."""
        names: dict[str, str] = {}
        for found in found_events:
            for mention in found.actors:
                for name in (mention.name, mention.country):
                    if name:
                        names.setdefault(actor_key(name), name)
        self.look_up(names)

    def look_up(self, names: dict[str, str]) -> None:
        """Read the actors of `names` ({key: name}) not read yet: by alias key, else by name."""
        keys = set(names) - self.looked_up
        if not keys:
            return
        self.looked_up |= keys
        for alias in ActorAlias.objects.select_related("actor").filter(key__in=keys):
            self.actors[alias.key] = alias.actor
        unaliased = [names[key] for key in keys if key not in self.actors]
        if unaliased:
            self.by_name.update((a.name, a) for a in Actor.objects.filter(name__in=unaliased))

    def actor(self, name: str, kind: str, country: str | None) -> Actor:
        key = actor_key(name)
        self.look_up({key: name})
        if key in self.actors:
            return self.actors[key]
        actor = self.by_name.get(name)
        if actor is None:
            actor = Actor.objects.create(
                name=name,
                kind=kind,
                country=self.actor(country, "country", None) if country else None,
            )
            self.result.actors_new += 1
        self.new_aliases.append(ActorAlias(actor=actor, name=name, key=key))
        self.actors[key] = actor
        return actor

    def add(self, found: FoundEvent) -> Event:
        """Store one finding: a new event or a source of one already stored. Its mentions
        are written by `flush`."""
        actors = {}
        for mention in found.actors:
            actor = self.actor(mention.name, mention.kind, mention.country)
            actors.setdefault(actor.pk, (actor, mention.role))
        day = found.date.first_day
        precision = found.date.precision
        event = find_same_event(
            day, precision, found.type, set(actors), exclude=self.claimed, planned=found.planned
        )
        if event is None:
            event = Event.objects.create(
                date=day,
                precision=precision,
                type=found.type,
                summary=found.summary[:500],
                place=Place.objects.get_or_create(name=found.place[:200])[0]
                if found.place
                else None,
                confidence=found.confidence,
                planned=found.planned,
            )
            self.result.events_new += 1
            self.result.new_event_ids.append(event.pk)
            have = set()
        else:
            self.result.events_merged += 1
            self.result.merged_event_ids.append(event.pk)
            if event.planned and not found.planned:
                took_place(event, day, precision)
            have = None
        self.claimed.add(event.pk)
        # A curator's decision stands: the machine adds sources to it, never actors.
        if not event.curated and event.status == Event.Status.PROPOSED:
            if have is None:
                have = set(event.event_actors.values_list("actor_id", flat=True))
            links = [
                EventActor(event=event, actor=actor, role=role)
                for pk, (actor, role) in actors.items()
                if pk not in have
            ]
            if links:
                EventActor.objects.bulk_create(links)
        sentences = [(found.evidence, found.start, found.end, found.date)] + list(found.mentions)
        for sentence, start, end, date in sentences:
            where = (event.pk, start)
            self.found.add(where)
            if where in self.stored_mentions or where in self.new_mentions:
                continue
            self.new_mentions[where] = Mention(
                event=event,
                article=self.article,
                start=start,
                sentence=sentence,
                end=end,
                date_text=(date.text if date else "")[:200],
                date_start=date.start if date and date.start >= 0 else None,
                date_end=date.end if date and date.start >= 0 else None,
                date_value=(date.value or "") if date else "",
                date_anchor=(date.anchor or "") if date else "",
                date_anchor_value=(date.anchor_value or "") if date else "",
                confidence=found.confidence,
            )
        self.touched.add(event.pk)
        return event

    def flush(self) -> None:
        """Write the new aliases and mentions, and score again the events that gained sources
        (bulk writes skip the signals that would, one mention at a time)."""
        if self.new_aliases:
            ActorAlias.objects.bulk_create(self.new_aliases)
            self.new_aliases = []
        if self.new_mentions:
            mentions = Mention.objects.bulk_create(self.new_mentions.values())
            self.stored_mentions.update(((m.event_id, m.start), m.pk) for m in mentions)
            self.new_mentions = {}
            data_changed()
        self.result.mention_ids.update(self.stored_mentions[where] for where in self.found)
        if self.touched:
            Event.objects.filter(pk__in=self.touched).rescore()
            self.touched = set()


@dataclass
class Reextraction:
    """What re-running the pipeline on one stored article changed."""

    article: Article
    new_events: list[Event] = field(default_factory=list)
    merged_events: list[Event] = field(default_factory=list)
    removed_events: list[str] = field(default_factory=list)
    removed_mentions: int = 0
    kept_events: list[Event] = field(default_factory=list)

    def summary(self) -> str:
        """ "2 new events, 1 merged, 1 removed, 0 mentions removed, 3 kept by curators" """
        return (
            f"{len(self.new_events)} new events, {len(self.merged_events)} found again or merged, "
            f"{len(self.removed_events)} removed, {self.removed_mentions} mentions removed, "
            f"{len(self.kept_events)} kept as curated"
        )

    def lines(self) -> list[str]:
        out = [f"{self.article.pk} {self.article}: {self.summary()}"]
        out += [f"  + #{e.pk} {e}" for e in self.new_events]
        out += [f"  - {text}" for text in self.removed_events]
        out += [
            f"  = #{e.pk} {e} ({e.status}{', curated' if e.curated else ''})"
            for e in self.kept_events
        ]
        return out


def reextract_article(article: Article, pipeline: Pipeline | None = None) -> Reextraction:
    """Run the current pipeline on a stored article again and reconcile its events.

    Curated, confirmed and rejected events are never changed (rejected ones are not
    brought back: a finding that matches one only adds a mention to it). New findings
    become proposed events. Mentions this article gave to proposed, uncurated events
    and that are no longer found are removed, and so is an event left with no mention.
    """
    document = read_document(article.raw_text, article.filename)
    pipeline = pipeline or get_pipeline()
    try:
        extraction = pipeline.extract(document, published=article.published, title=article.title)
    except NoPublicationDate as exc:  # the article has a date, so this can't happen; be clear
        raise IngestError(str(exc)) from exc
    report = Reextraction(article=article)
    with transaction.atomic():
        lock_the_store()
        before = set(article.mentions.values_list("id", flat=True))
        # A sentence a curator has decided on (its event curated, confirmed or rejected)
        # is theirs: finding it again must not make a second event of it.
        decided = set(
            article.mentions.exclude(
                event__status=Event.Status.PROPOSED, event__curated=False
            ).values_list("start", flat=True)
        )
        extraction.events = [e for e in extraction.events if e.start not in decided]
        found_events, extraction.events = extraction.events, []
        result = store_extraction(article, extraction)
        store = EventStore(result, article)
        store.look_up_actors(found_events)
        found_actors: dict[int, set[int]] = {}
        for found in found_events:
            event = store.add(found)
            names = {store.actor(a.name, a.kind, a.country).pk for a in found.actors}
            found_actors.setdefault(event.pk, set()).update(names)
        store.flush()
        # An event only this article supports and no curator touched takes the actors
        # found now: a curator's new alias may have replaced a wrong one.
        for event in Event.objects.filter(
            pk__in=found_actors, status=Event.Status.PROPOSED, curated=False
        ).exclude(mentions__in=Mention.objects.exclude(article=article)):
            EventActor.objects.filter(event=event).exclude(
                actor_id__in=found_actors[event.pk]
            ).delete()
        stale = Mention.objects.filter(pk__in=before - result.mention_ids).select_related("event")
        touched: dict[int, Event] = {}
        for mention in stale:
            event = mention.event
            if event.curated or event.status != Event.Status.PROPOSED:
                touched.setdefault(event.pk, event)
                continue
            mention.delete()
            report.removed_mentions += 1
            if not event.mentions.exists():
                report.removed_events.append(f"#{event.pk} {event}")
                event.delete()
        report.kept_events = list(touched.values())
        report.new_events = list(Event.objects.filter(pk__in=result.new_event_ids))
        report.merged_events = list(
            Event.objects.filter(pk__in=set(result.merged_event_ids) - set(result.new_event_ids))
        )
    return report


def truncate(day: datetime.date, precision: str) -> tuple:
    if precision == "year":
        return (day.year,)
    if precision == "month":
        return (day.year, day.month)
    return (day.year, day.month, day.day)


def took_place(event: Event, day: datetime.date, precision: str) -> None:
    """A planned event another article reports as held: held, on the day it was held. A
    curator's event keeps its date and its plan; only the machine's own guess is updated."""
    if event.curated or event.status != Event.Status.PROPOSED:
        return
    event.planned = False
    if PRECISION_RANK[precision] <= PRECISION_RANK[event.precision] and day >= event.date:
        event.date, event.precision = day, precision
    event.save(update_fields=["planned", "date", "precision"])


def find_same_event(
    day: datetime.date,
    precision: str,
    type: str,
    actor_ids: set[int],
    exclude: set[int] = frozenset(),
    planned: bool = False,
) -> Event | None:
    """An event already stored for the same happening: kindred type, actors that overlap (or
    none on either side), and a compatible date: the same at the coarser precision, or, for
    a report of something held, a planned event up to a week before it. Of several, the one
    sharing the most actors. Rejected events match too, so a rejected happening is not
    brought back by another article. `exclude` holds events this article's other findings
    already took: the pipeline has said those are different happenings."""
    kin = {t for t in EventType.values if same_kin(t, type)}
    candidates = Event.objects.exclude(pk__in=exclude).same_happening(
        day, precision, kin, actor_ids, planned=planned
    )
    best, best_score = None, 0.0
    for event in candidates:
        coarser = max(precision, event.precision, key=PRECISION_RANK.get)
        same_date = truncate(event.date, coarser) == truncate(day, coarser)
        if not actor_ids:
            score = 1.0  # neither side names anyone
        elif not same_date and event.shared < 2:
            continue  # a week apart, only the same parties make it the same happening
        else:
            score = event.shared / (event.n_actors + len(actor_ids) - event.shared)
        if score > best_score:
            best, best_score = event, score
    return best
