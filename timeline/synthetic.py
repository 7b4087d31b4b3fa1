"""Synthetic chronologies for measuring the site at any size (`manage.py seed_synthetic`).

The rows look like the real ones (an actor in 41% of events, the others Zipf-distributed;
one to four actors an event; a few sources for some events; articles whose text holds the
sentences their mentions point to) and are marked so they never pass for real data:
articles have the outlet "synthetic" and a file name under "synthetic/"; actors and places
have slugs starting "synthetic-". `clear()` removes exactly those rows and the events only
they report. The same seed gives the same rows.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q

from timeline import ranking
from timeline.extraction.actors import actor_key
from timeline.extraction.types import EVENT_TYPE_INFO
from timeline.models import (
    PRECISION_RANK,
    Actor,
    ActorAlias,
    Article,
    Event,
    EventActor,
    Mention,
    Place,
    Submission,
    content_hash,
    data_changed,
)

OUTLET = "synthetic"
FILE_PREFIX = "synthetic/"
SLUG_PREFIX = "synthetic-"
BATCH = 2000

# The share of events that name the busiest actor (Syria in the real corpus).
BUSIEST_SHARE = 0.41
FIRST_DAY = datetime.date(2011, 1, 1)
LAST_DAY = datetime.date(2018, 12, 31)

SYLLABLES = [
    "al",
    "ba",
    "ka",
    "ri",
    "mo",
    "ve",
    "na",
    "tor",
    "lin",
    "da",
    "sa",
    "mir",
    "ko",
    "va",
    "ze",
    "re",
    "tu",
    "an",
    "el",
    "os",
    "ma",
    "ni",
    "ga",
    "ro",
    "bel",
    "dor",
    "fa",
    "hu",
    "ja",
    "ke",
    "lo",
    "me",
    "nu",
    "pa",
    "qa",
    "ru",
    "si",
    "ta",
    "ur",
    "vi",
    "wa",
    "ya",
    "zu",
    "har",
    "mek",
    "sol",
    "tav",
]

# How often each type turns up, roughly as in the real corpus: meetings and statements first.
TYPE_WEIGHTS = {
    "meeting": 24,
    "statement": 18,
    "visit": 7,
    "proposal": 6,
    "appeal": 5,
    "agreement": 5,
    "ceasefire": 4,
    "resolution": 2,
    "vote": 2,
    "veto": 1,
    "invitation": 3,
    "rejection": 3,
    "threat": 2,
    "sanction": 2,
    "appointment": 2,
    "resignation": 1,
    "election": 1,
    "resumption": 2,
    "postponement": 2,
    "suspension": 1,
    "withdrawal": 1,
    "expulsion": 1,
    "release": 1,
    "evacuation": 1,
    "recognition": 1,
    "protest": 1,
    "violence": 1,
    "other": 2,
}

PHRASES = {
    "meeting": "meets {others}",
    "visit": "visits {place}",
    "invitation": "invites {others} to talks",
    "statement": "says a political solution is the only way out",
    "proposal": "proposes a plan for a transition",
    "appeal": "calls for a ceasefire and humanitarian access",
    "agreement": "agrees with {others} on a roadmap",
    "ceasefire": "declares a ceasefire",
    "resolution": "adopts a resolution on the crisis",
    "vote": "votes on a draft resolution",
    "veto": "vetoes a draft resolution",
    "recognition": "recognises the opposition coalition",
    "appointment": "appoints a new envoy",
    "resignation": "resigns as envoy",
    "election": "holds a presidential election",
    "resumption": "resumes talks with {others}",
    "postponement": "postpones talks with {others}",
    "suspension": "suspends its monitoring mission",
    "withdrawal": "withdraws its observers",
    "expulsion": "expels the ambassador of {others}",
    "sanction": "imposes sanctions on {others}",
    "release": "releases detainees",
    "evacuation": "evacuates civilians from {place}",
    "rejection": "rejects the proposal of {others}",
    "threat": "threatens {others} with strikes",
    "protest": "protests against the talks",
    "violence": "shells positions near {place}",
    "other": "discusses the crisis",
}

FILLER = (
    "Diplomats said the talks were expected to continue.",
    "The ceasefire has been violated repeatedly, monitors said.",
    "Officials declined to comment on the details.",
    "The envoy is due to brief the Security Council next week.",
    "Humanitarian agencies said access remained limited.",
    "The opposition said it would study the proposal.",
)


def migrated() -> bool:
    """Whether the database has every migration applied (a benchmark on an old schema fails
    halfway with "no such table")."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def synthetic_articles():
    return Article.objects.filter(outlet=OUTLET, filename__startswith=FILE_PREFIX)


def real_articles():
    return Article.objects.exclude(outlet=OUTLET, filename__startswith=FILE_PREFIX)


@dataclass
class Plan:
    """Everything to write, as plain tuples: 100,000 events fit in a few tens of MB."""

    actors: list[tuple[str, str, int | None]] = field(default_factory=list)  # name, kind, country
    places: list[tuple[str, float, float]] = field(default_factory=list)
    # date, precision, type, status, place index, actor indexes, article indexes
    events: list[tuple] = field(default_factory=list)
    published: list[datetime.date] = field(default_factory=list)


def name_maker(rng: random.Random, taken: set[str]):
    def word(low: int, high: int) -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high))).capitalize()

    def make(shape: str) -> str:
        for _ in range(1000):
            if shape == "organization":
                name = rng.choice(
                    ["{} Council", "{} Front", "League of {}", "{} Coalition", "{} Committee"]
                ).format(word(2, 3))
            elif shape == "person":
                name = f"{word(2, 3)} {word(2, 4)}"
            else:  # a country or a place
                name = word(2, 4)
            key = actor_key(name)
            if name not in taken and key not in taken:
                taken.update((name, key))
                return name
        raise RuntimeError("ran out of synthetic names")

    return make


def make_plan(*, events: int, actors: int, articles: int, seed: int, taken=()) -> Plan:
    """The rows to write, drawn from `random.Random(seed)`: the same arguments, the same plan."""
    rng = random.Random(seed)
    plan = Plan()
    make = name_maker(rng, set(taken))
    countries = max(1, min(actors, 120, actors // 10 or 1))
    organizations = max(0, min(actors - countries, actors // 10))
    for n in range(actors):
        if n < countries:
            plan.actors.append((make("country"), Actor.Kind.COUNTRY, None))
        elif n < countries + organizations:
            plan.actors.append((make("organization"), Actor.Kind.ORGANIZATION, None))
        else:
            plan.actors.append((make("person"), Actor.Kind.PERSON, rng.randrange(countries)))
    n_places = max(1, min(400, events // 100 or 1))
    for _ in range(n_places):
        plan.places.append((make("place"), rng.uniform(12, 42), rng.uniform(25, 60)))

    span = (LAST_DAY - FIRST_DAY).days
    plan.published = sorted(
        FIRST_DAY + datetime.timedelta(days=rng.randrange(span)) for _ in range(articles)
    )
    # Zipf over everyone but the busiest actor; the busiest is drawn on its own.
    others = list(range(1, actors))
    cum, total = [], 0.0
    for rank in range(1, len(others) + 1):
        total += 1 / rank**1.1
        cum.append(total)
    place_cum, total = [], 0.0
    for rank in range(1, n_places + 1):
        total += 1 / rank
        place_cum.append(total)
    types = [t for t in TYPE_WEIGHTS if t in EVENT_TYPE_INFO]
    type_weights = [TYPE_WEIGHTS[t] for t in types]

    for _ in range(events):
        chosen: list[int] = [0] if actors and rng.random() < BUSIEST_SHARE else []
        want = rng.choices((1, 2, 3, 4), weights=(30, 45, 18, 7))[0]
        tries = 0
        while others and len(chosen) < want and tries < 20:
            tries += 1
            pick = rng.choices(others, cum_weights=cum)[0]
            if pick not in chosen:
                chosen.append(pick)
        first = rng.randrange(articles)
        sources = [first]
        for _ in range(rng.choices((0, 1, 2), weights=(75, 18, 7))[0]):
            near = min(articles - 1, max(0, first + rng.randint(-30, 30)))
            if near not in sources:
                sources.append(near)
        day = plan.published[first] - datetime.timedelta(days=rng.choices((0, 1, 2, 7))[0])
        precision = rng.choices(("day", "month", "year"), weights=(85, 12, 3))[0]
        if precision == "month":
            day = day.replace(day=1)
        elif precision == "year":
            day = day.replace(month=1, day=1)
        status = rng.choices(("proposed", "confirmed", "rejected"), weights=(85, 12, 3))[0]
        place = (
            rng.choices(range(n_places), cum_weights=place_cum)[0] if rng.random() < 0.7 else None
        )
        event_type = rng.choices(types, weights=type_weights)[0]
        plan.events.append((day, precision, event_type, status, place, chosen, sources))
    return plan


def summary(plan: Plan, event: tuple) -> str:
    day, precision, event_type, status, place, chosen, sources = event
    names = [plan.actors[i][0] for i in chosen]
    place_name = plan.places[place][0] if place is not None else "the capital"
    subject = names[0] if names else "The government"
    others = " and ".join(names[1:]) or "its neighbours"
    text = f"{subject} " + PHRASES.get(event_type, "acts").format(others=others, place=place_name)
    if place is not None and "{place}" not in PHRASES.get(event_type, ""):
        text += f" in {place_name}"
    return text[:500]


def write(plan: Plan, *, stdout=None) -> dict:
    """Insert the plan with bulk_create, a batch at a time; returns how many rows of each."""

    def say(message):
        if stdout is not None:
            stdout.write(message)

    actors = [
        Actor(
            name=name,
            slug=SLUG_PREFIX + f"{n:05d}",
            kind=kind,
            description="Synthetic actor, made by manage.py seed_synthetic.",
        )
        for n, (name, kind, _country) in enumerate(plan.actors)
    ]
    # Countries come first in the plan, so a person's country has its key when it is written.
    stateless = [
        a for a, (_n, _k, country) in zip(actors, plan.actors, strict=True) if country is None
    ]
    Actor.objects.bulk_create(stateless, batch_size=BATCH)
    members = []
    for actor, (_name, _kind, country) in zip(actors, plan.actors, strict=True):
        if country is not None:
            actor.country = actors[country]
            members.append(actor)
    Actor.objects.bulk_create(members, batch_size=BATCH)
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=a, name=a.name, key=actor_key(a.name)) for a in actors],
        batch_size=BATCH,
    )
    places = [
        Place(name=name, slug=SLUG_PREFIX + f"{n:05d}", latitude=lat, longitude=lon)
        for n, (name, lat, lon) in enumerate(plan.places)
    ]
    Place.objects.bulk_create(places, batch_size=BATCH)
    say(f"{len(actors)} actors, {len(places)} places")

    # Each article's text is its mentions' sentences, so every offset points into it.
    sentences: list[list[tuple[int, str]]] = [[] for _ in plan.published]
    for n, event in enumerate(plan.events):
        text = summary(plan, event)
        for source in event[6]:
            sentences[source].append((n, text))
    offsets: dict[tuple[int, int], tuple[int, int, str]] = {}  # (event, article) -> start, end
    articles = []
    for a, published in enumerate(plan.published):
        title = f"Synthetic report {a + 1}"
        parts = [title, "", f"DAMASCUS, {published:%d %B %Y} - "]
        position = len(title) + 2 + len(parts[2])
        body = []
        for n, text in sentences[a]:
            sentence = f"{text} on {published:%A}."
            body.append(sentence)
            offsets[(n, a)] = (position, position + len(sentence), sentence)
            position += len(sentence) + 1
            if n % 3 == 0:
                filler = FILLER[n % len(FILLER)]
                body.append(filler)
                position += len(filler) + 1
        raw = title + "\n\n" + parts[2] + " ".join(body)
        articles.append(
            Article(
                title=title,
                outlet=OUTLET,
                filename=f"{FILE_PREFIX}{a + 1:06d}.txt",
                published=published,
                published_how=Article.PublishedHow.GIVEN,
                raw_text=raw,
                clean_text=raw,
                content_hash=content_hash(raw),
                status=Article.Status.DONE,
                annotations={"dates": [], "actors": []},
            )
        )
    Article.objects.bulk_create(articles, batch_size=500)
    say(f"{len(articles)} articles")

    n_links = n_mentions = 0
    for lo in range(0, len(plan.events), BATCH):
        chunk = plan.events[lo : lo + BATCH]
        rows = []
        for n, event in enumerate(chunk, lo):
            day, precision, event_type, status, place, chosen, sources = event
            rows.append(
                Event(
                    date=day,
                    precision=precision,
                    precision_rank=PRECISION_RANK[precision],
                    type=event_type,
                    summary=summary(plan, event),
                    place=places[place] if place is not None else None,
                    status=status,
                    confidence=0.5 + (n % 50) / 100,
                    importance=ranking.importance(
                        event_type=event_type, confirmed=status == "confirmed", sources=len(sources)
                    ),
                )
            )
        Event.objects.bulk_create(rows, batch_size=BATCH)
        links, mentions = [], []
        for n, (row, event) in enumerate(zip(rows, chunk, strict=True), lo):
            for i, actor in enumerate(event[5]):
                role = EventActor.Role.SOURCE if i == 0 else EventActor.Role.TARGET
                links.append(EventActor(event=row, actor=actors[actor], role=role))
            for source in event[6]:
                start, end, sentence = offsets[(n, source)]
                mentions.append(
                    Mention(
                        event=row,
                        article=articles[source],
                        sentence=sentence,
                        start=start,
                        end=end,
                        date_text=sentence[sentence.rindex(" on ") + 4 : -1],
                        date_start=start + sentence.rindex(" on ") + 4,
                        date_end=end - 1,
                        date_value=row.date.isoformat(),
                        date_anchor="published",
                        date_anchor_value=articles[source].published.isoformat(),
                        confidence=row.confidence,
                    )
                )
        EventActor.objects.bulk_create(links, batch_size=BATCH)
        Mention.objects.bulk_create(mentions, batch_size=BATCH)
        n_links += len(links)
        n_mentions += len(mentions)
        if stdout is not None and (lo // BATCH) % 10 == 9:
            say(f"{lo + len(chunk)} events")
    data_changed()
    return {
        "actors": len(actors),
        "places": len(places),
        "articles": len(articles),
        "events": len(plan.events),
        "actor links": n_links,
        "mentions": n_mentions,
    }


def seed(*, events: int, actors: int, articles: int, seed: int, stdout=None) -> dict:
    """Plan and write a synthetic chronology in one transaction."""
    taken = set(Actor.objects.values_list("name", flat=True))
    taken |= set(ActorAlias.objects.values_list("key", flat=True))
    taken |= set(Place.objects.values_list("name", flat=True))
    plan = make_plan(events=events, actors=actors, articles=articles, seed=seed, taken=taken)
    with transaction.atomic():
        return write(plan, stdout=stdout)


def clear() -> dict:
    """Delete the synthetic rows and the events only synthetic articles report; real rows,
    and real events a synthetic article also reports, stay. Raw deletes: the models' signals
    would rescore each of 100,000 events one query at a time, for rows about to go."""
    articles = synthetic_articles()
    mentions = Mention.objects.filter(article__in=articles)
    real_mentions = Mention.objects.exclude(article__in=articles)
    events = Event.objects.filter(pk__in=mentions.values("event_id")).exclude(
        pk__in=real_mentions.values("event_id")
    )
    counts = {}
    with transaction.atomic():
        doomed = list(events.values_list("pk", flat=True))
        for lo in range(0, len(doomed), 10_000):
            ids = doomed[lo : lo + 10_000]
            EventActor.objects.filter(event_id__in=ids)._raw_delete(EventActor.objects.db)
            Mention.objects.filter(event_id__in=ids)._raw_delete(Mention.objects.db)
            Event.objects.filter(pk__in=ids)._raw_delete(Event.objects.db)
        counts["events"] = len(doomed)
        # Mentions of real events (there are none unless --allow-real mixed them): rescored.
        touched = set(mentions.values_list("event_id", flat=True))
        mentions._raw_delete(Mention.objects.db)
        Event.objects.filter(pk__in=touched).rescore()
        Submission.objects.filter(article__in=articles).update(article=None)
        counts["articles"] = articles._raw_delete(Article.objects.db)
        synthetic = Q(slug__startswith=SLUG_PREFIX)
        unused = list(
            Actor.objects.filter(synthetic, event_links__isnull=True).values_list("pk", flat=True)
        )
        counts["actors"] = 0
        for lo in range(0, len(unused), 10_000):
            ids = unused[lo : lo + 10_000]
            ActorAlias.objects.filter(actor_id__in=ids)._raw_delete(ActorAlias.objects.db)
            Actor.objects.filter(country_id__in=ids).update(country=None)
            Place.objects.filter(country_id__in=ids).update(country=None)
            counts["actors"] += Actor.objects.filter(pk__in=ids)._raw_delete(Actor.objects.db)
        counts["places"] = Place.objects.filter(synthetic, events__isnull=True)._raw_delete(
            Place.objects.db
        )
    data_changed()
    return counts
