"""Key events: every type has a family, the score is stored on write, the view filters on it."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from timeline import ranking
from timeline.curation import merge_events
from timeline.extraction.types import EVENT_TYPES
from timeline.models import Event, Mention


def test_every_type_of_the_vocabulary_has_a_family():
    for event_type, code in EVENT_TYPES.items():
        family = ranking.category(event_type)
        assert family in ranking.CATEGORIES
        if code and event_type not in ranking.BY_NAME:
            assert family == ranking.CAMEO_ROOTS[code[:2]]


def test_a_type_the_extraction_adds_later_is_ranked_by_its_cameo_root(monkeypatch):
    monkeypatch.setitem(EVENT_TYPES, "mediation", "0431")  # 04: consult
    monkeypatch.setitem(EVENT_TYPES, "blockade", "191")  # 19: fight
    assert ranking.category("mediation") == "consult"
    assert ranking.category("blockade") == "fight"
    assert ranking.category("never-heard-of") == "other"


def test_milestones_outrank_chatter():
    agreement = ranking.importance(event_type="agreement", confirmed=False, sources=1)
    meeting = ranking.importance(event_type="meeting", confirmed=False, sources=1)
    statement = ranking.importance(event_type="statement", confirmed=False, sources=1)
    assert agreement > meeting > statement
    assert agreement >= ranking.KEY_THRESHOLD > meeting
    # A meeting becomes key when confirmed or reported twice; a lone statement never does.
    assert ranking.importance(event_type="meeting", confirmed=True, sources=1) >= 50
    assert ranking.importance(event_type="meeting", confirmed=False, sources=2) >= 50
    assert ranking.importance(event_type="statement", confirmed=True, sources=1) < 50


@pytest.mark.django_db
def test_the_score_is_stored_when_sources_and_status_change(make_event, curator_client):
    event = make_event(type="meeting")
    event.refresh_from_db()
    assert event.importance == 40  # 30 for a meeting, 10 for its one source
    second = make_event(type="meeting", outlet="BBC News")
    mention = Mention.objects.get(event=second)
    mention.event = event
    mention.save()  # the mention moves: one event gains a source, the other loses it
    event.refresh_from_db()
    second.refresh_from_db()
    assert (event.importance, second.importance) == (50, 30)
    curator_client.post(
        reverse("admin:timeline_reviewqueue_changelist"),
        {"action": "confirm_events", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert event.importance == 70
    mention.delete()
    event.refresh_from_db()
    assert event.importance == 60


@pytest.mark.django_db
def test_merging_adds_the_sources_up(make_event):
    first = make_event(type="agreement")
    second = make_event(type="agreement", outlet="BBC News")
    survivor, _ = merge_events([first, second])
    survivor.refresh_from_db()
    assert survivor.importance == 60


@pytest.mark.django_db
def test_key_events_only(client, make_event, django_assert_max_num_queries, facet_budget_queries):
    make_event(type="agreement", summary="Geneva communique agreed")
    make_event(type="statement", summary="Ministry spokesman comments")
    make_event(type="meeting", summary="Envoy meets minister", status="confirmed")
    with django_assert_max_num_queries(12 + facet_budget_queries):
        html = client.get("/?key=1").content.decode()
    assert "Geneva communique agreed" in html and "Envoy meets minister" in html
    assert "Ministry spokesman comments" not in html
    assert '<h1 id="results-heading" tabindex="-1">Key events</h1>' in html
    assert 'href="/" hx-get="/">All events</a>' in html
    everything = client.get("/").content.decode()
    assert "Ministry spokesman comments" in everything
    assert '<span class="flag flag--key"' in everything
    assert everything.count("flag--key") == 2
    assert client.get("/?key=yes").status_code == 400
    csv = b"".join(client.get("/export.csv?key=1").streaming_content).decode()
    assert "Geneva communique agreed" in csv and "Ministry spokesman" not in csv


@pytest.mark.django_db
def test_rank_events_command_repairs_bulk_writes(make_event):
    event = make_event(type="agreement")
    Event.objects.filter(pk=event.pk).update(importance=0)
    out = StringIO()
    call_command("rank_events", stdout=out)
    assert out.getvalue().strip() == "1 of 1 events ranked anew"
    event.refresh_from_db()
    assert event.importance == 50
    assert datetime.date(2012, 12, 28) == event.date
