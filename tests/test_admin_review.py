"""The review queue, bulk confirm/reject, curated-on-edit and alias collisions in the admin."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from timeline.models import Actor, ActorAlias, Event

pytestmark = pytest.mark.django_db


def history(event):
    return list(
        LogEntry.objects.filter(object_id=str(event.pk), content_type__model="event")
        .order_by("id")
        .values_list("user__username", "change_message")
    )


def test_review_queue_lists_proposed_events_least_confident_first(curator_client, make_event):
    sure = make_event(summary="Lavrov meets Brahimi in Moscow")
    unsure = make_event(summary="Kerry calls Lavrov", actors=("John Kerry",), place=None)
    done = make_event(summary="Already confirmed meeting", status="confirmed")
    Event.objects.filter(pk=sure.pk).update(confidence=0.9)
    Event.objects.filter(pk=unsure.pk).update(confidence=0.2)
    response = curator_client.get(reverse("admin:timeline_reviewqueue_changelist"))
    assert response.status_code == 200
    listed = list(response.context["cl"].result_list)
    assert listed == [unsure, sure]
    assert done not in listed


def test_bulk_confirm_and_reject_log_who_did_it(curator_client, make_event):
    first, second, third = make_event(), make_event(), make_event()
    url = reverse("admin:timeline_reviewqueue_changelist")
    response = curator_client.post(
        url, {"action": "confirm_events", "_selected_action": [first.pk, second.pk]}
    )
    assert response.status_code == 302
    response = curator_client.post(url, {"action": "reject_events", "_selected_action": [third.pk]})
    assert response.status_code == 302
    statuses = dict(Event.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "confirmed", third.pk: "rejected"}
    assert history(first) == [("curator", "Confirmed (bulk action).")]
    assert history(third) == [("curator", "Rejected (bulk action).")]
    assert LogEntry.objects.get(object_id=str(third.pk)).action_flag == CHANGE
    # The event's History page shows the entry.
    page = curator_client.get(reverse("admin:timeline_event_history", args=[third.pk]))
    assert "Rejected (bulk action)." in page.content.decode()


def test_review_queue_row_opens_the_event_page(curator_client, make_event):
    event = make_event()
    response = curator_client.get(reverse("admin:timeline_reviewqueue_change", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_event_change", args=[event.pk])


def event_form(event, **changes):
    links = list(event.event_actors.all())
    mentions = list(event.mentions.all())
    data = {
        "date": event.date.isoformat(),
        "precision": event.precision,
        "type": event.type,
        "summary": event.summary,
        "place": event.place_id or "",
        "status": event.status,
        "confidence": event.confidence,
        "event_actors-TOTAL_FORMS": len(links),
        "event_actors-INITIAL_FORMS": len(links),
        "mentions-TOTAL_FORMS": len(mentions),
        "mentions-INITIAL_FORMS": len(mentions),
    }
    for i, link in enumerate(links):
        data |= {
            f"event_actors-{i}-id": link.pk,
            f"event_actors-{i}-event": event.pk,
            f"event_actors-{i}-actor": link.actor_id,
            f"event_actors-{i}-role": link.role,
        }
    for i, mention in enumerate(mentions):
        data |= {f"mentions-{i}-id": mention.pk, f"mentions-{i}-event": event.pk}
    data.update(changes)
    return data


def test_editing_the_date_marks_the_event_curated_and_logs_it(curator_client, make_event):
    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = curator_client.post(url, event_form(event, date="2012-12-29"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert event.date == datetime.date(2012, 12, 29)
    assert event.curated
    [(user, message)] = history(event)
    assert user == "curator" and "Date" in message


def test_saving_without_changes_or_changing_only_the_status_keeps_it_uncurated(
    curator_client, make_event
):
    event = make_event()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    assert curator_client.post(url, event_form(event)).status_code == 302
    assert curator_client.post(url, event_form(event, status="confirmed")).status_code == 302
    event.refresh_from_db()
    assert event.status == "confirmed"
    assert not event.curated


def test_changing_the_actors_marks_the_event_curated(curator_client, make_event):
    event = make_event()
    kerry = Actor.objects.create(name="John Kerry", kind="person")
    data = event_form(event, **{"event_actors-1-actor": kerry.pk, "event_actors-1-role": "other"})
    url = reverse("admin:timeline_event_change", args=[event.pk])
    # Kerry instead of Lavrov on the second link.
    response = curator_client.post(url, data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.curated
    assert "John Kerry" in set(event.actors.values_list("name", flat=True))


def alias_form(actor, *names):
    aliases = list(actor.aliases.all())
    data = {
        "name": actor.name,
        "slug": actor.slug,
        "kind": actor.kind,
        "country": "",
        "description": "",
        "aliases-TOTAL_FORMS": len(aliases) + len(names),
        "aliases-INITIAL_FORMS": len(aliases),
    }
    for i, alias in enumerate(aliases):
        data |= {
            f"aliases-{i}-id": alias.pk,
            f"aliases-{i}-actor": actor.pk,
            f"aliases-{i}-name": alias.name,
        }
    for j, name in enumerate(names, start=len(aliases)):
        data |= {f"aliases-{j}-actor": actor.pk, f"aliases-{j}-name": name}
    return data


def test_alias_that_another_actor_already_has_is_a_form_error(curator_client):
    lavrov = Actor.objects.create(name="Sergey Lavrov", kind="person")
    ActorAlias.objects.create(actor=lavrov, name="Sergey Lavrov")
    kerry = Actor.objects.create(name="John Kerry", kind="person")
    url = reverse("admin:timeline_actor_change", args=[kerry.pk])
    # "Sergei Lavrov" folds to the same matching key as "Sergey Lavrov".
    response = curator_client.post(url, alias_form(kerry, "Sergei Lavrov"))
    assert response.status_code == 200
    assert "matches the alias “Sergey Lavrov” of Sergey Lavrov" in response.content.decode()
    assert not kerry.aliases.exists()


def test_two_new_aliases_with_one_key_are_a_form_error(curator_client):
    kerry = Actor.objects.create(name="John Kerry", kind="person")
    url = reverse("admin:timeline_actor_change", args=[kerry.pk])
    response = curator_client.post(url, alias_form(kerry, "Secretary Kerry", "Kerry"))
    assert response.status_code == 200
    assert "is the same name for matching" in response.content.decode()
    assert not kerry.aliases.exists()


def test_new_alias_is_saved(curator_client):
    kerry = Actor.objects.create(name="John Kerry", kind="person")
    url = reverse("admin:timeline_actor_change", args=[kerry.pk])
    response = curator_client.post(url, alias_form(kerry, "Secretary of State Kerry"))
    assert response.status_code == 302
    assert list(kerry.aliases.values_list("name", flat=True)) == ["Secretary of State Kerry"]


# Issue 11, defect 6: the review queue and the change form as a curator reads them.
def test_review_queue_dates_are_at_the_events_precision(curator_client, make_event):
    make_event(date=datetime.date(2013, 5, 1), precision="month", summary="Talks in May")
    make_event(date=datetime.date(2013, 5, 7), summary="Kerry in Moscow")
    html = curator_client.get(reverse("admin:timeline_reviewqueue_changelist")).content.decode()
    assert '<td class="field-when">May 2013</td>' in html
    assert '<td class="field-when">7 May 2013</td>' in html
    assert "1 May 2013" not in html
    # The admin's stylesheet gives the summary column its room.
    assert "timeline/admin.css" in html


def test_change_form_summary_is_a_text_area_and_inline_rows_are_labelled(
    curator_client, make_event
):
    event = make_event()
    html = curator_client.get(
        reverse("admin:timeline_event_change", args=[event.pk])
    ).content.decode()
    assert '<textarea name="summary"' in html
    assert 'aria-label="Role, row 1"' in html
    assert 'aria-label="Actor, row 1"' in html
    assert 'aria-label="Delete, row 1"' in html
    assert 'aria-label="Role, new row"' in html
