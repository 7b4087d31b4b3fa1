"""What curators do to many rows at once: merge duplicate events, merge duplicate actors.

Both run in one transaction and return a sentence for the admin's history.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from timeline.extraction.actors import actor_key
from timeline.ingest import lock_the_store
from timeline.models import Actor, ActorAlias, Event, Place

STATUS_RANK = {Event.Status.CONFIRMED: 0, Event.Status.PROPOSED: 1, Event.Status.REJECTED: 2}


def event_survivor(events: Iterable[Event]) -> Event:
    """The event the others merge into: the most confirmed, then curated, then the oldest row."""
    return min(events, key=lambda e: (STATUS_RANK.get(e.status, 3), not e.curated, e.pk))


@transaction.atomic
def merge_events(events: Iterable[Event]) -> tuple[Event, str]:
    """Move every mention and actor of `events` onto one of them and delete the others.

    The survivor becomes curated: a curator decided what it is, re-extraction leaves it be.
    """
    lock_the_store()
    events = list(events)
    if len(events) < 2:
        raise ValueError("Select at least two events to merge.")
    survivor = event_survivor(events)
    others = [e for e in events if e.pk != survivor.pk]
    have_actors = set(survivor.event_actors.values_list("actor_id", flat=True))
    have_mentions = set(survivor.mentions.values_list("article_id", "start"))
    for other in others:
        for link in other.event_actors.all():
            if link.actor_id not in have_actors:
                link.event = survivor
                link.save(update_fields=["event"])
                have_actors.add(link.actor_id)
        for mention in other.mentions.all():
            if (mention.article_id, mention.start) not in have_mentions:
                mention.event = survivor
                mention.save(update_fields=["event"])
                have_mentions.add((mention.article_id, mention.start))
        if survivor.place_id is None and other.place_id is not None:
            survivor.place_id = other.place_id
    survivor.confidence = max(e.confidence for e in events)
    survivor.curated = True
    survivor.save()
    Event.objects.filter(pk__in=[o.pk for o in others]).delete()
    merged = "; ".join(f"#{o.pk} “{o}”" for o in others)
    return survivor, f"Merged {merged} into this event."


@transaction.atomic
def merge_actors(survivor: Actor, others: Iterable[Actor]) -> str:
    """Move events, aliases and country references of `others` to `survivor`; delete them.

    Each merged actor's name becomes an alias of the survivor, so the next extraction
    finds the survivor under that name.
    """
    lock_the_store()
    others = [a for a in others if a.pk != survivor.pk]
    linked = set(survivor.event_links.values_list("event_id", flat=True))
    for other in others:
        for link in other.event_links.all():
            if link.event_id in linked:
                link.delete()  # the survivor is already on that event
            else:
                link.actor = survivor
                link.save(update_fields=["actor"])
                linked.add(link.event_id)
        other.aliases.update(actor=survivor)
        Actor.objects.filter(country=other).update(country=survivor)
        Place.objects.filter(country=other).update(country=survivor)
        name, key = other.name, actor_key(other.name)
        other.delete()
        if key and not ActorAlias.objects.filter(key=key).exists():
            ActorAlias.objects.create(actor=survivor, name=name)
    names = ", ".join(f"“{o.name}”" for o in others)
    return f"Merged {names} into this actor; their names are now its aliases."
