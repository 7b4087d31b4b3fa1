"""Merging events and actors in the admin: nothing a curator knew is lost."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.urls import reverse

from timeline.models import Actor, ActorAlias, Event, EventActor, Mention, Place

pytestmark = pytest.mark.django_db


def test_merge_events_keeps_every_mention_and_actor_on_the_confirmed_one(
    curator_client, make_event
):
    older = make_event(summary="Brahimi meets Lavrov")
    confirmed = make_event(
        summary="Lavrov and Brahimi hold talks",
        actors=("Sergey Lavrov", "Mikhail Bogdanov"),
        status="confirmed",
    )
    third = make_event(summary="Talks in Moscow", actors=("Lakhdar Brahimi",), place=None)
    response = curator_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_events", "_selected_action": [older.pk, confirmed.pk, third.pk]},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_event_change", args=[confirmed.pk])
    assert list(Event.objects.values_list("pk", flat=True)) == [confirmed.pk]
    survivor = Event.objects.get()
    assert survivor.status == "confirmed"
    assert survivor.curated
    assert Mention.objects.filter(event=survivor).count() == 3
    assert set(survivor.actors.values_list("name", flat=True)) == {
        "Lakhdar Brahimi",
        "Sergey Lavrov",
        "Mikhail Bogdanov",
    }
    assert EventActor.objects.count() == 3
    message = LogEntry.objects.filter(object_id=str(survivor.pk)).get().change_message
    assert f"#{older.pk}" in message and f"#{third.pk}" in message
    deleted = LogEntry.objects.filter(action_flag=DELETION).values_list("object_id", flat=True)
    assert set(deleted) == {str(older.pk), str(third.pk)}


def test_merge_without_a_confirmed_event_keeps_the_oldest(curator_client, make_event):
    first, second = make_event(), make_event(summary="Same talks")
    curator_client.post(
        reverse("admin:timeline_reviewqueue_changelist"),
        {"action": "merge_events", "_selected_action": [second.pk, first.pk]},
    )
    assert list(Event.objects.values_list("pk", flat=True)) == [first.pk]


def test_merge_needs_two_events(curator_client, make_event):
    event = make_event()
    response = curator_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_events", "_selected_action": [event.pk]},
        follow=True,
    )
    assert "Select at least two events" in response.content.decode()
    assert Event.objects.count() == 1


def test_merge_actors_asks_which_to_keep_then_moves_everything(curator_client, make_event):
    both = make_event(actors=("Sergey Lavrov", "Sergei Lavrov"))
    only_other = make_event(actors=("Sergei Lavrov", "Lakhdar Brahimi"))
    keep = Actor.objects.get(name="Sergey Lavrov")
    merge = Actor.objects.get(name="Sergei Lavrov")
    ActorAlias.objects.create(actor=merge, name="Mr Lavrov")
    russia = Actor.objects.create(name="Russia", kind="country")
    russia_dup = Actor.objects.create(name="Russian Federation", kind="country")
    merge.country = russia
    merge.save()
    Place.objects.create(name="Sochi", country=russia_dup)
    url = reverse("admin:timeline_actor_changelist")

    page = curator_client.post(
        url, {"action": "merge_actors", "_selected_action": [keep.pk, merge.pk]}
    )
    assert page.status_code == 200
    assert "Keep one actor" in page.content.decode()

    response = curator_client.post(
        url,
        {
            "action": "merge_actors",
            "_selected_action": [keep.pk, merge.pk],
            "post": "yes",
            "survivor": keep.pk,
        },
    )
    assert response.status_code == 302
    assert not Actor.objects.filter(pk=merge.pk).exists()
    # The event that had both keeps one link (the unique constraint), the other moves over.
    assert list(both.actors.values_list("name", flat=True)) == ["Sergey Lavrov"]
    assert set(only_other.actors.values_list("name", flat=True)) == {
        "Sergey Lavrov",
        "Lakhdar Brahimi",
    }
    assert {"Mr Lavrov", "Sergei Lavrov"} <= set(keep.aliases.values_list("name", flat=True))
    assert LogEntry.objects.filter(object_id=str(keep.pk), change_message__contains="Merged")

    # Country references move too.
    curator_client.post(
        url,
        {
            "action": "merge_actors",
            "_selected_action": [russia.pk, russia_dup.pk],
            "post": "yes",
            "survivor": russia.pk,
        },
    )
    assert Place.objects.get(name="Sochi").country == russia
    assert ActorAlias.objects.get(name="Russian Federation").actor == russia


def test_merge_actors_without_a_choice_asks_again(curator_client):
    a = Actor.objects.create(name="Moaz al-Khatib", kind="person")
    b = Actor.objects.create(name="Mouaz Al Khatib", kind="person")
    response = curator_client.post(
        reverse("admin:timeline_actor_changelist"),
        {"action": "merge_actors", "_selected_action": [a.pk, b.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert Actor.objects.count() == 2
